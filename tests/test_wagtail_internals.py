"""core.wagtail_internals: each private attribute we set is still the one Wagtail reads.

If a Wagtail or treebeard upgrade renames one, the site would still work, only with more
queries; these tests fail instead, naming the attribute to look at.
"""

from wagtail.models import Page, Site

from core import wagtail_internals
from tests.helpers import captured_queries


def test_wagtails_routing_answers_the_remembered_route(rf, museum):
    request = rf.get(museum.url)
    route = (museum, [], {})
    wagtail_internals.remember_route(request, route)
    with captured_queries() as captured:
        assert Page.route_for_request(request, "some/other/path/") is route
    assert len(captured) == 0


def test_wagtail_finds_the_remembered_site_and_builds_urls_from_the_remembered_roots(rf, museum):
    request = rf.get("/")
    site = Site.objects.get(is_default_site=True)
    wagtail_internals.remember_site(request, site, Site.get_site_root_paths())
    with captured_queries() as captured:
        assert Site.find_for_request(request) is site
        assert museum.get_url(request) == f"/fr/{museum.slug}/"
    assert len(captured) == 0
    # With no root paths remembered, Wagtail finds no site for the page: it read ours.
    other = rf.get("/")
    wagtail_internals.remember_site(other, site, [])
    assert museum.get_url(other) is None


def test_treebeard_answers_the_remembered_parent(museum, home):
    stranger = Page.objects.get(pk=home.pk)
    stranger.title = "not the one in the database"
    page = Page.objects.get(pk=museum.pk)
    wagtail_internals.remember_parent(page, stranger)
    with captured_queries() as captured:
        assert page.get_parent() is stranger
    assert wagtail_internals.known_parent(page) is stranger
    assert len(captured) == 0
