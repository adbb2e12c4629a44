"""A URL below a network home finds its page as Wagtail's own routing would (home.routing)."""

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from home import routing
from museum_pages.models import ExhibitPage, VirtualVisitPage


def test_the_page_comes_as_its_specific_class_with_its_parent_and_translations(
    home, museum, locales
):
    visit = VirtualVisitPage.objects.live().child_of(museum).first()
    with translation.override("fr"), CaptureQueriesContext(connection) as captured:
        page = routing.page_at(home, [museum.slug, visit.slug])
        parent = page.get_parent().specific
        codes = {row.locale.language_code for row in page.live_translations}
        image = page.hero_image
    assert len(captured) == 1
    assert type(page) is VirtualVisitPage and page.pk == visit.pk
    assert parent.pk == museum.pk and parent.town == museum.town
    assert codes == {"fr", "en", "de", "nl"}
    assert image == visit.hero_image


def test_unknown_draft_and_too_long_paths_are_404(client, museum):
    exhibit = ExhibitPage.objects.live().child_of(museum).first()
    assert client.get(f"/fr/{museum.slug}/no-such-page/").status_code == 404
    assert client.get(f"{exhibit.url}extra/").status_code == 404
    exhibit.unpublish()
    assert client.get(exhibit.url).status_code == 404
