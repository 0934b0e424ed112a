"""Notebook 05's forms (``forms/prepare.py``): research, question plan, pitch,
answers, logistics and the meeting brief."""
from __future__ import annotations

from infoint_nb import planning as P
from infoint_nb.forms import (InterviewAnswersForm, LogisticsForm, MeetingBriefForm, PitchForm,
                              QuestionPlanForm, ResearchForm)
from .conftest import TODAY, plan_on_disk


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
