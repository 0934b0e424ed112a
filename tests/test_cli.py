"""The `infoint` command through a real subprocess: exit codes and messages."""
from __future__ import annotations

import subprocess

import pandas as pd
import pytest

from conftest import infoint_exe


def run(*args, cwd=None):
    return subprocess.run([infoint_exe(), *map(str, args)], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_init_add_check_restore(tmp_path):
    log = tmp_path / "mine"
    r = run("init", log)
    assert r.returncode == 0 and "created an empty log" in r.stdout
    r = run("init", log)
    assert r.returncode == 2 and "already holds" in r.stderr and "Traceback" not in r.stderr
    r = run("add", "contact", "--log", log, "--name", "Dana Whitfield", "--company",
            "Brightline", "--email", "dana@brightline.example", "--priority", "1",
            "--phone", "0041 44 555 01 23")
    assert r.returncode == 0 and r.stdout.strip() == "C0001"
    r = run("add", "interaction", "--log", log, "--contact-id", "C0001", "--kind", "outreach",
            "--channel", "email", "--date", "2026-05-05T09:30", "--notes", "first, short")
    assert r.returncode == 0 and r.stdout.strip() == "I00001"
    raw = pd.read_csv(log / "interactions.csv", dtype=str, keep_default_na=False)
    assert raw.loc[0, "date"] == "2026-05-05T09:30" and raw.loc[0, "notes"] == "first, short"
    assert pd.read_csv(log / "contacts.csv", dtype=str,
                       keep_default_na=False).loc[0, "phone"] == "0041 44 555 01 23"
    r = run("check", log)
    assert r.returncode == 0 and "1 contact, 1 interaction" in r.stdout
    r = run("restore", log, "--list")
    assert r.returncode == 0
    names = [l.split()[0] for l in r.stdout.splitlines()]
    assert len(names) == 2
    r = run("restore", log, "--from", names[-1])
    assert r.returncode == 0
    assert len(pd.read_csv(log / "interactions.csv", dtype=str)) == 0


def test_user_mistakes_exit_2_without_traceback(tmp_path):
    log = tmp_path / "mine"
    run("init", log)
    run("add", "contact", "--log", log, "--name", "Ann")
    cases = [
        (("add", "interaction", "--log", log, "--contact-id", "C0001", "--kind", "Email"),
         "did you mean"),
        (("add", "interaction", "--log", log, "--contact-id", "C9", "--kind", "outreach"),
         "no contact has contact_id 'C9'"),
        (("add", "contact", "--log", log, "--name", "ann"), "already has the name"),
        (("add", "contact", "--log", log, "--name", "Bo", "--compnay", "X"),
         "did you mean 'company'"),
        (("add", "interaction", "--log", log, "--contact-id", "C0001", "--kind", "outreach",
          "--date", "05/06/2026"), "not an ISO date"),
        (("check", tmp_path / "missing"), "no log folder here"),
        (("restore", log, "--from", "nope"), "no backup named"),
        (("delete", "contact", "C0001", "--log", log), None),
    ]
    run("add", "interaction", "--log", log, "--contact-id", "C0001", "--kind", "outreach")
    for args, fragment in cases:
        r = run(*args)
        assert r.returncode == 2, (args, r.stdout, r.stderr)
        assert "Traceback" not in r.stderr
        if fragment:
            assert fragment in r.stderr, (args, r.stderr)
    r = run("delete", "contact", "C0001", "--log", log)
    assert "--confirm 1" in r.stderr
    r = run("delete", "contact", "C0001", "--log", log, "--confirm", "1")
    assert r.returncode == 0 and "1 interaction" in r.stdout
    r = run("add", "contact", "--log", log, "--name", "ann", "--different-person")
    assert r.returncode == 0


def test_check_sample_is_clean():
    r = run("check", "data/sample", cwd=str(__import__("conftest").ROOT))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "ok" in r.stdout


def test_usage_errors_exit_2():
    assert run("stats").returncode == 2
    assert run("nonsense").returncode == 2
    assert run("--help").returncode == 0
