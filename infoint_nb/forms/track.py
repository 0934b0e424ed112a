"""Notebook 04 — track: the log as a table, what is due, meetings, edits and backups.

LogTableForm (``plan.json`` section ``track_filters``)
    ``view`` (contacts or interactions), ``company``, ``stage``, ``kind`` and
    ``search``; the filtered table is shown read-only (:func:`filter_log`).
DueTodayForm (section ``due_list``)
    Everything due on or before ``as_of`` (:func:`metrics.followups_due`), one
    button per row (``form.row_buttons``) that logs the right kind
    (:data:`ACTION_KINDS`) dated ``as_of``; the row then leaves the list.
    ``mode`` (default or Dalton's 3B7) and ``notes`` (put on the next row logged).
CalendarForm (section ``calendar``)
    The meetings ahead, and ``file`` for the ``.ics`` export of meetings and
    everything due (button ``submit``, "Export calendar").
EditContactForm
    Pick a contact, change any field and save; "Delete contact" needs ``confirm``
    set to the number of their interactions.
EditInteractionForm
    Pick a contact and one of their interactions, change it and save; "Delete
    interaction" needs ``confirm_delete`` ticked.
RestoreForm
    Pick an earlier version from ``.backups/``, compare it with now, tick
    ``confirm`` and restore it (the current version is kept as a backup too).

:func:`plot_overview` draws a few charts of the campaign (from :mod:`infoint_nb.charts`);
:func:`show_overview` shows them in the notebook.
"""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from .. import config
from .. import schema as S
from ..errors import ConfirmationRequiredError, InfointError
from ..markup import literal
from ..planning import Check
from ._base import Form, FormResult, contact_options
from .prepare import _as_of_date, _esc, _given_as_of

__all__ = [
    "LogTableForm", "DueTodayForm", "CalendarForm", "EditContactForm",
    "EditInteractionForm", "RestoreForm", "filter_log", "plot_overview", "show_overview",
    "ACTION_KINDS",
    "ALL",
]

#: The kind to log when an action of :func:`metrics.followups_due` is done.
ACTION_KINDS: dict[str, str] = {
    "follow_up": S.FOLLOW_UP,
    "resend": S.OUTREACH,
    "thank_you": S.THANK_YOU,
    "update": S.UPDATE,
    "tell_referrer": S.UPDATE,
    "outreach_next": S.OUTREACH,
}
#: The filter value that means "no filter".
ALL = ""
_NO_COMPANY = "(no company)"
_MAX_ROWS = 200
_MAX_DUE_ROWS = 40  # a widget row each: more would make the list slow to build


def _as_of_text(as_of) -> str:
    return _as_of_date(as_of).isoformat()


# --- the table --------------------------------------------------------------------------
def filter_log(contacts: pd.DataFrame, interactions: pd.DataFrame, *, view: str = "contacts",
               company: str = ALL, stage: str = ALL, kind: str = ALL, search: str = "",
               as_of=None, timeline: pd.DataFrame | None = None) -> pd.DataFrame:
    """The log as one table, filtered.

    Parameters
    ----------
    contacts, interactions : DataFrame
        The typed frames of a log (``ContactLog.contacts`` and ``.interactions``).
    view : {"contacts", "interactions"}
        One row per person (with their stage and last interaction), or one row per
        interaction (with the person's name and company).
    company : str
        Only this organisation (``"(no company)"`` for people without one); ``""``: all.
    stage : str
        Only people at this stage (:data:`infoint_nb.metrics.STAGES`); ``""``: all.
    kind : str
        Interactions of this kind; in the contacts view, people with at least one.
    search : str
        Only rows where any text contains this (case-insensitive); in the contacts
        view also people with an interaction that mentions it.
    as_of : str, date or None
        The day the stages are computed as of (default today).
    timeline : DataFrame, optional
        :func:`infoint_nb.metrics.contact_timeline` of these frames as of that day, when
        the caller has it already (a form typing a search need not recompute it).

    Returns
    -------
    DataFrame
    """
    if view not in ("contacts", "interactions"):
        raise InfointError(f"filter_log: view {view!r} is not allowed; use 'contacts' or "
                           "'interactions'")
    return LogTable(contacts, interactions, as_of=as_of, timeline=timeline).filter(
        view=view, company=company, stage=stage, kind=kind, search=search)


