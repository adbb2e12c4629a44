"""Settings shared by every environment. The environment-specific modules import from here."""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE
from django.utils.translation import gettext_lazy as _
from wagtail.embeds import oembed_providers

BASE_DIR = Path(__file__).resolve().parent.parent.parent

INSTALLED_APPS = [
    # Ours, bottom layer first (the layers are import-linter contracts in pyproject.toml).
    "core",
    "museum_pages",
    "network",
    "home",
    "search",
    "teams",
    "demo",
    "django_tasks",
    "django_tasks_db",  # the tasks' database backend (production; core.renditions)
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtailgeowidget",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtailmedia",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "axes",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Static files are answered here, with their own headers and no policy to compute.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Before the session: a cached page is answered without touching it or the database.
    # It is stored with the headers added below, the policies included: a hit is sent with
    # them as they were, and computes nothing.
    "core.page_cache.PageCacheMiddleware",
    # Content-Security-Policy (public policy, or the admin's own) and Permissions-Policy.
    "core.security.ContentSecurityPolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LanguagePrefixMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

# Whole-page cache for anonymous visitors (core/page_cache.py).
PAGE_CACHE_ALIAS = "default"
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", 600))
PAGE_CACHE_EXCLUDED_PATHS = ["/admin/", "/documents/", "/healthz"]
# How often each app process reads the shared generation (a publication reaches the other
# app servers' in-memory copies within this many seconds).
PAGE_CACHE_GENERATION_CHECK_SECONDS = 1

ROOT_URLCONF = "memhisto.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # The apps' templates through teams' loader, which tags for translation the few
            # words Wagtail's admin templates write in English (teams/admin_language.py).
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    [
                        "django.template.loaders.filesystem.Loader",
                        "teams.admin_language.TemplateLoader",
                    ],
                )
            ],
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.languages.template_values",
            ],
        },
    },
]

WSGI_APPLICATION = "memhisto.wsgi.application"

