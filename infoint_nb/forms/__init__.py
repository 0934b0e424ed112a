"""Widget forms for the campaign notebooks, one class per form.

Importing this package is light: each form's module (and ipywidgets) is imported
on first access, e.g. ``from infoint_nb.forms import LetterForm``. Every form is
built as ``SomeForm(log)`` and exposes ``.widget``, ``.value`` (a dict),
``.controls`` (name → widget) and ``submit()``; see :mod:`infoint_nb.forms._base`.

==========================  ==========================================  ==========
Form                        What it does                                Notebook
==========================  ==========================================  ==========
GoalsForm                   interests, places, spread warning           01
EmployersForm               LAMP-ranked target employers                01
SearchPlanForm              where to look for people, per channel       02
NetworkAskForm              the specific ask to everyone you know       02
AddContactForm              add a person to the log (entry form)        02
ImportForm                  LinkedIn / spreadsheet / vCard import       02
LetterForm                  outreach letter/e-mail, "Log as sent"       03
PhoneScriptForm             the phone follow-up with its branches       03
CallOutcomeForm             quick logging of attempts (entry form)      03
ScheduleMeetingForm         the meeting they agreed to (entry form)     03
ProfileForm                 your details, résumé and locale for drafts  03
LogTableForm                the log as a filterable table               04
DueTodayForm                what is due, one click to log it done       04
CalendarForm                meetings ahead, ``.ics`` export             04
EditContactForm             edit or delete a contact                    04
EditInteractionForm         edit or delete an interaction               04
RestoreForm                 bring back an earlier version (backups)     04
ActivityImportForm          log mail, LinkedIn messages, calendar       04
ResearchForm                notes on the organisation and the person    05
QuestionPlanForm            8–10 questions, ordered, fitted to the time 05
PitchForm                   30–45 s elevator pitch with a gauge         05
InterviewAnswersForm        answers for when they interview you         05
LogisticsForm               what to bring, wear and do                  05
MeetingBriefForm            the printable one-page brief (HTML)         05
MeetingDayForm              questions, time budget, notes per question  06
ThankYouForm                thank-you citing your notes, "log sent"     07
RecordMeetingForm           meeting notes into the log                  07
ReferralForm                add people they suggested (entry form)      07
UpdateScheduleForm          updates every few months, "log sent"        07
LeadForm                    job leads a contact mentioned (entry form)  07
ReportForm                  render the report, open it, download it     08
ExportForm                  the log as .xlsx or zipped CSV, downloaded  08
==========================  ==========================================  ==========
"""
from __future__ import annotations

import importlib

# form name → module in this package. Add new forms here (one line each).
_FORMS: dict[str, str] = {
    # --- goals, finding people, reaching out (01–03) ---
    "GoalsForm": "goals",
    "EmployersForm": "goals",
    "SearchPlanForm": "find",
    "NetworkAskForm": "find",
    "AddContactForm": "find",
    "ImportForm": "importing",
    "LetterForm": "reach_out",
    "PhoneScriptForm": "reach_out",
    "CallOutcomeForm": "reach_out",
    "ScheduleMeetingForm": "reach_out",
    "ProfileForm": "reach_out",
    # --- track, prepare, meeting, follow-up (04–07) ---
    "LogTableForm": "track",
    "DueTodayForm": "track",
    "CalendarForm": "track",
    "EditContactForm": "track",
    "EditInteractionForm": "track",
    "RestoreForm": "track",
    "ActivityImportForm": "activity",
    "ResearchForm": "prepare",
    "QuestionPlanForm": "prepare",
    "PitchForm": "prepare",
    "InterviewAnswersForm": "prepare",
    "LogisticsForm": "prepare",
    "MeetingBriefForm": "prepare",
    "MeetingDayForm": "meeting",
    "ThankYouForm": "follow_up",
    "RecordMeetingForm": "follow_up",
    "ReferralForm": "follow_up",
    "UpdateScheduleForm": "follow_up",
    "LeadForm": "follow_up",
    # --- the report and exports (08) ---
    "ReportForm": "report",
    "ExportForm": "report",
}
_BASE: dict[str, str] = {
    "Form": "_base",
    "EntryForm": "_base",
    "FormResult": "_base",
    "require_widgets": "_base",
}

__all__ = list(_FORMS) + list(_BASE)


def __getattr__(name: str):
    module = _FORMS.get(name) or _BASE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f".{module}", __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__():
    return sorted(set(globals()) | set(__all__))
