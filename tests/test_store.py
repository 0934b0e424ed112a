"""The store: loading what Excel writes, changes that validate, saves that cannot lose rows."""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from infoint_nb import ContactLog
from infoint_nb import schema as S
from infoint_nb.errors import (
    ConfirmationRequiredError,
    DuplicateContactError,
    InfointError,
    LogExistsError,
    LogNotFoundError,
    LogValidationError,
    UnknownIdError,
)
from infoint_nb.store import read_table, write_table_bytes

ROOT = Path(__file__).resolve().parent.parent


# --- opening and types --------------------------------------------------------------
def test_init_creates_an_empty_valid_log(tmp_path):
    log = ContactLog.init(tmp_path / "new")
    assert (tmp_path / "new" / "contacts.csv").exists()
    assert (tmp_path / "new" / "interactions.csv").exists()
    assert not (tmp_path / "new" / "plan.json").exists()
    again = ContactLog.open(tmp_path / "new")
    assert list(again.contacts.columns) == list(S.CONTACT_COLUMNS)
    assert len(again.contacts) == 0 and len(again.interactions) == 0
    assert again.plan == {"schema": 1}
    with pytest.raises(LogExistsError, match="already holds contacts.csv"):
        ContactLog.init(tmp_path / "new")


def test_open_missing_folder_says_how_to_create(tmp_path):
    with pytest.raises(LogNotFoundError, match="infoint init"):
        ContactLog.open(tmp_path / "nope")


def test_open_or_init_creates_on_first_use(tmp_path):
    log = ContactLog.open_or_init(tmp_path / "my_log")
    log.add_contact(name="Ada Moreno")
    assert len(ContactLog.open_or_init(tmp_path / "my_log").contacts) == 1


def test_excel_style_file_loads_with_text_kept(tmp_path):
    folder = tmp_path / "excel"
    folder.mkdir()
    header = ",".join(S.CONTACT_COLUMNS) + ",favourite_cafe"
    row = ["C1", "Kim NA", "\"Acme, Inc.\"", "", "", "", "kim@acme.example", "0041 44 555 01 23",
           "NA", '"4 Rue Neuve\r\nGeneva"', "", "alumni", "", "", "", "3", "2026-05-04",
           '"said ""hello"", then left"', "Café Lumen"]
    text = "\ufeff" + header + "\r\n" + ",".join(row) + "\r\n"
    (folder / "contacts.csv").write_bytes(text.encode("utf-8"))
    (folder / "interactions.csv").write_bytes(
        ("\ufeff" + ",".join(S.INTERACTION_COLUMNS) + "\r\nI1,C1,2026-05-05T09:30,email,outreach,\r\n")
        .encode("utf-8"))
    log = ContactLog.open(folder)
    c = log.contacts.iloc[0]
    assert c["name"] == "Kim NA" and c["extension"] == "NA"
    assert c["phone"] == "0041 44 555 01 23"
    assert c["company"] == "Acme, Inc."
    assert c["work_address"] == "4 Rue Neuve\r\nGeneva"
    assert c["notes"] == 'said "hello", then left'
    assert c["priority"] == 3 and str(log.contacts["priority"].dtype) == "Int64"
    assert c["added_on"] == pd.Timestamp("2026-05-04")
    assert pd.api.types.is_datetime64_any_dtype(log.interactions["date"])
    assert log.interactions["date"].iloc[0] == pd.Timestamp("2026-05-05 09:30")
    assert list(log.contacts.columns)[-1] == "favourite_cafe"
    # a change keeps the extra column, its values and the other rows' text
    log.add_contact(name="Lee Park", company="Acme, Inc.", favourite_cafe="none")
    raw = pd.read_csv(folder / "contacts.csv", dtype=str, keep_default_na=False)
    assert list(raw.columns) == list(S.CONTACT_COLUMNS) + ["favourite_cafe"]
    assert raw.loc[0, "favourite_cafe"] == "Café Lumen"
    assert raw.loc[0, "phone"] == "0041 44 555 01 23" and raw.loc[0, "extension"] == "NA"
    # dates are written back exactly as given
    assert "2026-05-05T09:30" in (folder / "interactions.csv").read_text("utf-8-sig")


def test_extra_columns_keep_their_order(tmp_path):
    folder = tmp_path / "x"
    folder.mkdir()
    cols = ["zeta", "contact_id", "name", "added_on", "alpha"]
    (folder / "contacts.csv").write_text(",".join(cols) + "\nz,C1,Ann,2026-01-01,a\n", "utf-8")
    (folder / "interactions.csv").write_text(",".join(S.INTERACTION_COLUMNS) + "\n", "utf-8")
    log = ContactLog.open(folder)
    log.add_interaction("C1", "outreach", "2026-01-02", channel="email")
    header = (folder / "contacts.csv").read_text("utf-8-sig").splitlines()[0]
    assert header == ",".join(cols)  # contacts.csv was not rewritten at all
    log.update_contact("C1", role="Analyst")
    header = (folder / "contacts.csv").read_text("utf-8-sig").splitlines()[0].split(",")
    assert header[:5] == cols and "role" in header
    assert log.contacts.loc[0, "zeta"] == "z"


