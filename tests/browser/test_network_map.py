"""The network map in a real browser: 14 markers, a theme filter, a museum from a popup."""

import pytest

from tests.browser.conftest import DESKTOP, PHONE, screenshot, serious_accessibility_violations

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_map_filter_and_popup_lead_to_a_museum(page_at, viewport):
    size = f"{viewport['width']}x{viewport['height']}"
    page = page_at("/en/", viewport=viewport, locale="en-GB")
    map_region = page.get_by_role("region", name="Map of the museums")
    assert map_region.is_visible()
    markers = page.locator(".leaflet-marker-icon")
    markers.first.wait_for()
    assert markers.count() == 14
    labels = [markers.nth(i).get_attribute("aria-label") for i in range(14)]
    assert all(label and ", " in label for label in labels)
    assert "Wellington Quarry – Battle of Arras Memorial, Arras" in labels or any(
        label.startswith("Wellington Quarry") for label in labels
    )
    assert page.locator(".leaflet-control-attribution").inner_text().count("OpenStreetMap")
    screenshot(page, f"map-en-{size}")

    page.get_by_role("navigation", name="Filter by theme").get_by_role(
        "link", name="Port and maritime history"
    ).click()
    page.wait_for_url("**/en/?theme=port*")
    page.locator(".leaflet-marker-icon").first.wait_for()
    assert page.locator(".leaflet-marker-icon").count() == 1
    assert page.locator(".card").count() == 1

    page.locator(".leaflet-marker-icon").first.click()
    popup = page.locator(".leaflet-popup")
    popup.wait_for()
    assert "Dunkirk" in popup.inner_text()
    assert any(word in popup.inner_text() for word in ("Open now", "Closed"))
    screenshot(page, f"map-popup-en-{size}")
    popup.get_by_role("link").filter(has_text="See the museum").click()
    page.wait_for_url("**/en/musee-portuaire-dunkerque/")
    assert page.get_by_role("heading", name="Practical information").is_visible()
    screenshot(page, f"museum-practical-en-{size}")


def test_keyboard_opens_a_popup(page_at):
    page = page_at("/fr/?theme=port", viewport=DESKTOP)
    marker = page.locator(".leaflet-marker-icon").first
    marker.wait_for()
    marker.focus()
    page.keyboard.press("Enter")
    page.locator(".leaflet-popup").wait_for()
    assert "Voir le musée" in page.locator(".leaflet-popup").inner_text()


def test_home_with_map_has_no_serious_accessibility_violation(page_at):
    page = page_at("/fr/", viewport=PHONE)
    page.locator(".leaflet-marker-icon").first.wait_for()
    assert serious_accessibility_violations(page) == []
