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
from django.db.models import Q, prefetch_related_objects
from django.http import Http404, JsonResponse
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from wagtail.images import get_image_model
from wagtail.models import Page

from core import pictures, transcoding
from core.pages import as_specific, public_pages, with_specific_tables
from core.remembered import remembered
from museum_pages import recordings
from museum_pages.models import AudioGuidePage, MuseumPage, VirtualVisitPage
from museum_pages.models.audio_guide import size_text
from museum_pages.models.visit import PANORAMA_LARGE, PANORAMA_SMALL

# What the saved pages load (base.html, the visit's viewer, the audio guide's player).
STATIC_FILES = (
    "css/main.css",
    "img/favicon.svg",
    "js/offline-store.js",
    "js/offline-register.js",
    "js/language-menu.js",
    "js/offline-save.js",
    "js/opening-status.js",
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


# The StreamField of the pages that play recordings, whose blocks name theirs "audio".
RECORDING_FIELDS = {VirtualVisitPage: "scenes", AudioGuidePage: "tracks"}


def recordings_of(pages):
    """The recordings the visits' scenes and the audio guides' tracks play in their
    language (museum_pages.recordings): [media], their speech-sized copies prefetched."""
    found = []
    for page in pages:
        field = RECORDING_FIELDS.get(type(page))
        if field is None:
            continue
        sources = recordings.source_recordings(page, field)
        for block in getattr(page, field):
            audio = recordings.in_language(block.value["audio"], block.id, sources).audio
            if audio is not None:
                found.append(audio)
    prefetch_related_objects(found, "speech_files")
    return found


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
            size += transcoding.stored_size(saved.file)
        for spec in filters:
            other = renditions.get((image.pk, spec))
            if other is not None and other.url != saved.url:
                substitutes[other.url] = saved.url

    for media in recordings_of(pages):
        (first, _type), *others = transcoding.source_files(media)
        if first.url not in urls:
            urls.append(first.url)
            size += transcoding.stored_size(first)
        for other, _type in others:
            substitutes[other.url] = first.url

    for path in STATIC_FILES:
        urls.append(staticfiles_storage.url(path))
        size += static_size(path)

    return {
        "title": museum.title,
        "slug": museum.slug,
        "url": museum.url,
        "language": translation.get_language(),
        "size": size,
        "urls": urls,
        "substitutes": substitutes,
    }


def versions(museums):
    """{museum pk: the latest publication of the museum page or one of its children}, in
    one query whatever the number of museums.

    Asked of the database at each request, never remembered: a saved copy must learn of a
    publication even where another process made it.
    """
    if not museums:
        return {}
    near = Q()
    for museum in museums:
        near |= Q(path__startswith=museum.path, depth__lte=museum.depth + 1)
    published = Page.objects.live().filter(near).values_list("path", "last_published_at")
    latest = dict.fromkeys((museum.pk for museum in museums), "")
    for path, when in published:
        for museum in museums:
            if when and path.startswith(museum.path):
                latest[museum.pk] = max(latest[museum.pk], when.isoformat())
    return latest


def live_museums(slugs, language):
    return public_pages(
        MuseumPage.objects.live().filter(slug__in=slugs, locale__language_code=language)
    ).order_by("path")


@require_safe
def pack_view(request, slug):
    """`/<language>/offline/<museum slug>.json`: the museum's pack in that language."""
    museum = live_museums([slug], translation.get_language()).first()
    if museum is None:
        raise Http404(_("Ce musée n'existe pas dans cette langue."))
    pack = remembered(f"offline-pack:{museum.pk}", lambda: build_pack(museum))
    version = versions([museum])[museum.pk]
    data = {
        **pack,
        "version": version,
        "size_text": size_text(pack["size"]),
        # Where a saved copy asks whether it is up to date, and for its new pack.
        "versions": reverse("offline_versions"),
        "pack": reverse("offline_pack", args=[museum.slug]),
    }
    return always_asked(JsonResponse(data, json_dumps_params={"ensure_ascii": False}))


# A phone asks for the versions of the museums it saved in one language, at most this many.
MAX_VERSIONS = 30


@require_safe
def versions_view(request):
    """`/<language>/offline/versions.json?museums=<slug>,<slug>`: {slug: version} of the
    saved museums that still exist in that language; a copy whose version differs is out
    of date (static/js/offline-store.js saves it again)."""
    slugs = [slug for slug in request.GET.get("museums", "").split(",") if slug][:MAX_VERSIONS]
    museums = list(live_museums(slugs, translation.get_language()))
    latest = versions(museums)
    return always_asked(JsonResponse({museum.slug: latest[museum.pk] for museum in museums}))


def always_asked(response):
    """Never answered from a cache: the version says whether a saved copy is up to date."""
    response["Cache-Control"] = "no-cache"
    return response
