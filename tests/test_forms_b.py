"""Forms of notebooks 04–07, driven without a browser on a copy of the sample log.

Each test sets ``.value`` or controls, clicks buttons or calls ``submit()``, then
reads ``plan.json`` and the CSV files back from disk.
"""
from __future__ import annotations

import json

import pandas as pd
import pytest

from infoint_nb import ContactLog, metrics
from infoint_nb import planning as P
from infoint_nb import schema as S
from infoint_nb.forms import (CalendarForm, DueTodayForm, EditContactForm,
                              EditInteractionForm, InterviewAnswersForm, LogisticsForm,
                              LogTableForm, MeetingBriefForm, MeetingDayForm, PitchForm,
                              QuestionPlanForm, RecordMeetingForm, ReferralForm,
                              ResearchForm, RestoreForm, ThankYouForm, UpdateScheduleForm,
                              LeadForm)
from infoint_nb.forms.prepare import link_contacts
from infoint_nb.forms.track import ACTION_KINDS, filter_log, plot_overview

TODAY = "2026-09-18"  # the sample's last day
ALL_FORMS = [LogTableForm, DueTodayForm, CalendarForm, EditContactForm, EditInteractionForm,
             RestoreForm, ResearchForm, QuestionPlanForm, PitchForm, InterviewAnswersForm,
             LogisticsForm, MeetingBriefForm, MeetingDayForm, ThankYouForm,
             RecordMeetingForm, ReferralForm, UpdateScheduleForm, LeadForm]


@pytest.fixture
def log(sample_log_dir):
    return ContactLog.open(sample_log_dir)


def plan_on_disk(log) -> dict:
    return json.loads((log.folder / S.PLAN_FILE).read_text(encoding="utf-8"))


def rows_on_disk(log, name=S.INTERACTIONS_FILE) -> pd.DataFrame:
    return pd.read_csv(log.folder / name, dtype=str, keep_default_na=False,
                       encoding="utf-8-sig")


#: What submit() says on a new, empty log (None: it saves).
EMPTY_LOG_SUBMIT = {
    LogTableForm: None, DueTodayForm: None, CalendarForm: None,
    EditContactForm: "Choose a contact first.",
    EditInteractionForm: "Choose an interaction first.",
    RestoreForm: "There is no earlier version to restore yet.",
    ReferralForm: "Not saved yet: fix what is marked below.",
    LeadForm: "Not saved yet: fix what is marked below.",
}


@pytest.mark.parametrize("cls", ALL_FORMS, ids=lambda c: c.__name__)
def test_every_form_opens_on_an_empty_log_and_says_what_is_wrong(cls, empty_log_dir):
    log = ContactLog.open(empty_log_dir)
    form = cls(log)
    assert form.widget is not None and isinstance(form.value, dict)
    assert form.status_level != "error", form.status_message
    result = form.submit()
    expected = EMPTY_LOG_SUBMIT.get(cls, "Choose a")
    if expected is None:
        assert result.saved, result.message
    else:
        assert not result.saved and result.level == "error"
        assert form.status_message.startswith(expected), form.status_message
    assert rows_on_disk(log, S.CONTACTS_FILE).empty and rows_on_disk(log).empty


def _tree(widget) -> set[int]:
    seen = {id(widget)}
    for child in getattr(widget, "children", ()):
        seen |= _tree(child)
    return seen


@pytest.mark.parametrize("cls", ALL_FORMS, ids=lambda c: c.__name__)
def test_every_control_preview_button_and_status_is_on_screen(cls, log):
    import ipywidgets as w
    form = cls(log, as_of=TODAY) if cls not in (EditContactForm, EditInteractionForm,
                                                RestoreForm) else cls(log)
    shown = _tree(form.widget)
    parts = {name: v for name, v in vars(form).items()
             if isinstance(v, w.DOMWidget) and name != "widget"}
    parts.update({f"control {k}": v for k, v in form.controls.items()})
    parts.update({f"button {k}": v for k, v in form.buttons.items()})
    missing = sorted(name for name, v in parts.items() if id(v) not in shown)
    assert not missing


