from django.utils.translation import gettext_lazy as _

from .base import ContentPage


class VirtualVisitPage(ContentPage):
    """A virtual visit of one museum."""

    parent_page_types = ["museum_pages.MuseumPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("visite virtuelle")
        verbose_name_plural = _("visites virtuelles")
