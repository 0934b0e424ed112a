"""Write notebooks 00–03 (prose and calls into infoint_nb; no outputs, no logic).

The notebooks are the product; this script only keeps their JSON tidy and
reproducible (stable cell ids, a ``parameters`` cell, the ``python3`` kernel).
Edit the text here and run::

    python tools/build_notebooks_a.py

Notebooks 04–07 and the report are written elsewhere.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nbbuild import OPEN_LOG, build_notebook, code, md, write_notebooks  # noqa: E402,F401

PARAMETERS = '''# Which log to use. A relative path starts at the project folder.
# "data/my_log" is your own log (created empty the first time);
# "data/sample" is the fictional example campaign.
log_dir = "data/my_log"'''





def params():
    return ("params", PARAMETERS)


NB_00 = [
    md("""
# Start here

Welcome. These notebooks help you run a campaign of **informational interviews**: short
conversations (15 to 30 minutes) with people who already do the work you would like to do.
You ask the questions. You are not asking for a job; you are asking to learn how the field
really works, what it takes to get in, and whom else you should meet. Done well, people
remember you when something opens up.

A campaign has a rhythm, and each notebook covers one step of it:

| Notebook | What you do there |
|---|---|
| `01_goals_and_places` | decide what you are after, where, and which employers come first |
| `02_find_people` | plan where to look, ask your network a specific question, add people to your log |
| `03_reach_out` | write the request, follow up by phone, note every attempt, fix the date |
| `04_track` | see who is due for a follow-up, your upcoming meetings, charts |
| `05_prepare` | research, questions, your short introduction, a one-page brief |
| `06_meeting` | the meeting-day view: questions by priority, the time you have left |
| `07_follow_up` | thank-you notes, new names, staying in touch |

Work through them in order the first time. Later you will mostly live in 03, 04 and 07.
"""),
    md("""
## Your log

Everything you do is kept in one folder, your **log**:

- `contacts.csv`: one row per person (name, organisation, how you found them, …);
- `interactions.csv`: one row per dated event (a letter sent, a voicemail, a reply, a meeting);
- `plan.json`: what you type into the forms (goals, letters, questions), so nothing is lost
  when you close a notebook.

The two CSV files open in Excel or any spreadsheet, so you are never locked in. Every
change keeps a backup of the previous version in the folder's `.backups`.

The cell below names the log. Leave it as `data/my_log` for your own campaign; it is
created, empty, the first time. To look around the fictional example first, change it to
`data/sample` and run the notebook again.
"""),
    params(),
    md("Run the next cell to open the log. It tells you which folder it uses and what is in it."),
    code(OPEN_LOG),
    md("""
## Who is in it

The first few people in the log. In a new log this table is empty; that is fine.
"""),
    code('log.contacts[["contact_id", "name", "company", "role", "location"]].head(10)'),
    md("""
## Bringing in people you already know

You do not have to type everyone in by hand. From a terminal in the project folder:

- `infoint import linkedin Connections.csv --log data/my_log` reads LinkedIn's export of
  your connections;
- `infoint import sheet people.xlsx --log data/my_log` reads a spreadsheet you already keep;
- `infoint check data/my_log` tells you, row by row, if anything in the files needs fixing.

Imported people count as your *network*. They become *targets* once you give them a
priority or contact them, so a big import never looks like a backlog.

When you are ready, open **`01_goals_and_places`**.
"""),
]

NB_01 = [
    md("""
# 1. Goals and places

Before you write to anyone, be clear about what you want. It makes every later step
easier: you will know whom to ask, and you can tell them in one sentence why you are
asking.
"""),
    params(),
    code(OPEN_LOG),
    md("""
## Step 1: what you are after, and where

Fill in the form below. Some prompts to think with:

- **Kind of business.** A company, a public body, a nonprofit? Which corner of the field?
- **Positions.** Which roles would suit you there? Name one to three.
- **How long, how far up.** Do you see yourself staying for years? Where would you like to
  be in five?
- **What you want most from these conversations.** *Information about the field* (is this
  the right direction for me?) or *advice on applying* (how do I get in, what should my
  application show?). It changes whom you ask and what you ask them.
- **Places.** Where do you want to live and work? Keep the list short. Several interviews
  in the same area are easy to fit into a week; the same number spread over several cities
  costs you time and money. If an organisation has several sites, start with the nearest.

