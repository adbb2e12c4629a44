"""Each museum's offline pack (museum_pages/offline.py): its size, and the time to save it.

Against a running site (`make run`, http://127.0.0.1:8000 by default), for every museum of
the GeoJSON feed in each language asked for: the pack's declared size, then every address
of the pack downloaded once, as "Save for offline" does (four at a time), with the bytes
actually received and the time it took. The target is 25 MB per pack with the demo media.

    .venv/bin/python bench/offline_packs.py [--site http://127.0.0.1:8000] [--languages de,fr]

With `--demo-site`, the site is one of its own, built for the measure with the demo's speech
(MEMHISTO_DEMO_AUDIO=1: espeak-ng and ffmpeg) in `.bench/offline-packs/` (a SQLite database
and a media folder, kept for the next run: `--rebuild` builds them again), and served by
`manage.py runserver` on a free port while it runs. `--museum SLUG` (repeatable) builds and
measures only these museums; all by default.

    .venv/bin/python bench/offline_packs.py --demo-site --museum carriere-wellington
"""

import argparse
import contextlib
import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import urlsplit

TARGET_BYTES = 25_000_000
PARALLEL = 4
ROOT = Path(__file__).resolve().parent.parent
WORKDIR = ROOT / ".bench" / "offline-packs"


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


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def demo_site(museums, rebuild):
    """A site of its own with the demo's speech, built when missing; yields its address."""
    env = {
        **{key: value for key, value in os.environ.items() if key != "DATABASE_URL"},
        "DJANGO_SETTINGS_MODULE": "memhisto.settings.dev",
        "DATABASE_URL": f"sqlite:///{WORKDIR / 'db.sqlite3'}",
        "MEDIA_ROOT": str(WORKDIR / "media"),
        "MEMHISTO_DEMO_AUDIO": "1",
    }
    manage = [sys.executable, str(ROOT / "manage.py")]
    built = WORKDIR / ("built-" + "-".join(sorted(museums)) if museums else "built-all")
    # A site built with every museum serves any of them.
    if rebuild or not (built.exists() or (WORKDIR / "built-all").exists()):
        shutil.rmtree(WORKDIR, ignore_errors=True)
        WORKDIR.mkdir(parents=True)
        print(f"Building the demo site with its speech in {WORKDIR} (a few minutes)…")
        only = [argument for slug in museums for argument in ("--museum", slug)]
        for command in (["migrate", "--noinput"], ["compile_catalogues"], ["load_network", *only]):
            subprocess.run([*manage, *command], env=env, cwd=ROOT, check=True)  # noqa: S603
        built.touch()
    port = free_port()
    with open(WORKDIR / "runserver.log", "w") as log:
        server = subprocess.Popen(  # noqa: S603
            [*manage, "runserver", f"127.0.0.1:{port}", "--noreload"],
            env=env,
            cwd=ROOT,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    site = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                get(f"{site}/fr/")
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    sys.exit(f"runserver did not answer: see {WORKDIR / 'runserver.log'}")
                time.sleep(1)
        yield site
    finally:
        server.terminate()
        server.wait(timeout=30)


def report(site, languages, museums):
    print(f"Offline packs on {site} (target ≤ {TARGET_BYTES / 1e6:.0f} MB)")
    for language in languages:
        for name, slug in museum_slugs(site, language):
            if museums and slug not in museums:
                continue
            pack = json.loads(get(f"{site}/{language}/offline/{slug}.json"))
            received, seconds = save_time(site, pack["urls"])
            audio = sum(1 for url in pack["urls"] if url.endswith((".opus", ".mp3", ".ogg")))
            verdict = "ok" if received <= TARGET_BYTES else "OVER"
            print(
                f"  {language} {name[:40]:40} {len(pack['urls']):4} files ({audio:3} audio)"
                f"  declared {pack['size'] / 1e6:6.1f} MB  received {received / 1e6:6.1f} MB"
                f"  saved in {seconds:5.1f} s  {verdict}"
            )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", default="http://127.0.0.1:8000")
    parser.add_argument("--languages", default="de", help="comma-separated, e.g. de,fr")
    parser.add_argument(
        "--demo-site", action="store_true", help="build and serve a site with the demo's speech"
    )
    parser.add_argument("--museum", action="append", default=[], metavar="SLUG")
    parser.add_argument("--rebuild", action="store_true", help="with --demo-site: build it again")
    args = parser.parse_args()
    languages = args.languages.split(",")
    if args.demo_site:
        with demo_site(args.museum, args.rebuild) as site:
            report(site, languages, args.museum)
    else:
        report(args.site, languages, args.museum)


if __name__ == "__main__":
    main()
