"""Open, validate and change a log folder without ever losing a row.

A log is a folder with ``contacts.csv``, ``interactions.csv`` and an optional
``plan.json`` (DESIGN.md §3). The text of the files is the truth: a
:class:`ContactLog` keeps it exactly as read (every value a string, extra
columns in their order) and derives typed frames from it, so what is written
back is what was read plus the change asked for.

Every change follows one path (:meth:`ContactLog._change`): take the folder's
lock, re-read the files, apply the change, validate the whole result, snapshot
the current files into ``.backups/``, then write atomically (temp file, fsync,
``os.replace``, fsync the folder). A change of several files is committed by
an intent file that the next opener rolls forward, so a crash at any instant
leaves the old or the new version, never a mix.
"""
from __future__ import annotations

import copy
import datetime as _dt
import errno
import io
import json
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from . import config
from . import schema as S
from .errors import (
    ConfirmationRequiredError,
    DuplicateContactError,
    FileProblemError,
    InfointError,
    LogExistsError,
    LogLockedError,
    LogNotFoundError,
    LogValidationError,
    Problem,
    UnknownIdError,
    _file_in_the_way,
    from_os_error,
)

__all__ = ["ContactLog", "Backup", "read_table", "write_table_bytes", "atomic_write",
           "write_atomically",
           "norm_email", "norm_linkedin_url", "norm_name"]

_COMMIT_FILE = ".commit.json"
_LOCK_FILE = ".lock"
_TMP_MARK = ".tmp-"
_UTF8_HINT = ("save it as UTF-8: in Excel use File › Save As › 'CSV UTF-8 (Comma delimited)'; "
              "in a text editor choose the UTF-8 encoding")


# --- reading ------------------------------------------------------------------------
def _decode_problem(data: bytes, err: UnicodeDecodeError, file: str) -> Problem:
    line = data.count(b"\n", 0, err.start) + 1
    bad = data[err.start:err.start + 1].hex()
    return Problem(file, None, None, None,
                   f"line {line}: byte 0x{bad} is not UTF-8 text; {_UTF8_HINT}", "encoding")


def _maybe_ragged(buf: bytes, header_n: int) -> bool:
    """Cheap test: can any record have a different number of fields than the header?

    Without quotes every line is a record; when the commas add up to exactly
    ``header_n - 1`` per line and the parser met no longer row, no row is short either.
    """
    if b'"' in buf:
        return True
    lines = buf.count(b"\n") + (0 if buf.endswith(b"\n") else 1)
    return buf.count(b",") != (header_n - 1) * lines


def read_table(path: Path, *, file: str | None = None) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read one CSV file of a log as text.

    Returns the raw frame (every value a ``str``, index = spreadsheet row, the
    header being row 1; blank rows dropped) and the problems that stop it from
    being read cleanly (encoding, quotes, line ends, ragged rows). Values are never
    converted: ``0041…`` keeps its zeros and ``NA`` stays ``NA``.

    A file whose quotes and line ends are laid out as CSV wants is read by Arrow's
    CSV reader (all columns text); anything else goes the careful way, record by
    record, so every malformed row is reported as a :class:`Problem` instead of an
    exception from a parser.
    """
    file = file or path.name
    try:
        data = path.read_bytes()
    except IsADirectoryError:
        return None, [Problem(file, None, None, None, "is a folder, not a CSV file",
                              "not-a-file")]
    except FileNotFoundError:
        return None, [Problem(file, None, None, None,
                              "the file is missing; every log needs contacts.csv and "
                              "interactions.csv (run `infoint init` to create a new log)",
                              "missing-file")]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    if re.match(rb"\s*\Z", data[:4096]) and not data.strip():
        return None, [Problem(file, 1, None, None,
                              "the file is empty; it needs at least the header row",
                              "empty-file")]
    # the header is the first record: decode just enough of the file to read it
    head = data[:65536]
    try:
        head_text = head.decode("utf-8")
    except UnicodeDecodeError as err:
        if err.start < len(head) - 4:
            return None, [_decode_problem(data, err, file)]
        head_text = head[:err.start].decode("utf-8")
    if b"\n" not in data and b"\r" in data:
        return None, [Problem(file, 1, None, None, _CR_LINES, "line-ends")]
    header, header_problem, header_end = next(_records(head_text))
    if header_problem is not None:
        return None, [Problem(file, 1, None, None, header_problem,
                              _RECORD_CODES[header_problem])]
    body_start = len(head_text[:header_end].encode("utf-8"))
    try:
        frame, problems = _parse(data, header, file, body_start)
    except UnicodeDecodeError as err:  # past the header: say where
        return None, [_decode_problem(data, err, file)]
    # rows made only of empty cells (blank lines, ",,,,") carry nothing: drop them
    if len(frame.columns) and len(frame):
        first = (frame.iloc[:, 0] == "").to_numpy(dtype=bool)
        if first.any():  # only rows with an empty first cell can be blank
            cand = frame[first]
            blank = np.ones(len(cand), dtype=bool)
            for c in range(len(cand.columns)):
                blank &= (cand.iloc[:, c] == "").to_numpy(dtype=bool)
            if blank.any():
                frame = frame.drop(index=cand.index[blank])
    return frame, problems


_CR_LINES = ("the lines end with a bare carriage return (CR, the old Mac format), which this "
             "toolkit does not read; save the file again as 'CSV UTF-8 (Comma delimited)', or "
             "convert its line ends to LF or CRLF in a text editor")
_STRAY_QUOTE = ('a double quote (") in the middle of a value that does not start with one; '
                'put the whole value in double quotes and double each quote inside it (""), '
                "or remove the quote")
_AFTER_QUOTE = ("text follows the closing double quote of a value; a quoted value must end at "
                'its closing quote: double each quote inside it ("") and keep the quotes '
                "around the whole value")
_BARE_CR = ("a carriage return (CR) on its own inside a value that is not in double quotes "
            "(often pasted from another program); remove it, or put the value in double quotes")
_OPEN_QUOTE = ("a double quote opens a value here that is never closed, so the rest of the file "
               'would be one value; add the closing quote, or double each quote inside a value ("")')
#: the careful parser's problems → their :attr:`Problem.code`
_RECORD_CODES = {_STRAY_QUOTE: "bad-quote", _AFTER_QUOTE: "bad-quote", _OPEN_QUOTE: "bad-quote",
                 _BARE_CR: "bare-cr"}
_QUOTED = re.compile(r'"((?:[^"]++|"")*+)"')  # possessive: linear on an unclosed quote
_PLAIN = re.compile(r'[^,"\r\n]*')


def _records(text: str):
    """The careful parser: yield ``(fields, problem, end)`` for each record of ``text``.

    Records end at LF or CRLF outside quotes; a value is either plain (no quote, comma,
    CR or LF) or wholly in double quotes with quotes inside doubled (RFC 4180). A record
    that breaks those rules gets a ``problem`` (what is wrong, how to fix it) and the
    parser resumes at the next line, so one bad row never hides the others. A blank
    record has no fields. Never raises, whatever the text.
    """
    pos, n = 0, len(text)
    while pos < n:
        fields: list[str] = []
        problem = None
        line_start = pos
        while True:
            quoted = pos < n and text[pos] == '"'
            if quoted:
                m = _QUOTED.match(text, pos)
                if m is None:
                    fields.append(text[pos + 1:])
                    problem, pos = _OPEN_QUOTE, n
                    break
                fields.append(m.group(1).replace('""', '"'))
            else:
                m = _PLAIN.match(text, pos)
                fields.append(m.group())
            pos = m.end()
            if pos >= n:
                break
            ch = text[pos]
            if ch == ",":
                pos += 1
                continue
            if ch == "\n":
                pos += 1
                break
            if ch == "\r" and (pos + 1 == n or text[pos + 1] == "\n"):
                pos += 2
                break
            problem = _AFTER_QUOTE if quoted else (_STRAY_QUOTE if ch == '"' else _BARE_CR)
            nl = text.find("\n", pos)
            fields[-1] += text[pos:n if nl < 0 else nl].rstrip("\r")
            pos = n if nl < 0 else nl + 1
            break
        if problem is None and fields == [""] and not text[line_start:pos].strip("\r\n"):
            fields = []  # a blank line
        yield fields, problem, pos


def _well_formed(data: bytes) -> bool:
    """Cheap, vectorised proof that quotes and CRs are laid out as CSV wants.

    Every opening quote starts a value, every closing quote ends one (or is the first
    of a doubled ``""``), the quotes pair up, and every CR outside quotes is part of a
    CRLF. Then counting records and fields by quote parity is exact, and Arrow's reader
    (lenient about stray quotes) reads the file the way the careful parser would.
    """
    has_q, has_cr = b'"' in data, b"\r" in data
    if not (has_q or has_cr):
        return True
    arr = np.frombuffer(data, dtype=np.uint8)
    size = arr.size
    q = np.flatnonzero(arr == 34) if has_q else np.zeros(0, dtype=np.int64)
    if q.size % 2:
        return False
    if q.size:
        opens, closes = q[0::2], q[1::2]
        prev = arr[np.maximum(opens - 1, 0)]
        doubled = np.concatenate(([-2], closes[:-1])) == opens - 1
        if not ((opens == 0) | (prev == 44) | (prev == 10) | doubled).all():
            return False
        after = closes + 1
        nxt = arr[np.minimum(after, size - 1)]
        nxt2 = arr[np.minimum(after + 1, size - 1)]
        crlf = (nxt == 13) & ((after + 1 >= size) | (nxt2 == 10))
        if not ((after >= size) | (nxt == 44) | (nxt == 10) | (nxt == 34) | crlf).all():
            return False
    if has_cr:
        cr = np.flatnonzero(arr == 13)
        outside = np.searchsorted(q, cr) % 2 == 0
        cr = cr[outside]
        following = arr[np.minimum(cr + 1, size - 1)]
        if not ((cr + 1 >= size) | (following == 10)).all():
            return False
    return True


def _parse(data: bytes, header: list[str], file: str,
           body_start: int) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse a file's bytes as text; report malformed rows and rows whose number of
    values is off.

    Three ways, fastest first: Arrow for a well-formed file; pandas' C parser for a
    well-formed file Arrow refused (it holds a row with too few or too many values);
    the careful parser for everything else and to find the rows at fault.
    """
    header_n = len(header)
    clean = _well_formed(data)
    if clean:
        frame = _read_arrow(data, header, body_start)
        if frame is not None:
            return frame, []
    text = data.decode("utf-8")  # a UnicodeDecodeError is reported by the caller
    if clean and not _maybe_ragged(data, header_n):
        frame = _read_fast(data, header)
        if frame is not None:
            return frame, []
    return _read_careful(text, header, file)


