"""Planning for notebook 05: question bank and plan, pitch, logistics, brief."""
from __future__ import annotations

import math
import re

import pytest

from infoint_nb import planning as P
from infoint_nb.errors import InfointError, ParameterError


def failed(checks):
    return {c.name for c in checks if not c.ok}


def qs(*specs):
    """Questions from (text, priority, flags) triples; flags: 'w' warm-up, 'd' wind-down."""
    groups = list(P.QUESTION_GROUPS)
    return [{"text": t, "priority": p, "group": groups[n % 3], "warm_up": "w" in f,
             "wind_down": "d" in f} for n, (t, p, f) in enumerate(specs)]


# --- the bank ----------------------------------------------------------------------------
def test_bank_has_three_groups_of_ten_to_fifteen_valid_distinct_questions():
    for group in P.QUESTION_GROUPS:
        bank = P.question_bank(group)
        assert 10 <= len(bank) <= 15, group
        assert all(P.normalize_question(q) == q for q in bank)
    texts = [q["text"].casefold() for q in P.question_bank()]
    assert len(texts) == len(set(texts))
    assert any(q["warm_up"] for q in P.question_bank())


def test_bank_holds_the_four_wind_down_questions():
    wind = " ".join(q["text"] for q in P.question_bank() if q["wind_down"]).casefold()
    for words in ("should have asked", "who else", "other roles", "anything i can do"):
        assert words in wind


def test_bank_returns_copies_and_rejects_unknown_groups():
    P.question_bank("field")[0]["text"] = "changed"
    assert P.question_bank("field")[0]["text"] != "changed"
    with pytest.raises(ParameterError, match=r"group 'company'.*field, person, chances"):
        P.question_bank("company")


def test_starter_questions_meet_every_check_in_thirty_minutes():
    plan = P.plan_questions(P.starter_questions(), minutes=30)
    assert not failed(plan.checks)
    assert len(plan.main) == 9 and len(plan.wind_down) == 4


# --- normalising -------------------------------------------------------------------------
def test_normalize_fills_defaults_and_tidies_spaces():
    assert P.normalize_question("  How   did you start? ") == {
        "text": "How did you start?", "group": "field", "priority": 3, "warm_up": False,
        "wind_down": False}
    assert P.normalize_question({"text": "x", "priority": "2"})["priority"] == 2


@pytest.mark.parametrize("bad", [0, 6, "high", True, 2.5])
def test_normalize_rejects_priorities_outside_one_to_five(bad):
    with pytest.raises(ParameterError, match=r"priority .* not allowed; use a whole number "
                                             r"from 1 \(must ask\) to 5"):
        P.normalize_question({"text": "Why?", "priority": bad}, where="question 4")


def test_normalize_rejects_empty_text_and_unknown_group():
    with pytest.raises(ParameterError, match="question 2: the question text is empty"):
        P.normalize_question({"text": "  "}, where="question 2")
    with pytest.raises(ParameterError, match="group 'job' is not allowed"):
        P.normalize_question({"text": "Why?", "group": "job"})
    assert issubclass(ParameterError, InfointError)


# --- plan_questions ----------------------------------------------------------------------
def test_plan_orders_warm_up_first_then_priority_then_wind_down():
    plan = P.plan_questions(qs(("low", 4, ""), ("bye", 1, "d"), ("top", 1, ""),
                               ("hello", 3, "w"), ("mid", 2, ""), ("top2", 1, "")),
                            minutes=30)
    assert [q.text for q in plan.questions] == ["hello", "top", "top2", "mid", "low", "bye"]
    assert [q.order for q in plan.questions] == [1, 2, 3, 4, 5, 6]
    assert plan.wind_down[0].start_minute == 30 - P.WIND_DOWN_MINUTES


@pytest.mark.parametrize("minutes, fit", [(15, 3), (20, 5), (30, 9)])
def test_plan_fits_questions_to_the_minutes_agreed(minutes, fit):
    plan = P.plan_questions([f"Question {n}?" for n in range(12)], minutes=minutes)
    expected = math.floor((minutes - P.OPENING_MINUTES - P.WIND_DOWN_MINUTES)
                          / P.MINUTES_PER_QUESTION)
    assert plan.fit_count == expected == fit
    assert [q.fits for q in plan.main] == [True] * fit + [False] * (12 - fit)
    assert plan.main[1].start_minute == P.OPENING_MINUTES + P.MINUTES_PER_QUESTION


