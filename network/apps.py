"""The network app: theme and audience changes clear the page cache."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Réseau")

    def ready(self):
        from core import page_cache
        from museum_pages.models import Audience
        from network.models import Theme

        # Theme names and colours show on museum cards, filters and the feed; audience names
        # on the agenda's filters and in the calendars.
        page_cache.clear_on_change(Theme, Audience)
