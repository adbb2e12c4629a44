"""The translators' work, end to end, through wagtail-localize's real admin views."""

from urllib.parse import urlencode

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Page
from wagtail.rich_text import RichText
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from demo.factories import ExhibitPageFactory
from museum_pages.models import ExhibitPage
from teams.machine_translation import MemHistoDeepLTranslator
from teams.translators import translator_group_name
from tests.helpers import demo_user, sign_in


@pytest.fixture
def translator(client, db):
    user = demo_user("translator-de")
    sign_in(client, user)
    return user


@pytest.fixture
def network_team(client, db):
    user = demo_user("admin")
    sign_in(client, user)
    return user


def put_string(client, translation, segment, value):
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
    )


def segment_at(source, path):
    return StringSegment.objects.select_related("string").get(source=source, context__path=path)


def german_of(segment, locale):
    """The translation of `segment` in its own context."""
    return StringTranslation.objects.get(
        translation_of=segment.string, context=segment.context_id, locale=locale
    )


def test_translator_submits_translates_machine_translates_and_publishes(
    client, translator, museum, locales, django_capture_on_commit_callbacks
):
    exhibit = ExhibitPageFactory(
        parent=museum,
        title="Les tunneliers néo-zélandais",
        intro="Ils ont creusé la ville souterraine.",
        body=[("paragraph", RichText("<p>Des Maoris parmi eux.</p>"))],
    )

    # Submit for translation: the German page is created as a draft, not live.
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[exhibit.pk]),
        {"locales": [locales["de"].pk]},
    )
    assert response.status_code == 302
    german = exhibit.get_translation(locales["de"])
    assert not german.live
    assert client.get(f"/de/{museum.slug}/{exhibit.slug}/").status_code == 404

    # Translate one segment by hand, the rest with the machine translator.
    translation = Translation.objects.get(
        source__object_id=exhibit.translation_key, target_locale=locales["de"]
    )
    response = put_string(
        client,
        translation,
        segment_at(translation.source, "title"),
        "Die neuseeländischen Tunnelbauer",
    )
    assert response.status_code == 201
    # The address in German: typed as a title, published as a slug.
    slug = segment_at(translation.source, "slug")
    assert put_string(client, translation, slug, "Neuseeländische Tunnelbauer").status_code == 201
    response = client.post(reverse("wagtail_localize:machine_translate", args=[translation.pk]))
    assert response.status_code == 302
    machine = StringTranslation.objects.filter(
        locale=locales["de"], translation_type="machine", context__object=translation.source.object
    )
    assert machine.count() == 2

    # Machine strings are drafts: publishing is refused until the translator approves them
    # (the editor's *Save* on each one: teams/translation_guard.py).
    edit_url = reverse("wagtailadmin_pages:edit", args=[german.pk])
    client.post(edit_url, {"action": "publish"})
    german.refresh_from_db()
    assert not german.live
    for string in machine.select_related("context"):
        segment = StringSegment.objects.get(
            source=translation.source, string_id=string.translation_of_id, context=string.context
        )
        assert put_string(client, translation, segment, string.data).status_code == 200
    assert not machine.exists()

    # The editor shows the translation; publishing makes it live under /de/.
    assert client.get(edit_url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(edit_url, {"action": "publish"})
    assert response.status_code == 302
    german.refresh_from_db()
    assert german.live
    page = client.get(german.url)
    assert german.url == f"/de/{museum.slug}/neuseelaendische-tunnelbauer/"
    assert page.status_code == 200
    assert "Die neuseeländischen Tunnelbauer" in page.content.decode()


def test_translator_may_not_edit_the_french_source_nor_delete_pages(
    client, translator, museum, locales
):
    french_edit = client.get(reverse("wagtailadmin_pages:edit", args=[museum.pk]))
    assert french_edit.status_code in (302, 403)
    german = museum.get_translation(locales["de"])
    assert client.get(reverse("wagtailadmin_pages:delete", args=[german.pk])).status_code in (
        302,
        403,
    )
    assert Page.objects.filter(pk=german.pk).exists()
    # …but the German museum page opens in the translation editor.
    assert client.get(reverse("wagtailadmin_pages:edit", args=[german.pk])).status_code == 200


def test_translator_of_german_cannot_touch_dutch_pages(client, translator, museum, locales):
    dutch = museum.get_translation(locales["nl"])
    assert client.get(reverse("wagtailadmin_pages:edit", args=[dutch.pk])).status_code in (302, 403)


def test_admin_speaks_each_translators_language(client, translator):
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    assert '<html lang="de"' in response.content.decode()


def test_translator_groups_exist_for_each_target_language(db):
    group_names = set(demo_user("translator-nl").groups.values_list("name", flat=True))
    assert group_names == {translator_group_name("nl")}


def test_po_file_round_trip(client, translator, museum, locales):
    translation = Translation.objects.get(
        source__object_id=museum.translation_key, target_locale=locales["de"]
    )
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    po = polib.pofile(response.content.decode())
    entry = next(e for e in po if e.msgid == museum.intro)
    entry.msgstr = "Von einer Übersetzungsagentur überarbeitet."
    upload = SimpleUploadedFile("museum-de.po", str(po).encode(), "text/x-gettext-translation")
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]), {"file": upload}
    )
    assert response.status_code == 302
    stored = StringTranslation.objects.get(
        locale=locales["de"],
        translation_of__data=museum.intro,
        context__object_id=museum.translation_key,
        context__path="intro",
    )
    assert stored.data == "Von einer Übersetzungsagentur überarbeitet."


