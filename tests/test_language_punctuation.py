"""Issue 21: French punctuation spacing only in French, map controls in the page's language
(checked on the markup here; tests/browser/test_network_map.py checks them in a browser)."""

import re

import pytest

from museum_pages.models import EventPage

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
