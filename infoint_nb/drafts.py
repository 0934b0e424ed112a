"""Drafts for the mail program: ``.eml`` files, ``mailto:`` links and printable letters.

Every composer of :mod:`infoint_nb.planning` gives plain text; this module turns a
text into something a person sends:

- :func:`eml_bytes` / :func:`write_draft` — an RFC 5322 message written with the
  standard library's :mod:`email` package, marked ``X-Unsent: 1`` so Outlook, Apple
  Mail and Thunderbird open it as an editable draft; the résumé named in the user's
  profile is attached.
- :func:`mailto_link` — a ``mailto:`` link (percent-encoded with
  :func:`urllib.parse.quote`) for one click from a form; ``None`` when the text is
  too long for a link (:data:`MAILTO_MAX_CHARS`), then the ``.eml`` is the way.
- :func:`letter_html` — a printable page for a postal letter (channel ``letter``):
  sender and recipient address blocks, the date, the text.
- :func:`compose_draft` — the draft of one KIND for one contact from what the forms
  saved in ``plan.json`` (used by ``infoint draft``).

The user's *profile* (``plan.json`` section ``profile``: name, e-mail, phone,
postal address, résumé path, locale) fills the sender; see :func:`load_profile`.
Nothing here is sent anywhere, and logging a message as sent stays a separate step.
"""
from __future__ import annotations

import datetime as _dt
import html
import mimetypes
import re
from dataclasses import dataclass, field, replace
from email import policy
from email.message import EmailMessage
from email.utils import formataddr
from pathlib import Path
from urllib.parse import quote, unquote

from . import planning as P
from . import schema as S
from .errors import ParameterError
from .vocabulary import DRAFT_KINDS  # what ``infoint draft KIND`` can write, defined there

__all__ = [
    "DRAFT_KINDS", "DRAFT_EXTENSIONS", "MAILTO_MAX_CHARS", "PROFILE_SECTION", "PROFILE_FIELDS",
    "DRAFTS_DIRNAME", "Profile", "Draft", "load_profile", "to_message", "eml_bytes",
    "mailto_link", "parse_mailto", "letter_html", "write_draft", "draft_path",
    "compose_draft", "subject_for", "with_resume", "network_ask_draft",
]

#: File name ending per channel: e-mail drafts are ``.eml``, postal letters a page.
DRAFT_EXTENSIONS: dict[str, str] = {"email": ".eml", "letter": ".html"}
#: Longest ``mailto:`` link offered. Browsers and mail programs differ; links of about
#: 2,000 characters open everywhere, longer ones get cut or refused.
MAILTO_MAX_CHARS = 2000
#: The ``plan.json`` section that holds the user's own details.
PROFILE_SECTION = "profile"
#: Keys of the profile section.
PROFILE_FIELDS: tuple[str, ...] = ("name", "email", "phone", "address", "resume_path",
                                   "locale")
#: Folder inside a log where the forms save draft files.
DRAFTS_DIRNAME = "drafts"

_SUBJECTS: dict[str, str] = {
    "outreach": "Request for a short informational interview",
    "follow_up": "Following up: a short informational interview",
    "thank_you": "Thank you",
    "update": "An update, and thanks again",
    "tell_referrer": "Thank you for the introduction",
    "network_ask": "A quick question: do you know someone I could learn from?",
}


def _text(value) -> str:
    return "" if value is None else str(value).strip()


# --- the profile ------------------------------------------------------------------------
@dataclass(frozen=True)
class Profile:
    """The user's own details, from ``plan.json`` (section ``profile``).

    ``resume`` is the résumé's path resolved against the log folder (``None`` when no
    path is kept); ``locale`` decides how dates are written and spelt.
    """

    name: str = ""
    email: str = ""
    phone: str = ""
    address: str = ""
    resume: Path | None = None
    locale: str = P.DEFAULT_LOCALE

    @property
    def details(self) -> str:
        """Phone and e-mail, one per line (the lines under your name)."""
        return "\n".join(x for x in (self.phone, self.email) if x)


