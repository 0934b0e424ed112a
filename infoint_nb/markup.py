"""Text from the log shown as literal text in Markdown and HTML, never as markup.

A company, a name or a note comes from anywhere (a LinkedIn export, a pasted
e-mail); the report builds Markdown sentences from it and the forms and the
``--each`` index build HTML. :func:`literal` is the one way data enters such
text: whatever the value holds (``*``, ``_``, ``#``, ``<script>``, ``[x](y)``,
``$\\foo$``, ``https://…``, a newline), it is displayed as the same characters
and nothing else.

How, and why this way:

- Line breaks (CR, LF, CRLF, VT, FF, NEL, U+2028, U+2029, the file/group/record
  separators) and other control characters become spaces, so a value can never
  end a list item or start a heading, a quote or a code block.
- Characters that mean something in Markdown or HTML are written as numeric
  character references (``*`` → ``&#42;``). Every Markdown renderer (mistune in
  nbconvert, marked in JupyterLab) decodes a reference to the plain character
  *after* parsing, and browsers do the same in HTML, so one escaped text is
  right in both — a backslash escape would show up as a backslash in HTML.
- Autolinks are broken the same way: ``:``, ``@`` and ``.`` are references, so
  neither ``https://…``, ``www.…`` nor ``someone@…`` is recognised as a link.
- ``$`` is a reference too, so the Markdown parser sees no math; and a value
  holding ``$`` or ``\\`` is wrapped in ``<span class="tex2jax_ignore">``, the
  class MathJax 2 and 3 (nbconvert's HTML page, JupyterLab) leave untypeset.
"""
from __future__ import annotations

import re

__all__ = ["LINE_BREAKS", "NO_MATH_CLASS", "flatten", "literal"]

#: Characters that end a line somewhere (Python's ``str.splitlines`` set).
LINE_BREAKS = "\r\n\v\f\x1c\x1d\x1e\x85\u2028\u2029"
#: The HTML class MathJax skips (``ignoreHtmlClass`` in MathJax 2 and 3).
NO_MATH_CLASS = "tex2jax_ignore"

_BREAKS = re.compile(r"\r\n|[" + re.escape(LINE_BREAKS) + "]")
# other C0/C1 controls and DEL (the tab too: it indents code blocks in Markdown)
_CONTROLS = re.compile(r"[\x00-\x08\t\x0e-\x1b\x7f\x80-\x84\x86-\x9f]")
_HTML = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_QUOTES = {'"': "&quot;", "'": "&#x27;"}
# Markdown's inline and line-start syntax, math, tables, and what autolinks need
_MARKDOWN = "\\`*_[](){}#+-.!|~^$:@="
_MD_TABLE = {**_HTML, **{ch: f"&#{ord(ch)};" for ch in _MARKDOWN}}
_INTO = ("markdown", "html")


def _refs(text: str) -> str:
    return "".join(f"&#{ord(ch)};" for ch in text)


def flatten(text) -> str:
    """``text`` on one line: every line break and control character becomes a space.

    Parameters
    ----------
    text : object
        Any value; ``None`` is empty text.

    Returns
    -------
    str

    Examples
    --------
    >>> flatten("Acme\\n# Heading\\u2028next")
    'Acme # Heading next'
    """
    text = "" if text is None else str(text)
    return _CONTROLS.sub(" ", _BREAKS.sub(" ", text))


def literal(text, *, into: str = "markdown", quote: bool = False) -> str:
    """``text`` escaped so it displays as exactly these characters (on one line).

    The one escaping function for data shown in Markdown or HTML (report
    findings, the ``--each`` index, form widgets).

    Parameters
    ----------
    text : object
        The value from the log (any type; ``None`` is empty text).
    into : {"markdown", "html"}
        ``"markdown"``: safe inline text in a Markdown document, which is also
        safe HTML text (no emphasis, code, link, autolink, image, heading,
        list, table cell break, math or raw HTML can come out of it).
        ``"html"``: HTML text only (``& < >`` escaped), for pages and widgets
        that are never read as Markdown.
    quote : bool
        Also escape ``"`` and ``'``, for a value inside an HTML attribute
        (then with ``into="html"``: an attribute cannot hold the MathJax span).

    Returns
    -------
    str

    Raises
    ------
    ValueError
        For an unknown ``into``.

    Examples
    --------
    >>> literal("*nix & Co")
    '&#42;nix &amp; Co'
    >>> literal("https://evil.example")
    'https&#58;//evil&#46;example'
    >>> literal("a <b>\\nc", into="html")
    'a &lt;b&gt; c'
    """
    if into not in _INTO:
        raise ValueError(f"literal(into={into!r}): choose one of {', '.join(_INTO)}")
    flat = flatten(text)
    table = _MD_TABLE if into == "markdown" else _HTML
    if quote:
        table = {**table, **_QUOTES}
    if into == "markdown":
        # white space at either end as references: four leading spaces start a code
        # block, and a space inside ``**…**`` stops the bold around the value
        core = flat.strip()
        lead = len(flat) - len(flat.lstrip())
        out = (_refs(flat[:lead]) + "".join(table.get(ch, ch) for ch in core)
               + _refs(flat[lead + len(core):]))
    else:
        out = "".join(table.get(ch, ch) for ch in flat)
    if into == "markdown" and ("$" in flat or "\\" in flat):
        out = f'<span class="{NO_MATH_CLASS}">{out}</span>'
    return out
