"""Audio commentaries: an editor uploads a real MP3 into their museum's media, files that
are not what they claim are refused with a message, and each language of a virtual visit
plays its own recording (or says it has none and offers the transcript)."""

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.users.models import UserProfile
from wagtailmedia.models import Media

from museum_pages.models import VirtualVisitPage
from teams.permissions import museum_team
from tests.helpers import editor_of, queries_for, sign_in

MP3 = Path(__file__).parent / "files" / "bonjour.mp3"  # espeak-ng, then ffmpeg: 2.5 s

# A player without autoplay nor preloading; its first source (the upload, when it has no
# speech-sized copies: core.transcoding is off in the test settings).
PLAYER = r'<audio controls preload="none"[^>]*><source src="'


def upload(client, name, data, title="Commentaire de la scène 1", **fields):
    """The admin's "Add audio" form, posted as the editor sends it."""
    file = SimpleUploadedFile(name, data, content_type="audio/mpeg")
    return client.post(
        reverse("wagtailmedia:add", args=["audio"]), {"title": title, "file": file, **fields}
    )


def recording(museum, name, title=None):
    """An audio item of `museum`'s collection, made with the committed MP3."""
    return Media.objects.create(
        title=title or name,
        type="audio",
        duration=2.48,
        collection=museum_team(museum).collection,
        file=ContentFile(MP3.read_bytes(), name=name),
    )


def file_errors(response):
    errors = response.context["form"].errors["file"]
    assert errors, "the form names what is wrong with the file"
    return errors[0]


# Uploads ------------------------------------------------------------------------------------


def test_an_editor_uploads_an_mp3_into_their_museum_collection(client, museum_a):
    editor = editor_of(museum_a)
    sign_in(client, editor)
    response = upload(client, "bonjour.mp3", MP3.read_bytes())
    assert response.status_code == 302, response.context["form"].errors
    media = Media.objects.get(title="Commentaire de la scène 1")
    assert media.collection == museum_team(museum_a).collection
    assert media.type == "audio" and media.uploaded_by_user == editor
    assert 2.3 < media.duration < 2.7  # read from the file, not typed
    listing = client.get(reverse("wagtailmedia:index")).content.decode()
    assert "Commentaire de la scène 1" in listing


def test_the_add_audio_form_names_the_formats_and_the_limit(client, museum_a):
    sign_in(client, editor_of(museum_a))
    content = client.get(reverse("wagtailmedia:add", args=["audio"])).content.decode()
    assert "MP3, M4A/AAC, Ogg/Opus" in content and "100" in content
    assert 'accept=".mp3,.m4a,.aac,.ogg,.opus"' in content
    assert 'name="duration"' not in content  # read from the file


