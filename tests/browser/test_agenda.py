"""A visitor on a phone finds the network's family events of this weekend in the agenda,
through its form, opens one and saves it to their calendar (issue 17), in each language.

The demo's weekly Sunday guided tour at Fromelles is for families too, so that a weekend
always has one, except on a Sunday after its end (12:30 in Paris): then the agenda rightly
says that nothing is left this weekend, and the visitor looks at the month instead.

The audience's name is translated, its slug is not (synchronised from French, see
museum_pages.models.Audience): the filter's address says `audience=familles` in every
language, while the form and the calendar file say the language's own name.
"""

import datetime
import re

import icalendar
import pytest

from museum_pages.practical.opening_hours import now_in_paris
from tests.browser.helpers import PHONE, screenshot, serious_accessibility_violations

pytestmark = pytest.mark.browser

# What the visitor reads in each language (locale/*/LC_MESSAGES/django.po, demo/network.json).
VISITORS = {
    "fr": {
        "locale": "fr-FR",
        "path": "/fr/agenda/",
        "when": "Quand",
        "weekend": "Ce week-end",
        "month": "Ce mois-ci",
        "audience": "Public",
        "families": "Familles",
        "show": "Afficher",
        "results": r"^\d+ rendez-vous$",
        "nothing": "Aucun rendez-vous ne correspond à ces filtres.",
        "add": "Ajouter à mon agenda",
    },
    "en": {
        "locale": "en-GB",
        "path": "/en/whats-on/",
        "when": "When",
        "weekend": "This weekend",
        "month": "This month",
        "audience": "Audience",
        "families": "Families",
        "show": "Show",
        "results": r"^\d+ events?$",
        "nothing": "Nothing matches these filters.",
        "add": "Add to my calendar",
    },
    "de": {
        "locale": "de-DE",
        "path": "/de/veranstaltungen/",
        "when": "Wann",
        "weekend": "Dieses Wochenende",
        "month": "Diesen Monat",
        "audience": "Zielgruppe",
        "families": "Familien",
        "show": "Anzeigen",
        "results": r"^\d+ Termine?$",
        "nothing": "Keine Veranstaltung entspricht diesen Filtern.",
        "add": "Zu meinem Kalender hinzufügen",
    },
    "nl": {
        "locale": "nl-NL",
        "path": "/nl/agenda/",
        "when": "Wanneer",
        "weekend": "Dit weekend",
        "month": "Deze maand",
        "audience": "Doelgroep",
        "families": "Gezinnen",
        "show": "Tonen",
        "results": r"^\d+ activiteit(en)?$",
        "nothing": "Niets komt overeen met deze filters.",
        "add": "Aan mijn agenda toevoegen",
    },
}


def selected_label(select):
    return select.evaluate("element => element.selectedOptions[0].textContent.trim()")


@pytest.mark.parametrize("language", VISITORS)
def test_phone_visitor_filters_this_weekend_for_families_and_saves_an_event(page_at, language):
    words = VISITORS[language]
    page = page_at(words["path"], viewport=PHONE, locale=words["locale"])
    when = page.get_by_label(words["when"], exact=True)
    audience = page.get_by_label(words["audience"], exact=True)
    # Each choice of the audience list reads differently ("all audiences" is not "everyone").
    names = [name.strip() for name in audience.locator("option").all_inner_texts()]
    assert len(set(names)) == len(names), names
    when.select_option(label=words["weekend"])
    audience.select_option(label=words["families"])
    page.get_by_role("button", name=words["show"], exact=True).click()
    page.wait_for_url(re.compile(r"when=weekend"))
    assert words["path"] in page.url
    assert "audience=familles" in page.url
    # The form says what is shown, and the page fits the phone's width.
    assert selected_label(when) == words["weekend"]
    assert selected_label(audience) == words["families"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    results = page.get_by_role("region", name=re.compile(words["results"]))
    days = results.locator(".agenda-day h3 time")
    now = now_in_paris()
    if days.count() == 0 and now.weekday() == 6 and now.time() >= datetime.time(12, 30):
        # Sunday afternoon: this weekend's family events are over, and the page says so.
        assert words["nothing"] in results.inner_text()
        when.select_option(label=words["month"])
        page.get_by_role("button", name=words["show"], exact=True).click()
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
    screenshot(page, f"agenda-weekend-families-phone-{language}")
    assert serious_accessibility_violations(page) == []

    title = first.get_by_role("link").inner_text()
    first.get_by_role("link").click()
    page.wait_for_load_state()
    assert f"/{language}/" in page.url
    assert page.get_by_role("heading", level=1).inner_text() == title
    add = page.get_by_role("link", name=re.compile(words["add"]))
    add.scroll_into_view_if_needed()
    with page.expect_download() as download_info:
        add.click()
    download = download_info.value
    assert download.suggested_filename.endswith(".ics")
    with open(download.path(), "rb") as file:
        calendar = icalendar.Calendar.from_ical(file.read())
    (event,) = calendar.walk("VEVENT")
    assert str(event["SUMMARY"]) == title
    assert words["families"] in [str(category) for category in event["CATEGORIES"].cats]
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Paris"
    assert str(event["URL"]) == page.url
    screenshot(page, f"agenda-event-phone-{language}")
