"""Write notebooks 04–07 (prose and calls into infoint_nb; no outputs, no logic).

The notebooks are the product; this script only keeps their JSON tidy and
reproducible (stable cell ids, a ``parameters`` cell, the ``python3`` kernel).
Edit the text here and run::

    python tools/build_notebooks_b.py

Notebooks 00–03 come from ``tools/build_notebooks_a.py``.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from nbbuild import OPEN_LOG, build_notebook, code, md, write_notebooks  # noqa: E402,F401

PARAMETERS = '''# Which log to use. A relative path starts at the project folder.
# "data/my_log" is your own log (created empty the first time);
# "data/sample" is the fictional example campaign.
log_dir = "data/my_log"
# The day to read the log as of, e.g. "2026-09-18"; empty means today.
as_of = ""'''

ACTIVITY = '''
# A mailbox (.mbox, .eml or a folder of them), LinkedIn messages.csv / Invitations.csv or
# a calendar .ics to preview in the "what already happened" form; empty means none yet.
activity_file = ""'''

PERSON = '''
# The person to open the forms on, e.g. "C0042"; empty means the next meeting.
contact_id = ""'''

PERSON_07 = '''
# The person to open the forms on, e.g. "C0046"; empty means whoever you met last.
contact_id = ""'''





def params(extra: str = ""):
    return ("params", PARAMETERS + extra)


NB_04 = [
    md("""
# 4. Track your campaign

This is the notebook to open most mornings. It reads your log and tells you what needs
doing today, which meetings are coming up, and how the campaign is going. It is also
where you fix mistakes: a wrong date, a typo in a name, a row logged twice.
"""),
    params(ACTIVITY),
    code(OPEN_LOG),
    md("""
## What is due

Each line below is something the log says you owe someone:

- a **follow-up** when a letter or call has gone unanswered for a while (after two
  follow-ups the person has *gone quiet* and drops off the list);
- a **resend** when something went wrong, such as a bounced e-mail;
- a **thank-you** the day after a meeting;
- an **update** every few months to the people you have met;
- **telling the referrer** how it went, once someone they suggested has answered.

When you have done it, press its button. That writes the right entry in your log, dated
today, and the line disappears. The note box is optional: what you type there goes with
the next entry you log. If you follow Steve Dalton's *3B7* routine (a follow-up after
seven working days, the next person at the same company after three), pick it here.
"""),
    code('''from infoint_nb.forms import (DueTodayForm, LogTableForm, CalendarForm,
                              EditContactForm, EditInteractionForm, RestoreForm)
from infoint_nb.forms.track import show_overview

due = DueTodayForm(log, as_of=as_of)
due.widget'''),
    md("""
## Your log as a table

Everyone in your log, or every interaction, in one table. Narrow it down by organisation,
by stage (how far each person has come: contacted, responded, met, thanked, keeping in
touch, or off the path: declined, gone quiet), by kind of interaction, or by any word.
The newest interactions come first. *Remember these filters* keeps them for next time.
"""),
    code('''table = LogTableForm(log, as_of=as_of)
table.widget'''),
    md("""
## Meetings ahead, in your calendar

The meetings you have scheduled, soonest first. *Export calendar* writes a `.ics` file
with these meetings and everything due, which any calendar program can import. Export
again whenever you like: the events keep their identity, so your calendar updates them
instead of filling up with copies.
"""),
    code('''calendar = CalendarForm(log, as_of=as_of)
calendar.widget'''),
    md("""
## How it is going

Four pictures of the campaign: how far your targets got, which organisations answered
(the bars count the people who never replied too, so one quick answer out of three
letters does not look like a success), what falls due around today, and how your
network grew and how much of it came through referrals.
"""),
    code("show_overview(log, as_of=as_of)"),
    md("""
## Bring in what already happened

Your mailbox, LinkedIn and calendar already know whom you wrote to, who answered and
which meetings you set up. Give the form the file (or upload it), say which e-mail
addresses are yours, and press *Preview*: you see every entry it would add, person by
person, before anything is saved. Only people already in your log are matched (by
e-mail address, then LinkedIn profile, then exact name); anyone who answered you but is
not in the log yet is listed, so you can add them in notebook 02 and import again.

The first message you sent someone counts as outreach, later ones as follow-ups until
they answer, and their answer as a *reply*. Tell the form what each reply said (yes, no,
later, a referral, a meeting) with the dropdown beside it, before saving or any time
after. Out-of-office answers are kept as notes, and a bounced e-mail is logged as a snafu
so a resend falls due. Importing the same file again adds nothing.

To get the files: Gmail's *Takeout* gives an `.mbox`; Thunderbird keeps one file per
folder; LinkedIn's *Get a copy of your data* gives `messages.csv` and `Invitations.csv`;
every calendar can export an `.ics` file.
"""),
    code('''from infoint_nb.forms import ActivityImportForm

activity = ActivityImportForm(log, path=activity_file)
activity.widget'''),
    md("""
## Fix a mistake