_SEP = "\x00"  # between the columns of a row's search text (never typed in a search box)


class LogTable:
    """The two tables of :func:`filter_log`, prepared once, filtered many times.

    Building it computes (once) the unfiltered people and interactions tables and, per
    table, one case-folded search text per row; :meth:`filter` then only combines
    boolean masks and scans that one column, so a keystroke in a search box does not
    rebuild the tables. ``LogTable(c, i, as_of=…).filter(**f)`` is exactly
    ``filter_log(c, i, as_of=…, **f)``.
    """

    def __init__(self, contacts: pd.DataFrame, interactions: pd.DataFrame, *, as_of=None,
                 timeline: pd.DataFrame | None = None):
        from .. import metrics
        c = contacts
        if timeline is None:
            timeline = metrics.contact_timeline(c, interactions, as_of=_as_of_text(as_of)) \
                if len(c) else None
        if timeline is None:
            timeline = pd.DataFrame({S.CONTACT_ID: pd.Series([], dtype="str"),
                                     "stage": pd.Series([], dtype="str")})
        # Series look-ups (not dicts): no Python object per row on a large log
        stage_of = pd.Series(timeline["stage"].to_numpy(),
                             index=timeline[S.CONTACT_ID].to_numpy())
        self.contacts, self.interactions = c, interactions
        self._company = c[S.COMPANY].where(c[S.COMPANY] != "", _NO_COMPANY).to_numpy()
        self._stage = c[S.CONTACT_ID].map(stage_of).fillna("")
        self._cids = c[S.CONTACT_ID]
        self._kinds = interactions[S.KIND].to_numpy()
        self._icids = interactions[S.CONTACT_ID]
        self._stage_of = stage_of
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
        # what an interaction "mentions" for the people view
        if self._said is None:
            self._said = _haystack(self.interactions[[S.NOTES, S.PLACE, S.KIND, S.CHANNEL]])
        return self._said

    def filter(self, *, view: str = "contacts", company: str = ALL, stage: str = ALL,
               kind: str = ALL, search: str = "") -> pd.DataFrame:
        """The table for these filters (see :func:`filter_log`)."""
        if view not in ("contacts", "interactions"):
            raise InfointError(f"filter_log: view {view!r} is not allowed; use 'contacts' or "
                               "'interactions'")
        keep = np.ones(len(self.contacts), dtype=bool)
        if company:
            keep &= self._company == company
        if stage:
            keep &= (self._stage == stage).to_numpy()
        people_ids = self._cids[keep]
        if company or stage:
            in_people = self._icids.isin(people_ids).to_numpy()
        else:
            in_people = np.ones(len(self.interactions), dtype=bool)
        imask = in_people & (self._kinds == kind) if kind else in_people
        if view == "contacts" and kind:
            keep &= self._cids.isin(self._icids[imask]).to_numpy()
        needle = search.strip().casefold() if search.strip() else ""
        if view == "contacts":
            table, hay = self._people_table()
            rows = keep
            if needle:
                hit = _hits(table, hay, needle)
                said = imask & _hits(self.interactions[[S.NOTES, S.PLACE, S.KIND,
                                                        S.CHANNEL]],
                                     self._said_text(), needle)
                hit |= self._cids.isin(self._icids[said]).to_numpy()
                rows = rows & hit
            out = table[rows]
        else:
            table, hay = self._interaction_table()
            rows = imask
            if needle:
                rows = rows & _hits(table, hay, needle)
            out = table[rows].iloc[::-1]
        return out.reset_index(drop=True)


def _haystack(frame: pd.DataFrame):
    """Each row's text, case-folded, the columns joined by :data:`_SEP` (as :func:`_contains`
    sees them), as a NumPy array of str."""
    if len(frame.columns) == 0 or len(frame) == 0:
        return np.array([""] * len(frame), dtype=object)
    # a missing value matches nothing (as in _contains): it joins as ""
    parts = [frame[col].astype(str).str.casefold().fillna("") for col in frame.columns]
    joined = parts[0].str.cat(parts[1:], sep=_SEP, na_rep="")
    return joined.to_numpy(dtype=object)


def _hits(frame: pd.DataFrame, hay, needle: str):
    """Rows of ``frame`` whose text contains ``needle`` (case-folded), via its haystack."""
    if _SEP in needle:  # cannot happen from a text box; the column-by-column way then
        return _contains(frame, needle).to_numpy()
    return np.fromiter((needle in h for h in hay), dtype=bool, count=len(hay))


