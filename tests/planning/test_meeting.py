"""Planning for notebook 06: the time budget, the meeting notes."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from infoint_nb import planning as P
from infoint_nb.errors import ParameterError


def qs(*specs):
    """Questions from (text, priority, flags) triples; flags: 'w' warm-up, 'd' wind-down."""
    groups = list(P.QUESTION_GROUPS)
    return [{"text": t, "priority": p, "group": groups[n % 3], "warm_up": "w" in f,
             "wind_down": "d" in f} for n, (t, p, f) in enumerate(specs)]


# --- time_budget -------------------------------------------------------------------------
def test_budget_at_the_start_matches_the_plan_and_shrinks_as_time_goes():
    plan = P.plan_questions(P.starter_questions(), minutes=20)
    kept = [len(P.time_budget(plan, minutes=20, elapsed=e).keep) for e in range(0, 21)]
    assert kept[0] == plan.fit_count
    assert all(a >= b for a, b in zip(kept, kept[1:]))
    assert kept[-1] == 0


def test_budget_keeps_the_top_priorities_and_skips_what_was_asked():
    plan = P.plan_questions(qs(("warm", 3, "w"), ("p1", 1, ""), ("p2", 2, ""),
                               ("p3", 3, ""), ("p1b", 1, ""), ("end", 1, "d")), minutes=20)
    budget = P.time_budget(plan, minutes=20, elapsed=11, asked=["warm", " p1 "])
    # 9 minutes left, 4 kept for the wind-down: two questions of 2.5 minutes fit
    assert budget.keep == ("p1b", "p2") and budget.drop == ("p3",)
    assert budget.wind_down == ("end",) and budget.phase == "questions"
    assert "room for about 2 more; drop 1" in budget.message


def test_budget_phases_wind_down_then_over():
    qs_ = P.starter_questions()
    wind = P.time_budget(qs_, minutes=20, elapsed=17)
    assert wind.phase == "wind_down" and not wind.keep and len(wind.drop) == 9
    assert "move to the wind-down questions now" in wind.message
    over = P.time_budget(qs_, minutes=20, elapsed=25)
    assert over.phase == "over" and over.remaining == 0 and "Time is up" in over.message


@pytest.mark.parametrize("elapsed", [-1, "later", None])
def test_budget_rejects_bad_elapsed(elapsed):
    with pytest.raises(ParameterError, match="elapsed must be the minutes gone"):
        P.time_budget(["Why?"], minutes=20, elapsed=elapsed)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(st.integers(1, 5), st.booleans()), min_size=1, max_size=14),
       st.integers(15, 30), st.integers(0, 35), st.data())
def test_budget_splits_the_unasked_questions_by_priority(specs, minutes, elapsed, data):
    questions = [{"text": f"q{k}", "priority": p, "warm_up": w}
                 for k, (p, w) in enumerate(specs)]
    asked = data.draw(st.lists(st.sampled_from([q["text"] for q in questions]), max_size=4))
    b = P.time_budget(questions, minutes=minutes, elapsed=elapsed, asked=asked)
    unasked = {q["text"] for q in questions} - set(asked)
    assert set(b.keep) | set(b.drop) == unasked and not set(b.keep) & set(b.drop)
    prio = {q["text"]: q["priority"] for q in questions}
    if b.keep and b.drop:
        assert max(prio[t] for t in b.keep) <= min(prio[t] for t in b.drop)
    left = max(0, minutes - elapsed) - P.WIND_DOWN_MINUTES - max(0, P.OPENING_MINUTES - elapsed)
    assert len(b.keep) <= max(0, math.floor(left / P.MINUTES_PER_QUESTION + 1e-9))


# --- meeting notes and follow-up ---------------------------------------------------------
def test_meeting_notes_become_one_text_for_the_log():
    text = P.compose_meeting_notes({"How did you start?": " Internship,\n then hired ",
                                    "Why?": "", "Next?": "Apply in January."},
                                   summary="Warm and practical.")
    assert text.splitlines() == ["Warm and practical.",
                                 "Q: How did you start? — Internship, then hired",
                                 "Q: Next? — Apply in January."]
