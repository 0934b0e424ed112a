"""Notebook 02 — bring people in from LinkedIn, a spreadsheet or an address book.

:class:`ImportForm` is a thin layer over :mod:`infoint_nb.importers`:

1. type the file's path and press **Read the file**, or **Upload** it (the file is
   read at once; this is how the app takes files): the kind (LinkedIn
   ``Connections.csv``, spreadsheet, vCard) is recognised, and for a spreadsheet
   each column gets a dropdown with the guessed field;
2. look at the preview (the first rows of the file) and at the dry-run counts —
   how many people would be added, updated, left unchanged or skipped; change a
   dropdown and the counts follow;
3. press **Import**: everything goes into the log in one saved change (a backup of
   the previous version is kept). Importing the same file again adds nothing.

Controls (``form.controls[name]``): ``path`` (text), ``kind`` (``auto``,
``linkedin``, ``sheet``, ``vcard``), ``sheet`` (the worksheet of a workbook).
The mapping dropdowns are ``form.mapping_controls[column]``; the dry run's
:class:`~infoint_nb.importers.ImportReport` is ``form.report`` and its counts are
shown in ``form.counts`` (an HTML widget). The path, kind and sheet are remembered
in ``plan.json`` (section ``import``). ``form.upload`` is the upload widget.
"""
from __future__ import annotations

from pathlib import Path

from .. import importers as IM
from ..config import resolve_project_path
from ..errors import InfointError, LogValidationError
from ..markup import literal
from ..vocabulary import AUTO_KIND, CONTACT_IMPORT_KINDS, CONTACT_IMPORT_LABELS
from ._base import Form, FormResult

__all__ = ["ImportForm", "KIND_CHOICES"]

#: The kind dropdown: label → value.
KIND_CHOICES: tuple[tuple[str, str], ...] = tuple(
    (CONTACT_IMPORT_LABELS[k], k) for k in (AUTO_KIND, *CONTACT_IMPORT_KINDS))
_PREVIEW_ROWS = 5
_MAX_PROBLEMS = 12


def _esc(text) -> str:
    return literal(text, into="html")


