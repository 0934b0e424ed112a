"""The ``reply`` kind counts as a response everywhere; ``ref`` is unique when set."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from infoint_nb import metrics
from infoint_nb import schema as S
from infoint_nb.store import ContactLog


def _raw(rows, columns):
    frame = pd.DataFrame(rows, columns=columns, dtype=str)
    frame.index = pd.RangeIndex(2, 2 + len(frame))
    return frame


def test_reply_is_a_response_kind_and_ref_an_optional_column():
    assert S.REPLY == "reply" and S.REPLY in S.RESPONSE_KINDS and S.REPLY in S.KINDS
    assert S.REF == "ref" and S.REF in S.INTERACTION_OPTIONAL_COLUMNS
    assert S.REF in S.empty_interactions().columns


def test_a_repeated_ref_is_a_problem_naming_both_rows_and_empty_refs_are_fine():
    cols = [S.INTERACTION_ID, S.CONTACT_ID, S.DATE, S.KIND, S.REF]
    raw = _raw([["I1", "C1", "2026-05-04", "outreach", "mail:a#C1"],
                ["I2", "C1", "2026-05-05", "note", ""],
                ["I3", "C1", "2026-05-06", "note", ""],
                ["I4", "C1", "2026-05-07", "reply", "mail:a#C1"]], cols)
    problems = S.validate_interactions(raw, ["C1"])
    assert len(problems) == 1
    p = problems[0]
    assert (p.row, p.column, p.value) == (5, S.REF, "mail:a#C1")
    assert "duplicate ref (first used on row 2)" in p.message


def test_an_unsorted_reply_counts_as_the_response_in_every_table(tmp_path):
    log = ContactLog.init(tmp_path / "log")
    a = log.add_contact(name="Ann Lee", company="Acme", added_on="2026-05-01")
    b = log.add_contact(name="Bo Park", company="Beta", added_on="2026-05-01")
    log.add_interaction(a, S.OUTREACH, "2026-05-04", channel="email")
    log.add_interaction(a, S.REPLY, "2026-05-05", channel="email")
    log.add_interaction(b, S.OUTREACH, "2026-05-04", channel="email")
    as_of = dt.date(2026, 5, 29)
    t = metrics.contact_timeline(log.contacts, log.interactions, as_of=as_of).set_index(
        S.CONTACT_ID)
    assert t.loc[a, "days_to_response"] == 1 and t.loc[a, "stage"] == "responded"
    assert t.loc[a, "dalton_class"] == "booster"
    by = metrics.response_by(log.contacts, log.interactions, by="company", as_of=as_of)
    assert by.set_index("company").loc["Acme", "responded"] == 1
    assert by.set_index("company").loc["Beta", "responded"] == 0
    assert metrics.summarize(log.contacts, log.interactions, as_of=as_of)["responded"] == 1
