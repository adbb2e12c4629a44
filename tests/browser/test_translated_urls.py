"""URLs in the visitor's language (issue 21, point 2): a German visitor follows an old link
with French slugs and lands on the German page at its German address; the language menu
goes from one translated address to the next."""

import re

import pytest

from tests.browser.helpers import PHONE, screenshot

pytestmark = pytest.mark.browser

OLD_LINK = "/de/carriere-wellington/visite-virtuelle/?from=newsletter"
# (language menu's name, the next language's name, its address) along the visitor's way.
WAY = [
    ("Sprachen", "Nederlands", "/nl/carriere-wellington/virtuele-rondleiding/"),
    ("Talen", "English", "/en/carriere-wellington/virtual-tour/"),
    ("Languages", "Français", "/fr/carriere-wellington/visite-virtuelle/"),
]


def test_an_old_french_link_lands_on_the_german_page_and_the_menu_follows_each_language(
    page_at, live_site
):
    page = page_at(OLD_LINK, viewport=PHONE, locale="de-DE")
    assert page.url == (
        f"{live_site.url}/de/carriere-wellington/virtueller-rundgang/?from=newsletter"
    )
    assert page.locator("html").get_attribute("lang") == "de"
    assert "Rundgang" in page.locator("h1").inner_text()
    screenshot(page, "translated-url-de-phone")
    for menu_name, language, address in WAY:
        menu = page.get_by_role("navigation", name=menu_name)
        menu.locator("summary").click()
        menu.get_by_role("link", name=language).click()
        page.wait_for_url(re.compile(re.escape(live_site.url + address) + "$"))
    assert page.locator("html").get_attribute("lang") == "fr"
