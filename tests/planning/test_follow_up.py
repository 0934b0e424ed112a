"""Planning for notebook 07: thank-yous, updates, LinkedIn notes, referrers."""
from __future__ import annotations

import datetime as dt

import pytest

from infoint_nb import planning as P
from infoint_nb.errors import ParameterError


def failed(checks):
    return {c.name for c in checks if not c.ok}


def test_note_points_take_first_sentences_without_repeats():
    notes = {"a": "Hiring peaks in March. Ask Jo.", "b": "", "c": "hiring peaks in March!",
             "d": "Learn SQL", "e": "Visit the lab", "f": "More"}
    assert P.note_points(notes) == ["Hiring peaks in March", "Learn SQL", "Visit the lab"]
    assert P.note_points(["x."], limit=5) == ["x"]


def test_thank_you_is_due_the_next_day_and_cites_the_points():
    assert P.thank_you_due_on("2026-09-17T17:30") == dt.date(2026, 9, 18)
    assert P.thank_you_due_on(dt.date(2026, 12, 31)) == dt.date(2027, 1, 1)
    text = P.compose_thank_you("Olivia Chen", points=["Applications open in January.",
                                                      "Bring the survey"],
                               company="Civic Sightline", your_name="Rosa Delgado",
                               meeting_date="2026-09-17", referrals=["Maya Ruiz", "Sam Ortiz"])
    assert text.startswith("Dear Olivia,\n")
    assert "on Thursday about your work at Civic Sightline" in text
    # the notes are cited in sentences, not pasted as bullets
    assert ("I keep coming back to your point that applications open in January. "
            "I am taking your advice to bring the survey.") in text
    assert "\n- " not in text
    assert "speak with Maya Ruiz and Sam Ortiz" in text and text.endswith("Rosa Delgado")
    checks = P.check_thank_you(text, points=["Bring the survey"], meeting_date="2026-09-17",
                               as_of="2026-09-18")
    assert not failed(checks)


def test_thank_you_checks_points_signature_and_lateness():
    draft = P.compose_thank_you("Ana", meeting_date="2026-09-17")
    checks = P.check_thank_you(draft, meeting_date="2026-09-17", as_of="2026-09-20")
    assert failed(checks) == {"cites_notes", "signed", "on_time"}
    assert "due on Friday, September 18, 2026" in next(c for c in checks
                                                     if c.name == "on_time").message
    sent = P.check_thank_you(draft, points=["x"], meeting_date="2026-09-17",
                             as_of="2026-09-20", sent=True)
    assert "on_time" not in failed(sent) and "cites_notes" in failed(sent)
    with pytest.raises(ParameterError, match="meeting date 'last week' is not an ISO date"):
        P.thank_you_due_on("last week")


def test_update_schedule_every_few_months_with_ideas_in_turn():
    plan = P.update_schedule("2026-08-12", every_days=90, count=5)
    assert [u["due_on"] for u in plan[:3]] == ["2026-11-10", "2027-02-08", "2027-05-09"]
    assert [u["idea"] for u in plan] == list(P.UPDATE_IDEAS) + [P.UPDATE_IDEAS[0]]
    from infoint_nb import config
    assert P.update_schedule("2026-01-01", count=1)[0]["due_on"] == (
        dt.date(2026, 1, 1) + dt.timedelta(days=config.UPDATE_EVERY_DAYS)).isoformat()
    with pytest.raises(ParameterError, match="every_days is 3; give a whole number, 7 or more"):
        P.update_schedule("2026-01-01", every_days=3)
    with pytest.raises(ParameterError, match="count is 0"):
        P.update_schedule("2026-01-01", count=0)


def test_update_note_cites_their_advice_and_your_progress():
    text = P.compose_update("Nkechi Adeyemi", advice="Lead with the interviews.",
                            progress="I rewrote my résumé", your_name="Rosa")
    assert text.splitlines()[2] == ("When we spoke, you advised me to lead with the "
                                    "interviews. I rewrote my résumé.")
    assert "[your name]" in P.compose_update("Nkechi")


# --- issue 13: thank-yous after every answer, sentences, LinkedIn, the bank ----------------
def test_thank_you_cites_in_sentences_without_stock_phrases():
    text = P.compose_thank_you("Aisha Bello", points=[
        "Clinical data means messy EHR extracts", "Learn SQL before anything else",
        "Suggested Nkechi at Prairie Shore for patient-experience research"],
        referrals=["Nkechi Adeyemi"], your_name="Rosa")
    para = text.split("\n\n")[2]
    assert para == ("I keep coming back to your point that clinical data means messy EHR "
                    "extracts. I am taking your advice to learn SQL before anything else. "
                    "You suggested Nkechi at Prairie Shore for patient-experience research, "
                    "which I appreciated.")
    for stock in ("generous and very useful", "keep you posted", "\n- "):
        assert stock not in text
    checks = P.check_thank_you(text, points=["Learn SQL before anything else"])
    assert not failed(checks)


@pytest.mark.parametrize("occasion,words", [
    ("reply_no", "cannot fit a meeting in now"),
    ("reply_referral", "for pointing me to Sam Ortiz"),
    ("reply_yes", "Thank you for agreeing to meet"),
    ("reply_later", "later would suit you better"),
    ("meeting_held", "Thank you for talking with me"),
])
def test_thank_you_after_every_kind_of_answer(occasion, words):
    text = P.compose_thank_you("Nora Lind", occasion=occasion, referrals=["Sam Ortiz"],
                               your_name="Rosa")
    assert words in text and text.startswith("Dear Nora,")
    assert set(P.THANK_YOU_OCCASIONS) >= {"reply_no", "reply_referral", "meeting_held"}
    with pytest.raises(ParameterError, match="occasion 'meh' is not allowed"):
        P.compose_thank_you("Nora", occasion="meh")


def test_update_cites_the_advice_as_a_sentence_with_the_month():
    text = P.compose_update("Ana Diaz", advice="Hiring peaks in March", met_on="2026-06-03",
                            progress="I applied in March", your_name="Sam")
    assert text.splitlines()[2] == ("When we spoke in June, you told me that hiring peaks "
                                    "in March. I applied in March.")
    assert "pointing me in the right direction" not in text


def test_linkedin_note_after_a_meeting_fits_the_limit():
    note = P.compose_linkedin_note("Dr. Olivia Chen", company="Civic Sightline",
                                   met_on="2026-09-17", your_name="Rosa Delgado")
    assert note.startswith("Hello Dr. Chen, thank you again for talking with me on Thursday")
    assert len(note) <= P.LINKEDIN_NOTE_CHARS and not failed(P.check_linkedin_note(note))
    assert failed(P.check_linkedin_note("x" * 301)) == {"linkedin_length"}


def test_tell_referrer_says_how_it_went_in_your_words_or_the_composers():
    text = P.compose_tell_referrer("Aisha Bello", referred="Nkechi Adeyemi", outcome="met",
                                   your_name="Rosa")
    assert "suggesting I get in touch with Nkechi Adeyemi" in text
    assert "I have now met Nkechi Adeyemi" in text
    own = P.compose_tell_referrer("Aisha Bello", referred="Nkechi", progress="We met on Monday")
    assert "We met on Monday." in own and "I have now met" not in own
    with pytest.raises(ParameterError, match="outcome 'hired' is not allowed"):
        P.compose_tell_referrer("A", referred="B", outcome="hired")
