"""The opening-status rules (museum_pages/practical/opening_hours.py), with a frozen `now`."""

import datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.utils import translation

from museum_pages.practical.opening_hours import (
    CLOSED,
    OPEN,
    SEASON,
    UNKNOWN,
    opening_status,
    seconds_until_change,
    status_text,
)

PARIS = ZoneInfo("Europe/Paris")
UTC = datetime.UTC
EVERY_DAY = frozenset(range(7))
TUE_SUN = frozenset(range(1, 7))


def period(opens, closes, days=EVERY_DAY, valid_from=None, valid_until=None, every_year=True):
    return SimpleNamespace(
        opens=datetime.time.fromisoformat(opens),
        closes=datetime.time.fromisoformat(closes),
        weekdays=days,
        valid_from=valid_from,
        valid_until=valid_until,
        every_year=every_year,
    )


def closure(start, end=None, every_year=False):
    return SimpleNamespace(start_date=start, end_date=end, every_year=every_year)


def paris(*args):
    return datetime.datetime(*args, tzinfo=PARIS)


def text(status, language="fr"):
    with translation.override(language):
        return status_text(status)


def test_open_now_shows_closing_time():
    status = opening_status([period("10:00", "18:00")], [], paris(2026, 6, 10, 15, 0))
    assert status.kind == OPEN
    assert text(status) == "Ouvert maintenant — ferme à 18:00"
    assert text(status, "en") == "Open now — closes at 18:00"


def test_closed_on_mondays_shows_next_opening_on_tuesday():
    # 2026-06-08 is a Monday.
    status = opening_status([period("10:00", "18:00", TUE_SUN)], [], paris(2026, 6, 8, 11, 0))
    assert status.kind == CLOSED
    assert status.at == paris(2026, 6, 9, 10, 0)
    assert text(status) == "Fermé — ouvre demain à 10:00"
    sunday_evening = opening_status(
        [period("10:00", "18:00", frozenset({1}))], [], paris(2026, 6, 7, 19, 0)
    )
    assert text(sunday_evening, "en") == "Closed — opens Tuesday at 10:00"
    assert text(sunday_evening, "de") == "Geschlossen — öffnet Dienstag um 10:00"


def test_before_opening_today():
    status = opening_status([period("10:00", "18:00")], [], paris(2026, 6, 10, 8, 0))
    assert text(status) == "Fermé — ouvre aujourd'hui à 10:00"


def test_lunch_break_closes_at_noon_and_reopens_in_the_afternoon():
    periods = [period("10:00", "12:30"), period("13:30", "18:00")]
    morning = opening_status(periods, [], paris(2026, 6, 10, 11, 0))
    assert (morning.kind, morning.at) == (OPEN, paris(2026, 6, 10, 12, 30))
    lunch = opening_status(periods, [], paris(2026, 6, 10, 12, 45))
    assert (lunch.kind, lunch.at) == (CLOSED, paris(2026, 6, 10, 13, 30))
    at_closing_time = opening_status(periods, [], paris(2026, 6, 10, 12, 30))
    assert at_closing_time.kind == CLOSED


def test_out_of_season_shows_reopening_date():
    mimoyecques = [
        period(
            "10:00",
            "18:00",
            valid_from=datetime.date(2026, 4, 15),
            valid_until=datetime.date(2026, 10, 15),
        )
    ]
    status = opening_status(mimoyecques, [], paris(2026, 11, 24, 12, 0))
    assert status.kind == SEASON
    assert status.at == paris(2027, 4, 15, 10, 0)
    assert text(status) == "Fermé pour la saison — réouverture le 15 avril"
    assert text(status, "en") == "Closed for the season — reopens on 15 April"
    in_season = opening_status(mimoyecques, [], paris(2026, 7, 1, 12, 0))
    assert in_season.kind == OPEN
    last_day = opening_status(mimoyecques, [], paris(2026, 10, 15, 17, 59))
    assert last_day.kind == OPEN


