"""Exports: XLSX and CSV that never run formulas, dates as dates, and the round trip back in."""
from __future__ import annotations

import datetime as dt
import subprocess

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook

from conftest import infoint_exe
from infoint_nb import ContactLog
from infoint_nb import schema as S
from infoint_nb import exporters as EX
from infoint_nb import importers as IM
from infoint_nb.errors import LogValidationError, ParameterError

DANGEROUS = ["=1+1", '=HYPERLINK("http://evil.example","click")', "+41 44 555 01 23",
             "-2+3", "@SUM(A1)", "\tTabbed", "\rReturn"]


@pytest.fixture
def log(empty_log_dir):
    log = ContactLog.open(empty_log_dir)
    for k, text in enumerate(DANGEROUS):
        log.add_contact(name=f"Person {k}", company="Acme", notes=text, added_on="2026-01-0"
                        f"{k + 1}", priority=str(k % 5 + 1) if k % 2 else None)
    log.add_contact(name="Bell Char", notes="ring\x07ring", phone="0041 44 555 01 23",
                    extension="007", company="NA", added_on="2026-02-01")
    log.add_interaction("C0001", "outreach", "2026-03-02", channel="email",
                        notes="=cmd|' /C calc'!A0")
    log.add_interaction("C0001", "meeting_scheduled", "2026-03-03T09:30", channel="video",
                        scheduled_for="2026-03-10T14:00", place="@HQ")
    return log


def test_xlsx_text_is_text_and_formulas_never_run(log, tmp_path):
    res = EX.export_xlsx(log, tmp_path / "out.xlsx")
    assert res.neutralized == len(DANGEROUS) + 2 and res.control_chars_replaced == 1
    assert "replaced by U+FFFD" in str(res)
    wb = load_workbook(tmp_path / "out.xlsx")
    assert wb.sheetnames == ["contacts", "interactions"]
    for ws in wb:
        for row in ws.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (ws.title, cell.coordinate, cell.value)
    ws = wb["contacts"]
    header = [c.value for c in ws[1]]
    notes = header.index("notes") + 1
    for k, text in enumerate(DANGEROUS):
        cell = ws.cell(row=k + 2, column=notes)
        # openpyxl reads the XML-normalised text: a lone CR comes back as LF
        assert cell.value == text.replace("\r", "\n") or cell.value == text
        assert cell.data_type == "s" and cell.quotePrefix, text
    bell = ws.cell(row=len(DANGEROUS) + 2, column=notes)
    assert bell.value == "ring\ufffdring" and not bell.quotePrefix
    phone = ws.cell(row=len(DANGEROUS) + 2, column=header.index("phone") + 1)
    assert phone.value == "0041 44 555 01 23" and phone.data_type == "s"
    assert ws.cell(row=len(DANGEROUS) + 2, column=header.index("extension") + 1).value == "007"
    assert ws.cell(row=len(DANGEROUS) + 2, column=header.index("company") + 1).value == "NA"
    i = wb["interactions"]
    assert i["F2"].value == "=cmd|' /C calc'!A0" and i["F2"].data_type == "s"
    assert i["H3"].value == "@HQ" and i["H3"].quotePrefix


def test_xlsx_dates_numbers_and_looks(log, tmp_path):
    EX.export_xlsx(log, tmp_path / "out.xlsx")
    wb = load_workbook(tmp_path / "out.xlsx")
    ws = wb["contacts"]
    header = [c.value for c in ws[1]]
    added = ws.cell(row=2, column=header.index("added_on") + 1)
    assert added.value == dt.datetime(2026, 1, 1) and added.number_format == "yyyy-mm-dd"
    prio = ws.cell(row=3, column=header.index("priority") + 1)
    assert prio.value == 2 and prio.data_type == "n"
    assert ws.cell(row=2, column=header.index("priority") + 1).value is None
    assert ws.freeze_panes == "A2" and ws["A1"].font.bold and ws.auto_filter.ref
    assert ws.column_dimensions["B"].width >= len("Person 0")
    i = wb["interactions"]
    assert i["C2"].value == dt.datetime(2026, 3, 2) and i["C2"].number_format == "yyyy-mm-dd"
    assert i["C3"].value == dt.datetime(2026, 3, 3, 9, 30)
    assert i["C3"].number_format == "yyyy-mm-dd hh:mm"
    assert i["G3"].value == dt.datetime(2026, 3, 10, 14, 0)


