"""The German translator's work in wagtail-localize's editor, in a real browser."""

import pytest

from tests.browser.helpers import fill_login_form, screenshot

pytestmark = pytest.mark.browser

GERMAN_MUSEUM_ID = (
    "from museum_pages.models import MuseumPage;"
    "print(MuseumPage.objects.get(slug='musee-somme-1916', locale__language_code='de').pk)"
)


def test_german_translator_translates_a_segment_and_publishes(page_at, live_site):
    page_id = live_site.manage("shell", "--no-imports", "-c", GERMAN_MUSEUM_ID).strip()
    page = page_at("/admin/login/", locale="de-DE")
    fill_login_form(page, "translator-de")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")

    # The translator's admin is in German; the editor shows French source and German text.
    page.goto(f"{live_site.url}/admin/pages/{page_id}/edit/")
    assert page.get_by_text("Musée Somme 1916", exact=True).first.is_visible()
    page.get_by_role("button", name="Bearbeiten").first.click()
    title = page.locator("textarea").first
    assert title.input_value() == "Museum Somme 1916"
    title.fill("Museum Somme 1916 – unter der Basilika")
    screenshot(page, "translator-de-editing")
    page.get_by_role("button", name="Speichern").first.click()
    page.get_by_text("Museum Somme 1916 – unter der Basilika").first.wait_for()
    page.get_by_role("button", name="Veröffentlichen in Deutsch").click()
    page.wait_for_load_state()

    page.goto(f"{live_site.url}/de/musee-somme-1916/")
    assert page.locator("h1").inner_text() == "Museum Somme 1916 – unter der Basilika"
    page.goto(f"{live_site.url}/fr/musee-somme-1916/")
    assert page.locator("h1").inner_text() == "Musée Somme 1916"
