"""Who may do what, enforced on the server in every admin path (teams/rights.py): translators
add, edit and publish their language's pages and nothing else; museum teams request the
translation of their museum's pages; and editors' forms tell the truth (a new museum's
image in its collection, no map position that is not saved)."""

import html
import json
import re

import pytest
from django.contrib import messages
from django.contrib.messages import get_messages
from django.urls import reverse
from wagtail.models import Page, get_page_models
from wagtail_localize.models import Translation, TranslationSource

from core.pages import ContentPage
from demo.factories import ExhibitPageFactory, ImageFactory, StandardPageFactory
from museum_pages.models import EventPage, MuseumPage
from teams.permissions import museum_team
from tests.helpers import (
    demo_user,
    editor_of,
    moderator_of,
    network_member,
    sign_in,
)


@pytest.fixture
def translator(client, db):
    return sign_in(client, demo_user("translator-de"))


@pytest.fixture
def german_event(locales):
    """A live German event page: a leaf, where Wagtail alone would let a translator delete."""
    page = EventPage.objects.live().filter(locale=locales["de"]).first()
    assert page is not None and page.is_leaf()
    return page


def refused(response):
    """Wagtail's permission-denied answer: back to the dashboard with its error message ("Sorry,
    you do not have permission…", in the user's language), or a 403."""
    if response.status_code == 403:
        return True
    levels = [m.level for m in get_messages(response.wsgi_request)]
    return response.url == reverse("wagtailadmin_home") and messages.ERROR in levels


def unchanged(page):
    fresh = Page.objects.get(pk=page.pk)
    return (fresh.live, fresh.path, fresh.title) == (page.live, page.path, page.title)


def test_every_page_type_asks_the_teams_rules():
    models = [model for model in get_page_models() if model is not Page]
    assert models and all(issubclass(model, ContentPage) for model in models)


