"""Reading a file into a :class:`SourceTable`, before any column means anything.

CSV text is decoded (UTF-8, UTF-8 with a BOM or Windows-1252), its separator sniffed
(``, ; tab |``) and split into records of any length; XLSX is read cell by cell within
:data:`MAX_SHEET_ROWS`, :data:`MAX_SHEET_COLUMNS` and :data:`MAX_SHEET_CELLS`. Text that
cannot be trusted (a NUL byte, a byte-order mark inside the file, mixed encodings, a
record the CSV rules cannot read) stops the import, each place named as file:row: column.
:func:`detect_kind` tells a LinkedIn export, a vCard file and a spreadsheet apart.
"""
from __future__ import annotations

import contextlib
import csv
import datetime as _dt
import io
import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .. import schema as S
from ..errors import LogValidationError, ParameterError
from ..exporters import unneutralize_csv_value
from ..vocabulary import CONTACT_IMPORT_KINDS


_LINKEDIN, _SHEET, _VCARD = CONTACT_IMPORT_KINDS
_WORKBOOK = "workbook"
_KIND_LABELS = {
    _LINKEDIN: "LinkedIn connections",
    _SHEET: "spreadsheet",
    _VCARD: "vCard address book",
    _WORKBOOK: "exported log workbook",
}


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


_CSV_ERRORS = (  # (what csv.Error says, what to tell the user, the problem's code)
    ("new-line character", "a carriage return (CR) inside a value that is not in double "
     "quotes; put the whole value in double quotes or remove the CR (saving the file again "
     "from Excel as 'CSV UTF-8' writes it correctly)", "bare-cr"),
    ("expected after", "a value in double quotes is followed by more text before the next "
     "separator; inside a quoted value write each double quote twice (\"\")", "bad-quote"),
    ("unexpected end of data", "a double quote opens a value that is never closed (the file "
     "ends inside it); close the quote, or write a double quote inside a value twice (\"\")",
     "bad-quote"),
    ("NUL", "holds a NUL byte (\\x00): this is not a text file, or it is damaged", "encoding"),
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
                why, code = next(((msg, code) for key, msg, code in _CSV_ERRORS
                                  if key in str(exc)),
                                 (f"cannot be read as CSV ({exc})", "bad-csv"))
                problems.add(len(records) + 1, None, None, why, code)
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
                         "the file again", "encoding")
        if "\ufeff" in value:
            problems.add(row, column, value, "holds a byte-order mark (U+FEFF) inside the file, "
                         "usually where two files were joined; remove it (and a second header "
                         "row after it)", "encoding")
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
                         "text editor and save the whole file as UTF-8 (in Excel: 'CSV UTF-8')",
                         "encoding")
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


class _Problems(S._Collector):
    """Schema's problem collector, raising them all at once for an import."""

    def raise_if_any(self):
        if self.problems:
            raise LogValidationError(self.problems, context=f"{self.file}: nothing was imported")


def _physical_lines(text: str) -> list[str]:
    """Lines of a text file split at LF or CRLF only.

    ``str.splitlines`` also splits at U+2028, U+0085, form feeds and more: a value holding
    one would start a new line (and so a new field) of its own.
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return [ln[:-1] if ln.endswith("\r") else ln for ln in lines]


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
