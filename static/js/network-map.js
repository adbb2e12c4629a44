/* The network map on the home page: one marker per museum, from the data embedded in the
   page (json_script). Without JavaScript the map stays hidden and the list is the map. */
(function () {
    "use strict";
    var element = document.getElementById("network-map");
    var data = document.getElementById("map-markers");
    if (!element || !data || typeof L === "undefined") {
        return;
    }
    var markers = JSON.parse(data.textContent);
    element.hidden = false;
    var map = L.map(element, { scrollWheelZoom: false }).setView([50.15, 2.75], 8);
    L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
        maxZoom: 18,
        attribution: '<a href="https://www.openstreetmap.org/copyright">' +
            element.dataset.attribution.replace(/</g, "&lt;") + "</a>",
    }).addTo(map);

    function text(tag, className, value) {
        var node = document.createElement(tag);
        node.className = className;
        node.textContent = value;
        return node;
    }

    var bounds = [];
    markers.forEach(function (museum) {
        var icon = L.divIcon({
            className: "map-marker" + (museum.open ? " map-marker--open" : ""),
            html: "",
            iconSize: [28, 28],
            iconAnchor: [14, 14],
            popupAnchor: [0, -14],
        });
        var marker = L.marker([museum.lat, museum.lng], {
            icon: icon,
            title: museum.name,
            alt: museum.name,
            keyboard: true,
        }).addTo(map);
        var markerElement = marker.getElement();
        markerElement.setAttribute("aria-label", museum.name + ", " + museum.town);
        if (museum.colour) {
            markerElement.style.setProperty("--marker-colour", museum.colour);
        }
        var popup = document.createElement("div");
        popup.className = "map-popup";
        popup.appendChild(text("strong", "map-popup__name", museum.name));
        popup.appendChild(text("span", "map-popup__town", museum.town));
        popup.appendChild(text("span", "map-popup__status", museum.status));
        var link = text("a", "map-popup__link", element.dataset.linkText);
        link.href = museum.url;
        link.setAttribute("aria-label", element.dataset.linkText + " : " + museum.name);
        popup.appendChild(link);
        marker.bindPopup(popup);
        bounds.push([museum.lat, museum.lng]);
    });
    if (bounds.length > 1) {
        map.fitBounds(bounds, { padding: [24, 24] });
    } else if (bounds.length === 1) {
        map.setView(bounds[0], 10);
    }
})();
