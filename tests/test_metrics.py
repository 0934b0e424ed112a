"""metrics: every definition of DESIGN.md §3 on hand-computed logs, plus oracles.

Kaplan–Meier medians are checked against ``scipy.stats.ecdf`` on ``CensoredData``,
Wilson intervals against ``scipy.stats.binomtest``, and the vectorised timeline
against a plain per-contact reading of the definitions on random logs.
"""
from __future__ import annotations

import datetime as dt

import numpy as np
import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from scipy import stats

from conftest import LEAD_TEXT
from infoint_nb import ContactLog, config, metrics
from infoint_nb import metrics as M
from infoint_nb import schema as S
from infoint_nb.errors import InfointError, ParameterError


# --- building logs -----------------------------------------------------------------
def contact(cid, name=None, company="Acme", *, added_on="2026-01-01", **fields):
    row = {S.CONTACT_ID: cid, S.NAME: name or f"Person {cid}", S.COMPANY: company,
           S.ADDED_ON: added_on}
    row.update(fields)
    return row


def make_log(contacts, interactions):
    """Typed frames from short rows; interactions are (contact_id, date, kind[, channel])."""
    c = S.to_typed_contacts(pd.DataFrame(contacts, dtype=str).fillna("")
                            if contacts else S.empty_contacts())
    rows = []
    for n, item in enumerate(interactions, start=1):
        item = dict(item) if isinstance(item, dict) else dict(
            zip((S.CONTACT_ID, S.DATE, S.KIND, S.CHANNEL), item))
        item.setdefault(S.CHANNEL, "email")
        item.setdefault(S.INTERACTION_ID, f"I{n:04d}")
        rows.append(item)
    i = S.to_typed_interactions(pd.DataFrame(rows, dtype=str).fillna("")
                                if rows else S.empty_interactions())
    return c, i


def row_of(table, key, value):
    hit = table[table[key] == value]
    assert len(hit) == 1, f"expected one row with {key}={value!r}, got {len(hit)}"
    return hit.iloc[0]


# --- small helpers -----------------------------------------------------------------
def test_resolve_as_of_accepts_text_dates_and_timestamps():
    want = pd.Timestamp("2026-05-05")
    assert M.resolve_as_of("2026-05-05") == want
    assert M.resolve_as_of("2026-05-05T17:30") == want
    assert M.resolve_as_of(dt.date(2026, 5, 5)) == want
    assert M.resolve_as_of(dt.datetime(2026, 5, 5, 23, 59)) == want
    assert M.resolve_as_of(pd.Timestamp("2026-05-05 08:00")) == want
    assert M.resolve_as_of(None) == pd.Timestamp.today().normalize()


@pytest.mark.parametrize("bad", ["2026-13-01", "yesterday", 20260505])
def test_resolve_as_of_rejects_non_dates_with_a_clear_message(bad):
    with pytest.raises(ParameterError, match="as_of") as info:
        M.resolve_as_of(bad)
    assert isinstance(info.value, InfointError) and isinstance(info.value, ValueError)


def test_business_days_counts_monday_to_friday():
    # 2026-05-01 is a Friday
    assert M.business_days("2026-05-01", "2026-05-04").tolist() == [1.0]   # Fri → Mon
    assert M.business_days("2026-05-04", "2026-05-07").tolist() == [3.0]   # Mon → Thu
    got = M.business_days(pd.Series(["2026-05-04", None]), pd.Series(["2026-05-11", "2026-05-11"]))
    assert got[0] == 5 and np.isnan(got[1])


def test_add_business_days_skips_weekends():
    got = M.add_business_days(["2026-05-01", "2026-05-02"], 3)   # Fri, Sat
    assert got.astype(str).tolist() == ["2026-05-06", "2026-05-07"]


# --- Wilson ------------------------------------------------------------------------
@pytest.mark.parametrize("k, n, low, high", [
    (0, 10, 0.0, 0.277533),          # statsmodels proportion_confint(method="wilson")
    (5, 10, 0.236593, 0.763407),
    (10, 10, 0.722467, 1.0),
    (1, 3, 0.061492, 0.792340),
])
def test_wilson_interval_known_values(k, n, low, high):
    lo, hi = M.wilson_interval(k, n)
    assert lo == pytest.approx(low, abs=1e-6)
    assert hi == pytest.approx(high, abs=1e-6)


def test_wilson_interval_is_vectorised_and_nan_for_empty_groups():
    lo, hi = M.wilson_interval(np.array([0, 5, 0]), np.array([10, 10, 0]))
    assert lo[:2] == pytest.approx([0.0, 0.236593], abs=1e-6)
    assert np.isnan(lo[2]) and np.isnan(hi[2])


def test_wilson_interval_rejects_more_successes_than_tries():
    with pytest.raises(ParameterError, match="0 ≤ successes ≤ n"):
        M.wilson_interval(4, 3)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 200).flatmap(lambda n: st.tuples(st.integers(0, n), st.just(n))))
def test_wilson_interval_matches_scipy(kn):
    k, n = kn
    ci = stats.binomtest(k, n).proportion_ci(confidence_level=0.95, method="wilson")
    lo, hi = M.wilson_interval(k, n)
    assert lo == pytest.approx(ci.low, abs=1e-9)
    assert hi == pytest.approx(ci.high, abs=1e-9)


# --- Kaplan–Meier ------------------------------------------------------------------
def test_kaplan_meier_table_by_hand():
    km = M.kaplan_meier([1, 2, 2, 5], [True, True, False, False])
    assert km["time"].tolist() == [1.0, 2.0, 5.0]
    assert km["at_risk"].tolist() == [4, 3, 1]
    assert km["events"].tolist() == [1, 1, 0]
    assert km["censored"].tolist() == [0, 1, 1]
    assert km["survival"].tolist() == pytest.approx([0.75, 0.5, 0.5])


def test_km_median_tie_at_one_half_takes_the_smaller_time():
    # S(2) is exactly 0.5: the median is 2, not the midpoint 2.5
    assert M.km_median([1, 2, 3, 4], [True] * 4) == 2.0


def test_km_median_censoring_before_an_event_shrinks_the_risk_set():
    # the person censored at day 1 leaves the risk set: S(2)=2/3, S(3)=1/3
    assert M.km_median([1, 2, 3, 4], [False, True, True, True]) == 3.0


def test_km_median_not_reached_when_most_never_answered():
    assert np.isnan(M.km_median([1, 30, 30], [True, False, False]))
    assert np.isnan(M.km_median([], []))


