"""Notebook 03 — reach out: the letter, the phone follow-up, logging what happened.

Controls (``form.controls[name]``):

LetterForm (``plan.json`` section ``letters``, one entry per contact)
    ``contact_id`` ("Write to"), ``channel`` (email or letter), ``short`` (short-e-mail
    mode), the parts ``recipient_name``, ``connection``, ``how_found``,
    ``who_you_are``, ``why_field``, ``why_organisation``, ``why_person``, ``ask``,
    ``resume``, ``meeting_mode``, ``time_window``, ``follow_up``, ``thanks``,
    ``sender_name``, ``sender_details``, and ``sent_on`` (blank = today).
    ``form.preview`` shows the letter, ``form.live`` the checks as you type,
    ``form.mail_link`` the **Open in mail program** link. Buttons:
    ``form.buttons["submit"]`` ("Save draft"), ``form.buttons["save_file"]`` ("Save
    draft file": an ``.eml`` draft, or a printable page for a postal letter, in the
    log's ``drafts/`` folder) and ``form.buttons["log_sent"]`` ("Log as sent": records
    an ``outreach`` interaction and says when the follow-up falls due).
ProfileForm (section ``profile``)
    ``name``, ``email``, ``phone``, ``address`` (postal, for letters), ``resume_path``
    (attached to e-mail drafts) and ``locale`` (how dates and spelling are written).
PhoneScriptForm (section ``phone_scripts``, one entry per contact)
    ``contact_id``, ``sender_name``, ``recipient_name``, ``reason``, ``why_person``,
    ``time_window``, ``minutes``, ``callback``; the script with its branches is shown
    in ``form.script_view``.
CallOutcomeForm (entry form)
    ``contact_id``, ``outcome`` (a kind), ``date``, ``channel``, ``notes``.
ScheduleMeetingForm (entry form)
    ``contact_id``, ``agreed_on``, ``meeting_day``, ``meeting_time``, ``channel``,
    ``place``, ``minutes``, ``their_choice``, ``notes``; writes a
    ``meeting_scheduled`` row with ``scheduled_for`` and ``place``.
"""
from __future__ import annotations

import datetime as _dt

from pathlib import Path

from .. import drafts as D
from .. import planning as P
from .. import schema as S
from ..errors import InfointError, ParameterError
from ..markup import literal
from ..vocabulary import ARRANGE_CHANNELS, OUTREACH_CHANNELS, channel_options
from ._base import (EntryForm, Form, FormResult, _contact_row, checks_html,
                    contact_options, last_interaction_date)
from ._drafting import OPEN_IN_MAIL, SAVE_DRAFT_FILE, DraftButtons

__all__ = ["LetterForm", "PhoneScriptForm", "CallOutcomeForm", "ScheduleMeetingForm",
           "ProfileForm", "CALL_OUTCOMES", "LOG_AS_SENT", "SAVE_DRAFT_FILE", "OPEN_IN_MAIL",
           "LOCALE_OPTIONS"]

#: The exact text of the LetterForm's button that logs the letter as sent.
LOG_AS_SENT = "Log as sent"

#: Outcomes offered by :class:`CallOutcomeForm`: label → kind.
CALL_OUTCOMES: tuple[tuple[str, str], ...] = (
    ("Left a voicemail", S.VOICEMAIL),
    ("Left a message with someone", S.MESSAGE_LEFT),
    ("No answer", S.NO_ANSWER),
    ("Snafu (e-mail unopened, wrong number, bounced…)", S.SNAFU),
    ("Called again / follow-up sent", S.FOLLOW_UP),
    ("They said yes", S.REPLY_YES),
    ("They said no", S.REPLY_NO),
    ("They said: later", S.REPLY_LATER),
    ("They named someone else to talk to", S.REPLY_REFERRAL),
)
_OUTCOME_LABEL = {k: label for label, k in CALL_OUTCOMES}


def _today() -> _dt.date:
    return _dt.date.today()


