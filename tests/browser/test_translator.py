"""The German translator's work in wagtail-localize's editor, in a real browser."""

import re

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


GERMAN_MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"


def test_the_translation_editor_speaks_german(page_at, live_site):
    """What wagtail-localize's editor draws itself in English, in German: its heading, its
    menu buttons' labels and the dates of the translated strings (teams/admin_language.py)."""
    page_id = live_site.manage("shell", "--no-imports", "-c", GERMAN_MUSEUM_ID).strip()
    page = page_at("/admin/login/", locale="de-DE")
    fill_login_form(page, "translator-de")
    page.keyboard.press("Enter")
    page.wait_for_url("**/admin/")
    page.goto(f"{live_site.url}/admin/pages/{page_id}/edit/")
    editor = page.locator(".js-translation-editor")
    editor.get_by_role("heading", name="Übersetzung: Français → Deutsch").first.wait_for()
    text = editor.text_content()
    assert "More actions" not in text and " translation" not in text
    assert editor.get_by_text("Mehr Aktionen").count() >= 1
    assert re.search(rf"am \d{{1,2}}\. ({GERMAN_MONTHS}) \d{{4}}", text), text[:500]
