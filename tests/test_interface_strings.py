"""No French interface string on an English, German or Dutch page of the demo network."""

import pytest
from django.utils.html import escape
from wagtail.models import Page

from tests.helpers import french_interface_strings


@pytest.mark.parametrize("code", ["en", "de", "nl"])
def test_no_french_interface_string_on_pages_in_language(client, locales, code):
    french = french_interface_strings(code)
    assert len(french) > 20
    pages = Page.objects.live().filter(locale=locales[code], depth__gte=2)
    assert pages.count() > 60
    for page in pages:
        content = client.get(page.url).content.decode()
        leaked = [s for s in french if escape(s) in content or s in content]
        assert leaked == [], f"{page.url}: {leaked}"


@pytest.mark.parametrize("code", ["en", "de", "nl"])
def test_error_and_search_pages_speak_the_language(client, home, code):
    for url, status in [(f"/{code}/no-such-page/", 404), (f"/{code}/search/?q=mine", 200)]:
        response = client.get(url)
        assert response.status_code == status
        content = response.content.decode()
        leaked = [s for s in french_interface_strings(code) if escape(s) in content]
        assert leaked == [], f"{url}: {leaked}"
