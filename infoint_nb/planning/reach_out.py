"""Reaching out (notebook 03, :mod:`infoint_nb.forms.reach_out`).

The outreach letter (:func:`compose_letter`, :func:`check_letter` and the
``suggest_*`` sentences it starts from), the dates a letter mentions
(:func:`mentioned_dates`, :func:`time_window_end`) and when to follow it up
(:func:`follow_up_due_date`), the phone script (:func:`compose_phone_script`,
:func:`phone_script_text`, :func:`parse_clock_time`) and how long to ask for
(:func:`check_meeting_length`).
"""
from __future__ import annotations

import datetime as _dt
import re

from .. import config
from ..errors import ParameterError
from ..schema import parse_date
from .checks import Check
from .text import (_LINE_END, _day, _join, _norm, _sentence, count_lines, count_words,
                   day_and_month, greeting, greeting_name, localize_spelling)

__all__ = [
    "LETTER_PARTS", "ONE_PAGE_WORDS", "ONE_PAGE_LINES", "SHORT_EMAIL_WORDS",
    "MEETING_TYPE_PHRASES", "SIGN_OFF", "HOW_FOUND", "compose_letter", "check_letter",
    "suggest_ask", "suggest_follow_up", "suggest_how_found", "resume_sentence", "mentioned_dates",
    "time_window_end", "follow_up_due_date", "PHONE_SCRIPT_STEPS", "PHONE_SCRIPT_LABELS",
    "compose_phone_script", "phone_script_text", "MEETING_MINUTES", "check_meeting_length",
    "parse_clock_time",
]


#: The parts of an outreach letter, in the order they appear.
LETTER_PARTS: tuple[str, ...] = (
    "recipient_name", "connection", "how_found", "who_you_are", "why_field",
    "why_organisation", "why_person", "ask", "resume", "meeting_mode", "time_window",
    "follow_up", "thanks", "sender_name", "sender_details",
)
#: One page: at most this many words …
ONE_PAGE_WORDS = 400
#: … and this many lines of :data:`LINE_WIDTH` characters.
ONE_PAGE_LINES = 45
#: Short-email mode: fewer words than this.
SHORT_EMAIL_WORDS = 100
#: Phrases that name the meeting for what it is.
MEETING_TYPE_PHRASES: tuple[str, ...] = ("informational interview", "informational meeting")
#: The sign-off above your name (kept in short mode too).
SIGN_OFF = "Kind regards,"

_MONTH_NUMBERS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTHS = "|".join(sorted(_MONTH_NUMBERS, key=len, reverse=True))
_DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
_DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_RANGE_SEP = r"\s*(?:-|–|—|to|and|until|till|through|thru)\s*"
# A month counts only next to a day number or a range: "12 to 23 May", "May 12-23",
# "the 8th of June" ("May I ask …" is not a date).
_DAY_MONTH = (rf"\b(?P<d1>{_DAYNUM})(?:{_RANGE_SEP}(?P<d2>{_DAYNUM}))?\s+(?:of\s+)?"
              rf"(?P<m1>{_MONTHS})\b\.?")
_MONTH_DAY = (rf"\b(?P<m2>{_MONTHS})\.?\s+(?P<d3>{_DAYNUM})\b(?:{_RANGE_SEP}(?:(?P<m3>"
              rf"{_MONTHS})\.?\s+)?(?P<d4>{_DAYNUM})\b)?")
_DATE_MENTION_RE = re.compile(rf"{_DAY_MONTH}|{_MONTH_DAY}|\b(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})\b",
                              re.IGNORECASE)
_TIME_WINDOW_RE = re.compile(
    rf"{_DAY_MONTH}|{_MONTH_DAY}|\b(?:{_DAYS})s?\b|\b\d{{4}}-\d{{2}}-\d{{2}}\b"
    r"|\b\d{1,2}[./]\d{1,2}\b"
    r"|\b(?:next|this|coming) (?:week|month|fortnight)\b|\bweek of\b|\bin (?:the )?(?:next|"
    r"coming) (?:few |two |three )?(?:days|weeks)\b|\bbetween the\b",
    re.IGNORECASE)