def test_km_median_groups_equal_separate_calls():
    d = [1, 30, 30, 5, 5, 5, 2, 9]
    e = [True, False, False, True, True, True, True, False]
    g = ["fast-once", "fast-once", "fast-once", "steady", "steady", "steady", "x", "x"]
    med = M.km_median(d, e, groups=g)
    assert np.isnan(med["fast-once"]) and med["steady"] == 5.0 and med["x"] == 2.0
    km = M.kaplan_meier(d, e, groups=g)
    assert set(km["group"]) == {"fast-once", "steady", "x"}


def test_km_rejects_negative_durations():
    with pytest.raises(ParameterError, match="durations must be finite and ≥ 0"):
        M.km_median([-1, 2], [True, True])


def _scipy_median(d, e):
    res = stats.ecdf(stats.CensoredData(uncensored=d[e], right=d[~e]))
    t, s = res.sf.quantiles, res.sf.probabilities
    hit = t[s <= 0.5 + 1e-9]
    return (float(hit.min()) if hit.size else np.nan), t, s


@settings(max_examples=80, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 40), st.booleans()), min_size=1, max_size=40))
def test_km_matches_scipy_ecdf(pairs):
    d = np.array([p[0] for p in pairs], dtype=float)
    e = np.array([p[1] for p in pairs])
    want, t, s = _scipy_median(d, e)
    got = M.km_median(d, e)
    assert (np.isnan(got) and np.isnan(want)) or got == want
    km = M.kaplan_meier(d, e).set_index("time")["survival"]
    assert km.loc[t].to_numpy() == pytest.approx(s)


# --- the per-contact timeline ------------------------------------------------------
def test_first_contact_is_the_earliest_attempt_and_days_count_calendar_dates():
    c, i = make_log([contact("A")], [
        ("A", "2026-03-01", S.NOTE),
        ("A", "2026-03-02T16:00", S.OUTREACH, "linkedin"),
        ("A", "2026-03-03", S.FOLLOW_UP, "email"),
        ("A", "2026-03-06T08:00", S.REPLY_YES),
    ])
    t = M.contact_timeline(c, i, as_of="2026-04-01").iloc[0]
    assert t["first_contact"] == pd.Timestamp("2026-03-02")
    assert t["first_channel"] == "linkedin"
    assert t["response_date"] == pd.Timestamp("2026-03-06")
    assert t["response_kind"] == S.REPLY_YES
    assert t["days_to_response"] == 4 and t["observed_days"] == 4
    assert t["attempts"] == 2 and t["follow_ups"] == 1
    assert bool(t["responded"]) and not bool(t["censored"])


def test_same_day_reply_counts_even_when_its_time_is_earlier():
    c, i = make_log([contact("A")], [
        ("A", "2026-05-05T15:00", S.OUTREACH),
        ("A", "2026-05-05T09:00", S.REPLY_YES),
    ])
    t = M.contact_timeline(c, i, as_of="2026-05-05").iloc[0]
    assert bool(t["responded"]) and t["days_to_response"] == 0


def test_responses_before_first_contact_are_ignored():
    c, i = make_log([contact("A"), contact("B")], [
        ("A", "2026-02-01", S.REPLY_YES),            # before any attempt
        ("A", "2026-02-10", S.OUTREACH),
        ("B", "2026-02-01", S.REPLY_YES),
        ("B", "2026-02-10", S.OUTREACH),
        ("B", "2026-02-15", S.REPLY_NO),
    ])
    t = M.contact_timeline(c, i, as_of="2026-03-01").set_index(S.CONTACT_ID)
    assert not t.loc["A", "responded"] and t.loc["A", "censored"]
    assert t.loc["A", "observed_days"] == 19                    # Feb 10 → Mar 1
    assert t.loc["B", "response_kind"] == S.REPLY_NO and t.loc["B", "days_to_response"] == 5
    assert not t.loc["A", "positive_reply"]


def test_a_contact_without_attempts_is_not_contacted():
    c, i = make_log([contact("A", priority="2"), contact("B")],
                    [("A", "2026-02-01", S.NOTE)])
    t = M.contact_timeline(c, i, as_of="2026-03-01").set_index(S.CONTACT_ID)
    assert not t.loc["A", "contacted"] and pd.isna(t.loc["A", "first_contact"])
    assert pd.isna(t.loc["A", "observed_days"]) and t.loc["A", "stage"] == "identified"
    assert t.loc["A", "dalton_class"] == ""
    assert t.loc["A", "is_target"] and not t.loc["B", "is_target"]


def test_anything_after_as_of_is_ignored():
    c, i = make_log([contact("A"), contact("Late", added_on="2026-04-01")], [
        ("A", "2026-03-01", S.OUTREACH),
        ("A", "2026-03-20", S.REPLY_YES),            # after as_of
        ("Late", "2026-03-01", S.OUTREACH),          # logged late: interaction before added_on
    ])
    t = M.contact_timeline(c, i, as_of="2026-03-10")
    assert t[S.CONTACT_ID].tolist() == ["A"]          # the contact added later is ignored
    assert bool(t.iloc[0]["censored"]) and t.iloc[0]["observed_days"] == 9
    again = M.contact_timeline(c, i, as_of="2026-04-01").set_index(S.CONTACT_ID)
    assert again.loc["A", "days_to_response"] == 19
    assert again.loc["Late", "first_contact"] == pd.Timestamp("2026-03-01")


def test_as_of_before_any_activity_gives_empty_tables():
    c, i = make_log([contact("A", added_on="2026-03-01")],
                    [("A", "2026-03-02", S.OUTREACH)])
    assert len(M.contact_timeline(c, i, as_of="2026-01-01")) == 0
    table = M.response_by(c, i, as_of="2026-01-01")
    assert len(table) == 0 and list(table.columns) == [S.COMPANY, *M.RESPONSE_COLUMNS]
    f = M.funnel(c, i, as_of="2026-01-01")
    assert f["current"].sum() == 0 and f["reached"].sum() == 0
    assert len(M.followups_due(c, i, as_of="2026-01-01")) == 0
    assert M.summarize(c, i, as_of="2026-01-01")["response_rate"] is None
    # contact added, nothing attempted yet: identified, not contacted
    t = M.contact_timeline(c, i, as_of="2026-03-01")
    assert not t.iloc[0]["contacted"] and not t.iloc[0]["is_target"]


