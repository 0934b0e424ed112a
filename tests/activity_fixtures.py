"""Realistic activity exports, built by the tests: a mailbox, LinkedIn files, a calendar.

One small campaign (the user is Alex Doe, alex.doe@mail.example):

=========  ==============  ==========================================================
contact    company         what the files say
=========  ==============  ==========================================================
C0001      Brightline      Dana: mail outreach 05-04, cc'd 05-04, reply 05-06 (2 days),
                           thank-you mail 05-08; meeting 05-12 (calendar)
C0002      Northwind       Ravi (ravi+jobs@…): outreach 05-04, auto-reply 05-05,
                           follow-up 05-14, reply 05-15 (11 days); a cancelled meeting
C0003      Acme            Zoë: outreach 05-04 (same message as Ravi's), reply 05-07
                           (3 days, sender name in raw Latin-1); weekly calls (calendar)
C0004      Umbrella        Li: outreach 05-05, bounced 05-05 (a snafu), never answered
C0005      Globex          Maya (no e-mail): LinkedIn messages 2025-06-01 out, 06-03 in
=========  ==============  ==========================================================
"""
from __future__ import annotations

from pathlib import Path

ME = "alex.doe@mail.example"
ME_URL = "https://www.linkedin.com/in/alex-doe-example"

CONTACTS = """contact_id,name,company,email,linkedin_url,source,added_on
C0001,Dana Whitfield,Brightline,dana.whitfield@brightline.example,https://www.linkedin.com/in/dana-whitfield-example/,alumni,2026-05-01
C0002,Ravi Menon,Northwind,ravi+jobs@northwind.example,https://linkedin.com/in/ravi-menon-example,referral,2026-05-01
C0003,Zoë Brandt,Acme,zoe.brandt@acme.example,,event,2026-05-01
C0004,Li Wei,Umbrella,li.wei@umbrella.example,,online_search,2026-05-01
C0005,Maya Chen,Globex,,https://www.linkedin.com/in/maya-chen-example,linkedin,2025-05-20
C0006,Ravi Menon Sr,Northwind,ravi@northwind.example,,other,2026-05-01
"""
INTERACTIONS = "interaction_id,contact_id,date,channel,kind,notes\n"


