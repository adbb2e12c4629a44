"""A museum's facts as plain values, checked, and turned into MuseumPage fields and rows.

One format, written in French (the source language), read by `import_museums` (from a
network's JSON or CSV file) and by the demo loader (from demo/museums/*.json). Every key
is optional except `name` and `town`; a key that is absent says nothing about that fact.

- `slug` (ASCII, from `name` when absent), `name`, `town`, `intro`;
- `street`, `postcode`, `latitude`, `longitude` (decimal degrees, WGS 84);
- `themes`: slugs of the network's themes;
- `phone`, `email`, `website`, `booking_url`;
- `hours`: [{`days`: ["monday", …], `opens`: "HH:MM", `closes`: "HH:MM" ("00:00" is
  midnight), `from`/`until`: "MM-DD" of a season that recurs every year, or null}];
- `closures`: [{`from`: "MM-DD", `until`: "MM-DD" or null (one day), `reason`}];
- `guided_visits_only`, `guided_departures`: [{`time`: "HH:MM", `language`: "fr"}];
- `prices`: [{`label`, `amount`: "11.00" or null, `free`, `combined`, `note`}];
- `access`: the access flags that apply (`wheelchair_access`, `lift`, …), `access_notes`,
  `visit_duration` (minutes), `visit_languages`, `audio_guide_languages` (codes).

`clean_facts` checks a museum and returns its facts in one canonical form (what
`page_facts` reads back from a page), so that an import compares values, not spellings.
"""

import datetime
import re
import uuid
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.text import slugify

from museum_pages.models.practical import (
    ACCESS_FLAGS,
    LANGUAGE_CHOICES,
    WEEKDAY_FIELDS,
    Closure,
    GuidedDeparture,
    OpeningPeriod,
    Price,
)
from museum_pages.practical.geography import make_point, parse_point

