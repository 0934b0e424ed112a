"""Notebook 07 — follow up: thank-you, notes into the log, referrals, updates.

The per-person forms open on the person you met most recently (on or before
``as_of``), unless ``contact_id=`` says otherwise.

ThankYouForm (``plan.json`` section ``thank_you``, one entry per contact)
    ``points`` (one per line, taken from your meeting notes at first),
    ``referrals``, ``next_step``, ``your_name``, ``channel``; the draft is shown
    read-only with when it is due. It thanks for whatever the latest answer was: a
    meeting, a yes, a "later", a no or a referral. After a meeting,
    ``form.linkedin`` suggests connecting on LinkedIn, with a short note.
    ``form.mail_link`` (**Open in mail program**) and ``save_file`` (**Save draft
    file**) hand the note to the mail program; button ``log_sent`` logs a
    ``thank_you``.
RecordMeetingForm (section ``meeting_records``)
    ``text`` (the notes for the log, built from the meeting-day notes at first),
    ``held_on``, ``channel``. Saving writes them into the log: a new ``meeting_held``
    row when the meeting is not logged yet, else the notes of that row when it
    has none, else a ``note`` row; saving again updates the same row.
ReferralForm (an entry form: writes to ``contacts.csv``)
    ``referred_by`` (who gave you the name), ``name``, ``company``, ``role``,
    ``email``, ``phone``, ``linkedin_url``, ``cite_permission``, ``priority``,
    ``notes``, ``different_person``; the new contact gets ``source=referral`` and
    ``referred_by`` set.
UpdateScheduleForm (section ``updates``)
    ``every_days``, ``count``, ``write`` (an update, or telling the person who
    referred you how it went), ``advice``, ``progress``, ``your_name``, ``channel``;
    the dates of the next updates and a draft are shown, with **Open in mail
    program** and **Save draft file**. Button ``log_sent`` logs an ``update``.
LeadForm (an entry form)
    ``contact_id`` (who mentioned it), ``date``, ``opening`` (the role or lead),
    ``link``, ``notes``; writes a ``lead`` record. ``form.leads_view`` lists the
    leads logged so far (:func:`infoint_nb.metrics.leads`).
"""
from __future__ import annotations

import datetime as _dt

from .. import config
from .. import drafts as D
from .. import planning as P
from .. import schema as S
from ..errors import DuplicateContactError, InfointError, ParameterError
from ..vocabulary import MEETING_CHANNELS, SEND_CHANNELS, channel_options
from ._base import (EntryForm, FormResult, _meeting_of, checks_html, contact_options,
                    last_interaction_date)
from ._drafting import DraftButtons
from .reach_out import _hd
from .find import CITE_PERMISSION_LABELS, PRIORITY_OPTIONS
from .prepare import (ContactForm, _as_of_date, _contact_row, _esc, _given_as_of,
                      latest_meeting, profile_locale)

__all__ = ["ThankYouForm", "RecordMeetingForm", "ReferralForm", "UpdateScheduleForm",
           "LeadForm", "last_met_contact", "your_name", "latest_response"]

_SEND_CHANNELS = channel_options(SEND_CHANNELS)
_MEETING_CHANNELS = channel_options(MEETING_CHANNELS)


def last_met_contact(log, *, as_of=None) -> str | None:
    """The person of the latest ``meeting_held`` on or before ``as_of`` (or None)
    (:meth:`Campaign.last_met_contact <infoint_nb.campaign.Campaign.last_met_contact>`)."""
    from ._facts import facts
    f = facts(log)
    if len(f.interactions) == 0:
        return None
    return f.campaign(_as_of_date(as_of).isoformat()).last_met_contact()


def latest_response(log, cid: str | None, *, as_of=None):
    """``(kind, day)`` of ``cid``'s latest response on or before ``as_of``, or ``None``."""
    if not cid:
        return None
    from ._facts import facts
    f = facts(log)
    end = _dt.datetime.combine(_as_of_date(as_of), _dt.time.max)

    def make():
        i = f.interactions_of(cid)
        hit = i[i[S.KIND].isin(S.RESPONSE_KINDS) & (i[S.DATE] <= end)]
        if len(hit) == 0:
            return None
        row = hit.sort_values(S.DATE, kind="stable").iloc[-1]
        return str(row[S.KIND]), row[S.DATE].date()
    return f.once(("latest_response", cid, end), make)  # once per version of the log


def your_name(log) -> str:
    """Your name from your profile, else as last signed on a letter (notebook 03), or ``""``."""
    try:
        me = D.load_profile(log).name
    except InfointError:
        me = ""
    if me:
        return me
    letters = log.plan_section("letters", default={}) or {}
    signed = [(str(d.get("_saved_at", "")), str(d.get("sender_name", "")).strip())
              for d in letters.values() if isinstance(d, dict)]
    signed = [s for s in signed if s[1]]
    return max(signed)[1] if signed else ""


