"""Routes between museums (issue 20): the stops and legs of a day, the opening check for a
chosen date, the exports (GPX, GeoJSON, calendar), schema.org TouristTrip, the listings on
the home and museum pages, and a fixed number of queries whatever the number of stops."""

import datetime
import json
import re
from types import SimpleNamespace

import gpxpy
import icalendar
import pytest
from django.utils import translation

from demo.data import routes
from demo.factories import RoutePageFactory
from museum_pages.models import MuseumPage
from museum_pages.practical import geography
from museum_pages.practical.opening_hours import PARIS, now_in_paris
from network import route_plan
from network.models import RouteIndexPage, RoutePage, RouteStop
from tests.helpers import queries_for

pytestmark = pytest.mark.django_db

SOMME = "somme-1916"
COAST = "dunkerque-cote-opale-1940-1944"
UNDERGROUND = "histoire-souterraine"


def route_url(code, slug):
    """The address in language `code` of the demo route whose French slug is `slug`."""
    data = routes()
    route = next(route for route in data["routes"] if route["slug"]["fr"] == slug)
    return f"/{code}/{data['index']['slug'][code]}/{route['slug'][code]}/"


def next_day(month, day, not_weekday=None):
    """The next `month`-`day` from tomorrow on in Paris (this year or next), moved a day on
    when it falls on `not_weekday` (0 is Monday)."""
    today = now_in_paris().date()
    candidate = datetime.date(today.year, month, day)
    if candidate <= today:
        candidate = candidate.replace(year=today.year + 1)
    while not_weekday is not None and candidate.weekday() == not_weekday:
        candidate += datetime.timedelta(days=1)
    return candidate


