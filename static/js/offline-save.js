/* "Save for offline" on a museum page (museum_pages/templates/museum_pages/includes/offline_save.html).

   The museum's pack (museum_pages/offline.py: addresses, size, version) is stored in a cache
   of its own, named "memhisto-saved:<language>:<museum URL>:<time of saving>". A copy is
   complete when it holds its description (OFFLINE_INFO), written last: the service worker
   and the offline page ignore a cache without it, and a failed or interrupted download is
   deleted, so that nothing half-saved is ever shown. Once complete, the older copies of the
   same museum are deleted.

   On a later visit with signal, a copy whose version is not the pack's is saved again. */
(function () {
    "use strict";

    var section = document.querySelector("[data-offline-save]");
    if (!section || !window.caches || !("serviceWorker" in navigator) || !window.fetch) {
        return;
    }
    if (document.querySelector('meta[name="memhisto-signed-in"]')) {
        return; /* nothing is stored for a signed-in editor (offline-register.js) */
    }

    var PREFIX = "memhisto-saved:";
    var OFFLINE_INFO = "/offline-info.json";
    var PARALLEL = 4;
    var language = section.getAttribute("data-language");
    var museumUrl = section.getAttribute("data-museum-url");
    var key = PREFIX + language + ":" + museumUrl + ":";
    var status = section.querySelector("[data-offline-status]");
    var progress = section.querySelector("[data-offline-progress]");
    var saveButton = section.querySelector('[data-offline-action="save"]');
    var removeButton = section.querySelector('[data-offline-action="remove"]');
    var sizeNode = section.querySelector("[data-offline-size]");
    var pack = null;
    var busy = false;

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

    /* The complete copies of this museum, newest first: [{name, info}]. */
    function savedCopies() {
        return caches.keys().then(function (names) {
            return Promise.all(names.filter(function (name) {
                return name.indexOf(key) === 0;
            }).map(function (name) {
                return caches.open(name).then(function (cache) {
                    return cache.match(OFFLINE_INFO);
                }).then(function (response) {
                    return response ? response.json().then(function (info) {
                        return { name: name, info: info };
                    }) : { name: name, info: null };
                });
            }));
        }).then(function (copies) {
            /* A copy without its description is a download that did not finish. */
            copies.filter(function (copy) { return !copy.info; }).forEach(function (copy) {
                if (!busy) {
                    caches.delete(copy.name);
                }
            });
            return copies.filter(function (copy) { return copy.info; }).sort(function (a, b) {
                return b.info.savedAt.localeCompare(a.info.savedAt);
            });
        });
    }

    function show(copy) {
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
            status.textContent = message("updating", { date: dateText(copy.info.savedAt) });
        }
        section.hidden = false;
    }

    /* Every address into `cache`, a few at a time; the first failure stops the others. */
    function fetchAll(cache, urls, onProgress) {
        var index = 0;
        var done = 0;
        var failed = false;
        function next() {
            if (failed || index >= urls.length) {
                return Promise.resolve();
            }
            var url = urls[index++];
            return fetch(url, { credentials: "same-origin", cache: "no-cache" }).then(function (response) {
                if (!response.ok) {
                    throw new Error(url + ": " + response.status);
                }
                return cache.put(url, response);
            }).then(function () {
                done += 1;
                if (!failed) {
                    onProgress(done / urls.length);
                }
                return next();
            }).catch(function (error) {
                failed = true;
                throw error;
            });
        }
        var workers = [];
        for (var i = 0; i < PARALLEL; i++) {
            workers.push(next());
        }
        return Promise.all(workers);
    }

    function roomFor(size) {
        if (!navigator.storage || !navigator.storage.estimate) {
            return Promise.resolve(true);
        }
        if (navigator.storage.persist) {
            navigator.storage.persist();
        }
        return navigator.storage.estimate().then(function (estimate) {
            return !estimate.quota || estimate.quota - (estimate.usage || 0) > size;
        });
    }

    function save() {
        if (busy || pack === null) {
            return Promise.resolve();
        }
        busy = true;
        var name = key + Date.now();
        var percent = new Intl.NumberFormat(language, { style: "percent" });
        saveButton.disabled = true;
        return roomFor(pack.size).then(function (room) {
            if (!room) {
                throw new Error("no-room");
            }
            progress.hidden = false;
            progress.value = 0;
            status.textContent = message("saving", { percent: percent.format(0) });
            return caches.open(name);
        }).then(function (cache) {
            return fetchAll(cache, pack.urls, function (share) {
                progress.value = Math.round(share * 100);
                status.textContent = message("saving", { percent: percent.format(share) });
            }).then(function () {
                var info = {
                    title: pack.title,
                    url: pack.url,
                    language: pack.language,
                    version: pack.version,
                    savedAt: new Date().toISOString(),
                    substitutes: pack.substitutes,
                };
                /* The commit: from here on the copy is complete. */
                return cache.put(OFFLINE_INFO, new Response(JSON.stringify(info), {
                    headers: { "Content-Type": "application/json" },
                }));
            });
        }).then(function () {
            busy = false;
            return savedCopies();
        }).then(function (copies) {
            copies.slice(1).forEach(function (copy) {
                caches.delete(copy.name);
            });
            saveButton.disabled = false;
            show(copies[0]);
        }).catch(function (error) {
            busy = false;
            saveButton.disabled = false;
            return caches.delete(name).then(savedCopies).then(function (copies) {
                show(copies[0]);
                status.textContent = error.message === "no-room"
                    ? message("no-room", { size: pack.size_text })
                    : message("failed");
            });
        });
    }

    function remove() {
        return savedCopies().then(function (copies) {
            return Promise.all(copies.map(function (copy) {
                return caches.delete(copy.name);
            }));
        }).then(function () {
            show(null);
        });
    }

    saveButton.addEventListener("click", save);
    removeButton.addEventListener("click", remove);

    var packRequest = navigator.onLine
        ? fetch(section.getAttribute("data-pack"), { credentials: "same-origin", cache: "no-cache" }).then(function (response) {
            return response.ok ? response.json() : null;
        }).catch(function () {
            return null;
        })
        : Promise.resolve(null);

    Promise.all([packRequest, savedCopies()]).then(function (results) {
        pack = results[0];
        var copy = results[1][0];
        if (pack) {
            sizeNode.textContent = "(" + message("about", { size: pack.size_text }) + ")";
        }
        if (!pack && !copy) {
            return; /* no signal and nothing saved: nothing to offer */
        }
        show(copy);
        /* Fresh when possible: a copy of an older publication is saved again. */
        if (pack && copy && copy.info.version !== pack.version) {
            save();
        }
    });
})();
