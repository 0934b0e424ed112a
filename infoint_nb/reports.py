"""Campaign reports: papermill runs of ``notebooks/report.ipynb``.

Two halves, one module:

- **In the report's kernel**, the notebook calls :func:`load_report`, which opens
  the log, redacts it when asked, applies the report's filters, computes every
  table with :mod:`infoint_nb.metrics` (one definition, the same numbers as
  ``infoint stats``) and writes them to ``OUT/tables/``. The notebook then only
  displays what :class:`Report` hands it: findings in words
  (:meth:`Report.findings`), tables (:meth:`Report.table`) and charts
  (:meth:`Report.figure`, also saved as ``OUT/figures/<name>.png``).
- **In the calling process**, :func:`render_report` checks every parameter and
  the log *before* a kernel starts (a mistake is a :class:`ParameterError`),
  runs the notebook with papermill in this process, keeps the executed notebook
  as evidence when a cell fails (:class:`ReportFailedError`), scrubs paths from
  redacted notebooks and exports ``report.html`` without code.
  :func:`render_each` runs one report per company, industry or month.

Speed: papermill, nbconvert and matplotlib are imported on first use; the
kernel is started before papermill is even imported, nbconvert is imported in a
thread while the kernel works, and jsonschema's slow ``iri`` format checker
(which nbformat never uses) is skipped. See ``benchmarks/report_speed.py``.

Redaction (DESIGN.md §5) happens on the data, before anything reaches the
notebook: :func:`redact_frames` keeps companies, industries, sources, dates,
kinds and channels, turns people into tokens (``Contact 07``, id ``C07``)
numbered in ``contact_id`` order, and blanks everything else. A redacted report
runs on a redacted copy of the log, so no chart, table, traceback or papermill
metadata can hold a name, address, e-mail, phone, URL or note.
"""
from __future__ import annotations

import ast
import datetime as _dt
import json
import os
import re
import sys
import tempfile
import threading
import time
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import config
from .errors import InfointError, ParameterError
from .markup import NO_MATH_CLASS, flatten, literal

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

NOTEBOOK_FILE = "report.ipynb"
HTML_FILE = "report.html"
INDEX_FILE = "index.html"
FIGURES_DIR = "figures"
TABLES_DIR = "tables"
#: The machine-readable tables in ``OUT/tables/`` (DESIGN.md §4).
TABLE_FILES: tuple[str, ...] = (
    "response_by_company.csv", "response_by_channel.csv", "response_by_source.csv",
    "funnel.csv", "network_growth.csv", "followups_due.csv", "summary.json")
#: The charts a report draws, saved as ``OUT/figures/<name>.png``.
FIGURES: tuple[str, ...] = (
    "survival", "response_rates", "channels", "sources", "funnel", "network_growth",
    "referral_tree", "followup_calendar")
#: The report's sections, each with findings in words.
SECTIONS: tuple[str, ...] = ("fastest", "channels", "funnel", "network", "due")
#: What ``--each`` can split a report by.
EACH: tuple[str, ...] = ("company", "industry", "month")
#: What a redacted notebook shows instead of a path.
REDACTED = "(redacted)"

#: Parameters ``render_report`` sets itself (``-p`` cannot).
_RESERVED = {"out_dir": "--out DIR (or out_dir= in Python)"}
#: Columns of the response tables in ``OUT/tables`` after the group column.
_RESPONSE_CSV_COLUMNS = ("contacted", "responded", "response_rate", "median_days_to_response")
_TRUE = ("true", "yes", "1", "on")
_FALSE = ("false", "no", "0", "off")
#: Seconds a single cell may run before the report is stopped.
_CELL_TIMEOUT = 600


# --- errors ------------------------------------------------------------------------
class ReportFailedError(InfointError, RuntimeError):
    """The report notebook failed while it ran (exit 1: a bug, not a user's mistake).

    ``notebook`` is the executed notebook kept as evidence (with the error in
    it), or ``None`` when the kernel could not produce one.
    """

    def __init__(self, message: str, *, notebook: Path | None = None,
                 ename: str | None = None, evalue: str | None = None):
        self.notebook = notebook
        self.ename = ename
        self.evalue = evalue
        super().__init__(message)


class TemplateError(InfointError, ValueError):
    """The report template is missing or its ``parameters`` cell cannot be read."""


# --- results -----------------------------------------------------------------------
@dataclass(frozen=True)
class ReportPlan:
    """A report checked and ready to run: what :func:`plan_report` returns.

    ``parameters`` are the values injected into the notebook (``log_dir`` and
    ``out_dir`` absolute; dates as ISO text). ``log`` is the log opened while
    checking, so a run does not open and validate it again.
    """

    template: Path
    log_dir: Path
    log_name: str
    out_dir: Path
    as_of: _dt.date
    parameters: dict
    redact: bool
    html: bool
    log: object = field(default=None, repr=False, compare=False)


@dataclass
class ReportResult:
    """Where one rendered report is (see DESIGN.md §4 for the layout)."""

    out_dir: Path
    notebook: Path
    html: Path | None
    figures: list[Path]
    tables: dict[str, Path]
    as_of: _dt.date
    parameters: dict
    seconds: float
    #: Wall seconds per phase: ``check``, ``kernel`` (start to last cell), ``html``.
    timings: dict = field(default_factory=dict)

    @property
    def main(self) -> Path:
        """The file to open: ``report.html``, or the notebook without HTML."""
        return self.html or self.notebook


@dataclass
class EachResult:
    """One report per group (:func:`render_each`) and the index linking them."""

    out_dir: Path
    index: Path
    by: str
    reports: dict[str, ReportResult] = field(default_factory=dict)
    failed: dict[str, ReportFailedError] = field(default_factory=dict)
    folders: dict[str, str] = field(default_factory=dict)


# --- the template's parameters -----------------------------------------------------
def _template_path(template) -> Path:
    return Path(template) if template is not None else config.REPORT_TEMPLATE


def read_template_parameters(template=None) -> dict:
    """The parameters of a report template and their defaults, read without running it.

    The cell tagged ``parameters`` must hold plain assignments of literals
    (``top_n = 10``); they are parsed with :mod:`ast`, nothing is executed.

    Parameters
    ----------
    template : path, optional
        The notebook; ``notebooks/report.ipynb`` by default.

    Returns
    -------
    dict
        Parameter name → default value, in the cell's order.

    Raises
    ------
    TemplateError
        When the file is missing, is not a notebook, or has no readable
        ``parameters`` cell.
    """
    path = _template_path(template)
    try:
        nb = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise TemplateError(f"{path}: the report template is missing; restore it with "
                            "`git checkout notebooks/report.ipynb`") from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise TemplateError(f"{path}: not a notebook file ({exc})") from None
    for cell in nb.get("cells", []):
        tags = cell.get("metadata", {}).get("tags", [])
        if cell.get("cell_type") != "code" or "parameters" not in tags:
            continue
        source = cell.get("source", "")
        source = "".join(source) if isinstance(source, list) else source
        try:
            tree = ast.parse(source)
        except SyntaxError as exc:
            raise TemplateError(f"{path}: the parameters cell is not valid Python "
                                f"(line {exc.lineno}: {exc.msg})") from None
        params: dict = {}
        for node in tree.body:
            if isinstance(node, ast.Assign) and len(node.targets) == 1 \
                    and isinstance(node.targets[0], ast.Name):
                name, value = node.targets[0].id, node.value
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) \
                    and node.value is not None:
                name, value = node.target.id, node.value
            else:
                raise TemplateError(
                    f"{path}: the parameters cell may only assign values to names "
                    f"(line {node.lineno}: {ast.unparse(node)[:60]!r})")
            try:
                params[name] = ast.literal_eval(value)
            except ValueError:
                raise TemplateError(
                    f"{path}: parameter {name} must default to a literal (text, number, "
                    f"True/False, None or a list), not {ast.unparse(value)!r}") from None
        return params
    raise TemplateError(f"{path}: no code cell is tagged `parameters`; papermill needs one "
                        "to inject values (View ▸ Cell Toolbar ▸ Tags in Jupyter)")


def _kind(default) -> str:
    if isinstance(default, bool):
        return "bool"
    if isinstance(default, int):
        return "int"
    if isinstance(default, float):
        return "float"
    if isinstance(default, (list, tuple)):
        return "list"
    return "str"