def load_profile(log) -> Profile:
    """The user's profile from ``log``'s ``plan.json`` (empty values when none is saved).

    A relative résumé path is taken from the log folder.

    Raises
    ------
    ParameterError
        When the saved locale is not one of :data:`infoint_nb.planning.LOCALES`.
    """
    saved = log.plan_section(PROFILE_SECTION, default={}) or {}
    if not isinstance(saved, dict):
        saved = {}
    path = _text(saved.get("resume_path"))
    resume = None
    if path:
        resume = Path(path).expanduser()
        if not resume.is_absolute():
            resume = Path(log.folder) / resume
    try:
        locale = P.check_locale(saved.get("locale"))
    except ParameterError as exc:
        raise ParameterError(f"{S.PLAN_FILE}, section {PROFILE_SECTION}: {exc}") from None
    return Profile(name=_text(saved.get("name")), email=_text(saved.get("email")),
                   phone=_text(saved.get("phone")), address=str(saved.get("address") or "")
                   .strip(), resume=resume, locale=locale)


# --- the draft ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Draft:
    """One message ready for the mail program (or the printer).

    Attributes
    ----------
    kind : str
        One of :data:`DRAFT_KINDS`.
    body : str
        The text as composed (plain text, ``\\n`` line breaks).
    subject : str
        The subject line.
    to_name, to_address : str
        The recipient's name and e-mail address (may be empty: the mail program asks).
    channel : str
        ``email`` (an ``.eml`` draft) or ``letter`` (a printable page).
    from_name, from_address : str
        The sender, from the profile.
    attachments : tuple of Path
        Files to attach (the résumé).
    recipient_postal, sender_postal : str
        Address blocks for a postal letter.
    date : datetime.date or None
        The date printed on a letter (default today).
    locale : str
        How the letter's date is written.
    """

    kind: str
    body: str
    subject: str = ""
    to_name: str = ""
    to_address: str = ""
    channel: str = "email"
    from_name: str = ""
    from_address: str = ""
    attachments: tuple[Path, ...] = field(default_factory=tuple)
    recipient_postal: str = ""
    sender_postal: str = ""
    date: _dt.date | None = None
    locale: str = P.DEFAULT_LOCALE


def _attachment_type(path: Path) -> tuple[str, str]:
    guessed, _ = mimetypes.guess_type(path.name)
    if not guessed:
        return "application", "octet-stream"
    main, _, sub = guessed.partition("/")
    return main, sub


_ADDRESS_RE = re.compile(r"^[^\s@<>(),;:\"\[\]]+@[^\s@<>(),;:\"\[\]]+\.[^\s@<>(),;:\"\[\]]+$")


def _one_line(text: str) -> str:
    """Header text on one line: a line break in a name or subject never starts a header."""
    return re.sub(r"\s+", " ", str(text or "")).strip()


def _address(value: str, *, whose: str) -> str:
    addr = str(value or "").strip()
    if addr and not _ADDRESS_RE.match(addr):
        raise ParameterError(f"{whose} e-mail {addr!r} is not an e-mail address (like "
                             "name@example.com); correct it, then draft again")
    return addr


def to_message(draft: Draft) -> EmailMessage:
    """The draft as an :class:`email.message.EmailMessage` (policy ``default``).

    ``X-Unsent: 1`` makes mail programs open it as an unsent, editable draft.

    Raises
    ------
    ParameterError
        When an attachment cannot be read (the message says which file and why).
    """
    msg = EmailMessage(policy=policy.default)
    to = _address(draft.to_address, whose=f"{_one_line(draft.to_name) or 'the recipient'}'s")
    sender = _address(draft.from_address, whose="your (profile)")
    if to:
        msg["To"] = formataddr((_one_line(draft.to_name), to))
    if sender:
        msg["From"] = formataddr((_one_line(draft.from_name), sender))
    msg["Subject"] = _one_line(draft.subject or _SUBJECTS.get(draft.kind, ""))
    msg["X-Unsent"] = "1"
    # quoted-printable keeps every line short and 7-bit, whatever the text holds
    msg.set_content(draft.body if draft.body.endswith("\n") else draft.body + "\n",
                    cte="quoted-printable")
    for path in draft.attachments:
        path = Path(path)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise ParameterError(
                f"résumé {path}: cannot be attached ({exc.strerror or exc}); correct the "
                f"path in your profile ({S.PLAN_FILE}, section {PROFILE_SECTION}, "
                "resume_path) or clear it") from None
        main, sub = _attachment_type(path)
        msg.add_attachment(data, maintype=main, subtype=sub, filename=path.name)
    return msg


