"""The errors contract: every OSError a user can fix becomes one clear line (exit 2)."""
from __future__ import annotations

import errno

import pytest

from infoint_nb.errors import (
    FileProblemError,
    InfointError,
    from_os_error,
    is_user_os_error,
)


@pytest.mark.parametrize("code, cls, reason, fix", [
    (errno.EACCES, PermissionError, "permission denied", "check its permissions"),
    (errno.EPERM, PermissionError, "not permitted", "check its permissions"),
    (errno.ENOENT, FileNotFoundError, "does not exist", "check the path"),
    (errno.EISDIR, IsADirectoryError, "is a folder, not a file", "give the name of a file"),
    (errno.ENOTDIR, NotADirectoryError, "is a file, not a folder", "folder"),
    (errno.ENOSPC, OSError, "the disk is full", "free some space"),
    (errno.EDQUOT, OSError, "quota", "free some space"),
    (errno.EROFS, OSError, "read-only", "writable"),
    (errno.ENAMETOOLONG, OSError, "too long", "shorter name"),
])
def test_each_user_errno_gets_path_cause_and_fix(tmp_path, code, cls, reason, fix):
    path = tmp_path / "log" / "contacts.csv"
    if code == errno.ENOTDIR:
        (tmp_path / "log").write_text("a file where a folder should be")
    exc = cls(code, "strerror from the system", str(path))
    err = from_os_error(exc, doing="save the log")
    text = str(err)
    assert isinstance(err, FileProblemError)
    assert isinstance(err, InfointError) and isinstance(err, OSError)  # catch either
    assert err.errno == code and err.filename == str(path)
    assert text.startswith(f"{path}: cannot save the log: "), text
    assert reason in text and fix in text, text
    assert "\n" not in text and "Errno" not in text and "strerror from" not in text
    assert is_user_os_error(exc) and is_user_os_error(err)


def test_enotdir_names_the_file_in_the_way(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes.txt").write_text("x")
    err = from_os_error(NotADirectoryError(errno.ENOTDIR, "Not a directory", "notes.txt/log"),
                        doing="create the log folder")
    assert str(err).startswith("notes.txt/log: cannot create the log folder: notes.txt is a "
                               "file, not a folder"), str(err)


def test_temp_file_names_are_never_shown():
    exc = IsADirectoryError(errno.EISDIR, "Is a directory", ".due.ics.part-12-345", None,
                            "due.ics")
    text = str(from_os_error(exc))
    assert text.startswith("due.ics: it is a folder"), text
    assert ".part-" not in text
    exc = OSError(errno.ENOSPC, "No space left on device", "log/contacts.csv.tmp-1-2")
    assert str(from_os_error(exc, "log/contacts.csv")).startswith("log/contacts.csv: ")


def test_an_errno_that_is_not_the_users_is_a_bug():
    exc = OSError(errno.EBADF, "Bad file descriptor")
    assert not is_user_os_error(exc)
    err = from_os_error(exc, "x")
    assert not is_user_os_error(err)  # the CLI lets it through as a bug (exit 1)
    assert "Bad file descriptor" in str(err)
    assert not is_user_os_error(ValueError("not an OSError"))


def test_from_os_error_keeps_the_packages_own_error():
    mine = FileProblemError("log: is a file, not a folder; give a folder")
    assert from_os_error(mine, "elsewhere", doing="anything") is mine
    assert is_user_os_error(mine)
    assert str(mine) == "log: is a file, not a folder; give a folder"


def test_problem_codes_and_the_public_collector():
    import pandas as pd

    from infoint_nb import schema as S
    from infoint_nb.errors import PROBLEM_CODES, Problem, ProblemCollector

    assert S._Collector is ProblemCollector and S.ProblemCollector is ProblemCollector
    assert all(code == code.lower() and " " not in code and meaning
               for code, meaning in PROBLEM_CODES.items())
    old = Problem("contacts.csv", 2, "name", "", "every contact needs a name")
    assert old.code == "invalid" and str(old) == "contacts.csv:2: name: '' — every contact needs a name"
    col = ProblemCollector("interactions.csv")
    col.add(1, "kind", None, "required column is missing", "missing-column")
    frame = pd.DataFrame({"kind": ["", "Reply"]}, index=[2, 3])
    col.add_mask(frame, [True, True], "kind", lambda v: f"bad {v!r}",
                 lambda v: "missing-value" if not v else "not-allowed")
    assert [(p.row, p.code, p.message) for p in col.problems] == [
        (1, "missing-column", "required column is missing"),
        (2, "missing-value", "bad ''"), (3, "not-allowed", "bad 'Reply'")]
