"""Log what a mailbox already holds: sent letters, replies, auto-replies and bounces.

Reads an mbox file (Gmail Takeout, Thunderbird; any size), a folder of ``.eml``
files, or one ``.eml``, *streaming*: the mbox is read in blocks, only the header
of each message is parsed, and a body is read only when it is needed (a bounce,
to find who the failed message was for; a matched message with ``with_body``).
The meaning rules are :mod:`infoint_nb.matching`'s.

Examples
--------
>>> report = import_mail(log, "~/Takeout/All mail.mbox", me=["alex@example.com"],
...                      dry_run=True)                                  # doctest: +SKIP
>>> print(report)                                                       # doctest: +SKIP
"""
from __future__ import annotations

import datetime as _dt
import email.errors
import email.utils
import hashlib
import os
import re
from email import policy
from email.parser import BytesParser
from pathlib import Path

import pandas as pd

from .. import matching as M
from .. import schema as S
from ..errors import InfointError, MailFormatError

__all__ = ["import_mail", "iter_mbox", "iter_messages", "MailFormatError", "ME_SECTION",
           "BODY_LIMIT"]

#: The ``plan.json`` section that remembers the user's own addresses and profiles.
ME_SECTION = "me"
#: At most this many characters of a body go into ``notes`` (with ``with_body``).
BODY_LIMIT = 500
_BLOCK = 1 << 22
_MAX_HEADER = 1 << 20

_AUTO_SUBJECT = re.compile(
    r"^\s*(out of (the )?office|automatic reply|auto(matic)?[- ]?reply|auto:|autoreply|"
    r"abwesenheit|abwesend|r[ée]ponse automatique|absence|respuesta autom[áa]tica|"
    r"risposta automatica|on vacation|away from (the )?office)", re.I)
_DAEMON = re.compile(r"^(mailer-daemon|postmaster|mail-daemon|mailerdaemon)@", re.I)
_FINAL_RCPT = re.compile(
    rb"(?im)^(?:final|original)-recipient:\s*rfc822;\s*<?([^\s<>;]+@[^\s<>;]+)>?")
_EMBEDDED_SUBJECT = re.compile(rb"(?im)^subject:[ \t]*(.*(?:\r?\n[ \t]+.*)*)")


# --- reading, streamed ---------------------------------------------------------------
def iter_mbox(path, *, need_body=None, progress=None):
    """Yield ``(headers, body, from_line)`` for each message of an mbox file.

    Parameters
    ----------
    path : str or Path
    need_body : callable, optional
        ``need_body(headers_bytes) -> bool``: whether to keep the body (``None``
        otherwise — it is skipped without being kept in memory).
    progress : callable, optional
        Called with the number of bytes read so far.

    Raises
    ------
    MailFormatError
        When the file does not start with a ``From`` line, or ends inside a message
        (the file was cut short).
    """
    path = Path(path)
    with open(path, "rb") as fh:
        r = _Blocks(fh, progress)
        lead = len(r.buf) - len(r.buf.lstrip(b"\r\n"))
        if not r.buf[lead:].strip():
            return
        if not r.buf[lead:].startswith(b"From "):
            raise MailFormatError(
                f"{path}: not an mbox file (it does not start with a 'From ' line); give "
                "an mbox (Gmail Takeout's .mbox, a Thunderbird folder file), a .eml file "
                "or a folder of .eml files")
        p = lead
        number = 0
        while True:
            number += 1
            nl = r.buf.find(b"\n", p)
            while nl < 0:
                if r.eof:
                    raise _cut(path, number)
                p -= r.more(p)
                nl = r.buf.find(b"\n", p)
            from_line = r.buf[p:nl].rstrip(b"\r")
            m = _HDR_END.search(r.buf, nl)
            while m is None and not r.eof and len(r.buf) - nl < _MAX_HEADER:
                shift = r.more(p)
                p, nl = p - shift, nl - shift
                m = _HDR_END.search(r.buf, nl)
            h0 = nl + 1
            if m is None:
                if r.eof:
                    if not r.buf.endswith(b"\n"):
                        raise _cut(path, number)
                    b0 = len(r.buf)
                else:
                    b0 = h0 + _MAX_HEADER
                headers = r.buf[h0:b0]
            elif m.group() == b"\nFrom ":
                headers, b0 = r.buf[h0:m.start() + 1], m.start() + 1
            else:
                headers, b0 = r.buf[h0:m.start() + 1], m.end()
            keep = bool(need_body and need_body(headers))
            sep = _next_sep(r.buf, max(b0 - 1, 0), r.eof)
            while sep < 0 and not r.eof:
                if keep:
                    shift = r.more(p)
                    p, b0 = p - shift, b0 - shift
                else:  # drop what is read; keep a tail that may hold a "From " line's start
                    r.more(max(len(r.buf) - _SEP_TAIL, b0))
                    b0 = 0
                sep = _next_sep(r.buf, max(b0 - 1, 0), r.eof)
            stop = len(r.buf) if sep < 0 else sep + 1
            if sep < 0 and r.eof and stop > b0 and not r.buf.endswith(b"\n"):
                raise _cut(path, number)
            body = _unescape(r.buf[b0:stop]) if keep else None
            yield headers, body, from_line
            p = stop
            if p >= len(r.buf):
                if r.eof:
                    return
                r.more(p)
                p = 0
                if not r.buf:
                    return


