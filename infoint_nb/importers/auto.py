"""Any supported file: :func:`import_file` picks the importer by :func:`detect_kind`.
"""
from __future__ import annotations

from pathlib import Path

from ..errors import ParameterError
from ..vocabulary import AUTO_KIND, CONTACT_IMPORT_KINDS
from .linkedin import import_linkedin
from .reading import _LINKEDIN, _SHEET, _VCARD, detect_kind
from .sheet import import_sheet
from .vcard import import_vcard


def import_file(log, path, *, kind: str = AUTO_KIND, sheet: str | None = None,
                mapping: dict | None = None, dry_run: bool = False, today=None,
                since: ImportReport | None = None) -> ImportReport:
    """Import any supported file; ``kind`` ``auto`` picks by :func:`detect_kind`.

    Parameters
    ----------
    kind : {"auto", "linkedin", "sheet", "vcard"}
    sheet, mapping
        Only for spreadsheets (see :func:`import_sheet`).
    since : ImportReport, optional
        The dry run of the same file that the user looked at. Changes another program
        saved to the log after it are kept: the import is worked out again against the
        log on disk under the lock (an exported workbook merges its edits into them,
        and refuses with :class:`ImportConflictError` where both changed one row).

    Other parameters are as in :func:`import_sheet`.
    """
    kinds = (AUTO_KIND, *CONTACT_IMPORT_KINDS)
    if kind not in kinds:
        raise ParameterError(f"kind {kind!r} is not an import kind. Allowed: {', '.join(kinds)}.")
    path = Path(path)
    if not path.exists():
        raise ParameterError(f"{path}: no such file; check the path")
    if kind == AUTO_KIND:
        kind = detect_kind(path)
    if kind != _SHEET and (sheet is not None or mapping):
        raise ParameterError(f"--sheet and --map are for spreadsheets (`import sheet`), not "
                             f"for a {kind} import")
    if kind == _LINKEDIN:
        return import_linkedin(log, path, dry_run=dry_run, today=today, since=since)
    if kind == _VCARD:
        return import_vcard(log, path, dry_run=dry_run, today=today, since=since)
    return import_sheet(log, path, sheet=sheet, mapping=mapping, dry_run=dry_run, today=today,
                        since=since)
