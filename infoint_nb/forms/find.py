"""Notebook 02 — find people: a search plan, the ask to your network, adding contacts.

Controls (``form.controls[name]``):

SearchPlanForm (``plan.json`` section ``search_plan``)
    One text per channel of :data:`~infoint_nb.planning.SEARCH_CHANNELS`
    (``company_sites``, ``linkedin``, ``alumni``, ``associations``, ``everyone``) and
    ``per_week`` (new names to find each week). Shows how many contacts each channel
    has produced so far.
NetworkAskForm (section ``network_ask``)
    ``role``, ``field``, ``place``, ``organisations``, ``reason``; the composed ask is
    shown read-only (``form.preview``) with live checks. ``to`` (not saved) picks the
    person it goes to, or nobody yet; ``form.mail_link`` (**Open in mail program**)
    and ``save_file`` (**Save draft file**) hand it to the mail program, as the letter
    form does. Nothing is logged: it is a message to friends, not an attempt.
AddContactForm (an entry form: writes to ``contacts.csv``)
    ``name``, ``company``, ``role``, ``industry``, ``location``, ``email``, ``phone``,
    ``extension``, ``work_address``, ``linkedin_url``, ``source``, ``referred_by``,
    ``mutual_connection``, ``cite_permission``, ``priority``, ``notes`` and
    ``different_person`` (shown after a possible duplicate).
"""
from __future__ import annotations

from dataclasses import replace

from .. import drafts as D
from .. import planning as P
from .. import schema as S
from ..errors import DuplicateContactError
from ._base import EntryForm, Form, _contact_row, checks_html, contact_options
from ._drafting import DraftButtons
from .prepare import _given_as_of, profile_locale

__all__ = ["SearchPlanForm", "NetworkAskForm", "AddContactForm", "CITE_PERMISSION_LABELS"]

#: Cite-permission choices as shown in the form: label → stored value.
CITE_PERMISSION_LABELS: tuple[tuple[str, str], ...] = (
    ("not asked yet", ""), ("asked, no answer yet", "asked"), ("yes", "yes"), ("no", "no"))
#: Priority choices for a new contact: none, or one of :data:`infoint_nb.schema.PRIORITIES`.
PRIORITY_OPTIONS: list[tuple[str, str]] = [("—", "")] + [(p, p) for p in S.PRIORITIES]


class SearchPlanForm(Form):
    """Where you will look for people, channel by channel."""

    section = "search_plan"
    title = "Where to find people"
    submit_label = "Save my search plan"

    def _build(self) -> None:
        for key, (label, _sources, example) in P.SEARCH_CHANNELS.items():
            self._text(key, label, f"e.g. {example}", area=True, rows=2)
        self._int("per_week", "New names per week", value=5, lo=0, hi=100)
        self.counts = self._html("channel-counts")
        self.live = self._html("live-checks")

    def checks(self, value: dict) -> list[P.Check]:
        return P.check_search_plan(value)

    def refresh(self) -> None:
        from ._facts import facts
        f = facts(self.log)

        def counts_html():  # once per version of the log, not on every keystroke
            counts = P.count_contacts_by_channel(f.contacts[S.SOURCE].tolist())
            items = "".join(f"<li>{P.SEARCH_CHANNELS[k][0]}: {n}</li>"
                            for k, n in counts.items())
            return f"<b>Contacts found so far, by channel</b><ul>{items}</ul>"
        self.counts.value = f.once("channel_counts_html", counts_html)
        self.live.value = checks_html(self.checks(self.value))

    def _layout(self):
        w = self.w
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), *self.controls.values(),
                       self.live, self.counts, w.HBox(list(self.buttons.values())),
                       self.status])


#: The first option of the network ask's "Send to" list.
NOBODY_YET = ("— nobody yet: choose in the mail program —", "")


class NetworkAskForm(DraftButtons, Form):
    """Build the *specific* question to send to everyone you know.

    Parameters
    ----------
    log : ContactLog
        The open log.
    as_of : date or str, optional
        The day the draft file is dated (default: the real today).
    """

    section = "network_ask"
    title = "Ask your network — specifically"
    submit_label = "Save my ask"
    draft_kind = "network_ask"
    # whom one copy goes to is a choice of the moment, not part of the saved ask
    transient = ("to",)

    def __init__(self, log, *, as_of=None):
        self.as_of = _given_as_of(as_of)
        super().__init__(log)

    def _build(self) -> None:
        self._text("role", "Kind of role", "e.g. UX researcher")
        self._text("field", "Field or industry", "e.g. education technology")
        self._text("place", "Where", "e.g. Chicago")
        self._text("organisations", P.localize_spelling("Organisations (optional)",
                                                        locale=profile_locale(self.log)),
                   "e.g. Brightline Learning or Kiteboard")
        self._text("reason", "Why you ask (one sentence)",
                   "e.g. I'm a maths teacher moving into research this summer.")
        self.preview = self._preview("network_ask", rows=4)
        self.live = self._html("live-checks")
        self._dropdown("to", "Send to", [NOBODY_YET] + contact_options(
            self.log, targets_first=False), value="")
        self._draft_widgets()

    @property
    def contact_id(self) -> str | None:
        """The person chosen under **Send to** (``None``: nobody yet)."""
        return self.controls["to"].value or None

    def draft_file_id(self) -> str:
        """``network`` while nobody is chosen, else the chosen contact's id."""
        return self.contact_id or "network"

    def draft(self, value: dict | None = None) -> D.Draft:
        """The ask as an e-mail draft, to the person under **Send to** (or to nobody yet)."""
        v = self.value if value is None else value
        row = _contact_row(self.log, self.contact_id)
        me = self.profile()
        if not me.name:
            me = replace(me, name=D._signed_name(self.log))
        return D.network_ask_draft(self.text(v), profile=me, to_name=row.get(S.NAME, ""),
                                   to_address=row.get(S.EMAIL, ""), day=self.today)

    def text(self, value: dict | None = None) -> str:
        """The composed ask for ``value`` (default: what is typed now)."""
        v = self.value if value is None else value
        return P.compose_network_ask(role=v.get("role", ""), field=v.get("field", ""),
                                     place=v.get("place", ""),
                                     organisations=v.get("organisations", ""),
                                     reason=v.get("reason", ""))

    def checks(self, value: dict) -> list[P.Check]:
        return P.check_network_ask(self.text(value), role=value.get("role", ""),
                                   field=value.get("field", ""), place=value.get("place", ""),
                                   organisations=value.get("organisations", ""))

    def refresh(self) -> None:
        v = self.value
        self.preview.value = self.text(v)
        self.live.value = checks_html(self.checks(v))
        self._refresh_link(v)

    def _save(self, value: dict) -> dict:
        self.log.save_plan_section(self.section, {**value, "text": self.text(value)})
        return {"text": self.text(value)}

    def _layout(self):
        w = self.w
        c = self.controls
        asked = [c[k] for k in ("role", "field", "place", "organisations", "reason")]
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), *asked,
                       w.HTML("<b>Your ask</b>"), self.preview, self.live, c["to"],
                       w.HBox([self.buttons["submit"], self.mail_link,
                               self.buttons["save_file"]]), self.status])


