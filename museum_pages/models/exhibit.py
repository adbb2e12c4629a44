"""ExhibitPage: a permanent or temporary exhibition of one museum."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail_localize.fields import SynchronizedField

from core.pages import ContentPage
from museum_pages.practical import dates

from .museum import parent_museum


class ExhibitPage(ContentPage):
    """A permanent or temporary exhibition of one museum.

    Model API shared by the page, the listings and the agenda: `phase(today=None)` (one of
    museum_pages.practical.dates PERMANENT, COMING, CURRENT, ENDED, on a day in Paris),
    `is_current`, `is_coming`, `has_ended` (a permanent exhibition is always current),
    `dates_text()` ("Jusqu'au 30 juin 2027", in the active language).
    """

    class Kind(models.TextChoices):
        PERMANENT = "permanent", _("Exposition permanente")
        TEMPORARY = "temporary", _("Exposition temporaire")

    kind = models.CharField(_("type"), max_length=20, choices=Kind, default=Kind.PERMANENT)
    start_date = models.DateField(_("début"), null=True, blank=True)
    end_date = models.DateField(_("fin"), null=True, blank=True)

    template = "museum_pages/exhibit_page.html"
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

    def museum(self):
        """The museum of the exhibition, its parent page (one query)."""
        return parent_museum(self)

    def phase(self, today=None):
        return dates.exhibition_phase(self.kind, self.start_date, self.end_date, today)

    @property
    def is_current(self):
        return self.phase() in (dates.PERMANENT, dates.CURRENT)

    @property
    def is_coming(self):
        return self.phase() == dates.COMING

    @property
    def has_ended(self):
        return self.phase() == dates.ENDED

    def dates_text(self, today=None):
        return dates.exhibition_dates_text(self.kind, self.start_date, self.end_date, today)

    def clean(self):
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("La fin doit suivre le début.")})
        if self.kind == self.Kind.TEMPORARY and not (self.start_date and self.end_date):
            raise ValidationError(
                {"end_date": _("Une exposition temporaire a une date de début et de fin.")}
            )

    def get_context(self, request, *args, **kwargs):
        from museum_pages.practical import event_display

        context = super().get_context(request, *args, **kwargs)
        context.update(event_display.exhibit_page_context(self, request))
        return context
