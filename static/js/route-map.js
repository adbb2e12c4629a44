/* A route's map: its stops numbered in order, joined by a line, from the data embedded in
   the page (json_script). The ordered list of stops below the map is its accessible
   alternative; without JavaScript the map stays hidden and the list is the route.
   Also shows the "print" button, which needs a script. */
(function () {
    "use strict";
    var printButton = document.querySelector("[data-print]");
    if (printButton) {
        printButton.hidden = false;
        printButton.addEventListener("click", function () { window.print(); });
    }
    var element = document.getElementById("route-map");
    var data = document.getElementById("route-stops");
    if (!element || !data || typeof L === "undefined") {
        return;
    }
    var stops = JSON.parse(data.textContent);
    if (!stops.length) {
        return;
    }
    element.hidden = false;
    var map = MemHistoMap.create(element);
    /* A numbered div icon that sets its accessible name on the element it creates. */
    var NumberedIcon = L.DivIcon.extend({
        createIcon: function (oldIcon) {
            var node = L.DivIcon.prototype.createIcon.call(this, oldIcon);
            node.setAttribute("aria-label", this.options.label);
            return node;
        },
    });

    function text(tag, className, value) {
        var node = document.createElement(tag);
        node.className = className;
        node.textContent = value;
        return node;
    }

    var points = stops.map(function (stop) { return [stop.lat, stop.lng]; });
    L.polyline(points, { color: "#8a2d1a", weight: 4, opacity: 0.8, interactive: false }).addTo(map);
    stops.forEach(function (stop) {
        var label = MemHistoMap.fill(element.dataset.stopLabel, { number: stop.position, name: stop.name });
        var marker = L.marker([stop.lat, stop.lng], {
            icon: new NumberedIcon({
                className: "route-marker",
                html: String(stop.position),
                iconSize: [32, 32],
                iconAnchor: [16, 16],
                popupAnchor: [0, -16],
                label: label,
            }),
            title: label,
            keyboard: true,
        }).addTo(map);
        var popup = document.createElement("div");
        popup.className = "map-popup";
        popup.appendChild(text("strong", "map-popup__name", stop.position + ". " + stop.name));
        if (stop.town) {
            popup.appendChild(text("span", "map-popup__town", stop.town));
        }
        if (stop.url) {
            var link = text("a", "map-popup__link", element.dataset.linkText);
            link.href = stop.url;
            link.setAttribute("aria-label", MemHistoMap.fill(element.dataset.linkLabel, { name: stop.name }));
            popup.appendChild(link);
        }
        marker.bindPopup(popup, { autoPanPaddingTopLeft: L.point(8, 84) });
    });
    if (points.length > 1) {
        map.fitBounds(L.latLngBounds(points), { paddingTopLeft: [56, 32], paddingBottomRight: [32, 32] });
    } else {
        map.setView(points[0], 11);
    }
})();
