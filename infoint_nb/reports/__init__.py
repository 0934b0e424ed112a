"""Campaign reports: papermill runs of ``notebooks/report.ipynb``.

Two halves, one package; find a behaviour by its module's name:

- **In the report's kernel** (:mod:`.content`), the notebook calls
  :func:`load_report`, which opens the log, redacts it when asked, applies the
  report's filters, computes every table with :mod:`infoint_nb.metrics` (one
  definition, the same numbers as ``infoint stats``) and writes them to
  ``OUT/tables/``. The notebook then only displays what :class:`Report` hands
  it: findings in words (:meth:`Report.findings`), tables (:meth:`Report.table`)
  and charts (:meth:`Report.figure`, also saved as ``OUT/figures/<name>.png``).
- **In the calling process**, :func:`render_report` (:mod:`.run`) checks every
  parameter and the log *before* a kernel starts (:mod:`.parameters`; a mistake
  is a :class:`ParameterError`), runs the notebook with papermill in this
  process, keeps the executed notebook as evidence when a cell fails
  (:class:`ReportFailedError`), scrubs paths from redacted notebooks and exports
  ``report.html`` without code (:mod:`.html`). :func:`render_each` (:mod:`.each`)
  runs one report per company, industry or month.

Speed: papermill, nbconvert and matplotlib are imported on first use; the
kernel is started before papermill is even imported, nbconvert is imported in a
thread while the kernel works, and jsonschema's slow ``iri`` format checker
(which nbformat never uses) is skipped. See ``benchmarks/report_speed.py``.

Redaction and filtering (DESIGN.md §5) are in :mod:`.redact`: a redacted report
runs on a redacted copy of the log, so no chart, table, traceback or papermill
metadata can hold a name, address, e-mail, phone, URL or note. The names every
module shares (output files, tables, figures, sections) are in :mod:`.layout`.
"""
from __future__ import annotations

from ..errors import InfointError, ParameterError  # noqa: F401 — reports.X as before the split
from ..errors import ReportFailedError, TemplateError
from .content import Report, load_report, save_figure
from .each import EachResult, render_each, slugify
from .html import export_html
from .layout import (EACH, FIGURES, FIGURES_DIR, HTML_FILE, INDEX_FILE, NOTEBOOK_FILE,
                     REDACTED, SECTIONS, TABLE_FILES, TABLES_DIR)
from .parameters import (ReportPlan, collect_parameters, convert_parameter, default_as_of,
                         default_out_dir, plan_report, read_template_parameters)
from .redact import filter_frames, redact_frames, redact_log
from .run import ReportResult, render_report

__all__ = [
    "NOTEBOOK_FILE", "HTML_FILE", "INDEX_FILE", "FIGURES_DIR", "TABLES_DIR",
    "TABLE_FILES", "FIGURES", "SECTIONS", "EACH", "REDACTED",
    "ReportFailedError", "TemplateError",
    "ReportPlan", "ReportResult", "EachResult", "Report",
    "read_template_parameters", "convert_parameter", "collect_parameters",
    "plan_report", "render_report", "render_each", "export_html",
    "load_report", "default_as_of", "default_out_dir", "filter_frames",
    "redact_frames", "redact_log", "save_figure", "slugify",
]
