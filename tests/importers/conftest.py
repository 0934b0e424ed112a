"""What the contact-import tests share: the import fixtures (tests/fixtures/import), an empty
log, and reading the log back (counts, one person, the files' bytes)."""
from __future__ import annotations

from pathlib import Path

import pytest

from infoint_nb import ContactLog


FIX = Path(__file__).resolve().parent.parent / "fixtures" / "import"
TODAY = "2026-05-01"


@pytest.fixture
def log(empty_log_dir):
    return ContactLog.open(empty_log_dir)


def counts(report):
    return (report.added, report.updated, report.unchanged, report.skipped)


def person(log, name):
    c = log.raw_contacts
    rows = c[c["name"] == name]
    assert len(rows) == 1, f"{name!r} found {len(rows)} times"
    return rows.iloc[0]


def files_of(log):
    return {n: (log.folder / n).read_bytes() for n in ("contacts.csv", "interactions.csv")}