_FOLLOW_UP_RE = re.compile(
    r"\bfollow(?:ing)?[- ]?up\b|\b(?:call|ring|phone|email|e-mail|contact|write to) you\b"
    r"|\bgive you a (?:call|ring)\b|\b(?:I will|I'll|I’ll) (?:call|ring|phone|write|email)\b"
    r"|\bget (?:back )?in touch\b|\bbe in touch\b|\bcheck in\b|\breach out again\b",
    re.IGNORECASE)
_RESUME_RE = re.compile(r"\br[ée]sum[ée]s?\b|\bresume\b|\bCV\b|\bcurriculum vitae\b",
                        re.IGNORECASE)


def _sentences(text: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?])\s+|\n+", str(text or "")) if s.strip()]


def _day_number(text: str | None) -> int | None:
    return int(re.match(r"\d+", text).group(0)) if text else None


def _resolve(day: int, month: int, reference: _dt.date) -> _dt.date | None:
    """The date ``day month`` nearest after ``reference`` (a date more than two months
    gone is taken to be next year's)."""
    for year in (reference.year, reference.year + 1):
        try:
            d = _dt.date(year, month, day)
        except ValueError:
            return None
        if d >= reference - _dt.timedelta(days=61):
            return d
    return None


def mentioned_dates(text: str, *, reference=None) -> list[_dt.date]:
    """Every calendar day written in ``text`` (``12 to 23 May``, ``June 8``, ISO dates).

    Parameters
    ----------
    text : str
        A sentence such as a time window or a follow-up.
    reference : date or str, optional
        The day the text is written (default: today); a year-less date is the next
        such day, unless it lies at most two months back.

    Returns
    -------
    list of datetime.date
        In the order written; a range gives its first and its last day.

    Examples
    --------
    >>> [d.isoformat() for d in mentioned_dates("from 12 to 23 May", reference="2026-05-01")]
    ['2026-05-12', '2026-05-23']
    >>> mentioned_dates("May I ask for 20 minutes?", reference="2026-05-01")
    []
    """
    ref = _day(reference, what="reference") if reference not in (None, "") else (
        _dt.date.today())
    out: list[_dt.date] = []
    for m in _DATE_MENTION_RE.finditer(str(text or "")):
        g = m.groupdict()
        if g["iso"]:
            try:
                out.append(_dt.date.fromisoformat(g["iso"]))
            except ValueError:
                pass
            continue
        if g["m1"]:
            month = _MONTH_NUMBERS[g["m1"].casefold()]
            days = [(_day_number(g["d1"]), month), (_day_number(g["d2"]), month)]
        else:
            first = _MONTH_NUMBERS[g["m2"].casefold()]
            last = _MONTH_NUMBERS[g["m3"].casefold()] if g["m3"] else first
            days = [(_day_number(g["d3"]), first), (_day_number(g["d4"]), last)]
        for day, month in days:
            if day is not None:
                # later days in the same text follow the first one ("21 September to
                # 2 October" stays in one year)
                d = _resolve(day, month, out[-1] if out else ref)
                if d is not None:
                    out.append(d)
    return out


def time_window_end(time_window: str, *, reference=None) -> _dt.date | None:
    """The last day of the time window a letter offers, or ``None`` when it names none.

    Examples
    --------
    >>> time_window_end("I am in Basel from 12 to 23 May.", reference="2026-05-01")
    datetime.date(2026, 5, 23)
    """
    days = mentioned_dates(time_window, reference=reference)
    if not days:
        return None
    end = max(days)
    # "the week of 8 June" runs to the 14th
    week_of = re.findall(rf"\bweek of\s+(?:the\s+)?(?:{_DAYNUM}\s+(?:of\s+)?(?:{_MONTHS})"
                         rf"|(?:{_MONTHS})\.?\s+{_DAYNUM})", str(time_window or ""),
                         re.IGNORECASE)
    weeks = mentioned_dates("; ".join(week_of), reference=reference)
    return max([end] + [d + _dt.timedelta(days=6) for d in weeks])


