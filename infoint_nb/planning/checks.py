"""The outcome of a check: :class:`Check`, its levels, and how a list of them sums up.

Every ``check_*`` function of :mod:`infoint_nb.planning` returns a list of
:class:`Check`; :func:`failed_checks` keeps the ones that did not pass and
:func:`worst_level` says how much they matter (the forms colour their feedback by it).
"""
from __future__ import annotations

from dataclasses import dataclass

from ..errors import ParameterError

__all__ = ["Check", "CHECK_LEVELS", "worst_level", "failed_checks"]


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