STAGE_LOG = (
    [contact("idle", priority="1"), contact("sent"), contact("answered"), contact("met"),
     contact("thanked"), contact("keeping"), contact("declined"), contact("quiet"),
     contact("no-then-yes"), contact("thanks-first"), contact("network")],
    [
        ("sent", "2026-03-01", S.OUTREACH),
        ("answered", "2026-03-01", S.OUTREACH), ("answered", "2026-03-02", S.REPLY_LATER),
        ("met", "2026-03-01", S.OUTREACH), ("met", "2026-03-02", S.REPLY_YES),
        ("met", "2026-03-05", S.MEETING_HELD),
        ("thanked", "2026-03-01", S.OUTREACH), ("thanked", "2026-03-05", S.MEETING_HELD),
        ("thanked", "2026-03-05", S.THANK_YOU),
        ("keeping", "2026-03-01", S.OUTREACH), ("keeping", "2026-03-05", S.MEETING_HELD),
        ("keeping", "2026-03-06", S.THANK_YOU), ("keeping", "2026-03-20", S.UPDATE),
        ("declined", "2026-03-01", S.OUTREACH), ("declined", "2026-03-03", S.REPLY_NO),
        ("quiet", "2026-02-01", S.OUTREACH), ("quiet", "2026-02-11", S.FOLLOW_UP),
        ("quiet", "2026-02-21", S.VOICEMAIL),
        ("no-then-yes", "2026-03-01", S.OUTREACH), ("no-then-yes", "2026-03-02", S.REPLY_NO),
        ("no-then-yes", "2026-03-09", S.REPLY_YES),
        ("thanks-first", "2026-03-01", S.OUTREACH), ("thanks-first", "2026-03-02", S.THANK_YOU),
        ("thanks-first", "2026-03-05", S.MEETING_HELD),
    ],
)


def test_stages_on_and_off_the_main_path():
    c, i = make_log(*STAGE_LOG)
    t = M.contact_timeline(c, i, as_of="2026-04-01").set_index(S.CONTACT_ID)["stage"]
    assert t.to_dict() == {
        "idle": "identified", "sent": "contacted", "answered": "responded", "met": "met",
        "thanked": "thanked", "keeping": "keeping_in_touch", "declined": "declined",
        "quiet": "gone_quiet", "no-then-yes": "responded", "thanks-first": "met",
        "network": "identified",
    }


def test_gone_quiet_only_one_interval_after_the_last_follow_up():
    c, i = make_log([contact("A")], [
        ("A", "2026-02-01", S.OUTREACH), ("A", "2026-02-11", S.FOLLOW_UP),
        ("A", "2026-02-21", S.FOLLOW_UP)])
    stage = lambda day: M.contact_timeline(c, i, as_of=day).iloc[0]["stage"]  # noqa: E731
    assert stage("2026-03-02") == "contacted"         # 9 days after the 2nd follow-up
    assert stage("2026-03-03") == "gone_quiet"        # 10 days
    assert M.contact_timeline(c, i, as_of="2026-03-02", follow_up_days=9
                              ).iloc[0]["stage"] == "gone_quiet"
    assert M.contact_timeline(c, i, as_of="2026-03-03", max_follow_ups=3
                              ).iloc[0]["stage"] == "contacted"


def test_funnel_counts_targets_current_and_reached():
    c, i = make_log(*STAGE_LOG)
    f = M.funnel(c, i, as_of="2026-04-01").set_index("stage")
    assert list(f.index) == list(M.STAGES)
    assert f["current"].to_dict() == {
        "identified": 1, "contacted": 1, "responded": 2, "met": 2, "thanked": 1,
        "keeping_in_touch": 1, "declined": 1, "gone_quiet": 1}
    # reached: at least that far on the main path (declined reached "responded",
    # gone quiet reached "contacted"); the network-only contact is not a target
    assert f["reached"].to_dict() == {
        "identified": 10, "contacted": 9, "responded": 7, "met": 4, "thanked": 2,
        "keeping_in_touch": 1, "declined": 1, "gone_quiet": 1}


def test_dalton_classes_use_business_days():
    # 2026-05-04 is a Monday
    c, i = make_log([contact(x) for x in ("thu", "fri", "fri-mon", "curm", "waiting")], [
        ("thu", "2026-05-04", S.OUTREACH), ("thu", "2026-05-07", S.REPLY_YES),
        ("fri", "2026-05-04", S.OUTREACH), ("fri", "2026-05-08", S.REPLY_YES),
        ("fri-mon", "2026-05-01", S.OUTREACH), ("fri-mon", "2026-05-04", S.REPLY_NO),
        ("curm", "2026-05-04", S.OUTREACH), ("curm", "2026-05-12", S.FOLLOW_UP),
        ("waiting", "2026-05-04", S.OUTREACH),
    ])
    d = M.contact_timeline(c, i, as_of="2026-05-13").set_index(S.CONTACT_ID)["dalton_class"]
    assert d.to_dict() == {"thu": "booster", "fri": "obligate", "fri-mon": "booster",
                           "curm": "curmudgeon", "waiting": "pending"}
    early = M.contact_timeline(c, i, as_of="2026-05-12").set_index(S.CONTACT_ID)
    assert early.loc["curm", "dalton_class"] == "pending"       # only 6 business days


def test_positive_replies_and_meetings_held():
    c, i = make_log([contact("A"), contact("B")], [
        ("A", "2026-03-01", S.OUTREACH), ("A", "2026-03-02", S.MEETING_SCHEDULED),
        ("A", "2026-03-05", S.MEETING_HELD), ("A", "2026-06-05", S.MEETING_HELD),
        ("B", "2026-03-01", S.OUTREACH), ("B", "2026-03-02", S.REPLY_REFERRAL)])
    t = M.contact_timeline(c, i, as_of="2026-07-01").set_index(S.CONTACT_ID)
    assert t.loc["A", "positive_reply"] and not t.loc["B", "positive_reply"]
    assert t.loc["A", "meetings_held"] == 2 and t.loc["B", "meetings_held"] == 0


# --- response by group and fastest responders --------------------------------------
def _company_log():
    people = ([contact(f"F{k}", company="Flash") for k in range(3)]
              + [contact(f"S{k}", company="Steady") for k in range(3)]
              + [contact("N0", company=""), contact("U0", company="Untouched")])
    inter = [(f"F{k}", "2026-03-02", S.OUTREACH, "email") for k in range(3)]
    inter += [("F0", "2026-03-03", S.REPLY_YES)]                     # 1 day, then silence
    inter += [(f"S{k}", "2026-03-02", S.OUTREACH, "letter") for k in range(3)]
    inter += [(f"S{k}", "2026-03-07", S.REPLY_YES) for k in range(3)]  # all in 5 days
    inter += [("N0", "2026-03-02", S.OUTREACH, ""), ("N0", "2026-03-04", S.REPLY_NO)]
    return make_log(people, inter)


