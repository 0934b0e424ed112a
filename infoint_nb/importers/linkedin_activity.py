"""Log LinkedIn messages and invitations from LinkedIn's data export.

Two files of the export (columns are found by name, in any order, whatever their
case; extra columns such as ``ATTACHMENTS`` or ``IS MESSAGE DRAFT`` are ignored):

* ``messages.csv`` — ``CONVERSATION ID, CONVERSATION TITLE, FROM, SENDER PROFILE URL,
  TO, RECIPIENT PROFILE URLS, DATE, SUBJECT, CONTENT, FOLDER`` (older exports have no
  ``RECIPIENT PROFILE URLS``: recipients are then matched by name). Dates look like
  ``2025-06-01 14:03:22 UTC`` and become local time.
* ``Invitations.csv`` — ``From, To, Sent At, Message, Direction, inviterProfileUrl,
  inviteeProfileUrl`` (older exports without the last two). ``Sent At`` looks like
  ``1/29/26, 2:37 PM``; ``Direction`` is ``INCOMING`` or ``OUTGOING``.

Meaning (see :mod:`infoint_nb.matching`): a message you sent is an attempt (or a
``note`` after they answered), one they sent a ``reply``; an OUTGOING invitation with a
message is an attempt on ``linkedin`` (``outreach`` when it is the first), one without a
message and any INCOMING invitation a ``note``. Both files are read row by row.
"""
from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import io
import os
import re
from pathlib import Path

import pandas as pd

from .. import matching as M
from .. import schema as S
from ..errors import InfointError, LinkedInFormatError
from .mail import BODY_LIMIT, me_for_import

__all__ = ["detect_linkedin_file", "import_linkedin_messages", "import_linkedin_invitations",
           "LinkedInFormatError", "MESSAGES", "INVITATIONS", "CONNECTIONS"]

MESSAGES, INVITATIONS, CONNECTIONS = "messages", "invitations", "connections"

_MSG_REQUIRED = ("FROM", "DATE")
_INV_REQUIRED = ("FROM", "TO", "SENT AT", "DIRECTION")


def _key(name: str) -> str:
    return " ".join(str(name).replace("\ufeff", "").split()).upper()


def _open_text(path: Path, errors: str = "strict"):
    try:
        raw = path.open("rb")
    except IsADirectoryError:
        raise LinkedInFormatError(f"{path}: is a folder; give the CSV file itself") from None
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors=errors, newline="")


def _header_of(path: Path) -> list[str] | None:
    """The first row that looks like a header (LinkedIn puts notes above some)."""
    with _open_text(path, errors="replace") as fh:  # a bad byte is reported by _rows
        try:
            for k, row in enumerate(csv.reader(fh)):
                keys = {_key(c) for c in row}
                if {"FROM", "DATE"} <= keys or {"SENT AT", "DIRECTION"} <= keys or \
                        {"FIRST NAME", "LAST NAME"} <= keys:
                    return row
                if k > 10:
                    break
        except (UnicodeDecodeError, csv.Error):
            return None
    return None


def detect_linkedin_file(path) -> str:
    """Which LinkedIn export file this is: ``messages``, ``invitations`` or ``connections``.

    Raises
    ------
    LinkedInFormatError
        When it is none of the three.
    """
    path = Path(path)
    header = _header_of(path)
    keys = {_key(c) for c in header or []}
    if {"SENT AT", "DIRECTION"} <= keys:
        return INVITATIONS
    if {"FROM", "DATE"} <= keys and ({"CONVERSATION ID", "CONTENT"} & keys):
        return MESSAGES
    if {"FIRST NAME", "LAST NAME"} <= keys:
        return CONNECTIONS
    raise LinkedInFormatError(
        f"{path}: not a LinkedIn export file we know; give Connections.csv, messages.csv or "
        "Invitations.csv from LinkedIn's data export (Settings › Data privacy › Get a copy "
        "of your data)")


def _rows(path: Path, required):
    """Yield ``(spreadsheet row, {COLUMN: value})`` with columns keyed by name."""
    with _open_text(path) as fh:
        reader = csv.reader(fh)
        line = 0
        header = None
        try:
            for row in reader:
                line += 1
                if header is None:
                    keys = [_key(c) for c in row]
                    if set(required) <= set(keys):
                        header = keys
                    elif line > 10:
                        break
                    continue
                if not any(c.strip() for c in row):
                    continue
                yield line, {k: (row[n] if n < len(row) else "") for n, k in enumerate(header)}
        except UnicodeDecodeError:
            where, byte = _bad_utf8(path)
            raise LinkedInFormatError(
                f"{path}: line {where}: byte 0x{byte:02x} is not UTF-8 text; use the file as "
                "LinkedIn exported it (a spreadsheet program may have saved it in another "
                "encoding: save it as 'CSV UTF-8')") from None
        except csv.Error as err:
            raise LinkedInFormatError(f"{path}: row {line + 1}: {err}") from None
        if header is None:
            raise LinkedInFormatError(
                f"{path}: the header needs the columns {', '.join(required)}; is this the "
                "right file from LinkedIn's export?")


