"""A visitor's phone (issue 21), at 390×844 in German, English and Dutch: a header of one
row, the opening status on a museum's first screen, "open now" through the form, and
"near me" with the location granted or refused (then the town field)."""

from urllib.parse import urljoin

import pytest

from tests.browser.helpers import PHONE, screenshot, serious_accessibility_violations
from tests.helpers import FRENCH_SPACING, FRENCH_WORDS

pytestmark = pytest.mark.browser

LANGUAGES = {"de": "de-DE", "en": "en-GB", "nl": "nl-NL"}
# The Historial of Péronne: the first of the list when sorted from a point at Péronne.
PERONNE = {"latitude": 49.9283, "longitude": 2.9334}
WORDS = {
    "de": {"open": "Öffnung", "now": "Jetzt geöffnet", "show": "Anzeigen", "near": "In meiner Nähe",
           "field": "In der Nähe eines Ortes oder einer Postleitzahl", "languages": "Sprachen"},
    "en": {"open": "Opening", "now": "Open now", "show": "Show", "near": "Near me",
           "field": "Near a town or postcode", "languages": "Languages"},
    "nl": {"open": "Geopend", "now": "Nu open", "show": "Tonen", "near": "In mijn buurt",
           "field": "In de buurt van een plaats of postcode", "languages": "Talen"},
}  # fmt: skip
PRICE = {"de": "11,00 €", "en": "€11.00", "nl": "€ 11,00"}  # the Historial's full price
ROUTE = "/fr/parcours/dunkerque-cote-opale-1940-1944/"  # its other languages: the menu's links
# What describes the page to a visitor who does not see it, once the scripts have run.
DESCRIBED = """() => [...document.querySelectorAll("[alt], [title], [aria-label], [placeholder]")]
    .flatMap(node => ["alt", "title", "aria-label", "placeholder"]
        .filter(name => node.hasAttribute(name)).map(name => node.getAttribute(name)))"""


def open_phone(browser, live_site, path, code, **context_options):
    context = browser.new_context(viewport=PHONE, locale=LANGUAGES[code], **context_options)
    context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
    page = context.new_page()
    page.goto(live_site.url + path)
    return context, page


@pytest.fixture
def phone(browser, live_site):
    contexts = []

    def open_page(path, code, **context_options):
        context, page = open_phone(browser, live_site, path, code, **context_options)
        contexts.append(context)
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.mark.parametrize("code", LANGUAGES)
def test_header_is_one_row_with_a_language_menu_that_works_with_the_keyboard(phone, code):
    page = phone(f"/{code}/", code)
    height = page.locator(".site-header").bounding_box()["height"]
    assert height <= 0.15 * PHONE["height"], height
    languages = page.get_by_role("navigation", name=WORDS[code]["languages"])
    toggle = languages.locator("summary")
    assert toggle.get_attribute("aria-expanded") is None  # the browser says it, natively
    assert languages.get_by_role("link").first.is_hidden()
    # The keyboard: Tab to the menu, Enter opens it, Tab reaches the other languages.
    toggle.focus()
    page.keyboard.press("Enter")
    assert languages.locator("details").get_attribute("open") is not None
    other = languages.get_by_role("link", name="Français")
    assert other.is_visible()
    assert page.locator(".site-header").bounding_box()["height"] <= 0.15 * PHONE["height"]
    screenshot(page, f"phone-header-menu-{code}")
    other.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/fr/")


def test_the_language_menu_closes_with_escape_and_when_the_focus_or_a_click_leaves_it(phone):
    page = phone("/nl/historial-peronne/", "nl")
    menu = page.get_by_role("navigation", name=WORDS["nl"]["languages"])
    details, toggle = menu.locator("details"), menu.locator("summary")
    links = menu.locator("a")  # found when hidden too, unlike get_by_role

    def is_open():
        return details.get_attribute("open") is not None

    def has_focus(locator):
        return locator.evaluate("node => node === document.activeElement")

    toggle.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert is_open() and has_focus(links.first)
    page.keyboard.press("Escape")
    assert not is_open() and has_focus(toggle)  # the keyboard is back where it was
    # Tab past the last language: the menu closes behind the focus.
    page.keyboard.press("Enter")
    for _link in range(links.count() + 1):
        page.keyboard.press("Tab")
    assert not is_open() and not has_focus(links.last)
    # Shift+Tab from the summary, to the search link before it.
    toggle.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+Tab")
    assert not is_open()
    # A tap elsewhere in the page.
    toggle.click()
    assert is_open()
    page.locator("h1").click()
    assert not is_open()