def test_blank_rows_are_not_data(tmp_path):
    folder = tmp_path / "blank"
    folder.mkdir()
    (folder / "contacts.csv").write_text(
        "contact_id,name,added_on\nC1,Ann,2026-01-01\n,,\n\nC2,Bo,2026-01-02\n", "utf-8")
    (folder / "interactions.csv").write_text(",".join(S.INTERACTION_COLUMNS) + "\n", "utf-8")
    log = ContactLog.open(folder)
    assert list(log.contacts["contact_id"]) == ["C1", "C2"]
    assert list(log.raw_contacts.index) == [2, 5]  # spreadsheet rows stay true


# --- changes ------------------------------------------------------------------------
def test_add_contact_and_interaction_generate_ids_and_save(empty_log_dir):
    log = ContactLog.open(empty_log_dir)
    a = log.add_contact(name="Ann Lee", company="Fernway", priority=2, added_on=dt.date(2026, 6, 1))
    b = log.add_contact(name="Bo Chen", company="Fernway")
    assert (a, b) == ("C0001", "C0002")
    i1 = log.add_interaction(a, "outreach", dt.date(2026, 6, 2), channel="email")
    i2 = log.add_interaction(a, "meeting_scheduled", dt.datetime(2026, 6, 3, 9, 30),
                             channel="email", scheduled_for="2026-06-10T10:00", place="Café")
    assert (i1, i2) == ("I00001", "I00002")
    fresh = ContactLog.open(empty_log_dir)
    assert fresh.contacts.set_index("contact_id").loc[a, "priority"] == 2
    assert fresh.contacts.set_index("contact_id").loc[b, "added_on"] == pd.Timestamp(dt.date.today())
    raw = fresh.raw_interactions.set_index("interaction_id")
    assert raw.loc[i1, "date"] == "2026-06-02" and raw.loc[i2, "date"] == "2026-06-03T09:30"
    assert fresh.interactions.set_index("interaction_id").loc[i2, "scheduled_for"] == \
        pd.Timestamp("2026-06-10 10:00")
    today = log.add_interaction(b, "note")
    assert ContactLog.open(empty_log_dir).raw_interactions.set_index(
        "interaction_id").loc[today, "date"] == dt.date.today().isoformat()


@pytest.mark.parametrize("fields, what", [
    (dict(name="Someone", email=" ANN@fernway.example "), "e-mail"),
    (dict(name="Someone", linkedin_url="http://linkedin.com/in/ann-lee/"), "LinkedIn URL"),
    (dict(name="ann  lee", company="FERNWAY"), "name"),
])
def test_duplicates_are_refused_unless_different_person(empty_log_dir, fields, what):
    log = ContactLog.open(empty_log_dir)
    log.add_contact(name="Ann Lee", company="Fernway", email="ann@fernway.example",
                    linkedin_url="https://www.linkedin.com/in/ann-lee")
    with pytest.raises(DuplicateContactError) as info:
        log.add_contact(**fields)
    assert info.value.existing_id == "C0001"
    assert "C0001 Ann Lee (Fernway)" in str(info.value) and what in str(info.value)
    assert len(ContactLog.open(empty_log_dir).contacts) == 1
    assert log.add_contact(different_person=True, **fields) == "C0002"


def test_bad_values_are_refused_with_the_rule(empty_log_dir):
    log = ContactLog.open(empty_log_dir)
    cid = log.add_contact(name="Ann")
    with pytest.raises(LogValidationError, match="did you mean 'email'"):
        log.add_interaction(cid, "outreach", "2026-06-01", channel="Email")
    with pytest.raises(LogValidationError, match="did you mean 'meeting_held'"):
        log.add_interaction(cid, "meeting held", "2026-06-01")
    with pytest.raises(InfointError, match="not a real calendar date|not a real ISO"):
        log.add_interaction(cid, "outreach", "2026-02-30")
    with pytest.raises(InfointError, match="offset"):
        log.add_interaction(cid, "outreach", "2026-02-03T10:00+01:00")
    with pytest.raises(UnknownIdError, match="did you mean 'C0001'"):
        log.add_interaction("C001", "outreach", "2026-06-01")
    with pytest.raises(LogValidationError, match="priority is a whole number from 1 to 5"):
        log.add_contact(name="Bo", priority=7)
    with pytest.raises(LogValidationError, match="referred_by must be the contact_id"):
        log.add_contact(name="Bo", referred_by="C0099")
    with pytest.raises(InfointError, match="unknown field 'compnay' \\(did you mean 'company'\\?\\)"):
        log.add_contact(name="Bo", compnay="Acme")
    assert len(ContactLog.open(empty_log_dir).interactions) == 0
    assert len(ContactLog.open(empty_log_dir).contacts) == 1


