"""The network's agenda as visitors see it: every coming occurrence of the live events and
every current or coming temporary exhibition of a language, by day in Paris time, filtered
by museum, theme, audience, free entry and dates, paginated.

The filters are GET parameters read strictly (a form that works without JavaScript); a value
that is unknown or malformed is ignored and the page says so, with a 200. What the page
lists comes from `agenda_data`: a fixed number of queries, remembered until the next content
event, whatever the number of events; the dates are worked out at each rendering.
"""

import copy
import datetime
import re
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.utils import formats
from django.utils.cache import patch_cache_control
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from core.remembered import remembered
from museum_pages.models import Audience, EventPage, MuseumPage
from museum_pages.practical import dates, event_display
from museum_pages.practical.opening_hours import PARIS, end_of_day, now_in_paris
from network.listings import dated_rows
from network.models import Theme

PER_PAGE = 30
WHEN_CHOICES = ("today", "weekend", "month")
MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
MONTHS_AHEAD = 24  # a chosen month within two years
MAX_VALUE_LENGTH = 60


# What the agenda lists, remembered ----------------------------------------------------------


def agenda_data(home):
    """{"rows", "museums", "themes", "audiences", "event_audiences"} of a network home's
    language: the dated page rows (network.listings.dated_rows), the live museums as
    {path: (slug, title, [theme slugs])}, the themes and audiences of the language as
    [(slug, name)], and each event's audience slugs by page id. Six queries, whatever the
    number of events, remembered until the next content event."""

    def fetch():
        rows = list(dated_rows(home))
        museums = (
            MuseumPage.objects.live()
            .child_of(home)
            .order_by("title")
            .prefetch_related("themes")
            .only("path", "slug", "title")
        )
        links = EventPage.audiences.through.objects.filter(
            eventpage_id__in=[row.pk for row in rows if row.is_event]
        ).values_list("eventpage_id", "audience__slug")
        event_audiences = {}
        for page_id, slug in links:
            event_audiences.setdefault(page_id, set()).add(slug)
        themes = Theme.objects.filter(locale_id=home.locale_id).order_by("slug")
        audiences = Audience.objects.filter(locale_id=home.locale_id).order_by("slug")
        return {
            "rows": rows,
            "museums": {
                museum.path: (museum.slug, museum.title, [t.slug for t in museum.themes.all()])
                for museum in museums
            },
            "themes": [(theme.slug, theme.name) for theme in themes],
            "audiences": [(audience.slug, audience.name) for audience in audiences],
            "event_audiences": event_audiences,
        }

    return remembered(f"agenda-data:{home.pk}", fetch)


# The filters, read strictly ----------------------------------------------------------------


@dataclass
class Filters:
    """The visitor's filters as understood: clean values only, and what was ignored."""

    museum: str = ""
    theme: str = ""
    audience: str = ""
    free: bool = False
    when: str = ""
    month: datetime.date | None = None
    page: int = 1
    messages: list = field(default_factory=list)

    def query(self, **changes):
        """The query string of these filters (with `changes`), for links and pagination."""
        values = {
            "museum": self.museum,
            "theme": self.theme,
            "audience": self.audience,
            "free": "1" if self.free else "",
            "when": self.when,
            "month": self.month.strftime("%Y-%m") if self.month else "",
            "page": "" if self.page == 1 else str(self.page),
        }
        values.update(changes)
        return urlencode([(name, value) for name, value in values.items() if value])

    @property
    def any(self):
        return bool(
            self.museum or self.theme or self.audience or self.free or self.when or self.month
        )


def first_value(query, name):
    """The parameter's first value, trimmed and shortened (a hostile value can be long)."""
    values = query.getlist(name)
    return values[0].strip()[:MAX_VALUE_LENGTH] if values else ""


