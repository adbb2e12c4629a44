"""The core app: Pillow's pixel limit, the page-cache invalidation of core's models, the
renditions made when pages are published and the speech-sized copies of audio uploads."""

from django.apps import AppConfig
from django.conf import settings
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = _("Socle du site")

    def ready(self):
        from django.db.models.signals import post_delete, post_save
        from PIL import Image
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model
        from wagtail.models import PageViewRestriction, Site
        from wagtail.signals import page_published
        from wagtailmedia import get_media_model

        from core import page_cache, renditions, transcoding
        from core.models import SpeechFiles

        # Pillow warns above ~89 Mpx and refuses twice that; panoramas of 16384 × 8192 px
        # (134 Mpx) are accepted, and the limit is the one Wagtail's upload form enforces.
        Image.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS

        # What shows on pages without a page being published, or takes a page out of every
        # listing at once (a view restriction); a site's change moves every page's URL.
        page_cache.clear_on_page_events()
        page_cache.clear_on_change(
            get_image_model(),
            get_document_model(),
            get_media_model(),
            SpeechFiles,
            PageViewRestriction,
            Site,
        )
        # Renditions are made in the background when a page is published, not at the first
        # view (core.renditions).
        # (An image's replaced file: core.uploads.ImageForm.)
        page_published.connect(renditions.page_published, dispatch_uid="renditions-publish")
        # An audio upload gets its speech-sized copies in the background (core.transcoding).
        post_save.connect(
            transcoding.media_saved, sender=get_media_model(), dispatch_uid="transcode-audio"
        )
        post_delete.connect(
            transcoding.speech_files_deleted, sender=SpeechFiles, dispatch_uid="speech-files-gone"
        )
