"""SQL queries per page type, counted in a Django process of their own (this file, as a script).

production.py runs `python bench/queries.py` with the benchmark's environment (production
settings, its database and Redis: `services.django_env`) and reads what it prints, as JSON:
the page URLs of each type, the queries of each sampled page on a miss, after a publication
and on a hit, and the name of the session cookie. `measure` runs it, `report` prints it.
"""

import json
from urllib.parse import urlsplit

from output import short, verdict
from server import HTTPS
from services import run_script

SEARCH_URL = "/fr/search/?q=mine"


# In the benchmark's process -----------------------------------------------------------


def measure(env):
    """Page URLs per type, and SQL queries per request, from a Django process (this script)."""
    return run_script(__file__, env)


def report(site, kinds):
    """One line per page type: its counts beside the targets (≤ 12 on a miss, 0 on a hit)."""
    urls, queries = site["urls"], site["queries"]
    print(
        "   miss: page cache off; after publication: the same with nothing remembered"
        " (core.remembered); hit: an anonymous visit after another one"
    )
    for kind in kinds:
        miss, cold, hit = (queries[name][kind] for name in ("miss", "cold", "hit"))
        same = "same on each page" if len(set(miss)) == len(set(cold)) == 1 else "varies"
        hits = "" if kind == "search" else f"  hit 0: {verdict(max(hit) == 0)}"
        print(
            f"   {kind:8} {short(urls[kind][0])} miss {miss} after publication {cold}"
            f" ({same}) hit {hit}  ≤ 12: {verdict(max(miss + cold) <= 12)}{hits}"
        )


# In Django's process ------------------------------------------------------------------


def main():
    """Run inside Django (production settings): print page URLs and query counts as JSON."""
    import django

    django.setup()
    from django.conf import settings
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Locale

    from core.page_cache import clear_page_cache
    from home.models import NetworkHomePage
    from museum_pages.models import EventPage, ExhibitPage, MuseumPage, VirtualVisitPage

    models = {
        "home": NetworkHomePage,
        "museum": MuseumPage,
        "exhibit": ExhibitPage,
        "visit": VirtualVisitPage,
        "event": EventPage,
    }
    urls = {}
    for kind, model in models.items():
        pages = model.objects.live().filter(locale__in=Locale.objects.all()).order_by("path")
        urls[kind] = [urlsplit(page.get_url()).path for page in pages]
    # Same order for every type: French first, then the other languages.
    for kind in urls:
        urls[kind].sort(key=lambda url: (url.split("/")[1] != "fr", url))
    urls["search"] = [SEARCH_URL, "/en/search/?q=mine", "/de/search/?q=Bergwerk"]

    def queries_of(path, cookies):
        """SQL queries of one GET by a new visitor (as wrk sends it: no cookie but `cookies`)."""
        client = Client(headers={**HTTPS, "Host": "127.0.0.1"})
        for name, value in cookies.items():
            client.cookies[name] = value
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path, secure=True)
        if response.status_code != 200:
            raise SystemExit(f"{path}: HTTP {response.status_code}")
        return len(captured)

    misses, colds, hits = {}, {}, {}
    for kind, paths in urls.items():
        sample = paths[:2] + [p for p in paths if p.startswith("/en/")][:1] + paths[-1:]
        misses[kind], colds[kind], hits[kind] = [], [], []
        for path in dict.fromkeys(sample):
            # A miss: an anonymous visitor with the page cache off (what a cache miss costs).
            with override_settings(PAGE_CACHE_SECONDS=0):
                queries_of(path, {})  # first render: renditions, template caches
                misses[kind].append(queries_of(path, {}))
                clear_page_cache()  # as after a publication: nothing remembered
                colds[kind].append(queries_of(path, {}))
            queries_of(path, {})  # an anonymous visit fills the page cache
            hits[kind].append(queries_of(path, {}))
    queries = {"miss": misses, "cold": colds, "hit": hits}
    result = {"urls": urls, "queries": queries, "session_cookie": settings.SESSION_COOKIE_NAME}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
