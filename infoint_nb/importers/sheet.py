"""Spreadsheets (CSV or XLSX) of people and dated interactions: :func:`import_sheet`.

Mapped rows become candidates (rows without a name are skipped, each value checked); a
log's own ``contacts.csv`` keeps its text exactly, a log's ``interactions.csv`` is merged
in with its ids, an exported workbook is restored (:mod:`.workbook`), and LinkedIn's
``Connections.csv`` given as a sheet is imported as LinkedIn.
"""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pandas as pd

from .. import schema as S
from ..errors import LogValidationError
from .dates import _DATE_HELP, _date_order, parse_import_date
from .linkedin import import_linkedin
from .mapping import FIRST_NAME, LAST_NAME, NAME_PARTS, _final_mapping, _fold_choice, _parse_spec
from .merging import ImportReport, _Candidate, _Plan, _commit, _planner, _set_skipped, _today_text
from .reading import SourceTable, _LINKEDIN, _Problems, _SHEET, detect_kind, read_table
from .workbook import _workbook_planner, is_log_workbook


def _sheet_candidates(table: SourceTable, mapping: dict, *, today: str,
                      problems: _Problems, warnings: list[str]) -> tuple[list, list]:
    """Candidates from mapped rows; problems collected; rows without a name skipped."""
    cols = list(table.columns)
    idx = {c: j for j, c in enumerate(cols)}
    default_dayfirst = table.delimiter == ";"
    orders: dict[str, bool | None] = {}
    for col, target in mapping.items():
        if target == S.ADDED_ON or _parse_spec(target) is not None:
            values = [v for r in table.rows for v in re.split(r"[;\n]", r[idx[col]]) if v.strip()]
            order, warn = _date_order(values, default_dayfirst=default_dayfirst)
            orders[col] = order
            if warn:
                warnings.append(f"column {col!r}: {warn}; if that is wrong, write the dates "
                                "as 2026-05-05")
    folded: Counter = Counter()
    candidates, skipped = [], []
    # an exported contacts.csv: its text comes back exactly as it was (spaces included)
    exact = _is_log_table(cols)
    for row, cells in zip(table.row_numbers, table.rows):
        fields: dict[str, str] = {}
        defaults: dict[str, str] = {}
        parts = {FIRST_NAME: "", LAST_NAME: ""}
        interactions = []
        contact_id = ""
        for col, target in mapping.items():
            if not target:
                continue
            raw = cells[idx[col]]
            value = raw.strip()
            if not value and not (exact and raw):
                continue
            spec = _parse_spec(target)
            if spec is not None:
                kind, channel = spec
                for piece in re.split(r"[;\n]", value):
                    if not piece.strip():
                        continue
                    try:
                        when = parse_import_date(piece, dayfirst=orders.get(col))
                    except ValueError as exc:
                        problems.add(row, col, piece.strip(),
                                     f"{exc}; the column is mapped to {target}, which needs "
                                     f"the date of each {kind.replace('_', ' ')}: {_DATE_HELP}; "
                                     "several dates in one cell are separated by ';'",
                                     "bad-date")
                        continue
                    interactions.append({S.DATE: when, S.KIND: kind, S.CHANNEL: channel,
                                         S.NOTES: f"imported from {table.path.name} ({col})"})
            elif target in NAME_PARTS:
                parts[target] = value
            elif target == S.CONTACT_ID:
                contact_id = raw.strip()
            elif target == S.ADDED_ON:
                try:
                    when = parse_import_date(value, dayfirst=orders.get(col))
                    if "T" in when:
                        when = when[:10]
                    defaults[S.ADDED_ON] = when
                except ValueError as exc:
                    problems.add(row, col, value, f"{exc}; added_on is the date the person "
                                 f"entered your log: {_DATE_HELP}", "bad-date")
            elif target == S.SOURCE:
                fields[S.SOURCE] = _fold_choice(value, S.SOURCES, "a source", col, row,
                                                problems, folded)
            elif target == S.CITE_PERMISSION:
                fields[S.CITE_PERMISSION] = _fold_choice(
                    value, S.CITE_PERMISSIONS, "a cite permission", col, row, problems, folded)
            elif target == S.PRIORITY:
                v = re.sub(r"\.0+$", "", value)
                if v in S.PRIORITIES:
                    fields[S.PRIORITY] = v
                else:
                    problems.add(row, col, value, "priority is a whole number from 1 (highest) "
                                 "to 5, or empty", "not-allowed")
            elif target == S.NOTES and fields.get(S.NOTES):
                fields[S.NOTES] += "\n" + (raw if exact else value)
            else:
                fields[target] = raw if exact and target != S.REFERRED_BY else value
        if not fields.get(S.NAME):
            joined = " ".join(p for p in (parts[FIRST_NAME], parts[LAST_NAME]) if p)
            if joined:
                fields[S.NAME] = joined
        if not fields.get(S.NAME):
            skipped.append((row, "no name"))
            continue
        fields = {k: v for k, v in fields.items() if v != ""}
        if S.ADDED_ON not in defaults:
            dates = sorted(i[S.DATE][:10] for i in interactions)
            defaults[S.ADDED_ON] = dates[0] if dates else today
        candidates.append(_Candidate(row, fields, defaults, interactions, contact_id))
    for (col, value, guess), n in folded.items():
        warnings.append(f"column {col!r}: {value!r} read as {guess!r} ({n} row"
                        f"{'s' if n != 1 else ''})")
    return candidates, skipped


