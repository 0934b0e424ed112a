"""A report's parameters, checked before any kernel starts.

:func:`read_template_parameters` reads the template's ``parameters`` cell
without running it, :func:`convert_parameter` turns ``-p NAME VALUE`` text into
each default's type, :func:`collect_parameters` merges ``-p`` with the command's
flags, and :func:`plan_report` checks all of it against the log (unknown names,
wrong types, dates, an empty window, companies or industries not in the log) and
returns the :class:`ReportPlan` a run follows. A mistake is a
:class:`~infoint_nb.errors.ParameterError`; an unreadable template a
:class:`~infoint_nb.errors.TemplateError`. :func:`default_as_of` and
:func:`default_out_dir` give the report date and folder when none is named.
"""
from __future__ import annotations

import ast
import datetime as _dt
import json
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from .. import config
from ..errors import ParameterError, TemplateError

#: Parameters ``render_report`` sets itself (``-p`` cannot).
_RESERVED = {"out_dir": "--out DIR (or out_dir= in Python)"}
_TRUE = ("true", "yes", "1", "on")
_FALSE = ("false", "no", "0", "off")


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
    """The report date when none is given: :meth:`ContactLog.default_as_of`."""
    return log.default_as_of()


def default_out_dir(log_name: str, as_of, *, redact: bool = False) -> Path:
    """``reports/<log name>-<as_of>/``; ``reports/redacted-<as_of>/`` for a redacted report.

    A log folder is often named after a person (``dana_campaign``), so a
    redacted report — the one meant to be shared — does not carry it.
    """
    day = (as_of.isoformat() if hasattr(as_of, "isoformat") else str(as_of))[:10]
    return config.REPORTS_DIR / (f"redacted-{day}" if redact else f"{log_name}-{day}")


def _parse_day(name: str, value) -> _dt.date | None:
    from ..schema import parse_day
    return parse_day(value, name=name, prefix=f"report parameter {name}: ")


def _match_names(param: str, wanted, present, empty_label: str) -> list[str]:
    """``wanted`` spelled as in the log (case-insensitive match); unknown → ParameterError."""
    from ..schema import suggest
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
    from ..schema import suggest
    from ..store import ContactLog

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
    from ..schema import COMPANY, INDUSTRY
    from ..vocabulary import NO_GROUP_LABELS
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

