"""EventPage: a dated event of one museum, with its place, audiences, price and status."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtailgeowidget.panels import GeoAddressPanel

from core import languages
from core.pages import ContentPage
from museum_pages.forms import EventPageForm
from museum_pages.panels import LeafletPanel
from museum_pages.practical import dates
from museum_pages.practical import geography as geo
from museum_pages.widgets import LanguageCodesInput

from .museum import parent_museum, split_codes
from .practical import LANGUAGE_CHOICES


class EventPage(ContentPage):
    """A dated event of one museum (guided tour, talk, commemoration, workshop).

    Model API shared by the page, the museum and home listings and the agenda/iCal feeds:

    - `occurrences(after=None, before=None)`: the dated `Occurrence`s (Europe/Paris) of the
      event, its recurrence expanded, that have not ended by `after` and start before
      `before`;
    - `next_occurrence(now=None)`: the one going on or coming next, or None;
    - `last_occurrence()`: the last one, however many dates the event has;
    - `is_upcoming`: whether an occurrence has not ended;
    - `status` (`EventPage.Status`);
    - `place()`: {name, address, point} of where it happens (the museum by default);
    - `museum()`: the parent MuseumPage (one query).
    Listing rows annotated with the same field names go through
    `museum_pages.practical.dates.occurrences_of` directly.
    """

    class Repeat(models.TextChoices):
        NONE = dates.NONE, _("Une seule fois")
        WEEKLY = dates.WEEKLY_REPEAT, _("Chaque semaine")
        MONTHLY = dates.MONTHLY_REPEAT, _("Chaque mois")

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Programmé")
        CANCELLED = "cancelled", _("Annulé")
        POSTPONED = "postponed", _("Reporté")
        SOLD_OUT = "sold_out", _("Complet")

    start_at = models.DateTimeField(_("début"))
    end_at = models.DateTimeField(_("fin"), null=True, blank=True)
    all_day = models.BooleanField(
        _("toute la journée"),
        default=False,
        help_text=_("Les heures sont alors ignorées : seuls les jours comptent."),
    )
    repeat = models.CharField(_("répétition"), max_length=10, choices=Repeat, default=Repeat.NONE)
    repeat_until = models.DateField(
        _("répéter jusqu'au"),
        null=True,
        blank=True,
        help_text=_("Dernier jour possible d'un événement répété (inclus)."),
    )
    status = models.CharField(_("statut"), max_length=12, choices=Status, default=Status.SCHEDULED)

    place_name = models.CharField(
        _("lieu"),
        max_length=150,
        blank=True,
        help_text=_("Laissez vide si l'événement a lieu au musée."),
    )
    place_address = models.CharField(
        _("adresse du lieu"),
        max_length=250,
        blank=True,
        help_text=_("Numéro, rue, code postal et commune, si ce n'est pas au musée."),
    )
    place_location = models.CharField(
        _("position du lieu"),
        max_length=250,
        blank=True,
        help_text=_("Placez le lieu sur la carte, si ce n'est pas au musée."),
    )
    audiences = ParentalManyToManyField(
        "museum_pages.Audience",
        verbose_name=_("publics"),
        blank=True,
        limit_choices_to={"locale__language_code": languages.SOURCE},
    )
    spoken_languages = models.CharField(
        _("langues parlées"),
        max_length=60,
        blank=True,
        help_text=_("Les langues dans lesquelles l'événement se déroule."),
    )
    is_free = models.BooleanField(_("gratuit"), default=False)
    price = models.DecimalField(
        _("prix (€)"),
        max_digits=6,
        decimal_places=2,
        null=True,
        blank=True,
        help_text=_("Plein tarif, si l'événement est payant, par exemple : 4,50"),
    )
    booking_url = models.URLField(_("adresse de réservation"), blank=True)

    base_form_class = EventPageForm
    template = "museum_pages/event_page.html"
    parent_page_types = ["museum_pages.MuseumPage"]
    subpage_types = []

    search_fields = ContentPage.search_fields + [
        index.FilterField("start_at"),
        index.FilterField("status"),
        index.SearchField("place_name"),
    ]

    content_panels = ContentPage.content_panels[:2] + [
        MultiFieldPanel(
            [
                FieldRowPanel(
                    [
                        FieldPanel("start_at", help_text=_("Heure de Paris.")),
                        FieldPanel("end_at", help_text=_("Facultative. Heure de Paris.")),
                    ]
                ),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("repeat"), FieldPanel("repeat_until")]),
                FieldPanel("status"),
            ],
            heading=_("Date et heure"),
        ),
        *ContentPage.content_panels[2:],
    ]

    event_panels = [
        MultiFieldPanel(
            [
                FieldPanel("place_name"),
                GeoAddressPanel("place_address"),
                LeafletPanel("place_location", address_field="place_address"),
            ],
            heading=_("Lieu"),
            help_text=_("Par défaut, l'événement a lieu au musée."),
        ),
        FieldPanel("audiences", widget=forms.CheckboxSelectMultiple),
        FieldPanel("spoken_languages", widget=LanguageCodesInput(choices=LANGUAGE_CHOICES)),
        MultiFieldPanel(
            [FieldPanel("is_free"), FieldPanel("price"), FieldPanel("booking_url")],
            heading=_("Prix et réservation"),
        ),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(event_panels, heading=_("Lieu, public et prix")),
            ObjectList(ContentPage.promote_panels, heading=_("Promotion")),
            ObjectList(ContentPage.settings_panels, heading=_("Paramètres")),
        ]
    )

    FACT_FIELDS = [
        "start_at",
        "end_at",
        "all_day",
        "repeat",
        "repeat_until",
        "status",
        "place_address",
        "place_location",
        "audiences",
        "spoken_languages",
        "is_free",
        "price",
        "booking_url",
    ]

    override_translatable_fields = ContentPage.override_translatable_fields + [
        *[SynchronizedField(name) for name in FACT_FIELDS],
        TranslatableField("place_name"),
    ]

    class Meta:
        verbose_name = _("événement")
        verbose_name_plural = _("événements")

    # Dates ----------------------------------------------------------------------------

    def occurrences(self, after=None, before=None):
        """The dated occurrences, aware datetimes in Europe/Paris, in order (see
        museum_pages.practical.dates.occurrences_of)."""
        return dates.occurrences_of(
            self.start_at,
            self.end_at,
            self.all_day,
            self.repeat,
            self.repeat_until,
            after=after,
            before=before,
        )

    def last_occurrence(self):
        """The last date of the event, however long it repeats (search shows it once over)."""
        return dates.last_occurrence(
            self.start_at, self.end_at, self.all_day, self.repeat, self.repeat_until
        )

    def next_occurrence(self, now=None):
        return dates.next_occurrence(
            self.start_at, self.end_at, self.all_day, self.repeat, self.repeat_until, now
        )

    @property
    def is_upcoming(self):
        return self.next_occurrence() is not None

    @property
    def spoken_language_codes(self):
        return split_codes(self.spoken_languages)

    # Place ----------------------------------------------------------------------------

    def museum(self):
        """The museum of the event, its parent page (one query)."""
        return parent_museum(self)

    def place(self, museum=None):
        """{name, address, point, is_museum}: the event's own place, or the museum's (one
        query to find it, unless the caller gives the museum)."""
        museum = museum or self.museum()
        if self.place_name or self.place_address:
            return {
                "name": self.place_name or (museum.title if museum else ""),
                "address": self.place_address,
                "point": geo.parse_point(self.place_location),
                "is_museum": False,
            }
        if museum is None:
            return {"name": "", "address": "", "point": None, "is_museum": True}
        town = " ".join(part for part in (museum.postcode, museum.town) if part)
        return {
            "name": museum.title,
            "address": ", ".join(part for part in (museum.street, town) if part),
            "street": museum.street,
            "postcode": museum.postcode,
            "town": museum.town,
            "point": museum.point,
            "is_museum": True,
        }

    def clean(self):
        super().clean()
        errors = {}
        if self.end_at and self.start_at and self.end_at < self.start_at:
            errors["end_at"] = _("La fin doit suivre le début.")
        if self.repeat != self.Repeat.NONE:
            if not self.repeat_until:
                errors["repeat_until"] = _("Indiquez jusqu'à quand l'événement se répète.")
            elif self.start_at and self.repeat_until < self.start_at.date():
                errors["repeat_until"] = _("La répétition doit finir après le premier jour.")
        if self.is_free and self.price:
            errors["price"] = _("Un événement gratuit n'a pas de prix.")
        if self.place_location and geo.parse_point(self.place_location) is None:
            errors["place_location"] = _("Position illisible : placez le point sur la carte.")
        if errors:
            raise ValidationError(errors)

    def get_context(self, request, *args, **kwargs):
        from museum_pages.practical import event_display

        context = super().get_context(request, *args, **kwargs)
        context.update(event_display.event_page_context(self, request))
        return context
