"""Which contact an imported message or event belongs to, and what it means.

One definition for every activity importer (mail, LinkedIn messages and
invitations, calendars):

* **who** (:class:`ContactMatcher`): by e-mail address (case-insensitive; a
  ``+tag`` is part of the address, so ``ann+jobs@x`` is not ``ann@x``), then by
  LinkedIn profile URL (:func:`infoint_nb.store.norm_linkedin_url`), then by exact
  name (case and spacing aside). A key two contacts share matches nobody.
* **what** (:func:`assign_kinds`): per contact, in date order, together with what the
  log already holds — an outbound message is ``outreach`` when it is the first
  attempt, ``follow_up`` while nobody has answered, and ``note`` once they have
  (reclassify it as ``thank_you``/``update`` in the review form); an inbound message is
  a ``reply`` (a response not yet classified), an auto-reply a ``note``; a bounce is a
  ``snafu`` of the person the failed message was for; a calendar event is a
  ``meeting_scheduled``.
* **once** (:func:`drop_known`): a row whose ``ref`` is already in the log is not
  added again, nor one typed by hand on the same day for the same contact and kind
  (every response kind counts as the same kind here, so a hand-typed ``reply_yes`` is
  not doubled by an imported ``reply``).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from . import schema as S
from .store import norm_email, norm_linkedin_url, norm_name

__all__ = ["PersonIndex", "ContactMatcher", "Event", "OUT", "IN", "AUTO_REPLY", "BOUNCE", "MEETING",
           "RECORD", "assign_kinds", "drop_known", "split_addresses", "MeIdentity"]

#: Directions / meanings of an :class:`Event`.
OUT, IN, AUTO_REPLY, BOUNCE, MEETING, RECORD = (
    "out", "in", "auto_reply", "bounce", "meeting", "record")
_DIRECTIONS = (OUT, IN, AUTO_REPLY, BOUNCE, MEETING, RECORD)


def split_addresses(text: str) -> list[str]:
    """The e-mail addresses in a contact's ``email`` cell (``;``, ``,`` or spaces apart)."""
    return [a for a in re.split(r"[;,\s]+", str(text or "")) if "@" in a]


class PersonIndex:
    """The one index of who is who: contact ids by id, e-mail, LinkedIn URL and name.

    Every key is normalised (:func:`~infoint_nb.store.norm_email`,
    :func:`~infoint_nb.store.norm_linkedin_url`, :func:`~infoint_nb.store.norm_name`).
    The callers' rules differ only in these options:

    * ``name_with_company``: the name key is name + company (adding a contact, importing
      people) or the name alone (activity: a message carries no company);
    * ``split_emails``: an ``email`` cell holding several addresses gives one key each
      (activity) or is one address (adding, importing people);
    * ``shared``: a key two contacts share names the first one added (``"first"``:
      adding, importing people) or nobody (``"nobody"``: activity).

    Used by :class:`ContactMatcher` (activity), ``ContactLog``'s duplicate check on add
    and the importers' matching of people (:mod:`infoint_nb.importers.merging`).
    """

    ID, EMAIL, URL, NAME = "id", "email", "url", "name"

    def __init__(self, *, name_with_company: bool = True, split_emails: bool = False,
                 shared: str = "first"):
        if shared not in ("first", "nobody"):
            raise ValueError(f"shared must be 'first' or 'nobody', not {shared!r}")
        self.name_with_company = name_with_company
        self.split_emails = split_emails
        self.shared = shared
        self.keys: dict[tuple[str, str], str | None] = {}
        self.records: dict[str, dict] = {}

    @staticmethod
    def _text(record: dict, column: str) -> str:
        return str(record.get(column, "") or "")

    def email_key(self, email: str) -> str:
        return norm_email(email)

    def url_key(self, url: str) -> str:
        return norm_linkedin_url(url) if str(url or "").strip() else ""

    def name_key(self, name: str, company: str = "") -> str:
        if not str(name or "").strip():
            return ""
        if self.name_with_company:
            return norm_name(name) + "\x1f" + norm_name(company)
        return norm_name(name)

    def record_keys(self, record: dict):
        """``(kind, key, value as written)`` of a record, in the order e-mail, URL, name."""
        email = self._text(record, S.EMAIL)
        for a in (split_addresses(email) if self.split_emails else [email.strip()]):
            if key := self.email_key(a):
                yield self.EMAIL, key, a
        url = self._text(record, S.LINKEDIN_URL).strip()
        if key := self.url_key(url):
            yield self.URL, key, url
        name = self._text(record, S.NAME).strip()
        company = self._text(record, S.COMPANY).strip()
        if key := self.name_key(name, company):
            yield self.NAME, key, name

    def add(self, cid: str, record: dict) -> None:
        """Index ``record`` (a contact's fields, as text) as ``cid``."""
        self.records[cid] = record
        self._put((self.ID, cid), cid)
        for kind, key, _ in self.record_keys(record):
            self._put((kind, key), cid)

    def _put(self, key: tuple[str, str], cid: str) -> None:
        if key not in self.keys:
            self.keys[key] = cid
        elif self.shared == "nobody" and self.keys[key] != cid:
            self.keys[key] = None  # two contacts share it: it identifies nobody

    def get(self, kind: str, key: str) -> str | None:
        """The contact id under an already normalised key (None: nobody, or shared)."""
        return self.keys.get((kind, key)) if key else None

    def find(self, record: dict):
        """``(contact_id, kind, value)`` of the first key of ``record`` someone has, or None."""
        for kind, key, value in self.record_keys(record):
            cid = self.get(kind, key)
            if cid is not None:
                return cid, kind, value
        return None


