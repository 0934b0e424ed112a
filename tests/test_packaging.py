"""The project's promises about itself: dependencies in step, a light import, clean notebooks,
a README that starts with the two commands."""
from __future__ import annotations

import json
import re
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _names(specs) -> dict[str, str]:
    out = {}
    for spec in specs:
        m = re.match(r"\s*([A-Za-z0-9_.\-]+)\s*(.*)", spec)
        out[m.group(1).lower().replace("_", "-")] = m.group(2).replace(" ", "")
    return out


def test_environment_yml_lists_the_same_dependencies_as_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    py = _names(project["dependencies"] + project["optional-dependencies"]["test"])
    text = (ROOT / "environment.yml").read_text()
    env_lines = text.split("dependencies:", 1)[1].splitlines()
    deps = [l.strip()[2:] for l in env_lines if l.strip().startswith("- ")]
    conda_names = {"python-build": "build"}  # conda-forge's name for PyPI's ``build``
    deps = [d.split("#")[0].strip() for d in deps]
    deps = [next((d.replace(c, p, 1) for c, p in conda_names.items() if d.startswith(c)), d)
            for d in deps]
    env = _names(d for d in deps if not d.startswith(("python", "pip")) or d.startswith("pip "))
    env.pop("pip", None)
    assert env == py


def test_no_dependency_pins_pandas_below_3():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    deps = _names(project["dependencies"])
    assert deps["pandas"].startswith(">=3")
    assert "lifelines" not in deps


def test_import_is_light():
    code = ("import sys, infoint_nb; heavy = [m for m in ('matplotlib', 'ipywidgets', "
            "'papermill', 'lifelines', 'scipy', 'networkx', 'openpyxl', 'icalendar') "
            "if m in sys.modules]; print(','.join(heavy))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_readme_opens_with_the_two_commands():
    text = (ROOT / "README.md").read_text("utf-8")
    blocks = re.findall(r"```(?:\w+)?\n(.*?)```", text, flags=re.S)
    assert blocks, "README needs a code block"
    first = [l.split("#")[0].strip() for l in blocks[0].splitlines() if l.split("#")[0].strip()]
    assert first[:2] == ["make report", "make test"]


def test_sample_data_is_fictional():
    import pandas as pd
    c = pd.read_csv(ROOT / "data/sample/contacts.csv", dtype=str, keep_default_na=False)
    emails = c["email"][c["email"] != ""]
    assert emails.str.contains(r"@[\w.-]*example$", regex=True).all(), emails.tolist()
    phones = c["phone"][c["phone"] != ""]
    assert phones.str.contains("555").all(), phones.tolist()
