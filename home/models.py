"""The network's home page in each language and the common pages below it."""

from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.pages import ContentPage
from museum_pages.practical import opening_hours
from network.listings import (
    cluster_labels,
    map_data,
    museum_cards,
    theme_filters,
    upcoming_events_and_exhibitions,
)
from network.routes import route_summaries


class NetworkHomePage(ContentPage):
    """The network's home page, one per language: /fr/, /en/, /de/, /nl/."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "museum_pages.MuseumPage",
        "network.AgendaPage",
        "network.RouteIndexPage",
        "home.StandardPage",
    ]
    query_parameters = ("theme",)

    class Meta:
        verbose_name = _("accueil du réseau")

    def route(self, request, path_components):
        """Wagtail's own routing, for code that calls `Page.route_for_request()` itself (our
        serve view finds pages through core.routing without coming here).

        Wagtail falls back to the French home when a language has no home page of its own;
        that would serve French under /de/ without a word (STYLE.md, trap 7).
        """
        if self.language_code != translation.get_language():
            raise Http404
        return super().route(request, path_components)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        themes, current = theme_filters(self, request.GET.get("theme"))
        museums = museum_cards(self, current, themes)
        markers = map_data(museums, request)
        route_index, routes = route_summaries(self.locale_id)
        context.update(
            route_index=route_index,
            routes=routes,
            museums=museums,
            themes=sorted(themes.values(), key=lambda theme: theme.slug),
            current_theme=current,
            map_markers=markers,
            map_cluster_labels=cluster_labels(markers),
            dated=upcoming_events_and_exhibitions(self),
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        museums = getattr(response, "context_data", {}).get("museums", [])
        statuses = [museum.opening_status for museum in museums]
        opening_hours.limit_cache_lifetime(response, statuses, None)
        return response


class StandardPage(ContentPage):
    """About the network, legal notice, accessibility statement, privacy."""

    parent_page_types = ["home.NetworkHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("page simple")
        verbose_name_plural = _("pages simples")