@pytest.mark.parametrize(
    "name, data",
    [
        ("commentaire.mp3", Path(shutil.which("ls")).read_bytes()),  # an executable, renamed
        ("commentaire.mp3", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"),
        ("commentaire.ogg", MP3.read_bytes()),  # an MP3 under another format's name
    ],
    ids=["executable", "pdf", "mp3-named-ogg"],
)
def test_a_renamed_file_is_refused_with_a_message(client, museum_a, name, data):
    sign_in(client, editor_of(museum_a))
    response = upload(client, name, data)
    assert response.status_code == 200
    message = file_errors(response)
    assert f"Le contenu de « {name} » n'est pas un enregistrement" in message
    assert "renommé" in message
    assert message in response.content.decode().replace("&#x27;", "'").replace("&quot;", '"')
    assert not Media.objects.filter(title="Commentaire de la scène 1").exists()


def test_the_refusal_speaks_the_editors_language(client, museum_a):
    editor = editor_of(museum_a)
    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "de"
    profile.save()
    sign_in(client, editor)
    response = upload(client, "commentaire.mp3", Path(shutil.which("ls")).read_bytes())
    assert "Die Datei wurde vielleicht umbenannt." in file_errors(response)
    assert "Die Datei wurde vielleicht umbenannt." in response.content.decode()


def test_a_thumbnail_that_is_not_an_image_is_refused(client, museum_a):
    sign_in(client, editor_of(museum_a))
    thumbnail = SimpleUploadedFile("pochette.png", b"<html><script>alert(1)</script></html>")
    response = upload(client, "bonjour.mp3", MP3.read_bytes(), thumbnail=thumbnail)
    assert response.context["form"].errors["thumbnail"] == [
        "Cette vignette n'est pas une image lisible (JPEG, PNG, GIF ou WebP)."
    ]


def test_a_format_that_is_not_accepted_is_refused_with_the_list(client, museum_a):
    sign_in(client, editor_of(museum_a))
    response = upload(client, "bonjour.wav", b"RIFF\0\0\0\0WAVEfmt ")
    assert "MP3, M4A/AAC ou Ogg/Opus" in file_errors(response)


def test_an_oversize_file_is_refused(client, museum_a, settings):
    settings.MEMHISTO_MEDIA_MAX_UPLOAD_SIZE = 4 * 1024
    sign_in(client, editor_of(museum_a))
    response = upload(client, "bonjour.mp3", MP3.read_bytes())
    assert response.status_code == 200
    message = file_errors(response)
    assert message == "Ce fichier fait 7,5\xa0Kio ; la limite est de 4,0\xa0Kio."
    assert not Media.objects.filter(title="Commentaire de la scène 1").exists()


def test_the_limit_is_100_mb():
    from django.conf import settings

    assert settings.MEMHISTO_MEDIA_MAX_UPLOAD_SIZE == 100 * 1024 * 1024
    nginx = (Path(__file__).parents[1] / "deploy" / "nginx.conf").read_text()
    assert re.search(r"client_max_body_size 10[1-9]m;", nginx)


# Short videos -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def videos(tmp_path_factory):
    """One second of ffmpeg's test picture with a tone, as MP4 (H.264 + AAC) and WebM (VP9 +
    Opus): what a museum's phone or editing software exports."""
    ffmpeg = shutil.which("ffmpeg")
    if ffmpeg is None:
        pytest.skip("ffmpeg is not installed (apt-get install ffmpeg)")
    directory = tmp_path_factory.mktemp("videos")
    codecs = {
        "mp4": ["-c:v", "libx264", "-pix_fmt", "yuv420p", "-c:a", "aac"],
        "webm": ["-c:v", "libvpx-vp9", "-c:a", "libopus"],
    }
    made = {}
    for ext, arguments in codecs.items():
        path = directory / f"accueil.{ext}"
        subprocess.run(  # noqa: S603
            [ffmpeg, "-nostdin", "-loglevel", "error", "-y"]
            + ["-f", "lavfi", "-i", "testsrc=duration=1:size=160x120:rate=10"]
            + ["-f", "lavfi", "-i", "sine=frequency=440:duration=1"]
            + [*arguments, "-shortest", str(path)],
            check=True,
        )
        made[ext] = path.read_bytes()
    return made


def upload_video(client, name, data, title="L'accueil en vidéo"):
    file = SimpleUploadedFile(name, data, content_type="application/octet-stream")
    return client.post(reverse("wagtailmedia:add", args=["video"]), {"title": title, "file": file})


@pytest.mark.parametrize("ext", ["mp4", "webm"])
def test_an_editor_uploads_a_short_video_into_their_museum_collection(
    client, museum_a, videos, ext
):
    sign_in(client, editor_of(museum_a))
    response = upload_video(client, f"accueil.{ext}", videos[ext])
    assert response.status_code == 302, response.context["form"].errors
    media = Media.objects.get(title="L'accueil en vidéo")
    assert media.type == "video" and media.collection == museum_team(museum_a).collection
    assert 0.9 < media.duration < 1.2  # read from the file


@pytest.mark.parametrize(
    "name, content",
    [("accueil.mp4", "mp3"), ("accueil.webm", "mp4"), ("accueil.mp4", "webm")],
    ids=["mp3-named-mp4", "mp4-named-webm", "webm-named-mp4"],
)
def test_a_video_that_is_not_what_its_name_says_is_refused(client, museum_a, videos, name, content):
    sign_in(client, editor_of(museum_a))
    data = MP3.read_bytes() if content == "mp3" else videos[content]
    response = upload_video(client, name, data)
    assert response.status_code == 200
    assert "renommé" in file_errors(response)
    assert not Media.objects.filter(title="L'accueil en vidéo").exists()


# Another museum's recordings ------------------------------------------------------------


def test_another_museums_audio_is_not_offered_by_the_chooser(client, museum_a, museum_b):
    own = recording(museum_a, "wellington.mp3", "Notre commentaire")
    other = recording(museum_b, "peronne.mp3", "Le commentaire de Péronne")
    sign_in(client, editor_of(museum_a))
    chooser = client.get(reverse("wagtailmedia:chooser_typed", args=["audio"])).content.decode()
    assert "Notre commentaire" in chooser
    assert "Le commentaire de Péronne" not in chooser
    chosen = client.get(reverse("wagtailmedia:media_chosen", args=[other.pk]))
    assert chosen.status_code in (302, 403)
    assert client.get(reverse("wagtailmedia:media_chosen", args=[own.pk])).status_code == 200


def visit_form(visit, audio):
    """The visit's edit form as the admin posts it, the first scene's recording `audio`."""
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    scenes = []
    for block in visit.scenes:
        value = block.value
        scenes.append(
            (
                "scene",
                {
                    "title": value["title"],
                    "kind": value["kind"],
                    "image": value["image"].pk,
                    "image_alt": value["image_alt"],
                    "text": value["text"],
                    "audio": audio.pk if not scenes and audio else "",
                    "transcript": "Bonjour." if not scenes else "",
                    "hotspots": {"count": 0},
                },
            )
        )
    return nested_form_data(
        {
            "title": visit.title,
            "slug": visit.slug,
            "intro": visit.intro,
            "hero_image": "",
            "hero_image_alt": "",
            "body": streamfield([]),
            "scenes": streamfield(scenes),
            "go_live_at": "",
            "expire_at": "",
            "comments-TOTAL_FORMS": "0",
            "comments-INITIAL_FORMS": "0",
            "comments-MIN_NUM_FORMS": "0",
            "comments-MAX_NUM_FORMS": "1000",
        }
    )


def test_a_posted_form_cannot_name_another_museums_audio(client, museum_a, museum_b):
    visit = VirtualVisitPage.objects.child_of(museum_a).get()
    other = recording(museum_b, "peronne.mp3")
    sign_in(client, editor_of(museum_a))
    url = reverse("wagtailadmin_pages:edit", args=[visit.pk])

    response = client.post(url, visit_form(visit, other))
    assert response.status_code == 200
    errors = response.context["form"].errors.as_data()
    assert list(errors) == ["scenes"], errors
    message = "Choisissez un enregistrement de la médiathèque de votre musée."
    # Shown against the first scene's recording (the StreamField's errors are JSON).
    assert errors["scenes"][0].as_json_data()["blockErrors"][0]["blockErrors"]["audio"] == {
        "messages": [message]
    }
    assert json.dumps(message).strip('"') in response.content.decode()
    assert not visit.revisions.filter(content__icontains="peronne").exists()

    own = recording(museum_a, "wellington.mp3")
    response = client.post(url, visit_form(visit, own))
    assert response.status_code == 302
    saved = VirtualVisitPage.objects.get(pk=visit.pk).get_latest_revision_as_object()
    assert saved.scenes[0].value["audio"] == own


# One recording per language ---------------------------------------------------------------


def set_commentary(visit, audio, transcript):
    """The first scene's recording and transcript, as they are after translation: a
    translator's replaced recording, or the French one copied unchanged."""
    value = visit.scenes[0].value
    value["audio"], value["transcript"] = audio, transcript
    visit.save_revision().publish()


@pytest.fixture
def commentaries(museum, locales):
    """The visit's first scene: French and German recordings, none of its own in Dutch."""
    visits = {
        code: VirtualVisitPage.objects.child_of(museum.get_translation(locales[code])).get()
        for code in ("fr", "de", "nl")
    }
    french = recording(museum, "commentaire-fr.mp3")
    german = recording(museum, "kommentar-de.mp3")
    set_commentary(visits["fr"], french, "Bonjour et bienvenue.")
    set_commentary(visits["de"], german, "Guten Tag und willkommen.")
    set_commentary(visits["nl"], french, "Goedendag en welkom.")  # French copied, not replaced
    return visits


def scene_audio(client, visit):
    content = client.get(visit.url).content.decode()
    first_scene = content.split('id="scene-1"', 1)[1].split('id="scene-2"', 1)[0]
    return first_scene


def test_german_plays_the_german_recording_and_french_the_french(client, commentaries):
    french = scene_audio(client, commentaries["fr"])
    assert re.search(PLAYER + r'[^"]*commentaire-fr[^"]*\.mp3"', french)
    german = scene_audio(client, commentaries["de"])
    assert re.search(PLAYER + r'[^"]*kommentar-de[^"]*\.mp3"', german)
    assert "commentaire-fr" not in german
    assert "Guten Tag und willkommen." in german
    assert "autoplay" not in german


def test_dutch_without_its_recording_says_so_and_offers_its_transcript(client, commentaries):
    dutch = scene_audio(client, commentaries["nl"])
    assert "<audio" not in dutch
    assert "commentaire-fr" not in dutch  # never the French recording
    assert "Geen opname in deze taal voor deze scène." in dutch
    assert re.search(r"<details open><summary>[^<]+</summary><p>Goedendag en welkom.</p>", dutch)


def test_a_language_whose_recording_was_removed_says_so(client, commentaries):
    set_commentary(commentaries["de"], None, "Guten Tag und willkommen.")
    german = scene_audio(client, commentaries["de"])
    assert "<audio" not in german
    assert "Keine Aufnahme in dieser Sprache für diese Szene." in german


def test_visit_queries_do_not_grow_with_recorded_scenes(client, uncached, museum, locales):
    visit = VirtualVisitPage.objects.child_of(museum.get_translation(locales["de"])).get()
    german = recording(museum, "kommentar-de.mp3")
    set_commentary(visit, german, "Guten Tag.")
    with_1 = queries_for(client, visit.url)
    for block in visit.scenes:
        block.value["audio"] = recording(museum, f"{block.id}.mp3")
        block.value["transcript"] = "Guten Tag."
    visit.save_revision().publish()
    with_3 = queries_for(client, visit.url)
    assert with_3 == with_1