def _meeting_day(log, cid: str | None, today: _dt.date) -> _dt.date | None:
    """When you met ``cid``: the latest meeting held, else a scheduled day already past."""
    m = _meeting_of(log, cid)
    if m["held_on"] is not None:
        return m["held_on"]
    when = m["scheduled_for"]
    if when is not None and when.date() <= today:
        return when.date()
    return None


def _notes_for(log, cid: str | None) -> dict:
    """Meeting-day notes of ``cid`` ({question: note}) and the summary, from plan.json."""
    saved = log.plan_section("meeting_notes", cid) if cid else None
    if not isinstance(saved, dict):
        return {"notes": {}, "summary": ""}
    return {"notes": dict(saved.get("notes") or {}), "summary": str(saved.get("summary", ""))}


def _log_points(log, cid: str | None) -> list[str]:
    """Points to cite: the meeting-day notes, else the lines of the meeting_held notes.

    Notes on the main questions come first, by priority; warm-up and wind-down
    answers (how they started, whom else to ask) last.
    """
    from .meeting import meeting_questions
    notes = _notes_for(log, cid)["notes"]
    if notes:
        plan, _ = meeting_questions(log, cid)
        rank = {q.text: (q.warm_up or q.wind_down, q.priority, q.order) for q in plan.questions}
        ordered = sorted(notes.items(), key=lambda kv: rank.get(kv[0], (True, 9, 10**6)))
        points = P.note_points(dict(ordered))
        if points:
            return points
    held = _meeting_of(log, cid)["held_notes"] if cid else ""
    held = str(held or "")
    return P.note_points(P._LINE_END.split(held) if held else [])


def _referrals_of(log, cid: str | None) -> list[str]:
    if not cid:
        return []
    from ._facts import facts
    return facts(log).referred_by(cid)[S.NAME].tolist()


def _logged_on(log, cid: str, kind: str, day: _dt.date) -> str | None:
    """The id of a ``kind`` interaction with ``cid`` dated ``day`` (a double click guard)."""
    from ._facts import facts
    i = facts(log).interactions_of(cid)
    hit = i[(i[S.KIND] == kind) & (i[S.DATE].dt.date == day)]
    return str(hit[S.INTERACTION_ID].iloc[-1]) if len(hit) else None



def _preselect_last_met(form, name: str) -> None:
    """Select in ``form.controls[name]`` the contact asked for, else the one met last."""
    ctl = form.controls[name]
    known = {v for _, v in ctl.options if v}
    pick = form._wanted if form._wanted in known else last_met_contact(
        form.log, as_of=form.as_of)
    if pick in known:
        form._set_values({name: pick})
        form._defaults[name] = pick

class _FollowUpForm(ContactForm):
    """Per-person follow-up forms open on the person met most recently."""

    def default_contact(self) -> str | None:
        return last_met_contact(self.log, as_of=self.today)

    def _already_logged(self, cid: str, kind: str, what: str) -> FormResult | None:
        """Say so (and return the result) when ``what`` to ``cid`` is logged for today."""
        done = _logged_on(self.log, cid, kind, self.today)
        if not done:
            return None
        return self.show_result(FormResult(
            False, False, "info", f"{what} to {self._contact_label(cid)} is already "
            f"logged for {_hd(self.log, self.today)} ({done}); nothing added."))

    def _fill_your_name(self) -> None:
        ctl = self.controls.get("your_name")
        if ctl is not None and not ctl.value:
            self._set_values({"your_name": your_name(self.log)})


