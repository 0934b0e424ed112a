"""From candidates to a saved log: match, plan, apply, commit, report.

Each source turns its rows into :class:`_Candidate` people; :func:`_plan` matches them
against the log with :class:`infoint_nb.matching.PersonIndex` (by ``contact_id``,
LinkedIn URL, e-mail, then name and company) and decides adds, updates and new interactions;
:func:`_commit` works the plan out against the log as loaded and writes it in one locked
save, working it out again when another program saved meanwhile. :class:`ImportReport`
is what every import returns.
"""
from __future__ import annotations

import copy
import datetime as _dt
import re
from collections import Counter
from dataclasses import dataclass, field

import pandas as pd

from .. import schema as S
from ..matching import PersonIndex
from ..store import _next_ids, norm_email
from .mapping import describe_field, normalize_linkedin_url
from .reading import _KIND_LABELS, _SHEET, _WORKBOOK


#: Fields an import never changes on a person already in the log.
_NO_UPDATE = {S.CONTACT_ID, S.ADDED_ON}
_PREVIEW_ROWS = 12


@dataclass
class ImportReport:
    """What an import did (or, with ``dry_run``, would do).

    Attributes
    ----------
    source : str
        The file (and sheet) read.
    kind : str
        ``linkedin``, ``sheet``, ``vcard`` or ``workbook`` (an exported log restored).
    added, updated, unchanged, skipped : int
        People new to the log, people whose fields changed, people already up to date,
        and rows left out (see ``skipped_reasons``).
    skipped_reasons : dict
        Reason → number of rows.
    interactions_added : int
        New interactions (ones already in the log are never added twice).
    mapping : dict
        Column → field or interaction spec (``""`` = ignored) as used.
    encoding : str or None
        How a text file was decoded (``utf-8``, ``utf-8 with BOM``, ``cp1252``).
    warnings : list of str
        Things worth a look that did not stop the import.
    dry_run : bool
        True when nothing was written.
    removed, interactions_updated, interactions_removed : int
        Only for a restored workbook: rows of the log that the workbook changes or lacks.
    interactions_known : int
        Dated interactions in the file that the log already had.
    changes : list of str
        One line per updated person: what changed.
    skipped_rows : list of (int, str)
        Row and reason of every skipped row.
    preview : DataFrame
        The first people as they would be written, with their outcome.
    saved_to : str or None
        The log folder, when something was written.
    """

    source: str
    kind: str
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    skipped: int = 0
    skipped_reasons: dict = field(default_factory=dict)
    interactions_added: int = 0
    mapping: dict = field(default_factory=dict)
    encoding: str | None = None
    warnings: list = field(default_factory=list)
    dry_run: bool = False
    removed: int = 0
    interactions_updated: int = 0
    interactions_removed: int = 0
    interactions_known: int = 0
    changes: list = field(default_factory=list)
    skipped_rows: list = field(default_factory=list)
    preview: pd.DataFrame | None = field(default=None, repr=False)
    saved_to: str | None = None
    #: The log's (contacts, interactions) text tables this report was worked out against;
    #: pass the report as ``since=`` to import what it previewed (see :func:`import_file`).
    base_tables: tuple | None = field(default=None, repr=False, compare=False)

    @property
    def counts(self) -> dict:
        """``{"added", "updated", "unchanged", "skipped", "interactions_added"}`` as a dict."""
        return {"added": self.added, "updated": self.updated, "unchanged": self.unchanged,
                "skipped": self.skipped, "interactions_added": self.interactions_added}

    def summary(self) -> str:
        """One line: ``added 3 · updated 1 · unchanged 0 · skipped 2 · interactions 4``."""
        text = (f"added {self.added} · updated {self.updated} · unchanged {self.unchanged} · "
                f"skipped {self.skipped} · interactions added {self.interactions_added}")
        if self.kind == _WORKBOOK:
            text += (f" · removed {self.removed} · interactions updated "
                     f"{self.interactions_updated} · interactions removed "
                     f"{self.interactions_removed}")
        return text

    def __str__(self) -> str:
        head = f"{_KIND_LABELS.get(self.kind, self.kind)}: {self.source}"
        if self.encoding:
            head += f" ({self.encoding})"
        lines = [head]
        if self.mapping and self.kind == _SHEET:
            lines.append("column mapping (change it with --map 'COLUMN=FIELD'; "
                         "FIELD '-' ignores a column):")
            width = max(len(c) for c in self.mapping)
            for col, target in self.mapping.items():
                lines.append(f"  {col:<{width}} → {describe_field(target)}")
        def n_of(n, one, many):
            return f"{n} {one if n == 1 else many}"
        who = ("contact", "contacts") if self.kind == _WORKBOOK else ("person", "people")
        lines.append(f"  added:        {n_of(self.added, *who)}")
        lines.append(f"  updated:      {self.updated}")
        lines.append(f"  unchanged:    {self.unchanged}")
        if self.kind == _WORKBOOK:
            lines.append(f"  removed:      {self.removed}")
        skipped = f"  skipped:      {n_of(self.skipped, 'row', 'rows')}"
        if self.skipped_reasons:
            skipped += " — " + "; ".join(f"{n} × {reason}"
                                         for reason, n in self.skipped_reasons.items())
        lines.append(skipped)
        inter = f"  interactions: {self.interactions_added} added"
        if self.kind == _WORKBOOK:
            inter += (f", {self.interactions_updated} updated, "
                      f"{self.interactions_removed} removed")
        elif self.interactions_updated:
            inter += f", {self.interactions_updated} updated"
        if self.interactions_known:
            inter += f" ({self.interactions_known} already in the log)"
        lines.append(inter)
        for change in self.changes[:10]:
            lines.append(f"  · {change}")
        if len(self.changes) > 10:
            lines.append(f"  · … and {len(self.changes) - 10} more updated")
        for w in self.warnings:
            lines.append(f"note: {w}")
        if self.dry_run:
            lines.append("dry run: nothing was written")
        elif self.saved_to:
            lines.append(f"saved to {self.saved_to} (the previous version is in its .backups)")
        else:
            lines.append("nothing to change: the log already holds all of it")
        return "\n".join(lines)


