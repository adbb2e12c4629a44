"""Route pages as visitors see them: the stops with their museums in the page's language,
the day planned from the form's date and start time, the listings of routes (home page,
index, museum pages), and the exports.

Each runs a fixed number of queries, whatever the number of stops or routes.
"""

import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils import formats
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.pages import as_specific, public_pages, with_specific_tables
from core.remembered import remembered
from museum_pages.models import MuseumPage
from museum_pages.practical.opening_hours import PARIS, end_of_day, now_in_paris
from network import route_exports, route_plan

DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
TIME = re.compile(r"([0-9]{2}):([0-9]{2})(:[0-9]{2})?")
DAYS_AHEAD = 731  # a visit can be planned two years ahead


# The form: a date and a start time, read strictly -----------------------------------------


@dataclass
class DayForm:
    """What the visitor asked: `day` (None: no check) and `start`, with the values to show
    back in the form and the errors to say, never an exception."""

    day: datetime.date | None
    start: datetime.time
    date_value: str = ""
    start_value: str = ""
    errors: dict = field(default_factory=dict)
    first_day: datetime.date | None = None
    last_day: datetime.date | None = None


def read_day_form(query, default_start, today):
    raw_date = (query.get("date") or "").strip()[:40]
    raw_start = (query.get("start") or "").strip()[:40]
    form = DayForm(
        day=None,
        start=default_start,
        first_day=today,
        last_day=today + datetime.timedelta(days=DAYS_AHEAD),
    )
    form.start_value = default_start.strftime("%H:%M")
    if raw_start:
        match = TIME.fullmatch(raw_start)
        hours, minutes = (int(match.group(1)), int(match.group(2))) if match else (99, 99)
        if hours < 24 and minutes < 60:
            form.start = datetime.time(hours, minutes)
            form.start_value = form.start.strftime("%H:%M")
        else:
            form.errors["start"] = _("Heure non reconnue : indiquez-la sous la forme 09:30.")
    if raw_date:
        form.date_value = raw_date if DATE.fullmatch(raw_date) else ""
        try:
            day = datetime.date.fromisoformat(raw_date) if DATE.fullmatch(raw_date) else None
        except ValueError:
            day = None
        if day is None:
            form.errors["date"] = _("Cette date n'existe pas : choisissez un jour du calendrier.")
        elif day < form.first_day:
            form.errors["date"] = _("Choisissez une date à partir d'aujourd'hui.")
        elif day > form.last_day:
            form.errors["date"] = _("Choisissez une date dans les deux années à venir.")
        else:
            form.day = day
    return form


# The stops of a route, with their museums in the page's language ---------------------------


@dataclass
class Entry:
    """One stop as the page shows it."""

    position: int
    name: str
    town: str
    url: str | None
    stop: route_plan.Stop
    row: object  # the RouteStop: transport hint, note
    museum: object | None = None


def localized_museums(rows, locale_id):
    """{French museum pk: the live public museum page of the locale}, with its opening
    rows prefetched: four queries, whatever the number of stops."""
    keys = {row.museum.translation_key: row.museum_id for row in rows if row.museum_id}
    if not keys:
        return {}
    found = public_pages(
        MuseumPage.objects.live().filter(locale_id=locale_id, translation_key__in=list(keys))
    ).prefetch_related("opening_periods", "closures", "guided_departures")
    return {keys[museum.translation_key]: museum for museum in found}


def route_entries(page, request=None):
    """The stops of `page` in order, each with its museum in the page's language."""
    rows = list(page.stops.all().select_related("museum"))
    museums = localized_museums(rows, page.locale_id)
    entries = []
    for position, row in enumerate(rows, start=1):
        museum = museums.get(row.museum_id)
        if museum is not None:
            stay = row.stay_minutes or museum.visit_duration or route_plan.DEFAULT_STAY_MINUTES
            stop = route_plan.Stop(
                name=museum.title,
                point=museum.point or row.point,
                stay_minutes=stay,
                museum=True,
                periods=list(museum.opening_periods.all()),
                closures=list(museum.closures.all()),
                departures=list(museum.guided_departures.all()),
                guided_only=museum.guided_visits_only,
            )
            entries.append(
                Entry(
                    position, museum.title, museum.town, museum.get_url(request), stop, row, museum
                )
            )
            continue
        # A place, or a museum that is not (or not yet) live in this language: its own name.
        name = row.name or (row.museum.title if row.museum_id else "")
        stop = route_plan.Stop(
            name=name,
            point=row.point or (row.museum.point if row.museum_id else None),
            stay_minutes=row.stay_minutes or route_plan.DEFAULT_STAY_MINUTES,
        )
        entries.append(Entry(position, name, "", None, stop, row))
    return entries


# Words for durations and distances ----------------------------------------------------------


