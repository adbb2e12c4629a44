"""The tracks of an audio guide, as StreamField blocks.

A track's number is the one visitors read on site, next to the object: a typed block
(IntegerBlock), which wagtail-localize synchronises from the French page; its title and
transcript are words, offered to translators segment by segment; its recording is an
overridable segment, so each language replaces it with its own (museum_pages.recordings).
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from museum_pages.recordings import RecordingChooserBlock

MAX_TRACK_NUMBER = 9999


class TrackBlock(blocks.StructBlock):
    number = blocks.IntegerBlock(
        label=_("Numéro"),
        min_value=1,
        max_value=MAX_TRACK_NUMBER,
        help_text=_("Le numéro affiché dans le musée, que les visiteurs tapent sur la page."),
    )
    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    audio = RecordingChooserBlock(
        label=_("Enregistrement"),
        required=False,
        help_text=_(
            "Un enregistrement de la médiathèque du musée (MP3, M4A/AAC, Ogg/Opus). "
            "Chaque langue le remplace par son propre enregistrement ; une langue qui n'en "
            "a pas propose la transcription."
        ),
    )
    transcript = blocks.TextBlock(
        label=_("Transcription"),
        help_text=_("Exactement ce qui est dit : les visiteurs la lisent à la place du son."),
    )

    class Meta:
        icon = "media"
        label = _("Piste")
        preview_value = {
            "number": 1,
            "title": "Bienvenue",
            "transcript": "Bienvenue au musée. Tapez le numéro affiché près de chaque objet.",
        }


class TracksBlock(blocks.StreamBlock):
    track = TrackBlock()
