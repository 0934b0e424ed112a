"""Notebook 07's forms (``forms/follow_up.py``): thank-you, recording a meeting,
referrals, updates and leads."""
from __future__ import annotations

from infoint_nb import metrics
from infoint_nb import schema as S
from infoint_nb.forms import (LeadForm, RecordMeetingForm, ReferralForm, ThankYouForm,
                              UpdateScheduleForm)
from .conftest import TODAY, plan_on_disk, rows_on_disk


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
