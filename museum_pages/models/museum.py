"""MuseumPage: one member museum, the root of its team's subtree, with its practical facts."""

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail import hooks
from wagtail.admin.panels import (
    FieldPanel,
    InlinePanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField
from wagtailgeowidget.panels import GeoAddressPanel

from core import languages
from core.pages import ContentPage, public_pages, with_synchronised_slug
from core.remembered import remembered
from museum_pages.panels import LeafletPanel
from museum_pages.practical import display as practical_display
from museum_pages.practical import geography as geo
from museum_pages.practical import opening_hours, structured_data

from .practical import ACCESS_FLAGS, access_panel

# The practical facts of a museum, its inline panels (see practical_rows).
PRACTICAL_RELATIONS = ("opening_periods", "closures", "prices", "guided_departures")


# The fields of exhibits and events that listings show, joined into plain page rows
# (museum_pages.practical.event_display works on rows annotated with these names).
DATED_ANNOTATIONS = {
    "kind": F("exhibitpage__kind"),
    "start_date": F("exhibitpage__start_date"),
    "end_date": F("exhibitpage__end_date"),
    "start_at": F("eventpage__start_at"),
    "end_at": F("eventpage__end_at"),
    "all_day": F("eventpage__all_day"),
    "repeat": F("eventpage__repeat"),
    "repeat_until": F("eventpage__repeat_until"),
    "status": F("eventpage__status"),
}


def split_codes(value):
    """The codes of a comma-separated field ("fr, en,de" gives ["fr", "en", "de"])."""
    return [code.strip() for code in value.split(",") if code.strip()]


class MuseumPage(ContentPage):
    """One member museum: the root of that museum's subtree and of its editors' rights."""

    hero_uses = (*ContentPage.hero_uses, "card")  # the home page's card of each museum

    town = models.CharField(
        _("commune"),
        max_length=120,
        help_text=_("Nom de la commune, tel qu'on l'écrit dans la langue de la page."),
    )
    # Themes are chosen on the French source page and synchronised to its translations;
    # templates show each theme's name in the page's language (network.Theme.localized_names).
    themes = ParentalManyToManyField(
        "network.Theme",
        verbose_name=_("thèmes"),
        blank=True,
        limit_choices_to={"locale__language_code": languages.SOURCE},
    )

    # Practical information ------------------------------------------------------------
    street = models.CharField(
        _("adresse"),
        max_length=200,
        blank=True,
        help_text=_("Numéro et rue. La recherche place aussi le point sur la carte."),
    )
    postcode = models.CharField(_("code postal"), max_length=10, blank=True)
    location = models.CharField(
        _("position"),
        max_length=250,
        blank=True,
        help_text=_("Placez le musée sur la carte : cliquez ou déplacez le point."),
    )
    phone = models.CharField(_("téléphone"), max_length=30, blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("site web"), blank=True)
    booking_url = models.URLField(_("adresse de réservation"), blank=True)
    guided_visits_only = models.BooleanField(
        _("uniquement en visite guidée"),
        default=False,
        help_text=_("Le musée se visite seulement aux départs indiqués."),
    )
    visit_duration = models.PositiveSmallIntegerField(
        _("durée de la visite (minutes)"), null=True, blank=True
    )
    visit_languages = models.CharField(
        _("langues des visites"),
        max_length=60,
        blank=True,
        help_text=_("Codes séparés par des virgules, par exemple : fr,en,de,nl"),
    )
    audio_guide_languages = models.CharField(
        _("langues des audioguides"),
        max_length=60,
        blank=True,
        help_text=_("Codes séparés par des virgules, par exemple : fr,en,de,nl"),
    )
    wheelchair_access = models.BooleanField(ACCESS_FLAGS[0][1], default=False)
    lift = models.BooleanField(ACCESS_FLAGS[1][1], default=False)
    adapted_toilets = models.BooleanField(ACCESS_FLAGS[2][1], default=False)
    audio_description = models.BooleanField(ACCESS_FLAGS[3][1], default=False)
    sign_language_tours = models.BooleanField(ACCESS_FLAGS[4][1], default=False)
    induction_loop = models.BooleanField(ACCESS_FLAGS[5][1], default=False)
    large_print = models.BooleanField(ACCESS_FLAGS[6][1], default=False)
    access_notes = models.TextField(
        _("précisions sur l'accès et la visite"),
        blank=True,
        max_length=600,
        help_text=_("Par exemple : 12 °C sous terre, prévoyez une veste."),
    )

    parent_page_types = ["home.NetworkHomePage"]
    subpage_types = [
        "museum_pages.ExhibitPage",
        "museum_pages.VirtualVisitPage",
        "museum_pages.EventPage",
        "museum_pages.AudioGuidePage",
    ]

    # Towns and themes weigh as much as the title in search (issue 7).
    search_fields = ContentPage.search_fields + [
        index.SearchField("town", boost=2),
        index.AutocompleteField("town"),
        index.FilterField("town"),
        index.SearchField("theme_names", boost=2),
    ]

    content_panels = [
        *ContentPage.content_panels[:2],
        FieldPanel("town"),
        FieldPanel(
            "themes",
            widget=forms.CheckboxSelectMultiple,
            help_text=_("Les visiteurs filtrent la carte des musées par thème."),
        ),
        *ContentPage.content_panels[2:],
    ]

    practical_panels = [
        MultiFieldPanel(
            [
                GeoAddressPanel("street"),
                FieldPanel("postcode"),
                LeafletPanel("location", address_field="street"),
            ],
            heading=_("adresse et position"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("booking_url"),
            ],
            heading=_("contact"),
        ),
        InlinePanel("opening_periods", heading=_("périodes d'ouverture")),
        InlinePanel("closures", heading=_("fermetures exceptionnelles")),
        FieldPanel("guided_visits_only"),
        InlinePanel("guided_departures", heading=_("départs de visites guidées")),
        InlinePanel("prices", heading=_("tarifs")),
        access_panel(),
        FieldPanel("access_notes"),
        FieldPanel("visit_duration"),
        FieldPanel("visit_languages"),
        FieldPanel("audio_guide_languages"),
    ]

    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading=_("Contenu")),
            ObjectList(practical_panels, heading=_("Infos pratiques")),
            ObjectList(ContentPage.promote_panels, heading=_("Promotion")),
            ObjectList(ContentPage.settings_panels, heading=_("Paramètres")),
        ]
    )

    FACT_FIELDS = [
        "street",
        "postcode",
        "location",
        "phone",
        "email",
        "website",
        "booking_url",
        "guided_visits_only",
        "visit_duration",
        "visit_languages",
        "audio_guide_languages",
        *[name for name, _label in ACCESS_FLAGS],
        "opening_periods",
        "guided_departures",
    ]

    override_translatable_fields = with_synchronised_slug(
        ContentPage.override_translatable_fields
    ) + [
        TranslatableField("town"),
        SynchronizedField("themes"),
        *[SynchronizedField(name) for name in FACT_FIELDS],
        TranslatableField("access_notes"),
        TranslatableField("closures"),
        TranslatableField("prices"),
    ]

    class Meta:
        verbose_name = _("musée")
        verbose_name_plural = _("musées")

    @property
    def visit_language_codes(self):
        """The codes of the languages of the visits: "fr,en" gives ["fr", "en"]."""
        return split_codes(self.visit_languages)

    @property
    def audio_guide_language_codes(self):
        """The codes of the languages of the audio guides, as a list."""
        return split_codes(self.audio_guide_languages)

    def theme_names(self):
        """The names of the museum's themes in the page's language, for the search index."""
        keys = [theme.translation_key for theme in self.themes.all()]
        return " ".join(
            self.themes.model.objects.filter(translation_key__in=keys, locale_id=self.locale_id)
            .order_by("slug")
            .values_list("name", flat=True)
        )

    def get_context(self, request, *args, **kwargs):
        # A preview shows the edited rows, never the remembered ones of the live page.
        self.practical_rows(remember=not getattr(request, "is_preview", False))
        context = super().get_context(request, *args, **kwargs)
        context["children_by_type"] = self.children_by_type()
        context["practical"] = self.practical_information()
        context["nearby"] = self.nearby_museums()
        context["json_ld"] = self.json_ld(request)
        # What apps above this one show on a museum page (the routes through it: network).
        for add_context in hooks.get_hooks("museum_page_context"):
            context.update(add_context(self, request))
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        status = self.practical_information()["status"]
        opening_hours.limit_cache_lifetime(response, [status], status.now)
        return response

    def children_by_type(self):
        """The museum's live exhibits (current and coming; the ended temporary ones apart, in
        `archive`), virtual visits, audio guide and upcoming events with their next date.

        Plain pages with what the lists show (title, URL, intro, dates) joined in, rather
        than `.specific()`, which costs one more query per page type; remembered until the
        next content event (only a publication changes them), the dates worked out at each
        rendering (an event ends, an exhibition opens without any publication).
        """
        from museum_pages.practical import dates, event_display

        now = opening_hours.now_in_paris()
        grouped = {"exhibits": [], "archive": [], "visits": [], "events": [], "audio_guides": []}
        for group, child in remembered(f"museum-children:{self.pk}", self._children):
            # The rows are remembered, shared by every request: dated copies of them.
            if group == "events":
                event = event_display.event_row_dates(child, now)
                if event is not None:
                    grouped["events"].append(event)
            elif group == "exhibits":
                exhibit = event_display.exhibit_row_dates(child, now.date())
                grouped["archive" if exhibit.phase == dates.ENDED else "exhibits"].append(exhibit)
            else:
                grouped[group].append(child)
        grouped["events"].sort(key=lambda event: event.when["occurrence"].start)
        grouped["exhibits"].sort(key=lambda exhibit: exhibit.phase == dates.COMING)
        grouped["archive"].sort(key=lambda exhibit: exhibit.end_date, reverse=True)
        return grouped

    def _children(self):
        """[(group, page)] of the live public children, in one query."""
        from .audio_guide import AudioGuidePage
        from .event import EventPage
        from .exhibit import ExhibitPage
        from .visit import VirtualVisitPage

        groups = {
            ContentType.objects.get_for_model(ExhibitPage).pk: "exhibits",
            ContentType.objects.get_for_model(VirtualVisitPage).pk: "visits",
            ContentType.objects.get_for_model(EventPage).pk: "events",
            ContentType.objects.get_for_model(AudioGuidePage).pk: "audio_guides",
        }
        children = public_pages(
            self.get_children().live().filter(content_type_id__in=list(groups))
        ).annotate(
            intro=Coalesce(
                "exhibitpage__intro",
                "virtualvisitpage__intro",
                "eventpage__intro",
                "audioguidepage__intro",
            ),
            **DATED_ANNOTATIONS,
        )
        return [(groups[child.content_type_id], child) for child in children]

    # Practical information ------------------------------------------------------------

    @property
    def point(self):
        """(longitude, latitude) or None."""
        return geo.parse_point(self.location)

    def practical_rows(self, remember=True):
        """{relation: rows} of the practical facts (PRACTICAL_RELATIONS), which the practical
        information and the JSON-LD both read; fetched once per page object, and remembered
        until the next content event when `remember` (only a publication changes them)."""
        if not hasattr(self, "_practical_rows"):

            def fetch():  # one query per relation; a preview's edited rows are in memory
                return {name: list(getattr(self, name).all()) for name in PRACTICAL_RELATIONS}

            name = f"museum-practical-rows:{self.pk}"
            self._practical_rows = remembered(name, fetch) if remember else fetch()
        return self._practical_rows

    def practical_information(self, now=None):
        if now is not None:
            return practical_display.practical_information(self, self.practical_rows(), now)
        if not hasattr(self, "_practical"):
            self._practical = practical_display.practical_information(self, self.practical_rows())
        return self._practical

    def nearby_museums(self, count=3):
        """The `count` nearest other live museums in this page's language, nearest first:
        [{"museum", "distance_km", "directions_url"}]."""
        origin = self.point
        if origin is None:
            return []
        distances = sorted(
            [
                (geo.great_circle_km(origin, other.point), other)
                for other in located_museums(self.locale_id)
                if other.pk != self.pk
            ],
            key=lambda pair: pair[0],
        )
        # A directions link only for the museums shown, not for every museum of the network.
        return [
            {
                "museum": other,
                "distance_km": distance,
                "directions_url": geo.directions_url(origin, other.point),
            }
            for distance, other in distances[:count]
        ]

    def json_ld(self, request=None):
        return structured_data.museum_json_ld(self, self.practical_rows(), request)


def parent_museum(page):
    """The MuseumPage above an exhibit or event page (one query, kept on the page)."""
    if not hasattr(page, "_museum"):
        page._museum = MuseumPage.objects.filter(path=page.path[: -page.steplen]).first()
    return page._museum


def located_museums(locale_id):
    """The live public museums of a language that have a position, with what the nearby
    list shows; remembered until the next content event, as every museum page asks."""

    def fetch():
        candidates = public_pages(MuseumPage.objects.live().filter(locale_id=locale_id)).only(
            "id", "title", "town", "location", "url_path", "locale_id", "depth", "path"
        )
        return [museum for museum in candidates if museum.point is not None]

    return remembered(f"located-museums:{locale_id}", fetch)