# --- thank-you --------------------------------------------------------------------------
class ThankYouForm(DraftButtons, _FollowUpForm):
    """A thank-you, due the day after the meeting (or any answer), that cites what you learned."""

    section = "thank_you"
    title = "Thank-you note"
    submit_label = "Save draft"
    shared_fields = ("your_name", "channel")
    draft_kind = "thank_you"

    def _build(self) -> None:
        self._contact_picker("Thank")
        self._text("points", "What you learned", "One point per line, e.g. Research "
                   "assistants are hired on one-year contracts", area=True, rows=4)
        self._text("referrals", "People they suggested", "e.g. Nkechi Adeyemi, Sam Ortiz")
        self._text("next_step", "What you will do next", "e.g. I have signed up for the "
                   "SQL course you mentioned.")
        self._text("your_name", "Your name", "e.g. Jordan Avery")
        self._dropdown("channel", "Sending by", _SEND_CHANNELS, value="email")
        self._draft_widgets()
        self._button("log_sent", "Log thank-you sent", self.log_sent, style="success")
        self.preview = self._preview("thank-you", rows=14)
        self.due = self._html("due")
        self.linkedin = self._html("linkedin")
        self.live = self._html("live-checks")

    def _load_current(self) -> None:
        super()._load_current()
        if not isinstance(self.saved_state(), dict) and self.contact_id:
            self._set_values({
                "points": "\n".join(_log_points(self.log, self.contact_id)),
                "referrals": ", ".join(_referrals_of(self.log, self.contact_id))})
        self._fill_your_name()

    def points(self, value: dict | None = None) -> list[str]:
        v = self.value if value is None else value
        return [p.strip() for p in P._LINE_END.split(str(v.get("points", ""))) if p.strip()]

    def occasion(self) -> str:
        """What the thank-you is for: ``meeting_held`` once you met, else the latest answer."""
        if _meeting_day(self.log, self.contact_id, self.today) is not None:
            return S.MEETING_HELD
        answer = latest_response(self.log, self.contact_id, as_of=self.today)
        return answer[0] if answer else S.MEETING_HELD

    def meeting_day(self) -> _dt.date | None:
        """When you met, else the day of their latest answer (the thank-you is due after it)."""
        met = _meeting_day(self.log, self.contact_id, self.today)
        if met is not None:
            return met
        answer = latest_response(self.log, self.contact_id, as_of=self.today)
        return answer[1] if answer else None

    def sent_on(self) -> _dt.date | None:
        """The day a thank-you was logged on or after the meeting (None if not yet)."""
        met = self.meeting_day()
        last = last_interaction_date(self.log, self.contact_id, [S.THANK_YOU])
        return last if last is not None and (met is None or last >= met) else None

    def text(self, value: dict | None = None) -> str:
        """The thank-you for ``value`` (default: what is typed now)."""
        v = self.value if value is None else value
        row = _contact_row(self.log, self.contact_id)
        refs = [r.strip() for r in str(v.get("referrals", "")).split(",") if r.strip()]
        return P.compose_thank_you(row.get(S.NAME, ""), points=self.points(v),
                                   company=row.get(S.COMPANY, ""),
                                   your_name=v.get("your_name", ""),
                                   meeting_date=self.meeting_day(), referrals=refs,
                                   next_step=v.get("next_step", ""),
                                   occasion=self.occasion())

    def draft(self, value: dict | None = None) -> D.Draft | None:
        """The thank-you as a draft for the mail program (a printable page for a card)."""
        got = self._draft_inputs(value)
        if got is None:
            return None
        v, row, me = got
        you = str(v.get("your_name") or me.name).strip()
        return D.Draft(kind="thank_you", body=self.text(v),
                       subject=D.subject_for("thank_you", your_name=you),
                       to_name=row.get(S.NAME, ""), to_address=row.get(S.EMAIL, ""),
                       channel="letter" if v.get("channel") == "letter" else "email",
                       from_name=you, from_address=me.email,
                       recipient_postal="\n".join(x for x in (row.get(S.COMPANY, ""),
                                                              row.get(S.WORK_ADDRESS, ""))
                                                  if x),
                       sender_postal=me.address, date=self.today, locale=me.locale)

    def linkedin_note(self, value: dict | None = None) -> str:
        """The note for a LinkedIn connection request after the meeting."""
        v = self.value if value is None else value
        row = _contact_row(self.log, self.contact_id)
        return P.compose_linkedin_note(row.get(S.NAME, ""), company=row.get(S.COMPANY, ""),
                                       met_on=_meeting_day(self.log, self.contact_id,
                                                           self.today),
                                       your_name=str(v.get("your_name") or ""))

    def _linkedin_html(self, value: dict) -> str:
        if _meeting_day(self.log, self.contact_id, self.today) is None:
            return ""
        row = _contact_row(self.log, self.contact_id)
        url = row.get(S.LINKEDIN_URL, "")
        where = (f"<a href='{_esc(url)}' target='_blank' rel='noopener'>their profile</a>"
                 if url.startswith(("https://", "http://")) else "their profile (search "
                 "for them on LinkedIn)")
        note = self.linkedin_note(value)
        return (f"<b>Next: connect on LinkedIn.</b> Send an invitation from {where} with a "
                f"short note ({len(note)} of {P.LINKEDIN_NOTE_CHARS} characters):<br>"
                f"<i>{_esc(note)}</i>")

    def checks(self, value: dict) -> list[P.Check]:
        if not self.contact_id:
            return []
        return P.check_thank_you(self.text(value), points=self.points(value),
                                 meeting_date=self.meeting_day(), as_of=self.today,
                                 sent=self.sent_on() is not None,
                                 locale=self.profile().locale)

    def refresh(self) -> None:
        if not self.contact_id:
            self.preview.value = ""
            self.due.value = "<i>Choose whom to thank.</i>"
            self.mail_link.value = self.linkedin.value = ""
            return
        v = self.value
        self.preview.value = self.text(v)
        met, sent = self.meeting_day(), self.sent_on()
        what = {S.MEETING_HELD: "Met", S.REPLY_NO: "They said no",
                S.REPLY_REFERRAL: "They named someone else",
                S.REPLY_LATER: "They said later"}.get(self.occasion(), "They answered")
        if sent is not None:
            self.due.value = f"<b>Sent</b> on {_hd(self.log, sent)}."
        elif met is not None:
            self.due.value = (f"{what} on {_hd(self.log, met)}; the thank-you is <b>due by "
                              f"{_hd(self.log, P.thank_you_due_on(met))}</b>.")
        else:
            self.due.value = ("<i>No answer from this person in the log yet; a thank-you "
                              "follows a reply or a meeting.</i>")
        self.live.value = checks_html(self.checks(v), passed=False)
        self.linkedin.value = self._linkedin_html(v)
        self._refresh_link(v)

    def _save(self, value: dict) -> dict:
        return super()._save({**value, "text": self.text(value)})

    def log_sent(self) -> FormResult:
        """Log a ``thank_you`` interaction dated today (or ``as_of``) and save the draft."""
        cid = self._require_contact()
        done = self._already_logged(cid, S.THANK_YOU, "A thank-you")
        if done is not None:
            return done
        value = self.value
        pts = self.points(value)
        note = "Thank-you" + (": cited " + "; ".join(pts) if pts else "")
        iid = self.log.add_interaction(cid, S.THANK_YOU, date=self.today.isoformat(),
                                       channel=value.get("channel") or None, notes=note)
        self._save_for_contact(cid, {
            **value, "text": self.text(value), "sent_on": self.today.isoformat(),
            "interaction_id": iid})
        nxt = self.today + _dt.timedelta(days=config.UPDATE_EVERY_DAYS)
        self._safe_refresh()
        return self.show_result(FormResult(
            True, True, "ok", f"Logged the thank-you to {self._contact_label(cid)} as {iid}. "
            f"Next: an update around {_hd(self.log, nxt)} (see Keep in touch below).",
            data={"interaction_id": iid}))

    def _layout(self):
        w = self.w
        c = self.controls
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), c["contact_id"], self.due,
                       c["points"], c["referrals"], c["next_step"], c["your_name"],
                       c["channel"], w.HTML("<b>Your note</b>"), self.preview,
                       self.live, w.HBox([self.buttons["submit"], self.mail_link,
                                          self.buttons["save_file"],
                                          self.buttons["log_sent"]]),
                       self.status, self.linkedin])


