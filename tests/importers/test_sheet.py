"""Spreadsheets (``importers/sheet.py``): CSV in cp1252 or with ';', XLSX, bad values all
reported, and the change worked out again when another program saved meanwhile."""
from __future__ import annotations

import subprocess

import pytest

from conftest import infoint_exe
from infoint_nb import ContactLog
from infoint_nb import importers as IM
from infoint_nb.errors import LogValidationError, ParameterError
from .conftest import FIX, TODAY, counts, files_of, person


# --- spreadsheets ---------------------------------------------------------------------------
def test_cp1252_sheet_with_dates_becomes_contacts_and_interactions(log):
    r = IM.import_sheet(log, FIX / "contacts_cp1252.csv", today=TODAY)
    assert r.encoding == "cp1252" and any("Windows-1252" in w for w in r.warnings)
    assert counts(r) == (3, 0, 0, 1) and r.skipped_reasons == {"no name": 1}
    assert r.mapping["Date Emailed"] == "outreach:email"
    assert r.mapping["Date Called"] == "outreach:phone"
    assert r.interactions_added == 4
    renee = person(log, "Renée Faure")
    assert renee["company"] == "Société Lumière" and renee["extension"] == "0042"
    assert renee["source"] == "career_center"                  # 'Career Center', said so
    assert any("'Career Center' read as 'career_center'" in w for w in r.warnings)
    assert renee["added_on"] == "2026-03-02"                   # earliest date in the row
    assert renee["notes"] == 'Met at the alumni fair; ask about the "rotation" programme'
    assert person(log, "Ana Ñúñez")["notes"] == "NA"
    i = log.raw_interactions
    mine = i[i["contact_id"] == renee["contact_id"]].sort_values("date")
    assert mine[["date", "channel", "kind"]].values.tolist() == [
        ["2026-03-02", "email", "outreach"], ["2026-03-12", "phone", "outreach"]]

    again = IM.import_sheet(log, FIX / "contacts_cp1252.csv", today=TODAY)
    assert counts(again) == (0, 0, 3, 1)
    assert again.interactions_added == 0 and again.interactions_known == 4
    assert len(log.raw_interactions) == 4


def test_semicolon_sheet_day_first_dates_and_quoted_separator(log):
    r = IM.import_sheet(log, FIX / "contacts_semicolon.csv", today=TODAY)
    assert counts(r) == (3, 0, 0, 0) and "values are separated by semicolons" in r.warnings
    assert person(log, "Karel Novák")["company"] == "Brno Works; Design"
    assert person(log, "Lotte de Vries")["notes"] == "likes espresso; prefers mornings"
    i = log.raw_interactions.sort_values(["contact_id", "date"])
    assert i[["date", "kind", "channel"]].values.tolist() == [
        ["2026-03-13", "outreach", "phone"], ["2026-03-27", "meeting_held", ""],
        ["2026-04-02", "outreach", "phone"], ["2026-04-01", "outreach", "phone"]]
    assert counts(IM.import_sheet(log, FIX / "contacts_semicolon.csv")) == (0, 0, 3, 0)


def test_xlsx_odd_headers_cells_as_text_and_sheet_choice(log):
    r = IM.import_sheet(log, FIX / "contacts_odd.xlsx", today=TODAY)
    assert r.source == "contacts_odd.xlsx[Network 2026]"
    assert counts(r) == (3, 0, 0, 0) and r.interactions_added == 3
    assert r.mapping["Full Name"] == "name" and r.mapping["Date Emailed"] == "outreach:email"
    assert r.mapping["Organization Name"] == "company" and r.mapping["Zip"] == ""
    assert any("above the header" in w for w in r.warnings)
    assert any("'Old contacts'" in w for w in r.warnings)
    hana = person(log, "Hana Kovač")
    assert hana["phone"] == "5555550106" and hana["priority"] == "2" and hana["notes"] == "NA"
    samuel = person(log, "Samuel Osei")
    assert samuel["phone"] == "0044 555 0107" and samuel["priority"] == "3"   # 3.0 → 3
    greta = person(log, "Greta Lind")
    assert greta["company"] == "NA" and greta["notes"] == "=1+1 is not a formula"
    assert greta["added_on"] == TODAY                            # no dates in her row
    meeting = log.raw_interactions.query("kind == 'meeting_held'")
    assert meeting["date"].tolist() == ["2026-02-20T14:30"]
    assert counts(IM.import_sheet(log, FIX / "contacts_odd.xlsx")) == (0, 0, 3, 0)

    old = IM.import_sheet(log, FIX / "contacts_odd.xlsx", sheet="old contacts")
    assert old.source == "contacts_odd.xlsx[Old contacts]" and counts(old) == (2, 0, 0, 0)
    assert person(log, "Marta Sousa")["email"] == "marta@harbor.example"
    with pytest.raises(ParameterError, match="no sheet named 'Old contact'.*'Old contacts'"):
        IM.import_sheet(log, FIX / "contacts_odd.xlsx", sheet="Old contact")


def test_bad_values_are_all_reported_and_nothing_written(log):
    before = files_of(log)
    with pytest.raises(LogValidationError) as exc:
        IM.import_sheet(log, FIX / "bad_values.csv")
    found = {(p.file, p.row, p.column, p.value) for p in exc.value.problems}
    assert found == {("bad_values.csv", 2, "Priority", "7"),
                     ("bad_values.csv", 3, "Source", "linkdin"),
                     ("bad_values.csv", 3, "Date Emailed", "2026-02-30"),
                     ("bad_values.csv", 4, "Date Emailed", "soon")}
    text = str(exc.value)
    assert "nothing was imported" in text and "did you mean 'linkedin'" in text
    assert "Allowed: alumni, referral" in text and "not a real calendar date" in text
    assert files_of(log) == before


def test_sheet_import_is_worked_out_again_when_another_program_saved_meanwhile(
        log, tmp_path, monkeypatch):
    sheet = tmp_path / "people.csv"
    sheet.write_text("Name,Company,Date Emailed\nDana Whitfield,Brightline,2026-04-01\n"
                     "Ravi Menon,Initech,2026-04-02\n", encoding="utf-8")
    original = IM._planner

    def planner(candidates, report):
        plan_for = original(candidates, report)
        calls = []

        def wrapped(c, i):
            plan = plan_for(c, i)
            if not calls:  # between the preview and the write: a real second writer
                calls.append(1)
                for argv in (["--name", "Dana Whitfield", "--company", "Brightline"],
                             ["--name", "Late Arrival", "--company", "Umbrella"]):
                    out = subprocess.run([infoint_exe(), "add", "contact", "--log",
                                          str(log.folder), *argv, "--added-on", "2026-03-01"],
                                         capture_output=True, text=True, timeout=120)
                    assert out.returncode == 0, out.stderr
            return plan
        return wrapped
    monkeypatch.setattr(IM.sheet, "_planner", planner)
    r = IM.import_sheet(log, sheet, today=TODAY)
    c = ContactLog.open(log.folder).raw_contacts
    assert sorted(c["name"]) == ["Dana Whitfield", "Late Arrival", "Ravi Menon"]
    assert (r.added, r.unchanged) == (1, 1)           # Dana was matched, not duplicated
    i = ContactLog.open(log.folder).raw_interactions
    dana = c.loc[c["name"] == "Dana Whitfield", "contact_id"].item()
    assert list(i["contact_id"]).count(dana) == 1 and len(i) == 2
    assert any("changed by another program" in w for w in r.warnings)