@dataclass
class _Candidate:
    row: int
    fields: dict            # contact fields from the file (non-empty), compared on update
    defaults: dict          # used only for a new person (source, added_on)
    interactions: list      # dicts: date, kind, channel, notes
    contact_id: str = ""    # an id given by the file


def _norm(field_: str, value: str) -> str:
    v = str(value).strip()
    if field_ == S.EMAIL:
        return norm_email(v)
    if field_ == S.LINKEDIN_URL:
        return normalize_linkedin_url(v)
    return v


def _index(records) -> PersonIndex:
    """The log's people, keyed as :func:`_match` looks them up (the first of a key wins)."""
    index = PersonIndex(name_with_company=True, split_emails=False, shared="first")
    for rec in records:
        index.add(rec[S.CONTACT_ID], rec)
    return index


def _match(index: PersonIndex, cand: _Candidate) -> str | None:
    """By ``contact_id``, LinkedIn URL, then e-mail or name + company (unless the two
    people have different LinkedIn profiles)."""
    if cand.contact_id and index.get(index.ID, cand.contact_id) is not None:
        return cand.contact_id
    url = index.url_key(cand.fields.get(S.LINKEDIN_URL, ""))
    hit = index.get(index.URL, url)
    if hit is not None:
        return hit
    tries = []
    email = index.email_key(cand.fields.get(S.EMAIL, ""))
    if email:
        tries.append(index.get(index.EMAIL, email))
    tries.append(index.get(index.NAME, index.name_key(cand.fields.get(S.NAME, ""),
                                                      cand.fields.get(S.COMPANY, ""))))
    for cid in tries:
        if cid is None:
            continue
        theirs = normalize_linkedin_url(index.records[cid].get(S.LINKEDIN_URL, ""))
        if url and theirs and url != theirs:
            continue  # two different LinkedIn profiles: two different people
        return cid
    return None


def _next_id(taken: set[str], counter: list[int]) -> str:
    while True:
        counter[0] += 1
        cid = f"C{counter[0]:04d}"
        if cid not in taken:
            return cid


@dataclass
class _Plan:
    report: ImportReport
    add_contacts: list = field(default_factory=list)
    update_contacts: dict = field(default_factory=dict)
    add_interactions: list = field(default_factory=list)
    replace: tuple | None = None  # (contacts_raw, interactions_raw) for a restored workbook
    interactions_table: pd.DataFrame | None = None  # a log's interactions.csv merged in


