"""Notebooks 04–07: clean files, and executed with papermill on a copy of the sample."""
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
NAMES = ["04_track", "05_prepare", "06_meeting", "07_follow_up"]
WIDGET = "application/vnd.jupyter.widget-view+json"
TODAY = "2026-09-18"


def _code(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def _outputs(nb):
    return [o for c in _code(nb) for o in c.outputs]


def _widgets(nb) -> list[str]:
    """All the text of every widget shown, from the widget state papermill saves."""
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]

    def text(model_id: str) -> str:
        s = state[model_id]["state"]
        parts = [str(s.get(k, "")) for k in ("description", "value", "placeholder")]
        parts += [str(x) for x in s.get("_options_labels", ())]
        parts += [text(ref.removeprefix("IPY_MODEL_")) for ref in s.get("children", ())]
        return "\n".join(p for p in parts if p)

    return [text(o["data"][WIDGET]["model_id"]) for o in _outputs(nb)
            if WIDGET in o.get("data", {})]


@pytest.mark.parametrize("name", NAMES)
def test_notebook_file_is_clean(name):
    nb = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
    nbformat.validate(nb)
    code = _code(nb)
    assert all(not c.outputs and c.execution_count is None for c in code)
    params = [c for c in code if "parameters" in c.metadata.get("tags", [])]
    assert len(params) == 1 and 'log_dir = "data/my_log"' in params[0].source
    assert 'as_of = ""' in params[0].source
    for c in code:  # calls into the package only
        assert not any(line.lstrip().startswith(("def ", "class ", "for ", "while ", "if "))
                       for line in c.source.splitlines()), c.source
        assert "import" not in c.source or "infoint_nb" in c.source
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


def test_notebooks_match_their_generator():
    spec = importlib.util.spec_from_file_location("build_nb_b", ROOT / "tools" /
                                                  "build_notebooks_b.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    assert sorted(mod.NOTEBOOKS_B) == [f"{n}.ipynb" for n in NAMES]
    for name, cells in mod.NOTEBOOKS_B.items():
        expected = nbformat.writes(mod.build_notebook(name, cells)) + "\n"
        assert (NOTEBOOKS / name).read_text(encoding="utf-8") == expected, (
            f"{name} differs from tools/build_notebooks_b.py; run it again")


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """Run the four notebooks once each on one copy of the sample, as of its last day."""
    base = tmp_path_factory.mktemp("nb_b")
    log_dir = copy_log(config.SAMPLE_DIR, base / "sample")
    runs = {name: execute_notebook(name, base, log_dir=str(log_dir), as_of=TODAY)
            for name in NAMES}
    return runs, log_dir


@pytest.mark.slow
def test_notebooks_run_without_errors_and_write_nothing_on_opening(executed):
    runs, log_dir = executed
    for name, nb in runs.items():
        assert not [o for o in _outputs(nb) if o.output_type == "error"], name
        assert not [o for o in _outputs(nb) if o.get("name") == "stderr"], name
        lines = [o["data"]["text/html"] for o in _outputs(nb) if "text/html" in o.get("data", {})]
        assert any("Log open:" in t and "49 people" in t for t in lines), name
    plan = json.loads((log_dir / S.PLAN_FILE).read_text(encoding="utf-8"))
    assert plan == json.loads((config.SAMPLE_DIR / S.PLAN_FILE).read_text(encoding="utf-8"))
    assert (log_dir / S.INTERACTIONS_FILE).read_bytes() == (
        config.SAMPLE_DIR / S.INTERACTIONS_FILE).read_bytes()


@pytest.mark.slow
def test_track_notebook_shows_due_list_table_calendar_charts_and_editors(executed):
    runs, _ = executed
    widgets = _widgets(runs["04_track"])
    assert len(widgets) == 7  # due, table, calendar, activity import, 2 editors, restore
    assert "7 things due" in widgets[0] and "Done: log thank you" in widgets[0]
    assert "49 people" in widgets[1]
    assert "Theo Lambert" in widgets[2] and "Export calendar" in widgets[2]
    assert any("image/png" in o.get("data", {}) for o in _outputs(runs["04_track"]))


@pytest.mark.slow
def test_prepare_notebook_opens_every_form_on_the_next_meeting(executed):
    runs, _ = executed
    widgets = _widgets(runs["05_prepare"])
    assert len(widgets) == 6
    assert all("Theo Lambert — Kiteboard (C0042)" in w for w in widgets)
    assert "How does Kiteboard measure whether students" in widgets[1]
    assert "About 38.1 s to say" in widgets[2]
    assert "Meeting brief: Theo Lambert" in widgets[5]


@pytest.mark.slow
def test_meeting_and_follow_up_notebooks_open_on_the_right_people(executed):
    runs, _ = executed
    (meeting,) = _widgets(runs["06_meeting"])
    assert "Theo Lambert" in meeting and "30 of 30 minutes left" in meeting
    follow = _widgets(runs["07_follow_up"])
    assert len(follow) == 5
    assert "Dear Olivia," in follow[0] and "due by Friday, September 18, 2026" in follow[0]
    assert "Open in mail program" in follow[0] and "Save draft file" in follow[0]
    assert "connect on LinkedIn" in follow[0]
    assert "Olivia Chen" in follow[1] and "Olivia Chen" in follow[2]
    assert "Dear Aisha," in follow[3] and "Save draft file" in follow[3]
    assert "Log a job lead" in follow[4] and "Leads so far (3)" in follow[4]