def test_xlsx_needs_an_xlsx_name(log, tmp_path):
    with pytest.raises(ParameterError, match="ending in .xlsx"):
        EX.export_xlsx(log, tmp_path / "out.csv")
    res = EX.export_xlsx(log, tmp_path)              # a folder: <log name>.xlsx inside
    assert res.paths == [tmp_path / "log.xlsx"] and res.paths[0].exists()


def test_csv_export_neutralised_and_raw(log, tmp_path):
    res = EX.export_csv(log, tmp_path / "csv")
    assert res.neutralized == len(DANGEROUS) + 2
    c = pd.read_csv(tmp_path / "csv" / "contacts.csv", dtype=str, keep_default_na=False,
                    encoding="utf-8-sig")
    assert c.loc[0, "notes"] == "'=1+1" and c.loc[2, "notes"] == "'+41 44 555 01 23"
    assert c.loc[7, "phone"] == "0041 44 555 01 23" and c.loc[7, "company"] == "NA"
    # import sheet takes the apostrophes off again
    table = IM.read_table(tmp_path / "csv" / "contacts.csv")
    assert table.rows[0][table.columns.index("notes")] == "=1+1"

    raw = EX.export_csv(log, tmp_path / "raw.csv", raw=True)
    assert [p.name for p in raw.paths] == ["raw_contacts.csv", "raw_interactions.csv"]
    assert raw.paths[0].read_bytes() == (log.folder / "contacts.csv").read_bytes()
    assert raw.paths[1].read_bytes() == (log.folder / "interactions.csv").read_bytes()
    assert "NOT neutralised" in str(raw)


def test_round_trip_restores_the_log(sample_log_dir, empty_log_dir, tmp_path):
    src = ContactLog.open(sample_log_dir)
    EX.export_xlsx(src, tmp_path / "book.xlsx")
    assert IM.is_log_workbook(tmp_path / "book.xlsx")
    dst = ContactLog.open(empty_log_dir)
    r = IM.import_sheet(dst, tmp_path / "book.xlsx")
    assert r.kind == "workbook" and r.added == len(src.raw_contacts)
    assert r.interactions_added == len(src.raw_interactions)
    pd.testing.assert_frame_equal(dst.contacts, src.contacts)
    pd.testing.assert_frame_equal(dst.interactions, src.interactions)
    again = IM.import_sheet(dst, tmp_path / "book.xlsx")
    assert (again.added, again.updated, again.removed, again.saved_to) == (0, 0, 0, None)


def test_edit_in_excel_then_import_gives_the_edited_log(log, tmp_path):
    book = tmp_path / "book.xlsx"
    EX.export_xlsx(log, book)
    wb = load_workbook(book)
    ws = wb["contacts"]
    header = [c.value for c in ws[1]]
    ws.cell(row=3, column=header.index("company") + 1).value = "Globex"      # C0002
    ws.delete_rows(9)                                                          # C0008
    ws.cell(row=10, column=1).value = "C0100"
    ws.cell(row=10, column=2).value = "New Person"
    ws.cell(row=10, column=header.index("added_on") + 1).value = dt.date(2026, 4, 1)
    ws.cell(row=10, column=header.index("priority") + 1).value = 1
    wi = wb["interactions"]
    wi.append(["I00100", "C0100", dt.datetime(2026, 4, 2, 10, 15), "phone", "reply_yes", ""])
    wb.save(book)
    before = log.raw_contacts

    r = IM.import_sheet(log, book)
    assert (r.added, r.updated, r.removed, r.interactions_added) == (1, 1, 1, 1)
    assert any("were removed" in w for w in r.warnings)
    c = log.raw_contacts.set_index("contact_id")
    assert c.loc["C0002", "company"] == "Globex" and "C0008" not in c.index
    assert c.loc["C0100", "priority"] == "1" and c.loc["C0100", "added_on"] == "2026-04-01"
    assert c.loc["C0001", "notes"] == before.iloc[0]["notes"]                  # '=1+1' as typed
    assert log.raw_interactions.set_index("interaction_id").loc["I00100", "date"] \
        == "2026-04-02T10:15"


