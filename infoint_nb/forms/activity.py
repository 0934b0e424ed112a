"""Notebook 04 — log what already happened, from a mailbox, LinkedIn or a calendar.

:class:`ActivityImportForm` is a thin layer over the activity importers
(:mod:`infoint_nb.importers.mail`, :mod:`infoint_nb.importers.linkedin_activity`,
:mod:`infoint_nb.importers.calendar`):

1. type the path of the file (or folder of ``.eml`` files), or upload it, say which
   addresses are yours, and press **Preview**: the table shows every interaction the
   import would add, per contact, and who answered you but is not in the log yet;
2. each ``reply`` (an answer not sorted yet) gets a dropdown — *yes*, *no*, *later*,
   *referral*, *meeting* — to reclassify it, before saving or after;
3. press **Save to log**: everything goes in as one saved change (with a backup);
   importing the same file again adds nothing.

Controls (``form.controls[name]``): ``path`` (text), ``source`` (``auto``, ``mail``,
``linkedin``, ``calendar``), ``me`` (your addresses, comma-separated; remembered in
``plan.json`` section ``me``), ``with_body`` (checkbox). ``form.upload`` is the
upload widget; ``form.report`` the :class:`~infoint_nb.matching.ActivityReport`;
``form.reclassify`` maps a preview row number (before saving) or an
``interaction_id`` (after saving, and for ``reply`` rows already in the log) to its
dropdown.
"""
from __future__ import annotations

import html
from pathlib import Path

from .. import schema as S
from ..config import resolve_project_path
from ..errors import InfointError
from ..vocabulary import ACTIVITY_IMPORT_KINDS, ACTIVITY_IMPORT_LABELS, AUTO_KIND
from ._base import Form, FormResult

__all__ = ["ActivityImportForm", "SOURCE_CHOICES", "REPLY_CHOICES", "detect_source"]

#: The source dropdown: label → value.
SOURCE_CHOICES: tuple[tuple[str, str], ...] = tuple(
    (ACTIVITY_IMPORT_LABELS[k], k) for k in (AUTO_KIND, *ACTIVITY_IMPORT_KINDS))
#: How a ``reply`` can be reclassified: label → kind.
REPLY_CHOICES: tuple[tuple[str, str], ...] = (
    ("reply (not sorted yet)", S.REPLY), ("yes", S.REPLY_YES), ("no", S.REPLY_NO),
    ("later", S.REPLY_LATER), ("referral", S.REPLY_REFERRAL),
    ("meeting", S.MEETING_SCHEDULED))
_PREVIEW_ROWS = 200


def _esc(text) -> str:
    return html.escape(str(text), quote=False)


def detect_source(path: Path) -> str:
    """``mail``, ``linkedin`` or ``calendar`` from a file's name and first bytes."""
    if path.is_dir() or path.suffix.lower() in (".mbox", ".eml", ".mbx"):
        return "mail"
    if path.suffix.lower() in (".ics", ".ical", ".ifb"):
        return "calendar"
    with open(path, "rb") as fh:
        head = fh.read(4096).lstrip(b"\xef\xbb\xbf\r\n ")
    if head.startswith(b"From "):
        return "mail"
    if head.upper().startswith(b"BEGIN:VCALENDAR"):
        return "calendar"
    if path.suffix.lower() == ".csv":
        return "linkedin"
    raise InfointError(f"{path}: cannot tell what this file is; choose it under "
                       "“What it is”")


