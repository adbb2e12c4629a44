"""Search latency on PostgreSQL with a large network: median and 95th percentile.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/memhisto_bench \\
        .venv/bin/python bench/search_latency.py --pages 10000

Builds the demo network (load_network) in that database, adds `--pages` exhibition pages
spread across the four languages and the 14 museums (indexed as editors' saves are, by
the search signal handlers), then times full requests to /<lang>/search/?q=… and
/<lang>/search/suggest/?q=… with Django's test client. Run it again on the same database
to time searches only: pages already there are counted, not created twice.
"""

import argparse
import os
import random
import statistics
import sys
import time
from pathlib import Path

from load import percentile

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "memhisto.settings.test")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from wagtail.models import Locale  # noqa: E402

from museum_pages.models import ExhibitPage, MuseumPage  # noqa: E402

WORDS = {
    "fr": [
        "tranchée",
        "soldats",
        "mémoire",
        "bataille",
        "mine",
        "charbon",
        "port",
        "évacuation",
        "résistance",
        "déportation",
        "tunnel",
        "carrière",
        "obus",
        "casque",
        "lettre",
        "front",
        "offensive",
        "abri",
        "galerie",
    ],
    "en": [
        "trench",
        "soldiers",
        "memory",
        "battle",
        "mine",
        "coal",
        "port",
        "evacuation",
        "resistance",
        "deportation",
        "tunnel",
        "quarry",
        "shell",
        "helmet",
        "letter",
        "front",
        "offensive",
        "shelter",
        "gallery",
    ],
    "de": [
        "Schützengraben",
        "Soldaten",
        "Erinnerung",
        "Schlacht",
        "Bergwerk",
        "Kohle",
        "Hafen",
        "Evakuierung",
        "Widerstand",
        "Deportation",
        "Tunnel",
        "Steinbruch",
        "Granate",
        "Helm",
        "Brief",
        "Front",
        "Offensive",
    ],
    "nl": [
        "loopgraaf",
        "soldaten",
        "herinnering",
        "slag",
        "mijn",
        "steenkool",
        "haven",
        "evacuatie",
        "verzet",
        "deportatie",
        "tunnel",
        "groeve",
        "granaat",
        "helm",
        "brief",
        "front",
        "offensief",
        "schuilplaats",
    ],
}
QUERIES = {
    "fr": ["Fromelles", "tunnels", "mine", "V1", "bataille soldats", "memorial", "Dunkerque"],
    "en": ["Fromelles", "tunnels", "mine", "V1", "battle soldiers", "memorial", "Dunkirk"],
    "de": ["Fromelles", "Tunnel", "Bergwerk", "V1", "Schlacht Soldaten", "Dünkirchen"],
    "nl": ["Fromelles", "tunnels", "mijn", "V1", "slag soldaten", "Duinkerken"],
}


def build(pages):
    call_command("migrate", verbosity=0)
    call_command("load_network", verbosity=0)
    existing = ExhibitPage.objects.filter(slug__startswith="bench-").count()
    missing = pages - existing
    rng = random.Random(7)
    locales = list(Locale.objects.filter(language_code__in=WORDS))
    museums = {
        locale.pk: list(MuseumPage.objects.filter(locale=locale).order_by("path"))
        for locale in locales
    }
    started = time.perf_counter()
    for number in range(existing, existing + max(missing, 0)):
        locale = locales[number % len(locales)]
        words = WORDS[locale.language_code]
        parent = museums[locale.pk][number % len(museums[locale.pk])]
        parent.refresh_from_db(fields=["numchild", "path", "depth"])
        parent.add_child(
            instance=ExhibitPage(
                title=" ".join(rng.sample(words, 3)).capitalize() + f" {number}",
                slug=f"bench-{number}",
                intro=" ".join(rng.choices(words, k=40)),
                locale=locale,
            )
        )
    if missing > 0:
        elapsed = time.perf_counter() - started
        print(f"created and indexed {missing} pages in {elapsed:.0f} s")


def timed(client, url, repeat):
    client.get(url)  # warm up: renditions, caches
    durations = []
    for _ in range(repeat):
        started = time.perf_counter()
        response = client.get(url)
        durations.append((time.perf_counter() - started) * 1000)
        if response.status_code != 200:
            sys.exit(f"{url}: HTTP {response.status_code}")
    return durations


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database: this bench is for PostgreSQL.")

    build(args.pages)
    total = ExhibitPage.objects.count() + MuseumPage.objects.count()
    print(f"PostgreSQL {connection.pg_version}, {total} museum and exhibition pages indexed")

    client = Client()
    for kind, path in (
        ("search", "/{lang}/search/?q={q}"),
        ("suggest", "/{lang}/search/suggest/?q={q}"),
    ):
        durations = []
        for lang, queries in QUERIES.items():
            for query in queries:
                q = query if kind == "search" else query[:4]
                durations += timed(client, path.format(lang=lang, q=q), args.repeat)
        print(
            f"{kind:8} {len(durations):4} requests  median {statistics.median(durations):6.1f} ms"
            f"  p95 {percentile(durations, 0.95):6.1f} ms  max {max(durations):6.1f} ms"
        )


if __name__ == "__main__":
    main()
