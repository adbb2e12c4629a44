"""Routes between museums: an index of routes in each language, and a route page with its
ordered stops (member museums, or other places with a position and a translatable name).

A stop points at the French museum page (synchronised, like a museum's themes); the route
page shows that museum in its own language, found by translation key in one query.
Positions, times and durations are facts, synchronised; names, transport hints and notes
are words, offered to translators (RouteStop inherits TranslatableMixin, STYLE.md trap 11).
"""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from core import languages
from core.pages import ContentPage
from museum_pages.panels import LeafletPanel
from museum_pages.practical import geography
from network.widgets import MuseumSelect


class RouteIndexPage(ContentPage):
    """The routes of one language: /<lang>/parcours/."""

    parent_page_types = ["home.NetworkHomePage"]
    subpage_types = ["network.RoutePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("index des parcours")
        verbose_name_plural = _("index des parcours")

    def get_context(self, request, *args, **kwargs):
        from network.routes import route_summaries

        context = super().get_context(request, *args, **kwargs)
        _index, context["routes"] = route_summaries(self.locale_id, parent=self)
        return context


class RoutePage(ContentPage):
    """A route through several museums and places, for a day: stops in order, legs with
    distances and driving times, a map, an opening check for a chosen date, exports."""

    parent_page_types = ["network.RouteIndexPage"]
    subpage_types = []
    # The page cache keys the page by these (core.page_cache): each date and start time is
    # its own answer, and so is each export.
    query_parameters = ("date", "start", "format")

    start_time = models.TimeField(
        _("heure de départ suggérée"),
        default=datetime.time(9, 30),
        help_text=_("Les visiteurs peuvent choisir une autre heure sur la page."),
    )

    content_panels = [
        *ContentPage.content_panels[:2],
        FieldPanel("start_time"),
        InlinePanel("stops", heading=_("étapes"), label=_("étape"), min_num=2),
        *ContentPage.content_panels[2:],
    ]

    override_translatable_fields = ContentPage.override_translatable_fields + [
        SynchronizedField("start_time"),
        TranslatableField("stops"),
    ]

    class Meta:
        verbose_name = _("parcours")
        verbose_name_plural = _("parcours")

    def get_context(self, request, *args, **kwargs):
        from network.routes import route_context

        context = super().get_context(request, *args, **kwargs)
        context.update(route_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        from core import page_cache
        from network.routes import export_response, limit_lifetime

        export = export_response(self, request)
        if export is not None:
            return page_cache.reads_parameters(export, self.query_parameters)
        return limit_lifetime(super().serve(request, *args, **kwargs))


class RouteStop(TranslatableMixin, Orderable):
    """One stop of a route: a member museum, or another place with its position."""

    page = ParentalKey(RoutePage, related_name="stops")
    museum = models.ForeignKey(
        "museum_pages.MuseumPage",
        verbose_name=_("musée"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to={"locale__language_code": languages.SOURCE},
        help_text=_("Un musée du réseau, ou laissez vide et donnez un lieu ci-dessous."),
    )
    name = models.CharField(
        _("nom du lieu"),
        max_length=120,
        blank=True,
        help_text=_("Pour un lieu qui n'est pas un musée du réseau (mémorial, cimetière…)."),
    )
    location = models.CharField(
        _("position du lieu"),
        max_length=250,
        blank=True,
        help_text=_(
            "Pour un lieu qui n'est pas un musée : cliquez sur la carte ou déplacez le point "
            "(ou tapez « latitude,longitude »)."
        ),
    )
    stay_minutes = models.PositiveSmallIntegerField(
        _("temps suggéré sur place (minutes)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(12 * 60)],
        help_text=_("Vide : la durée de visite du musée, ou 30 minutes pour un autre lieu."),
    )
    transport = models.CharField(
        _("en transports en commun"),
        max_length=250,
        blank=True,
        help_text=_("Comment venir de l'étape précédente sans voiture (train, bus…)."),
    )
    note = models.CharField(_("conseil"), max_length=250, blank=True)

    panels = [
        FieldPanel("museum", widget=MuseumSelect),
        FieldPanel("name"),
        LeafletPanel("location"),
        FieldPanel("stay_minutes"),
        FieldPanel("transport"),
        FieldPanel("note"),
    ]

    override_translatable_fields = [
        SynchronizedField("museum"),
        TranslatableField("name"),
        SynchronizedField("location"),
        SynchronizedField("stay_minutes"),
        TranslatableField("transport"),
        TranslatableField("note"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("étape")
        verbose_name_plural = _("étapes")

    def clean(self):
        super().clean()
        errors = {}
        if self.museum_id is None:
            if not self.name:
                errors["name"] = _("Choisissez un musée ou donnez le nom du lieu.")
            if not self.location:
                errors["location"] = _("Un lieu qui n'est pas un musée a besoin de sa position.")
        if self.location and geography.parse_point(self.location) is None:
            errors["location"] = _("Position illisible : placez le point sur la carte.")
        if errors:
            raise ValidationError(errors)

    @property
    def point(self):
        """(longitude, latitude) of a place, or None (a museum's is on the museum page)."""
        return geography.parse_point(self.location)
