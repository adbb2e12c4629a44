"""Scenes and hotspots of a virtual visit, as StreamField blocks.

Why a StreamField and not orderables: a scene holds a list of hotspots, and Wagtail's
admin cannot nest an InlinePanel in an InlinePanel, whereas a ListBlock inside a
StructBlock is edited in place. wagtail-localize translates StreamField text segment by
segment (titles, texts, labels, transcripts) and offers every chooser value (panorama,
audio recording, linked page) as an *overridable* segment, so a language can replace the
audio commentary with its own recording (a wagtailmedia audio item) while positions, kinds
and target scenes (typed blocks) stay synchronised (STYLE.md traps 2-4).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from museum_pages.recordings import RecordingChooserBlock

PANORAMA = "panorama"
PHOTO = "photo"

INFO = "info"
SCENE = "scene"
PAGE = "page"


class HotspotBlock(blocks.StructBlock):
    kind = blocks.ChoiceBlock(
        label=_("Type"),
        choices=[
            (INFO, _("Information")),
            (SCENE, _("Aller à une autre scène")),
            (PAGE, _("Lien vers une page")),
        ],
        default=INFO,
    )
    horizontal = blocks.FloatBlock(
        label=_("Position horizontale"),
        help_text=_(
            "Panorama : angle en degrés de −180 à 180 (0 = centre de l'image). "
            "Photo : pourcentage de la largeur, de 0 à 100. "
            "L'aperçu affiche la valeur sous le pointeur."
        ),
    )
    vertical = blocks.FloatBlock(
        label=_("Position verticale"),
        help_text=_(
            "Panorama : angle en degrés de −90 (sol) à 90 (zénith), 0 = horizon. "
            "Photo : pourcentage de la hauteur, de 0 (haut) à 100 (bas)."
        ),
    )
    label = blocks.CharBlock(
        label=_("Libellé"),
        max_length=120,
        help_text=_("Nom court du point, lu par les lecteurs d'écran."),
    )
    text = blocks.TextBlock(label=_("Texte"), required=False)
    target_scene = blocks.IntegerBlock(
        label=_("Numéro de la scène visée"),
        required=False,
        min_value=1,
        help_text=_("Pour « Aller à une autre scène » : 1 pour la première scène, etc."),
    )
    page = blocks.PageChooserBlock(label=_("Page liée"), required=False)

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value["kind"] == SCENE and not value["target_scene"]:
            errors["target_scene"] = ValidationError(_("Indiquez la scène visée."))
        if value["kind"] == PAGE and not value["page"]:
            errors["page"] = ValidationError(_("Choisissez la page liée."))
        if errors:
            raise StructBlockValidationError(errors)
        return value

    class Meta:
        icon = "site"
        label = _("Point d'intérêt")


class SceneBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    kind = blocks.ChoiceBlock(
        label=_("Type d'image"),
        choices=[
            (PANORAMA, _("Panorama à 360° (équirectangulaire, 2:1)")),
            (PHOTO, _("Photo à plat")),
        ],
        default=PANORAMA,
    )
    image = ImageChooserBlock(
        label=_("Image"),
        help_text=_("Jusqu'à 30 Mo et 16 384 × 8 192 pixels."),
    )
    image_alt = blocks.CharBlock(
        label=_("Texte alternatif"),
        max_length=250,
        help_text=_("Décrivez ce que montre la scène pour les personnes qui ne la voient pas."),
    )
    text = blocks.TextBlock(label=_("Texte"))
    audio = RecordingChooserBlock(
        label=_("Commentaire audio"),
        required=False,
        help_text=_(
            "Un enregistrement de la médiathèque du musée (MP3, M4A/AAC, Ogg/Opus). "
            "Chaque langue le remplace par son propre enregistrement ; une langue qui n'en "
            "a pas propose la transcription."
        ),
    )
    transcript = blocks.TextBlock(
        label=_("Transcription du commentaire"),
        required=False,
    )
    hotspots = blocks.ListBlock(HotspotBlock(), label=_("Points d'intérêt"), default=[])

    def clean(self, value):
        value = super().clean(value)
        if value["audio"] and not value["transcript"]:
            raise StructBlockValidationError(
                {"transcript": ValidationError(_("Un commentaire audio demande sa transcription."))}
            )
        low, high = ((-180, 180), (-90, 90)) if value["kind"] == PANORAMA else ((0, 100), (0, 100))
        for hotspot in value["hotspots"]:
            if not (low[0] <= hotspot["horizontal"] <= low[1]) or not (
                high[0] <= hotspot["vertical"] <= high[1]
            ):
                raise StructBlockValidationError(
                    {
                        "hotspots": ValidationError(
                            _("La position de « %(label)s » sort de l'image.")
                            % {"label": hotspot["label"]}
                        )
                    }
                )
        return value

    class Meta:
        icon = "image"
        label = _("Scène")


class ScenesBlock(blocks.StreamBlock):
    scene = SceneBlock()