def test_a_season_over_new_year_wraps():
    winter = [
        period(
            "10:00",
            "17:00",
            valid_from=datetime.date(2026, 10, 1),
            valid_until=datetime.date(2026, 3, 31),
        )
    ]
    assert opening_status(winter, [], paris(2027, 1, 20, 12, 0)).kind == OPEN
    assert opening_status(winter, [], paris(2027, 6, 20, 12, 0)).kind == SEASON


def test_a_dated_season_does_not_recur():
    season_2026 = [
        period(
            "10:00",
            "18:00",
            valid_from=datetime.date(2026, 4, 15),
            valid_until=datetime.date(2026, 10, 15),
            every_year=False,
        )
    ]
    assert opening_status(season_2026, [], paris(2026, 11, 1, 12, 0)).kind == UNKNOWN


def test_closure_overrides_periods():
    periods = [period("10:00", "18:00")]
    christmas = [closure(datetime.date(2020, 12, 25), every_year=True)]
    status = opening_status(periods, christmas, paris(2026, 12, 25, 12, 0))
    assert (status.kind, status.at) == (CLOSED, paris(2026, 12, 26, 10, 0))
    annual = [closure(datetime.date(2027, 1, 5), datetime.date(2027, 1, 23))]
    status = opening_status(periods, annual, paris(2027, 1, 6, 12, 0))
    assert (status.kind, status.at) == (SEASON, paris(2027, 1, 24, 10, 0))


def test_dst_spring_forward_keeps_wall_clock_hours():
    # 29 March 2026: clocks go from 02:00 to 03:00 in Paris. 08:30 UTC is 10:30 in Paris.
    periods = [period("10:00", "18:00")]
    status = opening_status(periods, [], datetime.datetime(2026, 3, 29, 8, 30, tzinfo=UTC))
    assert status.kind == OPEN
    assert status.at == paris(2026, 3, 29, 18, 0)
    assert status.at.utcoffset() == datetime.timedelta(hours=2)
    # The day before, 08:30 UTC was 09:30 in Paris: not open yet.
    before = opening_status(periods, [], datetime.datetime(2026, 3, 28, 8, 30, tzinfo=UTC))
    assert before.kind == CLOSED


def test_dst_fall_back_keeps_wall_clock_hours():
    # 25 October 2026: clocks go from 03:00 back to 02:00. 17:30 UTC is 18:30 in Paris.
    periods = [period("10:00", "18:00")]
    status = opening_status(periods, [], datetime.datetime(2026, 10, 25, 16, 30, tzinfo=UTC))
    assert (status.kind, status.at) == (OPEN, paris(2026, 10, 25, 18, 0))
    after = opening_status(periods, [], datetime.datetime(2026, 10, 25, 17, 30, tzinfo=UTC))
    assert after.kind == CLOSED


def test_period_ending_at_midnight():
    late = [period("20:00", "00:00", frozenset({4}))]  # Friday night, until 24:00
    status = opening_status(late, [], paris(2026, 6, 12, 23, 59))
    assert (status.kind, status.at) == (OPEN, paris(2026, 6, 13, 0, 0))
    assert text(status) == "Ouvert maintenant — ferme à minuit"
    at_midnight = opening_status(late, [], paris(2026, 6, 13, 0, 0))
    assert at_midnight.kind == CLOSED
    assert at_midnight.at == paris(2026, 6, 19, 20, 0)


def test_time_zone_of_now_does_not_matter():
    periods = [period("10:00", "18:00")]
    in_utc = opening_status(periods, [], datetime.datetime(2026, 6, 10, 15, 0, tzinfo=UTC))
    assert text(in_utc) == "Ouvert maintenant — ferme à 18:00"  # 17:00 in Paris


def test_museum_with_no_hours():
    status = opening_status([], [], paris(2026, 6, 10, 12, 0))
    assert status.kind == UNKNOWN
    assert text(status) == "Horaires pas encore disponibles"
    assert text(status, "nl") == "Openingstijden nog niet beschikbaar"


@pytest.mark.parametrize(
    ("now", "expected"),
    [((2026, 6, 10, 17, 58), 120), ((2026, 6, 10, 12, 0), 300)],
)
def test_cache_lifetime_ends_when_a_status_changes(now, expected):
    now = paris(*now)
    status = opening_status([period("10:00", "18:00")], [], now)
    assert seconds_until_change([status], now) == expected


