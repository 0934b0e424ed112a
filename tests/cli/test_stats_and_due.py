"""`infoint stats` and `infoint due`, run as a user would (subprocess)."""
from __future__ import annotations

import io
import subprocess

import icalendar
import numpy as np
import pandas as pd
import pytest

from conftest import SAMPLE, infoint_exe
from infoint_nb import ContactLog
from infoint_nb import metrics as M
from infoint_nb import schema as S


def run(*args, ok=True):
    proc = subprocess.run([infoint_exe(), *map(str, args)], capture_output=True, text=True,
                          timeout=120)
    if ok:
        assert proc.returncode == 0, proc.stderr
    return proc


@pytest.fixture(scope="module")
def sample():
    log = ContactLog.open(SAMPLE)
    as_of = log.interactions[S.DATE].max().normalize()
    return log.contacts, log.interactions, as_of


def test_stats_by_company_on_the_sample_in_fastest_order(sample):
    c, i, as_of = sample
    proc = run("stats", "--by", "company")
    assert "no --log given" in proc.stderr and "sample" in proc.stderr
    assert f"as of {as_of:%Y-%m-%d}" in proc.stderr                 # the sample's last day
    lines = proc.stdout.splitlines()
    header = lines[0].split()
    assert header[:4] == ["company", "contacted", "responded", "response_rate"]
    assert "median_days_to_response" in header
    want = M.response_by(c, i, by="company", as_of=as_of)
    assert len(lines) - 1 == len(want)
    for line, (_, row) in zip(lines[1:], want.iterrows()):
        assert line.startswith(row[S.COMPANY])                      # names left-aligned
        cells = line[len(row[S.COMPANY]):].split()
        assert int(cells[0]) == row["contacted"] and int(cells[1]) == row["responded"]
        assert float(cells[2]) == pytest.approx(row["response_rate"], abs=0.005)
        # the median is the last cell; empty (absent after split) when not reached
        if np.isnan(row["median_days_to_response"]):
            assert len(cells) == 7
        else:
            assert len(cells) == 8 and float(cells[7]) == row["median_days_to_response"]
    assert np.isnan(want.iloc[-1]["median_days_to_response"])      # not reached come last


def test_stats_csv_matches_the_metrics_table(sample):
    c, i, as_of = sample
    proc = run("stats", "--by", "company", "--csv")
    got = pd.read_csv(io.StringIO(proc.stdout))
    want = M.response_by(c, i, by="company", as_of=as_of)
    assert list(got.columns) == [S.COMPANY, *M.RESPONSE_COLUMNS]
    assert got[S.COMPANY].tolist() == want[S.COMPANY].tolist()
    for col in M.RESPONSE_COLUMNS:
        np.testing.assert_allclose(got[col].to_numpy(float), want[col].to_numpy(float))
    assert ",," not in proc.stdout.splitlines()[1]                  # no empty cells but medians
    assert proc.stdout.splitlines()[-1].endswith(",")               # not reached: empty


@pytest.mark.parametrize("by", ["industry", "channel", "source", "month"])
def test_stats_other_groupings_with_a_log_and_as_of(sample_log_dir, by):
    proc = run("stats", "--log", sample_log_dir, "--by", by, "--as-of", "2026-07-01", "--csv")
    assert "sample" not in proc.stderr
    got = pd.read_csv(io.StringIO(proc.stdout), keep_default_na=False)
    log = ContactLog.open(sample_log_dir)
    want = M.response_by(log.contacts, log.interactions, by=by, as_of="2026-07-01")
    assert got[by].astype(str).tolist() == want[by].tolist()
    assert got["contacted"].tolist() == want["contacted"].tolist()


def test_stats_on_an_empty_log(empty_log_dir):
    proc = run("stats", "--log", empty_log_dir, "--by", "company")
    assert "(nobody contacted yet)" in proc.stdout
    assert proc.stdout.split()[0] == "company"


def test_stats_bad_as_of_exits_2_without_traceback():
    proc = run("stats", "--by", "company", "--as-of", "2026-02-30", ok=False)
    assert proc.returncode == 2
    assert "--as-of" in proc.stderr and "2026-02-30" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_due_lists_actions_and_meetings_and_writes_ics(sample_log_dir, tmp_path):
    log = ContactLog.open(sample_log_dir)
    as_of = log.interactions[S.DATE].max().normalize()
    want = M.followups_due(log.contacts, log.interactions, as_of=as_of)
    meetings = M.upcoming_meetings(log.contacts, log.interactions, as_of=as_of)
    assert len(want) and len(meetings)
    ics = tmp_path / "due.ics"
    proc = run("due", "--log", sample_log_dir, "--as-of", f"{as_of:%Y-%m-%d}", "--ics", ics)
    assert f"Due as of {as_of:%Y-%m-%d} ({len(want)}):" in proc.stdout
    assert f"Upcoming meetings ({len(meetings)}):" in proc.stdout
    for name in want[S.NAME]:
        assert name in proc.stdout
    assert f"wrote {len(want) + len(meetings)} events to {ics}" in proc.stderr
    cal = icalendar.Calendar.from_ical(ics.read_bytes())
    assert len(cal.walk("VEVENT")) == len(want) + len(meetings)


def test_logging_the_action_makes_it_disappear(sample_log_dir):
    as_of = f"{ContactLog.open(sample_log_dir).interactions[S.DATE].max():%Y-%m-%d}"
    before = pd.read_csv(io.StringIO(run("due", "--log", sample_log_dir, "--as-of", as_of,
                                         "--csv").stdout), keep_default_na=False)
    assert list(before.columns) == list(M.FOLLOWUP_COLUMNS)
    row = before[before["action"] == "thank_you"].iloc[0]
    run("add", "interaction", "--log", sample_log_dir, "--contact-id", row[S.CONTACT_ID],
        "--kind", "thank_you", "--date", as_of, "--channel", "email")
    after = pd.read_csv(io.StringIO(run("due", "--log", sample_log_dir, "--as-of", as_of,
                                        "--csv").stdout), keep_default_na=False)
    assert len(after) == len(before) - 1
    assert not ((after[S.CONTACT_ID] == row[S.CONTACT_ID])
                & (after["action"] == "thank_you")).any()


def test_due_3b7_mode_and_nothing_due(sample_log_dir, empty_log_dir):
    proc = run("due", "--log", sample_log_dir, "--as-of", "2026-07-01", "--mode", "3b7",
               "--csv")
    got = pd.read_csv(io.StringIO(proc.stdout), keep_default_na=False)
    log = ContactLog.open(sample_log_dir)
    want = M.followups_due(log.contacts, log.interactions, as_of="2026-07-01", mode="3b7")
    assert got["action"].tolist() == want["action"].tolist()
    assert any("business days" in r for r in got["reason"])
    proc = run("due", "--log", empty_log_dir, "--as-of", "2026-07-01")
    assert proc.stdout.strip() == "Nothing due as of 2026-07-01."
