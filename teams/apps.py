"""The teams app: connects the museum-team signal handlers and the translation sync, and
puts wagtail-localize's dates in the admin's language."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeamsConfig(AppConfig):
    name = "teams"
    verbose_name = _("Équipes")

    def ready(self):
        from wagtail.signals import page_published

        from teams import (
            admin_language,
            signals,  # noqa: F401  (connects the museum team handlers)
            translation_sync,
        )

        # wagtail-localize's dates in the admin's language (teams/admin_language.py).
        admin_language.install()

        # A French publication opens the translators' drafts (teams/translation_sync.py).
        page_published.connect(
            translation_sync.page_published, dispatch_uid="translation-sync-publish"
        )
