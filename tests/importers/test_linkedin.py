"""LinkedIn's ``Connections.csv`` (``importers/linkedin.py``): old and new exports,
idempotence, dry runs, the wrong file."""
from __future__ import annotations

import pytest

from infoint_nb import importers as IM
from infoint_nb.errors import ParameterError
from .conftest import FIX, TODAY, counts, files_of, person


# --- LinkedIn -----------------------------------------------------------------------------
def test_linkedin_export_with_preamble_bom_crlf_is_idempotent(log):
    r = IM.import_linkedin(log, FIX / "linkedin_connections.csv", today=TODAY)
    assert counts(r) == (5, 0, 0, 2)
    assert r.skipped_reasons == {"no name (a connection who hides their details)": 2}
    assert [row for row, _ in r.skipped_rows] == [7, 10]  # spreadsheet rows below the preamble
    assert r.encoding == "utf-8 with BOM" and r.saved_to == str(log.folder)
    zoe = person(log, "Zoë Ångström")
    assert zoe["company"] == "Brightline Analytics, Inc."           # quoted comma
    assert zoe["added_on"] == "2023-02-08" and zoe["source"] == "linkedin"
    assert zoe["priority"] == "" and zoe["linkedin_url"].endswith("zoe-angstrom-5550a1")
    assert person(log, "Priya Raman")["role"] == 'Product Manager, Care "Navigator" Team'
    assert person(log, "Li Na")["company"] == "NA"                   # not a missing value
    assert person(log, "Olúwáṣeun Adébáyọ̀")["added_on"] == "2024-04-05"
    assert len(log.raw_interactions) == 0

    before, n_backups = files_of(log), len(log.backups())
    again = IM.import_linkedin(log, FIX / "linkedin_connections.csv", today=TODAY)
    assert counts(again) == (0, 0, 5, 2) and again.saved_to is None
    assert files_of(log) == before and len(log.backups()) == n_backups
    assert "nothing to change" in str(again)


def test_older_export_without_preamble_then_current_and_newer(log):
    r = IM.import_linkedin(log, FIX / "linkedin_connections_old.csv", today=TODAY)
    assert counts(r) == (2, 0, 0, 1) and r.encoding == "utf-8"
    r = IM.import_linkedin(log, FIX / "linkedin_connections.csv", today=TODAY)
    assert counts(r) == (3, 0, 2, 2)
    r = IM.import_linkedin(log, FIX / "linkedin_connections_newer.csv", today=TODAY)
    assert counts(r) == (2, 1, 4, 3)
    assert r.changes == ["C0001 Zoë Ångström: company 'Brightline Analytics, Inc.' → "
                         "'Meridian Freight', role 'Data Engineer' → 'Senior Data Engineer'"]
    zoe = person(log, "Zoë Ångström")
    # the URL only gained a trailing slash: same profile, kept as first written
    assert zoe["linkedin_url"] == "https://www.linkedin.com/in/zoe-angstrom-5550a1"
    assert zoe["added_on"] == "2023-02-08"
    r = IM.import_linkedin(log, FIX / "linkedin_connections_newer.csv", today=TODAY)
    assert counts(r) == (0, 0, 7, 3)


def test_linkedin_dry_run_reports_and_writes_nothing(log):
    before = files_of(log)
    r = IM.import_linkedin(log, FIX / "linkedin_connections.csv", dry_run=True)
    assert counts(r) == (5, 0, 0, 2) and r.dry_run
    assert "dry run: nothing was written" in str(r)
    assert files_of(log) == before
    assert list(r.preview["outcome"]) == ["added"] * 5


def test_linkedin_wrong_file_says_what_to_do(log):
    with pytest.raises(ParameterError, match="First Name.*import sheet"):
        IM.import_linkedin(log, FIX / "contacts_semicolon.csv")
