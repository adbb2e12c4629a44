"""URLs in the visitor's language: translated slugs, the old French-slug addresses moved
permanently to them, and every address that names a page (hreflang, the language switcher,
canonical, the sitemap, search results, offline packs, JSON-LD) in the page's language."""

import json
import re

import pytest
from defusedxml import ElementTree as ET
from wagtail.contrib.redirects.models import Redirect
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from home.models import StandardPage
from museum_pages.models import EventPage, ExhibitPage, VirtualVisitPage
from teams.translation_guard import missing_strings
from teams.translation_status import statuses
from teams.translation_sync import sync_page
from tests.helpers import counted_get, html_lang, json_ld

VISIT = {
    "fr": "/fr/carriere-wellington/visite-virtuelle/",
    "en": "/en/carriere-wellington/virtual-tour/",
    "de": "/de/carriere-wellington/virtueller-rundgang/",
    "nl": "/nl/carriere-wellington/virtuele-rondleiding/",
}
OLD_GERMAN_VISIT = "/de/carriere-wellington/visite-virtuelle/"
HREFLANG = re.compile(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">')
SWITCHER = re.compile(r'<a href="([^"]+)" lang="([\w-]+)" hreflang')


def french_visit(museum):
    return VirtualVisitPage.objects.child_of(museum).get(locale=museum.locale)


def translation_into(page, locale):
    return Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale, enabled=True
    )


def give_slug(translation, text, kind=StringTranslation.TRANSLATION_TYPE_MANUAL):
    """What a translator (or a machine) types as the slug in wagtail-localize's editor."""
    segment = StringSegment.objects.get(source=translation.source, context__path="slug")
    StringTranslation.objects.update_or_create(
        translation_of_id=segment.string_id,
        context_id=segment.context_id,
        locale_id=translation.target_locale_id,
        defaults={"data": text, "translation_type": kind, "has_error": False},
    )


def publish(translation, capture_on_commit):
    """The translation published as wagtail-localize's editor publishes it."""
    with capture_on_commit(execute=True):
        translation.save_target(publish=True)
    return translation.get_target_instance()


# Each language's own addresses ------------------------------------------------------------


@pytest.mark.parametrize("code", ["fr", "en", "de", "nl"])
def test_each_language_has_the_virtual_visit_at_an_address_in_its_own_words(client, db, code):
    response = client.get(VISIT[code])
    assert response.status_code == 200
    assert html_lang(response) == code


@pytest.mark.parametrize(
    "url",
    [
        "/en/about/",
        "/de/impressum/",
        "/nl/toegankelijkheid/",
        "/en/privacy/",
        "/de/veranstaltungen/",
        "/en/whats-on/",
        "/nl/routes/duinkerke-kanaalkust-1940-1944/",
        "/de/routen/duenkirchen-kanalkueste-1940-1944/",
        "/en/carriere-wellington/audio-guide/",
        "/de/carriere-wellington/veranstaltung/",
        "/en/carriere-wellington/waiting-beneath-the-city-the-battle-of-arras-april-1917/",
    ],
)
def test_the_network_pages_and_a_museums_pages_have_translated_addresses(client, db, url):
    assert client.get(url).status_code == 200


def test_a_museum_keeps_the_name_of_its_place_in_every_language(museum):
    assert {page.slug for page in museum.get_translations(inclusive=True)} == {
        "carriere-wellington"
    }


# The old French-slug addresses ---------------------------------------------------------


def test_an_old_french_slug_address_moves_permanently_with_its_query(client, db):
    response = client.get(OLD_GERMAN_VISIT, {"scene": "2", "utm_source": "newsletter"})
    assert response.status_code == 301
    assert response["Location"] == f"{VISIT['de']}?scene=2&utm_source=newsletter"
    landed = client.get(OLD_GERMAN_VISIT, follow=True)
    assert landed.redirect_chain == [(VISIT["de"], 301)]
    assert html_lang(landed) == "de"
    assert client.head(OLD_GERMAN_VISIT)["Location"] == VISIT["de"]


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/en/a-propos/", "/en/about/"),
        ("/nl/agenda/", None),  # the same slug in Dutch: the page itself
        ("/de/parcours/", "/de/routen/"),
        (
            "/de/parcours/dunkerque-cote-opale-1940-1944/",
            "/de/routen/duenkirchen-kanalkueste-1940-1944/",
        ),
        ("/en/carriere-wellington/evenement/", "/en/carriere-wellington/event/"),
    ],
)
def test_every_page_type_moves_from_its_french_slugs(client, db, old, new):
    response = client.get(old)
    if new is None:
        assert response.status_code == 200
    else:
        assert (response.status_code, response["Location"]) == (301, new)