_EML_POLICY = policy.SMTP.clone(max_line_length=998)


def eml_bytes(draft: Draft) -> bytes:
    """The draft as the bytes of an ``.eml`` file (CRLF line ends, as RFC 5322 wants).

    Examples
    --------
    >>> import email
    >>> raw = eml_bytes(Draft("outreach", "Hello", subject="Hi", to_address="a@b.example"))
    >>> email.message_from_bytes(raw)["X-Unsent"]
    '1'
    """
    # Headers stay on one line (RFC 5322 allows 998 characters): Python's folding of a
    # long subject starts it on a continuation line, which some programs show indented.
    return to_message(draft).as_bytes(policy=_EML_POLICY)


def mailto_link(draft: Draft, *, max_chars: int = MAILTO_MAX_CHARS) -> str | None:
    """A ``mailto:`` link that opens the draft in the mail program, or ``None``.

    Subject and body are percent-encoded (line breaks as ``%0D%0A``, RFC 6068). No
    attachment can travel in a link; with a résumé to attach, or when the link
    would be longer than ``max_chars``, use the ``.eml`` (:func:`write_draft`).

    Examples
    --------
    >>> mailto_link(Draft("outreach", "Hi there", subject="Hello & welcome",
    ...                   to_address="ana@mail.example"))
    'mailto:ana@mail.example?subject=Hello%20%26%20welcome&body=Hi%20there'
    """
    body = draft.body.replace("\r\n", "\n").replace("\n", "\r\n")
    to = _address(draft.to_address, whose=f"{_one_line(draft.to_name) or 'the recipient'}'s")
    subject = _one_line(draft.subject or _SUBJECTS.get(draft.kind, ""))
    link = (f"mailto:{quote(to, safe='@')}"
            f"?subject={quote(subject, safe='')}"
            f"&body={quote(body, safe='')}")
    return link if len(link) <= max_chars else None


def parse_mailto(link: str) -> dict[str, str]:
    """``to``, ``subject`` and ``body`` of a ``mailto:`` link (body with ``\\n`` breaks)."""
    if not str(link).startswith("mailto:"):
        raise ParameterError(f"{str(link)[:40]!r} is not a mailto: link")
    head, _, query = str(link)[len("mailto:"):].partition("?")
    out = {"to": unquote(head), "subject": "", "body": ""}
    for part in query.split("&") if query else []:
        key, _, value = part.partition("=")
        out[unquote(key).casefold()] = unquote(value)
    out["body"] = out["body"].replace("\r\n", "\n")
    return out


_LETTER_CSS = """
@page { size: A4; margin: 25mm 22mm; }
body { font: 11pt/1.45 Georgia, "Times New Roman", serif; color: #111; max-width: 165mm;
       margin: 0 auto; }
.sender { text-align: right; white-space: pre-line; margin-bottom: 12mm; }
.recipient { white-space: pre-line; margin-bottom: 8mm; }
.date { margin-bottom: 8mm; }
.body p { margin: 0 0 4mm; white-space: pre-line; }
.enclosure { margin-top: 8mm; font-size: 10pt; }
@media screen { body { margin: 2em auto; } }
"""


def letter_html(draft: Draft) -> str:
    """A printable page for a postal letter: address blocks, the date, the text.

    Every value is escaped; the page prints on one A4 sheet for a one-page letter.
    """
    day = draft.date or _dt.date.today()
    sender = "\n".join(x for x in (draft.from_name, draft.sender_postal) if x)
    recipient = "\n".join(x for x in (draft.to_name, draft.recipient_postal) if x)
    paragraphs = [p for p in re.split(r"\n\s*\n", draft.body.strip()) if p.strip()]
    out = ["<!DOCTYPE html>", "<html lang='en'><head><meta charset='utf-8'>",
           f"<title>{html.escape(draft.subject or 'Letter')}</title>",
           f"<style>{_LETTER_CSS}</style></head><body>",
           f"<div class='sender'>{html.escape(sender)}</div>",
           f"<div class='recipient'>{html.escape(recipient)}</div>",
           f"<div class='date'>{html.escape(P.human_date(day, locale=draft.locale))}</div>",
           "<div class='body'>"]
    out += [f"<p>{html.escape(p.strip())}</p>" for p in paragraphs]
    out.append("</div>")
    if draft.attachments:
        out.append("<div class='enclosure'>Enclosed: "
                   + html.escape(", ".join(Path(a).name for a in draft.attachments))
                   + "</div>")
    out.append("</body></html>")
    return "\n".join(out)


