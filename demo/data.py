"""The demo data: one JSON file a museum (`demo/museums/<slug>.json`) and one for the network
(`demo/network.json`), read here and nowhere else.

One format throughout: facts are plain JSON values (slugs, times "HH:MM", recurring dates
"MM-DD" that hold every year, amounts in euros as decimal strings, language codes); every
text a visitor reads is an object with the four languages, `{"fr": …, "en": …, "de": …,
"nl": …}`, French being the source. A body is a list of such paragraphs. A page's slug is
one of those texts where visitors read it in their language's URLs (`"slug": {"fr":
"visite-virtuelle", "de": "virtueller-rundgang", …}`: ASCII, short), and a plain string for
a museum, whose place's name is its slug in every language.

A museum file holds:

- `slug`, `order` (the place of the museum in the network, from 1), `themes` (slugs of
  network themes, the first one colours its pictures), `picture` (optional: what its
  drawn pictures show, a motif of demo/placeholders.py such as "headframe" or "tunnel";
  by default its first theme's), `demo_team` (username prefix of the demo editor and
  moderator of the museum, or null);
- `location` (`street`, `postcode`, `town` in each language, `latitude`, `longitude`) and
  `contact` (`phone`, `website`, `online_booking`: whether the website takes bookings);
- `practical`: `guided_visits_only`, `opening_periods` (`days`, `opens`, `closes`, and the
  season `from`/`until` or null for all year), `closures` (`from`, `until` or null for a
  single day, `reason`), `guided_departures` (`time`, `language`), `prices` (`label`,
  `amount` or null, `free`, `combined`, `note` or null), `access` (`features`: the access
  flags of the page, `notes`, `visit_duration_minutes`, `visit_languages`,
  `audio_guide_languages`);
- its texts: `museum_page`, `exhibition` (`title`, `intro`, `body`), `virtual_visit`
  (`title`, `intro`, `scenes`: `title`, `text`) and `event` (`title`, `intro`, and its facts:
  `schedule` — when it happens, in words that hold every year, see demo/events.py —, `time`,
  `duration_minutes`, `status` (optional), `audiences` (slugs of the network's audiences),
  `languages`, `free`, `price`, `booking`, and `place` when it is not at the museum);
- optionally `temporary_exhibition` (`opens_in_days`, `closes_in_days` counted from the day
  the loader runs, `title`, `intro`, `body`);
- `sources`: where the facts come from (research notes, not loaded).

The network file holds `themes` (`slug`, `colour`, `name`), `audiences` (`slug`, `name`),
`home_page` and `common_pages` (`slug`, `title`, `intro`, `body`), `page_slugs` (the slugs
of every museum's `virtual_visit` and `event`) and `virtual_visit_words`, the words around
the scenes of every visit (`{title}` stands for a scene's title). An exhibition's slug is
made from its title in each language (`slug_of`).

The audio guides file (`demo/audio_guides.json`) holds the `guide` page of every museum
(`slug`, `title`, `intro`) and, by museum slug, its `tracks` (`number`, `title`, and the
`transcript`: texts written for the guide, never a page's paragraphs copied, so that a
string has one context).

The routes file (`demo/routes.json`) holds the route `index` page (`slug`, `title`, `intro`,
`body`) and the `routes`: `slug`, `start` ("HH:MM", the suggested start), `title`, `intro`,
`body` and the ordered `stops`, each a member museum (`museum`: its slug) or another place
(`place`: its name, with `latitude` and `longitude`), with `stay_minutes`, and a
`transport` hint (how to come from the stop before without a car) and a `note`, or null.
"""

import json
from pathlib import Path

from core import languages

DATA_DIR = Path(__file__).resolve().parent
LANGUAGES = tuple(languages.CODES)


def museums():
    """Every demo museum, in the order of the network (its `order`)."""
    found = []
    for path in sorted((DATA_DIR / "museums").glob("*.json")):
        museum = read(path)
        if museum["slug"] != path.stem:
            raise ValueError(f"{path.name} holds the museum {museum['slug']!r}")
        found.append(museum)
    found.sort(key=lambda museum: museum["order"])
    orders = [museum["order"] for museum in found]
    if orders != list(range(1, len(found) + 1)):
        raise ValueError(f"demo museums: the orders should be 1 to {len(found)}, not {orders}")
    return found


def museum(slug):
    return read(DATA_DIR / "museums" / f"{slug}.json")


def network():
    """Themes, the home page, the common pages and the shared words of the virtual visits."""
    return read(DATA_DIR / "network.json")


def audio_guides():
    """{"guide": the guide page's slug and words, "museums": {museum slug: its tracks}}."""
    return read(DATA_DIR / "audio_guides.json")


def routes():
    """The route index page and the routes between museums (demo/routes.json)."""
    data = read(DATA_DIR / "routes.json")
    slugs = {museum["slug"] for museum in museums()}
    for route in data["routes"]:
        for stop in route["stops"]:
            if "museum" in stop and stop["museum"] not in slugs:
                raise ValueError(f"routes.json {route['slug']}: no museum {stop['museum']!r}")
    return data


def in_language(text, code):
    """A text in one language; a body (list of texts) becomes the list of its paragraphs."""
    if isinstance(text, list):
        return [in_language(paragraph, code) for paragraph in text]
    return text[code]


def read(path):
    data = json.loads(path.read_text(encoding="utf-8"))
    check_texts(data, path.name)
    return data


def check_texts(value, where):
    """Every object with a language key has all four languages, so no page misses a text."""
    if isinstance(value, dict):
        if value.keys() & set(LANGUAGES) and value.keys() != set(LANGUAGES):
            raise ValueError(f"{where}: a text in {sorted(value)} instead of {list(LANGUAGES)}")
        for key, item in value.items():
            check_texts(item, f"{where} {key}")
    elif isinstance(value, list):
        for item in value:
            check_texts(item, where)
