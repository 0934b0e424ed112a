"""Parameter descriptions shared by several functions, written once (seaborn's ``_docstrings.py``).

A docstring names a shared entry by a line holding only ``{params.<key>}``;
:func:`share_docs` replaces that line with the entry from :data:`PARAMS`,
re-indented to the placeholder's indentation. Nothing else in the docstring is
touched, so other braces (``{"company", ...}``, ``{question: note}``) stay as written.
"""
from __future__ import annotations

import re
import textwrap

__all__ = ["PARAMS", "share_docs"]

#: Numpydoc ``Parameters`` entries (name line, then the description indented by
#: four spaces), keyed by the name used in ``{params.<key>}`` placeholders.
PARAMS: dict[str, str] = {
    # the log (metrics, charts)
    "contacts_interactions": """
contacts, interactions : DataFrame
    The typed frames of a log (``ContactLog.contacts`` and ``.interactions``).
""",
    "as_of": """
as_of : str, date or None
    The day the log is read as of (default today); contacts added and
    interactions dated after it are ignored.
""",
    "follow_up_days": """
follow_up_days : int
    Days after the last unanswered attempt before a follow-up is due.
""",
    "max_follow_ups": """
max_follow_ups : int
    Follow-ups (attempts after the first) before a contact has gone quiet.
""",
    "by": """
by : {"company", "industry", "channel", "source", "month"}
    What to group by: a contact column, the channel of the first attempt, or
    the month of first contact (``YYYY-MM``).
""",
    # survival (metrics)
    "durations": """
durations : array-like of float
    Days observed: days to response, or days since first contact for the silent.
""",
    "observed": """
observed : array-like of bool
    True where the person responded (an event), False where censored.
""",
    # what is due (charts, calendar)
    "due": """
due : DataFrame
    From :func:`metrics.followups_due`.
""",
    "meetings": """
meetings : DataFrame, optional
    From :func:`metrics.upcoming_meetings`.
""",
    # drawing (charts)
    "ax": """
ax : matplotlib Axes, optional
    Where to draw; the current axes by default.
""",
    # meeting time budget (planning)
    "minutes_per_question": """
minutes_per_question : float
    Minutes one question takes with its answer.
""",
    "opening_minutes": """
opening_minutes : float
    Minutes for greetings and your pitch.
""",
    "wind_down_minutes": """
wind_down_minutes : float
    Minutes kept for the wind-down questions and goodbye.
""",
}

_PLACEHOLDER = re.compile(r"^(?P<indent>[ \t]*)\{params\.(?P<key>\w+)\}[ \t]*$", re.M)


def _fill(match: re.Match) -> str:
    key = match["key"]
    if key not in PARAMS:
        raise KeyError(f"docstring placeholder {{params.{key}}} names no shared entry; "
                       f"known: {', '.join(sorted(PARAMS))}")
    return textwrap.indent(PARAMS[key].strip("\n"), match["indent"])


def share_docs(obj):
    """Fill the ``{params.<key>}`` lines of ``obj.__doc__`` from :data:`PARAMS`; return ``obj``.

    A docstring without placeholders (or none at all, as under ``python -OO``)
    is left as it is.
    """
    if obj.__doc__:
        obj.__doc__ = _PLACEHOLDER.sub(_fill, obj.__doc__)
    return obj
