"""Notebooks 00–03: executed with papermill on a temp log, and checked as files."""
from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import nbformat
import pytest

from infoint_nb import config
from infoint_nb import schema as S

from conftest import copy_log, execute_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
NAMES = ["00_start_here", "01_goals_and_places", "02_find_people", "03_reach_out"]
WIDGET = "application/vnd.jupyter.widget-view+json"


def _outputs(nb):
    """(cell source, output) pairs of the code cells."""
    return [(c.source, o) for c in nb.cells if c.cell_type == "code" for o in c.outputs]


def _text(output) -> str:
    data = output.get("data", {})
    return output.get("text", "") + data.get("text/html", "") + data.get("text/plain", "")


def _run(name: str, log_dir: Path, out_dir: Path):
    return execute_notebook(name, out_dir, log_dir=str(log_dir))


# --- the files ---------------------------------------------------------------------
@pytest.mark.parametrize("name", NAMES)
def test_notebook_file_is_clean(name):
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    nbformat.validate(nb)
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    params = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1 and 'log_dir = "data/my_log"' in params[0].source
    for c in code:  # no logic in notebooks
        assert not any(line.lstrip().startswith(("def ", "class ", "for ", "while "))
                       for line in c.source.splitlines()), c.source
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


def test_notebooks_match_their_generator():
    spec = importlib.util.spec_from_file_location("build_nb_a", ROOT / "tools" /
                                                  "build_notebooks_a.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    for name, cells in mod.NOTEBOOKS_A.items():
        expected = nbformat.writes(mod.build_notebook(name, cells)) + "\n"
        assert (NOTEBOOKS / name).read_text(encoding="utf-8") == expected, (
            f"{name} differs from tools/build_notebooks_a.py; run it again")


def test_open_log_resolves_relative_paths_and_creates_on_first_use(tmp_path, monkeypatch,
                                                                  capsys):
    from infoint_nb.notebook import describe_log, open_log
    monkeypatch.setattr(config, "PROJECT_ROOT", tmp_path)
    log = open_log("data/my_log", show=False)
    assert log.folder == tmp_path / "data" / "my_log"
    assert (log.folder / S.CONTACTS_FILE).exists() and (log.folder / S.INTERACTIONS_FILE).exists()
    assert describe_log(log, created=True).startswith(
        "New empty log created: data/my_log — 0 people (0 targets), 0 interactions; nothing "
        "planned yet")
    open_log("data/my_log")  # outside IPython the line is printed
    assert "Log open: data/my_log" in capsys.readouterr().out


# --- executed ----------------------------------------------------------------------
@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """Run the four notebooks once: 00 on a new folder, 01–03 on a copy of the sample."""
    base = tmp_path_factory.mktemp("nb_a")
    sample = copy_log(config.SAMPLE_DIR, base / "sample")
    runs = {"00_start_here": _run("00_start_here", base / "fresh", base)}
    for name in NAMES[1:]:
        runs[name] = _run(name, sample, base)
    return runs, base


@pytest.mark.slow
def test_start_here_creates_a_new_log(executed):
    runs, base = executed
    outs = [_text(o) for _, o in _outputs(runs["00_start_here"])]
    assert any("New empty log created:" in t and "0 people" in t for t in outs)
    assert (base / "fresh" / S.CONTACTS_FILE).exists()
    injected = [c for c in runs["00_start_here"].cells
                if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and str(base / "fresh") in injected[0].source


@pytest.mark.slow
def test_goals_notebook_shows_both_forms(executed):
    runs, _ = executed
    outs = _outputs(runs["01_goals_and_places"])
    assert any("Log open:" in _text(o) and "49 people" in _text(o) for _, o in outs)
    widgets = [o for _, o in outs if WIDGET in o.get("data", {})]
    assert len(widgets) == 2
    assert "Your goals and places" in widgets[0]["data"]["text/plain"]
    assert "Target employers (LAMP list)" in widgets[1]["data"]["text/plain"]


@pytest.mark.slow
def test_find_people_notebook_prints_the_ask(executed):
    runs, _ = executed
    outs = _outputs(runs["02_find_people"])
    assert sum(WIDGET in o.get("data", {}) for _, o in outs) == 4  # three forms + import
    printed = "".join(o.get("text", "") for _, o in outs if o.output_type == "stream")
    assert "Do you know anyone who works as a UX researcher" in printed
    assert any("Rosa" not in _text(o) and "Imani Brooks" in _text(o) for _, o in outs)


@pytest.mark.slow
def test_reach_out_notebook_prints_the_letter(executed):
    runs, base = executed
    outs = _outputs(runs["03_reach_out"])
    assert sum(WIDGET in o.get("data", {}) for _, o in outs) == 5  # the profile, four forms
    printed = "".join(o.get("text", "") for _, o in outs if o.output_type == "stream")
    assert printed.startswith("Dear Mr Karim,") and "informational interview" in printed
    assert not any(o.output_type == "error" for _, o in outs)
    # opening the forms wrote nothing: the plan is still the sample's
    plan = json.loads((base / "sample" / S.PLAN_FILE).read_text(encoding="utf-8"))
    assert plan == json.loads((config.SAMPLE_DIR / S.PLAN_FILE).read_text(encoding="utf-8"))
