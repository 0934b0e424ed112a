"""Preparing a meeting (notebook 05, :mod:`infoint_nb.forms.prepare`).

The question bank and the question plan (:data:`QUESTION_BANK`,
:func:`starter_questions`, :func:`normalize_question`, :func:`plan_questions`), research
notes (:func:`check_research`), the elevator pitch (:func:`compose_pitch`,
:func:`pitch_seconds`, :func:`check_pitch`), answers for when they interview you
(:func:`check_answers`), logistics (:func:`guess_venue`, :func:`logistics_checklist`)
and the one-page brief (:func:`compose_brief`, :func:`check_brief`).
"""
from __future__ import annotations

import html
import math
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields

from .._docstrings import share_docs
from ..errors import ParameterError
from .checks import Check
from .reach_out import MEETING_MINUTES, check_meeting_length
from .text import _norm, _sentence, count_words, localize_spelling

__all__ = [
    "QUESTION_GROUPS", "QUESTION_TAGS", "QUESTION_BANK", "QUESTION_TARGET", "MINUTES_PER_QUESTION",
    "OPENING_MINUTES", "WIND_DOWN_MINUTES", "MAX_WARM_UPS", "PITCH_SECONDS", "SPEAKING_WPM",
    "PITCH_PARTS", "RESEARCH_FIELDS", "INTERVIEW_TOPICS", "VENUES", "BRIEF_PAGE_CHARS",
    "PlannedQuestion", "QuestionPlan", "question_bank", "starter_questions", "question_groups",
    "research_fields", "spell_bank_question", "normalize_question", "plan_questions",
    "check_research", "compose_pitch", "pitch_seconds", "check_pitch", "check_answers",
    "guess_venue", "logistics_checklist", "compose_brief", "check_brief",
]


#: The three things to find out about, keyed as stored in ``plan.json``.
QUESTION_GROUPS: dict[str, str] = {
    "field": "The field and the organisation",
    "person": "The person",
    "chances": "Your own chances",
}


def _bank_entry(group: str, text: str, priority: int, *, warm_up: bool = False,
                wind_down: bool = False) -> dict:
    return {"text": text, "group": group, "priority": priority,
            "warm_up": warm_up, "wind_down": wind_down}


_b = _bank_entry
#: Example questions to pick from. ``priority`` runs from 1 (must ask) to 5 (only if
#: there is time); ``warm_up`` questions open the talk, ``wind_down`` ones close it.
QUESTION_BANK: tuple[dict, ...] = (
    # -- the field and the organisation -------------------------------------------
    _b("field", "How would you explain what your team does to someone outside the field?",
       3, warm_up=True),
    _b("field", "Where do you see this field going over the next few years?", 1),
    _b("field", "Is the organisation growing, holding steady or cutting back at the "
       "moment?", 2),
    _b("field", "Roughly how many people join at entry level in a year, and when does "
       "hiring usually happen?", 2),
    _b("field", "How do people move up here, and how much room is there to grow inside "
       "the organisation?", 2),
    _b("field", "Which problems keep your team busiest this year?", 2),
    _b("field", "What sets your organisation apart from the others in its market?", 3),
    _b("field", "Which skills are becoming more valuable in this line of work, and which "
       "less?", 1),
    _b("field", "What is the working culture like from day to day?", 3),
    _b("field", "Which associations, events or publications do people here actually "
       "follow?", 4),
    _b("field", "What surprised you most about the industry once you were inside it?", 3),
    _b("field", "Is there a question I should have asked you but didn't?", 1, wind_down=True),
    # -- the person -----------------------------------------------------------------
    _b("person", "What was the first job that set you on the road to this one?", 2,
       warm_up=True),
    _b("person", "Which project is taking up most of your week right now?", 3,
       warm_up=True),
    _b("person", "What drew you to this organisation in particular?", 2),
    _b("person", "What does an ordinary week look like for you?", 2),
    _b("person", "Which parts of the job do you enjoy most, and which least?", 3),
    _b("person", "If you could start your career again, what would you repeat and what "
       "would you change?", 1),
    _b("person", "What helped you most in your first year in this role?", 2),
    _b("person", "How has your role changed since you took it on?", 4),
    _b("person", "What do you wish someone had told you before you entered this field?", 2),
    _b("person", "Which piece of work here are you proudest of?", 4),
    _b("person", "Who else would you suggest I talk to, and may I mention your name?", 1,
       wind_down=True),
    _b("person", "Is there anything I can do for you in return?", 2, wind_down=True),
    # -- your own chances -------------------------------------------------------------
    _b("chances", "How much experience do people usually have when they are hired into a "
       "role like yours?", 1),
    _b("chances", "Which qualifications count here: degrees, licences, certificates?", 2),
    _b("chances", "If I need more training, which programmes are respected in this "
       "field?", 3),
    _b("chances", "Looking at my background, where would I fit and where are the gaps?", 1),
    _b("chances", "What makes an application stand out to your team?", 2),
    _b("chances", "Would you look over my résumé and tell me what you would change?", 3),
    _b("chances", "Where do openings appear: job boards, the company site, or mostly "
       "through people?", 2),
    _b("chances", "What would be a realistic first role for someone with my background?", 2),
    _b("chances", "What could I do in the next six months to become a stronger "
       "candidate?", 2),
    _b("chances", "Which mistakes do people coming from outside the field often make?", 4),
    _b("chances", "Which other roles or fields would suit someone with my interests and "
       "experience?", 1, wind_down=True),
)
del _b