def _contains(frame: pd.DataFrame, needle: str) -> pd.Series:
    """Rows where any column's text contains ``needle`` (already case-folded)."""
    hit = pd.Series(False, index=frame.index)
    for col in frame.columns:
        hit |= frame[col].astype(str).str.casefold().str.contains(needle, regex=False)
    return hit


_TABLE_CSS = ("<style>.infoint-table td, .infoint-table th {padding: 2px 8px; "
              "line-height: 1.35; text-align: left; vertical-align: top; white-space: nowrap}"
              " .infoint-table td:last-child {white-space: normal; min-width: 24em}</style>")


def _table_html(frame: pd.DataFrame, *, max_rows: int = _MAX_ROWS, width: int = 120) -> str:
    """A read-only HTML table: text escaped, missing values blank, long notes shortened."""
    shown = frame.head(max_rows).astype("string").fillna("")
    if S.NOTES in shown:
        notes = shown[S.NOTES].str.replace(r"\s+", " ", regex=True)
        shown[S.NOTES] = notes.where(notes.str.len() <= width,
                                     notes.str.slice(0, width - 1) + "…")
    more = (f"<div><i>Showing the first {max_rows} of {len(frame)} rows; narrow the "
            "filters to see the rest.</i></div>") if len(frame) > max_rows else ""
    shown = shown.map(lambda v: literal(v, into="html"))     # the one escaping function
    shown.columns = [literal(c, into="html") for c in shown.columns]
    body = shown.to_html(index=False, escape=False, border=0, classes="infoint-table")
    return f"{_TABLE_CSS}<div style='max-height:30em;overflow:auto'>{body}</div>{more}"


class LogTableForm(Form):
    """Your log as a table you can narrow down by organisation, stage, kind or text."""

    section = "track_filters"
    title = "Your log"
    submit_label = "Remember these filters"

    def __init__(self, log, *, as_of=None):
        self.as_of = _given_as_of(as_of)
        super().__init__(log)

    def _build(self) -> None:
        from .. import metrics
        w = self.w
        view = w.ToggleButtons(options=[("People", "contacts"), ("Interactions",
                                                                  "interactions")],
                               value="contacts", description="Show", style=self._style())
        self._register("view", view)
        from ._facts import facts
        companies = sorted({x if x else _NO_COMPANY for x in facts(self.log).contacts[S.COMPANY]},
                           key=str.casefold)
        self._dropdown("company", "Organisation", [("(all)", ALL)] + [(x, x) for x in companies],
                       value=ALL)
        self._dropdown("stage", "Stage", [("(all)", ALL)] + [
            (s.replace("_", " "), s) for s in metrics.STAGES], value=ALL)
        self._dropdown("kind", "Interaction kind", [("(all)", ALL)] + [
            (k.replace("_", " "), k) for k in S.KINDS], value=ALL)
        self._text("search", "Contains", "e.g. alumni, Brightline, SQL")
        self.count = self._html("count")
        self.table = self._html("table")

    def frame(self, value: dict | None = None) -> pd.DataFrame:
        """The filtered table for ``value`` (default: the filters set now)."""
        from ._facts import facts
        v = self.value if value is None else value
        day = _as_of_text(self.as_of)
        f = facts(self.log)
        # the tables and their search text once per version of the log and day; a
        # keystroke only filters them
        table = f.once(("log_table", day), lambda: LogTable(
            f.contacts, f.interactions, as_of=day, timeline=f.timeline(day)))
        return table.filter(view=v.get("view") or "contacts", company=v.get("company") or ALL,
                            stage=v.get("stage") or ALL, kind=v.get("kind") or ALL,
                            search=v.get("search") or "")

    def refresh(self) -> None:
        v = self.value
        out = self.frame(v)
        what = "people" if v.get("view") == "contacts" else "interactions"
        self.count.value = f"<b>{len(out)} {what}</b> match."
        self.table.value = _table_html(out)

    def _saved_message(self, value: dict, data: dict) -> str:
        return "Filters remembered; they come back when you reopen this notebook."

    def _layout(self):
        w = self.w
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), *self.controls.values(),
                       w.HBox(list(self.buttons.values())), self.status, self.count,
                       self.table])


