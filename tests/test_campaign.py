"""Campaign: the log prepared once serves the same tables as the metrics functions."""
from __future__ import annotations

import pandas as pd
import pytest

from infoint_nb import ContactLog, config
from infoint_nb import metrics as M
from infoint_nb.campaign import Cadence, Campaign
from infoint_nb.errors import ParameterError
from infoint_nb.schema import ADDED_ON, DATE


@pytest.fixture(scope="module")
def frames():
    log = ContactLog.open(config.SAMPLE_DIR)
    return log, log.contacts, log.interactions


def test_every_table_equals_its_metrics_function(frames):
    log, c, i = frames
    day = log.default_as_of()
    cp = Campaign(c, i, as_of=day)
    pd.testing.assert_frame_equal(cp.timeline(), M.contact_timeline(c, i, as_of=day))
    for by in M.GROUPINGS:
        pd.testing.assert_frame_equal(cp.response_by(by), M.response_by(c, i, by=by, as_of=day))
        pd.testing.assert_frame_equal(cp.fastest_responders(by, top=3),
                                      M.fastest_responders(c, i, by=by, as_of=day, top=3))
    pd.testing.assert_frame_equal(cp.funnel(), M.funnel(c, i, as_of=day))
    pd.testing.assert_frame_equal(cp.growth(), M.network_growth(c, i, as_of=day))
    pd.testing.assert_frame_equal(cp.chains(), M.referral_chains(c, as_of=day))
    pd.testing.assert_frame_equal(cp.due(), M.followups_due(c, i, as_of=day))
    pd.testing.assert_frame_equal(cp.meetings(), M.upcoming_meetings(c, i, as_of=day))
    pd.testing.assert_frame_equal(cp.leads(), M.leads(c, i, as_of=day))
    assert cp.summary() == M.summarize(c, i, as_of=day)
    pd.testing.assert_frame_equal(
        cp.survival("company", 4), M.survival_table(M.contact_timeline(c, i, as_of=day),
                                                     by="company", top=4))


@pytest.mark.parametrize("mode", M.MODES)
def test_due_ahead_reads_what_is_known_on_as_of_later(frames, mode):
    _, c, i = frames
    day = pd.Timestamp("2026-05-20")
    known_c, known_i = c[~(c[ADDED_ON] > day)], i[~(i[DATE].dt.normalize() > day)]
    want = M.followups_due(known_c, known_i, as_of=day + pd.Timedelta(days=6), mode=mode)
    got = Campaign(c, i, as_of=day, cadence=Cadence(mode=mode)).due(ahead=6)
    pd.testing.assert_frame_equal(got, want)


def test_a_result_changed_by_its_caller_changes_nothing_else(frames):
    log, c, i = frames
    cp = Campaign.from_log(log)
    first = cp.timeline()
    first["name"] = "x"
    assert (cp.timeline()["name"] != "x").all()
    assert cp.as_of.date() == log.default_as_of() == M.default_as_of(log)


def test_bad_settings_are_named():
    with pytest.raises(ParameterError, match="follow_up_days"):
        Cadence(follow_up_days=0)
    with pytest.raises(ParameterError, match="mode must be one of"):
        Cadence(mode="weekly")
    with pytest.raises(ParameterError, match="cadence must be a Cadence"):
        Campaign(pd.DataFrame(), pd.DataFrame(), as_of="2026-01-01", cadence={"mode": "3b7"})


# --- the queries the forms ask (moved from forms/prepare, follow_up, track) -----------
def _reference_latest_meeting(interactions, cid):
    """The old forms.prepare.latest_meeting, read plainly: the last scheduled row in file
    order, the latest held row by date."""
    mine = interactions[interactions["contact_id"] == cid]
    sched = mine[mine["kind"] == "meeting_scheduled"]
    held = mine[mine["kind"] == "meeting_held"].sort_values(DATE, kind="stable")
    return (sched["interaction_id"].iloc[-1] if len(sched) else None,
            held["interaction_id"].iloc[-1] if len(held) else None,
            held[DATE].iloc[-1].date() if len(held) else None)


