"""Search with suggestions as you type, in a real browser, at phone and desktop sizes."""

import pytest

from tests.browser.helpers import (
    DESKTOP,
    PHONE,
    screenshot,
    serious_accessibility_violations,
)

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_keyboard_picks_a_suggestion_and_lands_on_the_museum(page_at, viewport):
    size = f"{viewport['width']}x{viewport['height']}"
    page = page_at("/de/search/", viewport=viewport, locale="de-DE")
    box = page.locator("#search-q")
    assert box.get_attribute("role") == "combobox"
    box.focus()
    page.keyboard.type("Dünk")
    listbox = page.get_by_role("listbox")
    listbox.wait_for()
    assert box.get_attribute("aria-expanded") == "true"
    assert "Dünkirchen" in listbox.inner_text()
    assert "Vorschl" in page.locator("#search-suggestions-status").inner_text()
    screenshot(page, f"search-suggestions-de-{size}")

    page.keyboard.press("ArrowDown")
    active = box.get_attribute("aria-activedescendant")
    assert page.locator(f"#{active}").get_attribute("aria-selected") == "true"
    page.keyboard.press("Escape")
    assert box.get_attribute("aria-expanded") == "false"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    page.wait_for_url("**/de/musee-**")
    assert page.locator("html").get_attribute("lang") == "de"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_results_page_shows_highlighted_results(page_at, viewport):
    size = f"{viewport['width']}x{viewport['height']}"
    page = page_at("/en/search/?q=tunnels", viewport=viewport, locale="en-GB")
    assert page.locator(".result").count() >= 1
    assert page.locator(".result mark").count() >= 1
    screenshot(page, f"search-results-en-{size}")
    assert serious_accessibility_violations(page) == []
