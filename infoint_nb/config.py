"""Paths and defaults, in one place.

Importing this module only computes paths; it creates nothing.
"""
from __future__ import annotations

from pathlib import Path

__all__ = [
    "PROJECT_ROOT",
    "NOTEBOOKS_DIR",
    "DATA_DIR",
    "SAMPLE_DIR",
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
]

#: The checkout (or installed tree) this package lives in.
PROJECT_ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
DATA_DIR = PROJECT_ROOT / "data"
#: The fictional campaign shipped with the project.
SAMPLE_DIR = DATA_DIR / "sample"
#: The user's own log (gitignored, created empty on first use by the notebooks).
DEFAULT_LOG_DIR = DATA_DIR / "my_log"
REPORTS_DIR = PROJECT_ROOT / "reports"
REPORT_TEMPLATE = NOTEBOOKS_DIR / "report.ipynb"

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