# SQLite by default so that a newcomer needs nothing else; DATABASE_URL selects PostgreSQL.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}", conn_max_age=60, conn_health_checks=True
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Login throttling (django-axes). Its defaults lock an account forever after 3 failures
# from anywhere; here 5 failures of one user name from one address lock that pair out for
# 30 minutes, and a successful login clears the count. Attempts live in the database, so
# every app server behind a load balancer sees them.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "teams.lockout.lockout_response"
# The address axes counts: REMOTE_ADDR, or behind N trusted proxies the one they saw.
AXES_CLIENT_IP_CALLABLE = "teams.client_ip.client_ip"
# No "AXES: BEGIN" banner on stdout at every start and every manage.py command.
AXES_VERBOSE = False
MEMHISTO_TRUSTED_PROXY_COUNT = 0

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: French is the source; every URL carries its language prefix.
LANGUAGE_CODE = "fr"
LANGUAGES = [
    ("fr", "Français"),
    ("en", "English"),
    ("de", "Deutsch"),
    ("nl", "Nederlands"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# Wagtail's login form, its password field labelled in the visitor's language.
WAGTAILADMIN_USER_LOGIN_FORM = "teams.admin_language.LoginForm"
WAGTAIL_I18N_ENABLED = True
USE_I18N = True
LOCALE_PATHS = [BASE_DIR / "locale"]
# English dates day first, as in Britain ("3 April 2027"): core/formats/en/formats.py.
FORMAT_MODULE_PATH = ["core.formats"]
TIME_ZONE = "Europe/Paris"
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
# Third-party front-end libraries are installed by npm and served from node_modules:
# nothing of theirs is committed.
NODE_MODULES = BASE_DIR / "node_modules"
STATICFILES_DIRS += [
    ("vendor/pannellum", NODE_MODULES / "pannellum" / "build"),
    ("vendor/leaflet", NODE_MODULES / "leaflet" / "dist"),
    ("vendor/leaflet.markercluster", NODE_MODULES / "leaflet.markercluster" / "dist"),
    # The service worker's library (core/webapp.py): its loader and the modules it loads.
    *(
        ("vendor/workbox", NODE_MODULES / name / "build")
        for name in (
            "workbox-sw",
            "workbox-core",
            "workbox-routing",
            "workbox-strategies",
            "workbox-precaching",
            "workbox-range-requests",
        )
    ),
]

# The admin's location picker uses the same tile server as the public map (one CSP host).
GEO_WIDGET_LEAFLET_TILE_LAYER = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
# The location picker of museum pages opens on the Hauts-de-France, not on Stockholm.
GEO_WIDGET_DEFAULT_LOCATION = {"lat": 50.15, "lng": 2.75}
GEO_WIDGET_ZOOM = 8
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Mem'Histo"
# ASCII slugs: wagtail-localize slugifies translated slugs to ASCII, so a French "néo" slug
# would otherwise differ from its synchronised translations (and be percent-encoded).
WAGTAIL_ALLOW_UNICODE_SLUGS = False
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# One text-search language per locale on PostgreSQL (search/backend.py).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backend"}}
# Uploads: no format that a browser would run (SVG, HTML, scripts). Documents are always
# downloaded through Wagtail's view (attachment, nosniff, CSP "default-src 'none'"), even
# PDFs, and whatever the storage, so that a document can never act as a page of the site.
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAILDOCS_INLINE_CONTENT_TYPES = []
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
# Refuses truncated or corrupt images with a message (core/uploads.py).
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.uploads.ImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 30 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 16384 * 8192
# Audio commentaries and short videos (wagtailmedia): formats every current browser plays.
# The upload form reads each file (core/uploads.py): its content must be the format its
# name claims, within the size limit; its duration is read from it.
WAGTAILMEDIA = {
    "MEDIA_FORM_BASE": "core.uploads.MediaForm",
    "AUDIO_EXTENSIONS": ["mp3", "m4a", "aac", "ogg", "opus"],
    "VIDEO_EXTENSIONS": ["mp4", "webm"],
}
MEMHISTO_MEDIA_MAX_UPLOAD_SIZE = 100 * 1024 * 1024
# Each audio upload also gets mono Opus 48 kb/s and MP3 64 kb/s copies, made by ffmpeg in
# the background (core/transcoding.py); without ffmpeg, the upload is played as it is.
MEMHISTO_TRANSCODE_AUDIO = True
MEMHISTO_FFMPEG = os.environ.get("MEMHISTO_FFMPEG", "ffmpeg")
# The demo's visits are spoken by espeak-ng in the four languages (demo/audio.py) when
# `load_network` runs; MEMHISTO_DEMO_AUDIO=0 loads them with transcripts only.
MEMHISTO_DEMO_AUDIO = os.environ.get("MEMHISTO_DEMO_AUDIO", "1") != "0"
MEMHISTO_ESPEAK_NG = os.environ.get("MEMHISTO_ESPEAK_NG", "espeak-ng")
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# The admin asks nothing of third parties (and its content security policy would refuse):
# no check of releases.wagtail.org for new versions.
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# The body's embed block accepts YouTube and Vimeo only: the content security policy lets
# exactly their players be framed (core/security.py, EMBED_FRAME_HOSTS).
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube, oembed_providers.vimeo],
    }
]

# A translation goes live only when the translator publishes it (STYLE.md, trap 6).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# What a user may do with a page: Wagtail's rules, narrowed by the teams' (translators never
# delete, move, copy or unpublish; STYLE.md, trap 14). Asked by every page's
# permissions_for_user() (core/pages.py).
PAGE_PERMISSION_TESTER = "teams.rights.TeamPagePermissionTester"