class ContactMatcher:
    """Finds the contact an address, profile URL or name belongs to.

    Parameters
    ----------
    contacts : DataFrame
        The log's contacts (raw text or typed).
    """

    def __init__(self, contacts: pd.DataFrame):
        self.names: dict[str, str] = {}
        self.index = PersonIndex(name_with_company=False, split_emails=True, shared="nobody")
        for row in contacts.to_dict("records"):
            cid = str(row.get(S.CONTACT_ID, ""))
            if not cid:
                continue
            self.names[cid] = str(row.get(S.NAME, ""))
            self.index.add(cid, row)

    def match(self, *, email: str | None = None, url: str | None = None,
              name: str | None = None) -> str | None:
        """The ``contact_id`` for an e-mail address, then a profile URL, then a name."""
        ix = self.index
        if email:
            cid = ix.get(ix.EMAIL, ix.email_key(email))
            if cid:
                return cid
        if url:
            cid = ix.get(ix.URL, ix.url_key(url))
            if cid:
                return cid
        if name:
            cid = ix.get(ix.NAME, ix.name_key(name))
            if cid:
                return cid
        return None

    def knows_email(self, email: str) -> bool:
        return bool(self.index.get(PersonIndex.EMAIL, norm_email(email)))


@dataclass
class MeIdentity:
    """The user's own addresses, LinkedIn profiles and names (what makes a message outbound)."""

    emails: set[str] = field(default_factory=set)
    urls: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)

    @classmethod
    def from_values(cls, values) -> "MeIdentity":
        """Sort ``--me`` values: an address has ``@``, a profile URL ``linkedin.com/``,
        anything else is a name."""
        me = cls()
        for v in values or ():
            me.add(v)
        return me

    def add(self, value: str) -> None:
        v = str(value).strip()
        if not v:
            return
        if "linkedin.com/" in v.casefold():
            self.urls.add(norm_linkedin_url(v))
        elif "@" in v:
            self.emails.add(norm_email(v))
        else:
            self.names.add(norm_name(v))

    def is_me(self, *, email: str | None = None, url: str | None = None,
              name: str | None = None) -> bool:
        if email and norm_email(email) in self.emails:
            return True
        if url and norm_linkedin_url(url) in self.urls:
            return True
        return bool(name) and norm_name(name) in self.names

    def to_plan(self) -> dict:
        return {"emails": sorted(self.emails), "linkedin": sorted(self.urls),
                "names": sorted(self.names)}

    @classmethod
    def from_plan(cls, data) -> "MeIdentity":
        me = cls()
        if isinstance(data, dict):
            me.emails |= {norm_email(x) for x in data.get("emails", []) if x}
            me.urls |= {norm_linkedin_url(x) for x in data.get("linkedin", []) if x}
            me.names |= {norm_name(x) for x in data.get("names", []) if x}
        return me

    def __bool__(self) -> bool:
        return bool(self.emails or self.urls or self.names)


