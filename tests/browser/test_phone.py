"""A visitor's phone (issue 21), at 390×844 in German, English and Dutch: a header of one
row, the opening status on a museum's first screen, "open now" through the form, and
"near me" with the location granted or refused (then the town field)."""

import pytest

from tests.browser.helpers import PHONE, screenshot, serious_accessibility_violations

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


def test_phone_pages_have_no_serious_accessibility_violation(phone, live_site):
    for path in ["/nl/", "/nl/historial-peronne/", "/de/?open=now&near=Arras"]:
        page = phone(path, path[1:3])
        assert serious_accessibility_violations(page) == [], path