_HDR_END = re.compile(rb"\r?\n\r?\n|\nFrom ")
#: A separator line: ``From <sender> <date>`` with a time and a year (asctime, as
#: Thunderbird and Gmail write it). A body line "From what I read…" that a writer
#: forgot to escape is not one.
_SEP_LINE = re.compile(rb"From \S+ [^\r\n]*\d{1,2}:\d{2}[^\r\n]*\d{4}[^\r\n]*")
_SEP_TAIL = 1024


def _next_sep(buf: bytes, start: int, eof: bool) -> int:
    """Index of the newline before the next separator line, or -1 (read more first
    when not at the end of the file: the line may continue in the next block)."""
    while True:
        k = buf.find(b"\nFrom ", start)
        if k < 0:
            return -1
        end = buf.find(b"\n", k + 1)
        if end < 0 and not eof:
            return -1 if len(buf) - k < _SEP_TAIL else k  # a long line: take it
        line = buf[k + 1:end if end >= 0 else len(buf)]
        if _SEP_LINE.fullmatch(line.rstrip(b"\r")):
            return k
        start = k + 1


class _Blocks:
    """A file read in large blocks; :meth:`more` appends one, dropping what is done."""

    def __init__(self, fh, progress):
        self.fh, self.progress = fh, progress
        self.buf = fh.read(_BLOCK)
        self.read = len(self.buf)
        self.eof = len(self.buf) < _BLOCK
        if progress is not None:
            progress(self.read)

    def more(self, keep_from: int) -> int:
        """Drop ``buf[:keep_from]``, read the next block; return how far indices moved."""
        chunk = b"" if self.eof else self.fh.read(_BLOCK)
        self.eof = self.eof or len(chunk) < _BLOCK
        self.read += len(chunk)
        self.buf = self.buf[keep_from:] + chunk
        if self.progress is not None:
            self.progress(self.read)
        return keep_from


def _cut(path, number) -> MailFormatError:
    return MailFormatError(
        f"{path}: the file ends in the middle of message {number} — it looks cut short "
        "(an interrupted download or copy?). Nothing was imported; export or copy the "
        "mailbox again")


def _unescape(body: bytes) -> bytes:
    """mboxrd: a body line ``>From `` was written for ``From ``."""
    return re.sub(rb"(?m)^>(>*From )", rb"\1", body)


def iter_messages(path, *, need_body=None, progress=None):
    """Yield ``(headers, body, from_line)`` for an mbox file, one ``.eml`` or a folder of them."""
    path = Path(path)
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() == ".eml")
        if not files:
            raise MailFormatError(f"{path}: the folder holds no .eml files; give a folder "
                                  "of .eml files or an mbox file")
        done = 0
        for p in files:
            data = p.read_bytes()
            done += len(data)
            m = re.search(rb"\r?\n\r?\n", data)
            headers, body = (data, b"") if m is None else (data[:m.start() + 1], data[m.end():])
            yield headers, (body if need_body and need_body(headers) else None), b""
            if progress is not None:
                progress(done)
        return
    if path.suffix.lower() == ".eml":
        data = path.read_bytes()
        m = re.search(rb"\r?\n\r?\n", data)
        headers, body = (data, b"") if m is None else (data[:m.start() + 1], data[m.end():])
        if not re.match(rb"[!-9;-~]+:", headers):
            raise MailFormatError(f"{path}: not an e-mail message (no header lines)")
        yield headers, (body if need_body and need_body(headers) else None), b""
        return
    yield from iter_mbox(path, need_body=need_body, progress=progress)


