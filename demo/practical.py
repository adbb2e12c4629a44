"""Practical information of the demo museums: hours, closures, prices, access.

Patterns taken from the real museums: Mimoyecques opens only from mid-April to
mid-October; the Carrière Wellington is visited with a guide at set times; several museums
close on Mondays or Tuesdays or at lunchtime; the Caverne du Dragon has no hours entered
yet. Dates recur every year, so the demo never goes stale. Phone numbers are in ARCEP's
range reserved for fiction (03 53 01 xx xx).

Each translatable text is given in French, English, German and Dutch, in that order.
"""

import datetime
from decimal import Decimal

from museum_pages.models.practical import (
    WEEKDAY_FIELDS,
    Closure,
    GuidedDeparture,
    OpeningPeriod,
    Price,
)
from museum_pages.practical.geography import make_point

LANGS = ["fr", "en", "de", "nl"]
YEAR = 2026  # ignored: every demo date recurs every year

CHRISTMAS = ("Noël", "Christmas Day", "Erster Weihnachtstag", "Eerste Kerstdag")
NEW_YEAR = ("Jour de l'an", "New Year's Day", "Neujahr", "Nieuwjaarsdag")
MAY_DAY = ("Fête du Travail", "May Day", "Tag der Arbeit", "Dag van de Arbeid")
ANNUAL = ("Fermeture annuelle", "Annual closure", "Jahresschließung", "Jaarlijkse sluiting")

FULL = ("Plein tarif", "Full price", "Normaler Eintritt", "Volledig tarief")
REDUCED = ("Tarif réduit", "Reduced price", "Ermäßigt", "Verlaagd tarief")
REDUCED_NOTE = (
    "Étudiants, demandeurs d'emploi, personnes handicapées, sur justificatif",
    "Students, jobseekers and disabled visitors, with proof",
    "Studierende, Arbeitsuchende und Menschen mit Behinderung, mit Nachweis",
    "Studenten, werkzoekenden en mensen met een beperking, op vertoon van bewijs",
)
CHILD = (
    "Enfants de 6 à 17 ans",
    "Children aged 6 to 17",
    "Kinder von 6 bis 17 Jahren",
    "Kinderen van 6 tot 17 jaar",
)
UNDER_6 = ("Moins de 6 ans", "Under 6", "Unter 6 Jahren", "Jonger dan 6 jaar")
UNDER_18 = ("Moins de 18 ans", "Under 18", "Unter 18 Jahren", "Jonger dan 18 jaar")
ADULT = ("Adultes", "Adults", "Erwachsene", "Volwassenen")
COMBINED = (
    "Billet combiné Péronne + Thiepval",
    "Combined ticket Péronne + Thiepval",
    "Kombiticket Péronne + Thiepval",
    "Combiticket Péronne + Thiepval",
)
COMBINED_NOTE = (
    "Valable un an dans les deux sites de l'Historial",
    "Valid for a year at both Historial sites",
    "Ein Jahr lang in beiden Häusern des Historial gültig",
    "Een jaar geldig in beide vestigingen van het Historial",
)
FREE_ENTRY = ("Entrée", "Admission", "Eintritt", "Toegang")
FREE_NOTE = (
    "Gratuit pour tous, dons bienvenus",
    "Free for everyone; donations welcome",
    "Für alle kostenlos, Spenden willkommen",
    "Gratis voor iedereen, giften welkom",
)

TUE_SUN = "tuesday wednesday thursday friday saturday sunday"
EVERY_DAY = "monday " + TUE_SUN
NOT_TUESDAY = "monday wednesday thursday friday saturday sunday"


def period(days, opens, closes, season=None):
    start, end = season or (None, None)
    return {
        "days": days.split(),
        "opens": opens,
        "closes": closes,
        "valid_from": datetime.date(YEAR, *start) if start else None,
        "valid_until": datetime.date(YEAR, *end) if end else None,
    }


def closure(texts, start, end=None):
    return {"texts": texts, "start": start, "end": end}


HOLIDAYS = [closure(CHRISTMAS, (12, 25)), closure(NEW_YEAR, (1, 1))]

