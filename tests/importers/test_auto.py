"""``infoint import`` (through ``importers/auto.py``'s :func:`import_file`): each kind of
file from the command line, and mistakes that exit 2."""
from __future__ import annotations

import subprocess

from conftest import infoint_exe
from infoint_nb import ContactLog
from .conftest import FIX


# --- the command line -------------------------------------------------------------------------
def run(*args):
    return subprocess.run([infoint_exe(), *map(str, args)], capture_output=True, text=True,
                          timeout=120)


def test_cli_imports(empty_log_dir):
    d = empty_log_dir
    r = run("import", "linkedin", FIX / "linkedin_connections.csv", "--log", d, "--dry-run")
    assert r.returncode == 0 and "added:        5 people" in r.stdout
    assert "dry run: nothing was written" in r.stdout and "2 × no name" in r.stdout
    assert len(ContactLog.open(d).raw_contacts) == 0
    r = run("import", "linkedin", FIX / "linkedin_connections.csv", "--log", d)
    assert r.returncode == 0 and "saved to" in r.stdout
    r = run("import", "sheet", FIX / "contacts_odd.xlsx", "--log", d, "--sheet", "Old contacts",
            "--map", "Email=-")
    assert r.returncode == 0, r.stderr
    assert "Email      → (ignored)" in r.stdout and "added:        2 people" in r.stdout
    r = run("import", "vcard", FIX / "contacts_v4.vcf", "--log", d)
    assert r.returncode == 0 and "1 × not a person (KIND:org)" in r.stdout
    assert len(ContactLog.open(d).raw_contacts) == 9


def test_cli_import_mistakes_exit_2(empty_log_dir, capsys):
    from infoint_nb.cli import main
    d = empty_log_dir
    r = run("import", "sheet", FIX / "bad_values.csv", "--log", d)
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "bad_values.csv:3: Source: 'linkdin'" in r.stderr
    cases = [
        (["sheet", FIX / "contacts_cp1252.csv", "--map", "Firm=compnay"], "Did you mean 'company'"),
        (["vcard", FIX / "contacts_v4.vcf", "--map", "A=name"], "--map are for `infoint import"),
        (["linkedin", FIX / "missing.csv"], "no such file"),
        (["sheet", FIX / "contacts_odd.xlsx", "--sheet", "Nope"], "no sheet named 'Nope'"),
    ]
    for args, message in cases:
        capsys.readouterr()
        assert main(["import", *map(str, args), "--log", str(d)]) == 2
        assert message in capsys.readouterr().err
    assert len(ContactLog.open(d).raw_contacts) == 0