# --- due today --------------------------------------------------------------------------
class DueTodayForm(Form):
    """What is due, with one click to log each thing done."""

    section = "due_list"
    title = "Due today"
    submit_label = "Remember settings"

    def __init__(self, log, *, as_of=None):
        self.as_of = _given_as_of(as_of)
        self.rows: pd.DataFrame = pd.DataFrame()
        self.row_buttons: list = []
        super().__init__(log)

    def _build(self) -> None:
        self._dropdown("mode", "Follow-up routine", [
            (f"every {config.FOLLOW_UP_DAYS} days (default)", "default"),
            ("Dalton's 3B7", "3b7")], value="default")
        self._text("notes", "Note for the next one you log", "e.g. Sent the follow-up from "
                   "my phone")
        self.rows_box = self.w.VBox([])
        self.rows_box.add_class("infoint-due-rows")
        self.summary = self._html("due-summary")

    def _on_control_change(self, change) -> None:
        # typing a note must not rebuild the list; only the routine changes it
        if not self._loading and change["owner"] is self.controls["mode"]:
            self._safe_refresh()

    def due(self) -> pd.DataFrame:
        """What is due on or before the form's day (:func:`metrics.followups_due`)."""
        from .. import metrics
        from ._facts import facts
        f = facts(self.log)  # once per version of the log, day and routine
        if len(f.interactions) == 0 and len(f.contacts) == 0:
            return pd.DataFrame(columns=list(metrics.FOLLOWUP_COLUMNS))
        return f.due(self.today.isoformat(), self.controls["mode"].value or "default")

    def refresh(self) -> None:
        w = self.w
        self.rows = self.due().reset_index(drop=True)
        boxes, buttons = [], []
        # the rows share one layout and style per part (none is ever changed alone):
        # a widget row then costs a third of what it would
        looks = getattr(self, "_row_looks", None)
        if looks is None:
            looks = self._row_looks = (w.Layout(width="70%"), w.HTML().style,
                                       w.Layout(width="auto"), w.ButtonStyle(), w.Layout())
        label_layout, label_style, button_layout, button_style, box_layout = looks
        # a widget row per item: on a large log only the first ones (due soonest) are
        # built, so the list stays quick; the summary says how many there are
        shown = self.rows.head(_MAX_DUE_ROWS)
        for k, (action, overdue, name, company, reason) in enumerate(zip(
                shown["action"].tolist(), shown["overdue_days"].tolist(),
                shown[S.NAME].tolist(), shown[S.COMPANY].tolist(),
                shown["reason"].tolist())):
            kind = ACTION_KINDS.get(action, S.NOTE)
            overdue = int(overdue) if pd.notna(overdue) else 0
            late = f" · <b style='color:#cf222e'>{overdue} days late</b>" if overdue else ""
            label = w.HTML(
                f"<b>{_esc(action.replace('_', ' '))}</b> — {_esc(name)}"
                f"{' (' + _esc(company) + ')' if company else ''}{late}<br>"
                f"<small>{_esc(reason)}</small>", layout=label_layout, style=label_style)
            b = w.Button(description=f"Done: log {kind.replace('_', ' ')}",
                         layout=button_layout, style=button_style)
            b.add_class("infoint-button-done")
            b.on_click(lambda _b, k=k: self._guarded(lambda: self.log_done(k)))
            buttons.append(b)
            boxes.append(w.HBox([label, b], layout=box_layout))
        self.row_buttons = buttons
        self.rows_box.children = boxes
        n = len(self.rows)
        more = (f" Showing the first {_MAX_DUE_ROWS}; log them done to see the next ones."
                if n > _MAX_DUE_ROWS else "")
        self.summary.value = (f"<b>{n} thing{'s' if n != 1 else ''} due</b> on or before "
                              f"{self.today:%A %d %B %Y}.{more}" if n else
                              f"Nothing due on or before {self.today:%A %d %B %Y}. Well done.")

    def log_done(self, index: int) -> FormResult:
        """Log the row ``index`` of :attr:`rows` as done; it then leaves the list."""
        if not 0 <= index < len(self.rows):
            raise InfointError(f"There is no row {index} in the list (it has {len(self.rows)} "
                               "rows); it may have been logged already.")
        row = self.rows.iloc[index]
        kind = ACTION_KINDS.get(row["action"], S.NOTE)
        channel = row[S.CHANNEL] if row[S.CHANNEL] in S.CHANNELS else None
        note = self.controls["notes"].value.strip() or f"Done from the to-do list: {row['reason']}"
        iid = self.log.add_interaction(row[S.CONTACT_ID], kind, date=self.today.isoformat(),
                                       channel=channel, notes=note)
        self._set_values({"notes": ""})
        self._safe_refresh()
        return self.show_result(FormResult(
            True, True, "ok", f"Logged {kind.replace('_', ' ')} for {row[S.NAME]} "
            f"({row[S.CONTACT_ID]}) as {iid}; it is off the list.",
            data={"interaction_id": iid, "kind": kind}))

    def _saved_message(self, value: dict, data: dict) -> str:
        return "Settings remembered."

    def _layout(self):
        w = self.w
        c = self.controls
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), self.summary, c["mode"], c["notes"],
                       self.rows_box, w.HBox(list(self.buttons.values())), self.status])