PRACTICAL = {
    "carriere-wellington": {
        "street": "Rue Delétoille",
        "phone": "+33 3 53 01 10 01",
        "booking": True,
        "guided_only": True,
        "periods": [period(EVERY_DAY, "10:00", "12:30"), period(EVERY_DAY, "13:30", "18:00")],
        "closures": [*HOLIDAYS, closure(ANNUAL, (1, 5), (1, 23))],
        "departures": [
            ("10:00", "fr"),
            ("11:00", "en"),
            ("14:00", "fr"),
            ("15:00", "en"),
            ("16:30", "fr"),
        ],
        "prices": [(FULL, "7.50"), (REDUCED, "3.50", REDUCED_NOTE), (UNDER_6, "free")],
        "access": ["wheelchair_access", "lift", "adapted_toilets", "induction_loop"],
        "note": (
            "12 °C sous terre, à 20 mètres de profondeur : prévoyez une veste.",
            "It is 12 °C underground, 20 metres down: bring a jacket.",
            "Unter Tage, 20 Meter tief, sind es 12 °C: Nehmen Sie eine Jacke mit.",
            "Onder de grond, op 20 meter diepte, is het 12 °C: neem een jas mee.",
        ),
        "duration": 75,
        "languages": "fr,en,de,nl",
        "audio": "fr,en,de,nl",
    },
    "historial-peronne": {
        "street": "Place André Audinot",
        "phone": "+33 3 53 01 10 02",
        "booking": True,
        "periods": [period(TUE_SUN, "09:30", "18:00")],
        "closures": [*HOLIDAYS, closure(ANNUAL, (12, 15), (1, 15))],
        "prices": [
            (FULL, "11.00"),
            (REDUCED, "6.00", REDUCED_NOTE),
            (UNDER_6, "free"),
            (COMBINED, "14.00", COMBINED_NOTE, "combined"),
        ],
        "access": [
            "wheelchair_access",
            "lift",
            "adapted_toilets",
            "audio_description",
            "large_print",
        ],
        "duration": 120,
        "languages": "fr,en,de,nl",
        "audio": "fr,en,de,nl",
    },
    "historial-thiepval": {
        "street": "8 rue de l'Ancre",
        "phone": "+33 3 53 01 10 03",
        "periods": [period(EVERY_DAY, "09:30", "18:00")],
        "closures": [*HOLIDAYS, closure(ANNUAL, (12, 15), (1, 15))],
        "prices": [
            (FULL, "7.00"),
            (UNDER_6, "free"),
            (COMBINED, "14.00", COMBINED_NOTE, "combined"),
        ],
        "access": ["wheelchair_access", "adapted_toilets"],
        "duration": 60,
        "languages": "fr,en",
        "audio": "fr,en,de,nl",
    },
    "musee-bataille-fromelles": {
        "street": "Rue de la Basse Ville",
        "phone": "+33 3 53 01 10 04",
        "periods": [period(TUE_SUN, "09:30", "17:30")],
        "closures": [*HOLIDAYS, closure(MAY_DAY, (5, 1)), closure(ANNUAL, (1, 2), (1, 31))],
        "prices": [(FULL, "6.00"), (REDUCED, "4.00", REDUCED_NOTE), (UNDER_18, "free")],
        "access": ["wheelchair_access", "adapted_toilets", "large_print"],
        "duration": 90,
        "languages": "fr,en",
        "audio": "fr,en,nl",
    },
    "musee-franco-americain-blerancourt": {
        "street": "Place du Général Leclerc",
        "phone": "+33 3 53 01 10 05",
        "periods": [period(NOT_TUESDAY, "10:00", "12:30"), period(NOT_TUESDAY, "14:00", "17:30")],
        "closures": [*HOLIDAYS, closure(MAY_DAY, (5, 1))],
        "prices": [(FULL, "6.00"), (UNDER_18, "free")],
        "access": ["wheelchair_access", "lift", "adapted_toilets"],
        "duration": 90,
        "languages": "fr,en",
        "audio": "fr,en",
    },
    "musee-somme-1916": {
        "street": "Rue Anicet Godin",
        "phone": "+33 3 53 01 10 06",
        "periods": [period(EVERY_DAY, "09:00", "12:30"), period(EVERY_DAY, "14:00", "18:00")],
        "closures": [*HOLIDAYS, closure(ANNUAL, (12, 18), (1, 31))],
        "prices": [(FULL, "7.00"), (CHILD, "5.00"), (UNDER_6, "free")],
        "access": [],
        "note": (
            "Galeries souterraines à 10 °C, escaliers à la descente.",
            "Underground galleries at 10 °C, with stairs on the way down.",
            "Unterirdische Gänge bei 10 °C, Treppen beim Abstieg.",
            "Ondergrondse gangen van 10 °C, met trappen naar beneden.",
        ),
        "duration": 60,
        "languages": "fr",
        "audio": "fr,en,de,nl",
    },
    "forteresse-mimoyecques": {
        "street": "Rue de Mimoyecques",
        "phone": "+33 3 53 01 10 07",
        "periods": [period(EVERY_DAY, "10:00", "18:00", ((4, 15), (10, 15)))],
        "closures": [closure(MAY_DAY, (5, 1))],
        "prices": [(FULL, "8.00"), (CHILD, "5.00"), (UNDER_6, "free")],
        "access": ["wheelchair_access"],
        "note": (
            "Ouvert seulement de mi-avril à mi-octobre. Tunnels à 12 °C.",
            "Open only from mid-April to mid-October. Tunnels at 12 °C.",
            "Nur von Mitte April bis Mitte Oktober geöffnet. Stollen bei 12 °C.",
            "Alleen open van half april tot half oktober. Tunnels van 12 °C.",
        ),
        "duration": 75,
        "languages": "fr,en",
        "audio": "fr,en,de,nl",
    },
    "la-coupole": {
        "street": "Rue André Clabaux",
        "phone": "+33 3 53 01 10 08",
        "booking": True,
        "periods": [period(EVERY_DAY, "09:00", "18:00")],
        "closures": [*HOLIDAYS, closure(ANNUAL, (1, 2), (1, 16))],
        "prices": [(FULL, "12.50"), (REDUCED, "8.50", REDUCED_NOTE), (UNDER_6, "free")],
        "access": [
            "wheelchair_access",
            "lift",
            "adapted_toilets",
            "audio_description",
            "induction_loop",
            "large_print",
        ],
        "duration": 150,
        "languages": "fr,en,de,nl",
        "audio": "fr,en,de,nl",
    },
    "memorial-internement-deportation-compiegne": {
        "street": "2 bis avenue des Martyrs de la Liberté",
        "phone": "+33 3 53 01 10 09",
        "periods": [period(NOT_TUESDAY, "10:00", "18:00")],
        "closures": [*HOLIDAYS, closure(MAY_DAY, (5, 1))],
        "prices": [(FULL, "6.00"), (REDUCED, "3.00", REDUCED_NOTE), (UNDER_18, "free")],
        "access": ["wheelchair_access", "adapted_toilets", "sign_language_tours"],
        "duration": 90,
        "languages": "fr,en,de",
        "audio": "fr,en,de",
    },
    "musee-resistance-bondues": {
        "street": "Avenue du Général de Gaulle",
        "phone": "+33 3 53 01 10 10",
        "periods": [
            period("monday wednesday thursday friday", "09:00", "12:00"),
            period("monday wednesday thursday friday", "14:00", "17:00"),
            period("sunday", "14:30", "17:30"),
        ],
        "closures": [*HOLIDAYS, closure(MAY_DAY, (5, 1)), closure(ANNUAL, (7, 27), (8, 16))],
        "prices": [(FREE_ENTRY, "free", FREE_NOTE)],
        "access": ["large_print"],
        "duration": 60,
        "languages": "fr",
        "audio": "",
    },
    "musee-dunkerque-1940": {
        "street": "32 rue des Chantiers de France",
        "phone": "+33 3 53 01 10 11",
        "periods": [
            period(EVERY_DAY, "10:00", "18:00", ((4, 1), (9, 30))),
            period(TUE_SUN, "10:00", "17:00", ((10, 1), (3, 31))),
        ],
        "closures": HOLIDAYS,
        "prices": [(FULL, "7.00"), (CHILD, "4.00"), (UNDER_6, "free")],
        "access": ["wheelchair_access", "adapted_toilets"],
        "duration": 75,
        "languages": "fr,en,nl",
        "audio": "fr,en,de,nl",
    },
    "centre-historique-minier-lewarde": {
        "street": "Fosse Delloye, rue d'Erchin",
        "phone": "+33 3 53 01 10 12",
        "booking": True,
        "periods": [period(EVERY_DAY, "09:00", "17:30")],
        "closures": [*HOLIDAYS, closure(ANNUAL, (1, 2), (1, 31))],
        "prices": [(FULL, "14.00"), (REDUCED, "7.50", REDUCED_NOTE), (UNDER_6, "free")],
        "access": [
            "wheelchair_access",
            "lift",
            "adapted_toilets",
            "audio_description",
            "sign_language_tours",
            "induction_loop",
        ],
        "note": (
            "La visite des galeries se fait avec un ancien mineur ou un guide.",
            "The galleries are visited with a former miner or a guide.",
            "Die Stollen besichtigen Sie mit einem ehemaligen Bergmann oder einem Guide.",
            "U bezoekt de gangen met een oud-mijnwerker of een gids.",
        ),
        "duration": 180,
        "languages": "fr,en,de,nl",
        "audio": "fr,en,de,nl",
    },
    "musee-portuaire-dunkerque": {
        "street": "9 quai de la Citadelle",
        "phone": "+33 3 53 01 10 13",
        "periods": [period(NOT_TUESDAY, "10:00", "12:45"), period(NOT_TUESDAY, "13:45", "18:00")],
        "closures": [*HOLIDAYS, closure(MAY_DAY, (5, 1))],
        "prices": [(FULL, "8.00"), (REDUCED, "6.00", REDUCED_NOTE), (UNDER_6, "free")],
        "access": ["wheelchair_access", "adapted_toilets"],
        "duration": 90,
        "languages": "fr,en",
        "audio": "fr,en,nl",
    },
    # The Caverne du Dragon: address known, hours and prices not entered yet.
    "caverne-du-dragon": {"street": "Chemin des Dames, RD 18 CD", "phone": "+33 3 53 01 10 14"},
}


