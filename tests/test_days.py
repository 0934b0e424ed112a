"""One parser for "a day" from a user: every entry point gives the messages it always gave.

``schema.parse_day`` is the parser; the CLI's options, the report's parameters,
``metrics.resolve_as_of``, the forms' ``as_of`` and the planning functions' dates call
it, each with its own prefix and its own idea of "not given".
"""
from __future__ import annotations

import datetime as dt

import pandas as pd
import pytest

from infoint_nb import metrics as M
from infoint_nb import schema as S
from infoint_nb.cli import _parse_date_arg
from infoint_nb.errors import ParameterError
from infoint_nb.forms._base import _as_of_date
from infoint_nb.planning.text import _day
from infoint_nb.reports.parameters import _parse_day

#: entry point → (call, the message's start for a value named in it)
ENTRIES = {
    "schema": (lambda v: S.parse_day(v, name="--start"), "--start"),
    "cli": (lambda v: _parse_date_arg(v, "--as-of"), "--as-of"),
    "report": (lambda v: _parse_day("start", v), "report parameter start: start"),
    "metrics": (M.resolve_as_of, "as_of"),
    "forms": (_as_of_date, "as_of: as_of"),
    "planning": (lambda v: _day(v, what="sent_on"), "sent_on"),
}
NOT_ISO = "is not an ISO date; write 2026-05-05 or 2026-05-05T09:30"
BAD = [
    ("05/05/2026", f"'05/05/2026' {NOT_ISO}"),
    ("2026-5-5", f"'2026-5-5' {NOT_ISO}"),
    ("2026-02-30", "'2026-02-30' is not a real calendar date"),
    ("2026-05-05T09:30+02:00", "'2026-05-05T09:30+02:00' has a time-zone offset; write local "
                               "time without one, e.g. 2026-05-05T09:30"),
    (pd.Timestamp("2026-05-05", tz="UTC"), "Timestamp('2026-05-05 00:00:00+0000', tz='UTC') "
                                           "has a time zone; give local time without one"),
]


@pytest.mark.parametrize("entry", list(ENTRIES))
@pytest.mark.parametrize("value, why", BAD, ids=[str(b[0]) for b in BAD])
def test_every_entry_point_names_a_bad_day_as_before(entry, value, why):
    call, start = ENTRIES[entry]
    with pytest.raises(ParameterError) as info:
        call(value)
    assert str(info.value) == f"{start} {why}"


@pytest.mark.parametrize("entry", list(ENTRIES))
def test_every_entry_point_reads_a_good_day_as_before(entry):
    call, _ = ENTRIES[entry]
    want = pd.Timestamp("2026-05-05") if entry == "metrics" else dt.date(2026, 5, 5)
    for value in ("2026-05-05", " 2026-05-05T17:30 ", dt.date(2026, 5, 5),
                  dt.datetime(2026, 5, 5, 9, 30), pd.Timestamp("2026-05-05 23:59")):
        got = call(value)
        assert got == want and type(got) is type(want), (entry, value)


def test_what_not_given_means_stays_each_entry_points_own():
    today = dt.date.today()
    for entry in ("schema", "cli", "report"):  # blank: not given
        call, _ = ENTRIES[entry]
        assert [call(v) for v in (None, "", "  ")] == [None, None, None], entry
    assert _as_of_date(None) == _as_of_date("") == today  # the forms: today
    assert M.resolve_as_of(None) == pd.Timestamp(today)
    for entry, value, message in [
            ("forms", "  ", f"as_of: as_of '' {NOT_ISO}"),
            ("metrics", "", f"as_of '' {NOT_ISO}"),
            ("metrics", "  ", f"as_of '' {NOT_ISO}"),
            ("metrics", 20260505, "as_of must be a date such as 2026-05-05 (or None for "
                                  "today), but 20260505 was passed"),
            ("forms", 20260505, f"as_of: as_of '20260505' {NOT_ISO}"),
            ("planning", None, f"sent_on 'None' {NOT_ISO}"),
            ("planning", "", f"sent_on '' {NOT_ISO}"),
            ("report", 20260505, f"report parameter start: start '20260505' {NOT_ISO}")]:
        with pytest.raises(ParameterError) as info:
            ENTRIES[entry][0](value)
        assert str(info.value) == message, (entry, value)


def test_parse_day_options():
    assert S.parse_day("2026-05-05T17:30", name="as_of", timestamp=True) == pd.Timestamp(
        "2026-05-05")
    assert S.parse_day(pd.NaT, name="as_of") is None
    with pytest.raises(ParameterError, match=f"^x: when 'None' {NOT_ISO}$"):
        S.parse_day(None, name="when", prefix="x: ", blank=False)
