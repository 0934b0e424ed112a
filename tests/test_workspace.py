"""The user's own folder: notebooks and sample copied out of the package, edits kept."""
from __future__ import annotations

import json
import subprocess

import pytest

from infoint_nb import config, workspace
from infoint_nb.errors import ParameterError

from conftest import ROOT, infoint_exe


@pytest.fixture
def shipped(tmp_path, monkeypatch):
    """A stand-in for a package version: two notebooks and a sample file we can change."""
    src = tmp_path / "shipped"
    (src / "notebooks").mkdir(parents=True)
    (src / "data").mkdir()
    files = {"notebooks/01_a.ipynb": b'{"v": 1}', "notebooks/02_b.ipynb": b'{"v": 1}',
             "data/sample/contacts.csv": b"contact_id,name,added_on\n"}
    for rel, data in files.items():
        (src / rel).parent.mkdir(parents=True, exist_ok=True)
        (src / rel).write_bytes(data)
    monkeypatch.setattr(workspace, "_shipped_files",
                        lambda: [(src / rel, rel) for rel in files])
    return src


def test_first_run_copies_everything_and_records_it(shipped, tmp_path):
    ws = workspace.prepare_workspace(tmp_path / "mine")
    assert sorted(ws.copied) == ["data/sample/contacts.csv", "notebooks/01_a.ipynb",
                                 "notebooks/02_b.ipynb"]
    assert (ws.notebooks / "01_a.ipynb").read_bytes() == b'{"v": 1}'
    record = json.loads((ws.root / config.HOME_MARKER).read_text())
    assert set(record["files"]) == set(ws.copied)


def test_a_new_version_updates_untouched_files_and_keeps_edited_ones(shipped, tmp_path):
    mine = tmp_path / "mine"
    workspace.prepare_workspace(mine)
    (mine / "notebooks" / "02_b.ipynb").write_bytes(b'{"v": 1, "my notes": true}')
    for name in ("01_a.ipynb", "02_b.ipynb"):           # the package ships version 2
        (shipped / "notebooks" / name).write_bytes(b'{"v": 2}')
    ws = workspace.prepare_workspace(mine)
    assert ws.updated == ["notebooks/01_a.ipynb"]
    assert ws.kept == ["notebooks/02_b.ipynb"]
    assert (mine / "notebooks" / "01_a.ipynb").read_bytes() == b'{"v": 2}'
    assert (mine / "notebooks" / "02_b.ipynb").read_bytes() == b'{"v": 1, "my notes": true}'
    assert "kept your edited notebooks/02_b.ipynb" in ws.summary()
    again = workspace.prepare_workspace(mine)                 # and it stays kept
    assert again.kept == ["notebooks/02_b.ipynb"] and not again.updated


def test_a_deleted_notebook_comes_back(shipped, tmp_path):
    mine = tmp_path / "mine"
    workspace.prepare_workspace(mine)
    (mine / "notebooks" / "01_a.ipynb").unlink()
    assert workspace.prepare_workspace(mine).copied == ["notebooks/01_a.ipynb"]


def test_never_inside_the_installed_package():
    with pytest.raises(ParameterError, match="inside the installed package"):
        workspace.prepare_workspace(config.BUNDLE_DIR.parent / "forms")


def test_not_on_a_file(tmp_path):
    (tmp_path / "f").write_text("x")
    with pytest.raises(ParameterError, match="is a file"):
        workspace.prepare_workspace(tmp_path / "f")


def test_cli_prepare_only_copies_the_real_notebooks(tmp_path):
    out = subprocess.run([infoint_exe(), "lab", "--dir", str(tmp_path / "ws"), "--prepare-only"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    names = sorted(p.name for p in (tmp_path / "ws" / "notebooks").glob("*.ipynb"))
    assert names == sorted(p.name for p in (ROOT / "notebooks").glob("*.ipynb"))
    assert (tmp_path / "ws" / "data" / "sample" / "interactions.csv").read_bytes() == (
        ROOT / "data" / "sample" / "interactions.csv").read_bytes()
    assert "copied" in out.stderr


def test_the_home_marker_makes_relative_paths_start_there(tmp_path):
    """A kernel started in <ws>/notebooks finds <ws> as its project root (no env needed)."""
    workspace.prepare_workspace(tmp_path / "ws")
    code = ("from infoint_nb import config; import sys; "
            "print(config.PROJECT_ROOT if config.CLONE_ROOT is None else 'clone')")
    import sys
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path / "ws" / "notebooks",
                         capture_output=True, text=True, check=True)
    # from a clone the clone wins; the installed-package case is run in test_packaging
    assert out.stdout.strip() == "clone"


def test_app_command_listens_locally_with_a_token_and_hides_code(tmp_path):
    ws = workspace.Workspace(tmp_path)
    cmd, env = workspace.app_command(ws, port=8999, open_browser=False, log_dir=tmp_path / "l")
    assert "--Voila.ip=127.0.0.1" in cmd
    token = [a for a in cmd if a.startswith("--token=")]
    assert token and len(token[0]) > len("--token=") + 20
    assert "--VoilaConfiguration.strip_sources=True" in cmd
    assert "--VoilaConfiguration.show_tracebacks=False" in cmd
    assert env["INFOINT_LOG_DIR"] == str((tmp_path / "l").resolve())
    assert env["INFOINT_HOME"] == str(tmp_path)
