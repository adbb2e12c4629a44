"""ExhibitPage: a permanent or temporary exhibition of one museum."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail_localize.fields import SynchronizedField

from core.pages import ContentPage


class ExhibitPage(ContentPage):
    """A permanent or temporary exhibition of one museum."""

    class Kind(models.TextChoices):
        PERMANENT = "permanent", _("Exposition permanente")
        TEMPORARY = "temporary", _("Exposition temporaire")

    kind = models.CharField(_("type"), max_length=20, choices=Kind, default=Kind.PERMANENT)
    start_date = models.DateField(_("début"), null=True, blank=True)
    end_date = models.DateField(_("fin"), null=True, blank=True)

    # One template for the dated pages, exhibitions and events, until each needs its own.
    template = "museum_pages/dated_page.html"
    parent_page_types = ["museum_pages.MuseumPage"]
    subpage_types = []

    content_panels = ContentPage.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel(
                    "kind",
                    help_text=_("Une exposition temporaire s'affiche avec ses dates."),
                ),
                FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
            ],
            heading=_("Dates de l'exposition"),
            help_text=_("Les dates ne concernent que les expositions temporaires."),
        ),
    ]

    override_translatable_fields = ContentPage.override_translatable_fields + [
        SynchronizedField("kind"),
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
    ]

    class Meta:
        verbose_name = _("exposition")
        verbose_name_plural = _("expositions")

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("La fin doit suivre le début.")})
