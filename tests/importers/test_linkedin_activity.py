"""LinkedIn messages.csv and Invitations.csv, each layout; `infoint import linkedin` routing."""
from __future__ import annotations

import os
import subprocess

import pytest

import activity_fixtures as F
from conftest import infoint_exe
from infoint_nb.importers import linkedin_activity as L
from infoint_nb import metrics
from infoint_nb import schema as S
from infoint_nb.store import ContactLog


def _triples(rows):
    return sorted((r[S.CONTACT_ID], r[S.KIND], str(r[S.DATE])[:10]) for r in rows)


@pytest.fixture
def log(tmp_path):
    return ContactLog.open(F.make_log(tmp_path / "log"))


@pytest.mark.parametrize("layout, me", [("new", [F.ME_URL]), ("old", [])])
def test_messages_of_each_layout(log, tmp_path, layout, me):
    text = F.MESSAGES_NEW if layout == "new" else F.MESSAGES_OLD
    path = F.write(tmp_path / "messages.csv", text)
    assert L.detect_linkedin_file(path) == L.MESSAGES
    report = L.import_linkedin_messages(log, path, me=me)  # old: "me" inferred
    assert _triples(report.rows) == sorted(F.MESSAGES_EXPECTED)
    assert report.skipped["matched nobody"] == (3 if layout == "new" else 2)
    assert report.skipped["drafts"] == (1 if layout == "new" else 0)
    # Pat (not in the log) wrote again after Alex answered: a candidate to add
    assert report.candidates["name"].tolist() == (["Pat Lee"] if layout == "new" else [])
    t = metrics.contact_timeline(log.contacts, log.interactions, as_of="2025-06-30")
    assert t.set_index(S.CONTACT_ID).loc["C0005", "days_to_response"] == 2
    i = ContactLog.open(log.folder).raw_interactions
    assert set(i[S.CHANNEL]) == {"linkedin"} and i[S.REF].str.startswith("linkedin:2-abc/").all()
    assert set(i[S.NOTES]) == {"Coffee?"}  # the conversation's title, no content
    assert "Pat" not in "".join(i[S.REF])  # refs name no one
    again = L.import_linkedin_messages(log, path, me=me)
    assert again.added == [] and again.skipped["already imported"] == 3


def test_old_and_new_messages_files_are_the_same_events(log, tmp_path):
    L.import_linkedin_messages(log, F.write(tmp_path / "a.csv", F.MESSAGES_OLD))
    again = L.import_linkedin_messages(log, F.write(tmp_path / "b.csv", F.MESSAGES_NEW))
    assert again.added == []


def test_messages_dates_in_utc_become_local_time(log, tmp_path, monkeypatch):
    monkeypatch.setenv("TZ", "America/Chicago")
    __import__("time").tzset()
    try:
        report = L.import_linkedin_messages(
            log, F.write(tmp_path / "m.csv", F.MESSAGES_NEW), me=[F.ME_URL], dry_run=True)
    finally:
        monkeypatch.delenv("TZ")
        __import__("time").tzset()
    assert report.rows[0][S.DATE] == "2025-06-01T09:03"  # 14:03 UTC, CDT is UTC-5


def test_with_body_adds_the_message_content(log, tmp_path):
    report = L.import_linkedin_messages(log, F.write(tmp_path / "m.csv", F.MESSAGES_NEW),
                                        me=[F.ME_URL], dry_run=True, with_body=True)
    assert report.rows[0][S.NOTES] == "Coffee? — Hi Maya, would you have 20 minutes?"


def test_who_is_me_cannot_be_guessed_from_one_conversation(log, tmp_path):
    one = "\n".join(F.MESSAGES_OLD.splitlines()[:3]) + "\n"
    with pytest.raises(L.InfointError, match="cannot tell which sender is you; say it with --me"):
        L.import_linkedin_messages(log, F.write(tmp_path / "m.csv", one))