# --- one message ---------------------------------------------------------------------
class _Headers:
    """A message's header lines, unfolded, as raw text (8-bit bytes kept as surrogates).

    Parsed by hand rather than with ``email.parser``: this runs for every message of
    a mailbox of many thousands, and building ``policy.default``'s structured header
    objects cost most of the time. Values are decoded as ``policy.default`` would —
    encoded words with :mod:`email.header`, addresses and dates with
    :mod:`email.utils` — and only for the few headers read.
    """

    __slots__ = ("items",)

    def __init__(self, data: bytes):
        text = data.decode("ascii", "surrogateescape")
        items: list[list[str]] = []
        for line in text.splitlines():
            if not line.strip():
                continue
            if line[0] in " \t":
                if items:
                    items[-1][1] += " " + line.strip()
                continue
            name, colon, value = line.partition(":")
            if colon:
                items.append([name.strip().lower(), value.strip()])
        self.items = items

    def raw(self, name: str) -> list[str]:
        name = name.lower()
        return [v for k, v in self.items if k == name]


_RAW_BYTE = re.compile("[\udc80-\udcff]")


def _has_raw_bytes(s: str) -> bool:
    return _RAW_BYTE.search(s) is not None


def _mend(s: str) -> str:
    """Raw 8-bit header bytes (kept as surrogates): UTF-8, else Windows-1252."""
    if not _has_raw_bytes(s):
        return s
    raw = s.encode("ascii", "surrogateescape")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", "replace")


def _decode_words(s: str) -> str:
    """``=?charset?q?…?=`` encoded words decoded (the text as it was when they fail)."""
    if "=?" not in s:
        return s
    from email.header import decode_header, make_header
    try:
        return str(make_header(decode_header(s)))
    except (ValueError, LookupError, UnicodeError, email.errors.HeaderParseError):
        return s


def _text(value) -> str:
    return " ".join(str(value or "").split())


def _header(msg: _Headers, name: str) -> str:
    """A header's text: encoded words decoded, raw 8-bit bytes mended."""
    raw = msg.raw(name)
    if not raw:
        return ""
    v = raw[0]
    return _text(_mend(v) if _has_raw_bytes(v) else _decode_words(v))


def _addresses(msg: _Headers, name: str) -> list[tuple[str, str]]:
    """``(display name, address)`` pairs of an address header."""
    out = []
    for v in msg.raw(name):
        v = _mend(v)
        for n, a in email.utils.getaddresses([v]):
            if "@" in a:
                out.append((_text(_decode_words(n)), a.strip()))
    return out


def _local(dt: _dt.datetime) -> _dt.datetime:
    """Local wall time without a zone (how the log stores dates)."""
    if dt.tzinfo is not None:
        dt = dt.astimezone()
    return dt.replace(tzinfo=None, microsecond=0)


def _date(msg, from_line: bytes) -> _dt.datetime | None:
    raw = _header(msg, "Date")
    if raw:
        try:
            return _local(email.utils.parsedate_to_datetime(raw))
        except (TypeError, ValueError, IndexError, OverflowError):
            pass
    # the separator line: "From sender Sat Jan  3 01:05:34 1996" (Gmail adds "+0000")
    parts = [p for p in from_line.decode("ascii", "replace").split()[2:]
             if not re.fullmatch(r"[+-]\d{4}", p)]
    if len(parts) >= 5:
        try:
            return _dt.datetime.strptime(" ".join(parts[-5:]), "%a %b %d %H:%M:%S %Y")
        except ValueError:
            pass
    return None


