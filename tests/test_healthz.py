"""/healthz tells a load balancer whether this app server can serve: database and cache."""

from django.db import OperationalError, connection
from django.test import override_settings

from tests.helpers import PRODUCTION_ENV, run_manage

DEAD_REDIS = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": "redis://127.0.0.1:1/3",  # nothing listens on port 1
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 1, "SOCKET_TIMEOUT": 1},
    }
}


def refuse_every_query(execute, sql, params, many, context):
    raise OperationalError("connection refused")


def test_healthy_server_answers_ok_and_is_never_stored(client, db):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert "no-store" in response["Cache-Control"]


def test_head_works_and_post_is_refused(client, db):
    assert client.head("/healthz").status_code == 200
    assert client.post("/healthz").status_code == 405


def test_a_dead_database_gives_503_without_details(client, db, caplog):
    with connection.execute_wrapper(refuse_every_query):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"unavailable"
    assert "no-store" in response["Cache-Control"]
    assert "database" in caplog.text


def test_a_dead_cache_gives_503_without_details(client, db, caplog):
    with override_settings(CACHES=DEAD_REDIS):  # Django reconnects the caches
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.content == b"unavailable"
    assert "cache" in caplog.text


HEALTH_CHECK_IN_PRODUCTION = """
from django.test import Client
response = Client().get("/healthz", HTTP_HOST="memhisto.example")
print(response.status_code, response.content.decode())
"""


def test_in_production_a_plain_http_check_is_answered_not_redirected_to_https():
    env = {**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:6379/3"}
    result = run_manage("shell", "--no-imports", "-c", HEALTH_CHECK_IN_PRODUCTION, env=env)
    assert result.stdout.strip().splitlines()[-1] == "200 ok", result.stderr


def test_in_production_a_dead_redis_is_reported_although_its_errors_are_ignored():
    env = {**PRODUCTION_ENV, "REDIS_URL": "redis://127.0.0.1:1/3"}
    result = run_manage("shell", "--no-imports", "-c", HEALTH_CHECK_IN_PRODUCTION, env=env)
    assert result.stdout.strip().splitlines()[-1] == "503 unavailable", result.stderr
