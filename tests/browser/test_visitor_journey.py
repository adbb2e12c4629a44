"""A visitor's first minute, in a real browser, at phone and desktop sizes."""

import pytest

from tests.browser.helpers import (
    DESKTOP,
    PHONE,
    screenshot,
    serious_accessibility_violations,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_from_english_home_to_a_museum_then_german(page_at, viewport):
    size = f"{viewport['width']}x{viewport['height']}"
    page = page_at("/en/", viewport=viewport, locale="en-GB")
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator(".card").count() == 14
    screenshot(page, f"home-en-{size}")

    page.get_by_role("link", name="Wellington Quarry").click()
    page.wait_for_url("**/en/carriere-wellington/")
    assert page.locator("h1").inner_text().startswith("Wellington Quarry")
    screenshot(page, f"museum-en-{size}")

    languages = page.get_by_role("navigation", name="Languages")
    languages.locator("summary").click()  # the compact language menu opens
    languages.get_by_role("link", name="Deutsch").click()
    page.wait_for_url("**/de/carriere-wellington/")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_role("heading", name="Virtuelle Rundgänge").is_visible()
    screenshot(page, f"museum-de-{size}")


@pytest.mark.parametrize("path", ["/fr/", "/fr/carriere-wellington/", "/nl/"])
def test_no_serious_accessibility_violation(page_at, path):
    page = page_at(path)
    assert serious_accessibility_violations(page) == []


# One live English page of each page type, found in the database: a new page type is
# checked without anyone adding it here.
ONE_PAGE_OF_EACH_TYPE = """
from wagtail.models import Page
urls = {}
for page in Page.objects.live().filter(locale__language_code="en", depth__gt=1).specific():
    urls.setdefault(type(page).__name__, page.url)
print(" ".join(f"{name}={url}" for name, url in sorted(urls.items())))
"""


def test_every_page_type_has_no_serious_accessibility_violation(page_at, live_site):
    output = live_site.manage("shell", "--no-imports", "-c", ONE_PAGE_OF_EACH_TYPE)
    pages = dict(item.split("=", 1) for item in output.strip().splitlines()[-1].split())
    assert {"MuseumPage", "ExhibitPage", "VirtualVisitPage", "EventPage"} <= set(pages)
    pages |= {"search": "/en/search/?q=tunnels", "offline": "/en/offline/"}
    found = {}
    for name, path in pages.items():
        violations = serious_accessibility_violations(page_at(path, locale="en-GB"))
        if violations:
            found[name] = violations
    assert found == {}


def test_keyboard_user_reaches_the_content_first(page_at):
    page = page_at("/fr/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "skip-link" in focused
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
