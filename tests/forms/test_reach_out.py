"""Notebook 03's forms (``forms/reach_out.py``): letter, profile, phone script, call
outcome, scheduling a meeting."""
from __future__ import annotations

import datetime as dt

from infoint_nb import planning as P
from infoint_nb import schema as S
from infoint_nb.forms import (CallOutcomeForm, LetterForm, PhoneScriptForm, ProfileForm,
                              ScheduleMeetingForm)
from .conftest import _csv, _fill, _plan


# --- letter ------------------------------------------------------------------------
def test_letter_form_sample_opens_on_latest_draft(sample):
    form = LetterForm(sample)
    assert form.contact_id == "C0048"
    assert form.controls["recipient_name"].value == "Mr Karim"
    assert form.preview.disabled and form.preview.value.startswith("Dear Mr Karim,")
    assert form.buttons["log_sent"].description == "Log as sent"
    assert 'infoint-check-warning' not in form.live.value


def test_letter_switching_contacts_loads_or_carries_over(sample):
    form = LetterForm(sample)
    form.controls["contact_id"].value = "C0020"
    assert form.controls["short"].value is True
    assert form.controls["connection"].value.startswith("Priya Raman suggested")
    # Ibrahim (C0015) has no letter yet: your own parts carry over, his are prefilled
    form.controls["contact_id"].value = "C0015"
    assert form.controls["sender_name"].value == "Rosa Delgado"
    assert form.controls["why_person"].value == ""
    assert form.controls["recipient_name"].value == "Ibrahim"  # first name: no title known
    assert form.controls["connection"].value == "Dana Whitfield suggested I get in touch with you."
    assert "Dana Whitfield suggested" in form.preview.value


def test_letter_live_checks_follow_typing(sample):
    form = LetterForm(sample)
    form.controls["contact_id"].value = "C0033"  # Nora: Sam has not answered yet
    assert 'data-check="connection"' in form.live.value
    form.controls["connection"].value = "Sam Okafor suggested I write."
    assert "infoint-check-error" in form.live.value
    assert "they have not answered yet" in form.live.value
    form.controls["connection"].value = ""
    form.controls["ask"].value = "Could we grab a coffee?"
    assert "Say &quot;informational interview&quot;" in form.live.value or \
        'Say "informational interview"' in form.live.value
    form.controls["short"].value = True
    assert 'data-check="short_email"' in form.live.value


def test_letter_save_draft_with_problems(sample):
    form = LetterForm(sample)
    form.controls["contact_id"].value = "C0033"
    form.controls["connection"].value = "Sam Okafor suggested I write."
    result = form.submit()
    assert result.saved and not result.ok and form.status_level == "error"
    saved = _plan(sample.folder)["letters"]["C0033"]
    assert saved["connection"] == "Sam Okafor suggested I write."
    assert saved["sender_name"] == "Rosa Delgado"
    assert "contact_id" not in saved
    # the sample's other letters are untouched
    assert _plan(sample.folder)["letters"]["C0001"]["recipient_name"] == "Ms Raman"


def test_letter_log_as_sent_records_outreach_and_due_date(sample):
    form = LetterForm(sample)
    before = len(_csv(sample.folder, S.INTERACTIONS_FILE))
    form.controls["sent_on"].value = dt.date(2026, 9, 21)
    form.buttons["log_sent"].click()
    i = _csv(sample.folder, S.INTERACTIONS_FILE)
    assert len(i) == before + 1
    row = i.iloc[-1]
    assert (row[S.CONTACT_ID], row[S.KIND], row[S.CHANNEL], row[S.DATE]) == (
        "C0048", "outreach", "email", "2026-09-21")
    assert form.status_level == "ok"
    assert "Follow up on Thursday, October 1, 2026" in form.status_message
    letter = _plan(sample.folder)["letters"]["C0048"]
    assert letter["logged_interaction_id"] == row[S.INTERACTION_ID]
    assert letter["follow_up_due"] == "2026-10-01"
    # a second click the same day adds nothing
    form.buttons["log_sent"].click()
    assert len(_csv(sample.folder, S.INTERACTIONS_FILE)) == before + 1
    assert form.status_level == "warning" and "Already logged" in form.status_message
    assert "not contacted yet" not in form.card.value


def test_letter_log_as_sent_defaults_to_today_and_letter_channel(sample):
    form = LetterForm(sample)
    form.controls["contact_id"].value = "C0049"
    form.controls["channel"].value = "letter"
    result = form.log_sent()
    assert result.saved
    row = _csv(sample.folder, S.INTERACTIONS_FILE).iloc[-1]
    assert row[S.DATE] == dt.date.today().isoformat() and row[S.CHANNEL] == "letter"
    assert result.level == "warning"  # Imani's draft has no time window
    assert "had problems" in form.status_message


def test_letter_on_empty_log_explains_instead_of_failing(empty):
    form = LetterForm(empty)
    assert form.contact_id is None
    assert "Nobody selected" in form.card.value
    result = form.submit()
    assert not result.saved and "Choose a contact first" in form.status_message
    form.buttons["log_sent"].click()
    assert form.status_level == "error" and "Choose who you wrote to" in form.status_message
    assert "Traceback" not in form.status.value


