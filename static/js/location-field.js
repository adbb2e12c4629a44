// wagtailgeowidget's location field tells the truth about an empty position.
//
// Its LeafletField writes its default position (GEO_WIDGET_DEFAULT_LOCATION, the middle of
// the Hauts-de-France) into the visible "lat,lng" box as soon as the map is set up, even
// when no position is saved: a new museum seemed placed where it was not. When the saved
// value is empty, the box stays empty (with its placeholder) until the editor places the
// point, searches the address or types a position; the map still opens on the region.
// A click on the map places the point there (the widget itself only lets the editor drag
// the marker, which is hard on a phone and the help texts say "click").
// Loaded after wagtailgeowidget's leaflet-field.js, before its Stimulus controller.
(function () {
    "use strict";
    var setup = LeafletField.prototype.setup;
    var updateMapFromCoords = LeafletField.prototype.updateMapFromCoords;
    var initEvents = LeafletField.prototype.initEvents;

    LeafletField.prototype.setup = function () {
        if (this.hasSetup || this.sourceField.val()) {
            return setup.call(this);
        }
        var updateLatLng = this.updateLatLng;
        this.updateLatLng = function () {};
        setup.call(this);
        this.updateLatLng = updateLatLng;
        this.latLngField.attr("placeholder", this.translations.initialize_map);
    };

    LeafletField.prototype.initEvents = function () {
        var self = this;
        initEvents.call(this);
        this.map.on("click", function (event) {
            self.clearFieldMessage({ field: self.latLngField });
            self.setMapPosition(event.latlng);
            self.updateLatLng(event.latlng);
            self.writeLocation(event.latlng);
        });
    };

    // An empty box gives no position: the map stays where it is.
    LeafletField.prototype.updateMapFromCoords = function (latLng) {
        if (latLng) {
            updateMapFromCoords.call(this, latLng);
        }
    };
})();
