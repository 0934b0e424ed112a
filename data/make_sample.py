"""Generate the fictional sample campaign in ``data/sample/``: the whole of it.

The story: Rosa, a high-school maths teacher in Chicago, spends the summer of 2026
(2026-06-01 to 2026-09-18, the sample's "today") on informational interviews to move
into UX research / data analytics. Everything below is invented: companies, people,
``.example`` e-mail domains and 555 phone numbers.

Run from anywhere (or ``make sample``)::

    python data/make_sample.py            # rebuilds data/sample
    python data/make_sample.py --out DIR  # or writes the same three files into DIR

It writes ``contacts.csv``, ``interactions.csv`` and ``plan.json`` byte-for-byte
identically on every run (no randomness, no clock), then checks the result. The two
tables are written directly; plan.json goes through :class:`ContactLog` (the way the
notebooks save it) in a temporary folder next to the target, and only the three files
are then moved into the target, so no backups, lock or commit files are left there.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter
from pathlib import Path

import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from infoint_nb import ContactLog  # noqa: E402
from infoint_nb import planning as P  # noqa: E402
from infoint_nb import schema as S  # noqa: E402
from infoint_nb.planning import follow_up_due_date  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "data" / "sample"
TODAY = "2026-09-18"  # the campaign's last interaction date

CONTACT_COLUMNS = [
    "contact_id", "name", "company", "role", "industry", "location", "email", "phone",
    "extension", "work_address", "linkedin_url", "source", "referred_by",
    "mutual_connection", "cite_permission", "priority", "added_on", "notes",
]
INTERACTION_COLUMNS = [
    "interaction_id", "contact_id", "date", "channel", "kind", "notes",
    "scheduled_for", "place",
]
KINDS = [
    "outreach", "follow_up", "voicemail", "message_left", "no_answer",
    "reply_yes", "reply_no", "reply_later", "reply_referral", "meeting_scheduled",
    "meeting_held", "thank_you", "update", "snafu", "note", "lead",
]
ATTEMPTS = {"outreach", "follow_up", "voicemail", "message_left", "no_answer"}
RESPONSES = {"reply_yes", "reply_no", "reply_later", "reply_referral",
             "meeting_scheduled", "meeting_held"}
CHANNELS = ["email", "letter", "phone", "linkedin", "in_person", "video", "other"]
SOURCES = [
    "alumni", "referral", "online_search", "company_website", "linkedin", "social_media",
    "professional_association", "career_center", "event", "personal_network", "other",
]

VIDEO = "Video call (link in email)"
PHONE = "Phone"

# --------------------------------------------------------------------------------------
# Companies: name, industry, location, work address, e-mail domain, phone area code
# --------------------------------------------------------------------------------------
COMPANIES = {
    "brightline": ("Brightline Learning", "edtech", "Chicago, IL",
                   "401 N. Wabash Ave, Suite 1200, Chicago, IL 60611",
                   "brightline.example", "312"),
    "kiteboard": ("Kiteboard", "edtech", "Evanston, IL",
                  "1603 Orrington Ave, Floor 9, Evanston, IL 60201",
                  "kiteboard.example", "847"),
    "alpenlicht": ("Alpenlicht Labs", "edtech", "Zürich, Switzerland",
                   "Hardstrasse 201, 8005 Zürich, Switzerland",
                   "alpenlicht.example", None),
    "lumen": ("Lumen Health Analytics", "healthcare", "Chicago, IL",
              "222 W. Adams St, Floor 18, Chicago, IL 60606",
              "lumenhealth.example", "312"),
    "prairie": ("Prairie Shore Health", "healthcare", "Evanston, IL",
                "2650 Ridge Ave, Evanston, IL 60201",
                "prairieshore.example", "847"),
    "northwind": ("Northwind Mutual", "fintech", "Chicago, IL",
                  "71 S. Wacker Dr, Suite 3300, Chicago, IL 60606",
                  "northwindmutual.example", "312"),
    "cobalt": ("Cobalt Pay", "fintech", "Chicago, IL",
               "1 N. LaSalle St, Floor 20, Chicago, IL 60602",
               "cobaltpay.example", "312"),
    "harbor": ("Harbor & Vine", "retail", "Chicago, IL",
               "900 W. Fulton Market, 4th Floor, Chicago, IL 60607",
               "harborandvine.example", "312"),
    "greenlake": ("Greenlake Grocers", "retail", "Chicago, IL",
                  "3300 N. Kedzie Ave, Chicago, IL 60618",
                  "greenlake.example", "773"),
    "civic": ("Civic Sightline", "nonprofit", "Chicago, IL",
              "1440 W. Cermak Rd, Unit 2B, Chicago, IL 60608",
              "civicsightline.example", "312"),
    "opendoor": ("Open Door Food Network", "nonprofit", "Chicago, IL",
                 "2525 S. Pulaski Rd, Chicago, IL 60623",
                 "opendoorfood.example", "773"),
    "tessera": ("Tessera Insights", "market research", "Chicago, IL",
                "35 E. Wacker Dr, Suite 1700, Chicago, IL 60601",
                "tessera.example", "312"),
    "quill": ("Quill & Ledger Research", "market research", "Chicago, IL",
              "600 W. Jackson Blvd, Suite 450, Chicago, IL 60661",
              "quill-ledger.example", "312"),
    "lakeview": ("Lakeview University Career Center", "", "Chicago, IL",
                 "5500 N. Sheridan Rd, Room 110, Chicago, IL 60640",
                 "lakeview.example", "773"),
    "": ("", "", "Chicago, IL", "", "mail.example", "773"),
}


def slug(name: str) -> str:
    """ASCII, lower-case, hyphenated: 'Tomás Herrera' -> 'tomas-herrera'."""
    folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    folded = folded.replace("'", "")
    return re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")


# --------------------------------------------------------------------------------------
# Contacts. Keys are short handles used by the timelines below; contact_ids are
# assigned afterwards in order of added_on (ties: order of definition).
# --------------------------------------------------------------------------------------
PEOPLE: list[dict] = []
_phone_serial = iter(range(101, 200))


def person(key, name, company, role, source, priority, added_on, *, email="auto",
           phone="auto", extension="", address="auto", linkedin="auto", referred_by="",
           mutual="", cite="", notes="", network=False):
    name_co, industry, location, co_address, domain, area = COMPANIES[company]
    if email == "auto":
        email = "" if network else f"{slug(name).replace('-', '.')}@{domain}"
    if phone == "auto":
        serial = next(_phone_serial)
        phone = "" if network or area is None else f"+1 {area}-555-0{serial:03d}"
    if address == "auto":
        address = "" if network else co_address
    if linkedin == "auto":
        linkedin = f"https://www.linkedin.com/in/{slug(name)}-example"
    PEOPLE.append(dict(
        key=key, name=name, company=name_co, role=role, industry=industry,
        location=location, email=email, phone=phone, extension=extension,
        work_address=address, linkedin_url=linkedin, source=source,
        referred_by=referred_by, mutual_connection=mutual, cite_permission=cite,
        priority="" if priority is None else str(priority), added_on=added_on,
        notes=notes, network=network,
    ))


# --- targets --------------------------------------------------------------------------
person("priya", "Priya Raman", "brightline", "Senior UX Researcher", "alumni", 1,
       "2026-05-28", phone="+1 312-555-0147", extension="214",
       notes='Lakeview M.Ed. 2014, same program as me. Ran the "Teachers in Tech" '
             "brown-bag last spring.")
person("jonah", "Jonah Feld", "lakeview", "Career Advisor, career changers", "career_center",
       None, "2026-05-29", email="jfeld@lakeview.example", linkedin="",
       notes="Runs the alumni career-changer program; a helper, not a target.")
person("colin", "Colin Masterson", "northwind", "Data Science Manager", "company_website", 2,
       "2026-06-01", extension="3302",
       notes="Team page lists him as the hiring manager for analysts.")
person("renata", "Renata Silva", "northwind", "UX Researcher", "linkedin", 3, "2026-06-01",
       phone="")
person("jasmine", "Jasmine Cole", "brightline", "Data Analyst, Learning Insights",
       "company_website", 2, "2026-06-01")
# --- network only: a LinkedIn connections export, no priority, no interactions --------
person("lea", "Lea Brunner", "alpenlicht", "Product Analyst", "linkedin", None, "2026-06-01",
       network=True, notes="From my LinkedIn connections export.")
person("carlos", "Carlos Rivera", "northwind", "Data Analyst", "linkedin", None, "2026-06-01",
       network=True, notes="From my LinkedIn connections export.")
person("aaliyah", "Aaliyah Johnson", "brightline", "Instructional Designer", "linkedin", None,
       "2026-06-01", network=True, notes="From my LinkedIn connections export.")
person("patrick", "Patrick O'Neill", "", "Maths teacher (former colleague)", "linkedin", None,
       "2026-06-01", network=True, address="",
       notes="From my LinkedIn connections export.")
person("minseo", "Min-seo Na", "cobalt", "Data Scientist", "linkedin", None, "2026-06-01",
       network=True, notes="From my LinkedIn connections export.")
person("zoe", "Zoe Katsaros", "tessera", "Analytics Engineer", "linkedin", None, "2026-06-01",
       network=True, notes="From my LinkedIn connections export.")
# --- targets, continued ----------------------------------------------------------------
person("rafael", "Rafael Mendoza", "lumen", "UX Research Manager", "online_search", 2,
       "2026-06-02", extension="118",
       notes="Found through a conference talk listing on patient-portal usability.")
person("mateo", "Mateo Ruiz", "", "Freelance product designer", "personal_network", None,
       "2026-06-02", email="mateo.ruiz@mail.example", address="",
       notes="Old friend from college; knows the fintech crowd a little.")
person("dana", "Dana Whitfield", "civic", "Data Analyst", "personal_network", 2, "2026-06-03",
       notes="Taught algebra down the hall from me for five years.\n"
             "Moved to Civic Sightline in 2023 after a data bootcamp.")
person("ibrahim", "Ibrahim Haddad", "opendoor", "Data & Evaluation Manager", "referral", 3,
       "2026-06-04", referred_by="dana", mutual="Dana Whitfield", cite="yes")
person("aisha", "Aisha Bello", "lumen", "Clinical Data Analyst", "referral", 2, "2026-06-05",
       referred_by="jonah", mutual="Jonah Feld", cite="yes",
       notes="Lakeview class of 2019, also changed careers (from nursing).")
person("sofia", "Sofia Marchetti", "harbor", "Customer Insights Manager", "social_media", 3,
       "2026-06-05",
       notes='Posted on Bluesky: "we\'re growing the insights team, happy to talk to '
             'career changers".')
person("liam", "Liam O'Connor", "harbor", "Analytics Manager", "company_website", 3,
       "2026-06-05")
person("derek", "Derek Osei", "northwind", "Analytics Lead", "career_center", 3, "2026-06-08",
       notes="From the career center's list of employers that hire alumni.")
person("marcus", "Marcus Oyelaran", "brightline", "Research Operations Manager", "referral", 1,
       "2026-06-09", referred_by="priya", mutual="Priya Raman", cite="yes",
       notes="Research ops for a team of six researchers.\n"
             "Open to a second chat once I have a case study to show.")
person("gregory", "Gregory Ashworth", "prairie", "VP, Data & Analytics", "company_website", 4,
       "2026-06-10", extension="NA", linkedin="",
       notes="Hospital directory lists his extension as NA; calls go through his "
             "assistant, Gloria.")
person("wen", "Wen Li", "cobalt", "Product Analyst", "professional_association", 1,
       "2026-06-12",
       notes="In the Chicago chapter directory of the UX research association; profile "
             "says open to coffee chats.")
person("victor", "Victor Alvarez", "cobalt", "Director of UX Research", "linkedin", 1,
       "2026-06-12", phone="", mutual="Mateo Ruiz", cite="no",
       notes="Mateo knows him only slightly and asked me not to use his name.")
person("ben", "Ben Achterberg", "kiteboard", "UX Designer", "event", 3, "2026-06-14",
       notes="Met at the UXPA Chicago meetup on June 10; we talked about classroom "
             "observation vs. usability testing.")
person("keiko", "Keiko Tanaka", "cobalt", "Senior Data Analyst", "alumni", 2, "2026-06-14")
person("hannah", "Hannah Greer", "lumen", "Analytics Engineer", "social_media", 3,
       "2026-06-15", phone="",
       notes="Writes long threads about dbt and data quality in hospitals.")
person("elena", "Elena Sokolova", "kiteboard", "Senior UX Researcher", "referral", 2,
       "2026-06-16", referred_by="marcus", mutual="Marcus Oyelaran", cite="yes")
person("dev", "Dev Patel", "harbor", "Data Engineer", "linkedin", 5, "2026-06-18", phone="")
person("jamal", "Jamal Whitaker", "tessera", "Survey Methodologist",
       "professional_association", 3, "2026-06-20",
       notes="Member list of the Midwest survey-research association.")
person("sam", "Sam Okafor", "tessera", "Research Director", "referral", 2, "2026-06-23",
       referred_by="wen", mutual="Wen Li", cite="yes",
       notes="Wen says he hires career changers into research roles.")
person("grace", "Grace Oduya", "civic", "Director of Program Evaluation", "event", 3,
       "2026-06-26", notes="Met at the Civic Data meetup on June 24 (logged two days late).")
person("tomas", "Tomás Herrera", "alpenlicht", "Head of Learning Research", "referral", 3,
       "2026-06-26", phone="0041 44 555 01 23", referred_by="elena",
       mutual="Elena Sokolova", cite="yes",
       notes="Zürich is 7 hours ahead of Chicago; prefers early-morning calls (my time).")
person("nora", "Nora Lindqvist", "quill", "Qualitative Research Lead", "referral", 2,
       "2026-07-01", referred_by="sam", mutual="Sam Okafor", cite="asked")
person("lucia", "Lucia Ferreira", "greenlake", "Pricing Analytics Manager", "referral", 2,
       "2026-07-02", referred_by="ibrahim", mutual="Ibrahim Haddad", cite="yes")
person("farah", "Farah Qureshi", "prairie", "Research Informatics Manager", "referral", 3,
       "2026-07-06", referred_by="gregory", mutual="Gregory Ashworth", cite="asked",
       notes="Correct address is qureshi, not quereshi (first email bounced).")
person("peter", "Peter Gallagher", "quill", "Managing Partner", "company_website", 4,
       "2026-07-06", linkedin="")
person("nkechi", "Nkechi Adeyemi", "prairie", "Patient Experience Research Lead", "referral",
       2, "2026-07-07", extension="4417", referred_by="aisha", mutual="Aisha Bello",
       cite="yes")
person("hollis", "Hollis Grant", "lumen", "Senior UX Researcher", "other", 3, "2026-07-15",
       notes='Spoke at the public library\'s career-change workshop; said "email me, I '
             'answer slowly, but I answer".')
person("henrik", "Henrik Larsen", "harbor", "UX Designer", "linkedin", None, "2026-07-20",
       network=True, notes="Connected after Sofia shared my post.")
person("fatima", "Fatima Zahra Benali", "prairie", "Research Coordinator", "linkedin", None,
       "2026-08-12", network=True, notes="Connected after meeting Nkechi.")
person("marta", "Marta Nowak", "greenlake", "Loyalty Analytics Lead", "online_search", 4,
       "2026-08-14")
person("theo", "Theo Lambert", "kiteboard", "Learning Data Scientist", "linkedin", 3,
       "2026-08-20", phone="")
person("andre", "Andre Baptiste", "opendoor", "Programs Analyst", "event", 4, "2026-08-31",
       notes="Met at the food bank's volunteer day on Aug 29.")
person("sunita", "Sunita Iyer", "harbor", "Senior UX Researcher", "linkedin", 2, "2026-09-01",
       phone="")
person("owen", "Owen Brandt", "brightline", "Director of Product Research", "linkedin", 1,
       "2026-09-04", phone="",
       notes="Dream-team lead; waited until I had met three of his colleagues.")
person("olivia", "Olivia Chen", "civic", "Research Fellow", "alumni", 3, "2026-09-08",
       mutual="Dana Whitfield", cite="yes",
       notes="Lakeview alum, joined Civic Sightline in August (Dana mentioned her).")
person("beatriz", "Beatriz Ocampo", "", "Data analytics bootcamp classmate", "other", None,
       "2026-09-10", network=True, address="",
       notes="Sat next to her at the bootcamp info session; keep in touch.")
person("yusuf", "Yusuf Karim", "kiteboard", "Research Operations Coordinator",
       "company_website", 3, "2026-09-15",
       notes="Next person to try at Kiteboard, after Theo's call.")
person("imani", "Imani Brooks", "greenlake", "Category Analyst", "online_search", 4,
       "2026-09-16", notes="Found on a panel list; contact her once Marta answers, or not.")

# --------------------------------------------------------------------------------------
# Timelines: (contact key, date or date-time, channel, kind, notes[, scheduled_for, place])
# Listed per person in the order things happened.
# --------------------------------------------------------------------------------------
EVENTS: list[tuple] = []


def log(key, when, channel, kind, notes="", scheduled_for="", place=""):
    EVENTS.append((key, when, channel, kind, notes, scheduled_for, place))


# Civic Sightline: Dana, an old colleague (first call before she was even logged)
log("dana", "2026-06-01T19:10", "phone", "outreach",
    "Called to tell her about the switch; asked who she knows in research or analytics.")
log("dana", "2026-06-01T19:40", "phone", "reply_yes",
    "Happy to do a proper informational interview, not just catching up.")
log("dana", "2026-06-01T19:45", "phone", "meeting_scheduled", "Coffee after her work.",
    "2026-06-04T17:30", "Café Jumping Bean, 1439 W. 18th St, Chicago, IL 60608")
log("dana", "2026-06-04T17:30", "in_person", "meeting_held",
    "40 minutes (ran long, my fault).\n"
    "Nonprofit analytics = SQL, Excel and a lot of explaining to program staff.\n"
    "Offered to introduce me to Ibrahim at Open Door.")
log("dana", "2026-06-05", "other", "thank_you", "Texted thanks, then sent the longer version.")
log("dana", "2026-06-10", "email", "update", "Told Dana that Ibrahim said yes; call on the 19th.")
log("dana", "2026-08-07", "email", "update",
    "Told her Ibrahim's intro to Greenlake turned into a real conversation with Lucia.")

# Lakeview career center: Jonah
log("jonah", "2026-06-02T10:00", "email", "outreach",
    "Asked for alumni in health analytics or UX research.")
log("jonah", "2026-06-03", "email", "reply_referral",
    "Sent Aisha Bello's name (Lumen Health, class of 2019); says I may use his name.")
log("jonah", "2026-06-04", "email", "thank_you")
log("jonah", "2026-07-08", "email", "update",
    "Told Jonah the call with Aisha went well and she passed me on to Prairie Shore.")

# Brightline Learning (dream employer, answers within a day)
log("priya", "2026-06-02T08:45", "email", "outreach",
    "Subject: Lakeview alum, informational interview about UX research? "
    "Suggested the week of June 8.")
log("priya", "2026-06-03T07:52", "email", "reply_yes", "Yes; early mornings work best for her.")
log("priya", "2026-06-03", "email", "meeting_scheduled", "",
    "2026-06-09T08:00", "Sawmill Coffee, 233 W. Ontario St, Chicago, IL 60654")
log("priya", "2026-06-09T08:00", "in_person", "meeting_held",
    'Research ops is a common way in for teachers: "your lesson plans are research '
    'protocols". Build two case studies. Suggested talking to her colleague in research '
    "ops, Marcus.")
log("priya", "2026-06-09T21:15", "email", "thank_you",
    "Quoted the lesson-plans line and said which case study I'll start with.")
log("priya", "2026-06-12", "email", "update",
    "Told Priya that Marcus replied within a day; meeting him on the 16th.")
log("priya", "2026-07-20", "email", "update",
    "Sent my first case study (reading-intervention survey redesign) for feedback; "
    "mentioned meeting Elena and Tomás.")

log("jasmine", "2026-06-03T13:20", "email", "outreach")
log("jasmine", "2026-06-04", "email", "reply_later",
    'Back-to-school release until mid-July; "ping me after the 15th".')
log("jasmine", "2026-07-16T08:30", "email", "follow_up", "Pinged as she asked.")
log("jasmine", "2026-07-17", "email", "reply_yes")
log("jasmine", "2026-07-17", "email", "meeting_scheduled", "", "2026-07-23T16:00", VIDEO)
log("jasmine", "2026-07-23T16:00", "video", "meeting_held",
    "Dashboards in Looker; most of the job is agreeing on metric definitions with product.")
log("jasmine", "2026-07-24", "email", "thank_you")

log("marcus", "2026-06-10T09:05", "email", "outreach",
    "Priya suggested I reach out; asked for 20 minutes.")
log("marcus", "2026-06-11", "email", "reply_yes")
log("marcus", "2026-06-11", "email", "meeting_scheduled", "Lunch at the office.",
    "2026-06-16T12:00", "Brightline Learning, 401 N. Wabash Ave, Suite 1200, Chicago, IL 60611")
log("marcus", "2026-06-16T12:00", "in_person", "meeting_held",
    "Research ops = recruiting participants, consent forms, the insight repository. "
    "Suggested Elena at Kiteboard; he'll cc me.")
log("marcus", "2026-06-17", "email", "thank_you")
log("marcus", "2026-06-20", "email", "update",
    "Let Marcus know Elena replied and we meet on the 25th.")
log("marcus", "2026-08-05", "email", "update",
    "Shared my participant-recruiting checklist; he said it's close to what they use.")

log("owen", "2026-09-08T09:30", "linkedin", "outreach",
    "Short note; mentioned I'd met Priya, Marcus and Jasmine.")
log("owen", "2026-09-09", "linkedin", "reply_yes")
log("owen", "2026-09-10T11:00", "email", "meeting_scheduled", "His assistant sent the invite.",
    "2026-09-24T09:00", "Brightline Learning, 401 N. Wabash Ave, Suite 1200, Chicago, IL 60611")

# Northwind Mutual: three people, follow-ups, nobody ever answers
log("colin", "2026-06-02T09:15", "email", "outreach")
log("colin", "2026-06-12", "email", "follow_up")
log("colin", "2026-06-22T10:30", "phone", "voicemail",
    "Left a 20-second voicemail and repeated my email address.")
log("colin", "2026-07-06", "", "note", "Gone quiet: three tries, nothing. Moving on.")

log("renata", "2026-06-03", "linkedin", "outreach", "Connection request with a note.")
log("renata", "2026-06-13", "linkedin", "follow_up",
    "Request still pending, so sent an InMail instead.")
log("renata", "2026-06-24", "email", "follow_up",
    "Guessed her address from the company pattern (first.last).")

log("derek", "2026-06-09T11:00", "email", "outreach", "Mentioned the career center list.")
log("derek", "2026-06-19T14:00", "phone", "no_answer",
    "Rang through to the main desk; nobody picked up.")
log("derek", "2026-06-29", "email", "follow_up")
log("derek", "2026-07-13", "", "note",
    "Nobody at Northwind has answered (3 people, 9 tries). Parking it.")

# A friend's tip (he does not want to be named)
log("mateo", "2026-06-02T20:30", "other", "outreach",
    "Texted: who do you know doing research at a payments company?")
log("mateo", "2026-06-02T21:05", "other", "reply_referral",
    "Named Victor Alvarez at Cobalt Pay; barely knows him, so please don't use his name.")

# Lumen Health Analytics: everyone answers, slowly (18 to 25 days)
log("rafael", "2026-06-04T10:10", "email", "outreach")
log("rafael", "2026-06-15T15:20", "phone", "voicemail",
    "Voicemail pointing to my email from the 4th.")
log("rafael", "2026-06-25", "email", "reply_later",
    'Hiring freeze and a big launch; "try me again in September".')
log("rafael", "2026-09-08T08:40", "email", "follow_up", "Checked back in, as he suggested.")
log("rafael", "2026-09-14", "email", "reply_yes")
log("rafael", "2026-09-15", "email", "meeting_scheduled", "",
    "2026-10-01T11:00",
    "Lumen Health Analytics, 222 W. Adams St, Floor 18, Chicago, IL 60606 (ask at reception)")

log("aisha", "2026-06-08T09:00", "email", "outreach", "Mentioned Jonah, with his OK.")
log("aisha", "2026-06-18", "email", "follow_up")
log("aisha", "2026-06-26", "email", "reply_yes", 'Sorry for the delay, "June is audit season".')
log("aisha", "2026-06-26", "email", "meeting_scheduled", "", "2026-07-07T12:30", PHONE)
log("aisha", "2026-07-07T12:30", "phone", "meeting_held",
    "Clinical data means messy EHR extracts; SQL is a must, Epic certification helps.\n"
    "Suggested Nkechi at Prairie Shore for patient-experience research.")
log("aisha", "2026-07-08", "email", "thank_you")

log("hannah", "2026-06-16T13:00", "linkedin", "outreach", "Mentioned her thread on dbt tests.")
log("hannah", "2026-06-30", "linkedin", "follow_up")
log("hannah", "2026-07-09", "email", "reply_yes", "Answered by email, three weeks later.")
log("hannah", "2026-07-10", "email", "meeting_scheduled", "Before her stand-up.",
    "2026-07-16T08:00", PHONE)
log("hannah", "2026-07-16T08:00", "phone", "meeting_held",
    "Analytics engineering is a long way from teaching; start as an analyst first.")
log("hannah", "2026-07-17", "email", "thank_you")

log("hollis", "2026-07-16T07:55", "email", "outreach", "Mentioned her library talk.")
log("hollis", "2026-07-27", "email", "follow_up")
log("hollis", "2026-08-10", "email", "reply_yes", '"Told you I answer slowly."')
log("hollis", "2026-08-11", "email", "meeting_scheduled", "",
    "2026-08-18T12:00", "Two Tree Café, 215 W. Adams St, Chicago, IL 60606")
log("hollis", "2026-08-18T12:00", "in_person", "meeting_held",
    "Healthcare UX research: accessibility, older patients, long approval cycles. "
    "Offered to review my portfolio in October.")
log("hollis", "2026-08-19", "email", "thank_you")

# Prairie Shore Health: letters and phone, slow
log("gregory", "2026-06-11", "letter", "outreach",
    "Printed one-page letter; suggested the weeks of June 22 or 29.")
log("gregory", "2026-06-24T10:05", "phone", "no_answer", "Main line rang out.")
log("gregory", "2026-06-25T09:40", "phone", "message_left",
    "Left a message with Gloria, his assistant.")
log("gregory", "2026-07-06T15:10", "phone", "reply_referral",
    "Gloria called back: he's swamped, suggests Farah Qureshi in research informatics, "
    "and I may use his name.")
log("gregory", "2026-07-29", "email", "update",
    "Emailed Gloria so Dr. Ashworth knows I met Farah; thanked them both.")

log("farah", "2026-07-07T08:50", "email", "outreach", "Mentioned Dr. Ashworth's suggestion.")
log("farah", "2026-07-07T08:52", "email", "snafu", "Bounced: address had a typo (quereshi).")
log("farah", "2026-07-07T09:05", "email", "outreach", "Resent to the corrected address.")
log("farah", "2026-07-20", "email", "reply_yes", "Apologised for the wait; she was on leave.")
log("farah", "2026-07-21", "email", "meeting_scheduled", "", "2026-07-28T13:00", VIDEO)
log("farah", "2026-07-28T13:00", "video", "meeting_held",
    "Research informatics: survey platforms, REDCap, data governance. IRB is a big deal.")
log("farah", "2026-07-29", "email", "thank_you")

log("nkechi", "2026-07-08", "letter", "outreach",
    "Letter mentioning Aisha; offered a phone call as an alternative.")
log("nkechi", "2026-07-20T11:30", "phone", "message_left",
    "Left a message with the research office front desk.")
log("nkechi", "2026-07-31T14:00", "phone", "reply_yes", "Called me back herself.")
log("nkechi", "2026-07-31T14:05", "phone", "meeting_scheduled", "",
    "2026-08-11T10:00",
    "Prairie Shore Health, 2650 Ridge Ave, Evanston, IL 60201 (Research Office, 3rd floor)")
log("nkechi", "2026-08-11T10:00", "in_person", "meeting_held",
    "Showed me the patient-feedback dashboard.\n"
    "They hire research assistants on 1-year contracts; a foot in the door.\n"
    'Her advice: "lead with the parent-teacher interviews, that\'s fieldwork".')
log("nkechi", "2026-08-12", "letter", "thank_you", "Handwritten card, mailed.")

# Cobalt Pay (dream employer): Wen answers in a day, Victor and Keiko never do
log("wen", "2026-06-15T08:20", "email", "outreach")
log("wen", "2026-06-16T07:45", "email", "reply_yes")
log("wen", "2026-06-16", "email", "meeting_scheduled", "",
    "2026-06-23T08:00", "Daily Grind Café, 15 S. LaSalle St, Chicago, IL 60603")
log("wen", "2026-06-23T08:00", "in_person", "meeting_held",
    "Product analytics: experiments, funnels, SQL all day. Said Sam Okafor at Tessera "
    "hires career changers for research roles.")
log("wen", "2026-06-24", "email", "thank_you")
log("wen", "2026-06-26", "email", "update",
    "Told Wen that Sam answered the next day; meeting him July 1.")
log("wen", "2026-08-04", "email", "update",
    "Asked whether the junior analyst role is open to non-CS backgrounds; shared my SQL "
    "project.")

log("victor", "2026-06-15T08:40", "linkedin", "outreach")
log("victor", "2026-06-25", "linkedin", "follow_up")
log("victor", "2026-07-06", "email", "follow_up",
    "Found his address via the company pattern; short note, no name-dropping.")

log("keiko", "2026-06-16T09:10", "email", "outreach", "Mentioned we're both Lakeview alumni.")
log("keiko", "2026-06-23", "email", "snafu",
    "Tracker says never opened; probably landed in a spam folder.")
log("keiko", "2026-06-26", "email", "follow_up", "Resent with a plainer subject line.")
log("keiko", "2026-07-07T12:15", "phone", "voicemail")

# Kiteboard: fast
log("ben", "2026-06-12", "linkedin", "outreach", "Connection note about the meetup.")
log("ben", "2026-06-13", "linkedin", "reply_yes")
log("ben", "2026-06-15", "linkedin", "meeting_scheduled", "", "2026-06-18T17:30", VIDEO)
log("ben", "2026-06-18T17:30", "video", "meeting_held",
    "Designers run most usability tests themselves; researchers do the bigger studies.")
log("ben", "2026-06-19", "linkedin", "thank_you")

log("elena", "2026-06-18T10:00", "email", "outreach", "Marcus in cc.")
log("elena", "2026-06-19", "email", "reply_yes")
log("elena", "2026-06-19", "email", "meeting_scheduled", "",
    "2026-06-25T15:30", "Brew Lab Café, 1620 Orrington Ave, Evanston, IL 60201")
log("elena", "2026-06-25T15:30", "in_person", "meeting_held",
    "Ed-tech research = teachers AND students as users; my classroom years count.\n"
    "What I should have asked: how they pick studies each quarter.\n"
    "Other roles that fit: learning scientist, research ops.")
log("elena", "2026-06-26", "email", "thank_you")
log("elena", "2026-06-26", "email", "note",
    "She emailed an intro to Tomás Herrera at Alpenlicht Labs (Zürich).")
log("elena", "2026-07-09", "email", "update",
    "Told Elena that Tomás replied; call on the 14th.")
log("elena", "2026-08-14", "email", "update",
    "Sent the usability-test write-up she asked to see.")

log("theo", "2026-08-24T10:30", "linkedin", "outreach", "Mentioned Elena and Ben.")
log("theo", "2026-08-25", "linkedin", "reply_yes")
log("theo", "2026-08-26", "email", "meeting_scheduled",
    "Earliest slot he had, after his parental leave.", "2026-09-22T16:00", VIDEO)

# Alpenlicht Labs, Zürich
log("tomas", "2026-06-29T07:30", "email", "outreach",
    "Offered early mornings, Chicago time.")
log("tomas", "2026-07-08", "email", "reply_yes", "Back from holidays.")
log("tomas", "2026-07-09", "email", "meeting_scheduled", "09:00 Chicago = 16:00 Zürich.",
    "2026-07-14T09:00", VIDEO)
log("tomas", "2026-07-14T09:00", "video", "meeting_held",
    "European ed-tech hires remote researchers rarely; useful for the field overview.")
log("tomas", "2026-07-15", "email", "thank_you")

# Harbor & Vine: one yes, two noes, one "later"
log("sofia", "2026-06-08T12:15", "other", "outreach", "Bluesky DM replying to her post.")
log("sofia", "2026-06-10", "other", "reply_yes", "Replied by DM and gave me her work email.")
log("sofia", "2026-06-11", "email", "meeting_scheduled", "",
    "2026-06-17T16:30", "Harbor & Vine, 900 W. Fulton Market, 4th Floor, Chicago, IL 60607")
log("sofia", "2026-06-17T16:30", "in_person", "meeting_held",
    "Insights team: surveys, diary studies, a few analysts. Teachers are good at synthesis. "
    "Showed me their research repository.")
log("sofia", "2026-06-18", "email", "thank_you")
log("sofia", "2026-08-12", "email", "update",
    "Told her I finished a UX research certificate and my first case study.")

log("liam", "2026-06-08T12:30", "email", "outreach")
log("liam", "2026-06-11", "email", "reply_no", "No bandwidth this quarter, sorry; wished me luck.")
log("liam", "2026-06-11", "email", "thank_you", "Thanked him for answering at all.")

log("dev", "2026-06-20", "linkedin", "outreach")
log("dev", "2026-06-22", "linkedin", "reply_no", "Polite no: he doesn't do these calls.")

log("sunita", "2026-09-03T08:30", "linkedin", "outreach")
log("sunita", "2026-09-14", "linkedin", "follow_up")
log("sunita", "2026-09-18T14:05", "linkedin", "reply_later",
    'Travelling until October; "ping me on the 5th".')

# Open Door Food Network
log("ibrahim", "2026-06-05T08:30", "email", "outreach", "Dana in cc; asked for a 20-minute call.")
log("ibrahim", "2026-06-09", "email", "reply_yes")
log("ibrahim", "2026-06-09", "email", "meeting_scheduled", "", "2026-06-19T12:00", PHONE)
log("ibrahim", "2026-06-19T12:00", "phone", "meeting_held",
    "Grant reporting drives everything; R and Excel, no BI tool yet. Has a friend at "
    "Greenlake doing pricing analytics.")
log("ibrahim", "2026-06-19T18:30", "email", "thank_you")
log("ibrahim", "2026-07-01", "email", "note",
    "He emailed an intro to Lucia Ferreira at Greenlake, cc'ing me.")
log("ibrahim", "2026-08-07", "email", "update",
    "Told Ibrahim I met Lucia; thanked him again for the intro.")

log("andre", "2026-08-29T13:00", "in_person", "outreach",
    "Volunteer day at the food bank; asked him for an informational interview.")
log("andre", "2026-08-31", "email", "follow_up", "Sent the email I promised, with my availability.")

# Greenlake Grocers
log("lucia", "2026-07-06T08:15", "email", "outreach", "Replied on Ibrahim's intro thread.")
log("lucia", "2026-07-08", "email", "reply_later", 'Quarter close; "try me after the 27th".')
log("lucia", "2026-07-28", "email", "follow_up")
log("lucia", "2026-07-29", "email", "reply_yes")
log("lucia", "2026-07-29", "email", "meeting_scheduled", "",
    "2026-08-06T12:00", "Lula's Bean Café, 3312 N. Kedzie Ave, Chicago, IL 60618")
log("lucia", "2026-08-06T12:00", "in_person", "meeting_held",
    "Pricing analytics: elasticity models, weekly promo reviews, Python + SQL. "
    "They train analysts in-house.")
log("lucia", "2026-08-07", "email", "thank_you")

log("marta", "2026-08-17T09:00", "email", "outreach")
log("marta", "2026-08-28", "email", "follow_up")
log("marta", "2026-09-18T09:10", "phone", "voicemail", "Second follow-up, by phone this time.")

# Tessera Insights: Sam fast, Jamal slow
log("sam", "2026-06-24T08:00", "email", "outreach", "Wen in cc.")
log("sam", "2026-06-25", "email", "reply_yes")
log("sam", "2026-06-26", "email", "meeting_scheduled", "", "2026-07-01T10:00", VIDEO)
log("sam", "2026-07-01T10:00", "video", "meeting_held",
    "Mixed-methods consultancy; junior researchers start on survey QA. "
    "Suggested Nora Lindqvist at Quill & Ledger for qualitative work.")
log("sam", "2026-07-02", "email", "thank_you")
log("sam", "2026-07-16", "email", "update",
    "Told Sam that Nora answered; meeting her next week.")

log("jamal", "2026-06-22T09:30", "email", "outreach")
log("jamal", "2026-07-02", "email", "follow_up")
log("jamal", "2026-07-13", "email", "reply_yes")
log("jamal", "2026-07-14", "email", "meeting_scheduled", "", "2026-07-21T15:00", PHONE)
log("jamal", "2026-07-20", "email", "meeting_scheduled", "Moved to Thursday at his request.",
    "2026-07-23T15:00", PHONE)
log("jamal", "2026-07-23T15:00", "phone", "meeting_held",
    "Questionnaire design is a craft; my assessment-writing experience transfers.")
log("jamal", "2026-07-24", "email", "thank_you")

# Quill & Ledger Research
log("nora", "2026-07-03T09:00", "email", "outreach")
log("nora", "2026-07-03T09:01", "email", "snafu",
    "Bounced: wrong domain (quillandledger instead of quill-ledger).")
log("nora", "2026-07-03T09:20", "email", "outreach", "Resent to the right domain.")
log("nora", "2026-07-15", "email", "reply_yes")
log("nora", "2026-07-16", "email", "meeting_scheduled", "",
    "2026-07-22T09:30",
    "Quill & Ledger Research, 600 W. Jackson Blvd, Suite 450, Chicago, IL 60661")
log("nora", "2026-07-22T09:30", "in_person", "meeting_held",
    "Focus groups and in-depth interviews for consumer brands; moderators often come from "
    "teaching. Asked me to send a writing sample.")
log("nora", "2026-07-23", "email", "thank_you")

log("peter", "2026-07-06", "letter", "outreach")
log("peter", "2026-07-17", "letter", "snafu",
    "Letter came back: wrong suite (410 instead of 450).")
log("peter", "2026-07-17", "letter", "outreach", "Resent to Suite 450.")
log("peter", "2026-07-31T10:00", "phone", "no_answer")
log("peter", "2026-08-11T16:20", "phone", "voicemail")
log("peter", "2026-08-25", "", "note", "Gone quiet. Nora says he travels most of the summer.")

# Civic Sightline, continued
log("grace", "2026-06-24T19:30", "in_person", "outreach",
    "Asked her at the Civic Data meetup; she said to email her.")
log("grace", "2026-06-25", "email", "follow_up", "Sent the promised email with two time windows.")
log("grace", "2026-06-29", "email", "reply_yes")
log("grace", "2026-06-30", "email", "meeting_scheduled", "",
    "2026-07-09T17:00", "Civic Sightline, 1440 W. Cermak Rd, Unit 2B, Chicago, IL 60608")
log("grace", "2026-07-09T17:00", "in_person", "meeting_held",
    "Program evaluation = logic models + surveys + interviews; she'd hire a teacher for "
    "the interviewing alone.")
log("grace", "2026-07-10", "email", "thank_you")

log("olivia", "2026-09-09T08:00", "email", "outreach", "Lakeview alum; Dana mentioned her.")
log("olivia", "2026-09-10", "email", "reply_yes")
log("olivia", "2026-09-11", "email", "meeting_scheduled", "", "2026-09-17T17:30", PHONE)
log("olivia", "2026-09-17T17:30", "phone", "meeting_held",
    "Fellowship is one year, paid; applications open in January. Thank-you still to write.")


# --------------------------------------------------------------------------------------
# Job leads people mentioned, logged with the lead form after the campaign's events
# were written down: they keep ids after the last event (appended, so no earlier id
# moves) and the day of the talk where the lead came up (never after TODAY).
# --------------------------------------------------------------------------------------
LEADS: list[tuple] = []


def lead(key, when, notes):
    LEADS.append((key, when, "", "lead", notes, "", ""))


lead("nkechi", "2026-08-11",
     "Research assistant, patient-experience research (1-year contract); the posting "
     "goes up in October, ask Nkechi to flag it — https://careers.prairieshore.example/research")
lead("lucia", "2026-08-06",
     "Junior pricing analyst, trained in-house; applications through Lucia's team by "
     "the end of September — https://jobs.greenlake.example/pricing-analyst")
lead("olivia", "2026-09-17",
     "Evaluation fellowship at Civic Sightline: one year, paid; applications open in January")


# --------------------------------------------------------------------------------------
# Build the tables
# --------------------------------------------------------------------------------------
def _when_key(when: str) -> tuple[str, str]:
    """Sort key: the date, then the time (a date alone sorts at noon)."""
    date, _, time = when.partition("T")
    return date, time or "12:00"


def build_contacts() -> tuple[list[dict], dict[str, str]]:
    order = sorted(range(len(PEOPLE)), key=lambda i: (PEOPLE[i]["added_on"], i))
    ids = {PEOPLE[i]["key"]: f"C{n:04d}" for n, i in enumerate(order, start=1)}
    rows = []
    for i in order:
        p = dict(PEOPLE[i])
        p["contact_id"] = ids[p["key"]]
        p["referred_by"] = ids[p["referred_by"]] if p["referred_by"] else ""
        rows.append({c: p[c] for c in CONTACT_COLUMNS})
    return rows, ids


def build_interactions(ids: dict[str, str]) -> list[dict]:
    order = sorted(range(len(EVENTS)), key=lambda i: (_when_key(EVENTS[i][1]), i))
    rows = []
    for n, item in enumerate([EVENTS[i] for i in order] + LEADS, start=1):
        key, when, channel, kind, notes, scheduled_for, place = item
        rows.append(dict(interaction_id=f"I{n:05d}", contact_id=ids[key], date=when,
                         channel=channel, kind=kind, notes=notes,
                         scheduled_for=scheduled_for, place=place))
    return rows


def write_csv(path: Path, columns: list[str], rows: list[dict]) -> None:
    buf = io.StringIO(newline="")
    writer = csv.DictWriter(buf, fieldnames=columns, lineterminator="\n",
                            quoting=csv.QUOTE_MINIMAL)
    writer.writeheader()
    writer.writerows(rows)
    path.write_bytes(buf.getvalue().encode("utf-8-sig"))


# --------------------------------------------------------------------------------------
# Checks (on the files as written, read back the way the toolkit reads them)
# --------------------------------------------------------------------------------------
def check(out_dir: Path) -> None:
    read = dict(dtype=str, keep_default_na=False, encoding="utf-8-sig")
    c = pd.read_csv(out_dir / "contacts.csv", **read)
    i = pd.read_csv(out_dir / "interactions.csv", **read)
    for name in ("contacts.csv", "interactions.csv"):
        raw = (out_dir / name).read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf"), f"{name}: no BOM"
        assert b"\r" not in raw, f"{name}: CR found"

    assert list(c.columns) == CONTACT_COLUMNS, list(c.columns)
    assert list(i.columns) == INTERACTION_COLUMNS, list(i.columns)
    assert c["contact_id"].is_unique and i["interaction_id"].is_unique
    assert c["contact_id"].str.fullmatch(r"C\d{4}").all()
    assert i["interaction_id"].str.fullmatch(r"I\d{5}").all()
    assert (c["name"] != "").all()
    assert i["contact_id"].isin(c["contact_id"]).all(), "interaction with unknown contact"
    ref = c.loc[c["referred_by"] != "", "referred_by"]
    assert ref.isin(c["contact_id"]).all(), "referred_by points nowhere"
    assert (c["referred_by"] != c["contact_id"]).all()

    # allowed values
    assert i["kind"].isin(KINDS).all()
    assert i["channel"].isin(CHANNELS + [""]).all()
    assert c["source"].isin(SOURCES).all()
    assert c["cite_permission"].isin(["yes", "no", "asked", ""]).all()
    assert c["priority"].isin(["1", "2", "3", "4", "5", ""]).all()
    for col in ("added_on",):
        pd.to_datetime(c[col], format="%Y-%m-%d")
    assert i["date"].str.fullmatch(r"\d{4}-\d{2}-\d{2}(T\d{2}:\d{2})?").all()
    dates = pd.to_datetime(i["date"], format="ISO8601")
    assert i["date"].str.contains("T").any() and (~i["date"].str.contains("T")).any()

    # every kind, channel and source at least twice
    for values, allowed, what in ((i["kind"], KINDS, "kind"),
                                  (i["channel"], CHANNELS, "channel"),
                                  (c["source"], SOURCES, "source")):
        counts = Counter(values)
        rare = {v: counts[v] for v in allowed if counts[v] < 2}
        assert not rare, f"{what} used fewer than twice: {rare}"
    assert (i.loc[i["kind"] == "note", "channel"] == "").any()

    # sizes and the campaign window
    assert len(c) >= 45 and len(i) >= 170, (len(c), len(i))
    day = dates.dt.normalize()
    assert day.min() >= pd.Timestamp("2026-06-01")
    assert day.max() == pd.Timestamp(TODAY)
    # ids follow the calendar dates (within a day, untimed rows sit at noon), except the
    # leads appended at the end, each on the day of a meeting with that person
    events = i["kind"] != "lead"
    assert day[events].is_monotonic_increasing
    assert not events.iloc[:events.sum()].eq(False).any(), "a lead before the events"
    assert (i["interaction_id"] == sorted(i["interaction_id"])).all()
    met = set(i.loc[i["kind"] == "meeting_held", ["contact_id"]].assign(
        d=day[i["kind"] == "meeting_held"]).itertuples(index=False, name=None))
    for cid, d in zip(i.loc[~events, "contact_id"], day[~events]):
        assert (cid, d) in met, f"{cid}: lead not on the day of a meeting"
    # each person's events appear in the order they were scripted
    for key in {e[0] for e in EVENTS}:
        scripted = [e[1] for e in EVENTS if e[0] == key]
        assert scripted == sorted(scripted, key=_when_key), f"{key}: timeline out of order"

    # meetings: scheduled_for and place only (and always) on meeting_scheduled rows
    ms = i["kind"] == "meeting_scheduled"
    assert (i.loc[ms, "scheduled_for"] != "").all() and (i.loc[ms, "place"] != "").all()
    assert (i.loc[~ms, "scheduled_for"] == "").all() and (i.loc[~ms, "place"] == "").all()
    assert i.loc[ms, "scheduled_for"].str.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}").all()
    sf = pd.to_datetime(i.loc[ms, "scheduled_for"], format="ISO8601")
    assert (sf.dt.day_of_week < 5).all(), "a meeting on a weekend"
    assert (sf.dt.normalize() >= day[ms]).all(), "meeting scheduled in the past"
    ahead = sf[sf.dt.normalize() > pd.Timestamp(TODAY)]
    assert 2 <= len(ahead) <= 3, len(ahead)
    assert {"Phone", VIDEO} <= set(i.loc[ms, "place"])
    # every meeting in the past was held at its (last) scheduled time
    held = set(i.loc[i["kind"] == "meeting_held", ["contact_id", "date"]]
               .itertuples(index=False, name=None))
    last = i[ms].groupby("contact_id")["scheduled_for"].last()
    for cid, when in last.items():
        if pd.Timestamp(when).normalize() <= pd.Timestamp(TODAY):
            assert (cid, when) in held, f"{cid}: meeting at {when} not held"

    # targets and the network
    touched = set(i["contact_id"])
    network = c[(c["priority"] == "") & ~c["contact_id"].isin(touched)]
    assert 7 <= len(network) <= 10, len(network)
    targets = c[(c["priority"] != "") | c["contact_id"].isin(touched)]
    assert ((targets["priority"] != "") & ~targets["contact_id"].isin(touched)).sum() >= 2
    assert (c["priority"] == "1").any()
    assert 12 <= c.loc[c["company"] != "", "company"].nunique() <= 15
    assert 4 <= c.loc[c["industry"] != "", "industry"].nunique() <= 6
    assert 2 <= c["location"].nunique() <= 3

    # referrals, including chains two deep
    referred = c[c["referred_by"] != ""]
    assert len(referred) >= 6 and (referred["source"] == "referral").all()
    parent = dict(zip(c["contact_id"], c["referred_by"]))
    assert sum(1 for x in referred["contact_id"] if parent.get(parent[x])) >= 2

    # late logging, fictional details, awkward cells
    added = dict(zip(c["contact_id"], pd.to_datetime(c["added_on"])))
    assert sum(d < added[x] for x, d in zip(i["contact_id"], day)) >= 2
    emails = c.loc[c["email"] != "", "email"]
    assert emails.str.fullmatch(r"[a-z0-9.]+@[a-z0-9.-]+\.example").all()
    phones = c.loc[c["phone"] != "", "phone"]
    assert phones.str.contains("555").all()
    assert phones.str.startswith("00").any()
    assert (c == "NA").any().any(), "no literal NA cell"
    assert c["work_address"].str.contains(",").any()
    assert c["linkedin_url"].str.startswith("https://www.linkedin.com/in/").any()
    assert c["notes"].str.contains("\n").any() and i["notes"].str.contains("\n").any()
    assert i["notes"].str.contains('"').any() and i["notes"].str.contains(",").any()

    # response speed by company: fast, slow and silent ones; one 1-in-3 company
    first = {}
    resp = {}
    for cid, kind, d in zip(i["contact_id"], i["kind"], day):
        if kind in ATTEMPTS:
            first.setdefault(cid, d)
    for cid, kind, d in zip(i["contact_id"], i["kind"], day):
        if kind in RESPONSES and cid in first and d >= first[cid]:
            resp.setdefault(cid, (d - first[cid]).days)
    company = dict(zip(c["contact_id"], c["company"]))
    by_co: dict[str, list] = {}
    for cid in first:
        by_co.setdefault(company[cid], []).append(resp.get(cid))
    assert all(v is None for v in by_co["Northwind Mutual"]) and len(by_co["Northwind Mutual"]) >= 3
    assert sorted(by_co["Cobalt Pay"], key=lambda v: (v is None, v)) == [1, None, None]
    assert all(v is not None and v <= 2 for v in by_co["Kiteboard"])
    assert all(v is not None and 10 <= v <= 25 for v in by_co["Lumen Health Analytics"])


# --------------------------------------------------------------------------------------
# plan.json, notebooks 01–03: goals, LAMP list, search plan, the ask to the network,
# letters and phone scripts
# --------------------------------------------------------------------------------------
SENDER = {"sender_name": "Rosa Delgado",
          "sender_details": "+1 312-555-0190\nrosa.delgado@mail.example"}

GOALS = {
    "business": "Edtech companies, health and market-research firms, and nonprofits that "
                "use data to improve their programmes",
    "positions": "UX researcher, research operations, data analyst",
    "how_long": "Three to four years at least; I want to learn the craft properly",
    "how_far_up": "Senior researcher, or leading a small research team, in about five years",
    "purpose": "field information",
    "places": "Chicago\nEvanston",
    "flexibility": "nearby",
}

EMPLOYERS = [
    ("Brightline Learning", 3, 3, 2, "Priya and Marcus there; research ops posting in June"),
    ("Kiteboard", 3, 2, 1, "Learning apps my students ask for; Elena and Ben there"),
    ("Lumen Health Analytics", 2, 2, 3, "Two research openings; Aisha changed careers there"),
    ("Cobalt Pay", 2, 2, 2, "Wen hosts coffee chats; UX research team growing"),
    ("Civic Sightline", 2, 3, 1, "Dana works there and will vouch for me"),
    ("Tessera Insights", 2, 2, 1, "Survey work close to what I do with classes"),
    ("Prairie Shore Health", 2, 1, 1, "Patient-experience research in Evanston"),
    ("Open Door Food Network", 2, 2, 0, "Ibrahim runs evaluation; small team"),
    ("Harbor & Vine", 1, 1, 2, "Insights team growing, retail is less my thing"),
    ("Northwind Mutual", 1, 1, 3, "Many analyst postings, little research"),
    ("Quill & Ledger Research", 1, 1, 0, "Qualitative shop; worth one conversation"),
    ("Greenlake Grocers", 1, 0, 1, "Loyalty analytics; nobody I know yet"),
]

SEARCH_PLAN = {
    "company_sites": "Team pages of Brightline, Kiteboard, Lumen Health and Cobalt Pay; note "
                     "who writes or speaks about research",
    "linkedin": "Search 'UX researcher' and 'research operations' around Chicago; look for "
                "former teachers and Lakeview alumni",
    "alumni": "Ask Jonah at the Lakeview career centre for alumni in UX research and health "
              "analytics; go through the centre's employer list",
    "associations": "Chicago chapter of the UX research association (directory, meet-ups); "
                    "the Midwest survey-research association's member list",
    "everyone": "Former colleagues, my bootcamp cohort, friends from college; send them the "
                "specific ask below",
    "per_week": 5,
}

NETWORK_ASK = {
    "role": "UX researcher or research-operations person",
    "field": "education technology or health",
    "place": "Chicago",
    "organisations": "",
    "reason": "I'm a maths teacher moving into user research this summer.",
}

#: contact_id → (expected name, letter parts, sent_on or None, saved at)
LETTERS = {
    "C0001": ("Priya Raman", {
        "channel": "email", "short": False, "recipient_name": "Ms Raman", "connection": "",
        "who_you_are": "I teach maths at a Chicago high school and, like you, took my M.Ed. "
                       "at Lakeview. This summer I am moving into UX research.",
        "why_field": "Years of watching where students get stuck have made me curious about "
                     "how people learn from products, and I would like to study that full-time.",
        "why_organisation": "Brightline's tutoring app is used at my school, and I like how it "
                            "explains a mistake instead of just marking it.",
        "why_person": "Your Teachers in Tech brown-bag showed me that a teacher can make this "
                      "move, and I would value your view of how it went.",
        "ask": "Would you have 20 minutes for an informational interview about how you moved "
               "into research?",
        "meeting_mode": "Coffee near your office, a call or a video chat, whichever is easiest "
                        "for you.",
        "time_window": "I am on summer break and free most mornings in the week of 8 June.",
        "follow_up": "If I have not heard from you by then, I will give you a call around "
                     "16 June.",
        "thanks": "Thank you for considering it; I know how busy early summer is.",
    }, "2026-06-02", "2026-06-02T08:40:00"),
    "C0020": ("Marcus Oyelaran", {
        "channel": "email", "short": True, "recipient_name": "Mr Oyelaran",
        "connection": "Priya Raman suggested I get in touch with you.",
        "who_you_are": "I'm a Chicago maths teacher moving into UX research, and Priya says "
                       "research operations is a natural first step for teachers.",
        "why_field": "", "why_organisation": "",
        "why_person": "She told me you built Brightline's research-operations practice.",
        "ask": "Would you have 20 minutes for an informational interview about that work?",
        "meeting_mode": "",
        "time_window": "I'm free any lunchtime next week.",
        "follow_up": "If email is hard to get to, I'll follow up by phone around 20 June.",
        "thanks": "Thank you!",
    }, "2026-06-10", "2026-06-10T09:00:00"),
    "C0049": ("Imani Brooks", {
        "channel": "email", "short": True, "recipient_name": "Ms Brooks", "connection": "",
        "who_you_are": "I'm a maths teacher moving into research and analytics, and I saw you "
                       "on the retail-analytics panel list.",
        "why_field": "", "why_organisation": "",
        "why_person": "I would love to hear how a category analyst decides what to measure.",
        "ask": "Would you have 15 minutes for an informational interview?",
        "meeting_mode": "", "time_window": "",
        "follow_up": "I'll follow up by phone the week after.",
        "thanks": "Thank you for considering it.",
    }, None, "2026-09-16T18:20:00"),
    "C0048": ("Yusuf Karim", {
        "channel": "email", "short": False, "recipient_name": "Mr Karim", "connection": "",
        "who_you_are": "I am a Chicago maths teacher who has spent the summer talking with "
                       "researchers as I move into research operations.",
        "why_field": "Running studies well (finding participants, keeping consent forms and "
                     "notes in order) uses exactly what I do every day in a classroom.",
        "why_organisation": "Kiteboard's learning apps are the ones my students actually ask "
                            "for, and the colleagues of yours I have met were generous with "
                            "their time.",
        "why_person": "As research operations coordinator you see how the team's studies run "
                      "day to day, which is the part I most want to understand.",
        "ask": "Would you have 20 minutes for an informational interview?",
        "meeting_mode": "I would be glad to come to Evanston, or to talk by phone or video if "
                        "that is easier.",
        "time_window": "I am free on weekday afternoons between 21 September and 2 October.",
        "follow_up": "If I have not heard from you, I will give you a call in the week of "
                     "5 October.",
        "thanks": "Thank you for considering my request.",
    }, None, "2026-09-18T16:00:00"),
}

#: contact_id → (expected name, script fields, saved at)
PHONE_SCRIPTS = {
    "C0003": ("Colin Masterson", {
        "recipient_name": "Mr Masterson",
        "reason": "I'm curious how Northwind's analytics team works with its UX researchers.",
        "why_person": "Your team page says you hire the analysts, so you know what the job "
                      "really asks for.",
        "time_window": "in the next two weeks", "minutes": 20,
    }, "2026-06-21T19:00:00"),
    "C0041": ("Marta Nowak", {
        "recipient_name": "Ms Nowak",
        "reason": "Half my neighbourhood uses Greenlake's loyalty card, and I would love to "
                  "know how your team reads that data.",
        "why_person": "You lead loyalty analytics, which is the kind of applied work I am "
                      "aiming for.",
        "time_window": "between 21 September and 2 October", "minutes": 15,
    }, "2026-09-18T09:00:00"),
}


def _check_names(log: ContactLog, expected: dict[str, str]) -> None:
    c = log.raw_contacts.set_index(S.CONTACT_ID)[S.NAME]
    wrong = [f"{cid}: expected {name!r}, found {c.get(cid, '(missing)')!r}"
             for cid, name in expected.items() if c.get(cid) != name]
    if wrong:
        raise SystemExit("The sample log does not match the plan sections (were PEOPLE "
                         "or EVENTS changed?):\n  " + "\n  ".join(wrong))


def _outreach_id(log: ContactLog, cid: str, day: str) -> str:
    i = log.raw_interactions
    hit = i[(i[S.CONTACT_ID] == cid) & (i[S.KIND] == S.OUTREACH) & i[S.DATE].str.startswith(day)]
    if hit.empty:
        raise SystemExit(f"The sample log has no outreach to {cid} on {day}; update LETTERS in "
                         f"{Path(__file__).name}")
    return str(hit[S.INTERACTION_ID].iloc[0])


def build_plan_01_03(log: ContactLog) -> None:
    """Save every 01–03 section of the sample into ``log``."""
    _check_names(log, {cid: v[0] for cid, v in {**LETTERS, **PHONE_SCRIPTS}.items()})
    log.save_plan_section("goals", GOALS)
    log.save_plan_section("employers", {"rows": [
        {"employer": e, "motivation": m, "advocacy": a, "postings": p, "notes": n}
        for e, m, a, p, n in EMPLOYERS]})
    log.save_plan_section("search_plan", SEARCH_PLAN)
    from infoint_nb.planning import compose_network_ask
    log.save_plan_section("network_ask", {**NETWORK_ASK,
                                          "text": compose_network_ask(**NETWORK_ASK)})
    for cid, (_name, parts, sent_on, saved_at) in LETTERS.items():
        data = {**parts, **SENDER, "sent_on": sent_on, "_saved_at": saved_at}
        if sent_on:
            data.update(logged_interaction_id=_outreach_id(log, cid, sent_on),
                        logged_on=sent_on,
                        follow_up_due=follow_up_due_date(sent_on).isoformat())
        log.save_plan_section("letters", data, contact_id=cid)
    for cid, (_name, fields, saved_at) in PHONE_SCRIPTS.items():
        data = {"sender_name": SENDER["sender_name"], "callback": "312-555-0190",
                **fields, "_saved_at": saved_at}
        log.save_plan_section("phone_scripts", data, contact_id=cid)


# --------------------------------------------------------------------------------------
# plan.json, notebooks 05–07. On 2026-09-18 Rosa is
# - preparing for Theo Lambert (Kiteboard, video call on 22 September): research,
#   questions, pitch, answers and logistics all filled in;
# - preparing for Owen Brandt (Brightline Learning, at their office on 24 September):
#   research, questions, pitch and logistics;
# - starting on Rafael Mendoza (Lumen Health Analytics, 1 October): research only;
# - following up on Olivia Chen (Civic Sightline, phone call on 17 September): the
#   question plan she used, her meeting-day notes and a thank-you draft not yet sent;
# - keeping in touch with Nkechi Adeyemi (Prairie Shore Health, met 11 August) and
#   Aisha Bello (Lumen, who referred Nkechi).
# --------------------------------------------------------------------------------------
#: Fixed so that re-running gives the same file.
SAVED_AT = "2026-09-18T08:00:00"

PLAN_PEOPLE = {"C0042": "Theo Lambert", "C0045": "Owen Brandt", "C0012": "Rafael Mendoza",
          "C0046": "Olivia Chen", "C0037": "Nkechi Adeyemi", "C0016": "Aisha Bello"}

WHERE_YOU_ARE = ("I've taught maths at a Chicago high school for nine years, and this summer "
                 "I've been working my way into UX research: a certificate course, two small "
                 "studies of my own, and a lot of conversations like this one.")
HOPE_TO_LEARN = ("I'd love an insider's view of how your team decides what to study, and "
                 "what would make someone like me worth hiring.")

ANSWERS_SHARED = {
    "education": "B.S. in mathematics, then an M.Ed. at Lakeview (2014). This summer: a "
                 "UX research certificate (interviews, usability testing, survey design).",
    "experience": "Nine years of teaching: parent-teacher interviews every term, and a "
                  "survey of 300 students on homework apps that our school used to pick one. "
                  "Two practice studies: a usability test of the district portal, a diary "
                  "study with five teachers.",
    "goals": "A first research role within a year, research operations or junior UX "
             "researcher; in five years, leading studies on my own.",
}


def q(text: str, group: str, priority: int, *, warm_up: bool = False,
      wind_down: bool = False) -> dict:
    return {"text": text, "group": group, "priority": priority, "warm_up": warm_up,
            "wind_down": wind_down}


WIND_DOWN = [q for q in P.question_bank() if q["wind_down"]]

THEO_QUESTIONS = [
    q("How did you move from the classroom into data science?", "person", 2, warm_up=True),
    q("How does Kiteboard measure whether students actually learn more with the app?",
      "field", 1),
    q("Elena mentioned that research planning happens each quarter; how do you and the UX "
      "researchers decide which studies to run?", "field", 1),
    q("Where do data science and UX research overlap on your team, and where do they "
      "split?", "field", 2),
    q("What did your first year at Kiteboard teach you that teaching had not?", "person", 2),
    q("Which skills would you want from a teacher joining the team: SQL, statistics, study "
      "design?", "chances", 1),
    q("Looking at my two practice studies, what would make them stronger case studies?",
      "chances", 1),
    q("Are there research operations or junior research roles planned for next year?",
      "chances", 2),
    q("What do you wish you had known before the parental-leave handover?", "person", 4),
] + WIND_DOWN

OWEN_QUESTIONS = [
    q("What made you build a research team at Brightline in the first place?", "person", 2,
      warm_up=True),
    q("How does research shape the product roadmap here, concretely?", "field", 1),
    q("Priya and Marcus told me research ops is a common way in; how do you see that path?",
      "chances", 1),
    q("What separates the researchers you hire from the ones you don't?", "chances", 1),
    q("How is the team likely to grow over the next two years?", "field", 2),
    q("Which of your recent studies changed the product the most?", "field", 2),
    q("What would you look for in a portfolio from someone coming from teaching?",
      "chances", 2),
    q("How do you split your week between managing and doing research?", "person", 3),
] + WIND_DOWN

OLIVIA_QUESTIONS = [
    q("How did you hear about the fellowship, and what made you apply?", "person", 2,
      warm_up=True),
    q("What does a fellow actually work on in the first months?", "field", 1),
    q("How are fellows chosen, and when do applications open?", "chances", 1),
    q("Which skills from Lakeview turned out to matter most?", "person", 2),
    q("How does Civic Sightline work with program staff who are new to data?", "field", 2),
    q("Would my survey work with students count as relevant experience?", "chances", 1),
    q("What happens after the fellowship year?", "chances", 2),
    q("What surprised you in your first weeks there?", "person", 3),
] + WIND_DOWN

OLIVIA_NOTES = {
    "How did you hear about the fellowship, and what made you apply?":
        "Through Dana and the Lakeview alumni list; wanted to leave the lab for real-world "
        "data.",
    "What does a fellow actually work on in the first months?":
        "Cleaning program survey data, then one evaluation of your own by spring.",
    "How are fellows chosen, and when do applications open?":
        "Fellowship is one year, paid; applications open in January. Interviews in March.",
    "Would my survey work with students count as relevant experience?":
        "Yes; bring the survey instrument and explain how results changed a decision.",
    "What happens after the fellowship year?":
        "About half stay on as analysts; others go to city agencies.",
    "Who else would you suggest I talk to, and may I mention your name?":
        "Grace Oduya already met; suggests Maya at the city's data office (will send "
        "contact).",
    "Is there anything I can do for you in return?":
        "Asked for teacher contacts for a survey pilot in November.",
}

NKECHI_NOTES = {
    "What does an ordinary week look like for you?":
        "Showed me the patient-feedback dashboard; half her week is reading comments.",
    "Where do openings appear: job boards, the company site, or mostly through people?":
        "They hire research assistants on one-year contracts; a foot in the door.",
    "Looking at my background, where would I fit and where are the gaps?":
        "Lead with the parent-teacher interviews: that is fieldwork.",
}


def build_plan_05_07(log: ContactLog) -> None:
    """Save every 05–07 section of the sample into ``log``."""
    c = log.raw_contacts
    names = dict(zip(c["contact_id"], c["name"]))
    wrong = {cid: names.get(cid) for cid, name in PLAN_PEOPLE.items() if names.get(cid) != name}
    if wrong:
        raise SystemExit("the sample log does not match the plan sections; expected "
                         + ", ".join(f"{cid} = {PLAN_PEOPLE[cid]}" for cid in wrong)
                         + " (were PEOPLE or EVENTS changed?)")

    def save(section: str, cid: str, data: dict) -> None:
        log.save_plan_section(section, {**data, "_saved_at": SAVED_AT}, contact_id=cid)

    # --- research (05) ------------------------------------------------------------------
    save("research", "C0042", {
        "website": "kiteboard.example: maths and reading practice apps for grades 3–8; "
                   "pilots with 40 districts; research page publishes pilot results.",
        "news": "Spring: results of the Evanston pilot (students who used it weekly gained "
                "more on the district test). Hiring page lists a learning scientist.",
        "org_notes": "About 120 people. Elena (UX research) and Ben (design) work with "
                     "Theo's data team; designers run small usability tests, researchers "
                     "the larger studies.",
        "background": "Taught physics for six years, data bootcamp, joined Kiteboard in 2023; "
                      "back from parental leave in September.",
        "achievements": "Wrote the blog post on measuring learning gains in pilots, the one "
                        "my students' app came from.",
        "shared": "Both former teachers; both moved into data mid-career. Elena and Ben "
                  "(whom I met in June) work with him.",
        "mission": "Help every teacher see what their students are really learning",
    })
    save("research", "C0045", {
        "website": "brightline.example: tutoring and homework platform; research team of "
                   "eight under Owen; 'evidence before features' on the about page.",
        "news": "Research ops posting in June (filled); new district contracts in the "
                "suburbs for the fall.",
        "org_notes": "I have met Priya (UX research), Marcus (research ops) and Jasmine "
                     "(learning insights). Research recruits teachers as participants.",
        "background": "Former school psychologist; led research at two edtech start-ups "
                      "before Brightline.",
        "achievements": "Keynote at the 2025 UXPA Chicago conference on research with "
                        "children.",
        "shared": "Three of his colleagues know me now; both of us started in schools.",
        "mission": "Evidence before features: learning tools tested with real classrooms",
    })
    save("research", "C0012", {
        "website": "lumenhealth.example: analytics and patient portals for hospital groups.",
        "news": "Big portal launch in August; the hiring freeze may be lifting.",
        "org_notes": "Aisha (clinical data) and Hollis (UX research) work there; Hollis "
                     "offered to review my portfolio in October.",
        "background": "Spoke at a conference on patient-portal usability; UX research "
                      "manager since 2022.",
        "achievements": "", "shared": "", "mission": "",
    })

    # --- questions (05), also used on meeting day (06) ------------------------------------
    save("questions", "C0042", {"minutes": 30, "questions": THEO_QUESTIONS,
                                "new_text": "", "new_group": "field", "new_priority": 2,
                                "new_warm_up": False, "new_wind_down": False})
    save("questions", "C0045", {"minutes": 20, "questions": OWEN_QUESTIONS,
                                "new_text": "", "new_group": "field", "new_priority": 2,
                                "new_warm_up": False, "new_wind_down": False})
    save("questions", "C0046", {"minutes": 25, "questions": OLIVIA_QUESTIONS,
                                "new_text": "", "new_group": "field", "new_priority": 2,
                                "new_warm_up": False, "new_wind_down": False})

    # --- pitch, answers, logistics (05) ---------------------------------------------------
    for cid, want in (
            ("C0042", "I want to help teachers see what their students are really learning, "
                      "which is exactly what your pilot studies do, and I know that "
                      "classroom from the inside."),
            ("C0045", "I want to put evidence before features, as your team does: testing "
                      "learning tools with real classrooms before they ship, which is what "
                      "I did informally for nine years.")):
        parts = {"where_you_are": WHERE_YOU_ARE, "what_you_want": want,
                 "hope_to_learn": HOPE_TO_LEARN, "wpm": P.SPEAKING_WPM}
        save("pitch", cid, {**parts, "text": P.compose_pitch(
            **{k: parts[k] for k in P.PITCH_PARTS})})
    save("answers", "C0042", {**ANSWERS_SHARED, "their_business":
                              "Apps for maths and reading, sold to districts; they win "
                              "contracts by showing learning gains in pilots."})
    save("answers", "C0045", {**ANSWERS_SHARED, "their_business": ""})
    video = {item["key"]: item["key"] in ("confirm", "resume", "notes")
             for item in P.logistics_checklist("video")}
    save("logistics", "C0042", {"venue": "video", **video})
    save("logistics", "C0045", {"venue": "workplace",
                                **{item["key"]: False
                                   for item in P.logistics_checklist("workplace")}})

    # --- meeting notes (06) ---------------------------------------------------------------
    save("meeting_notes", "C0046", {
        "elapsed": 26, "notes": OLIVIA_NOTES,
        "summary": "Friendly and very practical; a phone call of about 25 minutes."})
    save("meeting_notes", "C0037", {
        "elapsed": 30, "notes": NKECHI_NOTES,
        "summary": "In person at Prairie Shore, with a look at their dashboard."})

    # --- follow-up (07) -------------------------------------------------------------------
    save("thank_you", "C0046", {
        "points": "Fellows start by cleaning program survey data, then run an evaluation "
                  "of their own by spring\nThe fellowship is a paid year, and applications "
                  "open in January\nMy student survey counts if I show how its results "
                  "changed a decision",
        "referrals": "", "next_step": "I will send you the teacher contacts for the "
                                      "November pilot this week.",
        "your_name": "Rosa Delgado", "channel": "email"})
    save("updates", "C0037", {
        "every_days": 90, "count": 4,
        "advice": "Lead with the parent-teacher interviews: that is fieldwork",
        "progress": "I rewrote my résumé around fieldwork and applied for a research "
                    "assistant contract.",
        "your_name": "Rosa Delgado", "channel": "email",
        "schedule": P.update_schedule("2026-08-12", every_days=90, count=4)})
    save("updates", "C0016", {
        "every_days": 90, "count": 4,
        "advice": "SQL is a must; Epic certification helps",
        "progress": "I met Nkechi at Prairie Shore, thanks to you, and I am halfway through "
                    "an SQL course.",
        "your_name": "Rosa Delgado", "channel": "email",
        "schedule": P.update_schedule("2026-07-08", every_days=90, count=4)})


# --------------------------------------------------------------------------------------
# Write it all
# --------------------------------------------------------------------------------------
SAMPLE_FILES = ("contacts.csv", "interactions.csv", "plan.json")


def build_sample(out_dir: Path) -> tuple[int, int]:
    """Write the three sample files into ``out_dir``; return (contacts, interactions).

    Everything is built in a temporary folder beside ``out_dir`` (same file system),
    checked, and then only the three files are moved in with :func:`os.replace`; the
    temporary folder, with the log's ``.backups/`` and ``.lock``, is removed either way.
    """
    contacts, ids = build_contacts()
    interactions = build_interactions(ids)
    out_dir = out_dir.resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".make_sample-", dir=out_dir.parent))
    try:
        write_csv(tmp / "contacts.csv", CONTACT_COLUMNS, contacts)
        write_csv(tmp / "interactions.csv", INTERACTION_COLUMNS, interactions)
        check(tmp)
        log = ContactLog.open(tmp)
        build_plan_01_03(log)
        build_plan_05_07(log)
        for name in SAMPLE_FILES:
            os.replace(tmp / name, out_dir / name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return len(contacts), len(interactions)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT_DIR,
                        help="folder to write the three files into (default: data/sample)")
    args = parser.parse_args(argv)
    n_contacts, n_interactions = build_sample(args.out)
    print(f"wrote {n_contacts} contacts, {n_interactions} interactions and plan.json "
          f"to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
