"""The network's agenda at /fr/agenda/ (/en/whats-on/…) and its calendars (issue 17,
points 3, 4 and 6): every coming event and exhibition by day in Paris time, filters that
work without JavaScript and never fail, pagination, constant queries; iCalendar feeds
parsed back."""

import datetime
import re
from decimal import Decimal

import icalendar
import pytest
from dateutil.rrule import rrulestr

from core.translation import text_pairs, translate
from demo.factories import EventPageFactory
from museum_pages.models import Audience, EventPage, MuseumPage
from museum_pages.practical.opening_hours import PARIS, now_in_paris
from network import agenda
from network.models import AgendaPage
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db

NOW = now_in_paris()
TODAY = NOW.date()
# A month of the coming year that no demo event is built around: dates counted from it.
SPRING = datetime.date(TODAY.year + 1, 3, 1)


# The agenda's address in each language (its slug is translated; the feeds keep /agenda.ics).
AGENDA = {
    "fr": "/fr/agenda/",
    "en": "/en/whats-on/",
    "de": "/de/veranstaltungen/",
    "nl": "/nl/agenda/",
}


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def html_of(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def publish_in_all_languages(page, locales):
    texts = [page.title, page.intro]
    for code in ("en", "de", "nl"):
        translate(page, locales[code], text_pairs(texts, texts)).save_revision().publish()


def listed(html, titles):
    """[(title, datetime attribute)] of the agenda's event lines whose title is in `titles`."""
    found = re.findall(r'<a href="[^"]*">([^<]+)</a>\s*<time datetime="([^"]+)"', html)
    return [(title, iso) for title, iso in found if title in titles]


def other_museum(museum):
    """A French museum that shares no theme with `museum`."""
    themes = set(museum.themes.values_list("slug", flat=True))
    for candidate in MuseumPage.objects.live().filter(locale=museum.locale).exclude(pk=museum.pk):
        if not themes & set(candidate.themes.values_list("slug", flat=True)):
            return candidate
    raise AssertionError("the demo has museums of different themes")


def next_weekday(weekday, today=TODAY):
    """The next `weekday` (0 Monday) strictly after today, at least 7 days on."""
    return today + datetime.timedelta(days=7 + (weekday - today.weekday()) % 7)


# The page, in each language ---------------------------------------------------------------


@pytest.mark.parametrize("code", ["fr", "en", "de", "nl"])
def test_the_agenda_lists_the_networks_events_in_each_language(client, locales, code):
    page = AgendaPage.objects.get(locale=locales[code])
    assert page.url == AGENDA[code]
    html = html_of(client, page.url)
    assert f'<html lang="{code}">' in html
    assert '<h3 id="day-' in html  # grouped by day
    assert 'type="text/calendar"' in html and f'href="/{code}/agenda.ics"' in html
    tour = EventPage.objects.live().filter(locale=locales[code], repeat="weekly").first()
    html = html_of(client, page.url, museum=tour.get_parent().slug)
    assert tour.title.replace("'", "&#x27;") in html
    assert tour.next_occurrence().start.isoformat(timespec="minutes") in html


def test_every_page_links_the_agenda_from_its_footer(client, museum, locales):
    html = html_of(client, museum.get_translation(locales["nl"]).url)
    footer = html[html.index('<footer class="site-footer">') :]
    assert f'href="{AGENDA["nl"]}"' in footer


def dst_sunday(year):
    """The last Sunday of March: Paris moves from +01:00 to +02:00."""
    last = datetime.date(year, 3, 31)
    return last - datetime.timedelta(days=(last.weekday() + 1) % 7)


def test_events_are_in_order_across_the_dst_change(client, museum):
    sunday = dst_sunday(SPRING.year)
    saturday = sunday - datetime.timedelta(days=1)  # the eve of the DST change
    EventPageFactory(
        parent=museum,
        title="Visite hebdo DST",
        start_at=paris(saturday.year, saturday.month, saturday.day, 14, 30)
        - datetime.timedelta(days=7),
        end_at=paris(saturday.year, saturday.month, saturday.day, 16, 0)
        - datetime.timedelta(days=7),
        repeat="weekly",
        repeat_until=saturday + datetime.timedelta(days=7),
    )
    EventPageFactory(
        parent=museum,
        title="Matin DST",
        start_at=paris(sunday.year, sunday.month, sunday.day, 9, 0),
    )
    html = html_of(client, "/fr/agenda/", museum=museum.slug, month=f"{saturday:%Y-%m}")
    april = saturday + datetime.timedelta(days=7)
    html += html_of(client, "/fr/agenda/", museum=museum.slug, month=f"{april:%Y-%m}")
    found = listed(html, {"Visite hebdo DST", "Matin DST"})
    isos = [iso for _title, iso in found]
    assert [title for title, _iso in found] == [
        "Visite hebdo DST",
        "Visite hebdo DST",
        "Matin DST",
        "Visite hebdo DST",
    ]
    assert isos[0].endswith("14:30+01:00") and isos[1].endswith("14:30+01:00")
    assert isos[2].endswith("09:00+02:00") and isos[3].endswith("14:30+02:00")


# Filters ----------------------------------------------------------------------------------


def test_this_weekend_is_saturday_and_sunday_in_paris_time():
    filters = agenda.Filters(when="weekend")
    # A Friday evening before the spring DST change: the weekend's Sunday has 23 hours.
    after, before = agenda.window(filters, paris(2027, 3, 26, 18, 0))
    assert after == paris(2027, 3, 27, 0, 0)
    assert before == paris(2027, 3, 29, 0, 0)
    assert before.astimezone(datetime.UTC) - after.astimezone(datetime.UTC) == datetime.timedelta(
        hours=47
    )
    # On a Sunday afternoon, the weekend under way, from now.
    after, before = agenda.window(filters, paris(2027, 3, 28, 15, 0))
    assert (after, before) == (paris(2027, 3, 28, 15, 0), paris(2027, 3, 29, 0, 0))


def test_weekend_filter_keeps_late_saturday_and_drops_early_monday(client, museum):
    saturday = TODAY + datetime.timedelta(days=(5 - TODAY.weekday()) % 7)
    if TODAY.weekday() == 6:
        saturday -= datetime.timedelta(days=1)
    sunday, monday = saturday + datetime.timedelta(days=1), saturday + datetime.timedelta(days=2)
    EventPageFactory(
        parent=museum, title="Veillée du dimanche", start_at=paris(*sunday.timetuple()[:3], 23, 30)
    )
    EventPageFactory(
        parent=museum, title="Aube du lundi", start_at=paris(*monday.timetuple()[:3], 0, 30)
    )
    html = html_of(client, "/fr/agenda/", when="weekend", museum=museum.slug)
    assert "Veillée du dimanche" in html
    assert "Aube du lundi" not in html
    days = re.findall(r'<h3 id="day-([0-9-]+)">', html)
    assert days and all(datetime.date.fromisoformat(day).weekday() >= 5 for day in days)


@pytest.fixture
def two_events(museum, locales):
    """On one day next spring: a free family event at `museum`, a paid one at a museum of
    another theme."""
    other = other_museum(museum)
    day = SPRING + datetime.timedelta(days=10)
    families = Audience.objects.get(slug="familles", locale=locales["fr"])
    free = EventPageFactory(
        parent=museum,
        title="Atelier familles gratuit",
        start_at=paris(*day.timetuple()[:3], 10),
        is_free=True,
    )
    free.audiences.set([families])
    free.save_revision().publish()
    paid = EventPageFactory(
        parent=other,
        title="Conférence payante",
        start_at=paris(*day.timetuple()[:3], 18),
        price=Decimal("6.00"),
    )
    return {"day": day, "museum": museum, "other": other, "free": free, "paid": paid}


@pytest.mark.parametrize(
    "params, shown",
    [
        ({}, {"Atelier familles gratuit", "Conférence payante"}),
        ({"museum": "MUSEUM"}, {"Atelier familles gratuit"}),
        ({"museum": "OTHER"}, {"Conférence payante"}),
        ({"theme": "THEME"}, {"Atelier familles gratuit"}),
        ({"audience": "familles"}, {"Atelier familles gratuit"}),
        ({"audience": "scolaires"}, set()),
        ({"free": "1"}, {"Atelier familles gratuit"}),
        ({"when": "today"}, set()),
    ],
)
def test_each_filter_keeps_only_what_it_says(client, two_events, params, shown):
    museum, other = two_events["museum"], two_events["other"]
    values = {
        "MUSEUM": museum.slug,
        "OTHER": other.slug,
        "THEME": museum.themes.first().slug,
    }
    params = {name: values.get(value, value) for name, value in params.items()}
    params["month"] = f"{two_events['day']:%Y-%m}" if "when" not in params else ""
    html = html_of(client, "/fr/agenda/", **params)
    found = {
        title for title, _iso in listed(html, {"Atelier familles gratuit", "Conférence payante"})
    }
    assert found == shown
    assert 'class="notice"' not in html


def test_filters_stay_selected_in_the_form(client, two_events):
    html = html_of(client, "/fr/agenda/", audience="familles", free="1", when="weekend")
    assert '<option value="familles" selected>' in html
    assert '<option value="weekend" selected>' in html
    assert 'name="free" value="1" checked' in html


@pytest.mark.parametrize(
    "params",
    [
        {"museum": "nowhere"},
        {"theme": "<script>alert(1)</script>"},
        {"audience": "x" * 5000},
        {"free": "maybe"},
        {"when": "yesterday"},
        {"month": "2027-13"},
        {"month": "1999-01"},
        {"month": "9999-12"},
        {"month": "abc"},
        {"page": "-1"},
        {"page": "1e9"},
        {"page": "٣"},
        {"page": "99999"},
    ],
)
def test_hostile_values_give_the_agenda_with_a_message(client, params):
    response = client.get("/fr/agenda/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="notice"' in html
    assert "<script>alert(1)</script>" not in html


def test_pagination_keeps_the_filters(client, museum, locales):
    walkers = Audience.objects.create(slug="marcheurs", name="Marcheurs", locale=locales["fr"])
    tour = EventPageFactory(
        parent=museum,
        title="Promenade des familles",
        start_at=NOW.replace(hour=11, minute=0, second=0, microsecond=0)
        + datetime.timedelta(days=1),
        repeat="weekly",
        repeat_until=TODAY + datetime.timedelta(days=7 * 40),
    )
    tour.audiences.set([walkers])
    tour.save_revision().publish()
    html = html_of(client, "/fr/agenda/", museum=museum.slug, audience="marcheurs")
    first = listed(html, {"Promenade des familles"})
    assert len(first) == agenda.PER_PAGE
    next_link = re.search(r'<a rel="next" href="\?([^"#]+)', html).group(1).replace("&amp;", "&")
    assert f"museum={museum.slug}" in next_link and "audience=marcheurs" in next_link
    assert "page=2" in next_link
    html = html_of(client, f"/fr/agenda/?{next_link}")
    second = listed(html, {"Promenade des familles"})
    assert len(first) + len(second) == len(tour.occurrences(after=now_in_paris()))
    assert second[0][1] > first[-1][1]
    assert "Page 2 sur 2" in html


def test_two_filters_in_a_row_with_the_page_cache_on(client, two_events):
    month = f"{two_events['day']:%Y-%m}"
    first = client.get("/fr/agenda/", {"museum": two_events["museum"].slug, "month": month})
    second = client.get("/fr/agenda/", {"museum": two_events["other"].slug, "month": month})
    again = client.get("/fr/agenda/", {"museum": two_events["other"].slug, "month": month})
    assert first["X-Cache"] == "MISS" and second["X-Cache"] == "MISS"
    assert again["X-Cache"] == "HIT"
    assert "Atelier familles gratuit" in first.content.decode()
    assert "Atelier familles gratuit" not in second.content.decode()
    assert "Conférence payante" in second.content.decode()


def test_queries_are_the_same_for_10_and_100_events(client, uncached, museum):
    def add(number):
        for index in range(number):
            EventPageFactory(
                parent=museum,
                start_at=NOW + datetime.timedelta(days=1 + index, hours=1),
                repeat="weekly" if index % 3 == 0 else "none",
                repeat_until=TODAY + datetime.timedelta(days=200),
            )

    add(10)
    ten = queries_for(client, "/fr/agenda/", museum=museum.slug)
    add(90)
    hundred = queries_for(client, "/fr/agenda/", museum=museum.slug)
    assert hundred == ten
    html = html_of(client, "/fr/agenda/", museum=museum.slug)
    assert "Page 1 sur" in html


# Calendars --------------------------------------------------------------------------------


def calendar_of(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return icalendar.Calendar.from_ical(response.content)


def coming(locale):
    return [
        event
        for event in EventPage.objects.live().filter(locale=locale)
        if event.next_occurrence() is not None
    ]


def test_the_network_feed_has_every_coming_event_in_paris_time(client, locales):
    calendar = calendar_of(client.get("/fr/agenda.ics"))
    events = calendar.walk("VEVENT")
    assert len(events) == len(coming(locales["fr"]))
    (zone,) = calendar.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/Paris"
    timed = [event for event in events if isinstance(event.decoded("DTSTART"), datetime.datetime)]
    assert timed and all(event["DTSTART"].params["TZID"] == "Europe/Paris" for event in timed)
    assert len({str(event["UID"]) for event in events}) == len(events)
    for event in events:
        assert str(event["URL"]).startswith("http://testserver/fr/")
        assert event.get("LOCATION") and event.get("GEO")
    museum = MuseumPage.objects.get(slug="musee-franco-americain-blerancourt", locale=locales["fr"])
    blerancourt = EventPage.objects.live().child_of(museum).get(status="cancelled")
    cancelled = [e for e in events if str(e["SUMMARY"]) == blerancourt.title]
    assert [str(e["STATUS"]) for e in cancelled] == ["CANCELLED"]


def test_a_repeated_event_is_one_entry_whose_rrule_gives_its_dates(client, museum, locales):
    friday = dst_sunday(SPRING.year) - datetime.timedelta(days=16)
    start = paris(friday.year, friday.month, friday.day, 14, 30)
    families = Audience.objects.get(slug="familles", locale=locales["fr"])
    event = EventPageFactory(
        parent=museum,
        title="Visite du vendredi",
        start_at=start,
        end_at=start + datetime.timedelta(hours=1),
        repeat="weekly",
        repeat_until=friday + datetime.timedelta(days=45),
    )
    event.audiences.set([families])
    event.save_revision().publish()
    publish_in_all_languages(event, locales)
    german_museum = museum.get_translation(locales["de"])
    calendar = calendar_of(client.get("/de/agenda.ics", {"museum": german_museum.slug}))
    (entry,) = [e for e in calendar.walk("VEVENT") if str(e["SUMMARY"]) == "Visite du vendredi"]
    dtstart = entry.decoded("DTSTART")
    expanded = list(rrulestr(entry["RRULE"].to_ical().decode(), dtstart=dtstart))
    assert [moment.astimezone(PARIS) for moment in expanded] == [
        occurrence.start for occurrence in event.occurrences()
    ]
    assert {moment.astimezone(PARIS).strftime("%H:%M") for moment in expanded} == {"14:30"}
    assert {moment.utcoffset() for moment in expanded} == {
        datetime.timedelta(hours=1),
        datetime.timedelta(hours=2),
    }
    assert "Familien" in [str(c) for c in entry["CATEGORIES"].cats]
    assert str(entry["URL"]).startswith("http://testserver/de/")
    # The same UID in the event's own file, which downloads as an attachment.
    german = event.get_translation(locales["de"])
    response = client.get(f"/de/agenda/event-{german.pk}.ics")
    assert response["Content-Disposition"].startswith("attachment;")
    (own,) = calendar_of(response).walk("VEVENT")
    assert str(own["UID"]) == str(entry["UID"])
    assert own["RRULE"] == entry["RRULE"]


def test_museum_and_theme_feeds(client, two_events):
    museum, other = two_events["museum"], two_events["other"]
    titles = {
        str(e["SUMMARY"])
        for e in calendar_of(client.get("/fr/agenda.ics", {"museum": museum.slug})).walk("VEVENT")
    }
    assert "Atelier familles gratuit" in titles and "Conférence payante" not in titles
    theme = other.themes.first().slug
    titles = {
        str(e["SUMMARY"])
        for e in calendar_of(client.get("/fr/agenda.ics", {"theme": theme})).walk("VEVENT")
    }
    assert "Conférence payante" in titles and "Atelier familles gratuit" not in titles
    assert client.get("/fr/agenda.ics", {"theme": "nope"}).status_code == 404
    assert client.get("/fr/agenda.ics", {"museum": "nope"}).status_code == 404
    assert client.get("/fr/agenda/event-999999.ics").status_code == 404


def test_an_event_of_another_language_has_no_file_here(client, two_events, locales):
    assert client.get(f"/de/agenda/event-{two_events['free'].pk}.ics").status_code == 404


def test_home_and_museum_pages_link_their_feeds(client, museum, locales):
    home = html_of(client, "/en/")
    assert '<link rel="alternate" type="text/calendar"' in home
    assert 'href="/en/agenda.ics"' in home and f'href="{AGENDA["en"]}"' in home
    english = museum.get_translation(locales["en"])
    page = html_of(client, english.url)
    feed = f'href="/en/agenda.ics?museum={english.slug}"'
    assert '<link rel="alternate" type="text/calendar"' in page and feed in page
    titles = {
        str(e["SUMMARY"])
        for e in calendar_of(client.get(f"/en/agenda.ics?museum={english.slug}")).walk("VEVENT")
    }
    assert titles and all(
        EventPage.objects.live().child_of(english).filter(title=title).exists() for title in titles
    )


def test_event_page_offers_its_calendar_file(client, two_events):
    event = two_events["paid"]
    html = html_of(client, event.url)
    assert f'href="/fr/agenda/event-{event.pk}.ics" download' in html
    response = client.get(f"/fr/agenda/event-{event.pk}.ics")
    (entry,) = calendar_of(response).walk("VEVENT")
    assert str(entry["SUMMARY"]) == "Conférence payante"
    assert entry.decoded("DTSTART") == paris(*two_events["day"].timetuple()[:3], 18)
    assert str(entry["STATUS"]) == "CONFIRMED"
