"""Take the log anywhere: an Excel workbook or CSV files that are safe to open.

Spreadsheets run a cell that starts with ``=``, ``+``, ``-`` or ``@`` (and, in some
programs, a tab or a carriage return) as a formula, so a contact note such as
``=HYPERLINK("http://evil.example")`` becomes live code when the file is opened. Some
also take the full-width forms ``＝ ＋ － ＠`` and skip leading spaces, tabs and line
breaks before them. Both exports neutralise every such value (DESIGN.md §5;
:func:`needs_neutralizing`):

- **XLSX**: every text cell is stored as text (a string cell, never a formula), with
  the *Text* number format, and a value that starts like a formula also gets Excel's
  *quote prefix* style, so Excel shows it exactly as typed and keeps it text when it
  is edited. The value itself is unchanged, so importing the workbook back
  (``infoint import sheet``) gives the same text.
- **CSV**: such a value gets a leading apostrophe (``'=…``), the convention Excel and
  LibreOffice display as "text". So that the guard can be undone exactly, a value
  that already starts with apostrophes followed by a formula-like rest gets one more
  (``'=x`` is written ``''=x``); ``infoint import sheet`` takes exactly one off such
  values, so an export read back gives every value as it was (:func:`neutralize_csv_value`
  and :func:`unneutralize_csv_value` are inverse). ``raw=True`` (``--raw``) writes the
  log's text exactly instead (for programs, not spreadsheets; reading a raw file back
  with ``import sheet`` still takes the apostrophe off ``'=…``).

Control characters other than tab, line feed and carriage return cannot be stored in
an XLSX file at all; the workbook gets U+FFFD (�) in their place and the result says
how many were replaced (the log itself is not changed). A carriage return is read
back from XLSX as a line feed (XML normalises line ends); importing the workbook
keeps the log's own text for such cells (:func:`xlsx_cell_text`).

An export never writes into a log folder and never replaces a file that no export
wrote (without ``force``): see :func:`check_export_targets`.

openpyxl is imported on first use only.
"""
from __future__ import annotations

import datetime as _dt
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import schema as S
from .errors import ParameterError
from .store import write_atomically, write_table_bytes

#: Written beside every export: the files it wrote and their SHA-256, so the next export
#: may replace them (and only them) without ``force``.
MANIFEST_FILE = ".infoint-export.json"
#: Files that make a folder a contact log: an export never writes into such a folder.
_LOG_MARKERS = (S.CONTACTS_FILE, S.INTERACTIONS_FILE, S.PLAN_FILE, ".backups")

__all__ = [
    "FORMULA_PREFIXES",
    "MANIFEST_FILE",
    "CONTACTS_SHEET",
    "INTERACTIONS_SHEET",
    "ExportResult",
    "needs_neutralizing",
    "neutralize_csv_value",
    "unneutralize_csv_value",
    "xlsx_cell_text",
    "check_export_targets",
    "export_xlsx",
    "export_csv",
]

#: First characters that make a spreadsheet cell a formula (see :func:`needs_neutralizing`
#: for the full rule: full-width forms, and leading blanks before them, count too).
FORMULA_PREFIXES: tuple[str, ...] = ("=", "+", "-", "@", "\t", "\r")
_TRIGGERS = "=+-@\uff1d\uff0b\uff0d\uff20"       # and ＝ ＋ － ＠
_CONTROL_PREFIXES = "\t\r"
_SKIPPED = " \t\r\n\u3000"                       # blanks a spreadsheet may skip
#: Sheet names of an exported workbook (``infoint import sheet`` recognises them).
CONTACTS_SHEET = "contacts"
INTERACTIONS_SHEET = "interactions"

#: Characters an XLSX file cannot hold (the same set openpyxl refuses).
_ILLEGAL_XLSX = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_REPLACEMENT = "\ufffd"
_DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}")
_DATETIME_RE = re.compile(r"(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,6})?)?")

_DATE_FORMAT = "yyyy-mm-dd"
_DATETIME_FORMAT = "yyyy-mm-dd hh:mm"
_DATETIME_SECONDS_FORMAT = "yyyy-mm-dd hh:mm:ss"
_TEXT_FORMAT = "@"
_HEADER_FILL = "305496"
_MIN_WIDTH, _MAX_WIDTH = 8, 50

#: Columns written as real dates (date-only values) or date-times.
_DATE_COLUMNS = {S.ADDED_ON, S.DATE, S.SCHEDULED_FOR}
#: Columns written as numbers.
_NUMBER_COLUMNS = {S.PRIORITY}


