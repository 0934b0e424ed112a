"""What the log says: response rates, speed, funnel, network growth, what is due.

Pure functions: contacts and interactions (the typed frames of a ``ContactLog``)
in, tables out; no I/O, no drawing. Every definition is DESIGN.md §3
("Derived quantities"):

- **first contact** is a contact's earliest attempt; without one a contact is
  *not contacted*;
- the **response** is the earliest response dated on or after first contact
  (a reply logged before the first attempt is ignored);
- **days to response** count calendar days; every comparison is between
  calendar dates, so two date-times on the same day are the same day;
- a contacted person without a response is **censored**, observed for
  ``as_of - first contact`` days; group medians are Kaplan–Meier medians that
  count the silent people instead of dropping them;
- anything dated after ``as_of`` (contacts added, interactions) is ignored, so a
  table computed later with the same ``as_of`` is the same table.

Everything is vectorised over contacts and companies (numpy and pandas group
operations; no Python loop over rows or groups).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from . import config
from ._docstrings import share_docs
from .errors import ParameterError
from .schema import _arrow  # the Arrow array behind a text column, or None
from .schema import CHANNELS
from .schema import known_positions as _known_positions
from .schema import (
    ADDED_ON, ATTEMPT_KINDS, CHANNEL, COMPANY, CONTACT_ID, DATE, INDUSTRY,
    INTERACTION_ID, KIND, MEETING_HELD, MEETING_SCHEDULED, NAME, PLACE, POSITIVE_KINDS,
    PRIORITY, REFERRED_BY, RELATIONSHIP_KINDS, REPLY, REPLY_LATER, REPLY_NO,
    RESPONSE_KINDS, SCHEDULED_FOR,
    SNAFU, SOURCE, SOURCES, THANK_YOU, UPDATE, KINDS, parse_day,
)
# the vocabulary (actions, groupings, stages, table columns) is defined once there;
# the names here are the same objects, kept for old imports
from .vocabulary import ACTION_NAMES as ACTIONS
from .vocabulary import (
    CHAIN_COLUMNS, DALTON_CLASSES, DALTON_MODE, DEFAULT_MODE, FOLLOW_UP_ACTION,
    FOLLOWUP_COLUMNS, FUNNEL_COLUMNS, GROUPINGS, GROWTH_COLUMNS, KM_COLUMNS, LEAD_COLUMNS,
    MAIN_PATH, MEETING_COLUMNS, MODES, NO_GROUP_LABELS, OFF_PATH, OUTREACH_NEXT_ACTION,
    RESEND_ACTION, RESPONSE_COLUMNS, RESPONSE_COUNT_COLUMNS, STAGES, SUMMARY_KEYS,
    SURVIVAL_COLUMNS, TELL_REFERRER_ACTION, THANK_YOU_ACTION, TIMELINE_COLUMNS, UPDATE_ACTION,
)

__all__ = [
    # vocabulary
    "GROUPINGS", "STAGES", "MAIN_PATH", "OFF_PATH", "DALTON_CLASSES", "ACTIONS", "MODES",
    "FOLLOWUP_COLUMNS", "RESPONSE_COLUMNS",
    "FOLLOW_UP_ACTION", "RESEND_ACTION", "THANK_YOU_ACTION", "UPDATE_ACTION",
    "TELL_REFERRER_ACTION", "OUTREACH_NEXT_ACTION",
    "NO_GROUP_LABELS",
    # building blocks
    "resolve_as_of", "default_as_of", "business_days", "add_business_days", "wilson_interval",
    "kaplan_meier", "km_median",
    # tables
    "contact_timeline", "response_by", "fastest_responders", "funnel",
    "network_growth", "referral_chains", "summarize",
    "followups_due", "upcoming_meetings",
]

#: The 97.5% quantile of the standard normal distribution (two-sided 95%).
_Z95 = 1.959963984540054
#: Survival estimates within this of 0.5 count as 0.5 (products of fractions round).
_KM_TOLERANCE = 1e-9
_EPOCH = np.datetime64("1970-01-01", "D")


# --- small helpers -----------------------------------------------------------------
def resolve_as_of(as_of=None) -> pd.Timestamp:
    """The calendar date ``as_of`` stands for, as a midnight Timestamp.

    Parameters
    ----------
    as_of : str, date, datetime, Timestamp or None
        ``None`` means today; text must be an ISO date such as ``2026-05-05``
        (a time part is dropped).

    Raises
    ------
    ParameterError
        When ``as_of`` is not a date.

    Examples
    --------
    >>> resolve_as_of("2026-05-05T17:30")
    Timestamp('2026-05-05 00:00:00')
    """
    if as_of is None:
        return pd.Timestamp.today().normalize()
    if isinstance(as_of, np.datetime64):
        as_of = pd.Timestamp(as_of)
    if isinstance(as_of, (_dt.date, pd.Timestamp)) or isinstance(as_of, str):
        return parse_day(as_of, name="as_of", blank=False, timestamp=True)
    raise ParameterError(f"as_of must be a date such as 2026-05-05 (or None for today), "
                         f"but {as_of!r} was passed")


def default_as_of(log) -> _dt.date:
    """Deprecated: use ``log.default_as_of()`` (:meth:`ContactLog.default_as_of`), the
    day to read ``log`` as of when none is given (the sample's last interaction for
    the sample campaign, today for any other log).

    Parameters
    ----------
    log : ContactLog
        The open log.
    """
    return log.default_as_of()


def _check_choice(value, allowed, what: str) -> str:
    if value not in allowed:
        raise ParameterError(f"{what} must be one of {', '.join(allowed)}, "
                             f"but {value!r} was passed")
    return value


def _check_count(value, what: str, *, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ParameterError(f"{what} must be a whole number ≥ {minimum}, "
                             f"but {value!r} was passed")
    return int(value)


def _to_days(values) -> np.ndarray:
    """datetime-like → float days since 1970-01-01 (calendar date; NaN for NaT)."""
    arr = np.asarray(pd.to_datetime(values)).astype("datetime64[D]")
    out = (arr - _EPOCH).astype("int64").astype("float64")
    out[np.isnat(arr)] = np.nan
    return out


def _from_days(days) -> pd.Series:
    """float days since 1970-01-01 (NaN allowed) → datetime64 Series of dates."""
    return pd.Series(pd.to_datetime(np.asarray(days, dtype="float64"), unit="D"))


def _as_dates(values) -> np.ndarray:
    """Anything date-like → numpy datetime64[D] array (NaT kept)."""
    return np.asarray(pd.to_datetime(pd.Series(values) if np.ndim(values) else [values])
                      ).astype("datetime64[D]")


def business_days(start, end) -> np.ndarray:
    """Business days (Monday–Friday) from ``start`` up to, not including, ``end``.

    A thin, NaT-tolerant wrapper of :func:`numpy.busday_count`: Friday to Monday
    is 1, Monday to Thursday is 3, negative when ``end`` is before ``start``.

    Parameters
    ----------
    start, end : date-like, array-like or Series
        Calendar dates; a time part is ignored.

    Returns
    -------
    ndarray of float
        One count per pair, ``NaN`` where either date is missing.

    Examples
    --------
    >>> business_days("2026-05-01", "2026-05-04")   # Friday → Monday
    array([1.])
    """
    s, e = np.broadcast_arrays(_as_dates(start), _as_dates(end))
    ok = ~(np.isnat(s) | np.isnat(e))
    out = np.full(s.shape, np.nan)
    out[ok] = np.busday_count(s[ok], e[ok])
    return out


def add_business_days(start, days) -> np.ndarray:
    """The date ``days`` business days after ``start`` (a weekend start rolls to Monday).

    Parameters
    ----------
    start : date-like, array-like or Series
        Calendar dates; a time part is ignored.
    days : int or array-like of int
        Business days to add.

    Returns
    -------
    ndarray of datetime64[D]
        ``NaT`` where ``start`` is missing.

    Examples
    --------
    >>> add_business_days("2026-05-01", 3)            # Friday + 3 → Wednesday
    array(['2026-05-06'], dtype='datetime64[D]')
    """
    s = _as_dates(start)
    n = np.broadcast_to(np.asarray(days, dtype="int64"), s.shape)
    out = np.full(s.shape, np.datetime64("NaT"), dtype="datetime64[D]")
    ok = ~np.isnat(s)
    out[ok] = np.busday_offset(s[ok], n[ok], roll="forward")
    return out


def _busdays_between(start_days: np.ndarray, end_days: np.ndarray) -> np.ndarray:
    """business_days on float-day arrays (NaN in, NaN out)."""
    ok = ~(np.isnan(start_days) | np.isnan(end_days))
    out = np.full(start_days.shape, np.nan)
    s = _EPOCH + start_days[ok].astype("int64")
    e = _EPOCH + end_days[ok].astype("int64")
    out[ok] = np.busday_count(s, e)
    return out


def _add_busdays(start_days: np.ndarray, n: int) -> np.ndarray:
    ok = ~np.isnan(start_days)
    out = np.full(start_days.shape, np.nan)
    d = np.busday_offset(_EPOCH + start_days[ok].astype("int64"), n, roll="forward")
    out[ok] = (d - _EPOCH).astype("int64")
    return out


# --- statistics --------------------------------------------------------------------
def wilson_interval(successes, n, *, z: float = _Z95):
    """Wilson score interval for a proportion (95% by default).

    Unlike the normal approximation it stays inside [0, 1] and is honest for
    small groups: 0 of 10 gives (0, 0.278), not (0, 0).

    Parameters
    ----------
    successes : int or array-like
        How many succeeded (e.g. responded).
    n : int or array-like
        How many tried (e.g. contacted); ``0`` gives ``NaN`` bounds.
    z : float
        Normal quantile; the default is the exact two-sided 95% value (1.95996…).

    Returns
    -------
    (low, high)
        Floats for scalar input, arrays otherwise.

    Examples
    --------
    >>> low, high = wilson_interval(5, 10)
    >>> round(low, 4), round(high, 4)
    (0.2366, 0.7634)
    """
    scalar = np.ndim(successes) == 0 and np.ndim(n) == 0
    k = np.asarray(successes, dtype="float64")
    m = np.asarray(n, dtype="float64")
    k, m = np.broadcast_arrays(k, m)
    if np.any(k < 0) or np.any(k > m):
        raise ParameterError("wilson_interval needs 0 ≤ successes ≤ n, but got "
                             f"successes={successes!r}, n={n!r}")
    with np.errstate(divide="ignore", invalid="ignore"):
        p = k / m
        z2 = z * z
        denom = 1.0 + z2 / m
        centre = (p + z2 / (2 * m)) / denom
        half = z * np.sqrt(p * (1 - p) / m + z2 / (4 * m * m)) / denom
        low = np.clip(centre - half, 0.0, 1.0)
        high = np.clip(centre + half, 0.0, 1.0)
    low = np.where(k == 0, 0.0, low)
    high = np.where(k == m, 1.0, high)
    low = np.where(m == 0, np.nan, low)
    high = np.where(m == 0, np.nan, high)
    if scalar:
        return float(low), float(high)
    return low, high


def _km_inputs(durations, observed, groups):
    d = np.asarray(durations, dtype="float64").ravel()
    e = np.asarray(observed).ravel()
    if d.shape != e.shape:
        raise ParameterError(f"durations and observed must have the same length, "
                             f"but got {d.size} and {e.size}")
    if d.size and (not np.all(np.isfinite(d)) or np.any(d < 0)):
        raise ParameterError("durations must be finite and ≥ 0 (days observed); "
                             "drop contacts that were not contacted first")
    e = e.astype(bool)
    if groups is None:
        g = np.zeros(d.size, dtype="int64")
        labels = pd.Index([0])
    else:
        g_series = pd.Series(np.asarray(groups, dtype=object).ravel())
        if g_series.size != d.size:
            raise ParameterError(f"groups must have one label per duration, "
                                 f"but got {g_series.size} labels for {d.size} durations")
        g, labels = pd.factorize(g_series, sort=True)
    return d, e, g, labels


def _km_table(d, e, g) -> pd.DataFrame:
    frame = pd.DataFrame({"g": g, "time": d, "events": e.astype("int64"), "n": 1})
    t = frame.groupby(["g", "time"], sort=True).agg(events=("events", "sum"),
                                                     n=("n", "sum")).reset_index()
    by = t.groupby("g", sort=False)
    removed_before = by["n"].cumsum() - t["n"]
    t["at_risk"] = by["n"].transform("sum") - removed_before
    t["censored"] = t["n"] - t["events"]
    t["survival"] = (1.0 - t["events"] / t["at_risk"]).groupby(t["g"]).cumprod()
    return t.drop(columns="n")


@share_docs
def kaplan_meier(durations, observed, *, groups=None) -> pd.DataFrame:
    """Kaplan–Meier survival table of time to response.

    "Survival" is the share of people *still silent* after ``time`` days;
    the silent ones are censored at the time they have been observed.

    Parameters
    ----------
    {params.durations}
    {params.observed}
    groups : array-like, optional
        A group label per person; one curve per group, computed together.

    Returns
    -------
    DataFrame
        ``[group,] time, at_risk, events, censored, survival``: one row per distinct
        time (events or censoring), sorted by group then time; ``survival`` is the
        estimate just after ``time``.

    Examples
    --------
    >>> kaplan_meier([1, 2, 2, 5], [True, True, False, False])[["time", "survival"]]
       time  survival
    0   1.0      0.75
    1   2.0      0.50
    2   5.0      0.50
    """
    d, e, g, labels = _km_inputs(durations, observed, groups)
    table = _km_table(d, e, g)
    cols = list(KM_COLUMNS)
    if groups is None:
        return table[cols].reset_index(drop=True)
    table.insert(0, "group", labels.take(table["g"].to_numpy()))
    return table[["group"] + cols].reset_index(drop=True)


@share_docs
def km_median(durations, observed, *, groups=None):
    """Kaplan–Meier median time to response: the smallest t with survival ≤ 0.5.

    Parameters
    ----------
    {params.durations}
    {params.observed}
    groups : array-like, optional
        A group label per person; one median per group, computed together.

    Returns
    -------
    float or Series
        ``NaN`` (*not reached*) when the survival estimate never falls to 0.5 —
        e.g. one of three answered and two never did. A Series indexed by group
        label when ``groups`` is given.

    Examples
    --------
    >>> km_median([1, 30, 30], [True, False, False])     # one fast, two silent
    nan
    >>> km_median([5, 5, 5], [True, True, True])
    5.0
    """
    d, e, g, labels = _km_inputs(durations, observed, groups)
    medians = _km_medians(d, e, g, len(labels))
    if groups is None:
        return float(medians[0])
    return pd.Series(medians, index=labels, name="median")


def _km_medians(d, e, g, k: int) -> np.ndarray:
    """Kaplan–Meier median of each of the ``k`` groups coded ``g`` (NaN: not reached)."""
    table = _km_table(d, e, g)
    hit = table[table["survival"] <= 0.5 + _KM_TOLERANCE]
    first = hit.groupby("g", sort=True)["time"].first()
    medians = np.full(k, np.nan)
    medians[first.index.to_numpy()] = first.to_numpy()
    return medians


# --- preparing a log ---------------------------------------------------------------
#: Kind names by code; code -1 (not a kind) reads as "".
_KIND_NAMES = np.array(KINDS + ("",), dtype=object)


def _kind_codes(kinds) -> np.ndarray:
    return np.array([KINDS.index(k) for k in kinds], dtype="int16")


_ATTEMPT = _kind_codes(ATTEMPT_KINDS)
_RESPONSE = _kind_codes(RESPONSE_KINDS)
_POSITIVE = _kind_codes(POSITIVE_KINDS)
_OUTBOUND = _kind_codes(ATTEMPT_KINDS + RELATIONSHIP_KINDS)
_ANCHOR = _kind_codes((MEETING_HELD, THANK_YOU, UPDATE))
(_HELD, _THANKS, _UPDATE, _SNAFU, _SCHEDULED, _REPLY_NO) = _kind_codes(
    (MEETING_HELD, THANK_YOU, UPDATE, SNAFU, MEETING_SCHEDULED, REPLY_NO))


@dataclass
class _Log:
    """A log clipped to ``as_of``; interactions sorted by (contact, date-time, file row)."""

    contacts: pd.DataFrame          # contacts added on or before as_of, index 0..n-1
    as_of: pd.Timestamp
    today: float                    # as_of in days since 1970-01-01
    code: np.ndarray                # contact position of each interaction
    day: np.ndarray                 # calendar day (float days)
    kind: np.ndarray                # kind codes (positions in schema.KINDS)
    channel_code: np.ndarray        # channel of each row: a position in channel_names
    channel_names: np.ndarray       # the distinct channel texts (object array)
    rows: np.ndarray                # positions of these rows in the interactions frame
    interactions: pd.DataFrame      # the frame as given (read lazily through ``rows``)

    @property
    def n(self) -> int:
        return len(self.contacts)

    def kind_names(self, codes: np.ndarray) -> np.ndarray:
        return _KIND_NAMES[codes]

    @cached_property
    def channel(self) -> np.ndarray:
        """Channel text of each row (object array), made when a table needs it."""
        return self.channel_names[self.channel_code]

    def channel_text(self, codes: np.ndarray) -> np.ndarray:
        """Channel text for channel codes; code -1 reads as ""."""
        return np.append(self.channel_names, "").astype(object)[codes]

    def column(self, name: str) -> pd.Series:
        """A column of the kept interactions, in sorted order."""
        if name not in self.interactions:
            return pd.Series([""] * self.rows.size, dtype="str")
        return self.interactions[name].iloc[self.rows].reset_index(drop=True)


def _positions(ids: pd.Series, values: pd.Series) -> np.ndarray:
    """Position of each of ``values`` in ``ids`` (-1 when absent); one hash pass."""
    known = _known_positions(values, ids)  # the log's checks found them on opening
    if known is not None:
        return known
    a, b = _arrow(ids), _arrow(values)
    if a is not None and b is not None and _all_different(a):
        import pyarrow.compute as pc  # Arrow-backed columns: no Python object per cell

        if hasattr(a, "combine_chunks"):  # index_in wants its value set in one piece
            a = a.combine_chunks()
        pos = pc.index_in(b, value_set=a).fill_null(-1)
        return pos.to_numpy(zero_copy_only=False).astype("int64", copy=False)
    left = ids.to_numpy(dtype=object)
    codes, _ = pd.factorize(np.concatenate([left, values.to_numpy(dtype=object)]))
    own, theirs = codes[:left.size], codes[left.size:]
    if not np.array_equal(own, np.arange(left.size)):        # duplicate ids: first one wins
        first = ~pd.Index(left).duplicated()
        pos = pd.Index(left[first]).get_indexer(values.to_numpy(dtype=object))
        return np.where(pos >= 0, np.flatnonzero(first)[pos], -1)
    return np.where(theirs < left.size, theirs, -1)


def _all_different(arr) -> bool:
    """No value of the Arrow array twice (ids in increasing order prove it at once)."""
    import pyarrow.compute as pc

    if len(arr) < 2 or pc.all(pc.less(arr[:-1], arr[1:])).as_py():
        return True
    return pc.count_distinct(arr).as_py() == len(arr)


_CHANNEL_SET = CHANNELS + ("",)


def _channel_codes(col: pd.Series, rows: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``(codes, names)``: ``col`` at ``rows`` as positions in ``names`` (its distinct
    texts); on Arrow text of known channels, one lookup against the fixed list."""
    arr = _arrow(col)
    if arr is not None:
        import pyarrow as pa
        import pyarrow.compute as pc

        codes = pc.index_in(arr, value_set=pa.array(_CHANNEL_SET, type=pa.string()))
        if codes.null_count == 0:
            return (codes.to_numpy(zero_copy_only=False).astype("int16")[rows],
                    np.array(_CHANNEL_SET, dtype=object))
    codes, names = pd.factorize(col.to_numpy(dtype=object)[rows])
    return codes, np.asarray(names, dtype=object)


