"""Demo speech: when the demo loads, every scene of a virtual visit is read by espeak-ng in
each of the four languages — its own file per language, 20 to 40 seconds, the transcript
being exactly what is spoken — and a second load speaks nothing. Without espeak-ng, the
loader says so and the visits keep their transcripts.

Speech costs seconds a track: it is off in the test settings, and this file loads one
museum (the Carrière Wellington, three scenes) with it."""

import hashlib
import io
import re
import shutil
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils.html import escape
from mutagen.id3 import ID3
from mutagen.mp3 import MP3

from core import languages
from demo.audio import track_name
from museum_pages.models import AudioGuidePage, VirtualVisitPage
from teams.permissions import museum_team

MUSEUM = "carriere-wellington"


@pytest.fixture
def speech_on(settings):
    if not (shutil.which("espeak-ng") and shutil.which("ffmpeg")):
        pytest.skip("espeak-ng and ffmpeg are needed (apt-get install espeak-ng ffmpeg)")
    settings.MEMHISTO_DEMO_AUDIO = True


def load(**options):
    out = io.StringIO()
    call_command("load_network", museum=[MUSEUM], stdout=out, **options)
    return out.getvalue()


def visits(museum, locales):
    return {
        code: VirtualVisitPage.objects.child_of(museum.get_translation(locales[code])).get()
        for code in languages.CODES
    }


def digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_each_language_has_its_own_recording_of_its_transcript(speech_on, client, museum, locales):
    output = load()
    assert re.search(r"Demo speech: \d+ tracks spoken", output), output
    files = set()
    for code, visit in visits(museum, locales).items():
        content = client.get(visit.url).content.decode()
        for number, block in enumerate(visit.scenes, start=1):
            media, transcript = block.value["audio"], block.value["transcript"]
            assert media is not None, (code, number)
            assert media.collection == museum_team(museum).collection
            # The file is named by what it says, in this language's voice.
            assert media.file.name == f"media/{track_name(transcript, code)}"
            tags = ID3(media.file.path)
            assert tags.getall("USLT")[0].text == transcript  # the transcript, word for word
            info = MP3(media.file.path).info
            assert 20 <= info.length <= 40, (code, number, info.length)
            assert info.channels == 1 and info.bitrate == 32_000
            files.add(digest(media.file.path))
            # The visitor's page plays this language's file and shows its transcript.
            scene = content.split(f'id="scene-{number}"', 1)[1].split("</section>", 1)[0]
            assert f'<source src="{media.url}" type="audio/mpeg">' in scene
            assert escape(transcript) in scene
    assert len(files) == 3 * len(languages.CODES)  # a different file per scene and language
    french = visits(museum, locales)["fr"].scenes[0].value["transcript"]
    assert french.startswith("Visite virtuelle, scène 1 sur 3 : L’accueil et l’ascenseur.")
    german = visits(museum, locales)["de"].scenes[0].value["transcript"]
    assert german != french and "Szene 1 von 3" in german


def test_each_audio_guide_track_is_spoken_in_each_language(speech_on, client, museum, locales):
    load()
    files = set()
    for code in languages.CODES:
        guide = AudioGuidePage.objects.child_of(museum.get_translation(locales[code])).get()
        content = client.get(guide.url).content.decode()
        assert "Pas d’enregistrement" not in content and "Pas d'enregistrement" not in content
        for block in guide.tracks:
            media, transcript = block.value["audio"], block.value["transcript"]
            assert media is not None, (code, block.value["number"])
            assert tags_of(media) == transcript
            assert 20 <= MP3(media.file.path).info.length <= 40, (code, block.value["number"])
            assert media.url in content
            files.add(digest(media.file.path))
    assert len(files) == 3 * len(languages.CODES)


def tags_of(media):
    return ID3(media.file.path).getall("USLT")[0].text


def test_a_second_load_speaks_nothing(speech_on, museum, locales):
    load()
    before = {
        code: [block.value["audio"].pk for block in visit.scenes]
        for code, visit in visits(museum, locales).items()
    }
    output = load()
    assert "Demo speech: 0 tracks spoken, 24 already made" in output, (
        output
    )  # 3 scenes and 3 guide tracks × 4 languages
    after = {
        code: [block.value["audio"].pk for block in visit.scenes]
        for code, visit in visits(museum, locales).items()
    }
    assert after == before


def test_without_espeak_ng_the_loader_says_so_and_keeps_the_transcripts(
    speech_on, settings, client, museum, locales
):
    settings.MEMHISTO_ESPEAK_NG = "espeak-ng-not-installed"
    output = load()
    assert "Demo speech: espeak-ng not installed (Debian: apt-get install espeak-ng" in output
    assert "the visits keep their transcripts, without audio" in output
    german = visits(museum, locales)["de"]
    assert all(block.value["audio"] is None for block in german.scenes)
    content = client.get(german.url).content.decode()
    assert "<audio" not in content
    transcript = german.scenes[0].value["transcript"]
    assert "Szene 1 von 3" in transcript
    scene = content.split('id="scene-1"', 1)[1].split("</section>", 1)[0]
    assert re.search(r"<details open><summary>[^<]+</summary><p>", scene)
    assert escape(transcript) in scene


def test_every_demo_visit_has_its_own_transcript_in_each_language(locales):
    """Loaded without speech (the test settings): every scene of every visit has, in each
    language, a transcript of its own, ready to be spoken."""
    visits_by_key = {}
    for visit in VirtualVisitPage.objects.live().select_related("locale"):
        visits_by_key.setdefault(visit.translation_key, {})[visit.locale.language_code] = visit
    assert len(visits_by_key) == 14
    for translations in visits_by_key.values():
        assert set(translations) == set(languages.CODES)
        for index in range(3):
            transcripts = {
                code: visit.scenes[index].value["transcript"]
                for code, visit in translations.items()
            }
            assert all(transcripts.values())
            assert len(set(transcripts.values())) == len(languages.CODES)
