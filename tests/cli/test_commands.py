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
        (("restore", tmp_path / "missing", "--list"), "no log folder here"),
        (("restore", log / "contacts.csv", "--list"), "is a file, not a folder"),
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


# --- paths, permissions and full disks (issue 9) -------------------------------------
import errno  # noqa: E402
import os  # noqa: E402
import shutil  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
from pathlib import Path  # noqa: E402

from conftest import ROOT  # noqa: E402


def _no_traceback(r):
    import re
    assert "Traceback" not in r.stderr, r.stderr
    assert not re.search(r"^\w*(Error|Exception)\b", r.stderr, re.M), r.stderr  # no bare repr
    assert len(r.stderr.strip().splitlines()) == 1, r.stderr  # one clear line
    assert r.stderr.startswith("infoint "), r.stderr


def test_due_ics_at_a_folder_or_a_missing_folder_exits_2(tmp_path):
    log = tmp_path / "log"
    run("init", log)
    (tmp_path / "cal").mkdir()
    r = run("due", "--log", log, "--ics", tmp_path / "cal")
    assert r.returncode == 2, r.stderr
    _no_traceback(r)
    assert f"{tmp_path / 'cal'}: is a folder; give a file name for the calendar, e.g. " \
           f"{tmp_path / 'cal' / 'followups.ics'}" in r.stderr
    assert list((tmp_path / "cal").iterdir()) == []  # no temp file left in it
    r = run("due", "--log", log, "--ics", tmp_path / "nope" / "due.ics")
    assert r.returncode == 2 and "the folder" in r.stderr and "does not exist" in r.stderr
    _no_traceback(r)
    (tmp_path / "notes.txt").write_text("x")
    r = run("due", "--log", log, "--ics", tmp_path / "notes.txt" / "due.ics")
    assert r.returncode == 2 and "is a file, not a folder" in r.stderr, r.stderr
    _no_traceback(r)


def test_init_on_a_file_says_it_is_a_file(tmp_path):
    f = tmp_path / "notes.txt"
    f.write_text("mine")
    r = run("init", f)
    assert r.returncode == 2, r.stderr
    _no_traceback(r)
    assert f"{f}: is a file, not a folder" in r.stderr
    assert f"`infoint init {tmp_path / 'notes'}`" in r.stderr
    assert f.read_text() == "mine"
    r = run("init", f / "log")
    assert r.returncode == 2 and f"{f} is a file, not a folder" in r.stderr, r.stderr
    _no_traceback(r)


def test_log_at_a_file_suggests_a_folder_that_works(tmp_path):
    log = tmp_path / "log"
    run("init", log)
    r = run("stats", "--log", log / "contacts.csv", "--by", "company")
    assert r.returncode == 2
    _no_traceback(r)
    assert "is a file, not a folder" in r.stderr and f"give the folder it is in: {log}" \
        in r.stderr
    assert "infoint init" not in r.stderr  # the old advice, which then crashed
    f = tmp_path / "campaign.txt"
    f.write_text("x")
    r = run("due", "--log", f)
    assert r.returncode == 2
    _no_traceback(r)
    suggested = r.stderr.split("`infoint init ")[1].split("`")[0]
    assert suggested == str(tmp_path / "campaign")
    r = run("init", suggested)  # the advice works
    assert r.returncode == 0, r.stderr


def test_a_symlinked_log_file_stays_a_link(tmp_path):
    real = tmp_path / "synced"
    run("init", real)
    log = tmp_path / "log"
    log.mkdir()
    for name in ("contacts.csv", "interactions.csv"):
        (log / name).symlink_to(Path("..") / "synced" / name)
    r = run("add", "contact", "--log", log, "--name", "Dana Whitfield")
    assert r.returncode == 0, r.stderr
    assert (log / "contacts.csv").is_symlink()
    assert "Dana Whitfield" in (real / "contacts.csv").read_text("utf-8")


# a folder the unprivileged user can reach: pytest's own tmp root is 0700
@pytest.fixture
def open_tmp():
    folder = Path(tempfile.mkdtemp(prefix="infoint-perm-"))
    folder.chmod(0o755)
    yield folder
    for p in [folder, *folder.rglob("*")]:
        if p.is_dir() and not p.is_symlink():
            p.chmod(0o755)
    shutil.rmtree(folder)


