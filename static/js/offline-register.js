/* Registers the service worker (core/webapp.py) on public pages, so that the offline page
   and the museums a visitor saves are there without signal, and keeps the saved museums
   fresh: on every page opened with signal, and when the signal comes back, the copies of
   an older publication are saved again (static/js/offline-store.js). A page served to a
   signed-in editor or translator says so (<meta name="memhisto-signed-in">): nothing is
   stored for them, and a worker registered earlier in this browser is removed. */
(function () {
    "use strict";

    var script = document.currentScript;
    if (!("serviceWorker" in navigator) || !script || location.pathname.indexOf("/admin/") === 0) {
        return;
    }
    if (document.querySelector('meta[name="memhisto-signed-in"]')) {
        navigator.serviceWorker.getRegistrations().then(function (registrations) {
            registrations.forEach(function (registration) {
                registration.unregister();
            });
        });
        return;
    }
    navigator.serviceWorker.register(script.getAttribute("data-worker"), { scope: "/" })
        .catch(function () {
            /* A browser that refuses workers (private mode, settings) keeps the site online. */
        });

    var store = window.MemhistoOffline;
    function refresh() {
        if (store && window.caches && navigator.onLine) {
            store.refresh();
        }
    }
    refresh();
    window.addEventListener("online", refresh);
})();