# --- phone script ------------------------------------------------------------------
def test_phone_script_form(sample):
    form = PhoneScriptForm(sample)
    assert form.contact_id == "C0041"
    view = form.script_view.value
    assert "I wrote to you on August 17" in view
    for label in ("If they say yes", "If they say no", "If it is still no"):
        assert label in view
    # a contact with a letter but no script: prefilled from the letter
    form.controls["contact_id"].value = "C0048"
    assert form.controls["recipient_name"].value == "Mr Karim"
    assert form.controls["why_person"].value.startswith("As research operations coordinator")
    assert form.controls["minutes"].value == 15  # carried over from the last script
    form.controls["minutes"].value = 20
    assert form.submit().level == "ok"
    assert _plan(sample.folder)["phone_scripts"]["C0048"]["minutes"] == 20
    form.controls["sender_name"].value = ""
    assert "Type your name" in form.script_view.value
    assert form.submit().level == "error"


# --- call outcomes and meetings ------------------------------------------------------
def test_call_outcome_logs_and_clears(sample):
    form = CallOutcomeForm(sample)
    _fill(form, contact_id="C0003", outcome=S.MESSAGE_LEFT, date=dt.date(2026, 9, 18),
          notes="Left it with his assistant")
    result = form.submit()
    assert result.ok
    row = _csv(sample.folder, S.INTERACTIONS_FILE).iloc[-1]
    assert (row[S.CONTACT_ID], row[S.KIND], row[S.CHANNEL], row[S.DATE], row[S.NOTES]) == (
        "C0003", "message_left", "phone", "2026-09-18", "Left it with his assistant")
    assert "Next try around Monday, September 28, 2026" in form.status_message
    assert form.controls["notes"].value == ""
    assert form.controls["contact_id"].value == "C0003"  # sticky
    assert form.controls["date"].value == dt.date(2026, 9, 18)  # sticky
    form.controls["outcome"].value = S.SNAFU
    form.submit()
    assert _csv(sample.folder, S.INTERACTIONS_FILE).iloc[-1][S.KIND] == "snafu"
    assert "send it again now" in form.status_message


def test_call_outcome_without_contacts(empty):
    form = CallOutcomeForm(empty)
    result = form.submit()
    assert not result.saved and "Choose who it was" in form.status.value


def test_schedule_meeting_writes_scheduled_row(sample):
    form = ScheduleMeetingForm(sample)
    _fill(form, contact_id="C0048", agreed_on=dt.date(2026, 9, 22),
          meeting_day=dt.date(2026, 9, 29), meeting_time="4:30 pm", channel="video",
          place="https://meet.example/kiteboard", minutes=20)
    result = form.submit()
    assert result.ok, form.status_message
    row = _csv(sample.folder, S.INTERACTIONS_FILE).iloc[-1]
    assert row[S.KIND] == "meeting_scheduled" and row[S.DATE] == "2026-09-22"
    assert row[S.SCHEDULED_FOR] == "2026-09-29T16:30" and row[S.CHANNEL] == "video"
    assert row[S.PLACE] == "https://meet.example/kiteboard"
    assert row[S.NOTES] == "20 minutes; their choice of time and place"
    assert "Tuesday, September 29, 2026 at 16:30" in form.status_message
    assert form.controls["meeting_day"].value is None and form.controls["place"].value == ""


def test_schedule_meeting_rejects_bad_time_and_warns_on_length(sample):
    form = ScheduleMeetingForm(sample)
    before = len(_csv(sample.folder, S.INTERACTIONS_FILE))
    _fill(form, contact_id="C0048", meeting_day=dt.date(2026, 9, 29), meeting_time="half past",
          place="Kiteboard office")
    result = form.submit()
    assert not result.saved and "not a time of day" in form.status.value
    assert len(_csv(sample.folder, S.INTERACTIONS_FILE)) == before
    assert form.controls["meeting_time"].value == "half past"  # kept for fixing
    _fill(form, meeting_time="09:00", minutes=60)
    result = form.submit()
    assert result.saved and result.level == "warning"
    assert "ask for 15 to 30 minutes" in form.status.value