# --- notes into the log -------------------------------------------------------------------
class RecordMeetingForm(_FollowUpForm):
    """Write what you learned into the log, so you know later who told you what."""

    section = "meeting_records"
    title = "Put your notes in the log"
    submit_label = "Write to the log"

    def _build(self) -> None:
        self._contact_picker("Meeting with")
        self._date("held_on", "Met on")
        self._dropdown("channel", "How you met", _MEETING_CHANNELS, value="in_person")
        self._text("text", "Notes for the log", "e.g. Research assistants: one-year "
                   "contracts. Lead with fieldwork from teaching.", area=True, rows=8)
        self.where = self._html("target")
        self.live = self._html("live-checks")

    def _load_current(self) -> None:
        super()._load_current()
        cid = self.contact_id
        if isinstance(self.saved_state(), dict) or not cid:
            return
        m = _meeting_of(self.log, cid)
        notes = _notes_for(self.log, cid)
        day = _meeting_day(self.log, cid, self.today) or self.today
        meeting_channels = {v for _, v in _MEETING_CHANNELS}
        channel = next((ch for ch in (m["held_channel"], m["channel"])
                        if ch in meeting_channels), None)
        if channel is None:
            channel = P.guess_venue(m["place"], "")
            channel = channel if channel in meeting_channels else "in_person"
        self._set_values({"text": P.compose_meeting_notes(notes["notes"],
                                                          summary=notes["summary"]),
                          "held_on": day.isoformat(), "channel": channel})

    def target(self) -> tuple[str, str | None]:
        """Where saving writes the notes.

        Returns
        -------
        (str, str or None)
            ``("update", interaction_id)``, ``("meeting_held", None)`` or ``("note", None)``.
        """
        from ._facts import facts
        cid = self.contact_id
        state = self.saved_state() or {}
        mine = facts(self.log).raw_interactions_of(cid)
        iid = state.get("interaction_id") if isinstance(state, dict) else None
        if iid and (mine[S.INTERACTION_ID] == iid).any():
            return "update", iid
        m = _meeting_of(self.log, cid)
        sched = m["scheduled_for"]
        if m["held_on"] is None or (sched is not None and m["held_on"] < sched.date()):
            return S.MEETING_HELD, None
        if not str(m["held_notes"] or "").strip():
            return "update", m["held_id"]
        return S.NOTE, None

    def checks(self, value: dict) -> list[P.Check]:
        text = str(value.get("text", "")).strip()
        return [P.Check("text", bool(text), "" if text else "Nothing to write yet: take "
                        "notes in notebook 06, or type them here.", "error")]

    def refresh(self) -> None:
        if not self.contact_id:
            self.where.value = ""
            return
        how, iid = self.target()
        self.where.value = {
            "update": f"Saving updates the notes of interaction {iid}.",
            S.MEETING_HELD: "Saving logs the meeting as held, with these notes.",
            S.NOTE: "The meeting is logged with notes already; saving adds a note row.",
        }[how]
        self.live.value = checks_html([c for c in self.checks(self.value) if c.message],
                                      passed=False)

    def _save(self, value: dict) -> dict:
        cid = self._require_contact()
        text = str(value.get("text", "")).strip()
        if not text:
            raise ParameterError("Nothing to write yet: take notes in notebook 06, or type "
                                   "them here.")
        how, iid = self.target()
        state = self.saved_state() or {}
        if how == "update":
            if not (iid == state.get("interaction_id") and text == state.get("logged_text")):
                self.log.update_interaction(iid, notes=text)
            done = f"updated the notes of {iid}"
        else:
            day = value.get("held_on") or self.today.isoformat()
            when = day
            m = _meeting_of(self.log, cid)
            if how == S.MEETING_HELD and m["scheduled_for"] is not None and (
                    m["scheduled_for"].date().isoformat() == day):
                when = m["scheduled_for"].strftime("%Y-%m-%dT%H:%M")
            kind = how
            iid = self.log.add_interaction(cid, kind, date=when if kind == S.MEETING_HELD
                                           else self.today.isoformat(),
                                           channel=value.get("channel") or None, notes=text)
            done = f"logged a {kind} row, {iid}"
        self._save_for_contact(cid, {**value, "interaction_id": iid, "logged_text": text})
        self._safe_refresh()
        return {"done": done, "interaction_id": iid}

    def _saved_message(self, value: dict, data: dict) -> str:
        return f"In the log: {data['done']} for {self._contact_label(self.contact_id)}."

    def _layout(self):
        w = self.w
        c = self.controls
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), c["contact_id"], c["held_on"],
                       c["channel"], c["text"], self.where, self.live,
                       w.HBox(list(self.buttons.values())), self.status])


