"""Demo speech: a text read aloud by espeak-ng, as a wagtailmedia audio item.

`Speaker.speak(text, language, collection, title)` is the one entry point (the visits'
commentaries use it, and anything else of the demo that needs a voice may): espeak-ng reads
the text — exactly the text, which is the transcript — in the language's voice, at a rate
adjusted so that the track lasts 20 to 40 seconds; ffmpeg encodes it as a mono MP3 at
32 kb/s; mutagen writes its title, language and text (ID3 TIT2, TLAN, USLT) into it. The
file is named by a hash of the voice, the language and the text: a track that exists (in
the database, or only in the media folder after a database was rebuilt) is not spoken again,
so a second `load_network` speaks nothing.

Without espeak-ng or ffmpeg `Speaker()` raises SpeechUnavailable with a message that says
what to install; the loader prints it and builds the visits with their transcripts only.
`MEMHISTO_DEMO_AUDIO` (on by default, off in the test settings) switches speech off.
"""

import hashlib
import shutil
import subprocess
import tempfile
import wave
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from mutagen.id3 import ID3, TIT2, TLAN, USLT
from mutagen.mp3 import MP3
from wagtailmedia import get_media_model

# espeak-ng's voices for the site's languages, and their ISO 639-2 codes for the ID3 tags.
VOICES = {"fr": "fr-fr", "en": "en-gb", "de": "de", "nl": "nl"}
ID3_LANGUAGES = {"fr": "fra", "en": "eng", "de": "deu", "nl": "nld"}
SHORTEST, LONGEST = 20.0, 40.0  # seconds a track may last
AIM = (22.0, 38.0)  # what the rate is adjusted for, inside those bounds
FIRST_RATE = 160  # words per minute (espeak-ng's default, 175, is brisk for a commentary)
RATES = (80, 450)  # what espeak-ng accepts
BITRATE = "32k"
RECIPE = "espeak-ng/mp3-32k/1"  # part of the hash: a new recipe speaks every track again
UPLOAD_TO = "media"  # wagtailmedia's folder for its files


class SpeechUnavailable(Exception):
    """espeak-ng or ffmpeg is missing: the message says which, and what to do."""


def track_name(text, language):
    """The file name of `text` spoken in `language`: the same words, the same file."""
    key = f"{RECIPE}|{VOICES[language]}|{language}|{text}"
    digest = hashlib.sha256(key.encode()).hexdigest()[:20]
    return f"speech-{language}-{digest}.mp3"


class Speaker:
    """Speaks texts into audio items; counts what it spoke and what it found made."""

    def __init__(self):
        found = {name: shutil.which(program) for name, program in self.programs().items()}
        missing = [name for name, path in found.items() if path is None]
        if missing:
            raise SpeechUnavailable(
                f"{' and '.join(missing)} not installed (Debian: apt-get install espeak-ng "
                "ffmpeg; `make run` installs them when it may): the visits keep their "
                "transcripts, without audio."
            )
        self.espeak, self.ffmpeg = found["espeak-ng"], found["ffmpeg"]
        self.spoken = self.reused = 0
        self.durations = []

    @staticmethod
    def programs():
        return {"espeak-ng": settings.MEMHISTO_ESPEAK_NG, "ffmpeg": settings.MEMHISTO_FFMPEG}

    def speak(self, text, language, collection, title):
        """The audio item of `text` read in `language`, in `collection`: found by its
        hash, or spoken now."""
        Media = get_media_model()
        name = track_name(text, language)
        path = f"{UPLOAD_TO}/{name}"
        media = Media.objects.filter(file=path).first()
        if media is not None:
            self.reused += 1
            return media
        if default_storage.exists(path):  # spoken for an earlier database
            with default_storage.open(path, "rb") as file:
                duration = MP3(file).info.length
            media = Media(title=title[:255], type="audio", duration=round(duration, 2))
            media.file.name = path
            media.collection = collection
            media.save()
            self.reused += 1
            return media
        with tempfile.TemporaryDirectory(prefix="memhisto-speech-") as workdir:
            mp3, duration = self.record(text, language, title, Path(workdir))
            with mp3.open("rb") as content:
                media = Media(
                    title=title[:255],
                    type="audio",
                    duration=round(duration, 2),
                    collection=collection,
                    file=File(content, name=name),
                )
                media.save()
        self.spoken += 1
        self.durations.append(duration)
        return media

    def record(self, text, language, title, workdir):
        """espeak-ng, its rate adjusted until the track lasts 20-40 s, then ffmpeg to MP3."""
        wav, rate = workdir / "speech.wav", FIRST_RATE
        for _attempt in range(4):
            self.run(
                [self.espeak, "-v", VOICES[language], "-s", str(rate), "-w", str(wav), "--stdin"],
                input=text.encode(),
            )
            with wave.open(str(wav), "rb") as sound:
                seconds = sound.getnframes() / sound.getframerate()
            if AIM[0] <= seconds <= AIM[1]:
                break
            # The length goes as the inverse of the rate (words per minute).
            wanted = AIM[0] + 1 if seconds < AIM[0] else AIM[1] - 1
            new_rate = min(max(round(rate * seconds / wanted), RATES[0]), RATES[1])
            if new_rate == rate:
                break  # too short or too long even at espeak-ng's limit: kept as it is
            rate = new_rate
        mp3 = workdir / "speech.mp3"
        self.run(
            [self.ffmpeg, "-nostdin", "-hide_banner", "-loglevel", "error", "-y",
             "-i", str(wav), "-ac", "1", "-c:a", "libmp3lame", "-b:a", BITRATE, str(mp3)]
        )  # fmt: skip
        tags = ID3()
        tags.add(TIT2(encoding=3, text=title))
        tags.add(TLAN(encoding=3, text=ID3_LANGUAGES[language]))
        tags.add(USLT(encoding=3, lang=ID3_LANGUAGES[language], desc="", text=text))
        tags.save(mp3)
        return mp3, MP3(mp3).info.length

    @staticmethod
    def run(command, **kwargs):
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=120, **kwargs)  # noqa: S603
        except subprocess.CalledProcessError as error:
            raise SpeechUnavailable(
                f"{Path(command[0]).name} failed: {error.stderr.decode(errors='replace')[-300:]}"
            ) from error
