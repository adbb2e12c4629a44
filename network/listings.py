"""Listings that span the museums of the network. Each runs a fixed number of queries."""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce, Substr
from django.utils.translation import ngettext
from wagtail.images import get_image_model
from wagtail.models import Page

from core import pictures
from core.pages import public_pages
from core.remembered import remembered
from museum_pages.models import EventPage, ExhibitPage, MuseumPage
from museum_pages.models.museum import DATED_ANNOTATIONS
from museum_pages.practical import dates, event_display, opening_hours
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


def dated_rows(home):
    """The live public events that may not have ended and the temporary exhibitions that
    have not closed, under a network home: page rows with their dates (DATED_ANNOTATIONS),
    intro, the museum's title and path (`museum_path`), in one query.

    The filter is coarse, by whole days in Paris: whether an event is over is decided by its
    occurrences (museum_pages.practical.dates), at each rendering. An all-day event whose
    day has begun is still on (it ends at midnight, not at its start time).
    """
    today = opening_hours.now_in_paris().date()
    day_began = datetime.datetime.combine(today, datetime.time(), tzinfo=opening_hours.PARIS)
    event_type = ContentType.objects.get_for_model(EventPage).pk
    exhibit_type = ContentType.objects.get_for_model(ExhibitPage).pk
    length = home.steplen * (home.depth + 1)  # a museum is a child of the home
    museum_title = Page.objects.filter(path=Substr(OuterRef("path"), 1, length))
    return (
        public_pages(
            Page.objects.live()
            .descendant_of(home)
            .filter(content_type_id__in=[event_type, exhibit_type])
        )
        .annotate(
            intro=Coalesce("exhibitpage__intro", "eventpage__intro"),
            museum_title=Subquery(museum_title.values("title")[:1]),
            museum_path=Substr("path", 1, length),
            is_event=Q(content_type_id=event_type),
            is_free=F("eventpage__is_free"),
            **DATED_ANNOTATIONS,
        )
        .filter(
            Q(content_type_id=exhibit_type, kind="temporary", end_date__gte=today)
            | Q(content_type_id=event_type, repeat="none", start_at__gte=day_began)
            | Q(content_type_id=event_type, repeat="none", end_at__gte=day_began)
            | Q(content_type_id=event_type, repeat_until__gte=today)
        )
    )


def dated_pages(home):
    """[("events" or "exhibits", row)] of `dated_rows`: one query, remembered until the next
    content event.

    Rows that end later stay right as time passes (their dates are worked out at each
    rendering); a new one only comes with a publication, which starts a new generation.
    """

    def fetch():
        return [("events" if row.is_event else "exhibits", row) for row in dated_rows(home)]

    return remembered(f"network-dated-pages:{home.pk}", fetch)


def upcoming_events_and_exhibitions(home, events=3, now=None):
    """{"events": the next `events` events of the network (next date first), "exhibitions":
    the temporary exhibitions open now (closing soonest first)}, from `dated_pages`."""
    now = now or opening_hours.now_in_paris()
    found = {"events": [], "exhibitions": []}
    for group, row in dated_pages(home):
        if group == "events":
            event = event_display.event_row_dates(row, now)
            if event is not None:
                found["events"].append(event)
        else:
            exhibit = event_display.exhibit_row_dates(row, now.date())
            if exhibit.phase == dates.CURRENT:
                found["exhibitions"].append(exhibit)
    found["events"].sort(key=lambda row: row.when["occurrence"].start)
    found["events"] = found["events"][:events]
    found["exhibitions"].sort(key=lambda row: row.end_date)
    return found
