"""The demo network that `make run` loads: every museum of the demo data (demo/museums/) in
four languages, built idempotently."""

import io
import re

from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from demo.data import museums, network
from home.models import NetworkHomePage, StandardPage
from museum_pages.models import EventPage, ExhibitPage, MuseumPage, VirtualVisitPage
from network.models import AgendaPage, Theme
from tests.helpers import LANGUAGES


def test_every_demo_museum_in_each_of_four_languages(locales):
    slugs = [entry["slug"] for entry in museums()]
    for code in LANGUAGES:
        pages = MuseumPage.objects.live().filter(locale=locales[code])
        assert sorted(pages.values_list("slug", flat=True)) == sorted(slugs), code
        for page_type in [ExhibitPage, VirtualVisitPage, EventPage]:
            assert page_type.objects.live().filter(locale=locales[code]).count() >= len(slugs)


def test_every_museum_has_an_exhibit_a_visit_and_an_upcoming_event(locales):
    for museum in MuseumPage.objects.filter(locale=locales["fr"]):
        groups = museum.children_by_type()
        assert groups["exhibits"] and groups["visits"] and groups["events"], museum.slug


def museum_with_translated_town():
    """The first demo museum whose town has another name in another language (Dunkerque)."""
    return next(entry for entry in museums() if len(set(entry["location"]["town"].values())) > 1)


def test_translations_carry_their_own_text_not_french(locales):
    fr = MuseumPage.objects.get(slug=museum_with_translated_town()["slug"], locale=locales["fr"])
    for code in ["en", "de", "nl"]:
        translated = fr.get_translation(locales[code])
        assert translated.intro and translated.intro != fr.intro, code
        assert translated.live


def test_translated_town_names(locales):
    entry = museum_with_translated_town()
    museum = MuseumPage.objects.get(slug=entry["slug"], locale=locales["fr"])
    for code, town in entry["location"]["town"].items():
        assert museum.get_translation(locales[code]).town == town, code


def test_common_pages_exist_in_every_language_at_their_translated_slugs(locales):
    for code in LANGUAGES:
        pages = StandardPage.objects.live().filter(locale=locales[code])
        assert sorted(pages.values_list("slug", flat=True)) == sorted(
            page["slug"][code] for page in network()["common_pages"]
        )
        assert Theme.objects.filter(locale=locales[code]).count() == len(network()["themes"])


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


# The number of museums, written out, in each language: a count written into the demo's
# texts goes wrong with the next museum; the footer counts them (templates/includes/footer.html).
COUNTS = {
    "fr": ["douze", "treize", "quatorze", "quinze", "seize"],
    "en": ["twelve", "thirteen", "fourteen", "fifteen", "sixteen"],
    "de": ["zwölf", "dreizehn", "vierzehn", "fünfzehn", "sechzehn"],
    "nl": ["twaalf", "dertien", "veertien", "vijftien", "zestien"],
}
HOURS_HERE = {
    "fr": "horaires",
    "en": "opening times",
    "de": "Öffnungszeiten",
    "nl": "openingstijden",
}


def test_the_home_and_agenda_introductions_state_no_count_and_say_hours_are_here(
    client, locales, home
):
    for code in LANGUAGES:
        page = home.get_translation(locales[code]).specific
        texts = [page.intro, *(str(block.value) for block in page.body)]
        agenda = page.get_children().live().type(AgendaPage).first().specific
        for text in [*texts, agenda.intro]:
            words = re.findall(r"\w+", text.lower())
            assert not set(words) & {*COUNTS[code], str(len(museums()))}, (code, text)
        # Hours and prices are on this site, museum by museum, not on each museum's own.
        assert any(HOURS_HERE[code] in text for text in texts), code
        assert HOURS_HERE[code] in client.get(page.url).content.decode()