# --- meetings and the calendar ------------------------------------------------------------
class CalendarForm(Form):
    """The meetings ahead, and a calendar file of them and of everything due."""

    section = "calendar"
    title = "Meetings ahead and your calendar"
    submit_label = "Export calendar (.ics)"

    def __init__(self, log, *, as_of=None):
        self.as_of = _given_as_of(as_of)
        super().__init__(log)

    def _build(self) -> None:
        self._text("file", "Calendar file", "a file name in your log folder, or a full path",
                   value="calendar.ics")
        self._int("meeting_minutes", "Meeting length (min)", value=30, lo=5, hi=180)
        self.meetings = self._html("meetings")

    def tables(self) -> tuple[pd.DataFrame, pd.DataFrame]:
        """``(due, meetings)`` as of the form's day."""
        from ._facts import facts
        f = facts(self.log)
        day = self.today.isoformat()
        return f.due(day), f.upcoming(day)

    def path(self, value: dict | None = None) -> Path:
        v = self.value if value is None else value
        name = str(v.get("file") or "calendar.ics").strip()
        p = Path(name).expanduser()
        return p if p.is_absolute() else Path(self.log.folder) / p

    def checks(self, value: dict) -> list[Check]:
        name = str(value.get("file") or "").strip()
        return [Check("file", name.lower().endswith(".ics"),
                      "" if name.lower().endswith(".ics") else
                      "Calendar programs expect a file name ending in .ics.", "warning")]

    def _meetings_ahead(self) -> pd.DataFrame:
        # once per version of the log and day, not once per keystroke in the file name
        from ._facts import facts
        return facts(self.log).upcoming(self.today.isoformat())

    def refresh(self) -> None:
        meet = self._meetings_ahead()
        if len(meet) == 0:
            self.meetings.value = "<i>No meetings scheduled from today on.</i>"
            return
        rows = "".join(
            f"<li><b>{_esc(f'{when:%a %d %b %Y, %H:%M}')}</b> — {_esc(name)}"
            f"{' (' + _esc(comp) + ')' if comp else ''}{': ' + _esc(place) if place else ''}</li>"
            for when, name, comp, place in zip(meet[S.SCHEDULED_FOR], meet[S.NAME],
                                               meet[S.COMPANY], meet[S.PLACE]))
        self.meetings.value = f"<b>Meetings ahead</b><ul>{rows}</ul>"

    def _save(self, value: dict) -> dict:
        from .. import calendar
        due, meet = self.tables()
        target = calendar.write_ics(self.path(value), due, meet,
                                    meeting_minutes=int(value.get("meeting_minutes") or 30))
        self.log.save_plan_section(self.section, dict(value))
        return {"path": str(target), "events": len(due) + len(meet)}

    def _saved_message(self, value: dict, data: dict) -> str:
        return (f"Wrote {data['events']} events to {data['path']}. Import the file into your "
                "calendar; exporting again later updates the same events.")

    def _layout(self):
        w = self.w
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), self.meetings,
                       *self.controls.values(), w.HBox(list(self.buttons.values())),
                       self.status])


# --- editing ------------------------------------------------------------------------------
_EDITABLE_CONTACT = tuple(c for c in S.CONTACT_COLUMNS if c != S.CONTACT_ID)
_LABELS = {S.WORK_ADDRESS: "Work address", S.LINKEDIN_URL: "LinkedIn URL",
           S.REFERRED_BY: "Referred by (id)", S.MUTUAL_CONNECTION: "Shared connection",
           S.CITE_PERMISSION: "May cite them", S.ADDED_ON: "Added on",
           S.SCHEDULED_FOR: "Scheduled for", S.EMAIL: "E-mail"}


