"""A museum editor creates an event in the admin of a real browser, submits it to
moderation, the museum's moderator approves it, and the public page shows it: the date and
time in <time>, the weekly repeat, the audience and the price typed the French way."""

import datetime
import re

import pytest

from tests.browser.helpers import DESKTOP, fill_login_form, screenshot

pytestmark = pytest.mark.browser

TITLE = "Atelier des familles du mercredi"
SLUG = "atelier-des-familles-du-mercredi"
MONTHS = "janvier février mars avril mai juin juillet août septembre octobre novembre décembre"


def log_in(page_at, username):
    page = page_at("/admin/login/?next=/admin/", DESKTOP)
    fill_login_form(page, username)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page


def footer_button(page, selector):
    """A button of the admin's footer action menu, its dropdown opened when needed."""
    button = page.locator(f"footer {selector}")
    if not button.is_visible():
        page.locator("footer").get_by_role("button", name=re.compile("Plus d.actions")).click()
    return button


def first_wednesday_after(days):
    day = datetime.date.today() + datetime.timedelta(days=days)
    return day + datetime.timedelta(days=(2 - day.weekday()) % 7)


def test_an_editor_creates_an_event_and_the_moderator_approves_it(page_at, live_site):
    first = first_wednesday_after(30)
    last = first + datetime.timedelta(days=14)
    editor = log_in(page_at, "wellington-editor")
    try:
        # The editor starts in their museum and adds an event under it.
        assert "Carrière Wellington" in editor.inner_text("main")
        editor.get_by_role("link", name=re.compile("Ajouter une sous-page")).first.click()
        editor.get_by_role("link", name=re.compile("^événement", re.I)).first.click()
        editor.wait_for_url("**/admin/pages/add/museum_pages/eventpage/**")
        editor.fill("#id_title", TITLE)
        editor.fill("#id_intro", "Un atelier pour petits et grands, chaque mercredi.")
        # Dates first, in the order one says them; the picker takes typed dates too.
        editor.fill("#id_start_at", f"{first.isoformat()} 14:00")
        editor.keyboard.press("Escape")
        editor.fill("#id_end_at", f"{first.isoformat()} 16:00")
        editor.keyboard.press("Escape")
        editor.select_option("#id_repeat", label="Chaque semaine")
        editor.fill("#id_repeat_until", last.isoformat())
        editor.keyboard.press("Escape")

        editor.get_by_role("tab", name="Lieu, public et prix").click()
        editor.locator("#id_audiences").get_by_label("Familles").check()
        # Spoken languages are ticked by name, no more typed as codes.
        editor.locator("#id_spoken_languages").get_by_label("français", exact=True).check()
        editor.fill("#id_price", "4,50")  # as a French editor types it
        screenshot(editor, "event-editor-place-audience-price")
        submit = footer_button(editor, 'button[name="action-submit"]')
        with editor.expect_navigation():
            submit.click()
        assert "/add/" not in editor.url, editor.locator(".error-message").all_inner_texts()

        # The museum's moderator finds it on the dashboard and approves it.
        moderator = log_in(page_at, "wellington-moderator")
        moderator.goto(f"{live_site.url}/admin/")
        moderator.get_by_role("link", name=TITLE).first.click()
        moderator.wait_for_url("**/edit/")
        approve = footer_button(  # "Approuver", not "Approuver avec commentaire" (a dialog)
            moderator,
            'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])',
        )
        with moderator.expect_navigation():
            approve.click()

        visitor = page_at(f"/fr/carriere-wellington/{SLUG}/", DESKTOP)
        assert TITLE in visitor.locator("h1").inner_text()
        times = visitor.locator("time[datetime]")
        assert times.first.get_attribute("datetime").startswith(f"{first.isoformat()}T14:00")
        month = MONTHS.split()[first.month - 1]
        when = times.first.inner_text()
        assert f"{first.day} {month} {first.year}" in when and "14:00" in when, when
        text = visitor.locator("main").inner_text()
        last_month = MONTHS.split()[last.month - 1]
        assert f"Chaque semaine jusqu’au {last.day} {last_month} {last.year}" in text, text
        assert "Familles" in text and "4,50 €" in text
        screenshot(visitor, "event-editor-public-page")
    finally:
        # The other browser tests share this site: the event goes as it came.
        live_site.manage(
            "shell",
            "-c",
            "from museum_pages.models import EventPage; "
            f"[page.delete() for page in EventPage.objects.filter(slug='{SLUG}')]",
        )
