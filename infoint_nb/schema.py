"""The log's data contract: columns, allowed values, dtypes and validation.

Everything else refers to these names by constant. Validation works on the
*raw text* of the two files (every value a string, exactly as stored) and
returns every problem at once; :func:`to_typed_contacts` and
:func:`to_typed_interactions` turn valid text into typed frames.
"""
from __future__ import annotations

import datetime as _dt
import re

import numpy as np
import pandas as pd

from .errors import ParameterError, Problem, ProblemCollector

__all__ = [
    "CONTACTS_FILE", "INTERACTIONS_FILE", "PLAN_FILE", "PLAN_SCHEMA_VERSION",
    "CONTACT_ID", "NAME", "COMPANY", "ROLE", "INDUSTRY", "LOCATION", "EMAIL", "PHONE",
    "EXTENSION", "WORK_ADDRESS", "LINKEDIN_URL", "SOURCE", "REFERRED_BY",
    "MUTUAL_CONNECTION", "CITE_PERMISSION", "PRIORITY", "ADDED_ON", "NOTES",
    "INTERACTION_ID", "DATE", "CHANNEL", "KIND", "SCHEDULED_FOR", "PLACE", "REF",
    "CONTACT_COLUMNS", "INTERACTION_COLUMNS", "INTERACTION_OPTIONAL_COLUMNS",
    "CONTACT_REQUIRED_COLUMNS", "INTERACTION_REQUIRED_COLUMNS",
    "PERSONAL_COLUMNS",
    "ATTEMPT_KINDS", "RESPONSE_KINDS", "RELATIONSHIP_KINDS", "RECORD_KINDS", "KINDS",
    "KIND_GROUPS",
    "OUTREACH", "FOLLOW_UP", "VOICEMAIL", "MESSAGE_LEFT", "NO_ANSWER",
    "REPLY", "REPLY_YES", "REPLY_NO", "REPLY_LATER", "REPLY_REFERRAL", "MEETING_SCHEDULED",
    "MEETING_HELD", "THANK_YOU", "UPDATE", "SNAFU", "NOTE", "LEAD",
    "POSITIVE_KINDS",
    "CHANNELS", "SOURCES", "CITE_PERMISSIONS", "PRIORITIES",
    "suggest", "sort_problems", "parse_when", "parse_date", "parse_day", "ProblemCollector",
    "validate_contacts", "validate_interactions", "validate_log", "check_unique_refs",
    "to_typed_contacts", "to_typed_interactions",
    "empty_contacts", "empty_interactions",
]

# --- files -------------------------------------------------------------------------
CONTACTS_FILE = "contacts.csv"
INTERACTIONS_FILE = "interactions.csv"
PLAN_FILE = "plan.json"
PLAN_SCHEMA_VERSION = 1

# --- contacts.csv ------------------------------------------------------------------
CONTACT_ID = "contact_id"
NAME = "name"
COMPANY = "company"
ROLE = "role"
INDUSTRY = "industry"
LOCATION = "location"
EMAIL = "email"
PHONE = "phone"
EXTENSION = "extension"
WORK_ADDRESS = "work_address"
LINKEDIN_URL = "linkedin_url"
SOURCE = "source"
REFERRED_BY = "referred_by"
MUTUAL_CONNECTION = "mutual_connection"
CITE_PERMISSION = "cite_permission"
PRIORITY = "priority"
ADDED_ON = "added_on"
NOTES = "notes"

CONTACT_COLUMNS: tuple[str, ...] = (
    CONTACT_ID, NAME, COMPANY, ROLE, INDUSTRY, LOCATION, EMAIL, PHONE, EXTENSION,
    WORK_ADDRESS, LINKEDIN_URL, SOURCE, REFERRED_BY, MUTUAL_CONNECTION, CITE_PERMISSION,
    PRIORITY, ADDED_ON, NOTES,
)
#: Columns a contacts file cannot do without; the others are added empty when absent.
CONTACT_REQUIRED_COLUMNS: tuple[str, ...] = (CONTACT_ID, NAME, ADDED_ON)

# --- interactions.csv --------------------------------------------------------------
INTERACTION_ID = "interaction_id"
DATE = "date"
CHANNEL = "channel"
KIND = "kind"
SCHEDULED_FOR = "scheduled_for"
PLACE = "place"
#: Where an imported event came from (``mail:<Message-ID>``, ``linkedin:…``, ``ics:<UID>``).
REF = "ref"

INTERACTION_COLUMNS: tuple[str, ...] = (INTERACTION_ID, CONTACT_ID, DATE, CHANNEL, KIND, NOTES)
#: Optional columns: ``scheduled_for`` and ``place`` on ``meeting_scheduled`` rows; ``ref``
#: on imported rows (unique when set, so importing the same file again adds nothing).
INTERACTION_OPTIONAL_COLUMNS: tuple[str, ...] = (SCHEDULED_FOR, PLACE, REF)
INTERACTION_REQUIRED_COLUMNS: tuple[str, ...] = (INTERACTION_ID, CONTACT_ID, DATE, KIND)

#: Columns that identify or describe a person (removed or tokenised by ``--redact``).
PERSONAL_COLUMNS: tuple[str, ...] = (
    NAME, EMAIL, PHONE, EXTENSION, WORK_ADDRESS, LINKEDIN_URL, MUTUAL_CONNECTION, NOTES,
)

# --- kinds -------------------------------------------------------------------------
OUTREACH, FOLLOW_UP, VOICEMAIL, MESSAGE_LEFT, NO_ANSWER = (
    "outreach", "follow_up", "voicemail", "message_left", "no_answer")
#: A response not yet classified (e.g. imported from a mailbox).
REPLY = "reply"
REPLY_YES, REPLY_NO, REPLY_LATER, REPLY_REFERRAL, MEETING_SCHEDULED, MEETING_HELD = (
    "reply_yes", "reply_no", "reply_later", "reply_referral", "meeting_scheduled",
    "meeting_held")
