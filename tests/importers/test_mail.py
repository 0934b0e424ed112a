"""Importing a mailbox: every matching and meaning rule, idempotence, streaming, the CLI."""
from __future__ import annotations

import json
import os
import re
import subprocess

import pandas as pd
import pytest

import activity_fixtures as F
from conftest import infoint_exe
from infoint_nb.importers import mail as IM
from infoint_nb import schema as S
from infoint_nb.errors import InfointError
from infoint_nb.store import ContactLog


def _triples(frame_or_rows):
    rows = frame_or_rows.to_dict("records") if isinstance(frame_or_rows, pd.DataFrame) \
        else frame_or_rows
    return sorted((r[S.CONTACT_ID], r[S.KIND], str(r[S.DATE])[:10]) for r in rows)


@pytest.fixture
def setup(tmp_path):
    log = ContactLog.open(F.make_log(tmp_path / "log"))
    return log, F.make_mbox(tmp_path / "All mail.mbox")


def test_mailbox_gives_the_rows_the_rules_say(setup):
    log, mbox = setup
    report = IM.import_mail(log, mbox, me=[F.ME])
    assert report.scanned == F.MAIL_MESSAGES
    assert report.skipped["matched nobody"] == 4  # newsletter, Kim ×2, ravi+other
    i = ContactLog.open(log.folder).raw_interactions
    assert _triples(i) == sorted(F.MAIL_EXPECTED)
    assert len(report.added) == len(F.MAIL_EXPECTED) == len(i)
    # notes: the subject only, encoded words and raw Latin-1 decoded
    notes = dict(zip(i[S.REF], i[S.NOTES]))
    assert notes["mail:m2@mail.example#C0002"] == "Café chat?"
    assert notes["mail:m2@mail.example#C0001"] == "cc: Café chat?"
    assert notes["mail:z1@acme.example#C0003"] == "Rép: Café chat?"
    assert notes["mail:b1@mail.example#C0004"].startswith("bounced: Informational interview?")
    assert not i[S.NOTES].str.contains("Happy to talk").any()  # no bodies by default
    assert set(i[S.CHANNEL]) == {"email"}
    assert i[S.REF].is_unique and i[S.REF].str.startswith("mail:").all()
    # the auto-reply is not Ravi's response: his follow-up stays a follow-up
    ravi = i[i[S.CONTACT_ID] == "C0002"].sort_values(S.DATE)
    assert ravi[S.KIND].tolist() == ["outreach", "note", "follow_up", "reply"]
    assert ravi[S.NOTES].iloc[1].startswith("auto-reply:")
    # the stranger who answered is a candidate; the newsletter is not
    assert report.candidates[["name", "email"]].values.tolist() == [
        ["Kim Park", "kim@startup.example"]]
    assert "Kim Park <kim@startup.example>" in str(report)
    # the user's address is remembered, and the change was backed up
    plan = json.loads((log.folder / S.PLAN_FILE).read_text("utf-8"))
    assert plan[IM.ME_SECTION]["emails"] == [F.ME]
    assert log.backups(), "the import is a backed-up change"


def test_second_and_overlapping_imports_add_nothing(setup, tmp_path):
    log, mbox = setup
    data = mbox.read_bytes()
    cut = data.index(b"From news@shop.example")
    first = tmp_path / "first-half.mbox"
    first.write_bytes(data[:cut])
    a = IM.import_mail(log, first, me=[F.ME])
    b = IM.import_mail(log, mbox)  # the address is remembered; the export overlaps
    assert len(a.added) + len(b.added) == len(F.MAIL_EXPECTED)
    assert b.skipped["already imported"] == len(a.added)
    before = (log.folder / S.INTERACTIONS_FILE).read_bytes()
    c = IM.import_mail(log, mbox)
    assert c.added == [] and c.rows == [] and c.skipped["already imported"] == 12
    assert (log.folder / S.INTERACTIONS_FILE).read_bytes() == before
    assert _triples(ContactLog.open(log.folder).raw_interactions) == sorted(F.MAIL_EXPECTED)


def test_rows_typed_by_hand_are_not_doubled(tmp_path):
    hand = (F.INTERACTIONS + "I00001,C0003,2026-05-04,email,outreach,wrote to Zoë\n"
            "I00002,C0001,2026-05-06,email,reply_yes,she said yes\n")
    log = ContactLog.open(F.make_log(tmp_path / "log", interactions=hand))
    report = IM.import_mail(log, F.make_mbox(tmp_path / "m.mbox"), me=[F.ME])
    assert report.skipped["already typed by hand"] == 2
    i = ContactLog.open(log.folder).raw_interactions
    assert len(i) == 2 + len(F.MAIL_EXPECTED) - 2
    assert (i[S.CONTACT_ID] == "C0003").sum() == 2  # the typed outreach + the reply


