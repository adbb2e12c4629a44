"""A route in a real browser at phone size: a visitor picks a date on which a stop is closed,
reads the warning, and opens a stop's museum."""

import datetime

import pytest

from tests.browser.helpers import PHONE, screenshot, serious_accessibility_violations

pytestmark = pytest.mark.browser


def next_christmas():
    today = datetime.date.today()
    christmas = datetime.date(today.year, 12, 25)
    return christmas if christmas > today else christmas.replace(year=today.year + 1)


def test_a_visitor_checks_a_day_reads_the_warning_and_opens_a_museum(page_at, live_site):
    page = page_at("/en/", PHONE, locale="en-GB")
    page.get_by_role("link", name="Dunkirk and the Channel coast, 1940–1944").click()
    page.wait_for_url("**/en/parcours/dunkerque-cote-opale-1940-1944/")
    # The map draws the numbered stops; the ordered list says the same without it.
    page.locator("#route-map .route-marker").first.wait_for()
    assert page.locator("#route-map .route-marker").count() == 4
    assert page.locator("ol.route-stops > li").count() == 4

    page.get_by_label("Date of the visit").fill(next_christmas().isoformat())
    page.get_by_label("Start at the first stop at").fill("10:00")
    page.get_by_role("button", name="Check opening hours").click()
    verdict = page.get_by_role("status")
    verdict.wait_for()
    assert "things to check" in verdict.inner_text()
    warning = page.locator(".route-notice--warning").first
    assert "is closed on that day (Christmas Day)" in warning.inner_text()
    assert warning.is_visible()
    assert serious_accessibility_violations(page) == []
    screenshot(page, "route-phone-warning")

    page.locator("ol.route-stops").get_by_role("link", name="La Coupole").click()
    page.wait_for_url("**/en/la-coupole/")
    assert "La Coupole" in page.locator("h1").inner_text()
    assert page.get_by_role("link", name="Dunkirk and the Channel coast, 1940–1944").is_visible()
