"""Pure text and checks for the campaign notebooks.

Everything here takes plain values (strings, numbers, dates, lists of dicts) and
returns text or a list of :class:`Check`; nothing reads files or builds widgets.
The forms in :mod:`infoint_nb.forms` are thin layers over these functions.

Sections, in campaign order:

- shared: :class:`Check` and small text helpers;
- goals and places (notebook 01): :func:`check_goals`, :func:`parse_places`,
  :func:`check_places`, :func:`rank_employers`, :func:`check_employers`;
- finding people (02): :data:`SEARCH_CHANNELS`, :func:`count_contacts_by_channel`,
  :func:`check_search_plan`, :func:`compose_network_ask`, :func:`check_network_ask`,
  :func:`check_cite_permission`;
- reaching out (03): :func:`compose_letter`, :func:`check_letter`,
  :func:`follow_up_due_date`, :func:`compose_phone_script`, :func:`phone_script_text`,
  :func:`check_meeting_length`;
- prepare (05): :data:`QUESTION_BANK`, :func:`starter_questions`,
  :func:`plan_questions`, :func:`check_research`, :func:`compose_pitch`,
  :func:`pitch_seconds`, :func:`check_pitch`, :func:`check_answers`,
  :func:`guess_venue`, :func:`logistics_checklist`, :func:`compose_brief`,
  :func:`check_brief`;
- meeting (06): :func:`time_budget`, :func:`compose_meeting_notes`;
- follow-up (07): :func:`note_points`, :func:`thank_you_due_on`,
  :func:`compose_thank_you`, :func:`check_thank_you`, :func:`update_schedule`,
  :func:`compose_update`.
"""
from __future__ import annotations

import datetime as _dt
import html
import math
import re
import textwrap
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, fields

from . import config
from ._docstrings import share_docs
from .errors import ParameterError
from .schema import parse_date

__all__ = [
    # shared
    "Check", "CHECK_LEVELS", "worst_level", "failed_checks", "count_words", "count_lines",
    "human_date", "day_and_month", "DEFAULT_LOCALE", "LOCALES", "check_locale",
    "localize_spelling", "greeting_name", "greeting", "TITLES",
    # goals and places (01)
    "PURPOSES", "MAX_PLACES", "check_goals", "parse_places", "place_key", "check_places",
    "LAMP_SCORES", "LAMP_ORDER", "rank_employers", "check_employers",
    # finding people (02)
    "SEARCH_CHANNELS", "count_contacts_by_channel", "check_search_plan",
    "compose_network_ask", "check_network_ask", "check_cite_permission",
    # reaching out (03)
    "LETTER_PARTS", "ONE_PAGE_WORDS", "ONE_PAGE_LINES", "SHORT_EMAIL_WORDS", "LINE_WIDTH",
    "MEETING_TYPE_PHRASES", "SIGN_OFF", "HOW_FOUND", "compose_letter", "check_letter",
    "suggest_ask", "suggest_follow_up", "suggest_how_found", "resume_sentence",
    "mentioned_dates", "time_window_end", "follow_up_due_date", "PHONE_SCRIPT_STEPS",
    "PHONE_SCRIPT_LABELS",
    "compose_phone_script", "phone_script_text", "MEETING_MINUTES", "check_meeting_length",
    "parse_clock_time",
]


# =====================================================================================
# --- shared ---
# =====================================================================================

#: Levels of a failed check, mildest first. A passed check is "ok" whatever its level.
CHECK_LEVELS: tuple[str, ...] = ("info", "warning", "error")


@dataclass(frozen=True)
class Check:
    """The outcome of one check on something the job seeker wrote.

    Parameters
    ----------
    name : str
        A short stable id, e.g. ``"one_page"``; tests and forms refer to it.
    ok : bool
        Whether the check passed.
    message : str
        One plain sentence for the job seeker: what is fine, or what to change.
    level : str
        How much a failure matters: ``"info"`` (a hint), ``"warning"`` (worth fixing)
        or ``"error"`` (fix before sending). Ignored when ``ok`` is true.
    """

    name: str
    ok: bool
    message: str
    level: str = "warning"

    def __post_init__(self):
        if self.level not in CHECK_LEVELS:
            raise ParameterError(f"Check level {self.level!r} is not allowed; "
                                 f"use one of {', '.join(CHECK_LEVELS)}")


def failed_checks(checks: list[Check]) -> list[Check]:
    """The checks that did not pass, in their order."""
    return [c for c in checks if not c.ok]


def worst_level(checks: list[Check]) -> str:
    """``"ok"`` when every check passed, else the most serious failed level.

    Examples
    --------
    >>> worst_level([Check("a", True, "fine"), Check("b", False, "hm", "info")])
    'info'
    """
    levels = [c.level for c in checks if not c.ok]
    if not levels:
        return "ok"
    return max(levels, key=CHECK_LEVELS.index)


_WORD_RE = re.compile(r"[^\W_](?:[\w'’.@/-]*[^\W_])?")


#: Where a line of typed or logged text ends: CR, LF or CRLF only (``str.splitlines``
#: would also split at U+2028, U+0085, form feeds … inside a value).
_LINE_END = re.compile(r"\r\n|\r|\n")


def count_words(text: str) -> int:
    """Words in ``text`` (an e-mail address or ``15-30`` counts as one).

    Examples
    --------
    >>> count_words("Dear Ms Lin, I'm writing about a 15-30 minute chat.")
    10
    """
    return len(_WORD_RE.findall(text or ""))


def count_lines(text: str, *, width: int | None = None) -> int:
    """Lines ``text`` takes on a page, wrapping long lines at ``width`` characters."""
    width = width or LINE_WIDTH
    n = 0
    body = (text or "").strip("\r\n")
    for line in (_LINE_END.split(body) if body else []):
        n += max(1, len(textwrap.wrap(line, width)) if line.strip() else 1)
    return n


#: The locale used when the user's profile names none: month-first dates, US spelling.
DEFAULT_LOCALE = "en-US"
#: Locales the texts know: only ``en-US`` writes the month first; the others write
#: ``19 May`` and British spelling (organisation, programme, centre).
LOCALES: tuple[str, ...] = ("en-US", "en-GB", "en-IE", "en-AU", "en-NZ", "en-CA", "en-IN",
                            "en-ZA")


def check_locale(locale) -> str:
    """``locale`` in its standard spelling (``en_gb`` → ``en-GB``); empty → the default.

    Raises
    ------
    ParameterError
        When it is not one of :data:`LOCALES`.

    Examples
    --------
    >>> check_locale("en_gb"), check_locale(None)
    ('en-GB', 'en-US')
    """
    text = str(locale or "").strip().replace("_", "-")
    if not text:
        return DEFAULT_LOCALE
    for known in LOCALES:
        if known.casefold() == text.casefold():
            return known
    raise ParameterError(f"locale {locale!r} is not known; use one of {', '.join(LOCALES)} "
                         f"(set it in your profile; {DEFAULT_LOCALE} is the default)")


def _month_first(locale) -> bool:
    return check_locale(locale) == "en-US"


def human_date(value, *, locale=None) -> str:
    """A date as people write it: ``Tuesday, May 19, 2026`` (en-US) or
    ``Tuesday 19 May 2026`` (every other locale).

    Examples
    --------
    >>> human_date("2026-05-19"), human_date("2026-05-19", locale="en-GB")
    ('Tuesday, May 19, 2026', 'Tuesday 19 May 2026')
    """
    d = parse_date(value, what="date")
    if _month_first(locale):
        return f"{d:%A}, {d:%B} {d.day}, {d.year}"
    return f"{d:%A} {d.day} {d:%B %Y}"


def day_and_month(value, *, locale=None) -> str:
    """A day without weekday or year: ``May 19`` (en-US) or ``19 May``."""
    d = parse_date(value, what="date")
    return f"{d:%B} {d.day}" if _month_first(locale) else f"{d.day} {d:%B}"


# British spelling → American spelling, for the words the composers write.
_SPELLINGS: dict[str, str] = {
    "organisation": "organization", "organisations": "organizations",
    "programme": "program", "programmes": "programs", "centre": "center",
    "centres": "centers", "favour": "favor", "licence": "license", "licences": "licenses",
    "realise": "realize", "realised": "realized", "recognise": "recognize",
    "apologise": "apologize", "colour": "color", "behaviour": "behavior",
    "travelling": "traveling", "practise": "practice", "catalogue": "catalog",
    "enrolled": "enrolled", "analyse": "analyze", "prioritise": "prioritize",
}
_SPELLING_RE = {
    True: re.compile(r"\b(" + "|".join(sorted(_SPELLINGS, key=len, reverse=True)) + r")\b",
                     re.IGNORECASE),
    False: re.compile(r"\b(" + "|".join(sorted({v for k, v in _SPELLINGS.items() if k != v},
                                                key=len, reverse=True)) + r")\b",
                      re.IGNORECASE),
}
_BRITISH = {v: k for k, v in _SPELLINGS.items() if k != v and k != "practise"}


