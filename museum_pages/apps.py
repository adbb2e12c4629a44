from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class MuseumPagesConfig(AppConfig):
    name = "museum_pages"
    verbose_name = _("Pages des musées")

    def ready(self):
        # Pillow warns above ~89 Mpx and refuses twice that; panoramas of 16384 × 8192 px
        # (134 Mpx) are accepted, and the limit is the one Wagtail's upload form enforces.
        from PIL import Image

        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