def _kind_codes_of(col: pd.Series, rows: np.ndarray) -> np.ndarray:
    """Kind codes (positions in ``KINDS``, -1 for anything else) of ``col`` at ``rows``."""
    arr = _arrow(col)
    if arr is None:
        return np.asarray(pd.Categorical(col.iloc[rows], categories=list(KINDS)).codes,
                          dtype="int16")
    import pyarrow as pa
    import pyarrow.compute as pc

    codes = pc.index_in(arr, value_set=pa.array(list(KINDS), type=pa.string())).fill_null(-1)
    return codes.to_numpy(zero_copy_only=False).astype("int16")[rows]


def _referrers(ids: pd.Series, referred_by: pd.Series) -> np.ndarray:
    """Position of each contact's referrer (-1 for none or unknown)."""
    out = np.full(len(ids), -1, dtype="int64")
    has = (referred_by != "").to_numpy()
    if has.any():
        out[has] = _positions(ids, referred_by[has])
    return out


def _order(code: np.ndarray, key: np.ndarray) -> np.ndarray:
    """Stable order by (code, key), ties in the given order; key ≥ 0 integers."""
    if code.size == 0:
        return np.arange(0)
    span = int(key.max()) + 1
    if int(code.max()) + 1 < (1 << 62) // max(span, 1):
        return np.argsort(code.astype("int64") * span + key, kind="stable")
    return np.lexsort((np.arange(code.size), key, code))


