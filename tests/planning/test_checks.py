"""Check, its levels, failed_checks and worst_level (infoint_nb.planning.checks)."""
from __future__ import annotations

import pytest

from infoint_nb import planning as P
from infoint_nb.errors import ParameterError


# --- shared ------------------------------------------------------------------------
def test_worst_level_orders_levels_and_ignores_passed_checks():
    assert P.worst_level([]) == "ok"
    assert P.worst_level([P.Check("a", True, "", "error")]) == "ok"
    checks = [P.Check("a", False, "", "info"), P.Check("b", False, "", "error"),
              P.Check("c", False, "", "warning")]
    assert P.worst_level(checks) == "error"
    assert [c.name for c in P.failed_checks(checks + [P.Check("d", True, "")])] == ["a", "b", "c"]


def test_check_rejects_unknown_level():
    with pytest.raises(ParameterError, match="'fatal' is not allowed"):
        P.Check("a", False, "x", "fatal")