#: Short names of the groups, for tags next to a question.
QUESTION_TAGS: dict[str, str] = {"field": "field", "person": "person",
                                 "chances": "your chances"}

#: How many questions to plan, wind-down ones not counted (the talk may reach a few).
QUESTION_TARGET: tuple[int, int] = (8, 10)
#: Minutes one question takes with its answer, on average.
MINUTES_PER_QUESTION = 2.5
#: Minutes for greetings and your pitch before the first question.
OPENING_MINUTES = 2.0
#: Minutes kept at the end for the wind-down questions and a friendly goodbye.
WIND_DOWN_MINUTES = 4.0
#: More warm-up questions than this eat the time for the ones that matter.
MAX_WARM_UPS = 2
#: The speaking time a pitch should take, in seconds.
PITCH_SECONDS: tuple[int, int] = (30, 45)
#: A calm speaking pace, in words per minute.
SPEAKING_WPM = 140

#: The parts of an elevator pitch, in speaking order.
PITCH_PARTS: dict[str, str] = {
    "where_you_are": "Where you are now (studying, graduating, changing careers, looking now)",
    "what_you_want": "What you want to do and why, framed to their mission",
    "hope_to_learn": "What you hope to learn from this conversation",
}

#: Research notes kept per person: the organisation, then the person.
RESEARCH_FIELDS: dict[str, str] = {
    "website": "Website: what it says about their mission and work",
    "news": "News: recent stories and mentions elsewhere",
    "org_notes": "Organisation: projects, clients, competitors, culture",
    "background": "Their path: roles, studies, how they got here",
    "achievements": "Achievements: things of theirs worth mentioning",
    "shared": "In common: schools, cities, people, experiences",
}

#: What they may ask you, with a prompt for preparing the answer.
INTERVIEW_TOPICS: dict[str, str] = {
    "education": "Education: what you studied, and why",
    "experience": "Experience: two short examples from this field or next to it",
    "goals": "Goals: overall, and what you would aim for if you worked there",
    "their_business": "Their business: what you know of their aims and how they work",
}

#: Where a meeting takes place; it decides the logistics.
VENUES: dict[str, str] = {
    "workplace": "Their workplace",
    "cafe": "A café, restaurant or bar",
    "phone": "A phone call",
    "video": "A video call",
}


def question_bank(group: str | None = None, *, locale=None) -> list[dict]:
    """Copies of the example questions, all of them or one group's.

    Parameters
    ----------
    group : {"field", "person", "chances"}, optional
        Only this group's questions.
    locale : str, optional
        Spelling (see :data:`LOCALES`; default en-US, ``organization``). The
        questions keep their order, so positions match :data:`QUESTION_BANK`.

    Returns
    -------
    list of dict
        Each with ``text``, ``group``, ``priority``, ``warm_up`` and ``wind_down``.

    Raises
    ------
    ParameterError
        When ``group`` is not one of :data:`QUESTION_GROUPS`.

    Examples
    --------
    >>> len(question_bank("person")) >= 10
    True
    >>> question_bank("person", locale="en-GB")[2]["text"]
    'What drew you to this organisation in particular?'
    >>> question_bank("person")[2]["text"]
    'What drew you to this organization in particular?'
    """
    if group is not None and group not in QUESTION_GROUPS:
        raise ParameterError(f"question_bank: group {group!r} is not a question group; use "
                             f"one of {', '.join(QUESTION_GROUPS)}, or None for all")
    return [dict(q, text=localize_spelling(q["text"], locale=locale))
            for q in QUESTION_BANK if group is None or q["group"] == group]


def question_groups(*, locale=None) -> dict[str, str]:
    """:data:`QUESTION_GROUPS` with the labels spelt for ``locale`` (default en-US)."""
    return {k: localize_spelling(v, locale=locale) for k, v in QUESTION_GROUPS.items()}


def research_fields(*, locale=None) -> dict[str, str]:
    """:data:`RESEARCH_FIELDS` with the labels spelt for ``locale`` (default en-US)."""
    return {k: localize_spelling(v, locale=locale) for k, v in RESEARCH_FIELDS.items()}