def _last_attempt(log, cid: str | None):
    """(date text, kind) of the contact's latest attempt, or ``None``."""
    if not cid:
        return None
    from ._facts import facts
    i = facts(log).interactions_of(cid)
    mine = i[i[S.KIND].isin(S.ATTEMPT_KINDS)]
    if mine.empty:
        return None
    row = mine.sort_values(S.DATE).iloc[-1]
    return row[S.DATE].date().isoformat(), row[S.KIND]


def _shared_notes(log, cid: str | None) -> str:
    """What you share with ``cid``, from your research notes (notebook 05)."""
    saved = log.plan_section("research", cid) if cid else None
    return str(saved.get("shared", "") or "").strip() if isinstance(saved, dict) else ""


def _contact_card(log, cid: str | None) -> str:
    row = _contact_row(log, cid)
    if not row:
        return "<i>Nobody selected. Add people in notebook 02 first.</i>"
    bits = [f"<b>{literal(row.get(S.NAME, ''), into='html')}</b>"]
    job = ", ".join(x for x in (row.get(S.ROLE, ""), row.get(S.COMPANY, "")) if x)
    if job:
        bits.append(literal(job, into="html"))
    reach = " · ".join(x for x in (row.get(S.EMAIL, ""), row.get(S.PHONE, "")) if x)
    if reach:
        bits.append(literal(reach, into="html"))
    mutual = row.get(S.MUTUAL_CONNECTION, "")
    if mutual:
        perm = row.get(S.CITE_PERMISSION, "") or "not asked yet"
        bits.append(f"shared connection: {literal(mutual, into='html')} (may you mention them? "
                    f"{literal(perm, into='html')})")
    last = _last_attempt(log, cid)
    bits.append(f"last attempt: {last[1]} on {last[0]}" if last else "not contacted yet")
    return " — ".join(bits)


#: Locales offered in the profile: label → locale.
LOCALE_OPTIONS: tuple[tuple[str, str], ...] = (
    ("English (US): May 19, organization", "en-US"),
    ("English (UK): 19 May, organisation", "en-GB"),
    ("English (Ireland)", "en-IE"), ("English (Australia)", "en-AU"),
    ("English (New Zealand)", "en-NZ"), ("English (Canada)", "en-CA"),
    ("English (India)", "en-IN"), ("English (South Africa)", "en-ZA"),
)


def _locale_of(log) -> str:
    try:
        return D.load_profile(log).locale
    except InfointError:
        return P.DEFAULT_LOCALE


def _hd(log, day) -> str:
    """``day`` as people write it, in the locale of the user's profile."""
    return P.human_date(day, locale=_locale_of(log))


class ProfileForm(Form):
    """Your own details, once: the sender of every draft, your résumé, your locale."""

    section = D.PROFILE_SECTION
    title = "About you (for your letters and drafts)"
    submit_label = "Save profile"

    def _build(self) -> None:
        t = self._text
        t("name", "Your name", "e.g. Rosa Delgado")
        t("email", "Your e-mail", "e.g. rosa@mail.example")
        t("phone", "Your phone", "e.g. +1 312-555-0190")
        t("address", "Postal address", "e.g. 1520 W. Addison St, Apt 3\nChicago, IL 60613",
          area=True, rows=3)
        t("resume_path", "Résumé file", "e.g. resume.pdf in your log folder, or a full path")
        self._dropdown("locale", "Dates and spelling", list(LOCALE_OPTIONS),
                       value=P.DEFAULT_LOCALE)
        self.live = self._html("live-checks")

    def resume_file(self, value: dict | None = None) -> Path | None:
        """The résumé's path as drafts will use it (relative paths: from the log folder)."""
        v = self.value if value is None else value
        text = str(v.get("resume_path") or "").strip()
        if not text:
            return None
        path = Path(text).expanduser()
        return path if path.is_absolute() else Path(self.log.folder) / path

    def checks(self, value: dict) -> list[P.Check]:
        checks = [P.Check("name", bool(str(value.get("name") or "").strip()),
                          "Your name signs every draft." if value.get("name") else
                          "Type your name: it signs every draft.", "warning")]
        path = self.resume_file(value)
        if path is None:
            checks.append(P.Check("resume", True, "No résumé kept: drafts go without one."))
        elif path.is_file():
            checks.append(P.Check("resume", True, f"Your résumé {path.name} is attached to "
                                  "e-mail drafts."))
        else:
            checks.append(P.Check("resume", False, f"No file at {path}: give the path of your "
                                  "résumé (relative to the log folder, or a full path).",
                                  "error"))
        return checks

    def refresh(self) -> None:
        self.live.value = checks_html(self.checks(self.value))


