"""The content security policies, in Chromium: the public pages and the admin work under
them, and the browser reports no violation (console or securitypolicyviolation event)."""

import pytest

from tests.browser.helpers import DESKTOP, fill_login_form, screenshot, wait_for_viewer

pytestmark = pytest.mark.browser

RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
    window.__cspViolations.push(
        `${event.effectiveDirective} blocked ${event.blockedURI} (${event.sourceFile})`
    );
});
"""


class WatchedPage:
    """A page of the live site whose CSP violations are recorded from the first byte."""

    def __init__(self, browser, live_site):
        self.live_site = live_site
        self.context = browser.new_context(viewport=DESKTOP, locale="fr-FR")
        self.context.add_init_script(RECORD_VIOLATIONS)
        # No network here: map tile requests are answered at once (after the CSP check).
        self.context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
        self.page = self.context.new_page()
        self.console = []
        self.page.on("console", self._console)

    def _console(self, message):
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.console.append(message.text)

    def goto(self, path):
        self.page.goto(self.live_site.url + path)
        return self.page

    def violations(self):
        """The page's violation events, and the console's reports from every frame."""
        return self.page.evaluate("window.__cspViolations") + self.console


@pytest.fixture
def watched(browser, live_site):
    watched = WatchedPage(browser, live_site)
    yield watched
    watched.context.close()


def log_in(watched, username):
    page = watched.goto("/admin/login/?next=/admin/")
    fill_login_form(page, username)
    page.click("button[type=submit]")
    page.wait_for_url("**/admin/**")
    return page


def test_home_page_map_shows_its_markers_under_the_policy(watched):
    page = watched.goto("/fr/")
    page.locator(".leaflet-marker-icon").first.wait_for()
    assert page.locator(".tag").first.evaluate("n => getComputedStyle(n).backgroundColor") not in (
        "rgba(0, 0, 0, 0)",
        "",
    )
    # Opening a cluster animates markers (Leaflet.markercluster sets their styles by script).
    markers = page.locator(".map-marker").count()
    page.locator(".map-cluster").first.click()
    page.wait_for_function(f"() => document.querySelectorAll('.map-marker').length > {markers}")
    page.wait_for_function("() => !document.querySelector('.leaflet-cluster-anim')")
    assert watched.violations() == []


def test_museum_page_renders_under_the_policy(watched):
    page = watched.goto("/fr/carriere-wellington/")
    page.wait_for_load_state("load")
    assert page.locator("h1").inner_text().startswith("Carrière Wellington")
    assert watched.violations() == []


def test_virtual_visit_viewer_starts_under_the_policy(watched):
    page = watched.goto("/fr/carriere-wellington/visite-virtuelle/")
    wait_for_viewer(page)  # the viewer script is added to the page by ours: allowed too
    assert page.locator("#visit-panorama canvas").count() == 1
    assert watched.violations() == []


def test_search_suggestions_work_under_the_policy(watched):
    page = watched.goto("/fr/search/")
    page.locator("#search-q").focus()
    page.keyboard.type("Welling")
    page.get_by_role("listbox").wait_for()
    assert "Wellington" in page.get_by_role("listbox").inner_text()
    assert watched.violations() == []


def test_editors_userbar_works_on_public_pages_under_the_public_policy(watched):
    log_in(watched, "admin")
    page = watched.goto("/fr/carriere-wellington/")
    trigger = page.locator("wagtail-userbar").locator("#wagtail-userbar-trigger")
    trigger.click()
    menu = page.locator("wagtail-userbar").locator("[role=menu]")
    menu.wait_for()
    assert menu.is_visible()
    assert watched.violations() == []


def test_admin_edits_a_museum_with_the_map_widget_under_the_admin_policy(watched, live_site):
    page_id = live_site.manage(
        "shell",
        "--no-imports",
        "-c",
        "from museum_pages.models import MuseumPage;"
        "print(MuseumPage.objects.get(slug='carriere-wellington', locale__language_code='fr').pk)",
    ).strip()
    log_in(watched, "admin")
    page = watched.goto(f"/admin/pages/{page_id}/edit/")
    page.locator("[role=tab]", has_text="Infos pratiques").first.click()
    page.locator(".leaflet-field .leaflet-marker-icon").first.wait_for()
    screenshot(page, "csp-admin-map-widget")
    page.locator("button.action-save").first.click()
    page.wait_for_load_state()
    page.locator(".messages .success").first.wait_for()
    # The live preview: the public page inside an iframe of the admin (frame-ancestors 'self').
    page.locator('[data-side-panel-toggle="preview"]').click()
    preview = page.frame_locator("#w-preview-iframe")
    preview.locator("h1", has_text="Carrière Wellington").wait_for(timeout=30_000)
    screenshot(page, "csp-admin-preview")
    assert watched.violations() == []


def test_translation_editor_works_under_the_admin_policy(watched, live_site):
    page_id = live_site.manage(
        "shell",
        "--no-imports",
        "-c",
        "from museum_pages.models import MuseumPage;"
        "print(MuseumPage.objects.get(slug='musee-somme-1916', locale__language_code='de').pk)",
    ).strip()
    log_in(watched, "translator-de")
    page = watched.goto(f"/admin/pages/{page_id}/edit/")
    page.get_by_role("button", name="Bearbeiten").first.click()  # the translator works in German
    assert page.locator("textarea").first.input_value()
    assert watched.violations() == []