# --- 05 prepare ----------------------------------------------------------------------------
def test_prepare_forms_open_on_the_next_meeting_and_remember_research(log):
    form = ResearchForm(log, as_of=TODAY)
    assert form.contact_id == "C0042"  # Theo Lambert, video call on 22 September
    assert "Kiteboard" in form.known.value and "Tuesday, September 22, 2026" in form.known.value
    form.value = {"news": "Won an award", "mission": "Learning for all", "shared": ""}
    result = form.submit()
    assert result.saved and result.level == "info" and "Saved research for Theo Lambert" in \
        form.status_message
    saved = plan_on_disk(log)["research"]["C0042"]
    assert saved["news"] == "Won an award" and saved["mission"] == "Learning for all"
    assert "contact_id" not in saved
    again = ResearchForm(log, contact_id="C0042")
    assert again.value["news"] == "Won an award"
    assert ResearchForm(log, contact_id="C0012").value["news"].startswith("Big portal launch")


def test_unknown_contact_id_is_reported_not_raised(log):
    form = ResearchForm(log, contact_id="C9999", as_of=TODAY)
    assert form.status_level == "warning" and "C9999" in form.status_message
    assert form.contact_id == "C0042"


def test_question_plan_builds_orders_and_saves(log):
    form = QuestionPlanForm(log, contact_id="C0012")  # nothing saved for Rafael yet
    assert [q["text"] for q in form.value["questions"]] == [
        q["text"] for q in P.starter_questions()]
    form.controls["bank_group"].value = "chances"
    bank = form.controls["bank"]
    assert bank.options and all(P.QUESTION_BANK[k]["group"] == "chances" for _, k in
                                bank.options)
    starter = {q["text"] for q in P.starter_questions()}
    assert not any(P.QUESTION_BANK[k]["text"] in starter for _, k in bank.options)
    picked = (bank.options[0][1], bank.options[1][1])
    bank.value = picked
    form.buttons["add_bank"].click()
    assert [q["text"] for q in form.value["questions"][-2:]] == [
        P.question_bank()[k]["text"] for k in picked]   # en-US spelling by default
    assert not set(picked) & {k for _, k in bank.options}
    assert "Added 2 questions from the bank" in form.status_message
    form.value = {"new_text": "How do patients join your studies?", "new_group": "field",
                  "new_priority": 1, "new_warm_up": False}
    form.buttons["add_new"].click()
    assert form.value["new_text"] == "" and form.status_level == "info"
    assert form.value["questions"][-1] == {"text": "How do patients join your studies?",
                                           "group": "field", "priority": 1,
                                           "warm_up": False, "wind_down": False}
    form.buttons["add_new"].click()  # empty text
    assert form.status_level == "error" and "question text is empty" in form.status_message
    form._rows[0].remove.click()
    form.controls["minutes"].value = 30
    assert len(form.value["questions"]) == 15
    assert form.plan_view.value.count("if time") == 2  # 11 main questions, 9 fit in 30 min
    result = form.submit()
    assert result.saved and result.level == "warning"  # 11 > 10: saved as a draft
    assert "Saved as a draft" in form.status_message
    saved = plan_on_disk(log)["questions"]["C0012"]
    assert saved["minutes"] == 30 and len(saved["questions"]) == 15
    assert "bank" not in saved and "bank_group" not in saved
    again = QuestionPlanForm(log, contact_id="C0012")
    assert again.value["questions"] == saved["questions"]
    plan = again.plan()
    assert plan.main[0].warm_up and [q.priority for q in plan.main[1:]] == sorted(
        q.priority for q in plan.main[1:])


def test_question_plan_keeps_a_broken_row_as_a_draft_with_the_problem(log):
    form = QuestionPlanForm(log, contact_id="C0042")
    form._rows[2].text.value = "   "
    result = form.submit()
    assert result.saved and result.level == "error"
    assert "question 3: the question text is empty" in form.status.value
    assert plan_on_disk(log)["questions"]["C0042"]["questions"][2]["text"] == "   "


def test_pitch_gauge_and_shared_parts_carry_over(log):
    form = PitchForm(log, contact_id="C0042")
    assert "38.1 s" in form.gauge.value and form.preview.disabled
    form.value = {"what_you_want": "I want to build things.", "wpm": 120}
    text = form.preview.value
    assert "I want to build things." in text and text.startswith("I've taught maths")
    assert f"{P.pitch_seconds(text, 120):g} s" in form.gauge.value
    form.submit()
    assert "mission" in {c.name for c in form.last_result.checks if not c.ok}
    saved = plan_on_disk(log)["pitch"]["C0042"]
    assert saved["text"] == text and saved["wpm"] == 120
    form.controls["contact_id"].value = "C0012"  # nothing saved: shared parts stay
    assert form.value["where_you_are"].startswith("I've taught maths")
    assert form.value["what_you_want"] == "" and form.value["wpm"] == 120