YEAR = 2026  # a leap year, so that 02-29 is a date; ignored: every date recurs every year
ACCESS_NAMES = [name for name, _label in ACCESS_FLAGS]
LANGUAGE_CODES = [code for code, _label in LANGUAGE_CHOICES]
TIME = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")
MONTH_DAY = re.compile(r"^(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
MAX_AMOUNT = Decimal("9999.99")

# name: (page field, maximum length) of the plain texts
TEXTS = {
    "name": ("title", 255),
    "town": ("town", 120),
    "intro": ("intro", 600),
    "street": ("street", 200),
    "postcode": ("postcode", 10),
    "phone": ("phone", 30),
    "access_notes": ("access_notes", 600),
}
URLS = {"website": "website", "booking_url": "booking_url"}
LANGUAGE_LISTS = {
    "visit_languages": "visit_languages",
    "audio_guide_languages": "audio_guide_languages",
}
ROWS = ("hours", "closures", "guided_departures", "prices")
KEYS = [
    "slug",
    *TEXTS,
    "latitude",
    "longitude",
    "themes",
    "email",
    *URLS,
    "guided_visits_only",
    *ROWS,
    "access",
    "visit_duration",
    *LANGUAGE_LISTS,
]
REQUIRED = ("name", "town")


class Problems:
    """The problems found in one museum: [(where, message)], `where` a path like hours[1].opens."""

    def __init__(self):
        self.found = []

    def add(self, where, message):
        self.found.append((where, message))

    def __bool__(self):
        return bool(self.found)


def clean_facts(raw, theme_slugs):
    """(facts, problems) of one museum of a file; `theme_slugs` are the themes that exist."""
    problems = Problems()
    if not isinstance(raw, dict):
        problems.add("", "a museum is an object of facts")
        return {}, problems
    facts = {}
    for key in raw:
        if key not in KEYS:
            problems.add(key, f"unknown field (the fields are: {', '.join(KEYS)})")
    for key in REQUIRED:
        if not isinstance(raw.get(key), str) or not raw[key].strip():
            problems.add(key, "required")
    for key, (_field, length) in TEXTS.items():
        if key in raw:
            facts[key] = text(raw[key], key, problems, length)
    if isinstance(raw.get("name"), str) and raw["name"].strip():
        slug = raw.get("slug") or slugify(raw["name"])[:80]
        if not isinstance(slug, str) or not SLUG.match(slug) or len(slug) > 80:
            problems.add("slug", f"{slug!r} is not a slug (a-z, 0-9 and hyphens, 80 at most)")
        facts["slug"] = slug
    clean_coordinates(raw, facts, problems)
    if "themes" in raw:
        facts["themes"] = sorted(set(codes(raw["themes"], "themes", theme_slugs, problems)))
    if "email" in raw:
        facts["email"] = checked(raw["email"], "email", EmailValidator(), problems, 254)
    for key in URLS:
        if key in raw:
            url_check = URLValidator(schemes=["http", "https"])
            facts[key] = checked(raw[key], key, url_check, problems, 200)
    if "guided_visits_only" in raw:
        facts["guided_visits_only"] = flag(
            raw["guided_visits_only"], "guided_visits_only", problems
        )
    if "visit_duration" in raw:
        facts["visit_duration"] = duration(raw["visit_duration"], problems)
    for key in LANGUAGE_LISTS:
        if key in raw:
            facts[key] = codes(raw[key], key, LANGUAGE_CODES, problems)
    if "access" in raw:
        flags = set(codes(raw["access"], "access", ACCESS_NAMES, problems))
        facts["access"] = [name for name in ACCESS_NAMES if name in flags]
    for key, clean_row in (
        ("hours", clean_hours),
        ("closures", clean_closure),
        ("guided_departures", clean_departure),
        ("prices", clean_price),
    ):
        if key in raw:
            rows = raw[key] if raw[key] is not None else []
            if not isinstance(rows, list):
                problems.add(key, "a list is expected")
                continue
            cleaned = []
            for i, row in enumerate(rows):
                where = f"{key}[{i}]"
                if isinstance(row, str):
                    row = from_text(row, key, where, problems)
                    if row is None:
                        continue
                cleaned.append(clean_row(row, where, problems))
            facts[key] = cleaned
    return facts, problems


# Values ---------------------------------------------------------------------------------


def text(value, where, problems, length):
    if value is None:
        return ""
    if not isinstance(value, str):
        problems.add(where, "a text is expected")
        return ""
    value = value.strip()
    if len(value) > length:
        problems.add(where, f"{len(value)} characters, {length} at most")
    return value


def checked(value, where, validator, problems, length):
    value = text(value, where, problems, length)
    if value:
        try:
            validator(value)
        except ValidationError:
            problems.add(where, f"{value!r} is not valid")
    return value


def flag(value, where, problems):
    if not isinstance(value, bool):
        problems.add(where, "true or false is expected")
        return False
    return value


def number(value, where, problems, low, high):
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        problems.add(where, "a number is expected")
        return None
    try:
        found = float(str(value).strip().replace(",", "."))
    except ValueError:
        problems.add(where, f"{value!r} is not a number")
        return None
    if not low <= found <= high:  # also refuses nan and inf
        problems.add(where, f"{found} is not between {low} and {high}")
        return None
    return round(found, 6)


def clean_coordinates(raw, facts, problems):
    given = [key for key in ("latitude", "longitude") if raw.get(key) not in (None, "")]
    if len(given) == 1:
        problems.add(given[0], "latitude and longitude go together")
    elif given:
        facts["latitude"] = number(raw["latitude"], "latitude", problems, -90, 90)
        facts["longitude"] = number(raw["longitude"], "longitude", problems, -180, 180)
    elif "latitude" in raw or "longitude" in raw:
        facts["latitude"] = facts["longitude"] = None


def codes(value, where, allowed, problems):
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(code, str) for code in value):
        problems.add(where, "a list of codes is expected")
        return []
    unknown = [code for code in value if code not in allowed]
    if unknown:
        problems.add(
            where, f"unknown {', '.join(map(repr, unknown))} (known: {', '.join(allowed)})"
        )
    return [code for code in value if code in allowed]


