"""wagtailgeowidget's location picker, with our own copy of Leaflet instead of unpkg.com's.

wagtailgeowidget has no setting for Leaflet's address: its widget loads it from a public
CDN (STYLE.md, trap 10). Serving the npm copy (/static/vendor/leaflet/) keeps the admin's
content security policy free of third-party script hosts.
"""

from django import forms
from django.utils.functional import cached_property
from wagtailgeowidget import panels, widgets


class LocalLeafletField(widgets.LeafletField):
    @cached_property
    def media(self):
        return forms.Media(
            css={"all": ("wagtailgeowidget/css/leaflet-field.css", "vendor/leaflet/leaflet.css")},
            js=(
                "wagtailgeowidget/js/leaflet-field.js",
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
