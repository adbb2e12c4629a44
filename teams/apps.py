"""The teams app: connects the museum-team signal handlers."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = _("Équipes")

    def ready(self):
        from teams import signals  # noqa: F401  (connects the museum team handlers)
