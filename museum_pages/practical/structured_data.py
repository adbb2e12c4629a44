"""JSON-LD for search engines, in the page's language: a schema.org Museum (with its
admission prices as Offers available at it), an Event per event page and an ExhibitionEvent
per exhibition page.

Only properties that schema.org defines for each type: a Museum is a Place (no `inLanguage`,
`email` or `offers`), so its prices are `Offer`s whose `availableAtOrFrom` is the museum, in
a `@graph`, and the languages of its visits go to the TouristAttraction type it also has
(`availableLanguage`). Coordinates are written with 6 decimals (about 10 cm), as search
engines ask for at least 5.
"""

import datetime
import json

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from core import pictures
from core.pages import full_url
from museum_pages.practical.opening_hours import now_in_paris

SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
# JSON inside <script>: never let a value close the element (as Django's json_script does).
SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def season_dates(period, today):
    """The current or next occurrence of a period's validity, as ISO dates."""
    start, end = period.valid_from, period.valid_until
    if not period.every_year or (start is None and end is None):
        return (start.isoformat() if start else None, end.isoformat() if end else None)
    start = (start or datetime.date(today.year, 1, 1)).replace(year=today.year)
    end = (end or datetime.date(today.year, 12, 31)).replace(year=today.year)
    if end < start:  # over New Year
        end = end.replace(year=today.year + 1)
    if end < today:
        start, end = start.replace(year=start.year + 1), end.replace(year=end.year + 1)
    return start.isoformat(), end.isoformat()


def opening_hours_specification(periods, today):
    specs = []
    for period in periods:
        spec = {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": [SCHEMA_DAYS[number] for number in sorted(period.weekdays)],
            "opens": period.opens.strftime("%H:%M"),
            # schema.org ends a day at 23:59, where our pages and feed say 24:00 (hhmm).
            "closes": "23:59"
            if period.closes == datetime.time(0, 0)
            else period.closes.strftime("%H:%M"),
        }
        valid_from, valid_through = season_dates(period, today)
        if valid_from:
            spec["validFrom"] = valid_from
        if valid_through:
            spec["validThrough"] = valid_through
        specs.append(spec)
    return specs


def script(data):
    """`data` as a <script type="application/ld+json"> element that no value can close."""
    text = json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308


def geo_coordinates(point):
    """schema.org GeoCoordinates of a (longitude, latitude) point, with 6 decimals."""
    return {
        "@type": "GeoCoordinates",
        "latitude": f"{point[1]:.6f}",
        "longitude": f"{point[0]:.6f}",
    }


def postal_address(street, postcode, town):
    return {
        "@type": "PostalAddress",
        "streetAddress": street,
        "postalCode": postcode,
        "addressLocality": town,
        "addressRegion": "Hauts-de-France",
        "addressCountry": "FR",
    }


def image_url(page, request):
    if page.hero_image_id and request is not None:
        rendition = pictures.open_graph_rendition(page.hero_image)
        return request.build_absolute_uri(rendition.url)
    return None


def museum_json_ld(museum, rows, request=None):
    """The page's schema.org Museum as a <script type="application/ld+json"> element, from
    the museum's fields and its rows ({relation: rows}, MuseumPage.practical_rows)."""
    today = now_in_paris().date()
    url = full_url(museum, request)
    data = {
        "@type": ["Museum", "TouristAttraction"],
        "@id": f"{url}#museum",
        "name": museum.title,
        "description": museum.intro,
        "url": url,
        "address": postal_address(museum.street, museum.postcode, museum.town),
    }
    point = museum.point
    if point:
        data["geo"] = geo_coordinates(point)
    periods = rows["opening_periods"]
    if periods:
        data["openingHoursSpecification"] = opening_hours_specification(periods, today)
    if museum.phone:
        data["telephone"] = museum.phone
    if museum.website:
        data["sameAs"] = [museum.website]
    image = image_url(museum, request)
    if image:
        data["image"] = image
    prices = rows["prices"]
    offers = []
    if prices and all(price.is_free for price in prices):
        data["isAccessibleForFree"] = True
    elif prices:
        data["isAccessibleForFree"] = False
        offers = [
            {
                "@type": "Offer",
                "name": price.label,
                "price": "0.00" if price.is_free else f"{price.amount:.2f}",
                "priceCurrency": "EUR",
                "availableAtOrFrom": {"@id": data["@id"]},
                **({"url": museum.booking_url} if museum.booking_url else {}),
            }
            for price in prices
            if price.is_free or price.amount is not None
        ]
    languages = museum.visit_language_codes
    if languages:
        data["availableLanguage"] = languages
    return script({"@context": "https://schema.org", "@graph": [data, *offers]})