def practical_fields(slug, facts):
    """The French page's practical fields and rows, for MuseumPageFactory."""
    data = PRACTICAL.get(slug)
    if data is None:
        return {}
    fields = {
        "street": data["street"],
        "postcode": facts["postcode"],
        "location": make_point(facts["lon"], facts["lat"]),
        "phone": data["phone"],
        "website": "https://" + facts["website"].split()[0],
        "booking_url": "https://" + facts["website"].split()[0] if data.get("booking") else "",
        "guided_visits_only": data.get("guided_only", False),
        "visit_duration": data.get("duration"),
        "visit_languages": data.get("languages", ""),
        "audio_guide_languages": data.get("audio", ""),
        "access_notes": data.get("note", [""])[0],
        "opening_periods": [
            OpeningPeriod(
                valid_from=row["valid_from"],
                valid_until=row["valid_until"],
                every_year=True,
                opens=datetime.time.fromisoformat(row["opens"]),
                closes=datetime.time.fromisoformat(row["closes"]),
                **{day: day in row["days"] for day in WEEKDAY_FIELDS},
            )
            for row in data.get("periods", [])
        ],
        "closures": [
            Closure(
                start_date=datetime.date(YEAR, *row["start"]),
                end_date=datetime.date(YEAR, *row["end"]) if row["end"] else None,
                every_year=True,
                reason=row["texts"][0],
            )
            for row in data.get("closures", [])
        ],
        "guided_departures": [
            GuidedDeparture(departs_at=datetime.time.fromisoformat(time), language=language)
            for time, language in data.get("departures", [])
        ],
        "prices": [price_row(row) for row in data.get("prices", [])],
    }
    for name in data.get("access", []):
        fields[name] = True
    return fields


def price_row(row):
    label, amount, *rest = row
    return Price(
        label=label[0],
        amount=None if amount == "free" else Decimal(amount),
        is_free=amount == "free",
        note=rest[0][0] if rest else "",
        is_combined="combined" in rest,
    )


def practical_texts(slug, code):
    """The translatable practical texts of a museum in one language, aligned with French."""
    data = PRACTICAL.get(slug, {})
    index = LANGS.index(code)
    texts = [row["texts"][index] for row in data.get("closures", [])]
    for label, _amount, *rest in data.get("prices", []):
        texts.append(label[index])
        if rest:
            texts.append(rest[0][index])
    if "note" in data:
        texts.append(data["note"][index])
    return texts