@dataclass
class ExportResult:
    """What an export wrote.

    Attributes
    ----------
    paths : list of Path
        The files written.
    contacts, interactions : int
        Rows written to each table.
    neutralized : int
        Text values that start like a formula and were made safe (0 with ``raw``).
    control_chars_replaced : int
        Control characters replaced by U+FFFD (XLSX only).
    raw : bool
        Whether the CSV export skipped the neutralising.
    """

    paths: list[Path]
    contacts: int
    interactions: int
    neutralized: int = 0
    control_chars_replaced: int = 0
    raw: bool = False
    notes: list[str] = field(default_factory=list)

    def __str__(self) -> str:
        lines = [f"wrote {p}" for p in self.paths]
        lines.append(f"  {self.contacts} contacts, {self.interactions} interactions")
        if self.raw:
            lines.append("  raw: values written exactly as in the log (formula-like values "
                         "are NOT neutralised)")
        elif self.neutralized:
            lines.append(f"  {self.neutralized} value(s) starting like a formula (= + - @, "
                         "tab or CR) kept as plain text (never run as formulas)")
        if self.control_chars_replaced:
            lines.append(f"  {self.control_chars_replaced} control character(s) that Excel "
                         "files cannot hold were replaced by U+FFFD (�); the log is unchanged")
        lines += [f"  {n}" for n in self.notes]
        return "\n".join(lines)


def needs_neutralizing(text: str) -> bool:
    """Whether a spreadsheet could take ``text`` for a formula.

    True when it starts with a tab or a carriage return, or when its first character
    after any leading spaces, tabs, line breaks (and the ideographic space) is one of
    ``= + - @`` or their full-width forms ``＝ ＋ － ＠``.

    Examples
    --------
    >>> [needs_neutralizing(t) for t in ("=1+1", "+41 44 555 01 23", "Ada", " \\n=1", "＝1")]
    [True, True, False, True, True]
    """
    if not text:
        return False
    if text[0] in _CONTROL_PREFIXES:
        return True
    first = text.lstrip(_SKIPPED)[:1]
    return bool(first) and first in _TRIGGERS


def neutralize_csv_value(text: str) -> str:
    """``text`` as a CSV export writes it: an apostrophe first when a spreadsheet could run
    it as a formula — also when it already starts with apostrophes before such a rest,
    so that :func:`unneutralize_csv_value` gives back exactly ``text``.

    Examples
    --------
    >>> neutralize_csv_value("=1"), neutralize_csv_value("'=1"), neutralize_csv_value("'tis")
    ("'=1", "''=1", "'tis")
    """
    return "'" + text if needs_neutralizing(text.lstrip("'")) else text


def unneutralize_csv_value(text: str) -> str:
    """Undo :func:`neutralize_csv_value`: one apostrophe goes from ``'…`` when the rest,
    without its leading apostrophes, starts like a formula.

    Examples
    --------
    >>> unneutralize_csv_value("'=1+1"), unneutralize_csv_value("''=1"), unneutralize_csv_value("'tis")
    ('=1+1', "'=1", "'tis")
    """
    if text[:1] == "'" and needs_neutralizing(text.lstrip("'")):
        return text[1:]
    return text


# --- where an export may write ----------------------------------------------------
def _sha256(path: Path) -> str | None:
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return None


def _manifest(folder: Path) -> dict:
    try:
        data = json.loads((folder / MANIFEST_FILE).read_text("utf-8"))
        files = data.get("files", {}) if isinstance(data, dict) else {}
        return files if isinstance(files, dict) else {}
    except (OSError, ValueError):
        return {}


def _ours(path: Path, manifest: dict) -> bool:
    """Whether ``path`` is a regular file an earlier export wrote and nobody changed since."""
    if path.is_symlink() or not path.is_file():
        return False
    digest = manifest.get(path.name)
    return isinstance(digest, str) and digest == _sha256(path)


