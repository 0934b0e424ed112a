"""markup: data shown in Markdown or HTML is literal text, in every renderer we ship to.

The report's findings are Markdown rendered by nbconvert (mistune) for
``report.html`` and by JupyterLab (marked; markdown-it here, the CommonMark
reference behaviour) in the notebook; forms and the ``--each`` index are HTML.
Each test renders real text and parses the HTML that comes out.
"""
from __future__ import annotations

import random
from html.parser import HTMLParser

import pytest
from markdown_it import MarkdownIt
from nbconvert.filters.markdown_mistune import markdown2html_mistune

from infoint_nb import ContactLog
from infoint_nb.markup import LINE_BREAKS, NO_MATH_CLASS, flatten, literal

#: Values a LinkedIn export or a pasted e-mail may hold, each a different attack.
HOSTILE = [
    "https://evil.example/login", "www.evil.example", "x@evil.example",
    "<http://evil.example>", "[x](https://evil.example/x)", "![i](https://evil.example/i.png)",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "*bold* _it_ `code` ~~s~~",
    "# Heading", "Evil\n# Heading", "Ann\n- B", "Ann\n1. B", "Ann\n\n    code", "    code",
    "Ann\n===", "---", "> quote", "a | b | c", "$\\foo$ Co", "$x$ and $$y$$", "\\(z\\)",
    "Quill & Ledger", "&amp; &#42;", "a\u2028b\u2029c\x85d\r\ne\rf\vg\fh", "tab\there\x00nul",
    "O'Brien \"Bob\"", "שלום 🚀", "_leading_", "**", "1) first",
]

_VOID = {"br", "img", "hr", "meta", "link", "input", "col", "source", "wbr"}
_RAW = {"script", "style"}


