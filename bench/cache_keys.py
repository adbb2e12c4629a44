"""Page-cache entries made by variants of one URL: tracking parameters and parameters the
page does not read must not make entries of their own (issue #16: target 1)."""

import time

import redis
from output import verdict
from server import fetch
from services import REDIS_URL, flush_redis

VARIANTS = 200


def page_entries():
    """Page entries in Redis (not the generation, nor what a path's parameters are)."""
    keys = redis.Redis.from_url(REDIS_URL).scan_iter(match="*page-cache:*", count=1000)
    return sum(
        1 for key in keys if b"page-cache:generation" not in key and b":parameters:" not in key
    )


def report(port, path):
    """Each kind of variant against an empty cache: `path` once, then 200 variants."""
    kinds = {
        "tracking parameters (?fbclid=…, ?utm_source=…)": lambda n: (
            f"fbclid=IwAR{n}" if n % 2 else f"utm_source=news{n}&utm_medium=email"
        ),
        "parameters the page does not read (?ref=…)": lambda n: f"ref={n}",
    }
    # Requests the load phase left in flight are answered (and stored) meanwhile.
    time.sleep(5)
    for label, query in kinds.items():
        flush_redis()
        statuses = {fetch(port, path)[0]}
        statuses |= {fetch(port, f"{path}?{query(n)}")[0] for n in range(VARIANTS)}
        entries = page_entries()
        print(
            f"   {path} + {VARIANTS} variants, {label}: {entries} cache entr"
            f"{'y' if entries == 1 else 'ies'} (target 1) {verdict(entries == 1)}; "
            f"statuses {sorted(statuses)}"
        )
