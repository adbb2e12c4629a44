"""Practical information of the demo museums as page fields and rows: hours, closures,
prices, access, read from each museum's `practical`, `location` and `contact` (demo.data).

Patterns taken from the real museums: Mimoyecques opens only from mid-April to
mid-October; the Carrière Wellington is visited with a guide at set times; several museums
close on Mondays or Tuesdays or at lunchtime; the Caverne du Dragon has no hours entered
yet. Dates recur every year, so the demo never goes stale. Phone numbers are in ARCEP's
range reserved for fiction (03 53 01 xx xx).
"""

from core import languages
from demo.data import in_language
from museum_pages.practical import facts as museum_facts


def facts(museum):
    """The facts of a demo museum in French, in the format of `import_museums`
    (museum_pages.practical.facts): its name, town, themes and practical information."""
    location, contact, practical = museum["location"], museum["contact"], museum["practical"]
    access = practical["access"]
    source = languages.SOURCE
    return {
        "slug": museum["slug"],
        "name": museum["museum_page"]["title"][source],
        "town": location["town"][source],
        "street": location["street"],
        "postcode": location["postcode"],
        "latitude": location["latitude"],
        "longitude": location["longitude"],
        "themes": museum["themes"],
        "phone": contact["phone"],
        "website": contact["website"],
        "booking_url": contact["website"] if contact["online_booking"] else "",
        "hours": practical["opening_periods"],
        "closures": [
            {"from": row["from"], "until": row["until"], "reason": row["reason"][source]}
            for row in practical["closures"]
        ],
        "guided_visits_only": practical["guided_visits_only"],
        "guided_departures": practical["guided_departures"],
        "prices": [
            {
                "label": row["label"][source],
                "amount": row["amount"],
                "free": row["free"],
                "combined": row["combined"],
                "note": row["note"][source] if row["note"] else "",
            }
            for row in practical["prices"]
        ],
        "access": access["features"],
        "access_notes": access["notes"][source] if access["notes"] else "",
        "visit_duration": access["visit_duration_minutes"],
        "visit_languages": access["visit_languages"],
        "audio_guide_languages": access["audio_guide_languages"],
    }


PRACTICAL_KEYS = [
    key for key in museum_facts.KEYS if key not in ("slug", "name", "town", "intro", "themes")
]


def practical_fields(museum):
    """The French page's practical fields and rows, for MuseumPageFactory."""
    found = facts(museum)
    return museum_facts.page_fields(found, [key for key in PRACTICAL_KEYS if key in found])


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