THANK_YOU, UPDATE = "thank_you", "update"
SNAFU, NOTE = "snafu", "note"
#: A job lead or opening a contact mentioned (a record).
LEAD = "lead"

#: Outbound attempts to reach someone.
ATTEMPT_KINDS: tuple[str, ...] = (OUTREACH, FOLLOW_UP, VOICEMAIL, MESSAGE_LEFT, NO_ANSWER)
#: Inbound: the person answered in some way.
RESPONSE_KINDS: tuple[str, ...] = (
    REPLY, REPLY_YES, REPLY_NO, REPLY_LATER, REPLY_REFERRAL, MEETING_SCHEDULED, MEETING_HELD)
#: Outbound, after a response.
RELATIONSHIP_KINDS: tuple[str, ...] = (THANK_YOU, UPDATE)
#: Records: something happened that is neither an attempt nor a response.
RECORD_KINDS: tuple[str, ...] = (SNAFU, NOTE, LEAD)
KINDS: tuple[str, ...] = ATTEMPT_KINDS + RESPONSE_KINDS + RELATIONSHIP_KINDS + RECORD_KINDS
KIND_GROUPS: dict[str, tuple[str, ...]] = {
    "attempt": ATTEMPT_KINDS,
    "response": RESPONSE_KINDS,
    "relationship": RELATIONSHIP_KINDS,
    "record": RECORD_KINDS,
}
#: Kinds that make a contact a *positive reply*.
POSITIVE_KINDS: tuple[str, ...] = (REPLY_YES, MEETING_SCHEDULED, MEETING_HELD)

CHANNELS: tuple[str, ...] = ("email", "letter", "phone", "linkedin", "in_person", "video", "other")
SOURCES: tuple[str, ...] = (
    "alumni", "referral", "online_search", "company_website", "linkedin", "social_media",
    "professional_association", "career_center", "event", "personal_network", "other",
)
CITE_PERMISSIONS: tuple[str, ...] = ("yes", "no", "asked")
PRIORITIES: tuple[str, ...] = ("1", "2", "3", "4", "5")

# --- helpers -----------------------------------------------------------------------
_DATE_RE = r"\d{4}-\d{2}-\d{2}"
_DATETIME_RE = r"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?"
_OFFSET_RE = re.compile(r"(?:Z|[+-]\d{2}:?\d{2})$")


def suggest(value: str, allowed: tuple[str, ...] | list[str]) -> str | None:
    """The allowed value ``value`` was most likely meant to be, or ``None``.

    Examples
    --------
    >>> suggest("Email", CHANNELS)
    'email'
    >>> suggest("meeting held", KINDS)
    'meeting_held'
    """
    import difflib  # only needed when something is wrong

    v = str(value).strip()
    folded = re.sub(r"[\s\-]+", "_", v.casefold())
    for a in allowed:
        if a.casefold() == folded:
            return a
    close = difflib.get_close_matches(folded, list(allowed), n=1, cutoff=0.6)
    return close[0] if close else None


def _allowed_message(value: str, allowed, what: str) -> str:
    guess = suggest(value, allowed)
    msg = f"not {what}"
    if guess is not None and guess != value:
        msg += f"; did you mean {guess!r}?"
    else:
        msg += "."
    return msg + " Allowed: " + ", ".join(allowed) + "."


def parse_when(value, *, what: str = "date") -> pd.Timestamp:
    """Parse a log date: ``date``, ``datetime`` or ISO text without an offset.

    Raises
    ------
    ValueError
        With a message saying what is allowed.
    """
    if isinstance(value, pd.Timestamp):
        ts = value
    elif hasattr(value, "isoformat") and not isinstance(value, str):
        ts = pd.Timestamp(value)
    else:
        text = str(value).strip()
        if _OFFSET_RE.search(text) and "T" in text:
            raise ValueError(f"{what} {text!r} has a time-zone offset; write local time "
                             "without one, e.g. 2026-05-05T09:30")
        if not (re.fullmatch(_DATE_RE, text) or re.fullmatch(_DATETIME_RE, text)):
            raise ValueError(f"{what} {text!r} is not an ISO date; write 2026-05-05 "
                             "or 2026-05-05T09:30")
        try:
            ts = pd.Timestamp(text)
        except ValueError:
            raise ValueError(f"{what} {text!r} is not a real calendar date") from None
    if ts.tzinfo is not None:
        raise ValueError(f"{what} {value!r} has a time zone; give local time without one")
    return ts


def parse_date(value, *, what: str = "date") -> pd.Timestamp:
    """Parse a calendar date (no time part) into a midnight Timestamp."""
    ts = parse_when(value, what=what)
    return ts.normalize()


def parse_day(value, *, name: str, prefix: str = "", blank: bool = True,
              timestamp: bool = False):
    """A calendar day given by the user (``as_of``, ``--start``, a form field), or None.

    The one parser of a day from a user: the CLI's options, the report's parameters,
    :func:`metrics.resolve_as_of`, the forms' ``as_of`` and the planning functions'
    dates all call it, each with its own message prefix and idea of "not given".

    Accepts a ``date``, ``datetime`` or Timestamp (the time part is dropped), ISO
    text such as ``2026-05-05`` (or ``2026-05-05T09:30``), and — with ``blank`` —
    ``None`` or blank text (or ``NaT``), which mean "not given" (``None``).

    Parameters
    ----------
    value : str, date, datetime, Timestamp or None
        What the user gave.
    name : str
        The parameter, as the user knows it (``"--as-of"``, ``"as_of"``); the message
        names it with the value.
    prefix : str
        Put before the message (``"report parameter start: "``).
    blank : bool
        ``None``, ``NaT`` and blank text mean "not given" (``None`` is returned);
        with ``blank=False`` every value is parsed, so they are errors.
    timestamp : bool
        Return the day as a midnight ``Timestamp`` instead of a ``date``.

    Raises
    ------
    ParameterError
        Naming ``name``, the value and what is allowed.

    Examples
    --------
    >>> parse_day("2026-05-05", name="--as-of")
    datetime.date(2026, 5, 5)
    >>> parse_day(" ", name="--as-of") is None
    True
    >>> parse_day("2026-05-05T17:30", name="as_of", timestamp=True)
    Timestamp('2026-05-05 00:00:00')
    """
    if blank and (value is None or value is pd.NaT
                  or (isinstance(value, str) and value.strip() == "")):
        return None
    if type(value) is _dt.date and not timestamp:
        return value
    try:
        ts = parse_when(value, what=name)
    except ValueError as exc:
        raise ParameterError(f"{prefix}{exc}") from None
    day = ts.normalize()  # (NaT given with blank=False fails here, as it always did)
    return day if timestamp else day.date()


