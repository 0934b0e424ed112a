"""Notebook 06 — meeting day: the plan's questions, the time budget, quick notes.

MeetingDayForm (``plan.json`` section ``meeting_notes``, one entry per contact)
    Opens on the next scheduled meeting (on or after ``as_of``). Controls:
    ``contact_id``, ``elapsed`` (minutes gone, a slider) and ``summary``; one note
    box per question (``form.note_boxes[question]``; in ``form.value["notes"]`` as
    ``{question: note}``). The time budget, read-only, says which questions still
    fit and which to drop as the minutes run out; a question with a note counts as
    asked.
"""
from __future__ import annotations

from .. import planning as P
from .. import schema as S
from ..errors import ParameterError
from ._base import _meeting_of
from .prepare import (DEFAULT_MINUTES, ContactForm, _contact_row, _esc,  # noqa: F401
                      latest_meeting, profile_locale)

__all__ = ["MeetingDayForm", "meeting_questions"]


def meeting_questions(log, contact_id: str | None) -> tuple[P.QuestionPlan, bool]:
    """The question plan for a meeting with ``contact_id``.

    Returns
    -------
    (QuestionPlan, bool)
        The plan saved in notebook 05 (its minutes, else the meeting's), and whether
        it was saved; without one, the suggested starter questions and ``False``.
    """
    saved = log.plan_section("questions", contact_id) if contact_id else None
    minutes = _meeting_of(log, contact_id)["minutes"] if contact_id else DEFAULT_MINUTES
    if isinstance(saved, dict) and saved.get("questions"):
        good = []
        for q in saved["questions"]:
            try:
                good.append(P.normalize_question(q))
            except ParameterError:
                continue  # a half-typed draft row; notebook 05 shows the problem
        if good:
            return P.plan_questions(good, minutes=saved.get("minutes") or minutes), True
    return P.plan_questions(P.starter_questions(locale=profile_locale(log)),
                            minutes=minutes), False


