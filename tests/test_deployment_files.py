"""The Dockerfile can be built from a clean checkout. There is no Docker engine here, so
this checks what can be checked without one: every file it copies exists, the front-end
packages it keeps are the ones the static files finder serves, and its health check and
server command are sound."""

import json
import re
import shlex
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import FileSystemFinder

ROOT = Path(__file__).resolve().parent.parent
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def instructions(name):
    joined = DOCKERFILE.replace("\\\n", " ")
    return [line.split(None, 1)[1] for line in joined.splitlines() if line.startswith(name + " ")]


def test_every_file_the_dockerfile_copies_from_the_checkout_exists():
    for args in instructions("COPY"):
        if args.startswith("--from"):
            continue
        *sources, _destination = shlex.split(args)
        for source in sources:
            assert source == "." or (ROOT / source).exists(), source


def test_the_image_ships_exactly_the_front_end_packages_the_site_serves():
    kept = {
        shlex.split(args)[1].removeprefix("/build/")
        for args in instructions("COPY")
        if args.startswith("--from=frontend")
    }
    served = {  # e.g. "node_modules/leaflet" for ("vendor/leaflet", .../leaflet/dist)
        "/".join(Path(path).relative_to(ROOT).parts[:2])
        for entry in settings.STATICFILES_DIRS
        if isinstance(entry, tuple)
        for path in entry[1:]
    }
    assert served == kept  # no test tool (axe-core) in the image
    lock = json.loads((ROOT / "package-lock.json").read_text())
    for package in served:
        assert package in lock["packages"], package


def test_test_tools_are_not_served():
    """axe-core is a development dependency: the browser tests bring it themselves."""
    finder = FileSystemFinder()
    assert finder.find("vendor/leaflet/leaflet.js")  # front-end libraries are found here
    assert not finder.find("vendor/axe-core/axe.min.js")


def test_python_packages_are_installed_with_their_hashes():
    assert any("--require-hashes -r" in args for args in instructions("RUN"))


def pins(lock_name):
    text = (ROOT / lock_name).read_text()
    return dict(re.findall(r"^([^\s#=]+)==(\S+)", text, re.MULTILINE))


def test_the_image_installs_the_versions_ci_tested_without_the_test_tools():
    assert any("requirements-production.lock" in args for args in instructions("COPY"))
    tested, production = pins("requirements.lock"), pins("requirements-production.lock")
    for package, version in production.items():
        assert tested.get(package) == version, package
    for runtime in ("django", "wagtail", "gunicorn", "psycopg", "redis", "whitenoise"):
        assert runtime in production, runtime
    for test_tool in ("pytest", "playwright", "ruff"):
        assert test_tool not in production, test_tool


def test_the_health_check_asks_healthz_with_a_valid_command():
    (check,) = instructions("HEALTHCHECK")
    command = check.split("CMD python -c ", 1)[1]
    source = shlex.split(command)[0]
    compile(source, "healthcheck", "exec")
    assert "/healthz" in source


def test_gunicorn_serves_the_wsgi_application_with_several_workers():
    (command,) = instructions("CMD")
    argv = json.loads(command)
    assert argv[:2] == ["gunicorn", "memhisto.wsgi"]
    assert argv[argv.index("--bind") + 1] == "0.0.0.0:8000"
    assert int(argv[argv.index("--workers") + 1]) >= 2
    assert "USER memhisto" in DOCKERFILE


def test_compose_runs_the_app_with_postgresql_and_redis():
    compose = (ROOT / "compose.yaml").read_text()
    for service in ("app", "db", "redis"):
        assert re.search(rf"^  {service}:$", compose, re.MULTILINE), service
    assert "image: postgres:15" in compose
    assert "image: redis:7" in compose
    assert "media:/srv/media" in compose
