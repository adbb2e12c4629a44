"""The admin's upload forms: images (one fix to Wagtail's file check; renditions made again
when an image's file is replaced) and audio or video (wagtailmedia's form, which reads what
each file really is)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtailmedia.forms import BaseMediaForm
from wagtailmedia.settings import wagtailmedia_settings

from core import renditions
from core.media_files import AUDIO, NotMediaError, extension, read_media


class ReadableImageField(WagtailImageField):
    """Wagtail's image field, which also refuses an image whose data cannot be read.

    Wagtail 8.0.1 checks that the header is an image, then reads the pixels to count them:
    a truncated or corrupt file passes the first check and raises OSError in the second,
    an error page instead of a message. It gets Wagtail's "not a valid image" message.
    """

    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except OSError as exc:
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc


class ImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:  # the multiple-upload edit form has no file field
            field = self.fields["file"]
            self.fields["file"] = ReadableImageField(label=field.label, required=field.required)

    def save(self, commit=True):
        """Wagtail deletes an image's renditions when its file is replaced (here, after the
        save): the live pages that show it get theirs again in the background."""
        replaced = commit and "file" in self.changed_data and self.instance.pk is not None
        image = super().save(commit=commit)
        if replaced:
            renditions.image_replaced(image)
        return image


class MediaForm(BaseMediaForm):
    """wagtailmedia's add and edit form (also in the choosers' upload tab).

    A new file must be, in its content, the audio or video its name claims (an executable
    or a PDF renamed `.mp3` is refused), within MEMHISTO_MEDIA_MAX_UPLOAD_SIZE; its duration
    is read from it rather than typed.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.pop("duration", None)
        if "file" in self.fields:
            limit = filesizeformat(settings.MEMHISTO_MEDIA_MAX_UPLOAD_SIZE)
            self.fields["file"].help_text = (
                _("Audio : MP3, M4A/AAC, Ogg/Opus. Jusqu'à %(limit)s.")
                if self.instance.type == AUDIO
                else _("Vidéo : MP4 ou WebM. Jusqu'à %(limit)s.")
            ) % {"limit": limit}

    def clean_file(self):
        upload = self.cleaned_data.get("file")
        if not isinstance(upload, UploadedFile):
            return upload  # the file the media already has
        kind = self.instance.type
        allowed = (
            wagtailmedia_settings.AUDIO_EXTENSIONS
            if kind == AUDIO
            else wagtailmedia_settings.VIDEO_EXTENSIONS
        )
        formats = self.formats_text()
        if extension(upload.name) not in allowed:
            raise ValidationError(
                _("« %(name)s » n'est pas dans un format accepté (%(formats)s).")
                % {"name": upload.name, "formats": formats},
                code="invalid_extension",
            )
        limit = settings.MEMHISTO_MEDIA_MAX_UPLOAD_SIZE
        if upload.size > limit:
            raise ValidationError(
                _("Ce fichier fait %(size)s ; la limite est de %(limit)s.")
                % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
                code="file_too_large",
            )
        try:
            info = read_media(upload, upload.name, kind)
        except NotMediaError as exc:
            raise ValidationError(
                _(
                    "Le contenu de « %(name)s » n'est pas un enregistrement %(formats)s "
                    "lisible, malgré son nom : le fichier a peut-être été renommé. "
                    "Exportez-le à nouveau depuis votre logiciel audio ou vidéo."
                )
                % {"name": upload.name, "formats": formats},
                code="not_media",
            ) from exc
        self.instance.duration = round(info.duration, 2)
        return upload

    def clean_thumbnail(self):
        """A thumbnail must be an image in its content too, not only in its name."""
        thumbnail = self.cleaned_data.get("thumbnail")
        if isinstance(thumbnail, UploadedFile):
            try:
                with Image.open(thumbnail) as picture:
                    picture.verify()
            except (OSError, SyntaxError, ValueError) as exc:
                raise ValidationError(
                    _("Cette vignette n'est pas une image lisible (JPEG, PNG, GIF ou WebP)."),
                    code="invalid_image",
                ) from exc
            finally:
                thumbnail.seek(0)
        return thumbnail

    def formats_text(self):
        if self.instance.type == AUDIO:
            return _("MP3, M4A/AAC ou Ogg/Opus")
        return _("MP4 ou WebM")
