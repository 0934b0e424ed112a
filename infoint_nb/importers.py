"""Bring people in: LinkedIn ``Connections.csv``, any spreadsheet, vCards, exported workbooks.

Every import follows the same path:

1. **read** the file as text (CSV in UTF-8, UTF-8 with a BOM or Windows-1252, any of
   ``, ; tab |`` as separator, fields of any length, records ending at LF or CRLF;
   XLSX cell by cell, numbers without a spurious ``.0``, ``NA`` kept as ``NA``, only
   the cells really present — a sheet whose last value lies beyond
   :data:`MAX_SHEET_ROWS` × :data:`MAX_SHEET_COLUMNS`, or that holds more than
   :data:`MAX_SHEET_CELLS` cells, is refused). Text that cannot be trusted stops the
   import before anything is written, each place named as file:row: column: a record
   the CSV rules cannot read (a bare CR or a stray double quote), a NUL byte, a
   byte-order mark inside the file, UTF-8 text in a file that is otherwise
   Windows-1252 (mixed encodings);
2. **map** its columns to log fields (:func:`guess_mapping`, overridable), where a
   column may also be an *interaction spec*: ``KIND`` or ``KIND:CHANNEL`` (for
   example ``outreach:email``) turns each date in it into one interaction;
3. **check** every value against the contract; any problem stops the import with a
   message naming file, row, column, value and what is allowed — nothing is written;
4. **match** each person against the log: by ``contact_id`` when the file has one,
   then LinkedIn URL (normalised), then e-mail (case-insensitive), then name and
   company (case-folded). A new person is *added*; a known one is *updated* with the
   fields that changed (an empty cell never erases a value) or counted *unchanged*;
   rows with no name are *skipped*, each with its reason. An interaction already in
   the log (same contact, calendar date, kind and channel) is not added again, so
   importing the same file twice adds nothing;
5. **write** everything in one locked, validated, atomic, backed-up save, unless
   ``dry_run``. The change is worked out against the log as loaded (what the report
   shows); when another program saved to the log meanwhile, it is worked out again
   under the lock from the log on disk then, so nothing saved meanwhile is lost.

A CSV whose header is a log's own ``contacts.csv`` header (``infoint export csv``)
maps each column to the field of its name and keeps the text exactly, so an export
imported into an empty log gives the same contacts, ids and referrals.

A workbook written by :func:`infoint_nb.exporters.export_xlsx` (sheets ``contacts``
and ``interactions`` with the log's own headers) is recognised by
:func:`import_sheet` and *restores* both tables with their ids through
:meth:`ContactLog.replace`: export, edit in Excel, import, and the log is the edited
workbook (rows deleted in Excel are removed; the previous version stays in the
log's backups). Rows another program saved while the import ran are kept, and the
workbook's edits are merged into them; an edit on both sides of one row is refused
with :class:`ImportConflictError`, nothing written.

Every entry point returns an :class:`ImportReport` (added / updated / unchanged /
skipped, interactions added, the mapping, the encoding, warnings) whose ``str`` is
what ``infoint import`` prints.
"""
from __future__ import annotations

import contextlib
import copy
import csv
import datetime as _dt
import io
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from . import schema as S
from .errors import InfointError, LogValidationError, ParameterError
from .exporters import (CONTACTS_SHEET, INTERACTIONS_SHEET, unneutralize_csv_value,
                        xlsx_cell_text)
from .store import _next_ids, norm_email, norm_linkedin_url, norm_name  # one definition each

__all__ = [
    "IGNORE",
    "NAME_PARTS",
    "CONTACT_FIELDS",
    "INTERACTION_SPEC_CHOICES",
    "MAX_SHEET_ROWS",
    "MAX_SHEET_COLUMNS",
    "MAX_SHEET_CELLS",
    "ImportReport",
    "ImportConflictError",
    "SourceTable",
    "read_table",
    "list_sheets",
    "detect_kind",
    "is_log_workbook",
    "guess_mapping",
    "parse_map_args",
    "field_choices",
    "describe_field",
    "normalize_linkedin_url",
    "parse_import_date",
    "import_linkedin",
    "import_sheet",
    "import_vcard",
    "import_file",
]

#: The mapping target meaning "leave this column out".
IGNORE = ""
#: Pseudo-fields joined into ``name`` (``First Name`` + ``Last Name``).
FIRST_NAME, LAST_NAME = "first_name", "last_name"
NAME_PARTS: tuple[str, ...] = (FIRST_NAME, LAST_NAME)
#: Contact fields a column may be mapped to (``contact_id`` matches people by id).
CONTACT_FIELDS: tuple[str, ...] = S.CONTACT_COLUMNS
#: Interaction specs offered in the form's dropdowns (any ``KIND[:CHANNEL]`` is accepted).
INTERACTION_SPEC_CHOICES: tuple[str, ...] = (
    "outreach:email", "outreach:phone", "outreach:letter", "outreach:linkedin",
    "follow_up:email", "follow_up:phone", "voicemail:phone", "message_left:phone",
    "reply_yes", "reply_no", "reply_later", "reply_referral",
    "meeting_held", "meeting_held:in_person", "meeting_held:video", "meeting_held:phone",
    "thank_you:email", "thank_you:letter", "update:email",
)

