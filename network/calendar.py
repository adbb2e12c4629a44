"""The agenda in everyone's calendar: iCalendar feeds of a language's events (the whole
network, one museum or one theme) and each event's own "Add to calendar" file.

One VEVENT per event: a repeated event is its first date with an RRULE (the Paris clock time
kept across the DST changes, as museum_pages.practical.dates expands it), so a calendar
shows the same dates as the page. Exhibitions stay on the agenda page: a months-long
all-day entry would fill every day of a calendar. UIDs come from the page's translation key
and the language: the same in the feed and in the event's own file, stable across
publications. A fixed number of queries, whatever the number of events.
"""

import datetime

import icalendar
from django.db.models import Q
from django.http import Http404, HttpResponse
from django.utils import translation
from django.views.decorators.http import require_GET
from wagtail.models import Page

from core import page_cache
from core.pages import full_url, public_pages
from museum_pages.models import Audience, EventPage, MuseumPage
from museum_pages.practical import dates
from museum_pages.practical.opening_hours import end_of_day, now_in_paris
from network.models import Theme

PRODUCT = "-//Mem'Histo//Agenda//FR"
ICAL_STATUSES = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}
RRULE_FREQUENCIES = {dates.WEEKLY_REPEAT: "WEEKLY", dates.MONTHLY_REPEAT: "MONTHLY"}


def uid(event, language):
    return f"event-{event.translation_key}-{language}@memhisto"


def rrule_of(event, first):
    """The RRULE of a repeated event: UNTIL the end of its last day in Paris (in UTC, as
    RFC 5545 wants with a DTSTART in a time zone), a date for an all-day event."""
    frequency = RRULE_FREQUENCIES.get(event.repeat)
    if frequency is None or event.repeat_until is None:
        return None
    if first.all_day:
        until = event.repeat_until
    else:
        until = (end_of_day(event.repeat_until) - datetime.timedelta(seconds=1)).astimezone(
            datetime.UTC
        )
    return {"freq": frequency, "until": until}


def vevent(event, museum, categories, language, request, stamp):
    """The VEVENT of one event, or None for an event without a date."""
    first = dates.occurrences_of(event.start_at, event.end_at, event.all_day, limit=1)
    if not first:
        return None
    first = first[0]
    entry = icalendar.Event()
    entry.add("uid", uid(event, language))
    entry.add("dtstamp", stamp)
    if first.all_day:
        entry.add("dtstart", first.start_date)
        entry.add("dtend", first.end.date())  # the day after the last, as RFC 5545 says
    else:
        entry.add("dtstart", first.start)
        if first.has_end and first.end != first.start:
            entry.add("dtend", first.end)
    rule = rrule_of(event, first)
    if rule:
        entry.add("rrule", rule)
    entry.add("summary", event.title)
    if event.intro:
        entry.add("description", event.intro)
    entry.add("url", full_url(event, request))
    place = event.place(museum)
    location = ", ".join(part for part in (place["name"], place["address"]) if part)
    if location:
        entry.add("location", location)
    if place["point"]:
        entry.add("geo", (place["point"][1], place["point"][0]))
    if categories:
        entry.add("categories", categories)
    entry.add("status", ICAL_STATUSES.get(event.status, "CONFIRMED"))
    if museum is not None:
        entry.add("organizer", full_url(museum, request), parameters={"cn": museum.title})
    return entry


