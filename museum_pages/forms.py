"""The admin forms of virtual visits and audio guides: a scene's or a track's recording is
one the editor may choose."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.blocks import StreamBlockValidationError, StructBlockValidationError
from wagtailmedia import get_media_model

from core.forms import ContentPageForm
from museum_pages.recordings import choosable_recordings, other_languages_collections


class RecordingsPageForm(ContentPageForm):
    """The chooser offers only the media of the editor's museum; a hand-made POST naming
    another museum's recording, or another language's (museum_pages.recordings), is
    refused. A recording the page already has stays allowed (the network team may have
    chosen it). `recordings_field` names the
    StreamField whose blocks have an `audio` chooser."""

    recordings_field = None

    def clean(self):
        cleaned_data = super().clean()
        stream = cleaned_data.get(self.recordings_field)
        if not stream or self.for_user is None:
            return cleaned_data
        kept = {
            block.value["audio"].pk
            for block in getattr(self.instance, self.recordings_field)
            if block.value["audio"]
        }
        chosen = {
            index: block.value["audio"].pk
            for index, block in enumerate(stream)
            if block.value["audio"] and block.value["audio"].pk not in kept
        }
        if not chosen:
            return cleaned_data
        locale = self.instance.locale if self.instance.locale_id else self.parent_page.locale
        allowed = set(
            choosable_recordings(self.for_user, locale.language_code)
            .filter(pk__in=chosen.values())
            .values_list("pk", flat=True)
        )
        foreign = set(
            get_media_model()
            .objects.filter(
                pk__in=chosen.values(),
                collection_id__in=other_languages_collections(locale.language_code),
            )
            .values_list("pk", flat=True)
        )
        museum_message = _("Choisissez un enregistrement de la médiathèque de votre musée.")
        language_message = _(
            "Cet enregistrement est celui d'une autre langue : choisissez-en un dans la "
            "langue de cette page."
        )
        refused = {
            index: language_message if pk in foreign else museum_message
            for index, pk in chosen.items()
            if pk not in allowed
        }
        if refused:
            self.add_error(
                self.recordings_field,
                StreamBlockValidationError(
                    block_errors={
                        index: StructBlockValidationError(
                            block_errors={"audio": ValidationError(message)}
                        )
                        for index, message in refused.items()
                    }
                ),
            )
        return cleaned_data


class VirtualVisitPageForm(RecordingsPageForm):
    recordings_field = "scenes"


class AudioGuidePageForm(RecordingsPageForm):
    recordings_field = "tracks"


class EventPageForm(ContentPageForm):
    """Prices typed as a French editor writes them: "4,50" as well as "4.50". A text box
    with a decimal keypad on phones: a number box would refuse the comma, and show nothing
    of a price written "4,50"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        price = self.fields.get("price")
        if price is not None:
            price.localize = True
            price.widget = forms.TextInput(attrs={"inputmode": "decimal", "size": 8})
            price.widget.is_localized = True
