"""Following up (notebook 07, :mod:`infoint_nb.forms.follow_up`; drafts in
:mod:`infoint_nb.drafts`).

The points of your notes (:func:`note_points`, :func:`cite_sentences`), the thank-you
that cites them (:func:`thank_you_due_on`, :func:`compose_thank_you`,
:func:`check_thank_you`), updates every few months (:func:`update_schedule`,
:func:`compose_update`), the follow-up to an unanswered letter
(:func:`compose_follow_up`), the note to whoever referred you
(:func:`compose_tell_referrer`) and the LinkedIn connection note
(:func:`compose_linkedin_note`, :func:`check_linkedin_note`).
"""
from __future__ import annotations

import datetime as _dt
import re
from collections.abc import Mapping

from .. import config
from ..errors import ParameterError
from .checks import Check
from .reach_out import SIGN_OFF
from .text import (_LINE_END, _day, _join, _norm, _sentence, day_and_month, greeting,
                   greeting_name, human_date)

__all__ = [
    "UPDATE_IDEAS", "note_points", "thank_you_due_on", "compose_thank_you", "check_thank_you",
    "update_schedule", "compose_update", "THANK_YOU_OCCASIONS", "cite_sentences",
    "compose_follow_up", "compose_tell_referrer", "compose_linkedin_note", "LINKEDIN_NOTE_CHARS",
    "check_linkedin_note",
]


#: What a periodic update could be about, used in turn.
UPDATE_IDEAS: tuple[str, ...] = (
    "Tell them how you used their advice, and thank them again",
    "Share an article or event they may find interesting",
    "Report a step forward: an application, a course, a new role",
    "Ask one short question and offer help in return",
)


def note_points(notes, *, limit: int = 3) -> list[str]:
    """The points from meeting notes worth citing in a thank-you.

    Parameters
    ----------
    notes : mapping or iterable of str
        Notes per question (``{question: note}``) or plain notes; empty ones are skipped.
    limit : int
        At most this many points, in the order taken.

    Returns
    -------
    list of str
        The first sentence of each note, without its closing full stop.

    Examples
    --------
    >>> note_points({"a": "Hiring peaks in March. Ask Jo.", "b": "", "c": "Learn SQL"})
    ['Hiring peaks in March', 'Learn SQL']
    """
    values = notes.values() if isinstance(notes, Mapping) else notes
    points: list[str] = []
    for note in values:
        text = _norm(str(note or ""))
        if not text:
            continue
        first = re.split(r"(?<=[.!?])\s+", text, maxsplit=1)[0].rstrip(".!")
        if first and first.casefold() not in {p.casefold() for p in points}:
            points.append(first)
        if len(points) >= limit:
            break
    return points


def thank_you_due_on(meeting_date) -> _dt.date:
    """The day a thank-you is due: the day after the meeting.

    Examples
    --------
    >>> thank_you_due_on("2026-05-05T09:30")
    datetime.date(2026, 5, 6)
    """
    return _day(meeting_date, what="meeting date") + _dt.timedelta(days=1)


def _first_name(name: str) -> str:
    return greeting_name(name) or "there"


def _signature(your_name: str) -> str:
    return _norm(str(your_name or "")) or "[your name]"


#: Verbs a note may start with when it records their advice ("Learn SQL").
_ADVICE_VERBS = frozenset(
    "learn ask apply talk read join visit bring lead focus try look keep start take use "
    "build write contact get go consider reach check attend follow sign practise practice "
    "prepare send mention call email e-mail speak register study volunteer highlight "
    "emphasise emphasize skip avoid drop add show put aim".split())
#: Verbs a note may start with when it reports what they did ("Suggested Nkechi …").
_REPORTED_VERBS = frozenset(
    "suggested recommended mentioned said explained offered advised warned pointed "
    "introduced promised shared told described thinks".split())