def spell_bank_question(text: str, *, locale=None) -> str:
    """``text`` spelt for ``locale`` when it is a question of the bank (in any
    spelling); a question you wrote yourself is left exactly as you wrote it.

    Examples
    --------
    >>> spell_bank_question("What drew you to this organization in particular?",
    ...                     locale="en-GB")
    'What drew you to this organisation in particular?'
    >>> spell_bank_question("Which programmes at Civic Data Centre?")
    'Which programmes at Civic Data Centre?'
    """
    t = str(text or "")
    if localize_spelling(t, locale="en-GB").strip().casefold() in _bank_texts():
        return localize_spelling(t, locale=locale)
    return t


def _bank_texts() -> frozenset:
    global _BANK_TEXTS
    if _BANK_TEXTS is None:
        _BANK_TEXTS = frozenset(q["text"].casefold() for q in QUESTION_BANK)
    return _BANK_TEXTS


_BANK_TEXTS: frozenset | None = None


def starter_questions(*, locale=None) -> list[dict]:
    """A first plan to edit: one warm-up, the must-ask questions, the wind-down ones.

    Nine main questions (a warm-up, every priority-1 question and the first
    priority-2 question of each group) and all wind-down questions of the bank,
    spelt for ``locale`` (default en-US).

    Examples
    --------
    >>> qs = starter_questions()
    >>> sum(not q["wind_down"] for q in qs), sum(q["wind_down"] for q in qs)
    (9, 4)
    """
    bank = question_bank(locale=locale)
    main = [q for q in bank if not q["wind_down"]]
    picked = [next(q for q in main if q["warm_up"] and q["group"] == "person")]
    picked += [q for q in main if q["priority"] == 1 and not q["warm_up"]]
    for group in QUESTION_GROUPS:
        picked.append(next(q for q in main if q["group"] == group and q["priority"] == 2
                           and not q["warm_up"]))
    ordered = [q for q in main if q in picked]
    return ordered + [q for q in bank if q["wind_down"]]


def normalize_question(question, *, where: str = "question") -> dict:
    """A question as a complete dict, checked.

    A bare string becomes a priority-3 question about the field; a dict may leave
    out anything but ``text``.

    Parameters
    ----------
    question : str or mapping
        ``text`` and optionally ``group``, ``priority`` (1–5), ``warm_up``, ``wind_down``.
    where : str
        How to name the question in an error message.

    Raises
    ------
    ParameterError
        When the text is empty, the group unknown or the priority not a whole number 1–5.

    Examples
    --------
    >>> normalize_question("What do you do all day?")["priority"]
    3
    """
    if isinstance(question, str):
        question = {"text": question}
    if not isinstance(question, Mapping):
        raise ParameterError(f"{where}: expected a text or a dict with 'text', got "
                             f"{type(question).__name__}")
    text = _norm(str(question.get("text") or ""))
    if not text:
        raise ParameterError(f"{where}: the question text is empty; write the question or "
                             "remove it")
    group = str(question.get("group") or "field")
    if group not in QUESTION_GROUPS:
        raise ParameterError(f"{where} ({text!r}): group {group!r} is not allowed; use one "
                             f"of {', '.join(QUESTION_GROUPS)}")
    raw = question.get("priority", 3)
    priority = None
    if raw is None or raw == "":
        priority = 3
    elif isinstance(raw, bool):
        priority = None
    elif isinstance(raw, int):
        priority = raw
    elif isinstance(raw, float) and raw.is_integer():
        priority = int(raw)
    elif isinstance(raw, str) and raw.strip().isdigit():
        priority = int(raw.strip())
    if priority is None or not 1 <= priority <= 5:
        raise ParameterError(f"{where} ({text!r}): priority {raw!r} is not allowed; use a "
                             "whole number from 1 (must ask) to 5 (only if there is time)")
    return {"text": text, "group": group, "priority": priority,
            "warm_up": bool(question.get("warm_up", False)),
            "wind_down": bool(question.get("wind_down", False))}


@dataclass(frozen=True)
class PlannedQuestion:
    """One question of a :class:`QuestionPlan`, in the order it will be asked.

    ``start_minute`` is when it comes up if every earlier question takes its share
    of the time; ``fits`` is False for questions the time agreed will likely not reach.
    """

    order: int
    text: str
    group: str
    priority: int
    warm_up: bool
    wind_down: bool
    start_minute: float
    fits: bool

    def as_dict(self) -> dict:
        """The question as a plain dict."""
        return asdict(self)


