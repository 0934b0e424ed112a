"""Planning for notebook 03: letters, follow-up dates, the phone script."""
from __future__ import annotations

import datetime as dt

import pytest

from infoint_nb import planning as P
from infoint_nb.errors import ParameterError


def _by_name(checks):
    return {c.name: c for c in checks}


# --- letters -----------------------------------------------------------------------
PARTS = dict(
    recipient_name="Ms Raman",
    connection="Jonah Feld suggested I write to you.",
    who_you_are="I teach maths in Chicago and am moving into UX research.",
    why_field="I like watching how people learn.",
    why_organisation="Your app is used at my school.",
    why_person="You made the same move.",
    ask="Would you have 20 minutes for an informational interview?",
    meeting_mode="Coffee, a call or video, as you prefer.",
    time_window="I am free between 8 and 19 June.",
    follow_up="I will give you a call in the week of 22 June.",
    thanks="Thank you for considering it.",
    sender_name="Rosa Delgado",
    sender_details="+1 312-555-0190\nrosa@mail.example",
)


def test_compose_letter_orders_parts_connection_first():
    text = P.compose_letter(**PARTS)
    assert text.startswith("Dear Ms Raman,\n\nJonah Feld suggested I write to you. I teach maths")
    assert text.index("informational interview") < text.index("between 8 and 19 June")
    assert text.index("between 8 and 19 June") < text.index("week of 22 June")
    assert text.endswith("Kind regards,\nRosa Delgado\n+1 312-555-0190\nrosa@mail.example")


def test_compose_letter_leaves_out_empty_parts_and_invents_nothing():
    text = P.compose_letter(who_you_are="I am Rosa.", ask="Could we talk?")
    assert text == "Hello,\n\nI am Rosa.\n\nCould we talk?"


def test_compose_letter_short_mode_drops_background():
    text = P.compose_letter(short=True, **PARTS)
    assert "Your app is used" not in text and "I like watching" not in text
    assert "Coffee, a call" not in text and "+1 312" not in text
    assert "You made the same move." in text and text.endswith("Rosa Delgado")


def test_good_letter_passes_every_check():
    text = P.compose_letter(**PARTS)
    checks = P.check_letter(text, mentions_connection=True, cite_permission="yes", short=False)
    assert all(c.ok for c in checks), [c.message for c in checks if not c.ok]
    assert [c.name for c in checks] == ["one_page", "meeting_type", "connection",
                                        "time_window", "follow_up"]


def test_one_page_fails_on_words_and_on_lines():
    long_text = "informational interview in June, I will call you. " + "word " * 400
    c = _by_name(P.check_letter(long_text, mentions_connection=False, cite_permission=""))
    assert not c["one_page"].ok and "408 words" in c["one_page"].message
    many_lines = "informational interview\n" * 46
    c = _by_name(P.check_letter(many_lines, mentions_connection=False, cite_permission=""))
    assert not c["one_page"].ok and "46 lines" in c["one_page"].message


@pytest.mark.parametrize("phrase,ok", [
    ("informational interview", True), ("Informational\nMeeting", True),
    ("a quick chat", False), ("information about jobs", False)])
def test_meeting_type_must_be_named(phrase, ok):
    c = _by_name(P.check_letter(f"Could we have an {phrase}?", mentions_connection=False,
                                cite_permission=None))
    assert c["meeting_type"].ok is ok
    if not ok:
        assert c["meeting_type"].level == "error"
        assert '"informational interview"' in c["meeting_type"].message


@pytest.mark.parametrize("perm,ok,words", [
    ("yes", True, "agreed"), ("asked", False, "have not answered yet"),
    ("no", False, "asked you not to"), ("", False, "have not asked them"),
    (None, False, "have not asked them")])
def test_connection_only_with_permission(perm, ok, words):
    c = _by_name(P.check_letter("x", mentions_connection=True, cite_permission=perm))
    assert c["connection"].ok is ok
    assert words in c["connection"].message


def test_no_connection_named_is_fine_whatever_the_permission():
    for perm in ("yes", "no", "asked", ""):
        c = _by_name(P.check_letter("x", mentions_connection=False, cite_permission=perm))
        assert c["connection"].ok


def test_short_mode_needs_fewer_than_100_words():
    base = "An informational interview between 8 and 9 June? I will call you. "
    short = base + "word " * (99 - P.count_words(base))
    assert P.count_words(short) == 99
    c = _by_name(P.check_letter(short, mentions_connection=False, cite_permission="",
                                short=True))
    assert c["short_email"].ok
    c = _by_name(P.check_letter(short + " one", mentions_connection=False, cite_permission="",
                                short=True))
    assert not c["short_email"].ok and "100 words" in c["short_email"].message
    c = _by_name(P.check_letter(short, mentions_connection=False, cite_permission=""))
    assert "short_email" not in c


