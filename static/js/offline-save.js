/* "Save for offline" on a museum page (museum_pages/templates/museum_pages/includes/offline_save.html).

   The museum's pack (museum_pages/offline.py: addresses, size, version) is saved all or
   nothing by static/js/offline-store.js, which also keeps saved copies fresh: on a visit
   with signal, a copy of an older publication is saved again (as on every other page). */
(function () {
    "use strict";

    var section = document.querySelector("[data-offline-save]");
    var store = window.MemhistoOffline;
    if (!section || !store || !window.caches || !("serviceWorker" in navigator) || !window.fetch) {
        return;
    }
    if (document.querySelector('meta[name="memhisto-signed-in"]')) {
        return; /* nothing is stored for a signed-in editor (offline-register.js) */
    }

    var language = section.getAttribute("data-language");
    var museumUrl = section.getAttribute("data-museum-url");
    var status = section.querySelector("[data-offline-status]");
    var progress = section.querySelector("[data-offline-progress]");
    var saveButton = section.querySelector('[data-offline-action="save"]');
    var removeButton = section.querySelector('[data-offline-action="remove"]');
    var sizeNode = section.querySelector("[data-offline-size]");
    var pack = null;

    function message(name, values) {
        var text = section.getAttribute("data-" + name);
        Object.keys(values || {}).forEach(function (placeholder) {
            text = text.replace("{" + placeholder + "}", values[placeholder]);
        });
        return text;
    }

    function dateText(iso) {
        return new Date(iso).toLocaleDateString(language, { day: "numeric", month: "long" });
    }

    function newestCopy() {
        return store.copies(language, museumUrl).then(function (copies) {
            return copies[0];
        });
    }

    /* `copy`: the newest complete copy or undefined; `settled`: no update is under way. */
    function show(copy, settled) {
        progress.hidden = true;
        saveButton.hidden = pack === null || (Boolean(copy) && copy.info.version === pack.version);
        removeButton.hidden = !copy;
        if (!copy) {
            status.textContent = "";
        } else if (pack === null) {
            status.textContent = message(navigator.onLine ? "outdated" : "offline", { date: dateText(copy.info.savedAt) });
        } else if (copy.info.version === pack.version) {
            status.textContent = message("saved", { date: dateText(copy.info.savedAt) });
        } else {
            status.textContent = message(settled ? "outdated" : "updating", { date: dateText(copy.info.savedAt) });
        }
        section.hidden = false;
    }

    function save() {
        if (pack === null || saveButton.disabled) {
            return Promise.resolve();
        }
        var percent = new Intl.NumberFormat(language, { style: "percent" });
        saveButton.disabled = true;
        status.textContent = message("saving", { percent: percent.format(0) });
        return store.save(pack, function (share) {
            progress.hidden = false;
            progress.value = Math.round(share * 100);
            status.textContent = message("saving", { percent: percent.format(share) });
        }).then(function (copy) {
            saveButton.disabled = false;
            show(copy, true);
        }).catch(function (error) {
            saveButton.disabled = false;
            return newestCopy().then(function (copy) {
                show(copy, true);
                status.textContent = error.message === "no-room"
                    ? message("no-room", { size: pack.size_text })
                    : message("failed");
            });
        });
    }

    function remove() {
        return store.copies(language, museumUrl).then(function (copies) {
            return Promise.all(copies.map(function (copy) {
                return caches.delete(copy.name);
            }));
        }).then(function () {
            show(undefined, true);
        });
    }

    saveButton.addEventListener("click", save);
    removeButton.addEventListener("click", remove);

    var packRequest = navigator.onLine
        ? store.getJson(section.getAttribute("data-pack")).catch(function () {
            return null;
        })
        : Promise.resolve(null);

    Promise.all([packRequest, newestCopy()]).then(function (results) {
        pack = results[0];
        var copy = results[1];
        if (pack) {
            sizeNode.textContent = "(" + message("about", { size: pack.size_text }) + ")";
        }
        if (!pack && !copy) {
            return; /* no signal and nothing saved: nothing to offer */
        }
        var outdated = pack && copy && copy.info.version !== pack.version;
        show(copy, !outdated);
        if (outdated) {
            /* Fresh when possible: the update every page starts (offline-register.js). */
            store.refresh().then(newestCopy).then(function (newest) {
                show(newest, true);
            });
        }
    });
})();
