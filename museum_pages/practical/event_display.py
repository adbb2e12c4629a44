"""What event and exhibition pages and listings show of their dates, place, price, status.

Listings work on page rows annotated with the fields of events and exhibits (see
`DATED_ANNOTATIONS` and MuseumPage._children), so that showing dates costs no query per page.
"""

import copy

from django.utils.translation import gettext as _

from museum_pages.practical import dates, display, structured_data
from museum_pages.practical.display import language_names
from museum_pages.practical.opening_hours import now_in_paris

# Statuses that a page and a listing say before anything else.
STATUS_NOTICES = {
    "cancelled": lambda: _("Annulé"),
    "postponed": lambda: _("Reporté"),
    "sold_out": lambda: _("Complet"),
}
# How many dates an event page lists (a weekly tour has dozens).
SHOWN_OCCURRENCES = 4


def status_notice(status):
    """ "Annulé", "Reporté", "Complet" in the active language, or "" when scheduled."""
    notice = STATUS_NOTICES.get(status)
    return notice() if notice else ""


def occurrence_entry(occurrence):
    """{iso, text, end_iso} for a <time datetime> element."""
    if occurrence.all_day:
        start_iso = occurrence.start_date.isoformat()
    else:
        start_iso = occurrence.start.isoformat(timespec="minutes")
    return {"iso": start_iso, "text": dates.when_text(occurrence), "occurrence": occurrence}


def event_row_when(row, now):
    """The next occurrence of an annotated event row as an entry, or None when all ended."""
    occurrence = dates.next_occurrence(
        row.start_at, row.end_at, row.all_day, row.repeat, row.repeat_until, now
    )
    return occurrence_entry(occurrence) if occurrence else None


def event_page_context(event, request):
    now = now_in_paris()
    upcoming = event.occurrences(after=now)
    past = not upcoming
    last = None if upcoming else event.last_occurrence()
    shown = upcoming[:SHOWN_OCCURRENCES] if upcoming else [last] if last else []
    audiences = event.audiences.model.objects.filter(
        locale_id=event.locale_id,
        translation_key__in=event.audiences.values("translation_key"),
    ).order_by("slug")
    return {
        "status_notice": status_notice(event.status),
        "occurrences": [occurrence_entry(occurrence) for occurrence in shown],
        "more_occurrences": max(0, len(upcoming) - SHOWN_OCCURRENCES),
        "repeat_text": dates.repeat_text(event.repeat, event.repeat_until) if upcoming else "",
        "is_past": past,
        "place": event.place(),
        "audience_names": [audience.name for audience in audiences],
        "spoken_languages": language_names(event.spoken_language_codes),
        "price_text": display.amount_text(event.is_free, event.price),
        "json_ld": structured_data.event_json_ld(event, upcoming[:1] or shown, request),
    }


def exhibit_page_context(exhibit, request):
    return {
        "exhibition_phase": exhibit.phase(),
        "exhibition_dates": exhibit.dates_text(),
        "exhibition_range": dates.exhibition_range_text(exhibit.start_date, exhibit.end_date),
        "start_iso": exhibit.start_date.isoformat() if exhibit.start_date else "",
        "end_iso": exhibit.end_date.isoformat() if exhibit.end_date else "",
        "json_ld": structured_data.exhibition_json_ld(exhibit, request),
    }


def exhibit_row_dates(row, today):
    """A copy of an annotated exhibit row (rows may be remembered, shared by every request)
    with its `phase`, `dates_text` and `date_iso` on `today`."""
    row = copy.copy(row)
    row.phase = dates.exhibition_phase(row.kind, row.start_date, row.end_date, today)
    row.dates_text = dates.exhibition_dates_text(row.kind, row.start_date, row.end_date, today)
    row.date_iso = ""
    if row.phase == dates.COMING and row.start_date:
        row.date_iso = row.start_date.isoformat()
    elif row.end_date:
        row.date_iso = row.end_date.isoformat()
    return row


def event_row_dates(row, now):
    """A copy of an annotated event row with its `when` (next occurrence entry) and
    `status_notice`, or None when every occurrence has ended."""
    when = event_row_when(row, now)
    if when is None:
        return None
    row = copy.copy(row)
    row.when = when
    row.status_notice = status_notice(row.status)
    return row
