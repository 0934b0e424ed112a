"""The words every part of the toolkit agrees on, each defined once.

Follow-up actions (what :func:`metrics.followups_due` asks for, the kind logged
when one is done, its calendar title and how the report says it), what a table
can be grouped by and the label of an empty group, the stages and Dalton's
classes, follow-up modes, the channel labels the forms show, what the command
line offers (draft kinds, importers, export formats), the log table's views,
and the column names and report headers of the output tables. :mod:`metrics`,
:mod:`calendar`, :mod:`reports`, :mod:`forms` and :mod:`cli` import them from
here; their old names (``metrics.ACTIONS``, ``calendar.ACTION_TITLES``, …) are
the same objects.

The log's own allowed values (kinds, channels, sources) are defined in
:mod:`infoint_nb.schema`, the one schema of the log; this module re-exports
``CHANNELS`` and ``SOURCES`` so that labels and values sit side by side.
Only constants and one small helper live here; the module imports nothing but
:mod:`infoint_nb.schema`, so every other module can import it.
"""
from __future__ import annotations

from dataclasses import dataclass

from .schema import (
    ADDED_ON, CHANNEL, CHANNELS, COMPANY, CONTACT_ID, DATE, FOLLOW_UP, INDUSTRY, INTERACTION_ID,
    NAME, OUTREACH, PLACE, PRIORITY, REFERRED_BY, SCHEDULED_FOR, SOURCE, SOURCES, THANK_YOU,
    UPDATE,
)

__all__ = [
    # follow-up actions
    "FollowUpAction", "FOLLOW_UP_ACTIONS", "ACTION_NAMES", "ACTION_KINDS", "ACTION_TITLES",
    "ACTION_PHRASES", "MEETING_EVENT",
    "FOLLOW_UP_ACTION", "RESEND_ACTION", "THANK_YOU_ACTION", "UPDATE_ACTION",
    "TELL_REFERRER_ACTION", "OUTREACH_NEXT_ACTION",
    # groupings, stages, modes
    "GROUPINGS", "NO_GROUP_LABELS", "EACH", "EACH_LABELS",
    "MAIN_PATH", "OFF_PATH", "STAGES", "DALTON_CLASSES", "MODES", "DEFAULT_MODE", "DALTON_MODE",
    # channels and sources
    "CHANNELS", "SOURCES", "CHANNEL_LABELS", "SEND_CHANNELS", "MEETING_CHANNELS",
    "OUTREACH_CHANNELS", "ARRANGE_CHANNELS", "channel_options",
    # the command line's choices and the forms' labels for them
    "DRAFT_KINDS", "AUTO_KIND", "CONTACT_IMPORT_KINDS", "ACTIVITY_IMPORT_KINDS",
    "IMPORT_KINDS", "AUTO_LABEL", "CONTACT_IMPORT_LABELS", "ACTIVITY_IMPORT_LABELS",
    "EXPORT_FORMATS", "EXPORT_FORMAT_LABELS", "RECORD_TYPES", "LOG_VIEWS", "LOG_VIEW_LABELS",
    # output tables
    "TIMELINE_COLUMNS", "RESPONSE_COLUMNS", "RESPONSE_COUNT_COLUMNS", "RESPONSE_CSV_COLUMNS",
    "SURVIVAL_COLUMNS", "KM_COLUMNS", "FUNNEL_COLUMNS", "GROWTH_COLUMNS", "CHAIN_COLUMNS",
    "SUMMARY_KEYS", "FOLLOWUP_COLUMNS", "MEETING_COLUMNS", "LEAD_COLUMNS",
    "REPORT_HEADERS", "GROUP_HEADERS",
]


# --- follow-up actions ---------------------------------------------------------------
@dataclass(frozen=True)
class FollowUpAction:
    """One thing :func:`metrics.followups_due` can say is due, and its words.

    Attributes
    ----------
    name : str
        The ``action`` column's value (``"follow_up"``, ``"thank_you"``, …).
    kind : str
        The interaction kind logged when it is done (a kind of ``schema.KINDS``).
    title : str
        How a calendar event for it begins (the person's name follows).
    phrase : str
        What the report calls one of them (``"follow-up"``).
    plural : str
        What the report calls several (``"follow-ups"``).
    sentence : str
        The report's words for doing it, ``{name}`` standing for the person
        (``"a follow-up to {name}"``).

    Examples
    --------
    >>> ACTION_PHRASES["thank_you"]
    ('thank-you', 'thank-yous', 'a thank-you to {name}')
    """

    name: str
    kind: str
    title: str
    phrase: str
    plural: str
    sentence: str

    @property
    def phrases(self) -> tuple[str, str, str]:
        """``(phrase, plural, sentence)``, the report's three ways of saying the action."""
        return (self.phrase, self.plural, self.sentence)


