"""Whole-page cache for anonymous visitors.

A page that a visitor without a session asks for is stored, whole, in the cache (Redis in
production, local memory in development), keyed by its full URL — scheme, host, language
prefix, path and the query-string parameters the page reads (tracking parameters and the
parameters a page does not read make no new entry) — and the language it is answered in.
A hit answers before the session, the user or the database is touched: zero SQL queries.
Each app process also keeps the pages it served last in its own memory, so that a hit
usually costs no round trip to Redis either (a publication reaches those copies within a
second, below).

What is never stored: anything but a GET or HEAD answered 200; requests that carry a session
cookie (logged-in editors, translators, anyone who opened the admin); the admin, previews
and documents (`PAGE_CACHE_EXCLUDED_PATHS`); responses that set a cookie, that say
`private`, `no-cache`, `no-store` or `max-age=0` (search and `/healthz` say so), or that
vary on anything but the cookie, the encoding and the language.

How long: as long as the response's own `max-age` allows (museum and home pages cap it at
the next change of an opening status they show), never more than `PAGE_CACHE_SECONDS`.
A hit's `max-age` is lowered to the time the entry has left, so that browsers and CDNs
downstream never keep a page past the moment it goes stale.

Invalidation: publishing, unpublishing, moving or deleting a page, publishing a translation,
and changing a theme, an image, a document, a page's view restriction or a site bump a generation
number; an entry stored under an older generation is never served, so the whole page cache
is dropped at once. A page shows up in many other pages — its parent's listing, the home map
and cards, the GeoJSON feed, nearby museums, the footer, the language switcher and hreflang
of its translations, the sitemap — and a dependency graph would be one more thing to get
wrong; publishing happens a few times a day, and the first visitors after it rebuild the few
pages that matter in milliseconds each.

The same generation keeps the small values that only a content event changes
(core.remembered). Which models' changes count as content events is declared by each app,
in its `ready()`, with `clear_on_change()`.
"""

import hashlib
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.utils import translation
from django.utils.cache import cc_delim_re, get_max_age, patch_cache_control
from django.utils.http import urlencode
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.query_params import without_tracking

GENERATION_KEY = "page-cache:generation"
UNCACHEABLE_DIRECTIVES = {"private", "no-cache", "no-store"}
# Cookie: only requests without a session are served. Accept-Language: the language is in the key.
HARMLESS_VARY_HEADERS = {"cookie", "accept-encoding", "accept-language"}


def shared_cache():
    """The cache that holds the pages and the generation (Redis in production)."""
    return caches[settings.PAGE_CACHE_ALIAS]


def clear_page_cache(**kwargs):
    """Drop every cached page: entries stored under an older generation are never served.

    This process forgets its copies at once; the other app servers within
    `PAGE_CACHE_GENERATION_CHECK_SECONDS`, when they next read the generation.
    """
    cache = shared_cache()
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # no generation yet, or it was evicted
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)
    _local_copies.clear()
    _known_generation.update(value=None, read_at=0.0)


class LocalCopies:
    """The entries of the pages this process served last, at most `size`, kept as they are
    (tuples of plain values): unlike a LocMemCache, no pickling of the page on every hit.
    Whether an entry is still fresh is the caller's question (`_is_fresh`)."""

    def __init__(self, size):
        self.size = size
        self.entries = OrderedDict()
        self.lock = threading.Lock()  # for threaded servers (runserver)

    def get(self, key):
        with self.lock:
            entry = self.entries.get(key)
            if entry is not None:
                self.entries.move_to_end(key)
            return entry

    def set(self, key, entry):
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            if len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self):
        with self.lock:
            self.entries.clear()


# Each app process keeps its own copies of the pages it served last, in memory, and reads
# the shared generation at most once a second: a hit then costs no round trip to Redis.
_local_copies = LocalCopies(size=500)
_known_generation = {"value": None, "read_at": 0.0}


def current_generation(cache, now):
    """The generation in force, read from the shared cache at most once a second."""
    if now - _known_generation["read_at"] < settings.PAGE_CACHE_GENERATION_CHECK_SECONDS:
        return _known_generation["value"]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        generation = cache.get(GENERATION_KEY)
    _known_generation.update(value=generation, read_at=now)
    return generation


def _key(request, language, parameters=None):
    """The full URL and the language it is answered in: the path's prefix, or for the few
    unprefixed URLs (sitemap, feed) the visitor's Accept-Language.

    Tracking parameters (utm_*, fbclid…) are left out, and so are the parameters the page
    does not read, when it is known (`parameters`); the others are sorted: a link shared
    with `?fbclid=…` is the same page, not one more entry.
    """
    url = request.build_absolute_uri(request.path)
    if request.META.get("QUERY_STRING"):  # most hits have none: no parsing on their path
        kept = without_tracking(request.GET)
        query = urlencode(
            sorted(
                (name, value)
                for name in kept
                if parameters is None or name in parameters
                for value in kept.getlist(name)
            )
        )
        url += f"?{query}" if query else ""
    return f"page-cache:{language}:{hashlib.sha256(url.encode()).hexdigest()}"


