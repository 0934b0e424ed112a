"""The ``infoint`` command.

Exit status: 0 when all went well, 2 for a user's mistake (a short message on
stderr, no traceback), 1 only for a bug.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import vocabulary as V
from .errors import InfointError, ParameterError

__all__ = ["main", "build_parser"]

EXIT_OK, EXIT_BUG, EXIT_USER = 0, 1, 2


#: a command-line mistake (exit 2): the package's ParameterError, under its old name here
UsageError = ParameterError


# --- shared helpers for command bodies ---------------------------------------------
def _say(msg: str) -> None:
    print(msg, file=sys.stderr)


def _open_log(args, *, read_only: bool = True):
    """Open ``args.log``; without it (read-only commands) the sample campaign, said on stderr."""
    from . import config
    from .store import ContactLog

    if getattr(args, "log", None) is None:
        if not read_only:
            raise UsageError("this command changes a log: name it with --log DIR")
        _say(f"infoint: no --log given, using the sample campaign in {config.SAMPLE_DIR}")
        return ContactLog.open(config.SAMPLE_DIR)
    return ContactLog.open(Path(args.log))


def _parse_date_arg(value: str | None, flag: str):
    """A ``datetime.date`` from a command-line value, or None."""
    if value is None:
        return None
    from .schema import parse_day
    return parse_day(value, name=flag)


def _as_of(args, log):
    """``--as-of`` as a date, else ``log.default_as_of()`` (the sample's last
    interaction for the sample, today for any other log)."""
    given = _parse_date_arg(getattr(args, "as_of", None), "--as-of")
    if given is not None:
        return given
    return log.default_as_of()


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


# --- init / check / add / restore ---------------------------------------------------
def _cmd_init(args) -> int:
    from .store import ContactLog
    log = ContactLog.init(Path(args.dir))
    print(f"created an empty log in {log.folder} (contacts.csv, interactions.csv)")
    return EXIT_OK


def _cmd_check(args) -> int:
    from .errors import LogValidationError
    from .store import ContactLog
    folder = Path(args.dir)
    try:
        log = ContactLog.open(folder)
    except LogValidationError as exc:
        for p in exc.problems:
            print(str(p).replace(p.file, str(folder / p.file), 1) if p.file else str(p))
        _say(f"infoint check: {folder}: {_plural(len(exc.problems), 'problem')}; "
             "nothing was changed")
        return EXIT_USER
    n_c, n_i = len(log.raw_contacts), len(log.raw_interactions)
    print(f"{folder}: ok — {_plural(n_c, 'contact')}, {_plural(n_i, 'interaction')}"
          + (", plan.json" if (folder / "plan.json").exists() else ""))
    return EXIT_OK


def _cmd_add(args) -> int:
    log = _open_log(args, read_only=False)
    fields = dict(args.fields)
    if args.what == "contact":
        cid = log.add_contact(different_person=args.different_person, **fields)
        print(cid)
    else:
        cid = fields.pop("contact_id", None)
        kind = fields.pop("kind", None)
        if not cid or not kind:
            raise UsageError("add interaction needs --contact-id ID and --kind KIND")
        date = fields.pop("date", None) or None
        iid = log.add_interaction(cid, kind, date, **fields)
        print(iid)
    return EXIT_OK


def _cmd_delete(args) -> int:
    log = _open_log(args, read_only=False)
    if args.what == "contact":
        n = log.delete_contact(args.id, confirm=args.confirm)
        print(f"deleted {args.id} and {_plural(n, 'interaction')}")
    else:
        log.delete_interaction(args.id)
        print(f"deleted {args.id}")
    return EXIT_OK


def _cmd_restore(args) -> int:
    from .store import ContactLog, list_backups, restore_backup
    folder = Path(args.dir)
    if not folder.is_dir():  # say why, as `open` does, rather than "no backups yet"
        ContactLog.open(folder)
    if args.list or not args.backup:
        backups = list_backups(folder)
        if not backups:
            print(f"{folder}: no backups yet (one is kept before every change)")
            return EXIT_OK
        for b in backups:
            print(b)
        if not args.list:
            _say("infoint restore: choose one with --from NAME")
        return EXIT_OK
    # a broken log is the usual reason to restore: the current files need not validate
    restore_backup(folder, args.backup)
    print(f"{folder}: restored {args.backup} (the version it replaced is in .backups/)")
    return EXIT_OK


# --- commands filled in by their own modules --------------------------------------
def _format_table(frame, *, right=()) -> str:
    """An aligned text table: text columns left-aligned, the ``right`` ones right-aligned.

    Values are shown as they are (format numbers before); faster than ``to_string``
    on thousands of rows and free of its index and truncation.
    """
    cols = [str(c) for c in frame.columns]
    cells = [["" if v is None else str(v) for v in frame[c].tolist()] for c in frame.columns]
    widths = [max([len(name)] + [len(v) for v in col]) for name, col in zip(cols, cells)]
    def line(values):
        parts = [v.rjust(w) if name in right else v.ljust(w)
                 for name, v, w in zip(cols, values, widths)]
        return "  ".join(parts).rstrip()
    rows = [line(cols)] + [line(values) for values in zip(*cells)]
    return "\n".join(rows)


def _cmd_stats(args) -> int:
    from .campaign import Campaign

    log = _open_log(args)
    as_of = _as_of(args, log)
    table = Campaign.from_log(log, as_of=as_of).response_by(args.by)
    _say(f"infoint stats: as of {as_of.isoformat()}, {int(table['contacted'].sum())} contacted"
         f" in {_plural(len(table), 'group')} by {args.by}")
    if args.csv:
        # rates are fractions; an unreached median is an empty cell
        sys.stdout.write(table.to_csv(index=False, lineterminator="\n"))
        return EXIT_OK
    if not len(table):
        print("  ".join(table.columns) + "\n(nobody contacted yet)")
        return EXIT_OK
    shown = table.astype(object)
    for col in ("response_rate", "ci_low", "ci_high"):
        shown[col] = [f"{v:.2f}" for v in table[col]]
    shown["median_days_to_response"] = [
        "" if v != v else f"{v:g}" for v in table["median_days_to_response"]]
    print(_format_table(shown, right=set(table.columns) - {args.by}))
    return EXIT_OK


def _cmd_due(args) -> int:
    from .campaign import Cadence, Campaign
    from .schema import SCHEDULED_FOR

    log = _open_log(args)
    as_of = _as_of(args, log)
    campaign = Campaign.from_log(log, as_of=as_of, cadence=Cadence(mode=args.mode))
    due, meetings = campaign.due(), campaign.meetings()
    if args.ics:
        from .calendar import write_ics
        path = write_ics(args.ics, due, meetings)
        _say(f"infoint due: wrote {_plural(len(due) + len(meetings), 'event')} to {path}")
    if args.csv:
        sys.stdout.write(due.to_csv(index=False, date_format="%Y-%m-%d", lineterminator="\n"))
        return EXIT_OK
    if len(due):
        shown = due.astype(object)
        shown["due_on"] = due["due_on"].dt.strftime("%Y-%m-%d")
        print(f"Due as of {as_of.isoformat()} ({len(due)}):")
        print(_format_table(shown, right={"overdue_days"}))
    else:
        print(f"Nothing due as of {as_of.isoformat()}.")
    if len(meetings):
        shown = meetings.astype(object)
        shown[SCHEDULED_FOR] = meetings[SCHEDULED_FOR].dt.strftime("%Y-%m-%d %H:%M")
        print(f"\nUpcoming meetings ({len(meetings)}):")
        print(_format_table(shown))
    return EXIT_OK


def _cmd_report(args) -> int:
    from . import config
    from .reports import ReportFailedError, collect_parameters, render_each, render_report

    params = collect_parameters(
        [tuple(p) for p in args.parameter], as_of=args.as_of, start=args.start,
        end=args.end, companies=args.company, industries=args.industry)
    if args.log is None and "log_dir" not in params:
        _say(f"infoint: no --log given, using the sample campaign in {config.SAMPLE_DIR}")
    common = dict(parameters=params, redact=args.redact, html=not args.no_html)
    try:
        if args.each:
            done = render_each(args.each, args.log, args.out, **common)
            _say(f"infoint report: {_plural(len(done.reports), 'report')} by {args.each} "
                 f"in {done.out_dir}")
            print(done.index)
        else:
            result = render_report(args.log, args.out, **common)
            print(result.main)
    except ReportFailedError as exc:  # a bug-like failure: the evidence is kept, exit 1
        _say(f"infoint report: {exc}")
        return EXIT_BUG
    return EXIT_OK


def _cmd_import(args) -> int:
    from . import importers

    if _import_activity(args):
        return EXIT_OK
    path = Path(args.file)
    if not path.is_file():
        raise UsageError(f"{path}: no such file; check the path")
    if args.kind != "sheet" and (args.sheet is not None or args.map):
        raise UsageError(f"--sheet and --map are for `infoint import sheet`, not {args.kind}")
    mapping = importers.parse_map_args(args.map)
    log = _open_log(args, read_only=False)
    report = importers.import_file(log, path, kind=args.kind, sheet=args.sheet,
                                   mapping=mapping, dry_run=args.dry_run)
    print(report)
    return EXIT_OK


def _import_activity(args) -> bool:
    """``import mail`` / ``calendar`` and LinkedIn's messages.csv / Invitations.csv:
    run and print the import; False for the contact importers."""
    path = Path(args.file).expanduser()
    if args.kind not in V.ACTIVITY_IMPORT_KINDS:
        if args.me or args.with_body:
            raise UsageError(f"--me and --with-body are for `infoint import mail`, not {args.kind}")
        return False
    if args.kind == "linkedin":
        from .importers.linkedin_activity import (INVITATIONS, MESSAGES, LinkedInFormatError,
                                               detect_linkedin_file)
        try:
            which = detect_linkedin_file(path) if path.is_file() else None
        except LinkedInFormatError:
            which = None
        if which not in (MESSAGES, INVITATIONS):  # Connections.csv: the contact importer
            if args.me or args.with_body:
                raise UsageError("--me and --with-body are for LinkedIn's messages.csv and "
                                 "Invitations.csv, not Connections.csv")
            return False
    if args.kind != "mail" and not path.is_file():
        raise UsageError(f"{path}: no such file; check the path")
    if args.sheet is not None or args.map:
        raise UsageError(f"--sheet and --map are for `infoint import sheet`, not {args.kind}")
    log = _open_log(args, read_only=False)
    opts = dict(dry_run=args.dry_run)
    if args.kind == "mail":
        from .importers.mail import import_mail
        report = import_mail(log, path, me=args.me, with_body=args.with_body,
                             progress=_progress_bar(path), **opts)
    elif args.kind == "calendar":
        from .importers.calendar import import_calendar
        report = import_calendar(log, path, me=args.me, **opts)
    elif which == "messages":
        from .importers.linkedin_activity import import_linkedin_messages
        report = import_linkedin_messages(log, path, me=args.me, with_body=args.with_body,
                                          **opts)
    else:
        from .importers.linkedin_activity import import_linkedin_invitations
        report = import_linkedin_invitations(log, path, with_body=args.with_body, **opts)
    print(report if args.dry_run else report.summary())
    if args.dry_run:
        _say("infoint import: dry run, nothing was written")
    return True


def _progress_bar(path: Path):
    """A tqdm bar on stderr for a large mailbox file (none for small ones or folders)."""
    forced = _env_flag("INFOINT_PROGRESS")  # e.g. the benchmark, whose stderr is a pipe
    if not path.is_file() or not (forced or (sys.stderr.isatty()
                                             and path.stat().st_size >= (64 << 20))):
        return None
    from tqdm import tqdm
    bar = tqdm(total=path.stat().st_size, unit="B", unit_scale=True, desc="reading mail",
               file=sys.stderr, leave=True)
    state = {"n": 0}

    def update(done: int) -> None:
        bar.update(done - state["n"])
        state["n"] = done
        if done >= bar.total:
            bar.close()
    return update


def _env_flag(name: str) -> bool:
    import os
    return os.environ.get(name, "").strip().lower() in ("1", "true", "yes")


def _cmd_export(args) -> int:
    from . import exporters

    if args.raw and args.format != "csv":
        raise UsageError("--raw is for `infoint export csv`; an XLSX export always keeps "
                         "formula-like text as plain text")
    log = _open_log(args, read_only=False)
    if args.format == "xlsx":
        result = exporters.export_xlsx(log, Path(args.out), force=args.force)
    else:
        result = exporters.export_csv(log, Path(args.out), raw=args.raw, force=args.force)
    print(result)
    return EXIT_OK


def _cmd_draft(args) -> int:
    from . import drafts

    log = _open_log(args, read_only=False)
    draft = drafts.compose_draft(log, args.kind, args.contact_id,
                                 as_of=_parse_date_arg(args.as_of, "--as-of"))
    path = drafts.write_draft(draft, Path(args.out))
    print(path)
    what = "a printable letter" if draft.channel == "letter" else "an unsent e-mail draft"
    _say(f"infoint draft: wrote {what} to {draft.to_name}; open it, check it, send it, "
         "then log it as sent (nothing was logged)")
    return EXIT_OK


# --- the parser ---------------------------------------------------------------------
def _cmd_serve(args) -> int:
    import os
    import subprocess
    from .workspace import app_command, lab_command, prepare_workspace

    ws = prepare_workspace(args.dir)
    _say(f"infoint {args.command}: {ws.summary()}")
    if args.prepare_only:
        print(ws.notebooks)
        return 0
    if args.command == "app":
        import secrets
        token = secrets.token_urlsafe(24)
        cmd, env = app_command(ws, port=args.port, open_browser=not args.no_browser,
                               token=token, log_dir=args.log)
        _say(f"infoint app: the app is at http://127.0.0.1:{args.port or 8866}/?token={token}"
             + (f" (log: {args.log})" if args.log else ""))
    else:
        cmd, env = lab_command(ws, port=args.port, open_browser=not args.no_browser)
    sys.stderr.flush()
    try:
        if os.name == "posix":   # become the server, so signals (Ctrl-C, kill) reach it
            os.chdir(ws.notebooks)
            os.execve(cmd[0], cmd, env)
        return subprocess.call(cmd, env=env, cwd=ws.notebooks)
    except FileNotFoundError:
        raise UsageError(f"{cmd[0]} is not installed here: pip install infoint_nb "
                         "(it brings jupyterlab and voila)") from None


def _parse_field_args(extra: list[str]) -> list[tuple[str, str]]:
    """``--field-name VALUE`` pairs (kebab-case) into ``(field_name, value)``."""
    out = []
    i = 0
    while i < len(extra):
        tok = extra[i]
        if not tok.startswith("--"):
            raise UsageError(f"unexpected {tok!r}: give fields as --field-name VALUE")
        name, eq, val = tok[2:].partition("=")
        if not eq:
            if i + 1 >= len(extra):
                raise UsageError(f"--{name} needs a value")
            val = extra[i + 1]
            i += 1
        out.append((name.replace("-", "_"), val))
        i += 1
    return out


def _version() -> str:
    """The installed distribution's version, else the package's ``__version__``."""
    try:
        from importlib.metadata import PackageNotFoundError, version
        return version("infoint_nb")
    except PackageNotFoundError:
        from . import __version__
        return __version__


#: help lines of the options and arguments that several commands share, by dest;
#: (command, dest) for one command's own wording
_HELP = {
    "dir": "the log folder",
    ("init", "dir"): "the new log folder (created; must not hold a log yet)",
    "log": "the log folder (default: the sample campaign)",
    ("import", "log"): "the log folder to change",
    ("export", "log"): "the log folder to export",
    ("add", "log"): "the log folder to change",
    ("delete", "log"): "the log folder to change",
    ("draft", "log"): "the log folder the contact is in",
    "as_of": "the day to compute for, YYYY-MM-DD (default: today; the sample's last "
             "interaction for the sample)",
    "by": "the grouping of the table",
    ("report", "out"): "the folder for the report (default: reports/<log>-<as-of>)",
    ("export", "out"): "the workbook (.xlsx) or the folder for the CSV files",
    ("draft", "out"): "the file to write (.eml, or .html for a postal letter)",
    "start": "count only interactions on or after this day (YYYY-MM-DD)",
    "end": "count only interactions on or before this day (YYYY-MM-DD)",
    "company": "only this company (repeat for several)",
    "industry": "only this industry (repeat for several)",
    "each": "one report per company, industry or month, with an index page",
    "parameter": "set any report parameter (see the list below), e.g. -p top_n 5",
    "kind": "what the file is",
    ("draft", "kind"): "which message to write",
    "file": "the file (a folder of .eml files for mail)",
    "list": "list the backups, newest last",
    "backup": "the backup to bring back (a name from --list)",
    "format": "xlsx: one workbook; csv: contacts.csv and interactions.csv",
    "what": "a contact or an interaction",
    "id": "the contact's or interaction's id",
    "contact_id": "the contact the message is for, e.g. C0001",
}


def _fill_help(command: str, parser: argparse.ArgumentParser) -> None:
    for action in parser._actions:
        if action.help is None:
            action.help = _HELP.get((command, action.dest), _HELP.get(action.dest))


def _report_parameters_text() -> str:
    """The report template's parameters and defaults, for ``infoint report --help``."""
    from .errors import InfointError
    from .reports import read_template_parameters
    try:
        params = read_template_parameters()
    except InfointError as exc:
        return f"report parameters (for -p): the template could not be read: {exc}"
    width = max((len(name) for name in params), default=0)
    lines = ["report parameters (set with -p NAME VALUE; lists are comma-separated):"]
    lines += [f"  {name:<{width}}  default: {value!r}" for name, value in params.items()]
    return "\n".join(lines)