#: Follow up on an attempt nobody answered.
FOLLOW_UP_ACTION = "follow_up"
#: Send a message again after a ``snafu`` (it bounced or went astray).
RESEND_ACTION = "resend"
#: Thank someone for a meeting or an answer.
THANK_YOU_ACTION = "thank_you"
#: Keep in touch: an update some time after the last meeting, thank-you or update.
UPDATE_ACTION = "update"
#: Tell a referrer how it went with the person they named.
TELL_REFERRER_ACTION = "tell_referrer"
#: 3B7 mode: reach the next person at a company that has not answered.
OUTREACH_NEXT_ACTION = "outreach_next"

#: Every follow-up action with its words, in the order rows due the same day are listed.
FOLLOW_UP_ACTIONS: tuple[FollowUpAction, ...] = (
    FollowUpAction(RESEND_ACTION, OUTREACH, "Resend to",
                   "resend", "resends", "sending {name} the message again"),
    FollowUpAction(THANK_YOU_ACTION, THANK_YOU, "Thank",
                   "thank-you", "thank-yous", "a thank-you to {name}"),
    FollowUpAction(FOLLOW_UP_ACTION, FOLLOW_UP, "Follow up with",
                   "follow-up", "follow-ups", "a follow-up to {name}"),
    FollowUpAction(OUTREACH_NEXT_ACTION, OUTREACH, "Reach out to",
                   "new outreach", "new outreaches", "reaching out to {name}"),
    FollowUpAction(TELL_REFERRER_ACTION, UPDATE, "Tell how it went:",
                   "note to a referrer", "notes to referrers",
                   "telling {name} how their referral went"),
    FollowUpAction(UPDATE_ACTION, UPDATE, "Send an update to",
                   "update", "updates", "an update to {name}"),
)
#: What ``followups_due`` can ask for, in the order rows due the same day are listed.
ACTION_NAMES: tuple[str, ...] = tuple(a.name for a in FOLLOW_UP_ACTIONS)
#: The kind to log when an action is done.
ACTION_KINDS: dict[str, str] = {a.name: a.kind for a in FOLLOW_UP_ACTIONS}
#: The "action" of a calendar event for a meeting ahead (its UID starts with it).
MEETING_EVENT = "meeting"
#: How each action (and a meeting) reads in a calendar event's title.
ACTION_TITLES: dict[str, str] = {
    **{a.name: a.title for a in FOLLOW_UP_ACTIONS},
    MEETING_EVENT: "Informational interview with",
}
#: How the report says each action: ``(one, several, doing it for {name})``.
ACTION_PHRASES: dict[str, tuple[str, str, str]] = {a.name: a.phrases for a in FOLLOW_UP_ACTIONS}


# --- groupings, stages, modes --------------------------------------------------------
#: What ``response_by`` can group by: a contact column, the channel of the first
#: attempt, or the month of first contact.
GROUPINGS: tuple[str, ...] = ("company", "industry", "channel", "source", "month")
#: The label of a group whose value is empty.
NO_GROUP_LABELS: dict[str, str] = {by: f"(no {by})" for by in GROUPINGS}
#: What ``--each`` can split a report by.
EACH: tuple[str, ...] = ("company", "industry", "month")
#: How the ``--each`` index page names each split ("Campaign reports by …").
EACH_LABELS: dict[str, str] = {**{by: by for by in EACH}, "month": "month of first contact"}
#: Stages on the main path, in order.
MAIN_PATH: tuple[str, ...] = (
    "identified", "contacted", "responded", "met", "thanked", "keeping_in_touch")
