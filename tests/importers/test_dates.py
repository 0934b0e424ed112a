"""Dates in import files (``importers/dates.py``): the formats read, nonsense refused,
ambiguous slashed dates read month first and said so."""
from __future__ import annotations

import pytest

from infoint_nb import importers as IM


def test_ambiguous_slashed_dates_are_read_month_first_and_said(log, tmp_path):
    sheet = tmp_path / "us.csv"
    sheet.write_text("Name,Date Emailed\nAl Bo,03/04/2026\n", encoding="utf-8")
    r = IM.import_sheet(log, sheet, dry_run=True)
    assert any("read as month/day/year" in w for w in r.warnings)
    IM.import_sheet(log, sheet)
    assert log.raw_interactions["date"].tolist() == ["2026-03-04"]


@pytest.mark.parametrize("text, expected", [
    ("2026-05-05", "2026-05-05"), ("2026-05-05 09:30", "2026-05-05T09:30"),
    ("08 Feb 2023", "2023-02-08"), ("8 February 2023", "2023-02-08"),
    ("Feb 8, 2023", "2023-02-08"), ("08.02.2023", "2023-02-08"), ("2023/02/08", "2023-02-08"),
    ("8-Feb-23", "2023-02-08"),
])
def test_parse_import_date(text, expected):
    assert IM.parse_import_date(text) == expected


def test_parse_import_date_refuses_nonsense():
    for bad, reason in [("2026-02-30", "not a real calendar date"), ("soon", "not a date"),
                        ("03/04/2026", "ambiguous"), ("08 Fbr 2023", "not an English month")]:
        with pytest.raises(ValueError, match=reason):
            IM.parse_import_date(bad)
