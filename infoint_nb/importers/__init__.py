"""Bring people and what already happened in: contacts from files, activity from mail and calendars.

Every import follows the same path:

1. **read** the file as text (CSV in UTF-8, UTF-8 with a BOM or Windows-1252, any of
   ``, ; tab |`` as separator, fields of any length, records ending at LF or CRLF;
   XLSX cell by cell, numbers without a spurious ``.0``, ``NA`` kept as ``NA``, only
   the cells really present — a sheet whose last value lies beyond
   :data:`MAX_SHEET_ROWS` × :data:`MAX_SHEET_COLUMNS`, or that holds more than
   :data:`MAX_SHEET_CELLS` cells, is refused). Text that cannot be trusted stops the
   import before anything is written, each place named as file:row: column: a record
   the CSV rules cannot read (a bare CR or a stray double quote), a NUL byte, a
   byte-order mark inside the file, UTF-8 text in a file that is otherwise
   Windows-1252 (mixed encodings);
2. **map** its columns to log fields (:func:`guess_mapping`, overridable), where a
   column may also be an *interaction spec*: ``KIND`` or ``KIND:CHANNEL`` (for
   example ``outreach:email``) turns each date in it into one interaction;
3. **check** every value against the contract; any problem stops the import with a
   message naming file, row, column, value and what is allowed — nothing is written;
4. **match** each person against the log: by ``contact_id`` when the file has one,
   then LinkedIn URL (normalised), then e-mail (case-insensitive), then name and
   company (case-folded). A new person is *added*; a known one is *updated* with the
   fields that changed (an empty cell never erases a value) or counted *unchanged*;
   rows with no name are *skipped*, each with its reason. An interaction already in
   the log (same contact, calendar date, kind and channel) is not added again, so
   importing the same file twice adds nothing;
5. **write** everything in one locked, validated, atomic, backed-up save, unless
   ``dry_run``. The change is worked out against the log as loaded (what the report
   shows); when another program saved to the log meanwhile, it is worked out again
   under the lock from the log on disk then, so nothing saved meanwhile is lost.

A CSV whose header is a log's own ``contacts.csv`` header (``infoint export csv``)
maps each column to the field of its name and keeps the text exactly, so an export
imported into an empty log gives the same contacts, ids and referrals.

A workbook written by :func:`infoint_nb.exporters.export_xlsx` (sheets ``contacts``
and ``interactions`` with the log's own headers) is recognised by
:func:`import_sheet` and *restores* both tables with their ids through
:meth:`ContactLog.replace`: export, edit in Excel, import, and the log is the edited
workbook (rows deleted in Excel are removed; the previous version stays in the
log's backups). Rows another program saved while the import ran are kept, and the
workbook's edits are merged into them; an edit on both sides of one row is refused
with :class:`ImportConflictError`, nothing written.

The modules: :mod:`.reading` (decoding, separators, records, XLSX, text checks),
:mod:`.mapping` (columns → fields), :mod:`.dates`, one module per source
(:mod:`.linkedin` for ``Connections.csv``, :mod:`.sheet`, :mod:`.vcard`, :mod:`.workbook`
for an exported workbook), :mod:`.merging` (candidates → plan → apply → commit) and
:mod:`.auto` (:func:`import_file`); what already happened comes from :mod:`.mail`,
:mod:`.linkedin_activity` (LinkedIn messages and invitations) and :mod:`.calendar`,
matched to contacts by :mod:`infoint_nb.matching`.

Every entry point returns an :class:`ImportReport` (added / updated / unchanged /
skipped, interactions added, the mapping, the encoding, warnings) whose ``str`` is
what ``infoint import`` prints.
"""
from __future__ import annotations

from . import (auto, calendar, dates, linkedin, linkedin_activity, mail, mapping, merging,
               reading, sheet, vcard, workbook)
from .auto import import_file
from .calendar import CalendarFormatError, MAX_OCCURRENCES, import_calendar, iter_events
from .dates import parse_import_date
from .linkedin import import_linkedin
from .linkedin_activity import (CONNECTIONS, INVITATIONS, MESSAGES, LinkedInFormatError,
                                detect_linkedin_file, import_linkedin_invitations,
                                import_linkedin_messages)
from .mail import (BODY_LIMIT, ME_SECTION, MailFormatError, import_mail, iter_mbox,
                   iter_messages, me_for_import, remembered_me)
from .mapping import (CONTACT_FIELDS, FIRST_NAME, IGNORE, INTERACTION_SPEC_CHOICES, LAST_NAME,
                      NAME_PARTS, describe_field, field_choices, guess_mapping,
                      normalize_linkedin_url, parse_map_args)
from .merging import ImportReport, _planner
from .reading import (MAX_SHEET_CELLS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, SourceTable,
                      detect_kind, list_sheets, read_table)
from .sheet import import_sheet
from .vcard import _unfold, import_vcard
from .workbook import ImportConflictError, _workbook_planner, is_log_workbook
from ..exporters import CONTACTS_SHEET, INTERACTIONS_SHEET

__all__ = [
    "IGNORE",
    "NAME_PARTS",
    "CONTACT_FIELDS",
    "INTERACTION_SPEC_CHOICES",
    "MAX_SHEET_ROWS",
    "MAX_SHEET_COLUMNS",
    "MAX_SHEET_CELLS",
    "ImportReport",
    "ImportConflictError",
    "SourceTable",
    "read_table",
    "list_sheets",
    "detect_kind",
    "is_log_workbook",
    "guess_mapping",
    "parse_map_args",
    "field_choices",
    "describe_field",
    "normalize_linkedin_url",
    "parse_import_date",
    "import_linkedin",
    "import_sheet",
    "import_vcard",
    "import_file",
    # what already happened (formerly import_mail, import_linkedin_activity, import_calendar)
    *mail.__all__,
    *linkedin_activity.__all__,
    *calendar.__all__,
]
