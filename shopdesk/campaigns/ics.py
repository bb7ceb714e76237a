"""iCalendar (.ics) export of campaigns, so they open in phone and desktop calendar apps.

Campaigns are all-day events (DTEND is the day after the last day, as RFC 5545 wants); a
recurring shop activity is one event with an RRULE, not one event per week; a sign-up deadline is
its own all-day event with a reminder the day before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from shopdesk.campaigns.recurrence import Recurrence, iter_occurrences
from shopdesk.clock import now

PRODID = "-//ShopDesk//Campaign calendar//ZH"
_BYDAY = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class IcsEvent:
    uid: str
    summary: str
    start: date
    end: date  # inclusive, as the shop thinks of it
    description: str = ""
    category: str = ""
    recurrence: Recurrence | None = None
    alarm_days_before: int | None = None


def rrule(rule: Recurrence, until: date) -> dict[str, object]:
    """The RRULE for a recurrence; monthly on day ≥ 29 falls on the month's last day if shorter."""
    if rule.kind == "weekly":
        return {"FREQ": "WEEKLY", "BYDAY": [_BYDAY[d] for d in rule.weekdays], "UNTIL": until}
    if rule.day <= 28:
        return {"FREQ": "MONTHLY", "BYMONTHDAY": [rule.day], "UNTIL": until}
    # e.g. day 31: the last of the days 28..31 that the month has
    return {
        "FREQ": "MONTHLY",
        "BYMONTHDAY": list(range(28, rule.day + 1)),
        "BYSETPOS": [-1],
        "UNTIL": until,
    }


def to_ics(events: Iterable[IcsEvent], *, name: str = "ShopDesk 活动日历") -> bytes:
    from icalendar import Alarm, Calendar, Event

    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)
    stamp = now().replace(microsecond=0)
    for ev in events:
        vevent = Event()
        vevent.add("uid", ev.uid)
        vevent.add("dtstamp", stamp)
        vevent.add("summary", ev.summary)
        if ev.recurrence is None:
            vevent.add("dtstart", ev.start)
            vevent.add("dtend", ev.end + timedelta(days=1))
        else:
            # DTSTART is always an instance (RFC 5545), so start on the rule's first day
            first = next(iter_occurrences(ev.recurrence, ev.start, ev.end, ev.start, ev.end), None)
            if first is None:
                continue  # the rule never falls inside the period: nothing to show
            vevent.add("dtstart", first)
            vevent.add("dtend", first + timedelta(days=1))  # each occurrence is one day
            vevent.add("rrule", rrule(ev.recurrence, ev.end))
        vevent.add("transp", "TRANSPARENT")  # a campaign does not make anyone busy
        if ev.description:
            vevent.add("description", ev.description)
        if ev.category:
            vevent.add("categories", [ev.category])
        if ev.alarm_days_before is not None:
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", ev.summary)
            alarm.add("trigger", timedelta(days=-ev.alarm_days_before))
            vevent.add_component(alarm)
        cal.add_component(vevent)
    return cal.to_ical()