@pytest.mark.parametrize("n, ok", [(7, False), (8, True), (10, True), (11, False)])
def test_plan_checks_the_eight_to_ten_target(n, ok):
    plan = P.plan_questions(qs(*[(f"q{k}", 2, "w" if k == 0 else "") for k in range(n)])
                            + qs(("bye", 1, "d")), minutes=30)
    target = next(c for c in plan.checks if c.name == "target")
    assert target.ok is ok
    if not ok:
        assert "aim for 8–10" in target.message and f"{n} question" in target.message


def test_plan_flags_missing_warm_up_wind_down_groups_duplicates_and_length():
    plan = P.plan_questions([{"text": "Same?", "group": "field"},
                             {"text": "same?", "group": "field"}], minutes=45)
    assert failed(plan.checks) >= {"warm_up", "wind_down", "groups", "duplicates",
                                   "meeting_length", "target"}
    groups = next(c for c in plan.checks if c.name == "groups").message
    assert "the person" in groups and "your own chances" in groups
    too_many = P.plan_questions(qs(("a", 1, "w"), ("b", 1, "w"), ("c", 1, "w")), minutes=20)
    assert "3 warm-up questions" in next(c for c in too_many.checks if c.name == "warm_up").message


@pytest.mark.parametrize("minutes", [0, -5, "soon", None, float("nan")])
def test_plan_rejects_a_length_that_is_not_a_positive_number(minutes):
    with pytest.raises(ParameterError, match="minutes must be a positive number of minutes"):
        P.plan_questions(["Why?"], minutes=minutes)


def test_plan_to_frame_has_one_row_per_question():
    frame = P.plan_questions(P.starter_questions(), minutes=20).to_frame()
    assert list(frame.columns[:3]) == ["order", "text", "group"]
    assert len(frame) == 13 and frame["fits"].sum() == 5 + 4


# --- pitch -------------------------------------------------------------------------------
def test_pitch_seconds_counts_words_at_the_given_pace():
    assert P.pitch_seconds("word " * 70) == 30.0
    assert P.pitch_seconds("word " * 70, wpm=120) == 35.0
    assert P.pitch_seconds("") == 0
    with pytest.raises(ParameterError, match="wpm must be a positive speaking rate"):
        P.pitch_seconds("hi", wpm=0)


