"""The bad-input corpus: every broken log is refused with a message naming the culprit,
and nothing on disk changes — not even when a change is attempted."""
from __future__ import annotations

import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest

from infoint_nb import ContactLog
from infoint_nb.errors import PROBLEM_CODES, LogValidationError

from conftest import infoint_exe

CORPUS = Path(__file__).parent / "bad_inputs"
CASES = sorted(p.name for p in CORPUS.iterdir() if p.is_dir())


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file() and p.name != ".lock"}


def _expected(case: str) -> list[str]:
    return [l for l in (CORPUS / case / "expect.txt").read_text("utf-8").splitlines() if l]


#: each case's problems, by code (the message may be reworded; the code stays)
CODES = {
    "added_on_missing": {"missing-value"},
    "bare_cr_in_value": {"bare-cr"},
    "channel_capitalised": {"not-allowed"},
    "cite_permission_unknown": {"not-allowed"},
    "contacts_is_a_folder": {"not-a-file"},
    "cr_line_ends": {"line-ends"},
    "date_with_offset": {"bad-date"},
    "duplicate_column": {"duplicate-column"},
    "duplicate_contact_id": {"duplicate-id"},
    "duplicate_interaction_id": {"duplicate-id"},
    "duplicate_ref": {"duplicate-ref"},
    "empty_contacts_file": {"empty-file"},
    "impossible_date": {"bad-date"},
    "kind_empty": {"missing-value"},
    "kind_near_miss": {"not-allowed"},
    "missing_interactions_file": {"missing-file"},
    "missing_name": {"missing-value"},
    "missing_name_column": {"missing-column"},
    "not_utf8": {"encoding"},
    "not_utf8_late": {"encoding"},
    "plan_newer_schema": {"newer-version"},
    "plan_not_json": {"bad-json"},
    "priority_word": {"not-allowed"},
    "ragged_short_row": {"ragged-row"},
    "ragged_unquoted_comma": {"ragged-row"},
    "referred_by_nowhere": {"unknown-contact"},
    "scheduled_for_bad": {"bad-date"},
    "self_referral": {"self-referral"},
    "several_problems_at_once": {"bad-date", "not-allowed", "unknown-contact"},
    "source_unknown": {"not-allowed"},
    "stray_quote": {"bad-quote"},
    "unknown_contact": {"unknown-contact"},
    "us_date_format": {"bad-date"},
}


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
def test_problems_carry_their_code(case, tmp_path):
    """Each problem has a short code from PROBLEM_CODES; every case says which it expects."""
    folder = tmp_path / case
    shutil.copytree(CORPUS / case, folder)
    (folder / "expect.txt").unlink()
    with pytest.raises(LogValidationError) as info:
        ContactLog.open(folder)
    codes = {p.code for p in info.value.problems}
    assert codes == CODES[case], [(str(p), p.code) for p in info.value.problems]


def test_every_problem_code_is_in_the_corpus_but_the_catch_all():
    assert set(CODES) == set(CASES)
    used = set().union(*CODES.values())
    assert used <= set(PROBLEM_CODES)
    assert set(PROBLEM_CODES) - used == {"invalid"}


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
