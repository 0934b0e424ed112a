"""Planning for notebook 02: the network ask, the search plan."""
from __future__ import annotations

import pytest

from infoint_nb import planning as P


def _by_name(checks):
    return {c.name: c for c in checks}


# --- network ask -------------------------------------------------------------------
def test_network_ask_is_specific_and_passes():
    text = P.compose_network_ask(role="UX researcher", field="health", place="Chicago",
                                 reason="I'm a teacher moving into research.")
    assert text.startswith("I'm a teacher moving into research. Do you know anyone who works "
                           "as a UX researcher in health in or around Chicago?")
    checks = P.check_network_ask(text, role="UX researcher", field="health", place="Chicago")
    assert all(c.ok for c in checks)


def test_network_ask_vague_and_job_seeking_fail():
    vague = P.compose_network_ask()
    c = _by_name(P.check_network_ask(vague))
    assert c["question"].ok and not c["specific"].ok
    assert "a role, field or employer" in c["specific"].message   # right in any locale
    c = _by_name(P.check_network_ask("Let me know if you hear of any job openings.",
                                     role="analyst"))
    assert not c["question"].ok and not c["not_a_job_request"].ok
    assert "and where" in c["specific"].message
    assert "'job'" in c["not_a_job_request"].message


@pytest.mark.parametrize("perm,ok", [("yes", True), ("asked", False), ("no", False), ("", False)])
def test_check_cite_permission(perm, ok):
    (c,) = P.check_cite_permission("Priya Raman", perm)
    assert c.ok is ok and "Priya Raman" in c.message
    (c,) = P.check_cite_permission("", perm)
    assert c.ok


# --- search plan -------------------------------------------------------------------
def test_search_plan_checks_and_counts():
    c = _by_name(P.check_search_plan({"linkedin": "search"}))
    assert not c["channels"].ok and not c["everyone"].ok
    c = _by_name(P.check_search_plan({"linkedin": "search", "everyone": "friends"}))
    assert c["channels"].ok and c["everyone"].ok
    counts = P.count_contacts_by_channel(["linkedin", "alumni", "career_center", "", "other",
                                          "referral"])
    assert counts == {"company_sites": 0, "linkedin": 1, "alumni": 2, "associations": 0,
                      "everyone": 1}
