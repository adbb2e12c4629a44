"""What an uploaded audio or video file really is: its format, codec and duration, read
from its content (mutagen; a few lines of EBML for WebM, which mutagen does not read).

A file is accepted for what its name claims only if its content is that format: an
executable or a PDF renamed `.mp3` is not audio, whatever its name says.
"""

import struct
from dataclasses import dataclass

import mutagen
from mutagen.aac import AAC
from mutagen.mp3 import MP3, MPEGFrame, skip_id3
from mutagen.mp4 import MP4, Atoms
from mutagen.oggopus import OggOpus
from mutagen.oggvorbis import OggVorbis

AUDIO = "audio"
VIDEO = "video"

# Extension → the mutagen formats its content may be.
AUDIO_FORMATS = {
    "mp3": (MP3,),
    "m4a": (MP4,),
    "aac": (AAC,),
    "ogg": (OggVorbis, OggOpus),
    "opus": (OggOpus,),
}
VIDEO_FORMATS = {"mp4": (MP4,), "webm": ()}  # WebM: read_webm()
WEBM_CODECS = {"V_VP8", "V_VP9", "V_AV1", "A_OPUS", "A_VORBIS"}


class NotMediaError(ValueError):
    """The content is not the format the file's name claims."""


@dataclass
class MediaInfo:
    format: str  # "MP3", "MP4", "OggOpus", "WebM"…
    codec: str
    duration: float  # seconds


def extension(name):
    return name.rsplit(".", 1)[-1].lower() if "." in name else ""


def read_media(fileobj, name, kind):
    """The format, codec and duration of `fileobj`, which claims (by `name`) to be `kind`
    (AUDIO or VIDEO). Raises NotMediaError unless its content is what the name says."""
    ext = extension(name)
    formats = (AUDIO_FORMATS if kind == AUDIO else VIDEO_FORMATS).get(ext)
    if formats is None:
        raise NotMediaError(f"{ext!r} is not an accepted {kind} extension")
    fileobj.seek(0)
    try:
        if ext == "webm":
            info = read_webm(fileobj)
        else:
            info = read_with_mutagen(fileobj, formats, needs_audio=kind == AUDIO)
            if info.format == "MP3":
                check_mp3_frames(fileobj)
            if kind == VIDEO and not mp4_has_video(fileobj):
                raise NotMediaError("an MP4 without a video track")
    finally:
        fileobj.seek(0)
    if not info.duration > 0:
        raise NotMediaError("no duration: not a playable recording")
    return info


def read_with_mutagen(fileobj, formats, needs_audio):
    for media_format in formats:
        fileobj.seek(0)
        try:
            found = media_format(fileobj)
        except (mutagen.MutagenError, struct.error, EOFError, ValueError, IndexError):
            continue
        info = found.info
        codec = getattr(info, "codec", "") or media_format.__name__
        if media_format is MP4 and needs_audio and not getattr(info, "codec", ""):
            continue  # an MP4 container without any audio
        return MediaInfo(media_format.__name__, codec, float(info.length or 0))
    raise NotMediaError("content does not match the extension")


def check_mp3_frames(fileobj, needed=4):
    """MPEG Layer III frames from the start of the audio, one after the other.

    mutagen looks for a frame sync anywhere in the file's first kilobytes, and finds one in
    most executables; an MP3 starts with its frames right after its ID3 tag.
    """
    fileobj.seek(0)
    skip_id3(fileobj)
    start = fileobj.tell()
    head = fileobj.read(4096)
    fileobj.seek(start + len(head) - len(head.lstrip(b"\0")))
    first = None
    for count in range(needed):
        try:
            frame = MPEGFrame(fileobj)
        except mutagen.MutagenError as exc:
            if count and not fileobj.read(1):
                return  # a very short file: its frames end with it
            raise NotMediaError("no MPEG audio frames at the start") from exc
        first = first or frame
        if frame.layer != 3 or (frame.version, frame.sample_rate) != (
            first.version,
            first.sample_rate,
        ):
            raise NotMediaError("not MPEG Layer III audio")


def mp4_has_video(fileobj):
    fileobj.seek(0)
    try:
        atoms = Atoms(fileobj)
        for trak in atoms[b"moov"].findall(b"trak"):
            ok, data = trak[b"mdia", b"hdlr"].read(fileobj)
            if ok and data[8:12] == b"vide":
                return True
    except (mutagen.MutagenError, KeyError, struct.error, EOFError, ValueError):
        return False
    return False


# WebM (a Matroska profile): EBML elements, each an ID and a size in variable-length ints.
EBML, DOCTYPE = 0x1A45DFA3, 0x4282
SEGMENT, INFO, TRACKS, CLUSTER = 0x18538067, 0x1549A966, 0x1654AE6B, 0x1F43B675
TIMECODE_SCALE, DURATION, TRACK_ENTRY, CODEC_ID = 0x2AD7B1, 0x4489, 0xAE, 0x86
WEBM_HEAD = 256 * 1024  # Info and Tracks come before the first cluster


def _vint(data, pos, keep_marker):
    if pos >= len(data):
        raise NotMediaError("truncated EBML")
    first, length, bit = data[pos], 1, 0x80
    while length <= 8 and not first & bit:
        bit >>= 1
        length += 1
    if length > 8 or pos + length > len(data):
        raise NotMediaError("invalid EBML number")
    value = first if keep_marker else first & (bit - 1)
    for byte in data[pos + 1 : pos + length]:
        value = value << 8 | byte
    unknown = not keep_marker and value == (1 << (7 * length)) - 1
    return value, pos + length, unknown


def _elements(data, start, end):
    """(id, payload start, payload end) of the elements between start and end."""
    pos = start
    while pos < end:
        element, pos, _unknown = _vint(data, pos, keep_marker=True)
        size, pos, unknown = _vint(data, pos, keep_marker=False)
        stop = end if unknown else min(pos + size, end)
        yield element, pos, stop
        if element != SEGMENT and not unknown:
            pos = stop  # else the Segment's children (or those of a master of unknown size)


def read_webm(fileobj):
    data = fileobj.read(WEBM_HEAD)
    if not data.startswith(b"\x1a\x45\xdf\xa3"):
        raise NotMediaError("not an EBML file")
    scale, duration, codecs, doctype = 1_000_000, 0.0, set(), b""
    for element, start, stop in _elements(data, 0, len(data)):
        if element == EBML:
            for child, cstart, cstop in _elements(data, start, stop):
                if child == DOCTYPE:
                    doctype = data[cstart:cstop]
        elif element == INFO:
            for child, cstart, cstop in _elements(data, start, stop):
                if child == TIMECODE_SCALE:
                    scale = int.from_bytes(data[cstart:cstop], "big")
                elif child == DURATION and cstop - cstart in (4, 8):
                    fmt = ">f" if cstop - cstart == 4 else ">d"
                    duration = struct.unpack(fmt, data[cstart:cstop])[0]
        elif element == TRACKS:
            for entry, estart, estop in _elements(data, start, stop):
                if entry == TRACK_ENTRY:
                    for child, cstart, cstop in _elements(data, estart, estop):
                        if child == CODEC_ID:
                            codecs.add(data[cstart:cstop].decode("ascii", "replace"))
        elif element == CLUSTER:
            break
    if doctype != b"webm":
        raise NotMediaError("not a WebM file")
    if not codecs & WEBM_CODECS or not any(codec.startswith("V_") for codec in codecs):
        raise NotMediaError("no VP8/VP9/AV1 video track")
    return MediaInfo("WebM", ",".join(sorted(codecs)), duration * scale / 1e9)
