/* The network map on the home page: one marker per museum, from the data embedded in the
   page (json_script). Markers that would overlap are grouped in a cluster (Leaflet.markercluster)
   so that every target stays at least 24×24 px and apart from the others (WCAG 2.2, 2.5.8);
   a cluster is a button that zooms in on its museums, with the mouse or with Enter.
   Without JavaScript the map stays hidden, and so does the note about it: the list is the map. */
(function () {
    "use strict";
    var element = document.getElementById("network-map");
    var data = document.getElementById("map-markers");
    var labelData = document.getElementById("map-cluster-labels");
    if (!element || !data || typeof L === "undefined" || !L.markerClusterGroup) {
        return;
    }
    var markers = JSON.parse(data.textContent);
    // "3 musées — zoomer", by count, translated on the server (plural forms differ by language).
    var clusterLabels = labelData ? JSON.parse(labelData.textContent) : {};
    var reduceMotion = window.matchMedia
        && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    element.hidden = false;
    // The note that the list below gives the same museums only makes sense beside a map.
    var note = document.getElementById("network-map-note");
    if (note) {
        note.hidden = false;
    }
    var map = MemHistoMap.create(element);

    /* A div icon that sets its accessible name (and theme colour) on the element each time
       Leaflet creates it: markercluster removes a marker's element when it joins a cluster and
       creates a new one when the cluster opens. Styles go through the CSSOM, which the page's
       content security policy allows (no style attribute is written as text). */
    var LabelledIcon = L.DivIcon.extend({
        createIcon: function (oldIcon) {
            var node = L.DivIcon.prototype.createIcon.call(this, oldIcon);
            node.setAttribute("aria-label", this.options.label);
            if (this.options.colour) {
                node.style.setProperty("--marker-colour", this.options.colour);
            }
            return node;
        },
    });

    function text(tag, className, value) {
        var node = document.createElement(tag);
        node.className = className;
        node.textContent = value;
        return node;
    }

    var group = L.markerClusterGroup({
        /* Markers closer than this (in px) are grouped: more than the diagonal of a cluster's
           44 px box, so that the boxes of two targets never overlap, which is what Lighthouse
           measures. */
        maxClusterRadius: 64,
        showCoverageOnHover: false,
        // Opening a cluster is done below, with room around its museums.
        zoomToBoundsOnClick: false,
        spiderfyOnMaxZoom: true,
        animate: !reduceMotion,
        iconCreateFunction: function (cluster) {
            var count = cluster.getChildCount();
            return new LabelledIcon({
                className: "map-cluster",
                html: String(count),
                iconSize: [44, 44],
                label: clusterLabels[count] || String(count),
            });
        },
    });

    var layers = markers.map(function (museum) {
        var marker = L.marker([museum.lat, museum.lng], {
            icon: new LabelledIcon({
                className: "map-marker" + (museum.open ? " map-marker--open" : ""),
                html: "",
                iconSize: [28, 28],
                iconAnchor: [14, 14],
                popupAnchor: [0, -14],
                label: museum.name + ", " + museum.town,
                colour: museum.colour,
            }),
            title: museum.name,
            keyboard: true,
        });
        var popup = document.createElement("div");
        popup.className = "map-popup";
        popup.appendChild(text("strong", "map-popup__name", museum.name));
        popup.appendChild(text("span", "map-popup__town", museum.town));
        popup.appendChild(text("span", "map-popup__status", museum.status));
        var link = text("a", "map-popup__link", element.dataset.linkText);
        link.href = museum.url;
        link.setAttribute("aria-label", MemHistoMap.fill(element.dataset.linkLabel, { name: museum.name }));
        popup.appendChild(link);
        // Opened below the zoom buttons, which would cover its first line on a phone.
        marker.bindPopup(popup, { autoPanPaddingTopLeft: L.point(8, 84) });
        return marker;
    });
    /* The first view is set before the clusters are added, so that they are made once at the
       right zoom, without an animation from another view. */
    if (layers.length > 1) {
        var bounds = L.latLngBounds(layers.map(function (marker) { return marker.getLatLng(); }));
        // More room at the top left, where the zoom buttons are.
        map.fitBounds(bounds, { paddingTopLeft: [56, 24], paddingBottomRight: [24, 24] });
    } else if (layers.length === 1) {
        map.setView(layers[0].getLatLng(), 10);
    } else {
        map.setView([50.15, 2.75], 8);
    }
    group.addLayers(layers);
    map.addLayer(group);

    /* A cluster opens, with the mouse or with Enter, by zooming in on its museums, one zoom
       level at least, with room left at the edges of the map (markercluster's own zoom puts
       them on the very edge, half hidden) and at the top left for the zoom buttons. */
    var roomTopLeft = L.point(56, 32);
    var roomBottomRight = L.point(32, 32);
    function zoomInOn(bounds) {
        var zoom = map.getBoundsZoom(bounds, false, roomTopLeft.add(roomBottomRight));
        zoom = Math.min(Math.max(zoom, map.getZoom() + 1), map.getMaxZoom());
        var middle = map.project(bounds.getSouthWest(), zoom)
            .add(map.project(bounds.getNorthEast(), zoom)).divideBy(2)
            .add(roomBottomRight.subtract(roomTopLeft).divideBy(2));
        map.setView(map.unproject(middle, zoom), zoom);
    }

    /* After Enter, markercluster puts the focus back on the map; move it on to the first museum
       of the cluster once it shows, so that Tab goes on from there. */
    var focusAfterZoom = null;
    group.on("clusterclick clusterkeypress", function (event) {
        var enter = event.originalEvent && event.originalEvent.keyCode === 13;
        if (event.type === "clusterkeypress" && !enter) {
            return;
        }
        if (map.getZoom() >= map.getMaxZoom()) {
            return; // markercluster spreads out the museums that share a place
        }
        focusAfterZoom = enter ? event.layer.getAllChildMarkers()[0] : null;
        zoomInOn(event.layer.getBounds());
    });
    group.on("animationend", function () {
        if (!focusAfterZoom) {
            return;
        }
        var shown = group.getVisibleParent(focusAfterZoom);
        focusAfterZoom = null;
        var target = shown && shown.getElement();
        if (target) {
            target.focus({ preventScroll: true });
        }
    });
})();
