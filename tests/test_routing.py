"""A URL below a network home finds its page as Wagtail's own routing would (core.routing)."""

import pytest
from django.utils import translation
from wagtail.models import Page, Site

from core import routing
from museum_pages.models import ExhibitPage, VirtualVisitPage
from tests.helpers import captured_queries


def test_the_page_comes_as_its_specific_class_with_its_parent_and_translations(
    home, museum, locales
):
    visit = VirtualVisitPage.objects.live().child_of(museum).first()
    with translation.override("fr"), captured_queries() as captured:
        page = routing.page_at(home.url_path, [museum.slug, visit.slug])
        parent = page.get_parent()
        codes = {row.locale.language_code for row in page.live_translations}
        image = page.hero_image
        language = page.locale.language_code
    assert len(captured) == 2
    assert type(page) is VirtualVisitPage and page.pk == visit.pk
    assert parent.pk == museum.pk and parent.title == museum.title
    assert parent.get_parent().pk == home.pk
    assert codes == {"fr", "en", "de", "nl"}
    assert image == visit.hero_image
    assert language == "fr"


def test_the_home_itself_is_found_too(home):
    page = routing.page_at(home.url_path, [])
    assert type(page) is type(home.specific) and page.pk == home.pk
    assert len(page.live_translations) == 4
    assert page.get_parent().pk == home.get_parent().pk  # not a remembered "no parent"


@pytest.mark.parametrize("language", ["fr", "en", "de", "nl"])
def test_a_signed_in_editor_sees_each_home_with_wagtails_userbar(superuser_client, language):
    """Wagtail's userbar asks the home for its parent (it was a 500 for signed-in users)."""
    response = superuser_client.get(f"/{language}/")
    assert response.status_code == 200
    assert b"wagtail-userbar" in response.content


def test_unknown_draft_and_too_long_paths_are_404(client, museum):
    exhibit = ExhibitPage.objects.live().child_of(museum).first()
    assert client.get(f"/fr/{museum.slug}/no-such-page/").status_code == 404
    assert client.get(f"{exhibit.url}extra/").status_code == 404
    exhibit.unpublish()
    assert client.get(exhibit.url).status_code == 404


def test_a_changed_site_is_followed_at_once(client, museum, settings):
    """The site and its root paths are remembered until the next content event: saving
    a site is one, or pages would keep being served on the address it no longer has."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "memhisto.example"]
    assert client.get(museum.url).status_code == 200
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port, site.is_default_site = "memhisto.example", 80, False
    site.save()
    assert client.get(museum.url).status_code == 404
    assert client.get(museum.url, HTTP_HOST="memhisto.example").status_code == 200


def test_wagtails_own_routing_finds_the_same_page(rf, museum, locales):
    """For code that calls Wagtail's routing itself rather than our serve view."""
    german = museum.get_translation(locales["de"])
    with translation.override("de"):
        page, _args, _kwargs = Page.route_for_request(rf.get(german.url), f"{german.slug}/")
    assert page.pk == german.pk and type(page) is type(german)
