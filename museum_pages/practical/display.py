"""What the museum page, the cards, the map and the feeds show of the practical facts.

Everything here works on rows already fetched (prefetched in listings), so that rendering
costs no query per period, closure or price.
"""

import datetime
from itertools import groupby

from django.utils import formats, translation
from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _

from museum_pages.models.practical import ACCESS_FLAGS, LANGUAGE_CHOICES
from museum_pages.practical import opening_hours
from museum_pages.practical.opening_hours import hhmm, now_in_paris

LANGUAGE_NAMES = dict(LANGUAGE_CHOICES)


def season_label(period):
    if period.valid_from is None and period.valid_until is None:
        return _("Toute l'année")
    pattern = opening_hours.day_month_format() if period.every_year else "DATE_FORMAT"
    start = formats.date_format(period.valid_from, pattern) if period.valid_from else "…"
    end = formats.date_format(period.valid_until, pattern) if period.valid_until else "…"
    return _("Du %(start)s au %(end)s") % {"start": start, "end": end}


def weekly_schedule(periods):
    """Seasons, each with its seven days and their spans: [{label, days: [(day, spans)]}]."""

    def season_key(period):
        return (period.valid_from or datetime.date.min, period.valid_until or datetime.date.max)

    seasons = []
    for _key, rows in groupby(sorted(periods, key=season_key), key=season_key):
        rows = sorted(rows, key=lambda period: period.opens)
        days = []
        for number in range(7):
            spans = [
                f"{hhmm(row.opens)}–{hhmm(row.closes)}" for row in rows if number in row.weekdays
            ]
            days.append({"name": str(WEEKDAYS[number]).capitalize(), "spans": spans})
        seasons.append({"label": season_label(rows[0]), "days": days})
    return seasons


def closure_label(closure):
    pattern = opening_hours.day_month_format() if closure.every_year else "DATE_FORMAT"
    if closure.end_date and closure.end_date != closure.start_date:
        dates = _("du %(start)s au %(end)s") % {
            "start": formats.date_format(closure.start_date, pattern),
            "end": formats.date_format(closure.end_date, pattern),
        }
    else:
        dates = formats.date_format(closure.start_date, pattern)
    if not closure.reason:
        return dates
    return _("%(dates)s : %(reason)s") % {"dates": dates, "reason": closure.reason}


def language_names(codes):
    return [str(LANGUAGE_NAMES.get(code, code)) for code in codes]


def price_label(price):
    return amount_text(price.is_free, price.amount)


# Where the euro sign goes in each language (CLDR): "11,00 €" in French and German,
# "€11.00" in English, "€ 11,00" in Dutch.
EURO_PATTERNS = {"en": "€{amount}", "nl": "€ {amount}"}
EURO_PATTERN = "{amount} €"


def amount_text(is_free, amount):
    """ "Gratuit", a price in euros as the active language writes it, or "" when unknown."""
    if is_free:
        return _("Gratuit")
    if amount is None:
        return ""
    pattern = EURO_PATTERNS.get(translation.get_language(), EURO_PATTERN)
    return pattern.format(amount=formats.number_format(amount, 2))


# How far ahead a museum page knows its opening spans: a copy saved for offline words its
# status by itself for this long (static/js/opening-status.js).
SCHEDULE_DAYS = 35


def milliseconds(moment):
    return int(moment.timestamp() * 1000)


def opening_schedule(periods, closures, now):
    """What static/js/opening-status.js needs to say the opening status at the time the page
    is read rather than when it was made (a page saved for offline): the spans of the coming
    weeks as instants, what the sentences say of each opening, and the sentences themselves
    in the page's language, with when all this was worked out."""
    spans, until = opening_hours.upcoming_spans(periods, closures, now, SCHEDULE_DAYS)
    paris = now.astimezone(opening_hours.PARIS)
    return {
        "made": milliseconds(now),
        "until": milliseconds(until),
        "seasonDays": opening_hours.SEASON_GAP.days,
        "spans": [
            {
                "opens": milliseconds(opens),
                "closes": milliseconds(closes),
                "day": opens.date().isoformat(),
                # None: at midnight ("ferme à minuit")
                "closesAt": None if closes.time() == datetime.time(0, 0) else hhmm(closes.time()),
                **opening_hours.opening_words(opens),
            }
            for opens, closes in spans
        ],
        "words": opening_hours.status_words(),
        "updated": _("Horaires mis à jour le %(date)s à %(time)s")
        % {
            "date": formats.date_format(paris.date(), opening_hours.day_month_format()),
            "time": paris.strftime("%H:%M"),
        },
    }


def practical_information(museum, rows, now=None):
    """Everything the practical-information section shows, from the museum's fields and its
    rows ({relation: rows}, MuseumPage.practical_rows)."""
    now = now or now_in_paris()
    periods = rows["opening_periods"]
    closures = rows["closures"]
    status = opening_hours.opening_status(periods, closures, now)
    today = now.astimezone(opening_hours.PARIS).date()
    upcoming_closures = [
        closure for closure in closures if closure.every_year or closure.last_date >= today
    ]
    prices = rows["prices"]
    return {
        "status": status,
        "status_text": opening_hours.status_text(status),
        "schedule": opening_schedule(periods, closures, now),
        "seasons": weekly_schedule(periods),
        "closures": [closure_label(closure) for closure in upcoming_closures],
        "departures": [
            {
                "time": hhmm(d.departs_at),
                "language": str(LANGUAGE_NAMES.get(d.language, d.language)),
            }
            for d in rows["guided_departures"]
        ],
        "prices": [
            {"label": p.label, "amount": price_label(p), "note": p.note, "combined": p.is_combined}
            for p in prices
        ],
        "is_free": bool(prices) and all(p.is_free for p in prices),
        "access": [str(label) for name, label in ACCESS_FLAGS if getattr(museum, name)],
        "visit_languages": language_names(museum.visit_language_codes),
        "audio_guide_languages": language_names(museum.audio_guide_language_codes),
    }
