"""The hostile corpus: files a user (or an export from somewhere else) may hand us.

Each case is a folder under ``tests/hostile/`` with a ``case.json``::

    {"about": "what the file does",
     "argv": ["check", "{case}/log"],        # the infoint command; {case} is the case's copy
     "exit": 2,                               # the exit status it must give
     "stdout": ["fragment", ...],             # optional: fragments stdout must hold
     "stderr": ["fragment", ...],             # optional: fragments stderr must hold
     "unchanged": ["log"],                    # optional: folders/files whose bytes must not change
     "absent": ["{case}/out/x"],              # optional: paths that must not exist afterwards
     "env": {"INFOINT_HOME": "{case}"}}       # optional: environment for the command

Files too big or too odd to commit as they are may be written by a ``make.py`` beside
``case.json``: it is run with the case's copy as its working folder before the command, and
may import the corpus's shared modules (``tests/hostile/_*.py``).
No case may print a traceback.
"""
from __future__ import annotations

import hashlib
import json
import os
import runpy
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import infoint_exe

CORPUS = Path(__file__).parent / "hostile"
CASES = sorted(p.name for p in CORPUS.iterdir() if (p / "case.json").exists())


def _digest(path: Path) -> dict[str, str]:
    if path.is_file():
        return {path.name: hashlib.sha256(path.read_bytes()).hexdigest()}
    return {str(p.relative_to(path)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(path.rglob("*")) if p.is_file() and p.name != ".lock"}


def test_corpus_is_there():
    assert len(CASES) >= 10, CASES


@pytest.mark.parametrize("case", CASES)
def test_hostile_case(case, tmp_path):
    folder = tmp_path / case
    shutil.copytree(CORPUS / case, folder)
    spec = json.loads((folder / "case.json").read_text("utf-8"))
    if (folder / "make.py").exists():
        cwd = os.getcwd()
        os.chdir(folder)
        sys.path.insert(0, str(CORPUS))  # make.py may import the corpus's shared _*.py
        try:
            runpy.run_path(str(folder / "make.py"), run_name="__main__")
        finally:
            sys.path.remove(str(CORPUS))
            os.chdir(cwd)

    def fill(text: str) -> str:
        return text.replace("{case}", str(folder))

    watched = {name: _digest(folder / name) for name in spec.get("unchanged", [])}
    env = {**os.environ, "MPLBACKEND": "Agg",
           **{k: fill(v) for k, v in spec.get("env", {}).items()}}
    out = subprocess.run([infoint_exe(), *map(fill, spec["argv"])], capture_output=True,
                         text=True, cwd=folder, env=env, timeout=300)
    shown = f"{case}: exit {out.returncode}\nstdout:\n{out.stdout[-3000:]}\nstderr:\n{out.stderr[-3000:]}"
    assert out.returncode == spec["exit"], shown
    assert "Traceback" not in out.stderr, shown
    for fragment in spec.get("stdout", []):
        assert fill(fragment) in out.stdout, f"{fragment!r} missing\n{shown}"
    for fragment in spec.get("stderr", []):
        assert fill(fragment) in out.stderr, f"{fragment!r} missing\n{shown}"
    for name, before in watched.items():
        assert _digest(folder / name) == before, f"{case}: {name} changed"
    for path in spec.get("absent", []):
        assert not Path(fill(path)).exists(), f"{case}: {path} exists"
