"""Audience: who an event is for (families, schools, adults…), a translatable snippet.

It lives here rather than in network/ (beside Theme) because EventPage, in this app, points
at it, and an app only imports the apps below it. The network's agenda filters by it.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField


@register_snippet
class Audience(TranslatableMixin, models.Model):
    """An audience of events: the name is translated, the slug (used in filters) is not."""

    name = models.CharField(_("nom"), max_length=60)
    slug = models.SlugField(
        _("identifiant"), max_length=40, help_text=_("Utilisé dans les adresses des filtres.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]

    override_translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("public")
        verbose_name_plural = _("publics")
        ordering = ["slug"]
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name