def text_of(response):
    """The visible text of a page's <main>, tags and extra spaces removed."""
    html = response.content.decode()
    main = html[html.index("<main") : html.index("</main>")]
    main = re.sub(r"<script.*?</script>", " ", main, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", main)).replace("&#x27;", "'")


def warnings_of(response):
    html = response.content.decode()
    return [
        re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", item)).strip()
        for item in re.findall(r'class="route-notice route-notice--warning">(.*?)</li>', html)
    ]


# Arrival times ---------------------------------------------------------------------------


def place(name, lng, lat, stay=30):
    return route_plan.Stop(name=name, point=(lng, lat), stay_minutes=stay)


def test_arrival_is_the_time_on_site_plus_the_drive_at_the_stated_speed():
    albert, peronne = place("Albert", 2.6486, 50.0041, stay=75), place("Péronne", 2.9335, 49.931)
    leg = route_plan.leg(albert, peronne)
    road_km = geography.great_circle_km(albert.point, peronne.point) * route_plan.ROAD_FACTOR
    assert leg.distance_km == pytest.approx(road_km)
    minutes = road_km / route_plan.AVERAGE_SPEED_KMH * 60
    assert minutes <= leg.drive_minutes < minutes + 5 and leg.drive_minutes % 5 == 0

    start = datetime.datetime(2027, 6, 8, 9, 30, tzinfo=PARIS)
    first, second = route_plan.plan_day([albert, peronne], start)
    assert first.arrival == start and first.leaves == start + datetime.timedelta(minutes=75)
    assert second.arrival == first.leaves + datetime.timedelta(minutes=leg.drive_minutes)
    assert second.leaves == second.arrival + datetime.timedelta(minutes=30)


def test_a_visitor_waits_for_the_opening_and_the_next_stops_shift():
    periods = [
        SimpleNamespace(
            weekdays=frozenset(range(7)),
            valid_from=None,
            valid_until=None,
            every_year=True,
            opens=datetime.time(10),
            closes=datetime.time(18),
        )
    ]
    museum = route_plan.Stop("Musée", (2.0, 50.0), 60, museum=True, periods=periods)
    later = place("Mémorial", 2.0, 50.0)
    start = datetime.datetime(2027, 6, 8, 9, 0, tzinfo=PARIS)
    visit, after = route_plan.plan_day([museum, later], start, check=True)
    assert visit.begins.time() == datetime.time(10) and visit.wait_minutes == 60
    assert after.arrival.time() == datetime.time(11, 0)
    assert [notice.kind for notice in visit.notices] == [route_plan.INFO]


# The opening check for a date ---------------------------------------------------------------


def test_in_season_every_museum_of_the_coast_route_is_open(client):
    day = next_day(6, 8, not_weekday=1)  # the port museum closes on Tuesdays
    response = client.get(route_url("fr", COAST), {"date": day.isoformat()})
    assert response.status_code == 200
    assert warnings_of(response) == []
    assert "chaque musée du parcours est ouvert à votre arrivée" in text_of(response)


def test_out_of_season_mimoyecques_is_closed_for_the_season(client):
    response = client.get(route_url("en", COAST), {"date": next_day(11, 20).isoformat()})
    assert response.status_code == 200
    assert any(
        "Mimoyecques" in warning
        and "closed for the season on that date (reopens on 15 April)" in warning
        for warning in warnings_of(response)
    ), warnings_of(response)


def test_on_a_closure_day_the_warning_gives_its_reason(client):
    response = client.get(route_url("en", COAST), {"date": next_day(12, 25).isoformat()})
    warnings = warnings_of(response)
    assert any("is closed on that day (Christmas Day)" in warning for warning in warnings)


def test_french_warnings_read_right_for_a_feminine_museum_name(client):
    """« Forteresse de Mimoyecques est fermé » was wrong: the name, then « fermé » as a label."""
    out_of_season = client.get(route_url("fr", COAST), {"date": next_day(11, 20).isoformat()})
    warnings = warnings_of(out_of_season)
    assert any(
        "Forteresse de Mimoyecques : fermé pour la saison à cette date (réouverture le 15 avril)"
        in warning
        for warning in warnings
    ), warnings
    christmas = warnings_of(
        client.get(route_url("fr", COAST), {"date": next_day(12, 25).isoformat()})
    )
    assert any(": fermé ce jour-là (Noël)" in warning for warning in christmas), christmas
    assert not any(" est fermé" in warning for warning in warnings + christmas)


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("fr", "La Coupole : fermé le lundi."),
        ("en", "La Coupole is closed on Monday."),
        ("de", "La Coupole ist am Montag geschlossen."),
        ("nl", "La Coupole is op maandag gesloten."),
    ],
)
def test_a_closed_weekday_is_said_in_each_language(code, words):
    tuesday_to_sunday = SimpleNamespace(
        weekdays=frozenset(range(1, 7)),
        valid_from=None,
        valid_until=None,
        every_year=True,
        opens=datetime.time(10),
        closes=datetime.time(18),
    )
    coupole = route_plan.Stop("La Coupole", (2.19, 50.7), museum=True, periods=[tuesday_to_sunday])
    monday = datetime.datetime(2027, 6, 7, 10, 0, tzinfo=PARIS)
    with translation.override(code):
        [visit] = route_plan.plan_day([coupole], monday, check=True)
    assert [notice.text for notice in visit.warnings] == [words]


def test_la_coupole_closes_before_a_late_arrival(client):
    day = next_day(6, 8, not_weekday=1)
    response = client.get(route_url("en", COAST), {"date": day.isoformat(), "start": "12:30"})
    assert any(
        warning.startswith("Warning: La Coupole")
        and "closes at 18:00: you would arrive at" in warning
        for warning in warnings_of(response)
    ), warnings_of(response)


def test_a_guided_visits_only_museum_starts_at_the_next_departure(client):
    day = next_day(6, 8)
    response = client.get(route_url("fr", UNDERGROUND), {"date": day.isoformat(), "start": "10:20"})
    text = text_of(response)
    assert (
        "se visite avec un guide : prochain départ à 11:00 (anglais), vous arriveriez à 10:20"
        in text
    )
    # The next stop is reached after the guided visit (11:00 + 75 min + the drive).
    assert "Arrivée vers 12:30" in text

    late = client.get(route_url("fr", UNDERGROUND), {"date": day.isoformat(), "start": "17:00"})
    assert any("dernier départ à 16:30" in warning for warning in warnings_of(late))


def test_a_closed_weekday_is_named(client):
    monday = next_day(6, 7)
    while monday.weekday() != 0:
        monday += datetime.timedelta(days=1)
    response = client.get(route_url("de", SOMME), {"date": monday.isoformat()})
    assert any("ist am Montag geschlossen" in warning for warning in warnings_of(response))


