"""Notebook 01's forms (``forms/goals.py``): goals and target employers."""
from __future__ import annotations

from infoint_nb import ContactLog
from infoint_nb.forms import EmployersForm, GoalsForm
from .conftest import _fill, _plan


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