@pytest.mark.parametrize("layout", ["new", "old"])
def test_invitations_of_each_layout(log, tmp_path, layout):
    text = F.INVITATIONS_NEW if layout == "new" else F.INVITATIONS_OLD
    path = F.write(tmp_path / "Invitations.csv", text)
    assert L.detect_linkedin_file(path) == L.INVITATIONS
    report = L.import_linkedin_invitations(log, path)
    assert _triples(report.rows) == sorted(F.INVITATIONS_EXPECTED)
    assert report.skipped["matched nobody"] == 1
    by = {r[S.CONTACT_ID]: r for r in report.rows}
    assert by["C0001"][S.DATE] == "2026-04-30T09:15" and by["C0001"][S.CHANNEL] == "linkedin"
    assert by["C0005"][S.NOTES] == "LinkedIn invitation sent (no message)"
    assert L.import_linkedin_invitations(log, path).added == []


def test_an_invitation_after_mail_outreach_is_a_follow_up(log, tmp_path):
    from infoint_nb.importers.mail import import_mail
    late = F.INVITATIONS_OLD.replace("4/30/26, 9:15 AM", "5/5/26, 9:15 AM")
    import_mail(log, F.make_mbox(tmp_path / "m.mbox"), me=[F.ME])
    report = L.import_linkedin_invitations(log, F.write(tmp_path / "Invitations.csv", late))
    dana = [r for r in report.rows if r[S.CONTACT_ID] == "C0001"]
    assert [r[S.KIND] for r in dana] == ["follow_up"]


def test_a_bad_direction_or_date_names_row_and_column(log, tmp_path):
    bad = F.INVITATIONS_OLD.replace("INCOMING", "SIDEWAYS")
    with pytest.raises(L.LinkedInFormatError, match=r"row 4, column Direction: 'SIDEWAYS'"):
        L.import_linkedin_invitations(log, F.write(tmp_path / "i.csv", bad))
    bad = F.INVITATIONS_OLD.replace("5/2/26, 4:01 PM", "yesterday")
    with pytest.raises(L.LinkedInFormatError, match=r"row 3, column Sent At: 'yesterday'"):
        L.import_linkedin_invitations(log, F.write(tmp_path / "i.csv", bad))
    assert ContactLog.open(log.folder).raw_interactions.empty


def _run(*argv, cwd):
    env = {**os.environ, "TZ": "UTC"}
    return subprocess.run([infoint_exe(), *map(str, argv)], capture_output=True, text=True,
                          cwd=cwd, env=env, timeout=300)


def test_cli_import_linkedin_recognises_each_of_the_three_files(log, tmp_path):
    msgs = F.write(tmp_path / "messages.csv", F.MESSAGES_NEW)
    invs = F.write(tmp_path / "Invitations.csv", F.INVITATIONS_NEW)
    conns = F.write(tmp_path / "Connections.csv",
                    "Notes:\n\"When exporting your connection data, ...\"\n\n"
                    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
                    "Kim,Park,https://www.linkedin.com/in/kim-park,,Startup,CTO,12 May 2026\n")
    out = _run("import", "linkedin", msgs, "--log", log.folder, "--me", F.ME_URL, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert "LinkedIn messages" in out.stdout and "added 3 interactions" in out.stdout
    out = _run("import", "linkedin", invs, "--log", log.folder, cwd=tmp_path)
    assert out.returncode == 0 and "LinkedIn invitations" in out.stdout, out.stderr
    out = _run("import", "linkedin", conns, "--log", log.folder, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    c = ContactLog.open(log.folder).raw_contacts
    assert "Kim Park" in set(c[S.NAME])
    other = F.write(tmp_path / "other.csv", "a,b\n1,2\n")  # the contact importer's message
    out = _run("import", "linkedin", other, "--log", log.folder, cwd=tmp_path)
    assert out.returncode == 2 and "other.csv" in out.stderr and "Traceback" not in out.stderr
    out = _run("import", "linkedin", conns, "--log", log.folder, "--me", F.ME, cwd=tmp_path)
    assert out.returncode == 2 and "not Connections.csv" in out.stderr
