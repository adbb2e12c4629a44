"""The demo network that `make run` loads: 14 museums in four languages, built idempotently."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from home.models import NetworkHomePage, StandardPage
from museum_pages.models import EventPage, ExhibitPage, MuseumPage, VirtualVisitPage
from network.models import Theme
from tests.helpers import LANGUAGES


def test_fourteen_museums_in_each_of_four_languages(locales):
    for code in LANGUAGES:
        museums = MuseumPage.objects.live().filter(locale=locales[code])
        assert museums.count() == 14, code
        for page_type in [ExhibitPage, VirtualVisitPage, EventPage]:
            assert page_type.objects.live().filter(locale=locales[code]).count() >= 14


def test_every_museum_has_an_exhibit_a_visit_and_an_upcoming_event(locales):
    for museum in MuseumPage.objects.filter(locale=locales["fr"]):
        groups = museum.children_by_type()
        assert groups["exhibits"] and groups["visits"] and groups["events"], museum.slug


def test_translations_carry_their_own_text_not_french(locales):
    fr = MuseumPage.objects.get(slug="musee-dunkerque-1940", locale=locales["fr"])
    for code in ["en", "de", "nl"]:
        translated = fr.get_translation(locales[code])
        assert translated.intro and translated.intro != fr.intro, code
        assert translated.live


def test_translated_town_names(locales):
    museum = MuseumPage.objects.get(slug="musee-dunkerque-1940", locale=locales["fr"])
    assert museum.town == "Dunkerque"
    assert museum.get_translation(locales["en"]).town == "Dunkirk"
    assert museum.get_translation(locales["de"]).town == "Dünkirchen"
    assert museum.get_translation(locales["nl"]).town == "Duinkerke"


def test_common_pages_exist_in_every_language(locales):
    for code in LANGUAGES:
        assert StandardPage.objects.live().filter(locale=locales[code]).count() == 4
        assert Theme.objects.filter(locale=locales[code]).count() == 5


def test_second_run_changes_nothing(locales):
    counts = lambda: (  # noqa: E731
        Page.objects.count(),
        Revision.objects.count(),
        get_image_model().objects.count(),
        Theme.objects.count(),
        get_user_model().objects.count(),
    )
    before = counts()
    out = io.StringIO()
    call_command("load_network", stdout=out)
    assert counts() == before
    assert "nothing changed" in out.getvalue()


def test_site_root_is_the_french_network_home(home):
    assert home.get_site().root_page_id == home.pk
    assert NetworkHomePage.objects.count() == 4


def test_demo_images_are_placeholders_in_each_museums_collection(museum):
    image = museum.hero_image
    assert image.width == 1600 and image.height == 900
    assert image.collection.name == museum.title
