"""A museum's pack for the visit without signal: what "Save for offline" stores on a phone.

The pack of a museum in one language lists the addresses to store — the museum page (its
practical information), its exhibitions, its virtual visits and audio guide, the phone-size
renditions of the pictures they show, the 360° scenes at phone size, the recordings, and
the static files these pages load — with their total size, and a version (the latest
publication of the museum page or a child page) by which a saved copy knows it is out of date.

A picture is stored once, as the WebP rendition a phone of 3 device pixels per CSS pixel
would pick; `substitutes` maps every other rendition of the same picture (another width or
format, the 8192 px panorama) to it, so that the service worker answers any of them offline.
A recording is stored in the first format the player offers (Opus), the others substituted.

Computed once per content event (core.remembered), served as JSON by `pack_view`; the page
itself does not compute it (static/js/offline-save.js asks for it).
"""

import os
import re

from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.db.models import Max
from django.http import Http404, JsonResponse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.images import get_image_model
from wagtail.models import Page

from core import pictures
from core.models import SpeechFiles
from core.pages import as_specific, public_pages, with_specific_tables
from core.remembered import remembered
from museum_pages.models import AudioGuidePage, MuseumPage, VirtualVisitPage
from museum_pages.models.audio_guide import size_text
from museum_pages.models.visit import PANORAMA_LARGE, PANORAMA_SMALL

# What the saved pages load (base.html, the visit's viewer, the audio guide's player).
STATIC_FILES = (
    "css/main.css",
    "img/favicon.svg",
    "js/offline-register.js",
    "js/language-menu.js",
    "js/offline-save.js",
    "css/virtual-visit.css",
    "css/visit-noscript.css",
    "vendor/pannellum/pannellum.css",
    "vendor/pannellum/pannellum.js",
    "js/virtual-visit.js",
    "css/audio-guide.css",
    "js/audio-guide.js",
)
# The pictures a saved page shows, by use (core.pictures), and the panoramas of the viewer.
SHOWN_USES = (pictures.HERO, pictures.FIGURE, pictures.SCENE)
# Widest rendition kept for a phone: 390 CSS pixels × 3 device pixels, rounded up.
PHONE_WIDTH = 1280
# The pages' HTML is not measured: a saved page weighs about this much.
PAGE_BYTES = 60_000
WIDTH = re.compile(r"(?:width|fill)-(\d+)")


def phone_filter(filters):
    """The WebP filter of `filters` a phone keeps: the widest up to PHONE_WIDTH."""
    webp = [spec for spec in filters if "format-webp" in spec]
    fitting = [spec for spec in webp if int(WIDTH.search(spec).group(1)) <= PHONE_WIDTH]
    return max(fitting or webp, key=lambda spec: int(WIDTH.search(spec).group(1)))


def pictures_shown(page):
    """[(image, filters shown on the page, filter kept)] of a pack's page: its hero, the
    images of its body, the scenes of a visit (flat pictures and panoramas)."""
    shown = []
    for image, filters in page.pictures_used():
        for use in SHOWN_USES:
            if set(use.filters) <= set(filters):
                shown.append((image, use.filters, phone_filter(use.filters)))
        if PANORAMA_SMALL in filters:
            shown.append((image, (PANORAMA_SMALL, PANORAMA_LARGE), PANORAMA_SMALL))
    return shown


def recordings_of(page):
    """The recordings a visit's scenes or an audio guide's tracks play: [media]."""
    if isinstance(page, VirtualVisitPage):
        items = page.visit_scenes()
    elif isinstance(page, AudioGuidePage):
        items = page.guide_tracks()
    else:
        return []
    return [item for item in items if item["audio"]]


def source_size(media, url):
    """The size in bytes of the file behind one of a recording's sources (core.transcoding)."""
    try:
        speech = media.speech_files
    except SpeechFiles.DoesNotExist:
        speech = None
    files = [speech.opus, speech.mp3] if speech is not None else []
    for file in [*files, media.file]:
        if file and file.url == url:
            try:
                return file.size
            except (OSError, ValueError):
                return 0
    return 0


def static_size(path):
    found = finders.find(path)
    try:
        return os.path.getsize(found)
    except (TypeError, OSError):
        return 0


def build_pack(museum):
    """The pack of `museum` (a live MuseumPage) in its own language, as plain data."""
    groups = museum.children_by_type()
    ids = [child.pk for group in ("exhibits", "visits", "audio_guides") for child in groups[group]]
    rows = with_specific_tables(public_pages(Page.objects.live().filter(pk__in=ids)))
    pages = [museum, *sorted((as_specific(row) for row in rows), key=lambda page: page.path)]

    urls = [page.url for page in pages]
    size = PAGE_BYTES * len(pages)
    substitutes = {}

    shown = [entry for page in pages for entry in pictures_shown(page)]
    wanted = {spec for _image, filters, _kept in shown for spec in filters}
    renditions = {
        (rendition.image_id, rendition.filter_spec): rendition
        for rendition in get_image_model()
        .get_rendition_model()
        .objects.filter(image__in={image.pk for image, _f, _k in shown}, filter_spec__in=wanted)
    }
    for image, filters, kept in shown:
        saved = renditions.get((image.pk, kept))
        if saved is None:
            continue  # not made yet (core.renditions makes them after a publication)
        if saved.url not in urls:
            urls.append(saved.url)
            size += saved.file.size if saved.file.storage.exists(saved.file.name) else 0
        for spec in filters:
            other = renditions.get((image.pk, spec))
            if other is not None and other.url != saved.url:
                substitutes[other.url] = saved.url

    for item in (item for page in pages for item in recordings_of(page)):
        first, *others = item["audio_sources"]
        if first["url"] not in urls:
            urls.append(first["url"])
            size += source_size(item["audio"], first["url"])
        for source in others:
            substitutes[source["url"]] = first["url"]

    for path in STATIC_FILES:
        urls.append(staticfiles_storage.url(path))
        size += static_size(path)

    return {
        "title": museum.title,
        "url": museum.url,
        "language": translation.get_language(),
        "size": size,
        "urls": urls,
        "substitutes": substitutes,
    }


def version(museum):
    """The latest publication of the museum page or one of its children, in its language.

    Asked of the database at each request (one query), never remembered: a saved copy must
    learn of a publication even where another process made it.
    """
    latest = (
        Page.objects.live()
        .descendant_of(museum, inclusive=True)
        .filter(depth__lte=museum.depth + 1)
        .aggregate(latest=Max("last_published_at"))["latest"]
    )
    return latest.isoformat() if latest else ""


@require_safe
def pack_view(request, slug):
    """`/<language>/offline/<museum slug>.json`: the museum's pack in that language."""
    language = translation.get_language()
    museum = (
        public_pages(MuseumPage.objects.live().filter(slug=slug, locale__language_code=language))
        .order_by("path")
        .first()
    )
    if museum is None:
        raise Http404(_("Ce musée n'existe pas dans cette langue."))
    pack = remembered(f"offline-pack:{museum.pk}", lambda: build_pack(museum))
    data = {**pack, "version": version(museum), "size_text": size_text(pack["size"])}
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    # Always asked again: the version says whether a saved copy is up to date.
    response["Cache-Control"] = "no-cache"
    return response
