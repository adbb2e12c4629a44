"""A translator gives the scenes of their language their own recording (issue 18, point 2):
they upload it into their language's recordings collection, choose it for the page of
their language (wagtail-localize's editor cannot choose an audio item:
teams/translator_recordings.py), publish, and the page plays it. Another language's
recordings are refused on every path, and museum media stay out of their reach."""

import re
from urllib.parse import urlencode

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    StringSegment,
    StringTranslation,
    TranslationSource,
)
from wagtailmedia.models import Media

from museum_pages.models import LanguageRecordings, VirtualVisitPage
from teams.translators import translator_group_name
from tests.helpers import demo_user, sign_in
from tests.test_audio import MP3, PLAYER, recording, scene_audio, upload, visit_form

TRANSCRIPTS = {
    "de": "Guten Tag und willkommen.",
    "nl": "Goedendag en welkom.",
}


def language_recording(code, name):
    """An audio item of the recordings collection of language `code`."""
    return Media.objects.create(
        title=name,
        type="audio",
        duration=2.48,
        collection=LanguageRecordings.objects.get(language_code=code).collection,
        file=ContentFile(MP3.read_bytes(), name=name),
    )


@pytest.fixture
def visits(museum, locales):
    """The Wellington visit, its first scene commented in French; its translation source
    brought up to date (as a French publication does), the transcript translated."""
    french = VirtualVisitPage.objects.child_of(museum).get()
    value = french.scenes[0].value
    value["audio"] = recording(museum, "commentaire-fr.mp3")
    value["transcript"] = "Bonjour et bienvenue."
    french.save_revision().publish()
    source, _created = TranslationSource.update_or_create_from_instance(french)
    transcript = StringSegment.objects.get(
        source=source, context__path=f"scenes.{french.scenes[0].id}.transcript"
    )
    for code, text in TRANSCRIPTS.items():
        StringTranslation.objects.update_or_create(
            translation_of=transcript.string,
            locale=locales[code],
            context=transcript.context,
            defaults={"data": text, "translation_type": "manual"},
        )
    pages = {"fr": french}
    for code in ("de", "nl"):
        pages[code] = VirtualVisitPage.objects.child_of(museum.get_translation(locales[code])).get()
    pages["segment"] = OverridableSegment.objects.get(
        source=source, context__path=f"scenes.{french.scenes[0].id}.audio"
    )
    pages["source"] = source
    return pages


@pytest.fixture
def translator(client, db):
    user = demo_user("translator-de")
    sign_in(client, user)
    return user


def recordings_url(page):
    return reverse("memhisto_translator_recordings", args=[page.pk])


def test_each_language_has_its_recordings_collection_with_its_translators_rights(db):
    for code in ("en", "de", "nl"):
        collection = LanguageRecordings.objects.get(language_code=code).collection
        assert collection.name.startswith("Enregistrements — ")
        group = demo_user(f"translator-{code}").groups.get()
        assert group.name == translator_group_name(code)
        codenames = set(
            group.collection_permissions.filter(collection=collection).values_list(
                "permission__codename", flat=True
            )
        )
        assert codenames == {"add_media", "change_media"}


def test_a_german_translator_records_a_scene_and_the_german_page_plays_it(
    client, translator, visits, django_capture_on_commit_callbacks
):
    # The upload lands in the German recordings collection.
    response = upload(client, "kommentar-de.mp3", MP3.read_bytes(), title="Kommentar Szene 1")
    assert response.status_code == 302, response.context["form"].errors
    german_recording = Media.objects.get(title="Kommentar Szene 1")
    assert (
        german_recording.collection == LanguageRecordings.objects.get(language_code="de").collection
    )

    # The translation editor says where recordings are chosen.
    german = visits["de"]
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[german.pk]))
    assert editor.status_code == 200
    assert recordings_url(german) in editor.content.decode()

    # The form offers the German recordings only: not the museum's French one.
    page = client.get(recordings_url(german)).content.decode()
    assert re.search(r"<h1[^>]*>.*Aufnahmen: Deutsch", page, re.DOTALL)  # in German
    assert "Kommentar Szene 1" in page
    assert re.search(r"<option value=\"\d+\"[^>]*>commentaire-fr.mp3</option>", page) is None
    assert "commentaire-fr.mp3" in page  # named as the French recording, for reference
    field = f"recording-{visits['segment'].pk}"
    response = client.post(recordings_url(german), {field: german_recording.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[german.pk])
    assert (
        SegmentOverride.objects.get(locale=german.locale, context=visits["segment"].context).data
        == german_recording.pk
    )

    # Published by the translator, the German page plays the German file.
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[german.pk]), {"action": "publish"}
        )
    assert response.status_code == 302
    client.logout()
    german_scene = scene_audio(client, VirtualVisitPage.objects.get(pk=german.pk))
    assert re.search(PLAYER + r'[^"]*kommentar-de[^"]*\.mp3"', german_scene)
    assert "commentaire-fr" not in german_scene
    french_scene = scene_audio(client, visits["fr"])
    assert re.search(PLAYER + r'[^"]*commentaire-fr[^"]*\.mp3"', french_scene)