@dataclass
class Event:
    """One imported message or event, for one contact, before its kind is decided.

    ``when`` is local time without a zone; ``direction`` one of ``out``, ``in``,
    ``auto_reply``, ``bounce``, ``meeting``, ``record`` (``record``: a ``note``
    whatever comes before); ``cc`` marks a copy (logged as a ``note``).
    """

    contact_id: str
    when: _dt.datetime
    direction: str
    channel: str
    notes: str
    ref: str
    cc: bool = False
    scheduled_for: str = ""
    place: str = ""

    def __post_init__(self):
        if self.direction not in _DIRECTIONS:
            raise ValueError(f"unknown direction {self.direction!r}")


def _when_text(ts: _dt.datetime) -> str:
    return ts.strftime("%Y-%m-%dT%H:%M")


def _existing_timeline(interactions: pd.DataFrame) -> dict[str, list[tuple]]:
    """Per contact: (timestamp, has_time, kind) of what the log holds (raw text)."""
    out: dict[str, list[tuple]] = {}
    if interactions is None or not len(interactions):
        return out
    for cid, d, k in zip(interactions[S.CONTACT_ID].astype(str),
                         interactions[S.DATE].astype(str), interactions[S.KIND].astype(str)):
        try:
            ts = S.parse_when(d).to_pydatetime()
        except ValueError:
            continue
        out.setdefault(cid, []).append((ts, len(d.strip()) > 10, k))
    return out


def _before(existing: tuple, when: _dt.datetime) -> bool:
    """Whether a log row comes before an imported event: by time when the row has one,
    else only from an earlier day (a date alone may be that very message)."""
    ts, has_time, _k = existing
    return ts < when if has_time else ts.date() < when.date()


def assign_kinds(events: list[Event], interactions: pd.DataFrame | None = None) -> list[dict]:
    """Decide each event's kind (module docstring) and return interaction rows.

    Parameters
    ----------
    events : list of Event
    interactions : DataFrame, optional
        The log's interactions (raw text): what already happened counts.

    Returns
    -------
    list of dict
        Rows for :meth:`ContactLog.apply` (``contact_id, date, channel, kind, notes,
        ref`` and, on meetings, ``scheduled_for`` and ``place``), in date order.
    """
    existing = _existing_timeline(interactions)
    rows: list[dict] = []
    by_contact: dict[str, list[Event]] = {}
    for e in events:
        by_contact.setdefault(e.contact_id, []).append(e)
    for cid, evs in by_contact.items():
        evs.sort(key=lambda e: (e.when, e.ref))
        log_rows = existing.get(cid, [])
        attempted = responded = False
        k = 0
        prior = sorted(log_rows, key=lambda r: r[0])
        for e in evs:
            # what the log holds before this event
            while k < len(prior) and _before(prior[k], e.when):
                kind = prior[k][2]
                attempted |= kind in S.ATTEMPT_KINDS
                responded |= kind in S.RESPONSE_KINDS
                k += 1
            if e.direction == OUT and not e.cc:
                kind = S.NOTE if responded else (S.FOLLOW_UP if attempted else S.OUTREACH)
                attempted = True
            elif e.direction == IN:
                kind = S.REPLY
                responded = True
            elif e.direction == MEETING:
                kind = S.MEETING_SCHEDULED
                responded = True
            elif e.direction == BOUNCE:
                kind = S.SNAFU
            else:  # a copy, an auto-reply, a record
                kind = S.NOTE
            row = {S.CONTACT_ID: cid, S.DATE: _when_text(e.when), S.CHANNEL: e.channel,
                   S.KIND: kind, S.NOTES: e.notes, S.REF: e.ref}
            if e.scheduled_for or e.place:
                row[S.SCHEDULED_FOR] = e.scheduled_for
                row[S.PLACE] = e.place
            rows.append(row)
    rows.sort(key=lambda r: (r[S.DATE], r[S.CONTACT_ID], r[S.REF]))
    return rows


