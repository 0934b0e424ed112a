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

import functools
import re
from pathlib import Path

import numpy as np
import pandas as pd

from .. import config
from .. import schema as S
from ..errors import ConfirmationRequiredError, InfointError
from ..log_table import _SEP, ALL, LogTable, _contains, _haystack, _hits, check_view  # noqa: F401
from ..log_table import NO_COMPANY as _NO_COMPANY
from ..markup import literal
from ..planning import Check
# ACTION_KINDS (the kind to log when a due action is done) is defined there
from ..vocabulary import (ACTION_KINDS, DALTON_MODE, DEFAULT_MODE, LOG_VIEW_LABELS, LOG_VIEWS,
                          NO_GROUP_LABELS)
from ._base import Form, FormResult, contact_options
from .prepare import _as_of_date, _esc, _given_as_of

__all__ = [
    "LogTableForm", "DueTodayForm", "CalendarForm", "EditContactForm",
    "EditInteractionForm", "RestoreForm", "filter_log", "plot_overview", "show_overview",
    "ACTION_KINDS",
    "ALL",
]

_MAX_ROWS = 200
_MAX_DUE_ROWS = 40  # a widget row each: more would make the list slow to build


def _as_of_text(as_of) -> str:
    return _as_of_date(as_of).isoformat()


# --- the table --------------------------------------------------------------------------
def filter_log(contacts: pd.DataFrame, interactions: pd.DataFrame, *, view: str = "contacts",
               company: str = ALL, stage: str = ALL, kind: str = ALL, search: str = "",
               as_of=None, timeline: pd.DataFrame | None = None) -> pd.DataFrame:
    """The log as one table, filtered (:meth:`Campaign.filter_log
    <infoint_nb.campaign.Campaign.filter_log>`).

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
    check_view(view)
    filters = dict(view=view, company=company, stage=stage, kind=kind, search=search)
    if timeline is not None:  # the caller's own stages: nothing else to prepare
        return LogTable(contacts, interactions, timeline=timeline).filter(**filters)
    from ..campaign import Campaign
    day = _as_of_text(as_of) if len(contacts) else None  # no stages to work out: no day
    return Campaign(contacts, interactions, as_of=day).filter_log(**filters)


_TABLE_CSS = ("<style>.infoint-table td, .infoint-table th {padding: 2px 8px; "
              "line-height: 1.35; text-align: left; vertical-align: top; white-space: nowrap}"
              " .infoint-table td:last-child {white-space: normal; min-width: 24em}</style>")


def _table_html(frame: pd.DataFrame, *, max_rows: int = _MAX_ROWS, width: int = 120,
                total: int | None = None) -> str:
    """A read-only HTML table: text escaped, missing values blank, long notes shortened.

    Only the first ``max_rows`` rows of ``frame`` are shown; ``total`` is the number of
    rows of the whole table when ``frame`` holds only its first rows (default
    ``len(frame)``). The markup is what ``DataFrame.to_html(index=False, escape=False,
    border=0, classes="infoint-table")`` writes, built directly: pandas' writer
    costs 0.5 ms a row.
    """
    total = len(frame) if total is None else total
    shown = frame.head(max_rows)
    # each column as a list of text, missing values blank (astype("string") of the
    # whole frame costs more than the rest of the table)
    columns = {c: _texts(shown[c]) for c in shown.columns}
    if S.NOTES in columns:
        notes = [_SPACES.sub(" ", n) for n in columns[S.NOTES]]
        columns[S.NOTES] = [n if len(n) <= width else n[:width - 1] + "…" for n in notes]
    more = (f"<div><i>Showing the first {max_rows} of {total} rows; narrow the "
            "filters to see the rest.</i></div>") if total > max_rows else ""
    head = [literal(c, into="html") for c in shown.columns]     # the one escaping function
    cells = [[_literal_html(v) for v in values] for values in columns.values()]
    body = _html_table(head, list(zip(*cells)) if cells else [()] * len(shown))
    return f"{_TABLE_CSS}<div style='max-height:30em;overflow:auto'>{body}</div>{more}"


_SPACES = re.compile(r"\s+")


def _texts(column: pd.Series) -> list[str]:
    """``column.astype("string").fillna("")`` as a list."""
    if pd.api.types.is_string_dtype(column.dtype) and column.dtype != object:
        return column.fillna("").tolist()
    return column.astype("string").fillna("").tolist()


@functools.lru_cache(maxsize=1 << 16)
def _literal_html(text: str) -> str:
    # cells repeat from one keystroke to the next (names, companies, stages)
    return literal(text, into="html")


_PRINTED = str.maketrans({"\t": "\\t", "\n": "\\n", "\r": "\\r"})  # as pandas prints them


def _html_table(head: list[str], rows: list) -> str:
    """``to_html(index=False, escape=False, border=0, classes="infoint-table")`` of cells
    already escaped."""
    out = ['<table class="dataframe infoint-table">', "  <thead>",
           '    <tr style="text-align: right;">']
    out += [f"      <th>{_cell(h)}</th>" for h in head]
    out += ["    </tr>", "  </thead>", "  <tbody>"]
    for row in rows:
        out.append("    <tr>")
        out += [f"      <td>{_cell(v)}</td>" for v in row]
        out.append("    </tr>")
    out += ["  </tbody>", "</table>"]
    return "\n".join(out)


def _cell(text: str) -> str:
    # pandas' HTML writer: control characters printed as escapes, the cell stripped,
    # runs of two spaces kept as non-breaking ones
    return text.translate(_PRINTED).strip().replace("  ", "&nbsp;&nbsp;")


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
        view = w.ToggleButtons(options=[(LOG_VIEW_LABELS[v], v) for v in LOG_VIEWS],
                               value="contacts", description="Show", style=self._style())
        self._register("view", view)
        from ._facts import facts
        companies = sorted({x if x else _NO_COMPANY  # each name once, not once a person
                            for x in facts(self.log).contacts[S.COMPANY].unique().tolist()},
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

    def _filters(self, value: dict | None = None) -> dict:
        v = self.value if value is None else value
        return dict(view=v.get("view") or "contacts", company=v.get("company") or ALL,
                    stage=v.get("stage") or ALL, kind=v.get("kind") or ALL,
                    search=v.get("search") or "")

    def _table(self) -> LogTable:
        # the tables and their search text once per version of the log and day (the
        # day's Campaign); a keystroke only filters them
        from ._facts import facts
        return facts(self.log).campaign(_as_of_text(self.as_of)).log_table()

    def frame(self, value: dict | None = None) -> pd.DataFrame:
        """The filtered table for ``value`` (default: the filters set now)."""
        return self._table().filter(**self._filters(value))

    def refresh(self) -> None:
        filters = self._filters()
        table = self._table()
        rows = table.positions(**filters)
        # only the rows shown are taken out of the table and written as HTML
        shown = table.table(filters["view"]).iloc[rows[:_MAX_ROWS]]
        what = "people" if filters["view"] == "contacts" else "interactions"
        self.count.value = f"<b>{len(rows)} {what}</b> match."
        self.table.value = _table_html(shown, total=len(rows))

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
            (f"every {config.FOLLOW_UP_DAYS} days (default)", DEFAULT_MODE),
            ("Dalton's 3B7", DALTON_MODE)], value=DEFAULT_MODE)
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
        return f.due(self.today.isoformat(), self.controls["mode"].value or DEFAULT_MODE)

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
