"""Events and exhibitions are dated everywhere: on their pages, on museum pages, on the home
page and in search results, in each language, with schema.org JSON-LD (issue 17)."""

import datetime
import re
from decimal import Decimal
from urllib.parse import urlencode

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from core.translation import text_pairs, translate
from demo.factories import EventPageFactory, ExhibitPageFactory
from museum_pages.models import Audience, EventPage, ExhibitPage, MuseumPage
from museum_pages.practical import dates
from museum_pages.practical.opening_hours import PARIS, now_in_paris
from tests.helpers import json_ld, queries_for

pytestmark = pytest.mark.django_db

TODAY = now_in_paris().date()


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def demo_event(slug, locale):
    museum = MuseumPage.objects.get(slug=slug, locale__language_code="fr")
    event = EventPage.objects.live().child_of(museum).get()
    return event.get_translation(locale)


def publish_in_all_languages(page, locales):
    """Translate a French test page into every language (facts synchronised; the words
    kept as they are, which is enough for dates)."""
    texts = [page.title, page.intro]
    for code in ("en", "de", "nl"):
        translate(page, locales[code], text_pairs(texts, texts)).save_revision().publish()


# Occurrences ------------------------------------------------------------------------------


def test_a_weekly_event_keeps_its_time_across_the_spring_dst_change():
    occurrences = dates.occurrences_of(
        paris(2027, 3, 20, 14, 30),
        paris(2027, 3, 20, 16, 0),
        repeat="weekly",
        repeat_until=datetime.date(2027, 4, 10),
    )
    assert [o.start.strftime("%d %H:%M %z") for o in occurrences] == [
        "20 14:30 +0100",
        "27 14:30 +0100",
        "03 14:30 +0200",
        "10 14:30 +0200",
    ]
    assert all(o.end - o.start == datetime.timedelta(minutes=90) for o in occurrences)
    starts = [o.start for o in occurrences]
    assert starts == sorted(starts)


def test_occurrences_between_two_moments_and_monthly_repeat():
    start = paris(2027, 1, 31, 10, 0)
    monthly = dates.occurrences_of(
        start, None, repeat="monthly", repeat_until=datetime.date(2027, 6, 30)
    )
    # rrule skips the months without a 31st
    assert [o.start.date().isoformat() for o in monthly] == [
        "2027-01-31",
        "2027-03-31",
        "2027-05-31",
    ]
    window = dates.occurrences_of(
        start,
        None,
        repeat="monthly",
        repeat_until=datetime.date(2027, 6, 30),
        after=paris(2027, 2, 1),
        before=paris(2027, 5, 1),
    )
    assert [o.start.month for o in window] == [3]


def test_an_all_day_event_lasts_its_days():
    (occurrence,) = dates.occurrences_of(
        paris(2027, 5, 8, 9, 0), paris(2027, 5, 9, 18, 0), all_day=True
    )
    assert occurrence.start == paris(2027, 5, 8)
    assert occurrence.end == paris(2027, 5, 10)
    assert occurrence.end_date == datetime.date(2027, 5, 9)


def test_event_page_api_gives_next_occurrence_and_upcoming(museum):
    event = EventPageFactory(
        parent=museum,
        start_at=paris(2020, 1, 4, 15, 0),
        end_at=paris(2020, 1, 4, 16, 0),
        repeat="weekly",
        repeat_until=TODAY + datetime.timedelta(days=30),
    )
    following = event.next_occurrence()
    assert following.start > now_in_paris() - datetime.timedelta(hours=1)
    assert following.start.weekday() == 5 and following.start.hour == 15
    assert event.is_upcoming
    assert len(event.occurrences(after=now_in_paris())) in (4, 5)


def test_an_event_cannot_repeat_without_an_end_nor_be_free_with_a_price(museum):
    event = EventPage(
        title="x",
        slug="x",
        start_at=paris(2027, 1, 1, 10),
        repeat="weekly",
        is_free=True,
        price=Decimal("5"),
    )
    with pytest.raises(ValidationError) as error:
        event.clean()
    assert {"repeat_until", "price"} <= set(error.value.message_dict)