def draft_path(folder, draft: Draft, contact_id: str, *, day=None) -> Path:
    """Where a form saves ``draft`` in a log folder: ``drafts/<id>-<kind>-<date>.eml``."""
    day = day or _dt.date.today()
    ext = DRAFT_EXTENSIONS.get(draft.channel, ".eml")
    return Path(folder) / DRAFTS_DIRNAME / f"{contact_id}-{draft.kind}-{day:%Y-%m-%d}{ext}"


def write_draft(draft: Draft, path) -> Path:
    """Write the draft: an ``.eml`` for e-mail, a printable ``.html`` page for a letter.

    The file is replaced atomically (never half-written); its folder is created.

    Raises
    ------
    ParameterError
        When the file name does not end as the channel needs (``.eml`` for an
        e-mail, ``.html`` for a letter), or the résumé cannot be attached.
    """
    from .store import write_atomically

    path = Path(path)
    want = DRAFT_EXTENSIONS.get(draft.channel, ".eml")
    allowed = (".html", ".htm") if want == ".html" else (".eml",)
    if path.suffix.casefold() not in allowed:
        what = "a postal letter is written as a printable page" if want == ".html" else \
            "an e-mail draft is an .eml file"
        raise ParameterError(f"{path}: {what}; give a file name ending in {want} "
                             f"(e.g. {path.with_suffix(want).name})")
    if path.is_dir():
        raise ParameterError(f"{path} is a folder; give a file name ending in {want} "
                             f"(e.g. {path / ('draft' + want)})")
    data = (letter_html(draft).encode("utf-8") if want == ".html" else eml_bytes(draft))
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        return write_atomically(path, data)
    except OSError as exc:
        raise ParameterError(f"{path}: cannot write the draft ({exc.strerror or exc}); "
                             "choose a folder you can write to") from None


# --- drafts from the log -----------------------------------------------------------------
def subject_for(kind: str, *, your_name: str = "", company: str = "") -> str:
    """The subject line of a draft of ``kind``."""
    if kind not in _SUBJECTS:
        raise ParameterError(f"draft kind {kind!r} is not known; use one of "
                             + ", ".join(DRAFT_KINDS))
    subject = _SUBJECTS[kind]
    if kind == "thank_you":
        subject = "Thank you for your time" + (f" — {your_name}" if your_name else "")
    elif kind == "outreach" and company:
        subject += f" about your work at {company}"
    return subject


def _contact(log, contact_id: str) -> dict:
    c = log.raw_contacts
    hit = c[c[S.CONTACT_ID] == contact_id]
    if not len(hit):
        known = ", ".join(list(c[S.CONTACT_ID])[:5])
        raise ParameterError(f"contact {contact_id!r} is not in {log.folder / S.CONTACTS_FILE}"
                             + (f"; ids look like {known}" if known else
                                "; the log has no contacts yet"))
    return {k: str(v) for k, v in hit.iloc[0].items()}


def _saved(log, section: str, contact_id: str) -> dict:
    state = log.plan_section(section, contact_id)
    return dict(state) if isinstance(state, dict) else {}


def _last(log, contact_id: str, kinds, *, as_of: _dt.date):
    i = log.interactions
    end = _dt.datetime.combine(as_of, _dt.time.max)
    hit = i[(i[S.CONTACT_ID] == contact_id) & i[S.KIND].isin(list(kinds)) & (i[S.DATE] <= end)]
    if not len(hit):
        return None
    row = hit.sort_values(S.DATE, kind="stable").iloc[-1]
    return row[S.KIND], row[S.DATE].date()


