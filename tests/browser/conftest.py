"""Real-browser tests: Playwright for Python driving Debian's Chromium against a real server.

The site is served as `make run` serves it: its own SQLite database, migrated and loaded
with the demo network, behind `manage.py runserver`. Browser downloads are impossible here,
so the browser is the system's `chromium`. Without it these tests are skipped with a
reason, except where MEMHISTO_REQUIRE_BROWSER is set (CI), where that is a failure.
"""

import os
import shutil
import subprocess
import sys
import urllib.request
from types import SimpleNamespace

import pytest

from tests import demo_database
from tests.browser.helpers import DEMO_PASSWORD, DESKTOP, ROOT, free_port, wait_until_healthy

# Playwright's sync API keeps an event loop in the test's thread; Django's ORM calls made by
# other tests of the same worker are ordinary synchronous calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    # One worker runs every browser test, so the site is built and served once.
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="session")
def chromium_path():
    executable = shutil.which("chromium")
    if executable is None:
        if os.environ.get("MEMHISTO_REQUIRE_BROWSER"):
            pytest.fail("Chromium is required (MEMHISTO_REQUIRE_BROWSER) but not installed")
        pytest.skip("Chromium is not installed (apt-get install chromium): browser tests skipped")
    return executable


@pytest.fixture(scope="session")
def live_site(chromium_path, tmp_path_factory, demo_directory, django_db_blocker):
    """The demo network served by runserver on a free port, from a database of its own: a
    copy of the run's demo database (tests/demo_database.py) when the run is on SQLite."""
    workdir = tmp_path_factory.mktemp("live-site")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE", "DATABASE_URL")
    }
    env.update(
        DJANGO_SETTINGS_MODULE="memhisto.settings.dev",
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
        DEMO_PASSWORD=DEMO_PASSWORD,
        # The demo's speech (168 tracks, a minute of CPU) is not what these tests look at:
        # the visits keep their transcripts (tests/test_demo_audio.py checks the speech).
        MEMHISTO_DEMO_AUDIO="0",
    )
    manage = [sys.executable, str(ROOT / "manage.py")]
    with django_db_blocker.unblock():
        copied = demo_database.live_site_copy(demo_directory, workdir, DEMO_PASSWORD)
    if copied is None:  # a run on PostgreSQL: the site's SQLite database is made here
        for command in (["migrate", "--noinput"], ["load_network"]):
            subprocess.run([*manage, *command], env=env, cwd=ROOT, check=True, capture_output=True)  # noqa: S603
    port = free_port()
    server = subprocess.Popen(  # noqa: S603
        [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    wait_until_healthy(url, server, 60, "the live site")
    # Without a copy of the demo database, the first home page makes the cards' renditions
    # (AVIF and WebP, ~20 s on two busy cores): asked once and waited for, instead of again
    # every few seconds by a short probe (each retry started the same work over in another
    # thread, and the site never answered).
    urllib.request.urlopen(f"{url}/fr/", timeout=300)  # noqa: S310

    def manage_output(*args):
        """Run a management command against the live site's database; returns stdout."""
        result = subprocess.run(  # noqa: S603
            [*manage, *args], env=env, cwd=ROOT, check=True, capture_output=True, text=True
        )
        return result.stdout

    yield SimpleNamespace(url=url, env=env, manage=manage_output)
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=chromium_path,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page_at(browser, live_site):
    """Open a path of the live site at a viewport size; the context closes after the test."""
    contexts = []

    def open_page(path, viewport=DESKTOP, locale="fr-FR"):
        # No service worker (tests/browser/test_offline.py has its own contexts): requests
        # answered by a worker bypass the routes below and axe-core's (load_axe).
        context = browser.new_context(viewport=viewport, locale=locale, service_workers="block")
        # No network here: map tile requests are answered at once instead of hanging.
        context.route("https://tile.openstreetmap.org/**", lambda route: route.abort())
        contexts.append(context)
        page = context.new_page()
        page.goto(live_site.url + path)
        return page

    yield open_page
    for context in contexts:
        context.close()
