"""Shared parameter descriptions: written once in ``_docstrings``, rendered in full everywhere."""
from __future__ import annotations

import inspect
import textwrap
from pathlib import Path

import pytest

from infoint_nb import _docstrings, calendar, charts, metrics, planning
from infoint_nb._docstrings import PARAMS, share_docs

MODULES = (metrics, charts, calendar, planning)


def _public_docs():
    for mod in MODULES:
        for name in mod.__all__:
            obj = getattr(mod, name)
            if inspect.isfunction(obj) or inspect.isclass(obj):
                yield f"{mod.__name__}.{name}", obj.__doc__ or ""


def test_no_public_docstring_keeps_a_placeholder():
    left = [name for name, doc in _public_docs() if "{params." in doc]
    assert left == []


def test_every_shared_entry_is_rendered_at_numpydoc_indentation():
    docs = "\n".join(doc for _, doc in _public_docs())
    for key, entry in PARAMS.items():
        rendered = textwrap.indent(entry.strip("\n"), "    ")
        assert docs.count(rendered) >= 2, f"{key} is shared by fewer than two functions"


@pytest.mark.parametrize("fn, keys", [
    (metrics.funnel, ["contacts_interactions", "as_of", "follow_up_days", "max_follow_ups"]),
    (charts.plot_survival, ["by", "ax"]),
    (planning.time_budget, ["minutes_per_question", "opening_minutes", "wind_down_minutes"]),
    (calendar.build_calendar, ["due", "meetings"]),
])
def test_shared_wording_reads_as_before(fn, keys):
    doc = inspect.getdoc(fn)
    params = doc.split("Parameters\n----------\n", 1)[1]
    for key in keys:
        assert PARAMS[key].strip("\n") in params
    assert "as_of : str, date or None\n    The day the log is read as of (default today)" \
        in inspect.getdoc(metrics.funnel)


def test_each_shared_paragraph_is_written_once():
    root = Path(_docstrings.__file__).parent
    for mod in MODULES:
        name = mod.__name__.rsplit(".", 1)[1]
        files = sorted((root / name).glob("*.py")) or [root / f"{name}.py"]
        source = "\n".join(f.read_text("utf-8") for f in files)
        for key, entry in PARAMS.items():
            written = textwrap.indent(entry.strip("\n"), "    ") + "\n"
            assert written not in source, f"{mod.__name__} retypes {key}"


def test_share_docs_reindents_and_leaves_other_braces_alone():
    def f():
        """Do it.

        Parameters
        ----------
        {params.ax}
        mapping : dict
            ``{question: note}``; {not a placeholder}.
        """
    share_docs(f)
    assert f.__doc__ == (
        "Do it.\n\n        Parameters\n        ----------\n"
        "        ax : matplotlib Axes, optional\n"
        "            Where to draw; the current axes by default.\n"
        "        mapping : dict\n"
        "            ``{question: note}``; {not a placeholder}.\n        ")


def test_share_docs_names_an_unknown_key_and_tolerates_no_docstring():
    def f():
        """{params.nope}"""
    with pytest.raises(KeyError, match="nope"):
        share_docs(f)

    def g():
        pass
    assert share_docs(g) is g and g.__doc__ is None