# Machine translation drafts translations in wagtail-localize's editor: DeepL when
# DEEPL_AUTH_KEY is set; development and test settings otherwise offer a plainly labelled
# stand-in (teams.machine_translation.DevelopmentTranslator); production offers none.
DEEPL_AUTH_KEY = os.environ.get("DEEPL_AUTH_KEY", "")
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = (
    {
        "CLASS": "teams.machine_translation.MemHistoDeepLTranslator",
        "OPTIONS": {"AUTH_KEY": DEEPL_AUTH_KEY},
    }
    if DEEPL_AUTH_KEY
    else None
)

# Demo accounts (the superuser, translators, museum editors) may be created by
# `load_network` only where this is true: never in production.
MEMHISTO_DEMO_ACCOUNTS = False

SITE_NAME = _("Mem'Histo")

# Content security policies. The public pages load only our own scripts and styles
# (external files: no inline code, no nonce, so cached pages are the same for everyone).
#
# The home page's network map and the admin's location picker.
MAP_TILE_HOSTS = ["https://tile.openstreetmap.org"]
# The only players the body's embed block can produce (WAGTAILEMBEDS_FINDERS).
EMBED_FRAME_HOSTS = ["https://www.youtube.com", "https://player.vimeo.com"]
# The admin's address search (wagtailgeowidget's GeoAddressPanel, Nominatim geocoder).
GEOCODER_HOSTS = ["https://nominatim.openstreetmap.org"]

PUBLIC_CSP = {
    "default-src": [NONE],
    "script-src": [SELF],
    "style-src": [SELF],
    # data: for Leaflet's and Pannellum's small inline images, blob: for the panoramas
    # Pannellum loads through XHR and hands to WebGL.
    "img-src": [SELF, "data:", "blob:", *MAP_TILE_HOSTS],
    "media-src": [SELF],
    "font-src": [SELF],
    "connect-src": [SELF],
    # The installable web app (core/webapp.py): its service worker and manifest.
    "worker-src": [SELF],
    "manifest-src": [SELF],
    "frame-src": EMBED_FRAME_HOSTS,
    "form-action": [SELF],
    "frame-ancestors": [NONE],
    "object-src": [NONE],
    "base-uri": [SELF],
}
# The admin runs Wagtail, wagtail-localize's translation editor and wagtailgeowidget, which
# use inline scripts and style attributes: core.security sends it its own policy.
ADMIN_CSP = {
    **PUBLIC_CSP,
    # Wagtail's inline panels and date pickers, the translation editor: inline scripts.
    "script-src": [SELF, UNSAFE_INLINE],
    "style-src": [SELF, UNSAFE_INLINE],
    "font-src": [SELF, "data:"],
    "connect-src": [SELF, *GEOCODER_HOSTS],
    # Page previews are iframes of the admin showing admin URLs.
    "frame-src": [SELF, *EMBED_FRAME_HOSTS],
    "frame-ancestors": [SELF],
}
CONTENT_SECURITY_POLICY = {"DIRECTIVES": PUBLIC_CSP}
CONTENT_SECURITY_POLICY_ADMIN = {"DIRECTIVES": ADMIN_CSP}

PERMISSIONS_POLICY = {
    # The virtual-visit viewer: fullscreen button and gyroscope-driven orientation.
    "accelerometer": ["self"],
    "fullscreen": ["self", *EMBED_FRAME_HOSTS],
    "gyroscope": ["self"],
    "magnetometer": ["self"],
    # "Near me" on the home page: asked only when the visitor presses the button, never by
    # what the site embeds.
    "geolocation": ["self"],
    # Nothing else is used: refused to the site and to anything it embeds.
    "autoplay": [],
    "bluetooth": [],
    "browsing-topics": [],
    "camera": [],
    "display-capture": [],
    "hid": [],
    "idle-detection": [],
    "interest-cohort": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "publickey-credentials-get": [],
    "screen-wake-lock": [],
    "serial": [],
    "usb": [],
    "xr-spatial-tracking": [],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views override it with SAMEORIGIN
# HSTS for one year. SecurityMiddleware sends it on HTTPS requests only, so it is harmless
# on the plain-HTTP development server and present wherever the site is served over TLS.
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