Pick a person and correct any field, then *Save changes*. Deleting someone also deletes
everything logged with them, so the form asks you to type how many interactions that is
before it goes ahead.
"""),
    code('''edit_contact = EditContactForm(log)
edit_contact.widget'''),
    md("""
A single entry can be corrected or deleted the same way: pick the person, then the entry.
"""),
    code('''edit_interaction = EditInteractionForm(log)
edit_interaction.widget'''),
    md("""
## Go back to an earlier version

Every change to your log first keeps a copy of the files as they were, in the hidden
`.backups` folder inside the log. If something went wrong (a bad import, a deletion you
regret), pick the version from before it and restore it. The version you had is kept as
a backup as well, so restoring can be undone too.
"""),
    code('''restore = RestoreForm(log)
restore.widget'''),
    md("""
## Next

When a meeting is coming up, open **`05_prepare`**.
"""),
]

NB_05 = [
    md("""
# 5. Prepare for a meeting

Someone said yes. Half an hour of preparation makes the difference between a pleasant
chat and a conversation that moves you forward. In this notebook you gather what you know
about the organisation and the person, choose and order your questions, practise a short
introduction, get ready for their questions to you, and check the practical details. At
the end you get a one-page brief to print or keep on your phone.

All the forms open on the person you meet next. Choosing someone else in any of them
switches all of them.
"""),
    params(PERSON),
    code(OPEN_LOG),
    md("""
## Step 1: research

Read their website and anything else the organisation publishes, and look for recent news
about it. Then look at the person: their path, their role, what they have achieved (a
talk, an article, a project), and anything you share, such as a school, a city or a
person you both know.

It pays off three ways: you will not spend their time on questions a search would answer;
mentioning their work shows you are serious; and a shared experience makes for an easy
start. Write their mission in one sentence too; the pitch below is checked against it.
"""),
    code('''from infoint_nb.forms import (ResearchForm, QuestionPlanForm, PitchForm,
                              InterviewAnswersForm, LogisticsForm, MeetingBriefForm)
from infoint_nb.forms.prepare import link_contacts

research = ResearchForm(log, contact_id=contact_id, as_of=as_of)
research.widget'''),
    md("""
## Step 2: your questions

Once you have read what you can, write down what you still want to know, in three groups:

- **the field and the organisation**: where it is heading, how people get in and move up;
- **the person**: how they got there, what their weeks look like, what they would do
  differently;
- **your own chances**: the experience and qualifications that count, where you would fit.

Aim for eight to ten questions and give each a priority (1 = must ask). Start with an easy
**warm-up** question that gets them talking about themselves, and keep a few **wind-down**
questions for the end: *what should I have asked?*, *who else should I talk to?*, *what
other roles would suit me?*, *can I do anything for you?*

The plan below puts the warm-up first, then your questions by priority, then the
wind-down, and shows how many fit in the minutes you were given. You will probably not
get through all of them, which is why the order matters. Start from the suggested set,
pick more from the bank, or write your own.
"""),
    code('''questions = QuestionPlanForm(log, contact_id=contact_id, as_of=as_of)
questions.widget'''),
    md("""
## Step 3: your elevator pitch

At the start you will introduce yourself in 30 to 45 seconds, about 70 to 100 words.
Three parts:

1. **where you are**: still studying, graduating soon, changing careers, looking now;
2. **what you want and why**, told in a way that connects with what *they* care about
   (their mission, the people they serve, the work they publish);
3. **what you hope to learn** from this conversation: how the organisation works from the
   inside, or one insider's view of a field you already know well.

Your pace decides the time; set the slider to how fast you speak, then read the pitch
aloud once with a watch. The first and last parts carry over to the next person; the
middle one is theirs alone.
"""),
    code('''pitch = PitchForm(log, contact_id=contact_id, as_of=as_of)
pitch.widget'''),
    md("""
## Step 4: if they interview you

You lead the conversation, but they are also taking your measure. Treat it as a first,
informal job interview and have short answers ready about your education, your
experience, your goals, and what you know about their business. The first three carry
over from person to person.
"""),
    code('''answers = InterviewAnswersForm(log, contact_id=contact_id, as_of=as_of)
answers.widget'''),
    md("""
## Step 5: logistics

The checklist depends on where you meet: at their workplace dress as for an interview; in
a café, smart-casual is fine, and you pay for their coffee; on a call, test the link and
find a quiet room. Either way, be early, bring copies of your résumé, something to take
notes with and a watch.
"""),
    code('''logistics = LogisticsForm(log, contact_id=contact_id, as_of=as_of)
logistics.widget'''),
    md("""
## Step 6: your one-page brief

Everything above on one printable page. *Make the brief* saves it as an HTML file in the
`briefs` folder of your log; open that file in a browser and print it, or save it as a
PDF for your phone. Glance at it before you go in, then put it away: the talk should feel
like a conversation, not a questionnaire.
"""),
    code('''brief = MeetingBriefForm(log, contact_id=contact_id, as_of=as_of)
link_contacts(research, questions, pitch, answers, logistics, brief)
brief.widget'''),
    md("""
