"""What `import_museums` last wrote on each museum.

An import changes a fact only when the file changes it: a value the file still gives as
it gave it last time is left as the page has it, even if an editor has changed it since.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedFacts(models.Model):
    slug = models.SlugField(_("identifiant dans le fichier"), max_length=80, unique=True)
    museum_key = models.UUIDField(_("clé de traduction du musée"), unique=True)
    facts = models.JSONField(_("faits importés"), default=dict)
    imported_at = models.DateTimeField(_("importé le"), auto_now=True)

    class Meta:
        verbose_name = _("faits importés d'un musée")
        verbose_name_plural = _("faits importés des musées")

    def __str__(self):
        return self.slug