def duration_text(minutes):
    if minutes < 60:
        return _("%(minutes)s min") % {"minutes": minutes}
    return _("%(hours)s h %(minutes)s") % {"hours": minutes // 60, "minutes": f"{minutes % 60:02d}"}


def distance_text(km):
    return _("%(km)s km") % {"km": formats.number_format(round(km))}


# The page ----------------------------------------------------------------------------------


def route_context(page, request):
    today = now_in_paris().date()
    form = read_day_form(request.GET, page.start_time, today)
    entries = route_entries(page, request)
    stops = [entry.stop for entry in entries]
    route_legs = route_plan.legs(stops)
    start = datetime.datetime.combine(form.day or today, form.start, tzinfo=PARIS)
    visits = route_plan.plan_day(stops, start, check=form.day is not None, route_legs=route_legs)
    distance, driving, on_site = route_plan.totals(stops, route_legs)
    rows = []
    for index, (entry, visit) in enumerate(zip(entries, visits, strict=True)):
        before = route_legs[index - 1] if index else None
        rows.append(
            {
                "entry": entry,
                "visit": visit,
                "arrival": route_plan.clock(visit.arrival),
                "begins": route_plan.clock(visit.begins),
                "leaves": route_plan.clock(visit.leaves),
                "stay": duration_text(entry.stop.stay_minutes),
                "leg": before,
                "leg_distance": distance_text(before.distance_km)
                if before and before.distance_km is not None
                else "",
                "leg_drive": duration_text(before.drive_minutes) if before else "",
            }
        )
    warnings = [notice for visit in visits for notice in visit.warnings]
    if request.GET.get("format") == "ics" and form.day is None and "date" not in form.errors:
        form.errors["date"] = _("Choisissez une date pour télécharger le calendrier de la journée.")
    calendar = {"format": "ics", "date": form.day.isoformat() if form.day else ""}
    calendar["start"] = form.start_value
    return {
        "form": form,
        "stops": rows,
        "checked": form.day is not None,
        "checked_day": formats.date_format(form.day, "DATE_FORMAT") if form.day else "",
        "warning_count": len(warnings),
        "totals": {
            "distance": distance_text(distance),
            "driving": duration_text(driving),
            "on_site": duration_text(on_site),
            "ends": route_plan.clock(visits[-1].leaves) if visits else "",
        },
        "road_factor": formats.number_format(route_plan.ROAD_FACTOR, 1),
        "average_speed": route_plan.AVERAGE_SPEED_KMH,
        "map_stops": route_exports.map_data(entries),
        "calendar_query": urlencode(calendar) if form.day else "",
        "json_ld": route_exports.json_ld(page, entries, request),
    }


def limit_lifetime(response):
    """The form's first and last days move at midnight in Paris: no cache keeps the page
    past it."""
    now = now_in_paris()
    seconds = int((end_of_day(now.date()) - now).total_seconds())
    if response.get("Cache-Control", "") and "max-age" in response["Cache-Control"]:
        return response
    patch_cache_control(response, max_age=max(0, seconds))
    return response


def export_response(page, request):
    """The route as GPX, GeoJSON or a calendar file (`?format=`), or None for the page."""
    kind = request.GET.get("format")
    if kind not in route_exports.EXPORTS:
        return None
    entries = route_entries(page, request)
    form = read_day_form(request.GET, page.start_time, now_in_paris().date())
    return route_exports.EXPORTS[kind](page, entries, form, request)


# Listings of routes -------------------------------------------------------------------------


def route_summaries(locale_id, parent=None):
    """(the route index, [route pages]) of a language, live and public, in tree order: one
    query. With `parent`, only its children."""
    from network.models import RouteIndexPage, RoutePage

    queryset = Page.objects.live().filter(locale_id=locale_id).type(RouteIndexPage, RoutePage)
    if parent is not None:
        queryset = queryset.child_of(parent)
    rows = list(public_pages(with_specific_tables(queryset)).order_by("path"))
    index, routes = None, []
    for row in rows:
        specific = as_specific(row)
        if isinstance(specific, RouteIndexPage):
            index = index or specific
        else:
            routes.append(specific)
    return index, routes


def routes_through(museum, request=None):
    """The live routes of the museum's language that stop at it: [{"title", "url"}].

    Remembered for every museum of the language at once (one query, then none until the
    next content event).
    """
    from network.models import RoutePage, RouteStop

    def fetch():
        live = public_pages(RoutePage.objects.live().filter(locale_id=museum.locale_id))
        stops = (
            RouteStop.objects.filter(page__in=live.values("pk"), museum__isnull=False)
            .select_related("page", "museum")
            .order_by("page__path", "sort_order")
        )
        found = {}
        for stop in stops:
            routes = found.setdefault(stop.museum.translation_key, [])
            if stop.page not in routes:
                routes.append(stop.page)
        return found

    routes = remembered(f"routes-through:{museum.locale_id}", fetch)
    return [
        {"title": route.title, "url": route.get_url(request)}
        for route in routes.get(museum.translation_key, [])
    ]
