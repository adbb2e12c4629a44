"""A visitor on a phone, in German, finds a museum's next event and reads when, where and
for how much (issue 17)."""

import re

import pytest

from tests.browser.helpers import PHONE, screenshot, serious_accessibility_violations

pytestmark = pytest.mark.browser


def test_phone_visitor_in_german_opens_the_next_event_of_a_museum(page_at):
    page = page_at("/de/historial-peronne/", viewport=PHONE, locale="de-DE")
    events = page.get_by_role("region", name="Nächste Veranstaltungen")
    event = events.get_by_role("listitem").first
    date = event.locator("time")
    date.scroll_into_view_if_needed()
    assert date.is_visible()
    # "Samstag, 12. Dezember 2026, 15:00–16:30 Uhr"
    assert re.fullmatch(r"Samstag, \d{1,2}\. \w+ \d{4}, 15:00–16:30 Uhr", date.inner_text())
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT15:00\+0[12]:00", date.get_attribute("datetime"))
    screenshot(page, "museum-events-de-phone")

    when = date.inner_text()
    event.get_by_role("link").click()
    page.wait_for_url("**/de/historial-peronne/veranstaltung/")
    facts = page.get_by_role("region", name="Termine, Ort und Preis")
    assert facts.locator("time").first.inner_text() == when
    assert "Jede Woche bis zum" in facts.inner_text()
    assert "Historial" in facts.locator("address").inner_text()
    assert facts.locator(".event-facts__price").inner_text() == "5,00 €"
    assert facts.get_by_role("link", name=re.compile("Buchen|Reservieren")).is_visible()
    screenshot(page, "event-de-phone")
    assert serious_accessibility_violations(page) == []
