"""Log the meetings of a calendar file (``.ics``) held with the log's contacts.

Each event whose organiser or an attendee matches a contact becomes a
``meeting_scheduled`` for that contact (not for a contact who declined), with
``scheduled_for`` (local time) and ``place`` (``LOCATION``, else the event's URL)
from the event. A cancelled event (``STATUS:CANCELLED``) is left out, and so is a
cancelled or excluded occurrence of a recurring one. A recurring event
(``RRULE``, ``EXDATE``; at most :data:`MAX_OCCURRENCES` occurrences looked at) gives
one row, for its first occurrence that is not cancelled or excluded — taken where it
was moved to (``RECURRENCE-ID``) — with the number of meetings in its notes: the log
keeps one scheduled meeting per person (a newer ``meeting_scheduled`` reschedules).

The row's ``date`` is when the meeting was arranged: the event's ``CREATED``
(else ``DTSTAMP``), never later than the meeting itself. ``ref`` is
``ics:<UID>#<contact_id>``.

The file is read event by event (icalendar 7 parses one ``VEVENT`` at a time; ``VTIMEZONE`` blocks are kept for the events after them). icalendar keeps
``RRULE`` as data and does not expand it: occurrences come from
``dateutil.rrule``.
"""
from __future__ import annotations

import datetime as _dt
import os
from pathlib import Path

from .. import matching as M
from ..errors import CalendarFormatError, InfointError

__all__ = ["import_calendar", "iter_events", "CalendarFormatError", "MAX_OCCURRENCES"]

#: At most this many occurrences of one recurring event are logged.
MAX_OCCURRENCES = 52


def iter_events(path):
    """Yield each ``VEVENT`` of an ``.ics`` file as an :class:`icalendar.Event`.

    Raises
    ------
    CalendarFormatError
        When the file is not a calendar (no ``BEGIN:VCALENDAR``), is cut short, or an
        event cannot be parsed (the message gives its line).
    """
    import icalendar

    path = Path(path)
    timezones: list[bytes] = []
    block: list[bytes] = []
    inside = None
    started = False
    start_line = 0
    with open(path, "rb") as fh:
        for n, line in enumerate(fh, start=1):
            text = line.strip().upper()
            if not started:
                if not text:
                    continue
                if text.lstrip(b"\xef\xbb\xbf") != b"BEGIN:VCALENDAR":
                    raise CalendarFormatError(
                        f"{path}: not a calendar file (an .ics file starts with "
                        "BEGIN:VCALENDAR); export the calendar as iCalendar (.ics)")
                started = True
                continue
            if inside is None and text in (b"BEGIN:VEVENT", b"BEGIN:VTIMEZONE"):
                inside, block, start_line = text[6:], [line], n
                continue
            if inside is not None:
                block.append(line)
                if text == b"END:" + inside:
                    if inside == b"VTIMEZONE":
                        timezones.append(b"".join(block))
                    else:
                        data = (b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\n" + b"".join(timezones)
                                + b"".join(block) + b"END:VCALENDAR\r\n")
                        try:
                            cal = icalendar.Calendar.from_ical(data)
                        except (ValueError, KeyError, TypeError) as exc:
                            raise CalendarFormatError(
                                f"{path}: line {start_line}: this event cannot be read "
                                f"({exc})") from None
                        for ev in cal.walk("VEVENT"):
                            yield ev
                    inside = None
    if not started:
        raise CalendarFormatError(f"{path}: the file is empty; export the calendar as "
                                  "iCalendar (.ics)")
    if inside is not None:
        raise CalendarFormatError(f"{path}: the file ends inside the event that starts on "
                                  f"line {start_line}; it looks cut short — export it again")


def _local(value) -> _dt.datetime:
    if isinstance(value, _dt.datetime):
        if value.tzinfo is not None:
            value = value.astimezone().replace(tzinfo=None)
        return value.replace(microsecond=0)
    return _dt.datetime.combine(value, _dt.time())  # an all-day event


def _decoded(ev, name):
    try:
        return ev.decoded(name) if name in ev else None
    except (ValueError, KeyError, TypeError):
        return None


def _people(ev) -> list[tuple[str, str, str]]:
    """``(address, name, partstat)`` of the organiser and each attendee."""
    out = []
    items = []
    org = ev.get("ORGANIZER")
    if org is not None:
        items.append(org)
    att = ev.get("ATTENDEE")
    if att is not None:
        items += att if isinstance(att, list) else [att]
    for a in items:
        addr = str(a)
        if addr.lower().startswith("mailto:"):
            addr = addr[7:]
        params = getattr(a, "params", {}) or {}
        out.append((addr.strip(), str(params.get("CN", "")).strip('"'),
                    str(params.get("PARTSTAT", "")).upper()))
    return out