_DIGITS_DATE = (0, 1, 2, 3, 5, 6, 8, 9)
_DIGITS_HM = (11, 12, 14, 15)


def _iso_shape(values: np.ndarray, *, date_only: bool) -> np.ndarray:
    """Vectorised shape check: ``YYYY-MM-DD`` or ``YYYY-MM-DD[T ]HH:MM[:SS[.ffffff]]``.

    Works on a fixed-width character matrix, so a million values cost a few numpy
    passes rather than a million regex calls.
    """
    n = len(values)
    if n == 0:
        return np.zeros(0, dtype=bool)
    u = np.asarray(values, dtype="U27")
    m = u.view(np.uint32).reshape(n, 27)
    length = (m != 0).sum(axis=1)  # values hold no NUL (validated text)
    digit = (m >= 48) & (m <= 57)
    date_ok = digit[:, list(_DIGITS_DATE)].all(axis=1) & (m[:, 4] == 45) & (m[:, 7] == 45)
    if date_only:
        return date_ok & (length == 10)
    hm_ok = (((m[:, 10] == 84) | (m[:, 10] == 32)) & digit[:, list(_DIGITS_HM)].all(axis=1)
             & (m[:, 13] == 58))
    sec_ok = (m[:, 16] == 58) & digit[:, 17] & digit[:, 18]
    frac_ok = (m[:, 19] == 46) & np.where(np.arange(27) >= 20, digit | (m == 0), True).all(axis=1)
    ok = (length == 10) | ((length == 16) & hm_ok) | ((length == 19) & hm_ok & sec_ok) | (
        (length >= 21) & (length <= 26) & hm_ok & sec_ok & frac_ok)
    return date_ok & ok


def _text_to_datetimes(col: pd.Series, *, date_only: bool) -> tuple[pd.Series, pd.Series]:
    """Parse log date text to ``datetime64``; return (values, bad) — bad for non-empty text
    that is not an ISO date (or date-time) or not a real calendar date.

    Each distinct value is checked once (logs repeat dates a lot).
    """
    quick = _datetimes_by_bytes(col, date_only=date_only)
    if quick is None:
        quick = _datetimes_by_parts(col, date_only=date_only)
    if quick is not None:
        return quick
    codes, uniques, laid_out = _factorize_dates(col, date_only=date_only)
    parsed_u = np.full(len(uniques), np.datetime64("NaT"), dtype="datetime64[us]")
    done = np.zeros(len(uniques), dtype=bool)
    # fast path: the two common shapes, YYYY-MM-DD and YYYY-MM-DDTHH:MM, parsed by numpy
    # in one call (it refuses impossible dates; a time zone only warns, so warnings raise)
    if laid_out is not None:  # Arrow checked the layout already: digits where digits go
        simple = laid_out
    else:
        lengths = np.fromiter(map(len, uniques), dtype=np.int64, count=len(uniques))
        simple = (lengths == 10) if date_only else ((lengths == 10) | (lengths == 16))
    if simple.any():
        import warnings

        cand = uniques[simple]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("error")
                parsed = cand.astype("datetime64[us]")
        except (ValueError, Warning):
            pass  # something odd among them: check every value the careful way below
        else:
            # numpy also reads other forms (a bare ten-digit year, a signed year): keep
            # only values laid out as YYYY-MM-DD[T or space]HH:MM
            same = np.ones(len(cand), dtype=bool) if laid_out is not None else np.fromiter(
                (x[0] not in "+-" and x[4] == "-" and x[7] == "-"
                 and (len(x) == 10 or (x[10] in "T " and x[13] == ":")) for x in cand),
                dtype=bool, count=len(cand))
            where = np.flatnonzero(simple)[same]
            parsed_u[where] = parsed[same]
            done[where] = True
    rest = ~done & (uniques != "")
    shape_ok = done.copy()
    if rest.any():
        shape_ok[rest] = _iso_shape(uniques[rest], date_only=date_only)
        careful = rest & shape_ok
        parsed_u[careful] = pd.to_datetime(pd.Series(uniques[careful], dtype=object),
                                           format="ISO8601", errors="coerce"
                                           ).to_numpy(dtype="datetime64[us]")
    empty_u = uniques == ""
    bad_u = ~empty_u & (~shape_ok | np.isnat(parsed_u))
    if len(codes) and len(uniques):
        values = parsed_u[codes]
        bad = bad_u[codes]
    else:
        values = np.array([], dtype="datetime64[us]")
        bad = np.zeros(len(codes), dtype=bool)
    return (pd.Series(values, index=col.index, dtype="datetime64[us]"),
            pd.Series(bad, index=col.index))


def _blank(col: pd.Series) -> pd.Series:
    """Empty or only white space (checked once per distinct value)."""
    codes, uniques = pd.factorize(col.to_numpy(dtype=object))
    blank_u = np.fromiter((str(u).strip() == "" for u in uniques), dtype=bool, count=len(uniques))
    return pd.Series(blank_u[codes] if len(codes) else np.zeros(0, bool), index=col.index)