def convert_parameter(name: str, value, default):
    """Convert ``value`` to the type of the parameter's ``default``.

    Text (as given with ``-p NAME VALUE``) becomes: ``true/false``, ``yes/no``,
    ``1/0`` for a True/False default; a whole number for an int; a number for a
    float; a comma-separated list for a list (``"A, B"`` → ``["A", "B"]``);
    itself for text or a ``None`` default. Values already of the right type
    pass unchanged.

    Raises
    ------
    ParameterError
        Naming the parameter, the value, and what it should look like.

    Examples
    --------
    >>> convert_parameter("top_n", "5", 10)
    5
    >>> convert_parameter("companies", "Kiteboard, Harbor & Vine", [])
    ['Kiteboard', 'Harbor & Vine']
    """
    kind = _kind(default)
    if kind == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if isinstance(value, (str, int)) and text in _TRUE:
            return True
        if isinstance(value, (str, int)) and text in _FALSE:
            return False
        raise ParameterError(f"report parameter {name}: {value!r} is not true or false; "
                             "write true/false, yes/no or 1/0")
    if kind == "int":
        if isinstance(value, int) and not isinstance(value, bool):
            return value
        if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
            return int(value)
        raise ParameterError(f"report parameter {name}: {value!r} is not a whole number; "
                             f"write one such as {default}")
    if kind == "float":
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        try:
            return float(str(value).strip())
        except ValueError:
            raise ParameterError(f"report parameter {name}: {value!r} is not a number; "
                                 f"write one such as {default}") from None
    if kind == "list":
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        if isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
            return [v.strip() for v in value if v.strip()]
        raise ParameterError(f"report parameter {name}: {value!r} is not a list of names; "
                             "give them comma-separated, e.g. \"Kiteboard, Cobalt Pay\"")
    if value is None:
        return None if default is None else ""
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    if isinstance(value, (str, os.PathLike)):
        return os.fspath(value)
    raise ParameterError(f"report parameter {name}: {value!r} must be text")


def collect_parameters(pairs=(), *, as_of=None, start=None, end=None, companies=(),
                       industries=()) -> dict:
    """Merge ``-p NAME VALUE`` pairs with the command's flags, refusing doubles.

    Parameters
    ----------
    pairs : sequence of (name, value)
        The ``-p`` options, values as text.
    as_of, start, end : str, optional
        ``--as-of``, ``--start`` and ``--end``.
    companies, industries : sequence of str
        Repeated ``--company`` and ``--industry``.

    Returns
    -------
    dict
        Parameter name → value (text from ``-p``; lists from the flags).

    Raises
    ------
    ParameterError
        When a parameter is given twice (twice with ``-p``, or both as a flag
        and with ``-p``), or ``-p`` sets one the command sets itself.
    """
    out: dict = {}
    for name, value in pairs:
        if name in out:
            raise ParameterError(f"report parameter {name} is given twice with -p "
                                 f"({out[name]!r} and {value!r}); give it once")
        if name in _RESERVED:
            raise ParameterError(f"report parameter {name} is set by the command; "
                                 f"use {_RESERVED[name]} instead of -p {name}")
        out[name] = value
    flags = (("--as-of", "as_of", as_of), ("--start", "start", start), ("--end", "end", end),
             ("--company", "companies", list(companies or [])),
             ("--industry", "industries", list(industries or [])))
    for flag, name, value in flags:
        if value is None or value == []:
            continue
        if name in out:
            raise ParameterError(f"report parameter {name} is given twice: {flag} and "
                                 f"-p {name}; give it once")
        out[name] = value
    return out


# --- checking a report before it runs ----------------------------------------------
def default_as_of(log) -> _dt.date:
    """The report date when none is given (see :func:`infoint_nb.metrics.default_as_of`)."""
    from .metrics import default_as_of as _default
    return _default(log)


def default_out_dir(log_name: str, as_of, *, redact: bool = False) -> Path:
    """``reports/<log name>-<as_of>/``; ``reports/redacted-<as_of>/`` for a redacted report.

    A log folder is often named after a person (``dana_campaign``), so a
    redacted report — the one meant to be shared — does not carry it.
    """
    day = (as_of.isoformat() if hasattr(as_of, "isoformat") else str(as_of))[:10]
    return config.REPORTS_DIR / (f"redacted-{day}" if redact else f"{log_name}-{day}")


def _parse_day(name: str, value) -> _dt.date | None:
    from .schema import parse_date
    if value is None or (isinstance(value, str) and value.strip() == ""):
        return None
    try:
        return parse_date(value, what=name).date()
    except ValueError as exc:
        raise ParameterError(f"report parameter {name}: {exc}") from None


def _match_names(param: str, wanted, present, empty_label: str) -> list[str]:
    """``wanted`` spelled as in the log (case-insensitive match); unknown → ParameterError."""
    from .schema import suggest
    by_fold = {p.casefold(): p for p in present}
    by_fold.setdefault(empty_label.casefold(), empty_label)
    out, unknown = [], []
    for w in wanted:
        hit = by_fold.get(w.strip().casefold())
        if hit is None:
            unknown.append(w)
        elif hit not in out:
            out.append(hit)
    if unknown:
        choices = sorted(present)
        bits = []
        for w in unknown:
            guess = suggest(w, choices)
            bits.append(f"{w!r}" + (f" (did you mean {guess!r}?)" if guess else ""))
        listed = ", ".join(choices[:12]) + (", …" if len(choices) > 12 else "")
        raise ParameterError(
            f"report parameter {param}: {', '.join(bits)} "
            f"{'is' if len(unknown) == 1 else 'are'} not in the log. "
            f"It has: {listed or 'none'}; {empty_label} selects the empty ones")
    return out


def plan_report(log_dir=None, out_dir=None, *, parameters=None, redact: bool = False,
                html: bool = True, template=None) -> ReportPlan:
    """Check everything about a report before any kernel starts.

    Parameters
    ----------
    log_dir : path, optional
        The log folder (relative to the current folder); the sample campaign
        when neither this nor ``parameters["log_dir"]`` names one. Naming it
        both ways is a mistake.
    out_dir : path, optional
        Where the report goes; default ``reports/<log name>-<as_of>/``
        (``reports/redacted-<as_of>/`` when redacted: see :func:`default_out_dir`).
    parameters : dict, optional
        Values for the template's parameters; text is converted to the type of
        each default (see :func:`convert_parameter`).
    redact : bool
        Leave out everything personal (also settable as ``parameters["redact"]``).
    html : bool
        Also write ``report.html``.
    template : path, optional
        The notebook to run; ``notebooks/report.ipynb`` by default.

    Returns
    -------
    ReportPlan

    Raises
    ------
    ParameterError
        An unknown parameter name (with a suggestion), a value of the wrong
        type, a date that is not a date, ``start`` after ``end``, a company or
        industry not in the log, or the log given twice.
    LogNotFoundError, LogValidationError
        When the log folder is missing or does not validate.
    TemplateError
        When the template cannot be read.
    """
    from .schema import suggest
    from .store import ContactLog

    template = _template_path(template).resolve()
    defaults = read_template_parameters(template)
    given = dict(parameters or {})
    for name in given:
        if name not in defaults:
            guess = suggest(name, list(defaults))
            raise ParameterError(
                f"unknown report parameter {name!r}"
                + (f"; did you mean {guess!r}?" if guess else ".")
                + f" The report's parameters: {', '.join(defaults)}")
    values = {name: convert_parameter(name, given[name], defaults[name]) for name in given}

    # the log, given once
    if log_dir is not None and "log_dir" in values:
        raise ParameterError(
            f"the log is given twice: {os.fspath(log_dir)!r} (--log) and "
            f"{values['log_dir']!r} (-p log_dir); give it once")
    if log_dir is None:                  # no log named: the sample campaign
        log_dir = values.get("log_dir") or config.SAMPLE_DIR
    log = ContactLog.open(Path(log_dir))
    redact = bool(redact or values.get("redact", False))

    # dates and numbers
    as_of = _parse_day("as_of", values.get("as_of", defaults.get("as_of")))
    as_of = as_of or default_as_of(log)
    start = _parse_day("start", values.get("start", defaults.get("start")))
    end = _parse_day("end", values.get("end", defaults.get("end")))
    if start and end and start > end:
        raise ParameterError(f"report parameters start and end: start {start} is after "
                             f"end {end}; the window is empty — swap them")
    for name in ("follow_up_days", "top_n"):
        if name in defaults:
            v = values.get(name, defaults[name])
            if not isinstance(v, int) or v < 1:
                raise ParameterError(f"report parameter {name}: {v!r} must be a whole "
                                     "number of at least 1")

    # companies and industries must be in the log (a typo would give an empty report)
    from .metrics import NO_GROUP_LABELS
    from .schema import COMPANY, INDUSTRY
    c = log.raw_contacts
    for name, column in (("companies", COMPANY), ("industries", INDUSTRY)):
        if values.get(name):
            present = sorted({v.strip() for v in c[column].astype(str) if v.strip()}) \
                if column in c else []
            values[name] = _match_names(name, values[name], present, NO_GROUP_LABELS[column])

    out = Path(out_dir) if out_dir is not None else default_out_dir(log.name, as_of,
                                                                    redact=redact)
    final = {name: defaults[name] for name in defaults}
    final.update(values)
    final["log_dir"] = str(log.folder.resolve())
    final["as_of"] = as_of.isoformat()
    final["start"] = start.isoformat() if start else ""
    final["end"] = end.isoformat() if end else ""
    final["redact"] = redact
    if "out_dir" in defaults:
        final["out_dir"] = str(out.resolve())
    return ReportPlan(template=template, log_dir=log.folder.resolve(), log_name=log.name,
                      out_dir=out.resolve(), as_of=as_of, parameters=final, redact=redact,
                      html=html, log=log)


