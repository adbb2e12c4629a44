"""The admin form of every content page: only images the editor may choose."""

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.images import get_image_model
from wagtail.permissions import policy_registry


class ContentPageForm(WagtailAdminPageForm):
    """The hero image can only be one the editor may choose (their museum's collection),
    or the image the page already has."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("hero_image")
        if field is None or self.for_user is None:
            return
        policy = policy_registry.get_by_type(get_image_model())
        allowed = policy.instances_user_has_any_permission_for(self.for_user, ["choose"])
        current = get_image_model().objects.filter(pk=self.instance.hero_image_id)
        field.queryset = (allowed | current).distinct()