def _plan(contacts_raw: pd.DataFrame, interactions_raw: pd.DataFrame,
          candidates: list[_Candidate], report: ImportReport) -> _Plan:
    """Match candidates against the log's tables; decide adds, updates and new interactions.

    Pure: the tables are the log as read (under the lock, when the plan is written).
    """
    raw = contacts_raw.astype(str)
    index = _index(raw.to_dict("records"))
    taken = set(index.records)
    nums = [int(m.group(1)) for c in taken if (m := re.fullmatch(r"C(\d+)", c))]
    counter = [max(nums) if nums else 0]
    known_events = set()
    for rec in interactions_raw.astype(str).to_dict("records"):
        known_events.add((rec[S.CONTACT_ID], rec[S.DATE][:10], rec[S.KIND],
                          rec.get(S.CHANNEL, "")))
    plan = _Plan(report)
    new: dict[str, dict] = {}
    first_row: dict[str, int] = {}
    outcome: dict[str, str] = {}
    before: dict[str, dict] = {}
    preview = []
    explicit = {c.contact_id for c in candidates if c.contact_id}
    for cand in candidates:
        cid = _match(index, cand)
        if cid is not None and cand.contact_id and cid != cand.contact_id and cid in explicit:
            cid = None  # two rows with their own ids (an exported log): two people
        if cid is None:
            cid = cand.contact_id if cand.contact_id and cand.contact_id not in taken \
                else _next_id(taken, counter)
            taken.add(cid)
            record = {S.CONTACT_ID: cid, **cand.defaults, **cand.fields}
            new[cid] = record
            index.add(cid, record)
            outcome[cid] = "added"
            first_row[cid] = cand.row
        elif cid in new:
            report.warnings.append(f"row {cand.row} is the same person as row {first_row[cid]} "
                                   f"({new[cid][S.NAME]}); the rows were merged")
            for k, v in cand.fields.items():
                new[cid][k] = v
            index.add(cid, new[cid])
        else:
            if cid in first_row:
                report.warnings.append(f"row {cand.row} is the same person as row "
                                       f"{first_row[cid]} ({index.records[cid][S.NAME]}); "
                                       "the rows were merged")
            first_row.setdefault(cid, cand.row)
            current = index.records[cid]
            before.setdefault(cid, dict(current))
            changes = plan.update_contacts.setdefault(cid, {})
            for k, v in cand.fields.items():
                if k in _NO_UPDATE:
                    continue
                if _norm(k, current.get(k, "")) != _norm(k, v):
                    changes[k] = v
                    current[k] = v
            index.add(cid, current)
            outcome.setdefault(cid, "unchanged")
            if changes:
                outcome[cid] = "updated"
        for event in cand.interactions:
            key = (cid, event[S.DATE][:10], event[S.KIND], event.get(S.CHANNEL, ""))
            if key in known_events:
                report.interactions_known += 1
                continue
            known_events.add(key)
            plan.add_interactions.append({S.CONTACT_ID: cid, **event})
    plan.update_contacts = {k: v for k, v in plan.update_contacts.items() if v}
    plan.add_contacts = list(new.values())
    report.added = len(new)
    report.updated = len(plan.update_contacts)
    report.unchanged = sum(1 for o in outcome.values() if o == "unchanged")
    report.interactions_added = len(plan.add_interactions)
    for cid, changes in plan.update_contacts.items():
        old = before[cid]
        what = ", ".join(f"{k} {old.get(k, '')!r} → {v!r}" for k, v in changes.items())
        report.changes.append(f"{cid} {old.get(S.NAME, '')}: {what}")
    events_by = Counter(e[S.CONTACT_ID] for e in plan.add_interactions)
    for cid, what in outcome.items():
        rec = new.get(cid) or index.records[cid]
        preview.append({"row": first_row.get(cid), "outcome": what, S.CONTACT_ID: cid,
                        S.NAME: rec.get(S.NAME, ""), S.COMPANY: rec.get(S.COMPANY, ""),
                        S.ROLE: rec.get(S.ROLE, ""), S.EMAIL: rec.get(S.EMAIL, ""),
                        "new interactions": events_by.get(cid, 0)})
    report.preview = pd.DataFrame(preview[:_PREVIEW_ROWS], columns=[
        "row", "outcome", S.CONTACT_ID, S.NAME, S.COMPANY, S.ROLE, S.EMAIL, "new interactions"])
    return plan