class LetterForm(DraftButtons, Form):
    """Compose an outreach letter or e-mail, check it live, log it as sent.

    The letter is saved per contact in ``plan.json`` (``letters``); your own parts
    (who you are, why the field, how to meet, thanks, your name) carry over to the
    next person you write to.
    """

    section = "letters"
    per_contact = True
    transient = ("contact_id",)
    shared_fields = ("channel", "short", "who_you_are", "why_field", "meeting_mode",
                     "thanks", "sender_name", "sender_details")
    title = "Write to ask for an informational interview"
    submit_label = "Save draft"
    draft_kind = "outreach"

    def _build(self) -> None:
        t = self._text
        self._dropdown("contact_id", "Write to", contact_options(self.log))
        self._dropdown("channel", "Sending by",
                       channel_options(OUTREACH_CHANNELS, letter="letter"), value="email")
        self._checkbox("short", f"Short e-mail (under {P.SHORT_EMAIL_WORDS} words)")
        t("recipient_name", "Greeting (Dear …)", "e.g. Ms Raman")
        t("connection", "Shared connection",
          "e.g. Priya Raman suggested I write to you. (Only once she has said yes.)", area=True)
        t("how_found", "How you found them, what you share",
          "e.g. I found you through our alumni network; we both taught in Chicago schools.",
          area=True)
        t("who_you_are", "Who you are, where you stand",
          "e.g. I teach maths at a Chicago high school and am moving into UX research "
          "this year.", area=True)
        t("why_field", "Why this field",
          "e.g. Planning lessons taught me to watch how people learn, and I want to do that "
          "with products.", area=True)
        t("why_organisation", "Why this organisation",
          "e.g. Your tutoring app is used in my school, and I admire how it explains "
          "mistakes.", area=True)
        t("why_person", "Why this person",
          "e.g. You moved from teaching to research, the path I hope to follow.", area=True)
        t("ask", "The ask", "e.g. Would you have 20 minutes for an informational interview?",
          value=P.suggest_ask(minutes=20), area=True)
        t("resume", "Résumé line", "e.g. I attach my résumé, so you can see where I am coming "
          "from. (Filled in when your profile keeps a résumé.)")
        t("meeting_mode", "How you'd like to meet",
          "e.g. Coffee near your office, a call or a video chat — whatever suits you.")
        t("time_window", "Time window", "e.g. I am free most mornings between 8 and 19 June.")
        t("follow_up", "When you'll follow up",
          "e.g. I will give you a call in the week of 22 June.",
          value=P.suggest_follow_up(P.follow_up_due_date(_today())))
        t("thanks", "Thanks", "e.g. Thank you for considering it.",
          value="Thank you for considering my request.")
        t("sender_name", "Your name", "e.g. Rosa Delgado")
        t("sender_details", "Your phone / e-mail", "e.g. +1 312-555-0190 · rosa@mail.example",
          area=True)
        self._date("sent_on", "Sent on (blank = today)")
        self.card = self._html("contact-card")
        self.preview = self._preview("letter", rows=18)
        self.live = self._html("live-checks")
        self._draft_widgets()
        self._button("log_sent", LOG_AS_SENT, self.log_sent, style="success")

    # -- text and checks ------------------------------------------------------------
    def text(self, value: dict | None = None) -> str:
        """The composed letter for ``value`` (default: what is typed now)."""
        v = self.value if value is None else value
        return P.compose_letter(short=bool(v.get("short")),
                                **{k: v.get(k, "") or "" for k in P.LETTER_PARTS})

    def draft(self, value: dict | None = None) -> D.Draft | None:
        """The letter as a draft for the mail program (or a printable page for a letter)."""
        got = self._draft_inputs(value)
        if got is None:
            return None
        v, row, me = got
        channel = v.get("channel") or "email"
        attach = (me.resume,) if me.resume is not None and (
            v.get("resume") or "").strip() else ()
        return D.Draft(
            kind="outreach", body=self.text(v),
            subject=D.subject_for("outreach", company=row.get(S.COMPANY, "")),
            to_name=row.get(S.NAME, ""), to_address=row.get(S.EMAIL, ""), channel=channel,
            from_name=(v.get("sender_name") or me.name).strip(), from_address=me.email,
            attachments=attach,
            recipient_postal="\n".join(x for x in (row.get(S.COMPANY, ""),
                                                   row.get(S.WORK_ADDRESS, "")) if x),
            sender_postal=me.address, date=_today(), locale=me.locale)

    def cite_permission(self) -> str:
        """The selected contact's cite permission (``""`` when none is recorded)."""
        return _contact_row(self.log, self.contact_id).get(S.CITE_PERMISSION, "")

    def checks(self, value: dict) -> list[P.Check]:
        return P.check_letter(self.text(value),
                              mentions_connection=bool((value.get("connection") or "").strip()),
                              cite_permission=self.cite_permission(),
                              short=bool(value.get("short")),
                              time_window=value.get("time_window") or "",
                              follow_up=value.get("follow_up") or "",
                              sent_on=value.get("sent_on") or _today(),
                              has_resume=self.profile().resume is not None,
                              locale=self.profile().locale)

    #: The follow-up sentence the form suggested last (kept in step with the window
    #: until you edit it yourself).
    _suggested_follow_up: str = ""

    def suggested_follow_up(self, value: dict | None = None) -> str:
        """The follow-up sentence for ``value``: due ten days after sending, and after
        the time window the letter offers."""
        v = self.value if value is None else value
        sent = v.get("sent_on") or _today()
        return P.suggest_follow_up(P.follow_up_due_date(sent),
                                   time_window=v.get("time_window") or "",
                                   locale=self.profile().locale)

    def refresh(self) -> None:
        v = self.value
        if self._suggested_follow_up and v.get("follow_up") == self._suggested_follow_up:
            fresh = self.suggested_follow_up(v)
            if fresh != v["follow_up"]:
                self._set_values({"follow_up": fresh})
                self._suggested_follow_up = fresh
                v = self.value
        self.card.value = _contact_card(self.log, self.contact_id)
        self.preview.value = self.text(v)
        self.live.value = checks_html(self.checks(v))
        self._refresh_link(v)

    # -- memory ---------------------------------------------------------------------
    def _load_current(self) -> None:
        super()._load_current()
        if self.saved_state() is None:
            self._prefill()

    def _prefill(self) -> None:
        """Suggest a greeting and the connection sentence for a new letter."""
        row = _contact_row(self.log, self.contact_id)
        if not row:
            return
        me = self.profile()
        self._suggested_follow_up = self.suggested_follow_up()
        fill = {"recipient_name": P.greeting_name(row.get(S.NAME, "")),
                "follow_up": self._suggested_follow_up,
                "how_found": P.suggest_how_found(
                    row.get(S.SOURCE, ""), company=row.get(S.COMPANY, ""),
                    shared=_shared_notes(self.log, self.contact_id), locale=me.locale),
                "resume": (P.resume_sentence(self.controls["channel"].value)
                           if me.resume is not None else "")}
        if not self.controls["sender_name"].value and me.name:
            fill["sender_name"] = me.name
        if not self.controls["sender_details"].value and me.details:
            fill["sender_details"] = me.details
        mutual = row.get(S.MUTUAL_CONNECTION, "")
        if mutual and row.get(S.CITE_PERMISSION, "") == "yes":
            fill["connection"] = f"{mutual} suggested I get in touch with you."
        else:
            fill["connection"] = ""
        self._set_values(fill)

    def _save(self, value: dict) -> dict:
        previous = self.saved_state() or {}
        keep = {k: previous[k] for k in ("logged_interaction_id", "logged_on",
                                         "follow_up_due") if k in previous}
        return super()._save({**value, **keep})

    # -- log as sent ----------------------------------------------------------------
    def log_sent(self) -> FormResult:
        """Record the letter as an ``outreach`` interaction and say when to follow up.

        The letter itself is saved too. Clicking twice for the same contact and
        day adds nothing the second time.
        """
        cid = self.contact_id
        if not cid:
            raise InfointError("Choose who you wrote to first; if the list is empty, add the "
                               "person in notebook 02 (Find people).")
        value = self.value
        checks = self.checks(value)
        sent_on = value.get("sent_on") or _today().isoformat()
        channel = value.get("channel") or "email"
        state = self.saved_state() or {}
        known = set(self.log.raw_interactions[S.INTERACTION_ID])
        if state.get("logged_on") == sent_on and state.get("logged_interaction_id") in known:
            return self.show_result(FormResult(
                False, False, "warning",
                f"Already logged as sent on {sent_on} ({state['logged_interaction_id']}); "
                "nothing added. Change “Sent on” if you sent it again.", checks))
        text = self.text(value)
        what = "short e-mail" if value.get("short") else ("e-mail" if channel == "email"
                                                           else "letter")
        iid = self.log.add_interaction(
            cid, S.OUTREACH, date=sent_on, channel=channel,
            notes=f"Sent the {what} from the letter composer ({P.count_words(text)} words).")
        due = P.follow_up_due_date(sent_on)
        self._save_for_contact(cid, {**value, "logged_interaction_id": iid,
                                     "logged_on": sent_on, "follow_up_due": due.isoformat()})
        self.refresh()
        name = self._contact_label(cid)
        message = (f"Logged the {what} to {name} as sent on {sent_on} ({iid}). "
                   f"Follow up on {_hd(self.log, due)} if you have not heard back.")
        level = P.worst_level(checks)
        if level in ("warning", "error"):
            message += " The letter had problems, listed below; mind them next time."
        return self.show_result(FormResult(True, True, "ok" if level == "info" else level,
                                           message, checks,
                                           {"interaction_id": iid,
                                            "follow_up_due": due.isoformat()}))

    def _layout(self):
        w = self.w
        c = self.controls
        return w.VBox([
            w.HTML(f"<h3>{self.title}</h3>"),
            c["contact_id"], self.card, c["channel"], c["short"],
            w.HTML("<b>The parts of your letter</b>"),
            *[c[k] for k in P.LETTER_PARTS],
            w.HTML("<b>Your letter</b>"), self.preview,
            w.HTML("<b>Checks</b>"), self.live,
            c["sent_on"],
            w.HBox([self.buttons["submit"], self.mail_link, self.buttons["save_file"],
                    self.buttons["log_sent"]]), self.status,
        ])