class ActivityImportForm(Form):
    """Preview and log mail, LinkedIn messages and invitations, and calendar meetings."""

    section = "activity_import"
    title = "Bring in what already happened"
    submit_label = "Save to log"
    transient = ("me",)

    def __init__(self, log, *, path: str = "", source: str = AUTO_KIND):
        self._initial = (path, source)
        super().__init__(log)
        if path:
            self._loading = True
            try:
                self.controls["path"].value = path
                self.controls["source"].value = source
            finally:
                self._loading = False
            self._guarded(self.preview_import)

    def _build(self) -> None:
        from ..importers.mail import remembered_me

        self._text("path", "File or folder",
                   "e.g. ~/Takeout/Mail/All mail.mbox, messages.csv or calendar.ics")
        self._dropdown("source", "What it is", list(SOURCE_CHOICES), value=AUTO_KIND)
        known = remembered_me(self.log)
        self._text("me", "Your addresses", "you@example.com, your LinkedIn URL or name",
                   value=", ".join(sorted(known.emails | known.urls)))
        self._checkbox("with_body", "Copy the start of each message into notes "
                       "(otherwise the subject only)")
        self.upload = self._upload(".mbox,.eml,.csv,.ics", self._on_upload)
        self._button("preview", "Preview", self.preview_import)
        self.table = self._html("activity-preview")
        self.candidates = self._html("activity-candidates")
        self.reclassify: dict = {}
        self.reclassify_box = self.w.VBox([])
        self.reclassify_box.add_class("infoint-reclassify")
        self.report = None
        self._show_log_replies()

    def _layout(self):
        w = self.w
        return w.VBox([w.HTML(f"<h3>{_esc(self.title)}</h3>"),
                       *self.controls.values(), self.upload,
                       w.HBox([self.buttons["preview"], self.submit_button]),
                       self.status, self.table, self.reclassify_box, self.candidates])

    # -- input ---------------------------------------------------------------------------
    def _on_upload(self, path: Path) -> None:
        self.controls["path"].value = str(path)
        self.preview_import()

    def _path(self) -> Path:
        text = self.controls["path"].value.strip()
        if not text:
            raise InfointError("Type the path of the mailbox, LinkedIn file or calendar "
                               "first (or upload it).")
        path = resolve_project_path(Path(text).expanduser())
        if not path.exists():
            raise InfointError(f"{path}: no such file or folder. Check the path (a relative "
                               "path starts at the project folder).")
        return path

    def _me(self) -> list[str]:
        return [p.strip() for p in self.controls["me"].value.replace(";", ",").split(",")
                if p.strip()]

    def _run(self, *, dry_run: bool):
        path = self._path()
        source = self.controls["source"].value
        if source == AUTO_KIND:
            source = detect_source(path)
        body = self.controls["with_body"].value
        if source == "mail":
            from ..importers.mail import import_mail
            return import_mail(self.log, path, me=self._me(), dry_run=dry_run, with_body=body)
        if source == "calendar":
            from ..importers.calendar import import_calendar
            return import_calendar(self.log, path, me=self._me(), dry_run=dry_run)
        from ..importers import linkedin_activity as L
        which = L.detect_linkedin_file(path)
        if which == L.MESSAGES:
            return L.import_linkedin_messages(self.log, path, me=self._me(), dry_run=dry_run,
                                              with_body=body)
        if which == L.INVITATIONS:
            return L.import_linkedin_invitations(self.log, path, dry_run=dry_run,
                                                 with_body=body)
        raise InfointError(f"{path}: this is LinkedIn's Connections.csv (people, not "
                           "messages); import it in notebook 02 (Find people)")

    # -- preview -------------------------------------------------------------------------
    def preview_import(self) -> FormResult:
        """Read the file and show what would be added (nothing is written)."""
        self.report = None
        self.table.value = self.candidates.value = ""
        report = self._run(dry_run=True)
        self.report = report
        self._show()
        n = len(report.rows)
        msg = (f"Preview: {report.summary()}. Sort the replies below if you like, then "
               f"press “{self.submit_label}”." if n else
               f"Nothing new to log: {report.summary()}.")
        return self.show_result(FormResult(True, False, "info", msg, data={"report": report}))

    def _show(self) -> None:
        r = self.report
        p = r.preview
        shown = p.head(_PREVIEW_ROWS)
        head = "".join(f"<th>{_esc(c)}</th>" for c in ["#"] + list(shown.columns))
        body = "".join(
            "<tr>" + f"<td>{k + 1}</td>" + "".join(f"<td>{_esc(v)}</td>" for v in row) + "</tr>"
            for k, row in enumerate(shown.astype(str).to_numpy().tolist()))
        more = (f"<div>… and {len(p) - len(shown)} more rows</div>"
                if len(p) > len(shown) else "")
        counts = ", ".join(f"{v} {k.replace('_', ' ')}" for k, v in sorted(r.counts().items()))
        self.table.value = (
            f'<div class="infoint-activity-counts" data-rows="{len(p)}"><b>'
            f'{"Added" if r.saved else "Would add"} {len(p)} interactions'
            f'{": " + _esc(counts) if counts else ""}</b></div>'
            '<table class="infoint-table" style="border-collapse:collapse;font-size:90%">'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>{more}")
        if len(r.candidates):
            items = "".join(f"<li>{_esc(c.name)} &lt;{_esc(c.email)}&gt; — {c.messages} "
                            f"message(s), last {_esc(c.last)}</li>"
                            for c in r.candidates.itertuples(index=False))
            self.candidates.value = ("<b>They answered you but are not in your log</b> (add "
                                     "them in notebook 02, then import again):"
                                     f"<ul>{items}</ul>")
        self._build_reclassify()

    def _build_reclassify(self) -> None:
        """A dropdown per ``reply``: the preview's (before saving) and the log's."""
        self.reclassify = {}
        rows = []
        r = self.report
        if r is not None:
            for k, row in enumerate(r.rows):
                key = row.get(S.INTERACTION_ID) or k
                if row[S.KIND] in dict(REPLY_CHOICES).values() and (
                        row[S.KIND] == S.REPLY or row.get(S.REF) in self._changed):
                    rows.append(self._reclassify_row(key, row))
        seen = {id_ for id_ in self.reclassify if isinstance(id_, str)}
        i = self.log.raw_interactions
        if len(i):
            for row in i[i[S.KIND] == S.REPLY].to_dict("records"):
                if row[S.INTERACTION_ID] not in seen:
                    rows.append(self._reclassify_row(row[S.INTERACTION_ID], row))
        head = [self.w.HTML("<b>Sort the replies</b> (what did they say?)")] if rows else []
        self.reclassify_box.children = head + rows

    #: ``ref`` of the rows reclassified here (they keep their dropdown).
    _changed: frozenset = frozenset()

    def _reclassify_row(self, key, row):
        name = self.report.names.get(row[S.CONTACT_ID], "") if self.report else ""
        if not name:
            try:
                name = self.log.contact_name(row[S.CONTACT_ID])
            except InfointError:
                name = row[S.CONTACT_ID]
        label = f"{str(row[S.DATE])[:10]} {name}: {str(row.get(S.NOTES, ''))[:60]}"
        dd = self.w.Dropdown(options=list(REPLY_CHOICES), value=row[S.KIND],
                             description=label, style={"description_width": "initial"},
                             layout=self.w.Layout(width="95%"))
        dd.add_class("infoint-reclassify-reply")
        dd.observe(lambda ch, key=key: self._guarded(lambda: self.set_kind(key, ch["new"])),
                   names="value")
        self.reclassify[key] = dd
        return dd

    def set_kind(self, key, kind: str) -> FormResult:
        """Reclassify a reply: preview row ``key`` (an int) before saving, or the saved
        interaction ``key`` (its ``interaction_id``)."""
        if kind not in dict(REPLY_CHOICES).values():
            raise InfointError(f"{kind!r} is not offered here; choose one of "
                               + ", ".join(k for _l, k in REPLY_CHOICES))
        if isinstance(key, str):  # saved: change the log
            self.log.update_interaction(key, kind=kind)
            for row in (self.report.rows if self.report else []):
                if row.get(S.INTERACTION_ID) == key:
                    row[S.KIND] = kind
            msg = f"Saved: {key} is now {kind.replace('_', ' ')}."
            saved = True
        else:
            if self.report is None or not 0 <= key < len(self.report.rows):
                raise InfointError(f"there is no preview row {key}; press Preview first")
            self.report.rows[key][S.KIND] = kind
            self._changed = self._changed | {self.report.rows[key].get(S.REF)}
            msg = f"Row {key + 1} will be saved as {kind.replace('_', ' ')}."
            saved = False
        return self.show_result(FormResult(True, saved, "ok", msg))

    def _show_log_replies(self) -> None:
        self._build_reclassify()

    # -- saving --------------------------------------------------------------------------
    def submit(self) -> FormResult:
        """Save the previewed rows (with their kinds as sorted) to the log in one change."""
        try:
            if self.report is None or self.report.saved:
                self.preview_import()
            report = self.report
            report.save(self.log)
        except InfointError as exc:
            return self.show_result(FormResult(False, False, "error", str(exc)))
        except Exception as exc:  # never a traceback in the notebook
            return self.show_result(FormResult(False, False, "error", (
                f"Something unexpected went wrong ({type(exc).__name__}: {exc}). Nothing was "
                "saved.")))
        try:
            self.log.save_plan_section(self.section, {
                k: v for k, v in self.value.items() if k != "me"})
        except InfointError:
            pass  # remembering the path is a convenience; the import itself is saved
        self._show()
        n = len(report.added)
        msg = (f"Saved to your log: {n} interaction{'s' if n != 1 else ''} "
               f"({report.summary()})." if n else
               "Nothing to save: the log already holds everything in this file.")
        return self.show_result(FormResult(True, bool(n), "ok", msg, data={"report": report}))
