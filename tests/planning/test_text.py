"""Shared planning text helpers: counts, dates, greetings, locales, spelling."""
from __future__ import annotations

import pytest

from infoint_nb import planning as P
from infoint_nb.errors import ParameterError


def test_count_words_and_lines():
    assert P.count_words("Hello, I'm Rosa — rosa@mail.example; 15-30 minutes.") == 6
    assert P.count_words("") == 0
    assert P.count_lines("a\n\nb") == 3
    assert P.count_lines("word " * 40) == 3  # 200 characters wrap onto three 80-wide lines


def test_human_date():
    # en-US is the default locale: month first; every other locale writes the day first
    assert P.human_date("2026-05-19") == "Tuesday, May 19, 2026"
    assert P.human_date("2026-05-19", locale="en-GB") == "Tuesday 19 May 2026"
    assert P.day_and_month("2026-05-19") == "May 19"
    assert P.day_and_month("2026-05-19", locale="en_gb") == "19 May"


@pytest.mark.parametrize("name,title,expected", [
    ("Dr. Priya Raman", "", "Dear Dr. Raman,"),
    ("Prof Ana María López", "", "Dear Prof López,"),
    ("Yusuf Karim", "", "Dear Yusuf,"),
    ("Yusuf Karim", "Mr", "Dear Mr Karim,"),
    ("Ms Raman", "", "Dear Ms Raman,"),
    ("Dr.", "", "Hello,"),
    ("", "", "Hello,"),
    ("Ana Diaz PhD", "", "Dear Ana,"),
])
def test_one_greeting_rule(name, title, expected):
    assert P.greeting(name, title=title) == expected


def test_every_composer_greets_by_the_same_rule():
    name = "Dr. Priya Raman"
    texts = [
        P.compose_letter(recipient_name=name, ask="x"),
        P.compose_thank_you(name),
        P.compose_update(name),
        P.compose_follow_up(name),
        P.compose_tell_referrer(name, referred="Sam Ortiz"),
    ]
    for text in texts:
        assert text.startswith("Dear Dr. Raman,\n"), text[:30]
    script = P.compose_phone_script(sender_name="Rosa", recipient_name=name)
    assert script["opening"].startswith("Hello Dr. Raman, this is Rosa.")
    assert not any(t.startswith("Dear Dr.,") for t in texts)
    assert P.compose_letter(recipient_name="Yusuf Karim", ask="x").startswith("Dear Yusuf,")
    with pytest.raises(ParameterError, match="'Captain' is not a title"):
        P.greeting_name("Ana", title="Captain")


def test_locale_names_and_spelling():
    assert P.check_locale("EN-gb") == "en-GB" and P.check_locale("") == "en-US"
    with pytest.raises(ParameterError, match="locale 'de-DE' is not known; use one of en-US"):
        P.check_locale("de-DE")
    assert P.localize_spelling("Which programmes does the organisation fund?") == (
        "Which programs does the organization fund?")
    assert P.localize_spelling("Organization", locale="en-GB") == "Organisation"
    s = P.compose_phone_script(sender_name="Rosa", letter_sent_on="2026-08-17",
                               locale="en-GB")
    assert "I wrote to you on 17 August" in s["opening"]
