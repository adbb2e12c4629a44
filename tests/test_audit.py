"""Publish, unpublish, move and permission changes are in Wagtail's history, and the
network team sees them in the site history report."""

from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry, PageLogEntry

from museum_pages.models import ExhibitPage, MuseumPage
from teams.permissions import NETWORK_TEAM, museum_team, sync_museum_team
from tests.helpers import MUSEUM_B, editor_of, exhibit_form, moderator_of, network_member, sign_in


def site_history(client):
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert response.status_code == 200
    return response.content.decode()


def test_publish_unpublish_and_move_are_in_the_history_seen_by_the_network_team(
    client, museum, locales
):
    moderator = moderator_of(museum)
    sign_in(client, moderator)
    add = reverse("wagtailadmin_pages:add", args=["museum_pages", "exhibitpage", museum.pk])
    client.post(add, exhibit_form("Salle du souvenir", "salle-souvenir", "action-publish"))
    exhibit = ExhibitPage.objects.get(slug="salle-souvenir")
    client.post(reverse("wagtailadmin_pages:unpublish", args=[exhibit.pk]))
    exhibit.refresh_from_db()
    assert not exhibit.live

    sign_in(client, network_member())
    other = MuseumPage.objects.get(slug=MUSEUM_B, locale=locales["fr"])
    response = client.post(reverse("wagtailadmin_pages:move_confirm", args=[exhibit.pk, other.pk]))
    assert response.status_code == 302
    exhibit.refresh_from_db()
    assert exhibit.get_parent().pk == other.pk

    actions = set(PageLogEntry.objects.filter(page=exhibit).values_list("action", flat=True))
    assert {"wagtail.publish", "wagtail.unpublish", "wagtail.move"} <= actions
    assert PageLogEntry.objects.get(page=exhibit, action="wagtail.publish").user == moderator

    history = site_history(client)
    assert history.count("Salle du souvenir") >= 3


def test_permission_changes_are_logged_and_seen_by_the_network_team(client, museum):
    team = museum_team(museum)
    team.editors.permissions.clear()
    sync_museum_team(museum)
    entries = ModelLogEntry.objects.filter(object_id=str(team.editors.pk), action="wagtail.edit")
    assert entries.exists()
    sign_in(client, network_member())
    history = site_history(client)
    assert team.editors.name.split(" — ")[0][:20] in history


def test_museum_editors_do_not_see_the_network_groups_history(client, museum):
    sign_in(client, editor_of(museum))
    network = Group.objects.get(name=NETWORK_TEAM)
    assert ModelLogEntry.objects.filter(object_id=str(network.pk)).exists()
    response = client.get(reverse("wagtailadmin_reports:site_history"))
    assert NETWORK_TEAM not in response.content.decode()