def test_one_fast_reply_and_two_silent_ranks_below_steady_repliers():
    c, i = _company_log()
    table = M.fastest_responders(c, i, as_of="2026-04-01")
    assert table[S.COMPANY].tolist() == ["(no company)", "Steady", "Flash"]
    flash = row_of(table, S.COMPANY, "Flash")
    assert np.isnan(flash["median_days_to_response"])
    assert flash["contacted"] == 3 and flash["responded"] == 1
    assert flash["response_rate"] == pytest.approx(1 / 3)
    steady = row_of(table, S.COMPANY, "Steady")
    assert steady["median_days_to_response"] == 5.0 and steady["response_rate"] == 1.0
    assert (steady["ci_low"], steady["ci_high"]) == pytest.approx(M.wilson_interval(3, 3))
    assert "Untouched" not in set(table[S.COMPANY])        # nobody contacted: left out


def test_response_by_columns_and_groupings():
    c, i = _company_log()
    by_company = M.response_by(c, i, by="company", as_of="2026-04-01")
    assert list(by_company.columns) == [S.COMPANY, *M.RESPONSE_COLUMNS]
    by_channel = M.response_by(c, i, by="channel", as_of="2026-04-01").set_index("channel")
    assert by_channel["contacted"].to_dict() == {"letter": 3, "email": 3, "(no channel)": 1}
    by_month = M.response_by(c, i, by="month", as_of="2026-04-01")
    assert by_month["month"].tolist() == ["2026-03"] and by_month["contacted"].item() == 7
    assert by_month["positive_replies"].item() == 4
    by_source = M.response_by(c, i, by="source", as_of="2026-04-01")
    assert by_source["source"].tolist() == ["(no source)"]
    by_industry = M.response_by(c, i, by="industry", as_of="2026-04-01")
    assert by_industry["industry"].tolist() == ["(no industry)"]


def test_fastest_ties_break_on_rate_then_name():
    people = [contact(f"{co}{k}", company=co) for co in ("Beta", "Alpha", "Gamma")
              for k in range(4)]
    inter = [(f"{co}{k}", "2026-03-02", S.OUTREACH) for co in ("Beta", "Alpha", "Gamma")
             for k in range(4)]
    # all three have a median of 2 days; Gamma answered 4/4, Alpha and Beta 2/4
    inter += [(f"{co}{k}", "2026-03-04", S.REPLY_YES) for co in ("Beta", "Alpha")
              for k in range(2)]
    inter += [(f"Gamma{k}", "2026-03-04", S.REPLY_YES) for k in range(4)]
    c, i = make_log(people, inter)
    table = M.fastest_responders(c, i, as_of="2026-04-01")
    assert table["median_days_to_response"].tolist() == [2.0, 2.0, 2.0]
    assert table[S.COMPANY].tolist() == ["Gamma", "Alpha", "Beta"]
    assert M.fastest_responders(c, i, as_of="2026-04-01", top=1)[S.COMPANY].tolist() == ["Gamma"]


def test_response_by_rejects_an_unknown_grouping():
    c, i = _company_log()
    with pytest.raises(ParameterError, match=r"by must be one of company, industry.*'role'"):
        M.response_by(c, i, by="role")


def test_silent_people_are_censored_at_as_of():
    c, i = make_log([contact("A"), contact("B"), contact("C")], [
        ("A", "2026-03-01", S.OUTREACH), ("A", "2026-03-11", S.REPLY_YES),   # 10 days
        ("B", "2026-03-05", S.OUTREACH), ("C", "2026-03-01", S.OUTREACH)])
    # as of 03-12 B has waited 7 days, C 11: at day 10 A and C are at risk → S = 1/2
    assert M.response_by(c, i, as_of="2026-03-12")["median_days_to_response"].item() == 10.0
    # as of 03-25 all three are at risk at day 10 → S = 2/3: not reached, although
    # the only person who answered did so in 10 days
    late = M.response_by(c, i, as_of="2026-03-25")
    assert np.isnan(late["median_days_to_response"].item())
    assert late["response_rate"].item() == pytest.approx(1 / 3)
    # B contacted too recently to count against the company: censored at 0 days
    c2, i2 = make_log([contact("A"), contact("B")], [
        ("A", "2026-03-01", S.OUTREACH), ("A", "2026-03-11", S.REPLY_YES),
        ("B", "2026-03-25", S.OUTREACH)])
    assert M.response_by(c2, i2, as_of="2026-03-25")["median_days_to_response"].item() == 10.0
    assert np.isnan(M.response_by(c, i, as_of="2026-03-10")["median_days_to_response"].item())