## Next

On the day, open **`06_meeting`**.
"""),
]

NB_06 = [
    md("""
# 6. Meeting day

This view opens on your next meeting: whom you meet, where, and for how long, your pitch,
and your questions in the order you planned them. Keep it open on a laptop or tablet, or
use the printed brief and fill this in straight afterwards.
"""),
    params(PERSON),
    code(OPEN_LOG),
    md("""
## During the meeting

- Know your questions well enough that you rarely need to read them. Let the talk flow:
  they will often answer a question before you ask it.
- Steer gently back when the talk drifts to things you already know.
- Watch the clock. Move the *Minutes gone* slider now and then: the plan marks which
  questions still fit (**ask**) and which to let go (**drop**), always keeping your top
  priorities. If some questions are left over, ask whether you may send one or two by
  e-mail later.
- Stop the questions a few minutes early for the wind-down: what you should have asked,
  whom else to talk to, what other roles would suit you, and whether you can help them in
  return. Then a minute or two of friendly small talk, so you part warmly rather than in
  a rush.

A few words under a question are enough to remember the answer, and a question with a
note counts as asked. *Save notes* keeps them; notebook 07 turns them into your
thank-you and your log entry.
"""),
    code('''from infoint_nb.forms import MeetingDayForm

meeting = MeetingDayForm(log, contact_id=contact_id, as_of=as_of)
meeting.widget'''),
    md("""
## Next

The same day or the day after, open **`07_follow_up`**.
"""),
]

NB_07 = [
    md("""
# 7. Follow up

What you do after a meeting decides whether it is remembered. Within a day, send a
thank-you. Then put your notes in the log, add the people they suggested, and plan to
stay in touch every few months.

The forms open on the person you met most recently.
"""),
    params(PERSON_07),
    code(OPEN_LOG),
    md("""
## Step 1: thank them, by the next day

A good thank-you is short and specific: it names something you learned that you had not
thought of before. The draft below takes those points from your meeting notes and says
them in sentences; edit them, add the people they suggested and what you will do next.
Thank everyone who answers, not only the people you met: a "no", a "later" or a name
to try instead deserves a line too, and the draft changes to fit.

**Open in mail program** or **Save draft file** hands the note to your mail program (a
card or letter becomes a page to print); when it has gone out, press **Log thank-you
sent**. After a meeting, the form also suggests connecting on LinkedIn, with a short
note that fits LinkedIn's limit.
"""),
    code('''from infoint_nb.forms import (ThankYouForm, RecordMeetingForm, ReferralForm,
                              UpdateScheduleForm, LeadForm)

thanks = ThankYouForm(log, contact_id=contact_id, as_of=as_of)
thanks.widget'''),
    md("""
## Step 2: put your notes in the log

Your notes belong next to the meeting in your log, so that months later you still know
who told you what. The text starts from your meeting-day notes; tidy it up and press
*Write to the log*. If the meeting is not logged yet, this logs it; saving again later
updates the same entry.
"""),
    code('''record = RecordMeetingForm(log, contact_id=contact_id, as_of=as_of)
record.widget'''),
    md("""
## Step 3: the people they suggested

Every name you were given is a new contact, linked to the person who suggested it. Ask
whether you may use their name when you write; most people say yes, and it makes the
answer far likelier. Once the new person replies, let the one who referred you know: the
list in notebook 04 reminds you until you have.
"""),
    code('''referral = ReferralForm(log, referred_by=contact_id, as_of=as_of)
referral.widget'''),
    md("""
## Step 4: keep in touch

Every few months, send a short update: what you did with their advice, a step forward, an
article or event they might like. Keep the relationship in mind, not the job. People who
hear how their advice helped remember you when something opens up. The schedule counts
from your last meeting, thank-you or update; **Log update sent** records one.

When someone they pointed you to has answered, tell the person who referred you how it
went: choose that under *What to write*. The same two buttons hand the note to your mail
program.
"""),
    code('''updates = UpdateScheduleForm(log, contact_id=contact_id, as_of=as_of)
updates.widget'''),
    md("""
## Step 5: job leads they mention

People often mention an opening, a team that is about to hire, or a posting to watch.
Write each one down with who told you, so you can follow it up and mention their name
(once they agree). The list under the form shows every lead so far, newest first; the
report lists them too.
"""),
    code('''leads = LeadForm(log, contact_id=contact_id, as_of=as_of)
leads.widget'''),
    md("""
## Next

Back to **`04_track`** for what is due next, and to **`03_reach_out`** to write to the
people you were just given.
"""),
]

NOTEBOOKS_B = {
    "04_track.ipynb": NB_04,
    "05_prepare.ipynb": NB_05,
    "06_meeting.ipynb": NB_06,
    "07_follow_up.ipynb": NB_07,
}


def main() -> int:
    return write_notebooks(NOTEBOOKS_B)


if __name__ == "__main__":
    raise SystemExit(main())