def _signed_name(log) -> str:
    """Your name as last signed on a letter (notebook 03), when the profile has none."""
    letters = log.plan_section("letters", default={}) or {}
    signed = [(str(d.get("_saved_at", "")), str(d.get("sender_name", "")).strip())
              for d in letters.values() if isinstance(d, dict)]
    signed = [s for s in signed if s[1]]
    return max(signed)[1] if signed else ""


def compose_draft(log, kind: str, contact_id: str, *, as_of=None) -> Draft:
    """The draft of ``kind`` for one contact, from the log and what the forms saved.

    Parameters
    ----------
    log : ContactLog
        The open log.
    kind : str
        One of :data:`DRAFT_KINDS`.
    contact_id : str
        The person the draft goes to (for ``tell_referrer``: the one who referred you).
    as_of : date or str, optional
        Today (default: the real today); dates the letter and picks the latest events.

    Returns
    -------
    Draft
        With the résumé attached to outreach and follow-up drafts when the profile
        keeps one.

    Raises
    ------
    ParameterError
        For an unknown kind or contact, or a draft that has nothing to say yet (e.g.
        a thank-you to someone who never answered).
    """
    if kind not in DRAFT_KINDS:
        raise ParameterError(f"draft kind {kind!r} is not known; use one of "
                             + ", ".join(DRAFT_KINDS))
    today = P._day(as_of, what="as_of") if as_of not in (None, "") else _dt.date.today()
    row = _contact(log, contact_id)
    me = load_profile(log)
    if not me.name:
        me = replace(me, name=_signed_name(log))
    name = row.get(S.NAME, "")
    company = row.get(S.COMPANY, "")
    addr = row.get(S.EMAIL, "").strip()
    if addr and not _ADDRESS_RE.match(addr):
        raise ParameterError(f"{Path(log.folder) / S.CONTACTS_FILE}: contact {contact_id}, "
                             f"column {S.EMAIL}: {addr!r} is not an e-mail address (like "
                             "name@example.com); correct it there, then draft again")
    channel = "email"
    attach: tuple[Path, ...] = ()
    if kind == "outreach":
        saved = _saved(log, "letters", contact_id)
        parts = {k: saved.get(k, "") or "" for k in P.LETTER_PARTS}
        parts["recipient_name"] = parts["recipient_name"] or name
        parts["sender_name"] = parts["sender_name"] or me.name
        parts["sender_details"] = parts["sender_details"] or me.details
        if not parts["ask"]:
            parts["ask"] = P.suggest_ask()
        if me.resume is not None and not parts["resume"]:
            parts["resume"] = P.resume_sentence(saved.get("channel") or "email")
        channel = saved.get("channel") or "email"
        body = P.compose_letter(short=bool(saved.get("short")), locale=me.locale, **parts)
        attach = (me.resume,) if me.resume is not None else ()
    elif kind == "follow_up":
        sent = _last(log, contact_id, (S.OUTREACH,), as_of=today)
        letter = _saved(log, "letters", contact_id)
        body = P.compose_follow_up(name, sent_on=sent[1] if sent else None,
                                   time_window=letter.get("time_window", ""),
                                   your_name=me.name or letter.get("sender_name", ""),
                                   sender_details=me.details or letter.get("sender_details", ""),
                                   locale=me.locale)
        attach = (me.resume,) if me.resume is not None else ()
    elif kind == "thank_you":
        saved = _saved(log, "thank_you", contact_id)
        answered = _last(log, contact_id, S.RESPONSE_KINDS, as_of=today)
        if answered is None:
            raise ParameterError(f"{name} ({contact_id}) has not answered yet (no response in "
                                 "the log); a thank-you follows a reply or a meeting")
        points = [p.strip() for p in P._LINE_END.split(str(saved.get("points", ""))) if p.strip()]
        refs = [r.strip() for r in str(saved.get("referrals", "")).split(",") if r.strip()]
        body = P.compose_thank_you(name, points=points, company=company,
                                   your_name=saved.get("your_name") or me.name,
                                   meeting_date=answered[1], referrals=refs,
                                   next_step=saved.get("next_step", ""),
                                   occasion=answered[0], locale=me.locale)
        channel = "letter" if saved.get("channel") == "letter" else "email"
    elif kind == "update":
        saved = _saved(log, "updates", contact_id)
        met = _last(log, contact_id, (S.MEETING_HELD,), as_of=today)
        body = P.compose_update(name, advice=saved.get("advice", ""),
                                progress=saved.get("progress", ""),
                                your_name=saved.get("your_name") or me.name,
                                met_on=met[1] if met else None, locale=me.locale)
        channel = "letter" if saved.get("channel") == "letter" else "email"
    elif kind == "tell_referrer":
        c = log.raw_contacts
        theirs = c[c[S.REFERRED_BY] == contact_id]
        if not len(theirs):
            raise ParameterError(f"nobody in the log was referred by {name} ({contact_id}); "
                                 "set referred_by on the person they named first")
        best = None
        for cid, ref_name in zip(theirs[S.CONTACT_ID], theirs[S.NAME]):
            got = _last(log, cid, S.RESPONSE_KINDS, as_of=today)
            if got is not None and (best is None or got[1] > best[2]):
                best = (ref_name, got[0], got[1])
        referred = best[0] if best else str(theirs[S.NAME].iloc[-1])
        outcome = "met" if best and best[1] == S.MEETING_HELD else "replied"
        body = P.compose_tell_referrer(name, referred=referred, outcome=outcome,
                                       your_name=me.name, locale=me.locale)
    else:  # network_ask
        saved = log.plan_section("network_ask", default={}) or {}
        ask = str(saved.get("text", "") if isinstance(saved, dict) else "").strip()
        if not ask:
            raise ParameterError("no network ask saved yet: write it in notebook 02 "
                                 "(Find people) first")
        return network_ask_draft(ask, profile=me, to_name=name,
                                 to_address=row.get(S.EMAIL, ""), day=today)
    return Draft(kind=kind, body=body, subject=subject_for(kind, your_name=me.name,
                                                            company=company),
                 to_name=name, to_address=row.get(S.EMAIL, ""), channel=channel,
                 from_name=me.name, from_address=me.email, attachments=attach,
                 recipient_postal="\n".join(x for x in (company, row.get(S.WORK_ADDRESS, ""))
                                            if x),
                 sender_postal=me.address, date=today, locale=me.locale)


