"""During the meeting (notebook 06, :mod:`infoint_nb.forms.meeting`).

The time budget while the meeting runs (:class:`TimeBudget`, :func:`time_budget`) and
the notes taken per question (:func:`compose_meeting_notes`).
"""
from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from .._docstrings import share_docs
from ..errors import ParameterError
from .prepare import (MINUTES_PER_QUESTION, OPENING_MINUTES, WIND_DOWN_MINUTES, QuestionPlan,
                      _minutes, plan_questions)
from .text import _norm

__all__ = ["TimeBudget", "time_budget", "compose_meeting_notes"]


@dataclass(frozen=True)
class TimeBudget:
    """What to do with the minutes left; the result of :func:`time_budget`.

    ``phase`` is ``"questions"``, ``"wind_down"`` or ``"over"``. ``keep`` lists the
    questions still to ask, in plan order; ``drop`` the ones to let go (ask whether
    you may send them by e-mail); ``wind_down`` the closing questions not yet asked.
    """

    minutes: float
    elapsed: float
    remaining: float
    phase: str
    keep: tuple[str, ...]
    drop: tuple[str, ...]
    wind_down: tuple[str, ...]
    message: str


@share_docs
def time_budget(questions, *, minutes, elapsed, asked=(),
                minutes_per_question: float = MINUTES_PER_QUESTION,
                opening_minutes: float = OPENING_MINUTES,
                wind_down_minutes: float = WIND_DOWN_MINUTES) -> TimeBudget:
    """Say which questions still fit as the meeting runs on, and which to drop.

    The questions not asked yet are ranked by priority (then plan order); as many
    as fit in the minutes left before the wind-down (and, in the first minutes,
    after the opening) are kept, the rest dropped.

    Parameters
    ----------
    questions : QuestionPlan or iterable of dict or str
        The plan; a list is planned with :func:`plan_questions` first.
    minutes : float
        The length of the meeting agreed.
    elapsed : float
        Minutes gone since the meeting started.
    asked : iterable of str
        Texts of the questions already asked (or answered along the way).
    {params.minutes_per_question}
    {params.opening_minutes}
    {params.wind_down_minutes}

    Returns
    -------
    TimeBudget

    Raises
    ------
    ParameterError
        When ``elapsed`` is negative or not a number, or ``minutes`` not positive.

    Examples
    --------
    >>> qs = [{"text": f"Q{n}", "priority": n % 5 + 1} for n in range(8)]
    >>> budget = time_budget(qs, minutes=20, elapsed=12)
    >>> budget.phase, len(budget.keep)
    ('questions', 1)
    """
    minutes = _minutes(minutes, name="minutes")
    try:
        gone = float(elapsed)
    except (TypeError, ValueError):
        gone = math.nan
    if isinstance(elapsed, bool) or not math.isfinite(gone) or gone < 0:
        raise ParameterError(f"elapsed must be the minutes gone since the meeting started "
                             f"(0 or more), got {elapsed!r}")
    mpq = _minutes(minutes_per_question, name="minutes_per_question")
    plan = questions if isinstance(questions, QuestionPlan) else plan_questions(
        questions, minutes=minutes, minutes_per_question=mpq,
        opening_minutes=opening_minutes, wind_down_minutes=wind_down_minutes)
    done = {_norm(str(a)).casefold() for a in asked}
    todo = [q for q in plan.main if q.text.casefold() not in done]
    tail = tuple(q.text for q in plan.wind_down if q.text.casefold() not in done)
    remaining = max(0.0, minutes - gone)
    for_questions = remaining - wind_down_minutes - max(0.0, opening_minutes - gone)
    n = math.floor(for_questions / mpq + 1e-9) if for_questions > 0 else 0
    chosen = {q.order for q in sorted(todo, key=lambda q: (q.priority, q.order))[:n]}
    keep = tuple(q.text for q in todo if q.order in chosen)
    drop = tuple(q.text for q in todo if q.order not in chosen)
    left = f"{remaining:g} of {minutes:g} minutes left"
    if remaining <= 0:
        phase = "over"
        message = ("Time is up: thank them, ask who else you should talk to, and whether "
                   "you may send any open question by e-mail.")
    elif n == 0:
        phase = "wind_down"
        message = f"{left}: move to the wind-down questions now"
        if drop:
            message += (f" and let the other {len(drop)} go (ask whether you may send them "
                        "by e-mail)")
        message += "."
    else:
        phase = "questions"
        if not todo:
            message = f"{left}: every planned question is covered; wind down when ready."
        elif not drop:
            message = f"{left}: room for all {len(keep)} remaining questions."
        else:
            message = (f"{left}: room for about {len(keep)} more; drop {len(drop)} "
                       "(ask whether you may send them by e-mail).")
    return TimeBudget(minutes, gone, remaining, phase, keep, drop, tail, message)


def compose_meeting_notes(notes: Mapping, *, summary: str = "") -> str:
    """One text for the log from the notes taken per question.

    Parameters
    ----------
    notes : mapping
        ``{question: note}``; questions without a note are left out.
    summary : str
        A few words on the whole meeting, put first.

    Returns
    -------
    str
        The summary, then one ``Q: question — note`` line per answered question.

    Examples
    --------
    >>> compose_meeting_notes({"How did you start?": "Via an internship", "Why?": ""})
    'Q: How did you start? — Via an internship'
    """
    lines = [_norm(str(summary))] if _norm(str(summary or "")) else []
    for question, note in notes.items():
        text = _norm(str(note or ""))
        if text:
            lines.append(f"Q: {_norm(str(question))} — {text}")
    return "\n".join(lines)
