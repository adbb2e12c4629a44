"""The installable web app: a manifest per language with its icons, linked from every public
page; the service worker at /sw.js built on Workbox; the offline page in each language."""

import io
import json
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from PIL import Image

from core import languages
from tests.helpers import sign_in, superuser
from tests.observatory import parse_csp

REQUIRED_MEMBERS = {"name", "short_name", "icons", "start_url", "display", "lang", "dir"}
OFFLINE_TITLES = {
    "fr": "Hors connexion",
    "en": "Offline",
    "de": "Offline",
    "nl": "Offline",
}


def static_path(url):
    """The static file a /static/… URL names, as the finders find it."""
    assert url.startswith(settings.STATIC_URL), url
    return finders.find(url.removeprefix(settings.STATIC_URL))


@pytest.mark.parametrize("code", languages.CODES)
def test_the_manifest_is_valid_json_in_the_language_of_its_url(client, db, code):
    response = client.get(f"/{code}/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert set(manifest) >= REQUIRED_MEMBERS
    assert manifest["lang"] == code
    assert manifest["dir"] == "ltr"
    assert manifest["start_url"] == f"/{code}/"
    assert manifest["display"] == "standalone"
    assert manifest["theme_color"] == "#1f2a37"
    assert manifest["name"] == "Mem'Histo"
    assert len(manifest["short_name"]) <= 12


def test_the_manifest_describes_the_network_in_each_language(client, db):
    descriptions = {
        code: json.loads(client.get(f"/{code}/manifest.webmanifest").content)["description"]
        for code in languages.CODES
    }
    assert descriptions["fr"] == "Musées d'histoire et de mémoire des Hauts-de-France"
    assert len(set(descriptions.values())) == len(languages.CODES)


def test_the_icons_are_pngs_of_the_sizes_the_manifest_declares(client, db):
    manifest = json.loads(client.get("/de/manifest.webmanifest").content)
    purposes = set()
    sizes = set()
    for entry in manifest["icons"]:
        response = client.get(entry["src"])
        assert response.status_code == 200, entry["src"]
        assert response["Content-Type"] == entry["type"] == "image/png"
        image = Image.open(io.BytesIO(response.content))
        assert image.format == "PNG"
        assert "{}x{}".format(*image.size) == entry["sizes"]
        purposes.add(entry.get("purpose", "any"))
        sizes.add(entry["sizes"])
    assert {"192x192", "512x512"} <= sizes
    assert purposes == {"any", "maskable"}


def test_a_maskable_icon_fills_its_square_and_keeps_the_logo_in_the_safe_zone(client, db):
    image = Image.open(io.BytesIO(client.get("/app-icon-maskable-512.png").content)).convert("RGB")
    theme = (0x1F, 0x2A, 0x37)
    # Corners and edges: the theme colour, no transparency for a mask to reveal.
    for point in [(0, 0), (511, 0), (0, 511), (511, 511), (256, 0), (0, 256)]:
        assert image.getpixel(point) == theme
    # The white "M" lies wholly within the central circle of radius 40 %.
    white = [
        (x, y)
        for x in range(0, 512, 4)
        for y in range(0, 512, 4)
        if image.getpixel((x, y)) == (255, 255, 255)
    ]
    assert white
    assert all((x - 256) ** 2 + (y - 256) ** 2 <= (0.4 * 512) ** 2 for x, y in white)


def test_an_icon_size_that_is_not_offered_is_not_found(client, db):
    assert client.get("/app-icon-100.png").status_code == 404


@pytest.mark.parametrize("code", ["fr", "de"])
def test_every_kind_of_public_page_links_the_manifest_of_its_language(client, locales, code):
    from museum_pages.models import MuseumPage, VirtualVisitPage

    paths = [
        f"/{code}/",
        MuseumPage.objects.live().filter(locale=locales[code]).first().url,
        VirtualVisitPage.objects.live().filter(locale=locales[code]).first().url,
        f"/{code}/search/?q=guerre",
        f"/{code}/offline/",
    ]
    for path in paths:
        html = client.get(path).content.decode()
        assert f'<link rel="manifest" href="/{code}/manifest.webmanifest">' in html, path
        assert '<meta name="theme-color" content="#1f2a37">' in html, path
        assert 'data-worker="/sw.js"' in html, path
        assert "memhisto-signed-in" not in html, path


def test_a_page_served_to_a_signed_in_editor_says_so_so_that_nothing_is_stored(
    client, locales, museum
):
    german = museum.get_translation(locales["de"])
    html = sign_in(client, superuser()).get(german.url).content.decode()
    assert '<meta name="memhisto-signed-in" content="1">' in html


def test_the_service_worker_is_served_at_the_root_with_the_whole_site_as_scope(client, db):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert response["Service-Worker-Allowed"] == "/"
    assert "no-cache" in response["Cache-Control"]
    assert client.get("/sw.js").get("X-Cache") != "HIT"


def worker_config(client):
    body = client.get("/sw.js").content.decode()
    match = re.match(r"self\.MEMHISTO_WORKER = (.*);\n", body)
    assert match, body[:200]
    return json.loads(match.group(1)), body


def test_the_service_worker_loads_workbox_from_our_own_static_files(client, db):
    config, body = worker_config(client)
    assert "importScripts(config.workbox, config.store)" in body
    assert static_path(config["store"])
    assert "workbox-sw" in config["workbox"]
    assert static_path(config["workbox"])
    assert set(config["modules"]) >= {"workbox-routing", "workbox-strategies", "workbox-precaching"}
    for url in config["modules"].values():
        assert static_path(url), url
    # No hand-written caching library and no CDN: Workbox's routing and precaching.
    assert "storage.googleapis.com" not in body
    assert "workbox.routing.registerRoute" in body
    assert "workbox.precaching.precacheAndRoute" in body


def test_the_service_worker_leaves_the_admin_and_documents_alone(client, db):
    config, _body = worker_config(client)
    assert {"/admin/", "/documents/"} <= set(config["excludedPrefixes"])


def test_the_service_worker_stores_the_offline_page_of_each_language_at_install(client, db):
    config, _body = worker_config(client)
    precached = {entry["url"] for entry in config["precache"]}
    assert {f"/{code}/offline/" for code in languages.CODES} <= precached
    assert all(entry["revision"] for entry in config["precache"])
    for url in precached - {f"/{code}/offline/" for code in languages.CODES}:
        assert static_path(url), url


@pytest.mark.parametrize("code", languages.CODES)
def test_the_offline_page_speaks_each_language_and_is_not_indexed(client, db, code):
    response = client.get(f"/{code}/offline/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{code}">' in html
    assert f"<h1>{OFFLINE_TITLES[code]}</h1>" in html
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "js/offline-page.js" in html


def test_the_offline_page_text_is_translated(client, db):
    intros = {
        code: re.search(
            r'<p class="page-hero__intro">(.*?)</p>',
            client.get(f"/{code}/offline/").content.decode(),
        ).group(1)
        for code in languages.CODES
    }
    assert len(set(intros.values())) == len(languages.CODES)


def test_the_public_policy_allows_our_own_worker_and_manifest_only(client, db):
    csp = parse_csp(client.get("/de/", secure=True)["Content-Security-Policy"])
    assert csp["worker-src"] == {"'self'"}
    assert csp["manifest-src"] == {"'self'"}
