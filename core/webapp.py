"""The installable web app: the manifest per language, its icons, the service worker and the
offline page.

The manifest lives under the language prefix (`/de/manifest.webmanifest`), linked by every
public page in its own language: an installed app keeps the name, start page and
language of the pages it was installed from, and each file can be cached like a page.

The icons are drawn at first request with Pillow from the logo's shapes and colours
(static/img/favicon.svg): nothing binary is committed, and they are kept in memory.

The service worker is served at `/sw.js` (scope `/`): a few lines made here — the URLs of
Workbox's modules (npm, served from node_modules as static files, hashed in production), of
the offline pages and of the files they need, with their revisions — followed by our own
static/js/service-worker.js. Its routes leave the admin, previews and documents alone;
static/js/offline-register.js does not register it for a signed-in editor.
"""

import functools
import hashlib
import io
import json

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe
from PIL import Image, ImageDraw

from core import languages

# The logo's colours (static/img/favicon.svg) and the page's background.
THEME_COLOUR = "#1f2a37"
BACKGROUND_COLOUR = "#ffffff"
# The logo's "M" on its 32 × 32 grid (favicon.svg's path, as a polygon).
LOGO_M = [
    (7, 24), (7, 8), (10.2, 8), (16, 17), (21.8, 8), (25, 8), (25, 24),
    (21.6, 24), (21.6, 14), (16, 22.4), (10.4, 14), (10.4, 24),
]  # fmt: skip
ICON_SIZES = (192, 512)
MASKABLE_SIZE = 512
# Workbox's modules the worker uses (static/js/service-worker.js).
WORKBOX_MODULES = (
    "workbox-core",
    "workbox-routing",
    "workbox-strategies",
    "workbox-precaching",
    "workbox-range-requests",
)
# What the offline page needs, stored when the worker installs.
OFFLINE_STATIC_FILES = (
    "css/main.css",
    "img/favicon.svg",
    "js/offline-store.js",
    "js/offline-register.js",
    "js/language-menu.js",
    "js/offline-page.js",
)


def draw_icon(size, maskable=False):
    """The logo as a square PNG of `size` pixels.

    A maskable icon fills its square with the theme colour and keeps the "M" within the
    central 80 % circle that every mask shape leaves visible; the plain one has the
    favicon's rounded corners.
    """
    image = Image.new("RGBA", (size, size), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    if maskable:
        draw.rectangle((0, 0, size, size), fill=THEME_COLOUR)
        scale, offset = size * 0.6 / 32, size * 0.2
    else:
        draw.rounded_rectangle((0, 0, size - 1, size - 1), radius=size * 6 / 32, fill=THEME_COLOUR)
        scale, offset = size / 32, 0
    draw.polygon([(offset + x * scale, offset + y * scale) for x, y in LOGO_M], fill="#ffffff")
    return image


@functools.cache
def icon_png(size, maskable=False):
    buffer = io.BytesIO()
    draw_icon(size, maskable).save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


@require_safe
@cache_control(public=True, max_age=86_400)
def icon(request, size, maskable=False):
    if size not in ICON_SIZES:
        return HttpResponse(status=404)
    return HttpResponse(icon_png(size, maskable), content_type="image/png")


def icon_entries():
    entries = [
        {"src": reverse("app_icon", args=[size]), "sizes": f"{size}x{size}", "type": "image/png"}
        for size in ICON_SIZES
    ]
    entries.append(
        {
            "src": reverse("app_icon_maskable", args=[MASKABLE_SIZE]),
            "sizes": f"{MASKABLE_SIZE}x{MASKABLE_SIZE}",
            "type": "image/png",
            "purpose": "maskable",
        }
    )
    return entries


@require_safe
@cache_control(public=True, max_age=3600)
def manifest(request):
    """The web app manifest in the language of the URL."""
    language = translation.get_language()
    home = f"/{language}/"
    data = {
        "id": home,
        "name": str(settings.SITE_NAME),
        "short_name": str(settings.SITE_NAME),
        "description": _("Musées d'histoire et de mémoire des Hauts-de-France"),
        "lang": language,
        "dir": "rtl" if translation.get_language_bidi() else "ltr",
        "start_url": home,
        "scope": home,
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": icon_entries(),
    }
    return JsonResponse(
        data, content_type="application/manifest+json", json_dumps_params={"ensure_ascii": False}
    )


@require_safe
@cache_control(public=True, max_age=3600)
def offline_page(request):
    """What a visitor without signal sees for a page they have not saved; the saved museums
    are listed by static/js/offline-page.js from the worker's storage."""
    response = render(request, "offline.html")
    response["X-Robots-Tag"] = "noindex"
    return response


def offline_url(code):
    with translation.override(code):
        return reverse("offline_page")


def file_revision(path):
    """A short hash of a static file's contents: the worker stores it again when it changes."""
    with open(finders.find(path), "rb") as file:
        return hashlib.sha256(file.read()).hexdigest()[:16]


@functools.cache
def worker_config():
    """What the worker needs to know, computed once per process: Workbox's module URLs, and
    the offline pages and their files with a revision for each."""
    # The offline page's template and every catalogue: a new translation updates the page.
    sources = [loader.get_template("offline.html").origin.name]
    sources += [
        str(path / code / "LC_MESSAGES" / "django.mo")
        for path in settings.LOCALE_PATHS
        for code in languages.CODES
    ]
    digest = hashlib.sha256()
    for source in sources:
        try:
            with open(source, "rb") as file:
                digest.update(file.read())
        except FileNotFoundError:
            continue
    pages_revision = digest.hexdigest()[:16]
    offline_pages = {code: offline_url(code) for code in languages.CODES}
    precache = [{"url": url, "revision": pages_revision} for url in offline_pages.values()]
    precache += [
        {"url": staticfiles_storage.url(path), "revision": file_revision(path)}
        for path in OFFLINE_STATIC_FILES
    ]
    return {
        "workbox": staticfiles_storage.url("vendor/workbox/workbox-sw.js"),
        "modules": {
            name: staticfiles_storage.url(f"vendor/workbox/{name}.prod.js")
            for name in WORKBOX_MODULES
        },
        # What the worker shares with the pages: the saved copies (static/js/offline-store.js).
        "store": staticfiles_storage.url("js/offline-store.js"),
        "precache": precache,
        "languages": languages.CODES,
        "offlinePages": offline_pages,
        "excludedPrefixes": ["/admin/", "/documents/", "/sw.js"],
    }


@functools.cache
def worker_script():
    """The worker's source, made once per process: its configuration, then our script."""
    with open(finders.find("js/service-worker.js"), encoding="utf-8") as file:
        script = file.read()
    return f"self.MEMHISTO_WORKER = {json.dumps(worker_config())};\n{script}"


@require_safe
def service_worker(request):
    """The service worker: its configuration, then our script (static/js/service-worker.js).

    Browsers check it for updates at each visit; it is never cached for long.
    """
    body = worker_script()
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    response["Service-Worker-Allowed"] = "/"
    return response
