"""Planning for notebook 01: goals, places, the LAMP ranking."""
from __future__ import annotations

import pytest

from infoint_nb import planning as P
from infoint_nb.errors import InfointError, ParameterError


def _by_name(checks):
    return {c.name: c for c in checks}


# --- goals and places --------------------------------------------------------------
def test_check_goals():
    c = _by_name(P.check_goals({}))
    assert not c["business"].ok and not c["positions"].ok and not c["purpose"].ok
    assert c["business"].level == "error" and c["horizon"].level == "info"
    c = _by_name(P.check_goals({"business": "edtech", "positions": "researcher",
                                "how_long": "3 years", "purpose": "both"}))
    assert all(x.ok for x in c.values())


def test_parse_places_and_place_key():
    assert P.parse_places("Chicago\n Evanston ;chicago\n\n") == ["Chicago", "Evanston"]
    assert P.parse_places(["Basel, Switzerland", "basel"]) == ["Basel, Switzerland"]
    assert P.place_key("Chicago, IL") == P.place_key(" chicago ") == "chicago"
    assert P.place_key("Remote") == ""


def test_check_places_warns_when_contacts_spread():
    locs = ["Chicago, IL"] * 5 + ["Evanston, IL", "Zürich, Switzerland", "Boston, MA",
                                  "Denver, CO", "", "remote"]
    c = _by_name(P.check_places("Chicago\nEvanston", locs))
    assert c["few_places"].ok
    assert not c["contacts_spread"].ok
    assert "5 places (Chicago 5, " in c["contacts_spread"].message
    assert not c["contacts_in_places"].ok and "3 target contact(s)" in c["contacts_in_places"].message


def test_check_places_passes_when_close_together():
    c = _by_name(P.check_places(["Chicago"], ["Chicago, IL", "chicago"]))
    assert all(x.ok for x in c.values())
    assert "1 place(s): Chicago 2" in c["contacts_spread"].message


def test_check_places_too_many_or_no_planned_places():
    c = _by_name(P.check_places("A\nB\nC\nD", []))
    assert not c["few_places"].ok and "4 places" in c["few_places"].message
    c = _by_name(P.check_places("", ["Chicago"]))
    assert not c["few_places"].ok and "at least one place" in c["few_places"].message
    assert c["contacts_in_places"].ok  # nothing planned: nothing to be outside of
    c = _by_name(P.check_places("A", ["a", "b"], max_places=1))
    assert not c["contacts_spread"].ok


# --- LAMP --------------------------------------------------------------------------
def test_rank_employers_lamp_order_and_ties():
    rows = [
        {"employer": "Cobalt", "motivation": 2, "postings": 3, "advocacy": 0},
        {"employer": "Brightline", "motivation": 3, "postings": 0, "advocacy": 0},
        {"employer": "Alder", "motivation": 2, "postings": 3, "advocacy": 0, "notes": "n"},
        {"employer": "Kite", "motivation": 2, "postings": 1, "advocacy": 3},
        {"employer": "  ", "motivation": 3},
    ]
    ranked = P.rank_employers(rows)
    assert [r["employer"] for r in ranked] == ["Brightline", "Alder", "Cobalt", "Kite"]
    assert [r["rank"] for r in ranked] == [1, 2, 2, 4]
    assert ranked[1]["notes"] == "n" and ranked[1]["total"] == 5
    by_adv = P.rank_employers(rows, by=("advocacy", "motivation"))
    assert by_adv[0]["employer"] == "Kite"


def test_rank_employers_scores_as_text_and_empty():
    (r,) = P.rank_employers([{"employer": "A", "motivation": "3", "postings": "",
                              "advocacy": None}])
    assert (r["motivation"], r["postings"], r["advocacy"]) == (3, 0, 0)


@pytest.mark.parametrize("bad", [4, -1, "high", 1.5])
def test_rank_employers_rejects_bad_scores(bad):
    with pytest.raises(ParameterError) as exc:
        P.rank_employers([{"employer": "Kite", "motivation": bad}])
    assert "employer 'Kite': motivation is" in str(exc.value)
    assert "whole number from 0 to 3" in str(exc.value)
    assert isinstance(exc.value, InfointError)


def test_rank_employers_rejects_unknown_sort_field():
    with pytest.raises(ParameterError, match="'salary' is not a LAMP score"):
        P.rank_employers([], by=("salary",))


def test_check_employers():
    rows = [{"employer": n, "motivation": 1} for n in ("A", "B", "a", "C", "D")]
    c = _by_name(P.check_employers(rows))
    assert c["scores"].ok and not c["duplicates"].ok and "a" in c["duplicates"].message
    assert not c["enough"].ok  # A and a are one employer: 4 distinct
    c = _by_name(P.check_employers(rows[:2] + [{"employer": "X", "postings": 9}]))
    assert not c["scores"].ok and c["scores"].level == "error"
    c = _by_name(P.check_employers([{"employer": n} for n in "ABCDE"]))
    assert all(x.ok for x in c.values())