# --- Arrow-backed columns ----------------------------------------------------------
# The log is read by Arrow, so its columns are Arrow string arrays: checks on them run
# as Arrow compute kernels, with no Python object per cell. Anything they cannot prove
# valid goes to the careful checks below, which give the messages.
_PY_SPACE = (r"\t\n\x0b\x0c\r\x1c-\x20\x{85}\x{a0}\x{1680}\x{2000}-\x{200a}"
             r"\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}")  # what str.strip() removes
_DATE_LAYOUT = r"^\d{4}-\d{2}-\d{2}$"
_WHEN_LAYOUT = r"^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2})?$"


def _arrow(col: pd.Series):
    """The column's Arrow string array (chunked or not) without nulls, or None."""
    pa_arr = getattr(col.array, "_pa_array", None)
    if pa_arr is None:
        return None
    import pyarrow as pa

    if not (pa.types.is_string(pa_arr.type) or pa.types.is_large_string(pa_arr.type)):
        return None
    if pa_arr.null_count:
        return None
    return pa_arr.chunk(0) if pa_arr.num_chunks == 1 else pa_arr


def _factorize_dates(col: pd.Series, *, date_only: bool):
    """``(codes, uniques, laid_out)``: ``laid_out`` marks the uniques shaped like
    ``YYYY-MM-DD`` (or ``YYYY-MM-DD[T ]HH:MM``), None when the column is not Arrow text."""
    arr = _arrow(col)
    if arr is None:
        codes, uniques = pd.factorize(col.to_numpy(dtype=object))
        return codes, np.asarray(uniques, dtype=object), None
    import pyarrow.compute as pc

    uniques = pc.unique(arr)
    codes = pc.index_in(arr, value_set=uniques)
    codes = codes.to_numpy(zero_copy_only=False).astype(np.intp, copy=False)
    laid_out = pc.match_substring_regex(uniques, _DATE_LAYOUT if date_only else _WHEN_LAYOUT)
    return (codes, uniques.to_numpy(zero_copy_only=False).astype(object, copy=False),
            laid_out.to_numpy(zero_copy_only=False))


_DAYS_IN_MONTH = np.array([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31], dtype=np.int64)


