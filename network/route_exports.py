"""A route as other programs read it: GPX (satnavs, hiking apps), GeoJSON, a calendar file
of the planned day, schema.org TouristTrip for search engines, and the map's data.

Each function takes the page and its entries (network.routes.route_entries), in the page's
language.
"""

import datetime

import gpxpy.gpx
import icalendar
from django.http import HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from core.pages import full_url
from museum_pages.practical import structured_data
from museum_pages.practical.opening_hours import PARIS
from network import route_plan

PRODUCT = "-//Mem'Histo//Parcours//FR"


def located(entries):
    return [entry for entry in entries if entry.stop.point is not None]


def absolute_url(entry, request):
    return full_url(entry.museum, request) if entry.museum is not None else None


def attachment(response, page, extension):
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.{extension}"'
    response["Content-Language"] = page.language_code
    return response


def map_data(entries):
    """The numbered stops the map script draws, in order (json_script)."""
    return [
        {
            "position": entry.position,
            "name": entry.name,
            "town": entry.town,
            "url": entry.url,
            "lng": entry.stop.point[0],
            "lat": entry.stop.point[1],
        }
        for entry in located(entries)
    ]


def gpx_response(page, entries, form, request):
    gpx = gpxpy.gpx.GPX()
    gpx.creator = "Mem'Histo"
    gpx.name = page.title
    gpx.description = page.intro or None
    gpx.link = full_url(page, request)
    gpx.link_text = page.title
    route = gpxpy.gpx.GPXRoute(name=page.title, description=page.intro or None)
    for entry in located(entries):
        lng, lat = entry.stop.point
        name = f"{entry.position}. {entry.name}"
        gpx.waypoints.append(
            gpxpy.gpx.GPXWaypoint(
                latitude=lat, longitude=lng, name=name, description=entry.town or None
            )
        )
        route.points.append(gpxpy.gpx.GPXRoutePoint(latitude=lat, longitude=lng, name=name))
    gpx.routes.append(route)
    response = HttpResponse(
        gpx.to_xml(version="1.1"), content_type="application/gpx+xml; charset=utf-8"
    )
    return attachment(response, page, "gpx")


def geojson_response(page, entries, form, request):
    stops = located(entries)
    legs = route_plan.legs([entry.stop for entry in stops])
    features = [
        {
            "type": "Feature",
            "geometry": {
                "type": "LineString",
                "coordinates": [list(entry.stop.point) for entry in stops],
            },
            "properties": {
                "name": page.title,
                "url": full_url(page, request),
                "distance_km": round(sum(leg.distance_km or 0 for leg in legs), 1),
                "driving_minutes": sum(leg.drive_minutes for leg in legs),
                "road_factor": route_plan.ROAD_FACTOR,
                "average_speed_kmh": route_plan.AVERAGE_SPEED_KMH,
            },
        }
    ]
    for entry in stops:
        features.append(
            {
                "type": "Feature",
                "geometry": {"type": "Point", "coordinates": list(entry.stop.point)},
                "properties": {
                    "position": entry.position,
                    "name": entry.name,
                    "town": entry.town or None,
                    "url": absolute_url(entry, request),
                    "museum": entry.museum is not None,
                    "stay_minutes": entry.stop.stay_minutes,
                },
            }
        )
    response = JsonResponse(
        {"type": "FeatureCollection", "features": features},
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False},
    )
    return attachment(response, page, "geojson")


def calendar_response(page, entries, form, request):
    """The planned day, one event a stop; without a valid date, the page says why (200)."""
    if form.day is None:
        return None
    start = datetime.datetime.combine(form.day, form.start, tzinfo=PARIS)
    visits = route_plan.plan_day([entry.stop for entry in entries], start, check=True)
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", page.title)
    stamp = datetime.datetime.now(datetime.UTC)
    for entry, visit in zip(entries, visits, strict=True):
        event = icalendar.Event()
        event.add("uid", f"route-{page.translation_key}-{form.day.isoformat()}-{entry.position}")
        event.add("dtstamp", stamp)
        event.add("dtstart", visit.begins)
        event.add("dtend", visit.leaves)
        event.add("summary", f"{entry.position}. {entry.name}")
        if entry.town:
            event.add("location", entry.town)
        if entry.stop.point:
            event.add("geo", (entry.stop.point[1], entry.stop.point[0]))
        event.add("url", absolute_url(entry, request) or full_url(page, request))
        notes = [notice.text for notice in visit.notices]
        if notes:
            event.add("description", "\n".join(notes))
        calendar.add_component(event)
    # The time zone's rules around the planned day only, not every change since 1970.
    calendar.add_missing_timezones(
        first_date=form.day - datetime.timedelta(days=366),
        last_date=form.day + datetime.timedelta(days=366),
    )
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    return attachment(response, page, "ics")


EXPORTS = {"gpx": gpx_response, "geojson": geojson_response, "ics": calendar_response}


def json_ld(page, entries, request=None):
    """The page's schema.org TouristTrip, its stops an ItemList, as a <script> element."""
    items = []
    for entry in entries:
        place = {
            "@type": "Museum" if entry.museum is not None else "TouristAttraction",
            "name": entry.name,
        }
        if entry.museum is not None:
            place["url"] = absolute_url(entry, request)
        if entry.stop.point:
            place["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": entry.stop.point[1],
                "longitude": entry.stop.point[0],
            }
        items.append({"@type": "ListItem", "position": entry.position, "item": place})
    data = {
        "@context": "https://schema.org",
        "@type": "TouristTrip",
        "name": page.title,
        "url": full_url(page, request),
        "inLanguage": page.language_code,
        "touristType": _("Tourisme de mémoire"),
        "itinerary": {
            "@type": "ItemList",
            "numberOfItems": len(items),
            "itemListOrder": "https://schema.org/ItemListOrderAscending",
            "itemListElement": items,
        },
    }
    if page.intro:
        data["description"] = page.intro
    return structured_data.script(data)