def _lower_first(text: str, others: str) -> str:
    """``text`` with its first letter lowered, unless the first word is an acronym
    (capitals inside) or a name (capitalised in the middle of a sentence in ``others``)."""
    word = text.split(" ", 1)[0]
    if not word or not word[0].isupper() or word == "I":
        return text
    if any(ch.isupper() for ch in word[1:]):
        return text
    if re.search(rf"[^\s.!?]\s+{re.escape(word)}\b", others):
        return text
    return word[0].lower() + text[1:]


def cite_sentences(points, *, others: str = "") -> list[str]:
    """Sentences that cite points from your notes in your own voice.

    A point that starts with an instruction ("Learn SQL") is cited as their advice,
    one that starts with a reported verb ("Suggested Nkechi …") as what they did, and
    anything else as something they told you.

    Parameters
    ----------
    points : iterable of str
        Points from your notes (see :func:`note_points`).
    others : str
        Other text of the notes, used to tell names from ordinary words.

    Examples
    --------
    >>> cite_sentences(["Hiring peaks in March", "Learn SQL"])[1]
    'I am taking your advice to learn SQL.'
    """
    pts = [_norm(str(p)).rstrip(".!;:") for p in points if _norm(str(p or ""))]
    context = ". ".join([others] + pts)
    facts = ("I keep coming back to your point that {}.", "I had also not known that {}.",
             "It was useful to hear that {}.")
    advice = ("I am taking your advice to {}.", "I will also {}, as you suggested.",
              "Your advice to {} is on my list, too.")
    n_fact = n_advice = 0
    out = []
    for p in pts:
        first = p.split(" ", 1)[0].casefold()
        if first in _REPORTED_VERBS:
            out.append(f"You {_lower_first(p, context)}, which I appreciated.")
        elif first in _ADVICE_VERBS:
            out.append(advice[min(n_advice, 2)].format(_lower_first(p, context)))
            n_advice += 1
        else:
            out.append(facts[min(n_fact, 2)].format(_lower_first(p, context)))
            n_fact += 1
    return out


def _names(items) -> str:
    refs = [_norm(str(r)) for r in items if _norm(str(r or ""))]
    if not refs:
        return ""
    return refs[0] if len(refs) == 1 else ", ".join(refs[:-1]) + " and " + refs[-1]


#: What a thank-you answers: the kind of the response → what it thanks them for.
THANK_YOU_OCCASIONS: dict[str, str] = {
    "meeting_held": "the meeting",
    "meeting_scheduled": "agreeing to meet",
    "reply_yes": "agreeing to meet",
    "reply_later": "a reply that says later",
    "reply_no": "a reply that says no",
    "reply_referral": "pointing you to someone else",
}