_LINKEDIN = "linkedin"
_SHEET = "sheet"
_VCARD = "vcard"
_WORKBOOK = "workbook"
_KIND_LABELS = {
    _LINKEDIN: "LinkedIn connections",
    _SHEET: "spreadsheet",
    _VCARD: "vCard address book",
    _WORKBOOK: "exported log workbook",
}
_LINKEDIN_COLUMNS = ("First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                     "Connected On")
#: Fields an import never changes on a person already in the log.
_NO_UPDATE = {S.CONTACT_ID, S.ADDED_ON}
_PREVIEW_ROWS = 12


# =====================================================================================
# report
# =====================================================================================
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


# =====================================================================================
# reading files
# =====================================================================================
@dataclass
class SourceTable:
    """A spreadsheet read as text: a header and rows of strings.

    Attributes
    ----------
    path : Path
    columns : list of str
        Header cells (made unique; an empty header becomes ``column N``).
    rows : list of list of str
        One list per data row, as long as ``columns``; blank rows are left out.
    row_numbers : list of int
        The spreadsheet row of each row (the header's row counts; the first row is 1).
    encoding, delimiter : str or None
        For text files: how the file was decoded and the separator found.
    sheet : str or None
        For workbooks: the sheet read; ``sheet_names`` lists them all.
    warnings : list of str
    """

    path: Path
    columns: list
    rows: list
    row_numbers: list
    encoding: str | None = None
    delimiter: str | None = None
    sheet: str | None = None
    sheet_names: list = field(default_factory=list)
    warnings: list = field(default_factory=list)

    @property
    def label(self) -> str:
        """How messages name the source: ``file.xlsx[Sheet]`` or ``file.csv``."""
        return f"{self.path.name}[{self.sheet}]" if self.sheet else self.path.name

    def frame(self, n: int | None = None) -> pd.DataFrame:
        """The rows (the first ``n``) as an all-text DataFrame indexed by spreadsheet row."""
        rows = self.rows if n is None else self.rows[:n]
        nums = self.row_numbers if n is None else self.row_numbers[:n]
        out = pd.DataFrame(rows, columns=range(len(self.columns)), dtype=object)
        out.columns = self.columns
        out.index = pd.Index(nums, name="row")
        return out


def _decode(data: bytes) -> tuple[str, str]:
    """Text of a file and how it was decoded: UTF-8 (with or without BOM), else cp1252."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="strict"), "utf-8 with BOM"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _read_text(path: Path) -> tuple[str, str]:
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ParameterError(f"{path}: no such file; check the path") from None
    except IsADirectoryError:
        raise ParameterError(f"{path}: is a folder; give the file to import") from None
    try:
        return _decode(data)
    except UnicodeDecodeError as exc:  # a BOM followed by bytes that are not UTF-8
        raise ParameterError(f"{path}: starts with a UTF-8 mark but byte {exc.start + 3} is "
                             "not UTF-8; save the file again as 'CSV UTF-8'") from None


def _encoding_warning(encoding: str) -> list[str]:
    if encoding in ("cp1252", "latin-1"):
        return [f"the file is not UTF-8; it was read as Windows-1252 ({encoding}) — check "
                "that accented names look right in the preview"]
    return []


def _sniff_delimiter(text: str) -> str:
    """The separator that splits most of the first records into equally many fields.

    Records are read with the CSV rules for each candidate (a quoted value may hold
    line breaks and other separators), never split at line breaks first.
    """
    head = text[:20000]
    best, best_score = ",", (0, 0)
    for delim in (",", ";", "\t", "|"):
        counts = []
        reader = csv.reader(io.StringIO(head, newline=""), delimiter=delim)
        try:
            for rec in reader:
                if any(v.strip() for v in rec):
                    counts.append(len(rec))
                    if len(counts) == 10:
                        break
        except csv.Error:
            pass
        wide = Counter(n for n in counts if n > 1)
        if not wide:
            continue
        # the commonest width, and how many of the records have it: a separator that only
        # cuts quoted values into pieces gives ragged records
        width, hits = max(wide.items(), key=lambda kv: (kv[1], kv[0]))
        score = (hits / len(counts), width)
        if score > best_score:
            best, best_score = delim, score
    return best


@contextlib.contextmanager
def _long_fields():
    """Let the csv module read fields of any length (a pasted e-mail thread in a note)."""
    old = csv.field_size_limit()
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    try:
        yield
    finally:
        csv.field_size_limit(old)


_CSV_ERRORS = (
    ("new-line character", "a carriage return (CR) inside a value that is not in double "
     "quotes; put the whole value in double quotes or remove the CR (saving the file again "
     "from Excel as 'CSV UTF-8' writes it correctly)"),
    ("expected after", "a value in double quotes is followed by more text before the next "
     "separator; inside a quoted value write each double quote twice (\"\")"),
    ("unexpected end of data", "a double quote opens a value that is never closed (the file "
     "ends inside it); close the quote, or write a double quote inside a value twice (\"\")"),
    ("NUL", "holds a NUL byte (\\x00): this is not a text file, or it is damaged"),
)


def _records(text: str, delimiter: str, *, file: str = "the file") -> list[list[str]]:
    """CSV records as spreadsheet rows (record i is row i + 1; blank lines are rows too).

    Records end at LF or CRLF (at CR only in a file that has no LF at all, as old Mac
    programs write). Any length of field is read. A record the csv rules cannot read
    (a bare CR or a stray double quote) is reported with its row, all at once.

    Raises
    ------
    LogValidationError
        One problem per record that cannot be read.
    """
    if "\n" in text or "\r" not in text:
        lines = re.findall(r"[^\n]*\n|[^\n]+\Z", text)
    else:
        lines = re.findall(r"[^\r]*\r|[^\r]+\Z", text)
    reader = csv.reader(iter(lines), delimiter=delimiter, strict=True)
    records: list[list[str]] = []
    problems = _Problems(file)
    with _long_fields():
        while True:
            try:
                records.append(next(reader))
            except StopIteration:
                break
            except csv.Error as exc:
                why = next((msg for key, msg in _CSV_ERRORS if key in str(exc)),
                           f"cannot be read as CSV ({exc})")
                problems.add(len(records) + 1, None, None, why)
                records.append([])  # keep the rows below numbered as in a spreadsheet
    problems.raise_if_any()
    return records


def _mojibake(value: str, encoding: str) -> bool:
    """Whether ``value``, decoded as ``encoding``, was really UTF-8 (``Ã©`` for ``é``)."""
    if value.isascii():
        return False
    try:
        return value.encode(encoding).decode("utf-8") != value
    except UnicodeError:
        return False


def _check_text(file: str, cells, *, encoding: str | None) -> None:
    """Refuse NUL bytes, a byte-order mark inside the file, and a file mixing UTF-8 with
    Windows-1252, before anything is written: every cell at once, as file:row: column.

    ``cells`` yields ``(row, column, value)``.
    """
    problems = _Problems(file)
    legacy = encoding in ("cp1252", "latin-1")
    mixed, plain = [], None
    for row, column, value in cells:
        if "\x00" in value:
            problems.add(row, column, value, "holds a NUL byte (\\x00), which is not text: the "
                         "file is damaged or not a text export; remove the character or export "
                         "the file again")
        if "\ufeff" in value:
            problems.add(row, column, value, "holds a byte-order mark (U+FEFF) inside the file, "
                         "usually where two files were joined; remove it (and a second header "
                         "row after it)")
        if legacy and not value.isascii():
            if _mojibake(value, encoding):
                mixed.append((row, column, value))
            elif plain is None:
                plain = row
    if mixed:
        fixed = {id(m): m[2].encode(encoding).decode("utf-8") for m in mixed}
        for m in mixed:
            other = f" (row {plain} is not)" if plain is not None else ""
            problems.add(m[0], m[1], m[2], f"is UTF-8 text ({fixed[id(m)]!r}) in a file that is "
                         f"not UTF-8{other}: the file mixes two encodings. Fix these rows in a "
                         "text editor and save the whole file as UTF-8 (in Excel: 'CSV UTF-8')")
    problems.raise_if_any()


def _table_cells(table: "SourceTable"):
    """``(row, column, value)`` of a table's cells, for :func:`_check_text`."""
    for row, cells in zip(table.row_numbers, table.rows):
        for c, v in zip(table.columns, cells):
            yield row, c, v


def _unique_columns(header: list[str]) -> tuple[list[str], list[str]]:
    out, warnings, seen = [], [], Counter()
    for j, h in enumerate(header, start=1):
        name = re.sub(r"\s+", " ", str(h).replace("\ufeff", "")).strip() or f"column {j}"
        seen[name] += 1
        if seen[name] > 1:
            new = f"{name} ({seen[name]})"
            warnings.append(f"the header has {name!r} twice; the second is called {new!r}")
            name = new
        out.append(name)
    return out, warnings


def _table_from_records(path: Path, records: list[list[str]], *, first_row: int = 1,
                        min_cells: int = 2) -> tuple[list, list, list, list]:
    """Find the header (first row with ``min_cells`` values) and collect the data rows."""
    warnings = []
    start = None
    for k, rec in enumerate(records):
        if sum(1 for v in rec if str(v).strip()) >= min_cells:
            start = k
            break
    if start is None:
        for k, rec in enumerate(records):
            if any(str(v).strip() for v in rec):
                start = k
                break
    if start is None:
        raise ParameterError(f"{path.name}: the file holds no data (not even a header row)")
    if start:
        warnings.append(f"rows {first_row}–{first_row + start - 1} above the header were "
                        "left out")
    header = [str(v) for v in records[start]]
    while header and not header[-1].strip():
        header.pop()
    data = records[start + 1:]
    width = max([len(header)] + [len(r) for r in data]) if data else len(header)
    # a column with no header and no values is noise; one with values gets a name
    named = len(header)
    used = [j for j in range(named, width) if any(j < len(r) and str(r[j]).strip() for r in data)]
    header += [""] * ((max(used) + 1 - named) if used else 0)
    if len(header) > named:
        warnings.append(f"some rows have more values than the header has columns (the extra "
                        f"ones are 'column {named + 1}'…); a value that holds the separator "
                        "must be in double quotes")
    columns, dup_warnings = _unique_columns(header)
    warnings += dup_warnings
    n = len(columns)
    rows, numbers = [], []
    for k, rec in enumerate(data):
        cells = [str(v) for v in rec[:n]] + [""] * max(0, n - len(rec))
        if not any(c.strip() for c in cells):
            continue
        rows.append(cells)
        numbers.append(first_row + start + 1 + k)
    return columns, rows, numbers, warnings


def list_sheets(path) -> list[str]:
    """The worksheet names of an XLSX file (``[]`` for other files)."""
    path = Path(path)
    if path.suffix.lower() not in (".xlsx", ".xlsm"):
        return []
    wb = _open_workbook(path)
    try:
        return list(wb.sheetnames)
    finally:
        wb.close()


def _open_workbook(path: Path):
    from openpyxl import load_workbook
    try:
        return load_workbook(path, read_only=True, data_only=True)
    except FileNotFoundError:
        raise ParameterError(f"{path}: no such file; check the path") from None
    except Exception as exc:  # zipfile.BadZipFile, KeyError, InvalidFileException …
        raise ParameterError(f"{path.name}: cannot be read as an Excel workbook ({exc}); "
                             "save it from Excel as .xlsx, or as CSV UTF-8") from None


def _cell_text(value, number_format: str | None) -> str:
    """A cell as the text a person sees: ``3`` not ``3.0``, dates as ISO, ``NA`` as ``NA``."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value != value:  # NaN cannot come from a cell, but never write "nan"
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, _dt.datetime):
        fmt = (number_format or "").lower()
        has_time = "h" in fmt or value.time() != _dt.time(0, 0)
        if not has_time:
            return value.date().isoformat()
        return value.strftime("%Y-%m-%dT%H:%M:%S" if value.second else "%Y-%m-%dT%H:%M")
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, _dt.time):
        return value.strftime("%H:%M")
    return str(value)


#: The largest sheet an import reads: its last value may be at most in this row and
#: column, and the worksheet may hold at most this many cells (empty styled ones
#: included). A bigger sheet is refused with a message, before it can fill the memory.
MAX_SHEET_ROWS = 200_000
MAX_SHEET_COLUMNS = 1_000
MAX_SHEET_CELLS = 5_000_000


def _sheet_records(ws, *, label: str = "the sheet", max_rows: int | None = None
                   ) -> list[list[str]]:
    """The sheet's rows as text, bounded by the cells really present.

    The sheet's stated size (its ``dimension``, which may claim column XFD) is not
    trusted, and empty cells (styled ones too) cost nothing: rows end at their last
    value, the table at its last row with a value. ``max_rows`` stops reading early.

    Raises
    ------
    ParameterError
        When the sheet is larger than :data:`MAX_SHEET_ROWS` × :data:`MAX_SHEET_COLUMNS`
        or holds more than :data:`MAX_SHEET_CELLS` cells.
    """
    from openpyxl.cell.read_only import ReadOnlyCell
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet._reader import WorkSheetParser

    wb = ws.parent
    present: dict[int, list[tuple[int, str]]] = {}
    seen = 0
    with ws._get_source() as src:
        parser = WorkSheetParser(src, ws._shared_strings, data_only=wb.data_only,
                                 epoch=wb.epoch, date_formats=wb._date_formats,
                                 timedelta_formats=wb._timedelta_formats)
        for idx, row in parser.parse():
            if max_rows is not None and idx > max_rows:
                break
            seen += len(row)
            if seen > MAX_SHEET_CELLS:
                raise ParameterError(
                    f"{label}: the sheet holds more than {MAX_SHEET_CELLS:,} cells (counting "
                    "empty formatted ones); an import reads at most that many. Copy the table "
                    "alone into a new workbook, or save it as CSV UTF-8")
            for cell in row:
                value = cell["value"]
                if value is None or value == "":
                    continue
                r, c = cell["row"], cell["column"]
                if r > MAX_SHEET_ROWS or c > MAX_SHEET_COLUMNS:
                    where = f"{get_column_letter(c)}{r}"
                    raise ParameterError(
                        f"{label}: cell {where} holds a value ({_show_short(value)}), beyond "
                        f"what an import reads (at most {MAX_SHEET_ROWS:,} rows and "
                        f"{MAX_SHEET_COLUMNS:,} columns, i.e. up to column "
                        f"{get_column_letter(MAX_SHEET_COLUMNS)}). Delete the far-away cells "
                        "or copy the table alone into a new sheet")
                text = _cell_text(value, ReadOnlyCell(ws, **cell).number_format
                                  if isinstance(value, _dt.datetime) else None)
                if text:
                    present.setdefault(r, []).append((c, text))
    if not present:
        return []
    records = []
    for r in range(1, max(present) + 1):
        cells = present.get(r)
        if not cells:
            records.append([])
            continue
        rec = [""] * max(c for c, _ in cells)
        for c, text in cells:
            rec[c - 1] = text
        records.append(rec)
    return records


def _show_short(value) -> str:
    text = str(value)
    return repr(text if len(text) <= 30 else text[:29] + "…")


def _pick_sheet(path: Path, names: list[str], sheet: str | None) -> str:
    if sheet is None:
        return names[0]
    for n in names:
        if n == sheet:
            return n
    for n in names:
        if n.casefold() == sheet.strip().casefold():
            return n
    guess = S.suggest(sheet, names)
    hint = f"; did you mean {guess!r}?" if guess else ""
    raise ParameterError(f"{path.name}: no sheet named {sheet!r}{hint} The workbook has: "
                         + ", ".join(repr(n) for n in names) + ".")


def _read_xlsx(path: Path, sheet: str | None) -> SourceTable:
    wb = _open_workbook(path)
    try:
        names = list(wb.sheetnames)
        warnings = []
        if sheet is None:
            read = {}  # each sheet is read once, also the one chosen
            for n in names:
                read[n] = _sheet_records(wb[n], label=f"{path.name}[{n}]")
                if any(sum(1 for v in r if v.strip()) >= 2 for r in read[n]):
                    chosen = n
                    break
            else:
                chosen = names[0]
            others = [n for n in names if n != chosen]
            if others:
                warnings.append(f"read sheet {chosen!r}; the workbook also has "
                                + ", ".join(repr(n) for n in others)
                                + " (choose one with --sheet NAME)")
            records = read[chosen]
        else:
            chosen = _pick_sheet(path, names, sheet)
            records = _sheet_records(wb[chosen], label=f"{path.name}[{chosen}]")
    finally:
        wb.close()
    columns, rows, numbers, more = _table_from_records(path, records)
    return SourceTable(path, columns, rows, numbers, sheet=chosen, sheet_names=names,
                       warnings=warnings + more)


def read_table(path, *, sheet: str | None = None) -> SourceTable:
    """Read a CSV or XLSX file as text, header first.

    Parameters
    ----------
    path : str or Path
        A ``.csv``/``.txt``/``.tsv`` file (UTF-8, UTF-8 with BOM or Windows-1252; the
        separator is detected) or an ``.xlsx`` workbook.
    sheet : str, optional
        The worksheet to read (XLSX); by default the first one holding a table.

    Returns
    -------
    SourceTable
        The header is the first row with at least two values (a title row above it is
        left out, with a warning). CSV values that an export neutralised with a
        leading apostrophe (``'=…``) get it removed.

    Raises
    ------
    ParameterError
        When the file is missing, empty or not a readable workbook, or the sheet does
        not exist.
    """
    path = Path(path)
    if path.suffix.lower() in (".xlsx", ".xlsm"):
        table = _read_xlsx(path, sheet)
        _check_text(table.label, _table_cells(table), encoding=None)
        return table
    if path.suffix.lower() == ".xls":
        raise ParameterError(f"{path.name}: the old .xls format cannot be read; open it in "
                             "Excel and save it as .xlsx or as CSV UTF-8")
    if sheet is not None:
        raise ParameterError(f"--sheet {sheet!r}: {path.name} is a text file with one table; "
                             "--sheet is for .xlsx workbooks")
    text, encoding = _read_text(path)
    delimiter = _sniff_delimiter(text)
    records = _records(text, delimiter, file=path.name)
    records = [[unneutralize_csv_value(v) for v in r] for r in records]
    columns, rows, numbers, warnings = _table_from_records(path, records)
    if delimiter != ",":
        name = {";": "semicolons", "\t": "tabs", "|": "bars"}[delimiter]
        warnings.insert(0, f"values are separated by {name}")
    table = SourceTable(path, columns, rows, numbers, encoding=encoding, delimiter=delimiter,
                        warnings=_encoding_warning(encoding) + warnings)
    _check_text(path.name, _table_cells(table), encoding=encoding)
    return table


# =====================================================================================
# values
# =====================================================================================
#: A LinkedIn profile URL reduced to what identifies the profile (one definition, in store).
normalize_linkedin_url = norm_linkedin_url


_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MONTHS.update({"sept": 9})
_MONTHS.update({name: i for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)})
_TIME = r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
_RE_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME)
_RE_DMONY = re.compile(r"(\d{1,2})[ \-.]+([A-Za-z]+)\.?,?[ \-.]+(\d{2,4})" + _TIME)
_RE_MONDY = re.compile(r"([A-Za-z]+)\.?[ \-]+(\d{1,2})(?:st|nd|rd|th)?,?[ \-]+(\d{4})" + _TIME)
_RE_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2,4})" + _TIME)
_RE_SLASHED = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})" + _TIME)


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _iso(y, m, d, hh=None, mm=None, ss=None) -> str:
    try:
        day = _dt.date(int(y), int(m), int(d))
    except ValueError:
        raise ValueError("is not a real calendar date") from None
    if hh is None:
        return day.isoformat()
    h, mi, s = int(hh), int(mm), int(ss or 0)
    if h > 23 or mi > 59 or s > 59:
        raise ValueError("has an impossible time of day")
    return f"{day.isoformat()}T{h:02d}:{mi:02d}" + (f":{s:02d}" if s else "")


def parse_import_date(text: str, *, dayfirst: bool | None = None) -> str:
    """Read a date as spreadsheets and exports write it; return ISO text.

    Accepted: ``2026-05-05`` (optionally with ``09:30``), ``2026/05/05``,
    ``08 Feb 2023`` (LinkedIn), ``8 February 2023``, ``Feb 8, 2023``, ``08.02.2023``
    (day first) and ``02/08/2023`` — the last one needs ``dayfirst`` (the column's
    order, found by :func:`_date_order`).

    Returns
    -------
    str
        ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``.

    Raises
    ------
    ValueError
        With a short reason, when the text is not one of those dates.

    Examples
    --------
    >>> parse_import_date("08 Feb 2023"), parse_import_date("3/4/2026", dayfirst=True)
    ('2023-02-08', '2026-04-03')
    """
    t = str(text).strip()
    m = _RE_ISO.fullmatch(t)
    if m:
        return _iso(*m.groups())
    for rx, order in ((_RE_DMONY, "dmy"), (_RE_MONDY, "mdy")):
        m = rx.fullmatch(t)
        if m:
            g = m.groups()
            d, mon, y = (g[0], g[1], g[2]) if order == "dmy" else (g[1], g[0], g[2])
            month = _MONTHS.get(mon.casefold())
            if month is None:
                raise ValueError(f"{mon!r} is not an English month name")
            return _iso(_year(y), month, d, *g[3:])
    m = _RE_DOTTED.fullmatch(t)
    if m:
        g = m.groups()
        return _iso(_year(g[2]), g[1], g[0], *g[3:])
    m = _RE_SLASHED.fullmatch(t)
    if m:
        g = m.groups()
        if dayfirst is None:
            raise ValueError("is ambiguous (day/month or month/day?)")
        d, mo = (g[0], g[1]) if dayfirst else (g[1], g[0])
        return _iso(_year(g[2]), mo, d, *g[3:])
    raise ValueError("is not a date")


def _date_order(values: list[str], *, default_dayfirst: bool) -> tuple[bool | None, str | None]:
    """Day-first or month-first for a column of ``a/b/yyyy`` dates, and a warning if guessed."""
    firsts, seconds = [], []
    for v in values:
        m = _RE_SLASHED.fullmatch(v.strip())
        if m:
            firsts.append(int(m.group(1)))
            seconds.append(int(m.group(2)))
    if not firsts:
        return default_dayfirst, None
    day_first = any(a > 12 for a in firsts)
    month_first = any(b > 12 for b in seconds)
    if day_first and month_first:
        return None, None
    if day_first or month_first:
        return day_first, None
    order = "day/month/year" if default_dayfirst else "month/day/year"
    return default_dayfirst, f"dates such as {values[0].strip()!r} were read as {order}"


_DATE_HELP = ("write it as 2026-05-05 (or 05 May 2026); a date-time as 2026-05-05T09:30")


# =====================================================================================
# mapping
# =====================================================================================
def _key(header: str) -> str:
    return re.sub(r"[\W_]+", "", str(header).casefold())


_GUESSES: dict[str, str] = {}


def _guess(field_: str, *headers: str) -> None:
    for h in headers:
        _GUESSES[_key(h)] = field_


for _c in S.CONTACT_COLUMNS:
    _guess(_c, _c)
_guess(S.NAME, "name", "full name", "contact", "contact name", "person", "display name",
       "formatted name")
_guess(FIRST_NAME, "first name", "first", "given name", "forename", "vorname", "prénom")
_guess(LAST_NAME, "last name", "last", "surname", "family name", "nachname", "nom")
_guess(S.COMPANY, "company", "firm", "organization", "organisation", "organization name",
       "organisation name", "organization 1 - name", "employer", "company name", "org",
       "business", "firma", "société", "entreprise")
_guess(S.ROLE, "title", "job title", "position", "role", "job", "occupation",
       "organization title", "organization 1 - title", "function", "funktion")
_guess(S.INDUSTRY, "industry", "sector", "field", "branche")
_guess(S.LOCATION, "location", "city", "town", "region", "place", "ort", "ville")
_guess(S.EMAIL, "email", "e-mail", "email address", "e-mail address", "mail", "work email",
       "business email", "e-mail 1 - value", "email 1 - value", "courriel")
_guess(S.PHONE, "phone", "telephone", "tel", "phone number", "mobile", "mobile phone", "cell",
       "cell phone", "business phone", "work phone", "phone 1 - value", "telefon",
       "téléphone", "handy")
_guess(S.EXTENSION, "ext", "extension", "phone extension")
_guess(S.WORK_ADDRESS, "address", "work address", "business address", "office address",
       "street", "adresse")
_guess(S.LINKEDIN_URL, "linkedin", "linkedin url", "linkedin profile", "profile url",
       "linkedin link", "url")
_guess(S.SOURCE, "source", "lead source", "how found", "found via")
_guess(S.MUTUAL_CONNECTION, "mutual connection", "referred by", "referral", "referrer",
       "introduced by", "connection", "shared connection")
_guess(S.CITE_PERMISSION, "cite permission", "may cite", "permission to cite")
_guess(S.PRIORITY, "priority", "prio", "rank")
_guess(S.ADDED_ON, "added on", "date added", "added", "created", "created on",
       "connected on")
_guess(S.NOTES, "notes", "note", "comments", "comment", "remarks", "memo", "notizen")
_guess("outreach:email", "date emailed", "emailed", "email sent", "emailed on",
       "date e-mailed", "e-mailed", "email date", "first email", "date of email")
_guess("outreach:phone", "date called", "called", "call date", "called on", "phone call",
       "date of call")
_guess("outreach:letter", "letter sent", "date mailed", "letter date", "mailed",
       "date letter sent")
_guess("outreach:linkedin", "date messaged", "messaged", "linkedin message", "inmail",
       "inmail sent")
_guess("follow_up", "follow up", "follow-up", "followed up", "follow up date",
       "date followed up", "follow-up date")
_guess("voicemail:phone", "voicemail", "left voicemail", "voicemail left", "date voicemail")
_guess("meeting_held", "interview date", "date of interview", "met on", "date met",
       "meeting date", "meeting held", "interviewed", "informational interview",
       "interviewed on")
_guess("thank_you", "thank you", "thank-you", "thank you sent", "date thanked", "thanked")
del _c


def describe_field(target: str) -> str:
    """How a mapping target reads in reports and dropdowns.

    Examples
    --------
    >>> describe_field("outreach:email"), describe_field(""), describe_field("company")
    ('an interaction: outreach by email on each date', '(ignored)', 'company')
    """
    if target == IGNORE:
        return "(ignored)"
    if target in NAME_PARTS:
        return f"{target.replace('_', ' ')} (joined into name)"
    spec = _parse_spec(target)
    if spec is not None:
        kind, channel = spec
        how = f" by {channel}" if channel else ""
        return f"an interaction: {kind.replace('_', ' ')}{how} on each date"
    return target


def _parse_spec(target: str) -> tuple[str, str] | None:
    kind, _, channel = target.partition(":")
    if kind in S.KINDS and (channel == "" or channel in S.CHANNELS):
        return kind, channel
    return None


def field_choices() -> list[tuple[str, str]]:
    """``(label, value)`` pairs for a mapping dropdown: ignore, contact fields, interactions."""
    out = [("(ignore)", IGNORE)]
    out += [(f, f) for f in CONTACT_FIELDS]
    out += [(f"{f.replace('_', ' ')} (joined into name)", f) for f in NAME_PARTS]
    out += [(f"interaction: {s}", s) for s in INTERACTION_SPEC_CHOICES]
    return out


def _check_target(target: str, column: str) -> str:
    """A valid mapping target (``-``/``ignore``/empty → ``""``) or a ParameterError."""
    t = target.strip()
    if t in ("", "-", "ignore"):
        return IGNORE
    if t in CONTACT_FIELDS or t in NAME_PARTS or _parse_spec(t) is not None:
        return t
    kind, colon, channel = t.partition(":")
    if colon:
        if kind not in S.KINDS:
            g = S.suggest(kind, S.KINDS)
            hint = f" (did you mean {g!r}?)" if g else ""
            raise ParameterError(f"--map {column}={target}: {kind!r} is not a kind{hint}. "
                                 "Allowed kinds: " + ", ".join(S.KINDS) + ".")
        g = S.suggest(channel, S.CHANNELS)
        hint = f" (did you mean {g!r}?)" if g else ""
        raise ParameterError(f"--map {column}={target}: {channel!r} is not a channel{hint}. "
                             "Allowed channels: " + ", ".join(S.CHANNELS) + ".")
    allowed = list(CONTACT_FIELDS) + list(NAME_PARTS)
    g = S.suggest(t, allowed + list(S.KINDS))
    hint = f" Did you mean {g!r}?" if g else ""
    raise ParameterError(
        f"--map {column}={target}: {t!r} is not a field.{hint} A column maps to a contact "
        "field (" + ", ".join(allowed) + "), to an interaction as KIND or KIND:CHANNEL "
        "(e.g. outreach:email, meeting_held; kinds: " + ", ".join(S.KINDS) + "), or to - "
        "to ignore it.")


def guess_mapping(columns, rows=None) -> dict[str, str]:
    """Guess the log field of each column from its header (and, for ``URL``, its values).

    Parameters
    ----------
    columns : list of str
        The header.
    rows : list of list of str, optional
        Data rows: a generic ``URL``/``Website`` column is taken as ``linkedin_url``
        only when its values are LinkedIn addresses.

    Returns
    -------
    dict
        Column → field, interaction spec, or ``""`` (ignored). When two columns guess
        the same field (``Phone`` and ``Mobile``), the first wins and the second is
        ignored; ``notes`` may come from several columns.

    Examples
    --------
    >>> guess_mapping(["Full Name", "Firm", "Date Emailed", "Shoe size"])
    {'Full Name': 'name', 'Firm': 'company', 'Date Emailed': 'outreach:email', 'Shoe size': ''}
    """
    out: dict[str, str] = {}
    # a header that is a field's own name (an exported contacts.csv) is that field, before
    # any guess: ``referred_by`` is the referrer's id, not the ``mutual_connection`` that a
    # header "Referred by" is guessed to be
    exact = {col: col for col in columns if col in CONTACT_FIELDS}
    taken: set[str] = set(exact.values())
    for j, col in enumerate(columns):
        if col in exact:
            out[col] = col
            continue
        target = _GUESSES.get(_key(col), IGNORE)
        if _key(col) in ("url", "website", "web", "profile", "homepage") and rows is not None:
            values = [r[j] for r in rows if j < len(r) and r[j].strip()]
            linked = sum("linkedin." in v.casefold() for v in values)
            target = S.LINKEDIN_URL if values and linked * 2 >= len(values) else IGNORE
        if target in taken and target != S.NOTES and _parse_spec(target) is None:
            target = IGNORE
        if target:
            taken.add(target)
        out[col] = target
    if S.NAME in taken:  # a full-name column makes First/Last redundant
        for col, target in out.items():
            if target in NAME_PARTS:
                out[col] = IGNORE
    return out


def parse_map_args(items, columns=None) -> dict[str, str]:
    """``["Firm=company", "Called=outreach:phone", "Shoe=-"]`` → ``{column: target}``.

    Parameters
    ----------
    items : list of str
        ``COLUMN=FIELD`` strings (``--map`` values). FIELD is a contact field,
        ``first_name``/``last_name``, an interaction spec ``KIND[:CHANNEL]``, or ``-``
        to ignore the column.
    columns : list of str, optional
        The file's header; when given, COLUMN must be one of them (matched ignoring
        case and spaces).

    Raises
    ------
    ParameterError
        For a malformed item, an unknown column or an unknown field.
    """
    out: dict[str, str] = {}
    for item in items or ():
        col, eq, target = str(item).rpartition("=")
        if not eq or not col.strip():
            raise ParameterError(f"--map {item!r}: write COLUMN=FIELD, e.g. --map "
                                 "'Firm=company' or --map 'Date Called=outreach:phone'")
        col = col.strip()
        if columns is not None:
            col = _resolve_column(col, columns)
        out[col] = _check_target(target, col)
    return out


def _resolve_column(col: str, columns) -> str:
    if col in columns:
        return col
    for c in columns:
        if _key(c) == _key(col):
            return c
    keys = {_key(c): c for c in columns}
    close = S.suggest(_key(col), list(keys))
    hint = f"; did you mean {keys[close]!r}?" if close else "."
    raise ParameterError(f"--map: the file has no column {col!r}{hint} Its columns: "
                         + ", ".join(repr(c) for c in columns) + ".")


def _final_mapping(table: SourceTable, overrides: dict | None) -> tuple[dict, list[str]]:
    """The guess with ``overrides`` applied; guessed columns that now collide are ignored."""
    warnings = []
    mapping = guess_mapping(table.columns, table.rows)
    if overrides:
        fixed = {_resolve_column(c, table.columns): _check_target(t, c)
                 for c, t in overrides.items()}
        explicit_targets = {t for t in fixed.values() if t}
        for col, target in mapping.items():
            if col in fixed:
                continue
            if target and target in explicit_targets and target != S.NOTES \
                    and _parse_spec(target) is None:
                mapping[col] = IGNORE
                warnings.append(f"column {col!r} is ignored: {target} comes from the "
                                "column you mapped to it")
        mapping.update(fixed)
    seen: dict[str, str] = {}
    for col, target in mapping.items():
        if not target or target == S.NOTES or _parse_spec(target) is not None:
            continue
        if target in seen:
            raise ParameterError(
                f"{table.label}: columns {seen[target]!r} and {col!r} both map to {target}; "
                f"ignore one of them, e.g. --map '{col}=-'")
        seen[target] = col
    if not ({S.NAME, FIRST_NAME, LAST_NAME} & set(mapping.values())):
        raise ParameterError(
            f"{table.label}: no column holds the names. Map one with --map 'COLUMN=name' "
            "(or first_name and last_name). Columns: "
            + ", ".join(repr(c) for c in table.columns) + ".")
    return mapping, warnings


# =====================================================================================
# candidates: one person per row, with their dated interactions
# =====================================================================================
@dataclass
class _Candidate:
    row: int
    fields: dict            # contact fields from the file (non-empty), compared on update
    defaults: dict          # used only for a new person (source, added_on)
    interactions: list      # dicts: date, kind, channel, notes
    contact_id: str = ""    # an id given by the file


class _Problems(S._Collector):
    """Schema's problem collector, raising them all at once for an import."""

    def raise_if_any(self):
        if self.problems:
            raise LogValidationError(self.problems, context=f"{self.file}: nothing was imported")


def _fold_choice(value: str, allowed, what: str, column: str, row: int, problems: _Problems,
                 folded: Counter) -> str:
    """An allowed value, also when written with other case or spaces (``Career Center``)."""
    if value in allowed:
        return value
    guess = S.suggest(value, allowed)
    if guess is not None and _key(guess) == _key(value):
        folded[(column, value, guess)] += 1
        return guess
    hint = f"; did you mean {guess!r}?" if guess else ""
    problems.add(row, column, value, f"not {what}{hint} Allowed: " + ", ".join(allowed)
                 + ". Correct it in the file, or leave the cell empty.")
    return ""


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
                                     "several dates in one cell are separated by ';'")
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
                                 f"entered your log: {_DATE_HELP}")
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
                                 "to 5, or empty")
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