def test_latest_meeting_equals_the_form_function_for_everyone(frames):
    import datetime as dt

    from infoint_nb.forms.prepare import DEFAULT_MINUTES, latest_meeting
    log, c, i = frames
    cp = Campaign(c, i, as_of=log.default_as_of())
    for cid in list(c["contact_id"]) + ["C9999", "", None]:
        got = cp.latest_meeting(cid)
        assert got == latest_meeting(log, cid), cid
        if cid:
            sched, held, held_on = _reference_latest_meeting(i, cid)
            assert (got["interaction_id"], got["held_id"], got["held_on"]) == (
                sched, held, held_on), cid
    c14 = cp.latest_meeting("C0014")
    assert c14["interaction_id"] == "I00003"
    assert c14["scheduled_for"] == pd.Timestamp("2026-06-04 17:30")
    assert c14["when"].endswith(", 17:30")
    # "40 minutes" is in the notes of the meeting held, not of the one scheduled
    assert c14["minutes"] == DEFAULT_MINUTES
    assert (c14["held_id"], c14["held_on"]) == ("I00017", dt.date(2026, 6, 4))
    assert cp.latest_meeting("C0014") is not c14  # a new dict each call
    # a later day's campaign reads the same whole log
    assert Campaign(c, i, as_of="2026-01-01").latest_meeting("C0014") == c14
    nobody = cp.latest_meeting(None)
    assert nobody["interaction_id"] is None and nobody["minutes"] == DEFAULT_MINUTES


def test_latest_meeting_takes_the_minutes_agreed_from_the_scheduled_row(frames):
    _, c, i = frames
    i = i.copy()
    k = i.index[i["interaction_id"] == "I00003"][0]
    i.loc[k, "notes"] = "Coffee, 45 min."
    assert Campaign(c, i, as_of="2026-06-01").latest_meeting("C0014")["minutes"] == 45
    i.loc[k, "notes"] = "Coffee, 400 minutes."  # out of 5–180: the default
    assert Campaign(c, i, as_of="2026-06-01").latest_meeting("C0014")["minutes"] == 20


def test_last_met_contact_equals_the_form_function_on_every_day(frames):
    from infoint_nb.forms.follow_up import last_met_contact
    log, c, i = frames
    held = i[i["kind"] == "meeting_held"].sort_values(DATE, kind="stable")
    for day in pd.date_range("2026-05-01", "2026-09-30", freq="D"):
        got = Campaign(c, i, as_of=day).last_met_contact()
        assert got == last_met_contact(log, as_of=day.date()), day
        before = held[held[DATE] < day + pd.Timedelta(days=1)]
        assert got == (before["contact_id"].iloc[-1] if len(before) else None), day
    # a meeting held at 17:30 counts on its own day, not the day before
    assert Campaign(c, i, as_of="2026-06-04").last_met_contact() == "C0014"
    assert Campaign(c, i, as_of="2026-06-03").last_met_contact() is None
    assert Campaign(c, i.iloc[:0], as_of="2026-06-04").last_met_contact() is None


def _reference_filter(cp, *, view="contacts", company="", stage="", kind="", search=""):
    """The old forms.track.filter_log, read plainly: masks by ids and a row-by-row scan."""
    c, i = cp.contacts, cp.interactions
    stage_of = dict(zip(cp.timeline()["contact_id"], cp.timeline()["stage"])) if len(c) else {}
    keep = pd.Series(True, index=c.index)
    if company:
        keep &= c["company"].where(c["company"] != "", "(no company)") == company
    if stage:
        keep &= c["contact_id"].map(stage_of).fillna("") == stage
    imask = i["contact_id"].isin(c["contact_id"][keep]) if (company or stage) else \
        pd.Series(True, index=i.index)
    if kind:
        imask &= i["kind"] == kind
    if view == "contacts" and kind:
        keep &= c["contact_id"].isin(i["contact_id"][imask])
    needle = search.strip().casefold()

    def says(frame):
        return pd.Series([any(needle in str(v).casefold() for v in row if not pd.isna(v))
                          for row in frame.itertuples(index=False)], index=frame.index,
                         dtype=bool)
    base = cp.log_table().table(view)  # the unfiltered table, in file order
    if view == "contacts":
        rows = keep.to_numpy()
        if needle:
            said = imask & says(i[["notes", "place", "kind", "channel"]]).to_numpy()
            hit = says(base).to_numpy() | c["contact_id"].isin(
                i["contact_id"][said]).to_numpy()
            rows = rows & hit
        return base[rows].reset_index(drop=True)
    rows = imask.to_numpy()
    if needle:
        rows = rows & says(base).to_numpy()
    return base[rows].iloc[::-1].reset_index(drop=True)


