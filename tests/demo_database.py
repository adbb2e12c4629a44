"""One demo database per test run, built once and copied.

Migrating, loading the demo network and rendering its pictures costs three to four minutes
of CPU. The first pytest-xdist worker to get here builds it (under a file lock in the run's
temporary directory, which every worker of the run shares); each worker then takes a copy of
its own — an in-memory copy on SQLite (sqlite3's backup), `CREATE DATABASE … TEMPLATE` on
PostgreSQL — and so does the browser tests' live site (a file copy). The media files (the
pictures and their renditions) are hard-linked into each copy's media directory.
"""

import fcntl
import io
import json
import os
import shutil
import sqlite3
from contextlib import contextmanager
from pathlib import Path

import psycopg
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.management import call_command
from django.db import connection
from django.test import Client
from wagtail.models import Page

from core import languages

DESCRIPTION = "demo-database.json"


def shared_directory(tmp_path_factory):
    """The run's temporary directory: a worker's own is `<run's>/popen-gwN`."""
    own = tmp_path_factory.getbasetemp()
    return own.parent if os.environ.get("PYTEST_XDIST_WORKER") else own


@contextmanager
def locked(directory):
    with open(directory / "demo-database.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def built(directory, worker=None):
    """The description of the run's demo database, built by whoever asks first; with
    `worker`, Django's connection then points at that worker's copy (PostgreSQL copies a
    database no one is connected to: under the lock too)."""
    with locked(directory):
        description = directory / DESCRIPTION
        builder = not description.exists()
        if builder:
            description.write_text(json.dumps(build(directory)))
        demo = json.loads(description.read_text())
        if worker:
            use_copy(demo, worker)
    if worker and not builder:
        # The process's own caches (content types, site root paths, search's vocabulary)
        # as warm as the builder's: query counts are measured against them. The pictures'
        # renditions are in the copy: no picture is encoded again.
        render_every_page()
    return demo


def build(directory):
    """Migrate a new test database, load the demo network in it and render every page."""
    test_settings = connection.settings_dict["TEST"]
    if connection.vendor == "sqlite":
        test_settings["NAME"] = str(directory / "demo.sqlite3")
    else:
        test_settings["NAME"] = f"test_memhisto_demo_{directory.name[-12:]}".replace("-", "_")
    connection.creation.create_test_db(verbosity=0, autoclobber=True, serialize=False)
    call_command("load_network", stdout=io.StringIO())
    render_every_page()
    connection.close()
    media = directory / "demo-media"
    shutil.copytree(settings.MEDIA_ROOT, media, dirs_exist_ok=True)
    name = connection.settings_dict["NAME"]
    return {"vendor": connection.vendor, "name": name, "media": str(media)}


def render_every_page():
    """Visit every live French page once, so that the renditions of its pictures are in the
    demo database (translations show the same images). A rendition made inside a test is
    rolled back with it, and the listings prefetch renditions from the database: without
    this, every test that shows a page would encode its pictures again (seconds for the
    home page's card of every museum)."""
    client = Client()
    for page in (
        Page.objects.live().filter(depth__gt=1, locale__language_code=languages.SOURCE).specific()
    ):
        client.get(page.url)


def use_copy(demo, worker):
    """Point Django's connection at a copy of the demo database of its own (a test changes
    and rolls back its copy only) and link the demo's media files into MEDIA_ROOT."""
    link_tree(Path(demo["media"]), Path(settings.MEDIA_ROOT))
    if demo["vendor"] == "sqlite":
        name = f"file:memhisto_demo_{worker}?mode=memory&cache=shared"
        source = sqlite3.connect(f"file:{demo['name']}?mode=ro", uri=True)
        copy = sqlite3.connect(name, uri=True)
        source.backup(copy)
        source.close()
        connection.settings_dict["NAME"] = name
        connection.connect()  # an in-memory database lives as long as a connection to it
        copy.close()
    else:
        connection.settings_dict["NAME"] = demo["name"]
        connection.creation.clone_test_db(suffix=worker, verbosity=0)
        connection.settings_dict.update(connection.creation.get_test_db_clone_settings(worker))
        connection.close()


def drop_copy(demo):
    """The worker's PostgreSQL copy goes with it (SQLite's in-memory one goes by itself)."""
    if demo["vendor"] != "sqlite":
        connection.creation.destroy_test_db(verbosity=0)


def drop(directory):
    """At the end of the run, its PostgreSQL demo database (SQLite's is a file of the run's
    temporary directory). Outside any test, so through psycopg rather than Django."""
    description = directory / DESCRIPTION
    if not description.exists():
        return
    demo = json.loads(description.read_text())
    if demo["vendor"] != "sqlite":
        server = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
        with psycopg.connect(f"{server}/postgres", autocommit=True) as maintenance:
            maintenance.execute(f'DROP DATABASE IF EXISTS "{demo["name"]}" WITH (FORCE)')


def live_site_copy(directory, workdir, password):
    """The demo database and media for the browser tests' live site (SQLite runs only),
    every demo account's password set to `password`; None when the run is on PostgreSQL."""
    demo = built(directory)
    if demo["vendor"] != "sqlite":
        return None
    database, media = workdir / "db.sqlite3", workdir / "media"
    shutil.copyfile(demo["name"], database)
    link_tree(Path(demo["media"]), media)
    # The demo was built with the tests' fast hasher, which the site's settings do not know.
    # A few PBKDF2 iterations are enough for a test site (Django reads them from the hash).
    encoded = PBKDF2PasswordHasher().encode(password, "browser-tests", iterations=1000)
    with sqlite3.connect(database) as site:
        site.execute(f"UPDATE {get_user_model()._meta.db_table} SET password = ?", (encoded,))  # noqa: S608
    site.close()
    return database, media


def link_tree(source, target):
    """Hard links are enough: files are replaced or deleted, never written in place. (The
    worker that built the demo has its files already.)"""
    shutil.copytree(source, target, copy_function=link, dirs_exist_ok=True)


def link(source, target):
    if not os.path.exists(target):
        os.link(source, target)
