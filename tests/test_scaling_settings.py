"""Production switches for scaling out, each turned on by environment variables only:
S3-compatible media, OpenSearch, CDN purge, client address behind a load balancer, logs
to stdout. Each runs the production settings in a subprocess, as a deployment would."""

import json

from tests.helpers import PRODUCTION_ENV, run_manage

PRINT_SETTINGS = """
import json, sys
from django.conf import settings
from django.core.files.storage import storages
from django.urls import reverse
storage = storages["default"]
handler = settings.LOGGING["handlers"]["console"]
print(json.dumps({
    "storage": type(storage).__module__ + "." + type(storage).__name__,
    "bucket": getattr(storage, "bucket_name", None),
    "endpoint": getattr(storage, "endpoint_url", None),
    "region": getattr(storage, "region_name", None),
    "custom_domain": getattr(storage, "custom_domain", None),
    "querystring_auth": getattr(storage, "querystring_auth", None),
    "media_url": storage.url("original_images/poster.jpg") if hasattr(storage, "bucket_name")
        else None,
    "search": settings.WAGTAILSEARCH_BACKENDS["default"],
    "frontend_cache": settings.WAGTAILFRONTENDCACHE,
    "frontend_cache_app": "wagtail.contrib.frontend_cache" in settings.INSTALLED_APPS,
    "proxies": settings.MEMHISTO_TRUSTED_PROXY_COUNT,
    "log_stream": handler.get("stream"),
    "sessions": settings.SESSION_ENGINE,
    "csp": settings.CONTENT_SECURITY_POLICY["DIRECTIVES"],
}))
"""


def production_settings(**env):
    result = run_manage(
        "shell", "--no-imports", "-c", PRINT_SETTINGS, env={**PRODUCTION_ENV, **env}
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_switches_media_stay_local_search_stays_in_postgresql_and_no_cdn():
    found = production_settings()
    assert found["storage"] == "django.core.files.storage.filesystem.FileSystemStorage"
    assert found["search"] == {"BACKEND": "search.backend"}
    assert found["frontend_cache"] == {}
    assert found["frontend_cache_app"] is False
    assert found["proxies"] == 0
    assert found["log_stream"] == "ext://sys.stdout"
    # REDIS_URL is set in PRODUCTION_ENV: sessions shared by every app server.
    assert found["sessions"] == "django.contrib.sessions.backends.cached_db"


def test_a_bucket_name_puts_media_on_s3_compatible_storage():
    found = production_settings(
        AWS_STORAGE_BUCKET_NAME="memhisto-media",
        AWS_S3_ENDPOINT_URL="https://s3.fr-par.scw.cloud",
        AWS_S3_REGION_NAME="fr-par",
        AWS_ACCESS_KEY_ID="test-key",
        AWS_SECRET_ACCESS_KEY="test-secret",  # noqa: S106
    )
    assert found["storage"] == "storages.backends.s3.S3Storage"
    assert found["bucket"] == "memhisto-media"
    assert found["endpoint"] == "https://s3.fr-par.scw.cloud"
    assert found["region"] == "fr-par"
    assert found["querystring_auth"] is True  # a private bucket: signed URLs
    assert found["media_url"].startswith(
        "https://s3.fr-par.scw.cloud/memhisto-media/original_images/poster.jpg?"
    )
    # The browser may load images, audio and panoramas from there, and from nowhere else.
    for directive in ("img-src", "media-src", "connect-src"):
        assert "https://s3.fr-par.scw.cloud" in found["csp"][directive]
    assert found["csp"]["script-src"] == ["'self'"]


def test_a_custom_domain_serves_media_with_plain_urls():
    found = production_settings(
        AWS_STORAGE_BUCKET_NAME="memhisto-media", AWS_S3_CUSTOM_DOMAIN="media.memhisto.example"
    )
    assert found["custom_domain"] == "media.memhisto.example"
    assert found["media_url"] == "https://media.memhisto.example/original_images/poster.jpg"
    assert "https://media.memhisto.example" in found["csp"]["img-src"]


def test_an_opensearch_url_switches_the_search_backend():
    found = production_settings(OPENSEARCH_URL="https://search.internal:9200")
    assert found["search"]["BACKEND"] == "modelsearch.backends.opensearch3"
    assert found["search"]["URLS"] == ["https://search.internal:9200"]
    assert found["search"]["INDEX_PREFIX"] == "memhisto_"


def test_cloudflare_variables_switch_on_cdn_purge():
    found = production_settings(
        FRONTEND_CACHE_CLOUDFLARE_ZONEID="zone123", FRONTEND_CACHE_CLOUDFLARE_TOKEN="tok"
    )
    assert found["frontend_cache_app"] is True
    assert found["frontend_cache"]["cloudflare"] == {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": "zone123",
        "BEARER_TOKEN": "tok",
    }


def test_a_purge_url_switches_on_http_purge_for_varnish():
    found = production_settings(FRONTEND_CACHE_PURGE_URL="http://varnish:6081")
    assert found["frontend_cache_app"] is True
    assert found["frontend_cache"] == {
        "purge": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": "http://varnish:6081",
        }
    }


def test_the_proxy_count_comes_from_the_environment():
    assert production_settings(TRUSTED_PROXY_COUNT="1")["proxies"] == 1


def test_check_deploy_stays_silent_with_every_switch_on():
    env = {
        **PRODUCTION_ENV,
        "AWS_STORAGE_BUCKET_NAME": "memhisto-media",
        "OPENSEARCH_URL": "https://search.internal:9200",
        "FRONTEND_CACHE_PURGE_URL": "http://varnish:6081",
        "TRUSTED_PROXY_COUNT": "1",
    }
    result = run_manage("check", "--deploy", "--fail-level", "WARNING", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