def _days_from_civil(y, m, d) -> np.ndarray:
    """Days since 1970-01-01 of proleptic Gregorian dates (H. Hinnant's algorithm)."""
    y = y - (m <= 2)
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + np.where(m > 2, -3, 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return (era.astype(np.int64) * 146097 + doe - 719468).astype("datetime64[D]")


def _iso_bytes(data: np.ndarray, start: np.ndarray, length: np.ndarray, *,
               date_only: bool) -> np.ndarray | None:
    """Datetimes of UTF-8 values given by (start, length) in ``data``: every value empty,
    ``YYYY-MM-DD`` or ``YYYY-MM-DD[T ]HH:MM`` with a real date and time; None otherwise."""
    empty = length == 0
    full = length == 16
    if not (empty | (length == 10) | (False if date_only else full)).all():
        return None
    out = np.full(start.size, np.datetime64("NaT"), dtype="datetime64[us]")
    keep = ~empty
    s = start[keep]
    if s.size == 0:
        return out
    if int(s.max()) + 10 > data.size:
        return None

    def digits(at, ks):
        d = [data[at + k].astype(np.int32) - 48 for k in ks]
        if not all(((x >= 0) & (x <= 9)).all() for x in d):
            return None
        value = d[0]
        for x in d[1:]:
            value = value * 10 + x
        return value

    if not ((data[s + 4] == 45) & (data[s + 7] == 45)).all():
        return None
    y, m, d = digits(s, (0, 1, 2, 3)), digits(s, (5, 6)), digits(s, (8, 9))
    if y is None or m is None or d is None:
        return None
    if not ((y >= 1) & (m >= 1) & (m <= 12) & (d >= 1)).all():
        return None
    leap = (y % 4 == 0) & ((y % 100 != 0) | (y % 400 == 0))
    if not (d <= _DAYS_IN_MONTH[m - 1] + ((m == 2) & leap)).all():
        return None
    days = _days_from_civil(y, m, d)
    stamps = days.astype("datetime64[us]")
    f = full[keep]
    if f.any():
        t = s[f]
        if int(t.max()) + 16 > data.size:
            return None
        sep = data[t + 10]
        if not (((sep == 84) | (sep == 32)) & (data[t + 13] == 58)).all():
            return None
        h, mi = digits(t, (11, 12)), digits(t, (14, 15))
        if h is None or mi is None or not ((h <= 23) & (mi <= 59)).all():
            return None
        stamps[f] += ((h * 60 + mi).astype(np.int64) * 60_000_000).astype("timedelta64[us]")
    out[keep] = stamps
    return out


def _datetimes_by_bytes(col: pd.Series, *, date_only: bool):
    """``(values, bad)`` read straight from the bytes of Arrow text whose every value is
    empty, ``YYYY-MM-DD`` or ``YYYY-MM-DD[T ]HH:MM`` with a real date and time; None for
    anything else (the other ways then decide).

    No hashing and no Python object: a few numpy gathers at fixed offsets of each value.
    """
    arr = _arrow(col)
    if arr is None or len(arr) == 0:
        return None
    import pyarrow as pa

    parts = []
    for chunk in (arr.chunks if isinstance(arr, pa.ChunkedArray) else [arr]):
        if len(chunk) == 0:
            continue
        bufs = chunk.buffers()
        wide = pa.types.is_large_string(chunk.type)
        offsets = np.frombuffer(bufs[1], dtype=np.int64 if wide else np.int32)
        offsets = offsets[chunk.offset:chunk.offset + len(chunk) + 1].astype(np.int64)
        data = (np.frombuffer(bufs[2], dtype=np.uint8) if bufs[2] is not None
                else np.zeros(0, dtype=np.uint8))
        start = offsets[:-1]
        values = _iso_bytes(data, start, offsets[1:] - start, date_only=date_only)
        if values is None:
            return None
        parts.append(values)
    values = np.concatenate(parts) if parts else np.array([], dtype="datetime64[us]")
    return (pd.Series(values, index=col.index, dtype="datetime64[us]"),
            pd.Series(np.zeros(len(values), dtype=bool), index=col.index))


def _datetimes_by_parts(col: pd.Series, *, date_only: bool):
    """``(values, bad)`` for Arrow text whose every value is empty, ``YYYY-MM-DD`` or
    ``YYYY-MM-DD[T ]HH:MM`` with a real date and time; None for anything else (the
    general way then decides, value by value).

    A million date-times hold few distinct days and few distinct times of day: each
    part is checked once per distinct value, and the rows only cost Arrow kernels.
    """
    import warnings

    arr = _arrow(col)
    if arr is None or len(arr) == 0:
        return None
    import pyarrow.compute as pc

    day = pc.utf8_slice_codeunits(arr, 0, 10)
    days = pc.unique(day)
    if len(days) > 200_000:
        return None
    day_text = days.to_numpy(zero_copy_only=False).astype(object)
    empty = day_text == ""
    if not (pc.match_substring_regex(days, _DATE_LAYOUT).to_numpy(zero_copy_only=False)
            | empty).all():
        return None
    day_values = np.full(len(day_text), np.datetime64("NaT"), dtype="datetime64[us]")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            day_values[~empty] = day_text[~empty].astype("datetime64[D]")
    except (ValueError, Warning):  # not a real calendar date
        return None
    clock = pc.utf8_slice_codeunits(arr, 10, 1 << 40)
    clocks = pc.unique(clock)
    clock_text = clocks.to_numpy(zero_copy_only=False).astype(object)
    if len(clock_text) > 5000 or (date_only and (clock_text != "").any()):
        return None
    minutes = np.zeros(len(clock_text), dtype="int64")
    for k, t in enumerate(clock_text):
        if t == "":
            continue
        if not (len(t) == 6 and t[0] in "T " and t[3] == ":" and t[1:3].isdigit()
                and t[4:6].isdigit() and t[1:3].isascii() and t[4:6].isascii()):
            return None
        h, m = int(t[1:3]), int(t[4:6])
        if h > 23 or m > 59:
            return None
        minutes[k] = h * 60 + m
    d_code = pc.index_in(day, value_set=days).to_numpy(zero_copy_only=False)
    t_code = pc.index_in(clock, value_set=clocks).to_numpy(zero_copy_only=False)
    values = day_values[d_code] + (minutes[t_code] * 60_000_000).astype("timedelta64[us]")
    return (pd.Series(values, index=col.index, dtype="datetime64[us]"),
            pd.Series(np.zeros(len(values), dtype=bool), index=col.index))


def _fast_all_in(arr, allowed) -> bool:
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(allowed, pa.ChunkedArray):
        allowed = allowed.combine_chunks()
    elif not isinstance(allowed, pa.Array):
        allowed = pa.array(list(allowed), type=pa.string())
    return len(arr) == 0 or bool(pc.all(pc.is_in(arr, value_set=allowed)).as_py())


def _fast_any_equal(arr, value: str) -> bool:
    import pyarrow.compute as pc

    return len(arr) > 0 and bool(pc.any(pc.equal(arr, value)).as_py())


def _fast_ids_ok(arr) -> bool:
    """No empty id and no id used twice (ids in increasing order prove it at once)."""
    import pyarrow.compute as pc

    if _fast_any_equal(arr, ""):
        return False
    if len(arr) < 2 or pc.all(pc.less(arr[:-1], arr[1:])).as_py():
        return True
    return pc.count_distinct(arr).as_py() == len(arr)


def _fast_dates_ok(raw, column, parsed, *, date_only: bool, required: bool) -> bool:
    values, bad = _text_to_datetimes(raw[column], date_only=date_only)
    if bad.to_numpy().any():
        return False
    if required and _fast_any_equal(_arrow(raw[column]), ""):
        return False
    if parsed is not None:
        parsed[column] = values
    return True


def _fast_contacts_ok(raw: pd.DataFrame, parsed: dict | None) -> bool:
    """True when every check of :func:`validate_contacts` is sure to pass."""
    import pyarrow.compute as pc

    if not raw.columns.is_unique or any(c not in raw for c in CONTACT_REQUIRED_COLUMNS):
        return False
    cols = {c: _arrow(raw[c]) for c in raw.columns if c in CONTACT_COLUMNS}
    if any(a is None for a in cols.values()):
        return False
    ids = cols[CONTACT_ID]
    if not _fast_ids_ok(ids):
        return False
    if len(ids) and pc.any(pc.match_substring_regex(
            cols[NAME], f"^[{_PY_SPACE}]*$")).as_py():
        return False
    for column, allowed in ((SOURCE, SOURCES), (CITE_PERMISSION, CITE_PERMISSIONS),
                            (PRIORITY, PRIORITIES)):
        if column in cols and not _fast_all_in(cols[column], (*allowed, "")):
            return False
    if REFERRED_BY in cols:
        ref = cols[REFERRED_BY]
        given = pc.not_equal(ref, "")
        # most contacts name no referrer: look up only the filled cells (no id set built
        # for an empty column)
        if len(ref) and pc.any(given).as_py():
            if not _fast_all_in(pc.filter(ref, given), _with_empty(ids)):
                return False
            if pc.any(pc.and_(pc.equal(ref, ids), given)).as_py():
                return False
    return _fast_dates_ok(raw, ADDED_ON, parsed, date_only=True, required=True)


def _with_empty(arr):
    """``arr`` and the empty text: a value set for ``is_in``."""
    import pyarrow as pa

    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    return pa.concat_arrays([arr.cast(pa.string()), pa.array([""], type=pa.string())])


# The position of each interaction's contact among the contacts: the membership check
# finds it anyway, and the metrics need it next; kept for the one pair of Arrow arrays
# it was computed on (immutable, and held only weakly).
_POSITIONS: list = []


def _fast_positions(values: pd.Series, ids, arr, known) -> bool:
    """Every value of ``arr`` is among ``known``; remember where, when the ids differ."""
    import weakref

    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(known, pa.ChunkedArray):
        known = known.combine_chunks()
    if len(arr) == 0:
        return True
    pos = pc.index_in(arr, value_set=known)
    if pos.null_count:
        return False
    a, b = getattr(values.array, "_pa_array", None), (
        getattr(ids.array, "_pa_array", None) if isinstance(ids, pd.Series) else None)
    if a is not None and b is not None and _fast_ids_ok(known):
        _POSITIONS[:] = [(weakref.ref(a), weakref.ref(b),
                          pos.to_numpy(zero_copy_only=False).astype("int64", copy=False))]
    return True


def known_positions(values: pd.Series, ids: pd.Series) -> np.ndarray | None:
    """Where each of ``values`` sits in ``ids``, if the checks of this very pair of
    columns found it already; else None."""
    a = getattr(values.array, "_pa_array", None)
    b = getattr(ids.array, "_pa_array", None)
    for ref_a, ref_b, pos in _POSITIONS:
        if a is not None and ref_a() is a and ref_b() is b:
            return pos.copy()  # the caller may write into it
    return None


def _fast_interactions_ok(raw: pd.DataFrame, contact_ids, parsed: dict | None) -> bool:
    """True when every check of :func:`validate_interactions` is sure to pass."""
    import pyarrow as pa

    std = INTERACTION_COLUMNS + INTERACTION_OPTIONAL_COLUMNS
    if not raw.columns.is_unique or any(c not in raw for c in INTERACTION_REQUIRED_COLUMNS):
        return False
    cols = {c: _arrow(raw[c]) for c in raw.columns if c in std}
    if any(a is None for a in cols.values()):
        return False
    if not _fast_ids_ok(cols[INTERACTION_ID]):
        return False
    known = _arrow(contact_ids) if isinstance(contact_ids, pd.Series) else None
    if known is None:
        try:
            known = pa.array(np.asarray(contact_ids, dtype=object), type=pa.string())
        except (pa.ArrowException, TypeError, ValueError):
            return False
    cid = cols[CONTACT_ID]
    if _fast_any_equal(cid, ""):
        return False
    if not _fast_positions(raw[CONTACT_ID], contact_ids, cid, known):
        return False
    if not _fast_all_in(cols[KIND], KINDS):
        return False
    if CHANNEL in cols and not _fast_all_in(cols[CHANNEL], (*CHANNELS, "")):
        return False
    if not _fast_dates_ok(raw, DATE, parsed, date_only=False, required=True):
        return False
    if REF in cols and not _fast_refs_unique(cols[REF]):
        return False
    return SCHEDULED_FOR not in raw or _fast_dates_ok(raw, SCHEDULED_FOR, parsed,
                                                      date_only=False, required=False)


def _fast_refs_unique(refs) -> bool:
    """True when no non-empty ``ref`` repeats (empty refs may repeat)."""
    import pyarrow.compute as pc
    filled = pc.filter(refs, pc.not_equal(refs, ""))
    return len(pc.unique(filled)) == len(filled)


# --- validation --------------------------------------------------------------------
_Collector = ProblemCollector  # the old private name (importers subclass it)


def _col(frame: pd.DataFrame, name: str) -> np.ndarray:
    """A column's text as an object array (fast comparisons, no per-cell pandas calls)."""
    return frame[name].to_numpy(dtype=object)


def _isin(values: np.ndarray, allowed, *, or_empty: bool = False) -> np.ndarray:
    """``values`` in ``allowed`` (or empty, with ``or_empty``).

    The common case — every value allowed — is one pass in C (``set.issuperset``);
    otherwise each distinct value is checked once.
    """
    allowed = set(allowed)
    if or_empty:
        allowed.add("")
    if allowed.issuperset(values):
        return np.ones(len(values), dtype=bool)
    codes, uniques = pd.factorize(values)
    ok = np.fromiter((u in allowed for u in uniques), dtype=bool, count=len(uniques))
    return ok[codes] if len(codes) else np.zeros(0, dtype=bool)


def _duplicated(values: np.ndarray) -> np.ndarray:
    """True for every repeat of an earlier value (the first stays False)."""
    if pd.Index(values).is_unique:  # the common case, and much cheaper than factorize
        return np.zeros(len(values), dtype=bool)
    return pd.Series(values).duplicated(keep="first").to_numpy()


def _first_rows(frame: pd.DataFrame, values: np.ndarray) -> dict:
    first: dict = {}
    for r, v in zip(frame.index, values):
        first.setdefault(v, r)
    return first


def _check_ids(raw, col: ProblemCollector, column: str, what: str, example: str,
               each: str) -> np.ndarray:
    """Every row has an id and no id is used twice; return the ids."""
    ids = _col(raw, column)
    blank = ids == ""
    col.add_mask(raw, blank, column,
                 f"every {what} needs a {column} (any short unique text, e.g. {example})",
                 "missing-value")
    dup = _duplicated(ids) & ~blank
    if dup.any():
        first_row = _first_rows(raw, ids)
        col.add_mask(raw, dup, column,
                     lambda v: f"duplicate {column} (first used on row {first_row[v]}); "
                     f"give {each} their own id", "duplicate-id")
    return ids


def _missing_columns(frame: pd.DataFrame, required, col: ProblemCollector, what: str) -> bool:
    missing = [c for c in required if c not in frame.columns]
    for c in missing:
        guess = suggest(c, list(map(str, frame.columns)))
        hint = f" (the header has {guess!r}; rename it to {c!r})" if guess else ""
        col.add(1, c, None, f"required column is missing from the header{hint}. "
                f"The {what} header needs: " + ", ".join(required) + ".", "missing-column")
    return bool(missing)


def _duplicate_header(frame: pd.DataFrame, col: ProblemCollector) -> bool:
    seen = set()
    bad = False
    for c in frame.columns:
        if c in seen:
            col.add(1, str(c), None, "this column name appears twice in the header; "
                    "rename or delete one of them", "duplicate-column")
            bad = True
        seen.add(c)
    return bad


def _sorted(problems):
    return sorted(problems, key=lambda p: -1 if p.row is None else p.row)


def _check_allowed(raw, col: ProblemCollector, column: str, allowed, what: str, tail: str) -> None:
    if column in raw:
        v = _col(raw, column)
        col.add_mask(raw, ~_isin(v, allowed, or_empty=True), column,
                     lambda x: _allowed_message(x, allowed, what) + tail, "not-allowed")


def validate_contacts(raw: pd.DataFrame, *, file: str = CONTACTS_FILE,
                      parsed: dict | None = None) -> list[Problem]:
    """Check the text of a contacts file; return every problem found.

    Parameters
    ----------
    raw : DataFrame
        All values text, as read; the index holds spreadsheet rows (header = 1).
    file : str
        How to name the file in messages.
    parsed : dict, optional
        Filled with the parsed date columns (column → Series) for reuse by
        :func:`to_typed_contacts`.
    """
    if _fast_contacts_ok(raw, parsed):
        return []
    col = ProblemCollector(file)
    if _duplicate_header(raw, col) or _missing_columns(raw, CONTACT_REQUIRED_COLUMNS, col, "contacts"):
        return col.problems
    ids = _check_ids(raw, col, CONTACT_ID, "contact", "C0042", "each person")
    col.add_mask(raw, _blank(raw[NAME]), NAME, "every contact needs a name", "missing-value")
    values, bad = _text_to_datetimes(raw[ADDED_ON], date_only=True)
    if parsed is not None:
        parsed[ADDED_ON] = values
    col.add_mask(raw, _col(raw, ADDED_ON) == "", ADDED_ON,
                 "every contact needs added_on, an ISO date such as 2026-05-05", "missing-value")
    col.add_mask(raw, bad, ADDED_ON,
                 "not a real ISO date; write the date as YYYY-MM-DD, e.g. 2026-05-05", "bad-date")
    _check_allowed(raw, col, SOURCE, SOURCES, "a source", " Leave it empty if unknown.")
    _check_allowed(raw, col, CITE_PERMISSION, CITE_PERMISSIONS, "a cite permission",
                   " Leave it empty if you have not asked.")
    if PRIORITY in raw:
        v = _col(raw, PRIORITY)
        col.add_mask(raw, ~_isin(v, PRIORITIES, or_empty=True), PRIORITY,
                     "priority is a whole number from 1 to 5, or empty", "not-allowed")
    if REFERRED_BY in raw:
        v = _col(raw, REFERRED_BY)
        given = v != ""
        col.add_mask(raw, ~_isin(v, ids, or_empty=True), REFERRED_BY,
                     "no contact has this contact_id; referred_by must be the contact_id of "
                     "the person who referred them, or empty", "unknown-contact")
        col.add_mask(raw, given & (v == ids), REFERRED_BY, "a contact cannot refer themselves",
                 "self-referral")
    return _sorted(col.problems)


def validate_interactions(raw: pd.DataFrame, contact_ids, *, file: str = INTERACTIONS_FILE,
                          parsed: dict | None = None) -> list[Problem]:
    """Check the text of an interactions file against the contact ids; return every problem.

    ``parsed``, when given, is filled with the parsed date columns for reuse.
    """
    if _fast_interactions_ok(raw, contact_ids, parsed):
        return []
    col = ProblemCollector(file)
    if _duplicate_header(raw, col) or _missing_columns(
            raw, INTERACTION_REQUIRED_COLUMNS, col, "interactions"):
        return col.problems
    _check_ids(raw, col, INTERACTION_ID, "interaction", "I00042", "each interaction")
    cid = _col(raw, CONTACT_ID)
    known = set(np.asarray(contact_ids, dtype=object))
    col.add_mask(raw, cid == "", CONTACT_ID,
                 "every interaction needs the contact_id of the person it is with",
                 "missing-value")
    col.add_mask(raw, (cid != "") & ~_isin(cid, known, or_empty=True), CONTACT_ID,
                 f"no contact has this contact_id in {CONTACTS_FILE}; add the contact first "
                 "or correct the id", "unknown-contact")
    d = _col(raw, DATE)
    col.add_mask(raw, d == "", DATE,
                 "every interaction needs a date: 2026-05-05 or 2026-05-05T09:30",
                 "missing-value")
    values, bad = _text_to_datetimes(raw[DATE], date_only=False)
    bad = bad.to_numpy()
    if parsed is not None:
        parsed[DATE] = values
    offset = np.zeros(len(d), dtype=bool)
    if bad.any():
        where = np.flatnonzero(bad)
        offset[where] = [bool(re.search(r"T.*(?:Z|[+-]\d{2}:?\d{2})$", str(x))) for x in d[where]]
    col.add_mask(raw, bad & offset, DATE,
                 "has a time-zone offset; write local time without one, e.g. 2026-05-05T09:30",
                 "bad-date")
    col.add_mask(raw, bad & ~offset, DATE,
                 "not a real ISO date; write 2026-05-05 or 2026-05-05T09:30", "bad-date")
    k = _col(raw, KIND)
    col.add_mask(raw, ~_isin(k, KINDS), KIND,
                 lambda v: ("every interaction needs a kind. Allowed: " + ", ".join(KINDS) + "."
                            if v.strip() == "" else _allowed_message(v, KINDS, "a kind")),
                 lambda v: "missing-value" if v.strip() == "" else "not-allowed")
    _check_allowed(raw, col, CHANNEL, CHANNELS, "a channel", " Or leave it empty.")
    if SCHEDULED_FOR in raw:
        values, bad = _text_to_datetimes(raw[SCHEDULED_FOR], date_only=False)
        if parsed is not None:
            parsed[SCHEDULED_FOR] = values
        col.add_mask(raw, bad, SCHEDULED_FOR,
                     "not a local date-time; write 2026-05-05T09:30 (no offset), or leave empty",
                     "bad-date")
    check_unique_refs(raw, col)
    return _sorted(col.problems)


def check_unique_refs(raw: pd.DataFrame, col: ProblemCollector) -> None:
    """A non-empty ``ref`` (where an imported row came from) is used by one row only."""
    if REF not in raw:
        return
    refs = _col(raw, REF)
    dup = _duplicated(refs) & (refs != "")
    if dup.any():
        first_row = _first_rows(raw, refs)
        col.add_mask(raw, dup, REF,
                     lambda v: f"duplicate ref (first used on row {first_row[v]}); a ref names "
                     "the one message or event a row was imported from: delete the repeated "
                     "row, or empty its ref if it really is another event", "duplicate-ref")


def validate_log(contacts_raw: pd.DataFrame, interactions_raw: pd.DataFrame, *,
                 contacts_file: str = CONTACTS_FILE,
                 interactions_file: str = INTERACTIONS_FILE) -> list[Problem]:
    """Validate both files of a log together; return every problem."""
    problems = validate_contacts(contacts_raw, file=contacts_file)
    ids = contacts_raw[CONTACT_ID] if CONTACT_ID in contacts_raw else []
    problems += validate_interactions(interactions_raw, ids, file=interactions_file)
    return sort_problems(problems)


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Problems in reading order: by file, then row (whole-file problems first)."""
    return sorted(problems, key=lambda p: (p.file, -1 if p.row is None else p.row))


# --- typed frames ------------------------------------------------------------------
def _typed_frame(raw: pd.DataFrame, standard, converted: dict) -> pd.DataFrame:
    """Standard columns in order (missing ones empty), then the file's extra columns;
    ``converted`` holds the typed columns, every other column stays text (no copy made
    of a column that is text already)."""
    n = len(raw)
    cols = list(standard) + [c for c in raw.columns if c not in standard]
    data = {}
    for c in cols:
        if c in converted:
            data[c] = converted[c]
        elif c in raw:
            col = raw[c]
            data[c] = col.array if isinstance(col.dtype, pd.StringDtype) else col.astype("str").array
        else:
            data[c] = _empty_text(n)
    return pd.DataFrame(data, index=pd.RangeIndex(n), columns=cols, copy=False)


def _empty_text(n: int):
    """``n`` empty strings as a ``str`` array, made by Arrow (no list of n objects)."""
    import pyarrow as pa

    arr = pa.repeat(pa.scalar("", pa.large_string()), n)
    return pd.Series(arr, dtype=pd.StringDtype("pyarrow", na_value=np.nan), copy=False).array


def empty_contacts() -> pd.DataFrame:
    """An empty raw contacts frame with the standard header."""
    return pd.DataFrame({c: pd.Series([], dtype="str") for c in CONTACT_COLUMNS})


def empty_interactions() -> pd.DataFrame:
    """An empty raw interactions frame with the standard header."""
    return pd.DataFrame({c: pd.Series([], dtype="str")
                         for c in INTERACTION_COLUMNS + INTERACTION_OPTIONAL_COLUMNS})


def _parsed_or_parse(raw, parsed, column, *, date_only):
    got = (parsed or {}).get(column)
    if got is not None and len(got) == len(raw) and got.index.equals(raw.index):
        return got
    if column not in raw:
        return pd.Series(np.full(len(raw), np.datetime64("NaT"), dtype="datetime64[us]"),
                         index=raw.index)
    return _text_to_datetimes(raw[column].astype(str), date_only=date_only)[0]


def _priority_numbers(col: pd.Series):
    """Valid priority text (``1``–``5`` or empty) as nullable Int64 by one Arrow cast, or
    None when the column is not Arrow text holding only those values."""
    arr = _arrow(col)
    if arr is None or not _fast_all_in(arr, (*PRIORITIES, "")):
        return None
    import pyarrow as pa
    import pyarrow.compute as pc

    numbers = pc.if_else(pc.equal(arr, ""), pa.scalar(None, arr.type), arr)
    return pd.array(pc.cast(numbers, pa.int64()).to_pandas(types_mapper={
        pa.int64(): pd.Int64Dtype()}.get), dtype="Int64")


def to_typed_contacts(raw: pd.DataFrame, parsed: dict | None = None) -> pd.DataFrame:
    """Typed contacts from valid raw text.

    Text stays text (``0041…`` keeps its zeros, ``NA`` stays ``NA``), ``priority``
    becomes nullable ``Int64``, ``added_on`` a ``datetime64`` date. Standard columns
    missing from the file are added empty; extra columns follow in file order.
    """
    priority = _priority_numbers(raw[PRIORITY]) if PRIORITY in raw else None
    if priority is None:
        pr = raw[PRIORITY].to_numpy(dtype=object) if PRIORITY in raw else np.full(len(raw), "")
        priority = pd.array(pd.to_numeric(pd.Series(pr).where(pr != ""), errors="coerce"),
                            dtype="Int64")
    added = _parsed_or_parse(raw, parsed, ADDED_ON, date_only=True).dt.normalize().to_numpy()
    return _typed_frame(raw, CONTACT_COLUMNS, {PRIORITY: priority, ADDED_ON: added})


def to_typed_interactions(raw: pd.DataFrame, parsed: dict | None = None) -> pd.DataFrame:
    """Typed interactions from valid raw text.

    ``date`` and ``scheduled_for`` become ``datetime64`` (a date alone is midnight;
    ``scheduled_for`` is ``NaT`` when empty); the rest stays text.
    """
    std = INTERACTION_COLUMNS + INTERACTION_OPTIONAL_COLUMNS
    return _typed_frame(raw, std, {
        DATE: _parsed_or_parse(raw, parsed, DATE, date_only=False).to_numpy(),
        SCHEDULED_FOR: _parsed_or_parse(raw, parsed, SCHEDULED_FOR, date_only=False).to_numpy(),
    })