def _bad_utf8(path: Path) -> tuple[int, int]:
    """(line, byte) of the first byte that is not UTF-8, read block by block."""
    import codecs

    dec = codecs.getincrementaldecoder("utf-8")()
    line = 1
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            try:
                dec.decode(block)
            except UnicodeDecodeError as err:
                return line + block.count(b"\n", 0, max(err.start, 0)), block[max(err.start, 0)]
            line += block.count(b"\n")
    return line, 0


def _linkedin_date(text: str, path: Path, row: int, column: str) -> _dt.datetime:
    """``2025-06-01 14:03:22 UTC`` (UTC → local time) or ``1/29/26, 2:37 PM`` (as given)."""
    t = " ".join(str(text).split())
    m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2})?)(?: ?(UTC|Z|GMT))?", t)
    if m:
        ts = _dt.datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}")
        if m.group(3):
            ts = ts.replace(tzinfo=_dt.timezone.utc).astimezone().replace(tzinfo=None)
        return ts
    for fmt in ("%m/%d/%y, %I:%M %p", "%m/%d/%Y, %I:%M %p", "%m/%d/%y %I:%M %p",
                "%m/%d/%y", "%Y-%m-%d"):
        try:
            return _dt.datetime.strptime(t, fmt)
        except ValueError:
            pass
    raise LinkedInFormatError(
        f"{path}: row {row}, column {column}: {text!r} is not a date LinkedIn writes "
        "(2025-06-01 14:03:22 UTC or 1/29/26, 2:37 PM)")


def _short(text: str) -> str:
    return hashlib.sha1(str(text).encode("utf-8")).hexdigest()[:10]


def _split_urls(text: str) -> list[str]:
    return [u for u in re.split(r"[\s,;]+", str(text or "")) if "linkedin.com/" in u.casefold()]


def _infer_me(path: Path) -> M.MeIdentity:
    """The person taking part in the most conversations (LinkedIn's export is one user's)."""
    seen: dict[str, set] = {}
    urls: dict[str, str] = {}
    for _row, r in _rows(path, _MSG_REQUIRED):
        who = (r.get("SENDER PROFILE URL") or "").strip() or r.get("FROM", "").strip()
        if who:
            seen.setdefault(who, set()).add(r.get("CONVERSATION ID", "") or r.get("TO", ""))
            urls[who] = r.get("FROM", "")
    ranked = sorted(seen.items(), key=lambda kv: -len(kv[1]))
    if not ranked or (len(ranked) > 1 and len(ranked[0][1]) == len(ranked[1][1])):
        raise InfointError(f"{path}: cannot tell which sender is you; say it with --me "
                           "followed by your LinkedIn profile URL or your name as LinkedIn "
                           "shows it")
    return M.MeIdentity.from_values([ranked[0][0], urls[ranked[0][0]]])


