"""Address books exported as vCards (3.0 and 4.0): :func:`import_vcard`.

Lines are unfolded, properties split with their parameters and escapes; ``FN``/``N``,
``ORG``, ``TITLE``, ``EMAIL``, ``TEL`` (work first), ``ADR``, a LinkedIn ``URL`` and
``NOTE`` become contact fields; cards of organisations and cards without a name are
skipped.
"""
from __future__ import annotations

import re
from pathlib import Path

from .. import schema as S
from ..errors import ParameterError
from .merging import ImportReport, _Candidate, _commit, _planner, _set_skipped, _today_text
from .reading import _Problems, _VCARD, _check_text, _encoding_warning, _physical_lines, _read_text


def _unfold(text: str) -> list[tuple[int, str]]:
    """Logical lines with the physical line each starts on (RFC 6350 §3.2 folding).

    Linear in the size of the file: the pieces of a folded line are joined once.
    """
    out: list[tuple[int, list[str]]] = []
    for n, line in enumerate(_physical_lines(text), start=1):
        if line[:1] in (" ", "\t") and out:
            out[-1][1].append(line[1:])
        else:
            out.append((n, [line]))
    return [(n, "".join(parts)) for n, parts in out]


def _split_unescaped(value: str, sep: str) -> list[str]:
    parts, buf, i = [], [], 0
    while i < len(value):
        ch = value[i]
        if ch == "\\" and i + 1 < len(value):
            buf.append(value[i:i + 2])
            i += 2
            continue
        if ch == sep:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
        i += 1
    parts.append("".join(buf))
    return parts


def _unescape(value: str) -> str:
    return re.sub(r"\\(.)", lambda m: "\n" if m.group(1) in "nN" else m.group(1), value)


def _parse_property(line: str) -> tuple[str, dict, str] | None:
    """``NAME;PARAM=a,b;TYPE=work:value`` → (NAME, {param: [values]}, value)."""
    in_quotes = False
    for i, ch in enumerate(line):
        if ch == '"':
            in_quotes = not in_quotes
        elif ch == ":" and not in_quotes:
            head, value = line[:i], line[i + 1:]
            break
    else:
        return None
    pieces = _split_params(head)
    name = pieces[0].rsplit(".", 1)[-1].strip().upper()  # drop a group prefix (item1.EMAIL)
    params: dict[str, list[str]] = {}
    for p in pieces[1:]:
        key, eq, val = p.partition("=")
        if not eq:  # vCard 2.1 bare type: TEL;WORK;VOICE
            key, val = "TYPE", key
        vals = [v.strip().strip('"').casefold() for v in val.split(",")]
        params.setdefault(key.strip().upper(), []).extend(vals)
    return name, params, value


def _split_params(head: str) -> list[str]:
    out, buf, in_quotes = [], [], False
    for ch in head:
        if ch == '"':
            in_quotes = not in_quotes
        if ch == ";" and not in_quotes:
            out.append("".join(buf))
            buf = []
        else:
            buf.append(ch)
    out.append("".join(buf))
    return out


def _preferred(props: list, prefer: tuple[str, ...]):
    """The property with a preferred TYPE (or PREF), else the first one."""
    def rank(p):
        types = set(p[1].get("TYPE", []))
        pref = "pref" in types or "1" in p[1].get("PREF", [])
        for k, t in enumerate(prefer):
            if t in types:
                return (k, not pref)
        return (len(prefer), not pref)
    return min(props, key=rank) if props else None