def duration(value, problems):
    if value is None:
        return None
    if isinstance(value, str) and value.strip().isascii() and value.strip().isdigit():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 1440:
        problems.add("visit_duration", "minutes between 1 and 1440 are expected")
        return None
    return value


def time_of_day(value, where, problems):
    if not isinstance(value, str) or not TIME.match(value.strip()):
        problems.add(where, f"{value!r} is not a time HH:MM (00:00 to 23:59)")
        return None
    return value.strip()


def month_day(value, where, problems, optional=True):
    if value is None and optional:
        return None
    if isinstance(value, str) and MONTH_DAY.match(value.strip()):
        month, day = map(int, value.split("-"))
        try:
            datetime.date(YEAR, month, day)
        except ValueError:
            pass
        else:
            return value.strip()
    problems.add(where, f"{value!r} is not a date MM-DD")
    return None


# The short forms of a row, one line each (a CSV cell holds several, separated by ";").
DAY_CODES = dict(
    zip(("mon", "tue", "wed", "thu", "fri", "sat", "sun"), WEEKDAY_FIELDS, strict=True)
)
HOURS_TEXT = re.compile(
    r"^(?:(?P<from>\d\d-\d\d)\.\.(?P<until>\d\d-\d\d)\s+)?(?P<days>[a-z,-]+)\s+"
    r"(?P<opens>\d\d:\d\d)-(?P<closes>\d\d:\d\d)$"
)
CLOSURE_TEXT = re.compile(
    r"^(?P<from>\d\d-\d\d)(?:\.\.(?P<until>\d\d-\d\d))?(?:\s+(?P<reason>.+))?$"
)
DEPARTURE_TEXT = re.compile(r"^(?P<time>\d\d:\d\d)(?:\s+(?P<language>[a-z]{2,3}))?$")
PRICE_TEXT = re.compile(
    r"^(?P<label>[^:]+?)\s*:\s*(?P<amount>[0-9]+(?:[.,][0-9]{1,2})?|free|gratuit)"
    r"(?P<combined>\s+(?:combined|combiné))?(?:\s*\((?P<note>.*)\))?$"
)
SHORT_FORMS = {
    "hours": "tue-sun 09:30-18:00, mon,wed-fri 14:00-17:00 or 04-15..10-15 mon-sun 10:00-18:00",
    "closures": "12-25 Noël or 12-15..01-15 Fermeture annuelle",
    "guided_departures": "10:00 fr",
    "prices": "Plein tarif: 11.00, Moins de 6 ans: gratuit"
    " or Billet combiné: 14.00 combined (note)",
}


def days_of(text):
    """["tuesday", …] from "tue-sun" or "mon,wed-fri", or None."""
    names, order = [], list(DAY_CODES)
    for part in text.split(","):
        first, _dash, last = part.partition("-")
        if first not in DAY_CODES or (last and last not in DAY_CODES):
            return None
        start, end = order.index(first), order.index(last or first)
        span = order[start : end + 1] if start <= end else order[start:] + order[: end + 1]
        names += [DAY_CODES[code] for code in span]
    return names


def from_text(row, key, where, problems):
    """A row given in its short form (a string), as the object it stands for, or None."""
    match = {
        "hours": HOURS_TEXT,
        "closures": CLOSURE_TEXT,
        "guided_departures": DEPARTURE_TEXT,
        "prices": PRICE_TEXT,
    }[key].match(row.strip())
    if match is None:
        problems.add(where, f"{row!r} is not understood (write it like: {SHORT_FORMS[key]})")
        return None
    found = match.groupdict()
    if key == "hours":
        found["days"] = days_of(found["days"])
        if found["days"] is None:
            problems.add(where, f"{row!r}: days are mon, tue, wed, thu, fri, sat, sun")
            return None
    elif key == "prices":
        free = found["amount"] in ("free", "gratuit")
        found.update(
            amount=None if free else found["amount"], free=free, combined=bool(found["combined"])
        )
    elif key == "guided_departures":
        found["language"] = found["language"] or "fr"
    return {name: value for name, value in found.items() if value is not None or key != "prices"}


