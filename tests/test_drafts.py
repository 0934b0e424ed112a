"""Drafts for the mail program: .eml files, mailto: links, printable letters, `infoint draft`."""
from __future__ import annotations

import email
import json
import subprocess
from email import policy
from pathlib import Path

import pandas as pd
import pytest

from conftest import copy_log, infoint_exe, SAMPLE
from infoint_nb import ContactLog
from infoint_nb import drafts as D
from infoint_nb import planning as P
from infoint_nb import schema as S
from infoint_nb.errors import ParameterError

TODAY = "2026-09-18"  # the sample's last interaction
RESUME = b"%PDF-1.4\n% Rosa Delgado, resume\n" + bytes(range(256))


@pytest.fixture
def log(sample_log_dir) -> ContactLog:
    return ContactLog.open(sample_log_dir)


@pytest.fixture
def profiled(log) -> ContactLog:
    """The sample with a profile: a résumé next to the log, an address, en-US."""
    (log.folder / "resume.pdf").write_bytes(RESUME)
    log.save_plan_section(D.PROFILE_SECTION, {
        "name": "Rosa Delgado", "email": "rosa.delgado@mail.example", "phone": "+1 312-555-0190",
        "address": "1520 W. Addison St, Apt 3\nChicago, IL 60613", "resume_path": "resume.pdf",
        "locale": "en-US"})
    return log


def _parse(raw: bytes):
    return email.message_from_bytes(raw, policy=policy.default)


def _body(msg) -> str:
    return msg.get_body(preferencelist=("plain",)).get_content().replace("\r\n", "\n")


# --- .eml ---------------------------------------------------------------------------------
def test_eml_parses_back_with_to_subject_body_attachment_and_opens_as_draft(profiled):
    draft = D.compose_draft(profiled, "outreach", "C0048", as_of=TODAY)
    raw = D.eml_bytes(draft)
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # RFC 5322 line ends
    msg = _parse(raw)
    assert msg["X-Unsent"] == "1"  # Outlook, Apple Mail and Thunderbird: an editable draft
    assert msg["To"].addresses[0].addr_spec == "yusuf.karim@kiteboard.example"
    assert msg["To"].addresses[0].display_name == "Yusuf Karim"
    assert msg["From"].addresses[0].addr_spec == "rosa.delgado@mail.example"
    assert msg["Subject"] == "Request for a short informational interview about your work " \
                             "at Kiteboard"
    body = _body(msg)
    assert body.rstrip("\n") == draft.body
    assert body.startswith("Dear Mr Karim,") and "I attach my résumé" in body
    (att,) = list(msg.iter_attachments())
    assert att.get_filename() == "resume.pdf" and att.get_content_type() == "application/pdf"
    assert att.get_content() == RESUME
    # the plain standard-library parser reads the same
    plain = email.message_from_bytes(raw)
    assert plain["X-Unsent"] == "1" and plain.is_multipart()


def test_eml_without_a_resume_is_a_single_plain_text_part(log):
    draft = D.compose_draft(log, "thank_you", "C0046", as_of=TODAY)
    msg = _parse(D.eml_bytes(draft))
    assert not msg.is_multipart() and msg.get_content_type() == "text/plain"
    assert "applications open in January" in _body(msg)
    assert msg["To"].addresses[0].addr_spec == "olivia.chen@civicsightline.example"


def test_line_breaks_in_names_never_become_headers():
    draft = D.Draft("outreach", "Hello", subject="Hi\nBcc: evil@x.example",
                    to_name="Ana\r\nBcc: evil@x.example", to_address="ana@mail.example")
    msg = _parse(D.eml_bytes(draft))
    assert msg["Bcc"] is None and "evil" not in "".join(msg["To"].addresses[0].addr_spec)
    with pytest.raises(ParameterError, match=r"'ana@mail.example\\nBcc: e@x.example' is not "
                                             r"an e-mail address"):
        D.eml_bytes(D.Draft("outreach", "Hi", to_address="ana@mail.example\nBcc: e@x.example"))


def test_a_missing_resume_is_reported_with_the_path_and_where_to_fix_it(log):
    log.save_plan_section(D.PROFILE_SECTION, {"resume_path": "nowhere/cv.pdf"})
    draft = D.compose_draft(log, "outreach", "C0048", as_of=TODAY)
    with pytest.raises(ParameterError, match=r"cv.pdf: cannot be attached.*resume_path"):
        D.eml_bytes(draft)


