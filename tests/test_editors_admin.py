"""The admin fits a museum team: start in their museum, a "my museum" panel, page types
limited by the tree, help texts, previews of every page type."""

import pytest
from django.urls import reverse
from django.utils.html import escape

from home.models import NetworkHomePage, StandardPage
from museum_pages.models import EventPage, ExhibitPage, MuseumPage, VirtualVisitPage
from tests.helpers import (
    MUSEUM_B,
    editor_of,
    exhibit_form,
    member,
    network_member,
    queries_for,
    sign_in,
)

PAGE_TYPES = [NetworkHomePage, StandardPage, MuseumPage, ExhibitPage, VirtualVisitPage, EventPage]


def login(client, user, next_url=None):
    data = {"username": user.username, "password": "x"}
    if next_url:
        data["next"] = next_url
    return client.post(reverse("wagtailadmin_login"), data)


def test_editor_who_logs_in_starts_in_their_museum(client, museum):
    response = login(client, editor_of(museum), next_url="/admin/")
    assert response.status_code == 302
    assert response.url == reverse("wagtailadmin_explore", args=[museum.pk])
    assert client.get(response.url).status_code == 200


def test_login_keeps_an_explicit_destination(client, museum):
    target = reverse("wagtailadmin_pages:edit", args=[museum.pk])
    response = login(client, editor_of(museum), next_url=target)
    assert response.url == target


def test_network_team_logs_in_to_the_dashboard(client, db):
    response = login(client, network_member())
    assert response.url == reverse("wagtailadmin_home")


def test_login_with_a_wrong_password_is_refused_without_error(client, museum):
    user = editor_of(museum)
    response = client.post(
        reverse("wagtailadmin_login"), {"username": user.username, "password": "?"}
    )
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_dashboard_shows_my_museum_with_waiting_pages_and_events_without_image(client, museum):
    sign_in(client, editor_of(museum))
    add = reverse("wagtailadmin_pages:add", args=["museum_pages", "exhibitpage", museum.pk])
    client.post(add, exhibit_form("Salle des tunnels", "salle-tunnels"))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert f"Mon musée : {museum.title}" in html.replace("&#x27;", "'")
    waiting = html.split("En attente de validation")[1].split("Traductions à mettre à jour")[0]
    assert "Salle des tunnels" in waiting
    event = museum.get_children().type(EventPage).first()
    events = html.split("Événements à venir sans image")[1]
    assert event.title in events
    other = MuseumPage.objects.get(slug=MUSEUM_B, locale=museum.locale)
    assert other.title not in html


def test_dashboard_lists_translations_older_than_the_french_page(client, museum, locales):
    sign_in(client, editor_of(museum))
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Toutes les traductions sont à jour." in html
    museum.intro = "Une présentation revue."
    museum.save_revision().publish()
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    outdated = html.split("Traductions à mettre à jour")[1].split("Événements à venir")[0]
    german = museum.get_translation(locales["de"])
    assert reverse("wagtailadmin_pages:edit", args=[german.pk]) in outdated


def test_dashboard_queries_do_not_grow_with_waiting_pages(client, museum):
    sign_in(client, editor_of(museum))
    add = reverse("wagtailadmin_pages:add", args=["museum_pages", "exhibitpage", museum.pk])

    client.post(add, exhibit_form("Salle 1", "salle-1"))
    with_one = queries_for(client, reverse("wagtailadmin_home"))
    for number in range(2, 5):
        client.post(add, exhibit_form(f"Salle {number}", f"salle-{number}"))
    assert queries_for(client, reverse("wagtailadmin_home")) == with_one


def test_network_team_has_no_my_museum_panel(client, db):
    sign_in(client, network_member())
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Mon musée" not in html


def test_editor_chooses_only_page_types_allowed_under_a_museum(client, museum, home):
    sign_in(client, editor_of(museum))
    html = client.get(reverse("wagtailadmin_pages:add_subpage", args=[museum.pk])).content
    html = html.decode()
    for model in (ExhibitPage, VirtualVisitPage, EventPage):
        assert (
            reverse(
                "wagtailadmin_pages:add", args=["museum_pages", model._meta.model_name, museum.pk]
            )
            in html
        )
    for model in (MuseumPage, StandardPage, NetworkHomePage):
        assert f"/{model._meta.model_name}/" not in html
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[home.pk]))
    assert response.status_code in (302, 403)


@pytest.mark.parametrize(
    "help_text",
    ["Heure de Paris.", "Au moins 1600 × 900 pixels", "Deux ou trois phrases"],
)
def test_event_form_has_french_help_texts(client, museum, help_text):
    sign_in(client, editor_of(museum))
    event = museum.get_children().type(EventPage).first()
    html = client.get(reverse("wagtailadmin_pages:edit", args=[event.pk])).content.decode()
    assert help_text in html


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_has_a_preview(client, locales, model):
    page = model.objects.filter(locale=locales["fr"]).first()
    sign_in(client, network_member())
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[page.pk])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    assert preview in edit.content.decode()
    response = page.make_preview_request()
    assert response.status_code == 200
    assert escape(page.title) in response.content.decode()


def test_user_without_group_has_no_admin_access(client, db):
    sign_in(client, member("nobody"))
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 302