@pytest.mark.parametrize("sentence,ok", [
    ("I am free between 8 and 19 June.", True),
    ("Any morning next week works.", True),
    ("I could meet on 2026-06-08.", True),
    ("I'd love to meet some time.", False),
    # a date that only appears in the follow-up sentence is not a time window
    ("I will give you a call in the week of 22 June.", False),
])
def test_time_window(sentence, ok):
    c = _by_name(P.check_letter(sentence, mentions_connection=False, cite_permission=""))
    assert c["time_window"].ok is ok


@pytest.mark.parametrize("sentence,ok", [
    ("I will give you a call in the week of 22 June.", True),
    ("I'll follow up by phone around the 20th.", True),
    ("I will call you next Tuesday.", True),
    ("Hope to hear from you.", False),
])
def test_follow_up_sentence(sentence, ok):
    c = _by_name(P.check_letter(sentence, mentions_connection=False, cite_permission=""))
    assert c["follow_up"].ok is ok


def test_follow_up_due_date_default_and_explicit(monkeypatch):
    assert P.follow_up_due_date("2026-05-05", days=10) == dt.date(2026, 5, 15)
    assert P.follow_up_due_date(dt.date(2026, 12, 28), days=7) == dt.date(2027, 1, 4)
    assert P.follow_up_due_date("2026-05-05T09:30", days=1) == dt.date(2026, 5, 6)
    from infoint_nb import config
    monkeypatch.setattr(config, "FOLLOW_UP_DAYS", 14)
    assert P.follow_up_due_date("2026-05-05") == dt.date(2026, 5, 19)


@pytest.mark.parametrize("days", [0, -3, 2.5, True, "10"])
def test_follow_up_due_date_rejects_bad_days(days):
    with pytest.raises(ParameterError, match="whole number of days"):
        P.follow_up_due_date("2026-05-05", days=days)


def test_follow_up_due_date_rejects_bad_date():
    with pytest.raises(ParameterError, match="'5 May' is not an ISO date"):
        P.follow_up_due_date("5 May")


def test_suggestions_pass_their_checks():
    ask = P.suggest_ask(minutes=15, topic="research operations")
    assert ask == "Would you have 15 minutes for an informational interview about research operations?"
    fup = P.suggest_follow_up("2026-05-15")
    assert "week of May 15" in fup
    assert "week of 15 May" in P.suggest_follow_up("2026-05-15", locale="en-GB")
    c = _by_name(P.check_letter(f"{ask} {fup}", mentions_connection=False, cite_permission=""))
    assert c["meeting_type"].ok and c["follow_up"].ok and not c["time_window"].ok
    assert "write to you again" in P.suggest_follow_up("2026-05-15", channel="email")


# --- phone script ------------------------------------------------------------------
def test_phone_script_branches():
    s = P.compose_phone_script(sender_name="Rosa Delgado", recipient_name="Ms Nowak",
                               letter_sent_on="2026-08-17", time_window="between 21 and 30 "
                               "September", minutes=15, callback="312-555-0190")
    assert list(s) == list(P.PHONE_SCRIPT_STEPS)
    assert s["opening"].startswith("Hello Ms Nowak, this is Rosa Delgado. I wrote to you on "
                                   "August 17 about an informational interview.")
    assert "15 minutes" in s["ask"] and "between 21 and 30 September" in s["ask"]
    assert "When and where would suit you best" in s["if_yes"]
    assert "by phone instead" in s["if_no"]
    assert "someone else you would suggest" in s["if_still_no"]
    assert "Thank you" in s["if_still_no"]
    assert "312-555-0190" in s["voicemail"]
    text = P.phone_script_text(s)
    assert text.index("If they say yes:") < text.index("If they say no:") < text.index(
        "If it is still no:")


def test_phone_script_needs_a_name_and_a_real_date():
    with pytest.raises(ParameterError, match="sender_name is empty"):
        P.compose_phone_script(sender_name="  ")
    with pytest.raises(ParameterError, match="not an ISO date"):
        P.compose_phone_script(sender_name="Rosa", letter_sent_on="last week")
    s = P.compose_phone_script(sender_name="Rosa")
    assert "in the next few weeks" in s["ask"] and "You can reach me" not in s["voicemail"]


@pytest.mark.parametrize("minutes,ok", [(15, True), (30, True), (20, True), (10, False),
                                        (45, False), ("abc", False)])
def test_meeting_length(minutes, ok):
    (c,) = P.check_meeting_length(minutes)
    assert c.ok is ok


@pytest.mark.parametrize("text,out", [("8:30", "08:30"), ("17.45", "17:45"), ("5:30 pm", "17:30"),
                                      ("12am", "00:00"), ("9", "09:00"), ("17h00", "17:00")])
def test_parse_clock_time(text, out):
    assert P.parse_clock_time(text) == out


@pytest.mark.parametrize("text", ["25:00", "13 pm", "noon", "8:75", ""])
def test_parse_clock_time_rejects(text):
    with pytest.raises(ParameterError, match="not a time of day"):
        P.parse_clock_time(text)


