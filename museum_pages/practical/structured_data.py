"""JSON-LD for search engines: a schema.org Museum, in the page's language."""

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


def museum_json_ld(museum, rows, request=None):
    """The page's schema.org Museum as a <script type="application/ld+json"> element, from
    the museum's fields and its rows ({relation: rows}, MuseumPage.practical_rows)."""
    today = now_in_paris().date()
    data = {
        "@context": "https://schema.org",
        "@type": "Museum",
        "name": museum.title,
        "description": museum.intro,
        "url": full_url(museum, request),
        "inLanguage": museum.language_code,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": museum.street,
            "postalCode": museum.postcode,
            "addressLocality": museum.town,
            "addressRegion": "Hauts-de-France",
            "addressCountry": "FR",
        },
    }
    point = museum.point
    if point:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": point[1], "longitude": point[0]}
    periods = rows["opening_periods"]
    if periods:
        data["openingHoursSpecification"] = opening_hours_specification(periods, today)
    if museum.phone:
        data["telephone"] = museum.phone
    if museum.email:
        data["email"] = museum.email
    if museum.website:
        data["sameAs"] = [museum.website]
    if museum.hero_image_id and request is not None:
        rendition = pictures.open_graph_rendition(museum.hero_image)
        data["image"] = request.build_absolute_uri(rendition.url)
    prices = rows["prices"]
    if prices and all(price.is_free for price in prices):
        data["isAccessibleForFree"] = True
    elif prices:
        data["isAccessibleForFree"] = False
        data["offers"] = [
            {
                "@type": "Offer",
                "name": price.label,
                "price": "0.00" if price.is_free else f"{price.amount:.2f}",
                "priceCurrency": "EUR",
                **({"url": museum.booking_url} if museum.booking_url else {}),
            }
            for price in prices
            if price.is_free or price.amount is not None
        ]
    languages = museum.visit_language_codes
    if languages:
        data["availableLanguage"] = languages
    text = json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))  # noqa: S308
