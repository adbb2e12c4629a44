"""The plan of a route for a day: legs between stops, arrival times, and the opening check.

Plain functions over plain values, so that they can be tested without a page: a `Stop`
carries what the plan needs (name, position, time on site, and for a museum its opening
periods, closures and guided departures); `plan_day(stops, start, check=True)` gives a
`Visit` per stop, with its arrival and the notices of the opening check, worded in the
active language. The opening rules themselves are museum_pages.practical.opening_hours'.

Distances: the great circle between two stops times ROAD_FACTOR, driven at
AVERAGE_SPEED_KMH; the page says both. Driving times are rounded up to 5 minutes.
"""

import datetime
import math
from dataclasses import dataclass, field

from django.utils import formats
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from museum_pages.practical import geography
from museum_pages.practical.opening_hours import (
    PARIS,
    SEASON,
    day_month_format,
    hhmm,
    is_closed_on,
    opening_status,
    spans_on,
)

ROAD_FACTOR = 1.3
AVERAGE_SPEED_KMH = 60
ROUNDING_MINUTES = 5
DEFAULT_STAY_MINUTES = 30  # a place that is not a museum, or a museum without a duration

WARNING, INFO = "warning", "info"


@dataclass
class Stop:
    """A stop as the plan needs it. `periods`, `closures`, `departures` are the museum's
    rows (OpeningPeriod, Closure, GuidedDeparture or objects with the same attributes);
    `museum` is False for a place that is not a museum (no hours to check)."""

    name: str
    point: tuple | None
    stay_minutes: int = DEFAULT_STAY_MINUTES
    museum: bool = False
    periods: list = field(default_factory=list)
    closures: list = field(default_factory=list)
    departures: list = field(default_factory=list)
    guided_only: bool = False


@dataclass
class Leg:
    distance_km: float | None
    drive_minutes: int


@dataclass
class Notice:
    kind: str  # WARNING or INFO
    text: str


