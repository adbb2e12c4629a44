// wagtail-localize's translation editor in the admin's language.
//
// The editor is a React app that writes two strings itself, in English whatever the
// language: "More actions" (the label of its menu buttons) and "<source> to <target>
// translation" (the heading above the strings). Each becomes the translation the page
// carries in #translation-editor-words (teams/admin_language.py), as the app draws them.
// Only the text of those nodes changes, so React keeps its own nodes. Loaded with `defer`:
// the editor's element exists then (the hook writes this script above it).
(function () {
    "use strict";
    var words = document.getElementById("translation-editor-words");
    var editor = document.querySelector(".js-translation-editor");
    if (!words || !editor) {
        return;
    }
    words = JSON.parse(words.textContent);
    var heading = /^(.+) to (.+) translation$/;

    function translate() {
        editor.querySelectorAll(".w-sr-only").forEach(function (label) {
            if (label.textContent === "More actions") {
                label.firstChild.nodeValue = words.moreActions;
            }
        });
        editor.querySelectorAll("section h3").forEach(function (title) {
            var match = title.textContent.match(heading);
            if (match && title.firstChild) {
                title.firstChild.nodeValue = words.heading
                    .replace("%(source)s", match[1])
                    .replace("%(target)s", match[2]);
            }
        });
    }

    new MutationObserver(translate).observe(editor, { childList: true, subtree: true });
    translate();
})();
