"""Pages behind a view restriction stay out of every public listing and ask for the password
(the one-query restriction checks of core.pages)."""

import re
from xml.etree import ElementTree

from wagtail.models import PageViewRestriction

from museum_pages.models import ExhibitPage, MuseumPage
from tests.helpers import captured_queries

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def restrict(page):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def sitemap_locations(client):
    """The <loc> of every URL of the sitemap (which must be a valid sitemap)."""
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ElementTree.fromstring(response.content)  # noqa: S314 (our own test response)
    assert root.tag == f"{{{SITEMAP}}}urlset"
    return {loc.text for loc in root.iter(f"{{{SITEMAP}}}loc")}


def feed_urls(client):
    response = client.get("/api/museums.geojson")
    assert response.status_code == 200
    return {feature["properties"]["url"] for feature in response.json()["features"]}


def test_a_password_protected_museum_leaves_the_home_map_sitemap_and_nearby(
    client, locales, museum
):
    other = MuseumPage.objects.live().filter(locale=locales["fr"]).exclude(pk=museum.pk)[0]
    assert f"http://testserver{other.url}" in sitemap_locations(client)
    assert f"http://testserver{other.url}" in feed_urls(client)
    assert f'href="{other.url}"' in client.get("/fr/").content.decode()

    restrict(other)
    home = client.get("/fr/").content.decode()
    assert f'href="{other.url}"' not in home and f'href="{museum.url}"' in home
    assert f"http://testserver{other.url}" not in feed_urls(client)
    assert f"http://testserver{museum.url}" in feed_urls(client)
    locations = sitemap_locations(client)
    assert f"http://testserver{other.url}" not in locations
    assert f"http://testserver{museum.url}" in locations
    assert f'href="{other.url}"' not in client.get(museum.url).content.decode()


def test_the_pages_under_a_protected_museum_ask_for_the_password(client, museum):
    restrict(museum)
    exhibit = ExhibitPage.objects.live().child_of(museum).first()
    for url in [museum.url, exhibit.url]:
        content = client.get(url).content.decode()
        assert 'name="password"' in content
        assert exhibit.intro not in content and museum.intro not in content


def test_a_protected_exhibit_leaves_its_museum_page(client, museum):
    exhibit = ExhibitPage.objects.live().child_of(museum).first()
    assert f'href="{exhibit.url}"' in client.get(museum.url).content.decode()
    restrict(exhibit)
    assert f'href="{exhibit.url}"' not in client.get(museum.url).content.decode()
    assert 'name="password"' in client.get(exhibit.url).content.decode()


def test_the_password_opens_the_pages_under_a_protected_museum(client, museum):
    restrict(museum)
    exhibit = ExhibitPage.objects.live().child_of(museum).first()
    form = client.get(exhibit.url).content.decode()
    action = re.search(r'<form[^>]+action="([^"]+)"', form).group(1)
    answer = client.post(action, {"password": "secret", "return_url": exhibit.url})
    assert answer.status_code == 302 and answer["Location"] == exhibit.url
    assert exhibit.intro in client.get(exhibit.url).content.decode()


def test_an_open_page_is_served_without_a_query_for_view_restrictions(client, uncached, museum):
    """core.routing knows the page and its ancestors are open (see get_view_restrictions)."""
    exhibit = ExhibitPage.objects.live().child_of(museum).first()
    with captured_queries() as captured:
        assert client.get(exhibit.url).status_code == 200
    lookups = [
        query["sql"]
        for query in captured
        if query["sql"].startswith('SELECT "wagtailcore_pageviewrestriction"')
    ]
    assert lookups == []
