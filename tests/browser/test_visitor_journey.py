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


def test_keyboard_user_reaches_the_content_first(page_at):
    page = page_at("/fr/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert "skip-link" in focused
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
