"""Test suite: fast, isolated, and as close to production behaviour as is useful."""

import os
import tempfile

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
MEMHISTO_DEMO_ACCOUNTS = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Room for every rendition (3 formats x 2-3 widths per image): with the default 300
# entries, culling evicts Wagtail's site root paths and query counts vary between tests.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 10000},
    }
}
# Search indexing and reference indexing run as tasks in Wagtail 8: run them at once.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# ffmpeg and espeak-ng cost seconds: tests/test_transcoding.py and tests/test_demo_audio.py
# switch them on for themselves.
MEMHISTO_TRANSCODE_AUDIO = False
MEMHISTO_DEMO_AUDIO = False
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", tempfile.mkdtemp(prefix="memhisto-media-")))  # noqa: F405
if not DEEPL_AUTH_KEY:  # noqa: F405
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "teams.machine_translation.DevelopmentTranslator"
    }
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