def suggest_ask(*, minutes: int = 20, topic: str = "") -> str:
    """A ready-made ask that names the meeting type.

    Examples
    --------
    >>> suggest_ask(minutes=20)
    'Would you have 20 minutes for an informational interview?'
    """
    about = f" about {_norm(topic)}" if _norm(topic) else ""
    return f"Would you have {minutes} minutes for an informational interview{about}?"


def suggest_follow_up(due, *, channel: str = "phone", time_window: str = "",
                      locale=None) -> str:
    """A follow-up sentence for the letter, naming the week it falls due.

    Parameters
    ----------
    due : date or str
        When you will follow up (see :func:`follow_up_due_date`).
    channel : str
        ``phone`` (call) or anything else (write again).
    time_window : str
        The time window the letter offers; a follow-up that would fall inside it
        moves to the day after it ends.
    locale : str, optional
        How to write the date (see :data:`LOCALES`; default en-US, ``May 19``).

    Examples
    --------
    >>> suggest_follow_up("2026-05-15", time_window="I am free from 12 to 23 May.")
    'If it suits you, I will give you a call in the week of May 24 to find a time.'
    """
    d = parse_date(due, what="follow-up date").date()
    end = time_window_end(time_window, reference=d - _dt.timedelta(days=30))
    if end is not None and d <= end:
        d = end + _dt.timedelta(days=1)
    verb = "give you a call" if channel == "phone" else "write to you again"
    return (f"If it suits you, I will {verb} in the week of {day_and_month(d, locale=locale)} "
            "to find a time.")


#: How-I-found-you sentences by the contact's ``source`` (``{company}`` is filled in).
HOW_FOUND: dict[str, str] = {
    "alumni": "I found you through our alumni network.",
    "company_website": "I read about your work on the {company} website.",
    "online_search": "I came across your work while reading about {company}.",
    "linkedin": "I came across your profile on LinkedIn.",
    "social_media": "I have been following what you share online.",
    "professional_association": "I found you through the professional association we both "
                                "belong to.",
    "career_center": "The career centre pointed me to you.",
    "event": "I heard you speak at an event and have wanted to ask you more since.",
    "personal_network": "A friend of mine mentioned your work to me.",
}


def suggest_how_found(source: str = "", *, company: str = "", shared: str = "",
                      locale=None) -> str:
    """A "how I found you / what we share" sentence for the letter.

    Parameters
    ----------
    source : str
        The contact's ``source`` (a referral is named as the connection instead).
    company : str
        Their organisation, for the sources that mention it.
    shared : str
        What you have in common, from your research (a school, a city, a path);
        added as its own sentence.
    locale : str, optional
        Spelling (``centre``/``center``).

    Examples
    --------
    >>> suggest_how_found("alumni", shared="We both studied maths at DePaul")
    'I found you through our alumni network. We both studied maths at DePaul.'
    """
    template = HOW_FOUND.get(_norm(str(source or "")), "")
    org = _norm(str(company or ""))
    if "{company}" in template:
        template = template.format(company=org) if org else ""
    return _join(localize_spelling(template, locale=locale), _sentence(shared))


def resume_sentence(channel: str = "email") -> str:
    """The résumé line: attached to an e-mail, enclosed with a letter.

    Examples
    --------
    >>> resume_sentence("letter")
    'I enclose my résumé, so you can see where I am coming from.'
    """
    verb = "enclose" if channel == "letter" else "attach"
    return f"I {verb} my résumé, so you can see where I am coming from."


