"""The notebooks in ``notebooks/``: the files obey rules a prose edit cannot break, and each
runs once under papermill (00 on a new folder, 01–07 on copies of the sample, 08 on it)."""
from __future__ import annotations

import importlib.util
import json
import re
import shutil
from pathlib import Path

import nbformat
import pytest

from infoint_nb import config
from infoint_nb import schema as S
from infoint_nb.notebook import STEPS, navigation_markdown

from conftest import copy_log, execute_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
ALL = sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))
STEP_NAMES = [stem for stem, _ in STEPS]
NAMES_A = ["00_start_here", "01_goals_and_places", "02_find_people", "03_reach_out"]
NAMES_B = ["04_track", "05_prepare", "06_meeting", "07_follow_up"]
WIDGET = "application/vnd.jupyter.widget-view+json"
TODAY = "2026-09-18"

_spec = importlib.util.spec_from_file_location("tidy_notebooks",
                                               ROOT / "tools" / "tidy_notebooks.py")
tidy_notebooks = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tidy_notebooks)


def _read(name: str, folder: Path = NOTEBOOKS):
    return nbformat.read(folder / f"{name}.ipynb", as_version=4)


def _code(nb):
    return [c for c in nb.cells if c.cell_type == "code"]


def _outputs(nb):
    """(cell source, output) pairs of the code cells."""
    return [(c.source, o) for c in _code(nb) for o in c.outputs]


def _text(output) -> str:
    data = output.get("data", {})
    return output.get("text", "") + data.get("text/html", "") + data.get("text/plain", "")


def _widgets(nb) -> list[str]:
    """All the text of every widget shown, from the widget state papermill saves."""
    state = nb.metadata["widgets"]["application/vnd.jupyter.widget-state+json"]["state"]

    def text(model_id: str) -> str:
        s = state[model_id]["state"]
        parts = [str(s.get(k, "")) for k in ("description", "value", "placeholder")]
        parts += [str(x) for x in s.get("_options_labels", ())]
        parts += [text(ref.removeprefix("IPY_MODEL_")) for ref in s.get("children", ())]
        return "\n".join(p for p in parts if p)

    return [text(o["data"][WIDGET]["model_id"]) for _, o in _outputs(nb)
            if WIDGET in o.get("data", {})]


def _rules(nb, stem: str) -> list[str]:
    """Every file rule at once: tidy, no logic, the parameters cell, the navigation bar."""
    return tidy_notebooks.problems(nb, stem)


# --- the files: rules that survive prose edits -----------------------------------------
def test_the_nine_steps_and_the_report_template_are_all_here():
    assert ALL == sorted(STEP_NAMES + ["report"])


@pytest.mark.parametrize("name", ALL)
def test_notebook_is_tidy(name):
    """No outputs, no execution counts, an id on every cell (unique), the python3 kernel."""
    assert tidy_notebooks.tidy_problems(_read(name)) == []


def test_no_logic_in_notebooks():
    """One rule over every notebook: imports from infoint_nb, calls, assignments, literals."""
    found = [f"{name}: {p}" for name in ALL
             for p in tidy_notebooks.notebook_logic_problems(_read(name))]
    assert found == [], "logic belongs in the package:\n" + "\n".join(found)


@pytest.mark.parametrize("name", ALL)
def test_one_parameters_cell_with_log_dir(name):
    nb = _read(name)
    assert tidy_notebooks.parameters_problems(nb) == []
    (params,) = [c for c in _code(nb) if "parameters" in c.metadata.get("tags", [])]
    if name in NAMES_A + NAMES_B + ["08_report"]:
        assert 'log_dir = "data/my_log"' in params.source
    if name in NAMES_B:
        assert 'as_of = ""' in params.source
    assert nb.cells[0].cell_type == "markdown" and nb.cells[0].source.startswith("# ")


def test_every_step_opens_with_the_navigation_bar():
    nav = navigation_markdown()
    hrefs = re.findall(r"\]\(([^)]+)\)", nav)
    assert hrefs == [f"{stem}.ipynb" for stem in STEP_NAMES]
    for href in hrefs:
        nb = json.loads((NOTEBOOKS / href).read_text("utf-8"))
        cells = ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown"]
        assert cells[1] == nav, f"{href}: the second cell is the navigation bar"
        assert tidy_notebooks.nav_problems(nbformat.reads(json.dumps(nb), as_version=4),
                                           href[:-6]) == []