def _parts(n_words):
    third = " ".join(["teach"] * (n_words // 3))
    return {"where_you_are": third, "what_you_want": third + " learning",
            "hope_to_learn": " ".join(["ask"] * (n_words - 2 * (n_words // 3) - 1))}


@pytest.mark.parametrize("words, ok, level", [(84, True, None), (30, False, "info"),
                                              (130, False, "warning")])
def test_pitch_gauge_wants_thirty_to_forty_five_seconds(words, ok, level):
    checks = P.check_pitch(_parts(words), mission="Better learning for every student")
    length = next(c for c in checks if c.name == "pitch_length")
    assert length.ok is ok and (ok or length.level == level)
    assert re.search(r"\d+(\.\d)? s", length.message)
    assert "mission" not in failed(checks) and "pitch_parts" not in failed(checks)


def test_pitch_checks_parts_and_mission():
    checks = P.check_pitch({"where_you_are": "I teach maths."},
                           mission="Affordable housing for every family")
    assert {"pitch_parts", "mission"} <= failed(checks)
    parts = next(c for c in checks if c.name == "pitch_parts").message
    assert "what you want" in parts and "what you hope to learn" in parts
    assert P.compose_pitch(where_you_are="I teach", hope_to_learn="How you hire!") == (
        "I teach. How you hire!")


def test_answers_and_research_checks_name_what_is_missing():
    answers = P.check_answers({"education": "M.Ed.", "goals": " "})
    assert failed(answers) == {"answer_experience", "answer_goals", "answer_their_business"}
    research = P.check_research({"news": "Raised funds", "mission": ""})
    assert failed(research) == {"person", "shared", "mission"}
    assert all(c.level == "info" for c in research)


# --- logistics ---------------------------------------------------------------------------
@pytest.mark.parametrize("place, channel, venue", [
    ("Blue Door Café, 5 Main St", "", "cafe"), ("Sawmill Coffee", "email", "cafe"),
    ("Video call (link in email)", "email", "video"), ("Phone", "", "phone"),
    ("", "phone", "phone"), ("Acme, 401 N. Wabash Ave, Suite 1200", "in_person", "workplace"),
    ("https://meet.example/abc", "", "video")])
def test_guess_venue(place, channel, venue):
    assert P.guess_venue(place, channel) == venue


def test_logistics_depend_on_the_venue():
    keys = {v: [i["key"] for i in P.logistics_checklist(v)] for v in P.VENUES}
    assert "pay" in keys["cafe"] and "pay" not in keys["workplace"]
    assert "cards" in keys["workplace"] and "cards" not in keys["video"]
    for v in P.VENUES:
        assert {"arrive_early", "resume", "notes", "watch", "dress"} <= set(keys[v])
    dress = {v: next(i["text"] for i in P.logistics_checklist(v) if i["key"] == "dress")
             for v in ("workplace", "cafe")}
    assert "job interview" in dress["workplace"] and "Smart-casual" in dress["cafe"]
    with pytest.raises(ParameterError, match="venue 'pub' is not allowed"):
        P.logistics_checklist("pub")


# --- the brief ---------------------------------------------------------------------------
def test_brief_is_one_escaped_printable_page_with_everything_in_order():
    plan = P.plan_questions(P.starter_questions(), minutes=20)
    doc = P.compose_brief(
        {"name": "Ana <b>Diaz</b>", "company": "Acme & Co", "role": "Lead",
         "email": "ana@acme.example"},
        research={"achievements": "Won the <i>prize</i>", "mission": "Better tools"},
        questions=plan, pitch="word " * 84, answers={"education": "M.Ed."},
        logistics=[{"key": "pay", "text": "Pay for coffee", "done": True},
                   {"key": "watch", "text": "A watch"}],
        meeting={"when": "Tuesday 22 September 2026, 16:00", "place": "Café"})
    assert doc.startswith("<!DOCTYPE html>") and "@page { size: A4" in doc
    assert "Ana &lt;b&gt;Diaz&lt;/b&gt;" in doc and "<b>Diaz</b>" not in doc
    assert "Acme &amp; Co" in doc and "Won the &lt;i&gt;prize&lt;/i&gt;" in doc
    positions = [doc.index(html_escape(q.text)) for q in plan.questions]
    assert positions == sorted(positions)
    assert doc.count(", if time]") == len(plan.main) - plan.fit_count
    assert "about 36 s" in doc and "☑ Pay for coffee" in doc and "☐ A watch" in doc
    assert "20 minutes" in doc and "Tuesday 22 September 2026, 16:00" in doc


def html_escape(text):
    import html
    return html.escape(text, quote=True)


def test_brief_without_anything_planned_says_so():
    doc = P.compose_brief({"name": ""})
    assert "(no name)" in doc and "No questions planned yet." in doc
    assert "Not written yet." in doc and "No checklist yet." in doc


def test_check_brief_warns_when_notes_will_not_fit_one_page():
    assert not failed(P.check_brief(research={"news": "x" * 1000}, pitch="word " * 80))
    long = P.check_brief(research={"news": "x" * (P.BRIEF_PAGE_CHARS + 1)})
    assert failed(long) == {"one_page"} and "Shorten" in long[0].message


def _seed_sentences():
    import glob
    out = []
    for path in glob.glob("/work/shared/seeds/*.txt"):
        text = open(path, encoding="utf-8").read()
        out += [s.strip(' "“”•;,') for s in re.split(r'(?<=[.!?:"“”])\s*|\n', text)]
    return [s for s in out if len(s) > 10]


def _letters(text):
    return re.sub(r"[^a-z ]", "", text.casefold())


#: The seeds' own example questions, as the sources word them (the bank must not copy them).
SEED_QUESTIONS = (
    "How did you get started in this field?",
    "What kind of projects are you working on at the moment?",
    "What led them to this company and/or field?",
    "What is a normal workweek like for them?",
    "How much prior experience is preferred?",
    "What qualifications do you need (such as degrees, licenses, and certification)?",
    "How much growth does it expect in the future?",
    "How much room for advancement is there in-house?",
)


def test_no_bank_question_is_a_near_copy_of_a_seed_question():
    import difflib
    seeds = list(SEED_QUESTIONS) + _seed_sentences()
    worst = []
    for q in P.question_bank():
        ratio, seed = max((difflib.SequenceMatcher(None, _letters(q["text"]), _letters(s))
                           .ratio(), s) for s in seeds)
        worst.append((round(ratio, 2), q["text"], seed))
    worst.sort(reverse=True)
    assert worst[0][0] < 0.8, worst[:3]
    # the two that were too close are reworded, not just nudged
    texts = {q["text"] for q in P.question_bank()}
    assert "How did you get started in this line of work?" not in texts
    assert "What are you working on at the moment?" not in texts
    for q in P.question_bank("person"):
        if q["warm_up"]:
            assert max(difflib.SequenceMatcher(None, _letters(q["text"]), _letters(s)).ratio()
                       for s in SEED_QUESTIONS[:2]) < 0.6, q["text"]


# --- issue 13: the bank and the brief are spelt for the locale -----------------------------
_BRITISH_WORDS = re.compile(r"\b(organisations?|programmes?|centres?|licences?|favour)\b",
                            re.IGNORECASE)
_AMERICAN_WORDS = re.compile(r"\b(organizations?|programs?|centers?|licenses?|favor)\b",
                             re.IGNORECASE)


def test_question_bank_follows_the_locale():
    us = [q["text"] for q in P.question_bank()]
    gb = [q["text"] for q in P.question_bank(locale="en-GB")]
    assert len(us) == len(gb) == len(P.QUESTION_BANK)
    assert not any(_BRITISH_WORDS.search(t) for t in us)            # en-US is the default
    assert sum(bool(_AMERICAN_WORDS.search(t)) for t in us) >= 5
    assert not any(_AMERICAN_WORDS.search(t) for t in gb)
    assert "Which qualifications count here: degrees, licenses, certificates?" in us
    assert "Which qualifications count here: degrees, licences, certificates?" in gb
    # same questions, same order, same fields: only the spelling differs
    assert [P.localize_spelling(t, locale="en-GB") for t in us] == gb
    assert [q["priority"] for q in P.question_bank()] == [q["priority"] for q in
                                                          P.QUESTION_BANK]
    assert P.question_groups()["field"] == "The field and the organization"
    assert P.question_groups(locale="en-GB")["field"] == "The field and the organisation"
    assert P.research_fields()["org_notes"].startswith("Organization:")
    assert [q["text"] for q in P.starter_questions(locale="en-GB")] == [
        P.localize_spelling(q["text"], locale="en-GB") for q in P.starter_questions()]


def test_only_the_banks_own_questions_are_respelt():
    mine = "Which programmes does Civic Data Centre run for organisations?"
    assert P.spell_bank_question(mine) == mine                       # your words stay yours
    assert P.spell_bank_question("What drew you to this organisation in particular?") == (
        "What drew you to this organization in particular?")
    assert P.spell_bank_question("What drew you to this organization in particular?",
                                 locale="en-AU") == (
        "What drew you to this organisation in particular?")


def test_brief_spells_its_own_words_and_the_banks_for_the_locale():
    questions = [P.QUESTION_BANK[4], "Which programmes at Civic Data Centre do you run?"]
    research = {"org_notes": "Runs three programmes", "website": "civic.example"}
    args = dict(research=research, questions=questions, minutes=30,
                logistics=[{"key": "x", "text": "Confirm the time at the centre"}])
    us = P.compose_brief({"name": "Grace Oduya"}, **args)
    gb = P.compose_brief({"name": "Grace Oduya"}, locale="en-GB", **args)
    assert "<h2>The organization</h2>" in us and "<dt>Organization</dt>" in us
    assert "<h2>The organisation</h2>" in gb and "<dt>Organisation</dt>" in gb
    bank_q = P.QUESTION_BANK[4]["text"]
    assert P.localize_spelling(bank_q) in us and bank_q not in us
    assert bank_q in gb
    # what you typed is printed as typed, in either locale
    for doc in (us, gb):
        assert "Which programmes at Civic Data Centre do you run?" in doc
        assert "Runs three programmes" in doc
    assert "Confirm the time at the center" in us and "at the centre" in gb