def _kind_group(kind: str) -> str:
    return "response" if kind in S.RESPONSE_KINDS else kind


def drop_known(interactions: pd.DataFrame | None, rows: list[dict]) -> tuple[list[dict], dict]:
    """The rows not in the log yet, and why the others were left out.

    A row is known when its ``ref`` is in the log (imported before), or when a row
    without a ``ref`` (typed by hand) has the same contact, day and kind. Repeats of a
    ``ref`` within ``rows`` are dropped too.

    Returns
    -------
    (list of dict, dict)
        The new rows; ``{"already imported": n, "already typed by hand": n}``.
    """
    refs: set[str] = set()
    typed: set[tuple] = set()
    if interactions is not None and len(interactions):
        r = (interactions[S.REF].astype(str).to_numpy(dtype=object) if S.REF in interactions
             else np.full(len(interactions), "", dtype=object))
        refs = set(r[r != ""])
        hand = r == ""
        for cid, d, k in zip(interactions[S.CONTACT_ID].astype(str).to_numpy()[hand],
                             interactions[S.DATE].astype(str).to_numpy()[hand],
                             interactions[S.KIND].astype(str).to_numpy()[hand]):
            typed.add((cid, d[:10], _kind_group(k)))
    kept: list[dict] = []
    why = {"already imported": 0, "already typed by hand": 0}
    for row in rows:
        ref = row.get(S.REF, "")
        if ref and ref in refs:
            why["already imported"] += 1
            continue
        if (row[S.CONTACT_ID], str(row[S.DATE])[:10], _kind_group(row[S.KIND])) in typed:
            why["already typed by hand"] += 1
            continue
        if ref:
            refs.add(ref)
        kept.append(row)
    return kept, why


