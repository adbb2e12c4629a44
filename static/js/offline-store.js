/* The museums saved for offline, the one place that reads and writes them: loaded by every
   public page (templates/base.html) and by the service worker (importScripts).

   A museum's pack (museum_pages/offline.py: addresses, size, version) is stored in a cache
   of its own, named "memhisto-saved:<language>:<museum URL>:<time the download started>".
   A copy is complete when it holds its description (OFFLINE_INFO), written last: nothing
   reads a cache without it, and a failed download is deleted at once (an interrupted one,
   a closed tab, some minutes later), so that nothing half-saved is ever shown. Once a copy
   is complete, the older copies of the same museum are deleted. One download at a time in
   the whole browser (Web Locks), whichever page or tab asks. */
(function (scope) {
    "use strict";

    var PREFIX = "memhisto-saved:";
    var OFFLINE_INFO = "/offline-info.json";
    var PARALLEL = 4;
    var ABANDONED = 10 * 60 * 1000; /* a download without its description after this long */
    var running = null; /* the refresh under way, shared by whoever asks for one */

    function keyOf(language, url) {
        return PREFIX + language + ":" + url + ":";
    }

    function getJson(url) {
        return fetch(url, { credentials: "same-origin", cache: "no-cache" }).then(function (response) {
            if (!response.ok) {
                throw new Error(url + ": " + response.status);
            }
            return response.json();
        });
    }

    function exclusively(task) {
        var locks = scope.navigator && scope.navigator.locks;
        return locks ? locks.request("memhisto-offline", task) : task();
    }

    /* The complete copies (of one museum when `language` and `url` are given), newest
       first: [{name, cache, info}]. */
    function copies(language, url) {
        var prefix = language ? keyOf(language, url) : PREFIX;
        return caches.keys().then(function (names) {
            return Promise.all(names.filter(function (name) {
                return name.indexOf(prefix) === 0;
            }).map(function (name) {
                return caches.open(name).then(function (cache) {
                    return cache.match(OFFLINE_INFO).then(function (response) {
                        return response ? response.json() : null;
                    }).then(function (info) {
                        return { name: name, cache: cache, info: info };
                    });
                });
            }));
        }).then(function (found) {
            found.forEach(function (copy) {
                var started = Number(copy.name.slice(copy.name.lastIndexOf(":") + 1)) || 0;
                if (!copy.info && Date.now() - started > ABANDONED) {
                    caches.delete(copy.name);
                }
            });
            return found.filter(function (copy) {
                return copy.info;
            }).sort(function (a, b) {
                return b.info.savedAt.localeCompare(a.info.savedAt);
            });
        });
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
        var storage = scope.navigator && scope.navigator.storage;
        if (!storage || !storage.estimate) {
            return Promise.resolve(true);
        }
        if (storage.persist) {
            storage.persist();
        }
        return storage.estimate().then(function (estimate) {
            return !estimate.quota || estimate.quota - (estimate.usage || 0) > size;
        });
    }

    /* Saves `pack` all or nothing; resolves with the museum's newest complete copy (the one
       there already when it has the pack's version). Fails with Error("no-room") when the
       device has no room for it, with another Error when a download failed. */
    function save(pack, onProgress) {
        return exclusively(function () {
            return copies(pack.language, pack.url).then(function (saved) {
                if (saved[0] && saved[0].info.version === pack.version) {
                    return saved[0];
                }
                var name = keyOf(pack.language, pack.url) + Date.now();
                return roomFor(pack.size).then(function (room) {
                    if (!room) {
                        throw new Error("no-room");
                    }
                    return caches.open(name);
                }).then(function (cache) {
                    return fetchAll(cache, pack.urls, onProgress || function () {}).then(function () {
                        var info = {
                            title: pack.title,
                            slug: pack.slug,
                            url: pack.url,
                            language: pack.language,
                            version: pack.version,
                            pack: pack.pack,
                            versions: pack.versions,
                            savedAt: new Date().toISOString(),
                            substitutes: pack.substitutes,
                        };
                        /* The commit: from here on the copy is complete. */
                        return cache.put(OFFLINE_INFO, new Response(JSON.stringify(info), {
                            headers: { "Content-Type": "application/json" },
                        }));
                    });
                }).then(function () {
                    return copies(pack.language, pack.url);
                }).then(function (complete) {
                    complete.slice(1).forEach(function (copy) {
                        caches.delete(copy.name);
                    });
                    return complete[0];
                }).catch(function (error) {
                    return caches.delete(name).then(function () {
                        throw error;
                    });
                });
            });
        });
    }

    /* Every saved museum of an older publication saved again, one at a time: one request
       per language for the versions of the saved museums, then the pack of each one out
       of date. A museum gone from the site, or one that fails to download, keeps its
       copy, dated. Never fails. */
    function refresh() {
        if (running) {
            return running;
        }
        running = copies().then(function (saved) {
            var newest = {};
            var asked = {};
            saved.forEach(function (copy) {
                var museum = copy.info.language + copy.info.url;
                if (!newest[museum] && copy.info.versions) {
                    newest[museum] = copy;
                    (asked[copy.info.versions] = asked[copy.info.versions] || []).push(copy.info);
                }
            });
            return Object.keys(asked).reduce(function (previous, versionsUrl) {
                var infos = asked[versionsUrl];
                var slugs = infos.map(function (info) {
                    return encodeURIComponent(info.slug);
                }).join(",");
                return previous.then(function () {
                    return getJson(versionsUrl + "?museums=" + slugs);
                }).then(function (versions) {
                    return infos.filter(function (info) {
                        return versions[info.slug] && versions[info.slug] !== info.version;
                    }).reduce(function (done, info) {
                        return done.then(function () {
                            return getJson(info.pack);
                        }).then(function (pack) {
                            return save(pack);
                        }).catch(function () {
                            /* kept as it was, with its date; tried again next time */
                        });
                    }, Promise.resolve());
                }).catch(function () {
                    /* no answer: tried again next time */
                });
            }, Promise.resolve());
        }).then(function () {
            running = null;
        });
        return running;
    }

    scope.MemhistoOffline = {
        copies: copies,
        save: save,
        refresh: refresh,
        getJson: getJson,
    };
})(self);