def reads_parameters(response, names):
    """Says that `response` depends on these query-string parameters only (a page's
    `query_parameters`): the page cache keeps it under a key made of them, and the next
    request for the same path with other parameters finds it there."""
    response.page_cache_parameters = tuple(names)
    return response


def _parameters_key(request, language):
    return f"page-cache:parameters:{language}:{hashlib.sha256(request.path.encode()).hexdigest()}"


def _is_cacheable_request(request):
    return (
        request.method in ("GET", "HEAD")
        # Wagtail renders previews with a "dummy" request at the page's public address.
        and not getattr(request, "is_dummy", False)
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        and not request.path.startswith(tuple(settings.PAGE_CACHE_EXCLUDED_PATHS))
    )


def _lifetime(response):
    """Seconds the response may be kept, or 0 when it must not be stored."""
    if response.status_code != 200 or response.streaming or response.cookies:
        return 0
    directives = {
        directive.split("=")[0].strip().lower()
        for directive in cc_delim_re.split(response.get("Cache-Control", ""))
    }
    if directives & UNCACHEABLE_DIRECTIVES:
        return 0
    vary = {header.strip().lower() for header in cc_delim_re.split(response.get("Vary", ""))}
    if vary - HARMLESS_VARY_HEADERS - {""}:
        return 0
    max_age = get_max_age(response)
    ceiling = settings.PAGE_CACHE_SECONDS
    return ceiling if max_age is None else min(max_age, ceiling)


class PageCacheMiddleware:
    """Serves and stores anonymous pages; see the module docstring for the rules."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not _is_cacheable_request(request):
            return self.get_response(request)

        cache = shared_cache()
        now = time.time()
        generation = current_generation(cache, now)
        language = translation.get_language_from_request(request, check_path=True)
        key = _key(request, language)
        entry = _lookup(cache, key, generation, now)
        if entry is None and request.META.get("QUERY_STRING"):
            # Stored under the parameters the page reads, if an earlier answer said which.
            known = _lookup(cache, _parameters_key(request, language), generation, now)
            if known is not None:
                key = _key(request, language, known[-1])
                entry = _lookup(cache, key, generation, now)
        if entry is not None:
            return _from_entry(entry)

        response = self.get_response(request)
        lifetime = _lifetime(response)
        if lifetime > 0:
            # Kept under the generation current when the request began: a page rendered
            # while an editor was publishing is never served after the publication.
            parameters = getattr(response, "page_cache_parameters", None)
            if parameters is not None and request.META.get("QUERY_STRING"):
                key = _key(request, language, parameters)
                remembered = (generation, now + lifetime, parameters)
                _store(cache, _parameters_key(request, language), remembered, lifetime)
            _store(cache, key, _to_entry(response, generation, lifetime), lifetime)
            response["X-Cache"] = "MISS"
        return response


def _lookup(cache, key, generation, now):
    """The fresh entry under `key`, from this process's copies or the shared cache."""
    entry = _local_copies.get(key)
    if not _is_fresh(entry, generation, now):
        entry = cache.get(key)
        if not _is_fresh(entry, generation, now):
            return None
        _local_copies.set(key, entry)
    return entry


def _store(cache, key, entry, lifetime):
    cache.set(key, entry, timeout=lifetime)
    _local_copies.set(key, entry)


def _is_fresh(entry, generation, now):
    return entry is not None and entry[0] == generation and entry[1] > now


def _to_entry(response, generation, lifetime):
    """Plain values, quicker to (un)pickle than the response object."""
    return (
        generation,
        time.time() + lifetime,
        response.status_code,
        tuple(response.items()),  # as they are now: the middleware above adds more
        response.content,
    )


def _from_entry(entry):
    _generation, expires_at, status, headers, content = entry
    response = HttpResponse(content, status=status, headers=dict(headers))
    if get_max_age(response) is not None:
        # Downstream caches must not keep the page past the moment it goes stale.
        patch_cache_control(response, max_age=max(0, int(expires_at - time.time())))
    response["X-Cache"] = "HIT"
    return response


def _saved_outside_a_publication(sender, raw=False, **kwargs):
    if not raw:  # fixtures being loaded are not content events
        clear_page_cache()


def clear_on_change(*models):
    """Clear the page cache whenever an object of one of `models` is saved or deleted.

    Each app declares, in its `ready()`, the models whose changes show on pages without a
    page being published (core: images, documents, view restrictions, sites; network:
    themes). Connected per model, so that other saves (a rendition, a session) cost nothing.
    """
    for model in models:
        uid = f"page-cache-{model._meta.label_lower}"
        post_save.connect(_saved_outside_a_publication, sender=model, dispatch_uid=f"{uid}-save")
        post_delete.connect(clear_page_cache, sender=model, dispatch_uid=f"{uid}-delete")


def clear_on_page_events():
    """Publications, unpublications, moves and deletions of pages clear the page cache."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(clear_page_cache, dispatch_uid=f"page-cache-{signal!r}")
    post_delete.connect(clear_page_cache, sender=Page, dispatch_uid="page-cache-page-deleted")