def check_export_targets(log, targets, *, force: bool = False) -> None:
    """Refuse to write an export where it could destroy data.

    An export never writes into the log's own folder (or below it), nor into any folder
    that holds a contact log (``contacts.csv``, ``interactions.csv``, ``plan.json`` or
    ``.backups`` that no earlier export wrote there) — not even with ``force``. It
    replaces an existing file only when an earlier export wrote it and it has not
    changed since (see :data:`MANIFEST_FILE`), or with ``force``.

    Raises
    ------
    ParameterError
        Naming the path, why, and what to do instead.
    """
    log_dir = Path(log.folder).resolve()
    for target in targets:
        target = Path(target)
        folder = target.parent
        real = folder.resolve()
        if real == log_dir or log_dir in real.parents:
            raise ParameterError(
                f"--out {target}: that is inside the log folder {log.folder}; an export never "
                "writes into a log (it would replace the log's own files). Give a folder "
                "outside it, e.g. --out exports/")
        if folder.is_dir():
            manifest = _manifest(folder)
            # a file an earlier export wrote here is no sign of a log, even edited since
            # (then it needs --force, below); a log's writes leave .backups behind
            held = [m for m in _LOG_MARKERS if (folder / m).exists() and m not in manifest]
            if held:
                raise ParameterError(
                    f"--out {target}: {folder} holds a contact log ({', '.join(held)}); an "
                    "export never writes into a log folder, even with --force. Give a new or "
                    "empty folder, e.g. --out exports/")
        if target.is_dir() and not target.is_symlink():
            raise ParameterError(f"--out: {target} is a folder, so the export cannot write the "
                                 "file of that name; remove or rename the folder")
        if (target.exists() or target.is_symlink()) and not force \
                and not _ours(target, _manifest(folder)):
            raise ParameterError(
                f"--out: {target} already exists and was not written by an earlier export "
                "(or was changed since); add --force to overwrite it, or choose another "
                "name")


def _record_export(paths) -> None:
    """Note the files just written in their folder's manifest (best effort)."""
    by_folder: dict[Path, list[Path]] = {}
    for p in paths:
        by_folder.setdefault(Path(p).parent, []).append(Path(p))
    for folder, files in by_folder.items():
        manifest = _manifest(folder)
        for f in files:
            manifest[f.name] = _sha256(f)
        text = json.dumps({"about": "files written by `infoint export`; the next export may "
                           "replace them", "files": manifest}, indent=2) + "\n"
        try:
            write_atomically(folder / MANIFEST_FILE, text.encode("utf-8"))
        except OSError:
            pass  # without it the next export over these files needs --force


# --- XLSX ---------------------------------------------------------------------------
def xlsx_cell_text(text: str) -> str:
    """The text a workbook written by :func:`export_xlsx` gives back for ``text``.

    Line ends become LF (XML normalises them) and control characters an XLSX file
    cannot hold become U+FFFD.

    Examples
    --------
    >>> xlsx_cell_text("a\\r\\nb\\x07")
    'a\\nb\\ufffd'
    """
    text = str(text).replace("\r\n", "\n").replace("\r", "\n")
    return _ILLEGAL_XLSX.sub(_REPLACEMENT, text)


def _cell_value(column: str, text: str):
    """The Python value and number format for one log value in the workbook."""
    if text == "":
        return None, None
    if column in _DATE_COLUMNS:
        if _DATE_RE.fullmatch(text):
            try:
                return _dt.date.fromisoformat(text), _DATE_FORMAT
            except ValueError:
                pass
        m = _DATETIME_RE.fullmatch(text)
        if m:
            try:
                value = _dt.datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}:{m.group(3)}:"
                                                   f"{m.group(4) or '00'}")
                fmt = _DATETIME_SECONDS_FORMAT if m.group(4) and m.group(4) != "00" \
                    else _DATETIME_FORMAT
                return value, fmt
            except ValueError:
                pass
    if column in _NUMBER_COLUMNS and re.fullmatch(r"\d{1,9}", text):
        return int(text), "0"
    return text, _TEXT_FORMAT


def _write_sheet(ws, frame: pd.DataFrame, counts: dict) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    columns = [str(c) for c in frame.columns]
    bold = Font(bold=True, color="FFFFFF")
    fill = PatternFill("solid", fgColor=_HEADER_FILL)
    for j, name in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=j, value=name)
        cell.font = bold
        cell.fill = fill
        cell.alignment = Alignment(vertical="center")
    widths = [len(c) for c in columns]
    values = frame.astype(str).to_numpy(dtype=object)
    for i, row in enumerate(values, start=2):
        for j, (column, text) in enumerate(zip(columns, row), start=1):
            value, fmt = _cell_value(column, text)
            if value is None:
                continue
            if isinstance(value, str):
                value, n = _ILLEGAL_XLSX.subn(_REPLACEMENT, value)
                counts["control"] += n
            cell = ws.cell(row=i, column=j)
            cell.value = value
            if isinstance(value, str):
                # openpyxl makes any text starting with "=" a formula: force a string cell
                cell.data_type = "s"
                if needs_neutralizing(value):
                    cell.quotePrefix = True
                    counts["neutralized"] += 1
            if fmt:
                cell.number_format = fmt
            first_line = str(text).split("\n", 1)[0]
            widths[j - 1] = max(widths[j - 1], min(len(first_line), _MAX_WIDTH))
    for j, (column, width) in enumerate(zip(columns, widths), start=1):
        letter = get_column_letter(j)
        ws.column_dimensions[letter].width = max(_MIN_WIDTH, min(width + 2, _MAX_WIDTH))
        if column not in _DATE_COLUMNS and column not in _NUMBER_COLUMNS:
            # rows typed in Excel later inherit the Text format: no formulas, zeros kept
            ws.column_dimensions[letter].number_format = _TEXT_FORMAT
    ws.freeze_panes = "A2"
    if columns:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{max(1, len(values) + 1)}"