# --- network -----------------------------------------------------------------------
def test_network_growth_per_week_by_source_and_target():
    c, i = make_log([
        contact("A", added_on="2026-03-02", source="alumni", priority="1"),   # Monday
        contact("B", added_on="2026-03-08", source="linkedin"),               # Sunday
        contact("C", added_on="2026-03-10", source="referral", referred_by="A"),
        contact("D", added_on="2026-03-25", source=""),
    ], [("C", "2026-03-11", S.OUTREACH)])
    g = M.network_growth(c, i, as_of="2026-03-31")
    assert g["week"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"]
    assert g["added"].tolist() == [2, 1, 0, 1, 0]
    assert g["cumulative"].tolist() == [2, 3, 3, 4, 4]
    assert g["targets"].tolist() == [1, 1, 0, 0, 0]
    assert g["cumulative_network"].tolist() == [1, 1, 1, 2, 2]
    assert g["source_alumni"].tolist() == [1, 0, 0, 0, 0]
    assert g["source_unknown"].tolist() == [0, 0, 0, 1, 0]
    assert "source_event" not in g.columns
    assert g["referral_share"].tolist() == pytest.approx([0, 1 / 3, 1 / 3, 1 / 4, 1 / 4])


def test_referral_chains_depth_root_and_loops():
    c, _ = make_log([
        contact("R"), contact("K1", referred_by="R"), contact("K2", referred_by="K1"),
        contact("K3", referred_by="R"), contact("Solo"),
        contact("X", referred_by="Y"), contact("Y", referred_by="X"),
        contact("Later", added_on="2026-09-01"), contact("Orphan", referred_by="Later"),
    ], [])
    ch = M.referral_chains(c, as_of="2026-06-01").set_index(S.CONTACT_ID)
    assert ch["depth"].loc[["R", "K1", "K2", "K3", "Solo", "Orphan"]].tolist() == [0, 1, 2, 1, 0, 0]
    assert ch["root"].loc[["K2", "K3", "Solo"]].tolist() == ["R", "R", "Solo"]
    assert ch.loc["R", "referrals"] == 2 and ch.loc["R", "chain_size"] == 4
    assert ch.loc["Solo", "chain_size"] == 1
    assert pd.isna(ch.loc["X", "depth"]) and ch.loc["X", "root"] == ""
    assert "Later" not in ch.index


def test_summarize_counts_the_campaign():
    c, i = make_log([contact("A"), contact("B", referred_by="A"), contact("C")], [
        ("A", "2026-03-01", S.OUTREACH), ("A", "2026-03-02", S.REPLY_YES),
        ("A", "2026-03-05", S.MEETING_HELD), ("B", "2026-03-06", S.OUTREACH)])
    s = M.summarize(c, i, as_of="2026-04-01")
    assert s == {"as_of": "2026-04-01", "contacts": 3, "targets": 2, "contacted": 2,
                 "responded": 1, "response_rate": 0.5, "positive_replies": 1,
                 "meetings_held": 1, "referrals": 1, "referrals_per_meeting": 1.0}


# --- what is due -------------------------------------------------------------------
def due(c, i, as_of, **kw):
    table = M.followups_due(c, i, as_of=as_of, **kw)
    assert list(table.columns) == list(M.FOLLOWUP_COLUMNS)
    assert not table.duplicated([S.CONTACT_ID, "action"]).any()
    return table


def actions(table):
    return sorted(zip(table[S.CONTACT_ID], table["action"]))


def test_follow_up_due_ten_days_after_the_last_unanswered_attempt():
    c, i = make_log([contact("A", "Ann")], [("A", "2026-03-02", S.OUTREACH, "linkedin")])
    assert len(due(c, i, "2026-03-11")) == 0
    row = due(c, i, "2026-03-14").iloc[0]
    assert (row["action"], row["due_on"], row["overdue_days"]) == (
        "follow_up", pd.Timestamp("2026-03-12"), 2)
    assert row["channel"] == "linkedin" and row[S.NAME] == "Ann"
    assert "follow-up 1 of 2" in row["reason"] and "2026-03-02" in row["reason"]


def test_logging_follow_ups_moves_then_ends_the_cadence():
    base = [("A", "2026-03-02", S.OUTREACH)]
    c, i = make_log([contact("A")], base + [("A", "2026-03-12", S.FOLLOW_UP)])
    row = due(c, i, "2026-03-22").iloc[0]
    assert row["due_on"] == pd.Timestamp("2026-03-22") and "2 of 2" in row["reason"]
    c, i = make_log([contact("A")], base + [("A", "2026-03-12", S.FOLLOW_UP),
                                            ("A", "2026-03-22", S.VOICEMAIL)])
    assert len(due(c, i, "2026-05-01")) == 0          # two follow-ups done: gone quiet


def test_a_response_stops_follow_ups_and_a_new_attempt_restarts_them():
    c, i = make_log([contact("A")], [("A", "2026-03-02", S.OUTREACH),
                                     ("A", "2026-03-04", S.REPLY_LATER)])
    assert actions(due(c, i, "2026-04-01")) == [("A", "thank_you")]   # no follow-up
    c, i = make_log([contact("A")], [("A", "2026-03-02", S.OUTREACH),
                                     ("A", "2026-03-04", S.REPLY_LATER),
                                     ("A", "2026-04-01", S.FOLLOW_UP)])
    row = due(c, i, "2026-04-11").iloc[0]
    assert row["action"] == "follow_up" and row["due_on"] == pd.Timestamp("2026-04-11")


def test_snafu_makes_a_resend_due_at_once_until_something_is_sent():
    c, i = make_log([contact("A")], [("A", "2026-03-02T09:00", S.OUTREACH),
                                     ("A", "2026-03-03", S.SNAFU, "")])
    table = due(c, i, "2026-03-20")
    assert actions(table) == [("A", "resend")]        # the resend replaces the follow-up
    assert table.iloc[0]["due_on"] == pd.Timestamp("2026-03-03")
    assert table.iloc[0]["channel"] == "email"        # the channel of the last message
    c, i = make_log([contact("A")], [("A", "2026-03-02", S.OUTREACH),
                                     ("A", "2026-03-03", S.SNAFU),
                                     ("A", "2026-03-03", S.OUTREACH)])   # resent, same day
    table = due(c, i, "2026-03-20")
    assert actions(table) == [("A", "follow_up")]
    assert table.iloc[0]["due_on"] == pd.Timestamp("2026-03-13")


def test_snafu_on_the_same_day_as_the_attempt_it_is_about():
    # a date-time attempt earlier in the file does not count as the resend
    c, i = make_log([contact("A")], [("A", "2026-03-03T09:00", S.OUTREACH),
                                     ("A", "2026-03-03", S.SNAFU)])
    assert actions(due(c, i, "2026-03-03")) == [("A", "resend")]


def test_thank_you_due_the_day_after_a_meeting():
    meet = [("A", "2026-03-01", S.OUTREACH), ("A", "2026-03-02", S.REPLY_YES),
            ("A", "2026-03-10T14:00", S.MEETING_HELD, "in_person")]
    c, i = make_log([contact("A")], meet)
    assert len(due(c, i, "2026-03-10")) == 0
    row = due(c, i, "2026-03-12").iloc[0]
    assert (row["action"], row["due_on"], row["overdue_days"]) == (
        "thank_you", pd.Timestamp("2026-03-11"), 1)
    c, i = make_log([contact("A")], meet + [("A", "2026-03-10", S.THANK_YOU)])
    assert len(due(c, i, "2026-03-12")) == 0          # a same-day thank-you counts


def test_update_every_ninety_days_after_meeting_thanks_or_update():
    log = [("A", "2026-01-01", S.OUTREACH), ("A", "2026-01-05", S.MEETING_HELD),
           ("A", "2026-01-06", S.THANK_YOU)]
    c, i = make_log([contact("A")], log)
    assert len(due(c, i, "2026-04-05")) == 0          # 89 days after the thank-you
    row = due(c, i, "2026-04-06").iloc[0]
    assert (row["action"], row["due_on"]) == ("update", pd.Timestamp("2026-04-06"))
    c, i = make_log([contact("A")], log + [("A", "2026-04-06", S.UPDATE)])
    assert len(due(c, i, "2026-04-06")) == 0
    assert actions(due(c, i, "2026-07-05")) == [("A", "update")]
    assert len(due(c, i, "2026-07-05", update_every_days=100)) == 0


def test_update_not_asked_while_a_thank_you_is_owed():
    c, i = make_log([contact("A")], [("A", "2026-01-01", S.OUTREACH),
                                     ("A", "2026-01-05", S.MEETING_HELD)])
    assert actions(due(c, i, "2026-06-01")) == [("A", "thank_you")]


# --- issue 13: a thank-you after every answer, not only after meetings ----------------------
@pytest.mark.parametrize("answer", [S.REPLY, S.REPLY_YES, S.REPLY_NO, S.REPLY_LATER,
                                    S.REPLY_REFERRAL, S.MEETING_SCHEDULED])
def test_thank_you_due_the_day_after_any_answer(answer):
    c, i = make_log([contact("A")], [("A", "2026-03-01", S.OUTREACH),
                                     ("A", "2026-03-04T17:00", answer, "phone")])
    assert len(due(c, i, "2026-03-04")) == 0                  # not before the next day
    table = due(c, i, "2026-03-06")
    row = row_of(table, "action", "thank_you")
    assert (row["due_on"], row["overdue_days"]) == (pd.Timestamp("2026-03-05"), 1)
    assert row["reason"] == f"answered ({answer}) on 2026-03-04; no thank-you logged since"
    assert row["channel"] == "email"                          # the way you wrote to them
    assert "follow_up" not in set(table["action"])            # they answered
    for done in ((S.THANK_YOU, "2026-03-04"), (S.THANK_YOU, "2026-03-05"),
                 (S.UPDATE, "2026-03-05"), (S.FOLLOW_UP, "2026-03-05")):
        c2, i2 = make_log([contact("A")], [("A", "2026-03-01", S.OUTREACH),
                                           ("A", "2026-03-04T17:00", answer, "phone"),
                                           ("A", done[1], done[0])])
        assert "thank_you" not in set(due(c2, i2, "2026-03-06")["action"]), done


def test_thank_you_after_the_latest_answer_only_one_row():
    log = [("A", "2026-03-01", S.OUTREACH), ("A", "2026-03-02", S.REPLY_LATER),
           ("A", "2026-03-03", S.THANK_YOU), ("A", "2026-04-01", S.FOLLOW_UP),
           ("A", "2026-04-02", S.REPLY_REFERRAL)]
    c, i = make_log([contact("A")], log)
    table = due(c, i, "2026-04-10")
    assert actions(table) == [("A", "thank_you")]
    assert table.iloc[0]["due_on"] == pd.Timestamp("2026-04-03")
    assert "(reply_referral) on 2026-04-02" in table.iloc[0]["reason"]


def test_meeting_thank_you_keeps_its_date_and_says_connect_on_linkedin():
    # owed for the meeting and for a later reply: one row, dated after the meeting
    c, i = make_log([contact("A")], [("A", "2026-03-01", S.OUTREACH),
                                     ("A", "2026-03-10", S.MEETING_HELD),
                                     ("A", "2026-03-12", S.REPLY)])
    table = due(c, i, "2026-03-20")
    assert actions(table) == [("A", "thank_you")]
    row = table.iloc[0]
    assert row["due_on"] == pd.Timestamp("2026-03-11")
    assert row["reason"] == ("met on 2026-03-10; no thank-you logged since; "
                             "then invite them to connect on LinkedIn")


def test_no_thank_you_for_an_answer_to_your_own_thank_you():
    log = [("A", "2026-03-01", S.OUTREACH), ("A", "2026-03-05", S.MEETING_HELD),
           ("A", "2026-03-06", S.THANK_YOU)]
    for courtesy in (S.REPLY, S.REPLY_NO, S.REPLY_LATER):   # "you're welcome, good luck"
        c, i = make_log([contact("A")], log + [("A", "2026-03-07", courtesy)])
        assert len(due(c, i, "2026-03-20")) == 0, courtesy
    # a name in answer to your thank-you is worth thanks of its own
    c, i = make_log([contact("A")], log + [("A", "2026-03-07", S.REPLY_REFERRAL)])
    row = row_of(due(c, i, "2026-03-20"), "action", "thank_you")
    assert row["due_on"] == pd.Timestamp("2026-03-08")
    # and an update is not asked for while that thank-you is owed
    assert actions(due(c, i, "2026-09-01")) == [("A", "thank_you")]


def test_thank_you_waits_for_a_meeting_still_ahead():
    sched = {S.CONTACT_ID: "A", S.DATE: "2026-03-03", S.KIND: S.MEETING_SCHEDULED,
             S.CHANNEL: "email", S.SCHEDULED_FOR: "2026-03-12T10:00"}
    log = [("A", "2026-03-01", S.OUTREACH), ("A", "2026-03-02", S.REPLY_YES), sched]
    c, i = make_log([contact("A")], log)
    assert len(due(c, i, "2026-03-12")) == 0                  # meeting day: nothing yet
    c, i = make_log([contact("A")], log + [("A", "2026-03-12", S.MEETING_HELD)])
    row = row_of(due(c, i, "2026-03-13"), "action", "thank_you")
    assert row["due_on"] == pd.Timestamp("2026-03-13") and row["reason"].startswith("met on")


def test_tell_the_referrer_until_an_update_to_them_is_logged():
    people = [contact("R", "Rita"), contact("K", referred_by="R"),
              contact("L", referred_by="R")]
    log = [("K", "2026-03-01", S.OUTREACH), ("K", "2026-03-04", S.REPLY_YES),
           ("L", "2026-03-01", S.OUTREACH), ("L", "2026-03-06", S.REPLY_NO),
           ("R", "2026-02-01", S.UPDATE, "phone")]               # before the news
    c, i = make_log(people, log)
    table = due(c, i, "2026-03-10")
    row = row_of(table, "action", "tell_referrer")
    assert row[S.CONTACT_ID] == "R" and row[S.NAME] == "Rita"
    assert row["due_on"] == pd.Timestamp("2026-03-04")
    assert "K" in row["reason"] and "(and 1 more)" in row["reason"]
    c, i = make_log(people, log + [("R", "2026-03-05", S.UPDATE)])
    row = row_of(due(c, i, "2026-03-10"), "action", "tell_referrer")   # L's news is newer
    assert row["due_on"] == pd.Timestamp("2026-03-06") and "more" not in row["reason"]
    c, i = make_log(people, log + [("R", "2026-03-06", S.UPDATE)])
    assert "tell_referrer" not in set(due(c, i, "2026-03-10")["action"])


def test_3b7_follow_up_after_seven_business_days():
    c, i = make_log([contact("A")], [("A", "2026-05-04", S.OUTREACH)])   # Monday
    assert len(due(c, i, "2026-05-12", mode="3b7")) == 0
    row = due(c, i, "2026-05-13", mode="3b7").iloc[0]
    assert (row["action"], row["due_on"]) == ("follow_up", pd.Timestamp("2026-05-13"))
    assert "7 business days" in row["reason"]


def test_3b7_next_person_at_a_silent_company():
    people = [contact("A", company="Acme", priority="2"),
              contact("B", company="Acme", priority="1", added_on="2026-02-01"),
              contact("C", company="Acme", priority="1", added_on="2026-03-01"),
              contact("D", company="Acme"),                                   # not a target
              contact("Z", company="Other", priority="1")]
    log = [("A", "2026-05-04", S.OUTREACH, "linkedin")]                        # Monday
    c, i = make_log(people, log)
    assert "outreach_next" not in set(due(c, i, "2026-05-06", mode="3b7")["action"])
    row = row_of(due(c, i, "2026-05-07", mode="3b7"), "action", "outreach_next")
    assert row[S.CONTACT_ID] == "B" and row["due_on"] == pd.Timestamp("2026-05-07")
    assert row["channel"] == "linkedin"
    assert "outreach_next" not in set(due(c, i, "2026-05-07")["action"])      # default mode
    # reaching B moves the clock and the pick to C
    c, i = make_log(people, log + [("B", "2026-05-07", S.OUTREACH)])
    assert "outreach_next" not in set(due(c, i, "2026-05-11", mode="3b7")["action"])
    row = row_of(due(c, i, "2026-05-12", mode="3b7"), "action", "outreach_next")
    assert row[S.CONTACT_ID] == "C"
    # any response at the company: nobody else is due
    c, i = make_log(people, log + [("A", "2026-05-05", S.REPLY_LATER)])
    assert "outreach_next" not in set(due(c, i, "2026-05-20", mode="3b7")["action"])


def test_followups_due_sorted_and_typed():
    c, i = make_log([contact("A", "Ann"), contact("B", "Bea")], [
        ("A", "2026-03-01", S.OUTREACH), ("B", "2026-03-01", S.OUTREACH),
        ("B", "2026-03-02", S.MEETING_HELD)])
    table = due(c, i, "2026-03-20")
    assert table["due_on"].is_monotonic_increasing
    assert actions(table) == [("A", "follow_up"), ("B", "thank_you")]
    assert table["overdue_days"].dtype == np.int64
    assert table["due_on"].dtype.kind == "M"


def test_followups_due_rejects_unknown_modes():
    c, i = make_log([contact("A")], [])
    with pytest.raises(ParameterError, match=r"mode must be one of default, 3b7"):
        M.followups_due(c, i, mode="2b7")
    with pytest.raises(ParameterError, match="follow_up_days"):
        M.followups_due(c, i, follow_up_days=0)


def test_upcoming_meetings_latest_schedule_from_as_of_on():
    sched = lambda cid, day, when, place: {   # noqa: E731
        S.CONTACT_ID: cid, S.DATE: day, S.KIND: S.MEETING_SCHEDULED, S.CHANNEL: "video",
        S.SCHEDULED_FOR: when, S.PLACE: place}
    c, i = make_log([contact("A"), contact("B"), contact("C"), contact("D")], [
        sched("A", "2026-03-01", "2026-03-10T09:00", "Old room"),
        sched("A", "2026-03-02", "2026-03-12T15:30", "Cafe"),        # rescheduled
        sched("B", "2026-03-01", "2026-03-04T10:00", "Past"),
        sched("C", "2026-03-01", "2026-03-05T10:00", "Today"),
        sched("D", "2026-03-01", "2026-03-05T08:00", "Held"),
        ("D", "2026-03-05", S.MEETING_HELD),
    ])
    m = M.upcoming_meetings(c, i, as_of="2026-03-05")
    assert m[S.CONTACT_ID].tolist() == ["C", "A"]
    assert m[S.PLACE].tolist() == ["Today", "Cafe"]
    assert m[S.SCHEDULED_FOR].tolist() == [pd.Timestamp("2026-03-05 10:00"),
                                           pd.Timestamp("2026-03-12 15:30")]
    assert len(M.upcoming_meetings(c, i, as_of="2026-03-13")) == 0


# --- the vectorised code against a plain reading of the definitions ----------------
_KINDS = (S.OUTREACH, S.FOLLOW_UP, S.NOTE, S.REPLY_YES, S.REPLY_NO, S.MEETING_HELD,
          S.SNAFU, S.THANK_YOU)


@st.composite
def random_logs(draw):
    n = draw(st.integers(1, 12))
    companies = ["Acme", "Beta", "Cyan", ""]
    people = [contact(f"C{k}", company=draw(st.sampled_from(companies)),
                      added_on=f"2026-01-{draw(st.integers(1, 28)):02d}") for k in range(n)]
    events = draw(st.lists(st.tuples(st.integers(0, n - 1), st.integers(1, 60),
                                     st.sampled_from(_KINDS), st.booleans()), max_size=40))
    inter = []
    for who, day, kind, timed in events:
        when = pd.Timestamp("2026-01-01") + pd.Timedelta(days=day)
        text = when.strftime("%Y-%m-%d") + ("T%02d:00" % (day % 24) if timed else "")
        inter.append((f"C{who}", text, kind))
    return make_log(people, inter), draw(st.integers(0, 70))


def _reference_timeline(c, i, as_of):
    """One contact at a time, straight from DESIGN.md §3."""
    out = {}
    for _, p in c[c[S.ADDED_ON] <= as_of].iterrows():
        mine = i[(i[S.CONTACT_ID] == p[S.CONTACT_ID]) & (i[S.DATE].dt.normalize() <= as_of)]
        days = mine[S.DATE].dt.normalize()
        attempts = days[mine[S.KIND].isin(S.ATTEMPT_KINDS)]
        if attempts.empty:
            out[p[S.CONTACT_ID]] = (False, None, None)
            continue
        first = attempts.min()
        responses = days[mine[S.KIND].isin(S.RESPONSE_KINDS) & (days >= first)]
        if responses.empty:
            out[p[S.CONTACT_ID]] = (True, False, (as_of - first).days)
        else:
            out[p[S.CONTACT_ID]] = (True, True, (responses.min() - first).days)
    return out


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_logs())
def test_timeline_and_group_medians_match_a_per_contact_reading(log_and_day):
    (c, i), offset = log_and_day
    as_of = pd.Timestamp("2026-01-01") + pd.Timedelta(days=offset)
    tl = M.contact_timeline(c, i, as_of=as_of).set_index(S.CONTACT_ID)
    ref = _reference_timeline(c, i, as_of)
    assert set(tl.index) == set(ref)
    for cid, (contacted, responded, observed) in ref.items():
        assert tl.loc[cid, "contacted"] == contacted
        if contacted:
            assert tl.loc[cid, "responded"] == responded
            assert tl.loc[cid, "observed_days"] == observed
    table = M.response_by(c, i, by="company", as_of=as_of)
    sub = tl[tl["contacted"]]
    for _, row in table.iterrows():
        label = row[S.COMPANY]
        members = sub[sub[S.COMPANY].replace("", "(no company)") == label]
        d = members["observed_days"].to_numpy(dtype=float)
        e = members["responded"].to_numpy(dtype=bool)
        assert row["contacted"] == len(members) and row["responded"] == e.sum()
        if e.any():
            want, _, _ = _scipy_median(d, e)
        else:
            want = np.nan
        got = row["median_days_to_response"]
        assert (np.isnan(got) and np.isnan(want)) or got == want
    # fastest-responder order: reached medians ascending, then the unreached
    med = table["median_days_to_response"].to_numpy()
    reached = ~np.isnan(med)
    assert not (np.diff(reached.astype(int)) > 0).any()
    assert (np.diff(med[reached]) >= 0).all()
    # one row per contact and action, never anything due after as_of
    d = M.followups_due(c, i, as_of=as_of)
    assert not d.duplicated([S.CONTACT_ID, "action"]).any()
    assert (d["due_on"] <= as_of).all() and (d["overdue_days"] >= 0).all()


