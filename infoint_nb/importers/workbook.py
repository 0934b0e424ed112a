"""Restoring a workbook written by :func:`infoint_nb.exporters.export_xlsx`.

:func:`is_log_workbook` recognises it (sheets ``contacts`` and ``interactions`` with the
log's own headers); :func:`_workbook_planner` replaces both tables with the workbook's,
ids kept, after the same validation as any log. Rows another program saved meanwhile are
kept and the workbook's edits merged into them (:func:`_merge_restore`); an edit on both
sides of one row raises :class:`~infoint_nb.errors.ImportConflictError`.
"""
from __future__ import annotations

from pathlib import Path

import pandas as pd

from .. import schema as S
from ..errors import ImportConflictError, LogValidationError
from ..exporters import CONTACTS_SHEET, INTERACTIONS_SHEET, xlsx_cell_text
from .merging import ImportReport, _PREVIEW_ROWS, _Plan
from .reading import _WORKBOOK, _check_text, _open_workbook, _sheet_records


def is_log_workbook(path) -> bool:
    """Whether ``path`` is a workbook written by :func:`~infoint_nb.exporters.export_xlsx`.

    It is when it has sheets ``contacts`` and ``interactions`` whose first rows hold
    the log's required columns.
    """
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm") or not path.exists():
        return False
    wb = _open_workbook(path)
    try:
        names = {n.casefold(): n for n in wb.sheetnames}
        if CONTACTS_SHEET not in names or INTERACTIONS_SHEET not in names:
            return False
        for sheet, required in ((CONTACTS_SHEET, S.CONTACT_REQUIRED_COLUMNS),
                                (INTERACTIONS_SHEET, S.INTERACTION_REQUIRED_COLUMNS)):
            first = (_sheet_records(wb[names[sheet]], label=f"{path.name}[{names[sheet]}]",
                                    max_rows=1) or [[]])[0]
            header = {v.strip() for v in first if v}
            if not set(required) <= header:
                return False
        return True
    finally:
        wb.close()


