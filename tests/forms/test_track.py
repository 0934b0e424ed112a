"""Notebook 04's tracking forms (``forms/track.py``): the log table and its filters,
what is due today, the calendar, editing, restoring and the overview charts."""
from __future__ import annotations

from infoint_nb import ContactLog, metrics
from infoint_nb import schema as S
from infoint_nb.forms import (CalendarForm, DueTodayForm, EditContactForm, EditInteractionForm,
                              LogTableForm, RestoreForm)
from infoint_nb.forms.track import ACTION_KINDS, filter_log, plot_overview
from .conftest import TODAY, plan_on_disk, rows_on_disk


# --- 04 track ------------------------------------------------------------------------------
def test_filter_log_by_company_stage_kind_and_text(log):
    c, i = log.contacts, log.interactions
    kite = filter_log(c, i, company="Kiteboard", as_of=TODAY)
    assert set(kite["name"]) == {"Ben Achterberg", "Elena Sokolova", "Theo Lambert",
                                 "Yusuf Karim"}
    met = filter_log(c, i, view="interactions", kind="meeting_held", company="Kiteboard",
                     as_of=TODAY)
    assert list(met[S.INTERACTION_ID]) == ["I00080", "I00056"]  # newest first
    quiet = filter_log(c, i, stage="gone_quiet", as_of=TODAY)
    timeline = metrics.contact_timeline(c, i, as_of=TODAY)
    assert set(quiet[S.CONTACT_ID]) == set(timeline.loc[timeline.stage == "gone_quiet",
                                                        S.CONTACT_ID]) and len(quiet) > 1
    assert set(filter_log(c, i, search="EPIC", as_of=TODAY)[S.CONTACT_ID]) == {"C0016"}
    assert list(filter_log(c, i, view="interactions", search="epic")[S.INTERACTION_ID]) == [
        "I00109"]
    nobody = filter_log(c, i, company="(no company)")
    assert len(nobody) == (c[S.COMPANY] == "").sum() == 3


def test_log_table_form_remembers_filters(log):
    form = LogTableForm(log, as_of=TODAY)
    assert "49 people" in form.count.value
    form.value = {"view": "interactions", "kind": "thank_you", "search": "card"}
    assert "infoint-table" in form.table.value and "Handwritten card" in form.table.value
    form.submit()
    assert plan_on_disk(log)["track_filters"]["kind"] == "thank_you"
    assert LogTableForm(log, as_of=TODAY).value["search"] == "card"


def test_due_today_logs_the_right_kind_and_the_rows_disappear(log):
    form = DueTodayForm(log, as_of=TODAY)
    actions = list(form.rows["action"])
    assert len(form.row_buttons) == len(actions) == 7
    # a thank-you after a referral (C0013) and after a no (C0028), not only after a meeting
    thanks = form.rows[form.rows["action"] == "thank_you"]
    assert sorted(thanks.contact_id) == ["C0013", "C0028", "C0046"]
    labels = [box.children[0].value for box in form.rows_box.children]
    assert any("Dev Patel" in t and "answered (reply_no) on 2026-06-22" in t for t in labels)
    assert any("Olivia Chen" in t and "connect on LinkedIn" in t for t in labels)
    written = []
    while form.row_buttons:
        row = form.rows.iloc[0]
        form.row_buttons[0].click()
        assert form.status_level == "ok", form.status_message
        new = rows_on_disk(log).iloc[-1]
        assert (new.contact_id, new.kind, new.date) == (row.contact_id,
                                                        ACTION_KINDS[row.action], TODAY)
        written.append(new.kind)
    assert sorted(written) == sorted(ACTION_KINDS[a] for a in actions)
    assert "Nothing due" in form.summary.value


def test_due_today_note_goes_with_the_next_entry(log):
    form = DueTodayForm(log, as_of=TODAY)
    form.controls["notes"].value = "Called instead"
    form.row_buttons[0].click()
    assert rows_on_disk(log).iloc[-1].notes == "Called instead"
    assert form.controls["notes"].value == ""


