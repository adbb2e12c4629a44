"""The themes of the network (First World War, mining…), which filter museums."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

# The theme colours editors choose from: white text on each has a contrast of at least
# 7:1 (WCAG AAA). Each one has a CSS class in static/css/main.css, so that pages carry no
# inline style and the content security policy needs no 'unsafe-inline' for styles
# (tests/test_security_headers.py checks both).
THEME_COLOURS = [
    ("#37474F", "slate", _("Ardoise")),
    ("#363C42", "anthracite", _("Anthracite")),
    ("#3F4E6E", "night-blue", _("Bleu nuit")),
    ("#1D5E7A", "petrol-blue", _("Bleu pétrole")),
    ("#245C4A", "fir-green", _("Vert sapin")),
    ("#5E5530", "khaki", _("Kaki")),
    ("#7A4A12", "brown", _("Brun")),
    ("#8A1C2B", "burgundy", _("Bordeaux")),
    ("#5B3A7A", "purple", _("Violet")),
]
THEME_COLOUR_CLASSES = {hex_code: name for hex_code, name, _label in THEME_COLOURS}


@register_snippet
class Theme(TranslatableMixin, models.Model):
    """A theme of the network (First World War, mining…), used to filter museums."""

    name = models.CharField(_("nom"), max_length=80)
    slug = models.SlugField(
        _("identifiant"), max_length=40, help_text=_("Utilisé dans les adresses des filtres.")
    )
    colour = models.CharField(
        _("couleur"),
        max_length=7,
        choices=[(hex_code, label) for hex_code, _name, label in THEME_COLOURS],
        default=THEME_COLOURS[0][0],
        help_text=_("Fond des pastilles et des filtres, sous un texte blanc toujours lisible."),
    )

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("colour")]

    override_translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("colour"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("thème")
        verbose_name_plural = _("thèmes")
        ordering = ["slug"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name

    @property
    def colour_class(self):
        """The CSS class that gives a tag or filter this theme's colour."""
        return f"theme-colour--{THEME_COLOUR_CLASSES.get(self.colour, 'slate')}"

    @classmethod
    def by_translation_key(cls, locale_id):
        """Every theme in a locale, keyed by translation key.

        Pages point at the French themes (synchronised); this turns them into the visitor's
        language in one query, whatever the number of museums.
        """
        return {theme.translation_key: theme for theme in cls.objects.filter(locale_id=locale_id)}