def _label(column: str) -> str:
    return _LABELS.get(column, column.replace("_", " ").capitalize())


class EditContactForm(Form):
    """Correct a contact, or delete them with their interactions."""

    title = "Edit or delete a contact"
    submit_label = "Save changes"

    def _build(self) -> None:
        self._dropdown("contact_id", "Contact", contact_options(self.log, targets_first=False)
                       or [("— nobody in the log yet —", "")])
        for col in _EDITABLE_CONTACT:
            self._text(col, _label(col), area=(col == S.NOTES))
        self._int("confirm", "Confirm: interactions to delete", value=0, lo=0, hi=100000)
        self._button("delete", "Delete contact", self.delete, style="danger")
        self.info = self._html("contact-info")

    def load(self) -> None:
        self._load_current()

    def _load_current(self) -> None:
        row = self._row()
        self._set_values({col: row.get(col, "") for col in _EDITABLE_CONTACT} | {"confirm": 0})

    def _row(self) -> dict:
        from ._base import _contact_row
        return _contact_row(self.log, self.contact_id)

    def _count(self) -> int:
        from ._facts import facts
        cid = self.contact_id
        return len(facts(self.log).raw_interactions_of(cid)) if cid else 0

    def refresh(self) -> None:
        if not self.contact_id:
            self.info.value = "<i>No contacts yet.</i>"
            return
        n = self._count()
        self.info.value = (f"{n} interaction{'s' if n != 1 else ''} logged with this person"
                           + (f"; deleting them deletes those too (type {n} under Confirm)."
                              if n else "."))

    def changes(self, value: dict | None = None) -> dict:
        """The fields that differ from the log."""
        v = self.value if value is None else value
        row = self._row()
        return {col: v.get(col, "") for col in _EDITABLE_CONTACT
                if str(v.get(col, "")) != row.get(col, "")}

    def _save(self, value: dict) -> dict:
        cid = self.contact_id
        if not cid:
            raise InfointError("Choose a contact first.")
        changed = self.changes(value)
        if changed:
            self.log.update_contact(cid, **changed)
        self._refresh_options(cid)
        return {"changed": sorted(changed)}

    def _saved_message(self, value: dict, data: dict) -> str:
        if not data["changed"]:
            return "Nothing changed."
        return (f"Saved {self._contact_label(self.contact_id)}: "
                + ", ".join(_label(c).lower() for c in data["changed"]) + ".")

    def delete(self) -> FormResult:
        """Delete the chosen contact (and, once confirmed, their interactions)."""
        cid = self.contact_id
        if not cid:
            raise InfointError("Choose a contact first.")
        label = self._contact_label(cid)
        confirm = self.controls["confirm"].value
        try:
            n = self.log.delete_contact(cid, confirm=confirm if confirm else None)
        except ConfirmationRequiredError:
            n = self._count()
            return self.show_result(FormResult(
                False, False, "warning", f"Not deleted: {label} has {n} interaction"
                f"{'s' if n != 1 else ''} that would be deleted too. Type {n} under "
                "“Confirm” and press Delete contact again."))
        self._refresh_options(None)
        return self.show_result(FormResult(
            True, True, "ok", f"Deleted {label}" + (f" and {n} interaction"
                                                     f"{'s' if n != 1 else ''}" if n else "")
            + ". An earlier version is kept: see Restore below.", data={"deleted": cid}))

    def _refresh_options(self, keep: str | None) -> None:
        ctl = self.controls["contact_id"]
        options = contact_options(self.log, targets_first=False) or [
            ("— nobody in the log yet —", "")]
        self._loading = True
        try:
            ctl.options = options
            values = [v for _, v in options]
            ctl.value = keep if keep in values else values[0]
        finally:
            self._loading = False
        self._load_current()
        self._safe_refresh()

    def _layout(self):
        w = self.w
        c = self.controls
        fields = [c[col] for col in _EDITABLE_CONTACT]
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), c["contact_id"], self.info, *fields,
                       self.buttons["submit"], w.HTML("<b>Delete</b>"), c["confirm"],
                       self.buttons["delete"], self.status])