@dataclass
class Visit:
    stop: Stop
    arrival: datetime.datetime
    begins: datetime.datetime  # later than the arrival when one waits for the opening
    leaves: datetime.datetime
    notices: list = field(default_factory=list)

    @property
    def wait_minutes(self):
        return int((self.begins - self.arrival).total_seconds() // 60)

    @property
    def warnings(self):
        return [notice for notice in self.notices if notice.kind == WARNING]


def leg(origin, destination):
    """The leg between two stops: road distance (km) and driving time (minutes)."""
    if origin.point is None or destination.point is None:
        return Leg(None, 0)
    distance = geography.great_circle_km(origin.point, destination.point) * ROAD_FACTOR
    minutes = distance / AVERAGE_SPEED_KMH * 60
    rounded = int(math.ceil(minutes / ROUNDING_MINUTES) * ROUNDING_MINUTES)
    return Leg(distance, rounded)


def legs(stops):
    return [leg(a, b) for a, b in zip(stops, stops[1:], strict=False)]


def totals(stops, route_legs):
    """(road km, driving minutes, minutes on site) of the whole route."""
    return (
        sum(item.distance_km or 0 for item in route_legs),
        sum(item.drive_minutes for item in route_legs),
        sum(stop.stay_minutes for stop in stops),
    )


def plan_day(stops, start, check=False, route_legs=None):
    """A Visit per stop, leaving the first one at `start` (an aware datetime in Paris).

    Without `check`, one arrives at each stop after the time at the one before and the drive.
    With `check`, each museum's opening rules on the day of arrival are read: one waits for
    an opening or a guided departure (and the later stops shift), and what cannot work is
    said in a warning. `route_legs`: `legs(stops)`, when the caller has them already.
    """
    visits = []
    route_legs = legs(stops) if route_legs is None else route_legs
    arrival = start
    for index, stop in enumerate(stops):
        if index:
            arrival = visits[-1].leaves + datetime.timedelta(
                minutes=route_legs[index - 1].drive_minutes
            )
        begins, notices = (arrival, [])
        if check and stop.museum:
            begins, notices = opening_check(stop, arrival)
        leaves = begins + datetime.timedelta(minutes=stop.stay_minutes)
        visits.append(Visit(stop, arrival, begins, leaves, notices))
    return visits


def clock(moment):
    return hhmm(moment.astimezone(PARIS).time())


def closure_on(day, closures):
    for closure in closures:
        if is_closed_on(day, [closure]):
            return closure
    return None


def opening_check(stop, arrival):
    """(when the visit can begin, [Notice]) for a museum reached at `arrival`."""
    arrival = arrival.astimezone(PARIS)
    day = arrival.date()
    words = {"museum": stop.name, "arrival": clock(arrival)}
    if not stop.periods:
        text = _(
            "Les horaires de %(museum)s ne sont pas encore en ligne : vérifiez avant de partir."
        )
        return arrival, [Notice(INFO, text % words)]
    spans = spans_on(day, stop.periods, stop.closures)
    if not spans:
        return arrival, [Notice(WARNING, closed_day_text(stop, day, words))]
    if stop.guided_only:
        return guided_check(stop, arrival, spans, words)
    for opens, closes in spans:
        if arrival < opens:
            words.update(opens=clock(opens))
            notices = [
                Notice(
                    INFO,
                    _(
                        "%(museum)s ouvre à %(opens)s : vous arriveriez à %(arrival)s, "
                        "la visite commence à l'ouverture."
                    )
                    % words,
                )
            ]
            return opens, notices + closing_warning(stop, opens, closes, words)
        if arrival < closes:
            return arrival, closing_warning(stop, arrival, closes, words)
    words.update(closes=clock(spans[-1][1]))
    text = _("%(museum)s ferme à %(closes)s : vous arriveriez à %(arrival)s.")
    return arrival, [Notice(WARNING, text % words)]


def closing_warning(stop, begins, closes, words):
    """A warning when the museum closes before the time planned on site is over."""
    if begins + datetime.timedelta(minutes=stop.stay_minutes) <= closes:
        return []
    words = {**words, "closes": clock(closes), "stay": stop.stay_minutes}
    text = _(
        "%(museum)s ferme à %(closes)s : vous arriveriez à %(arrival)s, "
        "pour une visite prévue de %(stay)s min."
    )
    return [Notice(WARNING, text % words)]


def closed_day_text(stop, day, words):
    """Why a museum has no opening on `day`: a closure, the season, or the day of the week.

    French words agree with the museum's name, which may be feminine (« La Coupole »,
    « Forteresse de Mimoyecques »): the name comes first, then « fermé » after a colon, a
    label that reads right whatever the name's gender."""
    closure = closure_on(day, stop.closures)
    if closure is not None:
        if closure.reason:
            return _("%(museum)s : fermé ce jour-là (%(reason)s).") % {
                **words,
                "reason": closure.reason,
            }
        return _("%(museum)s : fermé ce jour-là.") % words
    start_of_day = datetime.datetime.combine(day, datetime.time(0, 0), tzinfo=PARIS)
    status = opening_status(stop.periods, stop.closures, start_of_day)
    if status.kind == SEASON:
        date = formats.date_format(status.at.astimezone(PARIS).date(), day_month_format())
        return _("%(museum)s : fermé pour la saison à cette date (réouverture le %(date)s).") % {
            **words,
            "date": date,
        }
    weekday = str(WEEKDAYS[day.weekday()])
    return _("%(museum)s : fermé le %(weekday)s.") % {**words, "weekday": weekday}


def guided_check(stop, arrival, spans, words):
    """A museum visited with a guide only: the visit begins at the next departure."""
    day = arrival.date()
    departures = sorted(
        (
            datetime.datetime.combine(day, row.departs_at, tzinfo=PARIS),
            row.get_language_display() if hasattr(row, "get_language_display") else row.language,
        )
        for row in stop.departures
    )
    departures = [
        (moment, language)
        for moment, language in departures
        if any(opens <= moment < closes for opens, closes in spans)
    ]
    if not departures:
        text = _(
            "%(museum)s se visite seulement avec un guide : aucun départ n'est annoncé ce jour-là."
        )
        return arrival, [Notice(WARNING, text % words)]
    for moment, language in departures:
        if moment >= arrival:
            if moment == arrival:
                return moment, []
            words.update(time=clock(moment), language=language)
            text = pgettext(
                "guided visit departure; language is a language name",
                "%(museum)s se visite avec un guide : prochain départ à %(time)s (%(language)s), "
                "vous arriveriez à %(arrival)s.",
            )
            return moment, [Notice(INFO, text % words)]
    words.update(time=clock(departures[-1][0]))
    text = _(
        "%(museum)s se visite seulement avec un guide : dernier départ à %(time)s, "
        "vous arriveriez à %(arrival)s."
    )
    return arrival, [Notice(WARNING, text % words)]
