"""The number of SQL queries per page does not grow with the size of the network.

Counted on the uncached path (no page cache), after a first request that may create image
renditions, with nothing remembered (`core.remembered`): the page as the
first visitor after a publication gets it. The issue's budget is 12 queries for any page;
BUDGET holds what each page type costs today, so that any new query fails here.
"""

import datetime
from urllib.parse import urlencode

import pytest
from django.utils import timezone

from demo.data import museums
from demo.factories import (
    EventPageFactory,
    ExhibitPageFactory,
    ImageFactory,
    MuseumPageFactory,
    VirtualVisitPageFactory,
)
from home.models import StandardPage
from museum_pages.models import EventPage, ExhibitPage, MuseumPage, VirtualVisitPage
from museum_pages.models.practical import Closure, GuidedDeparture, OpeningPeriod, Price
from network.models import Theme
from tests.helpers import queries_for

TARGET = 12
# The same in every language (core.routing finds the home of the active language at once).
BUDGET = {
    "home": 12,  # the next events and current exhibitions (issue 17), the routes (issue 20)
    "museum": 11,  # the routes through it (issue 20)
    "exhibit": 5,  # its museum, for the dates' JSON-LD
    "visit": 8,
    "event": 6,  # its museum (place, organiser) and its audiences in the language
    "standard": 4,
    "search": 11,  # every language's towns, for names typed in another language (issue 21)
    "sitemap": 3,  # the site, for URLs on the host the visitor asked for
    "geojson": 9,  # the same
}


def urls_of(locales, museum, code="fr"):
    """One page of each type in the language `code`; `museum` is the French one."""
    museum = museum.get_translation(locales[code])
    return {
        "home": f"/{code}/",
        "museum": museum.url,
        "exhibit": ExhibitPage.objects.live().child_of(museum).first().url,
        "visit": VirtualVisitPage.objects.live().child_of(museum).first().url,
        "event": EventPage.objects.live().child_of(museum).first().url,
        "standard": StandardPage.objects.live().filter(locale=locales[code]).first().url,
        # The museum's town: results of several page types in every language.
        "search": f"/{code}/search/?{urlencode({'q': museum.town})}",
        "sitemap": "/sitemap.xml",
        "geojson": "/api/museums.geojson",
    }


def grow_the_network(home, museum, locales):
    """As many more museums as the demo's, with images and themes; more children, prices,
    hours, scenes."""
    themes = list(Theme.objects.filter(locale=locales["fr"])[:2])
    for number in range(len(museums())):
        image = ImageFactory(title=f"Musée test {number}", size=(800, 450))
        MuseumPageFactory(
            parent=home, title=f"Musée test {number}", hero_image=image, themes=themes
        )
    for _number in range(3):
        ExhibitPageFactory(parent=museum, hero_image=ImageFactory(size=(800, 450)))
        EventPageFactory(parent=museum)
        VirtualVisitPageFactory(parent=museum)
    today = timezone.localdate()
    for number in range(5):
        Price.objects.create(
            page=museum, locale=museum.locale, label=f"Tarif {number}", amount=number
        )
        OpeningPeriod.objects.create(
            page=museum,
            valid_from=today,
            valid_until=today + datetime.timedelta(days=30),
            opens=datetime.time(9 + number),
            closes=datetime.time(17),
        )
        Closure.objects.create(
            page=museum, locale=museum.locale, start_date=today + datetime.timedelta(days=40)
        )
        GuidedDeparture.objects.create(page=museum, departs_at=datetime.time(10 + number))
    visit = VirtualVisitPage.objects.live().child_of(museum).first()
    scenes = [block.value for block in visit.scenes]
    visit.scenes = [("scene", scenes[number % len(scenes)]) for number in range(12)]
    visit.save_revision().publish()


def test_home_page_queries_do_not_grow_with_the_number_of_museums(client, uncached, home, locales):
    demo = len(museums())
    assert MuseumPage.objects.filter(locale=locales["fr"]).count() == demo
    with_demo = queries_for(client, "/fr/")

    themes = list(Theme.objects.filter(locale=locales["fr"])[:2])
    for number in range(demo):
        image = ImageFactory(title=f"Musée test {number}", size=(800, 450))
        MuseumPageFactory(
            parent=home, title=f"Musée test {number}", hero_image=image, themes=themes
        )
    assert MuseumPage.objects.live().filter(locale=locales["fr"]).count() == 2 * demo
    with_twice = queries_for(client, "/fr/")

    assert with_twice == with_demo
    assert with_demo <= TARGET


def test_every_page_type_keeps_its_query_count_when_the_network_grows(
    client, uncached, home, museum, locales
):
    urls = urls_of(locales, museum)
    before = {name: queries_for(client, url) for name, url in urls.items()}

    grow_the_network(home, museum, locales)
    after = {name: queries_for(client, url) for name, url in urls.items()}

    assert after == before
    for name, count in before.items():
        assert count <= BUDGET[name], f"{name}: {count} queries"


@pytest.mark.parametrize("code", ["fr", "en", "de", "nl"])
def test_every_page_type_keeps_to_the_target_in_every_language(
    client, uncached, locales, museum, code
):
    urls = urls_of(locales, museum, code)
    counts = {name: queries_for(client, url) for name, url in urls.items()}
    for name, count in counts.items():
        assert count <= min(TARGET, BUDGET[name]), f"{name} in {code}: {count} queries"
