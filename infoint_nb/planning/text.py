"""Text helpers every planning step shares.

Counting words and page lines (:func:`count_words`, :func:`count_lines`), the locale
(:data:`LOCALES`, :func:`check_locale`) and what it changes: dates
(:func:`human_date`, :func:`day_and_month`) and spelling (:func:`localize_spelling`);
how to address someone (:func:`greeting_name`, :func:`greeting`); and the private
helpers the composers use to join sentences, tidy spaces and read a date given as text.
"""
from __future__ import annotations

import datetime as _dt
import re
import textwrap

from ..errors import ParameterError
from ..schema import parse_date, parse_day

__all__ = [
    "count_words", "count_lines", "human_date", "day_and_month", "DEFAULT_LOCALE", "LOCALES",
    "check_locale", "localize_spelling", "greeting_name", "greeting", "TITLES", "LINE_WIDTH",
]


_WORD_RE = re.compile(r"[^\W_](?:[\w'’.@/-]*[^\W_])?")


#: Where a line of typed or logged text ends: CR, LF or CRLF only (``str.splitlines``
#: would also split at U+2028, U+0085, form feeds … inside a value).
_LINE_END = re.compile(r"\r\n|\r|\n")
#: A page line: text wraps at this many characters.
LINE_WIDTH = 80




def count_words(text: str) -> int:
    """Words in ``text`` (an e-mail address or ``15-30`` counts as one).

    Examples
    --------
    >>> count_words("Dear Ms Lin, I'm writing about a 15-30 minute chat.")
    10
    """
    return len(_WORD_RE.findall(text or ""))


def count_lines(text: str, *, width: int | None = None) -> int:
    """Lines ``text`` takes on a page, wrapping long lines at ``width`` characters."""
    width = width or LINE_WIDTH
    n = 0
    body = (text or "").strip("\r\n")
    for line in (_LINE_END.split(body) if body else []):
        n += max(1, len(textwrap.wrap(line, width)) if line.strip() else 1)
    return n


#: The locale used when the user's profile names none: month-first dates, US spelling.
DEFAULT_LOCALE = "en-US"
#: Locales the texts know: only ``en-US`` writes the month first; the others write
#: ``19 May`` and British spelling (organisation, programme, centre).
LOCALES: tuple[str, ...] = ("en-US", "en-GB", "en-IE", "en-AU", "en-NZ", "en-CA", "en-IN",
                            "en-ZA")


def check_locale(locale) -> str:
    """``locale`` in its standard spelling (``en_gb`` → ``en-GB``); empty → the default.

    Raises
    ------
    ParameterError
        When it is not one of :data:`LOCALES`.

    Examples
    --------
    >>> check_locale("en_gb"), check_locale(None)
    ('en-GB', 'en-US')
    """
    text = str(locale or "").strip().replace("_", "-")
    if not text:
        return DEFAULT_LOCALE
    for known in LOCALES:
        if known.casefold() == text.casefold():
            return known
    raise ParameterError(f"locale {locale!r} is not known; use one of {', '.join(LOCALES)} "
                         f"(set it in your profile; {DEFAULT_LOCALE} is the default)")


def _month_first(locale) -> bool:
    return check_locale(locale) == "en-US"


def human_date(value, *, locale=None) -> str:
    """A date as people write it: ``Tuesday, May 19, 2026`` (en-US) or
    ``Tuesday 19 May 2026`` (every other locale).

    Examples
    --------
    >>> human_date("2026-05-19"), human_date("2026-05-19", locale="en-GB")
    ('Tuesday, May 19, 2026', 'Tuesday 19 May 2026')
    """
    d = parse_date(value, what="date")
    if _month_first(locale):
        return f"{d:%A}, {d:%B} {d.day}, {d.year}"
    return f"{d:%A} {d.day} {d:%B %Y}"


def day_and_month(value, *, locale=None) -> str:
    """A day without weekday or year: ``May 19`` (en-US) or ``19 May``."""
    d = parse_date(value, what="date")
    return f"{d:%B} {d.day}" if _month_first(locale) else f"{d.day} {d:%B}"