class PhoneScriptForm(Form):
    """The phone follow-up, one to two weeks after the letter, with its branches."""

    section = "phone_scripts"
    per_contact = True
    transient = ("contact_id",)
    shared_fields = ("sender_name", "callback", "minutes")
    title = "Phone follow-up script"
    submit_label = "Save script"

    def _build(self) -> None:
        self._dropdown("contact_id", "Calling", contact_options(self.log))
        self._text("sender_name", "Your name", "e.g. Rosa, a maths teacher")
        self._text("recipient_name", "How you greet them", "e.g. Mr Karim")
        self._text("reason", "What draws you to them",
                   "e.g. I love how your team tests lessons with real classrooms.", area=True)
        self._text("why_person", "Why them in particular",
                   "e.g. You made the same move from teaching that I am making.", area=True)
        self._text("time_window", "When you're free", "e.g. between 8 and 19 June")
        self._int("minutes", "Minutes you ask for", value=20, lo=5, hi=120)
        self._text("callback", "Your phone number", "e.g. 312-555-0190")
        self.card = self._html("contact-card")
        self.script_view = self._html("phone-script")
        self.live = self._html("live-checks")

    def letter_sent_on(self) -> str | None:
        """Date of the contact's latest outreach, if any (mentioned in the opening)."""
        day = last_interaction_date(self.log, self.contact_id, (S.OUTREACH,))
        return None if day is None else day.isoformat()

    def script(self, value: dict | None = None) -> dict[str, str]:
        """The script for ``value`` (see :func:`infoint_nb.planning.compose_phone_script`)."""
        v = self.value if value is None else value
        return P.compose_phone_script(
            sender_name=v.get("sender_name", ""), recipient_name=v.get("recipient_name", ""),
            letter_sent_on=self.letter_sent_on(), reason=v.get("reason", ""),
            why_person=v.get("why_person", ""), time_window=v.get("time_window", ""),
            minutes=int(v.get("minutes") or 20), callback=v.get("callback", ""),
            locale=_locale_of(self.log))

    def checks(self, value: dict) -> list[P.Check]:
        name = (value.get("sender_name") or "").strip()
        return [P.Check("sender_name", bool(name), "Your name is in the script." if name else
                        "Type your name: the script starts by saying who is calling.",
                        "error")] + P.check_meeting_length(value.get("minutes"))

    def refresh(self) -> None:
        v = self.value
        self.card.value = _contact_card(self.log, self.contact_id)
        self.live.value = checks_html(self.checks(v), passed=False)
        try:
            script = self.script(v)
        except ParameterError:
            self.script_view.value = "<i>Type your name to see the script.</i>"
            return
        rows = "".join(
            f"<p><b>{P.PHONE_SCRIPT_LABELS[k]}</b><br>{literal(script[k], into='html')}</p>"
            for k in P.PHONE_SCRIPT_STEPS)
        self.script_view.value = rows

    def _load_current(self) -> None:
        super()._load_current()
        if self.saved_state() is None:
            letter = self.log.plan_section("letters", self.contact_id) if self.contact_id else None
            fill = {"recipient_name": P.greeting_name(
                _contact_row(self.log, self.contact_id).get(S.NAME, ""))}
            try:
                me = D.load_profile(self.log)
            except InfointError:
                me = D.Profile()
            if me.name and not self.controls["sender_name"].value:
                fill["sender_name"] = me.name
            if me.phone and not self.controls["callback"].value:
                fill["callback"] = me.phone
            if isinstance(letter, dict):
                for k in ("sender_name", "recipient_name", "why_person"):
                    if letter.get(k):
                        fill[k] = letter[k]
            self._set_values(fill)

    def _layout(self):
        w = self.w
        c = self.controls
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), c["contact_id"], self.card,
                       *[c[k] for k in c if k != "contact_id"], self.live,
                       w.HTML("<b>Your script</b>"), self.script_view,
                       w.HBox(list(self.buttons.values())), self.status])


