"""The numbered audio guide: one per museum, linked from its page; tracks picked by the
number seen on site, each with its recording in the page's language (never another
language's) and its transcript; hostile `?piste=` values answered with a message; duplicate
numbers refused; queries that do not grow with the tracks; guides found by search."""

import re
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtailmedia.models import Media

from demo.data import audio_guides, museums
from home.models import NetworkHomePage, StandardPage
from museum_pages.models import AudioGuidePage, MuseumPage, VirtualVisitPage
from teams.permissions import museum_team
from tests.helpers import editor_of, moderator_of, queries_for, sign_in

pytestmark = pytest.mark.django_db

MP3 = Path(__file__).parent / "files" / "bonjour.mp3"
CODES = ("fr", "en", "de", "nl")


def guide_of(museum, locale=None):
    museum = museum.get_translation(locale) if locale else museum
    return AudioGuidePage.objects.child_of(museum).get()


def recording(museum, name):
    return Media.objects.create(
        title=name,
        type="audio",
        duration=2.48,
        collection=museum_team(museum).collection,
        file=ContentFile(MP3.read_bytes(), name=name),
    )


def html(client, url, **params):
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def track_section(content, number):
    return content.split(f'id="piste-{number}"', 1)[1].split("</section>", 1)[0]


# Page rules ----------------------------------------------------------------------------------


class TestAudioGuideRules(WagtailPageTestCase):
    def test_an_audio_guide_only_under_a_museum(self):
        self.assertCanCreateAt(MuseumPage, AudioGuidePage)
        for parent in [Page, NetworkHomePage, StandardPage, VirtualVisitPage, AudioGuidePage]:
            self.assertCanNotCreateAt(parent, AudioGuidePage)
        self.assertAllowedSubpageTypes(AudioGuidePage, {})


def test_a_museum_has_one_guide_at_most(museum):
    assert AudioGuidePage.objects.child_of(museum).count() == 1
    assert not AudioGuidePage.can_create_at(museum)


# The demo guides, in each language -------------------------------------------------------------


def test_every_demo_museum_has_a_guide_with_its_tracks_in_four_languages(locales):
    tracks = audio_guides()["museums"]
    for data in museums():
        french = MuseumPage.objects.get(slug=data["slug"], locale=locales["fr"])
        for code in CODES:
            guide = guide_of(french, locales[code])
            assert guide.live
            values = [block.value for block in guide.tracks]
            assert 3 <= len(values) <= 5
            expected = tracks[data["slug"]]
            assert [value["number"] for value in values] == [t["number"] for t in expected]
            assert [value["transcript"] for value in values] == [
                t["transcript"][code] for t in expected
            ]


def test_demo_transcripts_are_new_texts_not_the_museums_paragraphs():
    for data in museums():
        page_texts = [
            *data["museum_page"]["body"],
            data["museum_page"]["intro"],
            data["exhibition"]["intro"],
            *data["exhibition"]["body"],
            *[scene["text"] for scene in data["virtual_visit"]["scenes"]],
        ]
        french = {text["fr"] for text in page_texts}
        for track in audio_guides()["museums"][data["slug"]]:
            assert track["transcript"]["fr"] not in french


@pytest.mark.parametrize(
    "code, heading, summary, no_recording, details",
    [
        ("fr", "Audioguide", "3 pistes", "Pas d'enregistrement dans cette langue", "Transcription"),
        ("en", "Audio guide", "3 tracks", "No recording in this language", "Transcript"),
        ("de", "Audioguide", "3 Titel", "Keine Aufnahme in dieser Sprache", "Transkript"),
        ("nl", "Audiogids", "3 tracks", "Geen opname in deze taal", "Transcriptie"),
    ],
)
def test_the_guide_speaks_each_language_and_offers_transcripts(
    client, museum, locales, code, heading, summary, no_recording, details
):
    museum_page = html(client, museum.get_translation(locales[code]).url)
    guide = guide_of(museum, locales[code])
    assert re.search(rf'<h2 id="audio-guide-heading">{heading}</h2>', museum_page)
    assert f'href="{guide.url}"' in museum_page

    content = html(client, guide.url)
    assert f">{summary}</p>" in content
    first = track_section(content, 1)
    assert no_recording in first
    assert "<audio" not in content  # no recording in the demo: never a silent player
    transcript = guide.tracks[0].value["transcript"]
    assert re.search(r"<details open><summary>[^<]+</summary><p>" + re.escape(transcript), first)
    assert f"<summary>{details}</summary>" in first
    assert 'name="piste"' in content
    assert "js/audio-guide.js" in content


def test_the_script_is_loaded_on_the_guide_only(client, museum):
    assert "audio-guide.js" not in html(client, museum.url)
    visit = VirtualVisitPage.objects.child_of(museum).get()
    assert "audio-guide.js" not in html(client, visit.url)