def row_keys(row, where, keys, problems):
    if not isinstance(row, dict):
        problems.add(where, "an object is expected")
        return False
    for key in row:
        if key not in keys:
            problems.add(f"{where}.{key}", f"unknown field (the fields are: {', '.join(keys)})")
    return True


def clean_hours(row, where, problems):
    if not row_keys(row, where, ("days", "opens", "closes", "from", "until"), problems):
        return {}
    days = row.get("days")
    if not days:
        problems.add(f"{where}.days", "at least one day (monday … sunday)")
    days = set(codes(days, f"{where}.days", WEEKDAY_FIELDS, problems))
    opens = time_of_day(row.get("opens"), f"{where}.opens", problems)
    closes = time_of_day(row.get("closes"), f"{where}.closes", problems)
    if opens and closes and closes != "00:00" and closes <= opens:
        problems.add(f"{where}.closes", f"closes at {closes}, before it opens at {opens}")
    season = [month_day(row.get(key), f"{where}.{key}", problems) for key in ("from", "until")]
    if (season[0] is None) != (season[1] is None):
        problems.add(where, "a season has both `from` and `until`, or neither")
    return {
        "days": [day for day in WEEKDAY_FIELDS if day in days],
        "opens": opens,
        "closes": closes,
        "from": season[0],
        "until": season[1],
    }


def clean_closure(row, where, problems):
    if not row_keys(row, where, ("from", "until", "reason"), problems):
        return {}
    return {
        "from": month_day(row.get("from"), f"{where}.from", problems, optional=False),
        "until": month_day(row.get("until"), f"{where}.until", problems),
        "reason": text(row.get("reason"), f"{where}.reason", problems, 120),
    }


def clean_departure(row, where, problems):
    if not row_keys(row, where, ("time", "language"), problems):
        return {}
    language = row.get("language", "fr")
    if language not in LANGUAGE_CODES:
        problems.add(
            f"{where}.language", f"unknown {language!r} (known: {', '.join(LANGUAGE_CODES)})"
        )
    return {"time": time_of_day(row.get("time"), f"{where}.time", problems), "language": language}


def clean_price(row, where, problems):
    if not row_keys(row, where, ("label", "amount", "free", "combined", "note"), problems):
        return {}
    label = text(row.get("label"), f"{where}.label", problems, 120)
    if not label:
        problems.add(f"{where}.label", "required")
    amount = row.get("amount")
    if amount not in (None, ""):
        try:
            value = Decimal(str(amount).strip().replace(",", "."))
        except InvalidOperation:
            value = None
        if isinstance(amount, bool) or value is None or not 0 <= value <= MAX_AMOUNT:
            problems.add(f"{where}.amount", f"{amount!r} is not an amount in euros (0 to 9999.99)")
            amount = None
        else:
            amount = str(value.quantize(Decimal("0.01")))
    else:
        amount = None
    return {
        "label": label,
        "amount": amount,
        "free": flag(row.get("free", False), f"{where}.free", problems),
        "combined": flag(row.get("combined", False), f"{where}.combined", problems),
        "note": text(row.get("note"), f"{where}.note", problems, 200),
    }


# Facts → page fields, and back -------------------------------------------------------------


def every_year(value):
    """A "MM-DD" date as a date whose year is ignored, or None."""
    if value is None:
        return None
    month, day = map(int, value.split("-"))
    return datetime.date(YEAR, month, day)


def month_day_of(date):
    return None if date is None else date.strftime("%m-%d")


def hhmm(time):
    return time.strftime("%H:%M")


