"""The site's URLs: health, admin, documents, sitemap, feeds, then the pages per language."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.templatetags.static import static
from django.urls import include, path
from django.utils.functional import lazy
from django.views.generic import RedirectView, TemplateView
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from core import webapp
from core.health import healthz
from home.sitemaps import MultilingualSitemap
from museum_pages import offline
from network import calendar
from teams.admin_login import MuseumLoginView

# The 500 page speaks the language of the URL.
handler500 = "core.views.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    # A museum editor who logs in starts in their museum's pages (before Wagtail's login).
    path("admin/login/", MuseumLoginView.as_view(), name="memhisto_admin_login"),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": MultilingualSitemap}}),
    path("api/", include("network.urls")),
    path(
        "robots.txt",
        TemplateView.as_view(template_name="robots.txt", content_type="text/plain; charset=utf-8"),
    ),
    # Browsers that ignore <link rel="icon"> still ask for /favicon.ico.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("img/favicon.svg"))),
    # The installable web app (core/webapp.py): its worker at the root, its icons.
    path("sw.js", webapp.service_worker, name="service_worker"),
    path("app-icon-<int:size>.png", webapp.icon, name="app_icon"),
    path(
        "app-icon-maskable-<int:size>.png",
        webapp.icon,
        {"maskable": True},
        name="app_icon_maskable",
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static as serve_files

    urlpatterns += serve_files(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under its language prefix: /fr/, /en/, /de/, /nl/.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("agenda.ics", calendar.agenda_feed, name="agenda_feed"),
    path("agenda/event-<int:pk>.ics", calendar.event_calendar, name="event_calendar"),
    path("manifest.webmanifest", webapp.manifest, name="web_manifest"),
    path("offline/", webapp.offline_page, name="offline_page"),
    path("offline/versions.json", offline.versions_view, name="offline_versions"),
    path("offline/<slug:slug>.json", offline.pack_view, name="offline_pack"),
    path("", include("core.urls")),
    prefix_default_language=True,
)
