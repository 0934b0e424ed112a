"""Notebook 06's form (``forms/meeting.py``): the meeting day."""
from __future__ import annotations

from infoint_nb import planning as P
from infoint_nb.forms import MeetingDayForm
from .conftest import TODAY, plan_on_disk


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