_EDITABLE_INTERACTION = (S.DATE, S.KIND, S.CHANNEL, S.NOTES, S.SCHEDULED_FOR, S.PLACE)


class EditInteractionForm(Form):
    """Correct or delete one logged interaction."""

    title = "Edit or delete an interaction"
    submit_label = "Save changes"
    transient = ("contact_id",)

    def _build(self) -> None:
        self._dropdown("contact_id", "Contact", contact_options(self.log, targets_first=False)
                       or [("— nobody in the log yet —", "")])
        self._dropdown("interaction_id", "Interaction", [("—", "")], value="")
        self._text(S.DATE, "Date", "2026-05-05 or 2026-05-05T09:30")
        self._dropdown(S.KIND, "Kind", [(k.replace("_", " "), k) for k in S.KINDS],
                       value=S.NOTE)
        self._dropdown(S.CHANNEL, "Channel", [("—", "")] + [(ch.replace("_", " "), ch)
                                                              for ch in S.CHANNELS], value="")
        self._text(S.NOTES, "Notes", area=True)
        self._text(S.SCHEDULED_FOR, "Scheduled for", "meetings only: 2026-05-05T09:30")
        self._text(S.PLACE, "Place", "meetings only")
        self._checkbox("confirm_delete", "Yes, delete this interaction")
        self._button("delete", "Delete interaction", self.delete, style="danger")

    def load(self) -> None:
        self._fill_interactions()

    def _options(self) -> list[tuple[str, str]]:
        cid = self.contact_id
        if not cid:
            return [("—", "")]
        from ._facts import facts
        mine = facts(self.log).raw_interactions_of(cid)
        out = [(f"{iid} · {d} · {k.replace('_', ' ')}", iid)
               for iid, d, k in zip(mine[S.INTERACTION_ID], mine[S.DATE], mine[S.KIND])]
        return out[::-1] or [("— no interactions —", "")]

    def _fill_interactions(self, keep: str | None = None) -> None:
        ctl = self.controls["interaction_id"]
        options = self._options()
        values = [v for _, v in options]
        self._loading = True
        try:
            ctl.options = options
            ctl.value = keep if keep in values else values[0]
        finally:
            self._loading = False
        self._load_interaction()

    def _row(self) -> dict:
        from ._facts import facts
        return facts(self.log).raw_interaction_row(self.controls["interaction_id"].value)

    def _load_interaction(self) -> None:
        row = self._row()
        values = {col: row.get(col, "") for col in _EDITABLE_INTERACTION}
        if values[S.KIND] not in S.KINDS:
            values[S.KIND] = S.NOTE
        self._set_values(values | {"confirm_delete": False})

    def _on_control_change(self, change) -> None:
        if self._loading:
            return
        if change["owner"] is self.controls["contact_id"]:
            self._guarded(self._fill_interactions)
        elif change["owner"] is self.controls["interaction_id"]:
            self._guarded(self._load_interaction)
        self._safe_refresh()

    def _save(self, value: dict) -> dict:
        iid = value.get("interaction_id")
        if not iid:
            raise InfointError("Choose an interaction first.")
        row = self._row()
        changed = {col: value.get(col, "") for col in _EDITABLE_INTERACTION
                   if str(value.get(col, "")) != row.get(col, "")}
        if changed:
            self.log.update_interaction(iid, **changed)
        self._fill_interactions(iid)
        return {"changed": sorted(changed), "interaction_id": iid}

    def _saved_message(self, value: dict, data: dict) -> str:
        if not data["changed"]:
            return "Nothing changed."
        return f"Saved {data['interaction_id']}: " + ", ".join(
            _label(c).lower() for c in data["changed"]) + "."

    def delete(self) -> FormResult:
        """Delete the chosen interaction once ``confirm_delete`` is ticked."""
        iid = self.controls["interaction_id"].value
        if not iid:
            raise InfointError("Choose an interaction first.")
        if not self.controls["confirm_delete"].value:
            return self.show_result(FormResult(
                False, False, "warning",
                f"Not deleted: tick “Yes, delete this interaction” to delete {iid}."))
        self.log.delete_interaction(iid)
        self._fill_interactions()
        return self.show_result(FormResult(True, True, "ok", f"Deleted {iid}. An earlier "
                                           "version is kept: see Restore below.",
                                           data={"deleted": iid}))