def import_linkedin_messages(log, path, *, me=(), dry_run: bool = False,
                             with_body: bool = False):
    """Log the LinkedIn messages exchanged with the log's contacts (``messages.csv``).

    Parameters
    ----------
    log : ContactLog
    path : str or Path
        LinkedIn's ``messages.csv``.
    me : list of str
        Your LinkedIn profile URL or name (remembered in ``plan.json``); when neither is
        known, the person in the most conversations is taken to be you.
    dry_run : bool
        Only report what would be added.
    with_body : bool
        Put the start of each message (at most ``BODY_LIMIT`` characters) in ``notes``;
        by default notes get the subject (or the conversation's title) only.

    Returns
    -------
    ActivityReport
    """
    path = Path(os.path.expanduser(str(path)))
    ident, plan = me_for_import(log, me)
    if not (ident.urls or ident.names):
        inferred = _infer_me(path)
        ident.urls |= inferred.urls
        ident.names |= inferred.names
    matcher = M.ContactMatcher(log.raw_contacts)
    events: list[M.Event] = []
    skipped = {"matched nobody": 0, "drafts": 0}
    scanned = 0
    my_first: dict[str, _dt.datetime] = {}        # conversation → your first message
    strangers: dict[tuple, list] = {}             # (conversation, name, url) → their dates
    for row, r in _rows(path, _MSG_REQUIRED):
        scanned += 1
        if r.get("IS MESSAGE DRAFT", "").strip().casefold() in ("true", "yes", "1"):
            skipped["drafts"] += 1
            continue
        when = _linkedin_date(r.get("DATE", ""), path, row, "DATE")
        sender, s_url = r.get("FROM", "").strip(), r.get("SENDER PROFILE URL", "").strip()
        title = " ".join((r.get("SUBJECT") or r.get("CONVERSATION TITLE") or "").split())
        notes = title or "LinkedIn message"
        if with_body:
            body = " ".join(str(r.get("CONTENT", "")).split())
            if body:
                notes += " — " + body[:BODY_LIMIT] + ("…" if len(body) > BODY_LIMIT else "")
        conv = r.get("CONVERSATION ID", "").strip() or _short(r.get("CONVERSATION TITLE", ""))
        base = f"linkedin:{conv}/{' '.join(r.get('DATE', '').split())}/{_short(s_url or sender)}"
        found = []
        if ident.is_me(url=s_url, name=sender):
            my_first[conv] = min(my_first.get(conv, when), when)
            urls = _split_urls(r.get("RECIPIENT PROFILE URLS", ""))
            names = [n.strip() for n in r.get("TO", "").split(",") if n.strip()]
            whole = r.get("TO", "").strip()
            cids = []
            for u in urls:
                cids.append(matcher.match(url=u))
            if not any(cids):
                cids = [matcher.match(name=whole)] if matcher.match(name=whole) else [
                    matcher.match(name=n) for n in names]
            for cid in dict.fromkeys(c for c in cids if c):
                found.append(M.Event(cid, when, M.OUT, "linkedin", notes, f"{base}#{cid}"))
        else:
            cid = matcher.match(url=s_url, name=sender)
            if cid:
                found.append(M.Event(cid, when, M.IN, "linkedin", notes, f"{base}#{cid}"))
            elif sender or s_url:
                strangers.setdefault((conv, sender, s_url), []).append(when)
        if found:
            events.extend(found)
        else:
            skipped["matched nobody"] += 1
    # people outside the log who wrote after you did in the same conversation
    answered: dict[tuple, list] = {}
    for (conv, name, url), dates in strangers.items():
        later = [d for d in dates if conv in my_first and d > my_first[conv]]
        if later:
            answered.setdefault((name, url), []).extend(later)
    candidates = pd.DataFrame(
        [{"name": n, "email": u, "messages": len(d), "last": max(d).date().isoformat()}
         for (n, u), d in sorted(answered.items())],
        columns=["name", "email", "messages", "last"])
    report = M.build_report(log, events, source=str(path), what="LinkedIn messages",
                            scanned=scanned, skipped=skipped, candidates=candidates,
                            plan_sections=plan)
    if not dry_run:
        report.save(log)
    return report


def import_linkedin_invitations(log, path, *, dry_run: bool = False, with_body: bool = False):
    """Log the LinkedIn invitations sent to or received from the log's contacts
    (``Invitations.csv``).

    Parameters
    ----------
    log : ContactLog
    path : str or Path
        LinkedIn's ``Invitations.csv``.
    dry_run : bool
        Only report what would be added.
    with_body : bool
        Put the invitation's message (at most ``BODY_LIMIT`` characters) in ``notes``.

    Returns
    -------
    ActivityReport
    """
    path = Path(os.path.expanduser(str(path)))
    matcher = M.ContactMatcher(log.raw_contacts)
    events: list[M.Event] = []
    skipped = {"matched nobody": 0}
    scanned = 0
    for row, r in _rows(path, _INV_REQUIRED):
        scanned += 1
        direction = r.get("DIRECTION", "").strip().upper()
        if direction not in ("INCOMING", "OUTGOING"):
            raise LinkedInFormatError(
                f"{path}: row {row}, column Direction: {r.get('DIRECTION', '')!r} is not "
                "INCOMING or OUTGOING")
        when = _linkedin_date(r.get("SENT AT", ""), path, row, "Sent At")
        out = direction == "OUTGOING"
        name = (r.get("TO") if out else r.get("FROM", "")).strip()
        url = (r.get("INVITEEPROFILEURL") if out else r.get("INVITERPROFILEURL")) or ""
        cid = matcher.match(url=url.strip(), name=name)
        if not cid:
            skipped["matched nobody"] += 1
            continue
        message = " ".join(str(r.get("MESSAGE", "")).split())
        if out and message:
            direction_, notes = M.OUT, "LinkedIn invitation with a message"
        elif out:
            direction_, notes = M.RECORD, "LinkedIn invitation sent (no message)"
        else:
            direction_, notes = M.RECORD, "LinkedIn invitation received"
        if with_body and message:
            notes += " — " + message[:BODY_LIMIT] + ("…" if len(message) > BODY_LIMIT else "")
        ref = (f"linkedin:invitation/{direction.lower()}/"
               f"{' '.join(r.get('SENT AT', '').split())}/{_short(url.strip() or name)}#{cid}")
        events.append(M.Event(cid, when, direction_, "linkedin", notes, ref))
    report = M.build_report(log, events, source=str(path), what="LinkedIn invitations",
                            scanned=scanned, skipped=skipped)
    if not dry_run:
        report.save(log)
    return report