def _workbook_frames(path: Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    wb = _open_workbook(path)
    try:
        names = {n.casefold(): n for n in wb.sheetnames}
        frames = []
        for sheet in (CONTACTS_SHEET, INTERACTIONS_SHEET):
            records = _sheet_records(wb[names[sheet]], label=f"{path.name}[{names[sheet]}]")
            header = [h.strip() for h in records[0]] if records else []
            while header and not header[-1]:
                header.pop()
            rows, numbers = [], []
            for k, rec in enumerate(records[1:], start=2):
                cells = (rec[:len(header)] + [""] * len(header))[:len(header)]
                if any(c != "" for c in cells):
                    rows.append(cells)
                    numbers.append(k)
            frame = pd.DataFrame(rows, columns=range(len(header)), dtype=object)
            frame.columns = header
            frame.index = pd.Index(numbers, dtype="int64")
            frames.append(frame.astype(str))
    finally:
        wb.close()
    return frames[0], frames[1]


def _compare_tables(old: pd.DataFrame, new: pd.DataFrame, key: str):
    """Ids added, changed (with their changed columns) and removed between two text tables."""
    cols = list(dict.fromkeys(list(old.columns) + list(new.columns)))
    o = old.reindex(columns=cols, fill_value="").astype(str).set_index(key, drop=False)
    n = new.reindex(columns=cols, fill_value="").astype(str).set_index(key, drop=False)
    added = [k for k in n.index if k not in o.index]
    removed = [k for k in o.index if k not in n.index]
    common = n.index[n.index.isin(o.index)]
    diff = o.loc[common, cols].ne(n.loc[common, cols])
    changed = {k: [c for c, d in zip(cols, row) if d]
               for k, row in zip(common, diff.to_numpy()) if row.any()}
    return added, changed, len(common) - len(changed), removed, o, n


def _keep_line_ends(old: pd.DataFrame, new: pd.DataFrame, key: str) -> pd.DataFrame:
    """Keep the log's text where the workbook holds what an export makes of it.

    XML turns every carriage return into a line feed, and an XLSX file cannot hold other
    control characters (the export writes U+FFFD instead): such a cell is not an edit.
    """
    if not len(old) or not len(new) or key not in new:
        return new
    new = new.copy()
    for col in new.columns:
        if col == key or col not in old:
            continue
        theirs = new[key].map(dict(zip(old[key].astype(str), old[col].astype(str))))
        hit = theirs.notna() & (theirs != new[col])
        if not hit.any():
            continue
        stored = theirs[hit].map(xlsx_cell_text)
        same = stored == new.loc[hit, col]
        idx = same[same].index
        new.loc[idx, col] = theirs[idx]
    return new


def _row_tuple(frame: pd.DataFrame, key: str) -> dict:
    return {str(r[0]): tuple(r) for r in
            frame.set_index(key, drop=False).reset_index(drop=True).to_numpy(dtype=object)}


def _merge_restore(base: pd.DataFrame, theirs: pd.DataFrame, ours: pd.DataFrame, key: str,
                   what: str) -> tuple[pd.DataFrame, list[str]]:
    """Three-way merge of one table: the workbook's edits (``theirs`` against ``base``, the
    log when the import was previewed) applied to the log on disk now (``ours``).

    Rows another program added meanwhile are kept; its edits are kept where the workbook
    left the row alone. A row changed on both sides (or changed on one, removed on the
    other) is a conflict, returned as a sentence.
    """
    cols = list(dict.fromkeys([key] + list(theirs.columns) + list(ours.columns)
                              + list(base.columns)))

    def norm(f):
        return f.reindex(columns=cols, fill_value="").fillna("").astype(str)
    b, t, o = (_row_tuple(norm(f), key) for f in (base, theirs, ours))
    rows, conflicts = [], []
    for k, row in t.items():
        if k not in b:                       # new in the workbook
            if k in o and o[k] != row:
                conflicts.append(f"{what} {k} was added to the log meanwhile and is also new "
                                 "in the workbook")
            rows.append(row)
            continue
        t_changed = row != b[k]
        if k not in o:                       # deleted from the log meanwhile
            if t_changed:
                conflicts.append(f"{what} {k} was deleted from the log meanwhile but the "
                                 "workbook changes it")
            continue
        o_changed = o[k] != b[k]
        if o_changed and t_changed and o[k] != row:
            conflicts.append(f"{what} {k} was changed both in the log meanwhile and in the "
                             "workbook")
        rows.append(o[k] if o_changed else row)
    for k, row in b.items():                 # removed in the workbook
        if k not in t and k in o and o[k] != row:
            conflicts.append(f"{what} {k} was changed in the log meanwhile but the workbook "
                             "removes it")
    for k, row in o.items():                 # added to the log meanwhile
        if k not in b and k not in t:
            rows.append(row)
    merged = pd.DataFrame(rows, columns=cols, dtype=object)
    return merged.astype(str), conflicts


def _workbook_planner(path: Path, *, dry_run: bool):
    """Restore a workbook written by ``export_xlsx``: both tables replaced, ids kept.

    The first call (the preview) compares the workbook with the log as loaded; a later
    call (under the lock, when another program saved meanwhile) merges the workbook's
    edits into the log as it is then (see :func:`_merge_restore`).
    """
    contacts_w, interactions_w = _workbook_frames(path)
    label = path.name
    for sheet, frame in ((CONTACTS_SHEET, contacts_w), (INTERACTIONS_SHEET, interactions_w)):
        _check_text(f"{label}[{sheet}]", ((row, col, v) for col in frame.columns
                                          for row, v in frame[col].items()), encoding=None)
    base: dict = {}

    def plan_for(c_log: pd.DataFrame, i_log: pd.DataFrame) -> _Plan:
        if not base:
            contacts = _keep_line_ends(c_log, contacts_w, S.CONTACT_ID)
            interactions = _keep_line_ends(i_log, interactions_w, S.INTERACTION_ID)
            problems = S.validate_log(contacts, interactions,
                                      contacts_file=f"{label}[{CONTACTS_SHEET}]",
                                      interactions_file=f"{label}[{INTERACTIONS_SHEET}]")
            if problems:
                raise LogValidationError(problems, context=f"{label}: nothing was imported")
            base.update(c=c_log, i=i_log, wc=contacts, wi=interactions)
        else:
            contacts, conflicts = _merge_restore(base["c"], base["wc"], c_log, S.CONTACT_ID,
                                                 "contact")
            interactions, more = _merge_restore(base["i"], base["wi"], i_log,
                                                S.INTERACTION_ID, "interaction")
            if conflicts + more:
                raise ImportConflictError(
                    f"{label}: the log was changed by another program while the workbook was "
                    "being imported, and the changes overlap: " + "; ".join(conflicts + more)
                    + ". Nothing was imported; run the import again to see what it would "
                    "change now.")
        return _workbook_report(label, c_log, i_log, contacts, interactions, dry_run=dry_run)
    return plan_for


def _workbook_report(label, c_log, i_log, contacts, interactions, *, dry_run) -> _Plan:
    report = ImportReport(source=label, kind=_WORKBOOK,
                          mapping={CONTACTS_SHEET: "contacts table",
                                   INTERACTIONS_SHEET: "interactions table"})
    added, changed, same, removed, o, n = _compare_tables(c_log, contacts, S.CONTACT_ID)
    report.added, report.updated, report.unchanged, report.removed = (
        len(added), len(changed), same, len(removed))
    for cid, cols in changed.items():
        report.changes.append(f"{cid} {n.loc[cid, S.NAME]}: " + ", ".join(
            f"{c} {o.loc[cid, c]!r} → {n.loc[cid, c]!r}" for c in cols))
    i_added, i_changed, _, i_removed, _, _ = _compare_tables(
        i_log, interactions, S.INTERACTION_ID)
    report.interactions_added = len(i_added)
    report.interactions_updated = len(i_changed)
    report.interactions_removed = len(i_removed)
    if removed or i_removed:
        report.warnings.append(
            f"the workbook restores the whole log: {len(removed)} contact(s) and "
            f"{len(i_removed)} interaction(s) that it lacks "
            f"{'would be' if dry_run else 'were'} removed from the log; the previous version "
            "stays in the log's backups (`infoint restore DIR --list`)")
    head = contacts.head(_PREVIEW_ROWS)
    report.preview = pd.DataFrame({
        "row": list(head.index),
        "outcome": ["added" if k in added else "updated" if k in changed else "unchanged"
                    for k in head[S.CONTACT_ID]],
        S.CONTACT_ID: list(head[S.CONTACT_ID]), S.NAME: list(head[S.NAME]),
        S.COMPANY: list(head[S.COMPANY]) if S.COMPANY in head else [""] * len(head),
    })
    return _Plan(report, replace=(contacts, interactions))