# --- mailto -----------------------------------------------------------------------------------
def test_mailto_link_is_percent_encoded_and_decodes_to_the_same_text():
    body = "Dear Ana,\n\nQ&A? 100% yes — café #1 + more=less\n\nKind regards,\nRosa"
    draft = D.Draft("outreach", body, subject="Coffee & a question?",
                    to_address="ana.diaz@mail.example")
    link = D.mailto_link(draft)
    assert link.startswith("mailto:ana.diaz@mail.example?subject=Coffee%20%26%20a%20question%3F")
    query = link.split("?", 1)[1]
    assert " " not in link and "\n" not in link and query.count("&") == 1  # only the separator
    assert "%0D%0A" in link  # line breaks as CRLF (RFC 6068)
    assert D.parse_mailto(link) == {"to": "ana.diaz@mail.example",
                                    "subject": "Coffee & a question?", "body": body}


def test_mailto_link_has_a_length_cap_and_the_form_falls_back_to_the_eml(log):
    long = D.Draft("outreach", "word " * 500, to_address="a@mail.example")
    assert D.mailto_link(long) is None
    assert D.mailto_link(long, max_chars=10_000).startswith("mailto:a@mail.example?")
    from infoint_nb.forms._drafting import mail_link_html
    assert "Too long for a mail link" in mail_link_html(long)
    assert "Save draft file" in mail_link_html(long)


def test_sample_drafts_fit_a_link_and_every_kind_composes(log):
    for kind, cid in [("outreach", "C0048"), ("follow_up", "C0048"), ("thank_you", "C0046"),
                      ("update", "C0037"), ("tell_referrer", "C0016"),
                      ("network_ask", "C0001")]:
        draft = D.compose_draft(log, kind, cid, as_of=TODAY)
        assert draft.kind == kind and draft.body.startswith("Dear "), kind
        assert "Dear Dr.," not in draft.body
        link = D.mailto_link(draft)
        assert link is not None and D.parse_mailto(link)["body"] == draft.body, kind


# --- postal letter ------------------------------------------------------------------------------
def test_letter_page_has_both_address_blocks_the_date_and_escaped_text(profiled):
    profiled.save_plan_section("letters", {**profiled.plan_section("letters", "C0048"),
                                           "channel": "letter"}, contact_id="C0048")
    draft = D.compose_draft(profiled, "outreach", "C0048", as_of=TODAY)
    assert draft.channel == "letter" and "I enclose my résumé" in draft.body
    page = D.letter_html(draft)
    assert page.startswith("<!DOCTYPE html>") and "@page" in page
    assert "<div class='sender'>Rosa Delgado\n1520 W. Addison St, Apt 3\nChicago, IL 60613</div>" \
        in page
    assert "<div class='recipient'>Yusuf Karim\nKiteboard\n" in page
    assert "<div class='date'>Friday, September 18, 2026</div>" in page
    assert "Enclosed: resume.pdf" in page
    gb = D.letter_html(D.Draft("outreach", "Hello <b>&", date=pd.Timestamp(TODAY).date(),
                               locale="en-GB"))
    assert "Friday 18 September 2026" in gb and "Hello &lt;b&gt;&amp;" in gb
    path = D.write_draft(draft, profiled.folder / "out" / "letter.html")
    assert path.read_text(encoding="utf-8") == page
    with pytest.raises(ParameterError, match=r"printable page; give a file name ending in "
                                             r"\.html \(e\.g\. x\.html\)"):
        D.write_draft(draft, profiled.folder / "x.eml")


def test_write_draft_refuses_a_wrong_ending_and_leaves_no_part_file(log, tmp_path):
    draft = D.compose_draft(log, "outreach", "C0048", as_of=TODAY)
    with pytest.raises(ParameterError, match=r"an e-mail draft is an \.eml file"):
        D.write_draft(draft, tmp_path / "draft.txt")
    assert not (tmp_path / "draft.txt").exists()
    path = D.write_draft(draft, tmp_path / "sub" / "draft.eml")
    assert _parse(path.read_bytes())["X-Unsent"] == "1"
    assert sorted(p.name for p in path.parent.iterdir()) == ["draft.eml"]


# --- compose_draft ------------------------------------------------------------------------------
def test_compose_draft_reports_what_is_missing(log):
    with pytest.raises(ParameterError, match=r"contact 'C9999' is not in .*contacts.csv"):
        D.compose_draft(log, "outreach", "C9999")
    with pytest.raises(ParameterError, match=r"draft kind 'hello' is not known; use one of "
                                             r"outreach, follow_up"):
        D.compose_draft(log, "hello", "C0048")
    with pytest.raises(ParameterError, match=r"has not answered yet"):
        D.compose_draft(log, "thank_you", "C0048", as_of=TODAY)
    with pytest.raises(ParameterError, match=r"nobody in the log was referred by"):
        D.compose_draft(log, "tell_referrer", "C0048", as_of=TODAY)