def test_calendar_export(log):
    form = CalendarForm(log, as_of=TODAY)
    assert "Theo Lambert" in form.meetings.value and "Tue 22 Sep 2026, 16:00" in \
        form.meetings.value
    form.value = {"file": "my.ics"}
    result = form.submit()
    text = (log.folder / "my.ics").read_text(encoding="utf-8")
    assert result.saved and text.count("BEGIN:VEVENT") == 7 + 3   # 7 due, 3 meetings
    assert plan_on_disk(log)["calendar"]["file"] == "my.ics"


def test_edit_and_delete_a_contact_with_confirmation(log):
    form = EditContactForm(log)
    form.controls["contact_id"].value = "C0016"
    assert "6 interactions" in form.info.value
    form.value = {"role": "Senior Clinical Data Analyst"}
    assert form.submit().saved
    contacts = rows_on_disk(log, S.CONTACTS_FILE).set_index("contact_id")
    assert contacts.loc["C0016", "role"] == "Senior Clinical Data Analyst"
    form.buttons["delete"].click()
    assert form.status_level == "warning" and "has 6 interactions" in form.status_message
    assert "C0016" in set(rows_on_disk(log, S.CONTACTS_FILE).contact_id)
    form.controls["contact_id"].value = "C0016"
    form.controls["confirm"].value = 6
    form.buttons["delete"].click()
    assert form.status_level == "ok" and "6 interactions" in form.status_message
    assert "C0016" not in set(rows_on_disk(log, S.CONTACTS_FILE).contact_id)
    assert "C0016" not in set(rows_on_disk(log).contact_id)
    form.value = {"added_on": "yesterday"}
    bad = form.submit()
    assert not bad.saved and "added_on" in form.status_message


def test_edit_and_delete_an_interaction(log):
    form = EditInteractionForm(log)
    form.controls["contact_id"].value = "C0046"
    assert form.controls["interaction_id"].value == "I00197"  # newest logged first: a lead
    form.controls["interaction_id"].value = "I00192"          # the meeting
    form.value = {"notes": "Paid fellowship; apply in January."}
    form.submit()
    rows = rows_on_disk(log).set_index("interaction_id")
    assert rows.loc["I00192", "notes"] == "Paid fellowship; apply in January."
    form.buttons["delete"].click()
    assert form.status_level == "warning" and "I00192" in set(rows_on_disk(log).interaction_id)
    form.controls["confirm_delete"].value = True
    form.buttons["delete"].click()
    assert "I00192" not in set(rows_on_disk(log).interaction_id)
    assert form.controls["interaction_id"].value == "I00197"   # back to the newest logged


def test_restore_brings_back_the_version_before_a_change(log):
    before = (log.folder / S.CONTACTS_FILE).read_bytes()
    log.update_contact("C0001", role="Changed")
    form = RestoreForm(log)
    name = form.controls["backup"].value
    assert "update contact c0001" in form.controls["backup"].label.lower()
    assert "49 people" in form.compare.value
    result = form.submit()
    assert not result.saved and "tick" in form.status_message
    form.controls["confirm"].value = True
    assert form.submit().saved and name in form.status_message
    assert (log.folder / S.CONTACTS_FILE).read_bytes() == before
    assert form.controls["confirm"].value is False


def test_plot_overview_draws_four_charts_even_for_an_empty_log(log, empty_log_dir):
    fig = plot_overview(log, as_of=TODAY)
    titled = [ax for ax in fig.axes if ax.get_title()]
    assert len(titled) == 4 and "21 of 40 targets met" in titled[0].get_title()
    empty = plot_overview(ContactLog.open(empty_log_dir), as_of=TODAY)
    assert len([ax for ax in empty.axes if ax.get_title()]) == 4
