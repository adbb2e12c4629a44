"""The demo's events and temporary exhibitions, dated from the day the loader runs.

The demo data says when each event happens in words that hold every year (`schedule`: an
anniversary "MM-DD", the last Sunday of a month, weekly — for a year or in a season —,
monthly, or on a weekday of the school holidays); here that becomes the next dates after
`today`, so that the texts ("every 8 May", "during the school holidays") agree with them.
"""

import datetime
from decimal import Decimal

from core import languages
from demo.data import in_language
from museum_pages.practical.geography import make_point
from museum_pages.practical.opening_hours import PARIS

# The first days of the French school holidays, roughly (zones A, B and C overlap).
SCHOOL_HOLIDAYS = ["02-14", "04-11", "07-04", "10-17", "12-19"]


def month_day(text, year):
    month, day = (int(part) for part in text.split("-"))
    return datetime.date(year, month, day)


def next_annual(text, today):
    """The next MM-DD after today."""
    for year in (today.year, today.year + 1):
        day = month_day(text, year)
        if day > today:
            return day
    raise AssertionError("unreachable")


def next_weekday(day, weekday):
    return day + datetime.timedelta(days=(weekday - day.weekday()) % 7)


def last_sunday(year, month):
    first_of_next = datetime.date(year + month // 12, month % 12 + 1, 1)
    last = first_of_next - datetime.timedelta(days=1)
    return last - datetime.timedelta(days=(last.weekday() - 6) % 7)


def first_day_and_repeat(schedule, today):
    """(first day, repeat, repeat_until) of a schedule from the demo data."""
    kind = schedule["kind"]
    if kind == "annual":
        return next_annual(schedule["date"], today), "none", None
    if kind == "last_sunday":
        day = last_sunday(today.year, schedule["month"])
        if day <= today:
            day = last_sunday(today.year + 1, schedule["month"])
        return day, "none", None
    if kind == "monthly":
        first = today + datetime.timedelta(days=schedule["in_days"])
        return first, "monthly", first + datetime.timedelta(days=31 * schedule["months"] - 1)
    if kind == "school_holidays":
        start = min(next_annual(text, today) for text in SCHOOL_HOLIDAYS)
        first = next_weekday(start, schedule["weekday"])
        return first, "weekly", start + datetime.timedelta(days=15)
    if kind == "weekly":
        season = schedule.get("season")
        tomorrow = today + datetime.timedelta(days=1)
        if season is None:
            first = next_weekday(tomorrow, schedule["weekday"])
            return first, "weekly", first + datetime.timedelta(weeks=schedule["weeks"])
        opens = month_day(season["from"], today.year)
        closes = month_day(season["until"], today.year)
        if closes < tomorrow:
            opens, closes = opens.replace(year=today.year + 1), closes.replace(year=today.year + 1)
        first = next_weekday(max(opens, tomorrow), schedule["weekday"])
        return first, "weekly", closes
    raise ValueError(f"unknown schedule {kind!r}")


def event_fields(data, today, website):
    """The French EventPage's fact fields for a museum's demo event, from `today`."""
    event = data["event"]
    first, repeat, until = first_day_and_repeat(event["schedule"], today)
    hour, minute = (int(part) for part in event["time"].split(":"))
    start = datetime.datetime.combine(first, datetime.time(hour, minute), tzinfo=PARIS)
    place = event.get("place") or {}
    return {
        "start_at": start,
        "end_at": start + datetime.timedelta(minutes=event["duration_minutes"]),
        "all_day": False,
        "repeat": repeat,
        "repeat_until": until,
        "status": event.get("status", "scheduled"),
        "spoken_languages": ",".join(event["languages"]),
        "is_free": event["free"],
        "price": Decimal(event["price"]) if event.get("price") else None,
        "booking_url": website if event["booking"] else "",
        "place_name": in_language(place["name"], languages.SOURCE) if place else "",
        "place_address": place.get("address", ""),
        "place_location": make_point(place["longitude"], place["latitude"]) if place else "",
    }


def event_texts(data, code):
    event = data["event"]
    texts = [in_language(event["title"], code), in_language(event["intro"], code)]
    if event.get("place"):
        texts.append(in_language(event["place"]["name"], code))
    return texts


def exhibition_dates(data, today):
    """(start, end) of a museum's demo temporary exhibition (it has one)."""
    entry = data["temporary_exhibition"]
    return (
        today + datetime.timedelta(days=entry["opens_in_days"]),
        today + datetime.timedelta(days=entry["closes_in_days"]),
    )