@pytest.mark.parametrize("code", LANGUAGES)
def test_a_museums_first_screen_shows_its_name_town_and_opening_status(phone, code):
    page = phone(f"/{code}/historial-peronne/", code)
    for selector in ["h1", ".page-hero__kicker", ".page-hero .opening-status"]:
        box = page.locator(selector).bounding_box()
        assert box is not None and box["y"] + box["height"] <= PHONE["height"], selector
    status = page.locator(".page-hero .opening-status").inner_text()
    assert any(char.isdigit() for char in status)  # closing time or next opening
    assert page.locator(".page-hero__kicker").inner_text().lower() == "péronne"
    screenshot(page, f"phone-museum-{code}")


@pytest.mark.parametrize("code", LANGUAGES)
def test_open_now_through_the_form_filters_the_list_and_the_map(phone, code):
    page = phone(f"/{code}/", code)
    words = WORDS[code]
    everything = page.locator(".card").count()
    page.get_by_label(words["open"]).select_option("now")
    page.get_by_role("button", name=words["show"]).click()
    page.wait_for_url("**open=now**")
    shown = page.locator(".card")
    statuses = page.locator(".card .opening-status")
    assert statuses.count() == shown.count() <= everything
    for index in range(statuses.count()):
        assert "opening-status--open" in statuses.nth(index).get_attribute("class")
    markers = page.evaluate("JSON.parse(document.getElementById('map-markers').textContent)")
    assert len(markers) == shown.count()
    assert page.get_by_label(words["open"]).input_value() == "now"
    screenshot(page, f"phone-open-now-{code}")


@pytest.mark.parametrize("code", LANGUAGES)
def test_near_me_with_the_location_granted_sorts_the_list_by_distance(phone, code):
    page = phone(f"/{code}/", code, permissions=["geolocation"], geolocation=PERONNE)
    words = WORDS[code]
    assert page.get_by_label(words["field"]).is_hidden()  # until the location is refused
    page.get_by_role("button", name=words["near"]).click()
    first = page.locator(".card").first
    first.locator(".card__distance").filter(has_text="0").wait_for()
    assert first.locator(".card__link").get_attribute("href").endswith("/historial-peronne/")
    distances = page.locator("[data-museum-list] > li").evaluate_all(
        "items => items.map(item => Number(item.dataset.distance))"
    )
    assert distances == sorted(distances)
    screenshot(page, f"phone-near-me-{code}")


@pytest.mark.parametrize("code", LANGUAGES)
def test_near_me_refused_offers_the_town_field_which_sorts_by_that_town(phone, code):
    page = phone(f"/{code}/", code)  # no permission granted: the browser refuses
    words = WORDS[code]
    page.get_by_role("button", name=words["near"]).click()
    field = page.get_by_label(words["field"])
    field.wait_for()
    assert page.evaluate("document.activeElement.id") == "museum-near"
    field.fill("80200")  # Péronne's postcode
    page.get_by_role("button", name=words["show"]).click()
    page.wait_for_url("**near=80200**")
    first = page.locator(".card").first
    assert first.locator(".card__link").get_attribute("href").endswith("/historial-peronne/")
    assert page.locator(".card__town").first.inner_text().startswith("Péronne")


@pytest.mark.parametrize("code", LANGUAGES)
def test_no_french_on_a_phone_alt_texts_and_map_controls_included(phone, code):
    """The home page and its map, a museum with its pictures and prices, a route and its
    map: no French word in an alt text, a label or a map control, no French spacing."""
    home = phone(f"/{code}/", code)
    home.locator("#network-map .leaflet-control-zoom a").first.wait_for()
    museum = phone(f"/{code}/historial-peronne/", code)
    assert PRICE[code] in museum.locator("main").inner_text()
    assert museum.locator("img[alt]").count() >= 1  # its picture, described
    route = phone(ROUTE, code)
    translated = route.locator(f'.language-switcher a[hreflang="{code}"]').get_attribute("href")
    route.goto(urljoin(route.url, translated))
    route.locator(".leaflet-control-zoom a").first.wait_for()
    for page in (home, museum, route):
        described = page.evaluate(DESCRIBED)
        assert described, page.url
        for value in described:
            assert not FRENCH_WORDS.search(value), (page.url, value)
            assert not FRENCH_SPACING.search(value), (page.url, value)
        text = page.locator("body").inner_text()
        assert not FRENCH_SPACING.findall(text), (page.url, FRENCH_SPACING.findall(text)[:5])
    # Both maps name their controls in the page's language (test_network_map.py: which words).
    zoom_in = ".leaflet-control-zoom a"
    titles = {page.locator(zoom_in).first.get_attribute("title") for page in (home, route)}
    assert len(titles) == 1 and "Zoom avant" not in titles


def test_phone_pages_have_no_serious_accessibility_violation(phone, live_site):
    for path in ["/nl/", "/nl/historial-peronne/", "/de/?open=now&near=Arras"]:
        page = phone(path, path[1:3])
        assert serious_accessibility_violations(page) == [], path