def _xlsx_target(log, out) -> Path:
    out = Path(out)
    if out.is_dir():
        return out / f"{log.name}.xlsx"
    if out.suffix.lower() != ".xlsx":
        raise ParameterError(f"--out {str(out)!r}: an Excel workbook needs a name ending in "
                             ".xlsx (or give an existing folder to write "
                             f"<log name>.xlsx in it)")
    return out


def export_xlsx(log, path, *, force: bool = False) -> ExportResult:
    """Write the log as an Excel workbook with two sheets, ``contacts`` and ``interactions``.

    Headers are bold on a coloured row, frozen, with a filter; columns are sized to
    their content; ``added_on``, ``date`` and ``scheduled_for`` are real dates (date-only
    values as dates, date-times as date-times, with a number format), ``priority`` is
    a number and everything else is text (Text format, never a formula; values that
    start like a formula also carry the quote-prefix style).

    Parameters
    ----------
    log : ContactLog
        The log to export.
    path : str or Path
        The workbook to write (``.xlsx``), or an existing folder to write
        ``<log name>.xlsx`` in.

    force : bool
        Overwrite a file that an earlier export did not write (never a log's files).

    Returns
    -------
    ExportResult

    Raises
    ------
    ParameterError
        When ``path`` does not end in ``.xlsx``, lies in a log folder, or is a file an
        export did not write (without ``force``); see :func:`check_export_targets`.
    """
    from openpyxl import Workbook

    target = _xlsx_target(log, path)
    check_export_targets(log, [target], force=force)
    contacts, interactions = log.raw_contacts, log.raw_interactions
    counts = {"neutralized": 0, "control": 0}
    wb = Workbook()
    ws = wb.active
    ws.title = CONTACTS_SHEET
    _write_sheet(ws, contacts, counts)
    _write_sheet(wb.create_sheet(INTERACTIONS_SHEET), interactions, counts)
    target.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(target, wb.save)
    _record_export([target])
    return ExportResult([target], len(contacts), len(interactions),
                        neutralized=counts["neutralized"],
                        control_chars_replaced=counts["control"])


# --- CSV ----------------------------------------------------------------------------
def _csv_targets(out) -> tuple[Path, Path]:
    out = Path(out)
    if out.suffix.lower() == ".csv":
        stem = out.with_suffix("")
        return (stem.with_name(f"{stem.name}_contacts.csv"),
                stem.with_name(f"{stem.name}_interactions.csv"))
    return out / S.CONTACTS_FILE, out / S.INTERACTIONS_FILE


def export_csv(log, out, *, raw: bool = False, force: bool = False) -> ExportResult:
    """Write the log's two tables as CSV files that spreadsheets open safely.

    Parameters
    ----------
    log : ContactLog
        The log to export.
    out : str or Path
        A folder (made if needed) to write ``contacts.csv`` and ``interactions.csv``
        in, or a ``NAME.csv`` path: then ``NAME_contacts.csv`` and
        ``NAME_interactions.csv`` are written beside it.
    raw : bool
        Write the log's text exactly (no apostrophe before formula-like values).
    force : bool
        Overwrite files that an earlier export did not write (never a log's files).

    Returns
    -------
    ExportResult

    Raises
    ------
    ParameterError
        When the files would go into a log folder, or over files an export did not
        write (without ``force``); see :func:`check_export_targets`.

    Notes
    -----
    The files are UTF-8 with a byte-order mark (so Excel reads accented names right),
    quoted like the log's own files. ``infoint import sheet`` removes the apostrophes
    again when it reads such a file.
    """
    c_path, i_path = _csv_targets(out)
    check_export_targets(log, [c_path, i_path], force=force)
    neutralized = 0
    frames = []
    for frame in (log.raw_contacts, log.raw_interactions):
        frame = frame.astype(str)
        if not raw:
            for col in frame.columns:
                s = frame[col]
                mask = s.map(lambda v: needs_neutralizing(v.lstrip("'"))).astype(bool)
                if mask.any():
                    neutralized += int(mask.sum())
                    frame[col] = s.where(~mask, "'" + s)
        frames.append(frame)
    for path, frame in zip((c_path, i_path), frames):
        data = write_table_bytes(frame)
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, data)
    _record_export([c_path, i_path])
    return ExportResult([c_path, i_path], len(frames[0]), len(frames[1]),
                        neutralized=neutralized, raw=raw)
