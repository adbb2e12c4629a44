"""What search engines see of the four languages: hreflang, the sitemap, OpenGraph."""

import re

from defusedxml import ElementTree as ET
from wagtail.models import Page, Site

HREFLANG = re.compile(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">')
SITEMAP_NS = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "x": "http://www.w3.org/1999/xhtml",
}


def alternates(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return dict(HREFLANG.findall(response.content.decode()))


def test_hreflang_is_reciprocal_on_every_live_page(client, home):
    pages = Page.objects.live().filter(depth__gte=2).select_related("locale")
    assert pages.count() > 200
    seen = {}
    for page in pages:
        links = alternates(client, page.url)
        assert set(links) == {"fr", "en", "de", "nl", "x-default"}, page.url
        assert links["x-default"] == links["fr"]
        seen[f"http://testserver{page.url}"] = links
    for url, links in seen.items():
        for code in ("fr", "en", "de", "nl"):
            assert seen[links[code]] == links, f"{url} → {links[code]} is not reciprocal"


def test_hreflang_leaves_out_a_translation_that_is_not_live(client, museum, locales):
    museum.get_translation(locales["nl"]).unpublish()
    links = alternates(client, museum.url)
    assert set(links) == {"fr", "en", "de", "x-default"}


def test_sitemap_lists_every_language_with_alternates(client, museum, locales):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    urls = root.findall("s:url", SITEMAP_NS)
    assert len(urls) == Page.objects.live().filter(depth__gte=2).count()
    german_url = f"http://testserver{museum.get_translation(locales['de']).url}"
    entry = next(u for u in urls if u.find("s:loc", SITEMAP_NS).text == german_url)
    langs = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", SITEMAP_NS)}
    assert set(langs) == {"fr", "en", "de", "nl", "x-default"}
    assert langs["de"] == german_url


def test_absolute_urls_use_the_host_the_visitor_asked_for(client, museum, settings):
    """The Site record says localhost until someone edits it; hreflang, og:url, JSON-LD,
    the sitemap and the GeoJSON feed say the address visitors and crawlers use."""
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "memhisto.example"]
    assert "memhisto.example" not in {site.hostname for site in Site.objects.all()}
    host = {"HTTP_HOST": "memhisto.example", "secure": True}
    expected = f"https://memhisto.example{museum.url}"
    page = client.get(museum.url, **host).content.decode()
    assert f'<link rel="alternate" hreflang="fr" href="{expected}">' in page
    assert f'<meta property="og:url" content="{expected}">' in page
    assert f'"url": "{expected}"' in page
    assert f"<loc>{expected}</loc>" in client.get("/sitemap.xml", **host).content.decode()
    feed = client.get("/api/museums.geojson", **host).json()
    assert expected in {feature["properties"]["url"] for feature in feed["features"]}


def test_opengraph_locale_and_alternates(client, museum, locales):
    content = client.get(museum.get_translation(locales["en"]).url).content.decode()
    assert '<meta property="og:locale" content="en_GB">' in content
    for og in ("fr_FR", "de_DE", "nl_NL"):
        assert f'<meta property="og:locale:alternate" content="{og}">' in content


def test_robots_txt_keeps_crawlers_out_of_the_admin_and_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "Disallow: /admin/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert client.get("/sitemap.xml").status_code == 200


def test_every_page_names_its_icon_and_old_browsers_find_it(client, home):
    assert '<link rel="icon" href="/static/img/favicon.svg"' in client.get("/de/").content.decode()
    assert client.get("/favicon.ico", follow=True).redirect_chain[-1][0] == (
        "/static/img/favicon.svg"
    )


def test_search_page_describes_itself_in_each_language(client, db):
    descriptions = {
        language: re.search(
            r'<meta name="description" content="([^"]+)">',
            client.get(f"/{language}/search/").content.decode(),
        ).group(1)
        for language in ("fr", "en", "de", "nl")
    }
    assert len(set(descriptions.values())) == 4
    assert "Search the museums" in descriptions["en"]


CANONICAL = re.compile(r'<link rel="canonical" href="([^"]+)">')


def test_every_page_type_names_its_own_address_canonical_in_every_language(client, db):
    pages = Page.objects.live().filter(depth__gte=2).select_related("locale")
    one_of_each = {(page.content_type_id, page.locale_id): page for page in pages}.values()
    assert len(one_of_each) >= 5 * 4
    for page in one_of_each:
        html = client.get(f"{page.url}?utm_source=newsletter&fbclid=abc").content.decode()
        assert CANONICAL.findall(html) == [f"http://testserver{page.url}"], page.url


def test_search_keeps_its_query_in_the_canonical_address_not_the_tracking(client, db):
    html = client.get("/de/search/?q=tunnel&utm_medium=email").content.decode()
    assert CANONICAL.findall(html) == ["http://testserver/de/search/?q=tunnel"]
