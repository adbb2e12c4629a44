"""core's one model: the speech-sized copies of an audio upload (core.transcoding)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtailmedia.settings import wagtailmedia_settings


class SpeechFiles(models.Model):
    """The mono Opus and MP3 copies made from an audio upload, which is kept as it is.

    `source` is the name of the upload they were made from: a replaced file is transcoded
    again. Empty files: nothing to make (the upload is already speech-sized).
    """

    media = models.OneToOneField(
        wagtailmedia_settings.MEDIA_MODEL,
        on_delete=models.CASCADE,
        related_name="speech_files",
        verbose_name=_("média"),
    )
    source = models.CharField(_("fichier d'origine"), max_length=255)
    opus = models.FileField("Opus", upload_to="speech", blank=True)
    mp3 = models.FileField("MP3", upload_to="speech", blank=True)
    made_at = models.DateTimeField(_("fait le"), auto_now=True)

    class Meta:
        verbose_name = _("fichiers allégés")
        verbose_name_plural = _("fichiers allégés")

    def __str__(self):
        return self.source