def localize_spelling(text: str, *, locale=None) -> str:
    """``text`` with the composers' words spelt for ``locale``.

    Only a short list of words differs (organisation/organization, programme/program,
    centre/center, …); capitals are kept.

    Examples
    --------
    >>> localize_spelling("Organisations and programmes")
    'Organizations and programs'
    >>> localize_spelling("the career center", locale="en-GB")
    'the career centre'
    """
    us = _month_first(locale)
    table = _SPELLINGS if us else _BRITISH

    def swap(m):
        word = m.group(0)
        new = table.get(word.casefold())
        if new is None:
            return word
        return new[0].upper() + new[1:] if word[0].isupper() else new

    return _SPELLING_RE[us].sub(swap, str(text or ""))


#: Titles recognised at the start of a name (folded, without a full stop) → as written.
TITLES: dict[str, str] = {
    "dr": "Dr", "doctor": "Dr", "prof": "Prof", "professor": "Professor", "mr": "Mr",
    "mrs": "Mrs", "ms": "Ms", "miss": "Miss", "mx": "Mx", "rev": "Rev", "sir": "Sir",
    "dame": "Dame", "judge": "Judge",
}
_NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv phd ph.d. md m.d. mba esq esq. cpa".split())


def _split_name(name: str) -> tuple[str, list[str]]:
    """(title as written or ``""``, the other words of the name without suffixes)."""
    words = [w.strip(",") for w in _norm(str(name or "")).split()]
    words = [w for w in words if w]
    title = ""
    while words and words[0].rstrip(".").casefold() in TITLES:
        title = title or words[0]
        words = words[1:]
    while len(words) > 1 and words[-1].casefold() in _NAME_SUFFIXES:
        words = words[:-1]
    return title, words


def greeting_name(name: str, *, title: str = "") -> str:
    """How to address someone: title and surname when a title is known, else the first name.

    One rule for every composer. The title comes from ``title`` or from the start of
    the name (``Dr. Priya Raman``); a bare title with no name gives ``""`` (then the
    greeting is a plain ``Hello,``), never ``Dear Dr.,``.

    Examples
    --------
    >>> greeting_name("Dr. Priya Raman"), greeting_name("Yusuf Karim")
    ('Dr. Raman', 'Yusuf')
    >>> greeting_name("Yusuf Karim", title="Mr"), greeting_name("Dr.")
    ('Mr Karim', '')
    """
    found, words = _split_name(name)
    given = _norm(str(title or ""))
    if given and given.rstrip(".").casefold() not in TITLES:
        raise ParameterError(f"title {title!r} is not a title; use one of "
                             + ", ".join(sorted(set(TITLES.values()))) + " or leave it empty")
    use = given or found
    if not words:
        return ""
    if use:
        return f"{use} {words[-1]}"
    return words[0]


def greeting(name: str, *, title: str = "") -> str:
    """The first line of a letter: ``Dear Dr. Raman,``, ``Dear Yusuf,`` or ``Hello,``."""
    who = greeting_name(name, title=title)
    return f"Dear {who}," if who else "Hello,"


def _join(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").strip())


# =====================================================================================
# --- goals and places (01) ---
# =====================================================================================

#: What the job seeker mainly wants from the interviews.
PURPOSES: tuple[str, ...] = ("field information", "application advice", "both")

#: More distinct places than this and meetings get hard to arrange.
MAX_PLACES = 3

_NOT_A_PLACE = {"remote", "online", "anywhere", "video", "phone", "virtual"}


def check_goals(goals: dict) -> list[Check]:
    """Check the interests part of the goals (notebook 01).

    Parameters
    ----------
    goals : dict
        Keys ``business``, ``positions``, ``how_long``, ``how_far_up``, ``purpose``
        (one of :data:`PURPOSES`); missing keys count as empty.

    Returns
    -------
    list of Check
        ``business``, ``positions``, ``horizon`` and ``purpose``.
    """
    g = {k: _norm(str(v)) for k, v in (goals or {}).items() if v is not None}
    checks = [
        Check("business", bool(g.get("business")),
              "You named the kind of business you want to work for."
              if g.get("business") else
              "Say what kind of business or employer you are aiming at "
              "(e.g. a public water utility, a mid-sized engineering consultancy).",
              "error"),
        Check("positions", bool(g.get("positions")),
              "You named the positions you are after."
              if g.get("positions") else
              "Name one to three positions you would fit (e.g. process engineer, data analyst).",
              "error"),
        Check("horizon", bool(g.get("how_long") or g.get("how_far_up")),
              "You thought about how long you would stay and how far up you want to go."
              if g.get("how_long") or g.get("how_far_up") else
              "Think about how long you would stay and how far up you would like to go; "
              "it shapes whom you ask.", "info"),
    ]
    purpose = g.get("purpose", "")
    checks.append(Check(
        "purpose", purpose in PURPOSES,
        f"You want {purpose} from these interviews." if purpose in PURPOSES else
        "Choose what you want most from the interviews: " + ", ".join(PURPOSES) + ".",
        "warning"))
    return checks


def parse_places(text) -> list[str]:
    """Places typed one per line (or separated by ``;``), cleaned, duplicates dropped.

    A list is accepted too. ``"Basel, Switzerland"`` stays one place.

    Examples
    --------
    >>> parse_places("Basel\\n  Zurich ; basel")
    ['Basel', 'Zurich']
    """
    items = text if isinstance(text, (list, tuple)) else re.split(r"[;\n]", text or "")
    out, seen = [], set()
    for item in items:
        p = _norm(str(item))
        if p and place_key(p) not in seen:
            seen.add(place_key(p))
            out.append(p)
    return out


def place_key(location: str) -> str:
    """The comparable part of a location: its first comma part, case-folded.

    ``"Basel, Switzerland"`` and ``"basel"`` are the same place; ``"remote"`` and
    other non-places give ``""``.
    """
    key = _norm(str(location or "")).split(",")[0].strip().casefold()
    return "" if key in _NOT_A_PLACE else key


def check_places(places, contact_locations, *, max_places: int = MAX_PLACES) -> list[Check]:
    """Warn when the campaign spreads over too many places.

    Interviews are far easier to arrange when they cluster in one or two towns.

    Parameters
    ----------
    places : str or list of str
        The places the job seeker plans to work in (see :func:`parse_places`).
    contact_locations : list of str
        The ``location`` of each target contact (empty ones are ignored).
    max_places : int
        How many distinct places still count as "few".

    Returns
    -------
    list of Check
        ``few_places``, ``contacts_spread`` and ``contacts_in_places``.
    """
    planned = parse_places(places)
    planned_keys = {place_key(p) for p in planned} - {""}
    checks = []
    if not planned:
        checks.append(Check("few_places", False,
                            "Name at least one place where you want to work.", "warning"))
    elif len(planned_keys) > max_places:
        checks.append(Check(
            "few_places", False,
            f"You plan {len(planned_keys)} places ({', '.join(planned)}). Narrow it to "
            f"{max_places} or fewer so you can meet several people in the same area.",
            "warning"))
    else:
        checks.append(Check("few_places", True,
                            f"{len(planned_keys) or 'No'} place(s) planned: "
                            f"{', '.join(planned)}."))

    names: dict[str, str] = {}
    counts: Counter = Counter()
    for loc in contact_locations:
        k = place_key(loc)
        if k:
            counts[k] += 1
            names.setdefault(k, _norm(str(loc)).split(",")[0].strip())
    listing = ", ".join(f"{names[k]} {n}" for k, n in counts.most_common())
    if len(counts) > max_places:
        checks.append(Check(
            "contacts_spread", False,
            f"Your target contacts are spread over {len(counts)} places ({listing}). "
            "Getting between them costs time and money; focus on one or two.",
            "warning"))
    else:
        checks.append(Check(
            "contacts_spread", True,
            f"Your target contacts are in {len(counts)} place(s)"
            + (f": {listing}." if listing else ".")))

    outside = {k: n for k, n in counts.items() if planned_keys and k not in planned_keys}
    if outside:
        where = ", ".join(f"{names[k]} {n}" for k, n in sorted(outside.items(),
                                                              key=lambda kv: -kv[1]))
        checks.append(Check(
            "contacts_in_places", False,
            f"{sum(outside.values())} target contact(s) are outside your places ({where}). "
            "Add the place to your plan or choose people closer by.", "info"))
    else:
        checks.append(Check("contacts_in_places", True,
                            "Every located target contact is in one of your places."))
    return checks


#: Scores of a LAMP row: field → (lowest, highest, what the top score means).
LAMP_SCORES: dict[str, tuple[int, int, str]] = {
    "motivation": (0, 3, "3 = a dream employer, 0 = no real pull"),
    "advocacy": (0, 3, "3 = someone inside will vouch for you, 1 = alumni there, 0 = nobody"),
    "postings": (0, 3, "3 = postings that fit you now, 0 = none"),
}
#: Dalton's LAMP ordering: motivation first, then postings, then alumni/advocacy.
LAMP_ORDER: tuple[str, ...] = ("motivation", "postings", "advocacy")


def _score(row: dict, field: str, employer: str) -> int:
    lo, hi, meaning = LAMP_SCORES[field]
    raw = row.get(field, 0)
    if raw is None or (isinstance(raw, str) and raw.strip() == ""):
        return 0
    try:
        value = int(str(raw).strip()) if not isinstance(raw, (int, float)) else raw
        if isinstance(value, float) and not value.is_integer():
            raise ValueError
        value = int(value)
    except (TypeError, ValueError):
        value = None
    if value is None or not lo <= value <= hi:
        raise ParameterError(
            f"employer {employer!r}: {field} is {raw!r}; it must be a whole number from "
            f"{lo} to {hi} ({meaning}). Correct the score in the employer list.")
    return value


def rank_employers(rows, *, by: tuple[str, ...] = LAMP_ORDER) -> list[dict]:
    """Rank target employers the LAMP way (list, alumni/advocacy, motivation, postings).

    Parameters
    ----------
    rows : list of dict
        Each with ``employer`` and the scores ``motivation``, ``advocacy``,
        ``postings`` (whole numbers 0–3, empty counts as 0); other keys (``notes``)
        are kept. Rows without an employer name are left out.
    by : tuple of str
        Score fields to sort by, most important first (default: motivation, then
        postings, then advocacy, as Dalton sorts his LAMP list).

    Returns
    -------
    list of dict
        Copies of the rows with integer scores, a ``total`` and a 1-based ``rank``,
        best first; ties keep the same rank and are ordered by name.

    Raises
    ------
    ParameterError
        When a score is not a whole number from 0 to 3 or ``by`` names an unknown field.

    Examples
    --------
    >>> [r["employer"] for r in rank_employers([
    ...     {"employer": "B", "motivation": 2, "postings": 3},
    ...     {"employer": "A", "motivation": 3}])]
    ['A', 'B']
    """
    unknown = [f for f in by if f not in LAMP_SCORES]
    if unknown:
        raise ParameterError(f"rank_employers(by=...): {unknown[0]!r} is not a LAMP score; "
                             f"use {', '.join(LAMP_SCORES)}")
    out = []
    for row in rows or []:
        name = _norm(str(row.get("employer", "") or ""))
        if not name:
            continue
        r = dict(row)
        r["employer"] = name
        for field in LAMP_SCORES:
            r[field] = _score(row, field, name)
        r["total"] = sum(r[f] for f in LAMP_SCORES)
        out.append(r)
    out.sort(key=lambda r: tuple(-r[f] for f in by) + (r["employer"].casefold(),))
    prev, rank = None, 0
    for i, r in enumerate(out, start=1):
        key = tuple(r[f] for f in by)
        if key != prev:
            rank, prev = i, key
        r["rank"] = rank
    return out


def check_employers(rows, *, at_least: int = 5) -> list[Check]:
    """Check a LAMP list: enough employers, no duplicates, valid scores.

    Returns
    -------
    list of Check
        ``scores``, ``duplicates`` and ``enough``.
    """
    checks = []
    try:
        ranked = rank_employers(rows)
        checks.append(Check("scores", True, "Every score is a whole number from 0 to 3."))
    except ParameterError as exc:
        ranked = [r for r in rows or [] if _norm(str(r.get("employer", "") or ""))]
        checks.append(Check("scores", False, str(exc), "error"))
    keys = Counter(_norm(str(r.get("employer", ""))).casefold() for r in ranked)
    dups = sorted(k for k, n in keys.items() if n > 1)
    checks.append(Check(
        "duplicates", not dups,
        "No employer is listed twice." if not dups else
        "Listed more than once: " + ", ".join(dups) + ". Keep one row per employer.",
        "warning"))
    n = len(keys)
    checks.append(Check(
        "enough", n >= at_least,
        f"{n} employers on your list." if n >= at_least else
        f"Only {n} employer(s) on your list; aim for at least {at_least} so a few "
        "silent ones do not stall you.", "info"))
    return checks


# =====================================================================================
# --- finding people (02) ---
# =====================================================================================

#: Search channels: key → (label, the log's sources that count as found there, an example).
SEARCH_CHANNELS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "company_sites": ("Company sites and staff bios", ("company_website", "online_search"),
                      "Team pages of the three utilities in Basel; look for engineers "
                      "who studied where I did"),
    "linkedin": ("LinkedIn", ("linkedin", "social_media"),
                 "Search 'process engineer' + 'water' within 30 km of Basel"),
    "alumni": ("Alumni network and career services", ("alumni", "career_center"),
               "Alumni directory: chemical engineering graduates 2010–2020 in Switzerland"),
    "associations": ("Professional associations and events", ("professional_association", "event"),
                     "Regional water association: members' list, the spring meet-up"),
    "everyone": ("Everyone you know", ("personal_network", "referral"),
                 "Family, former colleagues, teachers, my climbing club"),
}


