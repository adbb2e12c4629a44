/* The service worker, after its configuration (self.MEMHISTO_WORKER, core/webapp.py).

   Built with Workbox, served from node_modules. What it does:
   - at install, it stores the offline page of each language and the files it needs;
   - a page asked for goes to the network; with no network, a saved copy of it is shown
     (museums saved for offline), or else the offline page in the language of the URL;
   - the files of saved pages (styles, scripts, images, audio) come from the network when
     it answers, from the saved copy otherwise.
   The admin (page previews are admin URLs) and documents are never handled: the browser fetches them as if
   there were no worker. Nothing is stored here while browsing: only the install step and a
   museum saved on purpose store anything. */
/* global importScripts, workbox */
"use strict";

var config = self.MEMHISTO_WORKER;
importScripts(config.workbox, config.store);
workbox.setConfig({
    debug: false,
    modulePathCb: function (name) {
        return config.modules[name];
    },
});

/* Workbox loads a module when it is first named, which a worker may only do while it starts. */
var rangeRequests = workbox.rangeRequests;

workbox.precaching.precacheAndRoute(config.precache);
workbox.precaching.cleanupOutdatedCaches();

self.addEventListener("install", function () {
    self.skipWaiting();
});
self.addEventListener("activate", function (event) {
    event.waitUntil(self.clients.claim());
});

function handled(url, request) {
    if (url.origin !== self.location.origin || request.method !== "GET") {
        return false;
    }
    return !config.excludedPrefixes.some(function (prefix) {
        return url.pathname.indexOf(prefix) === 0;
    });
}

function languageOf(url) {
    var code = url.pathname.split("/")[1];
    return config.languages.indexOf(code) !== -1 ? code : config.languages[0];
}

/* The saved answer to `request`: the same address, or the picture or recording kept in
   its place (another width or format: the copy's substitutes); a page with another query
   string is the same page. A range of a recording is cut from the whole saved file. */
function savedCopy(request) {
    var url = new URL(request.url);
    var path = url.pathname + url.search;
    /* The saved museums (static/js/offline-store.js). */
    return self.MemhistoOffline.copies().then(function (copies) {
        return copies.reduce(function (found, copy) {
            return found.then(function (response) {
                if (response) {
                    return response;
                }
                var substitute = copy.info.substitutes[path] || copy.info.substitutes[url.pathname];
                return copy.cache.match(request, { ignoreVary: true }).then(function (match) {
                    if (match || !substitute) {
                        return match;
                    }
                    return copy.cache.match(substitute, { ignoreVary: true });
                }).then(function (match) {
                    if (match || request.mode !== "navigate") {
                        return match;
                    }
                    return copy.cache.match(request, { ignoreVary: true, ignoreSearch: true });
                });
            });
        }, Promise.resolve(undefined));
    }).then(function (response) {
        if (response && request.headers.has("range")) {
            return rangeRequests.createPartialResponse(request, response);
        }
        return response;
    });
}

var network = new workbox.strategies.NetworkOnly();

workbox.routing.registerRoute(
    function (options) {
        return options.request.mode === "navigate" && handled(options.url, options.request);
    },
    function (options) {
        return network.handle(options).catch(function () {
            return savedCopy(options.request).then(function (saved) {
                return saved || workbox.precaching.matchPrecache(config.offlinePages[languageOf(options.url)]);
            });
        });
    }
);

workbox.routing.registerRoute(
    function (options) {
        return options.request.mode !== "navigate" && handled(options.url, options.request);
    },
    function (options) {
        return network.handle(options).catch(function (error) {
            return savedCopy(options.request).then(function (saved) {
                if (saved) {
                    return saved;
                }
                throw error;
            });
        });
    }
);
