/* The base of every public map (home, route): a Leaflet map in the page's language.

   Leaflet writes its control names in English ("Zoom in", "Close popup"); the template
   gives them in the page's language on the map element (templates/includes/map_language.html),
   with the OpenStreetMap attribution. Loaded after leaflet.js, before the page's own map script. */
(function () {
    "use strict";

    function create(element) {
        var strings = element.dataset;
        var map = L.map(element, { scrollWheelZoom: false, zoomControl: false });
        L.control.zoom({ zoomInTitle: strings.zoomIn, zoomOutTitle: strings.zoomOut }).addTo(map);
        L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
            maxZoom: 18,
            attribution: '<a href="https://www.openstreetmap.org/copyright">' +
                strings.attribution.replace(/</g, "&lt;") + "</a>",
        }).addTo(map);
        map.on("popupopen", function (event) {
            var close = event.popup.getElement().querySelector(".leaflet-popup-close-button");
            if (close) {
                close.setAttribute("aria-label", strings.closePopup);
                close.title = strings.closePopup;
            }
        });
        return map;
    }

    /* "Zum Museum: Carrière Wellington": a translated pattern, filled without HTML. */
    function fill(pattern, values) {
        return pattern.replace(/\{(\w+)\}/g, function (whole, name) {
            return Object.prototype.hasOwnProperty.call(values, name) ? String(values[name]) : whole;
        });
    }

    window.MemHistoMap = { create: create, fill: fill };
}());
