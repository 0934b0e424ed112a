"""What every form shares (``forms/_base.py``): errors shown in the status, not raised,
and forms linked to one contact choice."""
from __future__ import annotations

from infoint_nb.forms import (AddContactForm, GoalsForm, MeetingBriefForm, QuestionPlanForm,
                              ResearchForm)
from infoint_nb.forms.prepare import link_contacts
from .conftest import TODAY, _fill


def test_validation_error_is_shown_not_raised(empty):
    form = AddContactForm(empty)
    _fill(form, name="X", linkedin_url="https://www.linkedin.com/in/x")
    form.submit()
    form.controls["name"].value = "Y"
    form.controls["linkedin_url"].value = "https://www.linkedin.com/in/x"
    result = form.submit()  # same LinkedIn URL: a duplicate, reported in the status
    assert not result.saved and "LinkedIn URL" in form.status_message


def test_unexpected_errors_show_a_short_message(sample, monkeypatch):
    form = GoalsForm(sample)

    def boom(*a, **k):
        raise RuntimeError("disk on fire")
    monkeypatch.setattr(sample, "save_plan_section", boom)
    result = form.submit()
    assert not result.saved and form.status_level == "error"
    assert form.status_message.startswith("Something unexpected went wrong (RuntimeError: "
                                          "disk on fire)")


def test_linked_forms_follow_one_choice(log):
    research = ResearchForm(log, as_of=TODAY)
    questions = QuestionPlanForm(log, as_of=TODAY)
    brief = MeetingBriefForm(log, as_of=TODAY)
    link_contacts(research, questions, brief)
    questions.controls["contact_id"].value = "C0045"
    assert research.contact_id == brief.contact_id == "C0045"
    assert research.value["website"].startswith("brightline.example")
    assert questions.value["minutes"] == 20 and "Owen Brandt" in brief.preview.value
