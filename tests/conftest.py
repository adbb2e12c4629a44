"""Shared fixtures. The demo network is loaded once per test database, as `make run` does;
each test runs in a transaction that is rolled back, so the network is the same for all."""

import io
import os
import uuid

import psycopg
import pytest
from django.core.management import call_command
from django.test import Client
from PIL import Image
from wagtail.models import Locale, Page

from core import languages
from core.page_cache import clear_page_cache
from home.models import NetworkHomePage
from museum_pages.models import MuseumPage
from tests.helpers import MUSEUM_A, MUSEUM_B, sign_in, superuser


def pytest_configure(config):
    """AVIF renditions are encoded at libavif's fastest speed in tests (0.03 s instead of
    0.4 s for a scene): tests check the markup and the files' format, not how well they are
    compressed. Through Pillow's public save registry; Wagtail and Willow are unchanged."""
    Image.init()  # registers Pillow's formats, AVIF included
    encode_avif = Image.SAVE["AVIF"]

    def encode_avif_fast(image, file, filename):
        image.encoderinfo.setdefault("speed", 10)
        return encode_avif(image, file, filename)

    Image.register_save("AVIF", encode_avif_fast)


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        call_command("load_network", stdout=io.StringIO())
        render_every_page()


def render_every_page():
    """Visit every live French page once, so that the renditions of its pictures are in the
    test database (translations show the same images). A rendition made inside a test is
    rolled back with it, and the listings prefetch renditions from the database: without
    this, every test that shows a page would encode its pictures again (seconds for the
    home page's card of every museum)."""
    client = Client()
    for page in (
        Page.objects.live().filter(depth__gt=1, locale__language_code=languages.SOURCE).specific()
    ):
        client.get(page.url)


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with an empty page cache: the database changes of the test before
    are rolled back without the signals that would have cleared it."""
    clear_page_cache()


@pytest.fixture
def uncached(settings):
    """Turns the page cache off, for tests that measure the work of rendering a page."""
    settings.PAGE_CACHE_SECONDS = 0


@pytest.fixture
def superuser_client(client, db):
    """The test client signed in as a new superuser (pytest-django's `admin_client` signs in
    the demo network's `admin`)."""
    return sign_in(client, superuser())


@pytest.fixture
def locales(db):
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def home(locales):
    return NetworkHomePage.objects.get(locale=locales[languages.SOURCE])


@pytest.fixture
def museum(locales):
    """The Carrière Wellington, in French: chosen on purpose (not read from demo.data), as
    the demo museum with the fullest practical information (guided departures, booking,
    reduced prices, access notes), which the tests check by its facts."""
    return MuseumPage.objects.get(slug="carriere-wellington", locale=locales[languages.SOURCE])


@pytest.fixture
def empty_database(tmp_path):
    """A database with nothing in it: PostgreSQL when the suite runs on it, else SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield f"sqlite:///{tmp_path / 'empty.sqlite3'}"
        return
    server, name = url.rsplit("/", 1)[0], f"memhisto_setup_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'CREATE DATABASE "{name}"')
    yield f"{server}/{name}"
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def museum_a(locales):
    """The museum of the demo's first two teams (tests.helpers.MUSEUM_A), in French."""
    return MuseumPage.objects.get(slug=MUSEUM_A, locale=locales[languages.SOURCE])


@pytest.fixture
def museum_b(locales):
    return MuseumPage.objects.get(slug=MUSEUM_B, locale=locales[languages.SOURCE])
