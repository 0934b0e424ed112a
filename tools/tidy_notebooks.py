"""Keep the committed notebooks tidy: the ``.ipynb`` files in ``notebooks/`` are the source.

Edit a notebook in JupyterLab, save it, then run ``make tidy`` (or
``python tools/tidy_notebooks.py``). For every notebook it

* strips outputs and execution counts,
* keeps every cell id that is valid and unique, and gives the others a stable one
  (``NN-<index>`` in the numbered notebooks, ``<stem>-<index>`` in the others),
* keeps only the ``tags`` of a cell's metadata (so the ``parameters`` tag stays; Lab's
  ``collapsed``, ``scrolled``, ``jupyter``, ``execution``, ``trusted`` … go),
* keeps only ``kernelspec`` (``python3``) and a minimal ``language_info`` in the
  notebook's metadata (widget state, papermill's and Lab's additions go),
* rewrites the navigation bar cell (``NN-nav``, second cell of every step) from
  :func:`infoint_nb.notebook.navigation_markdown`,

and writes the file (nbformat's layout: indent 1, sorted keys, a trailing newline) only
if it changed, so a second run changes nothing. ``--check`` writes nothing and exits 1
listing the notebooks that would change.

Both modes also apply the rules nobody can tidy away and exit 1 when one is broken:
no logic in a notebook (see :func:`logic_problems`) and exactly one ``parameters``
cell that sets ``log_dir``. ``tests/test_notebooks.py`` applies the same rules.
"""
from __future__ import annotations

import argparse
import ast
import copy
import json
import re
import sys
import warnings
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"

KERNELSPEC = {"display_name": "Python 3", "language": "python", "name": "python3"}
LANGUAGE_INFO = {"name": "python"}
_ID = re.compile(r"^[a-zA-Z0-9_-]{1,64}$")

#: What a code cell may contain: imports from the package, calls, assignments, attribute
#: access, subscripts and literals. Anything else (def, class, lambda, loops, if,
#: comprehensions, with, try, arithmetic, comparisons …) is logic and belongs in the package.
ALLOWED_NODES = (
    ast.Module, ast.Expr, ast.Assign, ast.Import, ast.ImportFrom, ast.alias,
    ast.Call, ast.keyword, ast.Attribute, ast.Name, ast.Load, ast.Store,
    ast.Subscript, ast.Slice, ast.Constant, ast.List, ast.Tuple, ast.Dict,
    ast.UnaryOp, ast.USub,
)


# --- the rules ---------------------------------------------------------------------
def logic_problems(source: str, *, where: str = "cell") -> list[str]:
    """Why a code cell's ``source`` holds logic (empty when it holds none).

    Allowed: imports from ``infoint_nb``, calls, assignments to names, attribute
    access, subscripts and literals (see :data:`ALLOWED_NODES`). IPython ``%`` / ``!``
    lines are refused too: a notebook must run as plain Python under papermill.
    """
    problems = []
    for n, line in enumerate(source.splitlines(), 1):
        if line.lstrip().startswith(("%", "!")):
            problems.append(f"{where}, line {n}: IPython magic or shell line {line.strip()!r}; "
                            f"allowed are imports from infoint_nb, calls, assignments")
    if problems:
        return problems
    try:
        tree = ast.parse(source)
    except SyntaxError as exc:
        return [f"{where}, line {exc.lineno}: not valid Python ({exc.msg})"]
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 1)
        if not isinstance(node, ALLOWED_NODES):
            problems.append(f"{where}, line {line}: {type(node).__name__} is logic; move it into "
                            f"the package (allowed are imports from infoint_nb, calls, "
                            f"assignments, attribute access, literals)")
        elif isinstance(node, ast.Import) and not all(
                a.name.split(".")[0] == "infoint_nb" for a in node.names):
            problems.append(f"{where}, line {line}: imports "
                            f"{', '.join(a.name for a in node.names)}; notebooks import "
                            f"from infoint_nb only")
        elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] != "infoint_nb":
            problems.append(f"{where}, line {line}: imports from {node.module!r}; notebooks "
                            f"import from infoint_nb only")
        elif isinstance(node, ast.Assign) and not all(isinstance(t, ast.Name)
                                                      for t in node.targets):
            problems.append(f"{where}, line {line}: assigns to "
                            f"{ast.unparse(node.targets[0])!r}; only plain names may be "
                            f"assigned (set values through a form or a package function)")
    return problems