def compose_thank_you(name: str, *, points=(), company: str = "", your_name: str = "",
                      meeting_date=None, referrals=(), next_step: str = "",
                      occasion: str = "meeting_held", locale=None) -> str:
    """A thank-you that names what you learned, after a meeting or any other answer.

    Parameters
    ----------
    name : str
        The person you thank (greeted by :func:`greeting_name`).
    points : iterable of str
        Points from your notes (see :func:`note_points`); each is cited in a sentence.
    company : str
        Their organisation, named in the opening line.
    your_name : str
        Your name for the signature (a ``[your name]`` gap when empty).
    meeting_date : date or str, optional
        When you met (or when they answered); its weekday makes the opening concrete.
    referrals : iterable of str
        People they suggested you talk to.
    next_step : str
        What you will do next with their advice.
    occasion : str
        What you thank them for, a key of :data:`THANK_YOU_OCCASIONS`: the meeting
        (default), a yes, a "later", a no or a referral. Everyone who answers gets one.
    locale : str, optional
        Accepted for a uniform call (the thank-you names a weekday, not a date).

    Returns
    -------
    str
        Plain text, ready to paste into an e-mail or copy onto a card.

    Raises
    ------
    ParameterError
        When ``occasion`` is not one of :data:`THANK_YOU_OCCASIONS`.
    """
    if occasion not in THANK_YOU_OCCASIONS:
        raise ParameterError(f"compose_thank_you: occasion {occasion!r} is not allowed; use "
                             f"one of {', '.join(THANK_YOU_OCCASIONS)}")
    when = ""
    if meeting_date not in (None, ""):
        when = f" on {_day(meeting_date, what='meeting date'):%A}"
    org = _norm(str(company or ""))
    who = _names(referrals)
    if occasion == "meeting_held":
        about = f" about your work at {org}" if org else ""
        opening = f"Thank you for talking with me{when}{about}."
    elif occasion in ("reply_yes", "meeting_scheduled"):
        opening = (f"Thank you for agreeing to meet{' and tell me about ' + org if org else ''}; "
                   "I am looking forward to it.")
    elif occasion == "reply_later":
        opening = ("Thank you for answering my letter, and for letting me know that later "
                   "would suit you better. I will be in touch again then.")
    elif occasion == "reply_no":
        opening = ("Thank you for taking the time to answer my letter. I understand that "
                   "you cannot fit a meeting in now, and I appreciate the clear reply.")
    else:
        opening = (f"Thank you for answering my letter and for pointing me to "
                   f"{who or 'someone who could help'}.")
    lines = [f"Dear {_first_name(name)},", "", opening]
    cited = cite_sentences(points, others=". ".join(str(r) for r in referrals))
    if cited:
        lines += ["", " ".join(cited)]
    if who and occasion == "meeting_held":
        lines += ["", f"Thank you as well for suggesting I speak with {who}; I will let you "
                  "know how it goes."]
    elif who and occasion == "reply_referral":
        lines += ["", "I will write to them and tell you how it goes."]
    step = _sentence(next_step)
    if step:
        lines += ["", step]
    if occasion == "reply_no":
        lines += ["", "If your schedule frees up later, or someone else comes to mind whom "
                  "I could ask, I would be glad to hear from you."]
    lines += ["", "With thanks,", _signature(your_name)]
    return "\n".join(lines)


def check_thank_you(text: str, *, points=(), meeting_date=None, as_of=None,
                    sent: bool = False, locale=None) -> list[Check]:
    """Check a thank-you draft before it goes out.

    Parameters
    ----------
    text : str
        The draft.
    points : iterable of str
        The points from your notes it should cite.
    meeting_date : date or str, optional
        When you met (or they answered); the thank-you is due the next day.
    as_of : date or str, optional
        Today, for the lateness check (default: the real today).
    sent : bool
        Whether it has been sent (then lateness no longer matters).
    locale : str, optional
        How dates are written in the messages.

    Returns
    -------
    list of Check
        ``cites_notes``, ``signed`` and, with a meeting date, ``on_time``.
    """
    body = str(text or "")
    folded = _norm(body).casefold()
    pts = [_norm(str(p)).rstrip(".!;:") for p in points if _norm(str(p or ""))]
    if not pts:
        cites = Check("cites_notes", False, "No points from your notes yet: a thank-you that "
                      "names what you learned is the one they remember.", "warning")
    else:
        # cited in a sentence, the first letter may have been lowered
        cited = sum(p.casefold() in folded for p in pts)
        cites = Check("cites_notes", cited > 0,
                      f"Cites {cited} point{'s' if cited != 1 else ''} from your notes."
                      if cited else "The draft cites none of the points from your notes.",
                      "warning")
    checks = [cites, Check("signed", "[your name]" not in body,
                           "Signed." if "[your name]" not in body else
                           "Sign it with your name.", "error")]
    if meeting_date not in (None, ""):
        due = thank_you_due_on(meeting_date)
        today = _day(as_of, what="as_of") if as_of not in (None, "") else _dt.date.today()
        if sent:
            checks.append(Check("on_time", True, "Sent."))
        elif today <= due:
            checks.append(Check("on_time", True, f"Due by {human_date(due, locale=locale)}.",
                                "warning"))
        else:
            checks.append(Check("on_time", False, f"It was due on "
                                f"{human_date(due, locale=locale)}; send it today, late is "
                                "better than never.", "warning"))
    return checks


