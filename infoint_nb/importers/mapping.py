"""Which log field each column of a file feeds.

:func:`guess_mapping` guesses from the headers (and the values), :func:`parse_map_args`
reads ``COLUMN=FIELD`` overrides, :func:`field_choices` and :func:`describe_field` are what
the form offers; a target is a contact field, ``first_name``/``last_name``, an interaction
spec ``KIND[:CHANNEL]`` or :data:`IGNORE`. :func:`_fold_choice` accepts an allowed value
written with other case or spaces.
"""
from __future__ import annotations

import re

from .. import schema as S
from ..errors import ParameterError
from ..store import norm_linkedin_url


#: The mapping target meaning "leave this column out".
IGNORE = ""
#: Pseudo-fields joined into ``name`` (``First Name`` + ``Last Name``).
FIRST_NAME, LAST_NAME = "first_name", "last_name"
NAME_PARTS: tuple[str, ...] = (FIRST_NAME, LAST_NAME)
#: Contact fields a column may be mapped to (``contact_id`` matches people by id).
CONTACT_FIELDS: tuple[str, ...] = S.CONTACT_COLUMNS
#: Interaction specs offered in the form's dropdowns (any ``KIND[:CHANNEL]`` is accepted).
INTERACTION_SPEC_CHOICES: tuple[str, ...] = (
    "outreach:email", "outreach:phone", "outreach:letter", "outreach:linkedin",
    "follow_up:email", "follow_up:phone", "voicemail:phone", "message_left:phone",
    "reply", "reply_yes", "reply_no", "reply_later", "reply_referral",
    "meeting_held", "meeting_held:in_person", "meeting_held:video", "meeting_held:phone",
    "thank_you:email", "thank_you:letter", "update:email",
)


#: A LinkedIn profile URL reduced to what identifies the profile (one definition, in store).
normalize_linkedin_url = norm_linkedin_url


def _key(header: str) -> str:
    return re.sub(r"[\W_]+", "", str(header).casefold())


_GUESSES: dict[str, str] = {}


def _guess(field_: str, *headers: str) -> None:
    for h in headers:
        _GUESSES[_key(h)] = field_


for _c in S.CONTACT_COLUMNS:
    _guess(_c, _c)
_guess(S.NAME, "name", "full name", "contact", "contact name", "person", "display name",
       "formatted name")
_guess(FIRST_NAME, "first name", "first", "given name", "forename", "vorname", "prénom")
_guess(LAST_NAME, "last name", "last", "surname", "family name", "nachname", "nom")
_guess(S.COMPANY, "company", "firm", "organization", "organisation", "organization name",
       "organisation name", "organization 1 - name", "employer", "company name", "org",
       "business", "firma", "société", "entreprise")
_guess(S.ROLE, "title", "job title", "position", "role", "job", "occupation",
       "organization title", "organization 1 - title", "function", "funktion")
_guess(S.INDUSTRY, "industry", "sector", "field", "branche")
_guess(S.LOCATION, "location", "city", "town", "region", "place", "ort", "ville")
_guess(S.EMAIL, "email", "e-mail", "email address", "e-mail address", "mail", "work email",
       "business email", "e-mail 1 - value", "email 1 - value", "courriel")
_guess(S.PHONE, "phone", "telephone", "tel", "phone number", "mobile", "mobile phone", "cell",
       "cell phone", "business phone", "work phone", "phone 1 - value", "telefon",
       "téléphone", "handy")
_guess(S.EXTENSION, "ext", "extension", "phone extension")
_guess(S.WORK_ADDRESS, "address", "work address", "business address", "office address",
       "street", "adresse")
_guess(S.LINKEDIN_URL, "linkedin", "linkedin url", "linkedin profile", "profile url",
       "linkedin link", "url")
_guess(S.SOURCE, "source", "lead source", "how found", "found via")
_guess(S.MUTUAL_CONNECTION, "mutual connection", "referred by", "referral", "referrer",
       "introduced by", "connection", "shared connection")
_guess(S.CITE_PERMISSION, "cite permission", "may cite", "permission to cite")
_guess(S.PRIORITY, "priority", "prio", "rank")
_guess(S.ADDED_ON, "added on", "date added", "added", "created", "created on",
       "connected on")
_guess(S.NOTES, "notes", "note", "comments", "comment", "remarks", "memo", "notizen")
_guess("outreach:email", "date emailed", "emailed", "email sent", "emailed on",
       "date e-mailed", "e-mailed", "email date", "first email", "date of email")
_guess("outreach:phone", "date called", "called", "call date", "called on", "phone call",
       "date of call")