EVENT_STATUSES = {
    "scheduled": "https://schema.org/EventScheduled",
    "cancelled": "https://schema.org/EventCancelled",
    "postponed": "https://schema.org/EventPostponed",
    "sold_out": "https://schema.org/EventScheduled",
}
REPEAT_DURATIONS = {"weekly": "P1W", "monthly": "P1M"}


def museum_reference(museum, request):
    """The organiser of an event or exhibition: its museum, by name and address."""
    if museum is None:
        return None
    return {"@type": "Museum", "name": museum.title, "url": full_url(museum, request)}


def event_place(place):
    location = {"@type": "Place", "name": place["name"]}
    if place.get("street") is not None:
        location["address"] = postal_address(place["street"], place["postcode"], place["town"])
    elif place["address"]:
        location["address"] = {
            "@type": "PostalAddress",
            "streetAddress": place["address"],
            "addressCountry": "FR",
        }
    if place["point"]:
        location["geo"] = geo_coordinates(place["point"])
    return location


def iso(occurrence, moment):
    """An all-day occurrence by its dates, a timed one with its offset (+01:00, +02:00)."""
    if occurrence.all_day:
        return (occurrence.start_date if moment == "start" else occurrence.end_date).isoformat()
    value = occurrence.start if moment == "start" else occurrence.end
    return value.isoformat(timespec="minutes")


def event_json_ld(event, occurrences, request=None):
    """The event page's schema.org Event: its next occurrence (or its last, once over), with
    an `eventSchedule` when it repeats; `inLanguage` the languages spoken at the event, the
    page's language when none is given."""
    museum = event.museum()
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.intro,
        "url": full_url(event, request),
        "eventStatus": EVENT_STATUSES.get(event.status, EVENT_STATUSES["scheduled"]),
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "location": event_place(event.place()),
        "inLanguage": event.spoken_language_codes or event.language_code,
    }
    if occurrences:
        occurrence = occurrences[0]
        data["startDate"] = iso(occurrence, "start")
        if occurrence.has_end:
            data["endDate"] = iso(occurrence, "end")
    frequency = REPEAT_DURATIONS.get(event.repeat)
    if frequency and event.repeat_until:
        first = event.occurrences()[:1]
        schedule = {
            "@type": "Schedule",
            "repeatFrequency": frequency,
            "endDate": event.repeat_until.isoformat(),
            "scheduleTimezone": "Europe/Paris",
        }
        if first:
            schedule["startDate"] = first[0].start_date.isoformat()
            if not first[0].all_day:
                schedule["startTime"] = first[0].start.strftime("%H:%M")
                schedule["endTime"] = first[0].end.strftime("%H:%M")
        data["eventSchedule"] = schedule
    organizer = museum_reference(museum, request)
    if organizer:
        data["organizer"] = organizer
    if event.is_free:
        data["isAccessibleForFree"] = True
    elif event.price is not None:
        data["isAccessibleForFree"] = False
        offer = {
            "@type": "Offer",
            "price": f"{event.price:.2f}",
            "priceCurrency": "EUR",
            "availability": "https://schema.org/SoldOut"
            if event.status == "sold_out"
            else "https://schema.org/InStock",
        }
        if event.booking_url:
            offer["url"] = event.booking_url
        data["offers"] = offer
    image = image_url(event, request)
    if image:
        data["image"] = image
    return script(data)


def exhibition_json_ld(exhibit, request=None):
    """The exhibition page's schema.org ExhibitionEvent, at its museum; a temporary one with
    its dates."""
    museum = exhibit.museum()
    data = {
        "@context": "https://schema.org",
        "@type": "ExhibitionEvent",
        "name": exhibit.title,
        "description": exhibit.intro,
        "url": full_url(exhibit, request),
        "eventStatus": EVENT_STATUSES["scheduled"],
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
        "inLanguage": exhibit.language_code,
    }
    if exhibit.kind == "temporary" and exhibit.start_date:
        data["startDate"] = exhibit.start_date.isoformat()
    if exhibit.kind == "temporary" and exhibit.end_date:
        data["endDate"] = exhibit.end_date.isoformat()
    if museum is not None:
        location = {
            "@type": "Museum",
            "name": museum.title,
            "address": postal_address(museum.street, museum.postcode, museum.town),
        }
        if museum.point:
            location["geo"] = geo_coordinates(museum.point)
        data["location"] = location
        data["organizer"] = museum_reference(museum, request)
    image = image_url(exhibit, request)
    if image:
        data["image"] = image
    return script(data)
