"""Running a report: papermill in this process, on a kernel started beforehand.

:func:`render_report` follows a :class:`~infoint_nb.reports.parameters.ReportPlan`
(checked first by :func:`~infoint_nb.reports.parameters.plan_report`): it clears
the outputs an earlier run left, starts the kernel before papermill is even
imported (:func:`_start_kernel`, through the ``infoint`` papermill engine of
:func:`_engine_name`), runs the notebook, keeps the executed notebook as evidence
when a cell fails (:class:`~infoint_nb.errors.ReportFailedError`), scrubs paths
from a redacted notebook (:func:`_scrub`) and exports ``report.html``. It returns
a :class:`ReportResult` naming every file written. A redacted run reads a
redacted copy of the log (:mod:`infoint_nb.reports.redact`).
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import re
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from .. import config
from ..errors import InfointError, ReportFailedError
from .html import _EXPORTER, _Preload, _skip_slow_format_checker, export_html
from .layout import (FIGURES, FIGURES_DIR, HTML_FILE, NOTEBOOK_FILE, REDACTED, TABLE_FILES,
                     TABLES_DIR)
from .parameters import ReportPlan, plan_report
from .redact import _write_redacted_copy

#: Seconds a single cell may run before the report is stopped.
_CELL_TIMEOUT = 600


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



_ENGINE: list = []


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

    from ..store import write_atomically
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
            from ..store import ContactLog
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