# --- referrals ----------------------------------------------------------------------------
class ReferralForm(EntryForm):
    """Add someone they suggested, linked to them by ``referred_by``."""

    title = "Add the people they suggested"
    submit_label = "Add referral"
    sticky = ("referred_by",)

    def __init__(self, log, *, referred_by: str | None = None, as_of=None):
        self.as_of = _given_as_of(as_of)
        self._wanted = referred_by
        super().__init__(log)

    def _build(self) -> None:
        options = contact_options(self.log, targets_first=False)
        self._dropdown("referred_by", "Suggested by",
                       options or [("— nobody in the log yet —", "")])
        t = self._text
        t("name", "Name", "e.g. Sam Ortiz")
        t("company", P.localize_spelling("Organisation", locale=profile_locale(self.log)),
          "e.g. Prairie Shore Health")
        t("role", "Role", "e.g. Research Coordinator")
        t("email", "E-mail", "e.g. sam.ortiz@prairieshore.example")
        t("phone", "Phone", "e.g. +1 847-555-0190")
        t("linkedin_url", "LinkedIn URL", "e.g. https://www.linkedin.com/in/sam-example")
        self._dropdown("cite_permission", "May you mention them?",
                       list(CITE_PERMISSION_LABELS), value="")
        self._dropdown("priority", "Priority", PRIORITY_OPTIONS, value="")
        t("notes", "Notes", "e.g. Runs the patient-feedback surveys; prefers e-mail",
          area=True, rows=2)
        self._checkbox("different_person", "This is a different person (not the one already "
                                           "in the log)")
        self.controls["different_person"].layout.display = "none"
        self.known = self._html("referrals")
        self.live = self._html("live-checks")

    def load(self) -> None:
        _preselect_last_met(self, "referred_by")
        super().load()  # an unsaved draft wins

    def checks(self, value: dict) -> list[P.Check]:
        name = str(value.get("name", "")).strip()
        ref = value.get("referred_by")
        checks = [P.Check("name", bool(name), "" if name else "Type the person's name.",
                          "error"),
                  P.Check("referred_by", bool(ref), "" if ref else "Choose who suggested them.",
                          "error")]
        perm = value.get("cite_permission") or ""
        if ref:
            who = self._name(ref)
            checks.append(P.Check(
                "cite_permission", perm == "yes",
                f"You may mention {who} when you write." if perm == "yes" else
                f"Ask {who} whether you may mention them before you do.", "info"))
        return checks

    def _name(self, cid: str) -> str:
        try:
            return self.log.contact_name(cid)
        except Exception:
            return cid

    def refresh(self) -> None:
        ref = self.controls["referred_by"].value
        names = _referrals_of(self.log, ref)
        self.known.value = (f"Already in the log, suggested by {_esc(self._name(ref))}: "
                            f"{_esc(', '.join(names))}." if names else "")
        v = self.value
        checks = [c for c in self.checks(v) if c.message and (c.name != "name" or v.get("name"))]
        self.live.value = checks_html(checks, passed=False)

    def _write(self, value: dict) -> dict:
        ref = value["referred_by"]
        fields = {k: str(value.get(k) or "").strip() for k in
                  ("name", "company", "role", "email", "phone", "linkedin_url",
                   "cite_permission", "priority", "notes")}
        fields = {k: v for k, v in fields.items() if v}
        fields.update(source="referral", referred_by=ref, mutual_connection=self._name(ref))
        if self.as_of is not None:
            fields["added_on"] = self.as_of.isoformat()
        cid = self.log.add_contact(different_person=bool(value.get("different_person")),
                                   **fields)
        return {"contact_id": cid, "name": fields["name"], "referrer": self._name(ref),
                "may_mention": fields.get("cite_permission") == "yes"}

    def _written_message(self, value: dict, data: dict) -> str:
        mention = ("you may mention " + data["referrer"] if data["may_mention"] else
                   "ask " + data["referrer"] + " first whether you may mention them")
        return (f"Added {data['name']} as {data['contact_id']}, suggested by "
                f"{data['referrer']}. Write to them in notebook 03 ({mention}). When they "
                f"answer, tell {data['referrer']}: it shows as due in notebook 04 until you "
                "log an update to them.")

    def _after_write_error(self, exc) -> None:
        if isinstance(exc, DuplicateContactError):
            self.controls["different_person"].layout.display = ""

    def submit(self) -> FormResult:
        """Add the contact; on a possible duplicate, offer "This is a different person"."""
        result = super().submit()
        if result.saved:
            self.controls["different_person"].layout.display = "none"
            self._safe_refresh()
        elif self.controls["different_person"].layout.display == "":
            self.show(self.status_level, self.status_message + " If this is someone else, "
                      "tick “This is a different person” and add again.", result.checks)
        return result

    def _layout(self):
        w = self.w
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), *self.controls.values(), self.known,
                       self.live, w.HBox(list(self.buttons.values())), self.status])


