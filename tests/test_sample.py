"""data/make_sample.py rebuilds the committed sample byte for byte, and nothing else."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"
FILES = ("contacts.csv", "interactions.csv", "plan.json")


def test_make_sample_rebuilds_the_committed_sample_and_nothing_else(tmp_path):
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, str(ROOT / "data" / "make_sample.py"),
                           "--out", str(out)], capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "49 contacts, 197 interactions and plan.json" in done.stdout
    for name in FILES:
        assert (out / name).read_bytes() == (SAMPLE / name).read_bytes(), (
            f"{name} differs from data/sample/{name}; run `make sample` and commit it")
    # no .backups/, .lock, .commit.json or temp files, in the target or beside it
    assert sorted(p.name for p in out.iterdir()) == sorted(FILES)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]