def test_two_dates_give_two_answers_with_the_page_cache_on(client):
    open_day = next_day(6, 8, not_weekday=1)
    closed_day = next_day(12, 25)
    url = route_url("fr", COAST)
    first = client.get(url, {"date": open_day.isoformat()})
    second = client.get(url, {"date": closed_day.isoformat()})
    assert first["X-Cache"] == "MISS" and second["X-Cache"] == "MISS"
    assert warnings_of(first) == [] and warnings_of(second)
    again = client.get(url, {"date": closed_day.isoformat(), "utm_source": "x"})
    assert again["X-Cache"] == "HIT"
    assert again.content == second.content


HOSTILE_DATES = [
    "2027-02-30",
    "²⁰²⁷-01-01",
    "99999-01-01",
    "2027-1-1",
    "yesterday",
    "x" * 5000,
    "2027-01-01\x00",
    "1914-07-28",
    "2999-01-01",
    "<script>alert(1)</script>",
]


@pytest.mark.parametrize("value", HOSTILE_DATES)
def test_a_hostile_date_gets_a_message_never_an_error(client, value):
    response = client.get(route_url("en", SOMME), {"date": value})
    assert response.status_code == 200
    assert 'id="route-date-error"' in response.content.decode()
    assert "<script>alert(1)" not in response.content.decode()
    assert warnings_of(response) == []  # nothing was checked


@pytest.mark.parametrize("value", ["25:00", "12:60", "9h30", "-1:00", "１２:００", "12:00:99x"])
def test_a_hostile_start_time_gets_a_message_and_the_suggested_start(client, value):
    day = next_day(6, 8)
    response = client.get(route_url("fr", SOMME), {"date": day.isoformat(), "start": value})
    assert response.status_code == 200
    assert "Heure non reconnue" in text_of(response)
    assert "Arrivée à 09:30" in text_of(response)  # the route's suggested start


def test_a_calendar_without_a_date_asks_for_one(client):
    response = client.get(route_url("fr", SOMME), {"format": "ics", "date": "2027-02-30"})
    assert response.status_code == 200 and response["Content-Type"].startswith("text/html")
    assert 'id="route-date-error"' in response.content.decode()


# Exports ------------------------------------------------------------------------------------


def demo_museum(slug, code="fr"):
    return MuseumPage.objects.get(slug=slug, locale__language_code=code)