class CallOutcomeForm(EntryForm):
    """Log what happened when you called or wrote: voicemail, no answer, a snafu, a reply."""

    title = "Log what happened"
    submit_label = "Log it"
    sticky = ("contact_id", "date", "channel")

    def _build(self) -> None:
        self._dropdown("contact_id", "Who", contact_options(self.log))
        self._dropdown("outcome", "What happened", list(CALL_OUTCOMES), value=S.VOICEMAIL)
        self._date("date", "When", value=_today())
        self._dropdown("channel", "How", [(c.replace("_", " "), c) for c in S.CHANNELS],
                       value="phone")
        self._text("notes", "Notes", "e.g. Assistant says she is back on Monday")

    def checks(self, value: dict) -> list[P.Check]:
        ok = bool(value.get("contact_id"))
        return [P.Check("contact", ok, "" if ok else
                        "Choose who it was; add new people in notebook 02 first.", "error"),
                P.Check("date", bool(value.get("date")), "" if value.get("date") else
                        "Give the date it happened.", "error")]

    def _write(self, value: dict) -> dict:
        iid = self.log.add_interaction(value["contact_id"], value["outcome"],
                                       date=value["date"], channel=value["channel"],
                                       notes=value.get("notes", ""))
        return {"interaction_id": iid}

    def _written_message(self, value: dict, data: dict) -> str:
        kind = value["outcome"]
        who = self._contact_label(value["contact_id"])
        msg = f"Logged “{_OUTCOME_LABEL[kind]}” for {who} on {value['date']} ({data['interaction_id']})."
        if kind in S.ATTEMPT_KINDS:
            due = P.follow_up_due_date(value["date"])
            msg += f" Next try around {_hd(self.log, due)}."
        elif kind == S.SNAFU:
            msg += " Fix the problem and send it again now."
        elif kind == S.REPLY_YES:
            msg += " Now schedule the meeting below."
        elif kind == S.REPLY_NO:
            msg += " Thank them, and ask whom else you could talk to."
        elif kind == S.REPLY_REFERRAL:
            msg += " Add the person they named in notebook 02, referred by this contact."
        return msg


