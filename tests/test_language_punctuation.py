"""Issue 21: French punctuation spacing only in French, map controls in the page's language
(checked on the markup here; tests/browser/test_network_map.py checks them in a browser)."""

import re

import pytest
from bs4 import BeautifulSoup

from home.models import StandardPage
from museum_pages.models import (
    AudioGuidePage,
    EventPage,
    ExhibitPage,
    MuseumPage,
    VirtualVisitPage,
)
from network.models import AgendaPage, RouteIndexPage, RoutePage
from tests.helpers import FRENCH_SPACING, FRENCH_WORDS

pytestmark = pytest.mark.django_db

FRENCH_COLON_IN_HIDDEN_TEXT = re.compile(r'class="visually-hidden">\s+:')


def pages_of(code, locales, museum):
    translated = museum.get_translation(locales[code])
    event = EventPage.objects.live().child_of(translated).first()
    return [f"/{code}/", translated.url, event.url]


@pytest.mark.parametrize("code", ["en", "de", "nl"])
def test_no_french_colon_in_what_screen_readers_hear(client, locales, museum, code):
    for url in pages_of(code, locales, museum):
        html = client.get(url).content.decode()
        assert not FRENCH_COLON_IN_HIDDEN_TEXT.search(html), url


def test_french_keeps_its_spacing(client, locales, museum):
    html = client.get(museum.url).content.decode()
    assert FRENCH_COLON_IN_HIDDEN_TEXT.search(html)  # "Itinéraire : <museum>"


@pytest.mark.parametrize(
    ("code", "zoom_in", "close"),
    [("fr", "Zoom avant", "Fermer la fenêtre"), ("de", "Vergrößern", "Schließen")],
)
def test_the_map_carries_its_control_names_in_the_pages_language(client, code, zoom_in, close):
    html = client.get(f"/{code}/").content.decode()
    assert f'data-zoom-in="{zoom_in}"' in html
    assert f'data-close-popup="{close}"' in html


# Issue 21's acceptance: on every public page type in English, German and Dutch, no French
# word in what describes the page to a visitor who cannot see it (alt texts, labels, titles)
# and no French punctuation spacing anywhere (tests/helpers.py: FRENCH_WORDS).
DESCRIBING = ("alt", "title", "aria-label", "placeholder", "data-zoom-in", "data-zoom-out",
              "data-close-popup", "data-link-label")  # fmt: skip
PAGE_TYPES = [MuseumPage, ExhibitPage, VirtualVisitPage, EventPage, AudioGuidePage,
              AgendaPage, RouteIndexPage, RoutePage, StandardPage]  # fmt: skip


def page_urls(code, locales):
    """One page of each type in the language (each legal page), the home page and search."""
    urls = [f"/{code}/", f"/{code}/search/?q=Arras", f"/{code}/search/?q=Tunnl"]
    for model in PAGE_TYPES:
        pages = model.objects.live().public().filter(locale=locales[code]).order_by("path")
        urls.extend(page.url for page in (pages if model is StandardPage else pages[:1]))
    return urls


def what_a_visitor_meets(html):
    """(the visible text, [(attribute, value)] of the describing attributes) of a page."""
    soup = BeautifulSoup(html, "html.parser")
    described = [
        (name, node[name]) for name in DESCRIBING for node in soup.find_all(attrs={name: True})
    ]
    for hidden in soup(["script", "style", "template"]):
        hidden.decompose()
    return soup.get_text(), described


@pytest.mark.parametrize("code", ["en", "de", "nl"])
def test_no_french_word_in_labels_nor_french_spacing_on_any_page_type(client, locales, code):
    urls = page_urls(code, locales)
    assert len(urls) >= 3 + len(PAGE_TYPES)
    for url in urls:
        response = client.get(url)
        assert response.status_code == 200, url
        text, described = what_a_visitor_meets(response.content.decode())
        assert not FRENCH_SPACING.findall(text), (url, FRENCH_SPACING.findall(text)[:5])
        for name, value in described:
            assert not FRENCH_WORDS.search(value), (url, name, value)
            assert not FRENCH_SPACING.search(value), (url, name, value)


def test_the_french_pages_would_be_caught(client, locales):
    """The patterns find what they look for: the French pages have both."""
    text, described = what_a_visitor_meets(client.get(page_urls("fr", locales)[3]).content)
    assert FRENCH_SPACING.search(text)
    assert any(FRENCH_WORDS.search(value) for _name, value in described)
