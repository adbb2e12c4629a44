"""Opening status rules, computed in Europe/Paris whatever the server's clock says.

Also the two rules every display of the hours shares: what "now" is (`now_in_paris`) and
how a time is written, midnight as 24:00 (`hhmm`).

Plain functions over plain values so that they can be tested with a frozen `now`:
`opening_status(periods, closures, now)` works on OpeningPeriod and Closure rows (or any
object with the same attributes) and returns a Status; `status_text(status)` words it in
the active language.

Rules:
- a period applies on a day when the day is in its date range (the range recurs every
  year when `every_year` is set, and may then wrap over New Year) and on its weekdays;
- a closure covering the day overrides every period of that day;
- `closes` at 00:00 means midnight at the end of the day (a period ending at 24:00);
- times are wall-clock times in Paris: on the days of the DST changes, 10:00 is 10:00;
- several periods on one day (a lunch break) give several spans; a museum is open when
  `now` falls inside one of them, and "closes at" is the end of that span;
- when the next opening is more than a week away, the museum is closed for the season.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import formats, timezone
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

PARIS = ZoneInfo("Europe/Paris")
SEASON_GAP = datetime.timedelta(days=7)
HORIZON_DAYS = 400

OPEN, CLOSED, SEASON, UNKNOWN = "open", "closed", "season", "unknown"


def now_in_paris():
    """The current time in Paris, whatever the server's clock zone."""
    return timezone.now().astimezone(PARIS)


def hhmm(value):
    """A time of day as "10:00"; a closing time of 00:00 is midnight at the end of the day,
    "24:00"."""
    return "24:00" if value == datetime.time(0, 0) else value.strftime("%H:%M")


@dataclass(frozen=True)
class Status:
    kind: str
    at: datetime.datetime | None = None  # closing time (open) or next opening (closed)
    now: datetime.datetime | None = None

    @property
    def is_open(self):
        return self.kind == OPEN

    @property
    def changes_at(self):
        """When this status or its wording stops being true: a cache must not outlive it.

        "Opens tomorrow" becomes "opens today" at midnight, before the opening itself.
        """
        if self.kind != CLOSED or self.now is None:
            return self.at
        return min(self.at, end_of_day(self.now.astimezone(PARIS).date()))


def end_of_day(day):
    """Midnight at the end of `day` in Paris: the next day's 00:00."""
    return datetime.datetime.combine(
        day + datetime.timedelta(days=1), datetime.time(0, 0), tzinfo=PARIS
    )


def in_date_range(day, start, end, every_year):
    """True when `day` is between `start` and `end` (inclusive); open ends are unbounded."""
    if start is None and end is None:
        return True
    if not every_year:
        return (start is None or start <= day) and (end is None or day <= end)
    key = (day.month, day.day)
    first = (start.month, start.day) if start else (1, 1)
    last = (end.month, end.day) if end else (12, 31)
    if first <= last:
        return first <= key <= last
    return key >= first or key <= last  # a season over New Year


def is_closed_on(day, closures):
    return any(
        in_date_range(
            day, closure.start_date, closure.end_date or closure.start_date, closure.every_year
        )
        for closure in closures
    )


def spans_on(day, periods, closures):
    """The opening spans of `day` as sorted (opens, closes) aware datetimes in Paris."""
    if is_closed_on(day, closures):
        return []
    spans = []
    for period in periods:
        if day.weekday() not in period.weekdays:
            continue
        if not in_date_range(day, period.valid_from, period.valid_until, period.every_year):
            continue
        opens = datetime.datetime.combine(day, period.opens, tzinfo=PARIS)
        if period.closes == datetime.time(0, 0):
            closes = end_of_day(day)
        else:
            closes = datetime.datetime.combine(day, period.closes, tzinfo=PARIS)
        if closes > opens:
            spans.append((opens, closes))
    spans.sort()
    # Touching spans (10:00–12:00 and 12:00–18:00) are one opening.
    merged = []
    for opens, closes in spans:
        if merged and opens <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(closes, merged[-1][1]))
        else:
            merged.append((opens, closes))
    return merged