def test_dry_run_writes_nothing_and_lists_per_contact(setup):
    log, mbox = setup
    before = {p.name: p.read_bytes() for p in log.folder.iterdir() if p.is_file()}
    report = IM.import_mail(log, mbox, me=[F.ME], dry_run=True)
    after = {p.name: p.read_bytes() for p in log.folder.iterdir() if p.is_file()}
    assert after == before and not report.saved and not (log.folder / ".backups").exists()
    text = str(report)
    assert "would add 12 interactions" in text
    assert re.search(r"C0004 Li Wei:\n.*outreach.*\n.*snafu", text)


def test_with_body_copies_the_start_of_the_text_only(setup):
    log, mbox = setup
    report = IM.import_mail(log, mbox, me=[F.ME], with_body=True, dry_run=True)
    notes = {r[S.REF]: r[S.NOTES] for r in report.rows}
    dana = notes["mail:d1@brightline.example#C0001"]
    assert dana.startswith("Re: Informational interview request — Happy to talk.")
    assert "Dear Ms Whitfield" not in dana  # the quoted part is left out
    assert "à bientôt" in notes["mail:z1@acme.example#C0003"]
    assert all(len(n) < IM.BODY_LIMIT + 100 for n in notes.values())


def test_a_folder_of_eml_files_gives_the_same_rows(setup, tmp_path):
    log, mbox = setup
    folder = tmp_path / "eml"
    folder.mkdir()
    for k, (headers, body, _f) in enumerate(IM.iter_mbox(mbox, need_body=lambda h: True)):
        (folder / f"{k:03d}.eml").write_bytes(headers + b"\n" + body)
    report = IM.import_mail(log, folder, me=[F.ME], dry_run=True)
    assert report.scanned == F.MAIL_MESSAGES
    assert _triples(report.rows) == sorted(F.MAIL_EXPECTED)


def test_small_blocks_read_the_same_messages(setup, monkeypatch):
    """Messages straddling block boundaries: the streamed reader still splits them right."""
    _log, mbox = setup
    whole = list(IM.iter_mbox(mbox, need_body=lambda h: b"Zo" in h))
    monkeypatch.setattr(IM, "_BLOCK", 97)
    small = list(IM.iter_mbox(mbox, need_body=lambda h: b"Zo" in h))
    assert small == whole and len(whole) == F.MAIL_MESSAGES
    kept = [b for _h, b, _f in whole if b is not None]
    assert any(b"bient\xf4t" in b for b in kept)
    assert sum(b is None for _h, b, _f in whole) >= 10  # the others were never kept


def test_a_body_line_starting_with_from_is_not_a_new_message(setup):
    _log, mbox = setup
    first = next(IM.iter_mbox(mbox, need_body=lambda h: True))
    assert b"From what I read, your team" in first[1]


def test_not_an_mbox_and_a_cut_short_one_are_refused_before_writing(setup, tmp_path):
    log, mbox = setup
    junk = tmp_path / "notes.mbox"
    junk.write_text("Dear diary,\nnothing here.\n")
    with pytest.raises(IM.MailFormatError, match="not an mbox file"):
        IM.import_mail(log, junk, me=[F.ME])
    data = mbox.read_bytes()
    cut = tmp_path / "cut.mbox"
    cut.write_bytes(data[:data.index(b"Subject: Re: Caf\xc3\xa9 chat?", data.index(b"m6@")) + 9])
    with pytest.raises(IM.MailFormatError, match=r"ends in the middle of message \d+ .*cut short"):
        IM.import_mail(log, cut, me=[F.ME])
    assert ContactLog.open(log.folder).raw_interactions.empty
    assert not (log.folder / S.PLAN_FILE).exists()


def test_without_any_address_of_yours_it_asks_for_one(setup):
    log, mbox = setup
    with pytest.raises(InfointError, match=r"--me ADDRESS"):
        IM.import_mail(log, mbox)


