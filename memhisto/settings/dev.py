"""Development: the default for `manage.py` and `make run`."""

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "dev-only-insecure-key-never-used-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
MEMHISTO_DEMO_ACCOUNTS = True
# Room for the page cache, renditions and Wagtail's site root paths (300 entries by default).
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 10000},
    }
}
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
if not DEEPL_AUTH_KEY:  # noqa: F405
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "teams.machine_translation.DevelopmentTranslator"
    }