def test_cache_lifetime_ends_at_midnight_when_tomorrow_becomes_today():
    now = paris(2026, 6, 10, 23, 58)
    status = opening_status([period("10:00", "18:00")], [], now)
    assert text(status) == "Fermé — ouvre demain à 10:00"
    assert seconds_until_change([status], now) == 120


# The schedule a museum page embeds for the phone (static/js/opening-status.js) ----------


def status_from_schedule(schedule, moment):
    """What static/js/opening-status.js says at `moment` from an embedded schedule (the same
    steps, in Python): the words must be the server's at every moment."""
    now = moment.timestamp() * 1000
    assert now < schedule["until"]
    words = schedule["words"]
    span = next((span for span in schedule["spans"] if span["closes"] > now), None)
    if span is None:
        return words["unknown"]
    if span["opens"] <= now:
        if span["closesAt"] is None:
            return words["open_midnight"]
        return words["open"].replace("{time}", span["closesAt"])
    days = (datetime.date.fromisoformat(span["day"]) - moment.astimezone(PARIS).date()).days
    key = (
        "season"
        if days > schedule["seasonDays"]
        else {0: "today", 1: "tomorrow"}.get(days, "weekday")
    )
    sentence = words[key]
    for name in ("time", "weekday", "date"):
        sentence = sentence.replace(f"{{{name}}}", span[name])
    return sentence


SUMMER = (datetime.date(2026, 4, 1), datetime.date(2026, 10, 31))
WINTER = (datetime.date(2026, 10, 1), datetime.date(2026, 3, 31))  # over New Year
SCHEDULES = {
    "summer season with a lunch break, a late night and closures": (
        [
            period("10:00", "12:30", TUE_SUN, *SUMMER),
            period("13:30", "18:00", TUE_SUN, *SUMMER),
            period("20:00", "00:00", frozenset({4}), *SUMMER),
        ],
        [closure(datetime.date(2026, 5, 1), every_year=True), closure(datetime.date(2026, 11, 11))],
    ),
    "every day over New Year, closed at Christmas": (
        [period("09:30", "17:00", EVERY_DAY, *WINTER)],
        [closure(datetime.date(2026, 12, 24), datetime.date(2026, 12, 26), every_year=True)],
    ),
    "no hours yet": ([], []),
}  # fmt: skip


@pytest.mark.parametrize("name", SCHEDULES)
@pytest.mark.parametrize(
    "made",
    [paris(2026, 10, 27, 11, 0), paris(2026, 12, 20, 8, 0), paris(2027, 3, 24, 17, 30)],
    ids=["end of the summer season", "before Christmas", "end of March, over the change of time"],
)
def test_the_embedded_schedule_says_what_the_server_says_at_any_later_time(name, made):
    from museum_pages.practical.display import SCHEDULE_DAYS, opening_schedule

    periods, closures = SCHEDULES[name]
    with translation.override("de"):
        schedule = opening_schedule(periods, closures, made)
        # Every 20 minutes of the weeks it covers.
        for step in range(SCHEDULE_DAYS * 24 * 3):
            moment = made + datetime.timedelta(minutes=20 * step)
            expected = status_text(opening_status(periods, closures, moment))
            assert status_from_schedule(schedule, moment) == expected, moment
    assert schedule["until"] > (made + datetime.timedelta(days=SCHEDULE_DAYS)).timestamp() * 1000


def test_the_embedded_schedule_is_worded_in_the_pages_language_and_dated():
    from museum_pages.practical.display import opening_schedule

    periods, closures = SCHEDULES["every day over New Year, closed at Christmas"]
    with translation.override("nl"):
        schedule = opening_schedule(periods, closures, paris(2026, 12, 20, 8, 5))
    assert schedule["words"]["open"] == "Nu open — sluit om {time}"
    assert schedule["updated"] == "Openingstijden bijgewerkt op 20 december om 08:05"
    christmas_eve = [span for span in schedule["spans"] if span["day"] == "2026-12-24"]
    assert christmas_eve == []
    assert schedule["spans"][1]["weekday"] == "zondag"
