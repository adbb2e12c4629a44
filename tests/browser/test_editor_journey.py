"""A museum editor logs in, lands in their museum, and sees "my museum" on the dashboard."""

import pytest

from tests.browser.helpers import DESKTOP, PHONE, fill_login_form, screenshot


def log_in(page_at, username, viewport):
    page = page_at("/admin/login/?next=/admin/", viewport=viewport)
    fill_login_form(page, username)
    page.click("button[type=submit]")
    page.wait_for_load_state()
    return page


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_editor_starts_in_their_museum_and_sees_my_museum(page_at, viewport):
    name = "phone" if viewport == PHONE else "desktop"
    page = log_in(page_at, "wellington-editor", viewport)
    assert "/admin/pages/" in page.url
    assert "Carrière Wellington" in page.inner_text("main")
    screenshot(page, f"editor-start-{name}")

    page.goto(page.url.split("/admin/")[0] + "/admin/")
    panel = page.locator("section", has_text="Mon musée")
    assert panel.first.is_visible()
    assert "Événements à venir sans image" in page.inner_text("main")
    screenshot(page, f"editor-dashboard-{name}")
