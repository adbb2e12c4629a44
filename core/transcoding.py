"""Speech-sized copies of every audio upload, made in the background.

An editor uploads what their software exports — often a 192–320 kb/s stereo MP3 or an M4A
straight from a phone, a few megabytes a minute. A visitor on a museum's 4G needs a voice,
not a concert: when an audio item is saved with a new file, a task (django-tasks: the
database backend and its `db_worker` in production, at once in development) has ffmpeg
make a mono Opus at 48 kb/s and a mono MP3 at 64 kb/s (Safari before 17 plays no Opus),
kept in `core.SpeechFiles`; the upload stays as it is, for the archive. Players offer the
Opus, then the MP3, then the upload (`sources()`), and the browser takes the first it plays.

An upload already at a speech bitrate (64 kb/s or less) is left alone. Without ffmpeg the
upload works as before: the task logs that ffmpeg is missing and the players offer the
upload. `MEMHISTO_TRANSCODE_AUDIO` switches it all off (the test settings do).
"""

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import transaction
from django_tasks import task
from wagtailmedia import get_media_model

from core.media_files import AUDIO, NotMediaError, extension, read_media
from core.models import SpeechFiles

logger = logging.getLogger(__name__)

OPUS_BITRATE = "48k"
MP3_BITRATE = "64k"
SMALL_BITRATE = 64_000  # bits per second: an upload at or below it is already speech-sized
TIMEOUT = 600  # seconds of ffmpeg for one upload (an hour of speech takes about a minute)

MIME_TYPES = {
    "mp3": "audio/mpeg",
    "m4a": "audio/mp4",
    "aac": "audio/aac",
    "ogg": "audio/ogg",
    "opus": "audio/ogg; codecs=opus",
}


def media_saved(sender, instance, created=False, raw=False, **kwargs):
    """post_save of wagtailmedia's Media: a new audio file is transcoded once the
    transaction that saved it commits (at once outside one)."""
    if raw or not settings.MEMHISTO_TRANSCODE_AUDIO:
        return
    if instance.type != AUDIO or not instance.file:
        return
    if SpeechFiles.objects.filter(media=instance, source=instance.file.name).exists():
        return  # this file's copies exist (a change of title, collection, tags…)
    pk = instance.pk
    transaction.on_commit(lambda: transcode_media.enqueue(pk))


@task()
def transcode_media(media_pk):
    """The speech-sized copies of audio item `media_pk` (deleted since: nothing)."""
    media = get_media_model().objects.filter(pk=media_pk).first()
    if media is not None and media.file:
        make_speech_files(media)


def make_speech_files(media):
    """Make (or make again, for a replaced file) `media`'s copies; the SpeechFiles, or None
    when ffmpeg is missing or fails (logged: the upload is still played as it is)."""
    existing = SpeechFiles.objects.filter(media=media).first()
    if existing is not None and existing.source == media.file.name:
        return existing
    ffmpeg = shutil.which(settings.MEMHISTO_FFMPEG)
    if ffmpeg is None:
        logger.warning(
            "ffmpeg (%s) is not installed: «%s» is played as uploaded, without its "
            "speech-sized copies (apt-get install ffmpeg).",
            settings.MEMHISTO_FFMPEG,
            media.file.name,
        )
        return None
    with tempfile.TemporaryDirectory(prefix="memhisto-transcode-") as workdir:
        workdir = Path(workdir)
        original = workdir / f"original.{extension(media.file.name) or 'audio'}"
        with media.file.open("rb") as upload, original.open("wb") as copy:
            shutil.copyfileobj(upload, copy)
        made = {}
        if not already_small(original):
            made = run_ffmpeg(ffmpeg, original, workdir, media)
            if made is None:
                return None
        return store(media, existing, made)


def already_small(path):
    """Whether an audio file is at a speech bitrate already (its average, read from its
    duration and size); a file that cannot be read is transcoded, and ffmpeg judges."""
    with path.open("rb") as file:
        try:
            info = read_media(file, path.name, AUDIO)
        except NotMediaError:
            return False
    return path.stat().st_size * 8 / info.duration <= SMALL_BITRATE


def run_ffmpeg(ffmpeg, original, workdir, media):
    """Both copies in one pass of ffmpeg: {"opus": path, "mp3": path}, or None (logged)."""
    opus, mp3 = workdir / "speech.opus", workdir / "speech.mp3"
    command = [
        ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
        "-i", str(original),
        "-map", "0:a:0", "-vn", "-ac", "1", "-c:a", "libopus", "-b:a", OPUS_BITRATE,
        "-application", "voip", str(opus),
        "-map", "0:a:0", "-vn", "-ac", "1", "-c:a", "libmp3lame", "-b:a", MP3_BITRATE,
        str(mp3),
    ]  # fmt: skip
    try:
        subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT)  # noqa: S603
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired, OSError) as error:
        stderr = getattr(error, "stderr", b"") or b""
        logger.error(
            "ffmpeg could not transcode «%s» (%s): it is played as uploaded. %s",
            media.file.name,
            error,
            stderr.decode(errors="replace")[-500:],
        )
        return None
    return {"opus": opus, "mp3": mp3}


def store(media, existing, made):
    """Save the copies next to the upload's name, replacing those of an older file."""
    if existing is not None:
        delete_files(existing)
        speech = existing
    else:
        speech = SpeechFiles(media=media)
    speech.source = media.file.name
    stem = Path(media.file.name).stem[:80]
    for field, path in made.items():
        with path.open("rb") as content:
            getattr(speech, field).save(f"{stem}-speech.{field}", File(content), save=False)
    speech.save()
    return speech


def delete_files(speech):
    for field in (speech.opus, speech.mp3):
        if field:
            field.delete(save=False)


def speech_files_deleted(sender, instance, **kwargs):
    """post_delete of SpeechFiles (also when its audio item is deleted): no orphan files."""
    delete_files(instance)


def stored_size(file):
    """The size in bytes of a stored file, 0 when the file is missing."""
    try:
        return file.size
    except (OSError, ValueError):
        return 0


def source_files(media):
    """What a player offers for `media`, best first: [(file, MIME type)] — the Opus and MP3
    copies when they exist (prefetch `speech_files` for a list), then the upload."""
    found = []
    try:
        speech = media.speech_files  # prefetched, or one query
    except SpeechFiles.DoesNotExist:
        speech = None
    if speech is not None and speech.source == media.file.name:
        if speech.opus:
            found.append((speech.opus, MIME_TYPES["opus"]))
        if speech.mp3:
            found.append((speech.mp3, MIME_TYPES["mp3"]))
    found.append((media.file, MIME_TYPES.get(extension(media.file.name), "")))
    return found


def sources(media):
    """The player's <source> elements for `media`, best first: [{"url", "type"}]."""
    return [{"url": file.url, "type": mime} for file, mime in source_files(media)]
