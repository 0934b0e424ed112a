"""Goals and places (notebook 01, :mod:`infoint_nb.forms.goals`).

What the job seeker wants from the interviews (:func:`check_goals`), the places to
look in (:func:`parse_places`, :func:`check_places`) and the employers ranked by the
LAMP method (:func:`rank_employers`, :func:`check_employers`).
"""
from __future__ import annotations

import re
from collections import Counter

from ..errors import ParameterError
from .checks import Check
from .text import _norm

__all__ = [
    "PURPOSES", "MAX_PLACES", "check_goals", "parse_places", "place_key", "check_places",
    "LAMP_SCORES", "LAMP_ORDER", "rank_employers", "check_employers",
]


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
    # each distinct location once (a large log repeats a few hundred places 10k times),
    # in the order they first appear
    for loc, n in Counter(contact_locations).items():
        k = place_key(loc)
        if k:
            counts[k] += n
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
