from django.core.validators import RegexValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField


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
        default="#37474f",
        validators=[RegexValidator(r"^#[0-9a-fA-F]{6}$", _("Une couleur au format #RRVVBB."))],
        help_text=_("Fond des pastilles, texte blanc : contraste d'au moins 4,5:1."),
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

    @classmethod
    def by_translation_key(cls, locale_id):
        """Every theme in a locale, keyed by translation key.

        Pages point at the French themes (synchronised); this turns them into the visitor's
        language in one query, whatever the number of museums.
        """
        return {theme.translation_key: theme for theme in cls.objects.filter(locale_id=locale_id)}


class MuseumTeam(models.Model):
    """The groups, media collection and workflow of one museum, in every language.

    Kept in step with the museum's pages by network.permissions (signal handlers): a
    museum is identified by the translation key shared by its pages in every locale.
    """

    museum_key = models.UUIDField(_("clé du musée"), unique=True, editable=False)
    editors = models.OneToOneField(
        "auth.Group", verbose_name=_("rédacteurs"), on_delete=models.CASCADE, related_name="+"
    )
    moderators = models.OneToOneField(
        "auth.Group", verbose_name=_("modérateurs"), on_delete=models.CASCADE, related_name="+"
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    workflow = models.ForeignKey(
        "wagtailcore.Workflow",
        verbose_name=_("circuit de validation"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("équipe d'un musée")
        verbose_name_plural = _("équipes des musées")

    def __str__(self):
        return self.editors.name