#: Stages off the main path.
OFF_PATH: tuple[str, ...] = ("declined", "gone_quiet")
#: Every stage: the main path, then the stages off it.
STAGES: tuple[str, ...] = MAIN_PATH + OFF_PATH
#: Dalton's classes (*The 2-Hour Job Search*), from first contact; ``""`` when not contacted.
DALTON_CLASSES: tuple[str, ...] = ("booster", "obligate", "curmudgeon", "pending")
#: The follow-up cadence used unless another is chosen: calendar days.
DEFAULT_MODE = "default"
#: Steve Dalton's 3B7 routine: business days, and the next person at a silent company.
DALTON_MODE = "3b7"
#: Follow-up cadences: ``default`` (calendar days) and Dalton's ``3b7``.
MODES: tuple[str, ...] = (DEFAULT_MODE, DALTON_MODE)


# --- channels and sources ------------------------------------------------------------
#: How the forms name each channel in their dropdowns.
CHANNEL_LABELS: dict[str, str] = {
    "email": "e-mail", "letter": "letter or card", "phone": "phone", "linkedin": "LinkedIn",
    "in_person": "in person", "video": "video", "other": "other",
}
#: Channels a thank-you or an update can be sent by.
SEND_CHANNELS: tuple[str, ...] = ("email", "letter", "linkedin", "in_person", "other")
#: Channels a meeting can be held by.
MEETING_CHANNELS: tuple[str, ...] = ("in_person", "phone", "video", "other")
#: Channels a first outreach can be sent by.
OUTREACH_CHANNELS: tuple[str, ...] = ("email", "letter")
#: Channels a meeting can be arranged for.
ARRANGE_CHANNELS: tuple[str, ...] = ("in_person", "phone", "video")


def channel_options(channels, **labels: str) -> list[tuple[str, str]]:
    """Dropdown options ``(label, channel)`` for ``channels``, labelled by :data:`CHANNEL_LABELS`.

    Parameters
    ----------
    channels : iterable of str
        Channels of ``CHANNELS``, in the order to offer them.
    **labels : str
        A different label for some channels (``letter="letter"``).

    Returns
    -------
    list of (str, str)

    Examples
    --------
    >>> channel_options(OUTREACH_CHANNELS, letter="letter")
    [('e-mail', 'email'), ('letter', 'letter')]
    """
    return [(labels.get(ch, CHANNEL_LABELS[ch]), ch) for ch in channels]


# --- the command line's choices ------------------------------------------------------
#: What ``infoint draft KIND`` can write.
DRAFT_KINDS: tuple[str, ...] = ("outreach", "follow_up", "thank_you", "update",
                                "tell_referrer", "network_ask")
#: The import kind that means "recognise the file".
AUTO_KIND = "auto"
#: Importers of contacts: LinkedIn's Connections.csv, a spreadsheet, vCards.
CONTACT_IMPORT_KINDS: tuple[str, ...] = ("linkedin", "sheet", "vcard")
#: Importers of what already happened: a mailbox, LinkedIn's messages or invitations,
#: a calendar (``linkedin`` is either, by the file).
ACTIVITY_IMPORT_KINDS: tuple[str, ...] = ("mail", "linkedin", "calendar")
#: What ``infoint import KIND`` can read.
IMPORT_KINDS: tuple[str, ...] = tuple(dict.fromkeys(CONTACT_IMPORT_KINDS
                                                    + ACTIVITY_IMPORT_KINDS))
#: How the forms name "recognise the file".
AUTO_LABEL = "recognise it"
#: How the contact import form names each kind of file.
CONTACT_IMPORT_LABELS: dict[str, str] = {
    AUTO_KIND: AUTO_LABEL, "linkedin": "LinkedIn Connections.csv",
    "sheet": "spreadsheet (CSV or Excel)", "vcard": "address book (vCard .vcf)"}
#: How the activity import form names each kind of file.
ACTIVITY_IMPORT_LABELS: dict[str, str] = {
    AUTO_KIND: AUTO_LABEL, "mail": "mailbox (mbox, .eml, a folder of .eml)",
    "linkedin": "LinkedIn messages.csv / Invitations.csv", "calendar": "calendar (.ics)"}
#: What ``infoint export FORMAT`` can write.
EXPORT_FORMATS: tuple[str, ...] = ("xlsx", "csv")
#: How the download form names each export format.
EXPORT_FORMAT_LABELS: dict[str, str] = {
    "xlsx": "Excel workbook (.xlsx)", "csv": "CSV files, zipped (.zip)"}
