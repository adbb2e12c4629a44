"""The media collection of each target language's own recordings."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LanguageRecordings(models.Model):
    """The collection where one language's translators keep that language's recordings.

    Made, with their rights on it, by teams.translators; museum_pages.recordings refuses
    its media on a page of another language.
    """

    language_code = models.CharField(_("langue"), max_length=8, unique=True)
    collection = models.OneToOneField(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    class Meta:
        verbose_name = _("enregistrements d'une langue")
        verbose_name_plural = _("enregistrements des langues")

    def __str__(self):
        return self.collection.name