def _save_like_jupyterlab(nb, path: Path) -> None:
    """What a JupyterLab save adds: the full language_info, ipykernel's display name,
    per-cell UI state, a new cell with a random id."""
    nb.metadata["kernelspec"]["display_name"] = "Python 3 (ipykernel)"
    nb.metadata["language_info"] = {
        "codemirror_mode": {"name": "ipython", "version": 3}, "file_extension": ".py",
        "mimetype": "text/x-python", "name": "python", "nbconvert_exporter": "python",
        "pygments_lexer": "ipython3", "version": "3.12.3"}
    nb.metadata["widgets"] = {"application/vnd.jupyter.widget-state+json": {
        "state": {}, "version_major": 2, "version_minor": 0}}
    for cell in nb.cells:
        cell.metadata["trusted"] = True
        if cell.cell_type == "code":
            cell.metadata.update(collapsed=False, scrolled=True,
                                 jupyter={"source_hidden": False},
                                 execution={"iopub.status.busy": "2026-09-18T08:00:00.000Z"})
    nb.cells.insert(3, nbformat.v4.new_markdown_cell(
        "A note of my own: *ask about the fellowship*.", id="5b1f0c1e-4d7a-4a38-9f1e-8c2d"))
    nbformat.write(nb, path)


@pytest.mark.parametrize("name", ["03_reach_out", "report"])
def test_a_prose_edit_saved_by_jupyterlab_passes_every_rule(name, tmp_path):
    nb = _read(name)
    prose = next(c for c in nb.cells[2:] if c.cell_type == "markdown")
    prose.source = prose.source.replace("the", "THE", 1) + "\n\nOne more sentence, mine."
    path = tmp_path / f"{name}.ipynb"
    _save_like_jupyterlab(nb, path)
    edited = nbformat.read(path, as_version=4)
    assert _rules(edited, name) == []
    # make tidy then drops Lab's additions, keeps the prose and the new cell, and is stable
    assert tidy_notebooks.run([path], check=True) == 1
    assert tidy_notebooks.run([path], check=False) == 0
    once = path.read_text("utf-8")
    assert tidy_notebooks.run([path], check=True) == 0 and path.read_text("utf-8") == once
    tidied = nbformat.reads(once, as_version=4)
    assert "One more sentence, mine." in once and "5b1f0c1e-4d7a-4a38-9f1e-8c2d" in once
    assert tidied.metadata == {"kernelspec": tidy_notebooks.KERNELSPEC,
                               "language_info": {"name": "python"}}
    original = _read(name)
    assert [c.metadata for c in tidied.cells if c.id != "5b1f0c1e-4d7a-4a38-9f1e-8c2d"] == [
        c.metadata for c in original.cells]


@pytest.mark.parametrize("code, refused", [
    ("def helper(log):\n    return log.contacts", "FunctionDef"),
    ("class Mine:\n    pass", "ClassDef"),
    ("pick = lambda log: log.contacts", "Lambda"),
    ("for row in log.contacts:\n    print(row)", "For"),
    ("while False:\n    pass", "While"),
    ("if log:\n    log.contacts", "If"),
    ("names = [n for n in log.contacts]", "ListComp"),
    ("total = 1 + 2", "BinOp"),
    ("import os", "imports os"),
    ("from pandas import read_csv", "imports from 'pandas'"),
    ("log.folder = 'elsewhere'", "only plain names"),
    ("%matplotlib inline", "IPython magic"),
    ("!ls", "shell line"),
])
def test_logic_in_a_code_cell_fails_the_rule(code, refused, tmp_path):
    nb = _read("04_track")
    nb.cells.insert(5, nbformat.v4.new_code_cell(code, id="04-mine"))
    path = tmp_path / "04_track.ipynb"
    nbformat.write(nb, path)
    found = tidy_notebooks.notebook_logic_problems(nbformat.read(path, as_version=4))
    assert len(found) >= 1 and all("cell 5 (04-mine)" in p for p in found), found
    assert refused in found[0]
    assert tidy_notebooks.run([path], check=True) == 1