def page_fields(facts, keys=None, page=None):
    """The MuseumPage fields and practical rows for the facts `keys` (all by default).

    With `page`, the rows that carry words (closures, prices) keep the translation keys of
    the page's rows with the same text, so that their translations follow them.
    """
    keys = facts.keys() if keys is None else keys
    fields = {}
    for key in keys:
        value = facts[key]
        if key in TEXTS:
            fields[TEXTS[key][0]] = value
        elif key in ("slug", "email", "guided_visits_only", "visit_duration", *URLS):
            fields[key] = value
        elif key in ("latitude", "longitude"):
            lat, lng = facts.get("latitude"), facts.get("longitude")
            fields["location"] = "" if lat is None or lng is None else make_point(lng, lat)
        elif key in LANGUAGE_LISTS:
            fields[key] = ",".join(value)
        elif key == "access":
            fields.update({name: name in value for name in ACCESS_NAMES})
        elif key in ROWS:
            fields.update(practical_rows(key, value, page))
    return fields


def translation_keys(page, relation, text_field):
    if page is None:
        return {}
    return {getattr(row, text_field): row.translation_key for row in getattr(page, relation).all()}


def practical_rows(key, rows, page=None):
    if key == "hours":
        return {
            "opening_periods": [
                OpeningPeriod(
                    valid_from=every_year(row["from"]),
                    valid_until=every_year(row["until"]),
                    every_year=True,
                    opens=datetime.time.fromisoformat(row["opens"]),
                    closes=datetime.time.fromisoformat(row["closes"]),
                    **{day: day in row["days"] for day in WEEKDAY_FIELDS},
                )
                for row in rows
            ]
        }
    if key == "guided_departures":
        return {
            "guided_departures": [
                GuidedDeparture(
                    departs_at=datetime.time.fromisoformat(row["time"]), language=row["language"]
                )
                for row in rows
            ]
        }
    if key == "closures":
        known = translation_keys(page, "closures", "reason")
        return {
            "closures": [
                Closure(
                    start_date=every_year(row["from"]),
                    end_date=every_year(row["until"]),
                    every_year=True,
                    reason=row["reason"],
                    translation_key=known.get(row["reason"]) or uuid.uuid4(),
                )
                for row in rows
            ]
        }
    known = translation_keys(page, "prices", "label")
    return {
        "prices": [
            Price(
                label=row["label"],
                amount=None if row["amount"] is None else Decimal(row["amount"]),
                is_free=row["free"],
                note=row["note"],
                is_combined=row["combined"],
                translation_key=known.get(row["label"]) or uuid.uuid4(),
            )
            for row in rows
        ]
    }


def page_facts(page):
    """The facts a page holds now, in the canonical form of `clean_facts`."""
    point = parse_point(page.location)
    return {
        "slug": page.slug,
        **{key: getattr(page, field) for key, (field, _length) in TEXTS.items()},
        "latitude": None if point is None else round(point[1], 6),
        "longitude": None if point is None else round(point[0], 6),
        "themes": sorted(theme.slug for theme in page.themes.all()),
        "email": page.email,
        **{key: getattr(page, field) for key, field in URLS.items()},
        "guided_visits_only": page.guided_visits_only,
        "visit_duration": page.visit_duration,
        **{key: [c for c in getattr(page, f).split(",") if c] for key, f in LANGUAGE_LISTS.items()},
        "access": [name for name in ACCESS_NAMES if getattr(page, name)],
        "hours": [
            {
                "days": [day for day in WEEKDAY_FIELDS if getattr(row, day)],
                "opens": hhmm(row.opens),
                "closes": hhmm(row.closes),
                "from": month_day_of(row.valid_from),
                "until": month_day_of(row.valid_until),
            }
            for row in page.opening_periods.all()
        ],
        "closures": [
            {
                "from": month_day_of(row.start_date),
                "until": month_day_of(row.end_date),
                "reason": row.reason,
            }
            for row in page.closures.all()
        ],
        "guided_departures": [
            {"time": hhmm(row.departs_at), "language": row.language}
            for row in page.guided_departures.all()
        ],
        "prices": [
            {
                "label": row.label,
                "amount": None if row.amount is None else str(row.amount.quantize(Decimal("0.01"))),
                "free": row.is_free,
                "combined": row.is_combined,
                "note": row.note,
            }
            for row in page.prices.all()
        ],
    }