_FILTERS = [dict(), dict(view="interactions"), dict(company="Kiteboard"),
            dict(company="(no company)"), dict(stage="gone_quiet"), dict(stage="met"),
            dict(kind="meeting_held"), dict(view="interactions", kind="meeting_held",
                                            company="Kiteboard"),
            dict(search="EPIC"), dict(search="  sql "), dict(search="research ops"),
            dict(view="interactions", search="epic"), dict(search="zzz-nothing"),
            dict(view="interactions", kind="note", search="e"), dict(search="   "),
            dict(search="a\x00b"), dict(stage="gone_quiet", kind="outreach", search="a")]


@pytest.mark.parametrize("filters", _FILTERS, ids=[repr(f) for f in _FILTERS])
def test_filter_log_equals_the_form_function_and_a_plain_reading(frames, filters):
    from infoint_nb.forms.track import filter_log
    log, c, i = frames
    day = log.default_as_of()
    cp = Campaign(c, i, as_of=day)
    got = cp.filter_log(**filters)
    pd.testing.assert_frame_equal(got, filter_log(c, i, as_of=day, **filters))
    pd.testing.assert_frame_equal(got, filter_log(c, i, timeline=cp.timeline(), **filters))
    pd.testing.assert_frame_equal(got, _reference_filter(cp, **filters))


def test_filter_log_edge_cases(frames):
    from infoint_nb.errors import InfointError
    from infoint_nb.forms.track import filter_log
    log, c, i = frames
    # an interaction of someone not in the contacts, and a name that folds (ß → ss)
    c = c.copy()
    c.loc[c.index[0], "name"] = "Anna Straße"
    orphan = i.iloc[[0]].copy()
    orphan["contact_id"], orphan["interaction_id"] = "C9999", "I99999"
    i = pd.concat([i, orphan], ignore_index=True)
    cp = Campaign(c, i, as_of=log.default_as_of())
    for filters in _FILTERS + [dict(search="STRASSE"), dict(view="interactions",
                                                            search="strasse")]:
        pd.testing.assert_frame_equal(cp.filter_log(**filters), _reference_filter(cp, **filters))
    assert list(cp.filter_log(search="STRASSE")["name"]) == ["Anna Straße"]
    every = cp.filter_log(view="interactions")
    assert every["interaction_id"].iloc[0] == "I99999" and pd.isna(every["name"].iloc[0])
    assert "I99999" not in set(cp.filter_log(view="interactions", company="Kiteboard")
                               ["interaction_id"])
    # an empty log: the columns, no rows
    empty = Campaign(c.iloc[:0], i.iloc[:0], as_of="2026-05-05")
    for view in ("contacts", "interactions"):
        assert len(empty.filter_log(view=view, search="x")) == 0
        assert list(empty.filter_log(view=view).columns) == list(cp.filter_log(view=view).columns)
    assert len(filter_log(c.iloc[:0], i.iloc[:0], as_of="not a day")) == 0  # no stages: no day
    with pytest.raises(InfointError, match="view 'people' is not allowed"):
        cp.filter_log(view="people")
    with pytest.raises(ParameterError, match="^as_of: as_of 'soon' is not an ISO date"):
        filter_log(c, i, as_of="soon")
    # the table is prepared once per campaign
    assert cp.log_table() is cp.log_table()