# Dates in each language -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "text"),
    [
        ("fr", "Samedi 3 avril 2027, de 14:30 à 16:00"),
        ("en", "Saturday, 3 April 2027, 14:30–16:00"),
        ("de", "Samstag, 3. April 2027, 14:30–16:00 Uhr"),
        ("nl", "Zaterdag 3 april 2027, 14:30–16:00"),
    ],
)
def test_an_occurrence_is_worded_in_each_language(code, text):
    (occurrence,) = dates.occurrences_of(paris(2027, 4, 3, 14, 30), paris(2027, 4, 3, 16, 0))
    with translation.override(code):
        assert dates.when_text(occurrence) == text


def test_event_page_shows_dates_across_dst_in_order_place_and_price(client, museum, locales):
    event = EventPageFactory(
        parent=museum,
        title="Visite du samedi",
        start_at=paris(2027, 3, 20, 10, 0),
        end_at=paris(2027, 3, 20, 11, 0),
        repeat="weekly",
        repeat_until=datetime.date(2027, 4, 3),
        is_free=False,
        price=Decimal("4.50"),
        booking_url="https://example.org/reserver",
        spoken_languages="fr,en",
    )
    publish_in_all_languages(event, locales)
    html = html_of(client, event.get_translation(locales["de"]).url)
    times = re.findall(r'<time datetime="([^"]+)">([^<]+)</time>', html)
    assert times == [
        ("2027-03-20T10:00+01:00", "Samstag, 20. März 2027, 10:00–11:00 Uhr"),
        ("2027-03-27T10:00+01:00", "Samstag, 27. März 2027, 10:00–11:00 Uhr"),
        ("2027-04-03T10:00+02:00", "Samstag, 3. April 2027, 10:00–11:00 Uhr"),
    ]
    assert "Jede Woche bis zum 3. April 2027" in html
    assert "Rue Delétoille" in html  # at the museum by default
    assert "4,50 €" in html
    assert 'href="https://example.org/reserver"' in html
    assert "Französisch, Englisch" in html or "französisch, englisch" in html.lower()
    html_en = html_of(client, event.get_translation(locales["en"]).url)
    assert "Saturday, 3 April 2027, 10:00–11:00" in html_en  # day first, as in Britain
    assert "Every week until 3 April 2027" in html_en
    assert not re.search(r"(March|April) [0-9]{1,2}, 2027", html_en)  # no "April 3, 2027"
    assert "€4.50" in html_en  # the euro sign first, as in Britain


@pytest.mark.parametrize("code", ["fr", "en", "de", "nl"])
def test_a_cancelled_event_says_so_first(client, locales, code):
    event = demo_event("musee-franco-americain-blerancourt", locales[code])
    assert event.status == "cancelled"
    html = html_of(client, event.url)
    word = {"fr": "Annulé", "en": "Cancelled", "de": "Abgesagt", "nl": "Geannuleerd"}[code]
    assert word in html
    assert html.index(word, html.index("<main")) < html.index("<h1")
    assert f"<title>{word} – " in html
    # and on its museum page, before its date
    museum_html = html_of(client, event.get_parent().url)
    section = museum_html[museum_html.index('id="events-heading"') :]
    assert section.index(word) < section.index("<time")


def test_event_elsewhere_shows_its_own_place(client, locales):
    event = demo_event("caverne-du-dragon", locales["en"])
    html = html_of(client, event.url)
    assert "Californie plateau, Craonne" in html
    assert "Plateau de Californie, 02160 Craonne" in html


def test_audiences_are_shown_in_the_page_language(client, locales):
    event = demo_event("centre-historique-minier-lewarde", locales["nl"])
    assert "Gezinnen" in html_of(client, event.url)
    assert Audience.objects.filter(locale=locales["de"], slug="familles").get().name == "Familien"


# Exhibitions ------------------------------------------------------------------------------


def exhibit_of(slug, locale, kind="temporary"):
    museum = MuseumPage.objects.get(slug=slug, locale=locale)
    return ExhibitPage.objects.live().child_of(museum).get(kind=kind), museum