def _prepare(contacts: pd.DataFrame, interactions: pd.DataFrame, as_of) -> _Log:
    as_of = resolve_as_of(as_of)
    today = float((np.datetime64(as_of.date(), "D") - _EPOCH).astype("int64"))
    added = _to_days(contacts[ADDED_ON])
    keep_c = ~(added > today)           # NaT (should not happen) is kept
    # nobody added after as_of (the usual case): no copy of every column
    c = (contacts.reset_index(drop=True) if keep_c.all()
         else contacts.loc[keep_c].reset_index(drop=True))
    stamps = np.asarray(pd.to_datetime(interactions[DATE])).astype("datetime64[s]")
    day = _to_days(stamps)
    code = _positions(c[CONTACT_ID].astype(str), interactions[CONTACT_ID].astype(str))
    keep = (code >= 0) & (day <= today)
    rows = np.flatnonzero(keep)
    code, day = code[keep], day[keep]
    secs = stamps[keep].astype("int64")
    order = _order(code, secs - secs.min() if secs.size else secs)
    rows = rows[order]
    kinds = _kind_codes_of(interactions[KIND], rows)
    channel_code, channel_names = (
        _channel_codes(interactions[CHANNEL], rows) if CHANNEL in interactions
        else (np.zeros(rows.size, dtype="int16"), np.array([""], dtype=object)))
    return _Log(contacts=c, as_of=as_of, today=today, code=code[order], day=day[order],
                kind=kinds, channel_code=channel_code, channel_names=channel_names,
                rows=rows, interactions=interactions)


def _file_order_rank(log: _Log) -> np.ndarray:
    """Each row's rank in (contact, calendar day, file row) order: where a time of
    day must not count (a date-only row has no time, so it is not "before" 09:30)."""
    by_day = _order(log.code, (log.day - np.nanmin(log.day)).astype("int64") * (
        log.rows.size + 1) + log.rows if log.rows.size else log.rows)
    seq = np.empty(log.rows.size, dtype="int64")
    seq[by_day] = np.arange(log.rows.size)
    return seq


def _first(code: np.ndarray, mask: np.ndarray, values: np.ndarray, n: int, fill):
    """Per contact, ``values`` at the first masked row (rows sorted by contact)."""
    out = np.full(n, fill, dtype=values.dtype if fill is not None else object)
    c, v = code[mask], values[mask]
    if c.size:
        starts = np.flatnonzero(np.r_[True, c[1:] != c[:-1]])
        out[c[starts]] = v[starts]
    return out


def _last(code: np.ndarray, mask: np.ndarray, values: np.ndarray, n: int, fill):
    """Per contact, ``values`` at the last masked row (rows sorted by contact)."""
    out = np.full(n, fill, dtype=values.dtype if fill is not None else object)
    c, v = code[mask], values[mask]
    if c.size:
        ends = np.flatnonzero(np.r_[c[1:] != c[:-1], True])
        out[c[ends]] = v[ends]
    return out


def _max_by(code, mask, values, n, fill=-np.inf):
    out = np.full(n, fill, dtype="float64")
    np.maximum.at(out, code[mask], values[mask].astype("float64"))
    return out


def _count(code, mask, n) -> np.ndarray:
    return np.bincount(code[mask], minlength=n).astype("int64")


def _response_facts(log: _Log) -> dict:
    """Per-contact arrays of first contact and response (all that response tables need)."""
    n, code, day, kind = log.n, log.code, log.day, log.kind
    is_attempt = np.isin(kind, _ATTEMPT)
    f: dict = {"is_attempt": is_attempt}
    f["first_contact"] = _first(code, is_attempt, day, n, np.nan)
    f["first_channel"] = log.channel_text(_first(code, is_attempt, log.channel_code, n, -1))
    contacted = ~np.isnan(f["first_contact"])
    # a response counts from the calendar day of first contact on
    valid = np.isin(kind, _RESPONSE) & (day >= f["first_contact"][code])
    f["valid_response"] = valid
    f["response"] = _first(code, valid, day, n, np.nan)
    responded = ~np.isnan(f["response"])
    f["positive"] = _count(code, valid & np.isin(kind, _POSITIVE), n) > 0
    f["meetings_held"] = _count(code, kind == _HELD, n)
    f["contacted"] = contacted
    f["responded"] = responded
    f["censored"] = contacted & ~responded
    f["days_to_response"] = f["response"] - f["first_contact"]
    f["observed_days"] = np.where(responded, f["days_to_response"],
                                  log.today - f["first_contact"])
    return f