def test_docstring_examples_run():
    import doctest

    from infoint_nb import calendar as K
    for module in (M, K):
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__


def test_contact_positions_found_by_the_checks_are_reused_only_for_the_same_columns(
        sample_log_dir):
    """Opening a log finds where each interaction's contact is; the metrics reuse that for
    these very columns, and compute afresh (same answer) for any other frame."""
    from infoint_nb import ContactLog
    from infoint_nb import schema as S

    log = ContactLog.open(sample_log_dir)
    c, i = log.contacts, log.interactions
    cached = S.known_positions(i[S.CONTACT_ID], c[S.CONTACT_ID])
    assert cached is not None
    ids = c[S.CONTACT_ID].tolist()
    assert cached.tolist() == [ids.index(x) for x in i[S.CONTACT_ID]]
    cached[:] = -7                          # a caller writing into it spoils nothing
    assert (M._positions(c[S.CONTACT_ID], i[S.CONTACT_ID]) >= 0).all()
    shuffled = c.iloc[::-1].reset_index(drop=True)
    fresh = pd.Series(shuffled[S.CONTACT_ID].tolist(), dtype="str")
    assert S.known_positions(i[S.CONTACT_ID], fresh) is None
    rev = fresh.tolist()
    assert M._positions(fresh, i[S.CONTACT_ID]).tolist() == [rev.index(x)
                                                              for x in i[S.CONTACT_ID]]


