"""calendar: the .ics export parses back, one event each, with UIDs that stay put."""
from __future__ import annotations

import datetime as dt

import icalendar
import pandas as pd
import pytest

from infoint_nb import calendar as K
from infoint_nb import metrics as M
from infoint_nb import schema as S
from infoint_nb.errors import ParameterError

from test_metrics import contact, make_log

PEOPLE = [contact("A", "Ann", "Acme"), contact("B", "Bo", ""), contact("C", "Cy", "Cyan")]
LOG = [
    ("A", "2026-03-01", S.OUTREACH, "linkedin"),
    ("B", "2026-03-20", S.MEETING_HELD, "in_person"),
    {S.CONTACT_ID: "C", S.DATE: "2026-03-20", S.KIND: S.MEETING_SCHEDULED,
     S.CHANNEL: "video", S.SCHEDULED_FOR: "2026-04-03T10:30", S.PLACE: "Cafe Lumen"},
]


def export(log, as_of, **kw):
    c, i = make_log(PEOPLE, log)
    due = M.followups_due(c, i, as_of=as_of)
    meetings = M.upcoming_meetings(c, i, as_of=as_of)
    cal = icalendar.Calendar.from_ical(K.calendar_bytes(due, meetings, **kw))
    return due, meetings, {str(e["UID"]): e for e in cal.walk("VEVENT")}


def test_one_event_per_thing_due_and_per_meeting():
    due, meetings, events = export(LOG, "2026-03-25")
    assert len(due) == 2 and len(meetings) == 1
    assert sorted(events) == ["follow_up.A@infoint-nb.invalid",
                              "meeting.C@infoint-nb.invalid",
                              "thank_you.B@infoint-nb.invalid"]
    follow = events["follow_up.A@infoint-nb.invalid"]
    assert str(follow["SUMMARY"]) == "Follow up with Ann (Acme)"
    assert follow.decoded("DTSTART") == dt.date(2026, 3, 11)          # all-day, on due_on
    assert follow.decoded("DTEND") == dt.date(2026, 3, 12)
    assert "Channel: linkedin" in str(follow["DESCRIPTION"])
    assert str(events["thank_you.B@infoint-nb.invalid"]["SUMMARY"]) == "Thank Bo"
    meeting = events["meeting.C@infoint-nb.invalid"]
    start = meeting.decoded("DTSTART")
    assert start == dt.datetime(2026, 4, 3, 10, 30) and start.tzinfo is None   # local time
    assert meeting.decoded("DTEND") - start == dt.timedelta(minutes=30)
    assert str(meeting["LOCATION"]) == "Cafe Lumen"


def test_uids_are_stable_and_a_later_export_updates_the_same_events():
    first_stamp = dt.datetime(2026, 3, 25, 8, 0, tzinfo=dt.timezone.utc)
    _, _, first = export(LOG, "2026-03-25", stamp=first_stamp)
    _, _, again = export(LOG, "2026-03-25",
                         stamp=first_stamp + dt.timedelta(hours=2))
    assert set(first) == set(again)
    uid = "follow_up.A@infoint-nb.invalid"
    assert int(again[uid]["SEQUENCE"]) > int(first[uid]["SEQUENCE"])
    # the follow-up is logged: the next one is due later, under the same UID
    later = LOG + [("A", "2026-03-26", S.FOLLOW_UP)]
    _, _, moved = export(later, "2026-04-06", stamp=first_stamp + dt.timedelta(days=12))
    assert moved[uid].decoded("DTSTART") == dt.date(2026, 4, 5)
    assert "follow-up 2 of 2" in str(moved[uid]["DESCRIPTION"])


def test_rescheduling_moves_the_meeting_event():
    resched = LOG + [{S.CONTACT_ID: "C", S.DATE: "2026-03-22", S.KIND: S.MEETING_SCHEDULED,
                      S.SCHEDULED_FOR: "2026-04-07T09:00", S.PLACE: "Office"}]
    _, _, events = export(resched, "2026-03-25")
    meeting = events["meeting.C@infoint-nb.invalid"]
    assert meeting.decoded("DTSTART") == dt.datetime(2026, 4, 7, 9, 0)
    assert sum(uid.startswith("meeting.") for uid in events) == 1


def test_write_ics_writes_a_file_that_parses_back(tmp_path):
    c, i = make_log(PEOPLE, LOG)
    due = M.followups_due(c, i, as_of="2026-03-25")
    path = K.write_ics(tmp_path / "due.ics", due, None, uid_domain="my-log.example")
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    assert [str(e["UID"]) for e in cal.walk("VEVENT")] == [
        "follow_up.A@my-log.example", "thank_you.B@my-log.example"]
    assert str(cal["PRODID"]) == K.PRODID
    assert [p.name for p in tmp_path.iterdir()] == ["due.ics"]        # no temp file left


def test_write_ics_into_a_missing_folder_says_so(tmp_path):
    c, i = make_log(PEOPLE, LOG)
    due = M.followups_due(c, i, as_of="2026-03-25")
    with pytest.raises(ParameterError, match="does not exist"):
        K.write_ics(tmp_path / "nope" / "due.ics", due)


def test_build_calendar_wants_the_metrics_tables():
    with pytest.raises(ParameterError, match="followups_due lacks the column"):
        K.build_calendar(pd.DataFrame({"contact_id": ["A"]}))


def test_event_uid_encodes_odd_contact_ids():
    assert K.event_uid("update", "C 7/@x") == "update.C%207%2F%40x@infoint-nb.invalid"