def compose_letter(*, recipient_name: str = "", connection: str = "", how_found: str = "",
                   who_you_are: str = "", why_field: str = "", why_organisation: str = "",
                   why_person: str = "", ask: str = "", resume: str = "",
                   meeting_mode: str = "", time_window: str = "", follow_up: str = "",
                   thanks: str = "", sender_name: str = "", sender_details: str = "",
                   short: bool = False, locale=None) -> str:
    """Put the parts of an outreach letter or e-mail together.

    Each part is your own sentence(s); empty parts are left out, nothing is
    invented. Check the result with :func:`check_letter`.

    Parameters
    ----------
    recipient_name : str
        Whom you write to, e.g. ``"Ms Okafor"`` or ``"Dr. Priya Raman"``; the
        greeting follows :func:`greeting_name` (``Hello,`` when empty).
    connection : str
        The shared connection, e.g. ``"Priya Raman suggested I write to you."``; it
        goes first, where it is seen. Name them only with their permission.
    how_found : str
        How you found them, or what you share (see :func:`suggest_how_found`).
    who_you_are : str
        Who you are and where you stand (studying, graduating, changing field).
    why_field, why_organisation, why_person : str
        Why the field, this organisation and this person in particular.
    ask : str
        The request; it should say "informational interview" (see :func:`suggest_ask`).
    resume : str
        The résumé line, when you send one (see :func:`resume_sentence`).
    meeting_mode : str
        How you would like to meet (in person, phone, video — their choice).
    time_window : str
        When you are available, e.g. ``"I am in Basel from 12 to 23 May."``.
    follow_up : str
        When and how you will follow up (see :func:`suggest_follow_up`).
    thanks : str
        A closing thank-you.
    sender_name, sender_details : str
        Your name and, under it, your phone or e-mail.
    short : bool
        Short-email mode: leaves out ``why_field``, ``why_organisation``,
        ``meeting_mode`` and ``sender_details`` (the sign-off stays) and aims at
        under :data:`SHORT_EMAIL_WORDS` words.
    locale : str, optional
        Accepted for a uniform call: the parts are your own words, kept as typed.

    Returns
    -------
    str
        The letter, paragraphs separated by blank lines.
    """
    lines = [greeting(recipient_name)]
    if short:
        paragraphs = [
            _join(connection, how_found, who_you_are),
            _join(why_person, ask, resume, time_window),
            _join(follow_up, thanks),
        ]
        closing = [_norm(sender_name)]
    else:
        paragraphs = [
            _join(connection, how_found, who_you_are),
            _join(why_field, why_organisation, why_person),
            _join(ask, resume, meeting_mode, time_window),
            _join(follow_up, thanks),
        ]
        closing = [_norm(sender_name)] + [
            line.strip() for line in _LINE_END.split(sender_details or "") if line.strip()]
    if any(closing):
        closing = [SIGN_OFF] + closing
    body = lines + [p for p in paragraphs if p]
    sign = "\n".join(c for c in closing if c)
    return "\n\n".join(body + ([sign] if sign else []))


