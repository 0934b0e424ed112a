"""The one exception family of infoint_nb.

Every error a user can cause is an :class:`InfointError`; each subclass also
inherits the built-in it resembles, so ``except ValueError`` works too.
"""
from __future__ import annotations

import errno as _errno
import os
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "InfointError",
    "Problem",
    "PROBLEM_CODES",
    "IMPORT_PROBLEM_CODES",
    "ProblemCollector",
    "LogValidationError",
    "LogNotFoundError",
    "LogExistsError",
    "LogLockedError",
    "DuplicateContactError",
    "ConfirmationRequiredError",
    "UnknownIdError",
    "ParameterError",
]


class InfointError(Exception):
    """Base class of every error infoint_nb raises on purpose."""


#: Every :attr:`Problem.code`, with what it means. Tests and programs match on the code;
#: the message is for people and may be reworded.
PROBLEM_CODES: dict[str, str] = {
    "missing-file": "a file of the log is missing",
    "not-a-file": "a folder (or something else) stands where a file should be",
    "empty-file": "the file is empty, without even a header row",
    "encoding": "the bytes are not UTF-8 text, or not text at all (a NUL byte, a byte-order "
                "mark inside the file, two encodings mixed)",
    "line-ends": "the lines end with a bare carriage return (old Mac format)",
    "bad-quote": "a double quote breaks the CSV rules (stray, unclosed, text after it)",
    "bare-cr": "a carriage return on its own inside an unquoted value",
    "ragged-row": "a row has more or fewer values than the header has columns",
    "missing-column": "a required column is missing from the header",
    "duplicate-column": "a column name appears twice in the header",
    "missing-value": "a required cell is empty (id, name, date, kind …)",
    "duplicate-id": "an id is used by more than one row",
    "duplicate-ref": "a ref (where an imported row came from) is used by more than one row",
    "bad-date": "not an ISO date or local date-time (or one with a time-zone offset); in "
                "an imported file, a date in no form the importer reads",
    "not-allowed": "not one of the allowed values (kind, channel, source, priority …)",
    "unknown-contact": "a contact_id or referred_by that no contact has",
    "self-referral": "a contact names themselves in referred_by",
    "bad-json": "plan.json is not valid JSON or not a JSON object",
    "newer-version": "the file was written by a newer version of infoint_nb",
    "invalid": "any other broken rule (the message says which)",
}
#: The codes only an imported file's problems carry (a log never has them), with what
#: they mean; an import's other problems use :data:`PROBLEM_CODES`.
IMPORT_PROBLEM_CODES: dict[str, str] = {
    "bad-csv": "the file cannot be read as CSV for a reason none of the other codes names "
               "(the message gives the reader's)",
    "cut-off": "the file ends inside a record (a vCard with BEGIN:VCARD but no END:VCARD)",
}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a log file.

    ``row`` is the spreadsheet row (the header is row 1), ``None`` for the
    whole file; ``column`` is ``None`` for a whole row. ``code`` is a short,
    stable name of the kind of problem, one of :data:`PROBLEM_CODES` (or, for an
    imported file, of :data:`IMPORT_PROBLEM_CODES`).
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str
    code: str = "invalid"

    def __str__(self) -> str:
        where = self.file if self.row is None else f"{self.file}:{self.row}"
        parts = [where]
        if self.column is not None:
            parts.append(self.column)
        text = ": ".join(parts) + ": "
        if self.value is not None:
            text += f"{_show(self.value)} — "
        return text + self.message


class ProblemCollector:
    """Collects the :class:`Problem` s of one file, to report them all at once."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    def add(self, row, column, value, message, code: str = "invalid"):
        """One problem at ``row`` / ``column`` (either may be ``None``)."""
        self.problems.append(Problem(self.file, row, column, value, message, code))

    def add_mask(self, frame, mask, column: str, message, code: str = "invalid"):
        """One problem per True cell of ``mask``; ``message`` and ``code`` may be
        callables of the cell's value."""
        import numpy as np  # only the validation of a frame needs it

        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        idx = np.flatnonzero(mask)
        values = frame[column].to_numpy(dtype=object)
        rows = frame.index.to_numpy()
        for i in idx:
            v = str(values[i])
            m = message(v) if callable(message) else message
            self.add(int(rows[i]), column, v, m, code(v) if callable(code) else code)


def _show(value: str, limit: int = 60) -> str:
    shown = value if len(value) <= limit else value[: limit - 1] + "…"
    return repr(shown)


