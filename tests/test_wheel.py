"""The built wheel, installed in a fresh venv, works in an empty folder (no clone around)."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def _run(cmd, **kw):
    out = subprocess.run(cmd, capture_output=True, text=True, **kw)
    assert out.returncode == 0, f"{cmd}\n{out.stdout[-3000:]}\n{out.stderr[-3000:]}"
    return out


@pytest.fixture(scope="module")
def installed(tmp_path_factory):
    """(the wheel, the fresh venv's bin folder): built with ``python -m build``, pip-installed."""
    tmp = tmp_path_factory.mktemp("wheel")
    _run([sys.executable, "-m", "build", "--wheel", "--sdist", "-o", str(tmp / "dist"),
          str(ROOT)], env=_clean_env())
    wheel = next((tmp / "dist").glob("*.whl"))
    _run([sys.executable, "-m", "venv", str(tmp / "venv")], env=_clean_env())
    bin_dir = tmp / "venv" / "bin"
    _run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet",
          "--disable-pip-version-check", str(wheel)], env=_clean_env())
    return wheel, bin_dir


def _clean_env(**extra):
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "INFOINT_HOME", "INFOINT_LOG_DIR", "VIRTUAL_ENV")}
    return {**env, "MPLBACKEND": "Agg", **extra}


def test_metadata_passes_twine_check(installed):
    wheel, _ = installed
    out = _run([sys.executable, "-m", "twine", "check", "--strict", *wheel.parent.iterdir()])
    assert out.stdout.count("PASSED") == 2
    with zipfile.ZipFile(wheel) as z:
        names = z.namelist()
        meta = z.read(next(n for n in names if n.endswith("METADATA"))).decode()
    assert "License-Expression: MIT" in meta and "Classifier: Framework :: Jupyter" in meta
    assert any(n.endswith("licenses/LICENSE") for n in names)
    shipped = {Path(n).name for n in names if "/_bundled/" in n}
    assert {"report.ipynb", "00_start_here.ipynb", "contacts.csv", "interactions.csv",
            "plan.json"} <= shipped


def test_report_renders_the_sample_in_an_empty_folder(installed, tmp_path):
    _, bin_dir = installed
    out = _run([str(bin_dir / "infoint"), "report"], cwd=tmp_path, env=_clean_env())
    html = Path(out.stdout.strip().splitlines()[-1])
    assert html.is_file() and tmp_path in html.parents, out.stdout
    assert "Brightline Learning" in html.read_text("utf-8")
    summary = json.loads((html.parent / "tables" / "summary.json").read_text())
    assert summary["contacted"] > 0
    assert "site-packages" in out.stderr          # it says where the sample came from
    # the sample inside the package is never written to
    assert not list(Path(out.stderr.split(" in ", 1)[1].strip()).glob(".backups"))


def test_init_and_lab_work_in_an_empty_folder(installed, tmp_path):
    _, bin_dir = installed
    env = _clean_env()
    _run([str(bin_dir / "infoint"), "init", "mylog"], cwd=tmp_path, env=env)
    assert (tmp_path / "mylog" / "contacts.csv").exists()
    _run([str(bin_dir / "infoint"), "lab", "--prepare-only"], cwd=tmp_path, env=env)
    assert (tmp_path / "notebooks" / "03_reach_out.ipynb").exists()
    assert (tmp_path / "data" / "sample" / "plan.json").exists()
    # a notebook run where a user runs it finds the folder: data/my_log lands beside notebooks/
    _run([str(bin_dir / "python"), "-m", "papermill", "--no-progress-bar",
          "00_start_here.ipynb", str(tmp_path / "ran.ipynb")],
         cwd=tmp_path / "notebooks", env=env)
    assert (tmp_path / "data" / "my_log" / "contacts.csv").exists()
    # JupyterLab starts on the user's copy and answers on 127.0.0.1
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    lab = subprocess.Popen([str(bin_dir / "infoint"), "lab", "--no-browser", "--port",
                            str(port)], cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                           stderr=subprocess.STDOUT, text=True)
    try:
        deadline, answer = time.monotonic() + 60, None
        while time.monotonic() < deadline and answer is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/api", timeout=2) as r:
                    answer = json.loads(r.read())
            except OSError:
                time.sleep(0.5)
        assert answer and "version" in answer
    finally:
        lab.terminate()
        log = lab.communicate(timeout=30)[0]
    assert str(tmp_path / "notebooks") in log
