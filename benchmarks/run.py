"""`infoint stats`, `infoint check` and `infoint report` on a large log, side by side with
two floors (`make bench`).

    python benchmarks/run.py [--dir DIR] [--contacts 200000] [--interactions 1000000]
                             [--repeat 3] [--as-of 2026-01-01] [--no-report]

The floors are what reading the log's two CSV files as text costs with pandas alone:
(a) the default C engine, ``pd.read_csv(f, dtype=str, keep_default_na=False)``, and
(b) ``pd.read_csv(f, engine="pyarrow")``. Every command runs as a fresh process, the
floors and ours interleaved, ``--repeat`` times; the medians are compared and each
process's peak resident memory is read from its own ``rusage`` (``os.wait4``). Then
``infoint report`` runs once on the large log and once on the sample (wall time, peak
RSS, whether every figure was written), and, in this process, the work of ``stats`` is
split into its parts to show where the time goes.

Goals (issue 11): stats ≤ 1.0× (a) and ≤ 2.0× (b), check ≤ 1.5× (b), peak RSS < 1 GB;
(issue 10): the report on the large log ≤ the sample report + 2 × stats on the large log.
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

GOAL_STATS_A = 1.0
GOAL_STATS_B = 2.0
GOAL_CHECK_B = 1.5
GOAL_RSS_MB = 1024

FLOOR_A = (
    "import sys, pandas as pd\n"
    "for f in sys.argv[1:]:\n"
    "    pd.read_csv(f, dtype=str, keep_default_na=False)\n"
)
FLOOR_B = (
    "import sys, pandas as pd\n"
    "for f in sys.argv[1:]:\n"
    "    pd.read_csv(f, engine='pyarrow')\n"
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
    parts.append(("floor (a): pandas reads both CSVs as text", time.perf_counter() - t))
    t = time.perf_counter()
    for name in (S.CONTACTS_FILE, S.INTERACTIONS_FILE):
        pd.read_csv(folder / name, engine="pyarrow")
    parts.append(("floor (b): the same with engine='pyarrow'", time.perf_counter() - t))
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
    p.add_argument("--no-report", action="store_true", help="skip the infoint report runs")
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
        cmds = {
            "floor (a): read_csv ×2, dtype=str": [sys.executable, "-c", FLOOR_A, *files],
            "floor (b): read_csv ×2, engine=pyarrow": [sys.executable, "-c", FLOOR_B, *files],
            "infoint stats --by company": [*_infoint(), "stats", "--by", "company", "--log",
                                           str(folder), "--as-of", a.as_of],
            "infoint check": [*_infoint(), "check", str(folder)],
        }
        for cmd in cmds.values():
            _timed(cmd)                       # warm the file cache and the .pyc files
        _, base_rss, _ = _timed([sys.executable, "-c", "pass"])
        runs: dict[str, list] = {name: [] for name in cmds}
        for _ in range(a.repeat):
            for name, cmd in cmds.items():
                runs[name].append(_timed(cmd))
        wall = {n: statistics.median(r[0] for r in rs) for n, rs in runs.items()}
        rss = {n: max(r[1] for r in rs) for n, rs in runs.items()}
        fa, fb, st, ck = (wall[n] for n in cmds)
        print()
        print(f"{'fresh process (median wall time)':44} {'seconds':>8} {'peak RSS':>10}")
        for n in cmds:
            print(f"{n:44} {wall[n]:8.2f} {rss[n]:8.0f} MB")
        print(f"(an empty python process peaks at {base_rss:.0f} MB here)")
        print()
        ok = lambda good: "ok" if good else "MISSED"  # noqa: E731
        print(f"ratio stats / floor (a)   {st / fa:5.2f}   goal ≤ {GOAL_STATS_A:g}: "
              f"{ok(st / fa <= GOAL_STATS_A)}")
        print(f"ratio stats / floor (b)   {st / fb:5.2f}   goal ≤ {GOAL_STATS_B:g}: "
              f"{ok(st / fb <= GOAL_STATS_B)}")
        print(f"ratio check / floor (b)   {ck / fb:5.2f}   goal ≤ {GOAL_CHECK_B:g}: "
              f"{ok(ck / fb <= GOAL_CHECK_B)}")
        worst = max(rss[n] for n in list(cmds)[2:])
        print(f"peak RSS of ours          {worst:5.0f} MB goal < {GOAL_RSS_MB} MB: "
              f"{ok(worst < GOAL_RSS_MB)}")
        for n in list(cmds)[2:]:
            if any(r[2] for r in runs[n]):
                print(f"note: {n} failed in at least one run (see above)")

        if not a.no_report:
            print()
            print("infoint report (one run each):")
            took = {}
            with tempfile.TemporaryDirectory(prefix="infoint-report-") as out:
                for label, log_args in (("large log", ["--log", str(folder), "--as-of",
                                                       a.as_of]),
                                        ("sample", [])):
                    dest = Path(out) / label.replace(" ", "_")
                    secs, mb, code = _timed([*_infoint(), "report", *log_args,
                                             "--out", str(dest)])
                    figures = sorted(p.name for p in (dest / "figures").glob("*.png"))
                    print(f"  {label:10} {secs:7.1f} s {mb:7.0f} MB  exit {code}; "
                          f"{len(figures)} figures; report.html "
                          f"{'written' if (dest / 'report.html').exists() else 'MISSING'}")
                    took[label] = secs
            budget = took["sample"] + 2 * st
            print(f"report on the large log {took['large log']:.1f} s against the sample report "
                  f"+ 2 × stats = {took['sample']:.1f} + 2 × {st:.2f} = {budget:.1f} s: "
                  f"ratio {took['large log'] / budget:.2f}, goal ≤ 1: "
                  f"{ok(took['large log'] <= budget)}")
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
