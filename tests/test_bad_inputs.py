"""The bad-input corpus: every broken log is refused with a message naming the culprit,
and nothing on disk changes — not even when a change is attempted."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from infoint_nb import ContactLog
from infoint_nb.errors import LogValidationError

from conftest import infoint_exe

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file() and p.name != ".lock"}


def _expected(case: str) -> list[str]:
    return [l for l in (CORPUS / case / "expect.txt").read_text("utf-8").splitlines() if l]


def test_corpus_is_large_enough():
    assert len(CASES) >= 15


@pytest.mark.parametrize("case", CASES)
def test_open_names_the_culprit(case, tmp_path):
    folder = tmp_path / case
    shutil.copytree(CORPUS / case, folder)
    (folder / "expect.txt").unlink()
    before = _digest(folder)
    with pytest.raises(LogValidationError) as info:
        ContactLog.open(folder)
    message = str(info.value)
    for fragment in _expected(case):
        assert fragment in message, f"{case}: {fragment!r} not in:\n{message}"
    assert info.value.problems, "problems are listed one by one"
    assert _digest(folder) == before


@pytest.mark.parametrize("case", CASES)
def test_nothing_is_written_while_invalid(case, tmp_path):
    """A change attempted on an invalid log (e.g. by a stale notebook) writes nothing."""
    folder = tmp_path / case
    shutil.copytree(CORPUS / case, folder)
    (folder / "expect.txt").unlink()
    before = _digest(folder)
    # build a handle on a valid state, then break the files under it
    good = ContactLog.init(tmp_path / "good")
    good.folder = folder
    with pytest.raises(LogValidationError) as info:
        good.add_contact(name="Someone New", company="Elsewhere")
    assert "nothing was changed" in str(info.value)
    assert _digest(folder) == before
    assert not (folder / ".backups").exists()


@pytest.mark.parametrize("case", ["kind_near_miss", "ragged_short_row", "not_utf8"])
def test_cli_check_reports_and_exits_2(case, tmp_path):
    folder = tmp_path / case
    shutil.copytree(CORPUS / case, folder)
    out = subprocess.run([infoint_exe(), "check", str(folder)], capture_output=True, text=True)
    assert out.returncode == 2
    assert "Traceback" not in out.stderr
    first = _expected(case)[0].split(":", 1)
    assert str(folder / first[0]) + ":" + first[1] in out.stdout