def test_tidy_keeps_ids_and_fixes_missing_duplicate_outputs_and_the_navigation_bar(tmp_path):
    nb = _read("06_meeting")
    original = tidy_notebooks.text_of(nb)
    assert tidy_notebooks.text_of(tidy_notebooks.tidy(nb, "06_meeting")) == original
    broken = _read("06_meeting")
    broken.cells[3]["id"] = broken.cells[2]["id"]                      # a duplicate
    del broken.cells[5]["id"]                                          # a missing one
    broken.cells[5].outputs = [nbformat.v4.new_output("stream", text="hi")]
    broken.cells[5].execution_count = 3
    broken.cells[1].source = "**Steps:** an old bar"
    broken.nbformat_minor = 5
    problems = _rules(broken, "06_meeting")
    assert any("id used twice" in p for p in problems)
    assert any("navigation bar (06-nav) is not current" in p for p in problems)
    fixed = tidy_notebooks.tidy(broken, "06_meeting")
    assert _rules(fixed, "06_meeting") == []
    ids = [c.id for c in fixed.cells]
    assert len(set(ids)) == len(ids) and ids[:3] == [c.id for c in nb.cells[:3]]
    assert fixed.cells[1].source == navigation_markdown()
    assert tidy_notebooks.text_of(tidy_notebooks.tidy(fixed, "06_meeting")) == \
        tidy_notebooks.text_of(fixed)
    # a step whose bar was deleted gets it back as its second cell
    del broken.cells[1]
    again = tidy_notebooks.tidy(broken, "06_meeting")
    assert again.cells[1].id == "06-nav" and again.cells[1].source == navigation_markdown()


def test_tidy_check_over_a_folder_lists_what_would_change(tmp_path, capsys):
    for name in ("00_start_here", "report"):
        shutil.copy(NOTEBOOKS / f"{name}.ipynb", tmp_path)
    nb = _read("00_start_here")
    nb.cells[5].outputs = [nbformat.v4.new_output("stream", text="hi")]
    nbformat.write(nb, tmp_path / "00_start_here.ipynb")
    before = (tmp_path / "00_start_here.ipynb").read_bytes()
    assert tidy_notebooks.main(["--check", str(tmp_path / "00_start_here.ipynb"),
                                str(tmp_path / "report.ipynb")]) == 1
    out = capsys.readouterr().out
    assert "00_start_here.ipynb: not tidy (run make tidy)" in out and "report" not in out
    assert (tmp_path / "00_start_here.ipynb").read_bytes() == before   # --check writes nothing


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


# --- executed: each notebook once ------------------------------------------------------
@pytest.fixture(scope="module")
def executed_a(tmp_path_factory):
    """Run 00–03 once: 00 on a new folder, 01–03 on a copy of the sample."""
    base = tmp_path_factory.mktemp("nb_a")
    sample = copy_log(config.SAMPLE_DIR, base / "sample")
    runs = {"00_start_here": execute_notebook("00_start_here", base,
                                              log_dir=str(base / "fresh"))}
    for name in NAMES_A[1:]:
        runs[name] = execute_notebook(name, base, log_dir=str(sample))
    return runs, base


@pytest.fixture(scope="module")
def executed_b(tmp_path_factory):
    """Run 04–07 once each on one copy of the sample, as of its last day."""
    base = tmp_path_factory.mktemp("nb_b")
    log_dir = copy_log(config.SAMPLE_DIR, base / "sample")
    runs = {name: execute_notebook(name, base, log_dir=str(log_dir), as_of=TODAY)
            for name in NAMES_B}
    return runs, log_dir


@pytest.mark.slow
def test_start_here_creates_a_new_log(executed_a):
    runs, base = executed_a
    outs = [_text(o) for _, o in _outputs(runs["00_start_here"])]
    assert any("New empty log created:" in t and "0 people" in t for t in outs)
    assert (base / "fresh" / S.CONTACTS_FILE).exists()
    injected = [c for c in runs["00_start_here"].cells
                if "injected-parameters" in c.metadata.get("tags", [])]
    assert injected and str(base / "fresh") in injected[0].source


