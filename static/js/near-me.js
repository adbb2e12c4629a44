/* "Near me" on the home page's list of museums. The button shows only where the browser can
   give a position; the position is asked only when the visitor presses it, then the cards
   are sorted by distance here, from the coordinates the page carries on each card
   (data-lat, data-lng): nothing is sent to the server. Refused or unavailable, the page
   says so and offers the town or postcode field, which the server sorts by (?near=).
   Without JavaScript or geolocation, the field is simply there. */
(function () {
    "use strict";
    var form = document.querySelector("[data-near-form]");
    var list = document.querySelector("[data-museum-list]");
    var button = form && form.querySelector("[data-near-me]");
    var field = form && form.querySelector("[data-near-field]");
    var status = document.querySelector("[data-near-status]");
    if (!form || !list || !button || !field || !status || !("geolocation" in navigator)) {
        return;
    }
    button.hidden = false;
    // The town field comes back when the position is refused (or was typed already).
    if (!field.hasAttribute("data-near-typed")) {
        field.hidden = true;
    }
    var numbers = new Intl.NumberFormat(document.documentElement.lang, { maximumFractionDigits: 0 });

    function say(text) {
        status.textContent = "";
        var line = document.createElement("p");
        line.className = "notice";
        line.textContent = text;
        status.appendChild(line);
    }

    function radians(degrees) {
        return degrees * Math.PI / 180;
    }

    // The great-circle distance in km (as museum_pages/practical/geography.py computes it).
    function kilometres(lat1, lng1, lat2, lng2) {
        var h = Math.pow(Math.sin(radians(lat2 - lat1) / 2), 2)
            + Math.cos(radians(lat1)) * Math.cos(radians(lat2))
            * Math.pow(Math.sin(radians(lng2 - lng1) / 2), 2);
        return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
    }

    function sortFrom(latitude, longitude) {
        var items = Array.prototype.slice.call(list.children);
        items.forEach(function (item) {
            var distance = item.dataset.lat === undefined ? Infinity : kilometres(
                latitude, longitude, Number(item.dataset.lat), Number(item.dataset.lng)
            );
            item.dataset.distance = String(distance);
            var label = item.querySelector("[data-distance]");
            if (label) {
                label.textContent = isFinite(distance)
                    ? " · " + list.dataset.distanceText.replace("{km}", numbers.format(distance))
                    : "";
            }
        });
        items.sort(function (a, b) {
            return Number(a.dataset.distance) - Number(b.dataset.distance);
        });
        items.forEach(function (item) {
            list.appendChild(item);
        });
        say(button.dataset.sorted);
    }

    function refused() {
        field.hidden = false;
        say(button.dataset.refused);
        field.querySelector("input").focus();
    }

    button.addEventListener("click", function () {
        button.setAttribute("aria-busy", "true");
        navigator.geolocation.getCurrentPosition(
            function (position) {
                button.removeAttribute("aria-busy");
                sortFrom(position.coords.latitude, position.coords.longitude);
            },
            function () {
                button.removeAttribute("aria-busy");
                refused();
            },
            { maximumAge: 600000, timeout: 15000 }
        );
    });
})();
