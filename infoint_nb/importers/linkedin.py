"""LinkedIn's ``Connections.csv`` export: :func:`import_linkedin`.

The header is found below LinkedIn's optional ``Notes:`` preamble; each connection becomes
a contact with ``source`` ``linkedin`` and ``added_on`` from *Connected On*; connections
that hide their details (no name) are skipped and counted.
"""
from __future__ import annotations

from pathlib import Path

from .. import schema as S
from ..errors import ParameterError
from .dates import parse_import_date
from .mapping import FIRST_NAME, LAST_NAME
from .merging import ImportReport, _Candidate, _commit, _planner, _set_skipped, _today_text
from .reading import (SourceTable, _LINKEDIN, _Problems, _check_text, _encoding_warning,
                      _read_text, _records, _table_cells, _unique_columns)


_LINKEDIN_COLUMNS = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                     "Connected On")


def _linkedin_table(path: Path) -> SourceTable:
    """The connections table below LinkedIn's optional ``Notes:`` preamble."""
    text, encoding = _read_text(path)
    records = _records(text, ",", file=path.name)
    start = None
    for k, rec in enumerate(records):
        if rec and rec[0].strip().lstrip("\ufeff") == "First Name":
            start = k
            break
    if start is None:
        raise ParameterError(
            f"{path.name}: no header row starting with 'First Name,' — this does not look "
            "like LinkedIn's Connections.csv (Settings › Data privacy › Get a copy of your "
            "data › Connections). For another spreadsheet use `infoint import sheet`.")
    header, dup_warnings = _unique_columns(records[start])
    missing = [c for c in ("First Name", "Last Name") if c not in header]
    if missing:
        raise ParameterError(f"{path.name}: the header lacks {', '.join(missing)}; expected "
                             + ", ".join(_LINKEDIN_COLUMNS) + ".")
    n = len(header)
    rows, numbers = [], []
    for k, rec in enumerate(records[start + 1:], start=start + 2):
        if not any(v.strip() for v in rec):
            continue
        rows.append([v for v in rec[:n]] + [""] * max(0, n - len(rec)))
        numbers.append(k)
    table = SourceTable(path, header, rows, numbers, encoding=encoding, delimiter=",",
                        warnings=_encoding_warning(encoding) + dup_warnings)
    _check_text(path.name, _table_cells(table), encoding=encoding)
    return table


def _linkedin_candidates(table: SourceTable, *, today: str, problems: _Problems,
                         warnings: list[str]) -> tuple[list, list]:
    idx = {c: j for j, c in enumerate(table.columns)}

    def cell(cells, name):
        j = idx.get(name)
        return cells[j].strip() if j is not None else ""
    candidates, skipped = [], []
    undated = 0
    for row, cells in zip(table.row_numbers, table.rows):
        name = " ".join(p for p in (cell(cells, "First Name"), cell(cells, "Last Name")) if p)
        if not name:
            skipped.append((row, "no name (a connection who hides their details)"))
            continue
        fields = {S.NAME: name, S.LINKEDIN_URL: cell(cells, "URL"),
                  S.EMAIL: cell(cells, "Email Address"), S.COMPANY: cell(cells, "Company"),
                  S.ROLE: cell(cells, "Position")}
        fields = {k: v for k, v in fields.items() if v}
        connected = cell(cells, "Connected On")
        added_on = today
        if connected:
            try:
                added_on = parse_import_date(connected, dayfirst=True)[:10]
            except ValueError as exc:
                problems.add(row, "Connected On", connected,
                             f"{exc}; LinkedIn writes dates like 08 Feb 2023", "bad-date")
        else:
            undated += 1
        candidates.append(_Candidate(row, fields, {S.SOURCE: _LINKEDIN, S.ADDED_ON: added_on},
                                     []))
    if undated:
        warnings.append(f"{undated} connection(s) without 'Connected On' get today's date as "
                        "added_on")
    return candidates, skipped


def import_linkedin(log, path, *, dry_run: bool = False, today=None,
                    since: ImportReport | None = None) -> ImportReport:
    """Import LinkedIn's ``Connections.csv`` export.

    Get it on LinkedIn: Settings › Data privacy › Get a copy of your data › Connections.

    The header is found below LinkedIn's optional ``Notes:`` preamble. Each connection
    becomes a contact with ``source`` ``linkedin``, ``added_on`` = *Connected On* and no
    priority (network, not a target, until you give one). Connections that hide their
    details come without a name and are skipped (and counted).

    Parameters
    ----------
    log : ContactLog
        The log to import into.
    path : str or Path
        The ``Connections.csv`` file.
    dry_run : bool
        Report what would change; write nothing.
    today : date or str, optional
        ``added_on`` for rows without a date (default: today).

    Returns
    -------
    ImportReport

    Raises
    ------
    ParameterError
        When the file is missing or is not a LinkedIn export.
    LogValidationError
        When a value cannot be read (every problem, naming file, row, column and value);
        nothing is written.
    """
    path = Path(path)
    table = _linkedin_table(path)
    problems = _Problems(path.name)
    report = ImportReport(source=path.name, kind=_LINKEDIN, encoding=table.encoding,
                          warnings=list(table.warnings),
                          mapping={"First Name": FIRST_NAME, "Last Name": LAST_NAME,
                                   "URL": S.LINKEDIN_URL, "Email Address": S.EMAIL,
                                   "Company": S.COMPANY, "Position": S.ROLE,
                                   "Connected On": S.ADDED_ON})
    candidates, skipped = _linkedin_candidates(table, today=_today_text(today),
                                               problems=problems, warnings=report.warnings)
    problems.raise_if_any()
    _set_skipped(report, skipped)
    return _commit(log, _planner(candidates, report), dry_run=dry_run,
                   action=f"import linkedin {path.name}", since=since)
