"""Imports: LinkedIn, spreadsheets (CSV/cp1252/';'/XLSX), vCards — counts, idempotence, errors."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pandas as pd
import pytest

from conftest import infoint_exe
from infoint_nb import ContactLog
from infoint_nb import importers as IM
from infoint_nb.errors import LogValidationError, ParameterError

FIX = Path(__file__).resolve().parent / "fixtures" / "import"
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


def test_map_overrides_and_their_mistakes(log, tmp_path):
    mapping = IM.parse_map_args(["Date Called=follow_up:phone", "Phone=-", "Notes=ignore"])
    assert mapping == {"Date Called": "follow_up:phone", "Phone": "", "Notes": ""}
    r = IM.import_sheet(log, FIX / "contacts_cp1252.csv", mapping=mapping, dry_run=True)
    assert r.mapping["Date Called"] == "follow_up:phone" and r.mapping["Phone"] == ""
    r = IM.import_sheet(log, FIX / "contacts_cp1252.csv", mapping={"date called": "-"})
    assert r.interactions_added == 2 and r.mapping["Date Called"] == ""
    assert person(log, "Renée Faure")["phone"] == "(555) 555-0101"

    with pytest.raises(ParameterError, match="'compnay' is not a field. Did you mean 'company'"):
        IM.parse_map_args(["Firm=compnay"])
    with pytest.raises(ParameterError, match="'mail' is not a channel.*did you mean 'email'"):
        IM.parse_map_args(["Firm=outreach:mail"])
    with pytest.raises(ParameterError, match="write COLUMN=FIELD"):
        IM.parse_map_args(["Firm"])
    with pytest.raises(ParameterError, match="no column 'Frim'; did you mean 'Firm'"):
        IM.import_sheet(log, FIX / "contacts_cp1252.csv", mapping={"Frim": "company"})
    with pytest.raises(ParameterError, match="'Firm' and 'Notes' both map to company"):
        IM.import_sheet(log, FIX / "contacts_cp1252.csv",
                        mapping={"Firm": "company", "Notes": "company"})
    with pytest.raises(ParameterError, match="no column holds the names"):
        IM.import_sheet(log, FIX / "contacts_cp1252.csv", mapping={"Full Name": "-"})


def test_repeated_rows_merge_and_empty_cells_never_erase(log, tmp_path):
    cid = log.add_contact(name="Dana Whitfield", company="Brightline",
                          email="Dana@Brightline.example", phone="555-0199")
    sheet = tmp_path / "tracker.csv"
    sheet.write_text("Name,Company,Email,Phone,Title,Date Emailed,Date Called\n"
                     "Dana W.,Other,dana@brightline.example,,Analyst,2026-03-01,\n"
                     "Dana W.,Other,dana@brightline.example,,Analyst,,2026-03-09\n"
                     "Eli Park,Kiteboard,,,Engineer,2026-03-02; 2026-03-16,\n", encoding="utf-8")
    r = IM.import_sheet(log, sheet, today=TODAY)
    assert counts(r) == (1, 1, 0, 0) and r.interactions_added == 4
    assert any("same person as row 2" in w for w in r.warnings)
    dana = person(log, "Dana W.")                       # matched by e-mail, any case
    assert dana["contact_id"] == cid and dana["phone"] == "555-0199"   # empty cell kept it
    assert dana["email"] == "Dana@Brightline.example" and dana["role"] == "Analyst"
    eli = person(log, "Eli Park")
    assert sorted(log.raw_interactions.query(f"contact_id == '{eli['contact_id']}'")["date"]) \
        == ["2026-03-02", "2026-03-16"]
    assert counts(IM.import_sheet(log, sheet)) == (0, 0, 2, 0)


def test_two_linkedin_profiles_are_two_people(log, tmp_path):
    log.add_contact(name="Sam Lee", company="Acme",
                    linkedin_url="https://www.linkedin.com/in/sam-lee-1")
    sheet = tmp_path / "s.csv"
    sheet.write_text("Name,Company,LinkedIn\nSam Lee,Acme,linkedin.com/in/sam-lee-2\n"
                     "Sam Lee,Acme,\nsam  LEE,acme,\n", encoding="utf-8")
    r = IM.import_sheet(log, sheet)
    # row 2: another profile → a new person; rows 3–4: name + company (case-folded) match
    # the first Sam, and row 4's spelling is what the file says now
    assert counts(r) == (1, 1, 0, 0) and len(log.raw_contacts) == 2
    assert r.changes == ["C0001 Sam Lee: name 'Sam Lee' → 'sam  LEE', company 'Acme' → 'acme'"]


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


def test_guess_mapping_common_headers():
    cols = ["E-mail", "Email Address", "Firm", "Organization Name", "Company", "Title",
            "Position", "Phone", "Mobile", "LinkedIn", "Date Emailed", "Date Called",
            "Notes", "Comments", "First Name", "Last Name", "Met On", "Interview Date"]
    g = IM.guess_mapping(cols)
    assert g["E-mail"] == "email" and g["Email Address"] == ""        # first one wins
    assert g["Firm"] == "company" and g["Organization Name"] == "" and g["Title"] == "role"
    assert g["Phone"] == "phone" and g["Mobile"] == "" and g["LinkedIn"] == "linkedin_url"
    assert g["Notes"] == g["Comments"] == "notes"                     # notes may repeat
    assert (g["First Name"], g["Last Name"]) == ("first_name", "last_name")
    assert g["Met On"] == g["Interview Date"] == "meeting_held"
    assert IM.guess_mapping(["Full Name", "First Name"])["First Name"] == ""
    assert IM.guess_mapping(["URL"], [["https://example.org"]])["URL"] == ""
    assert IM.guess_mapping(["URL"], [["https://www.linkedin.com/in/x"]])["URL"] == "linkedin_url"


# --- vCards ---------------------------------------------------------------------------------
def test_vcard_3_and_4(log):
    r = IM.import_vcard(log, FIX / "contacts_v3.vcf", today=TODAY)
    assert counts(r) == (2, 0, 0, 1) and r.skipped_reasons == {"no name (no FN or N)": 1}
    b = person(log, "Dr. Beatriz Ferreira")
    assert b["company"] == "Lumen Bio, Ltd." and b["role"] == "Head of Assay Development"
    assert b["email"] == "beatriz.ferreira@lumen.example" and b["phone"] == "(555) 555-0111"
    assert b["work_address"] == "12 Harbour Road, Unit 4, 03801 Portsmouth, NH, USA"
    assert b["location"] == "Portsmouth, NH" and b["source"] == "personal_network"
    assert b["notes"] == ("Met at the biotech meetup; said to write in June.\n"
                          "Prefers e-mail over calls.")
    assert b["linkedin_url"] == "https://www.linkedin.com/in/beatriz-ferreira-lumen"
    k = person(log, "Kwame Mensah")
    assert k["email"] == "kwame@mensah.example" and k["linkedin_url"] == ""
    assert any("not LinkedIn profiles" in w for w in r.warnings)

    r = IM.import_vcard(log, FIX / "contacts_v4.vcf", today=TODAY)
    assert counts(r) == (2, 0, 0, 1) and r.skipped_reasons == {"not a person (KIND:org)": 1}
    s = person(log, "Sigrún Þórsdóttir")
    assert (s["phone"], s["extension"]) == ("+1-555-555-0113", "204")
    assert s["linkedin_url"] == "https://is.linkedin.com/in/sigrun-thorsdottir"
    assert s["work_address"] == "Laugavegur 1, 101 Reykjavík, Iceland"
    assert person(log, "Camille Dubois")["company"] == "Atelier Dubois"   # from N only
    assert counts(IM.import_vcard(log, FIX / "contacts_v4.vcf")) == (0, 0, 2, 1)
    assert counts(IM.import_vcard(log, FIX / "contacts_v3.vcf")) == (0, 0, 2, 1)


def test_vcard_updates_a_person_known_from_linkedin(log):
    IM.import_linkedin(log, FIX / "linkedin_connections.csv")
    vcf = log.folder.parent / "jose.vcf"
    vcf.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:José Müller-Ibáñez\n"
                   "EMAIL:JOSE.MULLER@brightline.example\nTEL;TYPE=CELL:555-0120\nEND:VCARD\n",
                   encoding="utf-8")
    r = IM.import_vcard(log, vcf)
    assert counts(r) == (0, 1, 0, 0) and "phone '' → '555-0120'" in r.changes[0]
    assert person(log, "José Müller-Ibáñez")["source"] == "linkedin"   # how they came in


def test_each_import_is_one_backed_up_change(log):
    n = len(log.backups())
    IM.import_sheet(log, FIX / "contacts_cp1252.csv")
    assert len(log.backups()) == n + 1


def test_detect_kind():
    assert IM.detect_kind(FIX / "linkedin_connections.csv") == "linkedin"
    assert IM.detect_kind(FIX / "linkedin_connections_old.csv") == "linkedin"
    assert IM.detect_kind(FIX / "contacts_v4.vcf") == "vcard"
    assert IM.detect_kind(FIX / "contacts_semicolon.csv") == "sheet"
    assert IM.detect_kind(FIX / "contacts_odd.xlsx") == "sheet"


# --- the command line -------------------------------------------------------------------------
def run(*args):
    return subprocess.run([infoint_exe(), *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def test_cli_imports(empty_log_dir):
    d = empty_log_dir
    r = run("import", "linkedin", FIX / "linkedin_connections.csv", "--log", d, "--dry-run")
    assert r.returncode == 0 and "added:        5 people" in r.stdout
    assert "dry run: nothing was written" in r.stdout and "2 × no name" in r.stdout
    assert len(ContactLog.open(d).raw_contacts) == 0
    r = run("import", "linkedin", FIX / "linkedin_connections.csv", "--log", d)
    assert r.returncode == 0 and "saved to" in r.stdout
    r = run("import", "sheet", FIX / "contacts_odd.xlsx", "--log", d, "--sheet", "Old contacts",
            "--map", "Email=-")
    assert r.returncode == 0, r.stderr
    assert "Email      → (ignored)" in r.stdout and "added:        2 people" in r.stdout
    r = run("import", "vcard", FIX / "contacts_v4.vcf", "--log", d)
    assert r.returncode == 0 and "1 × not a person (KIND:org)" in r.stdout
    assert len(ContactLog.open(d).raw_contacts) == 9


def test_cli_import_mistakes_exit_2(empty_log_dir, capsys):
    from infoint_nb.cli import main
    d = empty_log_dir
    r = run("import", "sheet", FIX / "bad_values.csv", "--log", d)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "bad_values.csv:3: Source: 'linkdin'" in r.stderr
    cases = [
        (["sheet", FIX / "contacts_cp1252.csv", "--map", "Firm=compnay"], "Did you mean 'company'"),
        (["vcard", FIX / "contacts_v4.vcf", "--map", "A=name"], "--map are for `infoint import"),
        (["linkedin", FIX / "missing.csv"], "no such file"),
        (["sheet", FIX / "contacts_odd.xlsx", "--sheet", "Nope"], "no sheet named 'Nope'"),
    ]
    for args, message in cases:
        capsys.readouterr()
        assert main(["import", *map(str, args), "--log", str(d)]) == 2
        assert message in capsys.readouterr().err
    assert len(ContactLog.open(d).raw_contacts) == 0


def test_xlsx_first_sheet_holding_a_table_is_read(tmp_path):
    from openpyxl import Workbook

    wb = Workbook()
    wb.active.title = "Cover"
    wb.active["A1"] = "My network"
    data = wb.create_sheet("People")
    data.append(["Name", "Company"])
    data.append(["Ada Byron", "Engines Ltd"])
    wb.save(tmp_path / "two.xlsx")
    t = IM.read_table(tmp_path / "two.xlsx")
    assert t.sheet == "People" and t.columns == ["Name", "Company"]
    assert t.rows == [["Ada Byron", "Engines Ltd"]] and t.row_numbers == [2]
    assert any("'Cover'" in w for w in t.warnings)

    wb = Workbook()
    wb.active.title = "Only"
    wb.active["A1"] = "Name"
    wb.active["A2"] = "Ada Byron"
    wb.save(tmp_path / "one_column.xlsx")
    t = IM.read_table(tmp_path / "one_column.xlsx")       # no sheet has two values a row
    assert t.sheet == "Only" and t.columns == ["Name"] and t.rows == [["Ada Byron"]]


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


# --- vCard lines end at CRLF/LF only; unfolding is linear --------------------------------
def test_vcard_unicode_line_separator_in_note_injects_no_field(log, tmp_path):
    card = tmp_path / "evil.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\n"
                    "NOTE:hello\u2028EMAIL:evil@attacker.example\u0085TEL:555\x0cURL:x\r\n"
                    "END:VCARD\r\n", encoding="utf-8")
    r = IM.import_vcard(log, card, today=TODAY)
    assert r.added == 1
    ada = person(log, "Ada Lovelace")
    assert ada["email"] == "" and ada["phone"] == ""
    assert ada["notes"] == "hello\u2028EMAIL:evil@attacker.example\u0085TEL:555\x0cURL:x"


def test_vcard_unfolding_is_linear(log, tmp_path):
    import time
    card = tmp_path / "long.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Long Note\r\nNOTE:start"
                    + "".join("\r\n " + "x" * 74 for _ in range(100_000))
                    + "\r\nEND:VCARD\r\n",
                    encoding="utf-8")
    t0 = time.perf_counter()
    lines = IM._unfold(card.read_text("utf-8"))
    took = time.perf_counter() - t0
    assert took < 1.0, took
    assert lines[3] == (4, "NOTE:start" + "x" * 7_400_000)
    r = IM.import_vcard(log, card, today=TODAY, dry_run=True)
    assert r.added == 1


def test_sniffing_and_kind_detection_ignore_unicode_line_separators(tmp_path):
    f = tmp_path / "s.csv"
    f.write_text('Name;Company;Notes\nAda;Acme;"x\u2028y,z,w,v"\nBo;Initech;n\n', encoding="utf-8")
    t = IM.read_table(f)
    assert t.delimiter == ";" and t.rows[0] == ["Ada", "Acme", "x\u2028y,z,w,v"]


# --- damaged text is refused before anything is written ----------------------------------
def _refused(log, path, fn=IM.import_sheet):
    before, n_backups = files_of(log), len(log.backups())
    with pytest.raises(LogValidationError) as exc:
        fn(log, path, today=TODAY)
    assert files_of(log) == before and len(log.backups()) == n_backups
    assert "nothing was imported" in str(exc.value)
    return exc.value


def test_nul_byte_and_mid_file_bom_are_refused_with_their_rows(log, tmp_path):
    f = tmp_path / "people.csv"
    f.write_bytes(b"Name,Company,Notes\nAda,Acme,fine\nBo,Initech,bad\x00byte\n")
    err = _refused(log, f)
    p, = err.problems
    assert (p.file, p.row, p.column) == ("people.csv", 3, "Notes") and "NUL byte" in p.message
    joined = tmp_path / "joined.csv"
    joined.write_bytes(b"\xef\xbb\xbfName,Company\nAda,Acme\n\xef\xbb\xbfName,Company\nBo,X\n")
    p, = _refused(log, joined).problems
    assert (p.row, p.column, p.value) == (3, "Name", "\ufeffName")
    assert "byte-order mark (U+FEFF)" in p.message


def test_a_file_mixing_utf8_and_cp1252_is_refused_naming_the_rows(log, tmp_path):
    f = tmp_path / "mixed.csv"
    f.write_bytes("Name,Company\nZoë Ångström,Brightline\nAda,Acme\n".encode("utf-8")
                  + "Renée Café,Crème\n".encode("cp1252"))
    err = _refused(log, f)
    assert [(p.row, p.column) for p in err.problems] == [(2, "Name")]
    assert "'Zoë Ångström'" in err.problems[0].message
    assert "mixes two encodings" in str(err) and "row 4 is not" in str(err)
    r = subprocess.run([infoint_exe(), "import", "sheet", str(f), "--log", str(log.folder)],
                       capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "mixed.csv:2: Name:" in r.stderr
    assert "Traceback" not in r.stderr
    plain = tmp_path / "plain.csv"                     # all Windows-1252: still fine
    plain.write_bytes("Name,Company\nRenée Café,Crème\n".encode("cp1252"))
    assert IM.import_sheet(log, plain, today=TODAY).added == 1


def test_linkedin_long_field_loads_bare_cr_and_stray_quote_are_reported(log, tmp_path):
    head = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    long = tmp_path / "Connections.csv"
    note = "x" * 200_000
    long.write_text(head + f'Ada,Lovelace,,,"{note}",Analyst,08 Feb 2023\n', encoding="utf-8")
    r = IM.import_linkedin(log, long, today=TODAY)
    assert r.added == 1 and person(log, "Ada Lovelace")["company"] == note
    bad = tmp_path / "bad.csv"
    bad.write_text(head + "Bo,Diaz,,,Acme\rCorp,Analyst,08 Feb 2023\n"
                   + 'Cy,Ng,,,"Initech" Ltd,Dev,08 Feb 2023\n'
                   + "Di,Ox,,,Umbrella,Dev,08 Feb 2023\n"
                   + 'Ed,Fu,,,"never closed,Dev,08 Feb 2023\n', encoding="utf-8")
    err = _refused(log, bad, IM.import_linkedin)
    assert [p.row for p in err.problems] == [2, 3, 5]
    assert "carriage return (CR)" in err.problems[0].message
    assert "followed by more text" in err.problems[1].message
    assert "never closed" in err.problems[2].message
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(f'Name,Notes\nAda,"{note}"\n', encoding="utf-8")
    assert IM.read_table(sheet).rows[0][1] == note


def test_old_mac_line_ends_still_read(log, tmp_path):
    f = tmp_path / "mac.csv"
    f.write_bytes(b"Name,Company\rAda,Acme\rBo,Initech\r")
    assert IM.read_table(f).rows == [["Ada", "Acme"], ["Bo", "Initech"]]


# --- a sheet's stated size is not trusted --------------------------------------------------
def _wide_workbook(path, *, styled_rows=2000, value_at=None):
    from openpyxl import Workbook
    from openpyxl.styles import Font
    wb = Workbook()
    ws = wb.active
    ws.append(["Name", "Company", "Date Emailed"])
    ws.append(["Ada", "Acme", "2026-04-01"])
    ws.append(["Bo", "Initech", None])
    bold = Font(bold=True)
    for r in range(1, styled_rows + 1):        # empty, formatted cells out at column XFD
        ws.cell(row=r, column=16384).font = bold
    if value_at:
        ws[value_at] = "stray"
    wb.save(path)
    return path


def test_xlsx_claiming_column_xfd_costs_only_the_cells_present(log, tmp_path):
    import time
    import tracemalloc
    book = _wide_workbook(tmp_path / "wide.xlsx")
    assert book.stat().st_size < 30_000
    tracemalloc.start()
    t0 = time.perf_counter()
    r = IM.import_sheet(log, book, dry_run=True, today=TODAY)
    took = time.perf_counter() - t0
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert (r.added, r.interactions_added) == (2, 1)
    assert took < 3 and peak < 50_000_000, (took, peak)
    table = IM.read_table(book)
    assert table.columns == ["Name", "Company", "Date Emailed"]


def test_xlsx_beyond_the_documented_size_is_refused(log, tmp_path):
    book = _wide_workbook(tmp_path / "far.xlsx", styled_rows=1, value_at="XFD1")
    with pytest.raises(ParameterError, match=r"cell XFD1 holds a value \('stray'\), beyond "
                       r"what an import reads \(at most 200,000 rows and 1,000 columns"):
        IM.import_sheet(log, book, dry_run=True)
    book = _wide_workbook(tmp_path / "deep.xlsx", styled_rows=1, value_at="A1048576")
    r = subprocess.run([infoint_exe(), "import", "sheet", str(book), "--log", str(log.folder),
                        "--dry-run"], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "cell A1048576 holds a value" in r.stderr
    assert "Traceback" not in r.stderr


def test_a_sheet_column_can_be_logged_as_unsorted_replies(empty_log_dir, tmp_path):
    """``reply`` (an answer not classified yet) is one of the kinds a date column can map to."""
    assert "reply" in IM.INTERACTION_SPEC_CHOICES
    sheet = tmp_path / "tracker.csv"
    sheet.write_text("Name,Company,Wrote,Answered\nAda Obi,Kiteboard,2026-05-01,2026-05-04\n"
                     "Lee Park,Kiteboard,2026-05-02,\n", encoding="utf-8")
    log = ContactLog.open(empty_log_dir)
    IM.import_sheet(log, sheet, mapping={"Wrote": "outreach:email", "Answered": "reply"})
    kinds = sorted(log.raw_interactions["kind"])
    assert kinds == ["outreach", "outreach", "reply"]


# --- every import problem carries a code that says what kind of problem it is -----------
def _codes(log, path, importer=IM.import_sheet):
    with pytest.raises(LogValidationError) as exc:
        importer(log, path, today=TODAY)
    return [(p.row, p.column, p.code) for p in exc.value.problems]


def test_import_problems_carry_specific_codes(log, tmp_path):
    from infoint_nb.errors import IMPORT_PROBLEM_CODES, PROBLEM_CODES
    assert sorted(_codes(log, FIX / "bad_values.csv"), key=str) == sorted([
        (2, "Priority", "not-allowed"), (3, "Source", "not-allowed"),
        (3, "Date Emailed", "bad-date"), (4, "Date Emailed", "bad-date")], key=str)
    nul = tmp_path / "nul.csv"
    nul.write_bytes(b"Name,Company,Notes\nBo,Initech,bad\x00byte\n")
    assert _codes(log, nul) == [(2, "Notes", "encoding")]
    joined = tmp_path / "joined.csv"
    joined.write_bytes(b"\xef\xbb\xbfName,Company\nAda,Acme\n\xef\xbb\xbfName,Company\nBo,X\n")
    assert _codes(log, joined) == [(3, "Name", "encoding")]
    mixed = tmp_path / "mixed.csv"
    mixed.write_bytes("Name,Company\nZoë,Brightline\n".encode("utf-8")
                      + "Renée,Crème\n".encode("cp1252"))
    assert _codes(log, mixed) == [(2, "Name", "encoding")]
    head = "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    bad = tmp_path / "Connections.csv"
    bad.write_text(head + "Bo,Diaz,,,Acme\rCorp,Analyst,08 Feb 2023\n"
                   + 'Cy,Ng,,,"Initech" Ltd,Dev,08 Feb 2023\n'
                   + 'Ed,Fu,,,"never closed,Dev,08 Feb 2023\n', encoding="utf-8")
    assert _codes(log, bad, IM.import_linkedin) == [(2, None, "bare-cr"), (3, None, "bad-quote"),
                                                    (4, None, "bad-quote")]
    dated = tmp_path / "Connections2.csv"
    dated.write_text(head + "Bo,Diaz,,,Acme,Analyst,sometime\n", encoding="utf-8")
    assert _codes(log, dated, IM.import_linkedin) == [(2, "Connected On", "bad-date")]
    added = tmp_path / "added.csv"
    added.write_text("Name,Added On\nBo,01/02/2026x\n", encoding="utf-8")
    assert _codes(log, added) == [(2, "Added On", "bad-date")]
    referred = tmp_path / "referred.csv"  # checked once every row has been read
    referred.write_text("Name,referred_by\nAda,C0999\n", encoding="utf-8")
    assert _codes(log, referred) == [(2, "referred_by", "unknown-contact")]
    cut = tmp_path / "cut.vcf"
    cut.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Ada\nEND:VCARD\nBEGIN:VCARD\nFN:Bo\n",
                   encoding="utf-8")
    assert [code for *_, code in _codes(log, cut, IM.import_vcard)] == ["cut-off"]
    assert set(IMPORT_PROBLEM_CODES) == {"bad-csv", "cut-off"}
    assert not set(IMPORT_PROBLEM_CODES) & set(PROBLEM_CODES)
