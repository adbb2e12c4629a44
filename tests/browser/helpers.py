"""What the browser test modules share: viewport sizes, the demo accounts' password,
screenshots, signing in, axe-core's accessibility check and starting the 360° viewer.
Fixtures (the live site, the browser, `page_at`) are in conftest.py."""

import socket
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / ".artifacts" / "screenshots"
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1366, "height": 768}
DEMO_PASSWORD = "browser-tests-password"  # noqa: S105


def fill_login_form(page, username):
    """Type a demo account's username and password into the admin's login form."""
    page.fill("#id_username", username)
    page.fill("#id_password", DEMO_PASSWORD)


def screenshot(page, name):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


def load_axe(page):
    """axe-core (an npm development dependency) in the page, served by the test itself.

    The site never serves it: the browser context answers this one address from
    node_modules. A file of the page's own origin, because the content security policy
    refuses inline scripts, which is what add_script_tag(path=...) would insert.
    """
    origin = "{0.scheme}://{0.netloc}".format(urlsplit(page.url))
    url = f"{origin}/test-tools/{AXE_SCRIPT.name}"
    page.route(url, lambda route: route.fulfill(path=str(AXE_SCRIPT)))
    page.add_script_tag(url=url)


def serious_accessibility_violations(page):
    """axe-core on the page; returns serious and critical violations."""
    load_axe(page)
    results = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def wait_for_viewer(page):
    """The visitor presses the start button on the poster; the viewer loads and starts."""
    page.get_by_role("button", name="Commencer la visite à 360°").click()
    page.wait_for_selector('[data-visit-viewer][data-state="ready"]', timeout=30_000)


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_healthy(url, process, seconds, what):
    """Polls `url`/healthz until it answers; fails the test when `process` ends first or
    `seconds` pass."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            urllib.request.urlopen(f"{url}/healthz", timeout=5)  # noqa: S310
            return
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail(f"{what} did not start")
            time.sleep(0.2)
