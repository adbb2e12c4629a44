"""Production settings come from the environment and pass Django's deployment checks."""

import io
import re

from django.contrib.auth import get_user_model
from django.core.management import call_command

from tests.helpers import PRODUCTION_ENV, run_manage


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