class Parsed(HTMLParser):
    """What a browser would make of a page: tags, links, headings and text.

    ``output_*`` hold what is inside notebook outputs (``jp-OutputArea-output``),
    where a report's data is; ``math_exposed`` the texts holding ``$`` outside
    any ``tex2jax_ignore`` element, which MathJax would typeset; ``scripts`` the
    contents of ``<script>`` elements.
    """

    def __init__(self, page: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.output_tags: list[str] = []
        self.links: list[str] = []
        self.alts: list[str] = []
        self.headings: list[str] = []
        self.texts: list[str] = []
        self.output_texts: list[str] = []
        self.math_exposed: list[str] = []
        self.scripts: list[str] = []
        self._stack: list[tuple[str, bool, bool]] = []   # (tag, no math, in an output)
        self._heading: list[str] | None = None
        self.feed(page)
        self.close()

    def _where(self) -> tuple[bool, bool]:
        return (self._stack[-1][1], self._stack[-1][2]) if self._stack else (False, False)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        no_math, in_output = self._where()
        self.tags.append(tag)
        if in_output:
            self.output_tags.append(tag)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        if tag == "img":
            self.alts.append(attrs.get("alt") or "")
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading = []
        if tag not in _VOID:
            self._stack.append((tag, no_math or NO_MATH_CLASS in classes,
                                in_output or "jp-OutputArea-output" in classes))

    def handle_endtag(self, tag):
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6") and self._heading is not None:
            self.headings.append("".join(self._heading).replace("¶", "").strip())
            self._heading = None
        if tag in _VOID:
            return
        while self._stack:                     # tolerate unclosed elements, as browsers do
            if self._stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self._stack and self._stack[-1][0] in _RAW:
            if self._stack[-1][0] == "script":
                self.scripts.append(data)
            return
        no_math, in_output = self._where()
        self.texts.append(data)
        if in_output:
            self.output_texts.append(data)
        if self._heading is not None:
            self._heading.append(data)
        if "$" in data and not no_math:
            self.math_exposed.append(data)

    @property
    def text(self) -> str:
        return "".join(self.texts)

    @property
    def output_text(self) -> str:
        """The outputs' text with white space as a browser shows it (runs as one space)."""
        return " ".join(" ".join(self.output_texts).split())


def parse_html(page: str) -> Parsed:
    """Parse ``page`` (a whole report, an index, a widget's value)."""
    return Parsed(page)


def _renderers():
    commonmark = MarkdownIt("commonmark").enable(["table", "strikethrough"])
    return {"nbconvert": markdown2html_mistune, "commonmark": commonmark.render}


def _finding(value: str) -> str:
    """The shapes the report builds: data at the start of an item, and in bold mid-sentence."""
    return (f"- {literal(value)} introduced you to the most people (2).\n"
            f"- Fastest: half of the people at **{literal(value)}** answered.")


def _check_literal(value: str, rendered: str) -> None:
    page = parse_html(rendered)
    assert set(page.tags) <= {"ul", "li", "strong", "span"}, (value, rendered)
    # compared as a browser shows them: runs of white space are one space
    items = [" ".join(t.split()) for t in page.text.split("\n") if t.strip()]
    flat = flatten(value)
    assert items == [" ".join(f"{flat} introduced you to the most people (2).".split()),
                     " ".join(f"Fastest: half of the people at {flat} answered.".split())
                     ], (value, rendered)
    assert page.links == [] and page.math_exposed == []


@pytest.mark.parametrize("renderer", ["nbconvert", "commonmark"])
@pytest.mark.parametrize("value", HOSTILE)
def test_literal_text_renders_as_itself_in_markdown(renderer, value):
    _check_literal(value, _renderers()[renderer](_finding(value)))


def test_literal_text_survives_a_seeded_fuzz_of_markup_characters():
    alphabet = list("*_`[]()<>#!$\\:@.-+=|~^&;\"' /ahw1") + ["\n", "\u2028", "\t", "  ",
                                                               "http://", "www.", "&#42;"]
    rng = random.Random(9)
    renderers = _renderers()
    for _ in range(400):
        value = "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 14)))
        for render in renderers.values():
            _check_literal(value, render(_finding(value)))


def test_flatten_turns_every_line_break_and_control_into_one_space():
    for ch in LINE_BREAKS + "\t\x00\x1b\x7f\x9b":
        assert flatten(f"a{ch}b") == "a b", repr(ch)
    assert flatten("a\r\nb") == "a b"                    # CRLF is one break
    assert flatten(None) == "" and flatten(42) == "42"
    assert "a\u2028b".splitlines() == ["a", "b"] and flatten("a\u2028b").splitlines() == ["a b"]


def test_literal_into_html_escapes_html_only_and_stays_on_one_line():
    assert literal("a <b>&</b>\n*c*_d_ $e$", into="html") == "a &lt;b&gt;&amp;&lt;/b&gt; *c*_d_ $e$"
    assert literal("O'Brien \"Bob\"", into="html", quote=True) == "O&#x27;Brien &quot;Bob&quot;"
    assert literal(None, into="html") == ""


def test_literal_wraps_text_with_math_delimiters_for_mathjax():
    assert literal("$\\foo$ Co") == (f'<span class="{NO_MATH_CLASS}">'
                                     "&#36;&#92;foo&#36; Co</span>")
    assert literal("Brightline Learning") == "Brightline Learning"   # plain names stay plain
    with pytest.raises(ValueError, match="literal\\(into='latex'\\): choose one of markdown, html"):
        literal("x", into="latex")


# --- forms: widgets that render HTML show data as text ---------------------------------
NAME = "<img src=x onerror=alert(1)>\u2028Dana *Whit* $x$"
COMPANY = "https://evil.example/login\n# Co <b>bold</b>"


@pytest.fixture
def hostile_log(tmp_path):
    log = ContactLog.init(tmp_path / "log")
    log.apply(add_contacts=[dict(contact_id="C1", name=NAME, company=COMPANY, role="<i>r</i>",
                                 email="dana@evil.example", mutual_connection="<u>Sam</u>",
                                 cite_permission="asked", source="linkedin",
                                 added_on="2026-03-02", notes="line one\nline <two>")],
              add_interactions=[dict(contact_id="C1", date="2026-03-02", channel="email",
                                     kind="outreach", notes="<script>x()</script>")])
    return log


def _shows_literally(widget_html: str, *values: str) -> None:
    page = parse_html(widget_html)
    assert not {"img", "script", "i", "u"} & set(page.tags), widget_html
    assert "\u2028" not in widget_html
    for value in values:
        assert flatten(value) in page.text, (value, page.text)


def test_letter_form_contact_card_shows_the_log_as_text(hostile_log):
    from infoint_nb.forms import LetterForm
    form = LetterForm(hostile_log)
    form.controls["contact_id"].value = "C1"
    _shows_literally(form.card.value, NAME, "<i>r</i>", "<u>Sam</u>")
    assert "<b>bold</b>" not in form.card.value


def test_research_and_log_table_forms_show_the_log_as_text(hostile_log):
    from infoint_nb.forms import LogTableForm, ResearchForm
    research = ResearchForm(hostile_log, contact_id="C1", as_of="2026-03-05")
    _shows_literally(research.known.value, COMPANY)
    table = LogTableForm(hostile_log, as_of="2026-03-05")
    _shows_literally(table.table.value, NAME, COMPANY)
    table.value = {"view": "interactions", "kind": "", "search": ""}
    _shows_literally(table.table.value, "<script>x()</script>")


def test_status_messages_keep_their_lines_but_data_cannot_add_any(hostile_log):
    from infoint_nb.forms._base import status_html
    page = status_html("error", f"first line\n{NAME} is not allowed")
    assert page.count("<br>") == 1                     # our own line break, not U+2028's
    _shows_literally(page, NAME)


def test_docstring_examples_run():
    import doctest

    from infoint_nb import markup
    result = doctest.testmod(markup)
    assert result.attempted > 0 and result.failed == 0