def calendar_of(events, museums, locale_id, language, request, name):
    """The VCALENDAR of `events` (EventPages), their museums by path {path: MuseumPage}."""
    audiences = {
        audience.translation_key: audience.name
        for audience in Audience.objects.filter(locale_id=locale_id)
    }
    themes = Theme.by_translation_key(locale_id)
    links = EventPage.audiences.through.objects.filter(
        eventpage_id__in=[event.pk for event in events]
    ).values_list("eventpage_id", "audience__translation_key")
    event_audiences = {}
    for page_id, key in links:
        event_audiences.setdefault(page_id, []).append(audiences.get(key))
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", "Europe/Paris")
    stamp = datetime.datetime.now(datetime.UTC)
    days = []
    length = len(next(iter(museums), ""))  # museums are children of the home: one length
    for event in events:
        museum = museums.get(event.path[:length])
        categories = [name for name in event_audiences.get(event.pk, []) if name]
        if museum is not None:
            categories += [
                themes[theme.translation_key].name
                for theme in museum.themes.all()
                if theme.translation_key in themes
            ]
        entry = vevent(event, museum, sorted(set(categories)), language, request, stamp)
        if entry is not None:
            calendar.add_component(entry)
            days.append(event.start_at.date())
            days.append(event.repeat_until or event.start_at.date())
    if days:
        # The time zone's rules over the events' dates only, not every change since 1970.
        calendar.add_missing_timezones(
            first_date=min(days) - datetime.timedelta(days=1),
            last_date=max(days) + datetime.timedelta(days=366),
        )
    return calendar


def ical_response(calendar, filename, language):
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}.ics"'
    response["Content-Language"] = language
    return response


def live_museums_by_path(home):
    museums = MuseumPage.objects.live().child_of(home).prefetch_related("themes")
    return {museum.path: museum for museum in museums}


def network_home(language):
    home = Page.objects.live().filter(depth=2, locale__language_code=language).first()
    if home is None:
        raise Http404
    return home


@require_GET
def agenda_feed(request):
    """/<lang>/agenda.ics: the events of the network that have not ended; `?museum=` (a
    museum's slug in the language) or `?theme=` (a theme's slug) narrow it, and an unknown
    value is a 404, not a silently empty calendar."""
    language = translation.get_language()
    home = network_home(language)
    museums = live_museums_by_path(home)
    title = "Mem'Histo"
    museum_slug = request.GET.get("museum", "").strip()
    theme_slug = request.GET.get("theme", "").strip()
    chosen = museums
    if museum_slug:
        chosen = {path: m for path, m in museums.items() if m.slug == museum_slug}
        if not chosen:
            raise Http404
        title = next(iter(chosen.values())).title
    if theme_slug:
        theme = Theme.objects.filter(locale_id=home.locale_id, slug=theme_slug).first()
        if theme is None:
            raise Http404
        chosen = {
            path: museum
            for path, museum in chosen.items()
            if theme_slug in {t.slug for t in museum.themes.all()}
        }
        title = f"{title} – {theme.name}"
    now = now_in_paris()
    events = [
        event
        for event in coming_events(home, now)
        if event.path[: len(home.path) + home.steplen] in chosen
    ]
    calendar = calendar_of(events, chosen, home.locale_id, language, request, title)
    response = ical_response(calendar, f"mem-histo-{language}", language)
    return page_cache.reads_parameters(response, ("museum", "theme"))


def coming_events(home, now):
    """The live public events of a home's language that have not ended, in one query."""
    today = now.date()
    day_began = datetime.datetime.combine(today, datetime.time(), tzinfo=now.tzinfo)
    candidates = (
        public_pages(EventPage.objects.live().descendant_of(home))
        .filter(Q(repeat_until__gte=today) | Q(start_at__gte=day_began) | Q(end_at__gte=day_began))
        .order_by("start_at", "pk")
    )
    return [event for event in candidates if event.next_occurrence(now) is not None]


@require_GET
def event_calendar(request, pk):
    """/<lang>/agenda/event-<id>.ics: one event's "Add to calendar" file."""
    language = translation.get_language()
    event = (
        public_pages(EventPage.objects.live()).filter(pk=pk, locale__language_code=language).first()
    )
    if event is None:
        raise Http404
    museum = event.museum()
    museums = {museum.path: museum} if museum is not None else {}
    calendar = calendar_of([event], museums, event.locale_id, language, request, event.title)
    return ical_response(calendar, event.slug, language)
