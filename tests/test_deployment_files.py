"""The Dockerfile can be built from a clean checkout. There is no Docker engine here, so
this checks what can be checked without one: every file it copies exists, the front-end
packages it keeps are the ones the static files finder serves, and its health check and
server command are sound."""

import ast
import json
import re
import shlex
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.finders import FileSystemFinder

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Instruction:
    name: str  # upper case, as Docker compares them
    arguments: str
    stage: str  # the name after FROM … AS, else the stage's number

    def parts(self):
        """({name: value} of the leading --name=value flags, [the other words]): the words as
        a shell splits them, or the items of the JSON (exec) form."""
        flags, rest = {}, self.arguments
        while rest.startswith("--"):
            flag, _, rest = rest.partition(" ")
            name, _, value = flag[2:].partition("=")
            flags[name] = value
            rest = rest.lstrip()
        return flags, json.loads(rest) if rest.startswith("[") else shlex.split(rest)

    def options(self):
        return self.parts()[0]

    def words(self):
        return self.parts()[1]


def parse_dockerfile(text):
    """The instructions as Docker reads them: comment lines dropped (inside a continued
    instruction too), lines ending in a backslash joined to the next, any letter case."""
    instructions, pending, stage, stages = [], "", "", 0
    for line in text.splitlines():
        stripped = line.strip()
        if stripped.startswith("#") or (not stripped and pending):
            continue
        if stripped.endswith("\\"):
            pending += stripped[:-1] + " "
            continue
        logical, pending = (pending + stripped).strip(), ""
        if not logical:
            continue
        name, _, arguments = logical.partition(" ")
        name, arguments = name.upper(), arguments.strip()
        if name == "FROM":
            words = arguments.split()
            stage = words[2] if len(words) == 3 and words[1].upper() == "AS" else str(stages)
            stages += 1
        instructions.append(Instruction(name, arguments, stage))
    return instructions


DOCKERFILE = parse_dockerfile((ROOT / "Dockerfile").read_text())
FINAL_STAGE = DOCKERFILE[-1].stage


def instructions(name, stage=FINAL_STAGE):
    return [i for i in DOCKERFILE if i.name == name and i.stage == stage]


def copied_from_the_checkout():
    """{source: destination} of the final stage's COPY instructions from the build context."""
    copied = {}
    for copy in instructions("COPY"):
        if "from" not in copy.options():
            *sources, destination = copy.words()
            copied.update(dict.fromkeys(sources, destination))
    return copied


def shell_commands(run):
    """The simple commands of a RUN instruction (shell form), split on && ; and |."""
    commands, current = [], []
    lexer = shlex.shlex(run.arguments, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    for token in lexer:
        if token in ("&&", ";", "||", "|"):
            commands.append(current)
            current = []
        else:
            current.append(token)
    return [command for command in [*commands, current] if command]


def test_the_parser_reads_what_docker_reads():
    parsed = parse_dockerfile(
        "# a comment: COPY nothing.txt /\n"
        "from python:3.11 as app\n"
        "run pip install \\\n"
        "    # a comment line inside the instruction\n"
        "    --require-hashes -r r.lock\n"
        'CMD ["gunicorn", \\\n     "app"]\n'
    )
    assert [(i.name, i.stage) for i in parsed] == [("FROM", "app"), ("RUN", "app"), ("CMD", "app")]
    assert shell_commands(parsed[1]) == [["pip", "install", "--require-hashes", "-r", "r.lock"]]
    assert parsed[2].words() == ["gunicorn", "app"]


def test_every_file_the_dockerfile_copies_from_the_checkout_exists():
    copied = copied_from_the_checkout()
    assert "." in copied and "requirements-production.lock" in copied
    for source in copied:
        assert source == "." or (ROOT / source).exists(), source


def test_the_image_ships_exactly_the_front_end_packages_the_site_serves():
    kept = {
        copy.words()[0].removeprefix("/build/")
        for copy in instructions("COPY")
        if copy.options().get("from") == "frontend"
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


def pip_installs():
    """The argument lists of the final stage's `pip install` commands."""
    return [
        command[2:]
        for run in instructions("RUN")
        for command in shell_commands(run)
        if command[:2] == ["pip", "install"]
    ]


def test_python_packages_are_installed_with_their_hashes_from_the_production_lock():
    lock = copied_from_the_checkout()["requirements-production.lock"]
    (arguments,) = pip_installs()
    assert "--require-hashes" in arguments
    assert arguments[arguments.index("-r") + 1] == lock


def pins(lock_name):
    text = (ROOT / lock_name).read_text()
    return dict(re.findall(r"^([^\s#=]+)==(\S+)", text, re.MULTILINE))


def test_the_production_lock_has_the_versions_ci_tested_without_the_test_tools():
    tested, production = pins("requirements.lock"), pins("requirements-production.lock")
    for package, version in production.items():
        assert tested.get(package) == version, package
    for runtime in ("django", "wagtail", "gunicorn", "psycopg", "redis", "whitenoise"):
        assert runtime in production, runtime
    for test_tool in ("pytest", "playwright", "ruff"):
        assert test_tool not in production, test_tool


def gunicorn_bind():
    (command,) = instructions("CMD")
    argv = command.words()
    return argv[argv.index("--bind") + 1]


def test_the_health_check_asks_healthz_on_the_served_port_with_a_valid_command():
    (check,) = instructions("HEALTHCHECK")
    options, (cmd, python, flag, source) = check.parts()
    assert {"interval", "timeout", "retries"} <= set(options)
    assert (cmd.upper(), python, flag) == ("CMD", "python", "-c")
    strings = {
        node.value
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    port = gunicorn_bind().rpartition(":")[2]
    assert f"http://127.0.0.1:{port}/healthz" in strings


def test_gunicorn_serves_the_wsgi_application_with_several_workers_as_an_unprivileged_user():
    (command,) = instructions("CMD")
    argv = command.words()
    assert argv[:2] == ["gunicorn", "memhisto.wsgi"]
    assert gunicorn_bind() == "0.0.0.0:8000"
    assert int(argv[argv.index("--workers") + 1]) >= 2
    users = instructions("USER")
    assert users and users[-1].arguments == "memhisto"
    assert DOCKERFILE.index(users[-1]) < DOCKERFILE.index(command)


def test_compose_runs_the_app_with_postgresql_and_redis():
    """Text checks: PyYAML is not installed to parse compose.yaml."""
    compose = (ROOT / "compose.yaml").read_text()
    for service in ("app", "db", "redis"):
        assert re.search(rf"^  {service}:$", compose, re.MULTILINE), service
    assert "image: postgres:15" in compose
    assert "image: redis:7" in compose
    assert "media:/srv/media" in compose
