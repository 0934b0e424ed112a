"""The names every part of a report agrees on.

The files and folders a report writes in ``OUT/`` (DESIGN.md §4: the executed
notebook, ``report.html``, ``index.html`` for ``--each``, ``figures/`` and
``tables/``), the tables, charts and sections a report has, what ``--each`` can
split by, and the text a redacted notebook shows instead of a path. Only
constants live here, so every other module of :mod:`infoint_nb.reports` can
import them without importing each other.
"""
from __future__ import annotations

from ..vocabulary import EACH  # what ``--each`` can split a report by, defined there

NOTEBOOK_FILE = "report.ipynb"
HTML_FILE = "report.html"
INDEX_FILE = "index.html"
FIGURES_DIR = "figures"
TABLES_DIR = "tables"
#: The machine-readable tables in ``OUT/tables/`` (DESIGN.md §4).
TABLE_FILES: tuple[str, ...] = (
    "response_by_company.csv", "response_by_channel.csv", "response_by_source.csv",
    "funnel.csv", "network_growth.csv", "followups_due.csv", "summary.json")
#: The charts a report draws, saved as ``OUT/figures/<name>.png``.
FIGURES: tuple[str, ...] = (
    "survival", "response_rates", "channels", "sources", "funnel", "network_growth",
    "referral_tree", "followup_calendar")
#: The report's sections, each with findings in words.
SECTIONS: tuple[str, ...] = ("fastest", "channels", "funnel", "network", "due")
#: What a redacted notebook shows instead of a path.
REDACTED = "(redacted)"
