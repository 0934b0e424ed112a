"""Dates as people write them in spreadsheets and exports, read as ISO text.

:func:`parse_import_date` reads ISO dates and date-times, ``05 May 2026``, ``May 5, 2026``
and numeric day/month forms; :func:`_date_order` decides once per column whether
``03/04/2026`` is day-first, from the values themselves or the file's conventions.
"""
from __future__ import annotations

import datetime as _dt
import re



_MONTHS = {m: i for i, m in enumerate(
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], start=1)}
_MONTHS.update({"sept": 9})
_MONTHS.update({name: i for i, name in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)})
_TIME = r"(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?"
_RE_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})" + _TIME)
_RE_DMONY = re.compile(r"(\d{1,2})[ \-.]+([A-Za-z]+)\.?,?[ \-.]+(\d{2,4})" + _TIME)
_RE_MONDY = re.compile(r"([A-Za-z]+)\.?[ \-]+(\d{1,2})(?:st|nd|rd|th)?,?[ \-]+(\d{4})" + _TIME)
_RE_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{2,4})" + _TIME)
_RE_SLASHED = re.compile(r"(\d{1,2})[/-](\d{1,2})[/-](\d{2,4})" + _TIME)


def _year(text: str) -> int:
    y = int(text)
    if len(text) == 2:
        y += 2000 if y < 70 else 1900
    return y


def _iso(y, m, d, hh=None, mm=None, ss=None) -> str:
    try:
        day = _dt.date(int(y), int(m), int(d))
    except ValueError:
        raise ValueError("is not a real calendar date") from None
    if hh is None:
        return day.isoformat()
    h, mi, s = int(hh), int(mm), int(ss or 0)
    if h > 23 or mi > 59 or s > 59:
        raise ValueError("has an impossible time of day")
    return f"{day.isoformat()}T{h:02d}:{mi:02d}" + (f":{s:02d}" if s else "")


def parse_import_date(text: str, *, dayfirst: bool | None = None) -> str:
    """Read a date as spreadsheets and exports write it; return ISO text.

    Accepted: ``2026-05-05`` (optionally with ``09:30``), ``2026/05/05``,
    ``08 Feb 2023`` (LinkedIn), ``8 February 2023``, ``Feb 8, 2023``, ``08.02.2023``
    (day first) and ``02/08/2023`` — the last one needs ``dayfirst`` (the column's
    order, found by :func:`_date_order`).

    Returns
    -------
    str
        ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``.

    Raises
    ------
    ValueError
        With a short reason, when the text is not one of those dates.

    Examples
    --------
    >>> parse_import_date("08 Feb 2023"), parse_import_date("3/4/2026", dayfirst=True)
    ('2023-02-08', '2026-04-03')
    """
    t = str(text).strip()
    m = _RE_ISO.fullmatch(t)
    if m:
        return _iso(*m.groups())
    for rx, order in ((_RE_DMONY, "dmy"), (_RE_MONDY, "mdy")):
        m = rx.fullmatch(t)
        if m:
            g = m.groups()
            d, mon, y = (g[0], g[1], g[2]) if order == "dmy" else (g[1], g[0], g[2])
            month = _MONTHS.get(mon.casefold())
            if month is None:
                raise ValueError(f"{mon!r} is not an English month name")
            return _iso(_year(y), month, d, *g[3:])
    m = _RE_DOTTED.fullmatch(t)
    if m:
        g = m.groups()
        return _iso(_year(g[2]), g[1], g[0], *g[3:])
    m = _RE_SLASHED.fullmatch(t)
    if m:
        g = m.groups()
        if dayfirst is None:
            raise ValueError("is ambiguous (day/month or month/day?)")
        d, mo = (g[0], g[1]) if dayfirst else (g[1], g[0])
        return _iso(_year(g[2]), mo, d, *g[3:])
    raise ValueError("is not a date")


def _date_order(values: list[str], *, default_dayfirst: bool) -> tuple[bool | None, str | None]:
    """Day-first or month-first for a column of ``a/b/yyyy`` dates, and a warning if guessed."""
    firsts, seconds = [], []
    for v in values:
        m = _RE_SLASHED.fullmatch(v.strip())
        if m:
            firsts.append(int(m.group(1)))
            seconds.append(int(m.group(2)))
    if not firsts:
        return default_dayfirst, None
    day_first = any(a > 12 for a in firsts)
    month_first = any(b > 12 for b in seconds)
    if day_first and month_first:
        return None, None
    if day_first or month_first:
        return day_first, None
    order = "day/month/year" if default_dayfirst else "month/day/year"
    return default_dayfirst, f"dates such as {values[0].strip()!r} were read as {order}"


_DATE_HELP = ("write it as 2026-05-05 (or 05 May 2026); a date-time as 2026-05-05T09:30")