# --- job leads (the lead record kind) ------------------------------------------------
TODAY = "2026-09-18"


@pytest.fixture
def log(sample_with_leads):
    """The sample campaign with job leads added (``sample_with_leads`` in tests/conftest.py)."""
    return sample_with_leads


def test_the_sample_has_leads_on_meeting_days_appended_after_its_events(sample_log_dir):
    log = ContactLog.open(sample_log_dir)
    table = metrics.leads(log.contacts, log.interactions, as_of=TODAY)
    assert list(table[S.NAME]) == ["Olivia Chen", "Nkechi Adeyemi", "Lucia Ferreira"]
    assert list(table[S.INTERACTION_ID]) == ["I00197", "I00195", "I00196"]
    assert table["lead"].str.contains("fellowship").iloc[0]
    # appended: the earlier ids did not move, and the sample still ends on its "today"
    raw = log.raw_interactions
    assert list(raw[S.INTERACTION_ID].iloc[-3:]) == ["I00195", "I00196", "I00197"]
    assert raw.loc[raw[S.INTERACTION_ID] == "I00194", S.DATE].item() == "2026-09-18T14:05"
    assert log.interactions[S.DATE].max() == pd.Timestamp("2026-09-18 14:05")
    assert metrics.default_as_of(ContactLog.open(config.SAMPLE_DIR)).isoformat() == TODAY
    held = log.interactions[log.interactions[S.KIND] == S.MEETING_HELD]
    met = set(zip(held[S.CONTACT_ID], held[S.DATE].dt.normalize()))
    assert all((c, d) in met for c, d in zip(table[S.CONTACT_ID], table["date"]))