def add_months(day, months):
    index = day.year * 12 + day.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def read_filters(query, data, today):
    """The Filters of a request's GET parameters; unknown or malformed values are dropped
    with a message in the active language, never an exception."""
    filters = Filters()
    # The slug filters: the parameter, the slugs it may take, what an unknown one says.
    slug_filters = (
        (
            "museum",
            {slug for slug, _title, _themes in data["museums"].values()},
            _("Ce musée n’est pas connu : tous les musées sont affichés."),
        ),
        (
            "theme",
            {slug for slug, _name in data["themes"]},
            _("Ce thème n’est pas connu : tous les thèmes sont affichés."),
        ),
        (
            "audience",
            {slug for slug, _name in data["audiences"]},
            _("Ce public n’est pas connu : les événements de tous les publics sont affichés."),
        ),
    )
    for name, known, unknown in slug_filters:
        value = first_value(query, name)
        if value in known:
            setattr(filters, name, value)
        elif value:
            filters.messages.append(unknown)
    free = first_value(query, "free")
    if free:
        if free in ("1", "on", "true"):
            filters.free = True
        else:
            filters.messages.append(_("Filtre « gratuit » non reconnu : il est ignoré."))
    month = first_value(query, "month")
    if month:
        match = MONTH.fullmatch(month)
        first = None
        if match and 1 <= int(match.group(2)) <= 12 and int(match.group(1)) >= 1:
            first = datetime.date(int(match.group(1)), int(match.group(2)), 1)
        this_month = today.replace(day=1)
        if first is None:
            filters.messages.append(_("Mois non reconnu : choisissez-le dans la liste."))
        elif first < this_month:
            filters.messages.append(_("Ce mois est passé : l’agenda montre ce qui vient."))
        elif first > add_months(this_month, MONTHS_AHEAD):
            filters.messages.append(_("Choisissez un mois dans les deux années à venir."))
        else:
            filters.month = first
    when = first_value(query, "when")
    if when:
        if when in WHEN_CHOICES:
            filters.when = "" if filters.month else when
        else:
            filters.messages.append(_("Période non reconnue : toutes les dates sont affichées."))
    page = first_value(query, "page")
    if page:
        if page.isascii() and page.isdigit() and 0 < len(page) < 7 and int(page) > 0:
            filters.page = int(page)
        else:
            filters.messages.append(_("Page non reconnue : voici la première."))
    return filters


def window(filters, now):
    """(after, before) of the dates asked for, aware datetimes in Paris (before may be None)."""
    today = now.date()
    if filters.month:
        first = datetime.datetime.combine(filters.month, datetime.time(), tzinfo=PARIS)
        last = datetime.datetime.combine(
            add_months(filters.month, 1), datetime.time(), tzinfo=PARIS
        )
        return max(now, first), last
    if filters.when == "today":
        return now, end_of_day(today)
    if filters.when == "weekend":
        # This weekend: Saturday and Sunday in Paris; on a weekend day, the one under way.
        saturday = today + datetime.timedelta(days=(5 - today.weekday()) % 7)
        if today.weekday() == 6:
            saturday = today - datetime.timedelta(days=1)
        begins = datetime.datetime.combine(saturday, datetime.time(), tzinfo=PARIS)
        return max(now, begins), end_of_day(saturday + datetime.timedelta(days=1))
    if filters.when == "month":
        return now, datetime.datetime.combine(add_months(today, 1), datetime.time(), tzinfo=PARIS)
    return now, None


# The entries -------------------------------------------------------------------------------


@dataclass
class Entry:
    """One line of the agenda: an occurrence of an event, or an exhibition, on a day."""

    day: datetime.date
    sort_key: tuple
    row: object
    kind: str  # "event" or "exhibition"


def agenda_entries(data, filters, now):
    """Every Entry that the filters keep, in order: by day, the exhibitions first, then the
    events by their start (aware datetimes: the order holds across the DST changes)."""
    after, before = window(filters, now)
    first_day = after.date()
    last_day = (before - datetime.timedelta(microseconds=1)).date() if before else None
    entries = []
    for row in data["rows"]:
        slug, _title, theme_slugs = data["museums"].get(row.museum_path, ("", "", []))
        if not slug:
            continue  # a museum that is not live
        if filters.museum and slug != filters.museum:
            continue
        if filters.theme and filters.theme not in theme_slugs:
            continue
        if row.is_event:
            if filters.audience and filters.audience not in data["event_audiences"].get(row.pk, ()):
                continue
            if filters.free and not row.is_free:
                continue
            for occurrence in dates.occurrences_of(
                row.start_at,
                row.end_at,
                row.all_day,
                row.repeat,
                row.repeat_until,
                after=after,
                before=before,
            ):
                day = max(occurrence.start_date, first_day)
                key = (day, 1, occurrence.start, row.title)
                entries.append(Entry(day, key, (row, occurrence), "event"))
        else:
            if filters.audience or filters.free:
                continue  # exhibitions have neither audiences nor a price here
            opens = row.start_date or first_day
            if row.end_date < first_day or (last_day and opens > last_day):
                continue
            day = max(opens, first_day)
            key = (day, 0, after, row.title)
            entries.append(Entry(day, key, row, "exhibition"))
    entries.sort(key=lambda entry: entry.sort_key)
    return entries


