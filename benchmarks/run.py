"""`infoint stats --by company` on a large log, side by side with the floor (`make bench`).

    python benchmarks/run.py [--dir DIR] [--contacts 200000] [--interactions 1000000]
                             [--repeat 3] [--as-of 2026-01-01]

The floor is what no implementation can beat by much: pandas reading the log's
two CSV files as text (``dtype=str, keep_default_na=False``). Both are run as
fresh processes, interleaved, ``--repeat`` times; the medians are compared and
each process's peak resident memory is read from its own ``rusage``
(``os.wait4``). Then, in this process, the same work is split into its parts
(reading + validating, typing, metrics) to show where the time goes.

Goals (ISSUE 3): stats ≤ 2× the floor (≤ 1.5× is better), peak RSS < 2 GB.
This is a benchmark, not a test: it prints and exits 0 whatever the numbers.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))

GOAL_RATIO = 2.0
GOAL_RSS_MB = 2048

FLOOR_CODE = (
    "import sys, pandas as pd\n"
    "for f in sys.argv[1:]:\n"
    "    pd.read_csv(f, dtype=str, keep_default_na=False)\n"
)


def _infoint() -> list[str]:
    exe = Path(sys.executable).with_name("infoint")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("infoint")
    return [found] if found else [sys.executable, "-m", "infoint_nb.cli"]


def _timed(cmd: list[str]) -> tuple[float, float, int]:
    """Run ``cmd``; return (wall seconds, peak RSS in MB, exit status)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    proc.stderr.close()
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        print(f"  ! {' '.join(cmd[:3])} … exited {proc.returncode}:\n{err}", file=sys.stderr)
    rss_mb = usage.ru_maxrss / 1024          # Linux: kilobytes
    return wall, rss_mb, proc.returncode


def _in_process(folder: Path, as_of: str) -> list[tuple[str, float]]:
    import pandas as pd

    from infoint_nb import ContactLog
    from infoint_nb import metrics as M
    from infoint_nb import schema as S

    parts = []
    t = time.perf_counter()
    for name in (S.CONTACTS_FILE, S.INTERACTIONS_FILE):
        pd.read_csv(folder / name, dtype=str, keep_default_na=False)
    parts.append(("floor: pandas reads both CSVs as text", time.perf_counter() - t))
    t = time.perf_counter()
    log = ContactLog.open(folder)
    parts.append(("ContactLog.open (read + validate)", time.perf_counter() - t))
    t = time.perf_counter()
    contacts = log.contacts
    parts.append(("  .contacts (typed)", time.perf_counter() - t))
    t = time.perf_counter()
    interactions = log.interactions
    parts.append(("  .interactions (typed)", time.perf_counter() - t))
    t = time.perf_counter()
    table = M.response_by(contacts, interactions, by="company", as_of=as_of)
    parts.append((f"metrics.response_by (company, {len(table):,} rows)",
                  time.perf_counter() - t))
    t = time.perf_counter()
    table.to_string(index=False)
    parts.append(("format the table", time.perf_counter() - t))
    return parts


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dir", help="use (or create) this log folder instead of a temp one")
    p.add_argument("--contacts", type=int, default=200_000)
    p.add_argument("--interactions", type=int, default=1_000_000)
    p.add_argument("--repeat", type=int, default=3)
    p.add_argument("--as-of", default="2026-01-01",
                   help="fixed so that runs on different days compare")
    a = p.parse_args(argv)

    tmp = None
    if a.dir:
        folder = Path(a.dir)
    else:
        tmp = tempfile.TemporaryDirectory(prefix="infoint-bench-")
        folder = Path(tmp.name) / "log"
    try:
        if not (folder / "interactions.csv").exists():
            # in a child process: a forked child's peak RSS starts at its parent's, so
            # this process stays small until the timed runs are done
            subprocess.run([sys.executable, str(HERE / "generate.py"), str(folder),
                            "--contacts", str(a.contacts),
                            "--interactions", str(a.interactions)], check=True)
        sizes = sum(f.stat().st_size for f in folder.glob("*.csv")) / 2**20
        print(f"log: {folder} ({sizes:.0f} MB of CSV); as_of {a.as_of}; "
              f"{a.repeat} interleaved runs; python {sys.version.split()[0]}")

        files = [str(folder / "contacts.csv"), str(folder / "interactions.csv")]
        floor_cmd = [sys.executable, "-c", FLOOR_CODE, *files]
        stats_cmd = [*_infoint(), "stats", "--by", "company", "--log", str(folder),
                     "--as-of", a.as_of]
        _timed(floor_cmd)                     # warm the file cache
        _, base_rss, _ = _timed([sys.executable, "-c", "pass"])
        floor, stats = [], []
        for _ in range(a.repeat):
            floor.append(_timed(floor_cmd))
            stats.append(_timed(stats_cmd))
        f_wall = statistics.median(r[0] for r in floor)
        s_wall = statistics.median(r[0] for r in stats)
        f_rss = max(r[1] for r in floor)
        s_rss = max(r[1] for r in stats)
        ratio = s_wall / f_wall
        print()
        print(f"{'fresh process (median wall time)':44} {'seconds':>8} {'peak RSS':>10}")
        print(f"{'floor: python -c read_csv ×2 (dtype=str)':44} {f_wall:8.2f} {f_rss:8.0f} MB")
        print(f"{'infoint stats --by company --log DIR':44} {s_wall:8.2f} {s_rss:8.0f} MB")
        print(f"{'ratio (stats / floor)':44} {ratio:8.2f}")
        print(f"(an empty python process peaks at {base_rss:.0f} MB here)")
        ok_t = "ok" if ratio <= GOAL_RATIO else "MISSED"
        ok_m = "ok" if s_rss < GOAL_RSS_MB else "MISSED"
        print(f"goal ≤ {GOAL_RATIO:g}× the floor: {ok_t};  peak RSS < {GOAL_RSS_MB} MB: {ok_m}")
        if any(r[2] for r in stats):
            print("note: infoint stats failed in at least one run (see above)")

        print()
        print("in this process, where the time goes:")
        for label, secs in _in_process(folder, a.as_of):
            print(f"  {label:52} {secs:7.2f} s")
    finally:
        if tmp is not None:
            tmp.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