def opening_status(periods, closures, now):
    """The status of a museum at `now` (an aware datetime, any time zone)."""
    periods, closures = list(periods), list(closures)
    if not periods:
        return Status(UNKNOWN, now=now)
    now = now.astimezone(PARIS)
    today = now.date()
    for offset in range(-1, HORIZON_DAYS):  # yesterday: a span may end after midnight
        day = today + datetime.timedelta(days=offset)
        for opens, closes in spans_on(day, periods, closures):
            if closes <= now:
                continue
            if opens <= now:
                return Status(OPEN, closes, now)
            kind = SEASON if opens.date() - today > SEASON_GAP else CLOSED
            return Status(kind, opens, now)
    return Status(UNKNOWN, now=now)


def day_month_format():
    """'15 avril', '15 April', '15. April', '15 april': a date format per language."""
    return pgettext("date format: day and month, see Django's date filter", "j F")


def status_words():
    """The status's sentences in the active language, with {time}, {weekday} or {date} to
    fill: the one wording of `status_text` here and of static/js/opening-status.js on a
    phone (the museum page's embedded schedule, museum_pages.practical.display)."""
    slots = {"time": "{time}", "weekday": "{weekday}", "date": "{date}"}
    return {
        UNKNOWN: _("Horaires pas encore disponibles"),
        OPEN: _("Ouvert maintenant — ferme à %(time)s") % slots,
        "open_midnight": _("Ouvert maintenant — ferme à minuit"),
        SEASON: _("Fermé pour la saison — réouverture le %(date)s") % slots,
        "today": _("Fermé — ouvre aujourd'hui à %(time)s") % slots,
        "tomorrow": _("Fermé — ouvre demain à %(time)s") % slots,
        "weekday": _("Fermé — ouvre %(weekday)s à %(time)s") % slots,
    }


def fill(sentence, **values):
    for name, value in values.items():
        sentence = sentence.replace(f"{{{name}}}", value)
    return sentence


def opening_words(opens):
    """What the sentences say of an opening at `opens` (aware): its time, weekday, date."""
    opens = opens.astimezone(PARIS)
    return {
        "time": opens.strftime("%H:%M"),
        "weekday": str(WEEKDAYS[opens.weekday()]),
        "date": formats.date_format(opens.date(), day_month_format()),
    }


def status_text(status):
    """The status in words, in the active language."""
    words = status_words()
    if status.kind == UNKNOWN:
        return words[UNKNOWN]
    at = status.at.astimezone(PARIS)
    if status.kind == OPEN:
        if at.time() == datetime.time(0, 0):
            return words["open_midnight"]
        return fill(words[OPEN], time=at.strftime("%H:%M"))
    if status.kind == SEASON:
        return fill(words[SEASON], **opening_words(at))
    days = (at.date() - status.now.astimezone(PARIS).date()).days
    key = {0: "today", 1: "tomorrow"}.get(days, "weekday")
    return fill(words[key], **opening_words(at))


def upcoming_spans(periods, closures, now, days):
    """The opening spans from yesterday to `days` days after today, then the first one
    after them: ([(opens, closes)], the end of the days covered). Until that end, the
    status at any time is worked out from these spans as `opening_status` does."""
    periods, closures = list(periods), list(closures)
    today = now.astimezone(PARIS).date()
    spans = []
    for offset in range(-1, HORIZON_DAYS if periods else 0):
        found = spans_on(today + datetime.timedelta(days=offset), periods, closures)
        if offset <= days:
            spans.extend(found)
        elif found:
            spans.append(found[0])
            break
    return spans, end_of_day(today + datetime.timedelta(days=days))


def seconds_until_change(statuses, now, ceiling=300):
    """A cache lifetime that ends before the first status on the page goes stale."""
    seconds = ceiling
    for status in statuses:
        if status.changes_at is not None:
            seconds = min(seconds, (status.changes_at - now).total_seconds())
    return max(0, int(seconds))


def limit_cache_lifetime(response, statuses, now):
    """Anonymous pages may be cached, but never past the moment a status they show changes."""
    from django.utils.cache import patch_cache_control

    if now is None:
        now = now_in_paris()
    patch_cache_control(response, max_age=seconds_until_change(statuses, now))
