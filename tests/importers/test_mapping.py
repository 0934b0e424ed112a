"""Columns to log fields (``importers/mapping.py``): guessed mappings, ``--map``
overrides and their mistakes, date columns logged as interactions."""
from __future__ import annotations

import pytest

from infoint_nb import ContactLog
from infoint_nb import importers as IM
from infoint_nb.errors import ParameterError
from .conftest import FIX, person


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