def parameters_problems(nb) -> list[str]:
    """Exactly one code cell tagged ``parameters``, setting ``log_dir`` to a literal."""
    cells = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if len(cells) != 1:
        return [f"{len(cells)} cells tagged 'parameters'; exactly one code cell needs the tag"]
    cell = cells[0]
    if cell.cell_type != "code":
        return ["the cell tagged 'parameters' is not a code cell"]
    try:
        body = ast.parse(cell.source).body
    except SyntaxError as exc:
        return [f"parameters cell, line {exc.lineno}: not valid Python ({exc.msg})"]
    problems, names = [], []
    for stmt in body:
        try:
            ok = isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(
                stmt.targets[0], ast.Name) and ast.literal_eval(stmt.value) is not ...
        except (ValueError, TypeError, SyntaxError):
            ok = False
        if not ok:
            problems.append(f"parameters cell, line {stmt.lineno}: "
                            f"{ast.unparse(stmt)!r}; only NAME = literal lines are allowed")
        else:
            names.append(stmt.targets[0].id)
    if "log_dir" not in names:
        problems.append("the parameters cell does not set log_dir")
    return problems


def nav_id(stem: str) -> str | None:
    """The navigation cell's id of a numbered step (``None`` for other notebooks)."""
    from infoint_nb.notebook import STEPS
    return f"{stem[:2]}-nav" if stem in dict(STEPS) else None


def tidy_problems(nb) -> list[str]:
    """What ``tidy`` would have to fix that matters: a valid notebook, the python3
    kernel, an id on every cell (unique), no outputs, no execution counts.

    Extra metadata a JupyterLab save adds is *not* a problem (``tidy`` removes it).
    """
    out = []
    with warnings.catch_warnings():  # validate() adds missing ids and renames duplicates
        warnings.simplefilter("ignore")
        try:
            nbformat.validate(copy.deepcopy(nb))
        except nbformat.ValidationError as exc:
            out.append(f"not a valid notebook: {exc.message}")
    if nb.metadata.get("kernelspec", {}).get("name") != "python3":
        out.append(f"kernelspec is {nb.metadata.get('kernelspec')!r}; it must be python3")
    seen = set()
    for n, cell in enumerate(nb.cells):
        cid = cell.get("id")
        where = f"cell {n} ({cid or 'no id'})"
        if not cid or not _ID.match(str(cid)):
            out.append(f"{where}: needs an id (letters, digits, - and _)")
        elif cid in seen:
            out.append(f"{where}: id used twice")
        seen.add(cid)
        if cell.cell_type == "code" and cell.get("outputs"):
            out.append(f"{where}: committed with outputs")
        if cell.cell_type == "code" and cell.get("execution_count") is not None:
            out.append(f"{where}: committed with an execution count")
    return out


def notebook_logic_problems(nb) -> list[str]:
    """:func:`logic_problems` of every code cell of ``nb``."""
    return [p for n, c in enumerate(nb.cells) if c.cell_type == "code"
            for p in logic_problems(c.source, where=f"cell {n} ({c.get('id')})")]


def problems(nb, stem: str) -> list[str]:
    """Everything wrong with a notebook that a prose edit cannot cause: the tidy
    problems, logic in a code cell, the parameters cell, the navigation bar."""
    return (tidy_problems(nb) + notebook_logic_problems(nb) + parameters_problems(nb)
            + nav_problems(nb, stem))


