"""Small values that many pages show and only a content event changes, kept between requests.

The site and its root paths, the footer's links, the museums' positions, each museum's
practical rows and children: a page rendered on a cache miss reads them from this process's
memory, else from the shared cache, and does not query them again until the page cache's
generation changes (core.page_cache: a publication, a theme or an image saved…).
"""

import time

from wagtail.models import Site

from core import page_cache

# Values go stale with the generation; the timeout only lets the cache forget those of
# older generations.
REMEMBERED_SECONDS = 24 * 60 * 60
# {name: (generation, value)}: a handful of names (per language, per host, per museum).
_remembered_here = {}
REMEMBERED_NAMES_HELD = 1024


def remembered(name, compute):
    """`compute()`, kept until the next content event (the page cache's generation).

    The value is pickled into the shared cache: plain values, or model instances that the
    caller only reads (every request of the process shares them, so never mutate one).
    `name` says what the value depends on (the language, the museum…).
    """
    cache = page_cache.shared_cache()
    generation = page_cache.current_generation(cache, time.time())
    known = _remembered_here.get(name)
    if known is not None and known[0] == generation:
        return known[1]
    key = f"page-data:{generation}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout=REMEMBERED_SECONDS)
    if len(_remembered_here) >= REMEMBERED_NAMES_HELD:
        _remembered_here.clear()
    _remembered_here[name] = (generation, value)
    return value


def site_root_paths():
    """Wagtail's `Site.get_site_root_paths()`, remembered (one cache read less per use)."""
    return remembered("site-root-paths", Site.get_site_root_paths)


def site_for_request(request):
    """Wagtail's `Site.find_for_request()`, remembered per host and port (one query less).

    The host is the validated one (ALLOWED_HOSTS), so that the names stay few.
    """
    name = f"site:{request.get_host()}:{request.get_port()}"
    return remembered(name, lambda: Site.find_for_request(request))
