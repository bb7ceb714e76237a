"""iCalendar export, checked by parsing it back with a real parser."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st
from icalendar import Calendar

from shopdesk.campaigns import recurrence as rec
from shopdesk.campaigns.ics import IcsEvent, to_ics


def _parse(data: bytes) -> list:  # type: ignore[type-arg]
    cal = Calendar.from_ical(data)
    assert str(cal["VERSION"]) == "2.0" and "ShopDesk" in str(cal["PRODID"])
    return list(cal.walk("VEVENT"))


def test_all_day_campaign_with_exclusive_end() -> None:
    data = to_ics(
        [
            IcsEvent(
                "campaign-1@shopdesk",
                "2026 双11",
                date(2026, 11, 1),
                date(2026, 11, 11),
                "满300减50",
                "已通过",
            )
        ]
    )
    assert data.startswith(b"BEGIN:VCALENDAR")
    (ev,) = _parse(data)
    assert str(ev["SUMMARY"]) == "2026 双11"
    assert ev.decoded("DTSTART") == date(2026, 11, 1)
    assert ev.decoded("DTEND") == date(2026, 11, 12)
    assert str(ev["UID"]) == "campaign-1@shopdesk"
    assert "DTSTAMP" in ev and "满300减50" in str(ev["DESCRIPTION"])


def test_weekly_activity_is_one_event_with_rrule() -> None:
    data = to_ics(
        [IcsEvent("c2", "周一团购", date(2026, 11, 2), date(2027, 11, 1), recurrence=rec.weekly(0))]
    )
    (ev,) = _parse(data)
    rule = ev["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["MO"]
    assert rule["UNTIL"] == [date(2027, 11, 1)]
    assert ev.decoded("DTEND") - ev.decoded("DTSTART") == timedelta(days=1)


def test_monthly_31_uses_last_day_rule_and_matches_our_expansion() -> None:
    from dateutil.rrule import rrulestr

    rule = rec.monthly(31)
    data = to_ics([IcsEvent("c3", "会员日", date(2027, 1, 31), date(2027, 6, 30), recurrence=rule)])
    (ev,) = _parse(data)
    text = ev["RRULE"].to_ical().decode()
    parsed = rrulestr(text, dtstart=ev.decoded("DTSTART"), ignoretz=True)
    theirs = [d.date() for d in parsed]
    ours = rec.occurrences(
        rule, date(2027, 1, 31), date(2027, 6, 30), date(2027, 1, 1), date(2027, 12, 31)
    )
    assert theirs == ours
    assert date(2027, 2, 28) in theirs


def test_alarm_for_signup_deadline_and_chinese_text_roundtrip() -> None:
    data = to_ics(
        [
            IcsEvent(
                "c4-signup",
                "报名截止: 双12",
                date(2026, 11, 25),
                date(2026, 11, 25),
                alarm_days_before=1,
            )
        ]
    )
    (ev,) = _parse(data)
    alarms = list(ev.walk("VALARM"))
    assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") == timedelta(days=-1)
    assert str(ev["SUMMARY"]) == "报名截止: 双12"
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))  # folded lines, as RFC 5545 asks


@given(
    st.one_of(
        st.builds(lambda days: rec.weekly(*days), st.sets(st.integers(0, 6), min_size=1)),
        st.builds(rec.monthly, st.integers(1, 31)),
    ),
    st.dates(date(2024, 1, 1), date(2030, 12, 31)),
    st.integers(0, 400),
)
def test_rrule_agrees_with_our_expansion(rule: rec.Recurrence, start: date, length: int) -> None:
    from dateutil.rrule import rrulestr

    end = start + timedelta(days=length)
    ours = rec.occurrences(rule, start, end, start, end)
    events = _parse(to_ics([IcsEvent("p", "x", start, end, recurrence=rule)]))
    if not ours:
        assert events == []
        return
    (ev,) = events
    text = ev["RRULE"].to_ical().decode()
    theirs = [d.date() for d in rrulestr(text, dtstart=ev.decoded("DTSTART"), ignoretz=True)]
    assert theirs == ours