def test_answers_and_logistics(log):
    answers = InterviewAnswersForm(log, contact_id="C0045")
    assert answers.value["education"].startswith("B.S. in mathematics")
    answers.value = {"their_business": "Tutoring platform"}
    assert answers.submit().level == "ok"
    assert plan_on_disk(log)["answers"]["C0045"]["their_business"] == "Tutoring platform"
    logistics = LogisticsForm(log, contact_id="C0022")  # met at Daily Grind Café
    assert logistics.value["venue"] == "cafe"
    assert logistics.controls["pay"].layout.display == ""
    logistics.value = {"venue": "workplace"}
    assert logistics.controls["pay"].layout.display == "none"
    assert logistics.controls["dress"].description == "Dress as for a job interview"
    logistics.value = {k: True for k in ("arrive_early", "confirm", "resume", "cards",
                                         "notes", "watch", "dress")}
    assert logistics.submit().checks[0].ok
    assert plan_on_disk(log)["logistics"]["C0022"]["venue"] == "workplace"


def test_brief_is_written_into_the_log_folder(log):
    form = MeetingBriefForm(log, as_of=TODAY)
    assert form.contact_id == "C0042" and "<iframe srcdoc=" in form.preview.value
    result = form.submit()
    assert result.saved and result.level == "ok"
    path = log.folder / "briefs" / "C0042.html"
    doc = path.read_text(encoding="utf-8")
    assert "Meeting brief: Theo Lambert" in doc
    assert "How does Kiteboard measure whether students actually learn more" in doc
    assert "Help every teacher see what their students are really learning" in doc
    assert "Video call (link in email)" in doc and "30 minutes" in doc
    assert plan_on_disk(log)["briefs"]["C0042"]["file"] == "briefs/C0042.html"
    assert str(path) in form.status_message


def test_linked_forms_follow_one_choice(log):
    research = ResearchForm(log, as_of=TODAY)
    questions = QuestionPlanForm(log, as_of=TODAY)
    brief = MeetingBriefForm(log, as_of=TODAY)
    link_contacts(research, questions, brief)
    questions.controls["contact_id"].value = "C0045"
    assert research.contact_id == brief.contact_id == "C0045"
    assert research.value["website"].startswith("brightline.example")
    assert questions.value["minutes"] == 20 and "Owen Brandt" in brief.preview.value


# --- 06 meeting ----------------------------------------------------------------------------
def test_meeting_day_budget_and_notes(log):
    form = MeetingDayForm(log, as_of=TODAY)
    assert form.contact_id == "C0042" and form.planned_
    assert "Theo Lambert" in form.header.value and "Your pitch" in form.header.value
    assert "data-phase='questions'" in form.budget.value
    texts = list(form.note_boxes)
    first = texts[0]
    form.note_boxes[first].value = "Via a bootcamp"
    assert "[warm-up · priority 2 · asked]" in form._labels[first].value
    form.controls["elapsed"].value = 20
    budget = form.budget_now()
    assert budget.phase == "questions" and first not in budget.keep + budget.drop
    assert any("drop" in form._labels[t].value for t in budget.drop)
    form.controls["elapsed"].value = 27
    assert "data-phase='wind_down'" in form.budget.value
    form.value = {"summary": "Good talk"}
    result = form.submit()
    assert result.saved and "notebook 07" in form.status_message
    saved = plan_on_disk(log)["meeting_notes"]["C0042"]
    assert saved["notes"] == {first: "Via a bootcamp"} and saved["elapsed"] == 27
    again = MeetingDayForm(log, as_of=TODAY)
    assert again.note_boxes[first].value == "Via a bootcamp"
    assert again.controls["elapsed"].value == 27


def test_meeting_day_without_a_plan_shows_the_starter_questions(log):
    form = MeetingDayForm(log, contact_id="C0012", as_of=TODAY)
    assert not form.planned_ and "No question plan saved" in form.header.value
    assert list(form.note_boxes) == [q.text for q in P.plan_questions(
        P.starter_questions(), minutes=20).questions]


