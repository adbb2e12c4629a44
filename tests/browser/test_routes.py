"""A route in a real browser at phone size, in each language: a visitor picks a date on
which a stop is closed, reads the warning, and opens a stop's museum."""

import datetime

import pytest

from tests.browser.helpers import PHONE, screenshot, serious_accessibility_violations

pytestmark = pytest.mark.browser


# What the visitor reads in each language (locale/*/LC_MESSAGES/django.po, demo/routes.json,
# demo/museums/la-coupole.json), and the route's address in that language.
VISITORS = {
    "fr": {
        "locale": "fr-FR",
        "path": "parcours/dunkerque-cote-opale-1940-1944/",
        "route": "Dunkerque et la côte, 1940–1944",
        "date": "Date de la visite",
        "start": "Départ de la première étape à",
        "check": "Vérifier les horaires",
        "verdict": "points à vérifier",
        "warning": "Attention : La Coupole – Centre d’Histoire et Planétarium 3D : "
        "fermé ce jour-là (Noël).",
    },
    "en": {
        "locale": "en-GB",
        "path": "routes/dunkirk-channel-coast-1940-1944/",
        "route": "Dunkirk and the Channel coast, 1940–1944",
        "date": "Date of the visit",
        "start": "Start at the first stop at",
        "check": "Check opening hours",
        "verdict": "things to check",
        "warning": "Warning: La Coupole – History Centre and 3D Planetarium "
        "is closed on that day (Christmas Day).",
    },
    "de": {
        "locale": "de-DE",
        "path": "routen/duenkirchen-kanalkueste-1940-1944/",
        "route": "Dünkirchen und die Kanalküste, 1940–1944",
        "date": "Datum des Besuchs",
        "start": "Beginn an der ersten Etappe um",
        "check": "Öffnungszeiten prüfen",
        "verdict": "Punkte zu prüfen",
        "warning": "Achtung: La Coupole – Geschichtszentrum und 3D-Planetarium "
        "ist an diesem Tag geschlossen (Erster Weihnachtstag).",
    },
    "nl": {
        "locale": "nl-NL",
        "path": "routes/duinkerke-kanaalkust-1940-1944/",
        "route": "Duinkerke en de Kanaalkust, 1940–1944",
        "date": "Datum van het bezoek",
        "start": "Begin bij de eerste etappe om",
        "check": "Openingstijden controleren",
        "verdict": "punten om te controleren",
        "warning": "Let op: La Coupole – Historisch centrum en 3D-planetarium "
        "is op die dag gesloten (Eerste Kerstdag).",
    },
}


def next_christmas():
    today = datetime.date.today()
    christmas = datetime.date(today.year, 12, 25)
    return christmas if christmas > today else christmas.replace(year=today.year + 1)


@pytest.mark.parametrize("language", VISITORS)
def test_a_visitor_checks_a_day_reads_the_warning_and_opens_a_museum(page_at, language):
    words = VISITORS[language]
    page = page_at(f"/{language}/", PHONE, locale=words["locale"])
    page.get_by_role("link", name=words["route"]).click()
    page.wait_for_url(f"**/{language}/{words['path']}")
    assert page.locator("h1").inner_text() == words["route"]
    # The map draws the numbered stops; the ordered list says the same without it.
    page.locator("#route-map .route-marker").first.wait_for()
    assert page.locator("#route-map .route-marker").count() == 4
    assert page.locator("ol.route-stops > li").count() == 4

    page.get_by_label(words["date"]).fill(next_christmas().isoformat())
    page.get_by_label(words["start"]).fill("10:00")
    page.get_by_role("button", name=words["check"]).click()
    verdict = page.get_by_role("status")
    verdict.wait_for()
    assert words["verdict"] in verdict.inner_text()
    coupole = page.locator("ol.route-stops > li").filter(has_text="La Coupole")
    warning = coupole.locator(".route-notice--warning")
    assert warning.inner_text() == words["warning"]
    assert warning.is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert serious_accessibility_violations(page) == []
    screenshot(page, f"route-phone-warning-{language}")

    coupole.get_by_role("link", name="La Coupole").click()
    page.wait_for_url(f"**/{language}/la-coupole/")
    assert "La Coupole" in page.locator("h1").inner_text()
    assert page.get_by_role("link", name=words["route"]).is_visible()