@dataclass(frozen=True)
class QuestionPlan:
    """The result of :func:`plan_questions`: the questions in order and the checks."""

    questions: tuple[PlannedQuestion, ...]
    minutes: float
    minutes_per_question: float
    fit_count: int
    checks: tuple[Check, ...]

    @property
    def main(self) -> list[PlannedQuestion]:
        """Warm-up and main questions, in order (the wind-down ones left out)."""
        return [q for q in self.questions if not q.wind_down]

    @property
    def wind_down(self) -> list[PlannedQuestion]:
        """The questions for the last minutes."""
        return [q for q in self.questions if q.wind_down]

    def to_frame(self):
        """The plan as a DataFrame, one row per question."""
        import pandas as pd
        columns = [f.name for f in fields(PlannedQuestion)]
        return pd.DataFrame([q.as_dict() for q in self.questions], columns=columns)


def _minutes(value, *, name: str) -> float:
    """A positive, finite number of minutes, or a ParameterError naming ``name``."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if isinstance(value, bool) or not math.isfinite(number) or number <= 0:
        lo, hi = MEETING_MINUTES
        raise ParameterError(f"{name} must be a positive number of minutes (a meeting is "
                             f"usually {lo}–{hi}), got {value!r}")
    return number


@share_docs
def plan_questions(questions, *, minutes, minutes_per_question: float = MINUTES_PER_QUESTION,
                   opening_minutes: float = OPENING_MINUTES,
                   wind_down_minutes: float = WIND_DOWN_MINUTES) -> QuestionPlan:
    """Put questions in the order to ask them and fit them to the time agreed.

    Warm-up questions come first, then the others by priority (1 first; ties keep
    the order given) and the wind-down questions last. The leading questions that
    fit in ``minutes`` less the opening and the wind-down are marked ``fits``; the
    rest are the ones to ask only if there is time.

    Parameters
    ----------
    questions : iterable of dict or str
        See :func:`normalize_question`.
    minutes : float
        The length of the meeting agreed, usually 15–30.
    {params.minutes_per_question}
    {params.opening_minutes}
    {params.wind_down_minutes}

    Returns
    -------
    QuestionPlan
        With checks ``target`` (8–10 questions), ``warm_up``, ``wind_down``, ``groups``
        (all three asked about), ``duplicates``, ``meeting_length`` (15–30 minutes) and
        ``fit`` (everything fits the time).

    Raises
    ------
    ParameterError
        For a question that is not valid, or a length that is not a positive number.

    Examples
    --------
    >>> plan = plan_questions([{"text": "What next?", "priority": 1},
    ...                        {"text": "How did you start?", "warm_up": True}], minutes=20)
    >>> [q.text for q in plan.questions]
    ['How did you start?', 'What next?']
    """
    minutes = _minutes(minutes, name="minutes")
    mpq = _minutes(minutes_per_question, name="minutes_per_question")
    items = [normalize_question(q, where=f"question {n + 1}") for n, q in enumerate(questions)]
    indexed = list(enumerate(items))

    def by_priority(pairs):
        return sorted(pairs, key=lambda p: (p[1]["priority"], p[0]))

    warm = by_priority(p for p in indexed if p[1]["warm_up"] and not p[1]["wind_down"])
    body = by_priority(p for p in indexed if not p[1]["warm_up"] and not p[1]["wind_down"])
    tail = by_priority(p for p in indexed if p[1]["wind_down"])
    main = [q for _, q in warm + body]
    usable = minutes - opening_minutes - wind_down_minutes
    fit_count = max(0, min(len(main), math.floor(usable / mpq + 1e-9)))
    planned = [PlannedQuestion(order=k + 1, start_minute=round(opening_minutes + k * mpq, 1),
                               fits=k < fit_count, **q) for k, q in enumerate(main)]
    end = round(max(0.0, minutes - wind_down_minutes), 1)
    planned += [PlannedQuestion(order=len(main) + k + 1, start_minute=end, fits=True, **q)
                for k, (_, q) in enumerate(tail)]

    checks: list[Check] = []
    lo, hi = QUESTION_TARGET
    n = len(main)
    checks.append(Check(
        "target", lo <= n <= hi,
        f"{n} questions planned, within the {lo}–{hi} to aim for." if lo <= n <= hi else
        f"{n} question{'s' if n != 1 else ''} planned (wind-down ones not counted); aim for "
        f"{lo}–{hi}, so you still have enough when some get answered along the way."
        if n < lo else
        f"{n} questions planned; aim for {lo}–{hi}. Give the extra ones a low priority: "
        "the talk will only reach a few.", "warning"))
    ok = 1 <= len(warm) <= MAX_WARM_UPS
    checks.append(Check(
        "warm_up", ok,
        "Opens with an easy warm-up question." if ok else
        "Mark an easy, open question as warm-up, so the talk starts comfortably."
        if not warm else
        f"{len(warm)} warm-up questions; one or two is enough, the rest take time from "
        "the questions that matter.", "warning"))
    checks.append(Check(
        "wind_down", bool(tail),
        "Keeps questions for the wind-down." if tail else
        "Keep a question for the last minutes, e.g. who else you should talk to.", "warning"))
    missing = [label.lower() for key, label in QUESTION_GROUPS.items()
               if not any(q["group"] == key for q in items)]
    checks.append(Check(
        "groups", not missing,
        "Asks about the field, the person and your own chances." if not missing else
        "No question yet about " + " or ".join(missing) + ".", "info"))
    seen: Counter = Counter(q["text"].casefold() for q in items)
    twice = [q["text"] for q in items if seen[q["text"].casefold()] > 1]
    twice = list(dict.fromkeys(twice))
    checks.append(Check(
        "duplicates", not twice,
        "No question appears twice." if not twice else
        "In the plan twice: " + "; ".join(repr(t) for t in twice) + ". Remove one.",
        "warning"))
    checks += check_meeting_length(round(minutes))
    fits = fit_count >= n
    checks.append(Check(
        "fit", fits,
        f"All {n} questions fit in {minutes:g} minutes." if fits else
        f"About {fit_count} question{'s' if fit_count != 1 else ''} fit in {minutes:g} "
        f"minutes ({mpq:g} each, {opening_minutes:g} to open, {wind_down_minutes:g} to wind "
        f"down); the last {n - fit_count} are for if there is time.", "info"))
    return QuestionPlan(tuple(planned), minutes, mpq, fit_count, tuple(checks))


def check_research(notes: Mapping) -> list[Check]:
    """What the research notes on a person and their organisation still lack.

    Parameters
    ----------
    notes : mapping
        Keyed as :data:`RESEARCH_FIELDS`, plus ``mission`` (their aim in a sentence).

    Returns
    -------
    list of Check
        ``organisation``, ``person``, ``shared`` and ``mission``, all hints (``info``).
    """
    def has(*keys):
        return any(_norm(str(notes.get(k) or "")) for k in keys)

    return [
        Check("organisation", has("website", "news", "org_notes"),
              "Notes on the organisation." if has("website", "news", "org_notes") else
              "Read their website and recent news: questions that a quick search answers "
              "waste the time they give you.", "info"),
        Check("person", has("background", "achievements"),
              "Notes on the person." if has("background", "achievements") else
              "Look up their path and achievements (company bio, LinkedIn, talks).", "info"),
        Check("shared", has("shared"),
              "Something in common noted." if has("shared") else
              "Look for something you share (a school, a city, a person): it makes a quick "
              "connection.", "info"),
        Check("mission", has("mission"),
              "Their mission noted; the pitch is checked against it." if has("mission") else
              "Sum up their mission in one sentence; your pitch should speak to it.", "info"),
    ]


# --- the elevator pitch ------------------------------------------------------------------
def compose_pitch(*, where_you_are: str = "", what_you_want: str = "",
                  hope_to_learn: str = "") -> str:
    """Join the parts of an elevator pitch into what you will say.

    Parameters
    ----------
    where_you_are, what_you_want, hope_to_learn : str
        See :data:`PITCH_PARTS`; empty parts are left out, nothing is invented.

    Examples
    --------
    >>> compose_pitch(where_you_are="I finish my degree in June", hope_to_learn="")
    'I finish my degree in June.'
    """
    parts = [_sentence(p) for p in (where_you_are, what_you_want, hope_to_learn)]
    return " ".join(p for p in parts if p)


def pitch_seconds(text: str, wpm: float = SPEAKING_WPM) -> float:
    """Seconds it takes to say ``text`` at ``wpm`` words per minute (one decimal).

    Raises
    ------
    ParameterError
        When ``wpm`` is not a positive number.

    Examples
    --------
    >>> pitch_seconds("word " * 70, wpm=140)
    30.0
    """
    try:
        rate = float(wpm)
    except (TypeError, ValueError):
        rate = math.nan
    if isinstance(wpm, bool) or not math.isfinite(rate) or rate <= 0:
        raise ParameterError(f"pitch_seconds: wpm must be a positive speaking rate in words "
                             f"per minute (about 120–160), got {wpm!r}")
    return round(count_words(str(text or "")) * 60.0 / rate, 1)


_STOPWORDS = frozenset(
    "about after also among and are because been being between both but can could does "
    "each every from have help helps into just more most other over some such than that "
    "their them then there these they this those through under very what when where "
    "which while with within would your ours our people work world make makes".split())


def check_pitch(parts: Mapping, *, wpm: float = SPEAKING_WPM, mission: str = "") -> list[Check]:
    """Time a pitch and check it has its three parts and speaks to their mission.

    Parameters
    ----------
    parts : mapping
        The texts of :data:`PITCH_PARTS` (missing keys count as empty).
    wpm : float
        Speaking rate in words per minute.
    mission : str
        Their mission or main aim, from your research; when given, the pitch should
        echo at least one of its words.

    Returns
    -------
    list of Check
        ``pitch_length`` (30–45 s), ``pitch_parts`` and ``mission``.
    """
    text = compose_pitch(**{k: str(parts.get(k) or "") for k in PITCH_PARTS})
    seconds = pitch_seconds(text, wpm)
    lo, hi = PITCH_SECONDS
    low_words, high_words = math.ceil(lo * wpm / 60), math.floor(hi * wpm / 60)
    if not text:
        length = Check("pitch_length", False, "The pitch is empty: say where you are, what "
                       "you want and what you hope to learn.", "warning")
    elif seconds < lo:
        length = Check("pitch_length", False, f"About {seconds:g} s to say; aim for {lo}–{hi} s "
                       f"({low_words}–{high_words} words).", "info")
    elif seconds > hi:
        length = Check("pitch_length", False, f"About {seconds:g} s to say; cut it to "
                       f"{lo}–{hi} s (at most {high_words} words).", "warning")
    else:
        length = Check("pitch_length", True, f"About {seconds:g} s to say: within {lo}–{hi} s.")
    missing = [label.split(" (")[0].lower() for key, label in PITCH_PARTS.items()
               if not _norm(str(parts.get(key) or ""))]
    checks = [length, Check(
        "pitch_parts", not missing,
        "Has all three parts." if not missing else "Still missing: " + "; ".join(missing) + ".",
        "warning")]
    keywords = {w for w in re.findall(r"[^\W\d_]{5,}", str(mission or "").casefold())
                if w not in _STOPWORDS}
    if keywords:
        # compare five-letter stems, so "publishing" matches "publishes"
        said = {w[:5] for w in re.findall(r"[^\W\d_]{5,}", text.casefold())}
        echoed = any(k[:5] in said for k in keywords)
        checks.append(Check(
            "mission", echoed,
            "Speaks to their mission." if echoed else
            "Nothing in the pitch echoes their mission; say why their work matters to you.",
            "info"))
    else:
        checks.append(Check("mission", True, "No mission noted in your research to compare "
                            "with (add it under Website).", "info"))
    return checks


def check_answers(answers: Mapping) -> list[Check]:
    """One check per topic of :data:`INTERVIEW_TOPICS`: is an answer prepared?"""
    checks = []
    for key, label in INTERVIEW_TOPICS.items():
        topic = label.split(":")[0].lower()
        ok = bool(_norm(str(answers.get(key) or "")))
        checks.append(Check(f"answer_{key}", ok,
                            f"Answer ready about {topic}." if ok else
                            f"Prepare an answer about {topic}: they may interview you too.",
                            "info"))
    return checks


# --- logistics ---------------------------------------------------------------------------
_CAFE_RE = re.compile(r"\b(?:caf[eé]|coffee|restaurant|bar|lunch|breakfast|bistro|pub|"
                      r"bakery|tea ?room|brasserie)\b", re.IGNORECASE)
_VIDEO_RE = re.compile(r"https?://|\bzoom\b|\bteams\b|\bmeet\.|\bvideo\b|\bwebex\b",
                       re.IGNORECASE)
_PHONE_RE = re.compile(r"\bphone\b|\bcall\b|\btelephone\b", re.IGNORECASE)


def guess_venue(place: str = "", channel: str = "") -> str:
    """The :data:`VENUES` key that a meeting's place and channel suggest.

    Examples
    --------
    >>> guess_venue("Blue Door Café, 5 Main St")
    'cafe'
    >>> guess_venue("", "video")
    'video'
    >>> guess_venue("Their office, 3rd floor")
    'workplace'
    """
    channel = _norm(str(channel or ""))
    if channel in ("phone", "video"):
        return channel
    text = str(place or "")
    if _VIDEO_RE.search(text):
        return "video"
    if _PHONE_RE.search(text):
        return "phone"
    if _CAFE_RE.search(text):
        return "cafe"
    return "workplace"


def logistics_checklist(venue: str) -> list[dict]:
    """What to see to before a meeting at ``venue``.

    Parameters
    ----------
    venue : {"workplace", "cafe", "phone", "video"}

    Returns
    -------
    list of dict
        Each with ``key`` and ``text``; the keys stay the same, so ticks can be saved.

    Raises
    ------
    ParameterError
        When ``venue`` is not one of :data:`VENUES`.
    """
    if venue not in VENUES:
        raise ParameterError(f"logistics_checklist: venue {venue!r} is not allowed; use one "
                             f"of {', '.join(VENUES)}")
    remote = venue in ("phone", "video")
    if venue == "video":
        early = "Be ready 5 minutes early, somewhere quiet, with link, camera and sound tested"
    elif venue == "phone":
        early = "Be ready 5 minutes early, somewhere quiet, with their number at hand"
    else:
        early = "Arrive 5–10 minutes early: know the route and allow for delays"
    items = [("arrive_early", early),
             ("confirm", "Confirm the time and place the day before"),
             ("resume", "Your résumé: have it ready to send if they ask" if remote else
              "Your résumé: two or three printed copies, even if you sent one")]
    if not remote:
        items.append(("cards", "Business cards, if you have them"))
    items += [("notes", "Notebook and pen (or a device) and this brief"),
              ("watch", "A watch or clock in view, to keep to the time they gave you")]
    items.append(("dress", {
        "workplace": "Dress as for a job interview",
        "cafe": "Smart-casual: neat and put together; no worn jeans, T-shirts or scuffed shoes",
        "video": "Dress as you would in person; check what shows behind you",
        "phone": "Sit up or stand as in a real meeting: it changes how you sound",
    }[venue]))
    if venue == "cafe":
        items.append(("pay", "Offer to pay for their drink or meal: it is your thank-you"))
    return [{"key": k, "text": t} for k, t in items]


# --- the one-page brief ------------------------------------------------------------------
#: Roughly how many characters of notes fit on one printed page of the brief.
BRIEF_PAGE_CHARS = 3300

_BRIEF_CSS = """
@page { size: A4; margin: 11mm; }
body { font: 9pt/1.25 system-ui, -apple-system, "Segoe UI", Arial, sans-serif; color: #111;
       max-width: 188mm; margin: 0 auto; }