_guess("outreach:letter", "letter sent", "date mailed", "letter date", "mailed",
       "date letter sent")
_guess("outreach:linkedin", "date messaged", "messaged", "linkedin message", "inmail",
       "inmail sent")
_guess("follow_up", "follow up", "follow-up", "followed up", "follow up date",
       "date followed up", "follow-up date")
_guess("voicemail:phone", "voicemail", "left voicemail", "voicemail left", "date voicemail")
_guess("meeting_held", "interview date", "date of interview", "met on", "date met",
       "meeting date", "meeting held", "interviewed", "informational interview",
       "interviewed on")
_guess("thank_you", "thank you", "thank-you", "thank you sent", "date thanked", "thanked")
del _c


def describe_field(target: str) -> str:
    """How a mapping target reads in reports and dropdowns.

    Examples
    --------
    >>> describe_field("outreach:email"), describe_field(""), describe_field("company")
    ('an interaction: outreach by email on each date', '(ignored)', 'company')
    """
    if target == IGNORE:
        return "(ignored)"
    if target in NAME_PARTS:
        return f"{target.replace('_', ' ')} (joined into name)"
    spec = _parse_spec(target)
    if spec is not None:
        kind, channel = spec
        how = f" by {channel}" if channel else ""
        return f"an interaction: {kind.replace('_', ' ')}{how} on each date"
    return target


def _parse_spec(target: str) -> tuple[str, str] | None:
    kind, _, channel = target.partition(":")
    if kind in S.KINDS and (channel == "" or channel in S.CHANNELS):
        return kind, channel
    return None


def field_choices() -> list[tuple[str, str]]:
    """``(label, value)`` pairs for a mapping dropdown: ignore, contact fields, interactions."""
    out = [("(ignore)", IGNORE)]
    out += [(f, f) for f in CONTACT_FIELDS]
    out += [(f"{f.replace('_', ' ')} (joined into name)", f) for f in NAME_PARTS]
    out += [(f"interaction: {s}", s) for s in INTERACTION_SPEC_CHOICES]
    return out


def _check_target(target: str, column: str) -> str:
    """A valid mapping target (``-``/``ignore``/empty → ``""``) or a ParameterError."""
    t = target.strip()
    if t in ("", "-", "ignore"):
        return IGNORE
    if t in CONTACT_FIELDS or t in NAME_PARTS or _parse_spec(t) is not None:
        return t
    kind, colon, channel = t.partition(":")
    if colon:
        if kind not in S.KINDS:
            g = S.suggest(kind, S.KINDS)
            hint = f" (did you mean {g!r}?)" if g else ""
            raise ParameterError(f"--map {column}={target}: {kind!r} is not a kind{hint}. "
                                 "Allowed kinds: " + ", ".join(S.KINDS) + ".")
        g = S.suggest(channel, S.CHANNELS)
        hint = f" (did you mean {g!r}?)" if g else ""
        raise ParameterError(f"--map {column}={target}: {channel!r} is not a channel{hint}. "
                             "Allowed channels: " + ", ".join(S.CHANNELS) + ".")
    allowed = list(CONTACT_FIELDS) + list(NAME_PARTS)
    g = S.suggest(t, allowed + list(S.KINDS))
    hint = f" Did you mean {g!r}?" if g else ""
    raise ParameterError(
        f"--map {column}={target}: {t!r} is not a field.{hint} A column maps to a contact "
        "field (" + ", ".join(allowed) + "), to an interaction as KIND or KIND:CHANNEL "
        "(e.g. outreach:email, meeting_held; kinds: " + ", ".join(S.KINDS) + "), or to - "
        "to ignore it.")


def guess_mapping(columns, rows=None) -> dict[str, str]:
    """Guess the log field of each column from its header (and, for ``URL``, its values).

    Parameters
    ----------
    columns : list of str
        The header.
    rows : list of list of str, optional
        Data rows: a generic ``URL``/``Website`` column is taken as ``linkedin_url``
        only when its values are LinkedIn addresses.

    Returns
    -------
    dict
        Column → field, interaction spec, or ``""`` (ignored). When two columns guess
        the same field (``Phone`` and ``Mobile``), the first wins and the second is
        ignored; ``notes`` may come from several columns.

    Examples
    --------
    >>> guess_mapping(["Full Name", "Firm", "Date Emailed", "Shoe size"])
    {'Full Name': 'name', 'Firm': 'company', 'Date Emailed': 'outreach:email', 'Shoe size': ''}
    """
    out: dict[str, str] = {}
    # a header that is a field's own name (an exported contacts.csv) is that field, before
    # any guess: ``referred_by`` is the referrer's id, not the ``mutual_connection`` that a
    # header "Referred by" is guessed to be
    exact = {col: col for col in columns if col in CONTACT_FIELDS}
    taken: set[str] = set(exact.values())
    for j, col in enumerate(columns):
        if col in exact:
            out[col] = col
            continue
        target = _GUESSES.get(_key(col), IGNORE)
        if _key(col) in ("url", "website", "web", "profile", "homepage") and rows is not None:
            values = [r[j] for r in rows if j < len(r) and r[j].strip()]
            linked = sum("linkedin." in v.casefold() for v in values)
            target = S.LINKEDIN_URL if values and linked * 2 >= len(values) else IGNORE
        if target in taken and target != S.NOTES and _parse_spec(target) is None:
            target = IGNORE
        if target:
            taken.add(target)
        out[col] = target
    if S.NAME in taken:  # a full-name column makes First/Last redundant
        for col, target in out.items():
            if target in NAME_PARTS:
                out[col] = IGNORE
    return out


