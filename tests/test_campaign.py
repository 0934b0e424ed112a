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