# --- LinkedIn -------------------------------------------------------------------------
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
                             f"{exc}; LinkedIn writes dates like 08 Feb 2023")
        else:
            undated += 1
        candidates.append(_Candidate(row, fields, {S.SOURCE: _LINKEDIN, S.ADDED_ON: added_on},
                                     []))
    if undated:
        warnings.append(f"{undated} connection(s) without 'Connected On' get today's date as "
                        "added_on")
    return candidates, skipped


# --- vCard ----------------------------------------------------------------------------
def _physical_lines(text: str) -> list[str]:
    """Lines of a text file split at LF or CRLF only.

    ``str.splitlines`` also splits at U+2028, U+0085, form feeds and more: a value holding
    one would start a new line (and so a new field) of its own.
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [ln[:-1] if ln.endswith("\r") else ln for ln in lines]


def _unfold(text: str) -> list[tuple[int, str]]:
    """Logical lines with the physical line each starts on (RFC 6350 §3.2 folding).

    Linear in the size of the file: the pieces of a folded line are joined once.
    """
    out: list[tuple[int, list[str]]] = []
    for n, line in enumerate(_physical_lines(text), start=1):
        if line[:1] in (" ", "\t") and out:
            out[-1][1].append(line[1:])
        else:
            out.append((n, [line]))
    return [(n, "".join(parts)) for n, parts in out]


def _split_unescaped(value: str, sep: str) -> list[str]:
    parts, buf, i = [], [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            buf.append(value[i:i + 2])
            i += 2
            continue
        if ch == sep:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
        i += 1
    parts.append("".join(buf))
    return parts


def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _parse_property(line: str) -> tuple[str, dict, str] | None:
    """``NAME;PARAM=a,b;TYPE=work:value`` → (NAME, {param: [values]}, value)."""
    in_quotes = False
    for i, ch in enumerate(line):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == ":" and not in_quotes:
            head, value = line[:i], line[i + 1:]
            break
    else:
        return None
    pieces = _split_params(head)
    name = pieces[0].rsplit(".", 1)[-1].strip().upper()  # drop a group prefix (item1.EMAIL)
    params: dict[str, list[str]] = {}
    for p in pieces[1:]:
        key, eq, val = p.partition("=")
        if not eq:  # vCard 2.1 bare type: TEL;WORK;VOICE
            key, val = "TYPE", key
        vals = [v.strip().strip('"').casefold() for v in val.split(",")]
        params.setdefault(key.strip().upper(), []).extend(vals)
    return name, params, value


def _split_params(head: str) -> list[str]:
    out, buf, in_quotes = [], [], False
    for ch in head:
        if ch == '"':
            in_quotes = not in_quotes
        if ch == ";" and not in_quotes:
            out.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    out.append("".join(buf))
    return out


def _preferred(props: list, prefer: tuple[str, ...]):
    """The property with a preferred TYPE (or PREF), else the first one."""
    def rank(p):
        types = set(p[1].get("TYPE", []))
        pref = "pref" in types or "1" in p[1].get("PREF", [])
        for k, t in enumerate(prefer):
            if t in types:
                return (k, not pref)
        return (len(prefer), not pref)
    return min(props, key=rank) if props else None


def _vcard_candidates(path: Path, *, today: str, problems: _Problems,
                      warnings: list[str]) -> tuple[list, list, str]:
    text, encoding = _read_text(path)
    lines = _unfold(text)
    _check_text(path.name, ((n, None, line) for n, line in lines), encoding=encoding)
    cards: list[tuple[int, list]] = []
    current = None
    for n, line in lines:
        if not line.strip():
            continue
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            current = (n, [])
            continue
        if upper == "END:VCARD":
            if current is not None:
                cards.append(current)
            current = None
            continue
        if current is not None:
            prop = _parse_property(line)
            if prop is not None:
                current[1].append(prop)
    if current is not None:
        problems.add(current[0], None, None, "this vCard has BEGIN:VCARD but no END:VCARD; "
                     "the file seems cut off — export it again")
    if not cards:
        raise ParameterError(f"{path.name}: no vCards found (no BEGIN:VCARD … END:VCARD); "
                             "export contacts from your address book as .vcf")
    candidates, skipped = [], []
    qp = other_urls = 0
    for row, props in cards:
        by: dict[str, list] = {}
        for name, params, value in props:
            if "QUOTED-PRINTABLE" in [v.upper() for v in params.get("ENCODING", [])] or \
                    "quoted-printable" in params.get("TYPE", []):
                qp += 1
            by.setdefault(name, []).append((name, params, value))

        def text_of(name):
            p = by.get(name)
            return _unescape(p[0][2]).strip() if p else ""
        kind = text_of("KIND").casefold()
        if kind in ("org", "group", "location"):
            skipped.append((row, f"not a person (KIND:{kind})"))
            continue
        name = text_of("FN")
        if not name and by.get("N"):
            n_parts = [_unescape(x).strip() for x in _split_unescaped(by["N"][0][2], ";")]
            n_parts += [""] * (5 - len(n_parts))
            family, given, additional, prefix, suffix = n_parts[:5]
            name = " ".join(p for p in (prefix, given, additional, family, suffix) if p)
        if not name:
            skipped.append((row, "no name (no FN or N)"))
            continue
        fields = {S.NAME: re.sub(r"\s+", " ", name)}
        if by.get("ORG"):
            fields[S.COMPANY] = _unescape(_split_unescaped(by["ORG"][0][2], ";")[0]).strip()
        fields[S.ROLE] = text_of("TITLE") or text_of("ROLE")
        email = _preferred(by.get("EMAIL", []), ("work", "internet"))
        if email:
            fields[S.EMAIL] = re.sub(r"^mailto:", "", _unescape(email[2]).strip(), flags=re.I)
        tel = _preferred(by.get("TEL", []), ("work", "cell", "mobile", "voice"))
        if tel:
            number = tel[2].strip()
            if number.casefold().startswith("tel:"):
                number, _, rest = number[4:].partition(";")
                ext = re.search(r"(?:^|;)ext=([^;]+)", rest)
                if ext:
                    fields[S.EXTENSION] = ext.group(1)
            fields[S.PHONE] = _unescape(number).strip()
        adr = _preferred(by.get("ADR", []), ("work",))
        if adr:
            parts = [_unescape(x).strip() for x in _split_unescaped(adr[2], ";")]
            parts += [""] * (7 - len(parts))
            _pobox, _ext, street, city, region, code, country = parts[:7]
            fields[S.WORK_ADDRESS] = ", ".join(
                p for p in (street.replace("\n", ", "), " ".join(x for x in (code, city) if x),
                            region, country) if p)
            fields[S.LOCATION] = ", ".join(p for p in (city, region) if p)
        urls = [_unescape(p[2]).strip() for p in by.get("URL", []) + by.get("X-SOCIALPROFILE", [])]
        linked = [u for u in urls if "linkedin.com" in u.casefold()]
        other_urls += len(urls) - len(linked)
        if linked:
            fields[S.LINKEDIN_URL] = re.sub(r"^x-apple:", "", linked[0])
        fields[S.NOTES] = text_of("NOTE")
        fields = {k: v for k, v in fields.items() if v}
        candidates.append(_Candidate(row, fields, {S.SOURCE: "personal_network",
                                                   S.ADDED_ON: today}, []))
    if qp:
        warnings.append(f"{qp} value(s) are quoted-printable (vCard 2.1) and were read as they "
                        "are; export as vCard 3.0 or 4.0 for clean text")
    if other_urls:
        warnings.append(f"{other_urls} web address(es) that are not LinkedIn profiles were "
                        "left out")
    return candidates, skipped, encoding


# =====================================================================================
# matching and planning
# =====================================================================================
def _norm(field_: str, value: str) -> str:
    v = str(value).strip()
    if field_ == S.EMAIL:
        return norm_email(v)
    if field_ == S.LINKEDIN_URL:
        return normalize_linkedin_url(v)
    return v


def _name_key(name: str, company: str) -> tuple[str, str]:
    return norm_name(name), norm_name(company)


class _Index:
    """Who is who: contact ids by id, LinkedIn URL, e-mail, and name + company."""

    def __init__(self):
        self.by_id, self.by_url, self.by_email, self.by_name = {}, {}, {}, {}
        self.records: dict[str, dict] = {}

    def add(self, cid: str, record: dict) -> None:
        self.records[cid] = record
        self.by_id.setdefault(cid, cid)
        url = normalize_linkedin_url(record.get(S.LINKEDIN_URL, ""))
        if url:
            self.by_url.setdefault(url, cid)
        email = norm_email(record.get(S.EMAIL, ""))
        if email:
            self.by_email.setdefault(email, cid)
        if record.get(S.NAME, "").strip():
            self.by_name.setdefault(_name_key(record[S.NAME], record.get(S.COMPANY, "")), cid)

    def match(self, cand: _Candidate) -> str | None:
        if cand.contact_id and cand.contact_id in self.by_id:
            return cand.contact_id
        url = normalize_linkedin_url(cand.fields.get(S.LINKEDIN_URL, ""))
        if url and url in self.by_url:
            return self.by_url[url]
        tries = []
        email = norm_email(cand.fields.get(S.EMAIL, ""))
        if email:
            tries.append(self.by_email.get(email))
        tries.append(self.by_name.get(_name_key(cand.fields.get(S.NAME, ""),
                                                cand.fields.get(S.COMPANY, ""))))
        for cid in tries:
            if cid is None:
                continue
            theirs = normalize_linkedin_url(self.records[cid].get(S.LINKEDIN_URL, ""))
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
    index = _Index()
    for rec in raw.to_dict("records"):
        index.add(rec[S.CONTACT_ID], rec)
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
        cid = index.match(cand)
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


# =====================================================================================
# restoring an exported workbook
# =====================================================================================
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


class ImportConflictError(InfointError, ValueError):
    """The log changed during an import in a way the import cannot merge."""


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


# =====================================================================================
# entry points
# =====================================================================================
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
                         "the log or in this file; put a name in mutual_connection instead")
    problems.raise_if_any()
    _set_skipped(report, skipped)
    return _commit(log, _planner(candidates, report), dry_run=dry_run,
                   action=f"import sheet {table.label}", since=since)


def import_vcard(log, path, *, dry_run: bool = False, today=None,
                 since: ImportReport | None = None) -> ImportReport:
    """Import an address book exported as vCards (``.vcf``, versions 3.0 and 4.0).

    Read: ``FN`` (or ``N``) → name, ``ORG`` → company, ``TITLE`` → role, ``EMAIL`` and
    ``TEL`` (work first), ``ADR`` → work_address and location, a LinkedIn ``URL`` →
    linkedin_url, ``NOTE`` → notes. New people get ``source`` ``personal_network`` and
    ``added_on`` today. Cards of organisations (``KIND:org``) and cards without a name
    are skipped.

    Parameters
    ----------
    log : ContactLog
        The log to import into.
    path : str or Path
        The ``.vcf`` file (one or many cards).
    dry_run : bool
        Report what would change; write nothing.
    today : date or str, optional
        ``added_on`` for new people (default: today).

    Returns
    -------
    ImportReport
    """
    path = Path(path)
    problems = _Problems(path.name)
    report = ImportReport(source=path.name, kind=_VCARD,
                          mapping={"FN/N": S.NAME, "ORG": S.COMPANY, "TITLE": S.ROLE,
                                   "EMAIL": S.EMAIL, "TEL": S.PHONE, "ADR": S.WORK_ADDRESS,
                                   "URL": S.LINKEDIN_URL, "NOTE": S.NOTES})
    candidates, skipped, encoding = _vcard_candidates(path, today=_today_text(today),
                                                      problems=problems,
                                                      warnings=report.warnings)
    report.encoding = encoding
    report.warnings[:0] = _encoding_warning(encoding)
    problems.raise_if_any()
    _set_skipped(report, skipped)
    return _commit(log, _planner(candidates, report), dry_run=dry_run,
                   action=f"import vcard {path.name}", since=since)


def detect_kind(path) -> str:
    """``linkedin``, ``vcard`` or ``sheet``, from the file name and its first lines."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in (".vcf", ".vcard"):
        return _VCARD
    if suffix in (".xlsx", ".xlsm", ".xls"):
        return _SHEET
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return _SHEET
    text = head.decode("utf-8", errors="replace").lstrip("\ufeff")
    if text.lstrip().upper().startswith("BEGIN:VCARD"):
        return _VCARD
    for line in _physical_lines(text)[:20]:
        if line.startswith("First Name,") and "Connected On" in line:
            return _LINKEDIN
    return _SHEET


