"""Production settings come from the environment and pass Django's deployment checks."""

import io
import os
import re
import subprocess
import sys
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management import call_command

ROOT = Path(__file__).resolve().parent.parent

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "memhisto.settings.production",
    "SECRET_KEY": "x7!k2#production-like-secret-key-with-enough-entropy-0123456789abcdef",
    "ALLOWED_HOSTS": "memhisto.example",
    "DATABASE_URL": "sqlite:////tmp/memhisto-check.sqlite3",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def run_manage(*args, env):
    clean_env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DJANGO_SETTINGS_MODULE", "SECRET_KEY", "DJANGO_ALLOW_ASYNC_UNSAFE")
    }
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_check_deploy_is_silent_with_the_documented_variables():
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "SECRET_KEY"}
    result = run_manage("check", env=env)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


def test_production_settings_allow_no_demo_accounts():
    result = run_manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.conf import settings; print(settings.MEMHISTO_DEMO_ACCOUNTS)",
        env=PRODUCTION_ENV,
    )
    assert result.stdout.strip() == "False", result.stderr


def test_loader_creates_no_account_where_demo_accounts_are_off(db, settings):
    settings.MEMHISTO_DEMO_ACCOUNTS = False
    get_user_model().objects.all().delete()
    out = io.StringIO()
    call_command("load_network", stdout=out)
    assert not get_user_model().objects.exists()
    assert "admin" not in out.getvalue()


def test_loader_prints_the_admin_login_once(db):
    get_user_model().objects.all().delete()
    first, second = io.StringIO(), io.StringIO()
    call_command("load_network", stdout=first)
    call_command("load_network", stdout=second)
    assert re.search(r"^  admin / \S{12,}$", first.getvalue(), re.MULTILINE)
    assert re.search(r"^  translator-de / \S{12,}$", first.getvalue(), re.MULTILINE)
    assert "admin (password printed when it was created)" in second.getvalue()
    assert " / " not in second.getvalue()
    assert get_user_model().objects.get(username="admin").is_superuser