class LogValidationError(InfointError, ValueError):
    """A log (or a change to it) breaks the data contract.

    ``problems`` lists every problem found, not only the first.
    """

    def __init__(self, problems: list[Problem], *, context: str | None = None):
        self.problems = list(problems)
        self.context = context
        n = len(self.problems)
        head = context or "the log is not valid"
        lines = [f"{head}: {n} problem{'s' if n != 1 else ''}"]
        shown = self.problems[:50]
        lines += [f"  {p}" for p in shown]
        if n > len(shown):
            lines.append(f"  … and {n - len(shown)} more")
        super().__init__("\n".join(lines))


class LogNotFoundError(InfointError, FileNotFoundError):
    """The folder is not a log (or is missing one of its files)."""


class LogExistsError(InfointError, FileExistsError):
    """``init`` was asked to create a log where one already is."""


class LogLockedError(InfointError, TimeoutError):
    """Another process kept the log's lock for too long."""


class DuplicateContactError(InfointError, ValueError):
    """The new contact looks like one already in the log."""

    def __init__(self, message: str, existing_id: str):
        self.existing_id = existing_id
        super().__init__(message)


class ConfirmationRequiredError(InfointError, ValueError):
    """A destructive change needs to be confirmed (e.g. how many rows go)."""


class UnknownIdError(InfointError, KeyError):
    """No contact or interaction has that id."""

    def __str__(self) -> str:  # KeyError would print the repr of the message
        return str(self.args[0]) if self.args else ""


class ParameterError(InfointError, ValueError):
    """A parameter given by the user (CLI flag or argument, report parameter, form
    field) is wrong; the CLI exits 2 with the message."""


# --- file-system problems ---------------------------------------------------------
#: errno → (what happened, how to fix it); every one is something the user can fix,
#: so the CLI exits 2 for them. Any other errno is treated as a bug (exit 1).
_OS_REASONS: dict[int, tuple[str, str]] = {
    _errno.EACCES: ("permission denied",
                    "check its permissions (ls -l) or use a file or folder you may change"),
    _errno.EPERM: ("the operation is not permitted",
                   "check its permissions (ls -l) or use a file or folder you own"),
    _errno.ENOENT: ("it does not exist", "check the path (a relative path starts in the "
                    "current folder)"),
    _errno.EISDIR: ("it is a folder, not a file", "give the name of a file (inside that folder "
                    "if you like)"),
    _errno.ENOTDIR: ("a part of the path is a file, not a folder",
                     "check the path: every part before the last must be a folder"),
    _errno.EEXIST: ("it already exists", "choose another name or remove it first"),
    _errno.ENOTEMPTY: ("the folder is not empty", "choose an empty or new folder"),
    _errno.ENOSPC: ("the disk is full", "free some space (or write somewhere else) and try "
                    "again"),
    _errno.EDQUOT: ("your disk quota is used up", "free some space (or write somewhere else) "
                    "and try again"),
    _errno.EROFS: ("the file system is read-only", "copy the files to a writable disk or "
                   "choose a writable place"),
    _errno.ENAMETOOLONG: ("the name is too long", "choose a shorter name"),
    _errno.ELOOP: ("it is a symbolic link that points to itself (or a loop of links)",
                   "fix or remove the link"),
    _errno.EBUSY: ("it is in use by another program", "close the other program and try again"),
    _errno.ETXTBSY: ("it is in use by another program", "close the other program and try "
                     "again"),
    _errno.EIO: ("the disk reported an input/output error", "check the disk (or copy the "
                 "files elsewhere) and try again"),
    _errno.EMFILE: ("too many files are open", "close other programs and try again"),
    _errno.ENFILE: ("too many files are open on this machine", "close other programs and try "
                    "again"),
    _errno.EXDEV: ("it is on another disk than its folder's temporary files",
                   "keep the file and its folder on the same disk"),
    _errno.EFBIG: ("the file is too large for this disk", "write it somewhere else"),
    _errno.ENXIO: ("it is a device or pipe without a reader", "give a regular file"),
}
_TEMP_NAME_MARKS = (".tmp-", ".part-", ".partial")

__all__ += ["FileProblemError", "from_os_error", "is_user_os_error"]


class FileProblemError(InfointError, OSError):
    """A file or folder cannot be read or written for a reason the user can fix
    (permission, a missing or wrong kind of path, a full or read-only disk).

    The message names the path, what was being done, what went wrong and how to fix
    it; ``errno`` and ``filename`` are those of the :class:`OSError` it stands for.
    ``committed`` is true when a save failed after its commit point: the change is
    kept and finished when the log is next opened.
    """

    def __init__(self, message: str, *, path=None, errno: int | None = None,
                 committed: bool = False):
        super().__init__(message)
        self.errno = errno
        self.filename = None if path is None else str(path)
        self.committed = committed

    def __str__(self) -> str:  # OSError would print "[Errno …]" forms for some args
        return str(self.args[0]) if self.args else ""


