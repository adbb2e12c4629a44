"""The home list's filters that visitors ask for: open now or on a day of the coming week,
and near a town or postcode. The list and the map show the same museums.

`open`: "now" or a weekday ("monday" … "sunday": the next such day, today included), decided
by the opening rules (museum_pages.practical.opening_hours) on the rows already prefetched:
no query. `near`: a town in any of the four languages, or a postcode, of one of the network's
museums: the list is sorted by distance from it (no query for a town or postcode of the
listed museums; one, remembered, for the other languages' names). An unknown or
malformed value is ignored and the page says so (200).
"""

import datetime
import unicodedata

from django.utils.dates import WEEKDAYS
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.remembered import remembered
from museum_pages.models import MuseumPage
from museum_pages.practical import geography, opening_hours

NOW = "now"
DAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NEAR_LENGTH = 80  # longer than any town's name or a postcode


def open_choices():
    """(value, label) of the opening filter, in the active language."""
    return [(NOW, _("Ouverts maintenant"))] + [
        (value, _("Ouverts %(weekday)s") % {"weekday": WEEKDAYS[index]})
        for index, value in enumerate(DAYS)
    ]


def read_open(value, messages):
    """The opening filter's value, or "" (none, or unknown: then a message)."""
    value = (value or "").strip()
    if not value:
        return ""
    if value == NOW or value in DAYS:
        return value
    messages.append(_("Filtre d’ouverture non reconnu : tous les musées sont affichés."))
    return ""


def open_summary(when, count):
    """How many museums the opening filter leaves, in words."""
    if when == NOW:
        return ngettext(
            "%(count)s musée ouvert maintenant.", "%(count)s musées ouverts maintenant.", count
        ) % {"count": count}
    weekday = WEEKDAYS[DAYS.index(when)]
    return ngettext(
        "%(count)s musée ouvert %(weekday)s.", "%(count)s musées ouverts %(weekday)s.", count
    ) % {"count": count, "weekday": weekday}


def next_day(weekday, today):
    """The next date that falls on `weekday` (0 = Monday), today included."""
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7)


def open_museums(museums, when, now=None):
    """The museums open at `now` (`when` = "now") or at some time of the next such weekday,
    as the opening rules say (closures included). Each museum carries its opening rows
    prefetched and its status (network.listings.add_themes_and_status)."""
    if when == NOW:
        return [museum for museum in museums if museum.opening_status.is_open]
    now = now or opening_hours.now_in_paris()
    day = next_day(DAYS.index(when), now.astimezone(opening_hours.PARIS).date())
    return [
        museum
        for museum in museums
        if opening_hours.spans_on(day, museum.opening_periods.all(), museum.closures.all())
    ]


def folded(text):
    """Lower case, without accents, hyphens or apostrophes: how a typed town is compared."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(char for char in text if not unicodedata.combining(char))
    for mark in "-'’.":
        text = text.replace(mark, " ")
    return " ".join(text.split())


def known_places():
    """[(folded name, point)]: every live museum's town in every language and its postcode.
    One query, remembered until the next content event."""

    def fetch():
        places = []
        rows = MuseumPage.objects.live().values_list("town", "postcode", "location")
        for town, postcode, location in rows:
            point = geography.parse_point(location)
            if point is not None:
                places += [(folded(name), point) for name in (town, postcode) if name]
        return places

    return remembered("museum-places", fetch)


def place_of(value, museums=()):
    """The (longitude, latitude) of a town of the network's museums, in any language, or of
    their postcode; None when unknown. The listed `museums` are looked at first (no query),
    then every language's towns (remembered)."""
    wanted = folded(value)
    for museum in museums:
        if museum.point is not None and wanted in (folded(museum.town), museum.postcode):
            return museum.point
    return next((point for name, point in known_places() if name == wanted), None)


def read_near(value, messages, museums=()):
    """The place to sort from: (the text typed, its point), or ("", None)."""
    value = " ".join((value or "").split())[:NEAR_LENGTH]
    if not value:
        return "", None
    point = place_of(value, museums)
    if point is None:
        messages.append(
            _(
                "« %(place)s » n’est pas une ville ou un code postal de nos musées : "
                "la liste reste dans l’ordre alphabétique."
            )
            % {"place": value}
        )
    return value, point


def by_distance(museums, origin):
    """The museums nearest `origin` first (those without a position last), each with its
    `distance_km`."""
    for museum in museums:
        point = museum.point
        museum.distance_km = None if point is None else geography.great_circle_km(origin, point)
    return sorted(
        museums,
        key=lambda museum: (museum.distance_km is None, museum.distance_km or 0),
    )