def test_update_and_delete(empty_log_dir):
    log = ContactLog.open(empty_log_dir)
    a = log.add_contact(name="Ann", company="Fernway")
    b = log.add_contact(name="Bo", referred_by=a, source="referral")
    i = log.add_interaction(a, "outreach", "2026-06-01", channel="email")
    log.add_interaction(a, "reply_yes", "2026-06-02", channel="email")
    log.update_contact(a, role="Designer", priority=1)
    log.update_interaction(i, channel="letter", notes="sent by post")
    fresh = ContactLog.open(empty_log_dir)
    assert fresh.contacts.set_index("contact_id").loc[a, "role"] == "Designer"
    assert fresh.interactions.set_index("interaction_id").loc[i, "channel"] == "letter"
    with pytest.raises(LogValidationError, match="not a channel"):
        log.update_interaction(i, channel="pigeon")
    log.delete_interaction(i)
    assert i not in set(ContactLog.open(empty_log_dir).interactions["interaction_id"])
    with pytest.raises(ConfirmationRequiredError, match=r"has 1 interaction .*confirm=1"):
        log.delete_contact(a)
    assert len(ContactLog.open(empty_log_dir).contacts) == 2
    assert log.delete_contact(a, confirm=1) == 1
    fresh = ContactLog.open(empty_log_dir)
    assert list(fresh.contacts["contact_id"]) == [b]
    assert fresh.contacts.loc[0, "referred_by"] == ""  # the link to a deleted person goes
    assert len(fresh.interactions) == 0
    with pytest.raises(UnknownIdError):
        log.delete_interaction("I99999")


def test_two_handles_never_overwrite_each_other(empty_log_dir):
    """Two notebooks open on one log: every append re-reads the file under the lock."""
    one, two = ContactLog.open(empty_log_dir), ContactLog.open(empty_log_dir)
    a = one.add_contact(name="Ann")
    b = two.add_contact(name="Bo")
    assert a != b
    one.add_interaction(b, "outreach", "2026-06-01")
    two.add_interaction(a, "outreach", "2026-06-01")
    one.save_plan_section("goals", {"business": "UX research"})
    two.save_plan_section("letters", {"body": "Dear Ann"}, contact_id=a)
    fresh = ContactLog.open(empty_log_dir)
    assert sorted(fresh.contacts["contact_id"]) == [a, b]
    assert len(fresh.interactions) == 2
    assert fresh.plan["goals"] == {"business": "UX research"}
    assert fresh.plan["letters"] == {a: {"body": "Dear Ann"}}


def test_plan_sections(empty_log_dir):
    log = ContactLog.open(empty_log_dir)
    assert log.plan_section("goals", default={}) == {}
    log.save_plan_section("goals", {"when": dt.date(2026, 6, 1), "places": ["Chicago"]})
    assert ContactLog.open(empty_log_dir).plan_section("goals") == {
        "when": "2026-06-01", "places": ["Chicago"]}
    with pytest.raises(InfointError, match="cannot be saved in plan.json"):
        log.save_plan_section("goals", {"bad": object()})
    assert ContactLog.open(empty_log_dir).plan_section("goals")["places"] == ["Chicago"]
    data = json.loads((empty_log_dir / "plan.json").read_text("utf-8"))
    assert data["schema"] == 1


def test_backups_are_bounded_and_restore_brings_back(empty_log_dir, monkeypatch):
    from infoint_nb import config
    monkeypatch.setattr(config, "MAX_BACKUPS", 4)
    log = ContactLog.open(empty_log_dir)
    ids = [log.add_contact(name=f"Person {n}") for n in range(6)]
    backups = log.backups()
    assert len(backups) == 4
    assert all("contacts.csv" in b.files for b in backups)
    # the newest backup is the log as it was before the last add
    log.restore(backups[-1].name)
    assert list(log.contacts["contact_id"]) == ids[:-1]
    assert list(ContactLog.open(empty_log_dir).contacts["contact_id"]) == ids[:-1]
    # the restore itself was backed up first: the undone version can come back
    undone = log.backups()[-1]
    assert "before-restore" in undone.name
    log.restore(undone.name)
    assert list(ContactLog.open(empty_log_dir).contacts["contact_id"]) == ids
    with pytest.raises(UnknownIdError, match="no backup named"):
        log.restore("nope")


def test_restore_works_when_the_current_log_is_broken(empty_log_dir):
    log = ContactLog.open(empty_log_dir)
    log.add_contact(name="Ann")
    log.add_contact(name="Bo")
    (empty_log_dir / "contacts.csv").write_text("garbage,\n1,2,3\n", "utf-8")
    with pytest.raises(LogValidationError):
        ContactLog.open(empty_log_dir)
    from infoint_nb.store import list_backups, restore_backup
    restore_backup(empty_log_dir, list_backups(empty_log_dir)[-1].name)
    assert list(ContactLog.open(empty_log_dir).contacts["name"]) == ["Ann"]