# --- running it --------------------------------------------------------------------
def _skip_slow_format_checker() -> None:
    """Let jsonschema skip its ``iri`` format checker, whose grammar takes ~1.3 s to build.

    nbformat's schema uses no ``iri`` format, so notebook validation is unchanged.
    The module is hidden only while jsonschema imports, then made importable again.
    """
    if "jsonschema" in sys.modules or "rfc3987_syntax" in sys.modules:
        return
    sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]
    try:
        import jsonschema  # noqa: F401
    finally:
        if sys.modules.get("rfc3987_syntax", 1) is None:
            del sys.modules["rfc3987_syntax"]


class _Preload(threading.Thread):
    """Import nbconvert's HTML exporter while the kernel works (the GIL is free then)."""

    def __init__(self):
        super().__init__(name="infoint-html-preload", daemon=True)
        self.error: BaseException | None = None

    def run(self):
        try:
            from nbconvert.exporters.html import HTMLExporter
            exporter = _html_exporter(HTMLExporter)
            # a tiny export loads what nbconvert imports on first use (markdown,
            # highlighting, HTML parsing, the theme), so the real one starts warm
            import nbformat
            v4 = nbformat.v4
            nb = v4.new_notebook(cells=[
                v4.new_markdown_cell("# *warm-up*"),
                v4.new_code_cell("1", outputs=[v4.new_output(
                    "display_data", data={"text/markdown": "**1**", "text/html": "<b>1</b>",
                                          "image/png": _ONE_PIXEL_PNG})])],
                metadata={"language_info": {"name": "python"}})
            exporter.from_notebook_node(nb)
        except Exception as exc:  # export_html imports again and reports a real problem
            self.error = exc


_EXPORTER: list = []
_ENGINE: list = []
_ONE_PIXEL_PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
                  "hKmMIQAAAABJRU5ErkJggg==")


def _html_exporter(cls=None):
    """The one HTMLExporter of this process (no code cells, no prompts), template compiled."""
    if not _EXPORTER:
        if cls is None:
            from nbconvert.exporters.html import HTMLExporter as cls
        # Figures are image/png outputs, embedded as data: URIs in any case.
        # embed_images (for ![](file.png) in Markdown, which the report has none
        # of) would re-parse each inline HTML tag on its own and so close the
        # <span class="tex2jax_ignore"> around a value holding "$" at once.
        exporter = cls(exclude_input=True, exclude_input_prompt=True,
                       exclude_output_prompt=True, embed_images=False)
        exporter.template  # noqa: B018 — compile the template now
        _EXPORTER.append(exporter)
    return _EXPORTER[0]


def _engine_name() -> str:
    """Register (once) a papermill engine that runs on a kernel started beforehand."""
    from papermill.engines import NBClientEngine, papermill_engines

    name = "infoint"
    if _ENGINE:
        return name

    class _StartedKernelEngine(NBClientEngine):
        """nbclient on a kernel we started ourselves; shuts it down right after."""

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, log_output=False,
                                     stdout_file=None, stderr_file=None, start_timeout=60,
                                     execution_timeout=None, **kwargs):
            from papermill.clientwrap import PapermillNotebookClient
            from papermill.log import logger
            kwargs.pop("input_path", None)
            kwargs.pop("timeout", None)
            kwargs.pop("startup_timeout", None)
            client = PapermillNotebookClient(
                nb_man, timeout=execution_timeout, startup_timeout=start_timeout,
                kernel_name=kernel_name, log=logger, log_output=log_output,
                stdout_file=stdout_file, stderr_file=stderr_file,
                shutdown_kernel="immediate", **kwargs)
            return client.execute(cleanup_kc=True)

    papermill_engines.register(name, _StartedKernelEngine)
    _ENGINE.append(name)
    return name


def _start_kernel(workdir: Path, kernel_cwd: Path, kernel_name: str):
    """Start the report's kernel now; it boots while papermill is imported."""
    from jupyter_client.manager import AsyncKernelManager
    from jupyter_core.utils import run_sync

    ipc = os.name == "posix"  # no TCP ports (and no warning about them) where possible
    km = AsyncKernelManager(kernel_name=kernel_name, transport="ipc" if ipc else "tcp",
                            connection_file=str(workdir / "kernel.json"))
    env = dict(os.environ)
    env["MPLBACKEND"] = "Agg"                   # figures are drawn off-screen
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    # as nbclient does for kernels it starts: keep no IPython history on disk
    run_sync(km.start_kernel)(cwd=str(kernel_cwd), env=env,
                              extra_arguments=["--HistoryManager.hist_file=:memory:"])
    return km


def _stop_kernel(km) -> None:
    from jupyter_core.utils import run_sync
    try:
        if run_sync(km.is_alive)():
            run_sync(km.shutdown_kernel)(now=True)
    except RuntimeError:
        pass
    finally:
        run_sync(km.cleanup_resources)()


def _scrub(nb, secrets: list[str]):
    """A copy of ``nb`` with every ``secret`` (paths) replaced by ``(redacted)``.

    Every text is searched — sources, outputs, tracebacks, metadata — except
    base64 image data, where a short path could occur by chance.
    """
    import nbformat
    found = sorted({s for s in secrets if s}, key=len, reverse=True)

    def clean(value, key=""):
        if isinstance(value, str):
            if key.startswith("image/") or key == "application/pdf":
                return value
            for s in found:
                value = value.replace(s, REDACTED)
            return value
        if isinstance(value, dict):
            return {k: clean(v, k) for k, v in value.items()}
        if isinstance(value, list):
            return [clean(v, key) for v in value]
        return value

    out = nbformat.from_dict(clean(json.loads(json.dumps(nb))))
    meta = out.metadata.get("papermill", {})
    for key in ("input_path", "output_path"):
        if key in meta:
            meta[key] = NOTEBOOK_FILE
    meta.pop("environment_variables", None)
    return out


def _write_notebook(nb, path: Path) -> None:
    import nbformat

    from .store import write_atomically
    write_atomically(path, nbformat.writes(nb).encode("utf-8"))


def _clear_outputs(out: Path) -> None:
    """Remove the files an earlier run left under the names this run writes.

    A failed run must not leave yesterday's (perhaps unredacted) report beside
    today's evidence. Only these names are touched; nothing else in ``out``.
    """
    names = [out / NOTEBOOK_FILE, out / HTML_FILE]
    names += [out / FIGURES_DIR / f"{f}.png" for f in FIGURES]
    names += [out / TABLES_DIR / t for t in TABLE_FILES]
    for p in names:
        try:
            p.unlink()
        except FileNotFoundError:
            pass