def check_letter(text: str, *, mentions_connection: bool, cite_permission: str | None,
                 short: bool = False, time_window: str = "", follow_up: str = "",
                 sent_on=None, has_resume: bool = False, locale=None) -> list[Check]:
    """Check an outreach letter or e-mail before it goes out.

    Parameters
    ----------
    text : str
        The letter (from :func:`compose_letter` or typed freely).
    mentions_connection : bool
        Whether the letter names a shared connection.
    cite_permission : str or None
        That connection's answer to "may I mention you?": ``yes``, ``no``,
        ``asked`` or empty/None (not asked).
    short : bool
        Short-email mode: the text must stay under :data:`SHORT_EMAIL_WORDS` words.
    time_window, follow_up : str
        The letter's time-window and follow-up parts; when both name days, the
        follow-up must come after the window (check ``follow_up_after_window``).
    sent_on : date or str, optional
        When the letter goes out (default today); it dates the days written
        without a year.
    has_resume : bool
        Whether your profile keeps a résumé; then the letter should mention it
        (check ``resume``).
    locale : str, optional
        How the messages write dates (see :data:`LOCALES`).

    Returns
    -------
    list of Check
        ``one_page``, ``meeting_type``, ``connection``, ``time_window``,
        ``follow_up``, then ``follow_up_after_window`` and ``resume`` when they
        apply and, in short mode, ``short_email``.

    Examples
    --------
    >>> [c.name for c in check_letter("Hi", mentions_connection=False,
    ...                               cite_permission=None) if not c.ok]
    ['meeting_type', 'time_window', 'follow_up']
    """
    t = text or ""
    words, lines = count_words(t), count_lines(t)
    one_page = words <= ONE_PAGE_WORDS and lines <= ONE_PAGE_LINES
    checks = [Check(
        "one_page", one_page,
        f"Fits on one page ({words} words, {lines} lines)." if one_page else
        f"Too long for one page: {words} words and {lines} lines (keep to "
        f"{ONE_PAGE_WORDS} words and {ONE_PAGE_LINES} lines); busy people read short letters "
        "to the end.", "warning")]
    lowered = re.sub(r"\s+", " ", t.casefold())
    named = any(p in lowered for p in MEETING_TYPE_PHRASES)
    checks.append(Check(
        "meeting_type", named,
        "Says plainly that you ask for an informational interview." if named else
        "Say \"informational interview\" (or \"informational meeting\") in so many words, "
        "so they know it is not a casual coffee or a job application.", "error"))
    perm = _norm(cite_permission or "").casefold()
    if not mentions_connection:
        checks.append(Check(
            "connection", True,
            "No shared connection named." + (" You may name yours: they said yes."
                                             if perm == "yes" else "")))
    elif perm == "yes":
        checks.append(Check("connection", True,
                            "Names your shared connection, who agreed to be mentioned."))
    else:
        why = {"no": "they asked you not to", "asked": "they have not answered yet"}.get(
            perm, "you have not asked them")
        checks.append(Check(
            "connection", False,
            f"Names your shared connection, but {why}. Mention them only after a yes; "
            "otherwise take that sentence out.", "error"))
    # A date inside the follow-up sentence ("I will call in the week of 18 May") is
    # not a time window for the meeting, so those sentences are left out here.
    window = any(_TIME_WINDOW_RE.search(s) for s in _sentences(t)
                 if not _FOLLOW_UP_RE.search(s))
    checks.append(Check(
        "time_window", window,
        "Suggests when you could meet." if window else
        "Suggest a time window (e.g. \"I am in town from 12 to 23 May\"), so a yes is easy.",
        "warning"))
    fup = bool(_FOLLOW_UP_RE.search(t))
    checks.append(Check(
        "follow_up", fup,
        "Says when you will follow up." if fup else
        "Say when you will follow up (e.g. \"I will call you in the week of 18 May\"); "
        "then nobody has to reply at once.", "warning"))
    ref = _day(sent_on, what="sent_on") if sent_on not in (None, "") else _dt.date.today()
    offered = mentioned_dates(time_window, reference=ref)
    end = time_window_end(time_window, reference=ref)
    said = mentioned_dates(follow_up, reference=min(offered) if offered else ref)
    if end is not None and said:
        when = min(said)
        ok = when > end
        checks.append(Check(
            "follow_up_after_window", ok,
            "You follow up after the time you offered." if ok else
            f"Your follow-up ({day_and_month(when, locale=locale)}) falls inside the time you "
            f"offered (until {day_and_month(end, locale=locale)}): they may still be answering. "
            "Follow up after it, e.g. "
            f"\"{suggest_follow_up(end + _dt.timedelta(days=1), locale=locale)}\"", "warning"))
    if has_resume:
        said_resume = bool(_RESUME_RE.search(t))
        checks.append(Check(
            "resume", said_resume,
            "Mentions your résumé." if said_resume else
            "You keep a résumé in your profile: add a line that it is attached (or "
            "enclosed), so they can see your background at a glance.", "info"))
    if short:
        ok = words < SHORT_EMAIL_WORDS
        checks.append(Check(
            "short_email", ok,
            f"Short enough for a quick e-mail ({words} words)." if ok else
            f"{words} words: a short e-mail stays under {SHORT_EMAIL_WORDS}. Cut the "
            "background; keep who you are, the connection and the ask.", "warning"))
    return checks


