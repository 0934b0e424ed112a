"""Forms of notebooks 01–03 driven without a browser: set values, submit, read the files."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys

import pandas as pd
import pytest

from infoint_nb import ContactLog
from infoint_nb import planning as P
from infoint_nb import schema as S
from infoint_nb.forms import (AddContactForm, CallOutcomeForm, EmployersForm, GoalsForm,
                              LetterForm, NetworkAskForm, PhoneScriptForm, ProfileForm,
                              ScheduleMeetingForm, SearchPlanForm)


def _plan(folder):
    return json.loads((folder / S.PLAN_FILE).read_text(encoding="utf-8"))


def _csv(folder, name):
    return pd.read_csv(folder / name, dtype=str, keep_default_na=False)


@pytest.fixture
def sample(sample_log_dir):
    return ContactLog.open(sample_log_dir)


@pytest.fixture
def empty(empty_log_dir):
    return ContactLog.open(empty_log_dir)


def _fill(form, **values):
    for k, v in values.items():
        form.controls[k].value = v


# --- package -----------------------------------------------------------------------
def test_forms_package_is_lazy_and_lists_every_form():
    code = ("import sys, infoint_nb, infoint_nb.forms as f; "
            "assert 'ipywidgets' not in sys.modules, 'eager'; "
            "from infoint_nb.forms import LetterForm; "
            "assert 'ipywidgets' not in sys.modules, 'loaded before a form is built'; "
            "print(' '.join(f.__all__))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    for name in ("GoalsForm", "EmployersForm", "SearchPlanForm", "NetworkAskForm",
                 "AddContactForm", "LetterForm", "PhoneScriptForm", "CallOutcomeForm",
                 "ScheduleMeetingForm"):
        assert name in out.split()
    import infoint_nb.forms as forms
    with pytest.raises(AttributeError, match="no attribute 'NopeForm'"):
        forms.NopeForm


# --- goals -------------------------------------------------------------------------
def test_goals_form_saves_and_reopens(empty):
    form = GoalsForm(empty)
    _fill(form, business="edtech", positions="UX researcher", how_long="3 years",
          purpose="application advice", places="Chicago\nEvanston", flexibility="nearby")
    result = form.submit()
    assert result.saved and form.status_level in ("ok", "info")
    assert "Saved goals in plan.json" in form.status_message
    saved = _plan(empty.folder)["goals"]
    assert saved["business"] == "edtech" and saved["purpose"] == "application advice"
    assert saved["places"] == "Chicago\nEvanston"
    again = GoalsForm(ContactLog.open(empty.folder))
    assert again.value == form.value


def test_goals_draft_failing_checks_is_saved_with_problems(empty):
    form = GoalsForm(empty)
    form.controls["places"].value = "Chicago"
    result = form.submit()
    assert result.saved and not result.ok and form.status_level == "error"
    assert "draft" in form.status_message
    assert "kind of business" in form.status.value
    assert _plan(empty.folder)["goals"]["places"] == "Chicago"


def test_goals_warn_when_targets_spread(empty):
    for i, city in enumerate(["Chicago, IL", "Boston, MA", "Denver, CO", "Austin, TX"]):
        empty.add_contact(name=f"Person {i}", location=city, priority=2)
    empty.add_contact(name="Network only", location="Paris")  # not a target: ignored
    form = GoalsForm(empty)
    form.controls["places"].value = "Chicago"
    assert 'data-check="contacts_spread"' in form.live.value
    assert "spread over 4 places" in form.live.value and "Paris" not in form.live.value
    _fill(form, business="x", positions="y")
    result = form.submit()
    assert result.level == "warning"
    assert any(c.name == "contacts_spread" and not c.ok for c in result.checks)


def test_goals_sample_opens_full(sample):
    form = GoalsForm(sample)
    assert form.controls["business"].value.startswith("Edtech companies")
    assert form.controls["places"].value == "Chicago\nEvanston"
    assert "Zürich 1" in form.live.value  # the one target outside the plan's places


# --- employers ---------------------------------------------------------------------
def test_employers_form_ranks_saves_and_grows(empty):
    form = EmployersForm(empty)
    assert form.n_rows == EmployersForm.START_ROWS
    _fill(form, employer_0="Kiteboard", motivation_0=2, postings_0=1,
          employer_1="Brightline", motivation_1=3,
          employer_2="Cobalt", motivation_2=2, postings_2=3, notes_2="two postings")
    assert form.ranking.value.index("Brightline") < form.ranking.value.index(
        "Cobalt") < form.ranking.value.index("Kiteboard")
    form.buttons["add_rows"].click()
    assert form.n_rows == EmployersForm.START_ROWS + 5
    form.controls[f"employer_{form.n_rows - 1}"].value = "Last one"
    result = form.submit()
    assert result.saved and "Saved 4 employers" in form.status_message
    rows = _plan(empty.folder)["employers"]["rows"]
    assert [r["employer"] for r in rows] == ["Kiteboard", "Brightline", "Cobalt", "Last one"]
    assert rows[2] == {"employer": "Cobalt", "motivation": 2, "advocacy": 0, "postings": 3,
                       "notes": "two postings"}
    assert result.level == "info"  # fewer than five employers: a hint, not a problem
    again = EmployersForm(ContactLog.open(empty.folder))
    assert again.value == form.value


def test_employers_sample_opens_with_its_list(sample):
    form = EmployersForm(sample)
    ranked = form.ranked()
    assert len(ranked) == 12 and ranked[0]["employer"] == "Brightline Learning"
    assert form.n_rows > 12


# --- search plan and network ask -----------------------------------------------------
def test_search_plan_form(sample):
    form = SearchPlanForm(sample)
    counts = P.count_contacts_by_channel(sample.contacts[S.SOURCE])
    assert f"LinkedIn: {counts['linkedin']}" in form.counts.value
    _fill(form, company_sites="", linkedin="", alumni="", associations="", everyone="")
    assert 'data-check="channels"' in form.live.value
    result = form.submit()
    assert result.saved and result.level == "warning"
    form.controls["linkedin"].value = "Search research ops in Chicago"
    form.controls["everyone"].value = "Ask my old colleagues"
    form.controls["per_week"].value = 8
    result = form.submit()
    assert result.level == "ok"
    saved = _plan(sample.folder)["search_plan"]
    assert saved["linkedin"] == "Search research ops in Chicago" and saved["per_week"] == 8


def test_network_ask_form_preview_and_checks(empty):
    form = NetworkAskForm(empty)
    _fill(form, role="data analyst", field="public health", place="Chicago")
    assert form.preview.value.startswith("Do you know anyone who works as a data analyst in "
                                         "public health in or around Chicago?")
    assert form.preview.disabled
    result = form.submit()
    assert result.level == "ok"
    assert _plan(empty.folder)["network_ask"]["text"] == form.preview.value
    form.controls["reason"].value = "I need a job."
    result = form.submit()
    assert result.level == "warning"
    assert any(c.name == "not_a_job_request" and not c.ok for c in result.checks)


# --- add contact -------------------------------------------------------------------
def test_add_contact_writes_then_clears(empty):
    form = AddContactForm(empty)
    _fill(form, name="Dana Whitfield", company="Civic Sightline", source="personal_network",
          phone="0041 61 555 01 02", priority="2", notes="Taught down the hall")
    result = form.submit()
    assert result.ok and result.data["contact_id"]
    assert form.status_message.startswith(f"Added Dana Whitfield as {result.data['contact_id']}")
    c = _csv(empty.folder, S.CONTACTS_FILE)
    row = c[c[S.NAME] == "Dana Whitfield"].iloc[0]
    assert row[S.COMPANY] == "Civic Sightline" and row[S.PHONE] == "0041 61 555 01 02"
    assert row[S.PRIORITY] == "2" and row[S.SOURCE] == "personal_network"
    assert form.controls["name"].value == "" and form.controls["notes"].value == ""
    assert form.controls["source"].value == "personal_network"  # sticky for the next person
    # the new person can now be chosen as a referrer
    assert result.data["contact_id"] in [v for _, v in form.controls["referred_by"].options]


def test_add_contact_without_name_keeps_a_draft(empty):
    form = AddContactForm(empty)
    form.controls["company"].value = "Kiteboard"
    result = form.submit()
    assert not result.saved and form.status_level == "error"
    assert "Type the person's name" in form.status.value
    assert len(_csv(empty.folder, S.CONTACTS_FILE)) == 0
    assert _plan(empty.folder)["drafts"]["AddContactForm"]["company"] == "Kiteboard"
    again = AddContactForm(ContactLog.open(empty.folder))
    assert again.controls["company"].value == "Kiteboard"
    again.controls["name"].value = "Ben"
    assert again.submit().ok
    assert _plan(empty.folder)["drafts"]["AddContactForm"] == {}


def test_add_contact_duplicate_then_different_person(empty):
    first = empty.add_contact(name="Sam Okafor", company="Tessera", email="sam@t.example")
    form = AddContactForm(empty)
    assert form.controls["different_person"].layout.display == "none"
    _fill(form, name="Sam Okafor", company="Tessera", role="Director")
    result = form.submit()
    assert not result.saved and form.status_level == "error"
    assert first in form.status_message and "different person" in form.status_message
    assert form.controls["different_person"].layout.display == ""
    assert form.controls["role"].value == "Director"  # nothing typed is lost
    assert len(_csv(empty.folder, S.CONTACTS_FILE)) == 1
    form.controls["different_person"].value = True
    assert "different_person" not in form.value  # never kept in a draft
    result = form.submit()
    assert result.ok and len(_csv(empty.folder, S.CONTACTS_FILE)) == 2
    assert form.controls["different_person"].value is False
    assert form.controls["different_person"].layout.display == "none"


def test_add_contact_warns_when_citing_without_yes(empty):
    form = AddContactForm(empty)
    _fill(form, name="Nora", mutual_connection="Sam Okafor", cite_permission="asked")
    assert "Do not name Sam Okafor" in form.live.value
    result = form.submit()
    assert result.saved and result.level == "warning"
    assert _csv(empty.folder, S.CONTACTS_FILE)[S.CITE_PERMISSION].tolist() == ["asked"]
    form.controls["mutual_connection"].value = "Wen Li"
    form.controls["cite_permission"].value = "yes"
    assert "Do not name" not in form.live.value


def test_validation_error_is_shown_not_raised(empty):
    form = AddContactForm(empty)
    _fill(form, name="X", linkedin_url="https://www.linkedin.com/in/x")
    form.submit()
    form.controls["name"].value = "Y"
    form.controls["linkedin_url"].value = "https://www.linkedin.com/in/x"
    result = form.submit()  # same LinkedIn URL: a duplicate, reported in the status
    assert not result.saved and "LinkedIn URL" in form.status_message


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


def test_unexpected_errors_show_a_short_message(sample, monkeypatch):
    form = GoalsForm(sample)

    def boom(*a, **k):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr(sample, "save_plan_section", boom)
    result = form.submit()
    assert not result.saved and form.status_level == "error"
    assert form.status_message.startswith("Something unexpected went wrong (RuntimeError: "
                                          "disk on fire)")


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


def test_network_ask_opens_in_the_mail_program_and_saves_a_draft_file(sample):
    import email
    import html
    from email import policy

    from infoint_nb import drafts as D
    from infoint_nb.forms._drafting import OPEN_IN_MAIL, SAVE_DRAFT_FILE
    form = NetworkAskForm(sample, as_of="2026-09-18")
    assert form.controls["to"].value == ""                       # nobody yet
    assert form.buttons["save_file"].description == SAVE_DRAFT_FILE
    row = form.widget.children[-2]                                # buttons, link between them
    assert [c.description for c in row.children if hasattr(c, "on_click")] == [
        "Save my ask", SAVE_DRAFT_FILE]
    assert row.children[1] is form.mail_link and "Log" not in str(form.buttons)
    _fill(form, role="UX researcher", field="health care", place="Chicago")
    ask = form.preview.value
    href = html.unescape(form.mail_link.value.split("href='", 1)[1].split("'", 1)[0])
    assert OPEN_IN_MAIL in form.mail_link.value
    got = D.parse_mailto(href)
    assert got["to"] == "" and got["subject"] == D.subject_for("network_ask")
    assert got["body"].startswith("Hello,\n\n" + ask + "\n\n")    # nobody chosen: no name
    # to one person in the log: their address and a greeting by name
    form.controls["to"].value = "C0014"                           # Dana Whitfield
    got = D.parse_mailto(html.unescape(form.mail_link.value.split("href='", 1)[1]
                                       .split("'", 1)[0]))
    assert got["to"] == sample.raw_contacts.set_index("contact_id").loc["C0014", "email"]
    assert got["body"].startswith("Dear Dana,\n\n" + ask)
    before = _csv(sample.folder, S.INTERACTIONS_FILE)
    form.buttons["save_file"].click()
    assert form.status_level == "ok" and "Saved the draft file" in form.status_message
    assert form.last_draft_path == sample.folder / "drafts" / "C0014-network_ask-2026-09-18.eml"
    msg = email.message_from_bytes(form.last_draft_path.read_bytes(), policy=policy.default)
    assert msg["X-Unsent"] == "1" and "Dana Whitfield" in msg["To"]
    assert msg.get_content().replace("\r\n", "\n").rstrip("\n") == got["body"]
    # back to nobody: the file is named for the network, with no To at all
    form.controls["to"].value = ""
    form.buttons["save_file"].click()
    assert form.last_draft_path.name == "network-network_ask-2026-09-18.eml"
    msg = email.message_from_bytes(form.last_draft_path.read_bytes(), policy=policy.default)
    assert msg["X-Unsent"] == "1" and not msg["To"]
    # drafting logs nothing, and whom it went to is not saved with the ask
    assert _csv(sample.folder, S.INTERACTIONS_FILE).equals(before)
    assert form.submit().saved and "to" not in _plan(sample.folder)["network_ask"]


def test_network_ask_to_a_contact_with_a_broken_address_says_so(sample):
    sample.update_contact("C0014", email="dana at civic")
    form = NetworkAskForm(sample)
    form.controls["to"].value = "C0014"
    assert "is not an e-mail address" in form.mail_link.value
    form.buttons["save_file"].click()
    assert form.status_level == "error" and "is not an e-mail address" in form.status_message
    assert not (sample.folder / "drafts").exists()


def test_find_forms_spell_their_labels_for_the_profile_locale(sample):
    assert AddContactForm(sample).controls["company"].description == "Organization"
    assert NetworkAskForm(sample).controls["organisations"].description == (
        "Organizations (optional)")
    sample.save_plan_section("profile", {"locale": "en-GB"})
    assert AddContactForm(sample).controls["company"].description == "Organisation"
    assert "programme" in AddContactForm(sample).controls["notes"].placeholder
    assert NetworkAskForm(sample).controls["organisations"].description == (
        "Organisations (optional)")
