"""The admin's image form: one fix to Wagtail's file check, and renditions made again when
an image's file is replaced."""

from django.core.exceptions import ValidationError
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

from core import renditions


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
