"""Write the sample campaign's plan.json sections for notebooks 05–07.

Rosa Delgado, the Chicago maths teacher of ``data/make_sample.py``, is on
2026-09-18 (the sample's "today"):

- preparing for Theo Lambert (Kiteboard, video call on 22 September): research,
  questions, pitch, answers and logistics all filled in;
- preparing for Owen Brandt (Brightline Learning, at their office on 24 September):
  research, questions, pitch and logistics;
- starting on Rafael Mendoza (Lumen Health Analytics, 1 October): research only;
- following up on Olivia Chen (Civic Sightline, phone call on 17 September): the
  question plan she used, her meeting-day notes and a thank-you draft not yet sent;
- keeping in touch with Nkechi Adeyemi (Prairie Shore Health, met 11 August) and
  Aisha Bello (Lumen, who referred Nkechi).

Every section goes through :meth:`ContactLog.save_plan_section`, which merges under
the log's lock, so the sections of notebooks 01–03 are left alone. Run after
``data/make_sample.py``::

    python tools/build_sample_plan_b.py            # writes into data/sample
    python tools/build_sample_plan_b.py --log DIR  # or into another copy

It checks that every contact it mentions is in the log under the expected name
and stops with a message otherwise.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from infoint_nb import ContactLog  # noqa: E402
from infoint_nb import planning as P  # noqa: E402

#: Fixed so that re-running gives the same file.
SAVED_AT = "2026-09-18T08:00:00"

PEOPLE = {"C0042": "Theo Lambert", "C0045": "Owen Brandt", "C0012": "Rafael Mendoza",
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


def build(log: ContactLog) -> None:
    """Save every 05–07 section of the sample into ``log``."""
    c = log.raw_contacts
    names = dict(zip(c["contact_id"], c["name"]))
    wrong = {cid: names.get(cid) for cid, name in PEOPLE.items() if names.get(cid) != name}
    if wrong:
        raise SystemExit("the sample log does not match this script; expected "
                         + ", ".join(f"{cid} = {PEOPLE[cid]}" for cid in wrong)
                         + ". Regenerate it with data/make_sample.py first.")

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


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", default=str(ROOT / "data" / "sample"),
                        help="the log folder to write into (default: data/sample)")
    args = parser.parse_args(argv)
    log = ContactLog.open(args.log)
    build(log)
    print(f"wrote the 05–07 sections of {Path(args.log) / 'plan.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