def count_contacts_by_channel(sources) -> dict[str, int]:
    """How many contacts each search channel has produced so far.

    Parameters
    ----------
    sources : iterable of str
        The ``source`` of each contact (empty or other values are not counted).

    Returns
    -------
    dict
        Channel key (:data:`SEARCH_CHANNELS`) → number of contacts.
    """
    counts = Counter(str(s) for s in sources)
    return {key: sum(counts[s] for s in srcs) for key, (_, srcs, _) in SEARCH_CHANNELS.items()}


def check_search_plan(plan: dict) -> list[Check]:
    """Check a search plan: at least two channels, and your own network among them.

    Parameters
    ----------
    plan : dict
        Channel key → what you will search there (text); other keys are ignored.

    Returns
    -------
    list of Check
        ``channels`` and ``everyone``.
    """
    used = [k for k in SEARCH_CHANNELS if _norm(str((plan or {}).get(k, "") or ""))]
    checks = [Check(
        "channels", len(used) >= 2,
        f"You plan to search {len(used)} channels." if len(used) >= 2 else
        "Plan at least two channels; people found in several ways make a sturdier list.",
        "warning")]
    checks.append(Check(
        "everyone", "everyone" in used,
        "You will ask the people you know." if "everyone" in used else
        "Tell everyone you know what you are looking for; friends of friends are often "
        "the warmest introductions.", "info"))
    return checks


_JOB_WORDS = re.compile(r"\b(jobs?|hiring|vacanc(?:y|ies)|openings?|employ me|hire me)\b",
                        re.IGNORECASE)


def compose_network_ask(*, role: str = "", field: str = "", place: str = "",
                        organisations: str = "", reason: str = "") -> str:
    """A *specific* question to send to friends, family and colleagues.

    A vague "let me know if you hear of anything" gets nothing; "do you know a
    hydrologist at a utility in Basel?" gets names.

    Parameters
    ----------
    role, field, place, organisations : str
        What you are looking for, e.g. ``"process engineer"``, ``"drinking water"``,
        ``"Basel"``, ``"IWB or Hardwasser"``. Empty parts are left out.
    reason : str
        One sentence on why (optional), e.g. ``"I finish my master's in June."``.

    Examples
    --------
    >>> compose_network_ask(role="process engineer", field="drinking water",
    ...                     place="Basel").split("?")[0]
    'Do you know anyone who works as a process engineer in drinking water in or around Basel'
    """
    who = f"works as a {_norm(role)}" if _norm(role) else "works"
    if _norm(field):
        who += f" in {_norm(field)}"
    if _norm(organisations):
        who += f" at {_norm(organisations)}"
    if _norm(place):
        who += f" in or around {_norm(place)}"
    question = f"Do you know anyone who {who}?"
    if not (_norm(role) or _norm(field) or _norm(organisations)):
        question = "Do you know anyone whose work I could learn from?"
    follow = ("I would love to ask them a few questions in a short informational interview "
              "about how they got there.")
    return _join(_norm(reason), question, follow)


def check_network_ask(text: str, *, role: str = "", field: str = "", place: str = "",
                      organisations: str = "") -> list[Check]:
    """Check that an ask to your network is a specific question, not a job hunt.

    Returns
    -------
    list of Check
        ``question``, ``specific`` and ``not_a_job_request``.
    """
    t = text or ""
    what = any(_norm(x) for x in (role, field, organisations))
    where = bool(_norm(place) or _norm(organisations))
    checks = [
        Check("question", "?" in t,
              "It is a question people can answer with a name." if "?" in t else
              "Ask a question (\"Do you know anyone who…?\") so people answer with names.",
              "warning"),
        Check("specific", what and where,
              "It says what kind of work and where." if what and where else
              "Be specific: name the kind of work"
              + ("" if what else " (a role, field or employer)")
              + (" and where" if not where else "") + ".",
              "warning"),
    ]
    m = _JOB_WORDS.search(t)
    checks.append(Check(
        "not_a_job_request", m is None,
        "It asks for people to learn from, not for a job." if m is None else
        f"It mentions {m.group(0)!r}; asking for a job makes people hold back. "
        "Ask for someone to learn from instead.", "warning"))
    return checks


def check_cite_permission(mutual_connection: str, cite_permission: str) -> list[Check]:
    """Check that a shared connection is only named with their permission.

    Parameters
    ----------
    mutual_connection : str
        The person you both know (empty when there is none).
    cite_permission : str
        ``yes``, ``no``, ``asked`` or empty (not asked yet).

    Returns
    -------
    list of Check
        One check, ``cite_permission``.
    """
    who = _norm(mutual_connection)
    perm = _norm(cite_permission).casefold()
    if not who:
        return [Check("cite_permission", True, "No shared connection to cite.")]
    if perm == "yes":
        return [Check("cite_permission", True,
                      f"{who} said you may mention them. Say so early in your letter.")]
    state = {"no": f"{who} asked you not to mention them",
             "asked": f"you asked {who} but have no answer yet"}.get(
        perm, f"you have not asked {who} yet")
    return [Check("cite_permission", False,
                  f"Do not name {who} in your letter: {state}. Ask first, and mention "
                  "them only after a yes.", "warning")]