@pytest.mark.parametrize(
    ("code", "until"), [("fr", "Jusqu’au"), ("en", "Until"), ("de", "Bis"), ("nl", "Tot")]
)
def test_current_exhibition_dates_on_page_museum_page_and_home(client, locales, code, until):
    exhibit, museum = exhibit_of("centre-historique-minier-lewarde", locales[code])
    assert exhibit.is_current and not exhibit.is_coming and not exhibit.has_ended
    with translation.override(code):
        end = dates.long_date(exhibit.end_date)
    expected = f"{until} {end}"
    assert expected in html_of(client, exhibit.url)
    museum_html = html_of(client, museum.url)
    assert f'<time datetime="{exhibit.end_date.isoformat()}">{expected}</time>' in museum_html
    home_html = html_of(client, f"/{code}/")
    assert exhibit.title in home_html and expected in home_html


def test_coming_exhibition_says_when_it_opens(client, locales):
    exhibit, museum = exhibit_of("historial-peronne", locales["en"])
    assert exhibit.is_coming
    with translation.override("en"):
        expected = f"Opens on {dates.long_date(exhibit.start_date)}"
    assert expected in html_of(client, museum.url)
    assert expected in html_of(client, exhibit.url)


def test_ended_exhibition_goes_to_the_archive(client, locales):
    exhibit, museum = exhibit_of("musee-bataille-fromelles", locales["fr"])
    assert exhibit.has_ended
    html = html_of(client, museum.url)
    archive = html[html.index('id="archive-heading"') :]
    assert exhibit.title in archive
    current = html[html.index('id="exhibits-heading"') : html.index('id="archive-heading"')]
    assert exhibit.title not in current
    assert exhibit.title not in html_of(client, "/fr/")


def test_exhibition_dates_in_search_results(client, locales):
    exhibit, _museum = exhibit_of("centre-historique-minier-lewarde", locales["fr"])
    html = html_of(client, "/fr/search/?" + urlencode({"q": exhibit.title}))
    assert exhibit.dates_text() in html


# Home page and search ---------------------------------------------------------------------


def test_home_page_shows_the_next_three_events_of_the_network(client, locales):
    html = html_of(client, "/de/")
    section = html[html.index('id="events-heading"') :]
    section = section[: section.index("</section>")]
    times = re.findall(r'<time datetime="([^"]+)"', section)
    assert len(times) == 3
    assert times == sorted(times)


def test_search_results_for_events_show_the_date(client, locales):
    event = demo_event("historial-peronne", locales["fr"])
    html = html_of(client, "/fr/search/?" + urlencode({"q": event.title, "type": "event"}))
    result = html[html.index(event.title) :]
    entry = dates.occurrences_of(
        event.start_at,
        event.end_at,
        repeat=event.repeat,
        repeat_until=event.repeat_until,
        after=now_in_paris(),
    )[0]
    with translation.override("fr"):
        assert dates.when_text(entry) in result


# Structured data --------------------------------------------------------------------------


def test_event_json_ld_has_the_fields_search_engines_read(client, locales):
    event = demo_event("historial-peronne", locales["en"])
    data = json_ld(html_of(client, event.url))
    assert data["@type"] == "Event"
    assert data["name"] == event.title
    assert data["description"] == event.intro
    assert data["url"].endswith(event.url)
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT15:00\+0[12]:00", data["startDate"])
    assert re.fullmatch(r"\d{4}-\d\d-\d\dT16:30\+0[12]:00", data["endDate"])
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    location = data["location"]
    assert location["@type"] == "Place"
    assert location["address"]["@type"] == "PostalAddress"
    assert location["address"]["addressLocality"]
    latitude = location["geo"]["latitude"]
    assert len(latitude.split(".")[1]) >= 5
    assert data["organizer"]["@type"] == "Museum"
    assert data["organizer"]["url"].endswith(event.get_parent().url)
    offer = data["offers"]
    assert offer["price"] == "5.00" and offer["priceCurrency"] == "EUR"
    assert offer["availability"] == "https://schema.org/InStock"
    assert offer["url"].startswith("https://")
    assert data["inLanguage"] == ["fr", "en"]
    assert data["eventSchedule"]["repeatFrequency"] == "P1W"
    assert data["eventSchedule"]["scheduleTimezone"] == "Europe/Paris"


