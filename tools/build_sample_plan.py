"""Write the sample campaign's plan.json sections for notebooks 01–03.

Rosa Delgado, a Chicago maths teacher moving into UX research (see
``data/make_sample.py``), has filled in her goals, her LAMP list, a search plan,
the ask to her network, a few letters and two phone scripts. Every section goes
through :meth:`ContactLog.save_plan_section`, which merges under the log's lock,
so the sections other tools write (05–07) are left alone.

Run after ``data/make_sample.py``::

    python tools/build_sample_plan.py            # writes into data/sample
    python tools/build_sample_plan.py --log DIR  # or into another copy

It checks that every contact it mentions is in the log under the expected name
and stops with a message otherwise (the sample was regenerated differently).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from infoint_nb import ContactLog  # noqa: E402
from infoint_nb import schema as S  # noqa: E402
from infoint_nb.planning import follow_up_due_date  # noqa: E402

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
        raise SystemExit("The sample log does not match this plan (was data/make_sample.py "
                         "changed?):\n  " + "\n  ".join(wrong))


def _outreach_id(log: ContactLog, cid: str, day: str) -> str:
    i = log.raw_interactions
    hit = i[(i[S.CONTACT_ID] == cid) & (i[S.KIND] == S.OUTREACH) & i[S.DATE].str.startswith(day)]
    if hit.empty:
        raise SystemExit(f"The sample log has no outreach to {cid} on {day}; update LETTERS in "
                         f"{Path(__file__).name}")
    return str(hit[S.INTERACTION_ID].iloc[0])


def build(folder: Path) -> ContactLog:
    """Write the 01–03 sections into the log in ``folder``; return the log."""
    log = ContactLog.open(folder)
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
    return log


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", default=str(ROOT / "data" / "sample"),
                        help="log folder to write into (default: data/sample)")
    args = parser.parse_args(argv)
    log = build(Path(args.log))
    sections = [k for k in log.plan if k != "schema"]
    print(f"{log.folder}: plan.json now has {', '.join(sections)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
