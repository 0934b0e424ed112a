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
- prepare (05), meeting (06), follow-up (07): at the end of the file.
"""
from __future__ import annotations

import datetime as _dt
import re
import textwrap
from collections import Counter
from dataclasses import dataclass

from . import config
from .errors import ParameterError
from .schema import parse_date

__all__ = [
    # shared
    "Check", "CHECK_LEVELS", "worst_level", "failed_checks", "count_words", "count_lines",
    "human_date",
    # goals and places (01)
    "PURPOSES", "MAX_PLACES", "check_goals", "parse_places", "place_key", "check_places",
    "LAMP_SCORES", "LAMP_ORDER", "rank_employers", "check_employers",
    # finding people (02)
    "SEARCH_CHANNELS", "count_contacts_by_channel", "check_search_plan",
    "compose_network_ask", "check_network_ask", "check_cite_permission",
    # reaching out (03)
    "LETTER_PARTS", "ONE_PAGE_WORDS", "ONE_PAGE_LINES", "SHORT_EMAIL_WORDS", "LINE_WIDTH",
    "MEETING_TYPE_PHRASES", "compose_letter", "check_letter", "suggest_ask",
    "suggest_follow_up", "follow_up_due_date", "PHONE_SCRIPT_STEPS", "PHONE_SCRIPT_LABELS",
    "compose_phone_script", "phone_script_text", "MEETING_MINUTES", "check_meeting_length",
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
    for line in (text or "").strip("\n").splitlines():
        n += max(1, len(textwrap.wrap(line, width)) if line.strip() else 1)
    return n


def human_date(value) -> str:
    """A date as people write it: ``Tuesday 19 May 2026``."""
    d = parse_date(value, what="date")
    return f"{d:%A} {d.day} {d:%B %Y}"


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
              "Say what kind of business or organisation you are aiming at "
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
            "Travelling between them costs time and money; focus on one or two.",
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
    "alumni": ("Alumni network and career centre", ("alumni", "career_center"),
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
              + ("" if what else " (a role, field or organisation)")
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
    "recipient_name", "connection", "who_you_are", "why_field", "why_organisation",
    "why_person", "ask", "meeting_mode", "time_window", "follow_up", "thanks",
    "sender_name", "sender_details",
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

_MONTHS = ("january|february|march|april|may|june|july|august|september|october|"
           "november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_TIME_WINDOW_RE = re.compile(
    rf"\b(?:{_MONTHS}|{_DAYS})\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[./]\d{{1,2}}\b"
    r"|\b(?:next|this|coming) (?:week|month|fortnight)\b|\bweek of\b|\bin (?:the )?(?:next|"
    r"coming) (?:few |two |three )?(?:days|weeks)\b|\bbetween the\b",
    re.IGNORECASE)
_FOLLOW_UP_RE = re.compile(
    r"\bfollow(?:ing)?[- ]?up\b|\b(?:call|ring|phone|email|e-mail|contact|write to) you\b"
    r"|\bget (?:back )?in touch\b|\bbe in touch\b|\bcheck in\b|\breach out again\b",
    re.IGNORECASE)


def suggest_ask(*, minutes: int = 20, topic: str = "") -> str:
    """A ready-made ask that names the meeting type.

    Examples
    --------
    >>> suggest_ask(minutes=20)
    'Would you have 20 minutes for an informational interview?'
    """
    about = f" about {_norm(topic)}" if _norm(topic) else ""
    return f"Would you have {minutes} minutes for an informational interview{about}?"


def suggest_follow_up(due, *, channel: str = "phone") -> str:
    """A follow-up sentence for the letter, naming the week it falls due.

    Parameters
    ----------
    due : date or str
        When you will follow up (see :func:`follow_up_due_date`).
    channel : str
        ``phone`` (call) or anything else (write again).
    """
    d = parse_date(due, what="follow-up date")
    verb = "give you a call" if channel == "phone" else "write to you again"
    return f"If it suits you, I will {verb} in the week of {d.day} {d:%B} to find a time."


def compose_letter(*, recipient_name: str = "", connection: str = "", who_you_are: str = "",
                   why_field: str = "", why_organisation: str = "", why_person: str = "",
                   ask: str = "", meeting_mode: str = "", time_window: str = "",
                   follow_up: str = "", thanks: str = "", sender_name: str = "",
                   sender_details: str = "", short: bool = False) -> str:
    """Put the parts of an outreach letter or e-mail together.

    Each part is your own sentence(s); empty parts are left out, nothing is
    invented. Check the result with :func:`check_letter`.

    Parameters
    ----------
    recipient_name : str
        How you address them, e.g. ``"Ms Okafor"`` (``Hello,`` when empty).
    connection : str
        The shared connection, e.g. ``"Priya Raman suggested I write to you."``; it
        goes first, where it is seen. Name them only with their permission.
    who_you_are : str
        Who you are and where you stand (studying, graduating, changing field).
    why_field, why_organisation, why_person : str
        Why the field, this organisation and this person in particular.
    ask : str
        The request; it should say "informational interview" (see :func:`suggest_ask`).
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
        ``meeting_mode`` and ``sender_details`` and aims at under
        :data:`SHORT_EMAIL_WORDS` words.

    Returns
    -------
    str
        The letter, paragraphs separated by blank lines.
    """
    greeting = f"Dear {_norm(recipient_name)}," if _norm(recipient_name) else "Hello,"
    if short:
        paragraphs = [
            _join(connection, who_you_are),
            _join(why_person, ask, time_window),
            _join(follow_up, thanks),
        ]
        closing = [_norm(sender_name)]
    else:
        paragraphs = [
            _join(connection, who_you_are),
            _join(why_field, why_organisation, why_person),
            _join(ask, meeting_mode, time_window),
            _join(follow_up, thanks),
        ]
        closing = ["Kind regards,", _norm(sender_name)] + [
            line.strip() for line in (sender_details or "").splitlines() if line.strip()]
    body = [greeting] + [p for p in paragraphs if p]
    sign = "\n".join(c for c in closing if c)
    return "\n\n".join(body + ([sign] if sign else []))


def check_letter(text: str, *, mentions_connection: bool, cite_permission: str | None,
                 short: bool = False) -> list[Check]:
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

    Returns
    -------
    list of Check
        ``one_page``, ``meeting_type``, ``connection``, ``time_window``,
        ``follow_up`` and, in short mode, ``short_email``.

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
    window = bool(_TIME_WINDOW_RE.search(t))
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
    "opening", "ask", "if_yes", "if_no", "if_still_no", "voicemail")
PHONE_SCRIPT_LABELS: dict[str, str] = {
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
                         callback: str = "") -> dict[str, str]:
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
        Your phone number, for the voicemail.

    Returns
    -------
    dict
        :data:`PHONE_SCRIPT_STEPS` → what to say; yes lets them choose the time and
        place, no offers a phone meeting, a second no thanks them and asks whom else
        to talk to.

    Raises
    ------
    ParameterError
        When ``sender_name`` is empty or ``letter_sent_on`` is not a date.
    """
    me = _norm(sender_name)
    if not me:
        raise ParameterError("compose_phone_script: sender_name is empty; give your name "
                             "so they know who is calling")
    hello = f"Hello {_norm(recipient_name)}," if _norm(recipient_name) else "Hello,"
    wrote = "I wrote to you"
    if letter_sent_on not in (None, ""):
        try:
            d = parse_date(letter_sent_on, what="letter_sent_on")
        except ValueError as exc:
            raise ParameterError(f"compose_phone_script: {exc}") from None
        wrote += f" on {d.day} {d:%B}"
    window = _norm(time_window)
    when = f" {window}" if window else " in the next few weeks"
    script = {
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
                  f"{m} minutes: ask for {lo} to {hi} minutes; they are doing you a favour.",
                  "warning")]


# =====================================================================================
# --- prepare (05) ---
# =====================================================================================


# =====================================================================================
# --- meeting (06) ---
# =====================================================================================


# =====================================================================================
# --- follow-up (07) ---
# =====================================================================================
