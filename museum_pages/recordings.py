"""Which recording a language plays: the one rule shared by virtual visits and audio guides.

A recording is a wagtailmedia audio item chosen in a StreamField block (a visit's scene, an
audio guide's track). wagtail-localize offers it to translators as an *overridable* segment
and, until one replaces it, copies the French recording into every translation. A
translated page therefore plays a recording only if it differs from the French page's for
the same block (blocks keep their ids across translations): a recording equal to the
source's is in French, and a visitor of `/de/` never hears French silently — the page says
it has no recording in its language and offers the transcript in its language instead.

A block's recording is offered to translators even when the French block has none
(`RecordingChooserBlock`): a museum may have its German commentary before its French one.

Two steps, a fixed number of queries whatever the number of blocks:
`source_recordings(page, field)` reads the French page's recording ids once (one query,
from the raw stream, no media loaded); `in_language(recording, block_id, sources)` then
decides for each block.
"""

from typing import NamedTuple

from wagtail_localize.segments import OverridableSegmentValue
from wagtailmedia.blocks import AudioChooserBlock

from core import languages

AUDIO_KEY = "audio"  # the name of the recording's child block in scenes and tracks
NO_RECORDING = 0  # a recording segment's value when the block has none


class RecordingChooserBlock(AudioChooserBlock):
    """An audio chooser that wagtail-localize always offers for override, empty or not.

    wagtail-localize extracts an overridable segment from a chooser only when something is
    chosen (it drops segments whose data is None or ""), so a scene without a French
    recording could get none in any other language. This block's segment carries the chosen
    id, or NO_RECORDING (0: no media has that id) when none is chosen; a translation's
    override puts its own recording in, and without one the translation keeps none.
    """

    def get_translatable_segments(self, value):
        return [OverridableSegmentValue("", value.pk if value else NO_RECORDING)]

    def restore_translated_segments(self, value, segments):
        (segment,) = segments
        if not segment.data:
            return None
        return self.target_model.objects.filter(pk=segment.data).first()


class Recording(NamedTuple):
    """What a block plays in the page's language."""

    audio: object  # the Media to play, or None
    # This language has no recording of its own while another language has one.
    missing: bool


def source_recordings(page, field_name, audio_key=AUDIO_KEY):
    """For a translation: {block id: the id of the source page's recording (or None)}.

    None when `page` is the source page itself (its recordings are its own); an empty dict
    when the source is gone. One query, reading the raw stream of `field_name`.
    """
    pages = type(page).objects.filter(translation_key=page.translation_key)
    source = (
        pages.filter(locale__language_code=languages.SOURCE).values_list("pk", field_name).first()
    )
    if source is None:
        return {}
    pk, stream = source
    if pk == page.pk:
        return None
    return {item.get("id"): (item.get("value") or {}).get(audio_key) for item in stream.raw_data}


def in_language(recording, block_id, sources):
    """The Recording of one block: `recording` is the block's chosen Media (or None),
    `sources` what source_recordings() returned for its page."""
    if sources is None:  # the source page: its recordings are in its language
        return Recording(recording, missing=False)
    source_recording = sources.get(block_id)
    if recording is not None and recording.pk == source_recording:
        recording = None  # the French recording, not replaced: not played here
    return Recording(recording, missing=recording is None and source_recording is not None)


# Which recordings a page may be given ------------------------------------------------------


def other_languages_collections(language_code):
    """The ids of the collections (with their children) that keep the recordings of the
    languages other than `language_code` (museum_pages.LanguageRecordings)."""
    from wagtail.models import Collection

    from museum_pages.models.recordings import LanguageRecordings

    ids = set()
    others = LanguageRecordings.objects.exclude(language_code=language_code)
    for recordings in others.select_related("collection"):
        descendants = Collection.objects.descendant_of(recordings.collection, inclusive=True)
        ids.update(descendants.values_list("pk", flat=True))
    return ids


def choosable_recordings(user, language_code):
    """The audio items `user` may give a page in `language_code`: those of the collections
    where they may change media (their museum's, their language's recordings), never the
    recordings of another language — whoever chooses them, the network team included."""
    from wagtail.permissions import policy_registry
    from wagtailmedia import get_media_model

    policy = policy_registry.get_by_type(get_media_model())
    return (
        policy.instances_user_has_any_permission_for(user, ["change", "delete"])
        .filter(type="audio")
        .exclude(collection_id__in=other_languages_collections(language_code))
    )
