"""Shared fixtures: a temp copy of the sample log (also with job leads), the Agg backend,
the browser gate."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"
VENV_BIN = ROOT / ".venv" / "bin"


def copy_log(src: Path, dst: Path) -> Path:
    """Copy a log's files (not its backups) into a new folder ``dst``."""
    dst.mkdir(parents=True)
    for name in ("contacts.csv", "interactions.csv", "plan.json"):
        if (src / name).exists():
            shutil.copy2(src / name, dst / name)
    return dst


@pytest.fixture
def sample_log_dir(tmp_path) -> Path:
    """A private copy of the sample campaign (tests never write into data/sample)."""
    return copy_log(SAMPLE, tmp_path / "sample")


@pytest.fixture
def empty_log_dir(tmp_path) -> Path:
    """A new, empty log folder."""
    from infoint_nb import ContactLog
    return ContactLog.init(tmp_path / "log").folder


#: a job lead's text, with markup and a link in it (the report must show it as text)
LEAD_TEXT = "Evaluation fellow <2027>, applications open in January — https://careers.example/f"


@pytest.fixture
def sample_with_leads(sample_log_dir):
    """The sample campaign plus three job leads: two in it, one after its last day."""
    from infoint_nb import ContactLog
    from infoint_nb import schema as S
    log = ContactLog.open(sample_log_dir)
    log.add_interaction("C0046", S.LEAD, date="2026-09-17", notes=LEAD_TEXT)
    log.add_interaction("C0016", S.LEAD, date="2026-07-09", notes="Data analyst posting")
    log.add_interaction("C0016", S.LEAD, date="2026-10-01", notes="After the report day")
    return log


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    import sys
    if "matplotlib.pyplot" in sys.modules:
        sys.modules["matplotlib.pyplot"].close("all")


def execute_notebook(name: str, out_dir: Path, **parameters):
    """Run ``notebooks/<name>.ipynb`` with papermill as a user would (cwd = notebooks/),
    write the executed copy into ``out_dir`` and return it read back."""
    import nbformat
    import papermill as pm
    out = out_dir / f"{name}.ipynb"
    pm.execute_notebook(str(ROOT / "notebooks" / f"{name}.ipynb"), str(out),
                        parameters=parameters, cwd=str(ROOT / "notebooks"),
                        progress_bar=False, kernel_name="python3")
    return nbformat.read(out, as_version=4)


def infoint_exe() -> str:
    """The ``infoint`` console script of the project's venv (or the one on PATH)."""
    exe = VENV_BIN / "infoint"
    return str(exe) if exe.exists() else (shutil.which("infoint") or "infoint")


def pytest_collection_modifyitems(config, items):
    """Browser tests need Debian's chromium: skip without it, fail under CI=true."""
    if shutil.which("chromium") or shutil.which("chromium-browser"):
        return
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        return  # the tests themselves fail loudly: CI must have a browser
    skip = pytest.mark.skip(reason="Debian's chromium is not installed (apt-get install chromium)")
    for item in items:
        if "browser" in item.keywords:
            item.add_marker(skip)