def _facts(log: _Log, *, follow_up_days: int, max_follow_ups: int,
           booster_business_days: int = config.BOOSTER_BUSINESS_DAYS,
           curmudgeon_business_days: int = config.CURMUDGEON_BUSINESS_DAYS,
           response: dict | None = None) -> dict:
    """Per-contact arrays every table is built from (one pass, vectorised);
    ``response``: the :func:`_response_facts` of ``log`` when already made."""
    n, code, day, kind = log.n, log.code, log.day, log.kind
    names = log.kind_names(kind)
    f = dict(response) if response is not None else _response_facts(log)
    is_attempt, valid = f["is_attempt"], f["valid_response"]
    contacted, responded = f["contacted"], f["responded"]
    f["attempts"] = _count(code, is_attempt, n)
    f["last_attempt"] = _last(code, is_attempt, day, n, np.nan)
    f["response_kind"] = _first(code, valid, names, n, "")
    f["latest_response"] = _last(code, valid, day, n, np.nan)
    f["latest_response_kind"] = _last(code, valid, names, n, "")
    held = kind == _HELD
    f["last_meeting"] = _last(code, held, day, n, np.nan)
    f["first_met"] = _first(code, valid & held, day, n, np.nan)
    thanks = (kind == _THANKS) & (day >= f["first_met"][code])
    f["thanked"] = _first(code, thanks, day, n, np.nan)
    keeping = (kind == _UPDATE) & (day >= f["thanked"][code])
    f["keeping"] = _count(code, keeping, n) > 0
    # the current run of unanswered attempts (after the latest response, if any)
    unanswered = is_attempt & ~(day <= f["latest_response"][code])
    f["unanswered"] = _count(code, unanswered, n)
    f["last_unanswered"] = _last(code, unanswered, day, n, np.nan)
    f["last_unanswered_kind"] = _last(code, unanswered, names, n, "")
    f["last_unanswered_channel"] = _last(code, unanswered, log.channel, n, "")
    gone_quiet = (f["censored"] & (f["attempts"] - 1 >= max_follow_ups)
                  & (log.today - f["last_attempt"] >= follow_up_days))
    declined = (f["latest_response_kind"] == REPLY_NO) & (f["meetings_held"] == 0)
    met = ~np.isnan(f["first_met"])
    thanked = ~np.isnan(f["thanked"])
    rank = (contacted.astype(int) + responded + met + (met & thanked)
            + (met & thanked & f["keeping"]))
    f["path_rank"] = rank
    stage = np.asarray(MAIN_PATH, dtype=object)[rank]
    stage = np.where(declined & responded, "declined", stage)
    stage = np.where(gone_quiet, "gone_quiet", stage)
    f["stage"] = stage
    to_response = _busdays_between(f["first_contact"], f["response"])
    waited = _busdays_between(f["first_contact"], np.full(n, log.today))
    booster = responded & (to_response <= booster_business_days)
    curmudgeon = (f["censored"] & (f["attempts"] >= 2)
                  & (waited >= curmudgeon_business_days))
    f["dalton_class"] = np.select(
        [~contacted, booster, responded, curmudgeon],
        ["", "booster", "obligate", "curmudgeon"], default="pending").astype(object)
    f["is_target"] = _is_target(log)
    return f


def _is_target(log: _Log) -> np.ndarray:
    """Per contact: a target has a priority or at least one interaction."""
    priority = log.contacts[PRIORITY] if PRIORITY in log.contacts else pd.Series(
        pd.NA, index=log.contacts.index)
    return priority.notna().to_numpy() | (np.bincount(log.code, minlength=log.n) > 0)


def _check_cadence(follow_up_days, max_follow_ups):
    _check_count(follow_up_days, "follow_up_days", minimum=1)
    _check_count(max_follow_ups, "max_follow_ups")