def test_thank_you_draft_answers_a_no_too(log):
    c = log.raw_contacts
    no = log.interactions[log.interactions[S.KIND] == S.REPLY_NO][S.CONTACT_ID].iloc[0]
    draft = D.compose_draft(log, "thank_you", no, as_of=TODAY)
    assert "cannot fit a meeting in now" in draft.body
    assert "talking with me" not in draft.body
    assert c.loc[c[S.CONTACT_ID] == no, S.NAME].iloc[0].split()[0] in draft.body.splitlines()[0]


def test_profile_locale_decides_dates_and_a_bad_one_is_reported(log):
    log.save_plan_section(D.PROFILE_SECTION, {"locale": "en_GB"})
    assert D.load_profile(log).locale == "en-GB"
    draft = D.compose_draft(log, "follow_up", "C0041", as_of=TODAY)
    assert "I wrote to you on 17 August" in draft.body
    log.save_plan_section(D.PROFILE_SECTION, {"locale": "fr-FR"})
    with pytest.raises(ParameterError, match=r"plan.json, section profile: locale 'fr-FR' is "
                                             r"not known; use one of en-US, en-GB"):
        D.load_profile(log)
    log.save_plan_section(D.PROFILE_SECTION, {})
    assert "I wrote to you on August 17" in D.compose_draft(log, "follow_up", "C0041",
                                                            as_of=TODAY).body


# --- the CLI ------------------------------------------------------------------------------------
def _infoint(*args, cwd):
    return subprocess.run([infoint_exe(), *args], capture_output=True, text=True, cwd=cwd,
                          timeout=120)


def test_cli_draft_writes_an_eml_and_logs_nothing(profiled, tmp_path):
    before = (profiled.folder / S.INTERACTIONS_FILE).read_bytes()
    out = _infoint("draft", "outreach", "--contact-id", "C0048", "--log", str(profiled.folder),
                   "--out", "yusuf.eml", "--as-of", TODAY, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "yusuf.eml" and "nothing was logged" in out.stderr
    msg = _parse((tmp_path / "yusuf.eml").read_bytes())
    assert msg["X-Unsent"] == "1" and msg["To"].addresses[0].display_name == "Yusuf Karim"
    assert [a.get_filename() for a in msg.iter_attachments()] == ["resume.pdf"]
    assert (profiled.folder / S.INTERACTIONS_FILE).read_bytes() == before


@pytest.mark.parametrize("args,message", [
    (["outreach", "--contact-id", "C9999"], "contact 'C9999' is not in"),
    (["thank_you", "--contact-id", "C0048"], "has not answered yet"),
    (["outreach", "--contact-id", "C0048", "--as-of", "last week"], "is not an ISO date"),
])
def test_cli_draft_mistakes_exit_2_with_one_clear_line(log, tmp_path, args, message):
    out = _infoint("draft", *args, "--log", str(log.folder), "--out", "x.eml", cwd=tmp_path)
    assert out.returncode == 2, out.stderr
    assert message in out.stderr and "Traceback" not in out.stderr
    assert out.stderr.count("\n") == 1
    assert not (tmp_path / "x.eml").exists()


def test_cli_draft_of_a_contact_with_a_broken_email_says_where(tmp_path):
    folder = copy_log(SAMPLE, tmp_path / "log")
    c = pd.read_csv(folder / S.CONTACTS_FILE, dtype=str, keep_default_na=False)
    c.loc[c[S.CONTACT_ID] == "C0048", S.EMAIL] = "yusuf at kiteboard"
    c.to_csv(folder / S.CONTACTS_FILE, index=False)
    out = _infoint("draft", "outreach", "--contact-id", "C0048", "--log", str(folder), "--out",
                   "x.eml", cwd=tmp_path)
    assert out.returncode == 2
    assert "contacts.csv: contact C0048, column email: 'yusuf at kiteboard' is not an " \
           "e-mail address" in out.stderr
    assert not (tmp_path / "x.eml").exists()


def test_plan_json_profile_round_trips(profiled):
    plan = json.loads((profiled.folder / S.PLAN_FILE).read_text(encoding="utf-8"))
    assert plan["profile"]["resume_path"] == "resume.pdf"
    me = D.load_profile(profiled)
    assert me.resume == profiled.folder / "resume.pdf" and me.details.splitlines() == [
        "+1 312-555-0190", "rosa.delgado@mail.example"]
    assert isinstance(me.resume, Path) and P.check_locale(me.locale) == "en-US"
