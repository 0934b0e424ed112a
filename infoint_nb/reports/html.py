"""``report.html``: the executed notebook as a page without code.

:func:`export_html` writes a stand-alone page (figures embedded, no code cells,
no prompts) and gives each figure its title as ``alt`` text. Speed: one
HTMLExporter per process, its template compiled once; :class:`_Preload` imports
nbconvert and warms it up in a thread while the report's kernel works; and
:func:`_skip_slow_format_checker` spares jsonschema's slow ``iri`` format checker
(which nbformat never uses). nbconvert and nbformat are imported on first use.
"""
from __future__ import annotations

import sys
import threading
from pathlib import Path

def _skip_slow_format_checker() -> None:
    """Let jsonschema skip its ``iri`` format checker, whose grammar takes ~1.3 s to build.

    nbformat's schema uses no ``iri`` format, so notebook validation is unchanged.
    The module is hidden only while jsonschema imports, then made importable again.
    """
    if "jsonschema" in sys.modules or "rfc3987_syntax" in sys.modules:
        return
    sys.modules["rfc3987_syntax"] = None  # type: ignore[assignment]
    try:
        import jsonschema  # noqa: F401
    finally:
        if sys.modules.get("rfc3987_syntax", 1) is None:
            del sys.modules["rfc3987_syntax"]



class _Preload(threading.Thread):
    """Import nbconvert's HTML exporter while the kernel works (the GIL is free then)."""

    def __init__(self):
        super().__init__(name="infoint-html-preload", daemon=True)
        self.error: BaseException | None = None

    def run(self):
        try:
            from nbconvert.exporters.html import HTMLExporter
            exporter = _html_exporter(HTMLExporter)
            # a tiny export loads what nbconvert imports on first use (markdown,
            # highlighting, HTML parsing, the theme), so the real one starts warm
            import nbformat
            v4 = nbformat.v4
            nb = v4.new_notebook(cells=[
                v4.new_markdown_cell("# *warm-up*"),
                v4.new_code_cell("1", outputs=[v4.new_output(
                    "display_data", data={"text/markdown": "**1**", "text/html": "<b>1</b>",
                                          "image/png": _ONE_PIXEL_PNG})])],
                metadata={"language_info": {"name": "python"}})
            exporter.from_notebook_node(nb)
        except Exception as exc:  # export_html imports again and reports a real problem
            self.error = exc



_EXPORTER: list = []
_ONE_PIXEL_PNG = ("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGA"
                  "hKmMIQAAAABJRU5ErkJggg==")


def _html_exporter(cls=None):
    """The one HTMLExporter of this process (no code cells, no prompts), template compiled."""
    if not _EXPORTER:
        if cls is None:
            from nbconvert.exporters.html import HTMLExporter as cls
        # Figures are image/png outputs, embedded as data: URIs in any case.
        # embed_images (for ![](file.png) in Markdown, which the report has none
        # of) would re-parse each inline HTML tag on its own and so close the
        # <span class="tex2jax_ignore"> around a value holding "$" at once.
        exporter = cls(exclude_input=True, exclude_input_prompt=True,
                       exclude_output_prompt=True, embed_images=False)
        exporter.template  # noqa: B018 — compile the template now
        _EXPORTER.append(exporter)
    return _EXPORTER[0]



def export_html(notebook, path, *, title: str = "Informational-interview campaign report"
                ) -> Path:
    """Write ``notebook`` as a stand-alone HTML page without code cells.

    Figures are embedded (base64), so the file can be mailed on its own.

    Parameters
    ----------
    notebook : NotebookNode or path
        The executed notebook.
    path : path
        The ``.html`` file to write.
    title : str
        The page title.

    Returns
    -------
    Path
    """
    _skip_slow_format_checker()
    import nbformat
    if not hasattr(notebook, "cells"):
        notebook = nbformat.read(str(notebook), as_version=4)
    exporter = _html_exporter()
    body, _ = exporter.from_notebook_node(notebook, resources={"metadata": {"name": title}})
    body = _put_alt_texts(notebook, body)
    from ..store import write_atomically
    path = Path(path)
    write_atomically(path, body.encode("utf-8"))
    return path


_NO_ALT = 'alt="No description has been provided for this image"'


def _put_alt_texts(notebook, body: str) -> str:
    """Give each figure its ``alt`` text (its title) where nbconvert's template has none."""
    import html as H
    alts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            for mime in ("image/png", "image/jpeg"):
                if mime in output.get("data", {}):
                    alts.append(output.get("metadata", {}).get(mime, {}).get("alt"))
    pieces = body.split(_NO_ALT)
    if len(pieces) - 1 != len(alts):   # another template: leave its markup alone
        return body
    out = [pieces[0]]
    for alt, rest in zip(alts, pieces[1:]):
        out.append(f'alt="{H.escape(alt, quote=True)}"' if alt else _NO_ALT)
        out.append(rest)
    return "".join(out)