def test_cancelled_and_free_events_in_json_ld(client, locales):
    data = json_ld(
        html_of(client, demo_event("musee-franco-americain-blerancourt", locales["de"]).url)
    )
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["isAccessibleForFree"] is True
    assert "offers" not in data
    elsewhere = json_ld(html_of(client, demo_event("caverne-du-dragon", locales["fr"]).url))
    assert elsewhere["location"]["name"] == "Plateau de Californie, Craonne"
    assert elsewhere["location"]["geo"]["latitude"] == "49.442810"


def test_exhibition_json_ld(client, locales):
    exhibit, museum = exhibit_of("centre-historique-minier-lewarde", locales["nl"])
    data = json_ld(html_of(client, exhibit.url))
    assert data["@type"] == "ExhibitionEvent"
    assert data["inLanguage"] == "nl"
    assert data["startDate"] == exhibit.start_date.isoformat()
    assert data["endDate"] == exhibit.end_date.isoformat()
    assert data["location"]["@type"] == "Museum"
    assert data["location"]["name"] == museum.title
    assert data["organizer"]["name"] == museum.title
    permanent, _museum = exhibit_of("centre-historique-minier-lewarde", locales["nl"], "permanent")
    assert "startDate" not in json_ld(html_of(client, permanent.url))


# Queries ----------------------------------------------------------------------------------


def test_museum_and_home_pages_queries_do_not_grow_with_events(client, uncached, museum, home):
    before = {url: queries_for(client, url) for url in ("/fr/", museum.url)}
    for number in range(12):
        EventPageFactory(
            parent=museum,
            start_at=paris(2027, 1, 1 + number, 10),
            repeat="weekly" if number % 2 else "none",
            repeat_until=datetime.date(2027, 12, 31),
        )
        ExhibitPageFactory(
            parent=museum,
            kind="temporary",
            start_date=TODAY - datetime.timedelta(days=number),
            end_date=TODAY + datetime.timedelta(days=number + 1),
        )
    after = {url: queries_for(client, url) for url in ("/fr/", museum.url)}
    assert after == before
    html = html_of(client, museum.url)
    assert html.count('class="link-list__item"') >= 24


# Editors ----------------------------------------------------------------------------------


def event_form(**fields):
    """The admin's event form as an editor publishes it."""
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    data = {
        "title": "Atelier de Pâques",
        "slug": "atelier-de-paques",
        "intro": "Un atelier pour les familles.",
        "hero_image": "",
        "hero_image_alt": "",
        "body": streamfield([]),
        "status": "scheduled",
        "start_at": "2027-03-24 14:00",
        "end_at": "2027-03-24 16:00",
        "repeat": "weekly",
        "repeat_until": "2027-04-07",
        "place_name": "Salle des fêtes",
        "place_address": "1 place de la Mairie, 62000 Arras",
        "place_location": "SRID=4326;POINT(2.7775 50.2910)",
        "spoken_languages": "fr",
        "price": "3.50",
        "booking_url": "https://example.org/atelier",
        "go_live_at": "",
        "expire_at": "",
        "comments-TOTAL_FORMS": "0",
        "comments-INITIAL_FORMS": "0",
        "comments-MIN_NUM_FORMS": "0",
        "comments-MAX_NUM_FORMS": "1000",
        **fields,
    }
    audiences = data.pop("audiences", [])
    form = nested_form_data(data)
    form["audiences"] = audiences  # a multiple choice: one value per audience
    form["action-publish"] = "1"
    return form


