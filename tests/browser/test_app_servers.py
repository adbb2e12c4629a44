"""Two app servers for real: two gunicorn processes with the production settings, on one
PostgreSQL database and one Redis, behind the web server of compose.yaml (deploy/nginx.conf
with both as its upstream). What one server does, the other knows: a publication, a session,
a login lockout. (Beside the browser tests: started once, as processes, like the web server.)
"""

import os
import re
import secrets
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.conf import settings

from tests.browser.helpers import ROOT, free_port, start_nginx, wait_until_healthy

POSTGRES = "postgresql://postgres@127.0.0.1:5432"
REDIS_URL = "redis://127.0.0.1:6379/9"  # this Redis database is flushed
PASSWORD = "deux-serveurs-" + secrets.token_hex(4)
# The production settings, with plain static files: these tests fetch no static file, and
# collecting the hashed, compressed ones would cost a minute.
SETTINGS = """from memhisto.settings.production import *
STORAGES = {
    **STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
"""


def services_or_skip():
    import psycopg
    import redis

    try:
        psycopg.connect(f"{POSTGRES}/postgres", connect_timeout=3).close()
        redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3).ping()
    except Exception as error:  # noqa: BLE001 - any connection error means "not here"
        if os.environ.get("MEMHISTO_REQUIRE_BROWSER"):
            pytest.fail(f"PostgreSQL and Redis are required in CI: {error}")
        pytest.skip(f"PostgreSQL or Redis is not running: {error}")


def postgres(sql):
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        connection.execute(sql)


@pytest.fixture(scope="module")
def servers(tmp_path_factory):
    services_or_skip()
    import redis

    workdir = tmp_path_factory.mktemp("app-servers")
    (workdir / "two_servers_settings.py").write_text(SETTINGS)
    database = f"memhisto_two_servers_{os.getpid()}"
    postgres(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    postgres(f'CREATE DATABASE "{database}"')
    redis.Redis.from_url(REDIS_URL).flushdb()
    env = {k: v for k, v in os.environ.items() if k not in ("DJANGO_SETTINGS_MODULE",)}
    env.update(
        DJANGO_SETTINGS_MODULE="two_servers_settings",
        PYTHONPATH=os.pathsep.join([str(workdir), str(ROOT)]),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"{POSTGRES}/{database}",
        REDIS_URL=REDIS_URL,
        MEDIA_ROOT=str(workdir / "media"),
        SECURE_SSL_REDIRECT="false",
        TRUSTED_PROXY_COUNT="0",
        DJANGO_SUPERUSER_PASSWORD=PASSWORD,
        LOG_LEVEL="WARNING",
    )

    def manage(*args):
        return subprocess.run(  # noqa: S603
            [sys.executable, str(ROOT / "manage.py"), *args],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        ).stdout

    manage("migrate", "--noinput", "-v0")
    manage("setup_network")
    for username in ("boss", "unlucky"):
        manage("createsuperuser", "--noinput", "--username", username, "--email", "x@example.org")
    about = manage(
        "shell",
        "-c",
        "from wagtail.models import Page; "
        "print(Page.objects.get(slug='a-propos', locale__language_code='fr').pk)",
    ).split()[-1]  # after the shell's "N objects imported automatically"
    gunicorn = str(Path(sys.executable).parent / "gunicorn")
    processes, urls = [], []
    for name in ("a", "b"):
        port = free_port()
        processes.append(
            subprocess.Popen(  # noqa: S603
                [gunicorn, "memhisto.wsgi:application", "--bind", f"127.0.0.1:{port}"]
                + ["--workers", "1", "--no-control-socket"],
                env=env,
                cwd=ROOT,
                stdout=subprocess.DEVNULL,
                stderr=open(workdir / f"gunicorn-{name}.log", "w"),  # noqa: SIM115
            )
        )
        urls.append(f"http://127.0.0.1:{port}")
        wait_until_healthy(urls[-1], processes[-1], 60, f"gunicorn {name}")
    web, web_process = start_nginx(workdir, urls, workdir)
    processes.append(web_process)
    yield SimpleNamespace(a=urls[0], b=urls[1], web=web, about_id=about)
    for process in processes:
        process.terminate()
        process.wait(timeout=20)
    postgres(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
    redis.Redis.from_url(REDIS_URL).flushdb()


class Visitor:
    """A browser's cookies, sent to whichever server it asks (both are the same site).
    Requests say X-Forwarded-Proto: https, as the TLS proxy would: the cookies are Secure."""

    def __init__(self):
        self.cookies = {}

    def request(self, url, data=None, origin=None):
        headers = {"X-Forwarded-Proto": "https", "Accept-Language": "fr"}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if data is not None:
            headers["Origin"] = origin or re.match(r"http://[^/]+", url)[0].replace(
                "http://", "https://"
            )
            data = urllib.parse.urlencode(data).encode()
        request = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310
        opener = urllib.request.build_opener(NoRedirect)
        try:
            response = opener.open(request, timeout=30)
        except urllib.error.HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";")[0].split("=", 1)
            self.cookies[name.strip()] = value
        return response.status, response.headers, response.read().decode()

    def csrf_token(self, url):
        status, _headers, html = self.request(url)
        assert status == 200, url
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)[1]

    def log_in(self, server, username, password):
        token = self.csrf_token(f"{server}/admin/login/")
        return self.request(
            f"{server}/admin/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": password},
        )


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def wait_out_the_generation_check():
    """Let each server's remembered cache generation expire: a server reads the shared
    generation at most once every PAGE_CACHE_GENERATION_CHECK_SECONDS (settings/base.py, which
    the production settings keep), so any request that starts later sees what was published
    before. A lower bound only: a slow machine makes the next request later, never earlier,
    so nothing here is timed."""
    time.sleep(settings.PAGE_CACHE_GENERATION_CHECK_SECONDS + 0.05)