class ScheduleMeetingForm(EntryForm):
    """Record the meeting they agreed to: when, where (or the link), how long."""

    title = "Schedule the meeting"
    submit_label = "Schedule meeting"
    sticky = ("contact_id",)

    def _build(self) -> None:
        self._dropdown("contact_id", "With", contact_options(self.log))
        self._date("agreed_on", "Agreed on", value=_today())
        self._date("meeting_day", "Meeting day")
        self._text("meeting_time", "Time", "e.g. 08:30")
        self._dropdown("channel", "How", channel_options(ARRANGE_CHANNELS), value="in_person")
        self._text("place", "Place or call/video link",
                   "e.g. Sawmill Coffee, 233 W. Ontario St — or https://meet.example/abc")
        self._int("minutes", "Minutes", value=20, lo=5, hi=180)
        self._checkbox("their_choice", "They chose the time and place", value=True)
        self._text("notes", "Notes", "e.g. She prefers early mornings; I pay for coffee")
        self.live = self._html("live-checks")

    def checks(self, value: dict) -> list[P.Check]:
        checks = [P.Check("contact", bool(value.get("contact_id")),
                          "Choose who you are meeting.", "error"),
                  P.Check("meeting_day", bool(value.get("meeting_day")),
                          "Pick the meeting day.", "error")]
        t = (value.get("meeting_time") or "").strip()
        if t:
            try:
                P.parse_clock_time(t)
                checks.append(P.Check("meeting_time", True, "Time is fine."))
            except ParameterError as exc:
                checks.append(P.Check("meeting_time", False, str(exc), "error"))
        else:
            checks.append(P.Check("meeting_time", False,
                                  "No time given; the day alone is saved.", "info"))
        place = (value.get("place") or "").strip()
        checks.append(P.Check("place", bool(place),
                              "" if place else "Write where you meet, or the call/video link.",
                              "warning"))
        return checks + P.check_meeting_length(value.get("minutes"))

    def refresh(self) -> None:
        v = self.value
        self.live.value = checks_html([c for c in self.checks(v) if c.message], passed=False)

    def scheduled_for(self, value: dict) -> str:
        """``scheduled_for`` text: ``YYYY-MM-DDTHH:MM``, or the day alone without a time."""
        t = (value.get("meeting_time") or "").strip()
        day = value["meeting_day"]
        return f"{day}T{P.parse_clock_time(t)}" if t else day

    def _write(self, value: dict) -> dict:
        minutes = int(value.get("minutes") or 20)
        note = f"{minutes} minutes"
        if value.get("their_choice"):
            note += "; their choice of time and place"
        if (value.get("notes") or "").strip():
            note += ". " + value["notes"].strip()
        when = self.scheduled_for(value)
        iid = self.log.add_interaction(
            value["contact_id"], S.MEETING_SCHEDULED, date=value.get("agreed_on") or
            _today().isoformat(), channel=value["channel"], notes=note,
            scheduled_for=when, place=(value.get("place") or "").strip())
        return {"interaction_id": iid, "scheduled_for": when}

    def _written_message(self, value: dict, data: dict) -> str:
        when = data["scheduled_for"]
        day = _hd(self.log, when[:10])
        at = f" at {when[11:]}" if "T" in when else ""
        where = (value.get("place") or "").strip()
        return (f"Meeting with {self._contact_label(value['contact_id'])} on {day}{at}"
                + (f", {where}" if where else "") + f" ({value.get('minutes')} minutes). "
                "Prepare for it in notebook 05.")