def test_invalid_workbook_edit_names_sheet_row_and_writes_nothing(log, tmp_path):
    book = tmp_path / "book.xlsx"
    EX.export_xlsx(log, book)
    wb = load_workbook(book)
    wb["interactions"]["E2"] = "meeting"
    wb.save(book)
    before = (log.folder / "interactions.csv").read_bytes()
    with pytest.raises(LogValidationError) as exc:
        IM.import_sheet(log, book)
    p = exc.value.problems[0]
    assert (p.file, p.row, p.column, p.value) == ("book.xlsx[interactions]", 2, "kind", "meeting")
    assert "nothing was imported" in str(exc.value)
    assert (log.folder / "interactions.csv").read_bytes() == before


def run(*args):
    return subprocess.run([infoint_exe(), *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def test_cli_export_and_import_back(log, tmp_path, capsys):
    from infoint_nb.cli import main
    r = run("export", "xlsx", "--log", log.folder, "--out", tmp_path / "b.xlsx")
    assert r.returncode == 0 and "8 contacts, 2 interactions" in r.stdout
    r = run("export", "csv", "--log", log.folder, "--out", tmp_path / "c")
    assert r.returncode == 0 and (tmp_path / "c" / "interactions.csv").exists()
    assert "kept as plain text" in r.stdout
    fresh = tmp_path / "fresh"
    ContactLog.init(fresh)
    r = run("import", "sheet", tmp_path / "b.xlsx", "--log", fresh)
    assert r.returncode == 0 and "exported log workbook" in r.stdout
    assert "interactions: 2 added" in r.stdout
    pd.testing.assert_frame_equal(ContactLog.open(fresh).interactions, log.interactions)
    capsys.readouterr()
    assert main(["export", "csv", "--log", str(log.folder), "--out", str(tmp_path / "r"),
                 "--raw"]) == 0
    assert "NOT neutralised" in capsys.readouterr().out
    assert main(["export", "xlsx", "--log", str(log.folder), "--out", str(tmp_path / "x.xlsx"),
                 "--raw"]) == 2
    assert "--raw is for" in capsys.readouterr().err


# --- a second writer between the preview and the write -----------------------------------
def _second_writer_after_preview(monkeypatch, name, *argv_sets):
    """Make the importer's first plan (the preview) be followed by real ``infoint`` runs."""
    original = IM._workbook_planner

    def planner(path, **kw):
        plan_for = original(path, **kw)
        calls = []

        def wrapped(c, i):
            plan = plan_for(c, i)
            if not calls:
                calls.append(1)
                for argv in argv_sets:
                    r = run(*argv)
                    assert r.returncode == 0, r.stderr
            return plan
        return wrapped
    monkeypatch.setattr(IM.sheet, name, planner)


def _exported_with_c0002_at_globex(log, tmp_path):
    """The log exported to a workbook, with C0002's company edited there to Globex."""
    book = tmp_path / "book.xlsx"
    EX.export_xlsx(log, book)
    wb = load_workbook(book)
    ws = wb["contacts"]
    header = [c.value for c in ws[1]]
    ws.cell(row=3, column=header.index("company") + 1).value = "Globex"      # C0002
    wb.save(book)
    return book


def test_workbook_import_keeps_a_contact_added_during_the_import(log, tmp_path, monkeypatch):
    book = _exported_with_c0002_at_globex(log, tmp_path)
    _second_writer_after_preview(
        monkeypatch, "_workbook_planner",
        ("add", "contact", "--log", log.folder, "--name", "Late Arrival", "--company", "Initech",
         "--added-on", "2026-04-01"),
        ("add", "interaction", "--log", log.folder, "--contact-id", "C0003", "--kind",
         "follow_up", "--date", "2026-04-02", "--channel", "phone"))
    r = IM.import_sheet(log, book)
    c = ContactLog.open(log.folder).raw_contacts.set_index("contact_id")
    assert c.loc["C0009", "name"] == "Late Arrival"                 # not dropped
    assert c.loc["C0002", "company"] == "Globex"                    # the workbook's edit
    i = ContactLog.open(log.folder).raw_interactions
    assert list(i["kind"]) == ["outreach", "meeting_scheduled", "follow_up"]
    assert any("changed by another program" in w for w in r.warnings)
    assert r.saved_to and r.updated == 1 and r.added == 0 and r.removed == 0


def test_workbook_import_refuses_overlapping_edits(log, tmp_path, monkeypatch):
    book = _exported_with_c0002_at_globex(log, tmp_path)
    _second_writer_after_preview(
        monkeypatch, "_workbook_planner",
        ("add", "contact", "--log", log.folder, "--name", "Late Arrival", "--company", "Initech",
         "--added-on", "2026-04-01"))
    # the second writer also edits C0002 (through a second handle)
    original = IM.sheet._workbook_planner

    def planner(path, **kw):
        plan_for = original(path, **kw)
        seen = []

        def wrapped(c, i):
            plan = plan_for(c, i)
            if not seen:
                seen.append(1)
                ContactLog.open(log.folder).update_contact("C0002", company="Umbrella")
            return plan
        return wrapped
    monkeypatch.setattr(IM.sheet, "_workbook_planner", planner)
    with pytest.raises(IM.ImportConflictError, match="C0002 was changed both"):
        IM.import_sheet(log, book)
    c = ContactLog.open(log.folder).raw_contacts.set_index("contact_id")
    assert c.loc["C0002", "company"] == "Umbrella" and "C0009" in c.index


# --- where an export may write -------------------------------------------------------------
def _digest(folder):
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()
            and p.name != ".lock"}


def test_export_never_writes_into_a_log_folder(log, tmp_path):
    before = _digest(log.folder)
    for out in (log.folder, log.folder / "x.csv", log.folder / "sub"):
        for extra in ([], ["--force"]):
            r = run("export", "csv", "--log", log.folder, "--out", out, *extra)
            assert r.returncode == 2 and "Traceback" not in r.stderr, r.stderr
            assert "inside the log folder" in r.stderr and "never writes into a log" in r.stderr
    r = run("export", "xlsx", "--log", log.folder, "--out", log.folder, "--force")
    assert r.returncode == 2 and "inside the log folder" in r.stderr
    assert _digest(log.folder) == before and not (log.folder / "sub").exists()
    other = ContactLog.init(tmp_path / "other").folder
    other_before = _digest(other)
    r = run("export", "csv", "--log", log.folder, "--out", other, "--force")
    assert r.returncode == 2, r.stderr
    assert "holds a contact log (contacts.csv, interactions.csv)" in r.stderr
    assert _digest(other) == other_before


def test_export_replaces_only_its_own_unchanged_files_without_force(log, tmp_path):
    out = tmp_path / "exports"
    assert run("export", "csv", "--log", log.folder, "--out", out).returncode == 0
    assert (out / EX.MANIFEST_FILE).exists()
    assert run("export", "csv", "--log", log.folder, "--out", out).returncode == 0  # again: ok
    (out / "contacts.csv").write_text("edited in Excel\n", encoding="utf-8")
    r = run("export", "csv", "--log", log.folder, "--out", out)
    assert r.returncode == 2 and "contacts.csv already exists and was not written by an " \
        "earlier export" in r.stderr and "--force" in r.stderr
    assert (out / "contacts.csv").read_text("utf-8") == "edited in Excel\n"
    # an edited export is still not a log: --force replaces it
    r = run("export", "csv", "--log", log.folder, "--out", out, "--force")
    assert r.returncode == 0, r.stderr
    assert (out / "contacts.csv").read_bytes().startswith(b"\xef\xbb\xbfcontact_id,")
    mine = tmp_path / "mine.xlsx"
    mine.write_bytes(b"my own workbook")
    r = run("export", "xlsx", "--log", log.folder, "--out", mine)
    assert r.returncode == 2 and "mine.xlsx already exists" in r.stderr
    assert mine.read_bytes() == b"my own workbook"
    assert run("export", "xlsx", "--log", log.folder, "--out", mine, "--force").returncode == 0
    assert IM.is_log_workbook(mine)
    assert run("export", "xlsx", "--log", log.folder, "--out", mine).returncode == 0
    (tmp_path / "mine_contacts.csv").write_text("x", encoding="utf-8")
    with pytest.raises(ParameterError, match="mine_contacts.csv already exists"):
        EX.export_csv(log, tmp_path / "mine.csv")
    assert not (tmp_path / "mine_interactions.csv").exists()      # nothing half-written
    assert "--force" in run("export", "--help").stdout


# --- the CSV export comes back exactly ---------------------------------------------------
def _csv_round_trip(src, tmp_path, *, interactions=False):
    out = tmp_path / "csv_out"
    EX.export_csv(src, out)
    dst = ContactLog.init(tmp_path / "back")
    IM.import_sheet(dst, out / "contacts.csv", today="2026-05-01")
    if interactions:
        IM.import_sheet(dst, out / "interactions.csv")
    return ContactLog.open(dst.folder)


def test_csv_export_then_import_sheet_gives_every_column_back(sample_log_dir, tmp_path):
    src = ContactLog.open(sample_log_dir)
    assert (src.raw_contacts["referred_by"] != "").any()
    assert (src.raw_contacts["mutual_connection"] != "").any()
    back = _csv_round_trip(src, tmp_path, interactions=True)
    pd.testing.assert_frame_equal(back.raw_contacts.reset_index(drop=True),
                                  src.raw_contacts.reset_index(drop=True))
    # a new log starts with every optional column (e.g. ``ref``); the sample's are all there
    extra = [c for c in back.raw_interactions.columns if c not in src.raw_interactions.columns]
    assert set(extra) <= set(S.INTERACTION_OPTIONAL_COLUMNS)
    assert (back.raw_interactions[extra] == "").all().all()
    pd.testing.assert_frame_equal(
        back.raw_interactions[list(src.raw_interactions.columns)].reset_index(drop=True),
        src.raw_interactions.reset_index(drop=True))
    # importing the same files again changes nothing
    out = tmp_path / "csv_out"
    again = IM.import_sheet(back, out / "interactions.csv")
    assert (again.interactions_added, again.interactions_updated, again.saved_to) == (0, 0, None)
    assert again.interactions_known == len(src.raw_interactions)
    assert IM.import_sheet(back, out / "contacts.csv").saved_to is None
    # interactions of people the log lacks are refused, naming the row
    with pytest.raises(LogValidationError, match="import its contacts.csv first"):
        IM.import_sheet(ContactLog.init(tmp_path / "empty"), out / "interactions.csv")


TRICKY = ["=x", "'=x", "'hello", "''=x", "'", "''", "＝1", " =1", "\n+1", "\t-1", "\r@x",
          " 'x", "'\t=1", "a'b", "@", "-", "--x", "=", " ", "  two  ", "中文", "\u2028=x",
          'say "hi", then go', "line1\nline2", "line1\r\nline2", "trail\r", "\n;a", ";", "\r;a"]


def test_csv_round_trip_of_tricky_values(empty_log_dir, tmp_path):
    src = ContactLog.open(empty_log_dir)
    src.apply(add_contacts=[{"name": f"P{k}", "notes": t, "company": t, "mutual_connection": t,
                             "role": t, "added_on": "2026-01-01"}
                            for k, t in enumerate(TRICKY)], different_person=True)
    src.apply(update_contacts={"C0002": {"referred_by": "C0001"}},
              add_interactions=[{"contact_id": "C0001", "kind": "note", "date": "2026-02-01",
                                 "notes": t} for t in TRICKY])
    back = _csv_round_trip(src, tmp_path, interactions=True)
    assert list(back.raw_interactions["notes"]) == TRICKY
    for col in ("notes", "company", "mutual_connection", "role"):
        assert list(back.raw_contacts[col]) == TRICKY, col
    assert back.raw_contacts.loc[back.raw_contacts["contact_id"] == "C0002",
                                 "referred_by"].item() == "C0001"
    # every formula-like value was guarded in the file itself
    text = (tmp_path / "csv_out" / "contacts.csv").read_text("utf-8-sig")
    assert "\n=x" not in text and ",=x," not in text and ",＝1," not in text


def test_guard_is_inverse_and_covers_full_width_and_leading_blanks():
    for t in TRICKY:
        assert EX.unneutralize_csv_value(EX.neutralize_csv_value(t)) == t, t
    for t in ("＝1", "＋1", "－1", "＠x", " =1", "\n=1", "\t=1", "\r=1", "  @x", "\u3000=1"):
        assert EX.needs_neutralizing(t), t
        assert EX.neutralize_csv_value(t).startswith("'"), t
    for t in ("Ada", " Ada", "\nAda", "", "a=b", "'tis"):
        assert not EX.needs_neutralizing(t), t


def test_xlsx_quote_prefixes_full_width_and_leading_blank_formulas(empty_log_dir, tmp_path):
    log = ContactLog.open(empty_log_dir)
    texts = ["＝1+1", " =1+1", "\n@SUM(A1)", "＠x", "fine"]
    log.apply(add_contacts=[{"name": f"P{k}", "notes": t, "added_on": "2026-01-01"}
                            for k, t in enumerate(texts)], different_person=True)
    res = EX.export_xlsx(log, tmp_path / "b.xlsx")
    assert res.neutralized == 4
    ws = load_workbook(tmp_path / "b.xlsx")["contacts"]
    notes = [c.value for c in ws[1]].index("notes") + 1
    flags = [ws.cell(row=k + 2, column=notes).quotePrefix for k in range(len(texts))]
    assert flags == [True, True, True, True, False]


_ALPHABET = st.sampled_from(list("ab '=+-@＝＋－＠\t\n\r,\";\u2028中") + ["''", "=1", "é"])
_TEXT = st.lists(_ALPHABET, max_size=6).map("".join)


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(values=st.lists(st.tuples(_TEXT, _TEXT, _TEXT), min_size=1, max_size=4))
def test_csv_round_trip_property(values, tmp_path_factory):
    tmp = tmp_path_factory.mktemp("rt")
    src = ContactLog.init(tmp / "src")
    src.apply(add_contacts=[{"name": f"N{k} {name}", "notes": notes, "mutual_connection": mc,
                             "added_on": "2026-01-01"}
                            for k, (name, notes, mc) in enumerate(values)],
              different_person=True)
    src = ContactLog.open(src.folder)
    back = _csv_round_trip(src, tmp)
    pd.testing.assert_frame_equal(back.raw_contacts.reset_index(drop=True),
                                  src.raw_contacts.reset_index(drop=True))


def test_workbook_cell_with_a_byte_order_mark_is_refused(log, tmp_path):
    book = tmp_path / "book.xlsx"
    EX.export_xlsx(log, book)
    wb = load_workbook(book)
    header = [c.value for c in wb["contacts"][1]]
    wb["contacts"].cell(row=4, column=header.index("role") + 1).value = "\ufeffAnalyst"
    wb.save(book)
    before = (log.folder / "contacts.csv").read_bytes()
    with pytest.raises(LogValidationError) as exc:
        IM.import_sheet(log, book)
    p, = exc.value.problems
    assert (p.file, p.row, p.column) == ("book.xlsx[contacts]", 4, "role")
    assert (log.folder / "contacts.csv").read_bytes() == before