def _is_log_table(columns) -> bool:
    """Whether a header is a log's own ``contacts.csv`` header (an export of a log)."""
    return {S.CONTACT_ID, *S.CONTACT_REQUIRED_COLUMNS} <= set(columns)


def _is_interactions_table(columns) -> bool:
    """Whether a header is a log's own ``interactions.csv`` header (and holds no names)."""
    return set(S.INTERACTION_REQUIRED_COLUMNS) <= set(columns) and S.NAME not in columns


def _interactions_planner(table: SourceTable):
    """Merge an exported ``interactions.csv`` into the log, ids kept.

    A row whose ``interaction_id`` the log lacks is added; one the log holds is updated
    to the file's values (or left alone when equal). Every value is checked first, as
    in a log (the contacts must be in the log: import the exported ``contacts.csv``
    first).
    """
    frame = table.frame()
    label = table.label

    def plan_for(c: pd.DataFrame, i: pd.DataFrame) -> _Plan:
        problems = S.validate_interactions(frame, c[S.CONTACT_ID], file=label)
        if problems:
            raise LogValidationError(problems, context=f"{label}: nothing was imported "
                                     "(the contacts of an exported interactions.csv must be in "
                                     "the log: import its contacts.csv first)")
        report = ImportReport(source=label, kind=_SHEET, encoding=table.encoding,
                              mapping={col: col for col in table.columns},
                              warnings=list(table.warnings))
        cols = list(dict.fromkeys(list(i.columns) + [k for k in frame.columns if k]))
        merged = i.reindex(columns=cols, fill_value="").astype(str).reset_index(drop=True)
        where = {iid: k for k, iid in enumerate(merged[S.INTERACTION_ID])}
        new_rows = []
        for rec in frame.reindex(columns=cols, fill_value="").astype(str).to_dict("records"):
            iid = rec[S.INTERACTION_ID]
            k = where.get(iid)
            if k is None:
                new_rows.append(rec)
                report.interactions_added += 1
            elif merged.iloc[k].tolist() != [rec[x] for x in cols]:
                merged.iloc[k] = [rec[x] for x in cols]
                report.interactions_updated += 1
                report.changes.append(f"interaction {iid} updated")
            else:
                report.interactions_known += 1
        if new_rows:
            merged = pd.concat([merged, pd.DataFrame(new_rows, columns=cols, dtype=str)],
                               ignore_index=True)
        return _Plan(report, interactions_table=merged)
    return plan_for


