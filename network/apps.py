from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NetworkConfig(AppConfig):
    name = "network"
    verbose_name = _("Réseau")

    def ready(self):
        from memhisto import page_cache  # noqa: F401  (connects the page cache invalidation)
        from network import signals  # noqa: F401  (connects the museum team handlers)