def _occurrences(ev, start: _dt.datetime, horizon: _dt.datetime) -> list[_dt.datetime]:
    rule = ev.get("RRULE")
    if rule is None:
        return [start]
    from dateutil.rrule import rrulestr

    rules = rule if isinstance(rule, list) else [rule]
    dates: set[_dt.datetime] = set()
    for r in rules:
        text = r.to_ical().decode()
        rr = rrulestr(text, dtstart=start, ignoretz=True)
        for k, d in enumerate(rr.xafter(start - _dt.timedelta(seconds=1), inc=True)):
            if d > horizon or k >= MAX_OCCURRENCES:
                break
            dates.add(d)
    ex = ev.get("EXDATE")
    for group in (ex if isinstance(ex, list) else [ex] if ex is not None else []):
        for d in getattr(group, "dts", []):
            dates.discard(_local(d.dt))
    return sorted(dates)[:MAX_OCCURRENCES]


def import_calendar(log, path, *, me=(), dry_run: bool = False):
    """Log the calendar's meetings with the log's contacts as ``meeting_scheduled``.

    Parameters
    ----------
    log : ContactLog
    path : str or Path
        An iCalendar (``.ics``) file.
    me : list of str
        Your own addresses (also those remembered in ``plan.json``): never a contact.
    dry_run : bool
        Only report what would be added.

    Returns
    -------
    ActivityReport
    """
    from .mail import me_for_import

    path = Path(os.path.expanduser(str(path)))
    if not path.is_file():
        raise InfointError(f"{path}: no such file; check the path")
    ident, plan = me_for_import(log, me)
    matcher = M.ContactMatcher(log.raw_contacts)
    horizon = _dt.datetime.now() + _dt.timedelta(days=365)
    series: dict[str, tuple] = {}
    moved: dict[tuple[str, _dt.datetime], object] = {}
    skipped = {"matched nobody": 0, "cancelled": 0, "no start time": 0}
    scanned = 0
    for ev in iter_events(path):
        scanned += 1
        uid = str(ev.get("UID", "")).strip()
        rid = _decoded(ev, "RECURRENCE-ID")
        if rid is not None:
            moved[(uid, _local(rid))] = ev
        else:
            series[uid or f"event-{scanned}"] = ev
    events: list[M.Event] = []
    for uid, ev in series.items():
        start = _decoded(ev, "DTSTART")
        if start is None:
            skipped["no start time"] += 1
            continue
        if str(ev.get("STATUS", "")).upper() == "CANCELLED":
            skipped["cancelled"] += 1
            continue
        start = _local(start)
        kept = []  # (start, event) of each occurrence not cancelled
        for when in _occurrences(ev, start, horizon):
            this = moved.pop((uid, when), ev)
            if this is not ev:
                if str(this.get("STATUS", "")).upper() == "CANCELLED":
                    continue
                when = _local(_decoded(this, "DTSTART") or when)
            kept.append((when, this))
        if not kept:
            skipped["cancelled"] += 1
            continue
        kept.sort(key=lambda t: t[0])
        when, this = kept[0]
        more = ""
        if ev.get("RRULE") is not None:
            more = f" (recurring: {len(kept)} meetings until {kept[-1][0]:%Y-%m-%d})"
        events += _meeting_events(this, when, f"ics:{uid}", matcher, ident, skipped, more)
    for (uid, _when), ev in moved.items():  # an occurrence whose series is not in the file
        if str(ev.get("STATUS", "")).upper() == "CANCELLED":
            skipped["cancelled"] += 1
            continue
        when = _local(_decoded(ev, "DTSTART") or _when)
        events += _meeting_events(ev, when, f"ics:{uid}/{_when:%Y%m%dT%H%M}", matcher,
                                  ident, skipped)
    report = M.build_report(log, events, source=str(path), what="calendar",
                            scanned=scanned, skipped=skipped, plan_sections=plan)
    if not dry_run:
        report.save(log)
    return report


def _meeting_events(ev, when, ref, matcher, ident, skipped, more="") -> list[M.Event]:
    made = _decoded(ev, "CREATED") or _decoded(ev, "DTSTAMP")
    arranged = min(_local(made), when) if made is not None else when
    summary = (" ".join(str(ev.get("SUMMARY", "")).split()) or "meeting") + more
    place = " ".join(str(ev.get("LOCATION", "") or ev.get("URL", "") or "").split())
    out = []
    for addr, name, partstat in _people(ev):
        if ident.is_me(email=addr, name=name):
            continue
        cid = matcher.match(email=addr, name=name)
        if cid is None or partstat == "DECLINED" or any(e.contact_id == cid for e in out):
            continue
        channel = ("video" if place.casefold().startswith(("http://", "https://"))
                   else "in_person" if place else "")
        out.append(M.Event(cid, arranged, M.MEETING, channel, summary, f"{ref}#{cid}",
                           scheduled_for=when.strftime("%Y-%m-%dT%H:%M"), place=place))
    if not out:
        skipped["matched nobody"] += 1
    return out