def test_interrupted_multi_file_commit_rolls_forward(empty_log_dir):
    """An intent file left by a killed writer is finished by the next opener."""
    from infoint_nb.store import _write_temp
    log = ContactLog.open(empty_log_dir)
    log.add_contact(name="Ann")
    c = log.raw_contacts
    c2 = pd.concat([c, pd.DataFrame([{**{k: "" for k in c.columns}, "contact_id": "C0002",
                                       "name": "Bo", "added_on": "2026-06-01"}])])
    i2 = pd.DataFrame([{**{k: "" for k in log.raw_interactions.columns}, "interaction_id": "I1",
                        "contact_id": "C0002", "date": "2026-06-02", "kind": "outreach"}])
    tc = _write_temp(empty_log_dir, "contacts.csv", write_table_bytes(c2))
    ti = _write_temp(empty_log_dir, "interactions.csv", write_table_bytes(i2))
    (empty_log_dir / ".commit.json").write_text(json.dumps(
        {"contacts.csv": tc.name, "interactions.csv": ti.name}))
    os.replace(tc, empty_log_dir / "contacts.csv")  # the crash came after the first move
    fresh = ContactLog.open(empty_log_dir)
    assert list(fresh.interactions["interaction_id"]) == ["I1"]
    assert not (empty_log_dir / ".commit.json").exists()


# --- round trip ---------------------------------------------------------------------
_text = st.text(
    alphabet=st.one_of(st.sampled_from(list(',";=+-@\n\r\t 0NA\ufeff')),
                       st.characters(blacklist_categories=("Cs", "Cc"))),
    max_size=12)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.tuples(_text, _text, _text), min_size=0, max_size=6))
def test_write_then_read_gives_the_same_frame(tmp_path_factory, rows):
    frame = pd.DataFrame(
        [{"contact_id": f"C{n}", "name": a, "notes": b, "phone": "00" + c}
         for n, (a, b, c) in enumerate(rows)],
        columns=["contact_id", "name", "notes", "phone"], dtype=str)
    path = tmp_path_factory.mktemp("rt") / "contacts.csv"
    path.write_bytes(write_table_bytes(frame))
    back, problems = read_table(path)
    assert problems == []
    back = back.reset_index(drop=True)
    pd.testing.assert_frame_equal(back, frame.reset_index(drop=True), check_dtype=False)
    # and pandas alone reads the same (the file is plain CSV for anyone)
    plain = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    pd.testing.assert_frame_equal(plain, frame, check_dtype=False)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(notes=_text, name=_text.filter(lambda s: s.strip() != ""))
def test_contact_text_survives_a_save(tmp_path_factory, notes, name):
    log = ContactLog.init(tmp_path_factory.mktemp("rt") / "log")
    cid = log.add_contact(name=name, notes=notes, phone="0041 44 555 01 23", extension="NA")
    back = ContactLog.open(log.folder).contacts.set_index("contact_id").loc[cid]
    assert (back["name"], back["notes"], back["phone"], back["extension"]) == (
        name, notes, "0041 44 555 01 23", "NA")


# --- processes ----------------------------------------------------------------------
_WRITER = textwrap.dedent("""
    import sys
    from infoint_nb import ContactLog
    log = ContactLog.open(sys.argv[1])
    tag = sys.argv[2]
    n = int(sys.argv[3])
    for k in range(n):
        cid = log.add_contact(name=f"{tag} person {k}", company=f"{tag} co")
        print("C", cid, flush=True)
        iid = log.add_interaction(cid, "outreach", "2026-06-01", channel="email", notes="x" * 200)
        print("I", iid, flush=True)
        log.save_plan_section("crash", {"k": k, "tag": tag})
        print("P", k, flush=True)
        if k % 3 == 2:
            cid2 = log.add_contact(name=f"{tag} temp {k}")
            iid2 = log.add_interaction(cid2, "note", "2026-06-02")
            log.delete_contact(cid2, confirm=1)  # two files change together
            print("D", cid2, flush=True)
""")


def _spawn_writer(folder: Path, tag: str, n: int) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", _WRITER, str(folder), tag, str(n)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            cwd=ROOT)


@pytest.mark.slow
def test_two_processes_appending_at_once_lose_nothing(empty_log_dir):
    procs = [_spawn_writer(empty_log_dir, tag, 12) for tag in ("left", "right")]
    outs = [p.communicate(timeout=240) for p in procs]
    for p, (out, err) in zip(procs, outs):
        assert p.returncode == 0, err
    acked_c = {l.split()[1] for out, _ in outs for l in out.splitlines() if l.startswith("C ")}
    acked_i = {l.split()[1] for out, _ in outs for l in out.splitlines() if l.startswith("I ")}
    log = ContactLog.open(empty_log_dir)
    assert len(acked_c) == 24 and set(log.contacts["contact_id"]) == acked_c
    assert set(log.interactions["interaction_id"]) == acked_i
    assert log.plan["crash"]["k"] == 11