The checks under the form update as you type. They also look at where the people in
your log are, and warn you when your targets spread over too many places. Press
**Save my goals** when you are done; you can come back and change anything.
"""),
    code('''from infoint_nb.forms import GoalsForm, EmployersForm

goals = GoalsForm(log)
goals.widget'''),
    md("""
## Step 2: rank your target employers

List the organisations you would like to work for, then score each from 0 to 3 on:

- **Motivation**: how much you want to work there (3 = a dream employer);
- **Postings**: whether they advertise jobs that fit you now (3 = yes, right now);
- **Advocacy**: whether you know someone there (3 = someone who will vouch for you,
  1 = alumni of your school work there, 0 = nobody yet).

The list is ranked by motivation first, then postings, then advocacy, as in Steve
Dalton's *LAMP* method. Start at the top: those are the places worth your first letters.
A few names will stay silent, so aim for more employers than you think you need.
"""),
    code('''employers = EmployersForm(log)
employers.widget'''),
    md("""
## Next

Open **`02_find_people`** to find the people to talk to at the top of your list.
"""),
]

NB_02 = [
    md("""
# 2. Find people

You know what you want and where. Now find the people who can tell you about it.
"""),
    params(),
    code(OPEN_LOG),
    md("""
## Step 1: plan where to look

There are several good places to find people. For each, write down what you will
actually do:

- **Company sites and staff bios.** Team pages often say what people work on and where
  they studied; a shared school or hometown is a natural opening.
- **LinkedIn.** Search by role and place; look for people who made the move you want
  to make.
- **Alumni network and career centre.** If you studied somewhere, its career centre can
  often connect you with graduates in your field.
- **Professional associations and events.** Member lists, meet-ups, talks.
- **Everyone you know.** Friends, family, teachers, former colleagues. Tell them what you
  are doing; their friends are often the warmest introductions.

The form counts how many people each channel has given you so far, from the *source* of
each person in your log.
"""),
    code('''from infoint_nb.forms import SearchPlanForm, NetworkAskForm, AddContactForm

search_plan = SearchPlanForm(log)
search_plan.widget'''),
    md("""
## Step 2: ask your network a specific question

"Let me know if you hear of anything" rarely brings anything back. A precise question does:
*Do you know a UX researcher at a health company in Chicago?* People can answer it with
a name. The form builds the question from a role, a field and a place, and checks that
it stays a request for someone to learn from, not for a job.
"""),
    code('''ask = NetworkAskForm(log)
ask.widget'''),
    md("""
**Open in mail program** starts a new message with the question in it. Pick someone under
*Send to* to address it to them by name, or leave it on *nobody yet* and choose the people
in your mail program. **Save draft file** writes the same message as a draft into the
`drafts` folder of your log; open it and it appears as an unsent e-mail. Nothing is logged:
this goes to people you know, not to the people you hope to interview. To copy the question
by hand instead, run the next cell and copy the text it prints."""),
    code("print(ask.text())"),
    md("""
## Step 3: add people to your log

Add each person you find, with as much as you know: how to reach them, how you found them
and who you have in common. If someone you both know suggested them, you may mention that
person in your letter, but **only after they have said yes**. Record their answer in
*May you mention them?*; the letter composer in notebook 03 checks it.

If the person seems to be in your log already, the form says who, and nothing is added. If
it really is someone else (two people can share a name), tick *This is a different
person* and add them again.
"""),
    code('''add_contact = AddContactForm(log)
add_contact.widget'''),
    md("The people you added most recently:"),
    code('log.contacts[["contact_id", "name", "company", "source", "mutual_connection", '
         '"cite_permission"]].tail(5)'),
    md("""
## Step 4: bring in people you already know

Your LinkedIn connections (on LinkedIn: *Settings › Data privacy › Get a copy of your
data › Connections*), a spreadsheet you kept, or your address book saved as a vCard
(`.vcf`) can come in at once. Type the file's path and press **Read the file**. For a
spreadsheet, check where each column goes: a column of dates such as "Date Emailed"
becomes one logged attempt per date. The counts show what would happen; nothing is saved
until you press **Import**.

Importing the same file again adds nothing, and a newer export adds the new people and
updates what changed. Imported people have no priority: they are your wider network until
you give a priority to those you want to reach.
"""),
    code('''from infoint_nb.forms import ImportForm

import_form = ImportForm(log)
import_form.widget'''),
    md("""
