"""The network's home page in each language and the common pages below it."""

from urllib.parse import urlencode

from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from core.pages import ContentPage, with_synchronised_slug
from museum_pages.practical import opening_hours
from network import museum_filters
from network.listings import (
    cluster_labels,
    map_data,
    museum_cards,
    theme_filters,
    upcoming_events_and_exhibitions,
)
from network.routes import route_summaries


def theme_links(themes, current, kept):
    """The theme filter's links, every theme first, each keeping the other filters (`kept`:
    {parameter: value}, empty values left out): [{"name", "colour_class", "query",
    "current"}]."""
    kept = {name: value for name, value in kept.items() if value}
    links = [{"name": _("Tous les thèmes"), "colour_class": "", "slug": ""}]
    links += [
        {"name": theme.name, "colour_class": theme.colour_class, "slug": theme.slug}
        for theme in themes
    ]
    for link in links:
        query = {"theme": link["slug"], **kept} if link["slug"] else kept
        link["query"] = f"?{urlencode(query)}" if query else "?"
        link["current"] = link["slug"] == (current or "")
    return links


class NetworkHomePage(ContentPage):
    """The network's home page, one per language: /fr/, /en/, /de/, /nl/."""

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "museum_pages.MuseumPage",
        "network.AgendaPage",
        "network.RouteIndexPage",
        "home.StandardPage",
    ]
    query_parameters = ("theme", "open", "near")
    override_translatable_fields = with_synchronised_slug(ContentPage.override_translatable_fields)

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
        messages = []
        when = museum_filters.read_open(request.GET.get("open"), messages)
        # The network's (or the theme's) museums, open or not: the page shows their number,
        # and its cache must not outlive any of their statuses ("open now" changes with each).
        every_status = [museum.opening_status for museum in museums]
        # The place is looked for among all the listed museums' towns first (no query).
        near, origin = museum_filters.read_near(request.GET.get("near"), messages, museums)
        if when:
            museums = museum_filters.open_museums(museums, when)
        if origin is not None:
            museums = museum_filters.by_distance(museums, origin)
        markers = map_data(museums, request)
        route_index, routes = route_summaries(self.locale_id)
        context.update(
            route_index=route_index,
            routes=routes,
            museums=museums,
            listed_count=len(every_status),
            every_status=every_status,
            open_summary=museum_filters.open_summary(when, len(museums)) if when else "",
            current_theme=current,
            theme_links=theme_links(
                sorted(themes.values(), key=lambda theme: theme.slug),
                current,
                {"open": when, "near": near},
            ),
            open_choices=museum_filters.open_choices(),
            filters={"open": when, "near": near, "sorted_by_distance": origin is not None},
            filter_messages=messages,
            map_markers=markers,
            map_cluster_labels=cluster_labels(markers),
            dated=upcoming_events_and_exhibitions(self),
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        statuses = getattr(response, "context_data", {}).get("every_status", [])
        opening_hours.limit_cache_lifetime(response, statuses, None)
        return response


class StandardPage(ContentPage):
    """About the network, legal notice, accessibility statement, privacy."""

    parent_page_types = ["home.NetworkHomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("page simple")
        verbose_name_plural = _("pages simples")
