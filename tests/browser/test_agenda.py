"""A visitor on a phone finds the network's family events of this weekend in the agenda,
through its form, opens one and saves it to their calendar (issue 17).

The demo's weekly Sunday guided tour at Fromelles is for families too, so that a weekend
always has one, except on a Sunday after its end (12:30 in Paris): then the agenda rightly
says that nothing is left this weekend, and the visitor looks at the month instead.
"""

import datetime
import re

import icalendar
import pytest

from museum_pages.practical.opening_hours import now_in_paris
from tests.browser.helpers import PHONE, screenshot, serious_accessibility_violations

pytestmark = pytest.mark.browser


def test_phone_visitor_filters_this_weekend_for_families_and_saves_an_event(page_at):
    page = page_at("/fr/agenda/", viewport=PHONE)
    page.get_by_label("Quand", exact=True).select_option("weekend")
    page.get_by_label("Public", exact=True).select_option("familles")
    page.get_by_role("button", name="Afficher").click()
    page.wait_for_url(re.compile(r"when=weekend"))
    assert "audience=familles" in page.url
    # The form says what is shown.
    assert page.get_by_label("Quand", exact=True).input_value() == "weekend"
    assert page.get_by_label("Public", exact=True).input_value() == "familles"
    results = page.get_by_role("region", name=re.compile(r"\d+ rendez-vous"))
    days = results.locator(".agenda-day h3 time")
    now = now_in_paris()
    if days.count() == 0 and now.weekday() == 6 and now.time() >= datetime.time(12, 30):
        # Sunday afternoon: this weekend's family events are over, and the page says so.
        assert "Aucun rendez-vous ne correspond à ces filtres." in page.content()
        page.get_by_label("Quand", exact=True).select_option("month")
        page.get_by_role("button", name="Afficher").click()
        page.wait_for_url(re.compile(r"when=month"))
    else:
        assert days.count() >= 1
        for index in range(days.count()):
            day = datetime.date.fromisoformat(days.nth(index).get_attribute("datetime"))
            assert day.weekday() in (5, 6), day  # Saturday or Sunday
    first = results.locator(".agenda-day .link-list__item").first
    first.scroll_into_view_if_needed()
    assert first.is_visible()
    assert first.locator("time").is_visible()
    screenshot(page, "agenda-weekend-families-phone")
    assert serious_accessibility_violations(page) == []

    title = first.get_by_role("link").inner_text()
    first.get_by_role("link").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", level=1).inner_text() == title
    add = page.get_by_role("link", name=re.compile("Ajouter à mon agenda"))
    add.scroll_into_view_if_needed()
    with page.expect_download() as download_info:
        add.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as file:
        calendar = icalendar.Calendar.from_ical(file.read())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == title
    assert "Familles" in [str(category) for category in event["CATEGORIES"].cats]
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Paris"
    assert str(event["URL"]) == page.url
    screenshot(page, "agenda-event-phone")
