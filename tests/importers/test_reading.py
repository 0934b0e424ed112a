"""Reading import files (``importers/reading.py``): which kind a file is, separators,
line ends, long fields, XLSX sheets and their stated size, damaged text refused with its rows."""
from __future__ import annotations

import subprocess

import pytest

from conftest import infoint_exe
from infoint_nb import importers as IM
from infoint_nb.errors import LogValidationError, ParameterError
from .conftest import FIX, TODAY, files_of, person


def test_detect_kind():
    assert IM.detect_kind(FIX / "linkedin_connections.csv") == "linkedin"
    assert IM.detect_kind(FIX / "linkedin_connections_old.csv") == "linkedin"
    assert IM.detect_kind(FIX / "contacts_v4.vcf") == "vcard"
    assert IM.detect_kind(FIX / "contacts_semicolon.csv") == "sheet"
    assert IM.detect_kind(FIX / "contacts_odd.xlsx") == "sheet"


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