@pytest.mark.slow
def test_sigkill_at_random_moments_never_loses_an_acknowledged_row(empty_log_dir):
    """Kill a writer ≥ 50 times at random instants; the log always loads with every row
    the writer had acknowledged (it prints an id only after the save returned)."""
    rng = random.Random(20261122)
    acked_c: set[str] = set()
    acked_i: set[str] = set()
    deleted: set[str] = set()
    last_plan = None
    kills = 0
    while kills < 50:
        proc = _spawn_writer(empty_log_dir, f"w{kills}", 1000)
        # wait for the first acknowledgement, then let it run a random while
        first = proc.stdout.readline()
        if not first.startswith("C "):
            proc.kill()
            pytest.fail(f"kill {kills}: the writer did not start: {proc.stderr.read()}")
        lines = [first]
        # and for one interaction (so every round has acknowledged rows, however busy the
        # machine), then let it run a random while
        while not lines[-1].startswith("I "):
            line = proc.stdout.readline()
            if not line:
                break
            lines.append(line)
        time.sleep(rng.uniform(0.0, 0.25))
        proc.send_signal(signal.SIGKILL)
        rest, _ = proc.communicate(timeout=30)
        kills += 1
        lines += rest.splitlines()
        for line in lines:
            kind, value = line.split()[:2]
            if kind == "C":
                acked_c.add(value)
            elif kind == "I":
                acked_i.add(value)
            elif kind == "D":
                deleted.add(value)
            elif kind == "P":
                last_plan = (f"w{kills - 1}", int(value))
        files = sorted(p.name for p in empty_log_dir.iterdir())
        try:
            log = ContactLog.open(empty_log_dir)  # must load: old or new version, never a mix
        except Exception as exc:  # pragma: no cover - the failure this test exists to catch
            pytest.fail(f"kill {kills}: the log no longer loads ({exc}); files: {files}")
        have_c = set(log.contacts["contact_id"])
        assert acked_c - deleted <= have_c, (kills, files, (acked_c - deleted) - have_c)
        assert acked_i <= set(log.interactions["interaction_id"]), (
            kills, files, acked_i - set(log.interactions["interaction_id"]))
        if last_plan and last_plan[0] == f"w{kills - 1}":
            assert log.plan["crash"]["k"] >= last_plan[1]
    assert kills >= 50
    assert len(acked_i) >= 50


def test_form_saves_never_push_out_the_csv_versions(empty_log_dir, monkeypatch):
    """plan.json versions are bounded apart from the log's, so many form submits keep
    the earlier versions of contacts.csv and interactions.csv."""
    from infoint_nb import config
    monkeypatch.setattr(config, "MAX_BACKUPS", 3)
    log = ContactLog.open(empty_log_dir)
    ids = [log.add_contact(name=f"Person {n}") for n in range(3)]
    for n in range(8):
        log.save_plan_section("goals", {"draft": n})
    names = [b.name for b in log.backups()]
    plan = [n for n in names if "-plan-" in n]
    other = [n for n in names if "-plan-" not in n]
    assert len(plan) == 3 and len(other) == 3
    log.restore(other[0])  # the log before the first add is still there
    assert len(ContactLog.open(empty_log_dir).contacts) == 0
    # that backup predates plan.json, so the forms' work is left as it is
    assert ContactLog.open(empty_log_dir).plan["goals"] == {"draft": 7}
    assert ids


