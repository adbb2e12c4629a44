/* The offline page's list of what is saved on this device: the museums saved for offline
   (static/js/offline-save.js), each in its own cache named "memhisto-saved:<language>:<path>"
   holding a description of the copy (OFFLINE_INFO). The page's own language first. */
(function () {
    "use strict";

    var list = document.getElementById("offline-saved-list");
    var empty = document.getElementById("offline-saved-empty");
    if (!list || !window.caches) {
        return;
    }
    var language = list.getAttribute("data-language");
    var savedOn = list.getAttribute("data-saved-on");
    var PREFIX = "memhisto-saved:";
    var OFFLINE_INFO = "/offline-info.json";

    function describe(name) {
        return caches.open(name).then(function (cache) {
            return cache.match(OFFLINE_INFO);
        }).then(function (response) {
            return response ? response.json() : null;
        });
    }

    caches.keys().then(function (names) {
        return Promise.all(names.filter(function (name) {
            return name.indexOf(PREFIX) === 0;
        }).map(describe));
    }).then(function (copies) {
        copies = copies.filter(Boolean).sort(function (a, b) {
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
