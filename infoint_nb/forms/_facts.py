"""What the forms look up in a log, prepared once per version of the log.

A form's refresh runs on every keystroke; on a 10k-contact / 50k-interaction log,
filtering the whole interactions frame for one person, copying the typed frames or
recomputing the due list each time costs 10–150 ms. :func:`facts` hands every form the
same :class:`LogFacts` for as long as the log's files have not changed (a change or a
reload replaces the log's raw frames, see :func:`~infoint_nb.forms._base.log_version`),
and :class:`LogFacts` computes each thing at most once:

- the typed ``contacts`` and ``interactions`` (one copy, not one per look-up);
- ``interactions_of(cid)`` — one person's rows in file order, from an index built once;
- ``contact_row(cid)`` — the contacts-file row as text, by a dict look-up;
- ``referred_by(cid)`` — the contacts-file rows of the people ``cid`` referred;
- ``campaign(as_of, mode)`` — one :class:`~infoint_nb.campaign.Campaign` per day asked
  for, and from it ``due(as_of, mode)``, ``upcoming(as_of)``, ``timeline(as_of)``, each
  made once (callers must not change them in place); the campaign's queries
  (``latest_meeting``, ``last_met_contact``, ``filter_log``) are the forms' too.
"""
from __future__ import annotations

from functools import cached_property

import pandas as pd

from .. import schema as S
from ..vocabulary import DEFAULT_MODE
from ..campaign import Positions as _Positions
from ..campaign import positions_by_value as _positions

__all__ = ["LogFacts", "facts"]


class LogFacts:
    """Look-ups on one version of a log (see the module docstring)."""

    def __init__(self, log):
        from ._base import log_version
        self.log = log
        self.key = log_version(log)
        self._memo: dict = {}

    # -- frames --------------------------------------------------------------------------
    @cached_property
    def contacts(self) -> pd.DataFrame:
        return self.log.contacts

    @cached_property
    def interactions(self) -> pd.DataFrame:
        return self.log.interactions

    @cached_property
    def raw_contacts(self) -> pd.DataFrame:
        return self.log.raw_contacts

    @cached_property
    def raw_interactions(self) -> pd.DataFrame:
        return self.log.raw_interactions

    # -- one person ----------------------------------------------------------------------
    @cached_property
    def _positions(self) -> _Positions:
        return _positions(self.interactions[S.CONTACT_ID])

    @cached_property
    def _raw_positions(self) -> _Positions:
        return _positions(self.raw_interactions[S.CONTACT_ID])

    def interactions_of(self, cid: str | None) -> pd.DataFrame:
        """``cid``'s typed interactions, in file order (an empty frame for nobody)."""
        i = self.interactions
        pos = self._positions.get(cid) if cid else None
        return i.iloc[pos] if pos is not None else i.iloc[:0]

    def raw_interactions_of(self, cid: str | None) -> pd.DataFrame:
        """``cid``'s rows of the interactions file as stored, in file order."""
        i = self.raw_interactions
        pos = self._raw_positions.get(cid) if cid else None
        return i.iloc[pos] if pos is not None else i.iloc[:0]

    @cached_property
    def _interaction_at(self) -> dict:
        out: dict = {}
        for k, iid in enumerate(self.raw_interactions[S.INTERACTION_ID].tolist()):
            out.setdefault(iid, k)
        return out

    def raw_interaction_row(self, iid: str | None) -> dict:
        """The interactions-file row of ``iid`` as text (``{}`` for none or an unknown id)."""
        k = self._interaction_at.get(iid) if iid else None
        if k is None:
            return {}
        return {key: str(v) for key, v in self.raw_interactions.iloc[k].items()}

    @cached_property
    def _row_at(self) -> dict:
        ids = self.raw_contacts[S.CONTACT_ID].tolist()
        out: dict = {}
        for k, cid in enumerate(ids):
            out.setdefault(cid, k)  # the first row of an id, as a filter's iloc[0]
        return out

    def contact_row(self, cid: str | None) -> dict:
        """The contacts-file row of ``cid`` as text (``{}`` for nobody or an unknown id)."""
        k = self._row_at.get(cid) if cid else None
        if k is None:
            return {}
        row = self._once(("contact_row", k), lambda: {
            key: str(v) for key, v in self.raw_contacts.iloc[k].items()})
        return dict(row)

    @cached_property
    def _referred_positions(self) -> _Positions | dict:
        c = self.raw_contacts
        return _positions(c[S.REFERRED_BY]) if S.REFERRED_BY in c else {}

    def referred_by(self, cid: str | None) -> pd.DataFrame:
        """The contacts-file rows whose ``referred_by`` is ``cid``, in file order."""
        c = self.raw_contacts
        pos = self._referred_positions.get(cid) if cid else None
        return c.iloc[pos] if pos is not None else c.iloc[:0]

    # -- metrics tables, once per day ----------------------------------------------------
    def _once(self, key, make):
        if key not in self._memo:
            self._memo[key] = make()
        return self._memo[key]

    def campaign(self, as_of: str, mode: str = DEFAULT_MODE):
        """The :class:`~infoint_nb.campaign.Campaign` of this log as of ``as_of`` (ISO
        text) in ``mode``: the log prepared once for every table a form shows that day."""
        return self._once(("campaign", as_of, mode), lambda: self._campaign(as_of, mode))

    def _campaign(self, as_of: str, mode: str):
        from ..campaign import Cadence, Campaign
        c = Campaign(self.contacts, self.interactions, as_of=as_of, cadence=Cadence(mode=mode))
        # the per-person index is one per version of the log, shared by every day's
        # campaign (a cached_property filled in ahead)
        c.__dict__["_positions"] = self._positions
        return c

    def due(self, as_of: str, mode: str = DEFAULT_MODE) -> pd.DataFrame:
        """:meth:`Campaign.due` as of ``as_of`` (ISO text) in ``mode``."""
        return self._once(("due", as_of, mode), lambda: self.campaign(as_of, mode).due())

    def upcoming(self, as_of: str) -> pd.DataFrame:
        """:meth:`Campaign.meetings` as of ``as_of`` (ISO text)."""
        return self._once(("upcoming", as_of), lambda: self.campaign(as_of).meetings())

    def timeline(self, as_of: str) -> pd.DataFrame | None:
        """:meth:`Campaign.timeline` as of ``as_of`` (None for a log with nobody)."""
        return self._once(("timeline", as_of), lambda: self.campaign(as_of).timeline()
                          if len(self.contacts) else None)

    def once(self, key, make):
        """Anything else a form derives from this version of the log, made once."""
        return self._once(("other", key), make)


_CACHE: list = []  # (LogFacts, …) of the last few logs, newest last


def facts(log) -> LogFacts:
    """The :class:`LogFacts` of ``log`` as its files are now (built on first use)."""
    from ._base import log_version, same_version
    key = log_version(log)
    for f in _CACHE:
        if same_version(f.key, key):
            return f
    f = LogFacts(log)
    _CACHE.append(f)
    del _CACHE[:-4]
    return f
