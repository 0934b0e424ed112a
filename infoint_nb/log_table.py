"""The log as one table, filtered: the query behind notebook 04's table of your log.

:class:`LogTable` prepares, once per log and day, the unfiltered people and
interactions tables and one case-folded search text per row; :meth:`LogTable.filter`
then only combines boolean masks (people and their interactions are linked by
integer codes, not by comparing ids as text) and scans one Arrow string column per
table, so a keystroke in a search box costs a few vectorised passes, not a rebuild.
:meth:`LogTable.positions` gives the matching rows without building the filtered
frame, for a caller that shows only the first of them.

Use it through :meth:`infoint_nb.campaign.Campaign.filter_log` (or the form wrapper
:func:`infoint_nb.forms.track.filter_log`); a ``Campaign`` supplies the stages.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from . import schema as S
from .errors import InfointError
from .vocabulary import LOG_VIEWS, NO_GROUP_LABELS

__all__ = ["LogTable", "VIEWS", "ALL", "NO_COMPANY"]

#: The two views of the table: one row per person, or one row per interaction.
VIEWS = LOG_VIEWS
#: The filter value that means "no filter".
ALL = ""
#: The company filter value for people without one.
NO_COMPANY = NO_GROUP_LABELS[S.COMPANY]
_SEP = "\x00"  # between the columns of a row's search text (never typed in a search box)
_SAID = (S.NOTES, S.PLACE, S.KIND, S.CHANNEL)  # what an interaction "mentions"


def check_view(view) -> None:
    """Raise :class:`InfointError` unless ``view`` is one of :data:`VIEWS`."""
    if view not in VIEWS:
        raise InfointError(f"filter_log: view {view!r} is not allowed; use 'contacts' or "
                           "'interactions'")


class LogTable:
    """The two tables of :meth:`Campaign.filter_log`, prepared once, filtered many times.

    Parameters
    ----------
    contacts, interactions : DataFrame
        The typed frames of a log.
    timeline : DataFrame or None
        :meth:`Campaign.timeline` of these frames (its ``stage`` column is shown and
        filtered on); ``None``: nobody has a stage (a log without contacts).
    """

    def __init__(self, contacts: pd.DataFrame, interactions: pd.DataFrame, *,
                 timeline: pd.DataFrame | None = None):
        c = contacts
        if timeline is None:
            timeline = pd.DataFrame({S.CONTACT_ID: pd.Series([], dtype="str"),
                                     "stage": pd.Series([], dtype="str")})
        self.contacts, self.interactions = c, interactions
        nc, ni = len(c), len(interactions)
        # people, their interactions and their stages linked by integer codes: one
        # factorisation of every id (Arrow's dictionary encoding for Arrow text), no
        # Python object per row; a missing id gets the last code, never set in a mask
        ids = pd.concat([c[S.CONTACT_ID], interactions[S.CONTACT_ID],
                         timeline[S.CONTACT_ID]], ignore_index=True)
        codes, uniques = pd.factorize(ids)
        self._ncodes = len(uniques) + 1
        codes = np.where(codes < 0, len(uniques), codes)
        self._ccodes, self._icodes = codes[:nc], codes[nc:nc + ni]
        stage_of = np.full(self._ncodes, "", dtype=object)
        stage_of[codes[nc + ni:]] = timeline["stage"].to_numpy(dtype=object)
        stage_of[-1] = ""
        self._stage_values = stage_of[self._ccodes]
        self._stage = pd.Series(self._stage_values, index=c.index, dtype="str")
        self._company = c[S.COMPANY].where(c[S.COMPANY] != "", NO_COMPANY).to_numpy()
        self._kinds = interactions[S.KIND].to_numpy()
        self._people = None
        self._inter = None
        self._said = None

    # -- the unfiltered tables, each made on first use ------------------------------------
    def _people_table(self):
        if self._people is None:
            c, interactions = self.contacts, self.interactions
            # per person: how many interactions and the latest day (by code, as a
            # groupby by contact_id would count them)
            counted = self._icodes[self._icodes < self._ncodes - 1]
            size = np.bincount(counted, minlength=self._ncodes)
            dates = interactions[S.DATE].to_numpy()
            latest = np.full(self._ncodes, np.datetime64("NaT"), dtype=dates.dtype)
            if len(counted):
                ticks = latest.view("int64")  # NaT is the smallest: max skips it
                np.maximum.at(ticks, self._icodes, dates.view("int64"))
                latest[-1] = np.datetime64("NaT")
            last = pd.Series(pd.DatetimeIndex(latest[self._ccodes]).strftime("%Y-%m-%d"),
                             index=c.index, dtype="str").fillna("")
            out = pd.DataFrame({
                S.CONTACT_ID: c[S.CONTACT_ID], S.NAME: c[S.NAME],
                S.COMPANY: c[S.COMPANY], S.ROLE: c[S.ROLE],
                "stage": self._stage,
                S.PRIORITY: c[S.PRIORITY], S.SOURCE: c[S.SOURCE],
                "interactions": pd.Series(size[self._ccodes], index=c.index, dtype="int64"),
                "last": last,
                S.NOTES: c[S.NOTES],
            })
            self._people = (out, _haystack(out))
        return self._people

    def _interaction_table(self):
        if self._inter is None:
            c, i = self.contacts, self.interactions
            has_time = (i[S.DATE].dt.hour > 0) | (i[S.DATE].dt.minute > 0)
            # "%Y-%m-%d %H:%M" costs 2 µs a row in strftime; the day and then the
            # hour and minute of the rows that have one cost a tenth of that
            day = i[S.DATE].dt.strftime("%Y-%m-%d")
            if has_time.any():
                when = i[S.DATE][has_time]
                two = pd.Series([f"{k:02d}" for k in range(60)], dtype="str")
                hour = two.take(when.dt.hour.to_numpy()).set_axis(when.index)
                minute = two.take(when.dt.minute.to_numpy()).set_axis(when.index)
                day = day.where(~has_time, day[has_time] + " " + hour + ":" + minute)
            out = pd.DataFrame({
                S.INTERACTION_ID: i[S.INTERACTION_ID], S.DATE: day,
                S.CONTACT_ID: i[S.CONTACT_ID], S.NAME: self._of_interaction(c[S.NAME]),
                S.COMPANY: self._of_interaction(c[S.COMPANY]), S.KIND: i[S.KIND],
                S.CHANNEL: i[S.CHANNEL], S.NOTES: i[S.NOTES],
            })
            self._inter = (out, _haystack(out))
        return self._inter

    def _of_interaction(self, column: pd.Series) -> pd.Series:
        """The contacts' ``column`` for each interaction's person (missing for nobody)."""
        row_of = np.full(self._ncodes, -1, dtype=np.intp)
        row_of[self._ccodes] = np.arange(len(self._ccodes))
        row_of[-1] = -1
        rows = row_of[self._icodes]
        if len(column) == 0:
            return pd.Series(np.nan, index=self.interactions.index, dtype="str")
        # a take on the Arrow text (no Python string per row), then the misses blanked
        taken = pd.Series(column.take(np.where(rows < 0, 0, rows)).array,
                          index=self.interactions.index)
        return taken.where(rows >= 0)

    def _said_text(self):
        if self._said is None:
            self._said = _haystack(self.interactions[list(_SAID)])
        return self._said

    # -- masks --------------------------------------------------------------------------
    def _people_with(self, imask: np.ndarray) -> np.ndarray:
        """Per contact row: has at least one interaction where ``imask`` holds."""
        has = np.zeros(self._ncodes, dtype=bool)
        has[self._icodes[imask]] = True
        has[-1] = False
        return has[self._ccodes]

    def _interactions_of(self, keep: np.ndarray) -> np.ndarray:
        """Per interaction: its person is one of the contact rows where ``keep`` holds."""
        person = np.zeros(self._ncodes, dtype=bool)
        person[self._ccodes[keep]] = True
        person[-1] = False
        return person[self._icodes]

    def positions(self, *, view: str = "contacts", company: str = ALL, stage: str = ALL,
                  kind: str = ALL, search: str = "") -> np.ndarray:
        """The rows of :meth:`table` ``(view)`` that match, in the order shown."""
        check_view(view)
        keep = np.ones(len(self.contacts), dtype=bool)
        if company:
            keep &= self._company == company
        if stage:
            keep &= self._stage_values == stage
        if company or stage:
            in_people = self._interactions_of(keep)
        else:
            in_people = np.ones(len(self.interactions), dtype=bool)
        imask = in_people & (self._kinds == kind) if kind else in_people
        if view == "contacts" and kind:
            keep &= self._people_with(imask)
        needle = search.strip().casefold() if search.strip() else ""
        if view == "contacts":
            table, hay = self._people_table()
            rows = keep
            if needle:
                hit = _hits(table, hay, needle)
                said = imask & _hits(self.interactions[list(_SAID)], self._said_text(),
                                     needle)
                hit = hit | self._people_with(said)
                rows = rows & hit
            return np.flatnonzero(rows)
        table, hay = self._interaction_table()
        rows = imask
        if needle:
            rows = rows & _hits(table, hay, needle)
        return np.flatnonzero(rows)[::-1]

    def table(self, view: str = "contacts") -> pd.DataFrame:
        """The unfiltered table of ``view`` (shared: do not change it in place)."""
        check_view(view)
        return (self._people_table() if view == "contacts" else self._interaction_table())[0]

    def filter(self, *, view: str = "contacts", company: str = ALL, stage: str = ALL,
               kind: str = ALL, search: str = "") -> pd.DataFrame:
        """The table for these filters (see :meth:`Campaign.filter_log`)."""
        rows = self.positions(view=view, company=company, stage=stage, kind=kind,
                              search=search)
        return self.table(view).iloc[rows].reset_index(drop=True)


def _haystack(frame: pd.DataFrame):
    """Each row's text, case-folded, the columns joined by :data:`_SEP` (as :func:`_contains`
    sees them), as an Arrow string array."""
    import pyarrow as pa
    import pyarrow.compute as pc
    if len(frame.columns) == 0 or len(frame) == 0:
        return pa.array([""] * len(frame), type=pa.large_string())
    # a missing value matches nothing (as in _contains): it joins as ""
    parts = [_arrow_text(frame[col].astype(str).fillna("")) for col in frame.columns]
    joined = pc.binary_join_element_wise(*parts, pa.scalar(_SEP, type=pa.large_string()))
    # Case folding maps each character on its own, so folding the joined text is
    # folding each cell; on ASCII text it is lower-casing, which Arrow does at once.
    # Only the other rows go through Python's str.casefold
    folded = pc.ascii_lower(joined)
    other = np.flatnonzero(~pc.string_is_ascii(joined).to_numpy(zero_copy_only=False))
    if len(other):
        texts = folded.to_numpy(zero_copy_only=False)
        texts[other] = [t.casefold() for t in texts[other]]
        folded = pa.array(texts, type=pa.large_string())
    return folded


def _arrow_text(column: pd.Series):
    """``column`` (text, no missing values) as one Arrow large_string array."""
    import pyarrow as pa
    arr = S._arrow(column)
    if arr is None:
        return pa.array(column.to_numpy(dtype=object), type=pa.large_string())
    if isinstance(arr, pa.ChunkedArray):
        arr = arr.combine_chunks()
    return arr.cast(pa.large_string())


def _hits(frame: pd.DataFrame, hay, needle: str) -> np.ndarray:
    """Rows of ``frame`` whose text contains ``needle`` (case-folded), via its haystack."""
    if _SEP in needle:  # cannot happen from a text box; the column-by-column way then
        return _contains(frame, needle).to_numpy()
    import pyarrow.compute as pc
    if len(hay) == 0:
        return np.zeros(0, dtype=bool)
    return pc.match_substring(hay, needle).to_numpy(zero_copy_only=False)


def _contains(frame: pd.DataFrame, needle: str) -> pd.Series:
    """Rows where any column's text contains ``needle`` (already case-folded)."""
    hit = pd.Series(False, index=frame.index)
    for col in frame.columns:
        hit |= frame[col].astype(str).str.casefold().str.contains(needle, regex=False)
    return hit