# --- one import: preview, then one saved change ------------------------------------
@dataclass
class ActivityReport:
    """What an activity import found and (once saved) added.

    Attributes
    ----------
    source : str
        The file or folder read.
    what : str
        ``mailbox``, ``LinkedIn messages``, ``LinkedIn invitations`` or ``calendar``.
    rows : list of dict
        The interactions to add (or added), kinds decided; change a row's ``kind``
        before :meth:`save` to reclassify it.
    scanned : int
        Messages or events read.
    skipped : dict
        Reason → count of messages or rows not logged.
    candidates : DataFrame
        People outside the log who answered a message you sent (``name, email,
        messages, last``): candidates to add.
    names : dict
        ``contact_id`` → name, for the preview.
    added : list of str
        The new ``interaction_id`` values, once saved.
    """

    source: str
    what: str
    rows: list = field(default_factory=list)
    scanned: int = 0
    skipped: dict = field(default_factory=dict)
    candidates: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=["name", "email", "messages", "last"]))
    names: dict = field(default_factory=dict)
    added: list = field(default_factory=list)
    saved: bool = False
    plan_sections: dict = field(default_factory=dict)

    @property
    def preview(self) -> pd.DataFrame:
        """The rows as a table: ``contact_id, name, date, channel, kind, notes, ref``."""
        cols = [S.CONTACT_ID, S.NAME, S.DATE, S.CHANNEL, S.KIND, S.NOTES, S.REF]
        if not self.rows:
            return pd.DataFrame(columns=cols)
        frame = pd.DataFrame(self.rows).fillna("")
        frame[S.NAME] = [self.names.get(c, "") for c in frame[S.CONTACT_ID]]
        extra = [c for c in (S.SCHEDULED_FOR, S.PLACE) if c in frame]
        return frame[cols + extra].reset_index(drop=True)

    def counts(self) -> dict:
        """Kind → number of rows."""
        out: dict[str, int] = {}
        for r in self.rows:
            out[r[S.KIND]] = out.get(r[S.KIND], 0) + 1
        return out

    def save(self, log) -> "ActivityReport":
        """Add :attr:`rows` to ``log`` in one locked, backed-up change (returns self).

        Rows whose ``ref`` another program saved meanwhile are dropped under the lock.
        """
        if self.saved:
            return self
        for r in self.rows:
            if r[S.KIND] not in S.KINDS:
                from .errors import InfointError
                raise InfointError(f"{r[S.KIND]!r} is not a kind; allowed: {', '.join(S.KINDS)}")
        kept: list = []

        def still_new(current, rows):
            new, _why = drop_known(current, rows)
            kept[:] = new
            return new
        if self.rows or self.plan_sections:
            res = log.apply(add_interactions=self.rows, filter_interactions=still_new,
                            plan_sections=self.plan_sections or None,
                            action=f"import {self.what}")
            self.added = list(res["interactions"])
            lost = len(self.rows) - len(kept)
            if lost:
                self.skipped["already imported"] = self.skipped.get("already imported", 0) + lost
            self.rows = kept
            for r, iid in zip(self.rows, self.added):
                r[S.INTERACTION_ID] = iid
        self.saved = True
        return self

    def summary(self) -> str:
        n = len(self.rows)
        verb = "added" if self.saved else "would add"
        kinds = ", ".join(f"{v} {k}" for k, v in sorted(self.counts().items()))
        skipped = "; ".join(f"{v} {k}" for k, v in self.skipped.items() if v)
        text = (f"{self.source}: {self.scanned} {self.what} item(s) read; {verb} "
                f"{n} interaction{'s' if n != 1 else ''}" + (f" ({kinds})" if kinds else ""))
        return text + (f"; not logged: {skipped}" if skipped else "")

    def __str__(self) -> str:
        lines = [self.summary()]
        by: dict[str, list] = {}
        for r in self.rows:
            by.setdefault(r[S.CONTACT_ID], []).append(r)
        for cid in sorted(by):
            lines.append(f"  {cid} {self.names.get(cid, '')}:")
            for r in by[cid]:
                lines.append(f"    {r[S.DATE]}  {r[S.KIND]:<17} {r.get(S.CHANNEL, ''):<8} "
                             f"{r.get(S.NOTES, '')}".rstrip())
        if len(self.candidates):
            lines.append("People who answered you but are not in the log (add them to log "
                         "their messages):")
            for row in self.candidates.itertuples(index=False):
                lines.append(f"  {row.name} <{row.email}>: {row.messages} message(s), "
                             f"last {row.last}")
        return "\n".join(lines)


def build_report(log, events: list[Event], *, source: str, what: str, scanned: int,
                 skipped: dict | None = None, candidates: pd.DataFrame | None = None,
                 plan_sections: dict | None = None) -> ActivityReport:
    """Decide kinds against the log, drop what it holds, and return the preview."""
    i = log.raw_interactions
    wanted = {e.contact_id for e in events}
    mine = i[i[S.CONTACT_ID].isin(wanted)] if len(i) else i
    rows = assign_kinds(events, mine)
    rows, why = drop_known(i, rows)
    report = ActivityReport(source=str(source), what=what, rows=rows, scanned=scanned,
                            skipped={**(skipped or {}), **why},
                            names=ContactMatcher(log.raw_contacts).names,
                            plan_sections=plan_sections or {})
    if candidates is not None:
        report.candidates = candidates
    return report


__all__ += ["ActivityReport", "build_report"]