def test_an_old_address_without_a_live_translation_stays_a_404(client, home, museum, locales):
    visit = french_visit(museum)
    visit.get_translation(locales["de"]).unpublish()
    # (Wagtail's redirects app may still point to the unpublished page: a 404 there.)
    assert client.get(OLD_GERMAN_VISIT, follow=True).status_code == 404
    french_only = home.add_child(
        instance=StandardPage(title="Seulement en français", slug="seulement-en-francais")
    )
    french_only.save_revision().publish()
    assert client.get("/fr/seulement-en-francais/").status_code == 200
    assert client.get("/de/seulement-en-francais/").status_code == 404
    # French keeps its own addresses: no German slug under /fr/, and no loop anywhere.
    assert client.get("/fr/carriere-wellington/virtueller-rundgang/").status_code == 404
    assert client.get("/de/carriere-wellington/nichts-da/").status_code == 404


def test_an_old_address_costs_the_same_few_queries_at_any_depth(client, db):
    client.get("/en/a-propos/")  # the site and its root paths, remembered
    shallow, shallow_count = counted_get(client, "/en/a-propos/")
    deep, deep_count = counted_get(client, "/de/parcours/dunkerque-cote-opale-1940-1944/")
    assert shallow.status_code == deep.status_code == 301
    assert shallow_count == deep_count <= 3


def test_a_slug_changed_later_keeps_its_previous_address(
    client, museum, locales, django_capture_on_commit_callbacks
):
    """Wagtail's redirects app (WAGTAILREDIRECTS_AUTO_CREATE) remembers the German address
    a translator replaced; the French one moves to the new address too."""
    translation = translation_into(french_visit(museum), locales["de"])
    give_slug(translation, "rundgang-360")
    visit = publish(translation, django_capture_on_commit_callbacks)
    new = "/de/carriere-wellington/rundgang-360/"
    assert visit.url == new
    assert client.get(new).status_code == 200
    assert Redirect.objects.filter(old_path=VISIT["de"].rstrip("/"), redirect_page=visit).exists()
    for old in (VISIT["de"], OLD_GERMAN_VISIT):
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, new), old


# What a translator types -----------------------------------------------------------------


def test_what_a_translator_types_becomes_a_valid_slug_unique_among_siblings(
    client, museum, locales, django_capture_on_commit_callbacks
):
    german_museum = museum.get_translation(locales["de"])
    visit = translation_into(french_visit(museum), locales["de"])
    give_slug(visit, "Virtueller Rundgang 360°")
    assert publish(visit, django_capture_on_commit_callbacks).slug == "virtueller-rundgang-360"
    give_slug(visit, "Über Dünkirchen")  # the translation editor shows the slug at once
    segment = StringSegment.objects.get(source=visit.source, context__path="slug")
    assert (
        StringTranslation.objects.get(
            translation_of_id=segment.string_id, locale=locales["de"], context_id=segment.context_id
        ).data
        == "ueber-duenkirchen"
    )
    exhibit = ExhibitPage.objects.child_of(museum).filter(locale=museum.locale).first()
    exhibition = translation_into(exhibit, locales["de"])
    give_slug(exhibition, "  Virtueller  RUNDGANG 360° ")
    page = publish(exhibition, django_capture_on_commit_callbacks)
    assert page.slug == "virtueller-rundgang-360-1"
    assert page.get_parent().pk == german_museum.pk
    give_slug(exhibition, "¿¡!?")  # nothing usable: the page's German title makes the slug
    page = publish(exhibition, django_capture_on_commit_callbacks)
    assert page.slug and re.fullmatch(r"[a-z0-9-]+", page.slug)
    assert client.get(page.url).status_code == 200


