"""Open data: the live museums of the network as GeoJSON, in one language."""

from django.http import JsonResponse
from django.utils import translation
from django.views.decorators.http import require_GET
from wagtail.models import Locale

from core import languages
from core.pages import full_url
from museum_pages.models.practical import ACCESS_FLAGS, WEEKDAY_FIELDS
from museum_pages.practical.geography import parse_point
from museum_pages.practical.opening_hours import hhmm, limit_cache_lifetime
from network.listings import add_themes_and_status, live_museums


def iso(value):
    return value.isoformat() if value else None


def opening_hours(museum):
    return {
        "periods": [
            {
                "days": [day for day in WEEKDAY_FIELDS if getattr(period, day)],
                "opens": period.opens.strftime("%H:%M"),
                "closes": hhmm(period.closes),
                "valid_from": iso(period.valid_from),
                "valid_until": iso(period.valid_until),
                "every_year": period.every_year,
            }
            for period in museum.opening_periods.all()
        ],
        "closures": [
            {
                "from": iso(closure.start_date),
                "until": iso(closure.last_date),
                "every_year": closure.every_year,
                "reason": closure.reason,
            }
            for closure in museum.closures.all()
        ],
        "guided_visits_only": museum.guided_visits_only,
        "guided_departures": [
            {"time": departure.departs_at.strftime("%H:%M"), "language": departure.language}
            for departure in museum.guided_departures.all()
        ],
        "status": museum.opening_status_text,
    }


def feature(museum, request, point):
    return {
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [point[0], point[1]]},
        "properties": {
            "name": museum.title,
            "town": museum.town,
            "url": full_url(museum, request),
            "themes": [theme.name for theme in museum.localized_themes],
            "theme_slugs": museum.theme_slugs,
            "opening_hours": opening_hours(museum),
            "prices": [
                {
                    "label": price.label,
                    "amount": None if price.amount is None else float(price.amount),
                    "currency": "EUR",
                    "free": price.is_free,
                    "combined": price.is_combined,
                    "note": price.note,
                }
                for price in museum.prices.all()
            ],
            "access": {
                **{name: getattr(museum, name) for name, _label in ACCESS_FLAGS},
                "notes": museum.access_notes,
                "visit_duration_minutes": museum.visit_duration,
                "visit_languages": museum.visit_language_codes,
                "audio_guide_languages": museum.audio_guide_language_codes,
            },
            "booking_url": museum.booking_url or None,
            "phone": museum.phone or None,
            "website": museum.website or None,
        },
    }


@require_GET
def museums_geojson(request):
    language = request.GET.get("lang", languages.SOURCE)
    locale = Locale.objects.filter(language_code=language).first()
    if language not in languages.CODES or locale is None:
        return JsonResponse(
            {
                "error": f"Unknown language {language[:20]!r}.",
                "languages": languages.CODES,
            },
            status=400,
        )
    with translation.override(language):
        museums = add_themes_and_status(
            list(live_museums(locale.pk).prefetch_related("prices", "guided_departures")),
            locale.pk,
        )
        features = []
        for museum in museums:
            point = parse_point(museum.location)
            if point is not None:
                features.append(feature(museum, request, point))
    response = JsonResponse(
        {"type": "FeatureCollection", "features": features},
        content_type="application/geo+json",
        json_dumps_params={"ensure_ascii": False},
    )
    response["Access-Control-Allow-Origin"] = "*"
    response["Content-Language"] = language
    # The feed shows each museum's opening status: never cached past its next change.
    limit_cache_lifetime(response, [museum.opening_status for museum in museums], None)
    return response
