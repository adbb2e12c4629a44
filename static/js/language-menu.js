/* The language menu of the header (templates/includes/language_switcher.html), a <details>
   that opens and closes with its summary without any script, behaves here as a menu button
   does: Escape closes it and gives the focus back to its summary, and it closes when the
   focus or a click goes elsewhere in the page. */
(function () {
    "use strict";

    var menu = document.querySelector(".language-switcher__menu");
    if (!menu) {
        return;
    }
    var summary = menu.querySelector("summary");
    menu.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && menu.open) {
            event.preventDefault();
            menu.open = false;
            summary.focus();
        }
    });
    menu.addEventListener("focusout", function (event) {
        if (menu.open && event.relatedTarget && !menu.contains(event.relatedTarget)) {
            menu.open = false;
        }
    });
    document.addEventListener("click", function (event) {
        if (menu.open && !menu.contains(event.target)) {
            menu.open = false;
        }
    });
})();