# One recording per language --------------------------------------------------------------------


# A player that downloads nothing before play, its first source up to the file's name.
PLAYER = r'<audio controls preload="none"[^>]*><source src="[^"]*'


def set_track(guide, index, audio):
    guide.tracks[index].value["audio"] = audio
    guide.save_revision().publish()


def test_each_language_plays_its_own_recording_and_says_when_it_has_none(client, museum, locales):
    guides = {code: guide_of(museum, locales[code]) for code in CODES}
    french, german = recording(museum, "piste-fr.mp3"), recording(museum, "spur-de.mp3")
    set_track(guides["fr"], 0, french)
    set_track(guides["de"], 0, german)
    set_track(guides["nl"], 0, french)  # the French recording, copied, not replaced

    fr = track_section(html(client, guides["fr"].url), 1)
    assert re.search(PLAYER + r'piste-fr[^"]*\.mp3"', fr)
    assert "autoplay" not in fr
    assert "<details><summary>" in fr  # closed when there is something to listen to

    de = track_section(html(client, guides["de"].url), 1)
    assert re.search(PLAYER + r'spur-de[^"]*\.mp3"', de)
    assert "piste-fr" not in de

    nl = track_section(html(client, guides["nl"].url), 1)
    assert "<audio" not in nl and "piste-fr" not in nl  # never the French recording
    assert "Geen opname in deze taal voor deze track." in nl


def test_the_total_size_is_said_in_the_pages_language(client, museum, locales):
    for code in ("fr", "en"):
        guide = guide_of(museum, locales[code])
        for block in guide.tracks:
            block.value["audio"] = recording(museum, f"{code}-{block.id}.mp3")
        guide.save_revision().publish()
    kilobytes = round(3 * MP3.stat().st_size / 1000)  # three copies of the committed MP3
    french = html(client, guide_of(museum, locales["fr"]).url)
    assert f'<p class="audio-guide__summary">3 pistes, {kilobytes}\xa0ko</p>' in french
    english = html(client, guide_of(museum, locales["en"]).url)
    assert f'<p class="audio-guide__summary">3 tracks, {kilobytes}\xa0kB</p>' in english


def test_sizes_in_megabytes_use_the_languages_decimal_separator():
    from django.utils import translation

    from museum_pages.models.audio_guide import size_text

    with translation.override("fr"):
        assert size_text(4_200_000) == "4,2\xa0Mo"
    with translation.override("en"):
        assert size_text(4_200_000) == "4.2\xa0MB"


# Going to a track ------------------------------------------------------------------------------


def test_a_number_of_the_guide_leads_to_its_track(client, museum):
    guide = guide_of(museum)
    response = client.get(guide.url, {"piste": "2"})
    assert response.status_code == 302
    assert response["Location"] == f"{guide.url}#piste-2"
    assert client.get(guide.url, {"piste": "02"})["Location"] == f"{guide.url}#piste-2"


@pytest.mark.parametrize(
    "value, message",
    [
        ("42", "Ce guide n'a pas de piste 42."),
        ("0", "« 0 » n'est pas un numéro de piste"),
        ("-1", "« -1 » n'est pas un numéro de piste"),
        ("abc", "« abc » n'est pas un numéro de piste"),
        ("²", "« ² » n'est pas un numéro de piste"),
        ("٣", "« ٣ » n'est pas un numéro de piste"),  # an Arabic-Indic three
        ("9" * 400, f"« {'9' * 20} » n'est pas un numéro de piste"),
        ("1e3", "« 1e3 » n'est pas un numéro de piste"),
        ("<script>alert(1)</script>", "« &lt;script&gt;alert(1)&lt;/sc » n"),
        ("2\x00", "n&#x27;est pas un numéro de piste"),
    ],
)
def test_a_wrong_number_is_answered_with_a_message(client, museum, value, message):
    response = client.get(guide_of(museum).url, {"piste": value})
    assert response.status_code == 200
    content = response.content.decode().replace("&#x27;", "'")
    assert message.replace("&#x27;", "'") in content
    assert 'aria-invalid="true"' in content
    assert "<script>alert" not in content


def test_the_message_speaks_the_pages_language(client, museum, locales):
    content = html(client, guide_of(museum, locales["de"]).url, piste="42")
    assert "Dieser Guide hat keinen Titel 42." in content
    content = html(client, guide_of(museum, locales["en"]).url, piste="x")
    assert "“x” is not a track number" in content


def test_the_page_cache_keeps_each_number_apart(client, museum):
    url = guide_of(museum).url
    assert "Ce guide n&#x27;a pas de piste 41." in html(client, url, piste="41")
    assert "Ce guide n&#x27;a pas de piste 42." in html(client, url, piste="42")
    assert "pas de piste" not in html(client, url, utm_source="x")
    assert AudioGuidePage.query_parameters == ("piste",)