def _list_report_parameters(parser: argparse.ArgumentParser) -> None:
    """Make ``parser``'s help end with the template's parameters, read only when shown."""
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    plain = parser.format_help

    def format_help() -> str:
        parser.epilog = _report_parameters_text()
        return plain()

    parser.format_help = format_help


def build_parser() -> argparse.ArgumentParser:
    """The ``infoint`` argument parser (every sub-command and flag)."""
    p = argparse.ArgumentParser(
        prog="infoint",
        description="Plan, log and learn from informational interviews.")
    p.add_argument("--version", action="version", version=f"infoint {_version()}",
                   help="print the version and exit")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    s = sub.add_parser("init", help="create a new, empty log folder")
    s.add_argument("dir", metavar="DIR")
    s.set_defaults(func=_cmd_init)

    s = sub.add_parser("check", help="validate a log; list every problem")
    s.add_argument("dir", metavar="DIR")
    s.set_defaults(func=_cmd_check)

    s = sub.add_parser("stats", help="who answered and how fast, by group")
    s.add_argument("--log", metavar="DIR")
    s.add_argument("--by", required=True, choices=list(V.GROUPINGS))
    s.add_argument("--as-of", metavar="DATE")
    s.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    s.set_defaults(func=_cmd_stats)

    s = sub.add_parser("due", help="follow-ups, thank-yous and updates due")
    s.add_argument("--log", metavar="DIR")
    s.add_argument("--as-of", metavar="DATE")
    s.add_argument("--ics", metavar="FILE", help="also write them as a calendar file")
    s.add_argument("--mode", choices=list(V.MODES), default=V.DEFAULT_MODE,
                   help="3b7: Dalton's 3B7 routine (business days)")
    s.add_argument("--csv", action="store_true", help="print CSV instead of a table")
    s.set_defaults(func=_cmd_due)

    s = sub.add_parser("report", help="render the campaign report with papermill")
    s.add_argument("--log", metavar="DIR")
    s.add_argument("--out", metavar="DIR")
    s.add_argument("--as-of", metavar="DATE")
    s.add_argument("--start", metavar="DATE")
    s.add_argument("--end", metavar="DATE")
    s.add_argument("--company", metavar="NAME", action="append", default=[])
    s.add_argument("--industry", metavar="NAME", action="append", default=[])
    s.add_argument("--each", choices=list(V.EACH))
    s.add_argument("--redact", action="store_true",
                   help="leave out names, e-mails, phones, addresses, URLs and notes")
    s.add_argument("--no-html", action="store_true", help="skip the HTML export")
    s.add_argument("-p", "--parameter", nargs=2, metavar=("NAME", "VALUE"),
                   action="append", default=[])
    s.set_defaults(func=_cmd_report)
    _list_report_parameters(s)

    s = sub.add_parser("import", help="bring contacts in from LinkedIn, a spreadsheet or vCards; "
                       "log what happened from a mailbox, LinkedIn messages/invitations or "
                       "a calendar")
    s.add_argument("kind", choices=list(V.IMPORT_KINDS))
    s.add_argument("file", metavar="FILE")
    s.add_argument("--me", metavar="ADDRESS", action="append", default=[],
                   help="mail/LinkedIn: your own e-mail address, LinkedIn profile URL or name "
                   "(repeat for each; remembered in plan.json)")
    s.add_argument("--with-body", action="store_true",
                   help="mail/LinkedIn: copy the start of each message into notes "
                   "(default: the subject line only)")
    s.add_argument("--log", metavar="DIR", required=True)
    s.add_argument("--sheet", metavar="NAME", help="the worksheet to read (XLSX)")
    s.add_argument("--map", metavar="COLUMN=FIELD", action="append", default=[],
                   help="FIELD: a contact field, first_name/last_name, KIND[:CHANNEL] such as "
                   "outreach:email (each date in the column becomes one interaction), "
                   "or - to ignore the column")
    s.add_argument("--dry-run", action="store_true", help="report what would change; write nothing")
    s.set_defaults(func=_cmd_import)

    s = sub.add_parser("restore", help="bring back an earlier version from .backups/")
    s.add_argument("dir", metavar="DIR")
    g = s.add_mutually_exclusive_group()
    g.add_argument("--list", action="store_true")
    g.add_argument("--from", dest="backup", metavar="BACKUP")
    s.set_defaults(func=_cmd_restore)

    s = sub.add_parser("export", help="write the log as an Excel workbook or CSV files",
                       description="An export never writes into a log folder, and replaces "
                       "only files an earlier export wrote and nobody changed since (it notes "
                       "them in .infoint-export.json beside them); --force replaces other "
                       "files too.")
    s.add_argument("format", choices=list(V.EXPORT_FORMATS))
    s.add_argument("--log", metavar="DIR", required=True)
    s.add_argument("--out", metavar="PATH", required=True)
    s.add_argument("--raw", action="store_true",
                   help="CSV only: do not neutralise values that spreadsheets run as formulas")
    s.add_argument("--force", action="store_true",
                   help="overwrite files that an earlier export did not write (an export "
                   "never writes into a log folder, not even with --force)")
    s.set_defaults(func=_cmd_export)

    s = sub.add_parser("add", help="add a contact or an interaction: --field-name VALUE ...",
                       description="Fields are the log's columns in kebab-case, e.g. "
                       "infoint add contact --log L --name 'Dana Whitfield' --company Brightline; "
                       "infoint add interaction --log L --contact-id C0001 --kind outreach "
                       "--date 2026-05-05 --channel email")
    s.add_argument("what", choices=list(V.RECORD_TYPES))
    s.add_argument("--log", metavar="DIR", required=True)
    s.add_argument("--different-person", action="store_true",
                   help="add even though someone alike is in the log")
    s.set_defaults(func=_cmd_add)

    s = sub.add_parser("delete", help="delete a contact (with --confirm N) or an interaction")
    s.add_argument("what", choices=list(V.RECORD_TYPES))
    s.add_argument("id", metavar="ID")
    s.add_argument("--log", metavar="DIR", required=True)
    s.add_argument("--confirm", type=int, metavar="N",
                   help="the number of the contact's interactions that go with them")
    s.set_defaults(func=_cmd_delete)

    s = sub.add_parser("draft", help="write a message for the mail program (.eml, or .html "
                       "for a postal letter)")
    s.add_argument("kind", choices=list(V.DRAFT_KINDS))
    s.add_argument("--contact-id", metavar="ID", required=True)
    s.add_argument("--log", metavar="DIR", required=True)
    s.add_argument("--out", metavar="FILE", required=True)
    s.add_argument("--as-of", metavar="DATE")
    s.set_defaults(func=_cmd_draft)
    for name, what in (("lab", "JupyterLab on your own copy of the notebooks"),
                       ("app", "the notebooks as an app in the browser (Voilà), no code shown")):
        s = sub.add_parser(name, help=what, description=(
            what + ". After pip install, the notebooks and the sample are copied into DIR "
            "(default: this folder) first; notebooks you changed are never overwritten."))
        s.add_argument("--dir", metavar="DIR", help="your folder for the notebooks "
                       "(default: the clone, or the current folder after pip install)")
        if name == "app":
            s.add_argument("--log", metavar="DIR", help="the log every page works on "
                           "(default: data/my_log in your folder)")
        s.add_argument("--port", type=int, metavar="N", help="the port to listen on")
        s.add_argument("--no-browser", action="store_true", help="do not open a browser")
        s.add_argument("--prepare-only", action="store_true",
                       help="copy the notebooks into DIR and stop (no server)")
        s.set_defaults(func=_cmd_serve)
    for name, parser in sub.choices.items():
        _fill_help(name, parser)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run ``infoint``; return the exit status."""
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    try:
        if argv[:1] == ["add"]:
            args, extra = parser.parse_known_args(argv)
            args.fields = _parse_field_args(extra)
        else:
            args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse: usage errors exit 2, --help exits 0
        return int(exc.code or 0)
    except InfointError as exc:
        _say(f"infoint: {exc}")
        return EXIT_USER
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_USER
    try:
        return int(args.func(args) or 0)
    except InfointError as exc:
        from .errors import FileProblemError, is_user_os_error
        if isinstance(exc, FileProblemError) and not is_user_os_error(exc):
            raise  # an errno that is not the user's to fix: a bug (exit 1, traceback)
        _say(f"infoint {args.command}: {exc}")
        return EXIT_USER
    except KeyboardInterrupt:
        _say("infoint: interrupted")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # whatever command met it: a path, permission or disk problem
        from .errors import from_os_error, is_user_os_error
        if not is_user_os_error(exc):
            raise  # not the user's to fix: a bug, with its traceback (exit 1)
        _say(f"infoint {args.command}: {from_os_error(exc)}")
        return EXIT_USER


#: Commands that end as soon as their answer is out: tearing down pandas and Arrow at
#: exit takes about as long as reading a large log, and they leave nothing to clean up
#: (every file they write is closed, synced and in place before :func:`main` returns).
_QUICK_EXIT = frozenset({"check", "stats", "due"})


def console() -> None:
    """The ``infoint`` command: run :func:`main` and exit with its status."""
    import os

    argv = sys.argv[1:]
    code = main(argv)
    if argv[:1] and argv[0] in _QUICK_EXIT:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):  # a closed pipe: the answer had nowhere to go
            pass
        os._exit(code)
    sys.exit(code)


if __name__ == "__main__":  # pragma: no cover
    console()