def nav_problems(nb, stem: str) -> list[str]:
    """The second cell of a step is its navigation bar, current with ``STEPS``."""
    want = nav_id(stem)
    if want is None:
        return []
    from infoint_nb.notebook import navigation_markdown
    cells = [c for c in nb.cells if c.get("id") == want]
    if not cells or nb.cells.index(cells[0]) != 1 or cells[0].cell_type != "markdown":
        return [f"the second cell must be the navigation bar (a Markdown cell with id {want})"]
    if cells[0].source != navigation_markdown():
        return [f"the navigation bar ({want}) is not current; run make tidy"]
    return []


# --- tidying -----------------------------------------------------------------------
def tidy(nb, stem: str):
    """A tidied copy of ``nb`` (see the module docstring); ``nb`` is left alone."""
    nb = copy.deepcopy(nb)
    nb.metadata = nbformat.from_dict({"kernelspec": dict(KERNELSPEC),
                                      "language_info": dict(LANGUAGE_INFO)})
    nb.nbformat, nb.nbformat_minor = 4, max(5, nb.get("nbformat_minor", 5))
    want = nav_id(stem)
    if want is not None:
        from infoint_nb.notebook import navigation_markdown
        nav = [c for c in nb.cells if c.get("id") == want]
        if nav:
            nb.cells.remove(nav[0])
            nav[0].cell_type, nav[0].source = "markdown", navigation_markdown()
            for key in ("outputs", "execution_count"):
                nav[0].pop(key, None)
        else:
            nav = [nbformat.v4.new_markdown_cell(navigation_markdown(), id=want)]
        nb.cells.insert(min(1, len(nb.cells)), nav[0])
    prefix = stem[:2] if stem[:2].isdigit() else stem
    taken = {c.get("id") for c in nb.cells}
    seen = set()
    for n, cell in enumerate(nb.cells):
        cid = cell.get("id")
        if not cid or not _ID.match(str(cid)) or cid in seen:
            k = n
            while f"{prefix}-{k:02d}" in taken:
                k += 1
            cid = f"{prefix}-{k:02d}"
            taken.add(cid)
            cell["id"] = cid
        seen.add(cid)
        tags = cell.get("metadata", {}).get("tags")
        cell.metadata = nbformat.from_dict({"tags": list(tags)} if tags else {})
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def text_of(nb) -> str:
    """The file text nbformat's standard writer gives (indent 1, trailing newline)."""
    return nbformat.writes(nb) + "\n"


def read_raw(text: str):
    """A notebook from its file text as it is: ``nbformat.reads`` would give cells
    without an id a random one and rename duplicates before ``tidy`` sees them."""
    raw = json.loads(text)
    if raw.get("nbformat") != 4:
        return nbformat.reads(text, as_version=4)
    from nbformat.v4.rwbase import rejoin_lines, strip_transient
    return strip_transient(rejoin_lines(nbformat.from_dict(raw)))


def run(paths, *, check: bool) -> int:
    """Tidy (or with ``check``, only inspect) each notebook; 1 if anything is left to do."""
    status = 0
    for path in paths:
        path = Path(path)
        shown = path.relative_to(ROOT) if path.is_relative_to(ROOT) else path
        text = path.read_text(encoding="utf-8")
        nb = read_raw(text)
        tidied = tidy(nb, path.stem)
        new = text_of(tidied)
        if new != text:
            if check:
                print(f"{shown}: not tidy (run make tidy)")
                status = 1
            else:
                path.write_text(new, encoding="utf-8")
                print(f"{shown}: tidied")
        for problem in problems(tidied, path.stem):
            print(f"{shown}: {problem}", file=sys.stderr)
            status = 1
    return status


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", type=Path,
                        help="notebooks to tidy (default: every notebooks/*.ipynb)")
    parser.add_argument("--check", action="store_true",
                        help="write nothing; exit 1 listing the notebooks that would change")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))
    paths = args.paths or sorted(NOTEBOOKS.glob("*.ipynb"))
    return run(paths, check=args.check)


if __name__ == "__main__":
    raise SystemExit(main())
