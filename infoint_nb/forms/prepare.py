"""Notebook 05 — prepare: research, questions, pitch, answers, logistics, the brief.

Every form here is about one person (a ``contact_id`` dropdown) and opens on the
person you meet next, unless ``contact_id=`` says otherwise. :func:`link_contacts`
keeps the dropdowns of several forms on the same person.

Controls (``form.controls[name]``) and ``plan.json`` sections, one entry per contact:

ResearchForm (``research``)
    ``website``, ``news``, ``org_notes``, ``background``, ``achievements``,
    ``shared`` and ``mission``; what the log already says is shown beside them.
QuestionPlanForm (``questions``)
    ``minutes`` (agreed length) and the list of questions, one row each (text,
    group, priority, warm-up, wind-down; in ``form.value["questions"]``). A bank to
    pick from (``bank_group``, ``bank``, button ``add_bank``) and a line for your own
    (``new_text``, ``new_group``, ``new_priority``, ``new_warm_up``, ``new_wind_down``,
    button ``add_new``). The plan in order, with what fits the time, is shown read-only.
PitchForm (``pitch``)
    ``where_you_are``, ``what_you_want``, ``hope_to_learn`` and ``wpm``; the pitch
    and its 30–45 s gauge are shown read-only.
InterviewAnswersForm (``answers``)
    ``education``, ``experience``, ``goals``, ``their_business``.
LogisticsForm (``logistics``)
    ``venue`` and one tick box per item of
    :func:`~infoint_nb.planning.logistics_checklist`.
MeetingBriefForm (``briefs``)
    Writes the one-page brief to ``<log>/briefs/<contact_id>.html`` and shows it.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from .. import planning as P
from .. import schema as S
from ..campaign import DEFAULT_MINUTES, _MINUTES_RE, _no_meeting  # noqa: F401
from ..errors import ParameterError
from ..store import write_atomically
from ._base import (ContactForm, FormResult, _as_of_date, _contact_row,  # noqa: F401
                    _given_as_of, _meeting_of, checks_html, link_contacts,
                    next_meeting_contact, profile_locale)
from ._base import _esc_quoted as _esc

__all__ = [
    "ResearchForm", "QuestionPlanForm", "PitchForm", "InterviewAnswersForm",
    "LogisticsForm", "MeetingBriefForm", "link_contacts", "latest_meeting",
    "next_meeting_contact", "ContactForm", "BRIEFS_DIRNAME", "DEFAULT_MINUTES",
]

#: Folder inside the log that holds the printable briefs.
BRIEFS_DIRNAME = "briefs"


# --- helpers shared by notebooks 05–07 ---------------------------------------------------
# (_as_of_date, _given_as_of, profile_locale, next_meeting_contact, link_contacts,
# ContactForm: in _base.py)


def latest_meeting(log, contact_id: str | None) -> dict:
    """What the log says about the latest meeting with ``contact_id``
    (:meth:`Campaign.latest_meeting <infoint_nb.campaign.Campaign.latest_meeting>`).

    Returns
    -------
    dict
        ``scheduled_for`` (Timestamp or None), ``when`` (text for people), ``place``,
        ``channel``, ``minutes`` (from the notes, else :data:`DEFAULT_MINUTES`),
        ``interaction_id`` of the ``meeting_scheduled`` row, and ``held_on``,
        ``held_id``, ``held_notes``, ``held_channel`` of the latest ``meeting_held``
        row (None or ``""`` when there is none).
    """
    if not contact_id:
        return _no_meeting()
    import datetime as _dt

    from ._facts import facts
    # the whole log is read, whatever the day: any of its campaigns answers the same
    return facts(log).campaign(_dt.date.today().isoformat()).latest_meeting(contact_id)


# --- research ---------------------------------------------------------------------------
class ResearchForm(ContactForm):
    """Notes on the organisation and the person, before you meet."""

    section = "research"
    title = "Research the organisation and the person"
    submit_label = "Save research notes"

    _HINTS = {
        "website": "e.g. Mission: 'learning tools teachers actually use'; 3 products; hiring page",
        "news": "e.g. Raised a Series B in May; new district partnership in Evanston",
        "org_notes": "e.g. 120 people; research sits inside Product; competitors: Brightline",
        "background": "e.g. Taught physics 6 years, then a data bootcamp; at Kiteboard since 2023",
        "achievements": "e.g. Wrote the blog post on measuring learning gains in pilots",
        "shared": "e.g. Both taught middle school; both live in Evanston",
    }

    def _build(self) -> None:
        self._contact_picker()
        for key, label in P.research_fields(locale=profile_locale(self.log)).items():
            self._text(key, label.split(":")[0], self._HINTS[key], area=True, rows=2)
        self._text("mission", "Their mission", "e.g. Help every teacher see what their "
                   "students actually learn")
        self.known = self._html("from-log")
        self.live = self._html("live-checks")

    def checks(self, value: dict) -> list[P.Check]:
        return P.check_research(value)

    def refresh(self) -> None:
        row = _contact_row(self.log, self.contact_id)
        meeting = _meeting_of(self.log, self.contact_id)
        facts = [("Organisation", row.get(S.COMPANY)), ("Role", row.get(S.ROLE)),
                 ("Industry", row.get(S.INDUSTRY)), ("Location", row.get(S.LOCATION)),
                 ("LinkedIn", row.get(S.LINKEDIN_URL)),
                 ("Shared connection", row.get(S.MUTUAL_CONNECTION)),
                 ("Your notes", row.get(S.NOTES)), ("Meeting", meeting["when"])]
        items = "".join(f"<li><b>{k}:</b> {_esc(v)}</li>" for k, v in facts if v)
        self.known.value = (f"<b>What your log says</b><ul>{items}</ul>" if items else
                            "<i>Nothing about this person in the log yet.</i>")
        self.live.value = checks_html(self.checks(self.value), passed=False)

    def _layout(self):
        w = self.w
        c = self.controls
        left = w.VBox([c[k] for k in ("website", "news", "org_notes", "mission")])
        right = w.VBox([c[k] for k in ("background", "achievements", "shared")])
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), c["contact_id"], self.known,
                       w.HTML(P.localize_spelling("<b>The organisation</b> and <b>the "
                                                  "person</b>",
                                                  locale=profile_locale(self.log))),
                       w.HBox([left, right]), self.live,
                       w.HBox(list(self.buttons.values())), self.status])


# --- questions --------------------------------------------------------------------------
_PRIORITY_OPTIONS = [("1 must ask", 1), ("2", 2), ("3", 3), ("4", 4), ("5 if time", 5)]
_GROUP_OPTIONS = [(label, key) for key, label in P.QUESTION_GROUPS.items()]
_GROUP_TAGS = [(tag, key) for key, tag in P.QUESTION_TAGS.items()]


class _QuestionRow:
    """The widgets of one question in :class:`QuestionPlanForm`."""

    def __init__(self, form: "QuestionPlanForm", q: dict):
        w = form.w
        look = _row_looks(form)
        self.text = w.Text(value=q["text"], **look["text"])
        self.group = w.Dropdown(options=_GROUP_TAGS, value=q["group"], **look["group"])
        self.priority = w.Dropdown(options=_PRIORITY_OPTIONS, value=q["priority"],
                                   **look["priority"])
        self.warm_up = w.Checkbox(value=q["warm_up"], description="warm-up", indent=False,
                                  **look["warm_up"])
        self.wind_down = w.Checkbox(value=q["wind_down"], description="wind-down",
                                    indent=False, **look["wind_down"])
        self.remove = w.Button(description="✕", tooltip="Remove this question",
                               **look["remove"])
        self.remove.add_class("infoint-button-remove")
        self.remove.on_click(lambda _b: form._remove_row(self))
        for ctl in (self.text, self.group, self.priority, self.warm_up, self.wind_down):
            ctl.observe(form._on_row_change, names="value")
        self.box = w.HBox([self.text, self.group, self.priority, self.warm_up,
                           self.wind_down, self.remove], **look["box"])
        self.box.add_class("infoint-question-row")

    def as_dict(self) -> dict:
        return {"text": self.text.value, "group": self.group.value,
                "priority": self.priority.value, "warm_up": self.warm_up.value,
                "wind_down": self.wind_down.value}


def _row_looks(form) -> dict:
    """The layout and style of each part of a question row, one set per form: the rows
    share them (none is ever changed alone), so a row costs a third of what it would."""
    looks = getattr(form, "_row_looks", None)
    if looks is None:
        w = form.w

        def look(cls, width):  # each widget class's own style class
            return {"layout": w.Layout(width=width),
                    "style": cls.class_traits()["style"].klass()}
        looks = form._row_looks = {
            "text": look(w.Text, "60%"), "group": look(w.Dropdown, "9em"),
            "priority": look(w.Dropdown, "8em"), "warm_up": look(w.Checkbox, "7em"),
            "wind_down": look(w.Checkbox, "8em"), "remove": look(w.Button, "3em"),
            "box": {"layout": w.Layout()},
        }
    return looks


class QuestionPlanForm(ContactForm):
    """Pick and order 8–10 questions and fit them to the minutes agreed."""

    section = "questions"
    title = "Plan your questions"
    submit_label = "Save question plan"
    transient = ("contact_id", "bank_group", "bank")

    def _build(self) -> None:
        w = self.w
        self._contact_picker()
        self._int("minutes", "Minutes agreed", value=DEFAULT_MINUTES, lo=5, hi=120)
        self._rows: list[_QuestionRow] = []
        self.rows_box = w.VBox([])
        self.rows_box.add_class("infoint-question-rows")
        groups = [(label, key) for key, label in P.question_groups(
            locale=profile_locale(self.log)).items()]
        self._dropdown("bank_group", "Bank: questions about", groups, value="field")
        bank = w.SelectMultiple(options=[], rows=8, description="Pick any",
                                style=self._style(), layout=w.Layout(width="95%"))
        self._register("bank", bank)
        self._button("add_bank", "Add picked questions", self.add_from_bank)
        self._text("new_text", "Your own question", "e.g. How do teachers react when a "
                   "product changes mid-year?")
        self._dropdown("new_group", "About", groups, value="field")
        self._dropdown("new_priority", "Priority", _PRIORITY_OPTIONS, value=2)
        self._checkbox("new_warm_up", "Warm-up (an easy opener)")
        self._checkbox("new_wind_down", "Wind-down (for the last minutes)")
        self._button("add_new", "Add my question", self.add_own)
        self._button("starter", "Start from the suggested set", self.use_starter)
        self.plan_view = self._html("plan")
        self.live = self._html("live-checks")

    # value = the controls + the list of questions
    def _extra_value(self) -> dict:
        return {"questions": [r.as_dict() for r in self._rows]}

    def _set_values(self, data: dict) -> None:
        super()._set_values(data)
        if isinstance(data, dict) and "questions" in data:
            self._set_rows(data.get("questions") or [])

    def _load_current(self) -> None:
        state = self.saved_state()
        if isinstance(state, dict):
            self._set_values(state)
            return
        reset = {k: v for k, v in self._defaults.items()
                 if k not in self.transient and k != "contact_id"}
        reset["minutes"] = _meeting_of(self.log, self.contact_id)["minutes"]
        reset["questions"] = (P.starter_questions(locale=profile_locale(self.log))
                              if self.contact_id else [])
        self._set_values(reset)

    def _set_rows(self, questions) -> None:
        rows = []
        for q in questions:
            try:
                q = P.normalize_question(q)
            except ParameterError:
                if not isinstance(q, dict):
                    continue
                q = {"text": str(q.get("text") or ""), "group": "field", "priority": 3,
                     "warm_up": bool(q.get("warm_up")), "wind_down": bool(q.get("wind_down"))}
            rows.append(_QuestionRow(self, q))
        self._rows = rows
        self.rows_box.children = [r.box for r in rows]

    def _on_row_change(self, change) -> None:
        if not self._loading:
            self._safe_refresh()

    def _remove_row(self, row: _QuestionRow) -> None:
        self._rows = [r for r in self._rows if r is not row]
        self.rows_box.children = [r.box for r in self._rows]
        self._safe_refresh()

    def _append(self, q: dict) -> bool:
        q = P.normalize_question(q)
        if any(r.text.value.strip().casefold() == q["text"].casefold() for r in self._rows):
            return False
        row = _QuestionRow(self, q)
        self._rows.append(row)
        self.rows_box.children = [r.box for r in self._rows]
        return True

    def add_from_bank(self) -> FormResult:
        """Add the questions picked in the bank to the plan (not saved until you save)."""
        picked = list(self.controls["bank"].value)
        bank = P.question_bank(locale=profile_locale(self.log))
        added = sum(self._append(bank[k]) for k in picked)
        self.controls["bank"].value = ()
        self._safe_refresh()
        msg = (f"Added {added} question{'s' if added != 1 else ''} from the bank; save the "
               "plan to keep them." if picked else "Pick one or more questions in the bank "
               "first (Ctrl- or Cmd-click to pick several).")
        return self.show_result(FormResult(bool(picked), False, "info" if picked else
                                           "warning", msg))

    def add_own(self) -> FormResult:
        """Add the question typed under "Your own question"."""
        c = self.controls
        q = {"text": c["new_text"].value, "group": c["new_group"].value,
             "priority": c["new_priority"].value, "warm_up": c["new_warm_up"].value,
             "wind_down": c["new_wind_down"].value}
        try:
            added = self._append(q)
        except ParameterError as exc:
            return self.show_result(FormResult(False, False, "error", str(exc)))
        if not added:
            return self.show_result(FormResult(False, False, "warning",
                                               "That question is in the plan already."))
        self._set_values({"new_text": "", "new_warm_up": False, "new_wind_down": False})
        self._safe_refresh()
        return self.show_result(FormResult(True, False, "info", "Added your question; save "
                                           "the plan to keep it."))

    def use_starter(self) -> FormResult:
        """Replace the list with the suggested starter set."""
        self._set_rows(P.starter_questions(locale=profile_locale(self.log)))
        self._safe_refresh()
        return self.show_result(FormResult(True, False, "info", "Suggested questions put in; "
                                           "edit them, then save the plan."))

    def plan(self, value: dict | None = None) -> P.QuestionPlan:
        """The ordered plan for ``value`` (default: what is typed now)."""
        v = self.value if value is None else value
        return P.plan_questions(v.get("questions") or [],
                                minutes=v.get("minutes") or DEFAULT_MINUTES)

    def checks(self, value: dict) -> list[P.Check]:
        try:
            return list(self.plan(value).checks)
        except ParameterError as exc:
            return [P.Check("questions", False, str(exc), "error")]

    def _bank_options(self):
        taken = {r.text.value.strip().casefold() for r in self._rows}
        group = self.controls["bank_group"].value
        out = []
        for k, q in enumerate(P.question_bank(locale=profile_locale(self.log))):
            if q["group"] != group or q["text"].casefold() in taken:
                continue
            tag = " (warm-up)" if q["warm_up"] else " (wind-down)" if q["wind_down"] else ""
            out.append((f"[{q['priority']}] {q['text']}{tag}", k))
        return out

    def refresh(self) -> None:
        bank = self.controls["bank"]
        options = self._bank_options()
        if [v for _, v in bank.options] != [v for _, v in options]:
            keep = tuple(v for v in bank.value if v in {k for _, k in options})
            was, self._loading = self._loading, True
            try:
                bank.options = options
                bank.value = keep
            finally:
                self._loading = was
        try:
            plan = self.plan()
        except ParameterError as exc:
            self.plan_view.value = f"<i>{_esc(exc)}</i>"
            self.live.value = ""
            return
        self.plan_view.value = _plan_html(plan)
        self.live.value = checks_html(list(plan.checks), passed=False)

    def _saved_message(self, value: dict, data: dict) -> str:
        n = len(value.get("questions") or [])
        return (f"Saved {n} question{'s' if n != 1 else ''} for "
                f"{self._contact_label(self.contact_id)}.")

    def _layout(self):
        w = self.w
        c, b = self.controls, self.buttons
        return w.VBox([
            w.HTML(f"<h3>{self.title}</h3>"), c["contact_id"], c["minutes"],
            w.HTML("<b>Your questions</b> (text, about, priority, warm-up, wind-down)"),
            self.rows_box, b["starter"],
            w.HTML("<b>Add from the bank</b>"), c["bank_group"], c["bank"], b["add_bank"],
            w.HTML("<b>Or write your own</b>"), c["new_text"], c["new_group"],
            c["new_priority"], c["new_warm_up"], c["new_wind_down"], b["add_new"],
            w.HTML("<b>The plan, in the order to ask</b>"), self.plan_view, self.live,
            b["submit"], self.status])


def _plan_html(plan: P.QuestionPlan) -> str:
    if not plan.questions:
        return "<i>No questions yet: add some from the bank or write your own.</i>"
    rows = []
    for q in plan.questions:
        style = "" if q.fits else "color:#777"
        tag = ("wind-down" if q.wind_down else "warm-up" if q.warm_up else
               P.QUESTION_TAGS[q.group])
        when = f"min {q.start_minute:g}" if q.fits else "if time"
        rows.append(f"<tr style='{style}'><td>{q.order}</td><td>{_esc(q.text)}</td>"
                    f"<td>{tag}</td><td>{q.priority}</td><td>{when}</td></tr>")
    return ("<table class='infoint-plan'><thead><tr><th>#</th><th>Question</th><th>Kind</th>"
            "<th>Priority</th><th>When</th></tr></thead><tbody>" + "".join(rows)
            + "</tbody></table>")


# --- pitch ------------------------------------------------------------------------------
def _gauge_html(seconds: float) -> str:
    """A 0–60 s bar with the 30–45 s band and a marker at ``seconds``."""
    lo, hi = P.PITCH_SECONDS
    span = 60.0
    at = min(seconds, span) / span * 100
    colour = "#1a7f37" if lo <= seconds <= hi else "#9a6700"
    return (
        "<div class='infoint-gauge' style='position:relative;width:24em;height:1.2em;"
        "background:#eee;border:1px solid #bbb'>"
        f"<div style='position:absolute;left:{lo / span * 100:.1f}%;width:"
        f"{(hi - lo) / span * 100:.1f}%;height:100%;background:#cde8d3'></div>"
        f"<div style='position:absolute;left:calc({at:.1f}% - 2px);width:4px;height:100%;"
        f"background:{colour}'></div></div>"
        f"<span style='color:{colour}'>About {seconds:g} s to say "
        f"(aim for {lo}–{hi} s)</span>")


class PitchForm(ContactForm):
    """Your 30–45 second introduction, framed to their mission."""

    section = "pitch"
    title = "Your elevator pitch"
    submit_label = "Save pitch"
    shared_fields = ("where_you_are", "hope_to_learn", "wpm")

    _LABELS = {"where_you_are": "Where you are", "what_you_want": "What you want, why them",
               "hope_to_learn": "What you hope to learn"}
    _HINTS = {
        "where_you_are": "e.g. I taught middle-school science for eight years and finished a "
                         "UX research certificate in May; I'm looking for my first research role.",
        "what_you_want": "e.g. I want to study how teachers really use learning tools — "
                         "which is what Kiteboard's pilots measure.",
        "hope_to_learn": "e.g. I'd love an insider's view of how your team runs classroom "
                         "studies, and what would make me a stronger candidate.",
    }

    def _build(self) -> None:
        self._contact_picker()
        for key in P.PITCH_PARTS:
            self._text(key, self._LABELS[key], self._HINTS[key], area=True, rows=3)
        ctl = self.w.IntSlider(value=P.SPEAKING_WPM, min=100, max=180, step=5,
                               description="Your pace (words/min)", style=self._style(),
                               layout=self.w.Layout(width="36em"))
        self._register("wpm", ctl)
        self.preview = self._preview("pitch", rows=5)
        self.gauge = self._html("gauge")
        self.live = self._html("live-checks")

    def text(self, value: dict | None = None) -> str:
        """The pitch for ``value`` (default: what is typed now)."""
        v = self.value if value is None else value
        return P.compose_pitch(**{k: v.get(k, "") for k in P.PITCH_PARTS})

    def mission(self) -> str:
        notes = self.log.plan_section("research", self.contact_id) if self.contact_id else None
        return str((notes or {}).get("mission", "")) if isinstance(notes, dict) else ""

    def checks(self, value: dict) -> list[P.Check]:
        return P.check_pitch(value, wpm=value.get("wpm") or P.SPEAKING_WPM,
                             mission=self.mission())

    def refresh(self) -> None:
        v = self.value
        text = self.text(v)
        self.preview.value = text
        self.gauge.value = _gauge_html(P.pitch_seconds(text, v.get("wpm") or P.SPEAKING_WPM))
        self.live.value = checks_html(self.checks(v), passed=False)

    def _save(self, value: dict) -> dict:
        data = {**value, "text": self.text(value)}
        return super()._save(data)

    def _layout(self):
        w = self.w
        c = self.controls
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), c["contact_id"],
                       *[c[k] for k in P.PITCH_PARTS], c["wpm"],
                       w.HTML("<b>Say it aloud</b>"), self.preview, self.gauge, self.live,
                       w.HBox(list(self.buttons.values())), self.status])


# --- answers ----------------------------------------------------------------------------
class InterviewAnswersForm(ContactForm):
    """Answers ready for when they interview you."""

    section = "answers"
    title = "If they interview you"
    submit_label = "Save answers"
    shared_fields = ("education", "experience", "goals")

    def _build(self) -> None:
        self._contact_picker()
        for key, label in P.INTERVIEW_TOPICS.items():
            head, prompt = label.split(": ", 1)
            self._text(key, head, prompt[0].upper() + prompt[1:], area=True, rows=3)
        self.live = self._html("live-checks")

    def checks(self, value: dict) -> list[P.Check]:
        return P.check_answers(value)

    def refresh(self) -> None:
        self.live.value = checks_html(self.checks(self.value), passed=False)

    def _layout(self):
        w = self.w
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), *self.controls.values(), self.live,
                       w.HBox(list(self.buttons.values())), self.status])


# --- logistics --------------------------------------------------------------------------
_ALL_ITEMS = ("arrive_early", "confirm", "resume", "cards", "notes", "watch", "dress", "pay")


class LogisticsForm(ContactForm):
    """What to bring, wear and do, depending on where you meet."""

    section = "logistics"
    title = "Logistics"
    submit_label = "Save checklist"

    def _build(self) -> None:
        self._contact_picker()
        self._dropdown("venue", "Where you meet", [(v, k) for k, v in P.VENUES.items()],
                       value="workplace")
        for key in _ALL_ITEMS:
            self._checkbox(key, key)
        self.meeting = self._html("meeting")
        self.live = self._html("live-checks")

    def items(self, value: dict | None = None) -> list[dict]:
        """The checklist for the chosen venue, each item with ``done``."""
        v = self.value if value is None else value
        return [{**item, "done": bool(v.get(item["key"]))}
                for item in P.logistics_checklist(v.get("venue") or "workplace")]

    def _load_current(self) -> None:
        super()._load_current()
        if not isinstance(self.saved_state(), dict) and self.contact_id:
            m = _meeting_of(self.log, self.contact_id)
            self._set_values({"venue": P.guess_venue(m["place"], m["channel"])})

    def checks(self, value: dict) -> list[P.Check]:
        todo = [item["text"] for item in self.items(value) if not item["done"]]
        return [P.Check("ready", not todo, "All set." if not todo else
                        f"{len(todo)} thing{'s' if len(todo) != 1 else ''} still to see to.",
                        "info")]

    def refresh(self) -> None:
        keys = {item["key"]: item["text"] for item in self.items()}
        for key in _ALL_ITEMS:
            ctl = self.controls[key]
            ctl.description = keys.get(key, key)
            ctl.layout.display = "" if key in keys else "none"
        m = _meeting_of(self.log, self.contact_id)
        bits = [b for b in (m["when"], m["place"]) if b]
        self.meeting.value = ("<b>Meeting:</b> " + _esc(" · ".join(bits))) if bits else (
            "<i>No meeting scheduled with this person in the log.</i>")
        self.live.value = checks_html(self.checks(self.value), passed=False)

    def _layout(self):
        w = self.w
        c = self.controls
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), c["contact_id"], self.meeting,
                       c["venue"], *[c[k] for k in _ALL_ITEMS], self.live,
                       w.HBox(list(self.buttons.values())), self.status])


# --- the brief --------------------------------------------------------------------------
class MeetingBriefForm(ContactForm):
    """The printable one-page brief, written into the log folder and shown here."""

    section = "briefs"
    title = "Your one-page meeting brief"
    submit_label = "Make the brief"

    def _build(self) -> None:
        self._contact_picker()
        self.preview = self._html("brief")
        self.live = self._html("live-checks")

    def _parts(self, cid: str) -> dict:
        def section(name):
            data = self.log.plan_section(name, cid)
            return data if isinstance(data, dict) else {}

        q = section("questions")
        meeting = _meeting_of(self.log, cid)
        minutes = q.get("minutes") or meeting["minutes"]
        pitch = section("pitch")
        logistics = section("logistics")
        venue = logistics.get("venue") or P.guess_venue(meeting["place"], meeting["channel"])
        return {
            "contact": _contact_row(self.log, cid),
            "research": section("research"),
            "questions": q.get("questions") or [],
            "minutes": minutes,
            "pitch": pitch.get("text") or P.compose_pitch(
                **{k: pitch.get(k, "") for k in P.PITCH_PARTS}),
            "wpm": pitch.get("wpm") or P.SPEAKING_WPM,
            "answers": section("answers"),
            "logistics": [{**item, "done": bool(logistics.get(item["key"]))}
                          for item in P.logistics_checklist(venue)],
            "meeting": {"when": meeting["when"], "place": meeting["place"],
                        "minutes": minutes},
        }

    def brief(self, cid: str | None = None) -> str:
        """The brief's HTML for ``cid`` (default: the chosen person)."""
        cid = cid or self._require_contact()
        parts = self._parts(cid)
        plan = P.plan_questions(parts["questions"], minutes=parts["minutes"])
        return P.compose_brief(parts["contact"], research=parts["research"], questions=plan,
                               pitch=parts["pitch"], answers=parts["answers"],
                               logistics=parts["logistics"], meeting=parts["meeting"],
                               wpm=parts["wpm"], locale=profile_locale(self.log))

    def path(self, cid: str | None = None) -> Path:
        """Where the brief of ``cid`` is written: ``<log>/briefs/<contact_id>.html``."""
        cid = cid or self._require_contact()
        safe = re.sub(r"[^A-Za-z0-9_.-]+", "_", cid)
        return Path(self.log.folder) / BRIEFS_DIRNAME / f"{safe}.html"

    def checks(self, value: dict) -> list[P.Check]:
        cid = self.contact_id
        if not cid:
            return []
        parts = self._parts(cid)
        checks = [
            P.Check("has_questions", bool(parts["questions"]),
                    "Questions planned." if parts["questions"] else
                    "No questions yet: plan them above first.", "warning"),
            P.Check("has_pitch", bool(parts["pitch"]), "Pitch written." if parts["pitch"] else
                    "No pitch yet: write it above.", "info"),
        ]
        try:
            checks += P.check_brief(research=parts["research"], questions=parts["questions"],
                                    pitch=parts["pitch"], answers=parts["answers"])
        except ParameterError as exc:
            checks.append(P.Check("questions", False, str(exc), "error"))
        return checks

    def refresh(self) -> None:
        if not self.contact_id:
            self.preview.value = "<i>Choose a person to see their brief.</i>"
            return
        try:
            doc = self.brief()
        except ParameterError as exc:
            self.preview.value = f"<i>{_esc(exc)}</i>"
            return
        self.preview.value = (f"<iframe srcdoc=\"{html.escape(doc, quote=True)}\" "
                              "style='width:100%;height:42em;border:1px solid #ccc;"
                              "background:white'></iframe>")
        self.live.value = checks_html(self.checks(self.value), passed=False)

    def _save(self, value: dict) -> dict:
        cid = self._require_contact()
        doc = self.brief(cid)
        target = self.path(cid)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(target, doc.encode("utf-8"))
        rel = f"{BRIEFS_DIRNAME}/{target.name}"
        self._save_for_contact(cid, {"file": rel})
        self.refresh()
        return {"path": str(target), "file": rel}

    def _saved_message(self, value: dict, data: dict) -> str:
        return (f"Brief written to {data['path']}. Open it in a browser and print it "
                "(one page), or print it from the preview.")

    def _layout(self):
        w = self.w
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), self.controls["contact_id"],
                       self.live, w.HBox(list(self.buttons.values())), self.status,
                       self.preview])
