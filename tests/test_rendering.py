"""Every page type renders, in every language, with the right language and its own text."""

import pytest

from home.models import NetworkHomePage, StandardPage
from museum_pages.models import EventPage, ExhibitPage, MuseumPage, VirtualVisitPage
from tests.helpers import LANGUAGES, html_lang

PAGE_TYPES = [NetworkHomePage, StandardPage, MuseumPage, ExhibitPage, VirtualVisitPage, EventPage]


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("page_type", PAGE_TYPES, ids=lambda model: model.__name__)
def test_page_type_renders_in_language(client, locales, page_type, code):
    page = page_type.objects.live().filter(locale=locales[code]).first()
    response = client.get(page.url)
    assert response.status_code == 200
    assert html_lang(response) == code
    content = response.content.decode()
    assert f"<h1>{page.title}</h1>".replace("'", "&#x27;") in content
    # Every page has the same frame: skip link, switcher, footer links to the common pages.
    assert 'class="skip-link"' in content
    assert 'class="language-switcher"' in content
    assert content.count('rel="alternate" hreflang=') == 5


def test_museum_page_lists_its_visit_exhibit_and_event(client, museum):
    content = client.get(museum.url).content.decode()
    for child in museum.get_children().live():
        assert child.title.replace("'", "&#x27;") in content


def test_footer_links_to_legal_accessibility_and_privacy(client, home):
    content = client.get("/en/").content.decode()
    for slug in ["legal-notice", "accessibility", "privacy"]:  # in English
        assert f'href="/en/{slug}/"' in content


def test_museum_card_images_are_responsive_renditions(client, home):
    content = client.get("/fr/").content.decode()
    assert "<picture>" in content
    assert 'type="image/webp"' in content
    assert "srcset=" in content
    assert 'width="400"' in content and 'height="250"' in content
    assert 'loading="lazy"' in content
