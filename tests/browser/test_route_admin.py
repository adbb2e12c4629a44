"""The network team builds a route in the admin, in a real browser: two museums chosen by
name, a place put on the map, published; the public page shows the stops in order with the
legs between them, and checks the opening hours for a chosen day."""

import datetime
import re

import pytest

from tests.browser.helpers import DESKTOP, fill_login_form, screenshot

pytestmark = pytest.mark.browser

TITLE = "Essai des tunnels Arras Vimy Lewarde"
SLUG = "essai-des-tunnels-arras-vimy-lewarde"


def next_christmas():
    today = datetime.date.today()
    christmas = datetime.date(today.year, 12, 25)
    return christmas if christmas > today else christmas.replace(year=today.year + 1)


def press_action(page, name):
    """Press an action of the admin's footer menu, opening its dropdown when needed, once
    Wagtail's autosave of the form is not under way (on a loaded machine a publication
    pressed while the first autosave was creating the page left the editor on /add/)."""
    page.locator(".w-autosave-indicator__state--saving").wait_for(state="hidden")
    button = page.locator(f'footer button[name="{name}"]')
    if not button.is_visible():
        page.locator("footer").get_by_role("button", name=re.compile("Plus d.actions")).click()
    with page.expect_navigation():
        button.click()


def choose_museum(page, prefix, name):
    select = page.locator(f"#id_{prefix}-museum")
    label = select.locator("option", has_text=name).first.inner_text().strip()
    select.select_option(label=label)
    return label


def test_the_network_team_builds_a_route_and_publishes_it(page_at, live_site):
    index_pk = live_site.manage(
        "shell",
        "-c",
        "from network.models import RouteIndexPage; "
        "print(RouteIndexPage.objects.get(locale__language_code='fr').pk)",
    ).split()[-1]  # the shell may say first how many models it imported
    page = page_at("/admin/login/?next=/admin/", DESKTOP)
    fill_login_form(page, "network-team")
    page.click("button[type=submit]")
    page.wait_for_load_state()
    assert "/login/" not in page.url
    try:
        page.goto(f"{live_site.url}/admin/pages/{index_pk}/")
        page.get_by_role("link", name=re.compile("Ajouter une sous-page")).first.click()
        page.wait_for_url(f"**/admin/pages/add/network/routepage/{index_pk}/")
        page.fill("#id_title", TITLE)

        # Two stops are there to fill; the museums are chosen by name, with their town.
        label = choose_museum(page, "stops-0", "Carrière Wellington")
        assert label == "Carrière Wellington – Mémorial de la bataille d’Arras (Arras)"

        # A place: its name, and its position chosen on the map (the box opens it).
        page.fill("#id_stops-1-name", "Mémorial canadien de Vimy")
        page.locator("#id_stops-1-location_latlng").click()
        place_map = page.locator("#id_stops-1-location_map")
        place_map.wait_for()
        place_map.click(position={"x": 60, "y": 60})  # a click on the map places the point
        position = page.locator("#id_stops-1-location")
        assert position.input_value().startswith("SRID=4326;POINT(")
        assert page.locator("#id_stops-1-location_latlng").input_value() != ""
        # …then the exact spot, typed as the box asks: the map and the saved value follow.
        page.fill("#id_stops-1-location_latlng", "50.3797,2.7736")
        assert position.input_value() == "SRID=4326;POINT(2.7736 50.3797)"

        page.locator("#id_stops-ADD").click()
        choose_museum(page, "stops-2", "Centre Historique Minier")
        screenshot(page, "route-admin-stops")
        press_action(page, "action-publish")
        assert "/add/" not in page.url, page.locator(".error-message").all_inner_texts()

        visitor = page_at(f"/fr/parcours/{SLUG}/", DESKTOP)
        assert TITLE in visitor.locator("h1").inner_text()
        names = visitor.locator("ol.route-stops > li .route-stop__name").all_inner_texts()
        assert [re.sub(r"\s+", " ", name).strip() for name in names] == [
            "1 Carrière Wellington – Mémorial de la bataille d’Arras",
            "2 Mémorial canadien de Vimy",
            "3 Centre Historique Minier de Lewarde",
        ]
        legs = visitor.locator("ol.route-stops .route-leg").all_inner_texts()
        assert len(legs) == 2
        leg_words = re.compile(r"Depuis l’étape précédente : [0-9]+ km, environ")
        assert all(leg_words.search(leg) for leg in legs), legs

        # The opening check for a day: Carrière Wellington is closed on Christmas Day.
        visitor.get_by_label("Date de la visite").fill(next_christmas().isoformat())
        visitor.get_by_role("button", name="Vérifier les horaires").click()
        visitor.get_by_role("status").wait_for()
        warning = visitor.locator(".route-notice--warning").first
        assert "d’Arras : fermé ce jour-là (Noël)." in warning.inner_text()
        screenshot(visitor, "route-admin-public-page")
    finally:
        # The other browser tests share this site: the route goes as it came.
        live_site.manage(
            "shell",
            "-c",
            "from network.models import RoutePage; "
            f"[page.delete() for page in RoutePage.objects.filter(slug='{SLUG}')]",
        )