@pytest.mark.parametrize(
    "url_name", ["delete", "move", "copy", "unpublish", "set_privacy", "set_page_position"]
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_translator_cannot_delete_move_copy_unpublish_or_restrict(
    client, translator, german_event, url_name, method
):
    url = reverse(f"wagtailadmin_pages:{url_name}", args=[german_event.pk])
    data = {
        "new_title": "Kopie",
        "new_slug": "kopie",
        "new_parent_page": german_event.get_parent().pk,
    }
    if url_name == "set_page_position":
        url += "?position=0"
    response = getattr(client, method)(url, data if method == "post" else None)
    if url_name == "set_page_position" and method == "get":
        assert response.status_code == 405  # Wagtail's view takes POST only
    else:
        assert refused(response), (url_name, method, response.status_code)
    assert unchanged(german_event)
    assert not Page.objects.filter(slug="kopie").exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_translator_cannot_move_a_page_to_a_chosen_place(client, translator, german_event, method):
    home = german_event.get_ancestors().get(depth=2)
    url = reverse("wagtailadmin_pages:move_confirm", args=[german_event.pk, home.pk])
    assert refused(getattr(client, method)(url))
    assert unchanged(german_event)


@pytest.mark.parametrize("action", ["delete", "unpublish", "move"])
def test_translator_bulk_actions_leave_the_page_alone(client, translator, german_event, action):
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    url += f"?id={german_event.pk}"
    page = client.get(url)
    assert page.status_code == 200
    assert german_event.title in page.content.decode()  # listed among the refused pages
    home = german_event.get_ancestors().get(depth=2)
    client.post(url, {"chooser": home.pk})
    assert unchanged(german_event)


def test_translators_german_editor_offers_no_delete_or_unpublish(client, translator, german_event):
    """The German event opens in wagtail-localize's editor, whose menu follows the page's
    permissions (its props say what it may show)."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[german_event.pk]))
    assert response.status_code == 200
    props = json.loads(
        html.unescape(re.search(r'data-props="([^"]*)"', response.content.decode())[1])
    )
    assert props["perms"]["canPublish"] is True
    assert props["perms"]["canDelete"] is False
    assert props["perms"]["canUnpublish"] is False


def test_german_translator_still_edits_and_publishes_a_german_page(client, translator, locales):
    home = Page.objects.get(depth=2, locale=locales["de"])
    page = StandardPageFactory(parent=home, title="Nur auf Deutsch", slug="nur-auf-deutsch")
    edit = reverse("wagtailadmin_pages:edit", args=[page.pk])
    assert client.get(edit).status_code == 200
    form = {
        "title": "Nur auf Deutsch, überarbeitet",
        "slug": page.slug,
        "intro": "Eine Einleitung.",
        "hero_image": "",
        "hero_image_alt": "",
        "body-count": "0",
        "go_live_at": "",
        "expire_at": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        "action-publish": "1",
    }
    response = client.post(edit, form)
    assert response.status_code == 302, response.content.decode()[:2000]
    page.refresh_from_db()
    assert page.live and page.title == "Nur auf Deutsch, überarbeitet"


def submit_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


@pytest.mark.parametrize("language", ["en", "nl"])
def test_translator_cannot_create_a_translation_into_another_language(
    client, translator, museum, locales, language
):
    exhibit = ExhibitPageFactory(parent=museum, title="Les tunneliers")
    response = client.get(submit_url(exhibit))
    assert response.status_code == 200
    offered = response.context["form"].fields["locales"].queryset
    assert [locale.language_code for locale in offered] == ["de"]

    response = client.post(submit_url(exhibit), {"locales": [locales[language].pk]})
    assert refused(response)
    assert exhibit.get_translations().count() == 0
    assert not Translation.objects.filter(source__object_id=exhibit.translation_key).exists()

    # Into their own language, it works.
    response = client.post(submit_url(exhibit), {"locales": [locales["de"].pk]})
    assert response.status_code == 302
    assert exhibit.get_translation(locales["de"]).live is False


@pytest.mark.parametrize("method", ["get", "post"])
def test_translator_cannot_translate_a_german_page_into_french(client, translator, locales, method):
    home = Page.objects.get(depth=2, locale=locales["de"])
    page = StandardPageFactory(parent=home, title="Nur auf Deutsch", slug="nur-auf-deutsch")
    response = getattr(client, method)(
        submit_url(page), {"locales": [locales["fr"].pk]} if method == "post" else None
    )
    assert refused(response)
    assert page.get_translations().count() == 0


def test_translator_cannot_sync_every_language(client, translator, museum, locales):
    source = TranslationSource.objects.get(object_id=museum.translation_key, locale=locales["fr"])
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert refused(client.get(url))
    assert refused(client.post(url, {"publish_translations": "on"}))


def test_museum_editor_requests_the_translation_of_their_museums_page(
    client, museum_a, museum_b, locales
):
    sign_in(client, editor_of(museum_a))
    exhibit = ExhibitPageFactory(parent=museum_a, title="Une exposition à traduire")
    # The editor sees *Translate this page* on their page…
    header = client.get(reverse("wagtailadmin_explore", args=[exhibit.pk]))
    assert submit_url(exhibit) in header.content.decode()
    response = client.get(submit_url(exhibit))
    assert response.status_code == 200
    offered = {
        locale.language_code for locale in response.context["form"].fields["locales"].queryset
    }
    assert offered == {"en", "de", "nl"}
    response = client.post(submit_url(exhibit), {"locales": [locales["en"].pk, locales["nl"].pk]})
    assert response.status_code == 302
    assert {p.locale.language_code for p in exhibit.get_translations()} == {"en", "nl"}

    # …and not on another museum's.
    other = ExhibitPageFactory(parent=museum_b, title="Une exposition d'un autre musée")
    assert refused(client.get(submit_url(other)))
    assert refused(client.post(submit_url(other), {"locales": [locales["en"].pk]}))
    assert other.get_translations().count() == 0


def test_museum_moderator_syncs_without_publishing_every_language(client, museum_a, locales):
    sign_in(client, moderator_of(museum_a))
    museum_a.get_translation(locales["de"])
    source = TranslationSource.objects.get(object_id=museum_a.translation_key, locale=locales["fr"])
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert 'name="publish_translations"' not in response.content.decode().replace(
        'type="hidden" name="publish_translations"', ""
    )
    assert refused(client.post(url, {"publish_translations": "on"}))
    assert client.post(url, {}).status_code == 302


def test_network_team_translates_anything(client, museum_b, locales):
    sign_in(client, network_member())
    exhibit = ExhibitPageFactory(parent=museum_b, title="Une exposition du réseau")
    response = client.post(submit_url(exhibit), {"locales": [locales["de"].pk]})
    assert response.status_code == 302
    assert exhibit.get_translation(locales["de"])


def test_network_team_still_deletes(client, locales):
    sign_in(client, network_member())
    home = Page.objects.get(depth=2, locale=locales["de"])
    page = StandardPageFactory(parent=home, title="Zu löschen", slug="zu-loeschen")
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    assert response.status_code == 302
    assert not Page.objects.filter(pk=page.pk).exists()


def test_translator_explorer_listing_queries_stay_constant(
    client, translator, locales, django_assert_max_num_queries
):
    home = Page.objects.get(depth=2, locale=locales["de"])
    url = reverse("wagtailadmin_explore", args=[home.pk])
    client.get(url)
    with django_assert_max_num_queries(60) as few:
        assert client.get(url).status_code == 200
    for n in range(5):
        StandardPageFactory(parent=home, title=f"Seite {n}", slug=f"seite-{n}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


# Editors' forms that tell the truth ----------------------------------------------------


def test_new_museums_hero_image_goes_to_its_collection(home):
    image = ImageFactory(title="Façade du nouveau musée")
    assert image.collection.is_root()  # uploaded before the museum existed
    museum = MuseumPage(title="Musée tout neuf", slug="musee-tout-neuf", town="Lens")
    museum.hero_image = image
    home.add_child(instance=museum)
    image.refresh_from_db()
    assert image.collection == museum_team(museum).collection
    assert image.collection.name == "Musée tout neuf"


def test_an_image_already_in_a_collection_stays_there(home, museum):
    collection = museum_team(museum).collection
    image = ImageFactory(title="Image d'un autre musée", collection=collection)
    new = MuseumPage(title="Musée voisin", slug="musee-voisin", town="Albert", hero_image=image)
    home.add_child(instance=new)
    image.refresh_from_db()
    assert image.collection == collection


def test_empty_map_position_shows_no_default_position(superuser_client, home):
    add = reverse("wagtailadmin_pages:add", args=["museum_pages", "museumpage", home.pk])
    form = superuser_client.get(add).content.decode()
    assert "js/location-field.js" in form
    assert "&quot;showEmptyLocation&quot;: true" in form


def test_saved_map_position_is_shown(superuser_client, museum):
    assert museum.location
    html = superuser_client.get(
        reverse("wagtailadmin_pages:edit", args=[museum.pk])
    ).content.decode()
    assert "&quot;showEmptyLocation&quot;: false" in html
