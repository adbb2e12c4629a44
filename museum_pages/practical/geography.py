"""Coordinates as wagtailgeowidget stores them, and distances on the Earth's surface."""

import math
import re
from urllib.parse import urlencode

POINT = re.compile(r"POINT\s*\(\s*(-?[0-9.]+)\s+(-?[0-9.]+)\s*\)")
EARTH_RADIUS_KM = 6371.0088


def parse_point(value):
    """(longitude, latitude) from 'SRID=4326;POINT(lng lat)' — longitude first — or None."""
    match = POINT.search(value or "")
    if not match:
        return None
    lng, lat = float(match.group(1)), float(match.group(2))
    if not (-180 <= lng <= 180 and -90 <= lat <= 90):
        return None
    return lng, lat


def make_point(lng, lat):
    return f"SRID=4326;POINT({lng} {lat})"


def great_circle_km(a, b):
    """Haversine distance in km between two (longitude, latitude) points."""
    lng1, lat1, lng2, lat2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lng2 - lng1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def directions_url(origin, destination):
    """OpenStreetMap directions between two (longitude, latitude) points, by car."""
    route = f"{origin[1]},{origin[0]};{destination[1]},{destination[0]}"
    return "https://www.openstreetmap.org/directions?" + urlencode(
        {"engine": "fossgis_osrm_car", "route": route}
    )
