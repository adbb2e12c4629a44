"""The home list's filters visitors ask for (issue 21): open now, open on a day of the
week, near a town or postcode; they work without JavaScript, the map shows the same
museums, hostile values get a message, and the footer counts the museums."""

import datetime
import json
import re
import time

import pytest

from core.page_cache import clear_page_cache
from demo.data import museums
from museum_pages.models import MuseumPage
from museum_pages.models.practical import Closure, OpeningPeriod
from museum_pages.practical.opening_hours import PARIS, now_in_paris
from network import museum_filters
from tests.helpers import lifetime_bounds, max_age, queries_for, status_changes_in

pytestmark = pytest.mark.django_db

DAYS = museum_filters.DAYS


def card_titles(html):
    return re.findall(r'class="card__link" href="[^"]+">([^<]+)</a>', html)


def marker_names(html):
    data = re.search(r'<script id="map-markers" type="application/json">(.*?)</script>', html, re.S)
    return sorted(marker["name"] for marker in json.loads(data.group(1)))


def museums_in(locale):
    return MuseumPage.objects.filter(locale=locale).order_by("title")


def only_open_on(museum, weekday):
    """`museum` opens 10:00–18:00 on `weekday` ("monday"…) only."""
    OpeningPeriod.objects.filter(page=museum).delete()
    Closure.objects.filter(page=museum).delete()
    days = {day: day == weekday for day in DAYS}
    OpeningPeriod.objects.create(
        page=museum, opens=datetime.time(10), closes=datetime.time(18), **days
    )


def never_open(pages):
    OpeningPeriod.objects.filter(page__in=pages).delete()


@pytest.mark.parametrize("code", ["en", "de", "nl"])
def test_open_now_lists_and_maps_only_the_museums_open_now(client, locales, code):
    pages = list(museums_in(locales[code]))
    never_open(pages)
    status_changes_in(3600, pages[:2])  # open since midnight, for another hour
    html = client.get(f"/{code}/", {"open": "now"}).content.decode()
    expected = sorted(page.title for page in pages[:2])
    assert sorted(card_titles(html)) == expected
    assert marker_names(html) == expected
    assert 'value="now" selected' in html


def test_open_on_a_day_follows_the_opening_rules_and_closures(client, locales):
    pages = list(museums_in(locales["en"]))
    never_open(pages)
    only_open_on(pages[0], "monday")
    only_open_on(pages[1], "saturday")
    assert card_titles(client.get("/en/?open=monday").content.decode()) == [pages[0].title]
    assert card_titles(client.get("/en/?open=saturday").content.decode()) == [pages[1].title]
    # Closed on the coming Saturday (a closure of that date): not open that day.
    today = now_in_paris().date()
    saturday = museum_filters.next_day(5, today)
    Closure.objects.create(page=pages[1], start_date=saturday, every_year=False)
    clear_page_cache()
    html = client.get("/en/?open=saturday").content.decode()
    assert card_titles(html) == []
    assert "No museum matches these filters." in html


def test_the_day_choices_are_the_days_of_the_week_in_the_page_language(client):
    html = client.get("/de/").content.decode()
    assert '<option value="now">Jetzt geöffnet</option>' in html
    assert '<option value="saturday">Geöffnet am Samstag</option>' in html
    assert '<label for="museum-near">' in html


def test_theme_links_keep_the_opening_filter(client):
    html = client.get("/en/?open=now").content.decode()
    assert 'href="?theme=mining&amp;open=now#museums-heading"' in html
    assert 'href="?open=now#museums-heading"' in html
    assert '<input type="hidden" name="theme"' not in html
    themed = client.get("/en/?theme=mining").content.decode()
    assert '<input type="hidden" name="theme" value="mining">' in themed


@pytest.mark.parametrize(
    ("code", "place", "first_town"),
    [
        ("en", "Dunkerque", "Dunkirk"),
        ("de", "dunkirk", "Dünkirchen"),
        ("nl", "Péronne", "Péronne"),
        ("en", "62000", "Arras"),
        ("de", "  peronne ", "Péronne"),
    ],
)
def test_near_a_town_or_postcode_sorts_the_list_by_distance(client, code, place, first_town):
    html = client.get(f"/{code}/", {"near": place}).content.decode()
    towns = re.findall(r'<p class="card__town">([^<]+)<span', html)
    assert towns[0] == first_town
    assert len(towns) == len(museums())
    assert re.search(r'class="card__distance" data-distance> · [^<]*\b0 km', html)


def test_near_keeps_the_alphabetical_order_for_an_unknown_place(client):
    html = client.get("/en/", {"near": "Paris"}).content.decode()
    assert card_titles(html) == sorted(card_titles(html))
    assert "“Paris” is not a town or postcode of our museums" in html


@pytest.mark.parametrize(
    ("parameter", "value"),
    [
        ("open", "<script>alert(1)</script>"),
        ("open", "funday"),
        ("open", "now" * 500),
        ("open", "MONDAY"),
        ("near", "<script>alert(1)</script>"),
        ("near", "x" * 5000),
        ("near", "' OR 1=1 --"),
    ],
)
def test_hostile_filter_values_show_every_museum_with_a_message(client, parameter, value):
    response = client.get("/en/", {parameter: value})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)" not in html
    assert len(card_titles(html)) == len(museums())
    assert "Unrecognised opening filter" in html or "is not a town or postcode" in html


@pytest.mark.parametrize(("code", "words"), [("en", "brings together"), ("de", "vereint")])
def test_footer_counts_the_museums_from_the_database(client, home, locales, code, words):
    count = MuseumPage.objects.live().filter(locale=locales[code]).count()
    html = client.get(f"/{code}/").content.decode()
    assert f"{words} {count} " in html
    museums_in(locales[code]).first().unpublish()
    html = client.get(f"/{code}/").content.decode()
    assert f"{words} {count - 1} " in html


def test_without_javascript_the_note_about_the_map_is_hidden(client):
    html = client.get("/en/").content.decode()
    assert '<p class="network-map__note" id="network-map-note" hidden>' in html


def test_filters_cost_no_more_queries_than_the_plain_home(client, uncached):
    """A town or postcode of the listed museums costs nothing; a town's name in another
    language costs one query (remembered until the next publication)."""
    plain = queries_for(client, "/en/")
    assert queries_for(client, "/en/", open="now", near="Arras") == plain
    assert queries_for(client, "/en/", open="saturday", near="62000") == plain
    assert plain <= 12
    assert queries_for(client, "/en/", near="Dünkirchen") == plain + 1


def test_open_now_expires_when_a_museum_that_is_not_listed_opens(client, locales):
    """The cached "open now" list must not outlive the opening of a museum it leaves out."""
    pages = list(museums_in(locales["en"]))
    never_open(pages)
    status_changes_in(3600, pages[:1])
    now = datetime.datetime.now(tz=PARIS)
    opens = (now + datetime.timedelta(seconds=120)).replace(microsecond=0)
    if opens.date() != now.date():
        pytest.skip("too close to midnight for a museum that opens later today")
    OpeningPeriod.objects.create(
        page=pages[1], opens=opens.time(), closes=datetime.time(0, 0), **dict.fromkeys(DAYS, True)
    )
    clear_page_cache()
    started = time.time()
    response = client.get("/en/", {"open": "now"})
    assert card_titles(response.content.decode()) == [pages[0].title]
    least, most = lifetime_bounds(opens, started, time.time())
    assert least <= max_age(response) <= most
