"""The demo app: the demo network's data, factories and loader."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    name = "demo"
    verbose_name = _("Réseau de démonstration")