def test_po_file_of_another_translation_is_refused(client, translator, museum, locales):
    german = Translation.objects.get(
        source__object_id=museum.translation_key, target_locale=locales["de"]
    )
    other = Translation.objects.filter(target_locale=locales["de"]).exclude(pk=german.pk).first()
    po = polib.pofile(
        client.get(reverse("wagtail_localize:download_pofile", args=[other.pk])).content.decode()
    )
    upload = SimpleUploadedFile("other.po", str(po).encode())
    response = client.post(
        reverse("wagtail_localize:upload_pofile", args=[german.pk]), {"file": upload}, follow=True
    )
    assert response.status_code == 200
    # The translator's admin speaks German: the refusal is an error message in German.
    errors = [m for m in response.context["messages"] if m.level_tag == "error"]
    assert errors and "andere Übersetzung" in str(errors[0])


def test_changed_french_paragraph_is_flagged_and_german_stays_live_until_published(
    client, network_team, museum, locales
):
    german = museum.get_translation(locales["de"])
    live_german_html = client.get(german.url).content.decode()
    source = TranslationSource.objects.get(object_id=museum.translation_key, locale=locales["fr"])
    # A String may have translations in two contexts (the audio guide's transcripts reuse
    # the museum's texts): the one of this segment is asked for.
    german_first = german_of(segment_at(source, f"body.{museum.body[0].id}"), locales["de"]).data
    german_second = german_of(segment_at(source, f"body.{museum.body[1].id}"), locales["de"]).data
    assert german_first in live_german_html

    # The museum's team rewrites the first French paragraph and publishes.
    museum.body[0].value = RichText("<p>Un paragraphe entièrement réécrit.</p>")
    museum.save_revision().publish()

    # The network team synchronises translations without publishing them.
    response = client.post(reverse("wagtail_localize:update_translations", args=[source.pk]), {})
    assert response.status_code == 302
    translation = Translation.objects.get(source=source, target_locale=locales["de"])
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    untranslated = [
        s.string.data
        for s in segments
        if not StringTranslation.objects.filter(
            translation_of=s.string, locale=locales["de"], context=s.context
        ).exists()
    ]
    assert untranslated == ["Un paragraphe entièrement réécrit."]
    kept = german_of(segment_at(source, f"body.{museum.body[1].id}"), locales["de"])
    assert kept.data == german_second

    # Nothing changes on the live German page until a translator publishes.
    assert client.get(german.url).content.decode().count(german_first) == live_german_html.count(
        german_first
    )
    assert "Un paragraphe entièrement réécrit." not in client.get(german.url).content.decode()
    assert (
        client.get(
            reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
        ).status_code
        == 200
    )


def test_deepl_is_asked_for_british_english(locales):
    translator = MemHistoDeepLTranslator({"AUTH_KEY": "key:fx"})
    parameters = translator.get_parameters(locales["fr"], locales["en"], [])
    assert parameters["source_lang"] == "FR"
    assert parameters["target_lang"] == "EN-GB"
    assert translator.get_parameters(locales["fr"], locales["de"], [])["target_lang"] == "DE"


def test_development_translator_is_labelled_as_such(client, network_team, museum, locales):
    translation = Translation.objects.get(
        source__object_id=museum.translation_key, target_locale=locales["nl"]
    )
    german_edit = client.get(
        reverse("wagtailadmin_pages:edit", args=[translation.get_target_instance().pk])
    )
    assert "Brouillon factice" in german_edit.content.decode()


def test_exhibits_created_in_french_only_are_absent_from_other_languages(client, museum, locales):
    exhibit = ExhibitPageFactory(parent=museum, title="Seulement en français")
    assert not ExhibitPage.objects.filter(
        translation_key=exhibit.translation_key, locale=locales["de"]
    ).exists()
    german_museum = client.get(museum.get_translation(locales["de"]).url).content.decode()
    assert "Seulement en français" not in german_museum
    assert client.get(f"/de/{museum.slug}/{exhibit.slug}/").status_code == 404
