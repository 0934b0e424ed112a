"""A campaign read as of one day: the log prepared once, every table served from it.

``Campaign(contacts, interactions, as_of=..., cadence=Cadence())`` clips the log to
``as_of``, sorts it and works out the per-contact facts once (lazily: a table asks
only for what it needs) and serves the tables of :mod:`infoint_nb.metrics`, whose
public functions are thin wrappers building a ``Campaign``. The definitions stay in
``metrics`` (one definition of every quantity, DESIGN.md §3); this module only
decides what is prepared once and reused.
"""
from __future__ import annotations

import dataclasses
import datetime as _dt
import re
from dataclasses import dataclass
from functools import cached_property

import numpy as np
import pandas as pd

from . import config
from . import metrics as M
from .vocabulary import DEFAULT_MODE
from . import schema as S

__all__ = ["Cadence", "Campaign", "DEFAULT_MINUTES"]

#: Meeting length assumed when nothing says otherwise.
DEFAULT_MINUTES = 20
_MINUTES_RE = re.compile(r"\b(\d{1,3})\s*(?:minutes|min)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Cadence:
    """How often to follow up and keep in touch (the settings of the due list and stages).

    Attributes
    ----------
    follow_up_days : int
        Days after the last unanswered attempt before a follow-up is due (≥ 1).
    max_follow_ups : int
        Follow-ups after a first attempt before the contact has gone quiet (≥ 0).
    update_every_days : int
        Days between updates after the last meeting, thank-you or update (≥ 1).
    mode : {"default", "3b7"}
        The follow-up cadence; ``"3b7"`` is Steve Dalton's routine.
    follow_up_business_days : int
        3B7 mode: business days after the last unanswered attempt before a follow-up.
    next_contact_business_days : int
        3B7 mode: business days without a response before the next person at the
        same company is due.
    booster_business_days, curmudgeon_business_days : int
        Dalton's classes: a booster answers within the first, a curmudgeon has not
        answered two attempts after the second.

    Raises
    ------
    ParameterError
        When a setting is not allowed (checked when the ``Cadence`` is made).

    Examples
    --------
    >>> Cadence(mode="3b7").follow_up_business_days
    7
    """

    follow_up_days: int = config.FOLLOW_UP_DAYS
    max_follow_ups: int = config.MAX_FOLLOW_UPS
    update_every_days: int = config.UPDATE_EVERY_DAYS
    mode: str = DEFAULT_MODE
    follow_up_business_days: int = config.CURMUDGEON_BUSINESS_DAYS
    next_contact_business_days: int = config.THREE_B_SEVEN_NEXT_DAYS
    booster_business_days: int = config.BOOSTER_BUSINESS_DAYS
    curmudgeon_business_days: int = config.CURMUDGEON_BUSINESS_DAYS

    def __post_init__(self):
        # the order of the old followups_due checks: the first bad setting is named
        M._check_count(self.follow_up_days, "follow_up_days", minimum=1)
        M._check_count(self.max_follow_ups, "max_follow_ups")
        M._check_count(self.update_every_days, "update_every_days", minimum=1)
        M._check_choice(self.mode, M.MODES, "mode")
        M._check_count(self.follow_up_business_days, "follow_up_business_days", minimum=1)
        M._check_count(self.next_contact_business_days, "next_contact_business_days",
                       minimum=1)
        M._check_count(self.booster_business_days, "booster_business_days")
        M._check_count(self.curmudgeon_business_days, "curmudgeon_business_days")


class Campaign:
    """A log read as of one day, prepared once; every table of :mod:`metrics` from it.

    Parameters
    ----------
    contacts, interactions : DataFrame
        The typed frames of a ``ContactLog`` (``log.contacts``, ``log.interactions``),
        or filtered copies of them. They are not copied and must not change while
        the campaign is in use.
    as_of : str, date, Timestamp or None
        The day to read the log as of (``None``: today); anything dated later is
        ignored. Use :meth:`from_log` to get the log's own default day.
    cadence : Cadence
        Follow-up settings (stages, Dalton classes and the due list depend on them).

    API
    ---
    Attributes: ``contacts``, ``interactions`` (the frames as given), ``as_of``
    (midnight Timestamp), ``cadence``.

    Tables (each computed on first use, then cached; every call returns its own
    frame, so changing a result changes nothing else):

    - :meth:`timeline` — :func:`metrics.contact_timeline`
    - :meth:`response_by` ``(by="company")`` — :func:`metrics.response_by`
    - :meth:`fastest_responders` ``(by="company", top=None)``
    - :meth:`funnel` — :func:`metrics.funnel`
    - :meth:`growth` — :func:`metrics.network_growth`
    - :meth:`chains` — :func:`metrics.referral_chains`
    - :meth:`summary` — :func:`metrics.summarize` (a dict)
    - :meth:`due` ``(ahead=0)`` — :func:`metrics.followups_due`; ``ahead=6``: what is
      known on ``as_of`` read six days later (the coming week)
    - :meth:`meetings` — :func:`metrics.upcoming_meetings`
    - :meth:`survival` ``(by="company", top=5)`` — :func:`metrics.survival_table`,
      the table :func:`charts.plot_survival` draws
    - :meth:`leads` — :func:`metrics.leads`

    Queries the forms ask (data in, data out; no widgets):

    - :meth:`interactions_of` ``(contact_id)`` — one person's rows, in file order
    - :meth:`latest_meeting` ``(contact_id)`` — the latest meeting scheduled and held
    - :meth:`last_met_contact` — the person of the latest meeting held by ``as_of``
    - :meth:`filter_log` ``(view=, company=, stage=, kind=, search=)`` — the log as one
      table, filtered (:class:`~infoint_nb.log_table.LogTable`, prepared once)

    The log is clipped, matched to contacts and sorted once; the per-contact facts
    (first contact, response, stage, …) are worked out once, and the response
    facts alone when only response tables are asked for.

    Examples
    --------
    >>> from infoint_nb import ContactLog, config
    >>> log = ContactLog.open(config.SAMPLE_DIR)
    >>> c = Campaign.from_log(log)
    >>> c.summary()["contacts"] == len(c.timeline())
    True
    """

    def __init__(self, contacts: pd.DataFrame, interactions: pd.DataFrame, *, as_of,
                 cadence: Cadence | None = None):
        if cadence is None:
            cadence = Cadence()
        if not isinstance(cadence, Cadence):
            raise M.ParameterError(f"cadence must be a Cadence, but {cadence!r} was passed")
        self.cadence = cadence
        self.as_of = M.resolve_as_of(as_of)
        self.contacts = contacts
        self.interactions = interactions
        self._tables: dict = {}

    @classmethod
    def from_log(cls, log, *, as_of=None, cadence: Cadence | None = None) -> "Campaign":
        """The campaign of an open ``ContactLog``; ``as_of=None`` means
        ``log.default_as_of()`` (the sample's last day, today for any other log)."""
        if as_of is None:
            as_of = log.default_as_of()
        return cls(log.contacts, log.interactions, as_of=as_of, cadence=cadence)

    def __repr__(self) -> str:
        return (f"Campaign({len(self.contacts):,} contacts, {len(self.interactions):,} "
                f"interactions, as_of={self.as_of.date().isoformat()}, {self.cadence})")

    # -- what is prepared once ------------------------------------------------------
    @cached_property
    def _log(self) -> M._Log:
        return M._prepare(self.contacts, self.interactions, self.as_of)

    @cached_property
    def _response_facts(self) -> dict:
        return M._response_facts(self._log)

    @cached_property
    def _facts(self) -> dict:
        return self._facts_of(self._log, self._response_facts)

    @cached_property
    def _is_target(self) -> np.ndarray:
        if "_facts" in self.__dict__:
            return self._facts["is_target"]
        return M._is_target(self._log)

    @cached_property
    def _light_timeline(self) -> pd.DataFrame:
        return M._light_timeline(self._log, self._response_facts)

    def _facts_of(self, log, response=None) -> dict:
        cd = self.cadence
        return M._facts(log, follow_up_days=cd.follow_up_days,
                        max_follow_ups=cd.max_follow_ups,
                        booster_business_days=cd.booster_business_days,
                        curmudgeon_business_days=cd.curmudgeon_business_days,
                        response=response)

    def _cached(self, key, make):
        """The table ``key``, made once; each caller gets its own (copy-on-write) frame."""
        if key not in self._tables:
            self._tables[key] = make()
        table = self._tables[key]
        return table.copy(deep=False) if isinstance(table, pd.DataFrame) else table

    # -- tables ---------------------------------------------------------------------
    def timeline(self) -> pd.DataFrame:
        """One row per contact (:func:`metrics.contact_timeline`)."""
        return self._cached("timeline", lambda: M._timeline_table(self._log, self._facts))

    def response_by(self, by: str = "company") -> pd.DataFrame:
        """Response rate and speed per group (:func:`metrics.response_by`)."""
        M._check_choice(by, M.GROUPINGS, "by")
        return self._cached(("response_by", by), lambda: M._response_table(
            self._light_timeline, by, order="name" if by == "month" else "fastest"))

    def fastest_responders(self, by: str = "company", *, top: int | None = None
                           ) -> pd.DataFrame:
        """Groups by how fast they answer (:func:`metrics.fastest_responders`)."""
        M._check_choice(by, M.GROUPINGS, "by")
        if top is not None:
            M._check_count(top, "top")
        table = (self.response_by(by) if by != "month" else self._cached(
            ("fastest", by), lambda: M._response_table(self._light_timeline, by,
                                                       order="fastest")))
        return table if top is None else table.head(top).reset_index(drop=True)

    def funnel(self) -> pd.DataFrame:
        """How far the targets got (:func:`metrics.funnel`)."""
        return self._cached("funnel", lambda: M._funnel_table(self._facts))

    def growth(self) -> pd.DataFrame:
        """People added per week (:func:`metrics.network_growth`)."""
        return self._cached("growth", lambda: M._growth_table(self._log, self._is_target))

    def chains(self) -> pd.DataFrame:
        """Who referred whom (:func:`metrics.referral_chains`)."""
        return self._cached("chains", lambda: M._chains_table(self.contacts, self.as_of))

    def summary(self) -> dict:
        """The campaign in a few numbers (:func:`metrics.summarize`); a new dict each call."""
        return dict(self._cached("summary", lambda: M._summary(
            self._log, self._response_facts, self._is_target)))

    def due(self, *, ahead: int = 0) -> pd.DataFrame:
        """Everything due (:func:`metrics.followups_due`).

        ``ahead`` days: what is known on ``as_of`` (contacts and interactions up to
        it) read ``ahead`` days later — ``ahead=6`` lists what falls due in the
        coming week, with ``overdue_days`` counted from that later day.
        """
        ahead = M._check_count(ahead, "ahead")
        if ahead == 0:
            return self._cached("due", lambda: M._due_table(self._log, self._facts,
                                                            self.cadence))

        def later():
            log = self._log
            shifted = dataclasses.replace(log, as_of=log.as_of + pd.Timedelta(days=ahead),
                                          today=log.today + ahead)
            if "channel" in log.__dict__:       # the same rows: keep what is made of them
                shifted.__dict__["channel"] = log.channel
            # the facts a due list reads do not depend on the day it is read (only the
            # stage and the waiting times do), so the campaign's own facts serve
            return M._due_table(shifted, self._facts, self.cadence)
        return self._cached(("due", ahead), later)

    def meetings(self) -> pd.DataFrame:
        """Meetings scheduled for ``as_of`` or later (:func:`metrics.upcoming_meetings`)."""
        return self._cached("meetings", lambda: M._meetings_table(self._log))

    def survival(self, by: str = "company", top: int = 5) -> pd.DataFrame:
        """Kaplan–Meier curves of the ``top`` largest groups (:func:`metrics.survival_table`),
        the table :func:`charts.plot_survival` draws."""
        M._check_choice(by, M.GROUPINGS, "by")
        return self._cached(("survival", by, top), lambda: M.survival_table(
            self._light_timeline, by=by, top=top))

    def leads(self) -> pd.DataFrame:
        """Job leads contacts mentioned, newest first (:func:`metrics.leads`)."""
        return self._cached("leads", lambda: M._leads_table(
            self.contacts, self.interactions, self.as_of))

    # -- queries the forms ask --------------------------------------------------------
    @cached_property
    def _positions(self) -> Positions:
        return positions_by_value(self.interactions[S.CONTACT_ID])

    def interactions_of(self, contact_id: str | None) -> pd.DataFrame:
        """``contact_id``'s interactions, in file order, all of them (not clipped to
        ``as_of``); an empty frame for nobody. Shared rows: do not change them in place."""
        i = self.interactions
        pos = self._positions.get(contact_id) if contact_id else None
        return i.iloc[pos] if pos is not None else i.iloc[:0]

    def latest_meeting(self, contact_id: str | None) -> dict:
        """What the log says about the latest meeting with ``contact_id``.

        The whole log is read (a meeting scheduled after ``as_of`` is the one to
        prepare for), so every ``Campaign`` of the same frames gives the same answer.

        Returns
        -------
        dict
            ``scheduled_for`` (Timestamp or None), ``when`` (text for people), ``place``,
            ``channel``, ``minutes`` (from the notes, else :data:`DEFAULT_MINUTES`),
            ``interaction_id`` of the ``meeting_scheduled`` row, and ``held_on``,
            ``held_id``, ``held_notes``, ``held_channel`` of the latest ``meeting_held``
            row (None or ``""`` when there is none).
        """
        out = _no_meeting()
        if not contact_id:
            return out
        from .planning import human_date
        mine = self.interactions_of(contact_id)
        sched = mine[mine[S.KIND] == S.MEETING_SCHEDULED]
        if len(sched):
            row = sched.iloc[-1]
            when = row[S.SCHEDULED_FOR]
            out.update(interaction_id=row[S.INTERACTION_ID], place=row[S.PLACE],
                       channel=row[S.CHANNEL])
            m = _MINUTES_RE.search(row[S.NOTES] or "")
            if m and 5 <= int(m.group(1)) <= 180:
                out["minutes"] = int(m.group(1))
            if when is not None and when == when:  # not NaT
                out["scheduled_for"] = when
                out["when"] = human_date(when) + (f", {when:%H:%M}"
                                                  if (when.hour or when.minute) else "")
        held = mine[mine[S.KIND] == S.MEETING_HELD]
        if len(held):
            row = held.sort_values(S.DATE, kind="stable").iloc[-1]
            out.update(held_on=row[S.DATE].date(), held_id=row[S.INTERACTION_ID],
                       held_notes=row[S.NOTES], held_channel=row[S.CHANNEL])
        return out

    @cached_property
    def _held_by_date(self) -> pd.DataFrame:
        i = self.interactions
        held = i[i[S.KIND] == S.MEETING_HELD]
        return held.sort_values(S.DATE, kind="stable")[[S.DATE, S.CONTACT_ID]]

    def last_met_contact(self) -> str | None:
        """The ``contact_id`` of the latest ``meeting_held`` on or before ``as_of`` (or None)."""
        if len(self.interactions) == 0:
            return None
        end = _dt.datetime.combine(self.as_of.date(), _dt.time.max)
        held = self._held_by_date
        n = int(held[S.DATE].searchsorted(end, side="right")) if len(held) else 0
        return str(held[S.CONTACT_ID].iloc[n - 1]) if n else None

    def log_table(self):
        """The :class:`~infoint_nb.log_table.LogTable` of this campaign (made once): the
        people and interactions tables with the stages as of ``as_of``."""
        if "log_table" not in self._tables:
            from .log_table import LogTable
            self._tables["log_table"] = LogTable(
                self.contacts, self.interactions,
                timeline=self.timeline() if len(self.contacts) else None)
        return self._tables["log_table"]

    def filter_log(self, *, view: str = "contacts", company: str = "", stage: str = "",
                   kind: str = "", search: str = "") -> pd.DataFrame:
        """The log as one table, filtered.

        Parameters
        ----------
        view : {"contacts", "interactions"}
            One row per person (with their stage and last interaction), or one row per
            interaction (with the person's name and company), newest first.
        company : str
            Only this organisation (``"(no company)"`` for people without one); ``""``: all.
        stage : str
            Only people at this stage (:data:`infoint_nb.metrics.STAGES`) as of ``as_of``;
            ``""``: all.
        kind : str
            Interactions of this kind; in the contacts view, people with at least one.
        search : str
            Only rows where any text contains this (case-insensitive); in the contacts
            view also people with an interaction that mentions it.

        Returns
        -------
        DataFrame
            A new frame each call.

        Raises
        ------
        InfointError
            For a ``view`` not allowed.
        """
        from .log_table import check_view
        check_view(view)
        return self.log_table().filter(view=view, company=company, stage=stage, kind=kind,
                                       search=search)


def _no_meeting() -> dict:
    """:meth:`Campaign.latest_meeting` of nobody (or of someone never met)."""
    return {"scheduled_for": None, "when": "", "place": "", "channel": "",
            "minutes": DEFAULT_MINUTES, "interaction_id": None, "held_on": None,
            "held_id": None, "held_notes": "", "held_channel": ""}


class Positions:
    """value → positions (ascending) of each distinct value of a column: one sort of the
    column, and a slice of it per value asked for (not one array per distinct value)."""

    def __init__(self, ids: pd.Series):
        codes, uniques = pd.factorize(ids, sort=False)
        codes = np.asarray(codes)
        self._order = np.argsort(codes, kind="stable")
        self._bounds = np.searchsorted(codes[self._order], np.arange(len(uniques) + 1))
        self._code = dict(zip(uniques.tolist(), range(len(uniques))))

    def get(self, value, default=None):
        """The positions of ``value`` (an array), or ``default`` when it never occurs."""
        k = self._code.get(value)
        if k is None:
            return default
        return self._order[self._bounds[k]:self._bounds[k + 1]]


def positions_by_value(ids: pd.Series) -> Positions:
    """value → positions (ascending) of each distinct value of ``ids`` (``.get(value)``)."""
    return Positions(ids)
