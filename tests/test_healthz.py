"""/healthz tells a load balancer whether this app server can serve: database and cache."""

from django.db import OperationalError, connection
from django.test import override_settings

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