# --- keeping in touch ---------------------------------------------------------------------
#: What the keep-in-touch form writes: label → draft kind.
UPDATE_WRITES: tuple[tuple[str, str], ...] = (
    ("An update on how you are doing", "update"),
    ("How it went with the person they named", "tell_referrer"),
)


class UpdateScheduleForm(DraftButtons, _FollowUpForm):
    """Updates every few months: when, about what, and a short draft."""

    section = "updates"
    title = "Keep in touch"
    submit_label = "Save plan"
    shared_fields = ("every_days", "count", "your_name", "channel")
    draft_kind = "update"

    def _build(self) -> None:
        self._contact_picker("Keep in touch with")
        self._int("every_days", "Every (days)", value=config.UPDATE_EVERY_DAYS, lo=14, hi=365)
        self._int("count", "How many to plan", value=4, lo=1, hi=12)
        self._dropdown("write", "What to write", list(UPDATE_WRITES), value="update")
        self._text("advice", "Their advice", "e.g. lead with the parent-teacher interviews: "
                   "that is fieldwork", area=True, rows=2)
        self._text("progress", "What you did with it", "e.g. I rewrote my résumé around "
                   "fieldwork and got two interviews.", area=True, rows=2)
        self._text("your_name", "Your name", "e.g. Jordan Avery")
        self._dropdown("channel", "Sending by", _SEND_CHANNELS, value="email")
        self._draft_widgets()
        self._button("log_sent", "Log update sent", self.log_sent, style="success")
        self.schedule_view = self._html("schedule")
        self.preview = self._preview("update", rows=9)
        self.live = self._html("live-checks")

    def default_contact(self) -> str | None:
        from .. import metrics
        from ._facts import facts
        f = facts(self.log)
        if len(f.interactions):
            due = f.due(self.today.isoformat())
            due = due[due["action"].isin([metrics.UPDATE_ACTION,
                                          metrics.TELL_REFERRER_ACTION])]
            if len(due):
                return str(due[S.CONTACT_ID].iloc[0])
        return super().default_contact()

    def _load_current(self) -> None:
        super()._load_current()
        if not isinstance(self.saved_state(), dict) and self.contact_id:
            points = _log_points(self.log, self.contact_id)
            self._set_values({"advice": points[0] if points else ""})
        saved = self.saved_state()
        if self.contact_id and not (isinstance(saved, dict) and saved.get("write")):
            from .. import metrics
            due = [line for line in self._due_here()
                   if line.startswith(metrics.TELL_REFERRER_ACTION.replace("_", " "))]
            self._set_values({"write": "tell_referrer" if due else "update"})
        self._fill_your_name()

    def referred(self) -> tuple[str, str] | None:
        """(name, ``replied``/``met``) of the person this contact referred you to who
        answered last, or ``None``."""
        from ._facts import facts
        cid = self.contact_id
        f = facts(self.log)
        if not cid or S.REFERRED_BY not in f.raw_contacts:
            return None
        theirs = f.referred_by(cid)
        best = None
        for other, name in zip(theirs[S.CONTACT_ID], theirs[S.NAME]):
            got = latest_response(self.log, other, as_of=self.today)
            if got is not None and (best is None or got[1] > best[2]):
                best = (name, got[0], got[1])
        if best is None:
            return (str(theirs[S.NAME].iloc[-1]), "replied") if len(theirs) else None
        return best[0], "met" if best[1] == S.MEETING_HELD else "replied"

    def since(self) -> _dt.date:
        """The last meeting, thank-you or update with this person (else today)."""
        last = last_interaction_date(self.log, self.contact_id,
                                     (S.MEETING_HELD, S.THANK_YOU, S.UPDATE))
        return last or self.today

    def schedule(self, value: dict | None = None) -> list[dict]:
        v = self.value if value is None else value
        return P.update_schedule(self.since(), every_days=int(v.get("every_days") or
                                                              config.UPDATE_EVERY_DAYS),
                                 count=int(v.get("count") or 4))

    def text(self, value: dict | None = None) -> str:
        v = self.value if value is None else value
        row = _contact_row(self.log, self.contact_id)
        ref = self.referred() if v.get("write") == "tell_referrer" else None
        if ref is not None:
            return P.compose_tell_referrer(row.get(S.NAME, ""), referred=ref[0],
                                           outcome=ref[1], progress=v.get("progress", ""),
                                           your_name=v.get("your_name", ""))
        met = last_interaction_date(self.log, self.contact_id, (S.MEETING_HELD,))
        return P.compose_update(row.get(S.NAME, ""), advice=v.get("advice", ""),
                                progress=v.get("progress", ""),
                                your_name=v.get("your_name", ""), met_on=met)

    def draft(self, value: dict | None = None) -> D.Draft | None:
        """The update (or the note to your referrer) as a draft for the mail program."""
        got = self._draft_inputs(value)
        if got is None:
            return None
        v, row, me = got
        kind = "tell_referrer" if (v.get("write") == "tell_referrer" and self.referred()) \
            else "update"
        return D.Draft(kind=kind, body=self.text(v), subject=D.subject_for(kind),
                       to_name=row.get(S.NAME, ""), to_address=row.get(S.EMAIL, ""),
                       channel="letter" if v.get("channel") == "letter" else "email",
                       from_name=str(v.get("your_name") or me.name).strip(),
                       from_address=me.email,
                       recipient_postal="\n".join(x for x in (row.get(S.COMPANY, ""),
                                                              row.get(S.WORK_ADDRESS, ""))
                                                  if x),
                       sender_postal=me.address, date=self.today, locale=me.locale)

    def _due_here(self) -> list[str]:
        from ._facts import facts
        f = facts(self.log)
        if not self.contact_id or len(f.interactions) == 0:
            return []
        due = f.due(self.today.isoformat())
        due = due[due[S.CONTACT_ID] == self.contact_id]
        return [f"{a.replace('_', ' ')} (due {d:%Y-%m-%d}): {r}"
                for a, d, r in zip(due["action"], due["due_on"], due["reason"])]

    def checks(self, value: dict) -> list[P.Check]:
        if not self.contact_id:
            return []
        progress = str(value.get("progress", "")).strip()
        return [P.Check("progress", bool(progress), "" if progress else
                        "Say what you did with their advice: that is what makes an update "
                        "worth reading.", "info")]

    def refresh(self) -> None:
        if not self.contact_id:
            self.schedule_view.value = "<i>Choose whom to keep in touch with.</i>"
            self.preview.value = ""
            return
        v = self.value
        try:
            plan = self.schedule(v)
        except ParameterError as exc:
            self.schedule_view.value = f"<i>{_esc(exc)}</i>"
            return
        rows = []
        for item in plan:
            day = _dt.date.fromisoformat(item["due_on"])
            style = " style='color:#cf222e'" if day <= self.today else ""
            rows.append(f"<li{style}>{_hd(self.log, day)}: {_esc(item['idea'])}</li>")
        due = self._due_here()
        due_html = ("<div style='color:#9a6700'><b>Due now:</b><ul>" + "".join(
            f"<li>{_esc(d)}</li>" for d in due) + "</ul></div>") if due else ""
        self.schedule_view.value = (due_html + f"<b>Since {_hd(self.log, self.since())}, "
                                    f"updates every {v.get('every_days')} days:</b><ul>"
                                    + "".join(rows) + "</ul>")
        self.preview.value = self.text(v)
        self.live.value = checks_html([c for c in self.checks(v) if c.message], passed=False)
        self._refresh_link(v)

    def _save(self, value: dict) -> dict:
        return super()._save({**value, "schedule": self.schedule(value)})

    def log_sent(self) -> FormResult:
        """Log an ``update`` interaction dated today (or ``as_of``) and save the plan."""
        cid = self._require_contact()
        done = self._already_logged(cid, S.UPDATE, "An update")
        if done is not None:
            return done
        value = self.value
        progress = str(value.get("progress", "")).strip()
        iid = self.log.add_interaction(cid, S.UPDATE, date=self.today.isoformat(),
                                       channel=value.get("channel") or None,
                                       notes="Update" + (f": {progress}" if progress else ""))
        schedule = self.schedule(value)
        self._save_for_contact(cid, {**value, "schedule": schedule,
                                     "last_sent_on": self.today.isoformat()})
        nxt = schedule[0]["due_on"]
        self._safe_refresh()
        return self.show_result(FormResult(
            True, True, "ok", f"Logged the update to {self._contact_label(cid)} as {iid}. "
            f"Next one around {_hd(self.log, nxt)}.", data={"interaction_id": iid}))

    def _layout(self):
        w = self.w
        c = self.controls
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), c["contact_id"], c["every_days"],
                       c["count"], self.schedule_view, c["write"], c["advice"],
                       c["progress"], c["your_name"], c["channel"],
                       w.HTML("<b>Your note</b>"), self.preview, self.live,
                       w.HBox([self.buttons["submit"], self.mail_link,
                               self.buttons["save_file"], self.buttons["log_sent"]]),
                       self.status])


