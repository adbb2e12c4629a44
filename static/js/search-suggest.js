/* Suggestions as you type on the search page: the ARIA 1.2 combobox pattern with a
   listbox popup (https://www.w3.org/WAI/ARIA/apg/patterns/combobox/).
   Without JavaScript the plain form still searches. */
(function () {
    "use strict";

    var input = document.getElementById("search-q");
    var listbox = document.getElementById("search-suggestions");
    var status = document.getElementById("search-suggestions-status");
    if (!input || !listbox || !status || !window.fetch) {
        return;
    }

    var url = input.getAttribute("data-suggest-url");
    var options = [];
    var active = -1;
    var timer = null;
    var controller = null;
    var lastQuery = "";

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", listbox.id);
    input.setAttribute("aria-expanded", "false");
    listbox.setAttribute("role", "listbox");
    listbox.setAttribute("aria-label", input.labels && input.labels[0] ? input.labels[0].textContent : "");

    function close() {
        listbox.hidden = true;
        input.setAttribute("aria-expanded", "false");
        input.removeAttribute("aria-activedescendant");
        active = -1;
    }

    function setActive(index) {
        options.forEach(function (option, i) {
            option.setAttribute("aria-selected", i === index ? "true" : "false");
        });
        active = index;
        if (index >= 0) {
            input.setAttribute("aria-activedescendant", options[index].id);
            options[index].scrollIntoView({ block: "nearest" });
        } else {
            input.removeAttribute("aria-activedescendant");
        }
    }

    function go(option) {
        window.location.href = option.getAttribute("data-url");
    }

    function render(data) {
        listbox.textContent = "";
        options = data.suggestions.map(function (suggestion, i) {
            var option = document.createElement("li");
            option.id = "search-suggestion-" + i;
            option.className = "suggestions__option";
            option.setAttribute("role", "option");
            option.setAttribute("aria-selected", "false");
            option.setAttribute("data-url", suggestion.url);
            option.textContent = suggestion.title;  // text, never HTML
            option.addEventListener("mousedown", function (event) {
                event.preventDefault();  // keep the focus in the input
            });
            option.addEventListener("click", function () { go(option); });
            listbox.appendChild(option);
            return option;
        });
        status.textContent = data.status;
        active = -1;
        if (options.length) {
            listbox.hidden = false;
            input.setAttribute("aria-expanded", "true");
        } else {
            close();
        }
    }

    function fetchSuggestions() {
        var query = input.value.trim();
        if (query === lastQuery) {
            return;
        }
        lastQuery = query;
        if (query.length < 2) {
            listbox.textContent = "";
            options = [];
            close();
            return;
        }
        if (controller) {
            controller.abort();
        }
        controller = window.AbortController ? new AbortController() : null;
        fetch(url + "?q=" + encodeURIComponent(query), {
            headers: { Accept: "application/json" },
            signal: controller ? controller.signal : undefined
        })
            .then(function (response) { return response.ok ? response.json() : null; })
            .then(function (data) { if (data) { render(data); } })
            .catch(function () { /* offline or aborted: the form still works */ });
    }

    input.addEventListener("input", function () {
        window.clearTimeout(timer);
        timer = window.setTimeout(fetchSuggestions, 200);
    });

    input.addEventListener("keydown", function (event) {
        var open = !listbox.hidden && options.length > 0;
        if (event.key === "ArrowDown") {
            if (!options.length) { return; }
            event.preventDefault();
            if (!open) { listbox.hidden = false; input.setAttribute("aria-expanded", "true"); }
            setActive(active + 1 >= options.length ? 0 : active + 1);
        } else if (event.key === "ArrowUp") {
            if (!open) { return; }
            event.preventDefault();
            setActive(active <= 0 ? options.length - 1 : active - 1);
        } else if (event.key === "Enter") {
            if (open && active >= 0) {
                event.preventDefault();
                go(options[active]);
            }
        } else if (event.key === "Escape") {
            if (open) {
                event.preventDefault();
                close();
            }
        }
    });

    input.addEventListener("blur", function () {
        window.setTimeout(close, 100);
    });
})();