def _is_auto(msg, subject: str) -> bool:
    auto = _header(msg, "Auto-Submitted").casefold()
    if auto and auto != "no":
        return True
    if _header(msg, "X-Autoreply") or _header(msg, "X-Autorespond"):
        return True
    if _header(msg, "Precedence").casefold() in ("auto_reply", "auto-reply"):
        return True
    return bool(_AUTO_SUBJECT.match(subject))


def _looks_like_bounce(headers: bytes) -> bool:
    low = headers.lower()
    return (b"report-type=delivery-status" in low or b"report-type=\"delivery-status\"" in low
            or b"\nx-failed-recipients:" in b"\n" + low
            or re.search(rb"(?m)^from:.*(mailer-daemon|postmaster)@", low) is not None)


def _bounce_details(msg, body: bytes | None) -> tuple[list[str], str]:
    """(addresses the failed message was for, its subject)."""
    failed = [a for _n, a in _addresses(msg, "X-Failed-Recipients")]
    subject = ""
    if body:
        failed += [m.decode("ascii", "replace") for m in _FINAL_RCPT.findall(body)]
        m = _EMBEDDED_SUBJECT.search(body)
        if m:
            raw = m.group(1).decode("ascii", "replace")
            try:
                from email.header import decode_header, make_header
                subject = str(make_header(decode_header(raw)))
            except Exception:
                subject = raw
    seen = []
    for a in failed:
        if a.casefold() not in [s.casefold() for s in seen]:
            seen.append(a)
    return seen, " ".join(subject.split())


def _body_text(headers: bytes, body: bytes | None) -> str:
    if not body:
        return ""
    try:
        msg = BytesParser(policy=policy.default).parsebytes(headers + b"\n" + body)
        part = msg.get_body(preferencelist=("plain", "html"))
        text = part.get_content() if part is not None else ""
    except Exception:
        return ""
    if part is not None and part.get_content_type() == "text/html":
        text = re.sub(r"<[^>]+>", " ", text)
    lines = [ln for ln in text.splitlines() if not ln.lstrip().startswith(">")]
    text = " ".join(" ".join(lines).split())
    return text[:BODY_LIMIT] + ("…" if len(text) > BODY_LIMIT else "")


def _ref(msg, headers: bytes) -> str:
    mid = _header(msg, "Message-ID").strip()
    if mid:
        return "mail:" + mid.strip("<>")
    return "mail:sha1:" + hashlib.sha1(headers).hexdigest()[:20]


# --- the import ----------------------------------------------------------------------
def remembered_me(log) -> M.MeIdentity:
    """The user's own addresses and profiles kept in ``plan.json``."""
    return M.MeIdentity.from_plan(log.plan_section(ME_SECTION, default={}))


def me_for_import(log, me) -> tuple[M.MeIdentity, dict]:
    """The identity to import with (remembered + ``me``) and the plan section to save
    (empty when nothing new was given)."""
    known = remembered_me(log)
    given = M.MeIdentity.from_values(me)
    merged = M.MeIdentity(known.emails | given.emails, known.urls | given.urls,
                          known.names | given.names)
    changed = merged.to_plan() != known.to_plan()
    return merged, ({ME_SECTION: merged.to_plan()} if changed else {})