def run_unprivileged(*args, cwd):
    """``infoint`` as a user that chmod binds: root ignores permissions, so as root the
    command runs as ``nobody`` through util-linux's setpriv."""
    cmd = [sys.executable, "-m", "infoint_nb.cli", *map(str, args)]
    if os.geteuid() == 0:
        assert shutil.which("setpriv"), "setpriv (util-linux) is needed to test permissions"
        cmd = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", *cmd]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MPLBACKEND": "Agg",
           "HOME": str(cwd), "MPLCONFIGDIR": str(cwd / ".mpl")}
    return subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, env=env, timeout=300)


def _snapshot(folder: Path) -> dict:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.name != ".lock"}


def test_permission_problems_exit_2_with_the_path(open_tmp):
    probe = run_unprivileged("--help", cwd=open_tmp)
    assert probe.returncode == 0, ("the unprivileged user cannot run the package: make the "
                                   f"checkout and its venv world-readable\n{probe.stderr}")
    base = open_tmp
    run("init", base / "log")
    run("add", "contact", "--log", base / "log", "--name", "Ann Lee", "--company", "Cobalt")
    for name in ("ro", "unreadable", "rw"):
        shutil.copytree(base / "log", base / name)
    for p in [base / "rw", *(base / "rw").rglob("*")]:
        p.chmod(0o777 if p.is_dir() else 0o666)
    (base / "ro").chmod(0o555)
    (base / "unreadable" / "contacts.csv").chmod(0o000)
    (base / "closed").mkdir(mode=0o700)  # root's, so nobody may not even look inside
    (base / "out").mkdir()
    (base / "out").chmod(0o555)
    (base / "Connections.csv").write_text("First Name,Last Name,Company\nAnn,Lee,Cobalt\n")
    (base / "Connections.csv").chmod(0o000)
    before = {name: _snapshot(base / name) for name in ("ro", "unreadable", "rw")}
    cases = [
        (("add", "contact", "--log", "ro", "--name", "Bo"), "ro: cannot save a change here",
         "permission denied"),
        (("check", "unreadable"), "unreadable/contacts.csv: cannot read the log",
         "permission denied"),
        (("stats", "--log", "closed", "--by", "company"), "closed", "permission denied"),
        (("import", "linkedin", "Connections.csv", "--log", "rw"), "Connections.csv",
         "permission denied"),
        (("due", "--log", "rw", "--ics", "out/due.ics"),
         "out/due.ics: cannot write the calendar", "permission denied"),
        (("export", "xlsx", "--log", "rw", "--out", "out/log.xlsx"), "out/log.xlsx",
         "permission denied"),
        (("init", "out/new"), "out/new: cannot create the log folder", "permission denied"),
        (("report", "--log", "rw", "--out", "out/report", "--no-html"), "out/report",
         "permission denied"),
    ]
    for args, where, what in cases:
        r = run_unprivileged(*args, cwd=base)
        shown = f"{args}: exit {r.returncode}\n{r.stderr}"
        assert r.returncode == 2, shown
        _no_traceback(r)
        assert where in r.stderr and what in r.stderr and "check its permissions" in r.stderr, \
            shown
    # a read-only log still reads; nothing changed anywhere; nothing was left in out/
    r = run_unprivileged("check", "ro", cwd=base)
    assert r.returncode == 0 and "1 contact" in r.stdout, r.stderr
    assert {name: _snapshot(base / name) for name in before} == before
    assert list((base / "out").iterdir()) == []


