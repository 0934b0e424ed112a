"""How long the sample report takes next to papermill running an empty notebook.

The floor is what any papermill report costs on this machine: the ``papermill``
command starting a kernel for a notebook with nothing in it. The report is the
whole ``infoint report`` on the sample campaign (tables, figures, executed
notebook and HTML). Both run as fresh processes, one after the other, several
rounds in alternating order, so a busy machine slows both alike. The contract
(issue 4): the report's wall time is at most 1.5 times the floor's (the median
of the rounds' ratios). CPU seconds, the kernel's included, are shown beside.

    .venv/bin/python benchmarks/report_speed.py [--rounds 5] [--limit 1.5]

Exit status 0 when within the limit, 1 when not.
"""
from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _empty_notebook(path: Path) -> Path:
    nb = {"cells": [], "metadata": {"kernelspec": {"display_name": "Python 3",
                                                   "language": "python", "name": "python3"},
                                    "language_info": {"name": "python"}},
          "nbformat": 4, "nbformat_minor": 5}
    path.write_text(json.dumps(nb), encoding="utf-8")
    return path


def _timed(cmd: list[str]) -> tuple[float, float]:
    """Wall seconds and CPU seconds (the process and everything it waited for: the kernel)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(cmd)}\n{done.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return seconds, cpu


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--rounds", type=int, default=5, help="timed runs of each (default 5)")
    ap.add_argument("--limit", type=float, default=1.5, help="allowed ratio (default 1.5)")
    args = ap.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="infoint-bench-") as tmp:
        tmp = Path(tmp)
        empty = _empty_notebook(tmp / "empty.ipynb")
        floor_cmd = [str(BIN / "papermill"), str(empty), str(tmp / "empty.out.ipynb")]
        report_cmd = [str(BIN / "infoint"), "report", "--out", str(tmp / "report")]
        # one untimed run each: caches (font cache, .pyc files) are warm for both
        _timed(floor_cmd)
        _timed(report_cmd)
        floor, report = [], []
        for i in range(args.rounds):
            pair = [(floor_cmd, floor), (report_cmd, report)]
            for cmd, into in (pair if i % 2 == 0 else pair[::-1]):
                into.append(_timed(cmd))
        html = tmp / "report" / "report.html"
        assert html.exists(), "the report wrote no report.html"

    # each round's two runs sat side by side: their ratio is the measurement
    ratios = [r[0] / f[0] for f, r in zip(floor, report)]
    ratio = statistics.median(ratios)
    for label, runs in (("papermill, empty notebook", floor), ("infoint report, sample", report)):
        wall = [w for w, _ in runs]
        cpu = [c for _, c in runs]
        print(f"{label:<26}: median {statistics.median(wall):5.2f} s wall, "
              f"{statistics.median(cpu):5.2f} s CPU  (wall: "
              + ", ".join(f"{x:.2f}" for x in wall) + ")")
    verdict = "ok" if ratio <= args.limit else "TOO SLOW"
    print(f"ratio report / empty      : {ratio:.2f}  (median of the rounds' ratios "
          + ", ".join(f"{x:.2f}" for x in ratios) + f"; limit {args.limit:.2f}) {verdict}")
    return 0 if ratio <= args.limit else 1


if __name__ == "__main__":
    sys.exit(main())