def _table_html(columns, rows, *, index=None) -> str:
    names = ([""] if index is not None else []) + list(columns)
    head = "".join(f"<th>{_esc(c)}</th>" for c in names)
    body = []
    for k, row in enumerate(rows):
        cells = ([f"<td><i>{_esc(index[k])}</i></td>"] if index is not None else [])
        cells += [f"<td>{_esc(v)}</td>" for v in row]
        body.append("<tr>" + "".join(cells) + "</tr>")
    return ('<table class="infoint-table" style="border-collapse:collapse;font-size:90%">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>")


class ImportForm(Form):
    """Import LinkedIn connections, a spreadsheet or vCards, with a preview and a dry run."""

    section = "import"
    title = "Bring in people you already know"
    submit_label = "Import"

    def _build(self) -> None:
        self._text("path", "File", "e.g. ~/Downloads/Connections.csv or data/my_sheet.xlsx")
        self._dropdown("kind", "What it is", list(KIND_CHOICES), value=AUTO_KIND)
        self._dropdown("sheet", "Sheet", [("—", "")], value="")
        self.controls["sheet"].layout.display = "none"
        self._button("read", "Read the file", self.read_file)
        self.upload = self._upload(".csv,.txt,.xlsx,.xlsm,.vcf", self._on_upload)
        self.mapping_controls: dict = {}
        self.mapping_box = self.w.VBox([])
        self.mapping_box.add_class("infoint-mapping")
        self.preview = self._html("import-preview")
        self.counts = self._html("import-counts")
        self.report: IM.ImportReport | None = None
        self.table: IM.SourceTable | None = None
        self._loaded: tuple | None = None  # (path, kind, sheet) of the file read

    def _layout(self):
        w = self.w
        # the Import button comes after the dry run's counts, where the decision is made
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), self.controls["path"],
                       self.controls["kind"], self.controls["sheet"],
                       w.HBox([self.upload, self.buttons["read"]]),
                       self.mapping_box, self.preview, self.counts,
                       w.HBox([self.buttons["submit"]]), self.status])

    def load(self) -> None:
        super().load()
        path = self.controls["path"].value.strip()
        if path and self._resolve(path).is_file():
            self._guarded(self.read_file)

    def _on_upload(self, path: Path) -> None:
        self.controls["path"].value = str(path)
        self.read_file()

    # -- reading -------------------------------------------------------------------------
    @staticmethod
    def _resolve(path: str) -> Path:
        return resolve_project_path(Path(path).expanduser())

    def read_file(self) -> FormResult | None:
        """Read the file named in ``path``: mapping dropdowns, preview and a dry run."""
        text = self.controls["path"].value.strip()
        if not text:
            raise InfointError("Type the path of the file to import first.")
        path = self._resolve(text)
        if not path.is_file():
            raise InfointError(f"{path}: no such file. Check the path (a relative path starts "
                               "at the project folder).")
        # forget the previous file first, so a failed read never leaves its mapping behind
        self._loaded, self.table, self.report = None, None, None
        self.mapping_controls = {}
        self.mapping_box.children = []
        self.preview.value = self.counts.value = ""
        kind = self.controls["kind"].value
        if kind == AUTO_KIND:
            kind = IM.detect_kind(path)
        sheet_ctl = self.controls["sheet"]
        if kind == "sheet":
            names = IM.list_sheets(path)
            self._set_sheet_options(names, sheet_ctl.value or None)
            # an exported log (no sheet chosen) is restored whole: no column mapping
            if not (names and not sheet_ctl.value and IM.is_log_workbook(path)):
                self.table = IM.read_table(path, sheet=sheet_ctl.value or None)
                if names:
                    self._set_sheet_options(names, self.table.sheet)
        else:
            self._set_sheet_options([], None)
        self._loaded = (str(path), kind, sheet_ctl.value)
        self._build_mapping()
        saved = self.log.plan_section(self.section, default={}) or {}
        if saved.get("path", "").strip() == text and isinstance(saved.get("mapping"), dict):
            self._apply_mapping(saved["mapping"])
        self._show_preview()
        return self.dry_run()

    def _set_sheet_options(self, names, value) -> None:
        ctl = self.controls["sheet"]
        self._loading = True
        try:
            ctl.options = [("— all (an exported log) —" if IM.CONTACTS_SHEET in
                            [n.casefold() for n in names] else "— the first table —", "")] + \
                [(n, n) for n in names]
            ctl.value = value if value in names else ""
        finally:
            self._loading = False
        ctl.layout.display = "" if names else "none"

    def _build_mapping(self) -> None:
        self.mapping_controls = {}
        if self.table is None:
            self.mapping_box.children = []
            return
        guess = IM.guess_mapping(self.table.columns, self.table.rows)
        options = IM.field_choices()
        rows = [self.w.HTML("<b>Where each column goes</b> (change a choice and the counts "
                            "below follow)")]
        for col in self.table.columns:
            dd = self.w.Dropdown(options=options, value=guess.get(col, IM.IGNORE),
                                 description=col, style=self._style(),
                                 layout=self.w.Layout(width="95%"))
            dd.add_class("infoint-map-column")
            dd.observe(self._on_mapping_change, names="value")
            self.mapping_controls[col] = dd
            rows.append(dd)
        self.mapping_box.children = rows

    def _show_preview(self) -> None:
        if self.table is not None:
            t = self.table
            self.preview.value = (f"<b>First rows of {_esc(t.label)}</b>"
                                  + _table_html(t.columns, t.rows[:_PREVIEW_ROWS],
                                                index=t.row_numbers[:_PREVIEW_ROWS]))
        else:
            self.preview.value = ""  # LinkedIn, vCard, a log workbook: the dry run shows people

    def _on_mapping_change(self, _change) -> None:
        if not self._loading:
            self._guarded(self.dry_run)

    def _apply_mapping(self, mapping: dict) -> None:
        """Set the dropdowns of the columns in ``mapping`` (unknown ones are skipped)."""
        allowed = {v for _, v in IM.field_choices()}
        self._loading = True
        try:
            for col, target in mapping.items():
                if col in self.mapping_controls and target in allowed:
                    self.mapping_controls[col].value = target
        finally:
            self._loading = False

    @property
    def mapping(self) -> dict:
        """Column → target as chosen in the dropdowns (empty for LinkedIn and vCards)."""
        return {col: dd.value for col, dd in self.mapping_controls.items()}

    # -- dry run and import --------------------------------------------------------------
    def _run(self, *, dry_run: bool) -> IM.ImportReport:
        if self._loaded is None:
            raise InfointError("Press “Read the file” first.")
        path, kind, _sheet = self._loaded
        # the import does what the dry run showed: changes saved to the log since are kept
        since = None if dry_run else self.report
        if kind == "sheet" and self.table is not None:
            return IM.import_sheet(self.log, self.table, mapping=self.mapping, dry_run=dry_run,
                                   since=since)
        return IM.import_file(self.log, Path(path), kind=kind, dry_run=dry_run, since=since)

    def _show_report(self, report: IM.ImportReport, *, done: bool) -> None:
        self.report = report
        verb = "Imported" if done else "Import would"
        if done:
            line = (f"{verb}: {report.added} added, {report.updated} updated, "
                    f"{report.unchanged} unchanged, {report.skipped} skipped, "
                    f"{report.interactions_added} interactions added.")
        else:
            line = (f"{verb} add {report.added}, update {report.updated}, leave "
                    f"{report.unchanged} unchanged, skip {report.skipped}; "
                    f"{report.interactions_added} interactions to add.")
        parts = [f'<div class="infoint-import-counts" data-added="{report.added}" '
                 f'data-updated="{report.updated}" data-unchanged="{report.unchanged}" '
                 f'data-skipped="{report.skipped}" '
                 f'data-interactions="{report.interactions_added}"><b>{_esc(line)}</b></div>']
        if report.skipped_reasons:
            parts.append("<div>Skipped: " + "; ".join(
                f"{n} × {_esc(r)}" for r, n in report.skipped_reasons.items()) + "</div>")
        if report.kind == "workbook":
            parts.append(f"<div>This workbook is an exported log: importing it makes the log "
                         f"equal to it ({report.removed} contacts and "
                         f"{report.interactions_removed} interactions not in it go).</div>")
        if report.changes:
            parts.append("<ul>" + "".join(f"<li>{_esc(c)}</li>" for c in report.changes[:8])
                         + "</ul>")
        if report.warnings:
            parts.append("<ul>" + "".join(f"<li>⚠ {_esc(w)}</li>" for w in report.warnings)
                         + "</ul>")
        p = report.preview
        if p is not None and len(p):
            parts.append("<b>People</b>" + _table_html(
                list(p.columns), p.fillna("").astype(str).to_numpy().tolist()))
        self.counts.value = "".join(parts)

    def dry_run(self) -> FormResult:
        """Count what an import would do with the current choices (nothing is written)."""
        try:
            report = self._run(dry_run=True)
        except LogValidationError as exc:
            self.report = None
            self.counts.value = ""
            return self.show_result(FormResult(False, False, "error", self._problems(exc)))
        self._show_report(report, done=False)
        nothing = not (report.added or report.updated or report.interactions_added
                       or report.removed or report.interactions_updated
                       or report.interactions_removed)
        msg = ("Nothing new: the log already holds everything in this file."
               if nothing else "Dry run done: check the counts, then press Import.")
        return self.show_result(FormResult(True, False, "info", msg, data={"report": report}))

    @staticmethod
    def _problems(exc: LogValidationError) -> str:
        lines = [str(p) for p in exc.problems[:_MAX_PROBLEMS]]
        more = len(exc.problems) - len(lines)
        if more > 0:
            lines.append(f"… and {more} more")
        return ("Nothing can be imported until these values are fixed in the file (or the "
                "column is mapped differently):\n" + "\n".join(lines))

    def submit(self) -> FormResult:
        """Import for real with the current choices, and remember the file in ``plan.json``."""
        try:
            if self._loaded is None or self._loaded[0] != str(
                    self._resolve(self.controls["path"].value.strip() or ".")):
                self.read_file()
            report = self._run(dry_run=False)
        except LogValidationError as exc:
            return self.show_result(FormResult(False, False, "error", self._problems(exc)))
        except InfointError as exc:
            return self.show_result(FormResult(False, False, "error", str(exc)))
        except Exception as exc:  # never a traceback in the notebook
            return self.show_result(FormResult(False, False, "error", (
                f"Something unexpected went wrong ({type(exc).__name__}: {exc}). Nothing was "
                "imported.")))
        try:
            self.log.save_plan_section(self.section, {**self.value, "mapping": self.mapping})
        except InfointError:
            pass  # remembering the path is a convenience; the import itself is saved
        self._show_report(report, done=True)
        msg = (f"Saved to your log: {report.summary()}." if report.saved_to
               else "Nothing to import: the log already holds everything in this file.")
        return self.show_result(FormResult(True, bool(report.saved_to), "ok", msg,
                                           data={"report": report}))

    def refresh(self) -> None:
        # a new kind or sheet re-reads the file; typing a path waits for the button
        if self._loaded is None or not self._ready:
            return
        path, kind, sheet = self._loaded
        if (self.controls["kind"].value not in (AUTO_KIND, kind)
                or self.controls["sheet"].value != sheet):
            self.read_file()