def make_log(folder: Path, *, interactions: str = INTERACTIONS) -> Path:
    """A log folder holding the six contacts (and ``interactions``)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
    (folder / "interactions.csv").write_text(interactions, encoding="utf-8")
    return folder


def _msg(from_line: str, headers: list[str], body: str | bytes) -> bytes:
    head = "\n".join(headers).encode("utf-8") if isinstance(headers, list) else headers
    body = body.encode("utf-8") if isinstance(body, str) else body
    return b"From " + from_line.encode() + b"\n" + head + b"\n\n" + body + b"\n\n"


def _h(frm, to, date, subject, mid, extra=()):
    return [f"From: {frm}", f"To: {to}", f"Date: {date}", f"Subject: {subject}",
            f"Message-ID: <{mid}>", *extra]


#: (contact, kind, day) of every row the mailbox should give, in date order.
MAIL_EXPECTED = [
    ("C0001", "outreach", "2026-05-04"),
    ("C0001", "note", "2026-05-04"),        # cc'd on the message to Ravi and Zoë
    ("C0002", "outreach", "2026-05-04"),    # one message to two contacts …
    ("C0003", "outreach", "2026-05-04"),    # … gives a row for each
    ("C0002", "note", "2026-05-05"),        # auto-reply: not a response
    ("C0004", "outreach", "2026-05-05"),
    ("C0004", "snafu", "2026-05-05"),       # the bounce
    ("C0001", "reply", "2026-05-06"),
    ("C0003", "reply", "2026-05-07"),
    ("C0001", "note", "2026-05-08"),        # after her reply: a note (thank-you to sort)
    ("C0002", "follow_up", "2026-05-14"),
    ("C0002", "reply", "2026-05-15"),
]
MAIL_MESSAGES = 14


def make_mbox(path: Path) -> Path:
    """An mbox of 14 messages: threads, CC, a bounce, an auto-reply, a raw Latin-1 header,
    encoded words, a message to two contacts, a newsletter and a stranger who answered."""
    me = f"Alex Doe <{ME}>"
    parts = [
        _msg(f"{ME} Mon May  4 12:00:00 2026",
             _h(me, "Dana Whitfield <dana.whitfield@brightline.example>",
                "Mon, 04 May 2026 12:00:00 +0000", "Informational interview request",
                "m1@mail.example"),
             "Dear Ms Whitfield,\n\nI am writing to ask for an informational interview.\n"
             "From what I read, your team ...\n\nAlex\n"),
        _msg(f"{ME} Mon May  4 12:30:00 2026",
             _h(me, "Ravi Menon <Ravi+Jobs@Northwind.example>, =?utf-8?q?Zo=C3=AB_Brandt?= "
                "<zoe.brandt@acme.example>", "Mon, 04 May 2026 12:30:00 +0000",
                "=?utf-8?q?Caf=C3=A9_chat=3F?=", "m2@mail.example",
                ["Cc: Dana Whitfield <dana.whitfield@brightline.example>"]),
             "Hello both,\n>From Dana I heard you ...\n"),
        _msg("MAILER-DAEMON Tue May  5 12:05:00 2026",
             ["From: Mail Delivery System <MAILER-DAEMON@mail.example>", f"To: {ME}",
              "Date: Tue, 05 May 2026 12:05:00 +0000",
              "Subject: Undelivered Mail Returned to Sender", "Message-ID: <b1@mail.example>",
              "MIME-Version: 1.0",
              'Content-Type: multipart/report; report-type=delivery-status; boundary="BB"'],
             "--BB\nContent-Type: text/plain\n\nThis is the mail system. Your message could "
             "not be delivered.\n\n--BB\nContent-Type: message/delivery-status\n\n"
             "Reporting-MTA: dns; mx.mail.example\n\nFinal-Recipient: rfc822; "
             "li.wei@umbrella.example\nAction: failed\nStatus: 5.1.1\n\n--BB\n"
             "Content-Type: text/rfc822-headers\n\nFrom: Alex Doe <alex.doe@mail.example>\n"
             "To: li.wei@umbrella.example\nSubject: Informational interview?\n\n--BB--\n"),
        _msg(f"{ME} Tue May  5 12:00:00 2026",
             _h(me, "li.wei@umbrella.example", "Tue, 05 May 2026 12:00:00 +0000",
                "Informational interview?", "m3@mail.example"), "Dear Li Wei, ...\n"),
        _msg("ravi+jobs@northwind.example Tue May  5 12:31:00 2026",
             _h("Ravi Menon <ravi+jobs@northwind.example>", me,
                "Tue, 05 May 2026 12:31:00 +0000", "Automatic reply: Café chat?",
                "a1@northwind.example", ["Auto-Submitted: auto-replied",
                                         "In-Reply-To: <m2@mail.example>"]),
             "I am out of the office until 12 May.\n"),
        _msg("dana.whitfield@brightline.example Wed May  6 12:00:00 2026",
             _h("Dana Whitfield <dana.whitfield@brightline.example>", me,
                "Wed, 06 May 2026 08:00:00 -0400", "Re: Informational interview request",
                "d1@brightline.example", ["In-Reply-To: <m1@mail.example>",
                                          "References: <m1@mail.example>"]),
             "Happy to talk. How about next Tuesday?\n\n> Dear Ms Whitfield,\n"),
        b"From zoe.brandt@acme.example Thu May  7 12:00:00 2026\n"
        b"From: Zo\xeb Brandt <Zoe.Brandt@ACME.example>\nTo: alex.doe@mail.example\n"
        b"Date: Thu, 07 May 2026 12:00:00 +0000\nSubject: R\xe9p: Caf\xe9 chat?\n"
        b"Message-ID: <z1@acme.example>\nIn-Reply-To: <m2@mail.example>\n"
        b"Content-Type: text/plain; charset=iso-8859-1\n\nVolontiers, \xe0 bient\xf4t.\n\n",
        _msg(f"{ME} Fri May  8 12:00:00 2026",
             _h(me, "dana.whitfield@brightline.example", "Fri, 08 May 2026 12:00:00 +0000",
                "Thank you!", "m4@mail.example"), "Thank you for your time.\n"),
        _msg("news@shop.example Fri May  8 13:00:00 2026",
             _h("Shop <news@shop.example>", me, "Fri, 08 May 2026 13:00:00 +0000",
                "Our summer sale", "n1@shop.example"), "Buy now!\n"),
        _msg(f"{ME} Sat May  9 12:00:00 2026",
             _h(me, "Kim Park <kim@startup.example>", "Sat, 09 May 2026 12:00:00 +0000",
                "Question about your team", "m5@mail.example"), "Hi Kim, ...\n"),
        _msg("kim@startup.example Sun May 10 12:00:00 2026",
             _h("Kim Park <kim@startup.example>", me, "Sun, 10 May 2026 12:00:00 +0000",
                "Re: Question about your team", "k1@startup.example",
                ["In-Reply-To: <m5@mail.example>"]), "Sure, call me.\n"),
        _msg(f"{ME} Thu May 14 12:00:00 2026",
             _h(me, "ravi+jobs@northwind.example", "Thu, 14 May 2026 12:00:00 +0000",
                "Re: Café chat?", "m6@mail.example"), "Following up on my note ...\n"),
        _msg("ravi+jobs@northwind.example Fri May 15 12:00:00 2026",
             _h("Ravi Menon <ravi+jobs@northwind.example>", me,
                "Fri, 15 May 2026 12:00:00 +0000", "Re: Café chat?", "r1@northwind.example",
                ["In-Reply-To: <m6@mail.example>"]), "Yes, let us meet.\n"),
        _msg("ravi+other@northwind.example Fri May 15 13:00:00 2026",  # +tags are kept
             _h("Someone <ravi+other@northwind.example>", "other@mail.example",
                "Fri, 15 May 2026 13:00:00 +0000", "Not to you", "x1@northwind.example"),
             "Wrong list.\n"),
    ]
    path.write_bytes(b"".join(parts))
    return path


# --- LinkedIn ----------------------------------------------------------------------
MESSAGES_NEW = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,"
    "DATE,SUBJECT,CONTENT,FOLDER,ATTACHMENTS,IS MESSAGE DRAFT\n"
    "2-abc,Coffee?,Alex Doe,https://www.linkedin.com/in/alex-doe-example,Maya Chen,"
    "https://www.linkedin.com/in/maya-chen-example,2025-06-01 14:03:22 UTC,,"
    "\"Hi Maya, would you have 20 minutes?\",INBOX,,false\n"
    "2-abc,Coffee?,Maya Chen,https://www.linkedin.com/in/maya-chen-example,Alex Doe,"
    "https://www.linkedin.com/in/alex-doe-example,2025-06-03 09:10:00 UTC,,"
    "\"Sure, Thursday?\",INBOX,,false\n"
    "2-abc,Coffee?,Alex Doe,https://www.linkedin.com/in/alex-doe-example,Maya Chen,"
    "https://www.linkedin.com/in/maya-chen-example,2025-06-04 10:00:00 UTC,,"
    "Great - thank you!,INBOX,,false\n"
    "2-xyz,,Pat Lee,https://www.linkedin.com/in/pat-lee,Alex Doe,"
    "https://www.linkedin.com/in/alex-doe-example,2025-06-02 08:00:00 UTC,Job offer,"
    "Hi there,INBOX,,false\n"
    "2-xyz,,Alex Doe,https://www.linkedin.com/in/alex-doe-example,Pat Lee,"
    "https://www.linkedin.com/in/pat-lee,2025-06-02 09:00:00 UTC,,No thanks,INBOX,,false\n"
    "2-xyz,,Pat Lee,https://www.linkedin.com/in/pat-lee,Alex Doe,"
    "https://www.linkedin.com/in/alex-doe-example,2025-06-02 10:00:00 UTC,,Pity!,INBOX,,false\n"
    "2-abc,Coffee?,Alex Doe,https://www.linkedin.com/in/alex-doe-example,Maya Chen,"
    "https://www.linkedin.com/in/maya-chen-example,2025-06-05 10:00:00 UTC,,"
    "(unsent),DRAFTS,,true\n")
#: Old exports: no RECIPIENT PROFILE URLS, no trailing columns; recipients by name.
MESSAGES_OLD = (
    "CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
    "2-abc,Coffee?,Alex Doe,https://www.linkedin.com/in/alex-doe-example,Maya Chen,"
    "2025-06-01 14:03:22 UTC,,\"Hi Maya, would you have 20 minutes?\",INBOX\n"
    "2-abc,Coffee?,Maya Chen,https://www.linkedin.com/in/maya-chen-example,Alex Doe,"
    "2025-06-03 09:10:00 UTC,,\"Sure, Thursday?\",INBOX\n"
    "2-abc,Coffee?,Alex Doe,https://www.linkedin.com/in/alex-doe-example,Maya Chen,"
    "2025-06-04 10:00:00 UTC,,Great - thank you!,INBOX\n"
    "2-xyz,,Pat Lee,https://www.linkedin.com/in/pat-lee,Alex Doe,"
    "2025-06-02 08:00:00 UTC,Job offer,Hi there,INBOX\n"
    "2-xyz,,Alex Doe,https://www.linkedin.com/in/alex-doe-example,Pat Lee,"
    "2025-06-02 09:00:00 UTC,,No thanks,INBOX\n")
#: (contact, kind, day) from either messages file.
MESSAGES_EXPECTED = [("C0005", "outreach", "2025-06-01"), ("C0005", "reply", "2025-06-03"),
                     ("C0005", "note", "2025-06-04")]

INVITATIONS_NEW = (
    "From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl\n"
    "Alex Doe,Dana Whitfield,\"4/30/26, 9:15 AM\",\"Hi Dana, I am moving into UX research "
    "and would value 20 minutes of your time.\",OUTGOING,"
    "https://www.linkedin.com/in/alex-doe-example,https://www.linkedin.com/in/dana-whitfield-example\n"
    "Alex Doe,Maya Chen,\"5/2/26, 4:01 PM\",,OUTGOING,"
    "https://www.linkedin.com/in/alex-doe-example,https://www.linkedin.com/in/maya-chen-example\n"
    "Ravi Menon,Alex Doe,\"5/3/26, 11:20 AM\",,INCOMING,"
    "https://www.linkedin.com/in/ravi-menon-example,https://www.linkedin.com/in/alex-doe-example\n"
    "Alex Doe,Nobody Known,\"5/3/26, 11:25 AM\",Hello,OUTGOING,"
    "https://www.linkedin.com/in/alex-doe-example,https://www.linkedin.com/in/nobody\n")
#: Old exports: no profile URLs; people matched by name.
INVITATIONS_OLD = (
    "From,To,Sent At,Message,Direction\n"
    "Alex Doe,Dana Whitfield,\"4/30/26, 9:15 AM\",\"Hi Dana, I am moving into UX research "
    "and would value 20 minutes of your time.\",OUTGOING\n"
    "Alex Doe,Maya Chen,\"5/2/26, 4:01 PM\",,OUTGOING\n"
    "Ravi Menon,Alex Doe,\"5/3/26, 11:20 AM\",,INCOMING\n"
    "Alex Doe,Nobody Known,\"5/3/26, 11:25 AM\",Hello,OUTGOING\n")
INVITATIONS_EXPECTED = [("C0001", "outreach", "2026-04-30"), ("C0005", "note", "2026-05-02"),
                        ("C0002", "note", "2026-05-03")]

# --- calendar ----------------------------------------------------------------------
ICS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Example//Calendar//EN
BEGIN:VTIMEZONE
TZID:Custom/Chicago
BEGIN:STANDARD
DTSTART:20251102T020000
TZOFFSETFROM:-0500
TZOFFSETTO:-0600
RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:20260308T020000
TZOFFSETFROM:-0600
TZOFFSETTO:-0500
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU
END:DAYLIGHT
END:VTIMEZONE
BEGIN:VEVENT
UID:coffee-dana@calendar.example
DTSTAMP:20260520T080000Z
CREATED:20260507T150000Z
DTSTART:20260512T100000
DTEND:20260512T103000
SUMMARY:Coffee with Dana (informational interview)
LOCATION:Brightline office\\, 401 N. Wabash Ave
ORGANIZER;CN=Alex Doe:mailto:alex.doe@mail.example
ATTENDEE;CN=Dana Whitfield;PARTSTAT=ACCEPTED:mailto:Dana.Whitfield@Brightline.example
END:VEVENT
BEGIN:VEVENT
UID:call-ravi@calendar.example
DTSTAMP:20260520T080000Z
CREATED:20260515T130000Z
DTSTART:20260519T150000
DTEND:20260519T153000
STATUS:CANCELLED
SUMMARY:Call with Ravi
ORGANIZER;CN=Alex Doe:mailto:alex.doe@mail.example
ATTENDEE;CN=Ravi Menon:mailto:ravi+jobs@northwind.example
END:VEVENT
BEGIN:VEVENT
UID:zoe-weekly@calendar.example
DTSTAMP:20260520T080000Z
CREATED:20260520T080000Z
DTSTART:20260601T090000
DTEND:20260601T091500
RRULE:FREQ=WEEKLY;COUNT=4
EXDATE:20260601T090000
SUMMARY:Weekly check-in with Zoë
URL:https://meet.example/zoe
ORGANIZER;CN=Zoë Brandt:mailto:zoe.brandt@acme.example
ATTENDEE;CN=Alex Doe;PARTSTAT=ACCEPTED:mailto:alex.doe@mail.example
END:VEVENT
BEGIN:VEVENT
UID:zoe-weekly@calendar.example
RECURRENCE-ID:20260622T090000
DTSTAMP:20260520T080000Z
DTSTART:20260622T090000
STATUS:CANCELLED
SUMMARY:Weekly check-in with Zoë
END:VEVENT
BEGIN:VEVENT
UID:zoe-weekly@calendar.example
RECURRENCE-ID:20260608T090000
DTSTAMP:20260520T080000Z
DTSTART:20260609T140000
DTEND:20260609T141500
SUMMARY:Weekly check-in with Zoë (moved)
URL:https://meet.example/zoe
ORGANIZER;CN=Zoë Brandt:mailto:zoe.brandt@acme.example
END:VEVENT
BEGIN:VEVENT
UID:li-declined@calendar.example
DTSTAMP:20260520T080000Z
DTSTART;TZID=Custom/Chicago:20260521T110000
SUMMARY:Chat with Li
ORGANIZER:mailto:alex.doe@mail.example
ATTENDEE;CN=Li Wei;PARTSTAT=DECLINED:mailto:li.wei@umbrella.example
END:VEVENT
BEGIN:VEVENT
UID:dentist@calendar.example
DTSTAMP:20260520T080000Z
DTSTART:20260525T080000
SUMMARY:Dentist
END:VEVENT
END:VCALENDAR
"""
#: (contact, kind, day, scheduled_for, place) from the calendar.
ICS_EXPECTED = [
    ("C0001", "meeting_scheduled", "2026-05-07", "2026-05-12T10:00",
     "Brightline office, 401 N. Wabash Ave"),
    # weekly: 06-01 excluded, 06-08 moved to 06-09 14:00, 06-15, 06-22 cancelled
    ("C0003", "meeting_scheduled", "2026-05-20", "2026-06-09T14:00", "https://meet.example/zoe"),
]


def make_ics(path: Path) -> Path:
    path.write_text(ICS.replace("\n", "\r\n"), encoding="utf-8")
    return path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path