def test_an_editor_publishes_a_repeated_event_elsewhere_for_families(
    superuser_client, museum, locales
):
    families = Audience.objects.get(slug="familles", locale=locales["fr"])
    add_url = f"/admin/pages/add/museum_pages/eventpage/{museum.pk}/"
    assert superuser_client.get(add_url).status_code == 200
    response = superuser_client.post(add_url, event_form(audiences=[str(families.pk)]))
    assert response.status_code == 302
    event = EventPage.objects.get(slug="atelier-de-paques")
    assert event.live and list(event.audiences.all()) == [families]
    assert [o.start.day for o in event.occurrences()] == [24, 31, 7]
    html = html_of(Client(), event.url)
    assert "Mercredi 31 mars 2027, de 14:00 à 16:00" in html
    assert "Salle des fêtes" in html and "1 place de la Mairie, 62000 Arras" in html
    assert "Familles" in html and "3,50 €" in html
    assert superuser_client.get(f"/admin/pages/{event.pk}/edit/").status_code == 200


def test_the_admin_refuses_a_repeat_without_end(superuser_client, museum):
    add_url = f"/admin/pages/add/museum_pages/eventpage/{museum.pk}/"
    response = superuser_client.post(add_url, event_form(repeat_until=""))
    assert response.status_code == 200
    assert "Indiquez jusqu&#x27;à quand l&#x27;événement se répète." in response.content.decode()
    assert not EventPage.objects.filter(slug="atelier-de-paques").exists()


# Fixed: an all-day event all its day; the last date of a long repeat -------------------------


def test_a_one_off_all_day_event_stays_listed_once_its_start_time_has_passed(client, museum):
    now = now_in_paris()
    EventPageFactory(
        parent=museum,
        title="Journée portes ouvertes",
        start_at=now.replace(hour=0, minute=0, second=0, microsecond=0),
        all_day=True,
    )
    html = html_of(client, "/fr/")
    section = html[html.index('id="events-heading"') :]
    section = section[: section.index("</section>")]
    assert "Journée portes ouvertes" in section
    assert f'datetime="{now.date().isoformat()}"' in section
    assert "Journée portes ouvertes" in html_of(client, "/fr/agenda/")


def test_the_last_date_of_a_long_repeat_is_its_real_last_date(client, museum):
    event = EventPageFactory(
        parent=museum,
        title="Ronde hebdomadaire des veilleurs",
        start_at=paris(2020, 1, 4, 10, 0),
        repeat="weekly",
        repeat_until=datetime.date(2022, 12, 31),
    )
    assert len(event.occurrences()) == dates.MAX_OCCURRENCES  # 157 dates in all
    last = event.last_occurrence()
    assert last.start == paris(2022, 12, 31, 10, 0)
    html = html_of(client, "/fr/search/?" + urlencode({"q": event.title, "type": "event"}))
    with translation.override("fr"):
        assert dates.when_text(last) in html
    page = html_of(client, event.url)
    assert 'datetime="2022-12-31T10:00+01:00"' in page
    assert "Cet événement est passé." in page


def test_an_editor_ticks_spoken_languages_by_name_and_types_a_french_price(
    superuser_client, museum
):
    add_url = f"/admin/pages/add/museum_pages/eventpage/{museum.pk}/"
    html = superuser_client.get(add_url).content.decode()
    assert 'type="checkbox" name="spoken_languages" value="en"' in html
    assert "anglais" in html and "fr,en,de,nl" not in html
    # The dates come first in their panel, the status after them.
    assert html.index('name="start_at"') < html.index('name="status"')
    form = event_form(price="4,50")
    form["spoken_languages"] = ["fr", "en"]
    response = superuser_client.post(add_url, form)
    assert response.status_code == 302
    event = EventPage.objects.get(slug="atelier-de-paques")
    assert event.spoken_languages == "fr,en" and event.price == Decimal("4.50")
    edit = superuser_client.get(f"/admin/pages/{event.pk}/edit/").content.decode()
    assert re.search(r'value="en"[^>]*checked', edit) or re.search(r'checked[^>]*value="en"', edit)
    assert 'inputmode="decimal"' in edit and 'value="4,50"' in edit  # as it was typed
    assert "français, anglais" in html_of(Client(), event.url).lower()