def is_user_os_error(exc: BaseException) -> bool:
    """Whether ``exc`` is an OSError the user can fix (see :func:`from_os_error`)."""
    if isinstance(exc, FileProblemError) and exc.errno is None:
        return True  # raised on purpose, with its own message
    return isinstance(exc, OSError) and exc.errno in _OS_REASONS


def _shown_path(exc: OSError, path) -> str | None:
    """The path to name: the one given, else the OSError's own (never a temp file's name)."""
    if path is not None:
        return str(path)
    names = [n for n in (exc.filename2, exc.filename) if n is not None]
    for name in names:
        if not any(mark in str(name) for mark in _TEMP_NAME_MARKS):
            return str(name)
    return str(names[0]) if names else None


def _file_in_the_way(path: str) -> str | None:
    """The first part of ``path`` (as given) that exists but is a file, for ENOTDIR."""
    p = Path(path)
    for part in [*reversed(p.parents), p]:
        if str(part) not in (".", "") and os.path.lexists(part) and not os.path.isdir(part):
            return str(part)
    return None


def from_os_error(exc: OSError, path=None, *, doing: str | None = None,
                  committed: bool = False) -> FileProblemError:
    """The package's error for an :class:`OSError`: one line with path, cause and fix.

    Parameters
    ----------
    exc : OSError
        What the operating system raised.
    path : str or Path, optional
        The file or folder to name in the message (the error's own file name
        otherwise; temporary files are never named).
    doing : str, optional
        What was being done, as in "cannot {doing}", e.g. ``"write the calendar"``.
    committed : bool
        The failed save is past its commit point (see :class:`FileProblemError`).

    Returns
    -------
    FileProblemError
        Raise it ``from exc``. For an errno that is not the user's to fix the
        message still reads well, but :func:`is_user_os_error` is false.

    Examples
    --------
    >>> import errno
    >>> str(from_os_error(OSError(errno.ENOSPC, "No space left"), "log/contacts.csv",
    ...                   doing="save the log"))
    'log/contacts.csv: cannot save the log: the disk is full; free some space (or write somewhere else) and try again'
    """
    if isinstance(exc, FileProblemError):
        return exc
    shown = _shown_path(exc, path)
    reason, fix = _OS_REASONS.get(exc.errno, (exc.strerror or str(exc), ""))
    if exc.errno == _errno.ENOTDIR and shown:
        blocker = _file_in_the_way(shown)
        if blocker and blocker != str(Path(shown)):
            reason = f"{blocker} is a file, not a folder"
        elif blocker:
            reason = "it is a file, not a folder"
            fix = "give a folder (or a new name)"
    text = f"{shown}: " if shown else ""
    if doing:
        text += f"cannot {doing}: "
    text += reason + (f"; {fix}" if fix else "")
    return FileProblemError(text, path=shown, errno=exc.errno, committed=committed)


# --- importers ---------------------------------------------------------------------------
class ImportConflictError(InfointError, ValueError):
    """The log changed during an import in a way the import cannot merge."""


class MailFormatError(InfointError, ValueError):
    """The file is not a mailbox we can read (or it is cut short)."""


class LinkedInFormatError(InfointError, ValueError):
    """A LinkedIn export file we cannot read."""


class CalendarFormatError(InfointError, ValueError):
    """The file is not an iCalendar file we can read."""


__all__ += ["ImportConflictError", "MailFormatError", "LinkedInFormatError",
            "CalendarFormatError"]


# --- reports (infoint_nb.reports re-exports them) ---------------------------------
__all__ += ["ReportFailedError", "TemplateError"]


class ReportFailedError(InfointError, RuntimeError):
    """The report notebook failed while it ran (exit 1: a bug, not a user's mistake).

    ``notebook`` is the executed notebook kept as evidence (with the error in
    it), or ``None`` when the kernel could not produce one.
    """

    def __init__(self, message: str, *, notebook: Path | None = None,
                 ename: str | None = None, evalue: str | None = None):
        self.notebook = notebook
        self.ename = ename
        self.evalue = evalue
        super().__init__(message)


class TemplateError(InfointError, ValueError):
    """The report template is missing or its ``parameters`` cell cannot be read."""