@pytest.mark.slow
def test_goals_notebook_shows_both_forms(executed_a):
    runs, _ = executed_a
    outs = _outputs(runs["01_goals_and_places"])
    assert any("Log open:" in _text(o) and "49 people" in _text(o) for _, o in outs)
    widgets = [o for _, o in outs if WIDGET in o.get("data", {})]
    assert len(widgets) == 2
    assert "Your goals and places" in widgets[0]["data"]["text/plain"]
    assert "Target employers (LAMP list)" in widgets[1]["data"]["text/plain"]


@pytest.mark.slow
def test_find_people_notebook_prints_the_ask(executed_a):
    runs, _ = executed_a
    outs = _outputs(runs["02_find_people"])
    assert sum(WIDGET in o.get("data", {}) for _, o in outs) == 4  # three forms + import
    printed = "".join(o.get("text", "") for _, o in outs if o.output_type == "stream")
    assert "Do you know anyone who works as a UX researcher" in printed
    assert any("Rosa" not in _text(o) and "Imani Brooks" in _text(o) for _, o in outs)


@pytest.mark.slow
def test_reach_out_notebook_prints_the_letter(executed_a):
    runs, base = executed_a
    outs = _outputs(runs["03_reach_out"])
    assert sum(WIDGET in o.get("data", {}) for _, o in outs) == 5  # the profile, four forms
    printed = "".join(o.get("text", "") for _, o in outs if o.output_type == "stream")
    assert printed.startswith("Dear Mr Karim,") and "informational interview" in printed
    assert not any(o.output_type == "error" for _, o in outs)
    # opening the forms wrote nothing: the plan is still the sample's
    plan = json.loads((base / "sample" / S.PLAN_FILE).read_text(encoding="utf-8"))
    assert plan == json.loads((config.SAMPLE_DIR / S.PLAN_FILE).read_text(encoding="utf-8"))


@pytest.mark.slow
def test_notebooks_run_without_errors_and_write_nothing_on_opening(executed_b):
    runs, log_dir = executed_b
    for name, nb in runs.items():
        outs = [o for _, o in _outputs(nb)]
        assert not [o for o in outs if o.output_type == "error"], name
        assert not [o for o in outs if o.get("name") == "stderr"], name
        lines = [o["data"]["text/html"] for o in outs if "text/html" in o.get("data", {})]
        assert any("Log open:" in t and "49 people" in t for t in lines), name
    plan = json.loads((log_dir / S.PLAN_FILE).read_text(encoding="utf-8"))
    assert plan == json.loads((config.SAMPLE_DIR / S.PLAN_FILE).read_text(encoding="utf-8"))
    assert (log_dir / S.INTERACTIONS_FILE).read_bytes() == (
        config.SAMPLE_DIR / S.INTERACTIONS_FILE).read_bytes()


@pytest.mark.slow
def test_track_notebook_shows_due_list_table_calendar_charts_and_editors(executed_b):
    runs, _ = executed_b
    widgets = _widgets(runs["04_track"])
    assert len(widgets) == 7  # due, table, calendar, activity import, 2 editors, restore
    assert "7 things due" in widgets[0] and "Done: log thank you" in widgets[0]
    assert "49 people" in widgets[1]
    assert "Theo Lambert" in widgets[2] and "Export calendar" in widgets[2]
    assert any("image/png" in o.get("data", {}) for _, o in _outputs(runs["04_track"]))


@pytest.mark.slow
def test_prepare_notebook_opens_every_form_on_the_next_meeting(executed_b):
    runs, _ = executed_b
    widgets = _widgets(runs["05_prepare"])
    assert len(widgets) == 6
    assert all("Theo Lambert — Kiteboard (C0042)" in w for w in widgets)
    assert "How does Kiteboard measure whether students" in widgets[1]
    assert "About 38.1 s to say" in widgets[2]
    assert "Meeting brief: Theo Lambert" in widgets[5]


@pytest.mark.slow
def test_meeting_and_follow_up_notebooks_open_on_the_right_people(executed_b):
    runs, _ = executed_b
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


@pytest.mark.slow
def test_report_notebook_08_runs_and_shows_both_forms(tmp_path):
    nb = execute_notebook("08_report", tmp_path, log_dir=str(ROOT / "data" / "sample"))
    views = [o for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", [])
             if "application/vnd.jupyter.widget-view+json" in o.get("data", {})]
    assert len(views) == 2
    text = "".join(str(o.get("data", {})) for c in nb.cells for o in c.get("outputs", []))
    assert "Log open:" in text