def update_schedule(last_date, *, every_days: int | None = None, count: int = 4,
                    ideas=UPDATE_IDEAS) -> list[dict]:
    """Dates for keeping in touch every few months, each with an idea.

    Parameters
    ----------
    last_date : date or str
        The last meeting, thank-you or update.
    every_days : int, optional
        Days between updates; default :data:`infoint_nb.config.UPDATE_EVERY_DAYS`.
    count : int
        How many updates to plan.
    ideas : sequence of str
        What each update could be about, used in turn.

    Returns
    -------
    list of dict
        ``due_on`` (ISO date text) and ``idea``.

    Raises
    ------
    ParameterError
        When ``every_days`` is under 7 or ``count`` under 1, or the date is not a date.

    Examples
    --------
    >>> [u["due_on"] for u in update_schedule("2026-01-10", every_days=90, count=2)]
    ['2026-04-10', '2026-07-09']
    """
    every = config.UPDATE_EVERY_DAYS if every_days is None else every_days
    for label, value, least in (("every_days", every, 7), ("count", count, 1)):
        if isinstance(value, bool) or not isinstance(value, int) or value < least:
            raise ParameterError(f"update_schedule: {label} is {value!r}; give a whole number, "
                                 f"{least} or more" + (" (every few months, e.g. 90)"
                                                       if label == "every_days" else ""))
    start = _day(last_date, what="last_date")
    ideas = list(ideas) or list(UPDATE_IDEAS)
    return [{"due_on": (start + _dt.timedelta(days=every * (k + 1))).isoformat(),
             "idea": ideas[k % len(ideas)]} for k in range(count)]


def compose_update(name: str, *, advice: str = "", progress: str = "",
                   your_name: str = "", met_on=None, locale=None) -> str:
    """A short keeping-in-touch note: their advice, what you did with it, thanks.

    Parameters
    ----------
    name : str
        The person (greeted by :func:`greeting_name`).
    advice : str
        What they told you or advised, in your note's words; cited in a sentence.
    progress : str
        What you did with it since.
    your_name : str
        Your name for the signature (a ``[your name]`` gap when empty).
    met_on : date or str, optional
        When you spoke; its month makes the reminder concrete.
    locale : str, optional
        Accepted for a uniform call; the note names a month, not a date.

    Examples
    --------
    >>> print(compose_update("Ana Diaz", advice="learn SQL", progress="I finished a course",
    ...                      your_name="Sam").splitlines()[2])
    When we spoke, you advised me to learn SQL. I finished a course.
    """
    lines = [f"Dear {_first_name(name)},", ""]
    tip = _norm(str(advice or "")).rstrip(".!;:")
    when = ""
    if met_on not in (None, ""):
        when = f" in {_day(met_on, what='met_on'):%B}"
    cited = ""
    if tip:
        first = tip.split(" ", 1)[0].casefold()
        clause = _lower_first(tip, "")
        if first in _ADVICE_VERBS:
            cited = f"When we spoke{when}, you advised me to {clause}."
        elif first in _REPORTED_VERBS:
            cited = f"When we spoke{when}, you {clause}."
        else:
            cited = f"When we spoke{when}, you told me that {clause}."
    step = _sentence(progress) or "I wanted to let you know how my search is going."
    lines.append(_join(cited, step))
    thanks = ("Thank you again: your advice is paying off." if _norm(str(progress or ""))
              and tip else "Thank you again for the time you gave me.")
    lines += ["", thanks, "", "Best regards,", _signature(your_name)]
    return "\n".join(lines)


