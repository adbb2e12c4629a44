"""The web server of compose.yaml (deploy/nginx.conf), run in front of the live site.

Debian's nginx with the repository's configuration, only its upstream, port and file root
pointed at the live site: pages are passed to the app, static files and media are served by
nginx itself, documents never.
"""

import re
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.browser.helpers import ROOT, start_nginx


@pytest.fixture(scope="module")
def web_server(live_site, tmp_path_factory):
    files = Path(live_site.env["MEDIA_ROOT"]).parent  # holds media/, gets static/
    static = files / "static"
    subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), "collectstatic", "--noinput", "-v0"],
        env={**live_site.env, "STATIC_ROOT": str(static)},
        cwd=ROOT,
        check=True,
    )
    url, process = start_nginx(tmp_path_factory.mktemp("nginx"), [live_site.url], files)
    yield url, static
    process.terminate()
    process.wait(timeout=10)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=60) as response:  # noqa: S310
            return response.status, response.headers, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers, error.read()


def test_a_page_is_passed_to_the_app_with_the_visitors_host(web_server):
    url, _static = web_server
    status, _headers, body = fetch(f"{url}/fr/carriere-wellington/")
    assert status == 200
    html = body.decode()
    assert f'<link rel="canonical" href="{url}/fr/carriere-wellington/">' in html


def test_renditions_of_a_page_are_served_by_the_web_server(web_server):
    url, _static = web_server
    html = fetch(f"{url}/fr/carriere-wellington/")[2].decode()
    sources = re.findall(r'(/media/images/[^" ,]+)', html)
    assert sources, "the museum page shows pictures"
    for source in sorted(set(sources))[:3]:
        status, headers, body = fetch(f"{url}{source}")
        assert status == 200, source
        assert headers["Content-Type"] in {"image/avif", "image/webp", "image/jpeg"}
        assert headers["Cache-Control"] == "public, max-age=2592000"
        assert headers["Content-Security-Policy"] == "default-src 'none'"
        assert len(body) > 500


def test_static_files_are_served_and_hashed_names_kept_for_a_year(web_server):
    url, static = web_server
    status, headers, body = fetch(f"{url}/static/css/main.css")
    assert status == 200 and headers["Content-Type"].startswith("text/css")
    assert headers["Cache-Control"] == "public, max-age=3600"
    assert body == (ROOT / "static" / "css" / "main.css").read_bytes()
    # The name the production storage gives it (ManifestStaticFilesStorage: 12 hex digits).
    shutil.copy(static / "css" / "main.css", static / "css" / "main.0123456789ab.css")
    status, headers, _body = fetch(f"{url}/static/css/main.0123456789ab.css")
    assert status == 200
    assert headers["Cache-Control"] == "public, max-age=31536000, immutable"


def test_documents_are_never_served_from_the_media_folder(web_server):
    url, _static = web_server
    assert fetch(f"{url}/media/documents/any.pdf")[0] == 404