def parse_map_args(items, columns=None) -> dict[str, str]:
    """``["Firm=company", "Called=outreach:phone", "Shoe=-"]`` → ``{column: target}``.

    Parameters
    ----------
    items : list of str
        ``COLUMN=FIELD`` strings (``--map`` values). FIELD is a contact field,
        ``first_name``/``last_name``, an interaction spec ``KIND[:CHANNEL]``, or ``-``
        to ignore the column.
    columns : list of str, optional
        The file's header; when given, COLUMN must be one of them (matched ignoring
        case and spaces).

    Raises
    ------
    ParameterError
        For a malformed item, an unknown column or an unknown field.
    """
    out: dict[str, str] = {}
    for item in items or ():
        col, eq, target = str(item).rpartition("=")
        if not eq or not col.strip():
            raise ParameterError(f"--map {item!r}: write COLUMN=FIELD, e.g. --map "
                                 "'Firm=company' or --map 'Date Called=outreach:phone'")
        col = col.strip()
        if columns is not None:
            col = _resolve_column(col, columns)
        out[col] = _check_target(target, col)
    return out


def _resolve_column(col: str, columns) -> str:
    if col in columns:
        return col
    for c in columns:
        if _key(c) == _key(col):
            return c
    keys = {_key(c): c for c in columns}
    close = S.suggest(_key(col), list(keys))
    hint = f"; did you mean {keys[close]!r}?" if close else "."
    raise ParameterError(f"--map: the file has no column {col!r}{hint} Its columns: "
                         + ", ".join(repr(c) for c in columns) + ".")


def _final_mapping(table: SourceTable, overrides: dict | None) -> tuple[dict, list[str]]:
    """The guess with ``overrides`` applied; guessed columns that now collide are ignored."""
    warnings = []
    mapping = guess_mapping(table.columns, table.rows)
    if overrides:
        fixed = {_resolve_column(c, table.columns): _check_target(t, c)
                 for c, t in overrides.items()}
        explicit_targets = {t for t in fixed.values() if t}
        for col, target in mapping.items():
            if col in fixed:
                continue
            if target and target in explicit_targets and target != S.NOTES \
                    and _parse_spec(target) is None:
                mapping[col] = IGNORE
                warnings.append(f"column {col!r} is ignored: {target} comes from the "
                                "column you mapped to it")
        mapping.update(fixed)
    seen: dict[str, str] = {}
    for col, target in mapping.items():
        if not target or target == S.NOTES or _parse_spec(target) is not None:
            continue
        if target in seen:
            raise ParameterError(
                f"{table.label}: columns {seen[target]!r} and {col!r} both map to {target}; "
                f"ignore one of them, e.g. --map '{col}=-'")
        seen[target] = col
    if not ({S.NAME, FIRST_NAME, LAST_NAME} & set(mapping.values())):
        raise ParameterError(
            f"{table.label}: no column holds the names. Map one with --map 'COLUMN=name' "
            "(or first_name and last_name). Columns: "
            + ", ".join(repr(c) for c in table.columns) + ".")
    return mapping, warnings


def _fold_choice(value: str, allowed, what: str, column: str, row: int, problems: _Problems,
                 folded: Counter) -> str:
    """An allowed value, also when written with other case or spaces (``Career Center``)."""
    if value in allowed:
        return value
    guess = S.suggest(value, allowed)
    if guess is not None and _key(guess) == _key(value):
        folded[(column, value, guess)] += 1
        return guess
    hint = f"; did you mean {guess!r}?" if guess else ""
    problems.add(row, column, value, f"not {what}{hint} Allowed: " + ", ".join(allowed)
                 + ". Correct it in the file, or leave the cell empty.", "not-allowed")
    return ""
