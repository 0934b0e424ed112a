"""Redaction and filtering: what data a report is allowed to see.

Redaction (DESIGN.md §5) happens on the data, before anything reaches the
notebook: :func:`redact_frames` keeps companies, industries, sources, dates,
kinds and channels, turns people into tokens (``Contact 07``, id ``C07``)
numbered in ``contact_id`` order, and blanks everything else. A redacted report
runs on a redacted copy of the log (:func:`_write_redacted_copy`), so no chart,
table, traceback or papermill metadata can hold a name, address, e-mail, phone,
URL or note. :func:`filter_frames` keeps the contacts a report is about (a
window of first contacts, companies, industries) and their interactions.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..vocabulary import NO_GROUP_LABELS
from .parameters import _parse_day

def _natural_key(text: str):
    return [int(part) if part.isdigit() else part.casefold()
            for part in re.split(r"(\d+)", str(text))]


def redact_frames(contacts, interactions):
    """Contacts and interactions with nothing personal left.

    People become tokens numbered in ``contact_id`` order (natural order, so
    ``C2`` comes before ``C10``): name ``Contact 07``, contact_id ``C07``;
    ``referred_by`` and the interactions follow. Interaction ids become
    ``I001``…. Kept as they are: company, industry, source, priority,
    added_on, and each interaction's date, channel, kind and scheduled_for.
    Every other column (role, location, e-mail, phone, extension, address,
    LinkedIn URL, mutual connection, cite permission, notes, meeting place and
    any extra column) is emptied. Tokens are stable across runs while contacts
    are only added, and redacting twice changes nothing more.

    Parameters
    ----------
    contacts, interactions : DataFrame
        Typed frames (``ContactLog.contacts``) or the raw text frames.

    Returns
    -------
    (DataFrame, DataFrame)
        Copies; the inputs are not changed.
    """
    from ..schema import (ADDED_ON, CHANNEL, COMPANY, CONTACT_ID, DATE, INDUSTRY,
                         INTERACTION_ID, KIND, NAME, PRIORITY, REFERRED_BY, SCHEDULED_FOR,
                         SOURCE)
    keep_c = {CONTACT_ID, NAME, COMPANY, INDUSTRY, SOURCE, REFERRED_BY, PRIORITY, ADDED_ON}
    keep_i = {INTERACTION_ID, CONTACT_ID, DATE, CHANNEL, KIND, SCHEDULED_FOR}
    c = contacts.copy()
    i = interactions.copy()
    ids = c[CONTACT_ID].astype(str).tolist()
    order = sorted(ids, key=_natural_key)
    width = max(2, len(str(len(order))))
    number = {cid: n for n, cid in enumerate(order, start=1)}
    new_id = {cid: f"C{n:0{width}d}" for cid, n in number.items()}
    for col in c.columns:
        if col not in keep_c:
            c[col] = ""
    c[NAME] = [f"Contact {number[cid]:0{width}d}" for cid in ids]
    c[CONTACT_ID] = [new_id[cid] for cid in ids]
    if REFERRED_BY in c:
        c[REFERRED_BY] = [new_id.get(r.strip(), "") if r.strip() else ""
                          for r in c[REFERRED_BY].astype(str)]
    for col in i.columns:
        if col not in keep_i:
            i[col] = ""
    if CONTACT_ID in i:
        i[CONTACT_ID] = [new_id.get(v, "") for v in i[CONTACT_ID].astype(str)]
    if INTERACTION_ID in i:
        iids = i[INTERACTION_ID].astype(str).tolist()
        iorder = sorted(iids, key=_natural_key)
        iwidth = max(3, len(str(len(iorder))))
        inum = {v: n for n, v in enumerate(iorder, start=1)}
        i[INTERACTION_ID] = [f"I{inum[v]:0{iwidth}d}" for v in iids]
    return c, i


def redact_log(log):
    """The typed frames of ``log`` redacted (see :func:`redact_frames`)."""
    return redact_frames(log.contacts, log.interactions)


def filter_frames(contacts, interactions, *, as_of=None, start="", end="", companies=(),
                  industries=()):
    """Keep the contacts a report is about (and their interactions).

    Parameters
    ----------
    contacts, interactions : DataFrame
        The typed frames of a log.
    as_of : str, date or None
        The day the log is read as of (first contacts are taken as of then).
    start, end : str or date, optional
        Keep contacts whose first contact (their earliest attempt) falls in
        this window, both days included; empty for no limit. With a window,
        people never contacted are left out.
    companies, industries : sequence of str, optional
        Keep only these, ignoring case (``(no company)`` / ``(no industry)``
        select the empty ones).

    Returns
    -------
    (DataFrame, DataFrame)
    """
    import numpy as np

    from .. import metrics as M
    from ..schema import COMPANY, CONTACT_ID, INDUSTRY
    keep = np.ones(len(contacts), dtype=bool)
    for values, column in ((companies, COMPANY), (industries, INDUSTRY)):
        if values:
            labels = contacts[column].astype(str).str.strip()
            labels = labels.where(labels != "", NO_GROUP_LABELS[column]).str.casefold()
            keep &= labels.isin([v.strip().casefold() for v in values]).to_numpy()
    lo, hi = _parse_day("start", start), _parse_day("end", end)
    if lo or hi:
        timeline = M.contact_timeline(contacts, interactions, as_of=as_of)
        first = timeline["first_contact"]
        inside = first.notna()
        if lo:
            inside &= first >= np.datetime64(lo)
        if hi:
            inside &= first <= np.datetime64(hi)
        keep &= inside.fillna(False).to_numpy(dtype=bool)
    if keep.all():          # nothing filtered out (the usual report): no copies, no lookups
        return contacts, interactions
    c = contacts[keep].reset_index(drop=True)
    i = interactions[_isin(interactions[CONTACT_ID], c[CONTACT_ID])].reset_index(drop=True)
    return c, i


def _isin(values, allowed):
    """``values.isin(allowed)`` as a bool array; one Arrow hash pass on Arrow text
    (pandas' own ``isin`` turns every allowed value into a Python object first)."""
    from ..schema import _arrow
    a, b = _arrow(values), _arrow(allowed)
    if a is None or b is None:
        return values.isin(allowed).to_numpy(dtype=bool)
    import pyarrow.compute as pc

    if hasattr(b, "combine_chunks"):
        b = b.combine_chunks()
    return pc.is_in(a, value_set=b).to_numpy(zero_copy_only=False).astype(bool, copy=False)



def _write_redacted_copy(log, folder: Path) -> Path:
    """A redacted copy of ``log`` in ``folder`` (the kernel never sees the original)."""
    from ..schema import CONTACTS_FILE, INTERACTIONS_FILE
    from ..store import write_table_bytes
    c, i = redact_frames(log.raw_contacts, log.raw_interactions)
    folder.mkdir(parents=True)
    (folder / CONTACTS_FILE).write_bytes(write_table_bytes(c))
    (folder / INTERACTIONS_FILE).write_bytes(write_table_bytes(i))
    return folder

