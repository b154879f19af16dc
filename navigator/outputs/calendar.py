"""Deadlines as an iCalendar file, so a person can put them in their phone's calendar."""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Calendar, Event

from navigator.engine import N_, Assessment

from .i18n import Translator

PRODID = "-//Exile navigator//Guidance deadlines//EN"


def render_ics(assessment: Assessment, tr: Translator) -> bytes:
    """One all-day event per upcoming or past deadline of the pathways that apply."""
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("x-wr-calname", tr(N_("Legal-status deadlines")))
    titles = {r.id: tr(r.pathway.title) for r in assessment.results}
    stamp = dt.datetime.combine(assessment.as_of, dt.time(0, 0), tzinfo=dt.UTC)
    for deadline in assessment.deadlines:
        event = Event()
        summary = tr.message(deadline.label)
        uid = hashlib.sha256(
            f"{deadline.pathway_id}|{deadline.date}|{deadline.label.msgid}".encode()
        ).hexdigest()[:32]
        event.add("uid", f"{uid}@exile-navigator")
        event.add("dtstamp", stamp)
        event.add("dtstart", deadline.date)
        event.add("dtend", deadline.date + dt.timedelta(days=1))
        event.add("summary", summary)
        event.add("description", titles.get(deadline.pathway_id, ""))
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
