"""The practical facts of a museum: opening periods, closures, guided departures, prices.

Times, dates, amounts and flags are facts: synchronised from the French page. Labels,
notes and closure reasons are words: the orderables that carry them inherit
TranslatableMixin so that wagtail-localize offers them to translators (STYLE.md trap 11).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

WEEKDAY_FIELDS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

LANGUAGE_CHOICES = [
    ("fr", _("français")),
    ("en", _("anglais")),
    ("de", _("allemand")),
    ("nl", _("néerlandais")),
    ("es", _("espagnol")),
    ("it", _("italien")),
    ("fsl", _("langue des signes française")),
]

EVERY_YEAR_HELP = _("Cochez pour répéter ces dates chaque année (l'année saisie est ignorée).")


class OpeningPeriod(Orderable):
    """Weekly opening hours valid over a season: one row per opening span of the day."""

    page = ParentalKey("museum_pages.MuseumPage", related_name="opening_periods")
    valid_from = models.DateField(_("valable du"), null=True, blank=True)
    valid_until = models.DateField(
        _("valable jusqu'au"),
        null=True,
        blank=True,
        help_text=_("Laissez les deux dates vides pour des horaires valables toute l'année."),
    )
    every_year = models.BooleanField(_("chaque année"), default=True, help_text=EVERY_YEAR_HELP)
    monday = models.BooleanField(_("lundi"), default=False)
    tuesday = models.BooleanField(_("mardi"), default=True)
    wednesday = models.BooleanField(_("mercredi"), default=True)
    thursday = models.BooleanField(_("jeudi"), default=True)
    friday = models.BooleanField(_("vendredi"), default=True)
    saturday = models.BooleanField(_("samedi"), default=True)
    sunday = models.BooleanField(_("dimanche"), default=True)
    opens = models.TimeField(_("ouvre à"))
    closes = models.TimeField(
        _("ferme à"),
        help_text=_("00:00 signifie minuit, en fin de journée. Pause de midi : deux lignes."),
    )

    panels = [
        FieldRowPanel([FieldPanel("valid_from"), FieldPanel("valid_until")]),
        FieldPanel("every_year"),
        FieldRowPanel([FieldPanel(name) for name in WEEKDAY_FIELDS], heading=_("jours")),
        FieldRowPanel([FieldPanel("opens"), FieldPanel("closes")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("période d'ouverture")
        verbose_name_plural = _("périodes d'ouverture")

    @property
    def weekdays(self):
        """Python weekday numbers (Monday is 0) of the days this period applies to."""
        return frozenset(i for i, name in enumerate(WEEKDAY_FIELDS) if getattr(self, name))


class Closure(TranslatableMixin, Orderable):
    """An exceptional closure (annual closure, 25 December…); overrides opening periods."""

    page = ParentalKey("museum_pages.MuseumPage", related_name="closures")
    start_date = models.DateField(_("du"))
    end_date = models.DateField(_("au"), null=True, blank=True, help_text=_("Vide : un seul jour."))
    every_year = models.BooleanField(_("chaque année"), default=False, help_text=EVERY_YEAR_HELP)
    reason = models.CharField(_("motif"), max_length=120, blank=True)

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("every_year"),
        FieldPanel("reason"),
    ]

    override_translatable_fields = [
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        SynchronizedField("every_year"),
        TranslatableField("reason"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("fermeture exceptionnelle")
        verbose_name_plural = _("fermetures exceptionnelles")

    @property
    def last_date(self):
        return self.end_date or self.start_date


class GuidedDeparture(Orderable):
    """A departure of a guided visit, on every opening day, in one language."""

    page = ParentalKey("museum_pages.MuseumPage", related_name="guided_departures")
    departs_at = models.TimeField(_("départ à"))
    language = models.CharField(_("langue"), max_length=3, choices=LANGUAGE_CHOICES, default="fr")

    panels = [FieldRowPanel([FieldPanel("departs_at"), FieldPanel("language")])]

    class Meta(Orderable.Meta):
        verbose_name = _("départ de visite guidée")
        verbose_name_plural = _("départs de visites guidées")


class Price(TranslatableMixin, Orderable):
    """A ticket category: its amount is synchronised, its label and note translated."""

    page = ParentalKey("museum_pages.MuseumPage", related_name="prices")
    label = models.CharField(_("catégorie"), max_length=120)
    amount = models.DecimalField(
        _("montant (€)"), max_digits=6, decimal_places=2, null=True, blank=True
    )
    is_free = models.BooleanField(_("gratuit"), default=False)
    is_combined = models.BooleanField(
        _("billet combiné"),
        default=False,
        help_text=_("Billet valable dans plusieurs sites (ex. : Péronne + Thiepval)."),
    )
    note = models.CharField(_("précision"), max_length=200, blank=True)

    panels = [
        FieldPanel("label"),
        FieldRowPanel([FieldPanel("amount"), FieldPanel("is_free"), FieldPanel("is_combined")]),
        FieldPanel("note"),
    ]

    override_translatable_fields = [
        TranslatableField("label"),
        SynchronizedField("amount"),
        SynchronizedField("is_free"),
        SynchronizedField("is_combined"),
        TranslatableField("note"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("tarif")
        verbose_name_plural = _("tarifs")


ACCESS_FLAGS = [
    ("wheelchair_access", _("Accessible en fauteuil roulant")),
    ("lift", _("Ascenseur")),
    ("adapted_toilets", _("Toilettes adaptées")),
    ("audio_description", _("Audiodescription")),
    ("sign_language_tours", _("Visites en langue des signes")),
    ("induction_loop", _("Boucle magnétique")),
    ("large_print", _("Documents en gros caractères")),
]


def access_panel():
    return MultiFieldPanel([FieldPanel(name) for name, _label in ACCESS_FLAGS], heading=_("accès"))
