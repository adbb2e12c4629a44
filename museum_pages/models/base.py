from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from museum_pages.blocks import BodyBlock
from museum_pages.forms import ContentPageForm


class ContentPage(Page):
    """What every public page has: an intro, a hero image with its alt text, a body."""

    base_form_class = ContentPageForm

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("Deux ou trois phrases, affichées en tête de page et dans les listes."),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image principale"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    hero_image_alt = models.CharField(
        _("texte alternatif de l'image principale"),
        max_length=250,
        blank=True,
        help_text=_("Décrivez l'image. Laissez vide si elle est purement décorative."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("contenu"), blank=True)

    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
    ]

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel(
            "hero_image",
            help_text=_(
                "Au moins 1600 × 900 pixels, paysage. Choisissez-la dans la collection de "
                "votre musée."
            ),
        ),
        FieldPanel("hero_image_alt"),
        FieldPanel(
            "body",
            help_text=_("Paragraphes, citations, images : ajoutez les blocs avec le bouton +."),
        ),
    ]

    # Slugs are synchronised: /de/carriere-wellington/ is the same museum as
    # /fr/carriere-wellington/, so links and bookmarks survive a change of language.
    override_translatable_fields = [
        SynchronizedField("slug"),
        TranslatableField("title"),
        TranslatableField("seo_title"),
        TranslatableField("search_description"),
        TranslatableField("intro"),
        SynchronizedField("hero_image"),
        TranslatableField("hero_image_alt"),
        TranslatableField("body"),
    ]

    class Meta:
        abstract = True
