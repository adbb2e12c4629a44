"""Museum groups follow the museum pages: created, renamed and deleted through the admin."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    ModelLogEntry,
    Page,
    Workflow,
)
from wagtail.test.utils.form_data import nested_form_data, streamfield

from demo.accounts import demo_teams
from museum_pages.models import MuseumPage
from teams.models import MuseumTeam
from teams.permissions import museum_team
from tests.helpers import sign_in, superuser


def museum_form(title, slug, action="action-publish"):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "intro": "",
            "hero_image": "",
            "hero_image_alt": "",
            "town": "Arras",
            "body": streamfield([]),
            **{
                f"{formset}-{field}": value
                for formset in INLINE_FORMSETS
                for field, value in EMPTY_FORMSET.items()
            },
            action: "1",
        }
    )


# The museum form's inline panels (comments, and the practical information's inlines).
INLINE_FORMSETS = ["comments", "opening_periods", "closures", "guided_departures", "prices"]
EMPTY_FORMSET = {
    "TOTAL_FORMS": "0",
    "INITIAL_FORMS": "0",
    "MIN_NUM_FORMS": "0",
    "MAX_NUM_FORMS": "1000",
}


def create_museum(client, home, title="Musée de la Mine", slug="musee-mine"):
    add = reverse("wagtailadmin_pages:add", args=["museum_pages", "museumpage", home.pk])
    response = client.post(add, museum_form(title, slug))
    assert response.status_code == 302, response.context and response.context["form"].errors
    return MuseumPage.objects.get(slug=slug)


def test_creating_a_museum_in_the_admin_creates_its_groups(client, home):
    sign_in(client, superuser())
    museum = create_museum(client, home)
    editors = Group.objects.get(name="Musée de la Mine — rédacteurs")
    moderators = Group.objects.get(name="Musée de la Mine — modérateurs")
    assert GroupPagePermission.objects.filter(group=editors, page=museum).count() == 2
    assert GroupPagePermission.objects.filter(
        group=moderators, page=museum, permission__codename="publish_page"
    ).exists()
    collection = Collection.objects.get(name="Musée de la Mine")
    assert GroupCollectionPermission.objects.filter(group=editors, collection=collection).exists()
    assert museum.get_workflow().name == "Musée de la Mine — modération"
    assert ModelLogEntry.objects.filter(object_id=str(editors.pk), action="wagtail.create")


def test_renaming_a_museum_renames_its_groups_collection_and_workflow(client, home):
    sign_in(client, superuser())
    museum = create_museum(client, home)
    edit = reverse("wagtailadmin_pages:edit", args=[museum.pk])
    response = client.post(edit, museum_form("Centre de la Mine", "musee-mine"))
    assert response.status_code == 302
    team = museum_team(museum)
    assert team.editors.name == "Centre de la Mine — rédacteurs"
    assert team.moderators.name == "Centre de la Mine — modérateurs"
    assert team.collection.name == "Centre de la Mine"
    assert team.workflow.name == "Centre de la Mine — modération"
    assert not Group.objects.filter(name__startswith="Musée de la Mine").exists()
    assert ModelLogEntry.objects.filter(object_id=str(team.editors.pk), action="wagtail.rename")


def test_deleting_a_museum_leaves_no_group_or_permission_behind(client, home):
    sign_in(client, superuser())
    museum = create_museum(client, home)
    team = museum_team(museum)
    group_ids = [team.editors_id, team.moderators_id]
    workflow_id = team.workflow_id
    response = client.post(reverse("wagtailadmin_pages:delete", args=[museum.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=museum.pk).exists()
    assert not Group.objects.filter(pk__in=group_ids).exists()
    assert not GroupPagePermission.objects.filter(group_id__in=group_ids).exists()
    assert not GroupCollectionPermission.objects.filter(group_id__in=group_ids).exists()
    assert not MuseumTeam.objects.filter(museum_key=museum.translation_key).exists()
    assert not Workflow.objects.filter(pk=workflow_id).exists()
    assert not Group.objects.filter(name__startswith="Musée de la Mine").exists()


def test_groups_of_two_museums_with_the_same_name_stay_apart(client, home):
    sign_in(client, superuser())
    first = create_museum(client, home, "Musée de la Mine", "mine-1")
    second = create_museum(client, home, "Musée de la Mine", "mine-2")
    assert museum_team(first).editors != museum_team(second).editors
    assert museum_team(second).editors.name == "Musée de la Mine (2) — rédacteurs"


def test_demo_creates_an_editor_and_a_moderator_for_two_museums(locales):
    users = get_user_model().objects
    for slug, prefix in demo_teams().items():
        team = museum_team(MuseumPage.objects.get(slug=slug, locale=locales["fr"]))
        assert users.get(username=f"{prefix}-editor").groups.get() == team.editors
        assert users.get(username=f"{prefix}-moderator").groups.get() == team.moderators
    assert len(demo_teams()) == 2


def test_demo_passwords_are_printed_once(locales):
    editor = f"{next(iter(demo_teams().values()))}-editor"  # wellington-editor
    get_user_model().objects.filter(username=editor).delete()
    out = io.StringIO()
    call_command("load_network", stdout=out)
    assert f"{editor} / " in out.getvalue()
    again = io.StringIO()
    call_command("load_network", stdout=again)
    assert f"{editor} / " not in again.getvalue()
    assert f"{editor} (password printed when it was created)" in again.getvalue()


@override_settings(MEMHISTO_DEMO_ACCOUNTS=False)
def test_no_demo_team_accounts_outside_development(locales):
    get_user_model().objects.filter(username__endswith="-editor").delete()
    out = io.StringIO()
    call_command("load_network", stdout=out)
    assert not get_user_model().objects.filter(username__endswith="-editor").exists()
    assert "-editor" not in out.getvalue()
