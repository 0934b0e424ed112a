"""What the composer forms share: **Open in mail program** and **Save draft file**.

A composer form (the letter, the thank-you, the update) mixes in :class:`DraftButtons`
and implements ``draft()`` (a :class:`~infoint_nb.drafts.Draft` for what is typed).
The mixin adds ``form.mail_link`` (an HTML widget holding a ``mailto:`` anchor, or a
note when the text is too long for a link) and ``form.buttons["save_file"]``, which
writes ``<log>/drafts/<contact>-<kind>-<date>.eml`` (``.html`` for a postal letter;
``network-network_ask-<date>.eml`` for a network ask to nobody in particular).
Neither logs anything: **Log as sent** stays a separate, explicit step.
"""
from __future__ import annotations

import html
from typing import ClassVar

from .. import drafts as D
from ..errors import InfointError
from ._base import FormResult, _contact_row, download_html

__all__ = ["DraftButtons", "SAVE_DRAFT_FILE", "OPEN_IN_MAIL", "mail_link_html"]

#: The exact text of the button that writes the draft file.
SAVE_DRAFT_FILE = "Save draft file"
#: The exact text of the link that opens the mail program.
OPEN_IN_MAIL = "Open in mail program"

_LINK_STYLE = ("display:inline-block;padding:0.25em 0.9em;border:1px solid #0969da;"
               "border-radius:3px;color:#0969da;text-decoration:none;margin:0.2em 0")


def mail_link_html(draft: D.Draft | None) -> str:
    """The link widget's HTML: an anchor to the ``mailto:`` link, or why there is none."""
    if draft is None:
        return ""
    if draft.channel == "letter":
        return ("<span class='infoint-mailto-none'>A postal letter: <b>Save draft file</b> "
                "gives a page to print.</span>")
    link = D.mailto_link(draft)
    if link is None:
        return ("<span class='infoint-mailto-none'>Too long for a mail link: press <b>Save "
                "draft file</b> and open the .eml file; it opens as a draft.</span>")
    note = ""
    if draft.attachments:
        note = (" <span class='infoint-mailto-note'>(a link cannot carry your résumé: it is "
                "attached in the saved draft file)</span>")
    return (f"<a class='infoint-mailto' href='{html.escape(link, quote=True)}' "
            f"target='_blank' rel='noopener' style='{_LINK_STYLE}'>{OPEN_IN_MAIL}</a>{note}")


class DraftButtons:
    """Mixin for composer forms: the mail link and the **Save draft file** button."""

    #: The draft kind the form writes (one of :data:`infoint_nb.drafts.DRAFT_KINDS`).
    draft_kind: ClassVar[str] = "outreach"
    #: Path of the draft file written last (None before the first save).
    last_draft_path = None

    def _draft_widgets(self) -> None:
        """Create ``self.mail_link`` and the ``save_file`` button (call from ``_build``)."""
        self.mail_link = self._html("mail-link")
        self._button("save_file", SAVE_DRAFT_FILE, self.save_draft_file)

    def profile(self) -> D.Profile:
        """The user's profile (section ``profile``); an unreadable one counts as empty."""
        try:
            return D.load_profile(self.log)
        except InfointError:
            return D.Profile()

    def draft(self, value: dict | None = None) -> D.Draft | None:
        """The draft for what is typed (None when there is nobody to write to)."""
        raise NotImplementedError

    def _draft_inputs(self, value: dict | None):
        """``(value, the contact's row, the profile)`` for a draft, or None with nobody chosen."""
        v = self.value if value is None else value
        row = _contact_row(self.log, self.contact_id)
        return (v, row, self.profile()) if row else None

    def draft_file_id(self) -> str | None:
        """The first part of the draft file's name: the contact's id (None: nobody chosen).

        A form whose draft may go to nobody in particular (the network ask) overrides it.
        """
        return self.contact_id

    #: The download link of the draft file saved last (the app cannot open the log folder).
    _saved_download = ""

    def _refresh_link(self, value: dict | None = None) -> None:
        try:
            self.mail_link.value = mail_link_html(self.draft(value)) + self._saved_download
        except InfointError as exc:
            self.mail_link.value = f"<i>{html.escape(str(exc))}</i>" + self._saved_download

    def save_draft_file(self) -> FormResult:
        """Write the draft into the log folder's ``drafts/``; nothing is logged."""
        draft = self.draft()
        cid = self.draft_file_id()
        if draft is None or not cid:
            raise InfointError("Choose whom to write to first; if the list is empty, add the "
                               "person in notebook 02 (Find people).")
        path = D.draft_path(self.log.folder, draft, cid, day=self.today)
        D.write_draft(draft, path)
        self.last_draft_path = path
        mime = "text/html" if path.suffix == ".html" else "message/rfc822"
        self._saved_download = "<div>" + download_html(path.read_bytes(), path.name,
                                                       mime=mime) + "</div>"
        self._refresh_link()
        if draft.channel == "letter":
            how = "Open it in your browser, print it and post it"
        else:
            how = ("Open it: your mail program shows it as an unsent draft" + (
                ", with your résumé attached" if draft.attachments else ""))
        return self.show_result(FormResult(
            True, True, "ok", f"Saved the draft file {path}. {how}. Once it has gone out, "
            "log it as sent.", data={"path": str(path)}))
