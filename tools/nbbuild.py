"""What both notebook generators share: cell helpers and a tidy, reproducible writer.

The notebooks are the product; the generators only keep their JSON tidy (stable
cell ids, one ``parameters`` cell, the ``python3`` kernel, no outputs).
"""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"

OPEN_LOG = '''from infoint_nb.notebook import open_log

log = open_log(log_dir)'''


def md(text: str):
    """A Markdown cell."""
    return ("md", text.strip("\n"))


def code(text: str):
    """A code cell (calls into the package only)."""
    return ("code", text.strip("\n"))


def build_notebook(stem: str, cells) -> nbformat.NotebookNode:
    """A notebook from ``(kind, source)`` pairs, with stable cell ids and no outputs."""
    nb = new_notebook()
    nb.metadata["kernelspec"] = {"display_name": "Python 3", "language": "python",
                                 "name": "python3"}
    nb.metadata["language_info"] = {"name": "python"}
    for n, (kind, source) in enumerate(cells):
        if kind == "md":
            cell = new_markdown_cell(source)
        else:
            cell = new_code_cell(source)
            if kind == "params":
                cell.metadata["tags"] = ["parameters"]
        cell["id"] = f"{stem[:2]}-{n:02d}"
        nb.cells.append(cell)
    if stem[:2].isdigit():  # the numbered notebooks get the navigation bar under their title
        from infoint_nb.notebook import navigation_markdown
        nav = new_markdown_cell(navigation_markdown())
        nav["id"] = f"{stem[:2]}-nav"
        nb.cells.insert(1, nav)
    nbformat.validate(nb)
    return nb


def write_notebooks(notebooks: dict) -> int:
    """Write each ``{file name: cells}`` into ``notebooks/``."""
    NOTEBOOKS.mkdir(exist_ok=True)
    for name, cells in notebooks.items():
        nb = build_notebook(name, cells)
        path = NOTEBOOKS / name
        path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0
