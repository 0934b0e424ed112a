"""The schema: one place for columns, kinds and the rules, with helpful suggestions."""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest

from infoint_nb import metrics
from infoint_nb import schema as S
from infoint_nb.store import ContactLog


def test_kind_groups_partition_the_kinds():
    groups = [set(g) for g in S.KIND_GROUPS.values()]
    assert set().union(*groups) == set(S.KINDS)
    assert sum(len(g) for g in groups) == len(S.KINDS)
    assert set(S.POSITIVE_KINDS) <= set(S.RESPONSE_KINDS)


@pytest.mark.parametrize("value, allowed, expected", [
    ("Email", S.CHANNELS, "email"),
    ("in person", S.CHANNELS, "in_person"),
    ("meeting-held", S.KINDS, "meeting_held"),
    ("LinkedIn", S.SOURCES, "linkedin"),
    ("careercenter", S.SOURCES, "career_center"),
    ("zzzz", S.CHANNELS, None),
])
def test_suggest(value, allowed, expected):
    assert S.suggest(value, allowed) == expected


@pytest.mark.parametrize("text, ok", [
    ("2026-05-05", True), ("2026-05-05T09:30", True), ("2026-05-05 09:30:15", True),
    ("2026-02-29", False), ("2026-5-5", False), ("05/05/2026", False),
    ("2026-05-05T09:30Z", False), ("2026-05-05T09:30+01:00", False), ("", False),
])
def test_parse_when(text, ok):
    if ok:
        assert S.parse_when(text).year == 2026
    else:
        with pytest.raises(ValueError):
            S.parse_when(text)


def test_typed_frames_keep_text_and_convert_dates():
    raw = pd.DataFrame({"contact_id": ["C1", "C2"], "name": ["NA", "Bo"],
                        "phone": ["0041", ""], "priority": ["", "5"],
                        "added_on": ["2026-01-02", "2026-01-03"]}, dtype=str)
    typed = S.to_typed_contacts(raw)
    assert typed.loc[0, "name"] == "NA" and typed.loc[0, "phone"] == "0041"
    assert typed["priority"].isna().tolist() == [True, False]
    assert typed.loc[1, "priority"] == 5
    assert list(typed.columns[:len(S.CONTACT_COLUMNS)]) == list(S.CONTACT_COLUMNS)
    ir = pd.DataFrame({"interaction_id": ["I1", "I2"], "contact_id": ["C1", "C1"],
                       "date": ["2026-01-02", "2026-01-02T17:45"], "kind": ["outreach", "note"],
                       "scheduled_for": ["", "2026-01-09T10:00"]}, dtype=str)
    it = S.to_typed_interactions(ir)
    assert it.loc[1, "date"] == pd.Timestamp("2026-01-02 17:45")
    assert pd.isna(it.loc[0, "scheduled_for"])
    assert it.loc[0, "channel"] == ""


def test_problem_lists_are_in_reading_order():
    raw = pd.DataFrame({"contact_id": ["C1", "C1", ""], "name": ["", "Bo", "Cy"],
                        "added_on": ["2026-01-01", "x", "2026-01-01"]}, dtype=str)
    raw.index = [2, 3, 4]
    rows = [p.row for p in S.validate_contacts(raw)]
    assert rows == sorted(rows) and set(rows) == {2, 3, 4}


@pytest.mark.parametrize("text, ok", [
    ("2026-05-05", True), ("2024-02-29", True), ("2026-05-05T09:30", True),
    ("2026-05-05 09:30", True), ("2026-05-05T09:30:15", True), ("2026-05-05T09:30:15.25", True),
    ("7479458057", False),        # numpy would read a bare ten-digit year
    ("+026-05-05", False), ("-026-05-05", False),  # ... and a signed year
    ("2026-02-29", False), ("2026-05-05T24:00", False), ("2026-05-05T09:30Z", False),
    ("2026-05-05T09+01", False), (" 2026-05-05", False), ("2026-5-5", False), ("2026", False),
])
def test_log_dates_parse_exactly_the_contract(text, ok):
    """The vectorised date check agrees with the contract, value by value, in bulk too."""
    col = pd.Series([text, "2026-01-01", "2026-01-01T10:00"] * 3)
    values, bad = S._text_to_datetimes(col, date_only=False)
    assert list(bad.iloc[::3]) == [not ok] * 3
    assert not bad[bad.index % 3 != 0].any()
    if ok:
        assert values.iloc[0] == pd.Timestamp(text)
    only_dates, bad_d = S._text_to_datetimes(pd.Series([text]), date_only=True)
    assert bool(bad_d.iloc[0]) is not (ok and len(text) == 10)


# --- the Arrow fast path agrees with the general one -----------------------------------
_WHEN_VALUES = ["2026-05-05", "2026-05-05T09:30", "2026-05-05 09:30", "", "2026-02-29",
                "2028-02-29", "2026-05-05T24:00", "2026-05-05T23:60", "2026-05-05T09:30:15",
                "2026-05-05T09:30Z", "+2026-05-05", "2026-5-5", "２０２６-05-05", "20260505",
                "2026-05-05T09:3", "2026-05-05 ", " 2026-05-05", "0000-01-01", "NA"]


@pytest.mark.parametrize("value", _WHEN_VALUES)
@pytest.mark.parametrize("date_only", [True, False])
def test_arrow_dates_match_the_general_parser(value, date_only):
    arrow = pd.Series([value, "2026-01-01", "2026-01-01T08:00" if not date_only else ""],
                      dtype="str")
    assert S._arrow(arrow) is not None, "the test needs an Arrow-backed column"
    plain = arrow.astype(object)
    fast_values, fast_bad = S._text_to_datetimes(arrow, date_only=date_only)
    values, bad = S._text_to_datetimes(plain, date_only=date_only)
    assert fast_bad.tolist() == bad.tolist()
    assert fast_values.equals(values)


