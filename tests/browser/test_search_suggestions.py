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


def test_a_visitor_finds_dunkirk_by_its_french_name_and_through_a_typo(page_at):
    """Issue 21: a German visitor on a phone types the name on the road signs, then a typo,
    and reaches the museum in German both times, through the search form only."""
    page = page_at("/de/", viewport=PHONE, locale="de-DE")
    page.locator(".site-header__search").click()
    page.wait_for_url("**/de/search/")
    box = page.locator("#search-q")
    box.fill("Dunkerque")
    box.press("Enter")
    page.wait_for_url("**/de/search/?q=Dunkerque**")
    assert "„Dunkerque“ heißt hier „Dünkirchen“." in page.locator("main").inner_text()
    assert serious_accessibility_violations(page) == []

    box = page.locator("#search-q")
    box.fill("Wellingtn")
    box.press("Enter")
    notice = page.locator(".did-you-mean")
    notice.wait_for()
    assert "Meinten Sie" in notice.inner_text()
    screenshot(page, "search-did-you-mean-de-390x844")
    notice.get_by_role("link", name="Wellington").click()
    page.wait_for_url("**q=Wellington**")
    page.locator(".result a").first.click()
    page.wait_for_url("**/de/carriere-wellington/**")
    assert page.locator("html").get_attribute("lang") == "de"
