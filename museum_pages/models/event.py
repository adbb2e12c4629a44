"""EventPage: a dated event of one museum."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from core.pages import ContentPage


class EventPage(ContentPage):
    """A dated event of one museum (guided tour, talk, commemoration, workshop)."""

    start_at = models.DateTimeField(_("début"))
    end_at = models.DateTimeField(_("fin"), null=True, blank=True)

    # One template for the dated pages, exhibitions and events, until each needs its own.
    template = "museum_pages/dated_page.html"
    parent_page_types = ["museum_pages.MuseumPage"]
    subpage_types = []

    search_fields = ContentPage.search_fields + [index.FilterField("start_at")]

    content_panels = ContentPage.content_panels[:2] + [
        FieldRowPanel(
            [
                FieldPanel("start_at", help_text=_("Heure de Paris.")),
                FieldPanel("end_at", help_text=_("Facultative. Heure de Paris.")),
            ],
            heading=_("Date et heure"),
        ),
        *ContentPage.content_panels[2:],
    ]

    override_translatable_fields = ContentPage.override_translatable_fields + [
        SynchronizedField("start_at"),
        SynchronizedField("end_at"),
    ]

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    @property
    def is_upcoming(self):
        return (self.end_at or self.start_at) >= timezone.now()

    def clean(self):
        super().clean()
        if self.end_at and self.end_at < self.start_at:
            raise ValidationError({"end_at": _("La fin doit suivre le début.")})
