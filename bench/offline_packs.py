"""Each museum's offline pack (museum_pages/offline.py): its size, and the time to save it.

Against a running site (`make run`, http://127.0.0.1:8000 by default), for every museum of
the GeoJSON feed in each language asked for: the pack's declared size, then every address
of the pack downloaded once, as "Save for offline" does (four at a time), with the bytes
actually received and the time it took. The target is 25 MB per pack with the demo media.

    .venv/bin/python bench/offline_packs.py [--site http://127.0.0.1:8000] [--languages de,fr]
"""

import argparse
import json
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlsplit

TARGET_BYTES = 25_000_000
PARALLEL = 4


def get(url):
    with urllib.request.urlopen(url, timeout=120) as response:  # noqa: S310 (our own site)
        return response.read()


def museum_slugs(site, language):
    feed = json.loads(get(f"{site}/api/museums.geojson?lang={language}"))
    return [
        (
            feature["properties"]["name"],
            urlsplit(feature["properties"]["url"]).path.strip("/").split("/")[-1],
        )
        for feature in feed["features"]
    ]


def save_time(site, urls):
    """(bytes received, seconds) to download every address of a pack."""
    started = time.perf_counter()
    with ThreadPoolExecutor(PARALLEL) as pool:
        received = sum(len(body) for body in pool.map(lambda url: get(site + url), urls))
    return received, time.perf_counter() - started


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="http://127.0.0.1:8000")
    parser.add_argument("--languages", default="de", help="comma-separated, e.g. de,fr")
    args = parser.parse_args()
    print(f"Offline packs on {args.site} (target ≤ {TARGET_BYTES / 1e6:.0f} MB)")
    for language in args.languages.split(","):
        for name, slug in museum_slugs(args.site, language):
            pack = json.loads(get(f"{args.site}/{language}/offline/{slug}.json"))
            received, seconds = save_time(args.site, pack["urls"])
            verdict = "ok" if received <= TARGET_BYTES else "OVER"
            print(
                f"  {language} {name[:40]:40} {len(pack['urls']):4} files"
                f"  declared {pack['size'] / 1e6:6.1f} MB  received {received / 1e6:6.1f} MB"
                f"  saved in {seconds:5.1f} s  {verdict}"
            )


if __name__ == "__main__":
    main()