def test_fast_checks_only_pass_what_the_careful_checks_pass():
    """On each one-cell change of a valid log, the fast check says 'valid' only when the
    careful checks find nothing (else the messages would be lost)."""
    contacts = pd.DataFrame({c: [""] * 3 for c in S.CONTACT_COLUMNS}, dtype="str")
    contacts[S.CONTACT_ID] = ["C1", "C2", "C3"]
    contacts[S.NAME] = ["Ann", "Bo", "Cy"]
    contacts[S.ADDED_ON] = ["2026-05-01"] * 3
    contacts[S.REFERRED_BY] = ["", "C1", ""]
    inter = pd.DataFrame({c: [""] * 2 for c in S.INTERACTION_COLUMNS}, dtype="str")
    inter[S.INTERACTION_ID] = ["I1", "I2"]
    inter[S.CONTACT_ID] = ["C1", "C2"]
    inter[S.DATE] = ["2026-05-02", "2026-05-03T10:00"]
    inter[S.KIND] = ["outreach", "reply_yes"]
    assert S._fast_contacts_ok(contacts, {}) and S._fast_interactions_ok(
        inter, contacts[S.CONTACT_ID], {})
    bad_cells = {S.CONTACT_ID: ["", "C1"], S.NAME: ["", " \u3000", "\x1f"],
                 S.ADDED_ON: ["", "2026-02-30", "05/01/2026"], S.SOURCE: ["LinkedIn", "x"],
                 S.PRIORITY: ["6", "1.0"], S.CITE_PERMISSION: ["maybe"],
                 S.REFERRED_BY: ["C9", "C2"]}
    for column, values in bad_cells.items():
        for value in values:
            broken = contacts.copy()
            broken.loc[1, column] = value
            broken[column] = broken[column].astype("str")
            assert S.validate_contacts(broken), (column, value)
            assert not S._fast_contacts_ok(broken, {}), (column, value)
    bad_cells = {S.INTERACTION_ID: ["", "I1"], S.CONTACT_ID: ["", "C9"],
                 S.DATE: ["", "2026-05-02T09:30+01:00", "2026-13-01"],
                 S.KIND: ["", "Outreach"], S.CHANNEL: ["Email"]}
    for column, values in bad_cells.items():
        for value in values:
            broken = inter.copy()
            broken.loc[1, column] = value
            broken[column] = broken[column].astype("str")
            assert S.validate_interactions(broken, contacts[S.CONTACT_ID]), (column, value)
            assert not S._fast_interactions_ok(broken, contacts[S.CONTACT_ID], {}), (column, value)


def test_byte_dates_read_chunked_and_sliced_arrow_text_like_the_general_parser():
    """The byte-level date reader (offsets into Arrow's buffers) on a chunked column
    whose chunks are slices of larger arrays: same values as the general parser, and it
    declines (None) the first value it cannot prove, leaving the message to the others."""
    import pyarrow as pa

    rng = np.random.default_rng(7)
    days = rng.integers(-200_000, 2_900_000, 3000).astype("datetime64[D]")
    text = [f"{d}T{k % 24:02d}:{k % 60:02d}" if k % 3 else f"{d}" if k % 2 else ""
            for k, d in enumerate(np.datetime_as_string(days))]
    text = [t if not t.startswith("-") and len(t.split("-")[0]) == 4 else "2026-01-01"
            for t in text]
    whole = pa.array(["junk"] * 5 + text, type=pa.large_string())
    chunked = pa.chunked_array([whole.slice(5, 1000), whole.slice(1005, 2000)])
    arrow = pd.Series(pd.arrays.ArrowExtensionArray(chunked))
    fast = S._datetimes_by_bytes(arrow, date_only=False)
    assert fast is not None
    values, bad = S._text_to_datetimes(pd.Series(text, dtype=object), date_only=False)
    assert fast[0].tolist() == values.tolist() and not bad.any() and not fast[1].any()
    for odd in ("2026-02-29", "2026-01-01T24:00", "2026-01-01 9:30", "1900-02-29", "é" * 10):
        broken = pd.Series(pd.arrays.ArrowExtensionArray(
            pa.chunked_array([pa.array(text[:10] + [odd], type=pa.large_string())])))
        assert S._datetimes_by_bytes(broken, date_only=False) is None, odd
    assert S._datetimes_by_bytes(pd.Series(["2026-01-01T10:00"], dtype="str"),
                                 date_only=True) is None


def test_parse_day_takes_what_a_user_gives_and_names_the_parameter():
    import datetime as dt

    from infoint_nb.errors import ParameterError

    day = dt.date(2026, 5, 5)
    for value in ("2026-05-05", " 2026-05-05T17:30 ", day, dt.datetime(2026, 5, 5, 9),
                  pd.Timestamp("2026-05-05 23:59")):
        assert S.parse_day(value, name="as_of") == day
    for value in (None, "", "  ", pd.NaT):
        assert S.parse_day(value, name="as_of") is None
    for value, why in (("05/05/2026", "not an ISO date; write 2026-05-05"),
                       ("2026-02-30", "not a real calendar date"),
                       ("2026-05-05T09:30+02:00", "time-zone offset"),
                       (pd.Timestamp("2026-05-05", tz="UTC"), "time zone")):
        with pytest.raises(ParameterError, match=why) as info:
            S.parse_day(value, name="--start")
        assert str(info.value).startswith("--start ")


# --- the reply kind counts as a response everywhere; ref is unique when set ---
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
