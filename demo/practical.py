"""Practical information of the demo museums as page fields and rows: hours, closures,
prices, access, read from each museum's `practical`, `location` and `contact` (demo.data).

Patterns taken from the real museums: Mimoyecques opens only from mid-April to
mid-October; the Carrière Wellington is visited with a guide at set times; several museums
close on Mondays or Tuesdays or at lunchtime; the Caverne du Dragon has no hours entered
yet. Dates recur every year, so the demo never goes stale. Phone numbers are in ARCEP's
range reserved for fiction (03 53 01 xx xx).
"""

import datetime
from decimal import Decimal

from core import languages
from demo.data import in_language
from museum_pages.models.practical import (
    WEEKDAY_FIELDS,
    Closure,
    GuidedDeparture,
    OpeningPeriod,
    Price,
)
from museum_pages.practical.geography import make_point

YEAR = 2026  # ignored: every demo date recurs every year


def every_year(month_day):
    """A "MM-DD" date of the demo data as a date whose year is ignored, or None."""
    if month_day is None:
        return None
    month, day = map(int, month_day.split("-"))
    return datetime.date(YEAR, month, day)


def practical_fields(museum):
    """The French page's practical fields and rows, for MuseumPageFactory."""
    location, contact, practical = museum["location"], museum["contact"], museum["practical"]
    access = practical["access"]
    fields = {
        "street": location["street"],
        "postcode": location["postcode"],
        "location": make_point(location["longitude"], location["latitude"]),
        "phone": contact["phone"],
        "website": contact["website"],
        "booking_url": contact["website"] if contact["online_booking"] else "",
        "guided_visits_only": practical["guided_visits_only"],
        "visit_duration": access["visit_duration_minutes"],
        "visit_languages": ",".join(access["visit_languages"]),
        "audio_guide_languages": ",".join(access["audio_guide_languages"]),
        "access_notes": access["notes"][languages.SOURCE] if access["notes"] else "",
        "opening_periods": [
            OpeningPeriod(
                valid_from=every_year(row["from"]),
                valid_until=every_year(row["until"]),
                every_year=True,
                opens=datetime.time.fromisoformat(row["opens"]),
                closes=datetime.time.fromisoformat(row["closes"]),
                **{day: day in row["days"] for day in WEEKDAY_FIELDS},
            )
            for row in practical["opening_periods"]
        ],
        "closures": [
            Closure(
                start_date=every_year(row["from"]),
                end_date=every_year(row["until"]),
                every_year=True,
                reason=row["reason"][languages.SOURCE],
            )
            for row in practical["closures"]
        ],
        "guided_departures": [
            GuidedDeparture(
                departs_at=datetime.time.fromisoformat(row["time"]), language=row["language"]
            )
            for row in practical["guided_departures"]
        ],
        "prices": [
            Price(
                label=row["label"][languages.SOURCE],
                amount=None if row["amount"] is None else Decimal(row["amount"]),
                is_free=row["free"],
                note=row["note"][languages.SOURCE] if row["note"] else "",
                is_combined=row["combined"],
            )
            for row in practical["prices"]
        ],
    }
    for name in access["features"]:
        fields[name] = True
    return fields


def practical_texts(museum, code):
    """The translatable practical texts of a museum in one language, aligned with French."""
    practical = museum["practical"]
    texts = [in_language(row["reason"], code) for row in practical["closures"]]
    for row in practical["prices"]:
        texts.append(in_language(row["label"], code))
        if row["note"]:
            texts.append(in_language(row["note"], code))
    if practical["access"]["notes"]:
        texts.append(in_language(practical["access"]["notes"], code))
    return texts
