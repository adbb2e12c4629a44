from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.templatetags.static import static
from django.urls import include, path, re_path
from django.utils.functional import lazy
from django.views.generic import RedirectView, TemplateView
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import views as page_views
from home.sitemaps import MultilingualSitemap
from memhisto.health import healthz
from network.admin_login import MuseumLoginView

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
]

if settings.DEBUG:
    from django.conf.urls.static import static as serve_files

    urlpatterns += serve_files(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's front-end URLs, its serve view swapped for home.views' (same pattern, same
# name): the page at a URL is found in two queries whatever its depth.
page_urls = [
    re_path(pattern.pattern.regex.pattern, page_views.serve, name=pattern.name)
    if pattern.name == "wagtail_serve"
    else pattern
    for pattern in wagtail_urls.urlpatterns
]

# Every public page lives under its language prefix: /fr/, /en/, /de/, /nl/.
urlpatterns += i18n_patterns(
    path("search/", include("search.urls")),
    path("", include(page_urls)),
    prefix_default_language=True,
)
