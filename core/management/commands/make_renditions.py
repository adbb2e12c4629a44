"""Make the renditions of every live page now (after a restore of the database or of the
media, or when the filter specs of core.pictures change): first views are then as fast as
later ones. Publications make theirs in the background by themselves (core.renditions)."""

import time

from django.core.management.base import BaseCommand
from wagtail.models import Page

from core import renditions


class Command(BaseCommand):
    help = "Makes the renditions (image sizes and formats) that every live page shows."

    def handle(self, *args, **options):
        started = time.monotonic()
        pages = made = 0
        for page in Page.objects.live().filter(depth__gt=1).specific().iterator(chunk_size=100):
            if hasattr(page, "pictures_used"):
                made += renditions.make_for_page(page)
                pages += 1
        self.stdout.write(
            f"Renditions of {pages} live pages ready ({made} image sizes and formats checked "
            f"or made) in {time.monotonic() - started:.1f} s."
        )