def import_mail(log, path, *, me=(), dry_run: bool = False, with_body: bool = False,
                progress=None):
    """Log the messages of a mailbox exchanged with the log's contacts.

    Parameters
    ----------
    log : ContactLog
    path : str or Path
        An mbox file, a ``.eml`` file or a folder of ``.eml`` files.
    me : list of str
        Your own e-mail addresses (remembered in ``plan.json``, section ``me``; later
        imports may leave them out).
    dry_run : bool
        Only report what would be added.
    with_body : bool
        Put the start of each message's text (at most :data:`BODY_LIMIT` characters)
        in ``notes``; by default notes get the subject line only.
    progress : callable, optional
        Called with the number of bytes read so far.

    Returns
    -------
    ActivityReport

    Raises
    ------
    MailFormatError
        When the file is not a mailbox, or is cut short (nothing is saved).
    InfointError
        When none of your own addresses is known.
    """
    path = Path(os.path.expanduser(str(path)))
    if not path.exists():
        raise InfointError(f"{path}: no such file or folder; check the path")
    ident, plan = me_for_import(log, me)
    if not ident.emails:
        raise InfointError("say which addresses are yours with --me ADDRESS (one --me per "
                           "address; they are remembered for the next import)")
    matcher = M.ContactMatcher(log.raw_contacts)
    events: list[M.Event] = []
    skipped = {"matched nobody": 0, "no date": 0}
    sent_ids: set[str] = set()
    wrote_to: set[str] = set()
    unknown_in: dict[str, dict] = {}
    scanned = 0
    pending: dict = {}

    def need_body(headers: bytes) -> bool:
        msg = _Headers(headers)
        pending["msg"] = msg
        if _looks_like_bounce(headers):
            return True
        if not with_body:
            return False
        return _involves_contact(msg, matcher)

    for headers, body, from_line in iter_messages(path, need_body=need_body, progress=progress):
        scanned += 1
        msg = pending.pop("msg", None) or _Headers(headers)
        when = _date(msg, from_line)
        sender = _addresses(msg, "From")
        s_name, s_addr = sender[0] if sender else ("", "")
        subject = _header(msg, "Subject")
        ref = _ref(msg, headers)
        notes = subject or "(no subject)"
        text = _body_text(headers, body) if with_body else ""
        if text:
            notes = f"{notes} — {text}"
        found: list[M.Event] = []
        if when is None:
            skipped["no date"] += 1
            continue
        if s_addr and _looks_like_bounce(headers) and (
                _DAEMON.match(s_addr) or "delivery-status" in headers.decode("ascii", "replace").lower()
                or _header(msg, "X-Failed-Recipients")):
            failed, original = _bounce_details(msg, body)
            for a in failed:
                cid = matcher.match(email=a)
                if cid:
                    found.append(M.Event(cid, when, M.BOUNCE, "email",
                                         f"bounced: {original or subject} (to {a})",
                                         f"{ref}#{cid}"))
        elif s_addr and ident.is_me(email=s_addr):
            sent_ids.add(ref)
            for field, cc in (("To", False), ("Cc", True), ("Bcc", True)):
                for n, a in _addresses(msg, field):
                    if ident.is_me(email=a):
                        continue
                    cid = matcher.match(email=a, name=n)
                    if cid is None:
                        wrote_to.add(a.casefold())
                        continue
                    if any(e.contact_id == cid for e in found):
                        continue  # in To and Cc: once
                    found.append(M.Event(cid, when, M.OUT, "email",
                                         ("cc: " if cc else "") + notes, f"{ref}#{cid}", cc=cc))
        elif s_addr:
            cid = matcher.match(email=s_addr, name=s_name)
            auto = _is_auto(msg, subject)
            if cid:
                found.append(M.Event(cid, when, M.AUTO_REPLY if auto else M.IN, "email",
                                     ("auto-reply: " if auto else "") + notes, f"{ref}#{cid}"))
            elif not auto:
                key = s_addr.casefold()
                entry = unknown_in.setdefault(key, {"name": s_name, "email": s_addr,
                                                    "messages": 0, "last": when,
                                                    "replies_to": set()})
                entry["messages"] += 1
                entry["last"] = max(entry["last"], when)
                for h in ("In-Reply-To", "References"):
                    for mid in re.findall(r"<([^<>\s]+)>", _header(msg, h)):
                        entry["replies_to"].add("mail:" + mid)
        if found:
            events.extend(found)
        else:
            skipped["matched nobody"] += 1
    candidates = [
        {"name": e["name"], "email": e["email"], "messages": e["messages"],
         "last": e["last"].date().isoformat()}
        for key, e in sorted(unknown_in.items())
        if (key in wrote_to or e["replies_to"] & sent_ids) and not matcher.knows_email(key)
        and not ident.is_me(email=key)]
    report = M.build_report(
        log, events, source=str(path), what="mailbox", scanned=scanned, skipped=skipped,
        candidates=pd.DataFrame(candidates, columns=["name", "email", "messages", "last"]),
        plan_sections=plan)
    if not dry_run:
        report.save(log)
    return report


def _involves_contact(msg, matcher: M.ContactMatcher) -> bool:
    for field in ("From", "To", "Cc", "Bcc"):
        for n, a in _addresses(msg, field):
            if matcher.match(email=a, name=n):
                return True
    return False


__all__ += ["remembered_me", "me_for_import"]
