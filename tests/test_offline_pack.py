"""A museum's pack for the visit without signal (museum_pages/offline.py) and the "Save for
offline" section of the museum page that uses it."""

import json
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage

from core.page_cache import clear_page_cache
from museum_pages.models import AudioGuidePage, ExhibitPage, MuseumPage, VirtualVisitPage
from tests.helpers import counted_get


@pytest.fixture
def german(locales, museum):
    """The Carrière Wellington in German."""
    return museum.get_translation(locales["de"])


def pack_of(client, page):
    response = client.get(f"/{page.locale.language_code}/offline/{page.slug}.json")
    assert response.status_code == 200
    return json.loads(response.content)


def exists(url):
    """The address of a pack is served: a page (asked of the site), a static or media file."""
    path = urlsplit(url).path
    if path.startswith(settings.STATIC_URL):
        return finders.find(path.removeprefix(settings.STATIC_URL)) is not None
    if path.startswith(settings.MEDIA_URL):
        return default_storage.exists(path.removeprefix(settings.MEDIA_URL))
    return None


def test_the_pack_holds_the_museum_its_visits_exhibitions_and_audio_guide(client, german):
    pack = pack_of(client, german)
    assert pack["title"] == german.title
    assert pack["url"] == german.url
    assert pack["language"] == "de"
    children = [
        page.url
        for model in (ExhibitPage, VirtualVisitPage, AudioGuidePage)
        for page in model.objects.live().child_of(german)
    ]
    assert children
    assert set(pack["urls"]) >= {german.url, *children}
    static = [url for url in pack["urls"] if url.startswith(settings.STATIC_URL)]
    assert any(url.endswith("pannellum.js") for url in static)
    assert any(url.endswith("virtual-visit.js") for url in static)
    assert any(url.endswith("main.css") for url in static)


def test_every_address_of_the_pack_is_served(client, german):
    for url in pack_of(client, german)["urls"]:
        found = exists(url)
        if found is None:
            assert client.get(url).status_code == 200, url
        else:
            assert found, url


def test_the_pack_keeps_one_phone_size_copy_of_each_picture(client, german):
    pack = pack_of(client, german)
    media = [url for url in pack["urls"] if url.startswith(settings.MEDIA_URL)]
    pictures = [url for url in media if "/images/" in url]
    assert pictures
    # The panoramas at 4096 px, the flat pictures in WebP; the 8192 px panoramas are not saved.
    assert any("width-4096" in url for url in pictures)
    assert not any("width-8192" in url for url in pictures)
    assert not any(url.endswith(".avif") for url in pictures)
    # Every other rendition of a saved picture is answered with the saved one.
    assert pack["substitutes"]
    assert set(pack["substitutes"].values()) <= set(pack["urls"])
    assert any(".avif" in url for url in pack["substitutes"])


def test_the_pack_says_its_size_in_the_language_and_its_version(client, german):
    pack = pack_of(client, german)
    # The demo's pictures are small placeholders: hundreds of kilobytes, in German units.
    assert pack["size"] > 100_000
    assert pack["size_text"].endswith(("kB", "MB"))
    assert "Mo" not in pack["size_text"]
    assert pack["version"].startswith(str(german.last_published_at.year))


def test_a_german_publication_gives_the_german_pack_a_new_version(client, museum, german):
    before = pack_of(client, german)["version"]
    french_before = pack_of(client, museum)["version"]
    german.save_revision().publish()
    clear_page_cache()
    assert pack_of(client, german)["version"] > before
    assert pack_of(client, museum)["version"] == french_before


def test_the_pack_is_asked_again_each_time_and_remembered_until_a_publication(client, german):
    url = f"/de/offline/{german.slug}.json"
    clear_page_cache()
    first, cold = counted_get(client, url)
    second, warm = counted_get(client, url)
    assert first.status_code == second.status_code == 200
    assert "no-cache" in second["Cache-Control"]
    assert warm <= 2, warm


def test_an_unknown_museum_has_no_pack(client, db):
    response = client.get("/de/offline/nicht-da.json")
    assert response.status_code == 404


def test_the_museum_page_offers_to_save_it_in_its_language(client, german):
    html = client.get(german.url).content.decode()
    assert f'data-pack="/de/offline/{german.slug}.json"' in html
    assert "Für den Offline-Besuch speichern" in html
    assert 'data-about="etwa {size}"' in html
    assert "js/offline-save.js" in html


def test_the_pack_holds_the_recordings_in_its_language_only(client, museum, locales, german):
    from tests.test_audio_guide import guide_of, recording, set_track

    french, spoken = recording(museum, "piste-fr.mp3"), recording(museum, "spur-de.mp3")
    set_track(guide_of(museum), 0, french)
    set_track(guide_of(museum, locales["de"]), 0, spoken)
    set_track(guide_of(museum, locales["nl"]), 0, french)  # the French one, not replaced
    clear_page_cache()
    german_pack = pack_of(client, german)
    assert spoken.url in german_pack["urls"]
    assert french.url not in german_pack["urls"]
    assert pack_of(client, museum).get("urls").count(french.url) == 1
    assert french.url not in pack_of(client, museum.get_translation(locales["nl"]))["urls"]
    # Counted in the size: the pack grew by the file.
    assert german_pack["size"] >= spoken.file.size


def versions_of(client, language, museums):
    response = client.get(f"/{language}/offline/versions.json", {"museums": museums})
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    return json.loads(response.content)


def test_a_phone_asks_the_versions_of_its_saved_museums_in_one_request(client, german, locales):
    pack = pack_of(client, german)
    # Where a saved copy asks whether it is up to date, and for its new pack.
    assert pack["versions"] == "/de/offline/versions.json"
    assert pack["pack"] == f"/de/offline/{german.slug}.json"
    other = MuseumPage.objects.filter(locale=locales["de"]).exclude(pk=german.pk).first()
    asked = f"{german.slug},{other.slug},nicht-da"
    assert versions_of(client, "de", asked) == {
        german.slug: pack["version"],
        other.slug: pack_of(client, other)["version"],
    }
    # After a German publication, the German version alone changes.
    french_before = versions_of(client, "fr", german.slug)
    german.get_children().live().first().specific.save_revision().publish()
    assert versions_of(client, "de", german.slug)[german.slug] > pack["version"]
    assert versions_of(client, "fr", german.slug) == french_before


@pytest.mark.parametrize("museums", ["", ",,,", "a" * 500, "<script>", "x," * 200])
def test_odd_version_requests_are_answered_with_nothing(client, db, museums):
    assert versions_of(client, "de", museums) == {}


def test_the_versions_cost_two_queries_whatever_the_number_of_museums(client, german, locales):
    one, one_count = counted_get(client, "/de/offline/versions.json", museums=german.slug)
    slugs = ",".join(MuseumPage.objects.filter(locale=locales["de"]).values_list("slug", flat=True))
    many, many_count = counted_get(client, "/de/offline/versions.json", museums=slugs)
    assert len(json.loads(many.content)) > 1
    assert many_count == one_count <= 2
