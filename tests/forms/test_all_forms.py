"""Every form at once: the lazy package lists them all, each opens on an empty log
and puts every control, preview, button and status on screen."""
from __future__ import annotations

import subprocess
import sys

import pytest

from infoint_nb import ContactLog
from infoint_nb import schema as S
from infoint_nb.forms import (CalendarForm, DueTodayForm, EditContactForm, EditInteractionForm,
                              InterviewAnswersForm, LeadForm, LogisticsForm, LogTableForm,
                              MeetingBriefForm, MeetingDayForm, PitchForm, QuestionPlanForm,
                              RecordMeetingForm, ReferralForm, ResearchForm, RestoreForm,
                              ThankYouForm, UpdateScheduleForm)
from .conftest import TODAY, rows_on_disk


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


ALL_FORMS = [LogTableForm, DueTodayForm, CalendarForm, EditContactForm, EditInteractionForm,
             RestoreForm, ResearchForm, QuestionPlanForm, PitchForm, InterviewAnswersForm,
             LogisticsForm, MeetingBriefForm, MeetingDayForm, ThankYouForm,
             RecordMeetingForm, ReferralForm, UpdateScheduleForm, LeadForm]


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