class MeetingDayForm(ContactForm):
    """The questions in order, what still fits the time, and a note box for each."""

    section = "meeting_notes"
    title = "Meeting day"
    submit_label = "Save notes"

    def _build(self) -> None:
        w = self.w
        self._contact_picker("Meeting with")
        ctl = w.IntSlider(value=0, min=0, max=DEFAULT_MINUTES, step=1,
                          description="Minutes gone", style=self._style(),
                          layout=w.Layout(width="40em"))
        self._register("elapsed", ctl)
        self._text("summary", "Overall", "e.g. Warm, practical; offered to forward my résumé "
                   "to their research lead", area=True, rows=2)
        self.note_boxes: dict[str, object] = {}
        self._labels: dict[str, object] = {}
        self._orphans: dict[str, str] = {}
        self.plan_: P.QuestionPlan | None = None
        self.planned_ = False
        self.header = self._html("meeting")
        self.budget = self._html("budget")
        self.questions_box = w.VBox([])
        self.questions_box.add_class("infoint-meeting-questions")
        self.wind_box = w.VBox([])

    # value: the controls plus {question: note}
    def _extra_value(self) -> dict:
        notes = dict(self._orphans)
        notes.update({q: box.value for q, box in self.note_boxes.items()})
        return {"notes": {q: n for q, n in notes.items() if str(n).strip()}}

    def _set_values(self, data: dict) -> None:
        super()._set_values(data)
        if isinstance(data, dict) and "notes" in data:
            notes = data.get("notes") or {}
            was, self._loading = self._loading, True
            try:
                for q, box in self.note_boxes.items():
                    box.value = str(notes.get(q, ""))
            finally:
                self._loading = was
            self._orphans = {q: str(n) for q, n in notes.items()
                             if q not in self.note_boxes and str(n).strip()}

    def _load_current(self) -> None:
        self._rebuild()
        state = self.saved_state()
        if isinstance(state, dict):
            self._set_values({"notes": {}, **state})
        else:
            self._set_values({"elapsed": 0, "summary": "", "notes": {}})

    def _rebuild(self) -> None:
        """Make one note box per question of the chosen person's plan."""
        w = self.w
        self.plan_, self.planned_ = meeting_questions(self.log, self.contact_id)
        ctl = self.controls["elapsed"]
        top = int(max(self.plan_.minutes, 1)) + 10
        was, self._loading = self._loading, True
        try:
            ctl.max = top
            ctl.value = min(ctl.value, top)
        finally:
            self._loading = was
        self.note_boxes, self._labels = {}, {}
        main, tail = [], []
        for q in self.plan_.questions:
            label = w.HTML()
            box = w.Textarea(value="", rows=2, placeholder="Quick notes…",
                             layout=w.Layout(width="95%"))
            box.add_class("infoint-note")
            box.observe(self._on_note_change, names="value")
            self.note_boxes[q.text] = box
            self._labels[q.text] = label
            (tail if q.wind_down else main).append(w.VBox([label, box]))
        self.questions_box.children = main
        self.wind_box.children = tail

    def _on_note_change(self, change) -> None:
        if not self._loading:
            self._safe_refresh()

    def budget_now(self, value: dict | None = None) -> P.TimeBudget:
        """The time budget for what is typed now (a question with a note counts as asked)."""
        v = self.value if value is None else value
        asked = [q for q, n in (v.get("notes") or {}).items() if str(n).strip()]
        return P.time_budget(self.plan_, minutes=self.plan_.minutes,
                             elapsed=v.get("elapsed") or 0, asked=asked)

    def checks(self, value: dict) -> list[P.Check]:
        if not self.contact_id:
            return []
        noted = sum(1 for n in (value.get("notes") or {}).values() if str(n).strip())
        return [P.Check("notes", noted > 0, f"Notes on {noted} question"
                        f"{'s' if noted != 1 else ''}." if noted else
                        "No notes yet: jot a few words per answer as you go.", "info")]

    def refresh(self) -> None:
        cid = self.contact_id
        if not cid or self.plan_ is None:
            self.header.value = "<i>Choose who you are meeting.</i>"
            self.budget.value = ""
            return
        row = _contact_row(self.log, cid)
        m = _meeting_of(self.log, cid)
        who = ", ".join(b for b in (row.get(S.NAME), row.get(S.ROLE), row.get(S.COMPANY)) if b)
        bits = [b for b in (m["when"], m["place"], f"{self.plan_.minutes:g} minutes") if b]
        head = f"<h4 style='margin:0.2em 0'>{_esc(who)}</h4><div>{_esc(' · '.join(bits))}</div>"
        if not self.planned_:
            head += ("<div style='color:#9a6700'>No question plan saved for this person: "
                     "showing the suggested questions. Plan yours in notebook 05.</div>")
        pitch = self.log.plan_section("pitch", cid)
        if isinstance(pitch, dict) and pitch.get("text"):
            head += f"<div><b>Your pitch:</b> {_esc(pitch['text'])}</div>"
        self.header.value = head
        v = self.value
        budget = self.budget_now(v)
        colour = {"questions": "#1a7f37", "wind_down": "#9a6700", "over": "#cf222e"}[
            budget.phase]
        self.budget.value = (f"<div class='infoint-budget' data-phase='{budget.phase}' "
                             f"style='color:{colour};font-weight:600'>{_esc(budget.message)}"
                             "</div>")
        keep, drop = set(budget.keep), set(budget.drop)
        notes = v.get("notes") or {}
        for q in self.plan_.questions:
            if str(notes.get(q.text, "")).strip():
                tag, colour = "asked", "#1a7f37"
            elif q.wind_down:
                tag, colour = "wind-down", "#0969da"
            elif q.text in keep:
                tag, colour = "ask", "#111"
            elif q.text in drop:
                tag, colour = "drop — ask by e-mail later", "#777"
            else:
                tag, colour = "", "#111"
            mark = "warm-up · " if q.warm_up else ""
            self._labels[q.text].value = (
                f"<span style='color:{colour}'><b>{q.order}.</b> {_esc(q.text)} "
                f"<small>[{mark}priority {q.priority}{' · ' + tag if tag else ''}]</small>"
                "</span>")

    def _saved_message(self, value: dict, data: dict) -> str:
        n = len(value.get("notes") or {})
        return (f"Saved notes on {n} question{'s' if n != 1 else ''} for "
                f"{self._contact_label(self.contact_id)}. Turn them into a thank-you and a "
                "log entry in notebook 07.")

    def _layout(self):
        w = self.w
        c = self.controls
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), c["contact_id"], self.header,
                       c["elapsed"], self.budget,
                       w.HTML("<b>Questions, in order</b>"), self.questions_box,
                       w.HTML("<b>Wind down</b> — keep the last few minutes for these"),
                       self.wind_box, c["summary"], w.HBox(list(self.buttons.values())),
                       self.status])

