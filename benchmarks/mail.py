"""`infoint import mail` on a large mbox, side by side with reading it with `mailbox` alone.

    python benchmarks/mail.py [--dir /tmp/infoint-bench-mail] [--messages 20000]
                              [--size-mb 1024] [--contacts 500] [--repeat 1] [--keep]

Writes a ~1 GB mbox of 20 000 messages (text, a few with attachments making up the
bulk, as in a real mailbox; about a fifth exchanged with people in the log), then runs,
each in a fresh process and ``--repeat`` times, interleaved:

* **mailbox**: the standard library alone — ``for msg in mailbox.mbox(path)`` reading
  each message's ``From`` (what any tool built on ``mailbox`` pays at least);
* **import**: ``infoint import mail PATH --log DIR --me ADDRESS`` into a new copy of the
  log, with its progress bar (on this terminal's stderr).

Each process reports its own peak resident memory (``resource.getrusage``) and wall
time. Goal (issue 12): peak RSS of the import < 300 MB. This is a benchmark, not a
test: it prints and exits 0 whatever the numbers.
"""
from __future__ import annotations

import argparse
import base64
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOAL_RSS_MB = 300
ME = "alex.doe@mail.example"

MAILBOX_CODE = r"""
import json, mailbox, resource, sys, time
t = time.perf_counter()
n = 0
for msg in mailbox.mbox(sys.argv[1], create=False):
    msg["From"]
    n += 1
print("BENCH " + json.dumps({"messages": n, "seconds": time.perf_counter() - t,
      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

IMPORT_CODE = r"""
import json, resource, sys, time
from infoint_nb.cli import main
t = time.perf_counter()
rc = main(["import", "mail", sys.argv[1], "--log", sys.argv[2], "--me", sys.argv[3]])
print("BENCH " + json.dumps({"exit": rc, "seconds": time.perf_counter() - t,
      "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _contacts_csv(n: int) -> str:
    lines = ["contact_id,name,company,email,source,added_on"]
    for k in range(1, n + 1):
        lines.append(f"C{k:05d},Person {k},Company {k % 60},person{k}@corp{k % 60}.example,"
                     "other,2025-01-01")
    return "\n".join(lines) + "\n"


def make_log(folder: Path, contacts: int) -> Path:
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    (folder / "contacts.csv").write_text(_contacts_csv(contacts), encoding="utf-8")
    (folder / "interactions.csv").write_text("interaction_id,contact_id,date,channel,kind,notes\n",
                                             encoding="utf-8")
    return folder


def make_mbox(path: Path, *, messages: int, size_mb: int, contacts: int, seed: int = 12) -> int:
    """Write the mbox; return its size in bytes."""
    rng = random.Random(seed)
    target = size_mb << 20
    pool = [base64.encodebytes(rng.randbytes(45 * 1400)) for _ in range(16)]  # ~85 KB each
    words = ("thanks meeting coffee role team interview career research design data "
             "product week call time schedule happy talk question learn").split()
    per = target // messages
    t0 = 1735725600  # 2025-01-01
    with open(path, "wb") as fh:
        for k in range(messages):
            when = t0 + k * 1500 + rng.randrange(600)
            date = time.strftime("%a, %d %b %Y %H:%M:%S +0000", time.gmtime(when))
            asc = time.strftime("%a %b %d %H:%M:%S %Y", time.gmtime(when))
            if rng.random() < 0.2:
                who = f"person{rng.randrange(1, contacts + 1)}"
                other = f"{who}@corp{int(who[6:]) % 60}.example"
            else:
                other = f"someone{rng.randrange(5000)}@elsewhere{rng.randrange(300)}.example"
            out = rng.random() < 0.35
            frm, to = (ME, other) if out else (other, ME)
            text = " ".join(rng.choice(words) for _ in range(rng.randrange(40, 300)))
            head = (f"From {frm} {asc}\nFrom: {frm}\nTo: {to}\nDate: {date}\n"
                    f"Subject: {rng.choice(words)} {rng.choice(words)} #{k}\n"
                    f"Message-ID: <bench-{k}@mail.example>\nMIME-Version: 1.0\n")
            room = per - len(head) - len(text) - 400
            if room > 2000:
                blob = pool[k % len(pool)]
                blob = (blob * (room // len(blob) + 1))[:room]
                blob = blob[:blob.rfind(b"\n") + 1]
                body = (b'Content-Type: multipart/mixed; boundary="b"\n\n--b\n'
                        b"Content-Type: text/plain; charset=utf-8\n\n" + text.encode() +
                        b"\nFrom the team\n\n--b\nContent-Type: application/pdf\n"
                        b"Content-Transfer-Encoding: base64\n\n" + blob + b"--b--\n")
            else:
                body = b"Content-Type: text/plain; charset=utf-8\n\n" + text.encode() + b"\n"
            body = body.replace(b"\nFrom ", b"\n>From ")
            fh.write(head.encode() + body + b"\n")
    return path.stat().st_size


def _run(code: str, *args: str, show_stderr: bool = False) -> dict:
    env = {**os.environ, "PYTHONPATH": str(ROOT) + os.pathsep + os.environ.get("PYTHONPATH", ""),
           "INFOINT_PROGRESS": "1"}
    proc = subprocess.run([sys.executable, "-c", code, *args], stdout=subprocess.PIPE,
                          stderr=None if show_stderr else subprocess.PIPE, env=env, text=True)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("BENCH ")]
    if proc.returncode != 0 or not lines:
        print(f"  ! exited {proc.returncode}:\n{proc.stdout[-2000:]}\n{proc.stderr or ''}",
              file=sys.stderr)
        return {"seconds": float("nan"), "rss_mb": float("nan")}
    out = json.loads(lines[-1][6:])
    out["stdout"] = "\n".join(ln for ln in proc.stdout.splitlines()[:1])
    return out


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--dir", default="/tmp/infoint-bench-mail")
    p.add_argument("--messages", type=int, default=20000)
    p.add_argument("--size-mb", type=int, default=1024)
    p.add_argument("--contacts", type=int, default=500)
    p.add_argument("--repeat", type=int, default=1)
    p.add_argument("--keep", action="store_true", help="reuse the mbox written before")
    a = p.parse_args(argv)
    base = Path(a.dir)
    base.mkdir(parents=True, exist_ok=True)
    mbox = base / "All mail.mbox"
    stamp = base / "mbox.json"
    spec = {"messages": a.messages, "size_mb": a.size_mb, "contacts": a.contacts}
    if not (a.keep and mbox.exists() and stamp.exists()
            and json.loads(stamp.read_text()) == spec):
        t = time.perf_counter()
        size = make_mbox(mbox, messages=a.messages, size_mb=a.size_mb, contacts=a.contacts)
        stamp.write_text(json.dumps(spec))
        print(f"wrote {mbox} ({size / 2**20:.0f} MB, {a.messages} messages) "
              f"in {time.perf_counter() - t:.1f} s")
    size = mbox.stat().st_size
    runs: dict[str, list[dict]] = {"mailbox": [], "import": []}
    for k in range(a.repeat):
        runs["mailbox"].append(_run(MAILBOX_CODE, str(mbox)))
        log = make_log(base / f"log-{k}", a.contacts)
        r = _run(IMPORT_CODE, str(mbox), str(log), ME, show_stderr=True)
        runs["import"].append(r)
        if k == 0 and r.get("stdout"):
            print("  " + r["stdout"][:300])
    print(f"\nmbox: {size / 2**20:.0f} MB, {a.messages} messages, {a.contacts} contacts "
          f"in the log; median of {a.repeat} fresh process(es) each\n")
    print(f"{'':<10}{'seconds':>9}{'MB/s':>9}{'msg/s':>9}{'peak RSS MB':>13}")
    for name, rs in runs.items():
        sec = statistics.median(r["seconds"] for r in rs)
        rss = max(r["rss_mb"] for r in rs)
        print(f"{name:<10}{sec:>9.1f}{size / 2**20 / sec:>9.0f}{a.messages / sec:>9.0f}"
              f"{rss:>13.0f}")
    imp = statistics.median(r["seconds"] for r in runs["import"])
    ref = statistics.median(r["seconds"] for r in runs["mailbox"])
    rss = max(r["rss_mb"] for r in runs["import"])
    print(f"\nimport / mailbox time: {imp / ref:.2f}×;  import peak RSS {rss:.0f} MB "
          f"(goal < {GOAL_RSS_MB} MB: {'met' if rss < GOAL_RSS_MB else 'NOT met'})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
