"""What the site runs on in the benchmark: environment, PostgreSQL database, Redis, static files.

The database is built once (migrations and the demo network, about 1.5 minutes) and labelled
with a fingerprint of what it was built from; the next run reuses it while that is unchanged.
"""

import hashlib
import json
import os
import secrets
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
PYTHON = sys.executable
DATABASE = os.environ.get("BENCH_DATABASE", "memhisto_bench")
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgresql://postgres@127.0.0.1:5432")
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
# Uploaded images of the demo network live beside the database that points at them.
MEDIA_ROOT = Path(os.environ.get("BENCH_MEDIA_ROOT", ROOT / ".bench" / DATABASE / "media"))


def django_env(**extra):
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "DATABASE_URL", "REDIS_URL", "STATIC_ROOT")
    }
    env.update(
        DJANGO_SETTINGS_MODULE=os.environ.get("BENCH_SETTINGS", "memhisto.settings.production"),
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=f"{POSTGRES}/{DATABASE}",
        REDIS_URL=REDIS_URL,
        MEDIA_ROOT=str(MEDIA_ROOT),
        LOG_LEVEL="WARNING",
        # Requests say X-Forwarded-Proto: https, as a TLS proxy would; the few that cannot
        # (Lighthouse's own fetch of /robots.txt) must not be redirected to a missing HTTPS.
        SECURE_SSL_REDIRECT="false",
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
    )
    env.update(extra)
    return env


def manage(*args, env):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True)


# The database -------------------------------------------------------------------------


def fingerprint():
    """Changes with the schema, the demo content or the media folder: then the database is rebuilt.

    The media folder counts because the database points at the image files made with it (a
    second clone of the repository has its own).
    """
    digest = hashlib.sha256(str(MEDIA_ROOT).encode())
    # The schema, and everything the demo network is built from (demo/: data, factories,
    # load_network).
    sources = sorted(ROOT.glob("*/migrations/*.py"))
    demo = (ROOT / "demo").rglob("*")
    sources += sorted(path for path in demo if path.suffix in {".py", ".json"})
    for path in sources:
        digest.update(str(path.relative_to(ROOT)).encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


def postgres(sql, *params):
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        cursor = connection.execute(sql, params)
        return cursor.fetchall() if cursor.description else None


def prepare_database(env, rebuild):
    """Reuse the benchmark database built from the same migrations, demo data and media folder."""
    wanted = fingerprint()
    rows = postgres(
        "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = %s",
        DATABASE,
    )
    if rows and rows[0][0] == f"memhisto bench {wanted}" and MEDIA_ROOT.is_dir() and not rebuild:
        print(f"   reusing database {DATABASE} (built from the same migrations and demo data)")
        manage("migrate", "--noinput", "--verbosity", "0", env=env)
        load_demo(env)  # idempotent; moves past demo events forward
        return
    print(f"   (re)creating database {DATABASE} and {MEDIA_ROOT}")
    postgres(f'DROP DATABASE IF EXISTS "{DATABASE}" WITH (FORCE)')
    postgres(f'CREATE DATABASE "{DATABASE}"')
    shutil.rmtree(MEDIA_ROOT, ignore_errors=True)
    MEDIA_ROOT.mkdir(parents=True)
    manage("migrate", "--noinput", "--verbosity", "0", env=env)
    load_demo(env)
    # Marked only once complete: an interrupted build is redone by the next run.
    postgres(f"COMMENT ON DATABASE \"{DATABASE}\" IS 'memhisto bench {wanted}'")


def load_demo(env):
    """The demo network, and the tasks it queued (search index, renditions) done."""
    manage("load_network", env=env)
    run_tasks(env)


def run_script(path, env):
    """A bench script (a file that sets Django up itself), run with `env`: what it printed,
    as JSON. Its errors go to the terminal."""
    output = subprocess.run(
        [PYTHON, str(Path(path).resolve())],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return json.loads(output.stdout)


def run_tasks(env):
    """The tasks waiting in the database, done as compose's worker does them; seconds."""
    started = time.perf_counter()
    subprocess.run(
        [PYTHON, "manage.py", "db_worker", "--batch", "--no-startup-delay", "--no-reload"],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


# Redis and static files ---------------------------------------------------------------


def flush_redis():
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def collect_static(env, static_root):
    """Compiled catalogues, and static files collected into the temporary STATIC_ROOT."""
    manage("compile_catalogues", env=env)
    manage("collectstatic", "--noinput", "--verbosity", "0", env=env)
    print(f"   collected into {static_root}")


def static_file(static_root):
    """The hashed name of our main stylesheet, as the pages link it."""
    manifest = json.loads((Path(static_root) / "staticfiles.json").read_text())["paths"]
    return "/static/" + manifest["css/main.css"]