h1 { font-size: 13pt; margin: 0 0 1pt; }
h2 { font-size: 10pt; margin: 5pt 0 1pt; border-bottom: 1px solid #999; }
p, ul, ol, dl { margin: 1pt 0; }
ol, ul { padding-left: 15pt; }
.meta { color: #333; }
.cols { display: flex; gap: 10pt; }
.cols > div { flex: 1; min-width: 0; }
.later { color: #777; }
.tag { font-size: 7.5pt; color: #555; }
dt { font-weight: 600; display: inline; }
dt::after { content: ": "; }
dd { display: inline; margin: 0; white-space: pre-wrap; }
dd::after { content: ""; display: block; margin-bottom: 2pt; }
ul.check { list-style: none; padding-left: 2pt; }
.notes { height: 20mm; border: 1px dashed #bbb; }
"""


def _esc(value) -> str:
    return html.escape(str(value if value is not None else ""), quote=True)


def _definitions(pairs) -> str:
    rows = [f"<dt>{_esc(k)}</dt><dd>{_esc(str(v).strip())}</dd>"
            for k, v in pairs if str(v or "").strip()]
    return ("<dl>" + "".join(rows) + "</dl>") if rows else (
        "<p class='later'>Nothing noted yet.</p>")


def _label(mapping: dict, key: str) -> str:
    return mapping[key].split(":")[0]


def compose_brief(contact: Mapping, *, research: Mapping | None = None, questions=None,
                  minutes: float = 30, pitch: str = "", answers: Mapping | None = None,
                  logistics=None, meeting: Mapping | None = None,
                  wpm: float = SPEAKING_WPM, locale=None) -> str:
    """The printable one-page meeting brief, as a complete HTML document.

    Parameters
    ----------
    contact : mapping
        The contact's fields (``name``, ``company``, ``role``, ``industry``,
        ``location``, ``email``, ``phone``).
    research : mapping, optional
        Notes keyed as :data:`RESEARCH_FIELDS`.
    questions : QuestionPlan or iterable, optional
        The question plan; a list is planned with :func:`plan_questions` first.
    minutes : float
        Length of the meeting when ``meeting`` does not say (for a list of questions).
    pitch : str
        The elevator pitch as you will say it.
    answers : mapping, optional
        Prepared answers keyed as :data:`INTERVIEW_TOPICS`.
    logistics : iterable of dict, optional
        Items of :func:`logistics_checklist`, each optionally with ``done``.
    meeting : mapping, optional
        ``when`` (text), ``place`` and ``minutes``.
    wpm : float
        Speaking rate used to time the pitch.
    locale : str, optional
        Spelling of the brief's own words and of the bank's questions (see
        :data:`LOCALES`; default en-US). What you typed is printed as typed.

    Returns
    -------
    str
        HTML with print styles for one A4 page; every value is escaped.
    """
    def sp(text: str) -> str:
        return localize_spelling(text, locale=locale)

    fields = research_fields(locale=locale)
    research = dict(research or {})
    answers = dict(answers or {})
    meeting = dict(meeting or {})
    name = _norm(str(contact.get("name") or "")) or "(no name)"
    org = _norm(str(contact.get("company") or ""))
    role = _norm(str(contact.get("role") or ""))
    title = name + (f", {role}" if role else "") + (f" — {org}" if org else "")
    length = meeting.get("minutes") or minutes
    if questions is None:
        plan = None
    elif isinstance(questions, QuestionPlan):
        plan = questions
    else:
        plan = plan_questions(questions, minutes=length)
    meta = []
    if _norm(str(meeting.get("when") or "")):
        meta.append(f"<b>When:</b> {_esc(meeting['when'])}")
    if _norm(str(meeting.get("place") or "")):
        meta.append(f"<b>Where:</b> {_esc(meeting['place'])}")
    meta.append(f"<b>Length:</b> {float(plan.minutes if plan else length):g} minutes")
    for key, label in (("location", "Based in"), ("industry", "Industry"),
                       ("email", "E-mail"), ("phone", "Phone")):
        if _norm(str(contact.get(key) or "")):
            meta.append(f"<b>{label}:</b> {_esc(contact[key])}")
    out = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>",
           f"<title>Meeting brief: {_esc(name)}</title>",
           f"<style>{_BRIEF_CSS}</style></head><body>",
           f"<h1>Meeting brief: {_esc(title)}</h1>",
           "<p class='meta'>" + " · ".join(meta) + "</p>"]
    person = [(_label(fields, k), research.get(k, ""))
              for k in ("background", "achievements", "shared")]
    organisation = [(_label(fields, k), research.get(k, ""))
                    for k in ("website", "news", "org_notes")]
    if _norm(str(research.get("mission") or "")):
        organisation.insert(0, ("Mission", research["mission"]))
    out.append("<div class='cols'><div><h2>The person</h2>" + _definitions(person)
               + f"</div><div><h2>{sp('The organisation')}</h2>" + _definitions(organisation)
               + "</div></div>")
    out.append("<h2>Questions, in the order to ask them</h2>")
    if plan is None or not plan.questions:
        out.append("<p class='later'>No questions planned yet.</p>")
    else:
        rows = []
        for q in plan.main:
            tags = (["warm-up"] if q.warm_up else []) + [
                QUESTION_TAGS[q.group], f"priority {q.priority}"]
            later = "" if q.fits else " class='later'"
            note = "" if q.fits else ", if time"
            rows.append(f"<li{later}>{_esc(spell_bank_question(q.text, locale=locale))} "
                        f"<span class='tag'>[{', '.join(tags)}{note}]</span></li>")
        out.append("<ol>" + "".join(rows) + "</ol>")
        if plan.wind_down:
            out.append("<p><b>Wind down</b> (keep the last few minutes):</p><ul>"
                       + "".join(f"<li>{_esc(spell_bank_question(q.text, locale=locale))}"
                                 "</li>" for q in plan.wind_down)
                       + "</ul>")
    said = _norm(str(pitch or ""))
    out.append("<div class='cols'><div>")
    if said:
        out.append(f"<h2>Your pitch (about {pitch_seconds(said, wpm):g} s)</h2>"
                   f"<p>{_esc(said)}</p>")
    else:
        out.append("<h2>Your pitch</h2><p class='later'>Not written yet.</p>")
    out.append("<h2>If they interview you</h2>" + _definitions(
        [(_label(INTERVIEW_TOPICS, k), answers.get(k, "")) for k in INTERVIEW_TOPICS]))
    out.append("</div><div><h2>Logistics</h2>")
    items = list(logistics or [])
    if items:
        out.append("<ul class='check'>" + "".join(
            f"<li>{'☑' if item.get('done') else '☐'} {_esc(sp(item.get('text', '')))}</li>"
            for item in items) + "</ul>")
    else:
        out.append("<p class='later'>No checklist yet.</p>")
    out.append("<h2>Notes</h2><div class='notes'></div></div></div></body></html>")
    return "\n".join(out)


def check_brief(*, research: Mapping | None = None, questions=None, pitch: str = "",
                answers: Mapping | None = None) -> list[Check]:
    """Check that the brief's notes fit on one printed page.

    Returns
    -------
    list of Check
        One check, ``one_page``.
    """
    texts = [str(v or "") for v in dict(research or {}).values()]
    texts += [str(v or "") for v in dict(answers or {}).values()]
    texts.append(str(pitch or ""))
    if questions is not None:
        qs = questions.questions if isinstance(questions, QuestionPlan) else list(questions)
        texts += [q.text if isinstance(q, PlannedQuestion) else normalize_question(q)["text"]
                  for q in qs]
    n = sum(len(_norm(t)) for t in texts)
    ok = n <= BRIEF_PAGE_CHARS
    return [Check("one_page", ok,
                  f"Fits on one page ({n} characters of notes)." if ok else
                  f"About {n} characters of notes; roughly {BRIEF_PAGE_CHARS} fit on one "
                  "printed page. Shorten the research notes or the answers.", "warning")]
