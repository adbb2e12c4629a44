from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from .base import ContentPage


class MuseumPage(ContentPage):
    """One member museum: the root of that museum's subtree and of its editors' rights."""

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
        limit_choices_to={"locale__language_code": settings.LANGUAGE_CODE},
    )

    parent_page_types = ["home.NetworkHomePage"]
    subpage_types = [
        "museum_pages.ExhibitPage",
        "museum_pages.VirtualVisitPage",
        "museum_pages.EventPage",
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
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        *ContentPage.content_panels[2:],
    ]

    override_translatable_fields = ContentPage.override_translatable_fields + [
        TranslatableField("town"),
        SynchronizedField("themes"),
    ]

    class Meta:
        verbose_name = _("musée")
        verbose_name_plural = _("musées")

    def theme_names(self):
        """The names of the museum's themes in the page's language, for the search index."""
        keys = [theme.translation_key for theme in self.themes.all()]
        return " ".join(
            self.themes.model.objects.filter(translation_key__in=keys, locale_id=self.locale_id)
            .order_by("slug")
            .values_list("name", flat=True)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["children_by_type"] = self.children_by_type()
        return context

    def children_by_type(self):
        """The museum's live exhibits, virtual visits and upcoming events, in two queries."""
        from .event import EventPage
        from .exhibit import ExhibitPage
        from .visit import VirtualVisitPage

        children = (
            self.get_children()
            .live()
            .public()
            .type(ExhibitPage, VirtualVisitPage, EventPage)
            .specific()
        )
        grouped = {"exhibits": [], "visits": [], "events": []}
        for child in children:
            if isinstance(child, ExhibitPage):
                grouped["exhibits"].append(child)
            elif isinstance(child, VirtualVisitPage):
                grouped["visits"].append(child)
            elif child.is_upcoming:
                grouped["events"].append(child)
        grouped["events"].sort(key=lambda event: event.start_at)
        return grouped
