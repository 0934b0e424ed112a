"""The one exception family of infoint_nb.

Every error a user can cause is an :class:`InfointError`; each subclass also
inherits the built-in it resembles, so ``except ValueError`` works too.
"""
from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "InfointError",
    "Problem",
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


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a log file.

    ``row`` is the spreadsheet row (the header is row 1), ``None`` for the
    whole file; ``column`` is ``None`` for a whole row.
    """

    file: str
    row: int | None
    column: str | None
    value: str | None
    message: str

    def __str__(self) -> str:
        where = self.file if self.row is None else f"{self.file}:{self.row}"
        parts = [where]
        if self.column is not None:
            parts.append(self.column)
        text = ": ".join(parts) + ": "
        if self.value is not None:
            text += f"{_show(self.value)} — "
        return text + self.message


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
    """A parameter given by the user (CLI flag, report parameter) is wrong."""