def test_leads_lists_newest_first_up_to_as_of(log):
    table = metrics.leads(log.contacts, log.interactions, as_of=TODAY)
    assert list(table.columns) == list(metrics.LEAD_COLUMNS)
    mine = table[table[S.INTERACTION_ID] > "I00197"]       # the fixture's, after the sample's
    assert list(mine[S.NAME]) == ["Olivia Chen", "Aisha Bello"]
    assert list(mine["lead"]) == [LEAD_TEXT, "Data analyst posting"]
    assert list(mine[S.COMPANY]) == ["Civic Sightline", "Lumen Health Analytics"]
    assert list(table[S.NAME]) == ["Olivia Chen", "Olivia Chen", "Nkechi Adeyemi",
                                   "Lucia Ferreira", "Aisha Bello"]
    assert table["date"].is_monotonic_decreasing
    assert table["date"].iloc[0] == pd.Timestamp("2026-09-17")
    assert len(metrics.leads(log.contacts, log.interactions, as_of="2026-10-01")) == 6
    empty = metrics.leads(log.contacts, log.interactions.iloc[0:0], as_of=TODAY)
    assert empty.empty and list(empty.columns) == list(metrics.LEAD_COLUMNS)


def test_leads_change_no_response_numbers(log, sample_log_dir):
    plain = ContactLog.open(sample_log_dir)
    for iid in metrics.leads(log.contacts, log.interactions, as_of="2026-12-31")[
            S.INTERACTION_ID]:
        plain.delete_interaction(iid)
    assert metrics.summarize(log.contacts, log.interactions, as_of=TODAY) == \
        metrics.summarize(plain.contacts, plain.interactions, as_of=TODAY)
