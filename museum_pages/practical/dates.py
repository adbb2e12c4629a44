"""The dates of events and exhibitions: occurrences in Europe/Paris, and their wording.

Plain functions over plain values, so that a page, a listing row annotated with the same
fields, the home page and the agenda all share one rule and can be tested with a frozen
`now`:

- `occurrences_of(...)` expands an event's start, end and simple recurrence (none, weekly,
  monthly until a date; dateutil's rrule) into `Occurrence`s. Recurrence keeps the wall-clock
  time in Paris: a weekly 14:30 tour stays at 14:30 across the DST changes;
- `exhibition_phase(...)` says whether an exhibition is permanent, coming, current or ended
  on a day in Paris;
- `when_text(occurrence)` and `exhibition_dates_text(...)` word them in the active language,
  with Django's localised date formats, as museum_pages.practical.display does for the hours
  (times written 14:30 by `hhmm` in every language).
"""

import datetime
from dataclasses import dataclass

from dateutil.rrule import MONTHLY, WEEKLY, rrule
from django.utils import formats
from django.utils.dates import WEEKDAYS
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from museum_pages.practical.opening_hours import PARIS, hhmm, now_in_paris

NONE, WEEKLY_REPEAT, MONTHLY_REPEAT = "none", "weekly", "monthly"
RRULE_FREQUENCIES = {WEEKLY_REPEAT: WEEKLY, MONTHLY_REPEAT: MONTHLY}
# A recurrence never yields more than this at once (two years of weekly dates).
MAX_OCCURRENCES = 104

PERMANENT, COMING, CURRENT, ENDED = "permanent", "coming", "current", "ended"


@dataclass(frozen=True)
class Occurrence:
    """One date of an event: aware datetimes in Europe/Paris; `end` is never None (an event
    without an end lasts until its start, an all-day event until the end of its last day)."""

    start: datetime.datetime
    end: datetime.datetime
    all_day: bool = False
    has_end: bool = True

    @property
    def start_date(self):
        return self.start.date()

    @property
    def end_date(self):
        """The last day of the occurrence (an all-day event ends at 00:00 the day after)."""
        if self.all_day:
            return (self.end - datetime.timedelta(seconds=1)).date()
        return self.end.date()


def occurrences_of(
    start_at,
    end_at=None,
    all_day=False,
    repeat=NONE,
    repeat_until=None,
    after=None,
    before=None,
    limit=MAX_OCCURRENCES,
):
    """The occurrences of an event, in order, that have not ended by `after` and start
    before `before` (both optional, aware datetimes).

    `start_at`/`end_at` are the first occurrence (aware, any zone); `repeat` is "none",
    "weekly" or "monthly" and `repeat_until` the last possible day (a date, in Paris).
    """
    if start_at is None:
        return []
    wall_start, duration, has_end = _wall_clock(start_at, end_at, all_day)
    starts = _wall_starts(wall_start, repeat, repeat_until)
    found = []
    for wall in starts:  # lazily: a weekly event may have started years ago
        occurrence = _occurrence(wall, duration, all_day, has_end)
        if after is not None and occurrence.end < after:
            continue
        if before is not None and occurrence.start >= before:
            break
        found.append(occurrence)
        if len(found) >= limit:
            break
    return found


def _wall_clock(start_at, end_at, all_day):
    """(first start, duration, has_end) on Paris's wall clock: recurrence keeps the clock
    time, so that 14:30–16:30 stays 14:30–16:30 after a DST change."""
    start = start_at.astimezone(PARIS)
    has_end = end_at is not None
    end = end_at.astimezone(PARIS) if has_end else start
    if all_day:
        start = start.replace(hour=0, minute=0, second=0, microsecond=0)
        last_day = max(end.date(), start.date())
        end = datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time())
        end = end.replace(tzinfo=PARIS)
    wall_start, wall_end = start.replace(tzinfo=None), end.replace(tzinfo=None)
    return wall_start, wall_end - wall_start, has_end


def _rule(wall_start, repeat, repeat_until):
    """dateutil's rrule of a repeated event and its UNTIL (wall clock), or (None, None)."""
    frequency = RRULE_FREQUENCIES.get(repeat)
    if frequency is None or repeat_until is None:
        return None, None
    until = datetime.datetime.combine(repeat_until, datetime.time.max)
    return rrule(frequency, dtstart=wall_start, until=until), until


def _wall_starts(wall_start, repeat, repeat_until):
    rule, _until = _rule(wall_start, repeat, repeat_until)
    return iter([wall_start]) if rule is None else iter(rule)


