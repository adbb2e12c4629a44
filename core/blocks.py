"""StreamField blocks for the body of every page.

Values that must never reach translators are typed blocks (URL, choice); alt text and
captions are CharBlocks so that wagtail-localize offers them as segments (STYLE.md, traps 2-4).
Interface strings are French msgids, translated in locale/<lang>.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock


class ImageWithCaptionBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Texte alternatif"),
        max_length=250,
        help_text=_("Décrivez l'image pour les personnes qui ne la voient pas."),
    )
    caption = blocks.CharBlock(label=_("Légende"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_with_caption.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citation"))
    attribution = blocks.CharBlock(label=_("Source"), required=False, max_length=250)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "blocks/quote.html"
        preview_value = {
            "quote": "Ils sont morts pour que nous vivions libres.",
            "attribution": "Inscription d'un mémorial",
        }


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(
        label=_("Paragraphe"),
        features=["h2", "h3", "bold", "italic", "link", "ol", "ul"],
        icon="pilcrow",
        template="blocks/paragraph.html",
        preview_value="<p>La bataille de la Somme commence le 1er juillet 1916.</p>",
    )
    image = ImageWithCaptionBlock()
    quote = QuoteBlock()
    # Required: an empty optional EmbedBlock breaks wagtail-localize (STYLE.md, trap 4).
    embed = EmbedBlock(
        label=_("Média intégré"),
        icon="media",
        template="blocks/embed.html",
        help_text=_("Adresse d'une vidéo ou d'un contenu à intégrer (YouTube, Vimeo…)."),
    )