def follow_up_due_date(sent_on, days: int | None = None) -> _dt.date:
    """When to follow up on a letter sent on ``sent_on``.

    Parameters
    ----------
    sent_on : date, datetime or str
        When the letter or e-mail went out (ISO text such as ``2026-05-05`` is fine).
    days : int, optional
        Days to wait; default :data:`infoint_nb.config.FOLLOW_UP_DAYS` (the sources
        say one to two weeks).

    Returns
    -------
    datetime.date

    Raises
    ------
    ParameterError
        When ``sent_on`` is not a date or ``days`` is not a positive whole number.

    Examples
    --------
    >>> follow_up_due_date("2026-05-05", days=10)
    datetime.date(2026, 5, 15)
    """
    days = config.FOLLOW_UP_DAYS if days is None else days
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        raise ParameterError(f"follow_up_due_date: days is {days!r}; give a whole number of "
                             "days, 1 or more (e.g. 10)")
    try:
        d = parse_date(sent_on, what="sent_on")
    except ValueError as exc:
        raise ParameterError(f"follow_up_due_date: {exc}") from None
    return (d + _dt.timedelta(days=days)).date()


#: The steps of the phone follow-up, in order.
PHONE_SCRIPT_STEPS: tuple[str, ...] = (
    "gatekeeper", "opening", "ask", "if_yes", "if_no", "if_still_no", "voicemail")
PHONE_SCRIPT_LABELS: dict[str, str] = {
    "gatekeeper": "If an assistant or receptionist answers",
    "opening": "When they pick up",
    "ask": "The ask",
    "if_yes": "If they say yes",
    "if_no": "If they say no",
    "if_still_no": "If it is still no",
    "voicemail": "If you reach voicemail",
}


def compose_phone_script(*, sender_name: str, recipient_name: str = "",
                         letter_sent_on=None, reason: str = "", why_person: str = "",
                         time_window: str = "", minutes: int = 20,
                         callback: str = "", locale=None) -> dict[str, str]:
    """The phone follow-up to a letter, with its branches.

    Parameters
    ----------
    sender_name : str
        Your name.
    recipient_name : str
        How you greet them (e.g. ``"Ms Okafor"``).
    letter_sent_on : date or str, optional
        When your letter went out; mentioned so they can place you.
    reason : str
        One sentence on what excites you about their organisation.
    why_person : str
        Why you want to talk to them in particular.
    time_window : str
        When you are available, e.g. ``"between 12 and 23 May"``.
    minutes : int
        How long you ask for (15–30).
    callback : str
        Your phone number, for the voicemail and a message left with an assistant.
    locale : str, optional
        How to say the date of your letter (see :data:`LOCALES`).

    Returns
    -------
    dict
        :data:`PHONE_SCRIPT_STEPS` → what to say; an assistant or receptionist is
        asked when to call back or to take a message, yes lets them choose the time
        and place, no offers a phone meeting, a second no thanks them and asks whom
        else to talk to.

    Raises
    ------
    ParameterError
        When ``sender_name`` is empty or ``letter_sent_on`` is not a date.
    """
    me = _norm(sender_name)
    if not me:
        raise ParameterError("compose_phone_script: sender_name is empty; give your name "
                             "so they know who is calling")
    who = greeting_name(recipient_name)
    hello = f"Hello {who}," if who else "Hello,"
    wrote = "I wrote to you"
    on = ""
    if letter_sent_on not in (None, ""):
        try:
            d = parse_date(letter_sent_on, what="letter_sent_on")
        except ValueError as exc:
            raise ParameterError(f"compose_phone_script: {exc}") from None
        on = f" on {day_and_month(d, locale=locale)}"
        wrote += on
    back = f" on {_norm(callback)}" if _norm(callback) else ""
    window = _norm(time_window)
    when = f" {window}" if window else " in the next few weeks"
    script = {
        "gatekeeper": _join(
            f"Good morning, this is {me}. I am following up on a letter I sent"
            f"{' to ' + who if who else ''}{on} about a short informational interview.",
            f"Is {who} available?" if who else "Could you put me through?",
            "(If not:) When would be a good time to call back? Or could you pass on a "
            f"message that I called? I can be reached{back or ' at the number in my letter'}.",
            "Thank you for your help. (Note the assistant's name, and log it as a message "
            "left.)"),
        "opening": _join(f"{hello} this is {me}.",
                         f"{wrote} about an informational interview.", reason, why_person),
        "ask": f"Would you have {minutes} minutes to meet{when}?",
        "if_yes": ("Thank you! When and where would suit you best? I will fit around your "
                   "schedule. (Write down the day, time and place and log it as a "
                   "scheduled meeting.)"),
        "if_no": ("I understand, you must be busy. Could we talk by phone instead, at a time "
                  f"that is convenient for you? Even {min(minutes, 15)} minutes would help "
                  "me a lot."),
        "if_still_no": ("Thank you for thinking about it all the same. If you have more time "
                        "later, I would be glad to hear from you. Meanwhile, is there someone "
                        "else you would suggest I talk to? (Log the reply; add any name as a "
                        "new contact referred by them.)"),
        "voicemail": _join(f"{hello} this is {me}, following up on my letter about an "
                           "informational interview.",
                           f"You can reach me on {_norm(callback)}." if _norm(callback) else "",
                           "I will try you again in a few days. Thank you."),
    }
    return script


