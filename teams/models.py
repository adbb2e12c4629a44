"""The museum teams: which groups, collection and workflow belong to each museum."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class MuseumTeam(models.Model):
    """The groups, media collection and workflow of one museum, in every language.

    Kept in step with the museum's pages by teams.permissions (signal handlers): a
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
        db_table = "network_museumteam"  # created by network's migrations, moved here since
        verbose_name = _("équipe d'un musée")
        verbose_name_plural = _("équipes des musées")

    def __str__(self):
        return self.editors.name
