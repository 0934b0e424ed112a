"""The user's own infoint folder, and the servers that open it (JupyterLab, Voilà).

After ``pip install``, the notebooks and the sample live inside the package, where nobody
should edit them. :func:`prepare_workspace` copies them into a folder of the user's
(``notebooks/`` and ``data/sample/``) and records what it copied in ``.infoint.json``, so a
later run brings in a newer package's notebooks without overwriting one the user changed.
In a clone the clone itself is the workspace and nothing is copied.
"""
from __future__ import annotations

import hashlib
import json
import os
import secrets
import shutil
import sys
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path

from . import config
from .errors import ParameterError

__all__ = ["Workspace", "prepare_workspace", "lab_command", "app_command"]

#: What a workspace holds: (shipped folder, pattern, folder in the workspace).
_CONTENT = (
    ("notebooks", "*.ipynb", "notebooks"),
    ("sample", "*", "data/sample"),
)


@dataclass
class Workspace:
    """Where the notebooks are, and what :func:`prepare_workspace` did there."""

    root: Path
    copied: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)

    @property
    def notebooks(self) -> Path:
        return self.root / "notebooks"

    def summary(self) -> str:
        """One line for the terminal: what was copied, updated or left alone."""
        parts = []
        if self.copied:
            parts.append(f"copied {len(self.copied)} file(s)")
        if self.updated:
            parts.append(f"updated {len(self.updated)} unchanged file(s) to this version")
        if self.kept:
            parts.append("kept your edited " + ", ".join(self.kept))
        return f"{self.root}: " + ("; ".join(parts) if parts else "up to date")


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _shipped_files() -> list[tuple[Path, str]]:
    """Every file a workspace gets: (the shipped file, its path inside the workspace)."""
    if config.CLONE_ROOT is not None:
        sources = {"notebooks": config.CLONE_ROOT / "notebooks",
                   "sample": config.CLONE_ROOT / "data" / "sample"}
    else:
        sources = {"notebooks": config.BUNDLE_DIR / "notebooks",
                   "sample": config.BUNDLE_DIR / "sample"}
    files = []
    for key, pattern, target in _CONTENT:
        for path in sorted(sources[key].glob(pattern)):
            if path.is_file() and not path.name.startswith("."):
                files.append((path, f"{target}/{path.name}"))
    return files


def _inside_installation(folder: Path) -> bool:
    roots = {Path(p).resolve() for key, p in sysconfig.get_paths().items()
             if key in ("purelib", "platlib")}
    roots.add(Path(__file__).resolve().parent)
    return any(folder == r or r in folder.parents for r in roots)


def prepare_workspace(folder=None) -> Workspace:
    """Make ``folder`` (default: the working directory) a workspace, or bring it up to date.

    A file is copied when missing, replaced when the user has not changed it since it was
    copied and this package ships another version, and otherwise left alone.

    Parameters
    ----------
    folder : path, optional
        The user's folder. In a clone, ``None`` means the clone itself (nothing is copied).

    Returns
    -------
    Workspace

    Raises
    ------
    ParameterError
        When ``folder`` is inside the installed package or is a file.
    """
    if folder is None and config.CLONE_ROOT is not None:
        return Workspace(config.CLONE_ROOT)
    root = Path(folder if folder is not None else Path.cwd()).expanduser().resolve()
    if _inside_installation(root):
        raise ParameterError(
            f"{root} is inside the installed package; run this from a folder of your own "
            "(e.g. mkdir ~/interviews && cd ~/interviews)")
    if root.exists() and not root.is_dir():
        raise ParameterError(f"{root} is a file, not a folder; name a folder for your notebooks")
    marker = root / config.HOME_MARKER
    try:
        record = json.loads(marker.read_text("utf-8")) if marker.is_file() else {}
    except (OSError, ValueError):
        record = {}
    known: dict = record.get("files", {}) if isinstance(record, dict) else {}
    ws = Workspace(root)
    for source, rel in _shipped_files():
        dest = root / rel
        new = _sha(source)
        if not dest.exists():
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, dest)
            ws.copied.append(rel)
        else:
            now = _sha(dest)
            if now == new:
                pass
            elif known.get(rel) == now:      # untouched since we copied it: safe to update
                shutil.copyfile(source, dest)
                ws.updated.append(rel)
            else:
                ws.kept.append(rel)
                continue                     # remember the version the user started from
        known[rel] = new
    from .store import write_atomically
    text = json.dumps({"infoint_nb": "workspace", "files": known}, indent=1, sort_keys=True)
    write_atomically(marker, text.encode("utf-8"))
    return ws


def _env(ws: Workspace, log_dir=None) -> dict:
    env = {**os.environ, "INFOINT_HOME": str(ws.root)}
    if log_dir is not None:
        env["INFOINT_LOG_DIR"] = str(Path(log_dir).expanduser().resolve())
    return env


def _script(name: str) -> str:
    """A console script of this Python's environment (``jupyter``, ``voila``)."""
    here = Path(sys.executable).parent / name
    return str(here) if here.exists() else (shutil.which(name) or name)


def lab_command(ws: Workspace, *, port: int | None = None, open_browser: bool = True,
                token: str | None = None, log_dir=None) -> tuple[list[str], dict]:
    """The command line and environment that open JupyterLab on ``ws``'s notebooks."""
    cmd = [_script("jupyter"), "lab", f"--ServerApp.root_dir={ws.notebooks}",
           "--ServerApp.ip=127.0.0.1"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:   # containers and CI run as root
        cmd.append("--ServerApp.allow_root=True")
    if port is not None:
        cmd.append(f"--ServerApp.port={port}")
    if not open_browser:
        cmd.append("--no-browser")
    if token is not None:
        cmd.append(f"--IdentityProvider.token={token}")
    return cmd, _env(ws, log_dir)


def app_command(ws: Workspace, *, port: int | None = None, open_browser: bool = True,
                token: str | None = None, log_dir=None) -> tuple[list[str], dict]:
    """The command line and environment that serve ``ws``'s notebooks as an app (Voilà).

    Voilà runs each notebook top to bottom and then accepts only widget messages from the
    browser (never code); it listens on 127.0.0.1 with a token, shows no code cells and no
    tracebacks, and serves files from the notebooks folder only (no log is kept there).
    """
    token = token or secrets.token_urlsafe(24)
    cmd = [_script("voila"), str(ws.notebooks), "--Voila.ip=127.0.0.1", f"--token={token}",
           "--VoilaConfiguration.strip_sources=True",
           "--VoilaConfiguration.show_tracebacks=False",
           r"--VoilaConfiguration.file_allowlist=.*\.(png|svg)",
           "--Voila.root_dir=" + str(ws.notebooks)]
    if port is not None:
        cmd.append(f"--port={port}")
    if not open_browser:
        cmd.append("--no-browser")
    return cmd, _env(ws, log_dir)
