"""Speech-sized copies of audio uploads: an editor's heavy stereo MP3 becomes, in the
background, a mono Opus at 48 kb/s and a mono MP3 at 64 kb/s; the upload is kept; the
visit's player offers the Opus, then the MP3, then the upload. Files already small are
left alone, and a machine without ffmpeg still takes the upload.

Transcoding is off in the test settings (ffmpeg costs seconds): switched on here."""

import logging
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from mutagen.mp3 import MP3
from mutagen.oggopus import OggOpus
from wagtailmedia.models import Media

from core.models import SpeechFiles
from museum_pages.models import VirtualVisitPage
from teams.permissions import museum_team
from tests.helpers import editor_of, sign_in

SMALL_MP3 = Path(__file__).parent / "files" / "bonjour.mp3"  # mono, 24 kb/s

pytestmark = pytest.mark.skipif(not shutil.which("ffmpeg"), reason="ffmpeg is not installed")


@pytest.fixture(autouse=True)
def transcoding_on(settings):
    settings.MEMHISTO_TRANSCODE_AUDIO = True


@pytest.fixture
def commits(django_capture_on_commit_callbacks):
    return django_capture_on_commit_callbacks


@pytest.fixture(scope="module")
def heavy_mp3(tmp_path_factory):
    """What a phone or an audio editor exports: 12 s of stereo at 192 kb/s (~290 KB)."""
    path = tmp_path_factory.mktemp("uploads") / "commentaire-studio.mp3"
    subprocess.run(  # noqa: S603
        [
            shutil.which("ffmpeg"), "-nostdin", "-loglevel", "error",
            "-f", "lavfi", "-i", "sine=frequency=220:duration=12",
            "-f", "lavfi", "-i", "sine=frequency=330:duration=12",
            "-filter_complex", "[0:a][1:a]amerge=inputs=2[a]", "-map", "[a]",
            "-c:a", "libmp3lame", "-b:a", "192k", str(path),
        ],
        check=True,
    )  # fmt: skip
    return path


def upload(client, path, title, commits):
    """The admin's "Add audio" form, as an editor posts it; its transaction commits and the
    task it enqueued runs (the test settings' immediate backend), as after a real request."""
    with commits(execute=True):
        response = client.post(
            reverse("wagtailmedia:add", args=["audio"]),
            {"title": title, "file": SimpleUploadedFile(path.name, path.read_bytes())},
        )
    assert response.status_code == 302, response.context and response.context["form"].errors
    return Media.objects.get(title=title)


def bitrate(path, length):
    return path.stat().st_size * 8 / length


def play_commentary(client, museum, media):
    """The French visit's first scene plays `media`; its markup."""
    visit = VirtualVisitPage.objects.child_of(museum).get()
    value = visit.scenes[0].value
    value["audio"], value["transcript"] = media, "Bonjour et bienvenue."
    visit.save_revision().publish()
    content = client.get(visit.url).content.decode()
    return content.split('id="scene-1"', 1)[1].split('id="scene-2"', 1)[0]


def test_an_upload_gets_mono_opus_and_mp3_copies_and_is_kept(client, museum, heavy_mp3, commits):
    sign_in(client, editor_of(museum))
    media = upload(client, heavy_mp3, "Commentaire du studio", commits)

    speech = SpeechFiles.objects.get(media=media)
    assert speech.source == media.file.name
    opus_path, mp3_path = Path(speech.opus.path), Path(speech.mp3.path)
    opus, mp3 = OggOpus(opus_path).info, MP3(mp3_path).info
    assert opus.channels == 1 and mp3.channels == 1  # mono: a voice, not a concert
    assert 11.5 < opus.length < 12.5 and 11.5 < mp3.length < 12.5
    assert 30_000 < bitrate(opus_path, opus.length) < 60_000  # about 48 kb/s
    assert mp3.bitrate == 64_000
    # The original is kept for the archive, unchanged.
    original = Path(media.file.path)
    assert original.read_bytes() == heavy_mp3.read_bytes()
    assert original.stat().st_size > 2.5 * mp3_path.stat().st_size  # 192 → 64 kb/s

    scene = play_commentary(client, museum, media)
    sources = re.findall(r'<source src="([^"]+)" type="([^"]+)">', scene)
    kinds = [kind for _src, kind in sources]
    assert kinds == ["audio/ogg; codecs=opus", "audio/mpeg", "audio/mpeg"]
    assert sources[0][0] == speech.opus.url and sources[1][0] == speech.mp3.url
    assert sources[2][0] == media.url  # the upload, last
    assert '<audio controls preload="none"' in scene and "autoplay" not in scene


def test_a_replaced_file_is_transcoded_again_and_a_title_change_is_not(museum, heavy_mp3, commits):
    with commits(execute=True):
        media = Media.objects.create(
            title="Commentaire",
            type="audio",
            duration=2.5,
            collection=museum_team(museum).collection,
            file=SimpleUploadedFile("premier.mp3", SMALL_MP3.read_bytes()),
        )
    first = SpeechFiles.objects.get(media=media)
    assert not first.opus and not first.mp3  # already speech-sized: left alone

    with commits(execute=True):
        media.title = "Commentaire, nouveau titre"
        media.save()
    assert SpeechFiles.objects.get(media=media).made_at == first.made_at  # nothing redone

    with commits(execute=True):
        media.file = SimpleUploadedFile("second.mp3", heavy_mp3.read_bytes())
        media.save()
    speech = SpeechFiles.objects.get(media=media)
    assert speech.source == media.file.name and speech.opus and speech.mp3


def test_a_small_upload_is_left_as_it_is_and_played(client, museum, commits):
    sign_in(client, editor_of(museum))
    media = upload(client, SMALL_MP3, "Bonjour (déjà léger)", commits)
    speech = SpeechFiles.objects.get(media=media)
    assert not speech.opus and not speech.mp3
    scene = play_commentary(client, museum, media)
    assert re.findall(r'<source src="([^"]+)"', scene) == [media.url]


def test_without_ffmpeg_the_upload_still_works_and_the_gap_is_logged(
    client, museum, heavy_mp3, commits, settings, caplog
):
    settings.MEMHISTO_FFMPEG = "ffmpeg-not-installed"
    sign_in(client, editor_of(museum))
    with caplog.at_level(logging.WARNING, logger="core.transcoding"):
        media = upload(client, heavy_mp3, "Commentaire sans ffmpeg", commits)
    assert "ffmpeg (ffmpeg-not-installed) is not installed" in caplog.text
    assert not SpeechFiles.objects.filter(media=media).exists()
    scene = play_commentary(client, museum, media)
    assert re.findall(r'<source src="([^"]+)"', scene) == [media.url]