#: What ``infoint add`` and ``infoint delete`` work on.
RECORD_TYPES: tuple[str, ...] = ("contact", "interaction")
#: How the log table can show the log: one row per person or per interaction.
LOG_VIEWS: tuple[str, ...] = ("contacts", "interactions")
#: How the log table's switch names each view.
LOG_VIEW_LABELS: dict[str, str] = {"contacts": "People", "interactions": "Interactions"}


# --- output tables -------------------------------------------------------------------
#: Columns of ``contact_timeline``.
TIMELINE_COLUMNS: tuple[str, ...] = (
    CONTACT_ID, NAME, COMPANY, INDUSTRY, SOURCE, REFERRED_BY, PRIORITY, ADDED_ON,
    "is_target", "contacted", "first_contact", "first_channel", "attempts", "follow_ups",
    "last_attempt", "responded", "response_date", "response_kind", "days_to_response",
    "censored", "observed_days", "positive_reply", "meetings_held", "stage", "dalton_class")
#: Columns of ``response_by`` after the group column.
RESPONSE_COLUMNS: tuple[str, ...] = (
    "contacted", "responded", "response_rate", "ci_low", "ci_high", "positive_replies",
    "meetings_held", "median_days_to_response")
#: The counts among ``RESPONSE_COLUMNS`` (whole numbers; they add up over groups).
RESPONSE_COUNT_COLUMNS: tuple[str, ...] = (
    "contacted", "responded", "positive_replies", "meetings_held")
#: Columns of the response tables in a report's ``tables/`` after the group column.
RESPONSE_CSV_COLUMNS: tuple[str, ...] = (
    "contacted", "responded", "response_rate", "median_days_to_response")
#: Columns of a Kaplan–Meier curve (``kaplan_meier``).
KM_COLUMNS: tuple[str, ...] = ("time", "at_risk", "events", "censored", "survival")
#: Columns of ``survival_table`` after the group column.
SURVIVAL_COLUMNS: tuple[str, ...] = ("contacted", "median_days_to_response") + KM_COLUMNS
#: Columns of ``funnel``.
FUNNEL_COLUMNS: tuple[str, ...] = ("stage", "current", "reached")
#: Columns of ``network_growth`` before the ``source_<source>`` counts.
GROWTH_COLUMNS: tuple[str, ...] = (
    "week", "added", "cumulative", "targets", "network", "cumulative_targets",
    "cumulative_network", "referred", "cumulative_referred", "referral_share")
#: Columns of ``referral_chains``.
CHAIN_COLUMNS: tuple[str, ...] = (
    CONTACT_ID, NAME, COMPANY, REFERRED_BY, "depth", "root", "referrals", "chain_size")
#: Keys of ``summarize`` (DESIGN.md's ``summary.json``).
SUMMARY_KEYS: tuple[str, ...] = (
    "as_of", "contacts", "targets", "contacted", "responded", "response_rate",
    "positive_replies", "meetings_held", "referrals", "referrals_per_meeting")
#: Columns of ``followups_due`` (DESIGN.md's ``followups_due.csv``).
FOLLOWUP_COLUMNS: tuple[str, ...] = (
    CONTACT_ID, NAME, COMPANY, "action", "due_on", "overdue_days", CHANNEL, "reason")
#: Columns of ``upcoming_meetings``.
MEETING_COLUMNS: tuple[str, ...] = (
    CONTACT_ID, NAME, COMPANY, INTERACTION_ID, SCHEDULED_FOR, PLACE, CHANNEL)
#: Columns of ``leads``.
LEAD_COLUMNS: tuple[str, ...] = (DATE, CONTACT_ID, NAME, COMPANY, "lead", INTERACTION_ID)
#: The headers the report's tables show above the output tables' columns.
REPORT_HEADERS: dict[str, str] = {
    "contacted": "Contacted", "responded": "Responded",
    "response_rate": "Response rate (95% interval)",
    "median_days_to_response": "Half answered within",
    "due_on": "Due", "action": "To do", NAME: "Who", COMPANY: "Company", CHANNEL: "Channel",
    "reason": "Why", SCHEDULED_FOR: "When", PLACE: "Place",
}
#: The header of the group column of the report's response tables.
GROUP_HEADERS: dict[str, str] = {
    COMPANY: REPORT_HEADERS[COMPANY], CHANNEL: "First contact by", SOURCE: "Found through"}