# =====================================================================================
# --- reaching out (03) ---
# =====================================================================================

#: The parts of an outreach letter, in the order they appear.
LETTER_PARTS: tuple[str, ...] = (
    "recipient_name", "connection", "how_found", "who_you_are", "why_field",
    "why_organisation", "why_person", "ask", "resume", "meeting_mode", "time_window",
    "follow_up", "thanks", "sender_name", "sender_details",
)
#: One page: at most this many words …
ONE_PAGE_WORDS = 400
#: … and this many lines of :data:`LINE_WIDTH` characters.
ONE_PAGE_LINES = 45
LINE_WIDTH = 80
#: Short-email mode: fewer words than this.
SHORT_EMAIL_WORDS = 100
#: Phrases that name the meeting for what it is.
MEETING_TYPE_PHRASES: tuple[str, ...] = ("informational interview", "informational meeting")
#: The sign-off above your name (kept in short mode too).
SIGN_OFF = "Kind regards,"

_MONTH_NUMBERS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTHS = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_RANGE_SEP = r"\s*(?:-|–|—|to|and|until|till|through|thru)\s*"
# A month counts only next to a day number or a range: "12 to 23 May", "May 12-23",
# "the 8th of June" ("May I ask …" is not a date).
_DAY_MONTH = (rf"\b(?P<d1>{_DAYNUM})(?:{_RANGE_SEP}(?P<d2>{_DAYNUM}))?\s+(?:of\s+)?"
              rf"(?P<m1>{_MONTHS})\b\.?")
_MONTH_DAY = (rf"\b(?P<m2>{_MONTHS})\.?\s+(?P<d3>{_DAYNUM})\b(?:{_RANGE_SEP}(?:(?P<m3>"
              rf"{_MONTHS})\.?\s+)?(?P<d4>{_DAYNUM})\b)?")
_DATE_MENTION_RE = re.compile(rf"{_DAY_MONTH}|{_MONTH_DAY}|\b(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})\b",
                              re.IGNORECASE)
_TIME_WINDOW_RE = re.compile(
    rf"{_DAY_MONTH}|{_MONTH_DAY}|\b(?:{_DAYS})s?\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    r"|\b\d{1,2}[./]\d{1,2}\b"
    r"|\b(?:next|this|coming) (?:week|month|fortnight)\b|\bweek of\b|\bin (?:the )?(?:next|"
    r"coming) (?:few |two |three )?(?:days|weeks)\b|\bbetween the\b",
    re.IGNORECASE)
_FOLLOW_UP_RE = re.compile(
    r"\bfollow(?:ing)?[- ]?up\b|\b(?:call|ring|phone|email|e-mail|contact|write to) you\b"
    r"|\bgive you a (?:call|ring)\b|\b(?:I will|I'll|I’ll) (?:call|ring|phone|write|email)\b"
    r"|\bget (?:back )?in touch\b|\bbe in touch\b|\bcheck in\b|\breach out again\b",
    re.IGNORECASE)
