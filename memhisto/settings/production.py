"""Production: every value that differs between deployments comes from the environment.

Required: SECRET_KEY, ALLOWED_HOSTS (comma-separated), DATABASE_URL.
Recommended: REDIS_URL (cache shared by the app servers), WAGTAILADMIN_BASE_URL,
TRUSTED_PROXY_COUNT (load balancers in front of the app).
Optional switches, each off unless its variables are set: S3-compatible media
(AWS_STORAGE_BUCKET_NAME...), OpenSearch (OPENSEARCH_URL), CDN purge
(FRONTEND_CACHE_CLOUDFLARE_ZONEID + FRONTEND_CACHE_CLOUDFLARE_TOKEN, or
FRONTEND_CACHE_PURGE_URL). README.md, "Production and scaling out", lists them all.
"""

import os
from urllib.parse import urlsplit

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = os.environ["SECRET_KEY"]
ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [f"https://{host}" for host in ALLOWED_HOSTS]
MEMHISTO_DEMO_ACCOUNTS = False

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "OPTIONS": {"IGNORE_EXCEPTIONS": True},
        }
    }
    DJANGO_REDIS_IGNORE_EXCEPTIONS = True
    # Sessions read from Redis, written through to the database: a Redis restart logs
    # nobody out, and every app server sees every session.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Background tasks (renditions before anyone asks, search and reference indexing) wait in
# the database for `manage.py db_worker` (compose's `worker`; README.md).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# HTTPS everywhere; the app sits behind a TLS-terminating proxy.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "true").lower() == "true"
# Health checks reach the app server directly, in plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
# HSTS, Referrer-Policy, nosniff and framing are set in base.py for every environment.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Login throttling counts the visitor's address: behind N load balancers or proxies that
# append to X-Forwarded-For, set TRUSTED_PROXY_COUNT=N (teams/client_ip.py).
MEMHISTO_TRUSTED_PROXY_COUNT = int(os.environ.get("TRUSTED_PROXY_COUNT", "0"))

# S3-compatible media (AWS, Scaleway, OVH, MinIO...) when a bucket is named. Credentials
# come from the standard AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables (or the
# instance's role), which boto3 reads itself. Documents still go through Wagtail's view.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    AWS_STORAGE_BUCKET_NAME = os.environ["AWS_STORAGE_BUCKET_NAME"]
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None
    AWS_DEFAULT_ACL = None  # the bucket's policy decides
    AWS_S3_FILE_OVERWRITE = False
    # Through a public custom domain (CDN), plain URLs; otherwise signed ones.
    AWS_QUERYSTRING_AUTH = AWS_S3_CUSTOM_DOMAIN is None
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=31536000, immutable"}
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}
    # Images, audio and the panoramas (which the viewer fetches) then come from the bucket.
    if AWS_S3_CUSTOM_DOMAIN:
        media_origins = [f"https://{AWS_S3_CUSTOM_DOMAIN}"]
    elif AWS_S3_ENDPOINT_URL:
        media_origins = ["{0.scheme}://{0.netloc}".format(urlsplit(AWS_S3_ENDPOINT_URL))]
    else:
        media_origins = [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]
        if AWS_S3_REGION_NAME:
            media_origins.append(
                f"https://{AWS_STORAGE_BUCKET_NAME}.s3.{AWS_S3_REGION_NAME}.amazonaws.com"
            )
    for policy in (PUBLIC_CSP, ADMIN_CSP):  # noqa: F405
        for directive in ("img-src", "media-src", "connect-src"):
            policy[directive] = [*policy[directive], *media_origins]

# OpenSearch instead of PostgreSQL full-text search (see README for what changes).
if os.environ.get("OPENSEARCH_URL"):
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "modelsearch.backends.opensearch3",
            "URLS": [os.environ["OPENSEARCH_URL"]],
            "INDEX_PREFIX": os.environ.get("OPENSEARCH_INDEX_PREFIX", "memhisto_"),
            "TIMEOUT": 5,
        }
    }

# CDN purge when a page changes (wagtail.contrib.frontend_cache): Cloudflare, or any
# proxy that accepts HTTP PURGE requests (Varnish, Fastly...).
WAGTAILFRONTENDCACHE = {}
if os.environ.get("FRONTEND_CACHE_CLOUDFLARE_ZONEID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["FRONTEND_CACHE_CLOUDFLARE_ZONEID"],
        "BEARER_TOKEN": os.environ["FRONTEND_CACHE_CLOUDFLARE_TOKEN"],
    }
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["purge"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS = [*INSTALLED_APPS, "wagtail.contrib.frontend_cache"]  # noqa: F405

# Everything to stdout, where the container runtime collects it.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler", "stream": "ext://sys.stdout"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}