To open your log in Excel, run `infoint export xlsx --log data/my_log --out my_log.xlsx` in
a terminal. Bring your edits back with `infoint import sheet my_log.xlsx --log data/my_log`
(add `--dry-run` to check first). Rows you deleted in Excel are removed from the log, and
the version before is kept in the backups.
"""),
    md("""
## Next

Open **`03_reach_out`** to write to them.
"""),
]

NB_03 = [
    md("""
# 3. Reach out

People are busy and owe you nothing, so make the request easy to say yes to. A short
letter or e-mail first, so they can answer when it suits them; a phone call a week or
two later; and a note of every attempt in your log.
"""),
    params(),
    code(OPEN_LOG),
    md("""
## Before you start: about you

Tell the toolkit once who you are: your name and contact details sign every draft, your
postal address heads a printed letter, and the résumé file you name here is attached to
e-mail drafts. The last choice sets how dates are written (*May 19* in the US, *19 May*
elsewhere) and a few spellings; dates in your log always stay as 2026-05-19.
"""),
    code('''from infoint_nb.forms import (ProfileForm, LetterForm, PhoneScriptForm, CallOutcomeForm,
                              ScheduleMeetingForm)

profile = ProfileForm(log)
profile.widget'''),
    md("""
## Step 1: write the request

A good request fits on one page (a short e-mail on a phone screen) and covers, in order:

1. **the shared connection**, if someone suggested you write, and only with their permission;
2. **how you found them**, or what you have in common (a school, a city, a path);
3. **who you are** and where you stand (studying, graduating, changing careers);
4. **why** this field, this organisation and this person in particular;
5. **the ask**, calling it an *informational interview* in so many words, so that nobody
   expects a casual coffee or a job application, with a line about your résumé if you
   send one;
6. **how you would like to meet** (in person, phone or video, their choice);
7. **a time window** when you are available;
8. **when you will follow up**: after that window, so they need not reply at once;
9. **thanks**.

Choose the person at the top, fill in the parts, and watch the checks underneath. Your
own parts (who you are, your name) carry over to the next person you write to. *Save
draft* keeps the letter here. **Open in mail program** starts an e-mail with the text
filled in; **Save draft file** writes it into the `drafts` folder of your log as a file
your mail program opens as an unsent draft, with your résumé attached (for a postal
letter: a page to print). Nothing is sent for you. Once it has gone out, press **Log as
sent**: it records the attempt in your log and tells you when to follow up.
"""),
    code('''letter = LetterForm(log)
letter.widget'''),
    md("To copy the letter by hand instead, run the next cell and copy the text."),
    code("print(letter.text())"),
    md("""
## Step 2: follow up by phone

If you have not heard back after a week or two, call. Say who you are and remind them of
your letter, then ask. The script has a branch for each answer:

- **an assistant or receptionist**: say why you call, and ask when to try again or to
  leave a message;
- **yes**: let them choose the time and the place, and fit around them;
- **no**: offer a phone conversation instead, whenever suits them;
- **still no**: thank them warmly, and ask whom else you might talk to.

Stay friendly whatever they say: people in the same field know each other.
"""),
    code('''phone = PhoneScriptForm(log)
phone.widget'''),
    md("""
## Step 3: note every attempt

Write down what happened each time, even when nothing did: a voicemail, a message left
with a colleague, no answer, or a snafu such as an e-mail that bounced or was probably
never opened. The log then tells you when to try again, and later which organisations
answered and how fast.
"""),
    code('''outcome = CallOutcomeForm(log)
outcome.widget'''),
    md("""
## Step 4: fix the meeting

When they say yes, record the meeting: the day and time they chose, where (or the call or
video link) and how long. Ask for 15 to 30 minutes, and keep to it.
"""),
    code('''meeting = ScheduleMeetingForm(log)
meeting.widget'''),
    md("""
## Next

Open **`04_track`** to see what is due, and **`05_prepare`** before each meeting.
"""),
]

NOTEBOOKS_A = {
    "00_start_here.ipynb": NB_00,
    "01_goals_and_places.ipynb": NB_01,
    "02_find_people.ipynb": NB_02,
    "03_reach_out.ipynb": NB_03,
}


def main() -> int:
    return write_notebooks(NOTEBOOKS_A)


if __name__ == "__main__":
    raise SystemExit(main())
