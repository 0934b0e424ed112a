"""ImportForm without a browser: set values, click buttons, read the status and the log."""
from __future__ import annotations

from pathlib import Path

import pytest

from infoint_nb import ContactLog
from infoint_nb.forms import ImportForm

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "import"


@pytest.fixture
def log(empty_log_dir):
    return ContactLog.open(empty_log_dir)


def read(form, path, **controls):
    form.controls["path"].value = str(path)
    for name, value in controls.items():
        form.controls[name].value = value
    form.buttons["read"].click()
    return form


def test_sheet_mapping_preview_dry_run_then_import(log):
    form = read(ImportForm(log), FIX / "contacts_cp1252.csv")
    assert form.status_level == "info" and "press Import" in form.status_message
    assert form.mapping["Firm"] == "company" and form.mapping["Date Called"] == "outreach:phone"
    assert "Renée Faure" in form.preview.value and "Société Lumière" in form.preview.value
    assert form.report.counts == {"added": 3, "updated": 0, "unchanged": 0, "skipped": 1,
                                  "interactions_added": 4}
    assert 'data-added="3"' in form.counts.value and "1 × no name" in form.counts.value
    assert len(log.raw_contacts) == 0                                  # a dry run only

    form.mapping_controls["Date Called"].value = ""                    # counts follow
    assert form.report.interactions_added == 2 and 'data-interactions="2"' in form.counts.value

    form.submit_button.click()
    assert form.status_level == "ok" and "Saved to your log: added 3" in form.status_message
    assert len(log.raw_contacts) == 3 and len(log.raw_interactions) == 2
    assert log.plan_section("import")["mapping"]["Date Called"] == ""

    again = ImportForm(log)                       # reopened: the file, mapping and counts
    assert again.controls["path"].value == str(FIX / "contacts_cp1252.csv")
    assert again.mapping["Date Called"] == ""
    assert again.report.counts["added"] == 0 and again.report.counts["unchanged"] == 3
    assert "Nothing new" in again.status_message
    again.submit_button.click()
    assert len(log.raw_interactions) == 2 and "Nothing to import" in again.status_message


def test_linkedin_and_vcard_are_recognised(log):
    form = read(ImportForm(log), FIX / "linkedin_connections.csv")
    assert form.mapping_controls == {} and form.controls["sheet"].layout.display == "none"
    assert form.report.kind == "linkedin" and form.report.counts["added"] == 5
    assert "Zoë Ångström" in form.counts.value                   # the people preview
    form.submit_button.click()
    assert len(log.raw_contacts) == 5
    read(form, FIX / "contacts_v3.vcf")
    assert form.report.kind == "vcard" and form.report.counts["added"] == 2


def test_workbook_sheet_choice_rereads(log):
    form = read(ImportForm(log), FIX / "contacts_odd.xlsx")
    sheet = form.controls["sheet"]
    assert sheet.layout.display == "" and sheet.value == "Network 2026"
    assert form.report.counts["interactions_added"] == 3
    sheet.value = "Old contacts"
    assert set(form.mapping) == {"First Name", "Last Name", "Company", "Email"}
    assert form.report.counts["added"] == 2


def test_problems_are_shown_not_raised(log):
    form = read(ImportForm(log), FIX / "bad_values.csv")
    assert form.status_level == "error"
    assert "bad_values.csv:3: Source: 'linkdin'" in form.status_message
    form.submit_button.click()
    assert form.status_level == "error" and len(log.raw_contacts) == 0
    read(form, FIX / "does_not_exist.csv")
    assert form.status_level == "error" and "no such file" in form.status_message
    form.controls["path"].value = str(FIX / "contacts_semicolon.csv")
    form.mapping_controls.clear()
    form.submit_button.click()                   # Import without reading first: reads, imports
    assert form.status_level == "ok" and len(log.raw_contacts) == 3


def test_import_keeps_what_another_notebook_saved_after_the_dry_run(log, tmp_path):
    from openpyxl import load_workbook

    from infoint_nb import exporters as EX
    log.add_contact(name="Ada Lovelace", company="Acme", added_on="2026-01-02")
    log.add_contact(name="Bo Diaz", company="Initech", added_on="2026-01-03")
    book = tmp_path / "book.xlsx"
    EX.export_xlsx(log, book)
    wb = load_workbook(book)
    wb["contacts"]["C3"] = "Globex"                         # Bo's company, edited in Excel
    wb.save(book)
    form = read(ImportForm(log), book)
    assert form.report.kind == "workbook" and form.report.updated == 1
    assert form.report.removed == 0
    # another notebook (a second handle) saves a new person before Import is pressed
    ContactLog.open(log.folder).add_contact(name="Late Arrival", added_on="2026-02-01")
    form.submit_button.click()
    assert form.status_level == "ok", form.status_message
    c = ContactLog.open(log.folder).raw_contacts.set_index("contact_id")
    assert c.loc["C0003", "name"] == "Late Arrival"         # kept, not "restored away"
    assert c.loc["C0002", "company"] == "Globex"
    assert "changed by another program" in form.counts.value


def test_an_uploaded_file_is_read_at_once_and_imported(log):
    """The app has no path to type: the upload widget's bytes go through the same dry run."""
    import datetime as dt
    data = (FIX / "linkedin_connections.csv").read_bytes()
    form = ImportForm(log)
    form.upload.value = ({"name": "Connections.csv", "type": "text/csv", "size": len(data),
                          "content": memoryview(data), "last_modified": dt.datetime(2026, 5, 1)},)
    assert form.controls["path"].value.endswith("Connections.csv")
    assert Path(form.controls["path"].value).read_bytes() == data
    assert form.report.kind == "linkedin" and form.report.counts["added"] == 5
    assert len(log.raw_contacts) == 0                                   # the preview first
    form.submit_button.click()
    assert len(log.raw_contacts) == 5