def _read_arrow(data: bytes, header: list[str], body_start: int) -> pd.DataFrame | None:
    """Arrow's CSV reader, every column text (no null or type inference), or None when
    it refuses the file (a ragged row, a byte that is not UTF-8)."""
    import pyarrow as pa
    import pyarrow.csv as pacsv

    if data.startswith(b"\xef\xbb\xbf", body_start):
        return None  # Arrow would drop a BOM at the start of what it is given
    names = [f"c{k}" for k in range(len(header))]
    body = pa.py_buffer(data)[body_start:]
    if body.size < 4096 and not data[body_start:].strip(b"\r\n"):  # no rows
        frame = pd.DataFrame({c: pd.Series([], dtype="str") for c in names})
    else:
        # without a quote no value can hold a line break, and Arrow splits blocks faster
        # when it need not look for quoted ones
        parse = pacsv.ParseOptions(newlines_in_values=b'"' in data, ignore_empty_lines=False)
        convert = pacsv.ConvertOptions(column_types={c: pa.large_string() for c in names},
                                       strings_can_be_null=False,
                                       quoted_strings_can_be_null=False, null_values=[])
        table = None
        for block in (1 << 22, body.size + 1):  # a long field needs a block that holds it
            try:
                table = pacsv.read_csv(
                    body, read_options=pacsv.ReadOptions(column_names=names, block_size=block),
                    parse_options=parse, convert_options=convert)
                break
            except pa.ArrowInvalid as exc:
                if "straddl" not in str(exc) or block > body.size:
                    return None
        if table is None:
            return None
        frame = table.to_pandas()
    frame.columns = header  # may repeat a name: the header check reports that
    frame.index = pd.RangeIndex(2, 2 + len(frame))
    return frame


def _read_fast(data: bytes, header: list[str]) -> pd.DataFrame | None:
    """pandas' C parser, all text; None when it meets a row longer than the header."""
    import warnings

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", pd.errors.ParserWarning)
            frame = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False,
                                skip_blank_lines=False, encoding="utf-8", index_col=False)
    except (pd.errors.ParserError, pd.errors.ParserWarning):
        return None
    if list(frame.columns) != header and len(set(header)) == len(header):
        frame.columns = header  # pandas renames odd header cells; keep the file's own names
    frame.index = pd.RangeIndex(2, 2 + len(frame))
    return frame


