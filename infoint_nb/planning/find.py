"""Finding people (notebook 02, :mod:`infoint_nb.forms.find`).

The search channels (:data:`SEARCH_CHANNELS`, :func:`count_contacts_by_channel`,
:func:`check_search_plan`), the question to ask your own network
(:func:`compose_network_ask`, :func:`check_network_ask`) and whether a mutual
connection may be named (:func:`check_cite_permission`).
"""
from __future__ import annotations

import re
from collections import Counter

from .checks import Check
from .text import _join, _norm

__all__ = [
    "SEARCH_CHANNELS", "count_contacts_by_channel", "check_search_plan", "compose_network_ask",
    "check_network_ask", "check_cite_permission",
]


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
