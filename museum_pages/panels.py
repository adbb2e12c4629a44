"""wagtailgeowidget's location picker, with our own copy of Leaflet instead of unpkg.com's,
and no position shown that is not saved.

wagtailgeowidget has no setting for Leaflet's address: its widget loads it from a public
CDN (STYLE.md, trap 10). Serving the npm copy (/static/vendor/leaflet/) keeps the admin's
content security policy free of third-party script hosts.

Its field showed its default position ("50.15,2.75") when no position was saved: with no
value, the map stays folded until the editor turns to it (wagtailgeowidget's "empty
location" mode, for this field only) and js/location-field.js keeps the box empty.
"""

import json

from django import forms
from django.utils.functional import cached_property
from wagtailgeowidget import panels, widgets


class LocalLeafletField(widgets.LeafletField):
    def build_attrs(self, *args, **kwargs):
        attrs = super().build_attrs(*args, **kwargs)
        options_attr = "data-leaflet-field-options-value"
        if options_attr in attrs:
            options = json.loads(attrs[options_attr])
            options["showEmptyLocation"] = not self.value_data
            attrs[options_attr] = json.dumps(options)
        return attrs

    @cached_property
    def media(self):
        return forms.Media(
            css={"all": ("wagtailgeowidget/css/leaflet-field.css", "vendor/leaflet/leaflet.css")},
            js=(
                "wagtailgeowidget/js/leaflet-field.js",
                "js/location-field.js",
                "wagtailgeowidget/js/leaflet-field-controller.js",
                "vendor/leaflet/leaflet.js",
            ),
        )


class LeafletPanel(panels.LeafletPanel):
    """wagtailgeowidget's LeafletPanel, with the widget above (same arguments)."""

    def widget_overrides(self):
        field = self.model._meta.get_field(self.field_name)
        return {
            self.field_name: LocalLeafletField(
                address_field=self.address_field,
                zoom_field=self.zoom_field,
                hide_latlng=self.hide_latlng,
                zoom=self.zoom,
                srid=getattr(field, "srid", 4326),
                id_prefix="id_",
            )
        }
