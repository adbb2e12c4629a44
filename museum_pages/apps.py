"""The museum_pages app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MuseumPagesConfig(AppConfig):
    name = "museum_pages"
    verbose_name = _("Pages des musées")