def import_file(log, path, *, kind: str = "auto", sheet: str | None = None,
                mapping: dict | None = None, dry_run: bool = False, today=None,
                since: ImportReport | None = None) -> ImportReport:
    """Import any supported file; ``kind`` ``auto`` picks by :func:`detect_kind`.

    Parameters
    ----------
    kind : {"auto", "linkedin", "sheet", "vcard"}
    sheet, mapping
        Only for spreadsheets (see :func:`import_sheet`).
    since : ImportReport, optional
        The dry run of the same file that the user looked at. Changes another program
        saved to the log after it are kept: the import is worked out again against the
        log on disk under the lock (an exported workbook merges its edits into them,
        and refuses with :class:`ImportConflictError` where both changed one row).

    Other parameters are as in :func:`import_sheet`.
    """
    kinds = ("auto", _LINKEDIN, _SHEET, _VCARD)
    if kind not in kinds:
        raise ParameterError(f"kind {kind!r} is not an import kind. Allowed: {', '.join(kinds)}.")
    path = Path(path)
    if not path.exists():
        raise ParameterError(f"{path}: no such file; check the path")
    if kind == "auto":
        kind = detect_kind(path)
    if kind != _SHEET and (sheet is not None or mapping):
        raise ParameterError(f"--sheet and --map are for spreadsheets (`import sheet`), not "
                             f"for a {kind} import")
    if kind == _LINKEDIN:
        return import_linkedin(log, path, dry_run=dry_run, today=today, since=since)
    if kind == _VCARD:
        return import_vcard(log, path, dry_run=dry_run, today=today, since=since)
    return import_sheet(log, path, sheet=sheet, mapping=mapping, dry_run=dry_run, today=today,
                        since=since)
