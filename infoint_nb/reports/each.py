"""``--each``: one report per company, industry or month, and an index page.

:func:`render_each` checks the report once, splits its targets into groups,
runs :func:`~infoint_nb.reports.run.render_report` for each into
``OUT/<slug>/`` (:func:`slugify` makes a safe ASCII folder name), goes on when
one fails, and writes ``OUT/index.html`` linking them with each group's counts.
It returns an :class:`EachResult`.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
import sys
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

from ..errors import ParameterError, ReportFailedError
from ..markup import flatten, literal
from ..vocabulary import EACH_LABELS, NO_GROUP_LABELS
from .layout import EACH, FIGURES_DIR, INDEX_FILE, NOTEBOOK_FILE, TABLES_DIR
from .parameters import ReportPlan, plan_report
from .redact import filter_frames
from .run import ReportResult, render_report

@dataclass
class EachResult:
    """One report per group (:func:`render_each`) and the index linking them."""

    out_dir: Path
    index: Path
    by: str
    reports: dict[str, ReportResult] = field(default_factory=dict)
    failed: dict[str, ReportFailedError] = field(default_factory=dict)
    folders: dict[str, str] = field(default_factory=dict)



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
    from .. import metrics as M

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
        labels = labels.where(labels != "", NO_GROUP_LABELS[by])
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
    what = EACH_LABELS[result.by]
    title = f"Campaign reports by {what}"
    redacted = "<p>Names and contact details are left out of these reports.</p>" \
        if plan.redact else ""
    page = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{H.escape(title)}</title>
<style>body{{font-family:system-ui,sans-serif;margin:2em;max-width:52em}}
table{{border-collapse:collapse}}td,th{{padding:.3em .8em;border-bottom:1px solid #ddd;
text-align:left}}td:not(:first-child),th:not(:first-child){{text-align:right}}</style>
</head><body><h1>{H.escape(title)}</h1>
<p>As of {plan.as_of.isoformat()}. One report per {what}; each counts only its own
people.</p>{redacted}
<table><thead><tr><th>{H.escape(result.by.capitalize())}</th><th>Contacted</th>
<th>Responded</th><th>Response rate</th><th>Meetings held</th></tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table></body></html>
"""
    result.index.write_text(page, encoding="utf-8")
    return result.index