def test_an_untranslated_slug_keeps_the_french_one_and_blocks_nothing(
    client, museum, locales, django_capture_on_commit_callbacks
):
    event = EventPage.objects.child_of(museum).get(locale=museum.locale)
    translation = translation_into(event, locales["nl"])
    segment = StringSegment.objects.get(source=translation.source, context__path="slug")
    StringTranslation.objects.filter(
        translation_of_id=segment.string_id, locale=locales["nl"]
    ).delete()
    assert missing_strings(translation) == []
    assert statuses(locales["nl"], [event.translation_key])[event.translation_key].strings == 0
    assert publish(translation, django_capture_on_commit_callbacks).slug == event.slug
    assert client.get(f"/nl/carriere-wellington/{event.slug}/").status_code == 200


def test_a_machine_made_slug_waits_for_a_translator_like_any_machine_text(museum, locales):
    translation = translation_into(french_visit(museum), locales["de"])
    give_slug(translation, "virtueller-besuch", StringTranslation.TRANSLATION_TYPE_MACHINE)
    [missing] = missing_strings(translation)
    assert (missing.context.path, missing.machine) == ("slug", True)
    give_slug(translation, "visite-virtuelle")  # a translator keeps the French slug: fine
    assert missing_strings(translation) == []


def test_a_french_slug_change_offers_the_german_slug_back_and_moves_nothing_live(
    client, museum, locales
):
    visit = french_visit(museum)
    visit.slug = "visite-360"
    visit.save_revision().publish()
    sync_page(visit)
    translation = translation_into(visit, locales["de"])
    [missing] = missing_strings(translation)
    offered = StringTranslation.objects.get(
        translation_of_id=missing.string_id, locale=locales["de"], context_id=missing.context_id
    )
    assert (missing.context.path, offered.data) == ("slug", "virtueller-rundgang")
    assert client.get(VISIT["de"]).status_code == 200
    assert client.get("/fr/carriere-wellington/visite-360/").status_code == 200


# Every address of a page in its own language --------------------------------------------


def test_hreflang_switcher_and_canonical_name_each_languages_own_address(client, db):
    content = client.get(VISIT["de"]).content.decode()
    full = {code: f"http://testserver{url}" for code, url in VISIT.items()}
    assert dict(HREFLANG.findall(content)) == {**full, "x-default": full["fr"]}
    assert {code: url for url, code in SWITCHER.findall(content)} == VISIT
    assert f'<link rel="canonical" href="{full["de"]}">' in content


def test_the_sitemap_lists_the_translated_addresses_with_their_alternates(client, db):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    entries = {url.find("s:loc", ns).text: url for url in root.findall("s:url", ns)}
    entry = entries[f"http://testserver{VISIT['nl']}"]
    links = {link.get("hreflang"): link.get("href") for link in entry.findall("x:link", ns)}
    assert links["de"] == f"http://testserver{VISIT['de']}"
    assert links["en"] == f"http://testserver{VISIT['en']}"
    assert f"http://testserver{OLD_GERMAN_VISIT}" not in entries


def test_search_offline_pack_and_structured_data_use_the_translated_addresses(client, db):
    search = client.get("/de/search/", {"q": "Rundgang", "museum": "carriere-wellington"})
    search = search.content.decode()
    assert f'href="{VISIT["de"]}"' in search
    pack = client.get("/de/offline/carriere-wellington.json").json()
    assert VISIT["de"] in pack["urls"] and VISIT["fr"] not in pack["urls"]
    event = client.get("/de/carriere-wellington/veranstaltung/").content.decode()
    described = json.dumps(json_ld(event))
    assert '"http://testserver/de/carriere-wellington/veranstaltung/"' in described
    assert "evenement" not in described


def test_every_page_in_other_languages_has_an_ascii_slug(db):
    for page in Page.objects.filter(depth__gt=2).exclude(locale__language_code="fr"):
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", page.slug), page.url_path