# --- 07 follow-up --------------------------------------------------------------------------
def test_thank_you_cites_notes_and_logs_sent(log):
    form = ThankYouForm(log, as_of=TODAY)
    assert form.contact_id == "C0046"  # met Olivia Chen on 17 September
    text = form.preview.value
    assert text.startswith("Dear Olivia,") and "Civic Sightline" in text
    assert "applications open in January" in text and text.endswith("Rosa Delgado")
    assert "due by Friday, September 18, 2026" in form.due.value
    assert not [c for c in form.checks(form.value) if not c.ok]
    due = metrics.followups_due(log.contacts, log.interactions, as_of=TODAY)
    assert ((due.contact_id == "C0046") & (due.action == "thank_you")).any()
    form.buttons["log_sent"].click()
    assert form.status_level == "ok" and "Logged the thank-you" in form.status_message
    rows = rows_on_disk(log)
    new = rows.iloc[-1]
    assert (new.contact_id, new.kind, new.date, new.channel) == ("C0046", "thank_you",
                                                                TODAY, "email")
    assert "applications open in January" in new.notes
    assert plan_on_disk(log)["thank_you"]["C0046"]["interaction_id"] == new.interaction_id
    log.reload()
    due = metrics.followups_due(log.contacts, log.interactions, as_of=TODAY)
    assert not ((due.contact_id == "C0046") & (due.action == "thank_you")).any()
    assert "Sent" in form.due.value
    form.buttons["log_sent"].click()  # a second click adds nothing
    assert len(rows_on_disk(log)) == len(rows) and "already logged" in form.status_message


def test_thank_you_for_someone_new_starts_from_the_logged_notes(log):
    form = ThankYouForm(log, contact_id="C0016", as_of=TODAY)
    assert form.value["points"].splitlines() == [
        "Clinical data means messy EHR extracts; SQL is a must, Epic certification helps",
        "Suggested Nkechi at Prairie Shore for patient-experience research"]
    assert form.value["referrals"] == "Nkechi Adeyemi"
    assert "suggesting I speak with Nkechi Adeyemi" in form.preview.value


def test_record_meeting_adds_a_note_then_updates_the_same_row(log):
    form = RecordMeetingForm(log, as_of=TODAY)
    assert form.contact_id == "C0046" and form.value["channel"] == "phone"
    assert form.value["text"].startswith("Friendly and very practical")
    assert "adds a note row" in form.where.value
    before = len(rows_on_disk(log))
    assert form.submit().saved
    rows = rows_on_disk(log)
    assert len(rows) == before + 1 and rows.iloc[-1].kind == "note"
    iid = rows.iloc[-1].interaction_id
    form.value = {"text": "Shorter notes."}
    form.submit()
    rows = rows_on_disk(log)
    assert len(rows) == before + 1
    assert rows.set_index("interaction_id").loc[iid, "notes"] == "Shorter notes."
    assert f"updated the notes of {iid}" in form.status_message


def test_record_meeting_logs_a_meeting_not_yet_held(log):
    form = RecordMeetingForm(log, contact_id="C0042", as_of="2026-09-23")
    assert form.value["held_on"] == "2026-09-22" and form.value["channel"] == "video"
    assert "logs the meeting as held" in form.where.value
    form.value = {"text": "Learning gains are measured with district tests."}
    form.submit()
    new = rows_on_disk(log).iloc[-1]
    assert (new.kind, new.date, new.channel) == ("meeting_held", "2026-09-22T16:00", "video")
    empty = RecordMeetingForm(log, contact_id="C0012", as_of=TODAY)
    empty.value = {"text": "  "}
    result = empty.submit()
    assert not result.saved and "Nothing to write yet" in empty.status_message


def test_referral_is_added_linked_and_the_form_clears(log):
    form = ReferralForm(log, as_of=TODAY)
    assert form.value["referred_by"] == "C0046"
    form.value = {"name": "Maya Ruiz", "company": "City Data Office", "cite_permission": "yes",
                  "email": "maya.ruiz@city.example"}
    result = form.submit()
    assert result.saved and "tell Olivia Chen" in form.status_message
    new = rows_on_disk(log, S.CONTACTS_FILE).iloc[-1]
    assert (new["name"], new.referred_by, new.source, new.mutual_connection,
            new.cite_permission, new.added_on) == ("Maya Ruiz", "C0046", "referral",
                                                   "Olivia Chen", "yes", TODAY)
    assert form.value["name"] == "" and form.value["referred_by"] == "C0046"
    assert "Maya Ruiz" in form.known.value
    form.value = {"name": "Maya Ruiz", "company": "City Data Office"}
    dup = form.submit()
    assert not dup.saved and "looks like the same person" in form.status_message
    assert form.controls["different_person"].layout.display == ""
    form.value = {"different_person": True}
    assert form.submit().saved
    assert (rows_on_disk(log, S.CONTACTS_FILE)["name"] == "Maya Ruiz").sum() == 2