# --- backups ------------------------------------------------------------------------------
def _rows_in(path: Path) -> int | None:
    if not path.exists():
        return None
    try:
        return len(pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig"))
    except Exception:  # an unreadable backup is shown as "?"
        return None


class RestoreForm(Form):
    """Bring back an earlier version of your log from its backups."""

    title = "Restore an earlier version"
    submit_label = "Restore this version"

    def _build(self) -> None:
        self._dropdown("backup", "Version", self._options())
        self._checkbox("confirm", "Yes, replace my log with this version")
        self.compare = self._html("compare")

    def _options(self) -> list[tuple[str, str]]:
        backups = self.log.backups()[::-1]
        if not backups:
            return [("— no backups yet (they appear after the first change) —", "")]
        out = []
        for b in backups:
            action = b.name.split("-", 2)[-1].replace("-", " ") if b.name.count("-") >= 2 \
                else b.name
            out.append((f"{b.created:%Y-%m-%d %H:%M:%S} — before: {action}", b.name))
        return out

    def refresh(self) -> None:
        name = self.controls["backup"].value
        backups = {b.name: b for b in self.log.backups()}
        if not name or name not in backups:
            self.compare.value = "<i>No earlier version to restore yet.</i>"
            return
        b = backups[name]
        now = (len(self.log.raw_contacts), len(self.log.raw_interactions))
        then = (_rows_in(b.path / S.CONTACTS_FILE), _rows_in(b.path / S.INTERACTIONS_FILE))
        show = ["?" if x is None else str(x) for x in then]
        self.compare.value = (f"That version: {show[0]} people, {show[1]} interactions "
                              f"(now: {now[0]} and {now[1]}); files: {', '.join(b.files)}.")

    def _save(self, value: dict) -> dict:
        name = value.get("backup")
        if not name:
            raise InfointError("There is no earlier version to restore yet.")
        if not value.get("confirm"):
            raise InfointError("Not restored: tick “Yes, replace my log with this version” "
                               "first.")
        self.log.restore(name)
        self._loading = True
        try:
            self.controls["backup"].options = self._options()
            self.controls["confirm"].value = False
        finally:
            self._loading = False
        self._safe_refresh()
        return {"restored": name}

    def _saved_message(self, value: dict, data: dict) -> str:
        return (f"Restored {data['restored']}. The version you had is kept as a backup too, "
                "so you can go back. Re-run the cells above to see the restored log.")

    def _layout(self):
        w = self.w
        c = self.controls
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), c["backup"], self.compare,
                       c["confirm"], w.HBox(list(self.buttons.values())), self.status])


# --- charts -------------------------------------------------------------------------------
def plot_overview(log, *, as_of=None):
    """Four charts of the campaign: funnel, response by organisation, what is due, growth.

    Parameters
    ----------
    log : ContactLog
        The open log.
    as_of : str, date or None
        The day the log is read as of (default today); contacts added and
        interactions dated after it are ignored.

    Returns
    -------
    matplotlib.figure.Figure
        Made without pyplot, so nothing is shown until you show it.
    """
    from matplotlib.figure import Figure

    from .. import charts, metrics
    day = _as_of_text(as_of)
    c, i = log.contacts, log.interactions
    fig = Figure(figsize=(13, 9), layout="constrained")
    axes = fig.subplots(2, 2)
    charts.plot_funnel(metrics.funnel(c, i, as_of=day), ax=axes[0, 0])
    charts.plot_response_rates(metrics.fastest_responders(c, i, as_of=day), top=8,
                               ax=axes[0, 1])
    charts.plot_followup_calendar(metrics.followups_due(c, i, as_of=day),
                                  meetings=metrics.upcoming_meetings(c, i, as_of=day),
                                  as_of=day, ax=axes[1, 0])
    charts.plot_network_growth(metrics.network_growth(c, i, as_of=day), ax=axes[1, 1])
    return fig


def show_overview(log, *, as_of=None, dpi: int = 90) -> None:
    """Display :func:`plot_overview` as a picture in the notebook (any matplotlib backend)."""
    import io

    from IPython.display import Image, display
    buf = io.BytesIO()
    plot_overview(log, as_of=as_of).savefig(buf, format="png", dpi=dpi)
    display(Image(data=buf.getvalue(), format="png"))