# --- job leads ----------------------------------------------------------------------------
class LeadForm(EntryForm):
    """Note a job lead or opening someone mentioned, so none slips away."""

    title = "Log a job lead or opening"
    submit_label = "Log lead"
    sticky = ("contact_id", "date")

    def __init__(self, log, *, contact_id: str | None = None, as_of=None):
        self.as_of = _given_as_of(as_of)
        self._wanted = contact_id or None
        super().__init__(log)

    def _build(self) -> None:
        options = contact_options(self.log)
        self._dropdown("contact_id", "Mentioned by",
                       options or [("— nobody in the log yet —", "")])
        self._date("date", "When", value=self.today)
        self._text("opening", "The opening or lead", "e.g. Research operations coordinator, "
                   "posting expected in October")
        self._text("link", "Link (optional)", "e.g. https://careers.example/123")
        self._text("notes", "Notes", "e.g. Apply through her; mention our talk", area=True,
                   rows=2)
        self.leads_view = self._html("leads")
        self.live = self._html("live-checks")

    def load(self) -> None:
        _preselect_last_met(self, "contact_id")
        super().load()

    def checks(self, value: dict) -> list[P.Check]:
        opening = str(value.get("opening") or "").strip()
        link = str(value.get("link") or "").strip()
        checks = [P.Check("contact", bool(value.get("contact_id")), "" if value.get(
                      "contact_id") else "Choose who mentioned it.", "error"),
                  P.Check("opening", bool(opening), "" if opening else
                          "Say what the opening or lead is.", "error"),
                  P.Check("date", bool(value.get("date")), "" if value.get("date") else
                          "Give the date you heard of it.", "error")]
        if link and not link.startswith(("https://", "http://")):
            checks.append(P.Check("link", False, f"The link {link!r} does not start with "
                                  "https:// or http://; paste the whole address.", "error"))
        return checks

    def note_text(self, value: dict) -> str:
        """The ``notes`` of the ``lead`` record: the opening, then the link and notes."""
        parts = [str(value.get(k) or "").strip() for k in ("opening", "link", "notes")]
        return " — ".join(p for p in parts if p)

    def refresh(self) -> None:
        from ._facts import facts
        f = facts(self.log)
        day = self.today.isoformat()

        def leads_html():  # once per version of the log and day, not on every keystroke
            table = f.campaign(day).leads()  # metrics.leads
            if not len(table):
                return "<i>No leads logged yet.</i>"
            rows = "".join(
                f"<li>{d:%Y-%m-%d} · {_esc(n)}{' (' + _esc(c) + ')' if c else ''}: "
                f"{_esc(t)}</li>" for d, n, c, t in zip(table["date"], table[S.NAME],
                                                        table[S.COMPANY], table["lead"]))
            return f"<b>Leads so far ({len(table)}):</b><ul>{rows}</ul>"
        self.leads_view.value = f.once(("leads_html", day), leads_html)
        v = self.value
        shown = [c for c in self.checks(v) if c.message and (c.name != "opening" or
                                                              v.get("opening"))]
        self.live.value = checks_html(shown, passed=False)

    def _write(self, value: dict) -> dict:
        iid = self.log.add_interaction(value["contact_id"], S.LEAD, date=value["date"],
                                       channel=None, notes=self.note_text(value))
        return {"interaction_id": iid}

    def _written_message(self, value: dict, data: dict) -> str:
        return (f"Logged the lead from {self._contact_label(value['contact_id'])} "
                f"({data['interaction_id']}). Ask them whether you may mention their name "
                "when you apply.")

    def submit(self) -> FormResult:
        result = super().submit()
        if result.saved:
            self._safe_refresh()
        return result

    def _layout(self):
        w = self.w
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), *self.controls.values(), self.live,
                       w.HBox(list(self.buttons.values())), self.status, self.leads_view])
