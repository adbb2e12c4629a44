/* A museum's opening status worked out at the time the page is read, not when it was made:
   a copy saved for offline (static/js/offline-store.js) may be opened days later. The page
   embeds its schedule (#opening-schedule, museum_pages/practical/display.py): the opening
   spans of the coming weeks as instants, what the sentences say of each opening (its time,
   weekday, date in Paris), and the sentences in the page's language, so that the words are
   the server's (museum_pages/practical/opening_hours.py). A page older than a cached page
   can be also says when its hours were last updated. Past the weeks it knows, the page
   keeps the server's sentence, with that date. */
(function () {
    "use strict";

    var data = document.getElementById("opening-schedule");
    var status = document.querySelector(".page-hero .opening-status");
    if (!data || !status) {
        return;
    }
    var schedule = JSON.parse(data.textContent);
    var DAY = 24 * 60 * 60 * 1000;
    var FRESH = 15 * 60 * 1000; /* online, a museum page is cached 5 minutes at most (opening_hours.limit_cache_lifetime) */
    var now = Date.now();

    function fill(sentence, values) {
        Object.keys(values).forEach(function (name) {
            sentence = sentence.replace("{" + name + "}", values[name]);
        });
        return sentence;
    }

    /* The day number of an ISO date ("2026-12-03"), or of `moment`'s date in Paris. */
    function dayNumber(iso) {
        var parts = iso.split("-").map(Number);
        return Date.UTC(parts[0], parts[1] - 1, parts[2]) / DAY;
    }
    function parisDay(moment) {
        var parts = {};
        new Intl.DateTimeFormat("en", {
            timeZone: "Europe/Paris", year: "numeric", month: "2-digit", day: "2-digit",
        }).formatToParts(new Date(moment)).forEach(function (part) {
            parts[part.type] = part.value;
        });
        return dayNumber(parts.year + "-" + parts.month + "-" + parts.day);
    }

    /* [kind, sentence] at `moment`, as museum_pages/practical/opening_hours.py says it. */
    function statusAt(moment) {
        var words = schedule.words;
        var span = schedule.spans.filter(function (candidate) {
            return candidate.closes > moment;
        })[0];
        if (!span) {
            return ["unknown", words.unknown];
        }
        if (span.opens <= moment) {
            return span.closesAt === null
                ? ["open", words.open_midnight]
                : ["open", fill(words.open, { time: span.closesAt })];
        }
        var days = dayNumber(span.day) - parisDay(moment);
        if (days > schedule.seasonDays) {
            return ["season", fill(words.season, span)];
        }
        return ["closed", fill(words[days === 0 ? "today" : days === 1 ? "tomorrow" : "weekday"], span)];
    }

    if (now < schedule.until) {
        var found = statusAt(now);
        status.className = "opening-status opening-status--" + found[0];
        status.lastChild.nodeValue = found[1];
    }
    if (now - schedule.made > FRESH) {
        var updated = document.createElement("p");
        updated.className = "opening-status__updated";
        updated.textContent = schedule.updated;
        status.insertAdjacentElement("afterend", updated);
    }
})();
