"""`import infoint_nb` against the floor of `import pandas`, measured side by side.

Each import runs in a fresh interpreter; the medians of interleaved runs are compared.
Goal: ratio ≤ 1.15, and none of matplotlib, ipywidgets, papermill, lifelines, scipy loaded.
"""
from __future__ import annotations

import statistics
import subprocess
import sys
import time

HEAVY = ("matplotlib", "ipywidgets", "papermill", "lifelines", "scipy", "networkx", "openpyxl",
         "pyarrow.csv")  # Arrow's CSV reader loads with the first read (pandas loads pyarrow)


def _once(stmt: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", stmt], check=True)
    return time.perf_counter() - start


def main(runs: int = 15) -> float:
    _once("import pandas")  # warm the file cache
    floor, ours = [], []
    for _ in range(runs):
        floor.append(_once("import pandas"))
        ours.append(_once("import infoint_nb"))
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, infoint_nb; print(' '.join(m for m in "
         f"{HEAVY!r} if m in sys.modules))"], capture_output=True, text=True, check=True
    ).stdout.strip()
    f, o = statistics.median(floor), statistics.median(ours)
    print(f"import pandas (floor)   {f * 1000:7.1f} ms  (median of {runs})")
    print(f"import infoint_nb       {o * 1000:7.1f} ms")
    print(f"ratio                   {o / f:7.3f}   (goal ≤ 1.15)")
    print(f"heavy modules loaded    {loaded or 'none'}")
    return o / f


if __name__ == "__main__":
    main()