# --- issue 13: drafts for the mail program ------------------------------------------------
def test_letter_form_has_mail_link_and_save_draft_file_next_to_log_as_sent(sample):
    import email
    from email import policy

    from infoint_nb import drafts as D
    from infoint_nb.forms.reach_out import OPEN_IN_MAIL, SAVE_DRAFT_FILE
    form = LetterForm(sample)
    assert form.contact_id == "C0048"
    assert form.buttons["save_file"].description == SAVE_DRAFT_FILE == "Save draft file"
    row = form.widget.children[-2]  # the button row, with the link between the buttons
    assert [c.description for c in row.children if hasattr(c, "on_click")] == [
        "Save draft", "Save draft file", "Log as sent"]
    assert row.children[1] is form.mail_link
    # the link opens the mail program with exactly the previewed text
    href = form.mail_link.value.split("href='", 1)[1].split("'", 1)[0]
    import html
    link = html.unescape(href)
    assert OPEN_IN_MAIL in form.mail_link.value
    assert D.parse_mailto(link) == {"to": "yusuf.karim@kiteboard.example",
                                    "subject": D.subject_for("outreach", company="Kiteboard"),
                                    "body": form.preview.value}
    before = _csv(sample.folder, S.INTERACTIONS_FILE)
    form.buttons["save_file"].click()
    assert form.status_level == "ok" and "Saved the draft file" in form.status_message
    path = form.last_draft_path
    assert path.parent == sample.folder / "drafts" and path.suffix == ".eml"
    msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert msg["X-Unsent"] == "1"
    # the same file comes back as a download (the app cannot open the log folder)
    import base64
    import re
    got = re.search(r'href="data:message/rfc822;base64,([^"]+)" download="([^"]+)"',
                    form.mail_link.value)
    assert got and got.group(2) == path.name
    assert base64.b64decode(got.group(1)) == path.read_bytes()
    assert msg.get_content().replace("\r\n", "\n").rstrip("\n") == form.preview.value
    # saving a draft file logs nothing: that stays a separate step
    assert _csv(sample.folder, S.INTERACTIONS_FILE).equals(before)
    # a postal letter gets a printable page instead of an e-mail
    form.controls["channel"].value = "letter"
    assert "A postal letter" in form.mail_link.value
    form.buttons["save_file"].click()
    assert form.last_draft_path.suffix == ".html"
    page = form.last_draft_path.read_text(encoding="utf-8")
    assert "<div class='recipient'>Yusuf Karim\nKiteboard" in page


def test_profile_form_feeds_the_letter_resume_and_locale(sample):
    (sample.folder / "cv.pdf").write_bytes(b"%PDF-1.4 cv")
    profile = ProfileForm(sample)
    _fill(profile, name="Rosa Delgado", email="rosa.delgado@mail.example",
          resume_path="missing.pdf", locale="en-GB")
    assert "No file at" in profile.live.value
    result = profile.submit()
    assert result.saved and result.level == "error"
    profile.controls["resume_path"].value = "cv.pdf"
    assert profile.submit().level == "ok"
    assert _plan(sample.folder)["profile"]["resume_path"] == "cv.pdf"
    form = LetterForm(sample)
    form.controls["contact_id"].value = "C0015"  # no letter yet: prefilled
    assert form.controls["resume"].value.startswith("I attach my résumé")
    assert "I attach my résumé" in form.preview.value
    assert form.draft().attachments == (sample.folder / "cv.pdf",)
    assert "week of " in form.controls["follow_up"].value
    day = form.controls["follow_up"].value.split("week of ")[1].split(" to")[0]
    assert day.split()[0].isdigit()  # en-GB: the day first
    assert "cannot carry your résumé" in form.mail_link.value


def test_letter_prefill_greets_by_title_and_surname_and_says_how_you_found_them(sample):
    sample.update_contact("C0015", name="Dr. Ibrahim Haddad")
    form = LetterForm(sample)
    form.controls["contact_id"].value = "C0015"
    assert form.controls["recipient_name"].value == "Dr. Haddad"
    assert form.preview.value.startswith("Dear Dr. Haddad,\n")
    source = _csv(sample.folder, S.CONTACTS_FILE).set_index(S.CONTACT_ID).loc["C0015",
                                                                              S.SOURCE]
    from infoint_nb import planning as P
    assert form.controls["how_found"].value == P.suggest_how_found(
        source, company="Open Door Food Network")


def test_letter_flags_a_follow_up_inside_the_window(sample):
    form = LetterForm(sample)
    _fill(form, time_window="I am free between 5 and 16 October.",
          follow_up="I will call you in the week of 12 October.")
    assert 'data-check="follow_up_after_window"' in form.live.value
    assert "infoint-check-warning" in form.live.value
    form.controls["follow_up"].value = "I will call you in the week of 19 October."
    assert "falls inside" not in form.live.value


def test_phone_script_form_shows_the_assistant_branch_first(sample):
    form = PhoneScriptForm(sample)
    view = form.script_view.value
    assert view.index("If an assistant or receptionist answers") < view.index(
        "When they pick up")


def test_suggested_follow_up_moves_after_the_window_you_type(sample):
    form = LetterForm(sample)
    form.controls["contact_id"].value = "C0039"  # nothing saved: the form suggests
    form.controls["sent_on"].value = dt.date(2026, 10, 1)
    assert form.controls["follow_up"].value == (
        "If it suits you, I will give you a call in the week of October 11 to find a time.")
    form.controls["time_window"].value = "I am free between 5 and 16 October."
    assert form.controls["follow_up"].value == (
        "If it suits you, I will give you a call in the week of October 17 to find a time.")
    assert "falls inside" not in form.live.value
    # once you write your own follow-up, the form leaves it alone
    form.controls["follow_up"].value = "I will call you on 14 October."
    form.controls["time_window"].value = "I am free between 5 and 20 October."
    assert form.controls["follow_up"].value == "I will call you on 14 October."
    assert 'data-check="follow_up_after_window"' in form.live.value