def _text(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame:
        return pd.Series("", index=frame.index, dtype="str")
    return frame[column].astype("str")


@share_docs
def contact_timeline(contacts: pd.DataFrame, interactions: pd.DataFrame, *, as_of=None,
                     follow_up_days: int = config.FOLLOW_UP_DAYS,
                     max_follow_ups: int = config.MAX_FOLLOW_UPS) -> pd.DataFrame:
    """One row per contact: first contact, response, days to response, stage, class.

    Parameters
    ----------
    {params.contacts_interactions}
    {params.as_of}
    {params.follow_up_days}
    {params.max_follow_ups}

    Returns
    -------
    DataFrame
        In contact order: ``contact_id, name, company, industry, source,
        referred_by, priority, added_on, is_target, contacted, first_contact,
        first_channel, attempts, follow_ups, last_attempt, responded,
        response_date, response_kind, days_to_response, censored, observed_days,
        positive_reply, meetings_held, stage, dalton_class``. Dates are calendar
        dates (``NaT`` when absent); ``days_to_response`` and ``observed_days``
        are nullable integers (``<NA>`` when not responded / not contacted).
    """
    from .campaign import Cadence, Campaign
    cadence = Cadence(follow_up_days=follow_up_days, max_follow_ups=max_follow_ups)
    return Campaign(contacts, interactions, as_of=as_of, cadence=cadence).timeline()


def _timeline_table(log: _Log, f: dict) -> pd.DataFrame:
    """The table of :func:`contact_timeline` from a prepared log and its facts."""
    c = log.contacts
    out = pd.DataFrame({
        CONTACT_ID: _text(c, CONTACT_ID),
        NAME: _text(c, NAME),
        COMPANY: _text(c, COMPANY),
        INDUSTRY: _text(c, INDUSTRY),
        SOURCE: _text(c, SOURCE),
        REFERRED_BY: _text(c, REFERRED_BY),
        PRIORITY: c[PRIORITY] if PRIORITY in c else pd.array([pd.NA] * len(c), "Int64"),
        ADDED_ON: c[ADDED_ON],
    })
    out["is_target"] = f["is_target"]
    out["contacted"] = f["contacted"]
    out["first_contact"] = _from_days(f["first_contact"])
    out["first_channel"] = pd.array(f["first_channel"], dtype="str")
    out["attempts"] = f["attempts"]
    out["follow_ups"] = np.maximum(f["attempts"] - 1, 0)
    out["last_attempt"] = _from_days(f["last_attempt"])
    out["responded"] = f["responded"]
    out["response_date"] = _from_days(f["response"])
    out["response_kind"] = pd.array(f["response_kind"], dtype="str")
    out["days_to_response"] = pd.array(
        np.where(f["responded"], f["days_to_response"], np.nan), dtype="Float64"
    ).astype("Int64")
    out["censored"] = f["censored"]
    out["observed_days"] = pd.array(f["observed_days"], dtype="Float64").astype("Int64")
    out["positive_reply"] = f["positive"]
    out["meetings_held"] = f["meetings_held"]
    out["stage"] = pd.array(f["stage"], dtype="str")
    out["dalton_class"] = pd.array(f["dalton_class"], dtype="str")
    return out


# --- response by group -------------------------------------------------------------
def _group_labels(timeline: pd.DataFrame, by: str) -> pd.Series:
    if by == "month":
        labels = timeline["first_contact"].dt.strftime("%Y-%m")
        labels = labels.where(timeline["first_contact"].notna(), "")
    elif by == "channel":
        labels = timeline["first_channel"]
    else:
        labels = timeline[by]
    labels = labels.astype("str")
    return labels.where(labels != "", NO_GROUP_LABELS[by])


def _light_timeline(log: _Log, f: dict) -> pd.DataFrame:
    """The columns of :func:`contact_timeline` that response tables use, and no more,
    from a prepared log and its :func:`_response_facts`."""
    c = log.contacts
    return pd.DataFrame({
        COMPANY: _text(c, COMPANY), INDUSTRY: _text(c, INDUSTRY), SOURCE: _text(c, SOURCE),
        "contacted": f["contacted"], "first_contact": _from_days(f["first_contact"]),
        "first_channel": pd.array(f["first_channel"], dtype="str"),
        "responded": f["responded"], "observed_days": f["observed_days"],
        "positive_reply": f["positive"], "meetings_held": f["meetings_held"],
    })


def _response_table(timeline: pd.DataFrame, by: str, *, order: str) -> pd.DataFrame:
    sub = timeline[timeline["contacted"]]
    labels = _group_labels(sub, by)
    # groups as integer codes in name order (Arrow text sorts by code point, as str does)
    codes, names = pd.factorize(labels, sort=True)
    k = len(names)

    def total(values) -> np.ndarray:
        return np.bincount(codes, weights=np.asarray(values, dtype="float64"),
                           minlength=k).astype("int64")

    table = pd.DataFrame({
        "contacted": np.bincount(codes, minlength=k).astype("int64"),
        "responded": total(sub["responded"].to_numpy()),
        "positive_replies": total(sub["positive_reply"].to_numpy()),
        "meetings_held": total(sub["meetings_held"].to_numpy()),
    }, index=pd.Index(names, dtype="str"))
    d, e, g, _ = _km_inputs(sub["observed_days"].to_numpy(dtype="float64"),
                            sub["responded"].to_numpy(), None)
    table["median_days_to_response"] = _km_medians(d, e, codes.astype("int64"), k)
    table["response_rate"] = table["responded"] / table["contacted"]
    low, high = wilson_interval(table["responded"].to_numpy(), table["contacted"].to_numpy())
    table["ci_low"], table["ci_high"] = low, high
    table.index.name = by
    table = table.reset_index()
    table[by] = table[by].astype("str")
    for col in RESPONSE_COUNT_COLUMNS:
        table[col] = table[col].astype("int64")
    if order == "fastest":
        table = table.assign(_unreached=table["median_days_to_response"].isna()).sort_values(
            ["_unreached", "median_days_to_response", "response_rate", by],
            ascending=[True, True, False, True], kind="stable").drop(columns="_unreached")
    return table[[by, *RESPONSE_COLUMNS]].reset_index(drop=True)


__all__ += ["SURVIVAL_COLUMNS", "survival_table"]


@share_docs
def survival_table(timeline: pd.DataFrame, *, by: str = "company", top: int = 5
                   ) -> pd.DataFrame:
    """Kaplan–Meier curves of time to response for the ``top`` largest groups.

    The groups with the most people contacted (ties by name) are kept; curves
    come fastest first (Kaplan–Meier median, *not reached* last, then name).

    Parameters
    ----------
    timeline : DataFrame
        From :func:`contact_timeline` (``contacted``, ``responded``,
        ``observed_days`` and the grouping column are used).
    {params.by}
    top : int
        How many groups to keep.

    Returns
    -------
    DataFrame
        ``<by>, contacted, median_days_to_response, time, at_risk, events,
        censored, survival``: one row per group and distinct time (as in
        :func:`kaplan_meier`), groups in curve order, times ascending;
        ``contacted`` and ``median_days_to_response`` (``NaN``: not reached)
        repeat on each row of a group. Empty when nobody was contacted.
    """
    _check_choice(by, GROUPINGS, "by")
    _check_count(top, "top")
    sub = timeline[timeline["contacted"]]
    labels = _group_labels(sub, by) if len(sub) else pd.Series([], dtype="str")
    sizes = labels.value_counts()
    chosen = sorted(sizes.index, key=lambda g: (-sizes[g], g))[:top]
    if not chosen:
        return pd.DataFrame({
            by: pd.Series([], dtype="str"), "contacted": pd.Series([], dtype="int64"),
            **{col: pd.Series([], dtype="float64") for col in SURVIVAL_COLUMNS[1:]
               if col != "contacted"}})[[by, *SURVIVAL_COLUMNS]]
    pick = labels.isin(chosen).to_numpy()
    days = sub["observed_days"].to_numpy(dtype=float)[pick]
    responded = sub["responded"].to_numpy()[pick]
    groups = labels.to_numpy(dtype=object)[pick]
    km = kaplan_meier(days, responded, groups=groups)
    medians = km_median(days, responded, groups=groups)
    order = sorted(chosen, key=lambda g: (np.isnan(medians[g]),
                                          medians[g] if not np.isnan(medians[g]) else 0, g))
    rank = km["group"].map({g: i for i, g in enumerate(order)}).to_numpy()
    km = km.iloc[np.lexsort((km["time"].to_numpy(), rank))].reset_index(drop=True)
    group = km["group"].to_numpy(dtype=object)
    out = pd.DataFrame({
        by: pd.array(group, dtype="str"),
        "contacted": sizes.reindex(group).to_numpy().astype("int64"),
        "median_days_to_response": medians.reindex(group).to_numpy(dtype=float),
    })
    for col in KM_COLUMNS:
        out[col] = km[col].to_numpy()
    return out


@share_docs
def response_by(contacts: pd.DataFrame, interactions: pd.DataFrame, *, by: str = "company",
                as_of=None) -> pd.DataFrame:
    """Response rate and speed per group of contacted people.

    Parameters
    ----------
    {params.contacts_interactions}
    {params.by}
    {params.as_of}

    Returns
    -------
    DataFrame
        ``<by>, contacted, responded, response_rate, ci_low, ci_high,
        positive_replies, meetings_held, median_days_to_response``; rates are
        fractions with a Wilson 95% interval, the median is the Kaplan–Meier
        median days to response (``NaN`` when not reached). Groups where nobody
        was contacted are left out; an empty value is its own group, e.g.
        ``(no company)``. Rows are in fastest-responder order
        (see :func:`fastest_responders`), except ``by="month"``: calendar order.

    Raises
    ------
    ParameterError
        When ``by`` or ``as_of`` is not allowed.
    """
    _check_choice(by, GROUPINGS, "by")
    from .campaign import Campaign
    return Campaign(contacts, interactions, as_of=as_of).response_by(by)


@share_docs
def fastest_responders(contacts: pd.DataFrame, interactions: pd.DataFrame, *,
                       by: str = "company", as_of=None, top: int | None = None
                       ) -> pd.DataFrame:
    """Groups ordered by how fast they answer, counting the people who never did.

    Order: Kaplan–Meier median days to response (not reached last), then the
    higher response rate, then the name. A company where one of three people
    answered in a day and two never did has no median (not reached) and ranks
    below one where three of three answered within five days.

    Parameters
    ----------
    {params.contacts_interactions}
    {params.by}
    {params.as_of}
    top : int, optional
        Keep only the first ``top`` rows.

    Returns
    -------
    DataFrame
        The columns of :func:`response_by`.
    """
    _check_choice(by, GROUPINGS, "by")
    if top is not None:
        _check_count(top, "top")
    from .campaign import Campaign
    return Campaign(contacts, interactions, as_of=as_of).fastest_responders(by, top=top)


# --- funnel ------------------------------------------------------------------------
@share_docs
def funnel(contacts: pd.DataFrame, interactions: pd.DataFrame, *, as_of=None,
           follow_up_days: int = config.FOLLOW_UP_DAYS,
           max_follow_ups: int = config.MAX_FOLLOW_UPS) -> pd.DataFrame:
    """How far the campaign's targets got (DESIGN.md's ``funnel.csv``).

    Parameters
    ----------
    {params.contacts_interactions}
    {params.as_of}
    {params.follow_up_days}
    {params.max_follow_ups}

    Returns
    -------
    DataFrame
        ``stage, current, reached``, one row per stage of :data:`STAGES`.
        ``current`` counts targets whose stage it is now; on the main path
        ``reached`` counts targets that got at least that far (a declined contact
        reached ``responded``, one gone quiet reached ``contacted``); for the two
        off-path stages ``reached`` equals ``current``. Only targets count:
        contacts with a priority or at least one interaction.
    """
    from .campaign import Cadence, Campaign
    cadence = Cadence(follow_up_days=follow_up_days, max_follow_ups=max_follow_ups)
    return Campaign(contacts, interactions, as_of=as_of, cadence=cadence).funnel()


def _funnel_table(f: dict) -> pd.DataFrame:
    """The table of :func:`funnel` from a log's facts."""
    target = f["is_target"]
    stage = pd.Categorical(f["stage"][target], categories=STAGES)
    current = pd.Series(stage).value_counts(sort=False).reindex(STAGES, fill_value=0)
    rank_counts = np.bincount(f["path_rank"][target], minlength=len(MAIN_PATH))
    reached_main = rank_counts[::-1].cumsum()[::-1]
    reached = np.r_[reached_main, current[list(OFF_PATH)].to_numpy()]
    return pd.DataFrame({
        "stage": pd.array(STAGES, dtype="str"),
        "current": current.to_numpy().astype("int64"),
        "reached": reached.astype("int64"),
    })


# --- network -----------------------------------------------------------------------
@share_docs
def network_growth(contacts: pd.DataFrame, interactions: pd.DataFrame, *, as_of=None
                   ) -> pd.DataFrame:
    """People added per week: total, cumulative, by source, targets vs. wider network.

    Parameters
    ----------
    {params.contacts_interactions}
    {params.as_of}

    Returns
    -------
    DataFrame
        One row per week (``week`` is its Monday), every week from the first
        contact added to ``as_of``: ``week, added, cumulative, targets, network,
        cumulative_targets, cumulative_network, referred, cumulative_referred,
        referral_share`` (cumulative share of people who came by referral),
        then ``source_<source>`` counts for each source that occurs (in the
        order of ``schema.SOURCES``; ``source_unknown`` for an empty source).
    """
    from .campaign import Campaign
    return Campaign(contacts, interactions, as_of=as_of).growth()


def _growth_table(log: _Log, is_target: np.ndarray) -> pd.DataFrame:
    """The table of :func:`network_growth` from a prepared log."""
    c = log.contacts
    base = list(GROWTH_COLUMNS)
    if len(c) == 0:
        return pd.DataFrame({col: pd.Series([], dtype="datetime64[us]" if col == "week"
                                            else "float64" if col == "referral_share"
                                            else "int64") for col in base})
    added = c[ADDED_ON].dt.normalize()
    week = added - pd.to_timedelta(added.dt.day_of_week, unit="D")
    last_week = log.as_of - pd.Timedelta(days=log.as_of.weekday())
    weeks = pd.date_range(week.min(), last_week, freq="7D")
    src = _text(c, SOURCE).str.strip().replace("", "unknown")
    referred = _text(c, REFERRED_BY).str.strip() != ""
    parts = {
        "added": pd.Series(1, index=c.index),
        "targets": pd.Series(is_target.astype(int), index=c.index),
        "network": pd.Series((~is_target).astype(int), index=c.index),
        "referred": referred.astype(int),
    }
    table = pd.DataFrame(parts).groupby(week.to_numpy()).sum().reindex(weeks, fill_value=0)
    by_source = pd.crosstab(week.to_numpy(), src.to_numpy()).reindex(weeks, fill_value=0)
    source_order = [s for s in (*SOURCES, "unknown") if s in by_source.columns]
    by_source = by_source[source_order].add_prefix(f"{SOURCE}_")
    out = pd.DataFrame({"week": weeks})
    out["added"] = table["added"].to_numpy()
    out["cumulative"] = out["added"].cumsum()
    out["targets"] = table["targets"].to_numpy()
    out["network"] = table["network"].to_numpy()
    out["cumulative_targets"] = out["targets"].cumsum()
    out["cumulative_network"] = out["network"].cumsum()
    out["referred"] = table["referred"].to_numpy()
    out["cumulative_referred"] = out["referred"].cumsum()
    out["referral_share"] = out["cumulative_referred"] / out["cumulative"].where(
        out["cumulative"] > 0)
    out = pd.concat([out, by_source.reset_index(drop=True).astype("int64")], axis=1)
    for col in base:
        if col not in ("week", "referral_share"):
            out[col] = out[col].astype("int64")
    return out


def referral_chains(contacts: pd.DataFrame, *, as_of=None) -> pd.DataFrame:
    """Who referred whom: each contact's chain of referrals back to its root.

    Parameters
    ----------
    contacts : DataFrame
        The typed contacts of a log (``ContactLog.contacts``).
    as_of : str, date or None
        The day the log is read as of (default today); contacts added after it
        are ignored (a referrer added later makes its referrals roots).

    Returns
    -------
    DataFrame
        In contact order: ``contact_id, name, company, referred_by, depth`` (0 for
        a contact nobody referred, 1 for someone they referred, …), ``root`` (the
        contact_id the chain starts from), ``referrals`` (people this contact
        referred directly) and ``chain_size`` (people in the same tree). A
        contact caught in a referral loop has ``depth`` ``<NA>`` and an empty root.
    """
    return _chains_table(contacts, resolve_as_of(as_of))


def _chains_table(contacts: pd.DataFrame, as_of: pd.Timestamp) -> pd.DataFrame:
    """The table of :func:`referral_chains` (``as_of`` already resolved)."""
    c = contacts[~(contacts[ADDED_ON] > as_of)].reset_index(drop=True)
    n = len(c)
    ids = pd.Index(c[CONTACT_ID].astype(str))
    ref = _text(c, REFERRED_BY).str.strip()
    parent = _referrers(c[CONTACT_ID].astype(str), ref)
    # pointer doubling: log2(n) rounds of "jump to my ancestor's ancestor"
    anc = parent.copy()
    dist = (parent >= 0).astype("int64")
    top = np.where(parent >= 0, parent, np.arange(n))
    for _ in range(int(np.ceil(np.log2(max(n, 2)))) + 2):
        has = anc >= 0
        if not has.any():
            break
        a = anc[has]
        new_dist, new_anc, new_top = dist.copy(), anc.copy(), top.copy()
        new_dist[has] = dist[has] + dist[a]
        new_top[has] = top[a]
        new_anc[has] = anc[a]
        dist, anc, top = new_dist, new_anc, new_top
    loop = anc >= 0
    depth = pd.array(np.where(loop, np.nan, dist), dtype="Float64").astype("Int64")
    root = np.where(loop, "", ids.to_numpy(dtype=object)[top] if n else np.array([], object))
    referrals = np.bincount(parent[parent >= 0], minlength=n)
    root_codes = np.where(loop, -1, top)
    sizes = np.bincount(root_codes[root_codes >= 0], minlength=n)
    chain_size = np.where(loop, 0, sizes[np.where(loop, 0, top)] if n else sizes)
    return pd.DataFrame({
        CONTACT_ID: ids.astype("str"),
        NAME: _text(c, NAME),
        COMPANY: _text(c, COMPANY),
        REFERRED_BY: ref,
        "depth": depth,
        "root": pd.array(root, dtype="str"),
        "referrals": referrals.astype("int64"),
        "chain_size": chain_size.astype("int64"),
    })


@share_docs
def summarize(contacts: pd.DataFrame, interactions: pd.DataFrame, *, as_of=None) -> dict:
    """The campaign in a few numbers (DESIGN.md's ``summary.json``).

    Parameters
    ----------
    {params.contacts_interactions}
    {params.as_of}

    Returns
    -------
    dict
        ``as_of`` (ISO date), ``contacts``, ``targets``, ``contacted``,
        ``responded``, ``response_rate`` (fraction, ``None`` when nobody was
        contacted), ``positive_replies``, ``meetings_held`` (``meeting_held``
        interactions), ``referrals`` (contacts with ``referred_by`` set) and
        ``referrals_per_meeting`` (``None`` without meetings). Plain Python
        values, ready for ``json.dump``.
    """
    from .campaign import Campaign
    return Campaign(contacts, interactions, as_of=as_of).summary()


def _summary(log: _Log, f: dict, is_target: np.ndarray) -> dict:
    """The numbers of :func:`summarize` from a log and its :func:`_response_facts`."""
    contacted = int(f["contacted"].sum())
    responded = int(f["responded"].sum())
    meetings = int(f["meetings_held"].sum())
    referrals = int((_text(log.contacts, REFERRED_BY).str.strip() != "").sum())
    return {
        "as_of": log.as_of.date().isoformat(),
        "contacts": int(log.n),
        "targets": int(is_target.sum()),
        "contacted": contacted,
        "responded": responded,
        "response_rate": responded / contacted if contacted else None,
        "positive_replies": int((f["positive"] & f["contacted"]).sum()),
        "meetings_held": meetings,
        "referrals": referrals,
        "referrals_per_meeting": referrals / meetings if meetings else None,
    }


# --- what is due -------------------------------------------------------------------
def _fmt_days(days: np.ndarray) -> np.ndarray:
    """float days → ISO date strings (object array); each distinct day formatted once."""
    whole = np.nan_to_num(np.asarray(days, dtype="float64")).astype("int64")
    if whole.size == 0:
        return np.empty(0, dtype=object)
    distinct, at = np.unique(whole, return_inverse=True)
    return np.asarray((_EPOCH + distinct).astype(str), dtype=object)[at.reshape(-1)]


def _who_columns(c: pd.DataFrame, who: np.ndarray) -> dict:
    """``contact_id, name, company`` of the contacts at positions ``who`` (one per row)."""
    return {CONTACT_ID: _take_text(c[CONTACT_ID].astype(str), who),
            NAME: _take_text(_text(c, NAME), who), COMPANY: _take_text(_text(c, COMPANY), who)}


def _take_text(col: pd.Series, at: np.ndarray):
    """``col``'s texts at positions ``at`` as a ``str`` array (an Arrow take on Arrow text)."""
    arr = _arrow(col)
    if arr is None:
        return _str_array(col.to_numpy(dtype=object)[at])
    return _str_array(arr.take(np.asarray(at, dtype="int64")))


def _str_array(values):
    """Texts (an object array of ``str``, or Arrow text) as a pandas ``str`` array, made
    by Arrow in one pass (``pd.array(values, dtype="str")`` checks every item in Python)."""
    import pyarrow as pa

    if not isinstance(values, (pa.Array, pa.ChunkedArray)):
        values = pa.array(values, type=pa.string())
    return pd.Series(values, dtype=pd.StringDtype("pyarrow", na_value=np.nan)).array


def _rows(who: np.ndarray, action: str, due: np.ndarray, channel, reason) -> dict:
    """One part of the due list as plain arrays (joined by :func:`_join_rows`)."""
    who = np.asarray(who, dtype="int64")
    return {"code": who, "action": np.full(who.size, ACTIONS.index(action), dtype="int64"),
            "due": np.asarray(due, dtype="float64").reshape(-1),
            CHANNEL: np.asarray(channel, dtype=object).reshape(-1),
            "reason": np.broadcast_to(np.asarray(reason, dtype=object), who.shape)}


def _join_rows(parts: list[dict]) -> dict:
    return {key: np.concatenate([p[key] for p in parts]) for key in parts[0]}


def _meeting_ahead(log: _Log) -> np.ndarray:
    """Per contact: the latest ``meeting_scheduled`` is for ``as_of`` or later and not
    held yet (the rule of :func:`upcoming_meetings`)."""
    n, code, kind = log.n, log.code, log.kind
    sched = kind == _SCHEDULED
    if not sched.any():
        return np.zeros(n, dtype=bool)
    when = np.full(code.size, np.nan)
    rows = np.flatnonzero(sched)
    when[rows] = _to_days(log.column(SCHEDULED_FOR).iloc[rows].to_numpy())
    latest = _last(code, sched, when, n, np.nan)
    held = _max_by(code, kind == _HELD, log.day, n)
    return (latest >= log.today) & ~(held >= latest)


def _answer_owes_thanks(log: _Log, seq: np.ndarray, is_outbound: np.ndarray):
    """Per contact: does the latest response still owe a thank-you, its day and kind.

    "Latest" and "after" follow (calendar day, file row) order (``seq``). The
    thank-you is owed until a ``thank_you`` or ``update`` dated on or after the
    response's day, or an attempt after it; a plain ``reply``, ``reply_no`` or
    ``reply_later`` answering your own thank-you or update owes none (no endless
    round of thanks for "you're welcome"), and while a meeting with them is still
    ahead the thank-you waits for the meeting.
    """
    n, code, day, kind = log.n, log.code, log.day, log.kind
    owe = np.zeros(n, dtype=bool)
    answer_day = np.full(n, np.nan)
    answer_kind = np.full(n, "", dtype=object)
    is_response = np.isin(kind, _RESPONSE)
    if not is_response.any():
        return owe, answer_day, answer_kind
    row_at = np.empty(seq.size, dtype="int64")
    row_at[seq] = np.arange(seq.size)
    last_seq = _max_by(code, is_response, seq, n)
    has = np.isfinite(last_seq)
    pick = row_at[last_seq[has].astype("int64")]
    answer_day[has] = day[pick]
    answer_kind[has] = log.kind_names(kind[pick])
    their_seq = np.where(has, last_seq, np.inf)[code]
    their_day = answer_day[code]
    thanked = np.isin(kind, (_THANKS, _UPDATE)) & (day >= their_day)
    answered = np.isin(kind, _ATTEMPT) & (seq > their_seq)
    cleared = _count(code, thanked | answered, n) > 0
    before = _max_by(code, is_outbound & (seq < their_seq), seq, n)
    prev_kind = np.full(n, -1, dtype="int16")
    had = np.isfinite(before)
    prev_kind[had] = kind[row_at[before[had].astype("int64")]]
    courtesy = (np.isin(prev_kind, (_THANKS, _UPDATE))
                & np.isin(answer_kind, (REPLY, REPLY_NO, REPLY_LATER)))
    owe = has & ~cleared & ~courtesy & ~_meeting_ahead(log)
    return owe, answer_day, answer_kind


@share_docs
def followups_due(contacts: pd.DataFrame, interactions: pd.DataFrame, *, as_of=None,
                  follow_up_days: int = config.FOLLOW_UP_DAYS,
                  max_follow_ups: int = config.MAX_FOLLOW_UPS,
                  update_every_days: int = config.UPDATE_EVERY_DAYS,
                  mode: str = DEFAULT_MODE,
                  follow_up_business_days: int = config.CURMUDGEON_BUSINESS_DAYS,
                  next_contact_business_days: int = config.THREE_B_SEVEN_NEXT_DAYS
                  ) -> pd.DataFrame:
    """Everything due on or before ``as_of`` (DESIGN.md's ``followups_due.csv``).

    The cadence (DESIGN.md §3), one row per contact and action:

    - ``follow_up`` — ``follow_up_days`` after the last unanswered attempt
      (attempts after the latest response, or all when there is none). After
      the first attempt of such a run, at most ``max_follow_ups`` follow-ups are
      asked for; then the contact has gone quiet and nothing more is due.
    - ``resend`` — at once after a ``snafu``, until an attempt, thank-you or
      update is logged after it (on a later day, or the same day further down
      the file). A pending resend replaces the follow-up.
    - ``thank_you`` — the day after the latest ``meeting_held``, until a
      ``thank_you`` dated that day or later is logged (the reason also says to
      connect on LinkedIn). Otherwise the day after the latest response of any
      kind (a yes, a no, a later, a referral, a reply, a scheduled meeting),
      until a ``thank_you`` or ``update`` dated that day or later, or a new
      attempt after it, is logged; a ``reply``, ``reply_no`` or ``reply_later``
      that answers your own thank-you or update asks for no new one, and
      while a scheduled meeting is still ahead the thank-you waits for it. One
      row per contact.
    - ``update`` — ``update_every_days`` after the latest ``meeting_held``,
      ``thank_you`` or ``update`` (not while a thank-you is still owed).
    - ``tell_referrer`` — on the referrer's row, from the day someone they
      referred responded until an ``update`` to the referrer is logged on or
      after that day (one row per referrer; the reason names the first).
    - ``outreach_next`` (``mode="3b7"`` only) — ``next_contact_business_days``
      business days after the latest first contact at a company where nobody
      has responded, the next target there not yet contacted (priority 1 first,
      then the earliest added, then contact_id). In 3B7 mode the follow-up is
      due ``follow_up_business_days`` business days after the last unanswered
      attempt instead of ``follow_up_days`` calendar days.

    Logging the action (the right kind) makes its row disappear.

    Parameters
    ----------
    {params.contacts_interactions}
    {params.as_of}
    {params.follow_up_days}
    {params.max_follow_ups}
    update_every_days : int
        Days between updates after the last meeting, thank-you or update.
    mode : {"default", "3b7"}
        The follow-up cadence; ``"3b7"`` is Steve Dalton's routine.
    follow_up_business_days : int
        3B7 mode: business days after the last unanswered attempt before a follow-up.
    next_contact_business_days : int
        3B7 mode: business days without a response before the next person at
        the same company is due.

    Returns
    -------
    DataFrame
        ``contact_id, name, company, action, due_on, overdue_days, channel,
        reason``, sorted by ``due_on``, then action (as in :data:`ACTIONS`),
        then name. ``channel`` is the one used last with that person (empty when
        unknown); ``reason`` names dates, kinds and contact_ids, never notes.
    """
    from .campaign import Cadence, Campaign
    cadence = Cadence(follow_up_days=follow_up_days, max_follow_ups=max_follow_ups,
                      update_every_days=update_every_days, mode=mode,
                      follow_up_business_days=follow_up_business_days,
                      next_contact_business_days=next_contact_business_days)
    return Campaign(contacts, interactions, as_of=as_of, cadence=cadence).due()


def _due_table(log: _Log, f: dict, cadence: "Cadence") -> pd.DataFrame:
    """The table of :func:`followups_due` from a prepared log, its facts and a cadence."""
    follow_up_days, max_follow_ups = cadence.follow_up_days, cadence.max_follow_ups
    update_every_days, mode = cadence.update_every_days, cadence.mode
    follow_up_business_days = cadence.follow_up_business_days
    next_contact_business_days = cadence.next_contact_business_days
    n, code, day, kind = log.n, log.code, log.day, log.kind
    seq = _file_order_rank(log)
    everyone = np.arange(n)
    parts = []

    # resend after a snafu: pending while no outbound comes later in (day, file row) order
    is_outbound = np.isin(kind, _OUTBOUND)
    snafu = kind == _SNAFU
    last_snafu_seq = _max_by(code, snafu, seq, n)
    last_out_seq = _max_by(code, is_outbound, seq, n)
    resend = np.isfinite(last_snafu_seq) & (last_snafu_seq > last_out_seq)
    snafu_day = _last(code, snafu, day, n, np.nan)
    snafu_channel = _last(code, snafu, log.channel, n, "")
    out_channel = _last(code, is_outbound & (log.channel != ""), log.channel, n, "")
    snafu_channel = np.where(snafu_channel == "", out_channel, snafu_channel)
    parts.append(_rows(
        everyone[resend], RESEND_ACTION, snafu_day[resend], snafu_channel[resend],
        "snafu logged on " + _fmt_days(snafu_day[resend])
        + ": the last message may not have arrived; send it again"))

    # follow-up after the last unanswered attempt
    done = f["unanswered"] - 1
    last_un = f["last_unanswered"]
    if mode == DALTON_MODE:
        due = _add_busdays(last_un, follow_up_business_days)
        wait = f"{follow_up_business_days} business days"
    else:
        due = last_un + follow_up_days
        wait = f"{follow_up_days} days"
    want = (f["unanswered"] > 0) & (done < max_follow_ups) & ~resend & (due <= log.today)
    who = everyone[want]
    parts.append(_rows(
        who, FOLLOW_UP_ACTION, due[want], f["last_unanswered_channel"][want],
        "no reply " + wait + " after " + f["last_unanswered_kind"][want].astype(object)
        + " on " + _fmt_days(last_un[want]) + "; follow-up "
        + (done[want] + 1).astype(str).astype(object) + f" of {max_follow_ups}"))

    # thank-you the day after the latest meeting held
    last_meeting = f["last_meeting"]
    thanks_after = _count(code, (kind == _THANKS) & (day >= last_meeting[code]), n) > 0
    owe_meeting = ~np.isnan(last_meeting) & ~thanks_after
    # ... and the day after any other answer (a yes, a no, a later, a referral, a reply)
    owe_answer, answer_day, answer_kind = _answer_owes_thanks(log, seq, is_outbound)
    owe_answer &= ~owe_meeting                 # one row: the meeting's thank-you comes first
    owe_thanks = owe_meeting | owe_answer
    thank_day = np.where(owe_meeting, last_meeting, answer_day)
    now = owe_thanks & (thank_day + 1 <= log.today)
    parts.append(_rows(
        everyone[now], THANK_YOU_ACTION, thank_day[now] + 1, out_channel[now],
        np.where(owe_meeting[now],
                 "met on " + _fmt_days(thank_day[now]) + "; no thank-you logged since"
                 "; then invite them to connect on LinkedIn",
                 "answered (" + answer_kind[now].astype(object) + ") on "
                 + _fmt_days(thank_day[now]) + "; no thank-you logged since")))

    # an update every update_every_days after the last meeting, thank-you or update
    anchor_kinds = np.isin(kind, _ANCHOR)
    anchor = _last(code, anchor_kinds, day, n, np.nan)   # days ascend within a contact
    anchor_kind = _last(code, anchor_kinds & (day == anchor[code]), log.kind_names(kind), n, "")
    owe_update = ~np.isnan(anchor) & ~owe_thanks & (anchor + update_every_days <= log.today)
    parts.append(_rows(
        everyone[owe_update], UPDATE_ACTION, anchor[owe_update] + update_every_days,
        out_channel[owe_update],
        "last " + anchor_kind[owe_update].astype(object) + " on "
        + _fmt_days(anchor[owe_update]) + f"; keep in touch every {update_every_days} days"))

    # tell the referrer when someone they referred responded
    cids = log.contacts[CONTACT_ID].astype(str)
    ids = pd.Index(cids)
    referrer = _referrers(cids, _text(log.contacts, REFERRED_BY).str.strip())
    last_update = _max_by(code, kind == _UPDATE, day, n, -np.inf)
    news = (referrer >= 0) & f["responded"]
    news &= ~(last_update[np.where(referrer >= 0, referrer, 0)] >= f["response"])
    if news.any():
        tell = pd.DataFrame({"code": referrer[news], "due": f["response"][news],
                             "who": ids.to_numpy(dtype=object)[news],
                             "kind": f["response_kind"][news]})
        tell = tell.sort_values(["code", "due", "who"], kind="stable")
        g = tell.groupby("code", sort=True)
        head = g.first()
        more = g.size() - 1
        extra = np.where(more > 0, " (and " + more.astype(str) + " more)", "")
        parts.append(_rows(
            head.index.to_numpy(), TELL_REFERRER_ACTION, head["due"].to_numpy(),
            out_channel[head.index.to_numpy()],
            "their referral " + head["who"].to_numpy(dtype=object) + " responded ("
            + head["kind"].to_numpy(dtype=object) + ") on "
            + _fmt_days(head["due"].to_numpy()) + extra.astype(object)
            + "; send them an update"))

    # 3B7: the next person at a company that has not answered
    if mode == DALTON_MODE:
        company = _text(log.contacts, COMPANY).str.strip()
        has_company = (company != "").to_numpy()
        comp_codes, _ = pd.factorize(company)
        per = pd.DataFrame({
            "company": comp_codes, "contacted": f["contacted"], "responded": f["responded"],
            "first": f["first_contact"], "channel": f["first_channel"],
        })[has_company]
        if len(per):
            g = per.groupby("company")
            stuck = (g["contacted"].any() & ~g["responded"].any())
            latest = per[per["contacted"]].sort_values("first", kind="stable").groupby(
                "company").last()
            priority = log.contacts[PRIORITY] if PRIORITY in log.contacts else pd.Series(
                pd.NA, index=log.contacts.index, dtype="Int64")
            cand = pd.DataFrame({
                "company": comp_codes, "code": everyone,
                "priority": priority.astype("Float64").fillna(np.inf).to_numpy(dtype=float),
                "added": _to_days(log.contacts[ADDED_ON]),
                "cid": ids.to_numpy(dtype=object),
            })[has_company & f["is_target"] & ~f["contacted"]]
            cand = cand[cand["company"].map(stuck).fillna(False).astype(bool)]
            pick = np.lexsort((cand["cid"].to_numpy(dtype=object), cand["added"].to_numpy(),
                               cand["priority"].to_numpy(), cand["company"].to_numpy()))
            nxt = cand.iloc[pick].groupby("company").first()
            if len(nxt):
                lat = latest.reindex(nxt.index)
                start = lat["first"].to_numpy(dtype=float)
                due = _add_busdays(start, next_contact_business_days)
                parts.append(_rows(
                    nxt["code"].to_numpy(), OUTREACH_NEXT_ACTION, due,
                    lat["channel"].to_numpy(dtype=object),
                    f"no response at the company {next_contact_business_days} business "
                    "days after first contact on " + _fmt_days(start)
                    + "; reach the next person there"))

    rows = _join_rows(parts)
    keep = rows["due"] <= log.today
    rows = {key: values[keep] for key, values in rows.items()}
    who = _who_columns(log.contacts, rows["code"])
    # by due day, then action (as in ACTIONS), then name, then contact_id: one stable
    # Arrow sort (UTF-8 byte order is code point order, as Python compares text)
    import pyarrow as pa
    import pyarrow.compute as pc
    order = pc.sort_indices(pa.table({
        "due": rows["due"], "rank": rows["action"],
        "name": pa.array(who[NAME]), "id": pa.array(who[CONTACT_ID])}),
        sort_keys=[("due", "ascending"), ("rank", "ascending"), ("name", "ascending"),
                   ("id", "ascending")]).to_numpy()
    rows = {key: values[order] for key, values in rows.items()}
    out = pd.DataFrame({
        **{key: col.take(order) for key, col in who.items()},
        "action": _str_array(pa.array(ACTIONS, type=pa.string()).take(rows["action"])),
        "due_on": _from_days(rows["due"]),
        "overdue_days": (log.today - rows["due"]).astype("int64"),
        CHANNEL: _str_array(rows[CHANNEL]),
        "reason": _str_array(rows["reason"]),
    })
    return out[list(FOLLOWUP_COLUMNS)]


@share_docs
def upcoming_meetings(contacts: pd.DataFrame, interactions: pd.DataFrame, *, as_of=None
                      ) -> pd.DataFrame:
    """Meetings scheduled for ``as_of`` or later, from ``meeting_scheduled`` rows.

    Only the latest ``meeting_scheduled`` row of each contact counts (logging a
    new one reschedules); a meeting is dropped once a ``meeting_held`` is
    logged on or after its day.

    Parameters
    ----------
    {params.contacts_interactions}
    {params.as_of}

    Returns
    -------
    DataFrame
        ``contact_id, name, company, interaction_id, scheduled_for, place,
        channel``, soonest first.
    """
    from .campaign import Campaign
    return Campaign(contacts, interactions, as_of=as_of).meetings()


def _meetings_table(log: _Log) -> pd.DataFrame:
    """The table of :func:`upcoming_meetings` from a prepared log."""
    n, code, day, kind = log.n, log.code, log.day, log.kind
    when = pd.Series(np.asarray(pd.to_datetime(log.column(SCHEDULED_FOR))
                                ).astype("datetime64[us]"))
    sched = _to_days(when)
    latest = _last(code, kind == _SCHEDULED, np.arange(code.size), n, -1)
    pick = latest[latest >= 0]
    held_day = _max_by(code, kind == _HELD, day, n, -np.inf)
    keep = (sched[pick] >= log.today) & ~(held_day[code[pick]] >= sched[pick])
    pick = pick[keep]
    out = pd.DataFrame({
        **_who_columns(log.contacts, code[pick]),
        INTERACTION_ID: pd.array(log.column(INTERACTION_ID).to_numpy(dtype=object)[pick],
                                 dtype="str"),
        SCHEDULED_FOR: when.iloc[pick].reset_index(drop=True),
        PLACE: pd.array(log.column(PLACE).astype(str).to_numpy(dtype=object)[pick],
                        dtype="str"),
        CHANNEL: pd.array(log.channel[pick], dtype="str"),
    })
    return out.sort_values([SCHEDULED_FOR, NAME], kind="stable").reset_index(drop=True)


# --- job leads ---------------------------------------------------------------------
__all__ += ["LEAD_COLUMNS", "leads"]


@share_docs
def leads(contacts: pd.DataFrame, interactions: pd.DataFrame, *, as_of=None) -> pd.DataFrame:
    """The job leads and openings contacts mentioned (``lead`` records), newest first.

    Parameters
    ----------
    {params.contacts_interactions}
    {params.as_of}

    Returns
    -------
    DataFrame
        ``date`` (Timestamp), ``contact_id``, ``name``, ``company``, ``lead`` (the
        record's notes) and ``interaction_id``; leads dated after ``as_of`` are left out.
    """
    from .campaign import Campaign
    return Campaign(contacts, interactions, as_of=as_of).leads()


def _leads_table(contacts: pd.DataFrame, interactions: pd.DataFrame, as_of: pd.Timestamp
                 ) -> pd.DataFrame:
    """The table of :func:`leads` (``as_of`` already resolved)."""
    from .schema import LEAD, NOTES

    end = as_of + pd.Timedelta(days=1)
    rows = interactions[(interactions[KIND] == LEAD) & (interactions[DATE] < end)]
    who = contacts.set_index(CONTACT_ID)
    names = who[NAME].reindex(rows[CONTACT_ID]).fillna("").astype(str).to_numpy()
    companies = who[COMPANY].reindex(rows[CONTACT_ID]).fillna("").astype(str).to_numpy()
    out = pd.DataFrame({
        "date": pd.to_datetime(rows[DATE]).to_numpy(),
        CONTACT_ID: rows[CONTACT_ID].astype(str).to_numpy(),
        NAME: names, COMPANY: companies,
        "lead": rows[NOTES].fillna("").astype(str).to_numpy(),
        INTERACTION_ID: rows[INTERACTION_ID].astype(str).to_numpy(),
    }, columns=list(LEAD_COLUMNS))
    return out.sort_values(["date", INTERACTION_ID], ascending=[False, True],
                           kind="stable").reset_index(drop=True)


# --- the campaign, prepared once (campaign.py; here so ``metrics.Campaign`` works) ---
__all__ += ["Cadence", "Campaign"]


def __getattr__(name: str):
    if name in ("Cadence", "Campaign"):
        from . import campaign          # campaign.py builds on this module
        return getattr(campaign, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
