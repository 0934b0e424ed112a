"""Generate the fictional sample campaign in ``data/sample/``.

The story: Rosa, a high-school maths teacher in Chicago, spends the summer of 2026
(2026-06-01 to 2026-09-18, the sample's "today") on informational interviews to move
into UX research / data analytics. Everything below is invented: companies, people,
``.example`` e-mail domains and 555 phone numbers.

Run from anywhere::

    python data/make_sample.py

It rewrites ``data/sample/contacts.csv`` and ``data/sample/interactions.csv``
byte-for-byte identically on every run (no randomness, no clock), then checks the
result. Standard library and pandas only.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
from collections import Counter
from pathlib import Path

import pandas as pd

OUT_DIR = Path(__file__).resolve().parent / "sample"
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


def main() -> None:
    contacts, ids = build_contacts()
    interactions = build_interactions(ids)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    write_csv(OUT_DIR / "contacts.csv", CONTACT_COLUMNS, contacts)
    write_csv(OUT_DIR / "interactions.csv", INTERACTION_COLUMNS, interactions)
    check(OUT_DIR)
    print(f"wrote {len(contacts)} contacts and {len(interactions)} interactions to {OUT_DIR}")


if __name__ == "__main__":
    main()
