"""The site on a phone with no signal: the service worker (Workbox) installs from any public
page, and a page that was not saved opens the offline page in the visitor's language; the
admin is left to the network; nothing is registered for a signed-in editor."""

import json

import pytest

from tests.browser.helpers import PHONE, fill_login_form, screenshot

pytestmark = pytest.mark.browser

WAIT_FOR_WORKER = """async () => {
    const registration = await navigator.serviceWorker.ready;
    return registration.active.scriptURL;
}"""


@pytest.fixture
def phone(browser):
    """A German phone whose browser keeps service workers (no request interception)."""
    context = browser.new_context(viewport=PHONE, locale="de-DE", service_workers="allow")
    yield context
    context.set_offline(False)
    context.close()


def installed(context, live_site, path):
    page = context.new_page()
    page.goto(live_site.url + path)
    assert page.evaluate(WAIT_FOR_WORKER) == live_site.url + "/sw.js"
    return page


def test_the_site_is_installable_in_the_language_of_the_page(phone, live_site):
    page = installed(phone, live_site, "/de/")
    href = page.get_attribute('link[rel="manifest"]', "href")
    assert href == "/de/manifest.webmanifest"
    manifest = json.loads(page.request.get(live_site.url + href).text())
    assert manifest["start_url"] == "/de/"
    assert manifest["lang"] == "de"
    for icon in manifest["icons"]:
        assert page.request.get(live_site.url + icon["src"]).ok


def test_a_page_not_saved_shows_the_offline_page_in_german(phone, live_site):
    page = installed(phone, live_site, "/de/")
    phone.set_offline(True)
    page.goto(live_site.url + "/de/historial-peronne/")
    assert page.locator("h1").inner_text() == "Offline"
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_text("Auf diesem Gerät ist noch kein Museum gespeichert.").is_visible()
    # Its styles come from the worker's storage too.
    assert page.evaluate("getComputedStyle(document.querySelector('.site-header')).display") != ""
    assert page.evaluate("document.styleSheets.length") >= 1
    screenshot(page, "offline-page-de-phone")
    # A Dutch address gets the Dutch page, whatever the phone's language.
    page.goto(live_site.url + "/nl/historial-peronne/")
    assert page.locator("h1").inner_text() == "Offline"
    assert page.locator("html").get_attribute("lang") == "nl"


def test_the_admin_is_never_answered_by_the_worker(phone, live_site):
    page = installed(phone, live_site, "/de/")
    phone.set_offline(True)
    with pytest.raises(Exception, match="ERR_INTERNET_DISCONNECTED"):
        page.goto(live_site.url + "/admin/")


def test_nothing_is_registered_for_a_signed_in_editor(phone, live_site):
    page = installed(phone, live_site, "/de/")
    page.goto(live_site.url + "/admin/login/?next=/admin/")
    fill_login_form(page, "admin")
    page.click("button[type=submit]")
    page.wait_for_url(live_site.url + "/admin/")
    page.goto(live_site.url + "/de/historial-peronne/")
    page.wait_for_function(
        "async () => (await navigator.serviceWorker.getRegistrations()).length === 0"
    )