# Editors -----------------------------------------------------------------------------------------


def guide_form(guide, tracks):
    return nested_form_data(
        {
            "title": guide.title,
            "slug": guide.slug,
            "intro": guide.intro,
            "hero_image": "",
            "hero_image_alt": "",
            "body": streamfield([]),
            "tracks": streamfield(
                [
                    (
                        "track",
                        {
                            "number": number,
                            "title": title,
                            "audio": audio.pk if audio else "",
                            "transcript": transcript,
                        },
                    )
                    for number, title, audio, transcript in tracks
                ]
            ),
            "go_live_at": "",
            "expire_at": "",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
        }
    )


def test_duplicate_numbers_are_refused_at_publication(client, museum_a):
    guide = guide_of(museum_a)
    sign_in(client, moderator_of(museum_a))
    url = reverse("wagtailadmin_pages:edit", args=[guide.pk])
    tracks = [
        (1, "L’entrée", None, "Bienvenue."),
        (2, "La galerie", None, "Voici la galerie."),
        (2, "Les inscriptions", None, "Voici les inscriptions."),
    ]
    response = client.post(url, {**guide_form(guide, tracks), "action-publish": "publish"})
    assert response.status_code == 200
    message = (
        "Le numéro 2 est donné à deux pistes : « La galerie » et « Les inscriptions ». "
        "Chaque piste a son propre numéro."
    )
    assert response.context["form"].errors["tracks"] == [message]
    assert not guide.revisions.filter(content__icontains="Les inscriptions").exists()

    tracks[2] = (3, *tracks[2][1:])
    response = client.post(url, {**guide_form(guide, tracks), "action-publish": "publish"})
    assert response.status_code == 302
    assert [block.value["number"] for block in AudioGuidePage.objects.get(pk=guide.pk).tracks] == [
        1,
        2,
        3,
    ]


def test_a_transcript_is_required_at_publication(client, museum_a):
    guide = guide_of(museum_a)
    sign_in(client, moderator_of(museum_a))
    url = reverse("wagtailadmin_pages:edit", args=[guide.pk])
    form = guide_form(guide, [(1, "L’entrée", None, "")])
    response = client.post(url, {**form, "action-publish": "publish"})
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["tracks"][0].as_json_data()
    assert "transcript" in errors["blockErrors"][0]["blockErrors"]
    assert AudioGuidePage.objects.get(pk=guide.pk).tracks[0].value["transcript"]


def test_another_museums_recording_is_refused(client, museum_a, museum_b):
    guide = guide_of(museum_a)
    other = recording(museum_b, "autre-musee.mp3")
    sign_in(client, editor_of(museum_a))
    url = reverse("wagtailadmin_pages:edit", args=[guide.pk])
    response = client.post(url, guide_form(guide, [(1, "L’entrée", other, "Bienvenue.")]))
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()["tracks"][0].as_json_data()
    assert errors["blockErrors"][0]["blockErrors"]["audio"] == {
        "messages": ["Choisissez un enregistrement de la médiathèque de votre musée."]
    }
    own = recording(museum_a, "notre-musee.mp3")
    response = client.post(url, guide_form(guide, [(1, "L’entrée", own, "Bienvenue.")]))
    assert response.status_code == 302


# Queries and search --------------------------------------------------------------------


def test_guide_queries_do_not_grow_with_its_tracks(client, uncached, museum, locales):
    guide = guide_of(museum, locales["de"])
    german = recording(museum, "spur-de.mp3")
    guide.tracks[0].value["audio"] = german
    guide.save_revision().publish()
    with_3 = queries_for(client, guide.url)
    for number in range(4, 11):
        guide.tracks.append(
            (
                "track",
                {
                    "number": number,
                    "title": f"Titel {number}",
                    "audio": recording(museum, f"spur-{number}.mp3"),
                    "transcript": "Guten Tag.",
                },
            )
        )
    guide.save_revision().publish()
    with_10 = queries_for(client, guide.url)
    assert with_10 == with_3
    assert "10 Titel" in html(client, guide.url)


def test_search_finds_a_guide_by_its_transcript(client, locales):
    for code, words in [("fr", "tunneliers néo-zélandais"), ("en", "New Zealand tunnellers")]:
        response = client.get(f"/{code}/search/", {"q": words, "type": "audio-guide"})
        assert response.status_code == 200
        found = [result["page"] for result in response.context["described_results"]]
        assert [page.specific_class for page in found] == [AudioGuidePage]
        assert found[0].get_parent().slug == "carriere-wellington"
        assert found[0].locale.language_code == code
        result = response.context["described_results"][0]
        assert "<mark>" in result["excerpt"]  # the transcript that matched, highlighted
        assert result["museum"].slug == "carriere-wellington"
