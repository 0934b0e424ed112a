"""What is due and the meetings ahead, as an iCalendar (``.ics``) file.

One event per row of :func:`metrics.followups_due` (an all-day event on its
``due_on`` date) and per row of :func:`metrics.upcoming_meetings` (a timed
event at ``scheduled_for``, in local "floating" time, as the log stores it).

UIDs are derived from what the event is about, never from when it was exported:
``<action>.<contact_id>@<uid_domain>`` for something due (``followups_due`` has
one row per contact and action) and ``meeting.<contact_id>@<uid_domain>`` for
a meeting (``upcoming_meetings`` lists the latest one per contact). Importing
a newer export therefore updates the events of the earlier one instead of
adding duplicates: the second follow-up moves the first one's event, a
rescheduled meeting moves to its new time. ``SEQUENCE`` grows with the export
time so calendar programs accept the newer version.

icalendar is imported on first use.
"""
from __future__ import annotations

import datetime as _dt
import errno
from pathlib import Path
from urllib.parse import quote

import pandas as pd

from ._docstrings import share_docs
from .errors import FileProblemError, ParameterError
from .schema import CHANNEL, COMPANY, CONTACT_ID, NAME, PLACE, SCHEDULED_FOR
from .store import write_atomically
from .vocabulary import ACTION_TITLES, MEETING_EVENT  # the titles are defined there

__all__ = ["PRODID", "UID_DOMAIN", "ACTION_TITLES", "event_uid", "build_calendar",
           "calendar_bytes", "write_ics"]

PRODID = "-//infoint_nb//informational interviews//EN"
#: The part after ``@`` in every UID; give each log its own when you export several.
UID_DOMAIN = "infoint-nb.invalid"
_EPOCH = _dt.datetime(2020, 1, 1, tzinfo=_dt.timezone.utc)


def event_uid(action: str, contact_id: str, *, uid_domain: str = UID_DOMAIN) -> str:
    """The stable UID of the event for ``action`` (or ``"meeting"``) with a contact.

    Parameters
    ----------
    action : str
        An action of ``metrics.ACTIONS``, or ``"meeting"``.
    contact_id : str
        The contact the event is about (percent-encoded where needed).
    uid_domain : str
        The part after ``@``.

    Examples
    --------
    >>> event_uid("follow_up", "C0007")
    'follow_up.C0007@infoint-nb.invalid'
    """
    return f"{action}.{quote(str(contact_id), safe='-_~')}@{uid_domain}"


def _who(row) -> str:
    company = str(row.get(COMPANY, "") or "").strip()
    name = str(row.get(NAME, "") or "").strip() or str(row[CONTACT_ID])
    return f"{name} ({company})" if company else name


def _check_columns(frame: pd.DataFrame, needed, what: str) -> None:
    missing = [c for c in needed if c not in frame.columns]
    if missing:
        raise ParameterError(f"{what} lacks the column(s) {', '.join(missing)}; pass the "
                             f"table returned by metrics.{what}")


