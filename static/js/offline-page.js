/* The offline page's list of what is saved on this device: the museums saved for offline
   (static/js/offline-store.js), the page's own language first. */
(function () {
    "use strict";

    var list = document.getElementById("offline-saved-list");
    var empty = document.getElementById("offline-saved-empty");
    if (!list || !window.caches || !window.MemhistoOffline) {
        return;
    }
    var language = list.getAttribute("data-language");
    var savedOn = list.getAttribute("data-saved-on");

    window.MemhistoOffline.copies().then(function (copies) {
        var seen = {};
        copies = copies.map(function (copy) {
            return copy.info;
        }).filter(function (copy) {
            var museum = copy.language + copy.url;
            var first = !seen[museum];
            seen[museum] = true;
            return first;
        }).sort(function (a, b) {
            return (b.language === language) - (a.language === language) || a.title.localeCompare(b.title);
        });
        copies.forEach(function (copy) {
            var item = document.createElement("li");
            var link = document.createElement("a");
            link.href = copy.url;
            link.textContent = copy.title;
            link.lang = copy.language;
            item.appendChild(link);
            var date = new Date(copy.savedAt).toLocaleDateString(language, { day: "numeric", month: "long", year: "numeric" });
            item.appendChild(document.createTextNode(" — " + savedOn.replace("{date}", date)));
            list.appendChild(item);
        });
        empty.hidden = copies.length > 0;
    });
})();
