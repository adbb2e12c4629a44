"""Production benchmark: the site under gunicorn on PostgreSQL and Redis, measured in one run.

    make bench                      # from a fresh clone; or: .venv/bin/python bench/production.py
    make bench BENCH_ARGS=--rebuild # drop and rebuild the benchmark database first

Builds (or reuses) the PostgreSQL database, collects static files into a temporary
STATIC_ROOT, starts gunicorn (2 workers, production settings) on a free local port, then
measures with wrk: the static-file ceiling, cached pages, uncached latency, SQL queries
per page type, a 60-second load, and Lighthouse at mobile settings. It prints every figure
beside the issue's target; a missed target is reported, not fatal. See bench/README.md.

This file runs the phases in order; each lives in a module beside it: services.py (the
environment, database, Redis, static files), server.py (gunicorn), queries.py (SQL queries
per page, in a Django process of its own), load.py (wrk, latency), lighthouse.py, and
output.py (headings, verdicts, phase timings). It installs nothing: a missing tool stops it
at once with the command that installs it.
"""

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

import cache_keys
import first_view
import lighthouse
import load
import queries
import server
import services
from output import Phases

PAGE_TYPES = ["home", "museum", "exhibit", "visit", "event", "search"]
CACHED_TYPES = ["home", "museum", "visit", "search"]
LIGHTHOUSE_TYPES = ["home", "museum", "visit", "search"]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rebuild", action="store_true", help="drop and rebuild the database")
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk throughput run")
    parser.add_argument("--load", type=int, default=60, help="seconds of the 32-connection load")
    parser.add_argument("--requests", type=int, default=200, help="uncached requests per page")
    parser.add_argument("--no-lighthouse", action="store_true")
    return parser.parse_args()


def check_tools(with_lighthouse):
    """Stop before any phase when a tool is missing: the benchmark installs nothing itself."""
    missing = [] if shutil.which("wrk") else ["wrk (Debian package): apt-get install wrk"]
    if with_lighthouse:
        missing += lighthouse.missing()
    if missing:
        needs = "".join(f"\n   {need}" for need in missing)
        sys.exit(f"The benchmark needs (see bench/README.md):{needs}")


def main():
    args = parse_args()
    check_tools(with_lighthouse=not args.no_lighthouse)
    phases = Phases()
    workdir = Path(tempfile.mkdtemp(prefix="memhisto-bench-"))
    static_root = workdir / "static"
    env = services.django_env(STATIC_ROOT=str(static_root))
    port = server.free_port()
    print(
        f"Mem'Histo production benchmark — database {services.DATABASE}, Redis {services.REDIS_URL}"
    )
    print(f"   work directory {workdir}; {os.cpu_count()} CPUs; port {port}")

    with phases("Database (migrate, demo network)"):
        services.prepare_database(env, args.rebuild)
    with phases("Catalogues and static files"):
        services.collect_static(env, static_root)
    with phases("SQL queries per page type (Django test client, same settings and database)"):
        services.flush_redis()
        site = queries.measure(env)
        queries.report(site, PAGE_TYPES)
    services.flush_redis()

    urls = site["urls"]
    first = {kind: urls[kind][0] for kind in PAGE_TYPES}  # each type's French page
    with server.gunicorn(env, port, workdir / "gunicorn.log"):
        static_path = services.static_file(static_root)
        with phases(f"(a, b) Ceiling and cached pages (wrk -c32, {args.duration}s per page)"):
            cached = {kind: first[kind] for kind in CACHED_TYPES}
            load.cached_pages(port, cached, static_path, args.duration)
        with phases(f"(c) Uncached latency ({args.requests} requests one at a time)"):
            load.uncached_pages(port, first, args.requests, site["session_cookie"])
        with phases(f"(d) Load: wrk -t2 -c32 -d{args.load}s rotating over the pages"):
            every = [path for kind in PAGE_TYPES for path in urls[kind]]
            load.rotating_load(port, every, args.load, workdir)
        with phases(f"(e) Page-cache entries for {cache_keys.VARIANTS} variants of one URL"):
            cache_keys.report(port, first["home"])
        with phases("(f) First view after a publication with new pictures, against warm views"):
            first_view.report(port, env, site["session_cookie"])
        if not args.no_lighthouse:
            with phases("Lighthouse (mobile defaults, Debian's Chromium)"):
                audited = {kind: first[kind] for kind in LIGHTHOUSE_TYPES}
                lighthouse.audit_pages(port, audited, workdir)
    phases.summary()
    print(f"\nReports and logs kept in {workdir}")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit("\ninterrupted: gunicorn stopped")