def _write_redacted_copy(log, folder: Path) -> Path:
    """A redacted copy of ``log`` in ``folder`` (the kernel never sees the original)."""
    from .schema import CONTACTS_FILE, INTERACTIONS_FILE
    from .store import write_table_bytes
    c, i = redact_frames(log.raw_contacts, log.raw_interactions)
    folder.mkdir(parents=True)
    (folder / CONTACTS_FILE).write_bytes(write_table_bytes(c))
    (folder / INTERACTIONS_FILE).write_bytes(write_table_bytes(i))
    return folder


def render_report(log_dir=None, out_dir=None, *, parameters=None, redact: bool = False,
                  html: bool = True, template=None, kernel_name: str = "python3",
                  plan: ReportPlan | None = None) -> ReportResult:
    """Render the campaign report: run the notebook with papermill, export HTML.

    Writes ``OUT/report.ipynb`` (executed), ``OUT/report.html`` (no code),
    ``OUT/figures/*.png`` and ``OUT/tables/`` (DESIGN.md §4). Everything is
    checked before a kernel starts (:func:`plan_report`).

    Parameters
    ----------
    log_dir : path, optional
        The log folder; the sample campaign when no log is named (here or as
        ``parameters["log_dir"]``).
    out_dir : path, optional
        Where the report goes; default ``reports/<log name>-<as_of>/``
        (``reports/redacted-<as_of>/`` when redacted: see :func:`default_out_dir`).
    parameters : dict, optional
        Values for the template's parameters (``as_of``, ``start``, ``end``,
        ``companies``, ``industries``, ``follow_up_days``, ``top_n``, …); text is
        converted to each default's type.
    redact : bool
        Replace people by tokens and leave out contact details and notes,
        everywhere in the outputs (papermill's metadata included).
    html : bool
        Also write ``report.html``.
    template : path, optional
        The notebook to run (tests use broken copies).
    kernel_name : str
        The Jupyter kernel to run it on.
    plan : ReportPlan, optional
        An already checked plan (then the other arguments are ignored).

    Returns
    -------
    ReportResult

    Raises
    ------
    ParameterError, LogNotFoundError, LogValidationError, TemplateError
        Before any kernel starts, for a mistake in what was asked.
    ReportFailedError
        When a cell fails; the executed notebook with the error is kept in
        ``OUT/report.ipynb`` and named in the message.

    Examples
    --------
    >>> result = render_report("data/sample", "/tmp/report")      # doctest: +SKIP
    >>> result.html                                               # doctest: +SKIP
    PosixPath('/tmp/report/report.html')
    """
    t0 = time.perf_counter()
    if plan is None:
        plan = plan_report(log_dir, out_dir, parameters=parameters, redact=redact,
                           html=html, template=template)
    timings = {"check": time.perf_counter() - t0}
    out = plan.out_dir
    out.mkdir(parents=True, exist_ok=True)
    _clear_outputs(out)
    target = out / NOTEBOOK_FILE
    params = dict(plan.parameters)
    with tempfile.TemporaryDirectory(prefix="infoint-report-") as tmp:
        work = Path(tmp)
        secrets = [str(out), str(plan.log_dir), str(work), str(Path(tmp).resolve())]
        if plan.redact:
            from .store import ContactLog
            log = plan.log if plan.log is not None else ContactLog.open(plan.log_dir)
            copy = _write_redacted_copy(log, work / "log")
            params["log_dir"] = str(copy)
            secrets += [str(copy), str(Path.home())]
        kernel_cwd = config.NOTEBOOKS_DIR if config.NOTEBOOKS_DIR.is_dir() else out
        try:
            km = _start_kernel(work, kernel_cwd, kernel_name)
        except Exception as exc:
            raise ReportFailedError(
                f"could not start the Jupyter kernel {kernel_name!r} ({type(exc).__name__}: "
                f"{_short(str(exc))}); install one with `pip install ipykernel`") from exc
        # nbconvert is imported while the cells run, when this process only waits
        preload = _Preload() if plan.html and not _EXPORTER else None
        try:
            _skip_slow_format_checker()
            import papermill
            from papermill.exceptions import PapermillExecutionError

            # a redacted run is written outside OUT first, scrubbed, then moved in
            raw_path = work / NOTEBOOK_FILE if plan.redact else target
            try:
                nb = papermill.execute_notebook(
                    str(plan.template), str(raw_path), parameters=params,
                    engine_name=_engine_name(), km=km, kernel_name=kernel_name,
                    progress_bar=False, request_save_on_cell_execute=False,
                    execution_timeout=_CELL_TIMEOUT,
                    on_notebook_start=(lambda **_: preload.start()) if preload else None)
            except PapermillExecutionError as exc:
                if plan.redact and raw_path.exists():
                    import nbformat
                    evidence = nbformat.read(str(raw_path), as_version=4)
                    _write_notebook(_scrub(evidence, secrets), target)
                raise ReportFailedError(
                    f"the report failed in cell {exc.exec_count}: {exc.ename}: "
                    f"{_short(exc.evalue)}. The executed notebook with the error is "
                    f"{target}; open it to see where", notebook=target,
                    ename=exc.ename, evalue=exc.evalue) from None
            except Exception as exc:
                if isinstance(exc, InfointError):
                    raise
                raise ReportFailedError(
                    f"the report's kernel stopped before the notebook finished "
                    f"({type(exc).__name__}: {_short(str(exc))})") from exc
        finally:
            _stop_kernel(km)
        timings["kernel"] = time.perf_counter() - t0 - timings["check"]
        if plan.redact:
            nb = _scrub(nb, secrets)
            _write_notebook(nb, target)
    html_path = None
    if plan.html:
        if preload is not None and preload.ident is not None:
            preload.join()   # a failed preload is retried by the export itself
        html_path = export_html(nb, out / HTML_FILE)
    timings["html"] = time.perf_counter() - t0 - timings["check"] - timings["kernel"]
    figures = [p for p in (out / FIGURES_DIR / f"{f}.png" for f in FIGURES) if p.exists()]
    tables = {t: out / TABLES_DIR / t for t in TABLE_FILES if (out / TABLES_DIR / t).exists()}
    return ReportResult(out_dir=out, notebook=target, html=html_path, figures=figures,
                        tables=tables, as_of=plan.as_of, parameters=plan.parameters,
                        seconds=time.perf_counter() - t0, timings=timings)


def _short(text: str, limit: int = 300) -> str:
    text = re.sub(r"\x1b\[[0-9;]*m", "", str(text)).strip()
    return text if len(text) <= limit else text[: limit - 1] + "…"


def export_html(notebook, path, *, title: str = "Informational-interview campaign report"
                ) -> Path:
    """Write ``notebook`` as a stand-alone HTML page without code cells.

    Figures are embedded (base64), so the file can be mailed on its own.

    Parameters
    ----------
    notebook : NotebookNode or path
        The executed notebook.
    path : path
        The ``.html`` file to write.
    title : str
        The page title.

    Returns
    -------
    Path
    """
    _skip_slow_format_checker()
    import nbformat
    if not hasattr(notebook, "cells"):
        notebook = nbformat.read(str(notebook), as_version=4)
    exporter = _html_exporter()
    body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
    body = _put_alt_texts(notebook, body)
    from .store import write_atomically
    path = Path(path)
    write_atomically(path, body.encode("utf-8"))
    return path


_NO_ALT = 'alt="No description has been provided for this image"'


def _put_alt_texts(notebook, body: str) -> str:
    """Give each figure its ``alt`` text (its title) where nbconvert's template has none."""
    import html as H
    alts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            for mime in ("image/png", "image/jpeg"):
                if mime in output.get("data", {}):
                    alts.append(output.get("metadata", {}).get(mime, {}).get("alt"))
    pieces = body.split(_NO_ALT)
    if len(pieces) - 1 != len(alts):   # another template: leave its markup alone
        return body
    out = [pieces[0]]
    for alt, rest in zip(alts, pieces[1:]):
        out.append(f'alt="{H.escape(alt, quote=True)}"' if alt else _NO_ALT)
        out.append(rest)
    return "".join(out)


# --- one report per group ----------------------------------------------------------
def slugify(text: str, *, fallback: str = "group") -> str:
    """A safe ASCII folder name: ``"Harbor & Vine"`` → ``"harbor-vine"``.

    Examples
    --------
    >>> slugify("Café Müller (Zürich)")
    'cafe-muller-zurich'
    """
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    return slug[:60].strip("-") or fallback


