"""Practical information on museum pages: hours, status, prices, access, nearby museums."""

import datetime
import json
import re
import time

import pytest
from wagtail.models import Page

from demo.data import museums
from museum_pages.models import MuseumPage
from museum_pages.models.practical import OpeningPeriod, Price
from museum_pages.practical.opening_hours import PARIS
from tests.helpers import (
    LANGUAGES,
    lifetime_bounds,
    max_age,
    queries_for,
    status_changes_in,
)

pytestmark = pytest.mark.django_db


def text_of(response):
    html = response.content.decode()
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html)).replace("&#x27;", "'")


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "fr",
            [
                "Infos pratiques",
                "Plein tarif",
                "7,50 €",
                "prévoyez une veste",
                "Ascenseur",
                "Noël",
                "Uniquement en visite guidée",
                "11:00 (anglais)",
            ],
        ),
        (
            "en",
            [
                "Practical information",
                "Full price",
                "€7.50",
                "bring a jacket",
                "Lift",
                "Christmas Day",
                "Guided visits only",
                "11:00 (English)",
            ],
        ),
        (
            "de",
            [
                "Praktische Informationen",
                "Normaler Eintritt",
                "7,50 €",
                "Jacke",
                "Aufzug",
                "Erster Weihnachtstag",
                "Nur mit Führung",
                "11:00 (Englisch)",
            ],
        ),
        (
            "nl",
            [
                "Praktische informatie",
                "Volledig tarief",
                "€ 7,50",
                "neem een jas mee",
                "Lift",
                "Eerste Kerstdag",
                "Alleen met rondleiding",
                "11:00 (Engels)",
            ],
        ),
    ],
)
def test_practical_information_is_shown_in_the_page_language(client, museum, language, expected):
    response = client.get(f"/{language}/carriere-wellington/")
    assert response.status_code == 200
    text = text_of(response)
    for fragment in expected:
        assert fragment in text, fragment
    assert "Rue Delétoille" in text
    assert "10:00–12:30, 13:30–18:00" in text  # the lunch break, as two spans