def import_sheet(log, source, *, sheet: str | None = None, mapping: dict | None = None,
                 dry_run: bool = False, today=None,
                 since: ImportReport | None = None) -> ImportReport:
    """Import people (and dated interactions) from a CSV or XLSX spreadsheet.

    Parameters
    ----------
    log : ContactLog
        The log to import into.
    source : str, Path or SourceTable
        The file, or a table already read with :func:`read_table`.
    sheet : str, optional
        The worksheet (XLSX); by default the first one holding a table.
    mapping : dict, optional
        ``{column: target}`` overriding the guess of :func:`guess_mapping` for those
        columns. A target is a contact field, ``first_name``/``last_name``, an
        interaction spec ``KIND`` or ``KIND:CHANNEL`` (each date in the column becomes
        one interaction: ``Date Emailed`` → ``outreach:email``), or ``""``/``"-"`` to
        ignore the column. See :func:`parse_map_args` for the ``COLUMN=FIELD`` form.
    dry_run : bool
        Report what would change; write nothing.
    today : date or str, optional
        ``added_on`` for people whose row has neither an added-on date nor any
        interaction date (default: today). Otherwise ``added_on`` is the earliest
        interaction date of the row.

    Returns
    -------
    ImportReport
        ``mapping`` holds the mapping used; ``warnings`` what was assumed (the
        encoding, day/month order, values such as ``Career Center`` read as
        ``career_center``).

    Raises
    ------
    ParameterError
        For a missing file or sheet, a mapping without a name column, or two columns
        mapped to one field.
    LogValidationError
        For values that break the contract (every problem, with file, row, column,
        value and what is allowed); nothing is written.

    Notes
    -----
    A workbook written by :func:`~infoint_nb.exporters.export_xlsx` (and no ``sheet``
    or ``mapping`` given) restores the log: both tables are replaced by the
    workbook's, ids kept, after the same validation as any log.
    """
    if isinstance(source, SourceTable):
        table = source
    else:
        path = Path(source)
        if sheet is None and not mapping and is_log_workbook(path):
            return _commit(log, _workbook_planner(path, dry_run=dry_run), dry_run=dry_run,
                           action=f"import workbook {path.name}", since=since)
        if path.suffix.lower() == ".csv" and detect_kind(path) == _LINKEDIN and not mapping:
            report = import_linkedin(log, path, dry_run=dry_run, today=today, since=since)
            report.warnings.insert(0, "this is LinkedIn's Connections.csv: imported as with "
                                   "`infoint import linkedin`")
            return report
        table = read_table(path, sheet=sheet)
    if not mapping and _is_interactions_table(table.columns):
        return _commit(log, _interactions_planner(table), dry_run=dry_run,
                       action=f"import sheet {table.label}", since=since)
    log.reload()
    final, map_warnings = _final_mapping(table, mapping)
    report = ImportReport(source=table.label, kind=_SHEET, encoding=table.encoding,
                          mapping=final, warnings=list(table.warnings) + map_warnings)
    problems = _Problems(table.label)
    candidates, skipped = _sheet_candidates(table, final, today=_today_text(today),
                                            problems=problems, warnings=report.warnings)
    known = set(log.raw_contacts[S.CONTACT_ID].astype(str)) | {
        c.contact_id for c in candidates if c.contact_id}
    for c in candidates:
        ref = c.fields.get(S.REFERRED_BY, "")
        if ref and ref not in known:
            col = next(k for k, v in final.items() if v == S.REFERRED_BY)
            problems.add(c.row, col, ref, "referred_by must be the contact_id of someone in "
                         "the log or in this file; put a name in mutual_connection instead",
                         "unknown-contact")
    problems.raise_if_any()
    _set_skipped(report, skipped)
    return _commit(log, _planner(candidates, report), dry_run=dry_run,
                   action=f"import sheet {table.label}", since=since)