_RESUME_RE = re.compile(r"\br[ée]sum[ée]s?\b|\bresume\b|\bCV\b|\bcurriculum vitae\b",
                        re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", str(text or "")) if s.strip()]


def _day_number(text: str | None) -> int | None:
    return int(re.match(r"\d+", text).group(0)) if text else None


def _resolve(day: int, month: int, reference: _dt.date) -> _dt.date | None:
    """The date ``day month`` nearest after ``reference`` (a date more than two months
    gone is taken to be next year's)."""
    for year in (reference.year, reference.year + 1):
        try:
            d = _dt.date(year, month, day)
        except ValueError:
            return None
        if d >= reference - _dt.timedelta(days=61):
            return d
    return None


def mentioned_dates(text: str, *, reference=None) -> list[_dt.date]:
    """Every calendar day written in ``text`` (``12 to 23 May``, ``June 8``, ISO dates).

    Parameters
    ----------
    text : str
        A sentence such as a time window or a follow-up.
    reference : date or str, optional
        The day the text is written (default: today); a year-less date is the next
        such day, unless it lies at most two months back.

    Returns
    -------
    list of datetime.date
        In the order written; a range gives its first and its last day.

    Examples
    --------
    >>> [d.isoformat() for d in mentioned_dates("from 12 to 23 May", reference="2026-05-01")]
    ['2026-05-12', '2026-05-23']
    >>> mentioned_dates("May I ask for 20 minutes?", reference="2026-05-01")
    []
    """
    ref = _day(reference, what="reference") if reference not in (None, "") else (
        _dt.date.today())
    out: list[_dt.date] = []
    for m in _DATE_MENTION_RE.finditer(str(text or "")):
        g = m.groupdict()
        if g["iso"]:
            try:
                out.append(_dt.date.fromisoformat(g["iso"]))
            except ValueError:
                pass
            continue
        if g["m1"]:
            month = _MONTH_NUMBERS[g["m1"].casefold()]
            days = [(_day_number(g["d1"]), month), (_day_number(g["d2"]), month)]
        else:
            first = _MONTH_NUMBERS[g["m2"].casefold()]
            last = _MONTH_NUMBERS[g["m3"].casefold()] if g["m3"] else first
            days = [(_day_number(g["d3"]), first), (_day_number(g["d4"]), last)]
        for day, month in days:
            if day is not None:
                # later days in the same text follow the first one ("21 September to
                # 2 October" stays in one year)
                d = _resolve(day, month, out[-1] if out else ref)
                if d is not None:
                    out.append(d)
    return out


def time_window_end(time_window: str, *, reference=None) -> _dt.date | None:
    """The last day of the time window a letter offers, or ``None`` when it names none.

    Examples
    --------
    >>> time_window_end("I am in Basel from 12 to 23 May.", reference="2026-05-01")
    datetime.date(2026, 5, 23)
    """
    days = mentioned_dates(time_window, reference=reference)
    if not days:
        return None
    end = max(days)
    # "the week of 8 June" runs to the 14th
    week_of = re.findall(rf"\bweek of\s+(?:the\s+)?(?:{_DAYNUM}\s+(?:of\s+)?(?:{_MONTHS})"
                         rf"|(?:{_MONTHS})\.?\s+{_DAYNUM})", str(time_window or ""),
                         re.IGNORECASE)
    weeks = mentioned_dates("; ".join(week_of), reference=reference)
    return max([end] + [d + _dt.timedelta(days=6) for d in weeks])


def suggest_ask(*, minutes: int = 20, topic: str = "") -> str:
    """A ready-made ask that names the meeting type.

    Examples
    --------
    >>> suggest_ask(minutes=20)
    'Would you have 20 minutes for an informational interview?'
    """
    about = f" about {_norm(topic)}" if _norm(topic) else ""
    return f"Would you have {minutes} minutes for an informational interview{about}?"


def suggest_follow_up(due, *, channel: str = "phone", time_window: str = "",
                      locale=None) -> str:
    """A follow-up sentence for the letter, naming the week it falls due.

    Parameters
    ----------
    due : date or str
        When you will follow up (see :func:`follow_up_due_date`).
    channel : str
        ``phone`` (call) or anything else (write again).
    time_window : str
        The time window the letter offers; a follow-up that would fall inside it
        moves to the day after it ends.
    locale : str, optional
        How to write the date (see :data:`LOCALES`; default en-US, ``May 19``).

    Examples
    --------
    >>> suggest_follow_up("2026-05-15", time_window="I am free from 12 to 23 May.")
    'If it suits you, I will give you a call in the week of May 24 to find a time.'
    """
    d = parse_date(due, what="follow-up date").date()
    end = time_window_end(time_window, reference=d - _dt.timedelta(days=30))
    if end is not None and d <= end:
        d = end + _dt.timedelta(days=1)
    verb = "give you a call" if channel == "phone" else "write to you again"
    return (f"If it suits you, I will {verb} in the week of {day_and_month(d, locale=locale)} "
            "to find a time.")


#: How-I-found-you sentences by the contact's ``source`` (``{company}`` is filled in).
HOW_FOUND: dict[str, str] = {
    "alumni": "I found you through our alumni network.",
    "company_website": "I read about your work on the {company} website.",
    "online_search": "I came across your work while reading about {company}.",
    "linkedin": "I came across your profile on LinkedIn.",
    "social_media": "I have been following what you share online.",
    "professional_association": "I found you through the professional association we both "
                                "belong to.",
    "career_center": "The career centre pointed me to you.",
    "event": "I heard you speak at an event and have wanted to ask you more since.",
    "personal_network": "A friend of mine mentioned your work to me.",
}


def suggest_how_found(source: str = "", *, company: str = "", shared: str = "",
                      locale=None) -> str:
    """A "how I found you / what we share" sentence for the letter.

    Parameters
    ----------
    source : str
        The contact's ``source`` (a referral is named as the connection instead).
    company : str
        Their organisation, for the sources that mention it.
    shared : str
        What you have in common, from your research (a school, a city, a path);
        added as its own sentence.
    locale : str, optional
        Spelling (``centre``/``center``).

    Examples
    --------
    >>> suggest_how_found("alumni", shared="We both studied maths at DePaul")
    'I found you through our alumni network. We both studied maths at DePaul.'
    """
    template = HOW_FOUND.get(_norm(str(source or "")), "")
    org = _norm(str(company or ""))
    if "{company}" in template:
        template = template.format(company=org) if org else ""
    return _join(localize_spelling(template, locale=locale), _sentence(shared))


def resume_sentence(channel: str = "email") -> str:
    """The résumé line: attached to an e-mail, enclosed with a letter.

    Examples
    --------
    >>> resume_sentence("letter")
    'I enclose my résumé, so you can see where I am coming from.'
    """
    verb = "enclose" if channel == "letter" else "attach"
    return f"I {verb} my résumé, so you can see where I am coming from."


def compose_letter(*, recipient_name: str = "", connection: str = "", how_found: str = "",
                   who_you_are: str = "", why_field: str = "", why_organisation: str = "",
                   why_person: str = "", ask: str = "", resume: str = "",
                   meeting_mode: str = "", time_window: str = "", follow_up: str = "",
                   thanks: str = "", sender_name: str = "", sender_details: str = "",
                   short: bool = False, locale=None) -> str:
    """Put the parts of an outreach letter or e-mail together.

    Each part is your own sentence(s); empty parts are left out, nothing is
    invented. Check the result with :func:`check_letter`.

    Parameters
    ----------
    recipient_name : str
        Whom you write to, e.g. ``"Ms Okafor"`` or ``"Dr. Priya Raman"``; the
        greeting follows :func:`greeting_name` (``Hello,`` when empty).
    connection : str
        The shared connection, e.g. ``"Priya Raman suggested I write to you."``; it
        goes first, where it is seen. Name them only with their permission.
    how_found : str
        How you found them, or what you share (see :func:`suggest_how_found`).
    who_you_are : str
        Who you are and where you stand (studying, graduating, changing field).
    why_field, why_organisation, why_person : str
        Why the field, this organisation and this person in particular.
    ask : str
        The request; it should say "informational interview" (see :func:`suggest_ask`).
    resume : str
        The résumé line, when you send one (see :func:`resume_sentence`).
    meeting_mode : str
        How you would like to meet (in person, phone, video — their choice).
    time_window : str
        When you are available, e.g. ``"I am in Basel from 12 to 23 May."``.
    follow_up : str
        When and how you will follow up (see :func:`suggest_follow_up`).
    thanks : str
        A closing thank-you.
    sender_name, sender_details : str
        Your name and, under it, your phone or e-mail.
    short : bool
        Short-email mode: leaves out ``why_field``, ``why_organisation``,
        ``meeting_mode`` and ``sender_details`` (the sign-off stays) and aims at
        under :data:`SHORT_EMAIL_WORDS` words.
    locale : str, optional
        Accepted for a uniform call: the parts are your own words, kept as typed.

    Returns
    -------
    str
        The letter, paragraphs separated by blank lines.
    """
    lines = [greeting(recipient_name)]
    if short:
        paragraphs = [
            _join(connection, how_found, who_you_are),
            _join(why_person, ask, resume, time_window),
            _join(follow_up, thanks),
        ]
        closing = [_norm(sender_name)]
    else:
        paragraphs = [
            _join(connection, how_found, who_you_are),
            _join(why_field, why_organisation, why_person),
            _join(ask, resume, meeting_mode, time_window),
            _join(follow_up, thanks),
        ]
        closing = [_norm(sender_name)] + [
            line.strip() for line in _LINE_END.split(sender_details or "") if line.strip()]
    if any(closing):
        closing = [SIGN_OFF] + closing
    body = lines + [p for p in paragraphs if p]
    sign = "\n".join(c for c in closing if c)
    return "\n\n".join(body + ([sign] if sign else []))


def check_letter(text: str, *, mentions_connection: bool, cite_permission: str | None,
                 short: bool = False, time_window: str = "", follow_up: str = "",
                 sent_on=None, has_resume: bool = False, locale=None) -> list[Check]:
    """Check an outreach letter or e-mail before it goes out.

    Parameters
    ----------
    text : str
        The letter (from :func:`compose_letter` or typed freely).
    mentions_connection : bool
        Whether the letter names a shared connection.
    cite_permission : str or None
        That connection's answer to "may I mention you?": ``yes``, ``no``,
        ``asked`` or empty/None (not asked).
    short : bool
        Short-email mode: the text must stay under :data:`SHORT_EMAIL_WORDS` words.
    time_window, follow_up : str
        The letter's time-window and follow-up parts; when both name days, the
        follow-up must come after the window (check ``follow_up_after_window``).
    sent_on : date or str, optional
        When the letter goes out (default today); it dates the days written
        without a year.
    has_resume : bool
        Whether your profile keeps a résumé; then the letter should mention it
        (check ``resume``).
    locale : str, optional
        How the messages write dates (see :data:`LOCALES`).

    Returns
    -------
    list of Check
        ``one_page``, ``meeting_type``, ``connection``, ``time_window``,
        ``follow_up``, then ``follow_up_after_window`` and ``resume`` when they
        apply and, in short mode, ``short_email``.

    Examples
    --------
    >>> [c.name for c in check_letter("Hi", mentions_connection=False,
    ...                               cite_permission=None) if not c.ok]
    ['meeting_type', 'time_window', 'follow_up']
    """
    t = text or ""
    words, lines = count_words(t), count_lines(t)
    one_page = words <= ONE_PAGE_WORDS and lines <= ONE_PAGE_LINES
    checks = [Check(
        "one_page", one_page,
        f"Fits on one page ({words} words, {lines} lines)." if one_page else
        f"Too long for one page: {words} words and {lines} lines (keep to "
        f"{ONE_PAGE_WORDS} words and {ONE_PAGE_LINES} lines); busy people read short letters "
        "to the end.", "warning")]
    lowered = re.sub(r"\s+", " ", t.casefold())
    named = any(p in lowered for p in MEETING_TYPE_PHRASES)
    checks.append(Check(
        "meeting_type", named,
        "Says plainly that you ask for an informational interview." if named else
        "Say \"informational interview\" (or \"informational meeting\") in so many words, "
        "so they know it is not a casual coffee or a job application.", "error"))
    perm = _norm(cite_permission or "").casefold()
    if not mentions_connection:
        checks.append(Check(
            "connection", True,
            "No shared connection named." + (" You may name yours: they said yes."
                                             if perm == "yes" else "")))
    elif perm == "yes":
        checks.append(Check("connection", True,
                            "Names your shared connection, who agreed to be mentioned."))
    else:
        why = {"no": "they asked you not to", "asked": "they have not answered yet"}.get(
            perm, "you have not asked them")
        checks.append(Check(
            "connection", False,
            f"Names your shared connection, but {why}. Mention them only after a yes; "
            "otherwise take that sentence out.", "error"))
    # A date inside the follow-up sentence ("I will call in the week of 18 May") is
    # not a time window for the meeting, so those sentences are left out here.
    window = any(_TIME_WINDOW_RE.search(s) for s in _sentences(t)
                 if not _FOLLOW_UP_RE.search(s))
    checks.append(Check(
        "time_window", window,
        "Suggests when you could meet." if window else
        "Suggest a time window (e.g. \"I am in town from 12 to 23 May\"), so a yes is easy.",
        "warning"))
    fup = bool(_FOLLOW_UP_RE.search(t))
    checks.append(Check(
        "follow_up", fup,
        "Says when you will follow up." if fup else
        "Say when you will follow up (e.g. \"I will call you in the week of 18 May\"); "
        "then nobody has to reply at once.", "warning"))
    ref = _day(sent_on, what="sent_on") if sent_on not in (None, "") else _dt.date.today()
    offered = mentioned_dates(time_window, reference=ref)
    end = time_window_end(time_window, reference=ref)
    said = mentioned_dates(follow_up, reference=min(offered) if offered else ref)
    if end is not None and said:
        when = min(said)
        ok = when > end
        checks.append(Check(
            "follow_up_after_window", ok,
            "You follow up after the time you offered." if ok else
            f"Your follow-up ({day_and_month(when, locale=locale)}) falls inside the time you "
            f"offered (until {day_and_month(end, locale=locale)}): they may still be answering. "
            "Follow up after it, e.g. "
            f"\"{suggest_follow_up(end + _dt.timedelta(days=1), locale=locale)}\"", "warning"))
    if has_resume:
        said_resume = bool(_RESUME_RE.search(t))
        checks.append(Check(
            "resume", said_resume,
            "Mentions your résumé." if said_resume else
            "You keep a résumé in your profile: add a line that it is attached (or "
            "enclosed), so they can see your background at a glance.", "info"))
    if short:
        ok = words < SHORT_EMAIL_WORDS
        checks.append(Check(
            "short_email", ok,
            f"Short enough for a quick e-mail ({words} words)." if ok else
            f"{words} words: a short e-mail stays under {SHORT_EMAIL_WORDS}. Cut the "
            "background; keep who you are, the connection and the ask.", "warning"))
    return checks


def follow_up_due_date(sent_on, days: int | None = None) -> _dt.date:
    """When to follow up on a letter sent on ``sent_on``.

    Parameters
    ----------
    sent_on : date, datetime or str
        When the letter or e-mail went out (ISO text such as ``2026-05-05`` is fine).
    days : int, optional
        Days to wait; default :data:`infoint_nb.config.FOLLOW_UP_DAYS` (the sources
        say one to two weeks).

    Returns
    -------
    datetime.date

    Raises
    ------
    ParameterError
        When ``sent_on`` is not a date or ``days`` is not a positive whole number.

    Examples
    --------
    >>> follow_up_due_date("2026-05-05", days=10)
    datetime.date(2026, 5, 15)
    """
    days = config.FOLLOW_UP_DAYS if days is None else days
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise ParameterError(f"follow_up_due_date: days is {days!r}; give a whole number of "
                             "days, 1 or more (e.g. 10)")
    try:
        d = parse_date(sent_on, what="sent_on")
    except ValueError as exc:
        raise ParameterError(f"follow_up_due_date: {exc}") from None
    return (d + _dt.timedelta(days=days)).date()


#: The steps of the phone follow-up, in order.
PHONE_SCRIPT_STEPS: tuple[str, ...] = (
    "gatekeeper", "opening", "ask", "if_yes", "if_no", "if_still_no", "voicemail")
PHONE_SCRIPT_LABELS: dict[str, str] = {
    "gatekeeper": "If an assistant or receptionist answers",
    "opening": "When they pick up",
    "ask": "The ask",
    "if_yes": "If they say yes",
    "if_no": "If they say no",
    "if_still_no": "If it is still no",
    "voicemail": "If you reach voicemail",
}


def compose_phone_script(*, sender_name: str, recipient_name: str = "",
                         letter_sent_on=None, reason: str = "", why_person: str = "",
                         time_window: str = "", minutes: int = 20,
                         callback: str = "", locale=None) -> dict[str, str]:
    """The phone follow-up to a letter, with its branches.

    Parameters
    ----------
    sender_name : str
        Your name.
    recipient_name : str
        How you greet them (e.g. ``"Ms Okafor"``).
    letter_sent_on : date or str, optional
        When your letter went out; mentioned so they can place you.
    reason : str
        One sentence on what excites you about their organisation.
    why_person : str
        Why you want to talk to them in particular.
    time_window : str
        When you are available, e.g. ``"between 12 and 23 May"``.
    minutes : int
        How long you ask for (15–30).
    callback : str
        Your phone number, for the voicemail and a message left with an assistant.
    locale : str, optional
        How to say the date of your letter (see :data:`LOCALES`).

    Returns
    -------
    dict
        :data:`PHONE_SCRIPT_STEPS` → what to say; an assistant or receptionist is
        asked when to call back or to take a message, yes lets them choose the time
        and place, no offers a phone meeting, a second no thanks them and asks whom
        else to talk to.

    Raises
    ------
    ParameterError
        When ``sender_name`` is empty or ``letter_sent_on`` is not a date.
    """
    me = _norm(sender_name)
    if not me:
        raise ParameterError("compose_phone_script: sender_name is empty; give your name "
                             "so they know who is calling")
    who = greeting_name(recipient_name)
    hello = f"Hello {who}," if who else "Hello,"
    wrote = "I wrote to you"
    on = ""
    if letter_sent_on not in (None, ""):
        try:
            d = parse_date(letter_sent_on, what="letter_sent_on")
        except ValueError as exc:
            raise ParameterError(f"compose_phone_script: {exc}") from None
        on = f" on {day_and_month(d, locale=locale)}"
        wrote += on
    back = f" on {_norm(callback)}" if _norm(callback) else ""
    window = _norm(time_window)
    when = f" {window}" if window else " in the next few weeks"
    script = {
        "gatekeeper": _join(
            f"Good morning, this is {me}. I am following up on a letter I sent"
            f"{' to ' + who if who else ''}{on} about a short informational interview.",
            f"Is {who} available?" if who else "Could you put me through?",
            "(If not:) When would be a good time to call back? Or could you pass on a "
            f"message that I called? I can be reached{back or ' at the number in my letter'}.",
            "Thank you for your help. (Note the assistant's name, and log it as a message "
            "left.)"),
        "opening": _join(f"{hello} this is {me}.",
                         f"{wrote} about an informational interview.", reason, why_person),
        "ask": f"Would you have {minutes} minutes to meet{when}?",
        "if_yes": ("Thank you! When and where would suit you best? I will fit around your "
                   "schedule. (Write down the day, time and place and log it as a "
                   "scheduled meeting.)"),
        "if_no": ("I understand, you must be busy. Could we talk by phone instead, at a time "
                  f"that is convenient for you? Even {min(minutes, 15)} minutes would help "
                  "me a lot."),
        "if_still_no": ("Thank you for thinking about it all the same. If you have more time "
                        "later, I would be glad to hear from you. Meanwhile, is there someone "
                        "else you would suggest I talk to? (Log the reply; add any name as a "
                        "new contact referred by them.)"),
        "voicemail": _join(f"{hello} this is {me}, following up on my letter about an "
                           "informational interview.",
                           f"You can reach me on {_norm(callback)}." if _norm(callback) else "",
                           "I will try you again in a few days. Thank you."),
    }
    return script


def phone_script_text(script: dict[str, str]) -> str:
    """A phone script (from :func:`compose_phone_script`) as text to print or read."""
    blocks = []
    for step in PHONE_SCRIPT_STEPS:
        if script.get(step):
            blocks.append(f"{PHONE_SCRIPT_LABELS[step]}:\n  {script[step]}")
    return "\n\n".join(blocks)


_CLOCK_RE = re.compile(r"^\s*(\d{1,2})(?:[:.h](\d{2}))?\s*([ap]\.?m\.?)?\s*$", re.IGNORECASE)


def parse_clock_time(text: str) -> str:
    """A time of day as ``HH:MM`` (24-hour) from ``8:30``, ``08.30``, ``8:30 pm`` or ``17h00``.

    Raises
    ------
    ParameterError
        When ``text`` is not a time of day.

    Examples
    --------
    >>> parse_clock_time("5:30 pm")
    '17:30'
    """
    m = _CLOCK_RE.match(text or "")
    if m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        half = (m.group(3) or "").lower().replace(".", "")
        if half and not 1 <= hour <= 12:
            m = None
        else:
            if half == "pm" and hour != 12:
                hour += 12
            elif half == "am" and hour == 12:
                hour = 0
            if hour > 23 or minute > 59:
                m = None
    if not m:
        raise ParameterError(f"time {text!r} is not a time of day; write it like 08:30, "
                             "17:30 or 5:30 pm")
    return f"{hour:02d}:{minute:02d}"


#: Allowed length of an informational interview, in minutes.
MEETING_MINUTES: tuple[int, int] = (15, 30)


def check_meeting_length(minutes) -> list[Check]:
    """Check that a meeting asks for 15–30 minutes of their time.

    Returns
    -------
    list of Check
        One check, ``meeting_length``.
    """
    lo, hi = MEETING_MINUTES
    try:
        m = int(minutes)
    except (TypeError, ValueError):
        return [Check("meeting_length", False,
                      f"Meeting length {minutes!r} is not a number of minutes; use {lo}–{hi}.",
                      "error")]
    ok = lo <= m <= hi
    return [Check("meeting_length", ok,
                  f"{m} minutes: respectful of their time." if ok else
                  f"{m} minutes: ask for {lo} to {hi} minutes; they give you their time.",
                  "warning")]


# =====================================================================================
# --- prepare (05) ---
# =====================================================================================
# Research notes, the question plan, the elevator pitch, answers for when they
# interview you, logistics and the one-page meeting brief.

__all__ += [
    "QUESTION_GROUPS", "QUESTION_TAGS", "QUESTION_BANK", "QUESTION_TARGET",
    "MINUTES_PER_QUESTION", "OPENING_MINUTES", "WIND_DOWN_MINUTES", "MAX_WARM_UPS",
    "PITCH_SECONDS", "SPEAKING_WPM", "PITCH_PARTS", "RESEARCH_FIELDS", "INTERVIEW_TOPICS",
    "VENUES", "BRIEF_PAGE_CHARS",
    "PlannedQuestion", "QuestionPlan", "question_bank", "starter_questions",
    "question_groups", "research_fields", "spell_bank_question",
    "normalize_question", "plan_questions", "check_research", "compose_pitch",
    "pitch_seconds", "check_pitch", "check_answers",
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
def _sentence(text: str) -> str:
    """``text`` with tidy spaces and a closing full stop."""
    text = _norm(str(text or ""))
    if text and text[-1] not in ".!?…":
        text += "."
    return text


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


# =====================================================================================
# --- meeting (06) ---
# =====================================================================================
# The time budget while the meeting runs, and the notes taken per question.

__all__ += ["TimeBudget", "time_budget", "compose_meeting_notes"]


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


# =====================================================================================
# --- follow-up (07) ---
# =====================================================================================
# The thank-you that cites what you learned, and updates every few months.

__all__ += ["UPDATE_IDEAS", "note_points", "thank_you_due_on", "compose_thank_you",
            "check_thank_you", "update_schedule", "compose_update", "THANK_YOU_OCCASIONS",
            "cite_sentences", "compose_follow_up", "compose_tell_referrer",
            "compose_linkedin_note", "LINKEDIN_NOTE_CHARS", "check_linkedin_note"]

#: What a periodic update could be about, used in turn.
UPDATE_IDEAS: tuple[str, ...] = (
    "Tell them how you used their advice, and thank them again",
    "Share an article or event they may find interesting",
    "Report a step forward: an application, a course, a new role",
    "Ask one short question and offer help in return",
)


def note_points(notes, *, limit: int = 3) -> list[str]:
    """The points from meeting notes worth citing in a thank-you.

    Parameters
    ----------
    notes : mapping or iterable of str
        Notes per question (``{question: note}``) or plain notes; empty ones are skipped.
    limit : int
        At most this many points, in the order taken.

    Returns
    -------
    list of str
        The first sentence of each note, without its closing full stop.

    Examples
    --------
    >>> note_points({"a": "Hiring peaks in March. Ask Jo.", "b": "", "c": "Learn SQL"})
    ['Hiring peaks in March', 'Learn SQL']
    """
    values = notes.values() if isinstance(notes, Mapping) else notes
    points: list[str] = []
    for note in values:
        text = _norm(str(note or ""))
        if not text:
            continue
        first = re.split(r"(?<=[.!?])\s+", text, maxsplit=1)[0].rstrip(".!")
        if first and first.casefold() not in {p.casefold() for p in points}:
            points.append(first)
        if len(points) >= limit:
            break
    return points


def _day(value, *, what: str) -> _dt.date:
    try:
        return parse_date(value, what=what).date()
    except ValueError as exc:
        raise ParameterError(str(exc)) from None


def thank_you_due_on(meeting_date) -> _dt.date:
    """The day a thank-you is due: the day after the meeting.

    Examples
    --------
    >>> thank_you_due_on("2026-05-05T09:30")
    datetime.date(2026, 5, 6)
    """
    return _day(meeting_date, what="meeting date") + _dt.timedelta(days=1)


def _first_name(name: str) -> str:
    return greeting_name(name) or "there"


def _signature(your_name: str) -> str:
    return _norm(str(your_name or "")) or "[your name]"


#: Verbs a note may start with when it records their advice ("Learn SQL").
_ADVICE_VERBS = frozenset(
    "learn ask apply talk read join visit bring lead focus try look keep start take use "
    "build write contact get go consider reach check attend follow sign practise practice "
    "prepare send mention call email e-mail speak register study volunteer highlight "
    "emphasise emphasize skip avoid drop add show put aim".split())
#: Verbs a note may start with when it reports what they did ("Suggested Nkechi …").
_REPORTED_VERBS = frozenset(
    "suggested recommended mentioned said explained offered advised warned pointed "
    "introduced promised shared told described thinks".split())


def _lower_first(text: str, others: str) -> str:
    """``text`` with its first letter lowered, unless the first word is an acronym
    (capitals inside) or a name (capitalised in the middle of a sentence in ``others``)."""
    word = text.split(" ", 1)[0]
    if not word or not word[0].isupper() or word == "I":
        return text
    if any(ch.isupper() for ch in word[1:]):
        return text
    if re.search(rf"[^\s.!?]\s+{re.escape(word)}\b", others):
        return text
    return word[0].lower() + text[1:]


def cite_sentences(points, *, others: str = "") -> list[str]:
    """Sentences that cite points from your notes in your own voice.

    A point that starts with an instruction ("Learn SQL") is cited as their advice,
    one that starts with a reported verb ("Suggested Nkechi …") as what they did, and
    anything else as something they told you.

    Parameters
    ----------
    points : iterable of str
        Points from your notes (see :func:`note_points`).
    others : str
        Other text of the notes, used to tell names from ordinary words.

    Examples
    --------
    >>> cite_sentences(["Hiring peaks in March", "Learn SQL"])[1]
    'I am taking your advice to learn SQL.'
    """
    pts = [_norm(str(p)).rstrip(".!;:") for p in points if _norm(str(p or ""))]
    context = ". ".join([others] + pts)
    facts = ("I keep coming back to your point that {}.", "I had also not known that {}.",
             "It was useful to hear that {}.")
    advice = ("I am taking your advice to {}.", "I will also {}, as you suggested.",
              "Your advice to {} is on my list, too.")
    n_fact = n_advice = 0
    out = []
    for p in pts:
        first = p.split(" ", 1)[0].casefold()
        if first in _REPORTED_VERBS:
            out.append(f"You {_lower_first(p, context)}, which I appreciated.")
        elif first in _ADVICE_VERBS:
            out.append(advice[min(n_advice, 2)].format(_lower_first(p, context)))
            n_advice += 1
        else:
            out.append(facts[min(n_fact, 2)].format(_lower_first(p, context)))
            n_fact += 1
    return out


def _names(items) -> str:
    refs = [_norm(str(r)) for r in items if _norm(str(r or ""))]
    if not refs:
        return ""
    return refs[0] if len(refs) == 1 else ", ".join(refs[:-1]) + " and " + refs[-1]


#: What a thank-you answers: the kind of the response → what it thanks them for.
THANK_YOU_OCCASIONS: dict[str, str] = {
    "meeting_held": "the meeting",
    "meeting_scheduled": "agreeing to meet",
    "reply_yes": "agreeing to meet",
    "reply_later": "a reply that says later",
    "reply_no": "a reply that says no",
    "reply_referral": "pointing you to someone else",
}


def compose_thank_you(name: str, *, points=(), company: str = "", your_name: str = "",
                      meeting_date=None, referrals=(), next_step: str = "",
                      occasion: str = "meeting_held", locale=None) -> str:
    """A thank-you that names what you learned, after a meeting or any other answer.

    Parameters
    ----------
    name : str
        The person you thank (greeted by :func:`greeting_name`).
    points : iterable of str
        Points from your notes (see :func:`note_points`); each is cited in a sentence.
    company : str
        Their organisation, named in the opening line.
    your_name : str
        Your name for the signature (a ``[your name]`` gap when empty).
    meeting_date : date or str, optional
        When you met (or when they answered); its weekday makes the opening concrete.
    referrals : iterable of str
        People they suggested you talk to.
    next_step : str
        What you will do next with their advice.
    occasion : str
        What you thank them for, a key of :data:`THANK_YOU_OCCASIONS`: the meeting
        (default), a yes, a "later", a no or a referral. Everyone who answers gets one.
    locale : str, optional
        Accepted for a uniform call (the thank-you names a weekday, not a date).

    Returns
    -------
    str
        Plain text, ready to paste into an e-mail or copy onto a card.

    Raises
    ------
    ParameterError
        When ``occasion`` is not one of :data:`THANK_YOU_OCCASIONS`.
    """
    if occasion not in THANK_YOU_OCCASIONS:
        raise ParameterError(f"compose_thank_you: occasion {occasion!r} is not allowed; use "
                             f"one of {', '.join(THANK_YOU_OCCASIONS)}")
    when = ""
    if meeting_date not in (None, ""):
        when = f" on {_day(meeting_date, what='meeting date'):%A}"
    org = _norm(str(company or ""))
    who = _names(referrals)
    if occasion == "meeting_held":
        about = f" about your work at {org}" if org else ""
        opening = f"Thank you for talking with me{when}{about}."
    elif occasion in ("reply_yes", "meeting_scheduled"):
        opening = (f"Thank you for agreeing to meet{' and tell me about ' + org if org else ''}; "
                   "I am looking forward to it.")
    elif occasion == "reply_later":
        opening = ("Thank you for answering my letter, and for letting me know that later "
                   "would suit you better. I will be in touch again then.")
    elif occasion == "reply_no":
        opening = ("Thank you for taking the time to answer my letter. I understand that "
                   "you cannot fit a meeting in now, and I appreciate the clear reply.")
    else:
        opening = (f"Thank you for answering my letter and for pointing me to "
                   f"{who or 'someone who could help'}.")
    lines = [f"Dear {_first_name(name)},", "", opening]
    cited = cite_sentences(points, others=". ".join(str(r) for r in referrals))
    if cited:
        lines += ["", " ".join(cited)]
    if who and occasion == "meeting_held":
        lines += ["", f"Thank you as well for suggesting I speak with {who}; I will let you "
                  "know how it goes."]
    elif who and occasion == "reply_referral":
        lines += ["", "I will write to them and tell you how it goes."]
    step = _sentence(next_step)
    if step:
        lines += ["", step]
    if occasion == "reply_no":
        lines += ["", "If your schedule frees up later, or someone else comes to mind whom "
                  "I could ask, I would be glad to hear from you."]
    lines += ["", "With thanks,", _signature(your_name)]
    return "\n".join(lines)


def check_thank_you(text: str, *, points=(), meeting_date=None, as_of=None,
                    sent: bool = False, locale=None) -> list[Check]:
    """Check a thank-you draft before it goes out.

    Parameters
    ----------
    text : str
        The draft.
    points : iterable of str
        The points from your notes it should cite.
    meeting_date : date or str, optional
        When you met (or they answered); the thank-you is due the next day.
    as_of : date or str, optional
        Today, for the lateness check (default: the real today).
    sent : bool
        Whether it has been sent (then lateness no longer matters).
    locale : str, optional
        How dates are written in the messages.

    Returns
    -------
    list of Check
        ``cites_notes``, ``signed`` and, with a meeting date, ``on_time``.
    """
    body = str(text or "")
    folded = _norm(body).casefold()
    pts = [_norm(str(p)).rstrip(".!;:") for p in points if _norm(str(p or ""))]
    if not pts:
        cites = Check("cites_notes", False, "No points from your notes yet: a thank-you that "
                      "names what you learned is the one they remember.", "warning")
    else:
        # cited in a sentence, the first letter may have been lowered
        cited = sum(p.casefold() in folded for p in pts)
        cites = Check("cites_notes", cited > 0,
                      f"Cites {cited} point{'s' if cited != 1 else ''} from your notes."
                      if cited else "The draft cites none of the points from your notes.",
                      "warning")
    checks = [cites, Check("signed", "[your name]" not in body,
                           "Signed." if "[your name]" not in body else
                           "Sign it with your name.", "error")]
    if meeting_date not in (None, ""):
        due = thank_you_due_on(meeting_date)
        today = _day(as_of, what="as_of") if as_of not in (None, "") else _dt.date.today()
        if sent:
            checks.append(Check("on_time", True, "Sent."))
        elif today <= due:
            checks.append(Check("on_time", True, f"Due by {human_date(due, locale=locale)}.",
                                "warning"))
        else:
            checks.append(Check("on_time", False, f"It was due on "
                                f"{human_date(due, locale=locale)}; send it today, late is "
                                "better than never.", "warning"))
    return checks


def update_schedule(last_date, *, every_days: int | None = None, count: int = 4,
                    ideas=UPDATE_IDEAS) -> list[dict]:
    """Dates for keeping in touch every few months, each with an idea.

    Parameters
    ----------
    last_date : date or str
        The last meeting, thank-you or update.
    every_days : int, optional
        Days between updates; default :data:`infoint_nb.config.UPDATE_EVERY_DAYS`.
    count : int
        How many updates to plan.
    ideas : sequence of str
        What each update could be about, used in turn.

    Returns
    -------
    list of dict
        ``due_on`` (ISO date text) and ``idea``.

    Raises
    ------
    ParameterError
        When ``every_days`` is under 7 or ``count`` under 1, or the date is not a date.

    Examples
    --------
    >>> [u["due_on"] for u in update_schedule("2026-01-10", every_days=90, count=2)]
    ['2026-04-10', '2026-07-09']
    """
    every = config.UPDATE_EVERY_DAYS if every_days is None else every_days
    for label, value, least in (("every_days", every, 7), ("count", count, 1)):
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            raise ParameterError(f"update_schedule: {label} is {value!r}; give a whole number, "
                                 f"{least} or more" + (" (every few months, e.g. 90)"
                                                       if label == "every_days" else ""))
    start = _day(last_date, what="last_date")
    ideas = list(ideas) or list(UPDATE_IDEAS)
    return [{"due_on": (start + _dt.timedelta(days=every * (k + 1))).isoformat(),
             "idea": ideas[k % len(ideas)]} for k in range(count)]


def compose_update(name: str, *, advice: str = "", progress: str = "",
                   your_name: str = "", met_on=None, locale=None) -> str:
    """A short keeping-in-touch note: their advice, what you did with it, thanks.

    Parameters
    ----------
    name : str
        The person (greeted by :func:`greeting_name`).
    advice : str
        What they told you or advised, in your note's words; cited in a sentence.
    progress : str
        What you did with it since.
    your_name : str
        Your name for the signature (a ``[your name]`` gap when empty).
    met_on : date or str, optional
        When you spoke; its month makes the reminder concrete.
    locale : str, optional
        Accepted for a uniform call; the note names a month, not a date.

    Examples
    --------
    >>> print(compose_update("Ana Diaz", advice="learn SQL", progress="I finished a course",
    ...                      your_name="Sam").splitlines()[2])
    When we spoke, you advised me to learn SQL. I finished a course.
    """
    lines = [f"Dear {_first_name(name)},", ""]
    tip = _norm(str(advice or "")).rstrip(".!;:")
    when = ""
    if met_on not in (None, ""):
        when = f" in {_day(met_on, what='met_on'):%B}"
    cited = ""
    if tip:
        first = tip.split(" ", 1)[0].casefold()
        clause = _lower_first(tip, "")
        if first in _ADVICE_VERBS:
            cited = f"When we spoke{when}, you advised me to {clause}."
        elif first in _REPORTED_VERBS:
            cited = f"When we spoke{when}, you {clause}."
        else:
            cited = f"When we spoke{when}, you told me that {clause}."
    step = _sentence(progress) or "I wanted to let you know how my search is going."
    lines.append(_join(cited, step))
    thanks = ("Thank you again: your advice is paying off." if _norm(str(progress or ""))
              and tip else "Thank you again for the time you gave me.")
    lines += ["", thanks, "", "Best regards,", _signature(your_name)]
    return "\n".join(lines)


def compose_follow_up(name: str, *, sent_on=None, minutes: int = 20, time_window: str = "",
                      your_name: str = "", sender_details: str = "", locale=None) -> str:
    """A short follow-up e-mail when a letter has had no answer.

    Parameters
    ----------
    name : str
        Whom you wrote to (greeted by :func:`greeting_name`).
    sent_on : date or str, optional
        When the first letter went out; named so they can find it.
    minutes : int
        How long you ask for.
    time_window : str
        When you are free now (your own sentence).
    your_name, sender_details : str
        Your name and, under it, your phone or e-mail.
    locale : str, optional
        How the date is written (``May 5`` or ``5 May``).

    Examples
    --------
    >>> compose_follow_up("Dr. Priya Raman", sent_on="2026-05-05").splitlines()[0]
    'Dear Dr. Raman,'
    """
    on = ""
    if sent_on not in (None, ""):
        on = f" on {day_and_month(_day(sent_on, what='sent_on'), locale=locale)}"
    lines = [greeting(name), "",
             _join(f"I wrote to you{on} to ask for {minutes} minutes of your time for an "
                   "informational interview, and I am following up in case my message "
                   "got buried.", _sentence(time_window),
                   "If a meeting is hard to fit in, a short phone call at a time that "
                   "suits you would help me just as much."),
             "", "Thank you for considering it.", "", SIGN_OFF, _signature(your_name)]
    lines += [x.strip() for x in _LINE_END.split(str(sender_details or "")) if x.strip()]
    return "\n".join(lines)


def compose_tell_referrer(name: str, *, referred: str, outcome: str = "replied",
                          progress: str = "", your_name: str = "", locale=None) -> str:
    """A note to the person who referred you: how it went with the one they named.

    Parameters
    ----------
    name : str
        The person who referred you.
    referred : str
        The person they named.
    outcome : {"replied", "met"}
        Whether that person has answered, or you have already met.
    progress : str
        Your own words on how it went; said instead of the composer's sentence.
    your_name : str
        Your name for the signature.
    locale : str, optional
        Accepted for a uniform call (the note has no date).

    Examples
    --------
    >>> "Sam Ortiz has answered" in compose_tell_referrer("Ana Diaz", referred="Sam Ortiz")
    True
    """
    if outcome not in ("replied", "met"):
        raise ParameterError(f"compose_tell_referrer: outcome {outcome!r} is not allowed; "
                             "use replied or met")
    who = _norm(str(referred or "")) or "the person you suggested"
    news = (f"{who} has answered my letter, and we are finding a time to talk."
            if outcome == "replied" else
            f"I have now met {who}, and it was every bit as useful as you said.")
    lines = [f"Dear {_first_name(name)},", "",
             _join(f"Thank you again for suggesting I get in touch with {who}.",
                   _sentence(progress) or f"I wanted you to know that {news}"),
             "", "I am grateful for the introduction.", "", "Best regards,",
             _signature(your_name)]
    return "\n".join(lines)


#: LinkedIn limits the note of a connection request to this many characters.
LINKEDIN_NOTE_CHARS = 300


def compose_linkedin_note(name: str, *, company: str = "", met_on=None,
                          your_name: str = "") -> str:
    """The short note of a LinkedIn connection request after you met.

    Examples
    --------
    >>> compose_linkedin_note("Olivia Chen", company="Civic Sightline", met_on="2026-09-17",
    ...                       your_name="Rosa").split(".")[0]
    'Hello Olivia, thank you again for talking with me on Thursday about Civic Sightline'
    """
    when = ""
    if met_on not in (None, ""):
        when = f" on {_day(met_on, what='met_on'):%A}"
    org = _norm(str(company or ""))
    about = f" about {org}" if org else ""
    who = greeting_name(name)
    text = (f"Hello{' ' + who if who else ''}, thank you again for talking with me{when}"
            f"{about}. I would be glad to stay in touch here.")
    sign = _norm(str(your_name or ""))
    return text + (f" {sign}" if sign else "")


def check_linkedin_note(text: str) -> list[Check]:
    """Check that a connection-request note fits LinkedIn's limit.

    Returns
    -------
    list of Check
        One check, ``linkedin_length``.
    """
    n = len(str(text or ""))
    ok = n <= LINKEDIN_NOTE_CHARS
    return [Check("linkedin_length", ok,
                  f"{n} characters: fits a LinkedIn invitation." if ok else
                  f"{n} characters: LinkedIn takes at most {LINKEDIN_NOTE_CHARS}; shorten it.",
                  "warning")]