def compose_follow_up(name: str, *, sent_on=None, minutes: int = 20, time_window: str = "",
                      your_name: str = "", sender_details: str = "", locale=None) -> str:
    """A short follow-up e-mail when a letter has had no answer.

    Parameters
    ----------
    name : str
        Whom you wrote to (greeted by :func:`greeting_name`).
    sent_on : date or str, optional
        When the first letter went out; named so they can find it.
    minutes : int
        How long you ask for.
    time_window : str
        When you are free now (your own sentence).
    your_name, sender_details : str
        Your name and, under it, your phone or e-mail.
    locale : str, optional
        How the date is written (``May 5`` or ``5 May``).

    Examples
    --------
    >>> compose_follow_up("Dr. Priya Raman", sent_on="2026-05-05").splitlines()[0]
    'Dear Dr. Raman,'
    """
    on = ""
    if sent_on not in (None, ""):
        on = f" on {day_and_month(_day(sent_on, what='sent_on'), locale=locale)}"
    lines = [greeting(name), "",
             _join(f"I wrote to you{on} to ask for {minutes} minutes of your time for an "
                   "informational interview, and I am following up in case my message "
                   "got buried.", _sentence(time_window),
                   "If a meeting is hard to fit in, a short phone call at a time that "
                   "suits you would help me just as much."),
             "", "Thank you for considering it.", "", SIGN_OFF, _signature(your_name)]
    lines += [x.strip() for x in _LINE_END.split(str(sender_details or "")) if x.strip()]
    return "\n".join(lines)


def compose_tell_referrer(name: str, *, referred: str, outcome: str = "replied",
                          progress: str = "", your_name: str = "", locale=None) -> str:
    """A note to the person who referred you: how it went with the one they named.

    Parameters
    ----------
    name : str
        The person who referred you.
    referred : str
        The person they named.
    outcome : {"replied", "met"}
        Whether that person has answered, or you have already met.
    progress : str
        Your own words on how it went; said instead of the composer's sentence.
    your_name : str
        Your name for the signature.
    locale : str, optional
        Accepted for a uniform call (the note has no date).

    Examples
    --------
    >>> "Sam Ortiz has answered" in compose_tell_referrer("Ana Diaz", referred="Sam Ortiz")
    True
    """
    if outcome not in ("replied", "met"):
        raise ParameterError(f"compose_tell_referrer: outcome {outcome!r} is not allowed; "
                             "use replied or met")
    who = _norm(str(referred or "")) or "the person you suggested"
    news = (f"{who} has answered my letter, and we are finding a time to talk."
            if outcome == "replied" else
            f"I have now met {who}, and it was every bit as useful as you said.")
    lines = [f"Dear {_first_name(name)},", "",
             _join(f"Thank you again for suggesting I get in touch with {who}.",
                   _sentence(progress) or f"I wanted you to know that {news}"),
             "", "I am grateful for the introduction.", "", "Best regards,",
             _signature(your_name)]
    return "\n".join(lines)


#: LinkedIn limits the note of a connection request to this many characters.
LINKEDIN_NOTE_CHARS = 300


def compose_linkedin_note(name: str, *, company: str = "", met_on=None,
                          your_name: str = "") -> str:
    """The short note of a LinkedIn connection request after you met.

    Examples
    --------
    >>> compose_linkedin_note("Olivia Chen", company="Civic Sightline", met_on="2026-09-17",
    ...                       your_name="Rosa").split(".")[0]
    'Hello Olivia, thank you again for talking with me on Thursday about Civic Sightline'
    """
    when = ""
    if met_on not in (None, ""):
        when = f" on {_day(met_on, what='met_on'):%A}"
    org = _norm(str(company or ""))
    about = f" about {org}" if org else ""
    who = greeting_name(name)
    text = (f"Hello{' ' + who if who else ''}, thank you again for talking with me{when}"
            f"{about}. I would be glad to stay in touch here.")
    sign = _norm(str(your_name or ""))
    return text + (f" {sign}" if sign else "")


def check_linkedin_note(text: str) -> list[Check]:
    """Check that a connection-request note fits LinkedIn's limit.

    Returns
    -------
    list of Check
        One check, ``linkedin_length``.
    """
    n = len(str(text or ""))
    ok = n <= LINKEDIN_NOTE_CHARS
    return [Check("linkedin_length", ok,
                  f"{n} characters: fits a LinkedIn invitation." if ok else
                  f"{n} characters: LinkedIn takes at most {LINKEDIN_NOTE_CHARS}; shorten it.",
                  "warning")]