# --- issue 13: texts a careful person would send -------------------------------------------
@pytest.mark.parametrize("sentence,ok", [
    ("May I ask for 20 minutes of your time?", False),  # "May" the verb is not a date
    ("I could meet any time in June.", False),          # a month alone is no window
    ("I am in Basel May 12–23.", True),
    ("I am in Basel from 12 to 23 May.", True),
    ("Would the 8th of June suit you?", True),
    ("Any Tuesday afternoon works for me.", True),
])
def test_time_window_needs_a_day_next_to_the_month(sentence, ok):
    c = _by_name(P.check_letter(sentence, mentions_connection=False, cite_permission=""))
    assert c["time_window"].ok is ok


def test_mentioned_dates_read_ranges_and_keep_one_year():
    days = P.mentioned_dates("between 21 September and 2 October", reference="2026-12-02")
    assert days == [dt.date(2027, 9, 21), dt.date(2027, 10, 2)]
    assert P.time_window_end("free in the week of 8 June", reference="2026-06-01") == \
        dt.date(2026, 6, 14)
    assert P.time_window_end("I'd love to meet some time.") is None


def test_follow_up_inside_the_offered_window_is_flagged_and_a_later_one_suggested():
    window = "I am free between 8 and 19 June."
    inside = P.check_letter("x", mentions_connection=False, cite_permission="",
                            time_window=window, sent_on="2026-06-01",
                            follow_up="I will give you a call in the week of 15 June.")
    c = _by_name(inside)["follow_up_after_window"]
    assert not c.ok and c.level == "warning"
    assert "June 15" in c.message and "until June 19" in c.message
    assert "in the week of June 20" in c.message
    after = P.check_letter("x", mentions_connection=False, cite_permission="",
                           time_window=window, sent_on="2026-06-01",
                           follow_up="I will give you a call in the week of 22 June.")
    assert _by_name(after)["follow_up_after_window"].ok
    # the suggestion moves past the window by itself
    assert P.suggest_follow_up("2026-06-11", time_window=window) == (
        "If it suits you, I will give you a call in the week of June 20 to find a time.")
    assert "week of June 11" in P.suggest_follow_up("2026-06-11", time_window="next week")


def test_short_mode_keeps_the_sign_off():
    text = P.compose_letter(short=True, **PARTS)
    assert text.endswith("Kind regards,\nRosa Delgado")
    assert "+1 312" not in text


def test_letter_has_a_how_i_found_you_part_after_the_connection():
    text = P.compose_letter(**{**PARTS, "how_found": "We both studied maths at DePaul."})
    assert "suggested I write to you. We both studied maths at DePaul. I teach maths" in text
    assert P.suggest_how_found("linkedin") == "I came across your profile on LinkedIn."
    assert P.suggest_how_found("company_website", company="Kiteboard") == (
        "I read about your work on the Kiteboard website.")
    assert P.suggest_how_found("company_website") == ""  # no company: nothing invented
    assert P.suggest_how_found("referral", shared="we both taught in Chicago") == (
        "we both taught in Chicago.")
    # spelling follows the locale, the user's own words are kept
    assert P.suggest_how_found("career_center") == "The career center pointed me to you."
    assert P.suggest_how_found("career_center", locale="en-GB") == (
        "The career centre pointed me to you.")


def test_resume_line_is_offered_and_checked_when_the_profile_keeps_one():
    assert P.resume_sentence("email").startswith("I attach my résumé")
    assert P.resume_sentence("letter").startswith("I enclose my résumé")
    without = P.compose_letter(**PARTS)
    c = _by_name(P.check_letter(without, mentions_connection=True, cite_permission="yes",
                                has_resume=True))
    assert not c["resume"].ok and c["resume"].level == "info"
    with_line = P.compose_letter(**{**PARTS, "resume": P.resume_sentence()})
    assert "interview? I attach my résumé" in with_line
    c = _by_name(P.check_letter(with_line, mentions_connection=True, cite_permission="yes",
                                has_resume=True))
    assert c["resume"].ok
    assert "resume" not in _by_name(P.check_letter(without, mentions_connection=True,
                                                   cite_permission="yes"))


def test_phone_script_has_a_branch_for_an_assistant_or_receptionist():
    s = P.compose_phone_script(sender_name="Rosa Delgado", recipient_name="Ms Nowak",
                               letter_sent_on="2026-08-17", callback="312-555-0190")
    assert P.PHONE_SCRIPT_STEPS[0] == "gatekeeper"
    assert P.PHONE_SCRIPT_LABELS["gatekeeper"] == "If an assistant or receptionist answers"
    g = s["gatekeeper"]
    assert "a letter I sent to Ms Nowak on August 17" in g and "Is Ms Nowak available?" in g
    assert "When would be a good time to call back?" in g and "312-555-0190" in g
    assert "message left" in g
    text = P.phone_script_text(s)
    assert text.startswith("If an assistant or receptionist answers:")