@pytest.fixture
def small_disk(tmp_path):
    """A real 256 KiB file system (tmpfs) where the kernel mounts one for us (root in a
    container that allows it); otherwise ENOSPC from every fsync of the subprocess (the
    closest stand-in: it is where a full disk surfaces on network file systems)."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mnt)],
                             capture_output=True).returncode == 0 if os.geteuid() == 0 else False
    yield mnt, mounted
    if mounted:
        subprocess.run(["umount", str(mnt)], check=True)


def test_a_full_disk_exits_2_and_changes_nothing(small_disk):
    mnt, mounted = small_disk
    log = mnt / "log"
    run("init", log)
    notes = "n" * 60_000  # one big row: a save needs ~60 KB of new space for its temp file
    r = run("add", "contact", "--log", log, "--name", "Ann Lee", "--notes", notes)
    assert r.returncode == 0, r.stderr
    if mounted:
        filler = mnt / "filler"
        with open(filler, "wb", buffering=0) as fh:  # fill the disk up to its last 16 KiB
            try:
                while True:
                    fh.write(b"\0" * 4096)
            except OSError as exc:
                assert exc.errno == errno.ENOSPC
        os.truncate(filler, max(0, filler.stat().st_size - 16384))
        prefix = []
    else:  # every fsync fails as on a full disk
        prefix = [sys.executable, "-c", "import errno, os, sys\n"
                  "def full(fd): raise OSError(errno.ENOSPC, 'No space left on device')\n"
                  "os.fsync = full\n"
                  "from infoint_nb.cli import main\nsys.exit(main(sys.argv[1:]))"]
    before = _snapshot(log)
    cmd = prefix or [infoint_exe()]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    r = subprocess.run([*cmd, "add", "contact", "--log", str(log), "--name", "Bo Chen",
                        "--notes", notes], capture_output=True, text=True, env=env, timeout=120)
    assert r.returncode == 2, r.stderr
    _no_traceback(r)
    assert "the disk is full" in r.stderr and str(log) in r.stderr, r.stderr
    assert "nothing was changed" in r.stderr
    assert _snapshot(log) == before  # byte-identical, no new backup
    assert not [p for p in log.rglob("*") if ".tmp-" in p.name or p.name.endswith(".partial")]
    r = subprocess.run([*cmd, "due", "--log", str(log), "--ics", str(mnt / "due.ics")],
                       capture_output=True, text=True, env=env, timeout=120)
    if mounted:  # a small calendar may still fit on the last 16 KiB
        assert r.returncode in (0, 2), r.stderr
    else:
        assert r.returncode == 2 and "cannot write the calendar: the disk is full" in r.stderr
    _no_traceback(r)
    assert not list(mnt.glob(".due.ics.part-*"))
    assert run("check", log).returncode == 0


def test_every_option_and_argument_has_a_help_line_and_version():
    import argparse

    from infoint_nb import __version__
    from infoint_nb.cli import build_parser, main

    parser = build_parser()
    missing = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                missing += [(name, a.dest) for a in sub._actions if not a.help]
                assert action._choices_actions, "subcommands are listed with a description"
    assert missing == []
    out = subprocess.run([infoint_exe(), "--version"], capture_output=True, text=True)
    assert out.returncode == 0 and out.stdout.strip() == f"infoint {__version__}"
    assert main(["-h"]) == 0


def test_main_help_lists_every_command_with_its_description(capsys):
    from infoint_nb.cli import build_parser, main

    assert main(["-h"]) == 0
    out = capsys.readouterr().out
    sub = next(a for a in build_parser()._actions if a.dest == "command")
    for choice in sub._choices_actions:
        assert choice.dest in out and choice.help and choice.help.split()[0] in out


def test_report_help_lists_the_template_parameters_without_loading_papermill(tmp_path):
    from infoint_nb.reports import read_template_parameters

    code = ("import sys\nfrom infoint_nb import cli\n"
            "try:\n    cli.main(['report', '--help'])\nexcept SystemExit:\n    pass\n"
            "print('PAPERMILL', 'papermill' in sys.modules)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    params = read_template_parameters()
    assert params, "the template has parameters"
    for name, default in params.items():
        assert any(line.split()[:3] == [name, "default:", repr(default).split()[0]]
                   for line in lines), (name, default)
    assert lines[-1] == "PAPERMILL False"


@pytest.mark.parametrize("argv, status", [
    (["stats", "--by", "company", "--log", "data/sample", "--csv"], 0),
    (["due", "--log", "data/sample", "--csv"], 0),
    (["check", "no-such-folder"], 2),
])
def test_quick_exit_commands_print_everything_and_keep_their_status(argv, status):
    """`check`, `stats` and `due` end with os._exit: the piped (block-buffered) output
    must still be complete and the status the one main() returns."""
    code = ("import sys; from infoint_nb import cli; "
            "sys.argv = ['infoint', *sys.argv[1:]]; cli.console()")
    ours = subprocess.run([sys.executable, "-c", code, *argv], capture_output=True,
                          text=True, cwd=ROOT, timeout=120)
    plain = subprocess.run([sys.executable, "-c", "import sys; from infoint_nb import cli; "
                            "sys.exit(cli.main(sys.argv[1:]))", *argv],
                           capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert ours.returncode == plain.returncode == status
    assert ours.stdout == plain.stdout and ours.stderr == plain.stderr
    assert len(ours.stdout) > 200 or status