def test_gpx_lists_the_stops_in_order_and_parses_back(client):
    response = client.get(route_url("en", SOMME), {"format": "gpx"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/gpx+xml")
    assert 'filename="somme-1916.gpx"' in response["Content-Disposition"]
    gpx = gpxpy.parse(response.content.decode())
    assert gpx.name == "Somme 1916"
    names = [point.name for point in gpx.routes[0].points]
    assert names == [
        f"1. {demo_museum('musee-somme-1916', 'en').title}",
        "2. Lochnagar Crater (La Boisselle)",
        f"3. {demo_museum('historial-thiepval', 'en').title}",
        f"4. {demo_museum('historial-peronne', 'en').title}",
    ]
    lng, lat = demo_museum("historial-peronne").point
    last = gpx.waypoints[-1]
    assert (last.longitude, last.latitude) == pytest.approx((lng, lat))


def test_geojson_has_the_line_and_a_point_per_stop(client):
    response = client.get(route_url("de", COAST), {"format": "geojson"})
    assert response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    line, *points = data["features"]
    assert line["geometry"]["type"] == "LineString" and len(line["geometry"]["coordinates"]) == 4
    assert line["properties"]["road_factor"] == route_plan.ROAD_FACTOR
    assert line["properties"]["average_speed_kmh"] == route_plan.AVERAGE_SPEED_KMH
    assert [point["properties"]["position"] for point in points] == [1, 2, 3, 4]
    assert points[-1]["properties"]["name"].startswith("La Coupole – Geschichtszentrum")
    assert points[-1]["properties"]["url"].endswith("/de/la-coupole/")
    assert points[-1]["geometry"]["coordinates"] == list(demo_museum("la-coupole").point)


def test_the_calendar_file_holds_the_planned_day(client):
    day = next_day(6, 8)
    response = client.get(
        route_url("fr", UNDERGROUND), {"format": "ics", "date": day.isoformat(), "start": "10:20"}
    )
    assert response["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(response.content)
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 3
    first = events[0]
    assert str(first["SUMMARY"]).startswith("1. Carrière Wellington")
    # The guided visit begins at the next departure after the arrival.
    assert first.decoded("DTSTART") == datetime.datetime.combine(
        day, datetime.time(11, 0), tzinfo=PARIS
    )
    assert "prochain départ à 11:00" in str(first["DESCRIPTION"])


def test_json_ld_is_a_tourist_trip_in_the_page_language(client):
    response = client.get(route_url("en", UNDERGROUND))
    html = response.content.decode()
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    data = json.loads(script)
    assert data["@type"] == "TouristTrip" and data["inLanguage"] == "en"
    assert data["name"] == "Underground history"
    items = data["itinerary"]["itemListElement"]
    assert data["itinerary"]["@type"] == "ItemList" and len(items) == 3
    assert [item["position"] for item in items] == [1, 2, 3]
    assert items[1]["item"]["name"] == "Canadian National Vimy Memorial"
    assert items[1]["item"]["@type"] == "TouristAttraction"
    assert items[0]["item"]["url"].endswith("/en/carriere-wellington/")


# The page: legs, totals, map, stated assumptions -------------------------------------------


def test_the_page_states_its_road_factor_and_speed_and_links_each_museum(client):
    response = client.get(route_url("en", SOMME))
    text = text_of(response)
    assert "multiplied by 1.3" in text and "60 km/h" in text
    html = response.content.decode()
    assert 'href="/en/historial-peronne/"' in html
    assert 'id="route-stops"' in html  # the map's data
    assert html.count('class="route-stop') >= 4
    assert "vendor/leaflet/leaflet.js" in html


# Listings ----------------------------------------------------------------------------------


def test_the_home_page_and_the_index_show_the_routes(client):
    home = client.get("/nl/")
    html = home.content.decode()
    assert 'href="/nl/routes/somme-1916/"' in html and "Ondergrondse geschiedenis" in html
    index = client.get("/nl/routes/")
    assert index.status_code == 200 and 'href="/nl/routes/ondergrondse-geschiedenis/"' in (
        index.content.decode()
    )


def test_a_museum_page_lists_the_routes_through_it(client):
    html = client.get("/en/la-coupole/").content.decode()
    assert 'href="/en/routes/dunkirk-channel-coast-1940-1944/"' in html
    assert "Dunkirk and the Channel coast, 1940–1944" in html
    assert "/en/routes/" not in client.get("/en/musee-resistance-bondues/").content.decode()


def test_route_pages_live_under_the_route_index_only(home):
    assert RouteIndexPage.can_create_at(home) is False  # one index a language, already there
    assert RoutePage.can_create_at(home) is False
    index = RouteIndexPage.objects.get(locale=home.locale)
    assert RoutePage.can_create_at(index)


# Queries --------------------------------------------------------------------------------------


def route_of(stop_count, locales):
    index = RouteIndexPage.objects.get(locale=locales["fr"])
    museums = list(MuseumPage.objects.filter(locale=locales["fr"]).order_by("pk"))
    stops = []
    for number in range(stop_count):
        if number % 3 == 2:
            stops.append(
                RouteStop(
                    name=f"Lieu {number}", location=geography.make_point(2.5, 50 + number / 100)
                )
            )
        else:
            stops.append(RouteStop(museum=museums[number % len(museums)]))
    return RoutePageFactory(parent=index, title=f"Parcours de {stop_count} étapes", stops=stops)


def test_queries_do_not_grow_with_the_number_of_stops(client, uncached, locales):
    short, long = route_of(3, locales), route_of(10, locales)
    assert long.stops.count() == 10
    day = next_day(6, 8).isoformat()
    counts = {
        route.stops.count(): queries_for(client, route.url, date=day, start="09:00")
        for route in (short, long)
    }
    assert counts[3] == counts[10], counts
    assert counts[3] <= 12
    exports = {
        route.stops.count(): queries_for(client, route.url, format="gpx") for route in (short, long)
    }
    assert exports[3] == exports[10], exports


def test_the_plan_speaks_the_page_language():
    stop = route_plan.Stop("X", (2.0, 50.0), 30, museum=True)
    with translation.override("de"):
        _begins, notices = route_plan.opening_check(
            stop, datetime.datetime(2027, 6, 8, 10, tzinfo=PARIS)
        )
    assert "Öffnungszeiten" in notices[0].text or "noch nicht" in notices[0].text
