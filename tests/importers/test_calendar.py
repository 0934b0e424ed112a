"""Calendar import: meetings with contacts, cancelled and recurring events, idempotence."""
from __future__ import annotations

import os
import subprocess

import pytest

import activity_fixtures as F
from conftest import infoint_exe
from infoint_nb.importers import calendar as C
from infoint_nb import metrics
from infoint_nb import schema as S
from infoint_nb.store import ContactLog


@pytest.fixture
def log(tmp_path):
    return ContactLog.open(F.make_log(tmp_path / "log"))


def test_icalendar_keeps_rrule_and_status_as_data():
    """What the installed icalendar does: RRULE is parsed, not expanded; STATUS is text."""
    import icalendar
    assert int(icalendar.__version__.split(".")[0]) >= 6
    ev = icalendar.Calendar.from_ical(F.ICS).walk("VEVENT")[2]
    assert ev.get("RRULE")["FREQ"] == ["WEEKLY"] and ev.get("RRULE")["COUNT"] == [4]
    assert str(icalendar.Calendar.from_ical(F.ICS).walk("VEVENT")[1]["STATUS"]) == "CANCELLED"


def test_calendar_gives_meetings_without_cancelled_ones(log, tmp_path):
    report = C.import_calendar(log, F.make_ics(tmp_path / "cal.ics"))
    assert report.scanned == 7
    assert report.skipped["cancelled"] == 1  # Ravi's call
    i = ContactLog.open(log.folder).raw_interactions
    got = sorted(zip(i[S.CONTACT_ID], i[S.KIND], i[S.DATE].str[:10], i[S.SCHEDULED_FOR],
                     i[S.PLACE]))
    assert got == sorted(F.ICS_EXPECTED)
    assert "C0002" not in set(i[S.CONTACT_ID])  # cancelled
    assert "C0004" not in set(i[S.CONTACT_ID])  # declined
    assert set(i.loc[i[S.CONTACT_ID] == "C0003", S.CHANNEL]) == {"video"}
    assert i[S.REF].is_unique and i[S.REF].str.startswith("ics:").all()
    up = metrics.upcoming_meetings(log.contacts, log.interactions, as_of=__import__(
        "datetime").date(2026, 5, 20))
    assert up[S.CONTACT_ID].tolist() == ["C0003"]
    assert str(up[S.SCHEDULED_FOR].iloc[0]) == "2026-06-09 14:00:00"
    zoe = i.loc[i[S.CONTACT_ID] == "C0003", S.NOTES].iloc[0]
    assert zoe == "Weekly check-in with Zoë (moved) (recurring: 2 meetings until 2026-06-15)"
    again = C.import_calendar(log, tmp_path / "cal.ics")
    assert again.added == [] and again.skipped["already imported"] == 2


def test_not_a_calendar_and_a_cut_one_are_refused(log, tmp_path):
    html = tmp_path / "cal.ics"
    html.write_text("<html><body>Sign in to see your calendar</body></html>")
    with pytest.raises(C.CalendarFormatError, match="not a calendar file"):
        C.import_calendar(log, html)
    cut = tmp_path / "cut.ics"
    cut.write_text(F.ICS[:F.ICS.index("SUMMARY:Call with Ravi")])
    with pytest.raises(C.CalendarFormatError, match=r"ends inside the event that starts on "
                       r"line \d+; it looks cut short"):
        C.import_calendar(log, cut)
    assert ContactLog.open(log.folder).raw_interactions.empty


def test_cli_import_calendar(log, tmp_path):
    ics = F.make_ics(tmp_path / "cal.ics")
    env = {**os.environ, "TZ": "UTC"}
    out = subprocess.run([infoint_exe(), "import", "calendar", str(ics), "--log",
                          str(log.folder)], capture_output=True, text=True, env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "added 2 interactions (2 meeting_scheduled)" in out.stdout
    assert "1 cancelled" in out.stdout