def test_the_german_translator_cannot_choose_for_french_or_dutch_pages(client, translator, visits):
    german_recording = language_recording("de", "kommentar-de.mp3")
    field = f"recording-{visits['segment'].pk}"
    for code in ("fr", "nl"):
        page = visits[code]
        assert client.get(recordings_url(page)).status_code in (302, 403)
        response = client.post(recordings_url(page), {field: german_recording.pk})
        assert response.status_code in (302, 403)
    assert not SegmentOverride.objects.filter(context=visits["segment"].context).exists()


def test_another_languages_recording_is_refused_with_a_message(client, translator, visits):
    dutch_recording = language_recording("nl", "opname-nl.mp3")
    german = visits["de"]
    field = f"recording-{visits['segment'].pk}"
    assert "opname-nl.mp3" not in client.get(recordings_url(german)).content.decode()
    response = client.post(recordings_url(german), {field: dutch_recording.pk})
    assert response.status_code == 200
    assert response.context["form"].errors[field]
    assert not SegmentOverride.objects.filter(context=visits["segment"].context).exists()

    # wagtail-localize's own address for overrides refuses it too.
    translation = visits["source"].translations.get(target_locale=german.locale)
    url = reverse("wagtail_localize:edit_override", args=[translation.pk, visits["segment"].pk])
    body = urlencode({"value": dutch_recording.pk})
    response = client.put(url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 403
    assert not SegmentOverride.objects.filter(context=visits["segment"].context).exists()
    german_recording = language_recording("de", "kommentar-de.mp3")
    body = urlencode({"value": german_recording.pk})
    response = client.put(url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 201


def test_the_network_team_cannot_put_a_german_recording_on_the_french_page(client, visits):
    german_recording = language_recording("de", "kommentar-de.mp3")
    sign_in(client, demo_user("admin"))
    french = visits["fr"]
    url = reverse("wagtailadmin_pages:edit", args=[french.pk])
    response = client.post(url, visit_form(french, german_recording))
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    message = errors["scenes"][0].as_json_data()["blockErrors"][0]["blockErrors"]["audio"]
    assert message == {
        "messages": [
            "Cet enregistrement est celui d'une autre langue : choisissez-en un dans la "
            "langue de cette page."
        ]
    }


def test_a_translator_cannot_delete_museum_media_nor_change_them(client, translator, museum):
    museum_recording = recording(museum, "commentaire-fr.mp3")
    response = client.post(reverse("wagtailmedia:delete", args=[museum_recording.pk]))
    assert response.status_code in (302, 403)
    assert Media.objects.filter(pk=museum_recording.pk).exists()
    response = client.get(reverse("wagtailmedia:edit", args=[museum_recording.pk]))
    assert response.status_code in (302, 403)
    listing = client.get(reverse("wagtailmedia:index")).content.decode()
    assert "commentaire-fr.mp3" not in listing


def test_the_dutch_translator_sees_the_media_pages_in_dutch(client, db):
    """wagtailmedia has no Dutch catalogue: its strings are translated in ours."""
    sign_in(client, demo_user("translator-nl"))
    listing = client.get(reverse("wagtailmedia:index")).content.decode()
    assert "Audio toevoegen" in listing and "Add audio" not in listing
    form = client.get(reverse("wagtailmedia:add", args=["audio"])).content.decode()
    assert '<html lang="nl"' in form and "Audio toevoegen" in form
    response = upload(client, "opname.mp3", MP3.read_bytes(), title="Opname scène 1")
    assert response.status_code == 302
    listing = client.get(response["Location"]).content.decode()
    assert "Mediabestand &#x27;Opname scène 1&#x27; toegevoegd." in listing
    media = Media.objects.get(title="Opname scène 1")
    assert media.collection == LanguageRecordings.objects.get(language_code="nl").collection


def test_a_scene_without_a_french_recording_gets_one_in_german(
    client, translator, visits, django_capture_on_commit_callbacks
):
    """The museum recorded its German commentary of the second scene first: the German
    translator still finds the scene in the form, chooses it, and only /de/ plays it."""
    french, german = visits["fr"], visits["de"]
    second = french.scenes[1]
    assert second.value["audio"] is None
    segment = OverridableSegment.objects.get(
        source=visits["source"], context__path=f"scenes.{second.id}.audio"
    )
    german_recording = language_recording("de", "kommentar-szene-2.mp3")
    page = client.get(recordings_url(german)).content.decode()
    assert "Keine französische Aufnahme" in page
    response = client.post(
        recordings_url(german),
        {f"recording-{segment.pk}": german_recording.pk, f"recording-{visits['segment'].pk}": ""},
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[german.pk]), {"action": "publish"}
        )
    assert response.status_code == 302
    client.logout()

    def second_scene(visit):
        content = client.get(visit.url).content.decode()
        return content.split('id="scene-2"', 1)[1].split('id="scene-3"', 1)[0]

    assert re.search(PLAYER + r'[^"]*kommentar-szene-2[^"]*\.mp3"', second_scene(german))
    assert "<audio" not in second_scene(VirtualVisitPage.objects.get(pk=french.pk))
