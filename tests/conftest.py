"""Shared fixtures. The demo network is loaded once per test run, as `make run` does, and
each worker works on a copy of it (tests/demo_database.py); each test runs in a transaction
that is rolled back, so the network is the same for all."""

import os
import uuid

import psycopg
import pytest
from PIL import Image
from wagtail.models import Locale

from core import languages
from core.page_cache import clear_page_cache
from home.models import NetworkHomePage
from museum_pages.models import MuseumPage
from tests import demo_database
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
def demo_directory(tmp_path_factory):
    """The run's directory where the demo database is built once (tests/demo_database.py)."""
    return demo_database.shared_directory(tmp_path_factory)


@pytest.fixture(scope="session")
def django_db_setup(django_db_blocker, demo_directory):
    """Each worker's database is a copy of the run's demo database, as `make run` loads it."""
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    with django_db_blocker.unblock():
        demo = demo_database.built(demo_directory, worker)
    yield
    with django_db_blocker.unblock():
        demo_database.drop_copy(demo)


def pytest_sessionfinish(session):
    """The run's process that started the workers (or the only one) drops the demo database."""
    if hasattr(session.config, "workerinput") or not hasattr(session.config, "_tmp_path_factory"):
        return
    demo_database.drop(session.config._tmp_path_factory.getbasetemp())


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