def test_update_schedule_opens_on_what_is_due_and_logs_an_update(log):
    form = UpdateScheduleForm(log, as_of=TODAY)
    assert form.contact_id == "C0016"  # Aisha: tell her how it went with Nkechi
    assert "tell referrer" in form.schedule_view.value
    assert "Since Wednesday, July 8, 2026" in form.schedule_view.value
    assert "I met Nkechi at Prairie Shore" in form.preview.value
    form.buttons["log_sent"].click()
    assert form.status_level == "ok"
    new = rows_on_disk(log).iloc[-1]
    assert (new.contact_id, new.kind, new.date) == ("C0016", "update", TODAY)
    log.reload()
    due = metrics.followups_due(log.contacts, log.interactions, as_of=TODAY)
    assert not (due.contact_id == "C0016").any()
    assert plan_on_disk(log)["updates"]["C0016"]["schedule"][0]["due_on"] == "2026-12-17"
    before = len(rows_on_disk(log))
    form.buttons["log_sent"].click()
    assert len(rows_on_disk(log)) == before and "already logged" in form.status_message
    form.value = {"every_days": 60}
    form.submit()
    assert plan_on_disk(log)["updates"]["C0016"]["schedule"][0]["due_on"] == "2026-11-17"


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


# --- issue 13: drafts, thank-yous after any answer, LinkedIn, leads -----------------------------
def _href(form) -> str:
    import html
    return html.unescape(form.mail_link.value.split("href='", 1)[1].split("'", 1)[0])


def test_thank_you_after_a_no_and_its_draft_file(log):
    import email
    from email import policy

    from infoint_nb import drafts as D
    form = ThankYouForm(log, contact_id="C0018", as_of=TODAY)  # said no on 11 June
    assert form.occasion() == "reply_no"
    assert form.meeting_day().isoformat() == "2026-06-11"
    assert "Sent</b> on Thursday, June 11, 2026" in form.due.value  # the sample thanked her
    assert "cannot fit a meeting in now" in form.preview.value
    assert form.linkedin.value == ""  # no meeting: no LinkedIn step yet
    assert D.parse_mailto(_href(form))["body"] == form.preview.value
    before = rows_on_disk(log)
    form.buttons["save_file"].click()
    assert form.status_level == "ok"
    msg = email.message_from_bytes(form.last_draft_path.read_bytes(), policy=policy.default)
    assert msg["X-Unsent"] == "1" and msg["Subject"].startswith("Thank you for your time")
    assert rows_on_disk(log).equals(before)  # logging stays a separate step
    form.buttons["log_sent"].click()
    assert rows_on_disk(log).iloc[-1].kind == "thank_you"


def test_thank_you_after_a_referral_thanks_for_the_name(log):
    form = ThankYouForm(log, contact_id="C0002", as_of=TODAY)
    assert form.occasion() == "reply_referral"
    assert "for pointing me to" in form.preview.value


def test_thank_you_after_a_meeting_suggests_connecting_on_linkedin(log):
    form = ThankYouForm(log, as_of=TODAY)
    assert form.contact_id == "C0046"
    value = form.linkedin.value
    assert "connect on LinkedIn" in value
    assert "href='https://www.linkedin.com/in/olivia-chen-example'" in value
    assert "thank you again for talking with me on Thursday about Civic Sightline" in value
    assert len(form.linkedin_note()) <= 300
    # the note in sentences, no bullets pasted from the notes
    assert "\n- " not in form.preview.value