@share_docs
def build_calendar(due: pd.DataFrame, meetings: pd.DataFrame | None = None, *,
                   stamp: _dt.datetime | None = None, meeting_minutes: int = 30,
                   uid_domain: str = UID_DOMAIN, name: str = "Informational interviews"):
    """An ``icalendar.Calendar`` with one event per thing due and per meeting ahead.

    Parameters
    ----------
    {params.due}
    {params.meetings}
    stamp : datetime, optional
        When the calendar is made (``DTSTAMP``, ``SEQUENCE``); now by default.
    meeting_minutes : int
        Length given to a meeting (the log stores only its start).
    uid_domain : str
        The part after ``@`` in every UID.
    name : str
        The calendar's display name.

    Returns
    -------
    icalendar.Calendar

    Raises
    ------
    ParameterError
        When a table lacks the columns of its metrics function.
    """
    import icalendar

    _check_columns(due, (CONTACT_ID, NAME, "action", "due_on", "reason"), "followups_due")
    if meetings is not None:
        _check_columns(meetings, (CONTACT_ID, NAME, SCHEDULED_FOR), "upcoming_meetings")
    if stamp is None:
        stamp = _dt.datetime.now(_dt.timezone.utc)
    elif stamp.tzinfo is None:
        stamp = stamp.replace(tzinfo=_dt.timezone.utc)
    stamp = stamp.replace(microsecond=0)
    sequence = max(0, int((stamp - _EPOCH).total_seconds() // 60))

    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", name)

    def new_event(uid: str, summary: str) -> "icalendar.Event":
        ev = icalendar.Event()
        ev.add("uid", uid)
        ev.add("dtstamp", stamp)
        ev.add("last-modified", stamp)
        ev.add("sequence", sequence)
        ev.add("summary", summary)
        return ev

    for row in due.to_dict("records"):
        action = str(row["action"])
        day = pd.Timestamp(row["due_on"]).date()
        ev = new_event(event_uid(action, row[CONTACT_ID], uid_domain=uid_domain),
                       f"{ACTION_TITLES.get(action, action)} {_who(row)}")
        ev.add("dtstart", day)
        ev.add("dtend", day + _dt.timedelta(days=1))
        lines = [str(row["reason"])]
        if str(row.get(CHANNEL, "") or ""):
            lines.append(f"Channel: {row[CHANNEL]}")
        lines.append(f"Contact: {row[CONTACT_ID]}")
        ev.add("description", "\n".join(lines))
        ev.add("categories", ["infoint", action])
        ev.add("transp", "TRANSPARENT")
        cal.add_component(ev)

    if meetings is not None:
        for row in meetings.to_dict("records"):
            start = pd.Timestamp(row[SCHEDULED_FOR])
            if pd.isna(start):
                continue
            start = start.to_pydatetime().replace(tzinfo=None)
            ev = new_event(event_uid(MEETING_EVENT, row[CONTACT_ID], uid_domain=uid_domain),
                           f"{ACTION_TITLES[MEETING_EVENT]} {_who(row)}")
            ev.add("dtstart", start)
            ev.add("dtend", start + _dt.timedelta(minutes=meeting_minutes))
            place = str(row.get(PLACE, "") or "").strip()
            if place:
                ev.add("location", place)
            desc = [f"Contact: {row[CONTACT_ID]}"]
            if str(row.get(CHANNEL, "") or ""):
                desc.append(f"Channel: {row[CHANNEL]}")
            ev.add("description", "\n".join(desc))
            ev.add("categories", ["infoint", "meeting"])
            cal.add_component(ev)
    return cal


def calendar_bytes(due: pd.DataFrame, meetings: pd.DataFrame | None = None, **kwargs
                   ) -> bytes:
    """The ``.ics`` text of :func:`build_calendar` (same parameters), as bytes."""
    return build_calendar(due, meetings, **kwargs).to_ical()


def write_ics(path, due: pd.DataFrame, meetings: pd.DataFrame | None = None, **kwargs
              ) -> Path:
    """Write :func:`build_calendar` (same parameters) to ``path``; return the path.

    The file is written to a temporary file beside it and moved into place, so
    a calendar program never reads half a file.

    Raises
    ------
    FileProblemError
        When ``path`` is a folder or cannot be written (no permission, disk full, …).
    ParameterError
        When the folder of ``path`` does not exist.
    """
    path = Path(path)
    if path.is_dir():
        raise FileProblemError(f"{path}: is a folder; give a file name for the calendar, "
                               f"e.g. {path / 'followups.ics'}", path=path,
                               errno=errno.EISDIR)
    data = calendar_bytes(due, meetings, **kwargs)
    if not path.parent.is_dir():
        what = "is a file, not a folder" if path.parent.exists() else "does not exist"
        raise ParameterError(f"{path}: the folder {path.parent} {what}; create it "
                             "first or write the calendar somewhere else")
    return write_atomically(path, data, doing="write the calendar")