def _month_bounds(month: str) -> tuple[_dt.date, _dt.date]:
    first = _dt.date.fromisoformat(month + "-01")
    nxt = (first.replace(day=28) + _dt.timedelta(days=4)).replace(day=1)
    return first, nxt - _dt.timedelta(days=1)


def render_each(by: str, log_dir=None, out_dir=None, *, parameters=None,
                redact: bool = False, html: bool = True, template=None,
                kernel_name: str = "python3", progress: bool = True) -> EachResult:
    """One report per company, industry or month, and an ``index.html`` linking them.

    Each group's report goes to ``OUT/<slug>/`` (a safe ASCII folder name).
    Groups are those of the report's *targets* (after the other filters);
    ``month`` is the month of first contact. A failing group does not stop the
    others; they are listed in the index and in the error raised at the end.

    Parameters
    ----------
    by : {"company", "industry", "month"}
        What to split by.
    log_dir, out_dir, parameters, redact, html, template, kernel_name
        As for :func:`render_report`; ``out_dir`` holds the index and a folder
        per group.
    progress : bool
        Show a progress bar on stderr.

    Returns
    -------
    EachResult

    Raises
    ------
    ParameterError
        As :func:`render_report`, and for an unknown ``by``.
    ReportFailedError
        After all groups ran, when at least one failed.
    """
    from . import metrics as M

    if by not in EACH:
        raise ParameterError(f"--each {by!r} is not allowed; choose one of {', '.join(EACH)}")
    base = plan_report(log_dir, out_dir, parameters=parameters, redact=redact, html=html,
                       template=template)
    p = base.parameters
    log = base.log
    c, i = filter_frames(log.contacts, log.interactions, as_of=base.as_of,
                         start=p.get("start", ""), end=p.get("end", ""),
                         companies=p.get("companies", []), industries=p.get("industries", []))
    timeline = M.contact_timeline(c, i, as_of=base.as_of)
    if by == "month":
        first = timeline.loc[timeline["contacted"], "first_contact"]
        groups = sorted(first.dt.strftime("%Y-%m").unique().tolist())
    else:
        targets = timeline[timeline["is_target"]]
        labels = targets[by].astype(str).str.strip()
        labels = labels.where(labels != "", M.NO_GROUP_LABELS[by])
        groups = sorted(labels.unique().tolist(), key=lambda g: (g.startswith("("), g.casefold()))
    if not groups:
        raise ParameterError(f"--each {by}: the report has no {by} to split by "
                             "(nobody in it is a target yet)")
    result = EachResult(out_dir=base.out_dir, index=base.out_dir / INDEX_FILE, by=by)
    used: set[str] = set()
    for g in groups:
        slug = slugify(g)
        n = 2
        while slug in used or slug in (FIGURES_DIR, TABLES_DIR):
            slug, n = f"{slugify(g)}-{n}", n + 1
        used.add(slug)
        result.folders[g] = slug
    base.out_dir.mkdir(parents=True, exist_ok=True)
    try:
        result.index.unlink()
    except FileNotFoundError:
        pass
    bar = None
    if progress:
        from tqdm import tqdm
        bar = tqdm(total=len(groups), desc=f"reports by {by}", unit="report", file=sys.stderr,
                   leave=True)
    try:
        for g in groups:
            if bar is not None:
                bar.set_postfix_str(flatten(g)[:30])     # a terminal sees no control codes
            params = dict(p)
            if by == "company":
                params["companies"] = [g]
            elif by == "industry":
                params["industries"] = [g]
            else:
                lo, hi = _month_bounds(g)
                start = max(lo, _dt.date.fromisoformat(p["start"])) if p.get("start") else lo
                end = min(hi, _dt.date.fromisoformat(p["end"])) if p.get("end") else hi
                params["start"], params["end"] = start.isoformat(), end.isoformat()
            folder = base.out_dir / result.folders[g]
            params["out_dir"] = str(folder)
            plan = replace(base, out_dir=folder, parameters=params)
            try:
                result.reports[g] = render_report(plan=plan, kernel_name=kernel_name)
            except ReportFailedError as exc:
                result.failed[g] = exc
            if bar is not None:
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
    _write_index(result, base)
    if result.failed:
        names = ", ".join(f"{flatten(g)} ({result.folders[g]}/{NOTEBOOK_FILE})"
                          for g in result.failed)
        first = next(iter(result.failed.values()))
        raise ReportFailedError(
            f"{len(result.failed)} of {len(groups)} reports failed: {names}. "
            f"The first: {first}", notebook=first.notebook)
    return result


def _write_index(result: EachResult, plan: ReportPlan) -> Path:
    import html as H
    rows = []
    for g, slug in result.folders.items():
        if g in result.reports:
            r = result.reports[g]
            link = f"{slug}/{(r.main).name}"
            try:
                s = json.loads((r.out_dir / TABLES_DIR / "summary.json").read_text("utf-8"))
            except (OSError, ValueError):
                s = {}
            rate = s.get("response_rate")
            cells = [s.get("contacted", ""), s.get("responded", ""),
                     "" if rate is None else f"{100 * rate:.0f}%", s.get("meetings_held", "")]
            status = ""
        else:
            link = f"{slug}/{NOTEBOOK_FILE}"
            cells = ["", "", "", ""]
            status = " — failed, see the notebook"
        tds = "".join(f"<td>{H.escape(str(v))}</td>" for v in cells)
        rows.append(f'<tr><td><a href="{H.escape(link, quote=True)}">{literal(g, into="html")}</a>'
                    f"{H.escape(status)}</td>{tds}</tr>")
    what = {"company": "company", "industry": "industry", "month": "month of first contact"}
    title = f"Campaign reports by {what[result.by]}"
    redacted = "<p>Names and contact details are left out of these reports.</p>" \
        if plan.redact else ""
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{H.escape(title)}</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em;max-width:52em}}
table{{border-collapse:collapse}}td,th{{padding:.3em .8em;border-bottom:1px solid #ddd;
text-align:left}}td:not(:first-child),th:not(:first-child){{text-align:right}}</style>
</head><body><h1>{H.escape(title)}</h1>
<p>As of {plan.as_of.isoformat()}. One report per {what[result.by]}; each counts only its own
people.</p>{redacted}
<table><thead><tr><th>{H.escape(result.by.capitalize())}</th><th>Contacted</th>
<th>Responded</th><th>Response rate</th><th>Meetings held</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
    result.index.write_text(page, encoding="utf-8")
    return result.index