# British spelling → American spelling, for the words the composers write.
_SPELLINGS: dict[str, str] = {
    "organisation": "organization", "organisations": "organizations",
    "programme": "program", "programmes": "programs", "centre": "center",
    "centres": "centers", "favour": "favor", "licence": "license", "licences": "licenses",
    "realise": "realize", "realised": "realized", "recognise": "recognize",
    "apologise": "apologize", "colour": "color", "behaviour": "behavior",
    "travelling": "traveling", "practise": "practice", "catalogue": "catalog",
    "enrolled": "enrolled", "analyse": "analyze", "prioritise": "prioritize",
}
_SPELLING_RE = {
    True: re.compile(r"\b(" + "|".join(sorted(_SPELLINGS, key=len, reverse=True)) + r")\b",
                     re.IGNORECASE),
    False: re.compile(r"\b(" + "|".join(sorted({v for k, v in _SPELLINGS.items() if k != v},
                                                key=len, reverse=True)) + r")\b",
                      re.IGNORECASE),
}
_BRITISH = {v: k for k, v in _SPELLINGS.items() if k != v and k != "practise"}


def localize_spelling(text: str, *, locale=None) -> str:
    """``text`` with the composers' words spelt for ``locale``.

    Only a short list of words differs (organisation/organization, programme/program,
    centre/center, …); capitals are kept.

    Examples
    --------
    >>> localize_spelling("Organisations and programmes")
    'Organizations and programs'
    >>> localize_spelling("the career center", locale="en-GB")
    'the career centre'
    """
    us = _month_first(locale)
    table = _SPELLINGS if us else _BRITISH

    def swap(m):
        word = m.group(0)
        new = table.get(word.casefold())
        if new is None:
            return word
        return new[0].upper() + new[1:] if word[0].isupper() else new

    return _SPELLING_RE[us].sub(swap, str(text or ""))


#: Titles recognised at the start of a name (folded, without a full stop) → as written.
TITLES: dict[str, str] = {
    "dr": "Dr", "doctor": "Dr", "prof": "Prof", "professor": "Professor", "mr": "Mr",
    "mrs": "Mrs", "ms": "Ms", "miss": "Miss", "mx": "Mx", "rev": "Rev", "sir": "Sir",
    "dame": "Dame", "judge": "Judge",
}
_NAME_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv phd ph.d. md m.d. mba esq esq. cpa".split())


def _split_name(name: str) -> tuple[str, list[str]]:
    """(title as written or ``""``, the other words of the name without suffixes)."""
    words = [w.strip(",") for w in _norm(str(name or "")).split()]
    words = [w for w in words if w]
    title = ""
    while words and words[0].rstrip(".").casefold() in TITLES:
        title = title or words[0]
        words = words[1:]
    while len(words) > 1 and words[-1].casefold() in _NAME_SUFFIXES:
        words = words[:-1]
    return title, words


def greeting_name(name: str, *, title: str = "") -> str:
    """How to address someone: title and surname when a title is known, else the first name.

    One rule for every composer. The title comes from ``title`` or from the start of
    the name (``Dr. Priya Raman``); a bare title with no name gives ``""`` (then the
    greeting is a plain ``Hello,``), never ``Dear Dr.,``.

    Examples
    --------
    >>> greeting_name("Dr. Priya Raman"), greeting_name("Yusuf Karim")
    ('Dr. Raman', 'Yusuf')
    >>> greeting_name("Yusuf Karim", title="Mr"), greeting_name("Dr.")
    ('Mr Karim', '')
    """
    found, words = _split_name(name)
    given = _norm(str(title or ""))
    if given and given.rstrip(".").casefold() not in TITLES:
        raise ParameterError(f"title {title!r} is not a title; use one of "
                             + ", ".join(sorted(set(TITLES.values()))) + " or leave it empty")
    use = given or found
    if not words:
        return ""
    if use:
        return f"{use} {words[-1]}"
    return words[0]


def greeting(name: str, *, title: str = "") -> str:
    """The first line of a letter: ``Dear Dr. Raman,``, ``Dear Yusuf,`` or ``Hello,``."""
    who = greeting_name(name, title=title)
    return f"Dear {who}," if who else "Hello,"


def _join(*parts: str) -> str:
    return " ".join(p.strip() for p in parts if p and p.strip())


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", (text or "").strip())


def _sentence(text: str) -> str:
    """``text`` with tidy spaces and a closing full stop."""
    text = _norm(str(text or ""))
    if text and text[-1] not in ".!?…":
        text += "."
    return text


def _day(value, *, what: str) -> _dt.date:
    return parse_day(value, name=what, blank=False)
