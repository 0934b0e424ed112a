"""Notebook 08: render the campaign report, and take the log away as a spreadsheet.

Both forms hand their result back as a download (see
:func:`~infoint_nb.forms._base.download_html`), so they work the same in JupyterLab and in
the app, where the browser cannot reach the log's folder.

- :class:`ReportForm` — ``as_of`` (a date, empty: the default day), ``redact`` (leave out
  every personal detail). **Render the report** runs ``notebooks/report.ipynb`` with
  papermill (as ``infoint report`` does), shows its headline numbers and charts and
  offers ``report.html`` as a download (to open in the browser or keep). :attr:`ReportForm.result` is the
  :class:`~infoint_nb.reports.ReportResult`.
- :class:`ExportForm` — ``format`` (``xlsx``: one workbook; ``csv``: a zip of the two
  files, formulas neutralised). **Prepare the download** writes the export into a
  temporary folder and offers it; nothing is written beside the log.
"""
from __future__ import annotations

import datetime as _dt
import html
import io
import tempfile
import zipfile
from pathlib import Path

from ..vocabulary import EXPORT_FORMAT_LABELS, EXPORT_FORMATS
from ._base import FormResult, Form, download_html

__all__ = ["ReportForm", "ExportForm"]


class ReportForm(Form):
    """Render the report from the notebook (or the app) and open it."""

    title = "Your campaign's report"
    submit_label = "Render the report"

    def _build(self) -> None:
        self._date("as_of", "Report as of")
        self._checkbox("redact", "Leave out names, e-mails, phones, addresses and notes "
                       "(to share it)")
        self.download = self._html("report-download")
        self.preview = self._html("report-preview")
        self.result = None

    def _layout(self):
        w = self.w
        return w.VBox([w.HTML(f"<h3>{html.escape(self.title)}</h3>"),
                       self.controls["as_of"], self.controls["redact"],
                       w.HBox(list(self.buttons.values())), self.status, self.download,
                       self.preview])

    def submit(self) -> FormResult:
        from ..reports import render_report

        def run():
            as_of = self.controls["as_of"].value
            params = {"as_of": as_of.isoformat()} if isinstance(as_of, _dt.date) else {}
            self.show("info", "Rendering… (a few seconds)")
            self.download.value = self.preview.value = ""
            self.result = render_report(self.log.folder, parameters=params,
                                        redact=bool(self.controls["redact"].value))
            page = self.result.html.read_bytes()
            self.download.value = download_html(page, self.result.html.name,
                                                mime="text/html", label="Download report.html")
            self.preview.value = self._preview_html(self.result)
            return self.show_result(FormResult(
                True, True, "ok", f"Report as of {self.result.as_of:%Y-%m-%d} written to "
                f"{self.result.out_dir} ({self.result.seconds:.1f} s).",
                data={"html": str(self.result.html)}))
        return self._guarded(run)


    @staticmethod
    def _preview_html(result) -> str:
        """The headline numbers and the report's charts, for a look before downloading."""
        import base64
        import json
        summary = json.loads((result.out_dir / "tables" / "summary.json").read_text("utf-8"))
        rate = summary.get("response_rate")
        head = (f"<p><b>{summary.get('contacted', 0)}</b> contacted · "
                f"<b>{summary.get('responded', 0)}</b> answered"
                + (f" ({rate:.0%})" if isinstance(rate, (int, float)) else "")
                + f" · <b>{summary.get('meetings_held', 0)}</b> meetings held · "
                f"<b>{summary.get('referrals', 0)}</b> referrals</p>")
        images = "".join(
            f'<img class="infoint-report-figure" alt="{html.escape(p.stem.replace("_", " "))}" '
            f'style="max-width:48%;margin:0.3em" src="data:image/png;base64,'
            f'{base64.b64encode(p.read_bytes()).decode("ascii")}">'
            for p in result.figures if p.suffix == ".png")
        return f'<div class="infoint-report-preview">{head}{images}</div>'


class ExportForm(Form):
    """The whole log as one Excel workbook, or as a zip of its two CSV files."""

    title = "Download your log"
    submit_label = "Prepare the download"

    def _build(self) -> None:
        self._dropdown("format", "Format",
                       [(EXPORT_FORMAT_LABELS[f], f) for f in EXPORT_FORMATS])
        self.download = self._html("export-download")

    def _layout(self):
        w = self.w
        return w.VBox([w.HTML(f"<h3>{html.escape(self.title)}</h3>"),
                       self.controls["format"], w.HBox(list(self.buttons.values())),
                       self.status, self.download])

    def submit(self) -> FormResult:
        from .. import exporters

        def run():
            self.log.reload()
            stem = f"{self.log.name}-{_dt.date.today():%Y-%m-%d}"
            with tempfile.TemporaryDirectory() as tmp:
                if self.controls["format"].value == "xlsx":
                    path = Path(tmp) / f"{stem}.xlsx"
                    exporters.export_xlsx(self.log, path)
                    data, name = path.read_bytes(), path.name
                    mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                else:
                    folder = Path(tmp) / stem
                    exporters.export_csv(self.log, folder)
                    buf = io.BytesIO()
                    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
                        for f in sorted(folder.glob("*.csv")):
                            z.write(f, f"{stem}/{f.name}")
                    data, name, mime = buf.getvalue(), f"{stem}.zip", "application/zip"
            self.download.value = download_html(data, name, mime=mime)
            return self.show_result(FormResult(
                True, False, "ok", f"{name} is ready: {len(self.log.raw_contacts)} people, "
                f"{len(self.log.raw_interactions)} interactions. Click the link to save it.",
                data={"name": name, "bytes": data}))
        return self._guarded(run)