def test_both_servers_answer_through_the_web_server(servers):
    for _ in range(4):  # nginx takes turns
        status, headers, html = Visitor().request(f"{servers.web}/fr/")
        assert status == 200 and '<html lang="fr"' in html


def test_a_session_made_on_one_server_works_on_the_other(servers):
    visitor = Visitor()
    status, headers, _html = visitor.log_in(servers.a, "boss", PASSWORD)
    assert status == 302 and headers["Location"] == "/admin/"
    status, _headers, html = visitor.request(f"{servers.b}/admin/")
    assert status == 200  # the dashboard: without a session, a redirect to the login form
    assert 'name="password"' not in html
    assert Visitor().request(f"{servers.b}/admin/")[0] == 302


def test_a_lockout_on_one_server_applies_on_the_other(servers):
    visitor = Visitor()
    for _ in range(5):
        status, _headers, _html = visitor.log_in(servers.a, "unlucky", "wrong-password")
        assert status in (200, 429)
    status, _headers, html = Visitor().log_in(servers.b, "unlucky", PASSWORD)
    assert status == 429
    assert "Connexion temporairement bloquée" in html


def test_a_publication_through_one_server_shows_on_the_other_within_a_second(servers):
    """The about page is taken offline in the admin of server A; server B, which had it
    (and the footer link to it) in its page cache and its memory, follows at once."""
    reader = Visitor()  # anonymous: served from the page cache
    for _ in range(2):
        assert reader.request(f"{servers.b}/fr/a-propos/")[0] == 200
        assert 'href="/fr/a-propos/"' in reader.request(f"{servers.b}/fr/")[2]
    assert reader.request(f"{servers.b}/fr/a-propos/")[1]["X-Cache"] == "HIT"

    editor = Visitor()
    assert editor.log_in(servers.a, "boss", PASSWORD)[0] == 302
    unpublish = f"{servers.a}/admin/pages/{servers.about_id}/unpublish/"
    status, _headers, _html = editor.request(
        unpublish, {"csrfmiddlewaretoken": editor.csrf_token(unpublish)}
    )
    assert status == 302

    wait_out_the_generation_check()
    assert reader.request(f"{servers.b}/fr/a-propos/")[0] == 404
    assert 'href="/fr/a-propos/"' not in reader.request(f"{servers.b}/fr/")[2]