def _set_skipped(report: ImportReport, skipped: list[tuple[int, str]]) -> None:
    report.skipped = len(skipped)
    report.skipped_rows = list(skipped)
    report.skipped_reasons = dict(Counter(reason for _, reason in skipped))


def _planner(candidates: list[_Candidate], report: ImportReport):
    """``plan_for(contacts_raw, interactions_raw)``: a fresh plan (and report) each call."""
    def plan_for(c, i):
        return _plan(c, i, candidates, copy.deepcopy(report))
    return plan_for


def _same_table(a: pd.DataFrame, b: pd.DataFrame) -> bool:
    """Whether two text tables hold the same columns and values (the index is ignored)."""
    if list(a.columns) != list(b.columns) or len(a) != len(b):
        return False
    return bool((a.astype(str).to_numpy(dtype=object) == b.astype(str).to_numpy(dtype=object))
                .all()) if len(a) else True


def _has_changes(plan: _Plan) -> bool:
    r = plan.report
    if plan.replace is not None or plan.interactions_table is not None:
        return bool(r.added or r.updated or r.removed or r.interactions_added
                    or r.interactions_updated or r.interactions_removed)
    return bool(plan.add_contacts or plan.update_contacts or plan.add_interactions)


def _apply_plan(c: pd.DataFrame, i: pd.DataFrame, plan: _Plan):
    """The log's new tables (``None`` where a table does not change) for ``plan``."""
    if plan.replace is not None:
        contacts, interactions = plan.replace
        return (contacts.astype(str).fillna("").reset_index(drop=True),
                interactions.astype(str).fillna("").reset_index(drop=True))
    if plan.interactions_table is not None:
        return None, plan.interactions_table.astype(str).fillna("").reset_index(drop=True)
    new_c = new_i = None
    if plan.add_contacts or plan.update_contacts:
        c = c.copy()
        for cid, fields in plan.update_contacts.items():
            hit = c[S.CONTACT_ID] == cid
            for k, v in fields.items():
                if k not in c.columns:
                    c[k] = ""
                c.loc[hit, k] = str(v)
        if plan.add_contacts:
            rows = [{k: str(v) for k, v in r.items()} for r in plan.add_contacts]
            c = pd.concat([c, pd.DataFrame(rows, dtype=str)], ignore_index=True)
        new_c = c.fillna("")
    if plan.add_interactions:
        ids = _next_ids(i[S.INTERACTION_ID], "I", 5, len(plan.add_interactions))
        rows = [{S.INTERACTION_ID: iid, **{k: str(v) for k, v in r.items()}}
                for iid, r in zip(ids, plan.add_interactions)]
        new_i = pd.concat([i, pd.DataFrame(rows, dtype=str)], ignore_index=True).fillna("")
    return new_c, new_i


def _commit(log, plan_for, *, dry_run: bool, action: str, since=None) -> ImportReport:
    """Plan against the log as loaded (the preview); write under the lock.

    ``plan_for(contacts_raw, interactions_raw)`` returns a :class:`_Plan`. When another
    program saved to the log after the preview was made, the plan is worked out again
    under the lock from the tables on disk then, so nothing it added is lost. ``since``
    (a dry run's report) makes that dry run's tables the preview's.
    """
    if since is not None and since.base_tables is not None:
        c0, i0 = since.base_tables
    else:
        log.reload()
        c0, i0 = log.raw_contacts, log.raw_interactions
    plan = plan_for(c0, i0)
    report = plan.report
    report.base_tables = (c0, i0)
    report.dry_run = dry_run
    if dry_run:
        return report

    def change(c, i, _plan_json):
        p = plan
        if not (_same_table(c, c0) and _same_table(i, i0)):
            p = plan_for(c, i)
            p.report.warnings.append(
                "the log was changed by another program while this import was prepared; "
                "the import was worked out again against the log as it is now, so nothing "
                "saved meanwhile was lost")
        if not _has_changes(p):
            return None, None, None, p
        new_c, new_i = _apply_plan(c, i, p)
        return new_c, new_i, None, p

    final = log._change(change, action=action)
    final.report.dry_run = False
    final.report.base_tables = None
    if _has_changes(final):
        final.report.saved_to = str(log.folder)
    return final.report


def _today_text(today) -> str:
    if today is None:
        return _dt.date.today().isoformat()
    return S.parse_date(today, what="today").date().isoformat()