def network_ask_draft(ask: str, *, profile: Profile, to_name: str = "", to_address: str = "",
                      day: _dt.date | None = None) -> Draft:
    """The ask to your network (notebook 02) as an e-mail draft to one person, or to
    nobody yet (the mail program asks whom to send it to).

    Parameters
    ----------
    ask : str
        The composed question (:func:`infoint_nb.planning.compose_network_ask`).
    profile : Profile
        Your details; the sign-off uses your name (``[your name]`` when none is known).
    to_name, to_address : str
        The person it goes to; empty for a draft without a recipient (``Hello,``).
    day : date, optional
        The draft's date (default today).

    Examples
    --------
    >>> d = network_ask_draft("Do you know a UX researcher in Chicago?",
    ...                       profile=Profile(name="Rosa Díaz"), to_name="Dana Whitfield")
    >>> print(d.body)
    Dear Dana,
    <BLANKLINE>
    Do you know a UX researcher in Chicago?
    <BLANKLINE>
    Kind regards,
    Rosa Díaz
    """
    body = "\n\n".join([P.greeting(to_name), str(ask).strip(),
                         P.SIGN_OFF + "\n" + (profile.name or "[your name]")])
    return Draft(kind="network_ask", body=body,
                 subject=subject_for("network_ask", your_name=profile.name),
                 to_name=to_name, to_address=to_address, channel="email",
                 from_name=profile.name, from_address=profile.email,
                 date=day or _dt.date.today(), locale=profile.locale)


def with_resume(draft: Draft, profile: Profile) -> Draft:
    """``draft`` with the profile's résumé attached (unchanged when there is none)."""
    if profile.resume is None or profile.resume in draft.attachments:
        return draft
    return replace(draft, attachments=draft.attachments + (profile.resume,))