def shown_entry(entry, now):
    """What the template shows of an entry: a dated copy of its row."""
    if entry.kind == "exhibition":
        return {
            "kind": "exhibition",
            "child": event_display.exhibit_row_dates(entry.row, now.date()),
        }
    row, occurrence = entry.row
    child = copy.copy(row)  # rows are remembered, shared by every request
    child.when = event_display.occurrence_entry(occurrence)
    child.status_notice = event_display.status_notice(row.status)
    return {"kind": "event", "child": child, "occurrence": occurrence}


def group_by_day(entries, now):
    days = []
    for entry in entries:
        shown = shown_entry(entry, now)
        if not days or days[-1]["day"] != entry.day:
            days.append(
                {
                    "day": entry.day,
                    "iso": entry.day.isoformat(),
                    "text": capfirst(dates.day_text(entry.day)),
                    "items": [],
                }
            )
        days[-1]["items"].append(shown)
    return days


def month_choices(today):
    first = today.replace(day=1)
    choices = []
    for number in range(12):
        month = add_months(first, number)
        choices.append(
            {
                "value": month.strftime("%Y-%m"),
                "text": formats.date_format(month, "YEAR_MONTH_FORMAT"),
            }
        )
    return choices


def agenda_context(page, request):
    now = now_in_paris()
    home = page.get_parent()
    data = agenda_data(home)
    filters = read_filters(request.GET, data, now.date())
    entries = agenda_entries(data, filters, now)
    pages = max(1, -(-len(entries) // PER_PAGE))
    if filters.page > pages:
        filters.messages.append(_("Cette page n’existe pas : voici la dernière."))
        filters.page = pages
    shown = entries[(filters.page - 1) * PER_PAGE : filters.page * PER_PAGE]
    feed_query = urlencode(
        [
            (name, value)
            for name, value in (("museum", filters.museum), ("theme", filters.theme))
            if value
        ]
    )
    return {
        "filters": filters,
        "days": group_by_day(shown, now),
        "entry_count": len(entries),
        "page_number": filters.page,
        "page_count": pages,
        "previous_query": filters.query(page=str(filters.page - 1)) if filters.page > 1 else None,
        "next_query": filters.query(page=str(filters.page + 1)) if filters.page < pages else None,
        "museum_choices": sorted(
            ((slug, title) for slug, title, _themes in data["museums"].values()),
            key=lambda choice: choice[1],
        ),
        "theme_choices": data["themes"],
        "audience_choices": data["audiences"],
        "when_choices": [
            ("today", _("Aujourd’hui")),
            ("weekend", _("Ce week-end")),
            ("month", _("Ce mois-ci")),
        ],
        "month_choices": month_choices(now.date()),
        "feed_query": feed_query,
        "expires_at": next_change(shown, now),
    }


def next_change(entries, now):
    """When the page next changes without a publication: an event shown ends, or midnight."""
    moments = [end_of_day(now.date())]
    for entry in entries:
        if entry.kind == "event":
            _row, occurrence = entry.row
            if occurrence.end > now:
                moments.append(occurrence.end)
    return min(moments)


def limit_lifetime(response):
    """No cache keeps the agenda past the next change of what it lists."""
    expires_at = getattr(response, "context_data", {}).get("expires_at")
    if expires_at is not None:
        seconds = int((expires_at - now_in_paris()).total_seconds())
        patch_cache_control(response, max_age=max(0, seconds))
    return response
