"""Static files under the production storage: hashed names cached for ever, compressed.

Only our own static/ folder is collected (Wagtail's admin files would take much longer to
compress), into a temporary STATIC_ROOT; each test client builds its middleware afresh, so
WhiteNoise indexes that root.
"""

import io
import json

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import Client, override_settings

PRODUCTION_STORAGES = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
STYLESHEET = "css/main.css"


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    """STATIC_ROOT after `collectstatic` with the production storage; yields the manifest."""
    root = tmp_path_factory.mktemp("staticfiles")
    with override_settings(
        STATIC_ROOT=root,
        STATICFILES_DIRS=[settings.BASE_DIR / "static"],
        STATICFILES_FINDERS=["django.contrib.staticfiles.finders.FileSystemFinder"],
        STORAGES=PRODUCTION_STORAGES,
    ):
        call_command("collectstatic", interactive=False, stdout=io.StringIO())
        manifest = json.loads((root / "staticfiles.json").read_text())["paths"]
        yield manifest


def get(path, **headers):
    return Client().get(path, headers=headers)


def test_a_hashed_static_file_is_cached_for_ten_years_and_immutable(collected):
    response = get(f"/static/{collected[STYLESHEET]}")

    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert response["Content-Type"].startswith("text/css")


def test_an_unhashed_name_is_only_cached_briefly(collected):
    """Someone who links the plain name gets it, but it can change under that name."""
    response = get(f"/static/{STYLESHEET}")

    assert response.status_code == 200
    assert "immutable" not in response["Cache-Control"]
    assert response["Cache-Control"] == "max-age=60, public"


def test_browsers_accepting_brotli_get_brotli(collected):
    plain = get(f"/static/{collected[STYLESHEET]}")
    response = get(f"/static/{collected[STYLESHEET]}", accept_encoding="gzip, deflate, br")

    assert response["Content-Encoding"] == "br"
    assert int(response["Content-Length"]) < int(plain["Content-Length"]) / 2
    assert "Accept-Encoding" in response["Vary"]


def test_browsers_accepting_only_gzip_get_gzip(collected):
    response = get(f"/static/{collected['js/virtual-visit.js']}", accept_encoding="gzip")

    assert response["Content-Encoding"] == "gzip"
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"


def test_every_script_and_stylesheet_has_a_hashed_name_and_compressed_variants(collected):
    root = settings.BASE_DIR / "static"
    ours = sorted(
        str(path.relative_to(root)) for path in root.rglob("*") if path.suffix in (".css", ".js")
    )
    assert ours, "static/ should hold our stylesheets and scripts"
    for name in ours:
        hashed = collected[name]
        assert hashed != name
        response = get(f"/static/{hashed}", accept_encoding="br")
        assert response.status_code == 200, name
        assert response.get("Content-Encoding") == "br", name