# --- failed saves leave nothing behind (issue 9) -------------------------------------
class _DiskFullAt:
    """Counts every write, fsync, link, copy, mkdir and replace a save makes; the one
    numbered ``fail_at`` (1-based) fails with ENOSPC, a write or a copy after doing half
    its work, as a disk that fills up mid-file does."""

    def __init__(self, monkeypatch, fail_at: int | None = None):
        import builtins
        import errno
        import pathlib
        import shutil

        from infoint_nb import store

        self.count, self.fail_at, self.steps = 0, fail_at, []
        real = {"replace": os.replace, "fsync": os.fsync, "link": os.link,
                "copy2": shutil.copy2, "mkdir": pathlib.Path.mkdir}
        full = OSError(errno.ENOSPC, "No space left on device")

        def step(name) -> bool:
            self.count += 1
            self.steps.append(name)
            return self.count == self.fail_at

        def replace(src, dst, **kw):
            if step("replace"):
                raise OSError(errno.ENOSPC, "No space left on device", str(src), None, str(dst))
            return real["replace"](src, dst, **kw)

        def fsync(fd):
            if step("fsync"):
                raise full
            return real["fsync"](fd)

        def link(src, dst, **kw):
            if step("link"):
                raise full
            return real["link"](src, dst, **kw)

        def copy2(src, dst, **kw):
            if step("copy2"):
                data = Path(src).read_bytes()
                Path(dst).write_bytes(data[: len(data) // 2])
                raise full
            return real["copy2"](src, dst, **kw)

        def mkdir(self_, *a, **kw):
            if step("mkdir"):
                raise full
            return real["mkdir"](self_, *a, **kw)

        class Writer:
            def __init__(self, fh):
                self._fh = fh

            def write(self, data):
                if step("write"):
                    self._fh.write(data[: len(data) // 2])
                    self._fh.flush()
                    raise full
                return self._fh.write(data)

            def __getattr__(self, name):
                return getattr(self._fh, name)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self._fh.close()

        def fake_open(file, mode="r", *a, **kw):
            fh = builtins.open(file, mode, *a, **kw)
            return Writer(fh) if ("w" in mode or "+" in mode or "a" in mode) else fh

        monkeypatch.setattr(os, "replace", replace)
        monkeypatch.setattr(os, "fsync", fsync)
        monkeypatch.setattr(os, "link", link)
        monkeypatch.setattr(shutil, "copy2", copy2)
        monkeypatch.setattr(pathlib.Path, "mkdir", mkdir)
        monkeypatch.setattr(store, "open", fake_open, raising=False)


def _state(folder: Path) -> dict[str, bytes]:
    """Every file under the log folder (backups included) and its bytes; not the lock."""
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".lock"}


def _leftovers(folder: Path) -> list[str]:
    return [str(p.relative_to(folder)) for p in folder.rglob("*")
            if ".tmp-" in p.name or ".part-" in p.name or p.name.endswith(".partial")
            or p.name == ".commit.json"]


def _make_template(folder: Path) -> Path:
    log = ContactLog.init(folder)
    a = log.add_contact(name="Ann Lee", company="Brightline", added_on="2026-05-01")
    log.add_interaction(a, "outreach", "2026-05-02", channel="email")
    log.save_plan_section("goals", {"places": ["Chicago"]})
    log.add_contact(name="Bo Chen", company="Cobalt", added_on="2026-05-03")
    return folder


_SAVES = {
    # two files: the intent-file commit
    "two files": lambda log: log.apply(
        add_contacts=[{"name": "Cy Diaz", "added_on": "2026-05-04"}],
        add_interactions=[{"contact_id": "C0001", "kind": "follow_up", "date": "2026-05-12"}]),
    # one file: temp, fsync, replace
    "one file": lambda log: log.add_interaction("C0002", "outreach", "2026-05-05"),
    "plan.json": lambda log: log.save_plan_section("goals", {"places": ["Boston"]}),
    "restore": lambda log: log.restore(log.backups()[0].name),
}


@pytest.mark.parametrize("save", list(_SAVES))
def test_a_full_disk_at_any_step_of_a_save_leaves_the_log_as_it_was(
        save, tmp_path, monkeypatch):
    import shutil

    from infoint_nb import config
    from infoint_nb.errors import FileProblemError

    monkeypatch.setattr(config, "MAX_BACKUPS", 3)  # pruning is part of the sequence
    template = _make_template(tmp_path / "template")
    before = _state(template)
    # a dry run numbers the steps of this save
    dry = shutil.copytree(template, tmp_path / "dry")
    log = ContactLog.open(dry)
    with pytest.MonkeyPatch.context() as mp:
        counter = _DiskFullAt(mp)
        _SAVES[save](log)
    after_ok = {k: v for k, v in _state(dry).items() if not k.startswith(".backups")}
    n = counter.count
    assert n >= 4 and {"write", "fsync", "replace"} <= set(counter.steps), counter.steps
    raised = 0
    for k in range(1, 10 * n):
        folder = shutil.copytree(template, tmp_path / f"at{k}")
        log = ContactLog.open(folder)
        with pytest.MonkeyPatch.context() as mp:
            fault = _DiskFullAt(mp, fail_at=k)
            try:
                _SAVES[save](log)
            except FileProblemError as exc:
                err = exc
            else:
                err = None
        if fault.count < k:  # the save ended before step k: every step has been tried
            break
        what = f"{save}: ENOSPC at step {k}/{n} ({fault.steps[k - 1]}; {fault.steps})"
        if err is None:  # a failed hard link falls back to a copy, a folder fsync is only
            # a hint, the re-read after a restore may go without its lock: the save went through
            last_replace = max(j for j, x in enumerate(fault.steps) if x == "replace")
            assert fault.steps[k - 1] in ("link", "fsync") or k - 1 > last_replace, what
            got = {x: v for x, v in _state(folder).items() if not x.startswith(".backups")}
            assert got == after_ok, what
        elif not err.committed:
            raised += 1
            assert "the disk is full" in str(err) and str(folder) in str(err), (what, str(err))
            assert "nothing was changed" in str(err), (what, str(err))
            assert _leftovers(folder) == [], what
            assert _state(folder) == before, what  # byte-identical, backups included
        else:  # past the commit point: the change stands and the next open finishes it
            assert "the change is kept" in str(err), (what, str(err))
        fresh = ContactLog.open(folder)
        assert _leftovers(folder) == [], what  # a committed save was finished by the open
        files = {x: v for x, v in _state(folder).items() if not x.startswith(".backups")}
        if err is not None and not err.committed:
            assert files == {x: v for x, v in before.items() if not x.startswith(".backups")}
            assert len(fresh.raw_contacts) == len(ContactLog.open(template).raw_contacts)
        else:
            assert files == after_ok, what
    # every write, file fsync and replace before the commit point was refused cleanly
    assert raised >= counter.steps.count("write"), (raised, counter.steps)


def test_a_committed_save_whose_moves_fail_is_read_as_the_new_version(tmp_path, monkeypatch):
    """A roll-forward that cannot finish (e.g. a read-only folder) still reads the committed
    version, never a mix of old and new files."""
    import errno

    folder = _make_template(tmp_path / "log")
    log = ContactLog.open(folder)
    real_replace = os.replace
    moves = []

    def replace(src, dst, **kw):  # the intent file goes in place, then the disk goes away
        moves.append(Path(dst).name)
        if len(moves) > 2:
            raise OSError(errno.EROFS, "Read-only file system", str(src), None, str(dst))
        return real_replace(src, dst, **kw)

    monkeypatch.setattr(os, "replace", replace)
    from infoint_nb.errors import FileProblemError
    with pytest.raises(FileProblemError, match="the change is kept") as info:
        _SAVES["two files"](log)
    assert info.value.committed
    assert (folder / ".commit.json").exists()
    fresh = ContactLog.open(folder)  # still read-only: reads the pending files
    assert "Cy Diaz" in set(fresh.raw_contacts["name"])
    assert "follow_up" in set(fresh.raw_interactions["kind"])
    monkeypatch.setattr(os, "replace", real_replace)
    ContactLog.open(folder)  # writable again: the roll-forward finishes
    assert _leftovers(folder) == []
    assert "Cy Diaz" in (folder / "contacts.csv").read_text("utf-8")


def test_a_failed_save_never_prunes_an_old_backup(tmp_path, monkeypatch):
    """Backups are bounded, but the oldest goes only once the new version is saved."""
    import errno

    from infoint_nb import config
    from infoint_nb.errors import FileProblemError
    monkeypatch.setattr(config, "MAX_BACKUPS", 2)
    folder = _make_template(tmp_path / "log")
    names = [b.name for b in ContactLog.open(folder).backups()]
    assert len(names) == 3  # two of the CSV files, one of plan.json
    log = ContactLog.open(folder)
    real_replace = os.replace

    def replace(src, dst, **kw):  # the backup is complete; the data file's move fails
        if Path(dst).name == "interactions.csv":
            raise OSError(errno.ENOSPC, "No space left on device", str(src), None, str(dst))
        return real_replace(src, dst, **kw)
    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(FileProblemError, match="disk is full"):
        log.add_interaction("C0002", "outreach", "2026-05-05")
    monkeypatch.setattr(os, "replace", real_replace)
    assert [b.name for b in ContactLog.open(folder).backups()] == names
    assert _leftovers(folder) == []


def test_init_that_fails_leaves_no_folder_behind(tmp_path, monkeypatch):
    import errno

    from infoint_nb.errors import FileProblemError

    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(os, "fsync", no_space)
    with pytest.raises(FileProblemError, match=r"new: cannot .*: the disk is full"):
        ContactLog.init(tmp_path / "new")
    assert not (tmp_path / "new").exists()


# --- paths that are not what they should be (issue 9) --------------------------------
def test_init_and_open_on_a_file_say_it_is_a_file(tmp_path):
    (tmp_path / "notes.txt").write_text("my notes")
    with pytest.raises(LogExistsError, match=r"notes.txt: is a file, not a folder.*"
                       r"`infoint init .*notes`"):
        ContactLog.init(tmp_path / "notes.txt")
    assert (tmp_path / "notes.txt").read_text() == "my notes"
    with pytest.raises(LogNotFoundError, match="is a file, not a folder"):
        ContactLog.open(tmp_path / "notes.txt")
    log = ContactLog.init(tmp_path / "log")
    # the usual slip: the log's own contacts.csv given as the log
    with pytest.raises(LogNotFoundError, match=rf"give the folder it is in: {tmp_path / 'log'}$"):
        ContactLog.open(log.folder / "contacts.csv")
    with pytest.raises(LogExistsError, match="already holds a log; open it with `--log "):
        ContactLog.init(log.folder / "contacts.csv")


def test_init_below_a_file_names_the_file(tmp_path):
    from infoint_nb.errors import FileProblemError
    (tmp_path / "notes.txt").write_text("x")
    with pytest.raises(FileProblemError, match=r"cannot create the log folder: .*notes.txt is "
                       "a file, not a folder"):
        ContactLog.init(tmp_path / "notes.txt" / "log")
    with pytest.raises(LogNotFoundError, match=r"no log folder here: .*notes.txt is a file"):
        ContactLog.open(tmp_path / "notes.txt" / "log")


# --- symbolic links (issue 9) -------------------------------------------------------
@pytest.mark.parametrize("how", ["relative", "absolute"])
def test_saves_write_through_symlinked_log_files(tmp_path, how):
    """A log whose files are links (to a synced folder, say) keeps its links on save."""
    real = _make_template(tmp_path / "real")
    log_dir = tmp_path / "log"
    log_dir.mkdir()
    names = ("contacts.csv", "interactions.csv", "plan.json")
    for name in names:
        target = (Path("..") / "real" / name) if how == "relative" else (real / name)
        (log_dir / name).symlink_to(target)
    old = {n: (real / n).read_bytes() for n in names}
    log = ContactLog.open(log_dir)
    _SAVES["two files"](log)                               # the intent-file commit
    log.add_interaction("C0002", "outreach", "2026-05-05")  # one file
    log.save_plan_section("goals", {"places": ["Boston"]})  # plan.json
    for name in names:
        assert (log_dir / name).is_symlink(), f"{name} lost its link"
        assert os.readlink(log_dir / name) == str(
            Path("..") / "real" / name if how == "relative" else real / name)
        assert (real / name).read_bytes() != old[name], f"{name}: the target was not written"
    fresh = ContactLog.open(log_dir)
    assert "Cy Diaz" in set(fresh.raw_contacts["name"])
    assert set(fresh.raw_interactions["kind"]) >= {"follow_up", "outreach"}
    assert fresh.plan_section("goals") == {"places": ["Boston"]}
    assert _leftovers(real) == [] and _leftovers(log_dir) == []
    # the backups hold the old bytes as plain files
    first = log.backups()[0]
    assert not (first.path / "contacts.csv").is_symlink()
    assert (first.path / "contacts.csv").read_bytes() == old["contacts.csv"]
    # a restore goes through the links too
    log.restore(first.name)
    assert (log_dir / "contacts.csv").is_symlink()
    assert (real / "contacts.csv").read_bytes() == old["contacts.csv"]


def test_temp_files_beside_a_link_target_are_cleaned_after_a_crash(tmp_path):
    real = _make_template(tmp_path / "real")
    log_dir = tmp_path / "log"
    log_dir.mkdir()
    for name in ("contacts.csv", "interactions.csv"):
        (log_dir / name).symlink_to(real / name)
    stray = real / "contacts.csv.tmp-999-1"  # a writer killed before its commit point
    stray.write_bytes(b"half")
    ContactLog.open(log_dir).add_contact(name="Dee Ek", added_on="2026-05-06")
    assert not stray.exists()


@pytest.mark.parametrize("kind", ["bytes", "callable"])
def test_write_atomically_on_a_full_disk_leaves_the_old_file(tmp_path, kind):
    """Calendars, workbooks and report pages: ENOSPC at each step, in turn."""
    from infoint_nb.errors import FileProblemError
    from infoint_nb.store import write_atomically

    new = b"BEGIN:VCALENDAR\r\nnew\r\nEND:VCALENDAR\r\n" * 50
    data = new if kind == "bytes" else (lambda p: Path(p).write_bytes(new))
    k = 0
    while True:
        k += 1
        folder = tmp_path / f"at{k}"
        folder.mkdir()
        target = folder / "due.ics"
        target.write_bytes(b"old calendar")
        with pytest.MonkeyPatch.context() as mp:
            fault = _DiskFullAt(mp, fail_at=k)
            try:
                write_atomically(target, data, doing="write the calendar")
            except FileProblemError as exc:
                assert str(exc).startswith(f"{target}: cannot write the calendar: the disk is "
                                           "full"), str(exc)
                assert target.read_bytes() == b"old calendar"
            else:
                assert fault.count < k or fault.steps[k - 1] == "fsync", fault.steps
                assert target.read_bytes() == new
        assert sorted(p.name for p in folder.iterdir()) == ["due.ics"], fault.steps
        if fault.count < k:
            break
    assert k >= 3


def test_write_atomically_through_a_link_and_not_onto_a_folder(tmp_path):
    from infoint_nb.errors import FileProblemError
    from infoint_nb.store import write_atomically

    (tmp_path / "real").mkdir()
    (tmp_path / "real" / "due.ics").write_bytes(b"old")
    (tmp_path / "due.ics").symlink_to(Path("real") / "due.ics")
    write_atomically(tmp_path / "due.ics", b"new")
    assert (tmp_path / "due.ics").is_symlink()
    assert (tmp_path / "real" / "due.ics").read_bytes() == b"new"
    assert sorted(p.name for p in (tmp_path / "real").iterdir()) == ["due.ics"]
    with pytest.raises(FileProblemError, match="real: cannot write the file: it is a folder"):
        write_atomically(tmp_path / "real", b"x")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["due.ics", "real"]