class AddContactForm(EntryForm):
    """Add one person to the log, then clear for the next.

    A possible duplicate (same e-mail, LinkedIn URL, or name and company) is not
    added; the status names the person already in the log and the
    "This is a different person" box appears.
    """

    title = "Add a person to your log"
    submit_label = "Add contact"
    sticky = ("source",)
    # a deliberate, one-off answer to a duplicate warning: never kept in a draft
    transient = ("different_person",)

    def _build(self) -> None:
        t = self._text
        locale = profile_locale(self.log)
        t("name", "Name", "e.g. Dana Whitfield")
        t("company", P.localize_spelling("Organisation", locale=locale), "e.g. Civic Sightline")
        t("role", "Role", "e.g. Data Analyst")
        t("industry", "Industry", "e.g. nonprofit")
        t("location", "Location", "e.g. Chicago, IL")
        t("email", "E-mail", "e.g. dana.whitfield@civicsightline.example")
        t("phone", "Phone", "e.g. +1 312-555-0188")
        t("extension", "Extension", "e.g. 214")
        t("work_address", "Work address", "e.g. 200 W. Adams St, Chicago, IL 60606")
        t("linkedin_url", "LinkedIn URL", "e.g. https://www.linkedin.com/in/dana-example")
        self._dropdown("source", "How you found them",
                       [("— choose —", "")] + [(s.replace("_", " "), s) for s in S.SOURCES],
                       value="")
        self._dropdown("referred_by", "Referred by", self._referrer_options(), value="")
        t("mutual_connection", "Shared connection", "e.g. Priya Raman (we both know her)")
        self._dropdown("cite_permission", "May you mention them?",
                       list(CITE_PERMISSION_LABELS), value="")
        self._dropdown("priority", "Priority", PRIORITY_OPTIONS, value="")
        t("notes", "Notes", P.localize_spelling("e.g. Same teacher-training programme as me; "
                                                "talks at meet-ups", locale=locale),
          area=True, rows=2)
        self._checkbox("different_person", "This is a different person (not the one already "
                                           "in the log)")
        self.controls["different_person"].layout.display = "none"
        self.live = self._html("live-checks")

    def _referrer_options(self):
        return [("— nobody —", "")] + contact_options(self.log, targets_first=False)

    def checks(self, value: dict) -> list[P.Check]:
        name = value.get("name", "").strip()
        checks = [P.Check("name", bool(name),
                          "" if name else "Type the person's name; everything else is optional.",
                          "error")]
        return checks + P.check_cite_permission(value.get("mutual_connection", ""),
                                                value.get("cite_permission", ""))

    def refresh(self) -> None:
        v = self.value
        checks = [c for c in self.checks(v) if c.name != "name" or v.get("name")]
        self.live.value = checks_html([c for c in checks if c.message], passed=False)

    def _write(self, value: dict) -> dict:
        fields = {k: v.strip() if isinstance(v, str) else v for k, v in value.items()}
        fields = {k: v for k, v in fields.items() if v not in ("", None)}
        cid = self.log.add_contact(
            different_person=bool(self.controls["different_person"].value), **fields)
        return {"contact_id": cid, "name": fields["name"]}

    def _written_message(self, value: dict, data: dict) -> str:
        return f"Added {data['name']} as {data['contact_id']}. Ready for the next person."

    def _after_write_error(self, exc) -> None:
        self._duplicate = isinstance(exc, DuplicateContactError)
        if self._duplicate:
            self.controls["different_person"].layout.display = ""

    def submit(self):
        """Add the contact; on a possible duplicate, offer "This is a different person"."""
        self._duplicate = False
        result = super().submit()
        if isinstance(result.data, dict) and result.data.get("contact_id"):
            self.controls["different_person"].layout.display = "none"
            ref = self.controls["referred_by"]
            keep = ref.value
            self._loading = True
            try:
                ref.options = self._referrer_options()
                ref.value = keep if keep in {v for _, v in ref.options} else ""
            finally:
                self._loading = False
        elif self._duplicate:
            self.show(self.status_level, self.status_message + " If this is someone else, "
                      "tick “This is a different person” and press Add contact again.",
                      result.checks)
        return result

    def _layout(self):
        w = self.w
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), *self.controls.values(), self.live,
                       w.HBox(list(self.buttons.values())), self.status])