def _read_careful(text: str, header: list[str], file: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Parse record by record: every malformed or ragged row becomes a problem, and the
    cells of the others are still there to be checked."""
    n = len(header)
    problems: list[Problem] = []
    rows = []
    records = _records(text)
    next(records)  # the header
    for k, (fields, problem, _) in enumerate(records):
        row = k + 2
        if problem is not None:  # the value it is in names its column (when there is one)
            at = len(fields) - 1
            problems.append(Problem(file, row, header[at] if at < n else None, None, problem,
                                    _RECORD_CODES[problem]))
        elif fields and len(fields) != n:
            what = "fewer" if len(fields) < n else "more"
            problems.append(Problem(
                file, row, None, None,
                f"this row has {len(fields)} values but the header has {n} columns ({what}); "
                "a comma inside a value needs the value in double quotes, and every row needs "
                "one value per column (empty is fine)", "ragged-row"))
        rows.append((fields + [""] * n)[:n])
    frame = pd.DataFrame(rows, columns=range(n), dtype="str")
    frame.columns = header  # may repeat a name: the header check reports that
    frame.index = pd.RangeIndex(2, 2 + len(rows))
    return frame, problems


# --- writing ------------------------------------------------------------------------
def _quote(col: pd.Series) -> pd.Series:
    s = col.astype(str)
    needs = s.str.contains(r'[",\r\n]', regex=True) | s.str.startswith(" ") | s.str.endswith(" ")
    if not needs.any():
        return s
    quoted = '"' + s.str.replace('"', '""', regex=False) + '"'
    return s.where(~needs, quoted)


def write_table_bytes(frame: pd.DataFrame) -> bytes:
    """CSV bytes for a raw frame: UTF-8 with a BOM (so Excel reads it), ``\\n`` line ends.

    Fields holding a comma, quote, CR or LF are always quoted (Python's csv module
    leaves a bare CR unquoted, which breaks the file for every reader).
    """
    return b"\xef\xbb\xbf" + csv_text(frame).encode("utf-8")


def csv_text(frame: pd.DataFrame) -> str:
    """The CSV text of a frame of text (or integer) columns, ``\\n`` line ends, no index:
    what ``frame.to_csv(index=False)`` writes, made by column-wise string operations,
    except that a field with a CR or an outer space is quoted too."""
    header = ",".join(_quote(pd.Series(list(map(str, frame.columns)))).tolist())
    if len(frame) == 0:
        return header + "\n"
    arrow = [_arrow_text(frame.iloc[:, i]) for i in range(frame.shape[1])]
    if all(a is not None for a in arrow):
        return header + "\n" + _arrow_lines(arrow) + "\n"
    cols = [_quote(frame.iloc[:, i]) for i in range(frame.shape[1])]
    lines = cols[0].str.cat(cols[1:], sep=",") if len(cols) > 1 else cols[0]
    return header + "\n" + "\n".join(lines.tolist()) + "\n"


def _arrow_text(col: pd.Series):
    """The column as an Arrow string array (text without gaps, or whole numbers), or None."""
    arr = S._arrow(col)
    if arr is not None:
        return arr
    if isinstance(col.dtype, np.dtype) and col.dtype.kind in "iu":
        import pyarrow as pa
        import pyarrow.compute as pc

        return pc.cast(pa.array(col.to_numpy()), pa.string())
    return None


def _arrow_lines(columns: list) -> str:
    """Rows of quoted fields joined by commas and the rows by ``\\n``, all in Arrow
    (the rule of :func:`_quote`, with no Python object per field)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    text = pa.large_string()
    quote, empty, comma = (pa.scalar(v, text) for v in ('"', "", ","))
    fields = []
    for arr in columns:
        arr = arr.cast(text)
        if isinstance(arr, pa.ChunkedArray):
            arr = arr.combine_chunks()
        needs = pc.match_substring_regex(arr, r'[",\r\n]|^ | $')
        if pc.any(needs).as_py():
            quoted = pc.binary_join_element_wise(
                quote, pc.replace_substring(arr, '"', '""'), quote, empty)
            arr = pc.if_else(needs, quoted, arr)
        fields.append(arr)
    lines = fields[0] if len(fields) == 1 else pc.binary_join_element_wise(*fields, comma)
    whole = pa.LargeListArray.from_arrays(pa.array([0, len(lines)], pa.int64()), lines)
    return pc.binary_join(whole, pa.scalar("\n", text))[0].as_py()


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def _target(path: Path) -> Path:
    """Where a write to ``path`` really goes: through symbolic links to the file they name.

    Replacing a link by a regular file would cut the link (a log kept in a synced
    folder, say, would stop being synced); the temp file goes beside the target
    instead, so ``os.replace`` stays on one disk and the link keeps pointing at it.
    """
    if not os.path.islink(path):
        return path
    return Path(os.path.realpath(path))


def _write_temp(folder: Path, name: str, data: bytes) -> Path:
    """Write ``data`` to a new temp file for ``name`` in ``folder`` (flushed, synced).

    On any error the temp file is removed before the error goes on.
    """
    tmp = folder / f"{name}{_TMP_MARK}{os.getpid()}-{time.monotonic_ns()}"
    try:
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        _unlink_quietly(tmp)
        raise
    return tmp


def _unlink_quietly(path: Path) -> None:
    try:
        os.unlink(path)
    except OSError:
        pass


def atomic_write(folder: Path, files: dict[str, bytes]) -> None:
    """Replace ``files`` (name → bytes) in ``folder`` so a crash leaves old or new, never half.

    One file: temp file, fsync, ``os.replace``, fsync the folder. Several files:
    all temp files are written and synced first, then an intent file naming them
    is put in place atomically (the commit point), then each is moved; the next
    opener rolls a found intent forward. The caller holds the folder's lock.
    A file that is a symbolic link is written through it (the link stays).

    Raises
    ------
    FileProblemError
        When the operating system refuses a step (disk full, permission, …).
        Before the commit point every temp file is removed and the files are as
        they were; after it (``committed`` is true) the change stands and is
        finished when the log is next opened.
    """
    folder = Path(folder)
    targets = {name: _target(folder / name) for name in files}
    temps: list[Path] = []
    try:
        for name, data in files.items():
            temps.append(_write_temp(targets[name].parent, targets[name].name, data))
        if len(temps) == 1:
            (name,), (tmp,) = files.keys(), temps
            os.replace(tmp, targets[name])
            temps.clear()
            _fsync_dir(targets[name].parent)
            return
        for parent in {t.parent for t in temps}:
            _fsync_dir(parent)
        # a temp file beside a link's target is named by its path relative to the folder
        intent = json.dumps({name: os.path.relpath(tmp, folder)
                             for name, tmp in zip(files, temps)}).encode()
        itmp = _write_temp(folder, _COMMIT_FILE, intent)
        temps.append(itmp)
        os.replace(itmp, folder / _COMMIT_FILE)  # the commit point
        temps.clear()
    except OSError as exc:
        for tmp in temps:
            _unlink_quietly(tmp)
        raise from_os_error(exc, _shown(folder, files), doing="save the log (nothing was "
                            "changed)") from exc
    except BaseException:
        for tmp in temps:
            _unlink_quietly(tmp)
        raise
    _fsync_dir(folder)
    try:
        _roll_forward(folder)
    except OSError as exc:
        raise from_os_error(exc, _shown(folder, files), committed=True,
                            doing="finish the save (the change is kept and is put in place "
                            "the next time the log is opened)") from exc


def _shown(folder: Path, files) -> Path:
    """The path to name in a message about saving ``files`` in ``folder``."""
    names = list(files)
    return folder / names[0] if len(names) == 1 else folder


def write_atomically(path, data, *, doing: str = "write the file") -> Path:
    """Replace one file outside a log's own set (a calendar, a workbook, a report page)
    so that a crash leaves the old file or the new one, never half of it.

    Parameters
    ----------
    path : str or Path
        The file to write; its folder must exist. A symbolic link is written through
        (the file it names is replaced, the link stays).
    data : bytes or callable
        The new content, or a function that writes the file at the path it is given
        (for writers such as ``openpyxl.Workbook.save`` that want a path).
    doing : str
        What is being written, for the message of a failure ("cannot {doing}").

    Returns
    -------
    Path

    Raises
    ------
    FileProblemError
        When ``path`` is a folder, or the operating system refuses the write (no
        permission, disk full, …); no temp file is left and the old file is unchanged.
    """
    path = Path(path)
    if path.is_dir():
        raise FileProblemError(
            f"{path}: cannot {doing}: it is a folder, not a file; give a file name "
            f"(e.g. {path / ('out' + (path.suffix or '.txt'))})", path=path,
            errno=errno.EISDIR)
    target = _target(path)
    tmp = target.with_name(f".{target.name}.part-{os.getpid()}-{time.monotonic_ns()}")
    try:
        if callable(data):
            data(tmp)
            with open(tmp, "rb+") as fh:
                os.fsync(fh.fileno())
        else:
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
        os.replace(tmp, target)
    except OSError as exc:
        _unlink_quietly(tmp)
        raise from_os_error(exc, path, doing=doing) from exc
    except BaseException:
        _unlink_quietly(tmp)
        raise
    _fsync_dir(target.parent)
    return path


def _read_intent(folder: Path) -> dict[str, Path] | None:
    """The files of a committed but unfinished save: ``{name: temp path}``, or None."""
    marker = folder / _COMMIT_FILE
    try:
        intent = json.loads(marker.read_text("utf-8"))
    except FileNotFoundError:
        return None
    except (ValueError, OSError):
        intent = {}
    if not isinstance(intent, dict):
        intent = {}
    return {str(name): folder / str(tmp) for name, tmp in intent.items()
            if str(name) in _LOG_FILES}


def _roll_forward(folder: Path) -> bool:
    """Finish a multi-file commit whose intent file is present; return whether one was."""
    intent = _read_intent(folder)
    if intent is None:
        return False
    for name, tmp in intent.items():
        if tmp.exists():
            os.replace(tmp, _target(folder / name))
    for parent in {folder, *(_target(folder / n).parent for n in intent)}:
        _fsync_dir(parent)
    (folder / _COMMIT_FILE).unlink(missing_ok=True)
    _fsync_dir(folder)
    return True


def _clean_temps(folder: Path) -> None:
    """Remove temp files of writes that never committed (a crash before the commit point),
    in the folder and beside the targets of linked log files."""
    places = [(folder, "*")]
    for name in _LOG_FILES:
        target = _target(folder / name)
        if target.parent != folder:
            places.append((target.parent, target.name))
    for place, stem in places:
        for p in place.glob(f"{stem}{_TMP_MARK}*"):
            _unlink_quietly(p)


# --- backups ------------------------------------------------------------------------
@dataclass(frozen=True)
class Backup:
    """One earlier version of a log, kept in ``.backups/``."""

    name: str
    created: _dt.datetime
    files: tuple[str, ...]
    path: Path

    def __str__(self) -> str:
        return f"{self.name}  ({self.created:%Y-%m-%d %H:%M:%S}; {', '.join(self.files)})"


_LOG_FILES = (S.CONTACTS_FILE, S.INTERACTIONS_FILE, S.PLAN_FILE)


def _is_plan_backup(name: str) -> bool:
    """Whether a backup was taken before a change of ``plan.json`` alone."""
    return re.match(r"\d{8}T\d{6}-\d{6}-plan-", name) is not None


def _snapshot(folder: Path, changing: set[str], action: str) -> Path | None:
    """Keep the current files in a new ``.backups/<stamp>-<action>/`` folder; return it.

    The copy is made in a hidden ``.partial`` folder and renamed when complete, so a
    failure (a full disk, say) leaves no half backup: the partial folder is removed
    and the error goes on as a :class:`FileProblemError`. Old backups are pruned by
    :func:`_prune_backups` once the save itself has succeeded.
    """
    root = folder / config.BACKUPS_DIRNAME
    now = _dt.datetime.now()
    stamp = now.strftime("%Y%m%dT%H%M%S-%f")
    slug = re.sub(r"[^a-z0-9]+", "-", action.lower()).strip("-")[:40] or "change"
    if changing == {S.PLAN_FILE} and not slug.startswith("plan-"):
        slug = "plan-" + slug
    elif changing != {S.PLAN_FILE} and slug.startswith("plan-"):
        slug = "log-" + slug
    target = root / f"{stamp}-{slug}"
    tmp = root / f".{stamp}-{slug}.partial"
    present = [n for n in _LOG_FILES if (folder / n).exists()]
    if not present:
        return None
    try:
        tmp.mkdir(parents=True, exist_ok=True)
        for name in present:
            src, dst = _target(folder / name), tmp / name  # a backup holds bytes, not links
            if name in changing:
                # the file is about to be replaced, never edited: a hard link keeps the old
                # bytes
                try:
                    os.link(src, dst)
                    continue
                except OSError:
                    pass
            shutil.copy2(src, dst)
        os.replace(tmp, target)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        raise from_os_error(exc, root, doing="keep a backup before saving (nothing was "
                            "changed)") from exc
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    _fsync_dir(root)
    return target


def _prune_backups(folder: Path) -> None:
    """Keep the newest :data:`config.MAX_BACKUPS` backups of each sort; drop stray partials."""
    root = folder / config.BACKUPS_DIRNAME
    try:
        backups = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    except OSError:
        return
    # plan.json is saved on every form submit: its versions are bounded on their own, so
    # a busy afternoon of forms never pushes the earlier versions of the CSV files out
    for plan_only in (True, False):
        kept = [b for b in backups if _is_plan_backup(b.name) is plan_only]
        for old in kept[:-config.MAX_BACKUPS]:
            shutil.rmtree(old, ignore_errors=True)
    for partial in root.glob(".*.partial"):
        shutil.rmtree(partial, ignore_errors=True)


def _save(folder: Path, out: dict[str, bytes], action: str) -> None:
    """Back up, then write ``out`` atomically; a failure before the commit point leaves the
    folder as it was (no temp file, no new backup). The caller holds the lock."""
    root = folder / config.BACKUPS_DIRNAME
    first = not root.exists()
    try:
        backup = _snapshot(folder, set(out), action)
        try:
            atomic_write(folder, out)
        except FileProblemError as exc:
            if backup is not None and not exc.committed:
                shutil.rmtree(backup, ignore_errors=True)
            raise
    except FileProblemError as exc:
        if first and not exc.committed:  # not even an empty .backups/ is left behind
            try:
                root.rmdir()
            except OSError:
                pass
        raise
    _prune_backups(folder)


def _is_a_file_message(path: Path, *, creating: bool = False) -> str:
    """What to say when a log's folder was given as a file's path (and which folder to give)."""
    parent = path.parent
    if all((parent / n).is_file() for n in (S.CONTACTS_FILE, S.INTERACTIONS_FILE)):
        hint = f"give the folder it is in: {parent}"
        if creating:
            hint = f"{parent} already holds a log; open it with `--log {parent}`"
    else:
        new = path.with_suffix("") if path.suffix else path.with_name(path.name + "_log")
        if new.exists():
            new = path.with_name(path.name.replace(".", "_") + "_log")
        hint = f"give such a folder, or make a new log with `infoint init {new}`"
    return (f"{path}: is a file, not a folder; a log is a folder holding contacts.csv and "
            f"interactions.csv: {hint}")


# --- the log ------------------------------------------------------------------------
def _today() -> _dt.date:
    return _dt.date.today()


def _date_text(value, *, what: str) -> str:
    """Text for a date field: date → ``YYYY-MM-DD``, datetime → ``YYYY-MM-DDTHH:MM[:SS]``."""
    if value is None:
        return _today().isoformat()
    if isinstance(value, str):
        text = value.strip()
        S.parse_when(text, what=what)  # raises ValueError with a clear message
        return text
    if isinstance(value, _dt.datetime) or isinstance(value, pd.Timestamp):
        ts = pd.Timestamp(value)
        if ts.tzinfo is not None:
            raise ValueError(f"{what} {value!r} has a time zone; give local time without one")
        fmt = "%Y-%m-%dT%H:%M:%S" if ts.second else "%Y-%m-%dT%H:%M"
        return ts.strftime(fmt)
    if isinstance(value, _dt.date):
        return value.isoformat()
    raise ValueError(f"{what} {value!r} is not a date; give a date, a datetime or ISO text")


def norm_email(value: str) -> str:
    """The form of an e-mail address used to spot the same person twice."""
    return str(value).strip().casefold()


def norm_linkedin_url(value: str) -> str:
    """The form of a profile URL used to spot the same person twice.

    Scheme, ``www.``, query, fragment and trailing slashes do not matter:
    ``https://www.linkedin.com/in/ann-lee/`` and ``linkedin.com/in/ann-lee`` match.
    """
    from urllib.parse import unquote

    out = unquote(str(value)).strip().casefold()
    out = re.sub(r"^https?://", "", out)
    out = re.sub(r"^(?:www|[a-z]{2})\.(?=linkedin\.com)|^www\.", "", out)
    out = re.sub(r"[?#].*$", "", out)
    return out.rstrip("/")


def norm_name(value: str) -> str:
    """The form of a name (or company) used to spot the same person twice."""
    return " ".join(str(value).split()).casefold()


def _next_ids(existing: pd.Series, prefix: str, width: int, count: int) -> list[str]:
    nums = existing.astype(str).str.extract(rf"^{prefix}(\d+)$", expand=False)
    start = int(pd.to_numeric(nums, errors="coerce").max()) + 1 if nums.notna().any() else 1
    return [f"{prefix}{n:0{width}d}" for n in range(start, start + count)]


def _json_default(obj):
    if isinstance(obj, (_dt.date, _dt.datetime, pd.Timestamp)):
        return obj.isoformat()
    if isinstance(obj, (np.integer,)):
        return int(obj)
    if isinstance(obj, (np.floating,)):
        return float(obj)
    if isinstance(obj, (set, tuple)):
        return list(obj)
    raise TypeError(f"{type(obj).__name__} values cannot be saved in plan.json")


class _DuplicateIndex:
    """Who is already in the log, by e-mail, LinkedIn URL and name + company (normalised):
    :class:`infoint_nb.matching.PersonIndex`, with the wording of the duplicate check.

    Built once per change, so adding many people costs one pass, not one per person.
    """

    def __init__(self, c: pd.DataFrame):
        from .matching import PersonIndex  # matching imports store: imported on use

        self.index = PersonIndex()
        for row in c.to_dict("records"):
            self.add(row)

    def find(self, row: dict):
        """``(contact_id, name, company, what)`` of someone like ``row``, or None."""
        hit = self.index.find(row)
        if hit is None:
            return None
        cid, kind, value = hit
        if kind == self.index.EMAIL:
            what = f"e-mail {value}"
        elif kind == self.index.URL:
            what = f"LinkedIn URL {value}"
        else:
            company = str(row.get(S.COMPANY, "")).strip()
            what = f"name {value!r}" + (f" at {company}" if company else "")
        person = self.index.records[cid]
        return cid, str(person.get(S.NAME, "")), str(person.get(S.COMPANY, "")), what

    def add(self, row: dict) -> None:
        self.index.add(str(row.get(S.CONTACT_ID, "")), row)


class ContactLog:
    """A contact log folder: people, dated interactions and the campaign plan.

    Use :meth:`open`, :meth:`init` or :meth:`open_or_init` rather than the
    constructor. ``contacts`` and ``interactions`` are typed DataFrames derived
    from the files' text; every change method validates, saves atomically with
    a backup, and returns only once the change is on disk.

    Examples
    --------
    >>> log = ContactLog.init(tmp_path / "my_log")                  # doctest: +SKIP
    >>> cid = log.add_contact(name="Dana Whitfield", company="Brightline")  # doctest: +SKIP
    >>> log.add_interaction(cid, "outreach", "2026-05-05", channel="email")  # doctest: +SKIP
    'I00001'
    """

    def __init__(self, folder: Path, contacts_raw: pd.DataFrame,
                 interactions_raw: pd.DataFrame, plan: dict):
        self.folder = Path(folder)
        self._contacts_raw = contacts_raw
        self._interactions_raw = interactions_raw
        self._plan = plan
        self._typed: dict[str, pd.DataFrame] = {}
        self._parsed: tuple[dict, dict] = ({}, {})

    # -- opening ---------------------------------------------------------------------
    @classmethod
    def open(cls, folder) -> "ContactLog":
        """Load and validate the log in ``folder``.

        Raises
        ------
        LogNotFoundError
            When the folder does not exist.
        LogValidationError
            With every problem of the files, each naming file, row, column and value.
        """
        folder = Path(folder)
        if not folder.is_dir():
            if folder.exists():
                raise LogNotFoundError(_is_a_file_message(folder))
            blocker = _file_in_the_way(str(folder))
            if blocker:
                raise LogNotFoundError(f"{folder}: no log folder here: {blocker} is a file, not "
                                       "a folder; check the path")
            raise LogNotFoundError(
                f"{folder}: no log folder here; create one with `infoint init {folder}` "
                "or check the path")
        parsed: tuple[dict, dict] = ({}, {})
        try:
            with cls._lock_for_read(folder):
                c, i, plan, problems = cls._read_folder(folder, parsed)
        except OSError as exc:
            raise from_os_error(exc, doing="read the log") from exc
        if problems:
            raise LogValidationError(problems, context=f"{folder}: the log has problems")
        log = cls(folder, c, i, plan)
        log._parsed = parsed
        return log

    @classmethod
    def init(cls, folder) -> "ContactLog":
        """Create a new, empty log in ``folder`` (made if needed) and return it.

        Raises
        ------
        LogExistsError
            When ``folder`` already holds a log file.
        """
        folder = Path(folder)
        if folder.exists() and not folder.is_dir():
            raise LogExistsError(_is_a_file_message(folder, creating=True))
        made = not os.path.lexists(folder)
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise from_os_error(exc, folder, doing="create the log folder") from exc
        there = [n for n in (S.CONTACTS_FILE, S.INTERACTIONS_FILE) if (folder / n).exists()]
        if there:
            raise LogExistsError(
                f"{folder}: already holds {', '.join(there)}; open it instead, "
                "or choose an empty folder for a new log")
        c, i = S.empty_contacts(), S.empty_interactions()
        try:
            with cls._lock(folder):
                atomic_write(folder, {S.CONTACTS_FILE: write_table_bytes(c),
                                      S.INTERACTIONS_FILE: write_table_bytes(i)})
        except OSError as exc:
            if made:  # leave nothing behind: the folder was ours and holds only the lock
                _unlink_quietly(folder / _LOCK_FILE)
                try:
                    folder.rmdir()
                except OSError:
                    pass
            raise from_os_error(exc, folder, doing="create the log") from exc
        c.index = pd.RangeIndex(2, 2)
        i.index = pd.RangeIndex(2, 2)
        return cls(folder, c, i, {"schema": S.PLAN_SCHEMA_VERSION})

    @classmethod
    def open_or_init(cls, folder) -> "ContactLog":
        """Open the log in ``folder``, creating an empty one there on first use."""
        folder = Path(folder)
        if not (folder / S.CONTACTS_FILE).exists() and not (folder / S.INTERACTIONS_FILE).exists():
            try:
                return cls.init(folder)
            except LogExistsError:  # another process created it in the meantime
                pass
        return cls.open(folder)

    @staticmethod
    def _lock(folder: Path):
        from filelock import FileLock
        return FileLock(str(folder / _LOCK_FILE), timeout=config.LOCK_TIMEOUT)

    @classmethod
    def _acquire_for_write(cls, folder: Path):
        """The folder's lock, acquired; a folder where it cannot be made is the user's to fix."""
        lock = cls._lock(folder)
        try:
            lock.acquire()
        except OSError as exc:
            raise from_os_error(exc, folder, doing="save a change here (its lock file "
                                f"{_LOCK_FILE} cannot be opened; nothing was changed)") from exc
        except Exception as exc:  # filelock.Timeout
            raise LogLockedError(
                f"{folder}: another program has held the log's lock for "
                f"{config.LOCK_TIMEOUT:.0f} s; close other notebooks writing to it") from exc
        return lock

    @classmethod
    def _lock_for_read(cls, folder: Path):
        """The folder's lock, or nothing where it cannot be created (a read-only folder)."""
        import contextlib
        lock = cls._lock(folder)
        try:
            lock.acquire()
        except OSError:
            return contextlib.nullcontext()
        except Exception as exc:  # filelock.Timeout
            raise LogLockedError(
                f"{folder}: another program has held the log's lock for "
                f"{config.LOCK_TIMEOUT:.0f} s; close other notebooks writing to it, "
                f"or delete {folder / _LOCK_FILE} if none is running") from exc

        @contextlib.contextmanager
        def held():
            try:
                yield
            finally:
                lock.release()
        return held()

    @classmethod
    def _read_folder(cls, folder: Path, parsed: tuple[dict, dict] | None = None):
        """Read and validate the files; ``parsed`` (two dicts) receives parsed date columns."""
        pending: dict[str, Path] = {}
        if (folder / _COMMIT_FILE).exists():
            try:
                _roll_forward(folder)
            except OSError:  # e.g. a read-only folder: read the committed version where it is
                pending = {n: t for n, t in (_read_intent(folder) or {}).items() if t.exists()}
        problems: list[Problem] = []
        parsed_c, parsed_i = parsed if parsed is not None else ({}, {})
        c, p1 = read_table(pending.get(S.CONTACTS_FILE, folder / S.CONTACTS_FILE),
                           file=S.CONTACTS_FILE)
        i, p2 = read_table(pending.get(S.INTERACTIONS_FILE, folder / S.INTERACTIONS_FILE),
                           file=S.INTERACTIONS_FILE)
        problems += p1 + p2
        # a ragged row's cells are shifted: checking them would only add noise
        ragged = {(p.file, p.row) for p in p1 + p2 if p.row is not None}
        cell: list[Problem] = []
        if c is not None:
            cell += S.validate_contacts(c, parsed=parsed_c)
        if i is not None:
            ids = c[S.CONTACT_ID] if (c is not None and S.CONTACT_ID in c) else None
            if ids is not None:
                cell += S.validate_interactions(i, ids, parsed=parsed_i)
            else:
                cell += [p for p in S.validate_interactions(i, []) if p.column != S.CONTACT_ID
                         or p.row is None or p.value == ""]
        problems += [p for p in cell if (p.file, p.row) not in ragged]
        plan, p3 = cls._read_plan(folder, pending.get(S.PLAN_FILE))
        problems = S.sort_problems(problems + p3)
        return c, i, plan, problems

    @staticmethod
    def _read_plan(folder: Path, path: Path | None = None) -> tuple[dict, list[Problem]]:
        path = path or folder / S.PLAN_FILE
        try:
            text = path.read_bytes().decode("utf-8-sig")
        except FileNotFoundError:
            return {"schema": S.PLAN_SCHEMA_VERSION}, []
        except UnicodeDecodeError as err:
            return {}, [Problem(S.PLAN_FILE, None, None, None,
                                f"byte {err.start} is not UTF-8 text; restore a backup with "
                                "`infoint restore`", "encoding")]
        try:
            plan = json.loads(text) if text.strip() else {}
        except ValueError as err:
            return {}, [Problem(S.PLAN_FILE, None, None, None,
                                f"is not valid JSON ({err}); fix it in a text editor or bring "
                                "back an earlier version with `infoint restore --list`",
                                "bad-json")]
        if not isinstance(plan, dict):
            return {}, [Problem(S.PLAN_FILE, None, None, None,
                                "must hold a JSON object ({...}) at the top level",
                                "bad-json")]
        version = plan.get("schema", S.PLAN_SCHEMA_VERSION)
        if not isinstance(version, int) or version > S.PLAN_SCHEMA_VERSION:
            return {}, [Problem(S.PLAN_FILE, None, "schema", str(version),
                                f"this version of infoint_nb reads plan schema "
                                f"{S.PLAN_SCHEMA_VERSION} or older; upgrade infoint_nb",
                                "newer-version")]
        plan.setdefault("schema", S.PLAN_SCHEMA_VERSION)
        return plan, []

    def reload(self) -> "ContactLog":
        """Re-read the files from disk (after another program changed them); returns self."""
        fresh = type(self).open(self.folder)
        self._contacts_raw, self._interactions_raw = fresh._contacts_raw, fresh._interactions_raw
        self._plan = fresh._plan
        self._typed.clear()
        self._parsed = fresh._parsed
        return self

    # -- views -----------------------------------------------------------------------
    @property
    def contacts(self) -> pd.DataFrame:
        """Typed contacts (a copy): text as ``str``, ``priority`` Int64, ``added_on`` dates."""
        if "c" not in self._typed:
            self._typed["c"] = S.to_typed_contacts(self._contacts_raw, self._parsed[0])
        return self._typed["c"].copy()

    @property
    def interactions(self) -> pd.DataFrame:
        """Typed interactions (a copy): ``date`` and ``scheduled_for`` as ``datetime64``."""
        if "i" not in self._typed:
            self._typed["i"] = S.to_typed_interactions(self._interactions_raw, self._parsed[1])
        return self._typed["i"].copy()

    @property
    def raw_contacts(self) -> pd.DataFrame:
        """The contacts file's text, exactly as stored (a copy; index = spreadsheet row)."""
        return self._contacts_raw.copy()

    @property
    def raw_interactions(self) -> pd.DataFrame:
        """The interactions file's text, exactly as stored (a copy; index = spreadsheet row)."""
        return self._interactions_raw.copy()

    @property
    def plan(self) -> dict:
        """A copy of ``plan.json`` (``{"schema": 1}`` when the file does not exist yet)."""
        return copy.deepcopy(self._plan)

    @property
    def name(self) -> str:
        """The folder's name, e.g. ``sample``."""
        return self.folder.resolve().name

    def default_as_of(self) -> _dt.date:
        """The day to read the log as of when none is given: for the sample campaign,
        the date of its last interaction (it is fictional and ends on a fixed day, so
        its numbers and report stay the same whenever they are made); otherwise today."""
        try:
            is_sample = self.folder.resolve() == config.SAMPLE_DIR.resolve()
        except OSError:
            is_sample = False
        if is_sample:
            dates = self.interactions[S.DATE]
            if len(dates):
                return dates.max().date()
        return _dt.date.today()

    def __repr__(self) -> str:
        return (f"ContactLog({str(self.folder)!r}: {len(self._contacts_raw)} contacts, "
                f"{len(self._interactions_raw)} interactions)")

    def contact_name(self, contact_id: str) -> str:
        """The name of ``contact_id`` (raises UnknownIdError)."""
        row = self._contacts_raw[self._contacts_raw[S.CONTACT_ID] == contact_id]
        if row.empty:
            raise UnknownIdError(self._unknown_contact_msg(contact_id, self._contacts_raw))
        return str(row[S.NAME].iloc[0])

    # -- the one change path ---------------------------------------------------------
    def _change(self, fn, *, action: str, files: tuple[str, ...] | None = None):
        """Lock, re-read, apply ``fn``, validate, back up, write; return ``fn``'s result.

        ``fn(contacts_raw, interactions_raw, plan)`` returns
        ``(new_contacts or None, new_interactions or None, new_plan or None, result)``.
        """
        lock = self._acquire_for_write(self.folder)
        try:
            # finish a commit a killed writer left behind, then drop its stray temp files
            if (self.folder / _COMMIT_FILE).exists():
                _roll_forward(self.folder)
            _clean_temps(self.folder)
            c, i, plan, problems = self._read_folder(self.folder)
            if problems and (files is None or set(files) & {S.CONTACTS_FILE, S.INTERACTIONS_FILE}):
                raise LogValidationError(
                    problems, context=f"{self.folder}: the log on disk has problems, so nothing "
                    "was changed; fix them first (see `infoint check`)")
            if problems:  # only plan.json changes: a plan that cannot be read is still a stop
                plan_problems = [p for p in problems if p.file == S.PLAN_FILE]
                if plan_problems:
                    raise LogValidationError(plan_problems, context=f"{self.folder}: plan.json "
                                             "cannot be read, so nothing was saved")
            new_c, new_i, new_plan, result = fn(c.copy(), i.copy(), copy.deepcopy(plan))
            out: dict[str, bytes] = {}
            if new_c is not None or new_i is not None:
                cc = new_c if new_c is not None else c
                ii = new_i if new_i is not None else i
                cc = cc.copy()
                ii = ii.copy()
                cc.index = pd.RangeIndex(2, 2 + len(cc))
                ii.index = pd.RangeIndex(2, 2 + len(ii))
                probs = S.validate_log(cc, ii)
                if probs:
                    raise LogValidationError(
                        probs, context=f"{action}: not saved, the change would break the log")
                if new_c is not None:
                    out[S.CONTACTS_FILE] = write_table_bytes(cc)
                if new_i is not None:
                    out[S.INTERACTIONS_FILE] = write_table_bytes(ii)
                c, i = cc, ii
            if new_plan is not None:
                new_plan["schema"] = S.PLAN_SCHEMA_VERSION
                try:
                    text = json.dumps(new_plan, indent=2, ensure_ascii=False,
                                      default=_json_default)
                except (TypeError, ValueError) as exc:
                    raise InfointError(f"{action}: not saved: {exc}") from exc
                out[S.PLAN_FILE] = (text + "\n").encode("utf-8")
                plan = new_plan
            if out:
                _save(self.folder, out, action)
            self._contacts_raw, self._interactions_raw, self._plan = c, i, plan
            self._typed.clear()
            self._parsed = ({}, {})
            return result
        except InfointError:
            raise
        except OSError as exc:  # reading under the lock, finishing an earlier commit, …
            raise from_os_error(exc, self.folder, doing=f"{action} (nothing was changed)") from exc
        finally:
            lock.release()

    # -- contacts --------------------------------------------------------------------
    @staticmethod
    def _unknown_contact_msg(contact_id, c: pd.DataFrame) -> str:
        guess = S.suggest(str(contact_id), list(c[S.CONTACT_ID].astype(str))) if len(c) else None
        hint = f"; did you mean {guess!r}?" if guess else ""
        return f"no contact has contact_id {contact_id!r}{hint}"

    @staticmethod
    def _check_fields(fields: dict, allowed_cols, where: str) -> None:
        unknown = [k for k in fields if k not in allowed_cols]
        if unknown:
            allowed = ", ".join(allowed_cols)
            parts = []
            for k in unknown:
                g = S.suggest(k, list(allowed_cols))
                parts.append(f"{k!r}" + (f" (did you mean {g!r}?)" if g else ""))
            raise InfointError(f"{where}: unknown field {', '.join(parts)}. Allowed: {allowed}.")

    @staticmethod
    def _contact_text(fields: dict) -> dict:
        out = {}
        for k, v in fields.items():
            if v is None or (isinstance(v, float) and np.isnan(v)):
                out[k] = ""
            elif k == S.ADDED_ON:
                out[k] = _date_text(v, what="added_on") if v != "" else ""
            elif k == S.PRIORITY and isinstance(v, (int, np.integer)) and not isinstance(v, bool):
                out[k] = str(int(v))
            else:
                out[k] = str(v)
        return out

    def add_contact(self, *, different_person: bool = False, **fields) -> str:
        """Add one person and save; return their new ``contact_id``.

        Parameters
        ----------
        different_person : bool
            Set when the log already has someone with the same e-mail, LinkedIn URL
            or name and company, and this really is another person.
        **fields
            Contact columns (``name`` required; ``added_on`` defaults to today;
            ``contact_id`` may be given if it is free).

        Raises
        ------
        DuplicateContactError
            When the person seems to be in the log already (the message names them).
        LogValidationError
            When a value breaks the contract (nothing is saved).
        """
        ids = self.apply(add_contacts=[fields], different_person=different_person,
                         action="add contact")["contacts"]
        return ids[0]

    def update_contact(self, contact_id: str, **fields) -> None:
        """Change fields of one contact and save (``contact_id`` itself cannot change)."""
        if S.CONTACT_ID in fields:
            raise InfointError("update_contact: contact_id cannot be changed; add a new "
                               "contact and delete the old one instead")
        self.apply(update_contacts={contact_id: fields}, action=f"update contact {contact_id}")

    def delete_contact(self, contact_id: str, *, confirm: int | None = None) -> int:
        """Delete a contact and their interactions; return how many interactions went.

        Parameters
        ----------
        confirm : int, optional
            The number of the contact's interactions, to confirm they go too. Needed
            when there are any; the error message says the number.

        Raises
        ------
        ConfirmationRequiredError
            When the contact has interactions and ``confirm`` does not equal their number.
        """
        def fn(c, i, plan):
            if not (c[S.CONTACT_ID] == contact_id).any():
                raise UnknownIdError(self._unknown_contact_msg(contact_id, c))
            mine = i[S.CONTACT_ID] == contact_id
            n = int(mine.sum())
            if n and confirm != n:
                name = c.loc[c[S.CONTACT_ID] == contact_id, S.NAME].iloc[0]
                raise ConfirmationRequiredError(
                    f"{contact_id} ({name}) has {n} interaction{'s' if n != 1 else ''} that "
                    f"would be deleted too; call delete_contact({contact_id!r}, confirm={n}) "
                    f"(or pass --confirm {n}) to delete them")
            c = c[c[S.CONTACT_ID] != contact_id].copy()
            if S.REFERRED_BY in c:
                c.loc[c[S.REFERRED_BY] == contact_id, S.REFERRED_BY] = ""
            return c, (i[~mine] if n else None), None, n
        return self._change(fn, action=f"delete contact {contact_id}")

    # -- interactions ----------------------------------------------------------------
    def add_interaction(self, contact_id: str, kind: str, date=None, channel: str | None = None,
                        notes: str = "", **optional) -> str:
        """Log one dated event with a contact and save; return its ``interaction_id``.

        Parameters
        ----------
        contact_id : str
            The person it was with (must be in the log).
        kind : str
            One of :data:`infoint_nb.schema.KINDS`.
        date : date, datetime or str, optional
            ISO ``2026-05-05`` or ``2026-05-05T09:30`` (no offset); today when omitted.
            Written back as given.
        channel : str, optional
            One of :data:`infoint_nb.schema.CHANNELS`, or empty.
        notes : str
            Free text.
        **optional
            ``scheduled_for`` and ``place`` (on ``meeting_scheduled`` rows) or any extra
            column the file already has.
        """
        row = {S.CONTACT_ID: contact_id, S.KIND: kind, S.DATE: date,
               S.CHANNEL: channel, S.NOTES: notes, **optional}
        return self.apply(add_interactions=[row], action=f"add {kind}")["interactions"][0]

    def update_interaction(self, interaction_id: str, **fields) -> None:
        """Change fields of one interaction and save."""
        if S.INTERACTION_ID in fields:
            raise InfointError("update_interaction: interaction_id cannot be changed")

        def fn(c, i, plan):
            hit = i[S.INTERACTION_ID] == interaction_id
            if not hit.any():
                raise UnknownIdError(f"no interaction has interaction_id {interaction_id!r}")
            row = self._interaction_text(fields)
            for k in row:
                if k not in i.columns:
                    i[k] = ""
            self._check_fields(row, list(i.columns), f"update interaction {interaction_id}")
            if S.CONTACT_ID in row and not (c[S.CONTACT_ID] == row[S.CONTACT_ID]).any():
                raise UnknownIdError(self._unknown_contact_msg(row[S.CONTACT_ID], c))
            for k, v in row.items():
                i.loc[hit, k] = v
            return None, i, None, None
        self._change(fn, action=f"update interaction {interaction_id}")

    def delete_interaction(self, interaction_id: str) -> None:
        """Delete one interaction and save."""
        def fn(c, i, plan):
            hit = i[S.INTERACTION_ID] == interaction_id
            if not hit.any():
                raise UnknownIdError(f"no interaction has interaction_id {interaction_id!r}")
            return None, i[~hit], None, None
        self._change(fn, action=f"delete interaction {interaction_id}")

    @staticmethod
    def _interaction_text(fields: dict) -> dict:
        out = {}
        for k, v in fields.items():
            if v is None:
                out[k] = ""
            elif k == S.DATE:
                out[k] = _date_text(v, what="date")
            elif k == S.SCHEDULED_FOR:
                out[k] = "" if v == "" else _date_text(v, what="scheduled_for")
            else:
                out[k] = str(v)
        return out

    # -- batches ---------------------------------------------------------------------
    def apply(self, *, add_contacts=(), update_contacts=None, add_interactions=(),
              different_person: bool = False, action: str = "change",
              filter_interactions=None, plan_sections=None) -> dict:
        """Make several changes in one validated, locked, atomic, backed-up save.

        Parameters
        ----------
        add_contacts : list of dict
            New contacts (``contact_id`` kept when given and free, generated otherwise).
        update_contacts : dict
            ``{contact_id: {field: value}}``.
        add_interactions : list of dict
            New interactions; may refer to contacts added in the same call.
        different_person : bool
            Allow new contacts that look like existing ones.
        action : str
            A few words for the backup's name.
        filter_interactions : callable, optional
            ``f(interactions_raw, rows) -> rows``, called under the lock with the file's
            current text: which of ``add_interactions`` to add (an importer drops what
            another program saved meanwhile).
        plan_sections : dict, optional
            ``{section: data}`` saved into ``plan.json`` in the same change.

        Returns
        -------
        dict
            ``{"contacts": [new contact ids], "interactions": [new interaction ids]}``.
        """
        add_contacts = [dict(r) for r in add_contacts]
        add_interactions = [dict(r) for r in add_interactions]
        update_contacts = {k: dict(v) for k, v in (update_contacts or {}).items()}

        def fn(c, i, plan, add_interactions=add_interactions):
            new_c = new_i = None
            c_ids: list[str] = []
            i_ids: list[str] = []
            if filter_interactions is not None:
                add_interactions = [dict(r) for r in filter_interactions(i, add_interactions)]
            if plan_sections:
                plan.update(plan_sections)
            if add_contacts or update_contacts:
                c = c.copy()
                for cid, fields in update_contacts.items():
                    hit = c[S.CONTACT_ID] == cid
                    if not hit.any():
                        raise UnknownIdError(self._unknown_contact_msg(cid, c))
                    row = self._contact_text(fields)
                    self._check_fields(row, list(S.CONTACT_COLUMNS) + list(c.columns),
                                       f"update contact {cid}")
                    if S.CONTACT_ID in row and row[S.CONTACT_ID] != cid:
                        raise InfointError(f"update contact {cid}: contact_id cannot be changed")
                    for k in row:
                        if k not in c.columns:
                            c[k] = ""
                    for k, v in row.items():
                        c.loc[hit, k] = v
                rows = []
                generated = iter(_next_ids(c[S.CONTACT_ID], "C", 4, len(add_contacts)))
                taken = set(c[S.CONTACT_ID].astype(str))
                allowed = list(dict.fromkeys(list(S.CONTACT_COLUMNS) + list(c.columns)))
                seen = _DuplicateIndex(c) if not different_person else None
                for fields in add_contacts:
                    row = self._contact_text(fields)
                    self._check_fields(row, allowed, "add contact")
                    if not row.get(S.ADDED_ON):
                        row[S.ADDED_ON] = _today().isoformat()
                    cid = row.get(S.CONTACT_ID, "").strip()
                    if not cid:
                        cid = next(generated, None)
                        while cid is None or cid in taken:
                            cid = _next_ids(pd.Series(sorted(taken)), "C", 4, 1)[0]
                    elif cid in taken:
                        raise InfointError(f"add contact: contact_id {cid!r} is already used by "
                                           f"{self._name_of(c, cid, rows)}; leave contact_id "
                                           "empty to get a new one")
                    row[S.CONTACT_ID] = cid
                    if seen is not None:
                        dup = seen.find(row)
                        if dup is not None:
                            did, dname, dcomp, what = dup
                            at = f" ({dcomp})" if dcomp else ""
                            raise DuplicateContactError(
                                f"{did} {dname}{at} already has the {what}; this looks like the "
                                "same person. Update them instead, or say it is a different "
                                "person (different_person=True, --different-person)", did)
                        seen.add(row)
                    taken.add(cid)
                    rows.append(row)
                    c_ids.append(cid)
                if rows:
                    c = pd.concat([c, pd.DataFrame(rows, dtype=str)], ignore_index=True)
                c = c.fillna("")
                new_c = c
            if add_interactions:
                i = i.copy()
                known = set(c[S.CONTACT_ID].astype(str))
                generated = iter(_next_ids(i[S.INTERACTION_ID], "I", 5, len(add_interactions)))
                taken = set(i[S.INTERACTION_ID].astype(str))
                rows = []
                allowed = list(dict.fromkeys(
                    S.INTERACTION_COLUMNS + S.INTERACTION_OPTIONAL_COLUMNS + tuple(i.columns)))
                for fields in add_interactions:
                    fields = dict(fields)
                    if fields.get(S.DATE) is None:
                        fields[S.DATE] = _today().isoformat()
                    try:
                        row = self._interaction_text(fields)
                    except ValueError as exc:
                        raise InfointError(f"{action}: {exc}") from None
                    self._check_fields(row, allowed, "add interaction")
                    cid = row.get(S.CONTACT_ID, "")
                    if cid not in known:
                        raise UnknownIdError(self._unknown_contact_msg(cid, c))
                    iid = row.get(S.INTERACTION_ID, "").strip()
                    if not iid:
                        iid = next(generated)
                        while iid in taken:
                            iid = _next_ids(pd.Series(sorted(taken)), "I", 5, 1)[0]
                    elif iid in taken:
                        raise InfointError(f"add interaction: interaction_id {iid!r} is "
                                           "already used; leave it empty to get a new one")
                    row[S.INTERACTION_ID] = iid
                    taken.add(iid)
                    rows.append(row)
                    i_ids.append(iid)
                i = pd.concat([i, pd.DataFrame(rows, dtype=str)], ignore_index=True).fillna("")
                new_i = i
            return (new_c, new_i, plan if plan_sections else None,
                    {"contacts": c_ids, "interactions": i_ids})
        return self._change(fn, action=action)

    @staticmethod
    def _name_of(c: pd.DataFrame, cid: str, new_rows=()) -> str:
        hit = c.loc[c[S.CONTACT_ID] == cid, S.NAME]
        if len(hit):
            return str(hit.iloc[0])
        return next((r.get(S.NAME, cid) for r in new_rows if r.get(S.CONTACT_ID) == cid), cid)

    def replace(self, contacts_raw: pd.DataFrame, interactions_raw: pd.DataFrame, *,
                action: str = "replace") -> None:
        """Replace both tables with the given text frames (validated, atomic, backed up)."""
        c_new = contacts_raw.astype(str).fillna("").reset_index(drop=True)
        i_new = interactions_raw.astype(str).fillna("").reset_index(drop=True)
        self._change(lambda c, i, plan: (c_new, i_new, None, None), action=action)

    # -- plan.json -------------------------------------------------------------------
    def plan_section(self, section: str, contact_id: str | None = None, default=None):
        """A copy of one section of ``plan.json`` (or one contact's part of it)."""
        value = self._plan.get(section, None)
        if contact_id is not None:
            value = value.get(contact_id) if isinstance(value, dict) else None
        return copy.deepcopy(value) if value is not None else default

    def save_plan_section(self, section: str, data, contact_id: str | None = None) -> None:
        """Save one section of ``plan.json`` (or one contact's part), merging under the lock.

        Other sections, possibly saved meanwhile by another notebook, are kept.
        """
        if section == "schema":
            raise InfointError("plan.json: 'schema' is reserved for the file's version")

        def fn(c, i, plan):
            if contact_id is None:
                plan[section] = data
            else:
                part = plan.get(section)
                if not isinstance(part, dict):
                    part = {}
                part[str(contact_id)] = data
                plan[section] = part
            return None, None, plan, None
        where = f"{section}/{contact_id}" if contact_id else section
        self._change(fn, action=f"plan {where}", files=(S.PLAN_FILE,))

    # -- backups ---------------------------------------------------------------------
    def backups(self) -> list[Backup]:
        """Earlier versions kept in ``.backups/``, oldest first."""
        return list_backups(self.folder)

    def restore(self, name: str) -> None:
        """Bring back the version saved as backup ``name`` (the current one is backed up first).

        Raises
        ------
        UnknownIdError
            When there is no such backup.
        LogValidationError
            When the backup itself does not validate (nothing is changed).
        """
        restore_backup(self.folder, name)
        self.reload()


def list_backups(folder) -> list[Backup]:
    """Earlier versions of the log in ``folder``, oldest first."""
    root = Path(folder) / config.BACKUPS_DIRNAME
    if not root.is_dir():
        return []
    out = []
    for p in sorted(root.iterdir()):
        if not p.is_dir() or p.name.startswith("."):
            continue
        files = tuple(n for n in _LOG_FILES if (p / n).exists())
        m = re.match(r"(\d{8}T\d{6})-(\d{6})", p.name)
        created = (_dt.datetime.strptime(m.group(1) + m.group(2), "%Y%m%dT%H%M%S%f")
                   if m else _dt.datetime.fromtimestamp(p.stat().st_mtime))
        out.append(Backup(p.name, created, files, p))
    return out


def restore_backup(folder, name: str) -> None:
    """Restore backup ``name`` of the log in ``folder`` (validating it first)."""
    folder = Path(folder)
    backups = {b.name: b for b in list_backups(folder)}
    if name not in backups:
        names = list(backups)
        guess = S.suggest(name, names) if names else None
        hint = f"; did you mean {guess!r}?" if guess else ""
        raise UnknownIdError(f"{folder}: no backup named {name!r}{hint} "
                             "(see `infoint restore DIR --list`)")
    b = backups[name]
    c, i, plan, problems = ContactLog._read_folder(b.path)
    if problems:
        raise LogValidationError(problems, context=f"backup {name} does not validate; "
                                 "nothing was restored")
    data = {S.CONTACTS_FILE: (b.path / S.CONTACTS_FILE).read_bytes(),
            S.INTERACTIONS_FILE: (b.path / S.INTERACTIONS_FILE).read_bytes()}
    if (b.path / S.PLAN_FILE).exists():
        data[S.PLAN_FILE] = (b.path / S.PLAN_FILE).read_bytes()
    lock = ContactLog._acquire_for_write(folder)
    try:
        _roll_forward(folder)
        _clean_temps(folder)
        _save(folder, data, f"before restore {name}")
    except InfointError:
        raise
    except OSError as exc:
        raise from_os_error(exc, folder, doing=f"restore {name}") from exc
    finally:
        lock.release()


__all__ += ["list_backups", "restore_backup"]
