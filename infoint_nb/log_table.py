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

__all__ = ["LogTable", "VIEWS", "ALL", "NO_COMPANY"]

#: The two views of the table: one row per person, or one row per interaction.
VIEWS = ("contacts", "interactions")
#: The filter value that means "no filter".
ALL = ""
#: The company filter value for people without one.
NO_COMPANY = "(no company)"
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
        # Series look-ups (not dicts): no Python object per row on a large log
        stage_of = pd.Series(timeline["stage"].to_numpy(),
                             index=timeline[S.CONTACT_ID].to_numpy())
        self.contacts, self.interactions = c, interactions
        self._company = c[S.COMPANY].where(c[S.COMPANY] != "", NO_COMPANY).to_numpy()
        self._stage = c[S.CONTACT_ID].map(stage_of).fillna("")
        self._stage_values = self._stage.to_numpy()
        self._kinds = interactions[S.KIND].to_numpy()
        # people and interactions linked by integer codes: code k is the k-th distinct
        # contact id; an interaction of an unknown id gets -1, the last slot of every
        # per-code mask, which is always False
        ccodes, uniques = pd.factorize(c[S.CONTACT_ID].to_numpy(dtype=object))
        self._ccodes = np.where(ccodes < 0, len(uniques), ccodes)
        self._icodes = pd.Index(uniques).get_indexer(
            interactions[S.CONTACT_ID].to_numpy(dtype=object)) if len(interactions) else \
            np.zeros(0, dtype=np.intp)
        self._ncodes = len(uniques) + 1
        self._people = None
        self._inter = None
        self._said = None

    # -- the unfiltered tables, each made on first use ------------------------------------
    def _people_table(self):
        if self._people is None:
            c, interactions = self.contacts, self.interactions
            mine = interactions.groupby(S.CONTACT_ID)[S.DATE]
            out = pd.DataFrame({
                S.CONTACT_ID: c[S.CONTACT_ID], S.NAME: c[S.NAME],
                S.COMPANY: c[S.COMPANY], S.ROLE: c[S.ROLE],
                "stage": self._stage,
                S.PRIORITY: c[S.PRIORITY], S.SOURCE: c[S.SOURCE],
                "interactions": c[S.CONTACT_ID].map(mine.size()).fillna(0)
                .astype("int64"),
                "last": c[S.CONTACT_ID].map(mine.max().dt.strftime("%Y-%m-%d"))
                .fillna("").astype("str"),
                S.NOTES: c[S.NOTES],
            })
            self._people = (out, _haystack(out))
        return self._people

    def _interaction_table(self):
        if self._inter is None:
            c, i = self.contacts, self.interactions
            names = dict(zip(c[S.CONTACT_ID], c[S.NAME]))
            companies = dict(zip(c[S.CONTACT_ID], c[S.COMPANY]))
            has_time = (i[S.DATE].dt.hour > 0) | (i[S.DATE].dt.minute > 0)
            out = pd.DataFrame({
                S.INTERACTION_ID: i[S.INTERACTION_ID],
                S.DATE: i[S.DATE].dt.strftime("%Y-%m-%d").where(
                    ~has_time, i[S.DATE].dt.strftime("%Y-%m-%d %H:%M")),
                S.CONTACT_ID: i[S.CONTACT_ID], S.NAME: i[S.CONTACT_ID].map(names),
                S.COMPANY: i[S.CONTACT_ID].map(companies), S.KIND: i[S.KIND],
                S.CHANNEL: i[S.CHANNEL], S.NOTES: i[S.NOTES],
            })
            self._inter = (out, _haystack(out))
        return self._inter

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
    if len(frame.columns) == 0 or len(frame) == 0:
        return pa.array([""] * len(frame), type=pa.large_string())
    # a missing value matches nothing (as in _contains): it joins as "". Case folding
    # maps each character on its own, so folding the joined text once per row is
    # folding each cell
    parts = [frame[col].astype(str).fillna("") for col in frame.columns]
    joined = parts[0].str.cat(parts[1:], sep=_SEP, na_rep="")
    folded = [text.casefold() for text in joined.tolist()]
    return pa.array(folded, type=pa.large_string())


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
