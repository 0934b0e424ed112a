"""Small helpers the notebooks call first: open the log and say which one it is.

Example (the first cells of every numbered notebook)::

    log_dir = "data/my_log"                 # the parameters cell
    from infoint_nb.notebook import open_log
    log = open_log(log_dir)                 # shows which log is open
"""
from __future__ import annotations

from pathlib import Path

from . import config
from . import schema as S
from .markup import literal
from .store import ContactLog

__all__ = ["open_log", "describe_log", "navigation_markdown", "STEPS"]


def describe_log(log, *, created: bool = False) -> str:
    """One plain sentence about a log: where it is and what it holds.

    Parameters
    ----------
    log : ContactLog
        The open log.
    created : bool
        Whether it was just created (the sentence then says so).

    Examples
    --------
    >>> describe_log(log)                                     # doctest: +SKIP
    'Log open: data/sample — 49 people (45 targets), 201 interactions; plan.json: goals, letters.'
    """
    folder = Path(log.folder)
    resolved = folder.resolve()
    try:
        shown = resolved.relative_to(config.PROJECT_ROOT)
    except ValueError:
        shown = folder
    c = log.raw_contacts
    i = log.raw_interactions
    touched = set(i[S.CONTACT_ID]) if len(i) else set()
    targets = int(((c[S.PRIORITY] != "") | c[S.CONTACT_ID].isin(touched)).sum()) if (
        len(c) and S.PRIORITY in c) else len(touched)
    sections = [k for k in log.plan if k != "schema"]
    head = "New empty log created" if created else "Log open"
    text = (f"{head}: {shown} — {len(c)} people ({targets} targets), "
            f"{len(i)} interactions")
    text += f"; {S.PLAN_FILE}: {', '.join(sections)}." if sections else \
        f"; nothing planned yet ({S.PLAN_FILE} is written when you first save a form)."
    if resolved == config.SAMPLE_DIR.resolve():
        text += (" This is the fictional sample campaign: explore freely, but keep your own "
                 "work in data/my_log.")
    return text


#: The campaign's steps, in order: (notebook, title). The navigation bar links them.
STEPS: tuple[tuple[str, str], ...] = (
    ("00_start_here", "Start here"),
    ("01_goals_and_places", "Goals"),
    ("02_find_people", "Find people"),
    ("03_reach_out", "Reach out"),
    ("04_track", "Track"),
    ("05_prepare", "Prepare"),
    ("06_meeting", "Meeting day"),
    ("07_follow_up", "Follow up"),
    ("08_report", "Learn"),
)


def navigation_markdown() -> str:
    """The navigation bar of the numbered notebooks: a Markdown cell of relative links.

    A Markdown cell (not an output) because both front ends render its links as plain
    links: JupyterLab opens the notebook, the app (Voilà) goes to its page.
    """
    links = [f"[{int(stem[:2])}&nbsp;{title}]({stem}.ipynb)" for stem, title in STEPS]
    return "**Steps:** " + " · ".join(links)


def open_log(log_dir=None, *, show: bool = True) -> ContactLog:
    """Open the log in ``log_dir``, creating an empty one there on first use.

    Parameters
    ----------
    log_dir : str or Path, optional
        The log folder; a relative path is taken from the project root (so
        ``"data/my_log"`` means the same folder from any notebook). Default
        :data:`infoint_nb.config.DEFAULT_LOG_DIR` (also when ``log_dir`` is the
        notebooks' own default ``"data/my_log"``, so the log chosen for the app applies).
    show : bool
        Display a line saying which log is open (in a notebook).

    Returns
    -------
    ContactLog

    Raises
    ------
    LogValidationError
        When the files break the data contract (every problem is listed).
    """
    default = log_dir in (None, "") or str(log_dir) == config.DEFAULT_LOG_SETTING
    chosen = config.chosen_log_dir() if default else None
    folder = chosen or config.resolve_project_path(config.DEFAULT_LOG_SETTING if default
                                                   else log_dir)
    created = not (folder / S.CONTACTS_FILE).exists() and not (
        folder / S.INTERACTIONS_FILE).exists()
    log = ContactLog.open_or_init(folder)
    if show:
        _display(describe_log(log, created=created))
    return log


def _display(text: str) -> None:
    try:
        from IPython import get_ipython
        from IPython.display import HTML, display
    except ImportError:
        get_ipython = None
    if get_ipython is None or get_ipython() is None:  # plain Python: print instead
        print(text)
        return
    display(HTML(f'<p class="infoint-log-line tex2jax_ignore">{literal(text, into="html")}</p>'))
