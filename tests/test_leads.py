"""The ``lead`` record kind in the schema.

These two belong in tests/test_schema.py; they wait here only while that file is being
edited on another branch (issue 10: move them there when merging).
"""
from __future__ import annotations

from infoint_nb import schema as S


def test_lead_is_a_record_kind_with_a_constant():
    assert S.LEAD == "lead" and S.LEAD in S.RECORD_KINDS and S.LEAD in S.KINDS
    assert S.KIND_GROUPS["record"] == S.RECORD_KINDS


def test_a_near_miss_of_lead_gets_a_suggestion():
    assert S.suggest("Lead", S.KINDS) == "lead"
