"""AudioGuidePage: a museum's numbered audio guide, like the players handed out at the desk."""

from django.core.exceptions import ValidationError
from django.db.models import prefetch_related_objects
from django.shortcuts import redirect
from django.utils.formats import number_format
from django.utils.html import avoid_wrapping
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.search import index
from wagtail_localize.fields import TranslatableField

from core import pictures, transcoding
from core.pages import ContentPage
from core.query_params import bounded_number
from museum_pages import recordings
from museum_pages.audio_guide_blocks import MAX_TRACK_NUMBER, TracksBlock
from museum_pages.forms import AudioGuidePageForm

from .museum import parent_museum

# The query-string parameter of the "go to track" form (French in every language, like slugs).
TRACK_PARAMETER = "piste"
# What a message repeats of a wrong entry, at most.
SHOWN_INPUT_LENGTH = 20


def track_anchor(number):
    return f"piste-{number}"


def size_text(size):
    """A file size as visitors read it, in decimal units of the active language:
    "4,2 Mo" in French, "4.2 MB" in English (Django's filesizeformat says "Mio")."""
    if size < 1_000_000:
        # Translators: kilobytes (1 kB = 1000 bytes).
        text = _("%(size)s ko") % {"size": number_format(max(size, 1) / 1000, 0)}
    else:
        # Translators: megabytes (1 MB = 1 000 000 bytes).
        text = _("%(size)s Mo") % {"size": number_format(size / 1_000_000, 1)}
    return avoid_wrapping(text)  # "4,2 Mo" never split across two lines


class AudioGuidePage(ContentPage):
    """A museum's audio guide: numbered tracks that visitors pick by the number they see on
    site, each with its recording in the page's language (or none) and its transcript."""

    tracks = StreamField(
        TracksBlock(),
        verbose_name=gettext_lazy("pistes"),
        blank=True,
        help_text=gettext_lazy(
            "Une piste par numéro affiché dans le musée ; la page les range par numéro."
        ),
    )

    parent_page_types = ["museum_pages.MuseumPage"]
    subpage_types = []
    max_count_per_parent = 1  # one guide per museum
    base_form_class = AudioGuidePageForm
    query_parameters = (TRACK_PARAMETER,)

    search_fields = ContentPage.search_fields + [index.SearchField("tracks")]

    content_panels = ContentPage.content_panels + [FieldPanel("tracks")]

    override_translatable_fields = ContentPage.override_translatable_fields + [
        TranslatableField("tracks"),
    ]

    class Meta:
        verbose_name = gettext_lazy("audioguide")
        verbose_name_plural = gettext_lazy("audioguides")

    def clean(self):
        super().clean()
        seen = {}
        for block in self.tracks:
            number, title = block.value["number"], block.value["title"]
            if number in seen:
                raise ValidationError(
                    {
                        "tracks": _(
                            "Le numéro %(number)s est donné à deux pistes : « %(first)s » et "
                            "« %(second)s ». Chaque piste a son propre numéro."
                        )
                        % {"number": number, "first": seen[number], "second": title}
                    }
                )
            seen[number] = title

    def museum(self):
        return parent_museum(self)

    def track_numbers(self):
        """The numbers of the tracks, read from the raw stream (no recording loaded)."""
        return {(item.get("value") or {}).get("number") for item in self.tracks.raw_data} - {None}

    def serve(self, request, *args, **kwargs):
        # "Aller à la piste": a number the guide has leads to its track.
        number = bounded_number(request.GET.get(TRACK_PARAMETER), 1, MAX_TRACK_NUMBER)
        if number is not None and number in self.track_numbers():
            return redirect(f"{self.get_url(request)}#{track_anchor(number)}")
        return super().serve(request, *args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tracks = self.guide_tracks()
        context["guide_tracks"] = tracks
        context["guide_summary"] = self.summary(tracks)
        context["track_message"], context["track_entry"] = self.track_message(request)
        context["guide_museum"] = self.museum()
        if self.hero_image:
            context["guide_artwork"] = pictures.open_graph_rendition(self.hero_image)
        return context

    def guide_tracks(self):
        """The tracks by number, each with what this language plays (one query for the
        recordings, one for the source page's, whatever the number of tracks)."""
        sources = recordings.source_recordings(self, "tracks")
        chosen = [block.value["audio"] for block in self.tracks if block.value["audio"]]
        if chosen:  # their speech-sized copies (core.transcoding), in one query
            prefetch_related_objects(chosen, "speech_files")
        tracks = []
        for block in self.tracks:
            value = block.value
            recording = recordings.in_language(value["audio"], block.id, sources)
            tracks.append(
                {
                    "number": value["number"],
                    "anchor": track_anchor(value["number"]),
                    "title": value["title"],
                    "audio": recording.audio,
                    # Opus, MP3, then the upload: the browser plays the first it can.
                    "audio_sources": transcoding.sources(recording.audio)
                    if recording.audio
                    else [],
                    "size": transcoding.stored_size(recording.audio.file) if recording.audio else 0,
                    "transcript": value["transcript"],
                }
            )
        tracks.sort(key=lambda track: track["number"])
        return tracks

    @staticmethod
    def summary(tracks):
        """ "4 pistes, 4,2 Mo" in the page's language: what a visitor downloads at most."""
        count = ngettext("%(count)s piste", "%(count)s pistes", len(tracks)) % {
            "count": len(tracks)
        }
        size = sum(track["size"] for track in tracks)
        if not size:
            return count
        return _("%(tracks)s, %(size)s") % {"tracks": count, "size": size_text(size)}

    def track_message(self, request):
        """(message, entry) for a "go to track" entry the guide cannot follow."""
        entry = request.GET.get(TRACK_PARAMETER, "").strip()
        if not entry:
            return "", ""
        number = bounded_number(entry, 1, MAX_TRACK_NUMBER)
        shown = entry[:SHOWN_INPUT_LENGTH]
        if number is None:
            message = _(
                "« %(entry)s » n'est pas un numéro de piste : tapez le numéro affiché à côté "
                "de l'objet, par exemple %(example)s."
            ) % {"entry": shown, "example": min(self.track_numbers(), default=1)}
        else:
            message = _("Ce guide n'a pas de piste %(number)s.") % {"number": number}
        return message, shown