def _vcard_candidates(path: Path, *, today: str, problems: _Problems,
                      warnings: list[str]) -> tuple[list, list, str]:
    text, encoding = _read_text(path)
    lines = _unfold(text)
    _check_text(path.name, ((n, None, line) for n, line in lines), encoding=encoding)
    cards: list[tuple[int, list]] = []
    current = None
    for n, line in lines:
        if not line.strip():
            continue
        upper = line.strip().upper()
        if upper == "BEGIN:VCARD":
            current = (n, [])
            continue
        if upper == "END:VCARD":
            if current is not None:
                cards.append(current)
            current = None
            continue
        if current is not None:
            prop = _parse_property(line)
            if prop is not None:
                current[1].append(prop)
    if current is not None:
        problems.add(current[0], None, None, "this vCard has BEGIN:VCARD but no END:VCARD; "
                     "the file seems cut off — export it again", "cut-off")
    if not cards:
        raise ParameterError(f"{path.name}: no vCards found (no BEGIN:VCARD … END:VCARD); "
                             "export contacts from your address book as .vcf")
    candidates, skipped = [], []
    qp = other_urls = 0
    for row, props in cards:
        by: dict[str, list] = {}
        for name, params, value in props:
            if "QUOTED-PRINTABLE" in [v.upper() for v in params.get("ENCODING", [])] or \
                    "quoted-printable" in params.get("TYPE", []):
                qp += 1
            by.setdefault(name, []).append((name, params, value))

        def text_of(name):
            p = by.get(name)
            return _unescape(p[0][2]).strip() if p else ""
        kind = text_of("KIND").casefold()
        if kind in ("org", "group", "location"):
            skipped.append((row, f"not a person (KIND:{kind})"))
            continue
        name = text_of("FN")
        if not name and by.get("N"):
            n_parts = [_unescape(x).strip() for x in _split_unescaped(by["N"][0][2], ";")]
            n_parts += [""] * (5 - len(n_parts))
            family, given, additional, prefix, suffix = n_parts[:5]
            name = " ".join(p for p in (prefix, given, additional, family, suffix) if p)
        if not name:
            skipped.append((row, "no name (no FN or N)"))
            continue
        fields = {S.NAME: re.sub(r"\s+", " ", name)}
        if by.get("ORG"):
            fields[S.COMPANY] = _unescape(_split_unescaped(by["ORG"][0][2], ";")[0]).strip()
        fields[S.ROLE] = text_of("TITLE") or text_of("ROLE")
        email = _preferred(by.get("EMAIL", []), ("work", "internet"))
        if email:
            fields[S.EMAIL] = re.sub(r"^mailto:", "", _unescape(email[2]).strip(), flags=re.I)
        tel = _preferred(by.get("TEL", []), ("work", "cell", "mobile", "voice"))
        if tel:
            number = tel[2].strip()
            if number.casefold().startswith("tel:"):
                number, _, rest = number[4:].partition(";")
                ext = re.search(r"(?:^|;)ext=([^;]+)", rest)
                if ext:
                    fields[S.EXTENSION] = ext.group(1)
            fields[S.PHONE] = _unescape(number).strip()
        adr = _preferred(by.get("ADR", []), ("work",))
        if adr:
            parts = [_unescape(x).strip() for x in _split_unescaped(adr[2], ";")]
            parts += [""] * (7 - len(parts))
            _pobox, _ext, street, city, region, code, country = parts[:7]
            fields[S.WORK_ADDRESS] = ", ".join(
                p for p in (street.replace("\n", ", "), " ".join(x for x in (code, city) if x),
                            region, country) if p)
            fields[S.LOCATION] = ", ".join(p for p in (city, region) if p)
        urls = [_unescape(p[2]).strip() for p in by.get("URL", []) + by.get("X-SOCIALPROFILE", [])]
        linked = [u for u in urls if "linkedin.com" in u.casefold()]
        other_urls += len(urls) - len(linked)
        if linked:
            fields[S.LINKEDIN_URL] = re.sub(r"^x-apple:", "", linked[0])
        fields[S.NOTES] = text_of("NOTE")
        fields = {k: v for k, v in fields.items() if v}
        candidates.append(_Candidate(row, fields, {S.SOURCE: "personal_network",
                                                   S.ADDED_ON: today}, []))
    if qp:
        warnings.append(f"{qp} value(s) are quoted-printable (vCard 2.1) and were read as they "
                        "are; export as vCard 3.0 or 4.0 for clean text")
    if other_urls:
        warnings.append(f"{other_urls} web address(es) that are not LinkedIn profiles were "
                        "left out")
    return candidates, skipped, encoding


def import_vcard(log, path, *, dry_run: bool = False, today=None,
                 since: ImportReport | None = None) -> ImportReport:
    """Import an address book exported as vCards (``.vcf``, versions 3.0 and 4.0).

    Read: ``FN`` (or ``N``) → name, ``ORG`` → company, ``TITLE`` → role, ``EMAIL`` and
    ``TEL`` (work first), ``ADR`` → work_address and location, a LinkedIn ``URL`` →
    linkedin_url, ``NOTE`` → notes. New people get ``source`` ``personal_network`` and
    ``added_on`` today. Cards of organisations (``KIND:org``) and cards without a name
    are skipped.

    Parameters
    ----------
    log : ContactLog
        The log to import into.
    path : str or Path
        The ``.vcf`` file (one or many cards).
    dry_run : bool
        Report what would change; write nothing.
    today : date or str, optional
        ``added_on`` for new people (default: today).

    Returns
    -------
    ImportReport
    """
    path = Path(path)
    problems = _Problems(path.name)
    report = ImportReport(source=path.name, kind=_VCARD,
                          mapping={"FN/N": S.NAME, "ORG": S.COMPANY, "TITLE": S.ROLE,
                                   "EMAIL": S.EMAIL, "TEL": S.PHONE, "ADR": S.WORK_ADDRESS,
                                   "URL": S.LINKEDIN_URL, "NOTE": S.NOTES})
    candidates, skipped, encoding = _vcard_candidates(path, today=_today_text(today),
                                                      problems=problems,
                                                      warnings=report.warnings)
    report.encoding = encoding
    report.warnings[:0] = _encoding_warning(encoding)
    problems.raise_if_any()
    _set_skipped(report, skipped)
    return _commit(log, _planner(candidates, report), dry_run=dry_run,
                   action=f"import vcard {path.name}", since=since)