# --- data: filters and redaction ---------------------------------------------------
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
    from .schema import (ADDED_ON, CHANNEL, COMPANY, CONTACT_ID, DATE, INDUSTRY,
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

    from . import metrics as M
    from .schema import COMPANY, CONTACT_ID, INDUSTRY
    keep = np.ones(len(contacts), dtype=bool)
    for values, column in ((companies, COMPANY), (industries, INDUSTRY)):
        if values:
            labels = contacts[column].astype(str).str.strip()
            labels = labels.where(labels != "", M.NO_GROUP_LABELS[column]).str.casefold()
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
    c = contacts[keep].reset_index(drop=True)
    i = interactions[interactions[CONTACT_ID].isin(c[CONTACT_ID])].reset_index(drop=True)
    return c, i


# --- in the kernel: the report itself ----------------------------------------------
def save_figure(fig, name: str, out_dir=None) -> bytes:
    """Render ``fig`` (a Figure or Axes) as PNG; also save it as ``out_dir/figures/<name>.png``.

    Returns
    -------
    bytes
        The PNG, for display.
    """
    import io
    fig = getattr(fig, "figure", fig)
    buf = io.BytesIO()
    # light compression: a little larger, noticeably quicker to write
    fig.savefig(buf, format="png", metadata={"Software": None},
                pil_kwargs={"compress_level": 1})
    data = buf.getvalue()
    if out_dir:
        folder = Path(out_dir) / FIGURES_DIR
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.png").write_bytes(data)
    return data


def load_report(log_dir="data/sample", *, as_of="", start="", end="", companies=(),
                industries=(), follow_up_days: int = config.FOLLOW_UP_DAYS,
                redact: bool = False, top_n: int = 10, out_dir="") -> "Report":
    """Open a log and compute everything its report shows; write the tables.

    What the report notebook calls first, with its parameters.

    Parameters
    ----------
    log_dir : path
        The log folder; a relative path is relative to the project root.
    as_of : str or date
        The report date; empty for the default (the sample's last interaction,
        otherwise today).
    start, end : str or date
        Keep contacts whose first contact falls in this window (both included).
    companies, industries : sequence of str
        Keep only these.
    follow_up_days : int
        Days after the last unanswered attempt before a follow-up is due.
    redact : bool
        Turn people into tokens and drop contact details and notes first.
    top_n : int
        Rows in the fastest-responders table and bars in its chart.
    out_dir : path
        When set, tables go to ``out_dir/tables/`` and figures to
        ``out_dir/figures/``; empty to only display.

    Returns
    -------
    Report
    """
    from .store import ContactLog

    log = ContactLog.open(config.resolve_project_path(log_dir))
    day = _parse_day("as_of", as_of) or default_as_of(log)
    start, end = _parse_day("start", start), _parse_day("end", end)
    companies, industries = list(companies or []), list(industries or [])
    contacts, interactions = (redact_log(log) if redact
                              else (log.contacts, log.interactions))
    contacts, interactions = filter_frames(
        contacts, interactions, as_of=day, start=start, end=end,
        companies=companies, industries=industries)
    report = Report(contacts, interactions, as_of=day, title=None if redact else log.name,
                    start=start, end=end, companies=companies, industries=industries,
                    follow_up_days=follow_up_days, redacted=bool(redact), top_n=top_n,
                    out_dir=Path(out_dir) if out_dir else None)
    if report.out_dir is not None:
        report.write_tables()
    return report


#: (one, many, "the oldest is …") for each action of ``metrics.followups_due``.
_ACTION_PHRASES = {
    "follow_up": ("follow-up", "follow-ups", "a follow-up to {name}"),
    "resend": ("resend", "resends", "sending {name} the message again"),
    "thank_you": ("thank-you", "thank-yous", "a thank-you to {name}"),
    "update": ("update", "updates", "an update to {name}"),
    "tell_referrer": ("note to a referrer", "notes to referrers",
                      "telling {name} how their referral went"),
    "outreach_next": ("new outreach", "new outreaches", "reaching out to {name}"),
}


def _pct(x) -> str:
    return f"{100 * float(x):.0f}%"


def _days(x) -> str:
    x = float(x)
    if x == 0:
        return "the same day"
    return f"{x:g} day" + ("" if x == 1 else "s")


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class Report:
    """Everything a report shows, computed once from a (filtered, redacted) log.

    Built by :func:`load_report`. The notebook only displays what its methods
    return: :meth:`headline`, :meth:`findings`, :meth:`table` and :meth:`figure`.
    Tables are attributes (``by_company``, ``by_channel``, ``by_source``,
    ``funnel``, ``growth``, ``chains``, ``due``, ``due_week``, ``meetings``,
    ``timeline``, ``summary``), all from :mod:`infoint_nb.metrics`.
    """

    def __init__(self, contacts, interactions, *, as_of, title=None, start=None, end=None,
                 companies=(), industries=(), follow_up_days=config.FOLLOW_UP_DAYS,
                 redacted=False, top_n=10, out_dir=None):
        import pandas as pd

        from . import metrics as M
        from .schema import ADDED_ON, DATE
        self.contacts, self.interactions = contacts, interactions
        self.as_of = as_of
        self.title = title
        self.start, self.end = start, end
        self.companies, self.industries = list(companies), list(industries)
        self.follow_up_days = int(follow_up_days)
        self.redacted = redacted
        self.top_n = int(top_n)
        self.out_dir = out_dir
        kw = {"as_of": as_of}
        self.timeline = M.contact_timeline(contacts, interactions, follow_up_days=follow_up_days,
                                           **kw)
        self.summary = M.summarize(contacts, interactions, **kw)
        self.by_company = M.response_by(contacts, interactions, by="company", **kw)
        self.by_channel = M.response_by(contacts, interactions, by="channel", **kw)
        self.by_source = M.response_by(contacts, interactions, by="source", **kw)
        self.funnel = M.funnel(contacts, interactions, follow_up_days=follow_up_days, **kw)
        self.growth = M.network_growth(contacts, interactions, **kw)
        self.chains = M.referral_chains(contacts, **kw)
        self.due = M.followups_due(contacts, interactions, follow_up_days=follow_up_days, **kw)
        self.meetings = M.upcoming_meetings(contacts, interactions, **kw)
        # the coming week: what is known on as_of, read six days later
        day = pd.Timestamp(as_of)
        known_c = contacts[~(contacts[ADDED_ON] > day)]
        known_i = interactions[~(interactions[DATE].dt.normalize() > day)]
        week = M.followups_due(known_c, known_i, follow_up_days=follow_up_days,
                               as_of=day + pd.Timedelta(days=6))
        week["overdue_days"] = (day - pd.to_datetime(week["due_on"])).dt.days
        self.due_week = week.reset_index(drop=True)

    # -- files ----------------------------------------------------------------------
    def write_tables(self, out_dir=None) -> dict:
        """Write ``tables/*.csv`` and ``tables/summary.json`` (DESIGN.md §4); return the paths."""
        folder = Path(out_dir or self.out_dir) / TABLES_DIR
        folder.mkdir(parents=True, exist_ok=True)
        paths = {}

        def put(name, frame):
            path = folder / name
            frame.to_csv(path, index=False, lineterminator="\n")
            paths[name] = path

        for name, table, group in (("response_by_company.csv", self.by_company, "company"),
                                   ("response_by_channel.csv", self.by_channel, "channel"),
                                   ("response_by_source.csv", self.by_source, "source")):
            put(name, _response_csv(table, group))
        put("funnel.csv", self.funnel[["stage", "current", "reached"]])
        growth = self.growth.copy()
        growth["week"] = growth["week"].dt.strftime("%Y-%m-%d")
        put("network_growth.csv", growth)
        due = self.due.copy()
        due["due_on"] = due["due_on"].dt.strftime("%Y-%m-%d")
        put("followups_due.csv", due)
        summary = dict(self.summary)
        summary["filters"] = {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "companies": self.companies, "industries": self.industries,
            "follow_up_days": self.follow_up_days, "redacted": self.redacted,
        }
        path = folder / "summary.json"
        path.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        paths["summary.json"] = path
        return paths

    # -- words ----------------------------------------------------------------------
    def headline(self):
        """The headline numbers and what the report covers, as Markdown."""
        from IPython.display import Markdown
        s = self.summary
        rate = "" if s["response_rate"] is None else f" ({_pct(s['response_rate'])})"
        lines = []
        if self.title:
            lines.append(f"**Campaign:** {literal(self.title)} · **as of {s['as_of']}**")
        else:
            lines.append(f"**As of {s['as_of']}**")
        lines += [
            "",
            "| People in the log | Targets | Contacted | Responded | Meetings held | Referrals |",
            "|---:|---:|---:|---:|---:|---:|",
            f"| {s['contacts']} | {s['targets']} | {s['contacted']} | {s['responded']}{rate} "
            f"| {s['meetings_held']} | {s['referrals']} |",
            "",
        ]
        scope = []
        if self.companies:
            scope.append("only " + _join([f"**{literal(c)}**" for c in self.companies]))
        if self.industries:
            scope.append("only the " + _join([f"**{literal(c)}**" for c in self.industries])
                         + " " + ("industry" if len(self.industries) == 1 else "industries"))
        if self.start or self.end:
            lo = self.start.isoformat() if self.start else "the beginning"
            hi = self.end.isoformat() if self.end else s["as_of"]
            scope.append(f"people first contacted from {lo} to {hi}")
        if scope:
            lines.append("This report covers " + "; ".join(scope) + ".")
        if self.redacted:
            lines.append("Names, contact details and notes are left out: people appear as "
                         "tokens such as *Contact 07*, numbered in the order of their "
                         "contact_id, so the same token means the same person in every "
                         "redacted report.")
        return Markdown("\n".join(lines))

    def findings(self, section: str):
        """What one section shows, in sentences computed from the data (Markdown).

        Parameters
        ----------
        section : {"fastest", "channels", "funnel", "network", "due"}
        """
        from IPython.display import Markdown
        if section not in SECTIONS:
            raise ParameterError(f"section {section!r} is not one of {', '.join(SECTIONS)}")
        text = getattr(self, f"_findings_{section}")()
        return Markdown("\n".join(f"- {line}" for line in text) if len(text) > 1
                        else "".join(text))

    def _overall_median(self) -> float:
        from . import metrics as M
        sub = self.timeline[self.timeline["contacted"]]
        if len(sub) == 0:
            return float("nan")
        return M.km_median(sub["observed_days"].to_numpy(dtype=float),
                           sub["responded"].to_numpy())

    def _findings_fastest(self) -> list[str]:
        import math
        t = self.by_company
        contacted = int(t["contacted"].sum())
        if contacted == 0:
            return ["Nobody in this report has been contacted yet, so there is no response "
                    "time to measure; the clock starts with the first outreach."]
        responded = int(t["responded"].sum())
        med = self._overall_median()
        out = [f"**{responded} of {contacted}** people contacted have answered "
               f"({_pct(responded / contacted)}); "
               + (f"half of everyone contacted had answered within **{_days(med)}**."
                  if not math.isnan(med) else
                  "fewer than half have answered, so the typical wait is still open.")]
        from .metrics import NO_GROUP_LABELS
        reached = t[t["median_days_to_response"].notna()]
        # a lone person (or the people without a company) is no company's speed
        solid = reached[(reached["contacted"] >= 2)
                        & (reached["company"] != NO_GROUP_LABELS["company"])]
        reached = solid if len(solid) else reached
        if len(reached):
            best = reached.iloc[0]
            out.append(f"Fastest: half of the people at **{literal(best['company'])}** answered "
                       f"within **{_days(best['median_days_to_response'])}** "
                       f"({int(best['responded'])} of {int(best['contacted'])} answered).")
            nxt = reached.iloc[1:3]
            if len(nxt):
                out.append("Next: " + _join([
                    f"**{literal(r['company'])}** "
                    f"(half within {_days(r['median_days_to_response'])})"
                    for _, r in nxt.iterrows()]) + ".")
        slow = t[t["median_days_to_response"].isna() & (t["contacted"] >= 2)].head(3)
        if len(slow):
            out.append(_join([f"**{literal(r['company'])}** ({int(r['responded'])} of "
                              f"{int(r['contacted'])})" for _, r in slow.iterrows()])
                       + (" has" if len(slow) == 1 else " have")
                       + " not had half of their people answer, so they rank last however "
                       "quick a single reply was: the silent ones count.")
        small = int((t["contacted"] < 3).sum())
        if small:
            out.append(f"{small} of {_plural(len(t), 'company', 'companies')} had fewer than "
                       "three people contacted; read their rates with the 95% intervals.")
        return out

    def _findings_channels(self) -> list[str]:
        out = []
        for label, t, col in (("channel", self.by_channel, "channel"),
                              ("source", self.by_source, "source")):
            if len(t) == 0:
                continue
            ranked = t.sort_values(["ci_low", "response_rate", col],
                                   ascending=[False, False, True], kind="stable")
            best = ranked.iloc[0]
            text = (f"Best {label}: **{literal(str(best[col]).replace('_', ' '))}** — "
                    f"{int(best['responded'])} of {int(best['contacted'])} answered "
                    f"({_pct(best['response_rate'])}, 95% interval {_pct(best['ci_low'])}–"
                    f"{_pct(best['ci_high'])})")
            if best["median_days_to_response"] == best["median_days_to_response"]:
                text += f", half within {_days(best['median_days_to_response'])}"
            out.append(text + ".")
            most = t.sort_values(["contacted", col], ascending=[False, True],
                                 kind="stable").iloc[0]
            if most[col] != best[col]:
                out.append(f"Most used {label}: **{literal(str(most[col]).replace('_', ' '))}** "
                           f"({int(most['contacted'])} people, {_pct(most['response_rate'])} "
                           "answered).")
        if not out:
            return ["Nobody has been contacted yet, so no channel or source can be compared."]
        out.append("Ranked by the lower end of the 95% interval, so one lucky reply "
                   "does not win.")
        return out

    def _findings_funnel(self) -> list[str]:
        f = self.funnel.set_index("stage")
        r = f["reached"]
        targets = int(r.get("identified", 0))
        if targets == 0:
            return ["No targets yet: give people a priority or log an outreach to start."]
        out = [f"Of **{targets}** targets, {int(r['contacted'])} were contacted, "
               f"{int(r['responded'])} responded, **{int(r['met'])} met you**, "
               f"{int(r['thanked'])} got a thank-you and {int(r['keeping_in_touch'])} "
               "are keeping in touch."]
        declined, quiet = int(f.loc["declined", "current"]), int(f.loc["gone_quiet", "current"])
        if declined or quiet:
            out.append(f"{_plural(declined, 'person', 'people')} declined and "
                       f"{quiet} went quiet after every follow-up.")
        if int(r["met"]):
            out.append(f"About one meeting for every {int(r['contacted']) / int(r['met']):.1f} "
                       "people contacted.")
        return out

    def _findings_network(self) -> list[str]:
        g, s = self.growth, self.summary
        if len(g) == 0 or int(g["cumulative"].iloc[-1]) == 0:
            return ["The log is empty so far."]
        total = int(g["cumulative"].iloc[-1])
        out = [f"The log grew to **{total}** people over {_plural(len(g), 'week')}; "
               f"{s['referrals']} of them ({_pct(s['referrals'] / total)}) came through a "
               "referral."]
        if s.get("referrals_per_meeting") is not None:
            out.append(f"Each meeting brought {s['referrals_per_meeting']:.1f} referrals on "
                       "average — ask every person who else you should talk to.")
        ch = self.chains
        trees = ch[(ch["chain_size"] > 1) & ch["depth"].notna()]
        if len(trees):
            deepest = trees.sort_values(["depth", "contact_id"], ascending=[False, True]).iloc[0]
            root = ch.loc[ch["contact_id"] == deepest["root"], "name"]
            who = literal(root.iloc[0] if len(root) else deepest["root"])
            out.append(f"The longest chain is {_plural(int(deepest['depth']), 'introduction')} "
                       f"deep, starting from {who}.")
            top = ch.sort_values(["referrals", "contact_id"], ascending=[False, True]).iloc[0]
            if int(top["referrals"]) > 1:
                out.append(f"{literal(top['name'])} introduced you to the most people "
                           f"({int(top['referrals'])}).")
        return out

    def _findings_due(self) -> list[str]:
        import pandas as pd
        due, week, meet = self.due, self.due_week, self.meetings
        day = pd.Timestamp(self.as_of)
        out = []
        if len(due):
            counts = due["action"].value_counts()
            words = {a: _ACTION_PHRASES.get(a, (a, a + "s", a + " for {name}"))
                     for a in counts.index}
            kinds = _join([f"{n} {words[a][0] if n == 1 else words[a][1]}"
                           for a, n in counts.items()])
            text = f"**{_plural(len(due), 'thing')} due** by {self.as_of.isoformat()}: {kinds}."
            oldest = due.sort_values("overdue_days", ascending=False, kind="stable").iloc[0]
            if int(oldest["overdue_days"]) > 0:
                what = words[oldest["action"]][2].format(name=literal(oldest["name"]))
                text += (f" The oldest is {what}, "
                         f"{_plural(int(oldest['overdue_days']), 'day')} overdue.")
            out.append(text)
        later = int((week["overdue_days"] < 0).sum()) if len(week) else 0
        if later:
            out.append(f"{_plural(later, 'more thing')} come{'s' if later == 1 else ''} due by "
                       f"{(day + pd.Timedelta(days=6)).date().isoformat()}.")
        if len(meet):
            first = meet.iloc[0]
            out.append(f"{_plural(len(meet), 'meeting')} ahead; the next is on "
                       f"{pd.Timestamp(first['scheduled_for']):%Y-%m-%d %H:%M} with "
                       f"{literal(first['name'])}"
                       + (f" ({literal(first['company'])})" if first["company"] else "") + ".")
        if not out:
            out.append(f"Nothing is due on {self.as_of.isoformat()} or in the week after: a "
                       "good moment to find new people to contact.")
        return out

    # -- tables ---------------------------------------------------------------------
    def table(self, name: str):
        """A table for display (HTML).

        Parameters
        ----------
        name : {"fastest", "channels", "sources", "due", "meetings"}
        """
        import pandas as pd
        from IPython.display import HTML
        builders = {"fastest": self._table_fastest, "channels": self._table_channels,
                    "sources": self._table_sources, "due": self._table_due,
                    "meetings": self._table_meetings}
        if name not in builders:
            raise ParameterError(f"table {name!r} is not one of {', '.join(builders)}")
        frame, note = builders[name]()
        if len(frame) == 0:
            return HTML(f"<p><em>{note or 'Nothing to show.'}</em></p>")
        css = f"infoint-{name}"        # styles are page-wide: one class per table
        # text reads from the left, numbers line up on the right
        numeric = [k for k, col in enumerate(frame.columns, start=1)
                   if pd.api.types.is_numeric_dtype(frame[col])]
        # text cells through the one escaping function; MathJax leaves the table alone
        shown = frame.copy()
        for k, col in enumerate(frame.columns, start=1):
            if k not in numeric:
                shown[col] = ["" if pd.isna(v) else literal(v, into="html")
                              for v in frame[col]]
        body = shown.to_html(index=False, border=0, escape=False, na_rep="",
                             classes=f"infoint-table {css} {NO_MATH_CLASS}")
        right = ",".join(f".{css} td:nth-child({k}),.{css} th:nth-child({k})" for k in numeric)
        # !important: JupyterLab's own table style is more specific than a class
        style = (f"<style>.{css} td,.{css} th{{text-align:left !important;"
                 "vertical-align:top !important}"
                 + (right + "{text-align:right !important}" if right else "") + "</style>")
        return HTML(style + body + (f"<p><em>{note}</em></p>" if note else ""))

    @staticmethod
    def _response_display(t, col: str, label: str):
        import pandas as pd
        med = t["median_days_to_response"]
        return pd.DataFrame({
            label: t[col].astype(str).str.replace("_", " ") if col != "company" else t[col],
            "Contacted": t["contacted"], "Responded": t["responded"],
            "Response rate (95% interval)": [
                f"{_pct(r)} ({_pct(lo)}–{_pct(hi)})"
                for r, lo, hi in zip(t["response_rate"], t["ci_low"], t["ci_high"])],
            "Half answered within": [_days(m) if m == m else "not reached" for m in med],
        })

    def _table_fastest(self):
        t = self.by_company
        shown = t.head(self.top_n)
        note = ""
        if len(t) > len(shown):
            note = (f"The {len(shown)} fastest of {len(t)} companies; all of them are in "
                    "tables/response_by_company.csv.")
        return self._response_display(shown, "company", "Company"), note or (
            "" if len(t) else "Nobody contacted yet.")

    def _table_channels(self):
        return self._response_display(self.by_channel, "channel", "First contact by"), \
            "" if len(self.by_channel) else "Nobody contacted yet."

    def _table_sources(self):
        return self._response_display(self.by_source, "source", "Found through"), \
            "" if len(self.by_source) else "Nobody contacted yet."

    def _table_due(self):
        import pandas as pd
        w = self.due_week
        when = []
        for d, late in zip(pd.to_datetime(w["due_on"]), w["overdue_days"]):
            late = int(late)
            tag = ("today" if late == 0 else f"{_plural(late, 'day')} overdue" if late > 0
                   else f"in {_plural(-late, 'day')}")
            when.append(f"{d:%Y-%m-%d} ({tag})")
        frame = pd.DataFrame({
            "Due": when, "To do": [_ACTION_PHRASES.get(a, (a,))[0] for a in w["action"]],
            "Who": w["name"], "Company": w["company"], "Channel": w["channel"],
            "Why": w["reason"]})
        return frame, "" if len(w) else "Nothing due this week."

    def _table_meetings(self):
        import pandas as pd
        m = self.meetings
        frame = pd.DataFrame({
            "When": [f"{pd.Timestamp(t):%Y-%m-%d %H:%M}" if pd.notna(t) else ""
                     for t in m["scheduled_for"]],
            "Who": m["name"], "Company": m["company"], "Channel": m["channel"]})
        if not self.redacted:
            frame["Place"] = m["place"].to_numpy()
        return frame, "" if len(m) else "No meetings scheduled ahead."

    # -- figures --------------------------------------------------------------------
    def has_data(self, name: str) -> bool:
        """Whether chart ``name`` has anything to draw (the findings say so otherwise)."""
        ch = self.chains
        return {
            "survival": bool(self.timeline["contacted"].any()),
            "response_rates": len(self.by_company) > 0,
            "channels": len(self.by_channel) > 0,
            "sources": len(self.by_source) > 0,
            "funnel": int(self.funnel["reached"].iloc[0]) > 0 if len(self.funnel) else False,
            "network_growth": len(self.growth) > 0 and int(self.growth["cumulative"].iloc[-1]) > 0,
            "referral_tree": bool(((ch["chain_size"] > 1) & ch["depth"].notna()).any()),
            "followup_calendar": len(self.due_week) > 0 or len(self.meetings) > 0,
        }[name]

    def figure(self, name: str):
        """Draw one chart, save it as ``figures/<name>.png`` (with ``out_dir``), return it.

        A chart with nothing to draw (nobody contacted yet, no referrals, …) is
        neither drawn nor saved: ``None`` is returned and the cell shows nothing;
        the section's findings say why.

        Parameters
        ----------
        name : {"survival", "response_rates", "channels", "sources", "funnel",
                "network_growth", "referral_tree", "followup_calendar"}

        Returns
        -------
        IPython.display.Image or None
        """
        if name not in FIGURES:
            raise ParameterError(f"figure {name!r} is not one of {', '.join(FIGURES)}")
        if not self.has_data(name):
            return None
        from IPython.display import Image
        from matplotlib.figure import Figure

        from . import charts
        size = {"referral_tree": (9, 5), "followup_calendar": (9, 3.6),
                "response_rates": (8, max(3.0, 0.38 * min(len(self.by_company),
                                                          self.top_n + 1) + 1.4))}
        # Constrained layout fits any label but costs a third of the drawing time.
        # These charts label their axes from fixed vocabularies (stages, channels,
        # dates, percentages), so fixed margins fit them; the others get the layout.
        fixed = {"survival": dict(left=0.09, right=0.98, bottom=0.12, top=0.92),
                 "referral_tree": dict(left=0.01, right=0.99, bottom=0.01, top=0.92),
                 "funnel": dict(left=0.17, right=0.98, bottom=0.04, top=0.92),
                 "channels": dict(left=0.08, right=0.98, bottom=0.27, top=0.92),
                 "network_growth": dict(left=0.08, right=0.91, bottom=0.2, top=0.92)}
        fig = Figure(figsize=size.get(name, (8, 4.2)), dpi=100,
                     layout=None if name in fixed else "constrained")
        if name in fixed:
            fig.subplots_adjust(**fixed[name])
        ax = fig.add_subplot()
        if name == "survival":
            charts.plot_survival(self.timeline, by="company", top=min(self.top_n, 6), ax=ax)
        elif name == "response_rates":
            charts.plot_response_rates(self.by_company, top=self.top_n, ax=ax)
        elif name == "channels":
            charts.plot_channel_comparison(self.by_channel, ax=ax)
        elif name == "sources":
            charts.plot_channel_comparison(self.by_source, ax=ax)
        elif name == "funnel":
            charts.plot_funnel(self.funnel, ax=ax)
        elif name == "network_growth":
            charts.plot_network_growth(self.growth, ax=ax)
        elif name == "referral_tree":
            charts.plot_referral_tree(self.chains, ax=ax)
        else:
            charts.plot_followup_calendar(self.due_week[self.due_week["overdue_days"] >= -6],
                                          meetings=self.meetings, as_of=self.as_of,
                                          days_before=14, days_after=14, ax=ax)
        # the chart's title states its finding: the image's alternative text
        alt = flatten(ax.get_title()) or name.replace("_", " ")
        return Image(data=save_figure(fig, name, self.out_dir), format="png", alt=alt)


def _response_csv(table, group: str):
    """The DESIGN.md columns of a response table (as ``infoint stats --csv`` writes them)."""
    return table[[group, *_RESPONSE_CSV_COLUMNS]]