def _occurrence(wall, duration, all_day, has_end):
    return Occurrence(
        start=wall.replace(tzinfo=PARIS),
        end=(wall + duration).replace(tzinfo=PARIS),
        all_day=all_day,
        has_end=has_end or all_day,
    )


def last_occurrence(start_at, end_at=None, all_day=False, repeat=NONE, repeat_until=None):
    """The last occurrence of an event, however many come before it (`occurrences_of`
    stops at MAX_OCCURRENCES), or None without a start."""
    if start_at is None:
        return None
    wall_start, duration, has_end = _wall_clock(start_at, end_at, all_day)
    rule, until = _rule(wall_start, repeat, repeat_until)
    wall = wall_start if rule is None else (rule.before(until, inc=True) or wall_start)
    return _occurrence(wall, duration, all_day, has_end)


def next_occurrence(start_at, end_at=None, all_day=False, repeat=NONE, repeat_until=None, now=None):
    """The occurrence going on or coming next at `now`, or None when all have ended."""
    now = now or now_in_paris()
    upcoming = occurrences_of(start_at, end_at, all_day, repeat, repeat_until, after=now, limit=1)
    return upcoming[0] if upcoming else None


def exhibition_phase(kind, start_date, end_date, today=None):
    """PERMANENT, or for a temporary exhibition COMING, CURRENT or ENDED on `today` (Paris)."""
    if kind != "temporary":
        return PERMANENT
    today = today or now_in_paris().date()
    if start_date and today < start_date:
        return COMING
    if end_date and today > end_date:
        return ENDED
    return CURRENT


# Wording, in the active language --------------------------------------------------------


def long_date(day):
    """ "30 juin 2027", "30. Juni 2027", "June 30, 2027": the language's DATE_FORMAT."""
    return formats.date_format(day, "DATE_FORMAT")


def day_text(day):
    """ "samedi 14 mars 2027", "Samstag, 14. März 2027"."""
    weekday = str(WEEKDAYS[day.weekday()])
    return _("%(weekday)s %(date)s") % {"weekday": weekday, "date": long_date(day)}


def when_text(occurrence):
    """The date and times of one occurrence, in the active language, capitalised."""
    return capfirst(_when_text(occurrence))


def _when_text(occurrence):
    start, end = occurrence.start, occurrence.end
    if occurrence.all_day:
        if occurrence.end_date == occurrence.start_date:
            return _("%(day)s, toute la journée") % {"day": day_text(start.date())}
        return _("Du %(start)s au %(end)s") % {
            "start": long_date(start.date()),
            "end": long_date(occurrence.end_date),
        }
    if not occurrence.has_end or end == start:
        return _("%(day)s à %(time)s") % {"day": day_text(start.date()), "time": hhmm(start)}
    if end.date() == start.date():
        return _("%(day)s, de %(start)s à %(end)s") % {
            "day": day_text(start.date()),
            "start": hhmm(start),
            "end": hhmm(end),
        }
    return _("Du %(start)s à %(start_time)s au %(end)s à %(end_time)s") % {
        "start": day_text(start.date()),
        "start_time": hhmm(start),
        "end": day_text(end.date()),
        "end_time": hhmm(end),
    }


def repeat_text(repeat, repeat_until):
    """ "Chaque semaine jusqu'au 30 juin 2027", or "" for a single date."""
    if repeat == WEEKLY_REPEAT and repeat_until:
        return _("Chaque semaine jusqu’au %(date)s") % {"date": long_date(repeat_until)}
    if repeat == MONTHLY_REPEAT and repeat_until:
        return _("Chaque mois jusqu’au %(date)s") % {"date": long_date(repeat_until)}
    return ""


def exhibition_dates_text(kind, start_date, end_date, today=None):
    """What a listing says of an exhibition's dates: "jusqu'au 30 juin 2027", "ouvre le
    14 mars 2027", "terminée le …"; "" for a permanent one."""
    phase = exhibition_phase(kind, start_date, end_date, today)
    if phase == COMING and start_date:
        return _("Ouvre le %(date)s") % {"date": long_date(start_date)}
    if phase == CURRENT and end_date:
        return _("Jusqu’au %(date)s") % {"date": long_date(end_date)}
    if phase == CURRENT and start_date:
        return _("Depuis le %(date)s") % {"date": long_date(start_date)}
    if phase == ENDED and end_date:
        return _("Terminée le %(date)s") % {"date": long_date(end_date)}
    return ""


def exhibition_range_text(start_date, end_date):
    """ "Du 5 décembre 2026 au 30 juin 2027" for a temporary exhibition's page."""
    if start_date and end_date:
        return _("Du %(start)s au %(end)s") % {
            "start": long_date(start_date),
            "end": long_date(end_date),
        }
    return ""