STATUS_WORDS = {
    "fr": ("Ouvert maintenant", "Fermé"),
    "en": ("Open now", "Closed"),
    "de": ("Jetzt geöffnet", "Geschlossen"),
    "nl": ("Nu open", "Gesloten"),
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_opening_status_is_on_the_museum_page_and_every_card(client, language):
    page = text_of(client.get(f"/{language}/carriere-wellington/"))
    assert any(word in page for word in STATUS_WORDS[language])
    home = client.get(f"/{language}/").content.decode()
    assert home.count('class="opening-status ') == len(museums())


def museums_without_hours():
    """The demo museums whose hours are not entered yet (the Caverne du Dragon)."""
    return [entry["slug"] for entry in museums() if not entry["practical"]["opening_periods"]]


def test_museum_with_no_hours_says_so(client):
    slug = museums_without_hours()[0]
    assert "Opening hours not yet available" in text_of(client.get(f"/en/{slug}/"))
    assert "Horaires pas encore disponibles" in text_of(client.get(f"/fr/{slug}/"))


def test_combined_ticket_is_shown(client):
    text = text_of(client.get("/en/historial-peronne/"))
    assert "Combined ticket Péronne + Thiepval" in text
    assert "combined ticket" in text


def test_nearby_lists_three_nearest_museums_with_distance_and_directions(client):
    html = client.get("/fr/carriere-wellington/").content.decode()
    section = html[html.index('id="nearby-heading"') :]
    section = section[: section.index("</section>")]
    links = re.findall(r'<li><a href="(/fr/[^"]+/)">', section)
    assert links == [
        "/fr/historial-thiepval/",
        "/fr/centre-historique-minier-lewarde/",
        "/fr/musee-somme-1916/",
    ]
    assert re.search(r"Thiepval, 2\d km", text_of(client.get("/fr/carriere-wellington/")))
    assert "https://www.openstreetmap.org/directions?engine=fossgis_osrm_car" in section


@pytest.mark.parametrize("seconds", [120, 3600], ids=["in-2-minutes", "in-an-hour"])
def test_museum_page_cache_lifetime_ends_when_its_status_changes(client, museum, seconds):
    """At most five minutes, and never past the moment the museum closes."""
    change = status_changes_in(seconds, [museum])
    started = time.time()
    response = client.get(museum.url)
    least, most = lifetime_bounds(change, started, time.time())
    assert response.status_code == 200
    assert min(least, 300) <= max_age(response) <= min(most, 300)


def test_editor_has_a_practical_information_tab_centred_on_the_region(admin_client, museum):
    response = admin_client.get(f"/admin/pages/{museum.pk}/edit/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Infos pratiques" in html
    assert "opening_periods-TOTAL_FORMS" in html
    assert "prices-TOTAL_FORMS" in html
    assert "59.3293" not in html  # wagtailgeowidget's default: Stockholm
    assert "50.15" in html


def add_rows(page, count):
    page.opening_periods.set(
        [
            OpeningPeriod(opens=datetime.time(9 + n % 8, 0), closes=datetime.time(18, 0))
            for n in range(count)
        ]
    )
    page.prices.set([Price(label=f"Tarif {n}", amount=n + 1) for n in range(count)])
    page.save_revision().publish()


def test_museum_page_queries_do_not_grow_with_prices_and_periods(client, uncached, locales):
    """Counted with nothing remembered (helpers.queries_for), so that the rows are read."""
    page = MuseumPage.objects.get(slug="la-coupole", locale=locales["fr"])
    add_rows(page, 1)
    with_1 = queries_for(client, "/fr/la-coupole/")
    assert "Tarif 0" in text_of(client.get("/fr/la-coupole/"))
    add_rows(MuseumPage.objects.get(pk=page.pk), 10)
    assert "Tarif 9" in text_of(client.get("/fr/la-coupole/"))
    with_10 = queries_for(client, "/fr/la-coupole/")
    assert with_10 == with_1
    assert with_1 <= 30


def test_status_uses_paris_time_whatever_the_moment(museum):
    winter_morning = datetime.datetime(2026, 2, 10, 11, 0, tzinfo=PARIS)
    info = museum.practical_information(now=winter_morning)
    assert info["status"].kind == "open"
    christmas = datetime.datetime(2026, 12, 25, 11, 0, tzinfo=PARIS)
    assert museum.practical_information(now=christmas)["status"].kind == "closed"


def test_every_museum_but_one_has_hours(locales):
    pages = MuseumPage.objects.filter(locale=locales["fr"]).prefetch_related("opening_periods")
    without = [page.slug for page in pages if not page.opening_periods.all()]
    assert without == museums_without_hours()
    assert len(without) == 1
    seasonal = next(
        entry["slug"]
        for entry in museums()
        if any(period["from"] for period in entry["practical"]["opening_periods"])
    )
    assert Page.objects.filter(slug=seasonal).count() == 4


def test_published_prices_replace_the_remembered_ones(client, museum):
    """The rows are remembered between publications (MuseumPage.practical_rows): a
    publication is what changes them, and shows at once."""
    assert "Tarif publié" not in text_of(client.get(museum.url))
    museum.prices = [Price(label="Tarif publié", amount=9, locale=museum.locale)]
    museum.save_revision().publish()
    assert "Tarif publié 9,00 €" in text_of(client.get(museum.url))


def test_a_preview_shows_the_edited_prices_not_the_live_ones(client, museum):
    client.get(museum.url)  # the live rows are now remembered
    draft = MuseumPage.objects.get(pk=museum.pk)
    draft.prices = [Price(label="Tarif en projet", amount=7, locale=draft.locale)]
    preview = draft.make_preview_request()
    assert "Tarif en projet" in text_of(preview)
    assert "Tarif en projet" not in text_of(client.get(museum.url))


def test_the_museum_page_embeds_its_schedule_for_the_phone(client):
    """A copy saved for offline words its opening status when it is read
    (static/js/opening-status.js, tests/test_opening_hours.py for the schedule itself)."""
    html = client.get("/de/carriere-wellington/").content.decode()
    found = re.search(r'<script id="opening-schedule" type="application/json">(.*?)</script>', html)
    schedule = json.loads(found.group(1))
    assert schedule["words"]["tomorrow"] == "Geschlossen — öffnet morgen um {time}"
    assert schedule["updated"].startswith("Öffnungszeiten aktualisiert am ")
    assert len(schedule["spans"]) > 20  # the Carrière Wellington opens every day
    assert "js/opening-status.js" in html
    # Loaded on museum pages only.
    assert "js/opening-status.js" not in client.get("/de/").content.decode()
