"""setup_network: an empty database becomes a working network in four languages, and a
second run, or a run on a network editors have worked on, changes nothing."""

import io

from django.contrib.auth.models import Group
from django.core.management import call_command
from wagtail.models import Page, Workflow

from home.models import StandardPage
from teams.permissions import museum_team
from tests.helpers import PRODUCTION_ENV, network_member, run_manage

# What the fresh site must answer, checked from inside the production settings.
CHECK_SITE = """
from django.contrib.auth.models import Group
from django.contrib.staticfiles.storage import StaticFilesStorage, staticfiles_storage
from django.test import Client
staticfiles_storage._wrapped = StaticFilesStorage()  # static files are not collected here
client = Client(HTTP_HOST="memhisto.example")
for code in ["fr", "en", "de", "nl"]:
    response = client.get(f"/{code}/")
    print(code, response.status_code, f'<html lang="{code}"' in response.content.decode())
legal = [client.get(f"/de/{slug}/").status_code for slug in ["impressum", "mentions-legales"]]
print("legal", *legal)
print("groups", sorted(Group.objects.values_list("name", flat=True)))
"""


def test_an_empty_database_becomes_a_network_in_four_languages(empty_database, tmp_path):
    env = {
        **PRODUCTION_ENV,
        "DATABASE_URL": empty_database,
        "REDIS_URL": "",
        "SECURE_SSL_REDIRECT": "false",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }
    for command in (["migrate", "--noinput"], ["setup_network"]):
        result = run_manage(*command, env=env)
        assert result.returncode == 0, result.stderr
    assert "objects created or changed" in result.stdout
    again = run_manage("setup_network", env=env)
    assert "already complete, nothing changed" in again.stdout, again.stdout + again.stderr
    site = run_manage("shell", "-c", CHECK_SITE, env=env)
    assert site.returncode == 0, site.stderr
    lines = site.stdout.splitlines()
    for code in ["fr", "en", "de", "nl"]:
        assert f"{code} 200 True" in lines, site.stdout
    # Slugs are translated: the German legal notice is /de/impressum/, and its French
    # slug under /de/ moves there.
    assert "legal 200 301" in lines
    groups = next(line for line in lines if line.startswith("groups"))
    for name in ["Équipe du réseau", "Traducteurs — English", "Traducteurs — Deutsch"]:
        assert name in groups
    assert "'Editors'" not in groups and "'Moderators'" not in groups


def test_a_second_run_on_a_worked_network_changes_nothing_an_editor_did(db, home):
    legal = StandardPage.objects.get(slug="mentions-legales", locale=home.locale)
    legal.title = "Mentions légales du réseau"
    legal.save_revision().publish()
    pages = Page.objects.count()
    Group.objects.get_or_create(name="Editors")  # Wagtail's default group, unused here
    out = io.StringIO()
    call_command("setup_network", stdout=out)
    legal.refresh_from_db()
    assert legal.title == "Mentions légales du réseau"
    assert Page.objects.count() == pages
    assert not Group.objects.filter(name="Editors").exists()
    out = io.StringIO()
    call_command("setup_network", stdout=out)
    assert "nothing changed" in out.getvalue()


def test_a_network_made_with_english_group_names_gets_the_french_ones(db, museum):
    """Databases made before the names were French: the next run renames their groups,
    workflows and tasks, and their members and pages stay with them."""
    team = museum_team(museum)
    network = Group.objects.get(name="Équipe du réseau")
    member = network_member()
    network_workflow = Workflow.objects.get(name="Équipe du réseau — modération")
    english = [
        (network, "Network team"),
        (network_workflow, "Network team — moderation"),
        (network_workflow.tasks.get(), "Network team — approval"),
        (team.editors, f"{museum.title} — editors"),
        (team.moderators, f"{museum.title} — moderators"),
        (team.workflow, f"{museum.title} — moderation"),
        (team.workflow.tasks.get(), f"{museum.title} — moderators' approval"),
    ]
    for item, name in english:
        type(item).objects.filter(pk=item.pk).update(name=name)
    call_command("setup_network", stdout=io.StringIO())
    renamed = [type(item).objects.get(pk=item.pk).name for item, _name in english]
    assert renamed == [
        "Équipe du réseau",
        "Équipe du réseau — modération",
        "Équipe du réseau — validation",
        f"{museum.title} — rédacteurs",
        f"{museum.title} — modérateurs",
        f"{museum.title} — modération",
        f"{museum.title} — validation des modérateurs",
    ]
    assert list(member.groups.all()) == [network]
    assert museum.get_workflow() == team.workflow
    assert not Group.objects.filter(name__in=["Network team", f"{museum.title} — editors"])
