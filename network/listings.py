"""Listings that span the museums of the network. Each runs a fixed number of queries."""

from django.db.models import Prefetch
from django.utils.translation import ngettext
from wagtail.images import get_image_model

from core import pictures
from core.pages import public_pages
from museum_pages.models import MuseumPage
from museum_pages.practical import opening_hours
from network.models import Theme


def live_museums(locale_id):
    """The live museums of a language with what cards, map and feeds need, prefetched."""
    return (
        public_pages(MuseumPage.objects.live().filter(locale_id=locale_id))
        .order_by("title")
        .prefetch_related("themes", "opening_periods", "closures")
    )


def add_themes_and_status(museums, locale_id, now=None, themes=None):
    """Give each museum its themes in the language and its opening status at `now`.

    `themes`: the language's themes by translation key, when the caller has them already.
    """
    now = now or opening_hours.now_in_paris()
    if themes is None:
        themes = Theme.by_translation_key(locale_id)
    for museum in museums:
        museum.localized_themes = [
            themes.get(theme.translation_key, theme) for theme in museum.themes.all()
        ]
        museum.theme_slugs = [theme.slug for theme in museum.themes.all()]
        museum.opening_status = opening_hours.opening_status(
            museum.opening_periods.all(), museum.closures.all(), now
        )
        museum.opening_status_text = opening_hours.status_text(museum.opening_status)
    return museums


def museum_cards(home, theme_slug=None, themes=None):
    """The live museums under a network home, with their themes in the home's language.

    With `theme_slug`, only the museums of that theme (an unknown slug filters nothing).
    """
    # The images joined in, their card renditions in one more query (as Wagtail's
    # prefetch_renditions() stores them, where get_renditions() looks first).
    renditions = (
        get_image_model()
        .get_rendition_model()
        .objects.filter(filter_spec__in=pictures.CARD.filters)
    )
    queryset = (
        live_museums(home.locale_id)
        .child_of(home)
        .select_related("hero_image")
        .prefetch_related(
            Prefetch("hero_image__renditions", renditions, to_attr="prefetched_renditions")
        )
    )
    if theme_slug:
        queryset = queryset.filter(themes__slug=theme_slug)
    return add_themes_and_status(list(queryset), home.locale_id, themes=themes)


def theme_filters(home, current_slug):
    """The themes of the home's language by translation key, and the current theme's slug.

    An unknown slug (a stale or hand-typed link) filters nothing.
    """
    themes = Theme.by_translation_key(home.locale_id)
    known = {theme.slug for theme in themes.values()}
    return themes, (current_slug if current_slug in known else None)


def map_data(museums, request=None):
    """One marker per museum with a position: what the map script needs, nothing more."""
    markers = []
    for museum in museums:
        point = museum.point
        if point is None:
            continue
        markers.append(
            {
                "name": museum.title,
                "town": museum.town,
                "url": museum.get_url(request),
                "status": museum.opening_status_text,
                "open": museum.opening_status.is_open,
                "lng": point[0],
                "lat": point[1],
                "colour": museum.localized_themes[0].colour if museum.localized_themes else "",
            }
        )
    return markers


def cluster_labels(markers):
    """The accessible names of the map's clusters, by the number of museums they hold.

    Translated here, where each language's plural forms are known: the map script only
    looks a count up. A cluster holds two museums at least.
    """
    return {
        count: ngettext("%(count)s musée — zoomer", "%(count)s musées — zoomer", count)
        % {"count": count}
        for count in range(2, len(markers) + 1)
    }
