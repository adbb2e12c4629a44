"""Four languages: prefixed URLs, the Accept-Language redirect, the switcher, unknown prefixes."""

import re

import pytest

from museum_pages.models import MuseumPage
from tests.helpers import LANGUAGES, html_lang


def switcher_links(response):
    nav = re.search(
        r'<nav class="language-switcher".*?</nav>', response.content.decode(), re.S
    ).group(0)
    return dict(re.findall(r'href="([^"]+)" lang="(\w+)"', nav))


@pytest.mark.parametrize(
    ("accept", "expected"),
    [
        ("de-DE,de;q=0.9,en;q=0.8", "/de/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("nl-BE,nl;q=0.9,fr;q=0.8", "/nl/"),
        ("fr-FR", "/fr/"),
        ("es-ES,es;q=0.9", "/fr/"),
        ("", "/fr/"),
    ],
)
def test_root_redirects_to_the_visitors_best_language(client, home, accept, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept)
    assert response.status_code == 302
    assert response["Location"] == expected


@pytest.mark.parametrize("code", LANGUAGES)
def test_home_page_in_each_language_lists_the_museums_in_that_language(client, locales, code):
    response = client.get(f"/{code}/")
    assert response.status_code == 200
    assert html_lang(response) == code
    for museum in MuseumPage.objects.filter(locale=locales[code]):
        assert museum.title.replace("'", "&#x27;") in response.content.decode()


def test_german_museum_page_is_in_german(client, museum, locales):
    german = museum.get_translation(locales["de"])
    response = client.get(german.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert german.intro in content
    assert museum.intro not in content


def test_switcher_links_lead_to_the_same_page_in_every_language(client, uncached, museum, locales):
    response = client.get(museum.url)
    links = switcher_links(response)
    assert sorted(links.values()) == sorted(LANGUAGES)
    for url, code in links.items():
        translated = client.get(url)
        assert translated.status_code == 200, url
        assert html_lang(translated) == code
        assert translated.context["page"].translation_key == museum.translation_key


def test_switcher_leaves_out_a_language_where_the_page_is_not_live(client, museum, locales):
    museum.get_translation(locales["nl"]).unpublish()
    links = switcher_links(client.get(museum.url))
    assert "nl" not in links.values()
    assert client.get(f"/nl/{museum.slug}/").status_code == 404


@pytest.mark.parametrize("path", ["/xx/", "/xx/carriere-wellington/", "/es/", "/pt-br/"])
def test_unknown_language_prefix_is_a_404_page(client, home, path):
    response = client.get(path)
    assert response.status_code == 404
    assert html_lang(response) == "fr"
    assert "Page introuvable" in response.content.decode()


def test_404_page_speaks_the_visitors_language(client, home):
    response = client.get("/xx/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 404
    assert html_lang(response) == "de"


def test_unprefixed_page_path_redirects_to_its_language(client, museum):
    response = client.get(f"/{museum.slug}/", HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 302
    assert response["Location"] == f"/en/{museum.slug}/"


def test_language_without_a_home_page_is_not_served_in_french(client, home, locales):
    """If a language's home page is missing, /xx/ must not show the French site."""
    german_home = home.get_translation(locales["de"])
    german_home.unpublish()
    response = client.get("/de/")
    assert response.status_code == 404
    assert html_lang(response) == "de"


def test_switcher_on_the_search_page_keeps_the_search(client, home):
    links = switcher_links(client.get("/de/search/?q=Arras&type=museum"))
    assert links == {
        "/fr/search/?q=Arras&amp;type=museum": "fr",
        "/en/search/?q=Arras&amp;type=museum": "en",
        "/de/search/?q=Arras&amp;type=museum": "de",
        "/nl/search/?q=Arras&amp;type=museum": "nl",
    }