def _run(*argv, cwd):
    env = {**os.environ, "MPLBACKEND": "Agg", "TZ": "UTC"}
    return subprocess.run([infoint_exe(), *map(str, argv)], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


def test_cli_import_then_stats_give_the_days_the_dates_imply(setup, tmp_path):
    log, mbox = setup
    dry = _run("import", "mail", mbox, "--log", log.folder, "--me", F.ME, "--dry-run",
               cwd=tmp_path)
    assert dry.returncode == 0, dry.stderr
    assert "C0002 Ravi Menon:" in dry.stdout and "nothing was written" in dry.stderr
    assert ContactLog.open(log.folder).raw_interactions.empty
    out = _run("import", "mail", mbox, "--log", log.folder, "--me", F.ME, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "added 12 interactions" in out.stdout
    again = _run("import", "mail", mbox, "--log", log.folder, cwd=tmp_path)
    assert again.returncode == 0 and "added 0 interactions" in again.stdout
    stats = _run("stats", "--log", log.folder, "--by", "company", "--as-of", "2026-05-20",
                 "--csv", cwd=tmp_path)
    assert stats.returncode == 0, stats.stderr
    table = pd.read_csv(__import__("io").StringIO(stats.stdout), dtype=str,
                        keep_default_na=False).set_index("company")
    # first contact 05-04 → reply 05-06, 05-07, 05-15; Li bounced and never answered
    assert table.loc["Brightline", "median_days_to_response"] == "2.0"
    assert table.loc["Acme", "median_days_to_response"] == "3.0"
    assert table.loc["Northwind", "median_days_to_response"] == "11.0"
    assert table.loc["Umbrella", "median_days_to_response"] == ""
    assert table.loc["Umbrella", "contacted"] == "1" and table.loc["Umbrella", "responded"] == "0"
    due = _run("due", "--log", log.folder, "--as-of", "2026-05-20", "--csv", cwd=tmp_path)
    assert re.search(r"C0004,Li Wei,.*resend", due.stdout), due.stdout  # the bounce


def test_cli_user_mistakes_exit_2_with_one_line(setup, tmp_path):
    log, mbox = setup
    out = _run("import", "mail", mbox, "--log", log.folder, cwd=tmp_path)
    assert out.returncode == 2 and "--me ADDRESS" in out.stderr and "Traceback" not in out.stderr
    out = _run("import", "mail", tmp_path / "nope.mbox", "--log", log.folder, "--me", F.ME,
               cwd=tmp_path)
    assert out.returncode == 2 and "no such file or folder" in out.stderr
    out = _run("import", "sheet", mbox, "--log", log.folder, "--me", F.ME, cwd=tmp_path)
    assert out.returncode == 2 and "--me and --with-body are for" in out.stderr


def test_only_the_bounce_body_is_read_without_with_body(setup, monkeypatch):
    log, mbox = setup
    seen = []
    real = IM.iter_messages

    def spy(*args, **kwargs):
        for headers, body, line in real(*args, **kwargs):
            seen.append(body is not None)
            yield headers, body, line
    monkeypatch.setattr(IM, "iter_messages", spy)
    IM.import_mail(log, mbox, me=[F.ME], dry_run=True)
    assert len(seen) == F.MAIL_MESSAGES and sum(seen) == 1


def test_refs_and_notes_are_blanked_in_a_redacted_copy(setup):
    from infoint_nb.reports import redact_frames
    log, mbox = setup
    IM.import_mail(log, mbox, me=[F.ME])
    log = ContactLog.open(log.folder)
    _c, i = redact_frames(log.raw_contacts, log.raw_interactions)
    assert (i[S.REF] == "").all() and (i[S.NOTES] == "").all()
    assert sorted(i[S.KIND]) == sorted(k for _c, k, _d in F.MAIL_EXPECTED)


def test_cli_shows_a_progress_bar_when_asked(setup, tmp_path):
    log, mbox = setup
    env = {**os.environ, "TZ": "UTC", "INFOINT_PROGRESS": "1"}
    out = subprocess.run([infoint_exe(), "import", "mail", str(mbox), "--log", str(log.folder),
                          "--me", F.ME, "--dry-run"], capture_output=True, text=True,
                         env=env, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "reading mail" in out.stderr and "100%" in out.stderr


def test_a_message_without_a_date_header_takes_the_from_line_date(setup, tmp_path):
    log, _mbox = setup
    box = tmp_path / "nodate.mbox"
    box.write_bytes(b"From 1789@xxx Wed May 06 12:00:00 +0000 2026\n"
                    b"From: dana.whitfield@brightline.example\nTo: alex.doe@mail.example\n"
                    b"Subject: Sure\n\nYes.\n\n"
                    b"From - Thu May 07 09:30:00 2026\n"
                    b"From: dana.whitfield@brightline.example\nTo: alex.doe@mail.example\n"
                    b"Subject: Also\n\nAnd more.\n")
    report = IM.import_mail(log, box, me=[F.ME], dry_run=True)
    assert [r[S.DATE] for r in report.rows] == ["2026-05-06T12:00", "2026-05-07T09:30"]
    assert all(r[S.REF].startswith("mail:sha1:") for r in report.rows)  # no Message-ID
