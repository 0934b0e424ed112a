"""Paths and defaults, in one place.

Importing this module only computes paths; it creates nothing. The package runs from a
clone (notebooks and sample beside it) or installed by pip (notebooks and sample inside it,
under ``_bundled/``, and the user's own folder found from the working directory).
"""
from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

__all__ = [
    "CLONE_ROOT",
    "BUNDLE_DIR",
    "HOME_MARKER",
    "PROJECT_ROOT",
    "SHIPPED_NOTEBOOKS_DIR",
    "NOTEBOOKS_DIR",
    "DATA_DIR",
    "SAMPLE_DIR",
    "DEFAULT_LOG_SETTING",
    "DEFAULT_LOG_DIR",
    "REPORTS_DIR",
    "REPORT_TEMPLATE",
    "BACKUPS_DIRNAME",
    "MAX_BACKUPS",
    "LOCK_TIMEOUT",
    "FOLLOW_UP_DAYS",
    "MAX_FOLLOW_UPS",
    "UPDATE_EVERY_DAYS",
    "BOOSTER_BUSINESS_DAYS",
    "CURMUDGEON_BUSINESS_DAYS",
    "THREE_B_SEVEN_NEXT_DAYS",
    "resolve_project_path",
    "chosen_log_dir",
]

_PACKAGE_DIR = Path(__file__).resolve().parent
#: The checkout this package lives in, when it is run from a clone (``None`` when installed).
CLONE_ROOT: Path | None = (
    _PACKAGE_DIR.parent if (_PACKAGE_DIR.parent / "pyproject.toml").is_file()
    and (_PACKAGE_DIR.parent / "notebooks").is_dir() else None)
#: Where an installed package keeps its notebooks and sample (copied in at build time).
BUNDLE_DIR = Path(str(resources.files("infoint_nb") / "_bundled"))
#: The file that marks a user's own infoint folder (written by ``infoint lab``).
HOME_MARKER = ".infoint.json"


def _find_home() -> Path:
    """The folder relative paths are taken from: ``$INFOINT_HOME``, the clone, the nearest
    folder above the working directory holding :data:`HOME_MARKER`, else the working directory."""
    env = os.environ.get("INFOINT_HOME", "")
    if env:
        return Path(env).expanduser().resolve()
    if CLONE_ROOT is not None:
        return CLONE_ROOT
    here = Path.cwd()
    for folder in (here, *here.parents):
        if (folder / HOME_MARKER).is_file():
            return folder
    return here


#: The user's project folder: the clone, or their own folder after ``pip install``.
PROJECT_ROOT = _find_home()
#: The notebooks the package ships (the clone's own, or the installed copy).
SHIPPED_NOTEBOOKS_DIR = (CLONE_ROOT / "notebooks") if CLONE_ROOT is not None else (
    BUNDLE_DIR / "notebooks")
#: The notebooks a user works in: the clone's, or their copy made by ``infoint lab``.
NOTEBOOKS_DIR = (PROJECT_ROOT / "notebooks") if (PROJECT_ROOT / "notebooks").is_dir() else (
    SHIPPED_NOTEBOOKS_DIR)
DATA_DIR = PROJECT_ROOT / "data"
#: The fictional campaign shipped with the project.
SAMPLE_DIR = (CLONE_ROOT / "data" / "sample") if CLONE_ROOT is not None else (
    BUNDLE_DIR / "sample")
#: How the notebooks' parameters cell names the user's own log.
DEFAULT_LOG_SETTING = "data/my_log"
#: The user's own log (gitignored, created empty on first use by the notebooks); the app
#: (``infoint app --log DIR``) chooses it once for every notebook through ``$INFOINT_LOG_DIR``.
def chosen_log_dir() -> Path | None:
    """The log chosen for every notebook by ``infoint app --log DIR`` (``$INFOINT_LOG_DIR``)."""
    chosen = os.environ.get("INFOINT_LOG_DIR", "")
    return Path(chosen).expanduser() if chosen else None


DEFAULT_LOG_DIR = chosen_log_dir() or PROJECT_ROOT / DEFAULT_LOG_SETTING
REPORTS_DIR = PROJECT_ROOT / "reports"
#: The papermill template of the report (always the shipped one).
REPORT_TEMPLATE = SHIPPED_NOTEBOOKS_DIR / "report.ipynb"

#: Folder inside a log that keeps earlier versions of its files.
BACKUPS_DIRNAME = ".backups"
#: How many earlier versions are kept.
MAX_BACKUPS = 30
#: Seconds to wait for another process holding the log's lock.
LOCK_TIMEOUT = 30.0

# Follow-up cadence (DESIGN.md §3); every one is a parameter where it is used.
#: Days after the last unanswered attempt before a follow-up is due.
FOLLOW_UP_DAYS = 10
#: Follow-ups (attempts after the first) before a contact has gone quiet.
MAX_FOLLOW_UPS = 2
#: Days between updates after the last meeting, thank-you or update.
UPDATE_EVERY_DAYS = 90
#: Dalton's booster: any response within this many business days.
BOOSTER_BUSINESS_DAYS = 3
#: Dalton's curmudgeon: no response this many business days after first contact.
CURMUDGEON_BUSINESS_DAYS = 7
#: 3B7 mode: business days before the next person at the same company is due.
THREE_B_SEVEN_NEXT_DAYS = 3


def resolve_project_path(path: str | Path) -> Path:
    """Resolve ``path`` against the project root when it is relative.

    Notebooks run with their own folder as the working directory, so a relative
    ``log_dir`` such as ``data/my_log`` is taken relative to the project root there.
    """
    p = Path(path).expanduser()
    return p if p.is_absolute() else PROJECT_ROOT / p