def test_update_form_tells_the_referrer_or_writes_an_update_with_a_draft(log):
    from infoint_nb import drafts as D
    form = UpdateScheduleForm(log, as_of=TODAY)
    assert form.contact_id == "C0016" and form.value["write"] == "tell_referrer"
    assert "suggesting I get in touch with Nkechi Adeyemi" in form.preview.value
    assert form.draft().kind == "tell_referrer"
    assert D.parse_mailto(_href(form))["subject"] == "Thank you for the introduction"
    form.controls["write"].value = "update"
    assert "When we spoke in July, you told me that SQL is a must" in form.preview.value
    form.buttons["save_file"].click()
    assert form.last_draft_path.name == f"C0016-update-{TODAY}.eml"
    form.controls["channel"].value = "letter"
    form.buttons["save_file"].click()
    assert form.last_draft_path.name == f"C0016-update-{TODAY}.html"


def test_lead_form_logs_a_lead_record_and_lists_it(log):
    from infoint_nb import metrics
    form = LeadForm(log, as_of=TODAY)
    assert form.controls["contact_id"].value == "C0046"  # the person met last
    assert "Leads so far (3)" in form.leads_view.value    # the sample's own
    assert "Nkechi Adeyemi (Prairie Shore Health)" in form.leads_view.value
    form.controls["opening"].value = "Evaluation fellow, applications open in January"
    form.controls["link"].value = "careers.example/fellows"
    result = form.submit()
    assert not result.saved and "does not start with https://" in form.status.value
    form.controls["link"].value = "https://careers.example/fellows"
    result = form.submit()
    assert result.saved and result.level == "ok"
    new = rows_on_disk(log).iloc[-1]
    assert (new.contact_id, new.kind, new.date) == ("C0046", S.LEAD, TODAY)
    assert new.notes == ("Evaluation fellow, applications open in January — "
                         "https://careers.example/fellows")
    assert "Leads so far (4)" in form.leads_view.value
    assert "Olivia Chen (Civic Sightline)" in form.leads_view.value
    assert form.controls["opening"].value == ""  # cleared for the next one
    log.reload()
    table = metrics.leads(log.contacts, log.interactions, as_of=TODAY)
    assert list(table.columns) == list(metrics.LEAD_COLUMNS) and len(table) == 4
    assert table[S.INTERACTION_ID].iloc[0] == new.interaction_id   # newest first
    assert len(metrics.leads(log.contacts, log.interactions, as_of="2026-09-17")) == 3
    # a lead is a record: it changes nobody's response numbers
    assert S.LEAD in S.RECORD_KINDS and S.LEAD not in S.RESPONSE_KINDS + S.ATTEMPT_KINDS
    s = metrics.summarize(log.contacts, log.interactions, as_of=TODAY)
    log.delete_interaction(new.interaction_id)
    assert metrics.summarize(log.contacts, log.interactions, as_of=TODAY) == s


def test_follow_up_forms_write_dates_in_the_profile_locale(log):
    log.save_plan_section("profile", {"locale": "en-GB"})
    form = ThankYouForm(log, as_of=TODAY)
    assert "due by Friday 18 September 2026" in form.due.value
    updates = UpdateScheduleForm(log, as_of=TODAY)
    assert "Since Wednesday 8 July 2026" in updates.schedule_view.value


def test_question_bank_and_brief_follow_the_profile_locale(log):
    # en-US (no locale in the profile): American spelling in the bank and the brief
    form = QuestionPlanForm(log, contact_id="C0012", as_of=TODAY)
    assert form.controls["bank_group"].options[0][0] == "The field and the organization"
    bank = [label for label, _ in form.controls["bank"].options]
    assert any("organization" in t for t in bank) and not any("organisation" in t for t in bank)
    brief = MeetingBriefForm(log, as_of=TODAY)
    assert "<h2>The organization</h2>" in brief.brief()
    # en-GB: British spelling everywhere the toolkit writes the words
    log.save_plan_section("profile", {"locale": "en-GB"})
    form = QuestionPlanForm(log, contact_id="C0012", as_of=TODAY)
    assert form.controls["bank_group"].options[0][0] == "The field and the organisation"
    bank = [label for label, _ in form.controls["bank"].options]
    assert any("organisation" in t for t in bank) and not any("organization" in t for t in bank)
    k = next(k for _, k in form.controls["bank"].options
             if "organisation" in P.QUESTION_BANK[k]["text"])
    form.controls["bank"].value = (k,)
    form.buttons["add_bank"].click()
    assert form.value["questions"][-1]["text"] == P.QUESTION_BANK[k]["text"]
    assert "<h2>The organisation</h2>" in MeetingBriefForm(log, as_of=TODAY).brief()