def phone_script_text(script: dict[str, str]) -> str:
    """A phone script (from :func:`compose_phone_script`) as text to print or read."""
    blocks = []
    for step in PHONE_SCRIPT_STEPS:
        if script.get(step):
            blocks.append(f"{PHONE_SCRIPT_LABELS[step]}:\n  {script[step]}")
    return "\n\n".join(blocks)


_CLOCK_RE = re.compile(r"^\s*(\d{1,2})(?:[:.h](\d{2}))?\s*([ap]\.?m\.?)?\s*$", re.IGNORECASE)


def parse_clock_time(text: str) -> str:
    """A time of day as ``HH:MM`` (24-hour) from ``8:30``, ``08.30``, ``8:30 pm`` or ``17h00``.

    Raises
    ------
    ParameterError
        When ``text`` is not a time of day.

    Examples
    --------
    >>> parse_clock_time("5:30 pm")
    '17:30'
    """
    m = _CLOCK_RE.match(text or "")
    if m:
        hour, minute = int(m.group(1)), int(m.group(2) or 0)
        half = (m.group(3) or "").lower().replace(".", "")
        if half and not 1 <= hour <= 12:
            m = None
        else:
            if half == "pm" and hour != 12:
                hour += 12
            elif half == "am" and hour == 12:
                hour = 0
            if hour > 23 or minute > 59:
                m = None
    if not m:
        raise ParameterError(f"time {text!r} is not a time of day; write it like 08:30, "
                             "17:30 or 5:30 pm")
    return f"{hour:02d}:{minute:02d}"


#: Allowed length of an informational interview, in minutes.
MEETING_MINUTES: tuple[int, int] = (15, 30)


def check_meeting_length(minutes) -> list[Check]:
    """Check that a meeting asks for 15–30 minutes of their time.

    Returns
    -------
    list of Check
        One check, ``meeting_length``.
    """
    lo, hi = MEETING_MINUTES
    try:
        m = int(minutes)
    except (TypeError, ValueError):
        return [Check("meeting_length", False,
                      f"Meeting length {minutes!r} is not a number of minutes; use {lo}–{hi}.",
                      "error")]
    ok = lo <= m <= hi
    return [Check("meeting_length", ok,
                  f"{m} minutes: respectful of their time." if ok else
                  f"{m} minutes: ask for {lo} to {hi} minutes; they give you their time.",
                  "warning")]
