"""Fuzz the read path: damaged copies of the sample log either load or are refused with
the package's own error, and opening never changes a byte.

The damage is seeded, so a failure names a copy that can be rebuilt: ``damaged_logs()``
gives ``(label, contacts bytes, interactions bytes)``. Run this file as a script to
print the counts (loaded / refused / crashed) for whichever ``infoint_nb`` is first on
``PYTHONPATH``::

    PYTHONPATH=$PWD .venv/bin/python tests/test_fuzz.py
"""
from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "data" / "sample"
SEED = 20260511
COPIES = 330
BIG_FIELD = 200 * 1024          # a pasted e-mail thread
OVER_CSV_LIMIT = 128 * 1024 + 1  # Python's csv module refuses fields longer than 128 KiB


def _lines(data: bytes) -> list[bytes]:
    return data.splitlines(keepends=True)


def _truncate(rng, data):
    return data[:rng.randrange(0, len(data) + 1)]


def _flip_bytes(rng, data):
    b = bytearray(data)
    for _ in range(rng.randint(1, 12)):
        b[rng.randrange(len(b))] = rng.randrange(256)
    return bytes(b)


def _drop_lines(rng, data):
    lines = _lines(data)
    for _ in range(rng.randint(1, 4)):
        if lines:
            del lines[rng.randrange(len(lines))]
    return b"".join(lines)


def _double_lines(rng, data):
    lines = _lines(data)
    for _ in range(rng.randint(1, 4)):
        k = rng.randrange(len(lines))
        lines.insert(k, lines[k])
    return b"".join(lines)


def _shuffle_header(rng, data):
    lines = _lines(data)
    bom = lines[0].startswith(b"\xef\xbb\xbf")
    head = lines[0][3:] if bom else lines[0]
    end = b"\r\n" if head.endswith(b"\r\n") else b"\n"
    cells = head.rstrip(b"\r\n").split(b",")
    rng.shuffle(cells)
    lines[0] = (b"\xef\xbb\xbf" if bom else b"") + b",".join(cells) + end
    return b"".join(lines)


def _utf16(rng, data):
    # (errors="replace": the copy may already carry another damage)
    text = data.decode("utf-8-sig", errors="replace")
    return text.encode(rng.choice(["utf-16", "utf-16-le", "utf-16-be"]))


def _latin1(rng, data):
    text = data.decode("utf-8-sig", errors="replace")
    text = text.replace("Raman", "Ramán").replace("Feld", "FélD")  # make sure it differs
    return text.encode("latin-1", errors="replace")


def _junk(rng, data):
    junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 4096)))
    where = rng.choice(["start", "end", "middle", "all"])
    if where == "all":
        return junk
    if where == "start":
        return junk + data
    if where == "end":
        return data + junk
    k = rng.randrange(len(data))
    return data[:k] + junk + data[k:]


def _long_field(size):
    def damage(rng, data):
        lines = _lines(data)
        k = rng.randrange(1, len(lines))
        body = "".join(rng.choice("abc ,\n\"") for _ in range(64)).encode()
        filler = (body * (size // len(body) + 1))[:size]
        quoted = rng.random() < 0.7
        if quoted:
            cell = b'"' + filler.replace(b'"', b'""') + b'"'
        else:  # a bare long cell, no commas, quotes or newlines in it
            cell = b"x" * size
        line = lines[k].rstrip(b"\r\n")
        end = lines[k][len(line):]
        lines[k] = line + b"," + cell + end if rng.random() < 0.3 else _replace_last(line, cell) + end
        return b"".join(lines)
    return damage


def _replace_last(line: bytes, cell: bytes) -> bytes:
    """Put ``cell`` in place of the line's last field (notes, in both files)."""
    if line.endswith(b'"'):
        start = line.rfind(b',"')
        if start >= 0:
            return line[:start + 1] + cell
    k = line.rfind(b",")
    return line[:k + 1] + cell


def _bare_cr(rng, data):
    b = bytearray(data)
    for _ in range(rng.randint(1, 5)):
        k = rng.randrange(1, len(b))
        b[k:k] = b"\r"
    return bytes(b)


def _stray_quote(rng, data):
    lines = _lines(data)
    for _ in range(rng.randint(1, 3)):
        k = rng.randrange(1, len(lines))
        line = lines[k]
        at = rng.randrange(len(line))
        lines[k] = line[:at] + b'"' + line[at:]
    return b"".join(lines)


def _crlf(rng, data):
    return data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")


def _empty(rng, data):
    return rng.choice([b"", b"\xef\xbb\xbf", b"\n\n", b" \r\n"])


DAMAGES = {
    "truncated": _truncate, "bytes flipped": _flip_bytes, "lines dropped": _drop_lines,
    "lines doubled": _double_lines, "header shuffled": _shuffle_header, "UTF-16": _utf16,
    "Latin-1": _latin1, "binary junk": _junk, "200 KB field": _long_field(BIG_FIELD),
    "field over 128 KiB": _long_field(OVER_CSV_LIMIT), "bare CR": _bare_cr,
    "stray quote": _stray_quote, "CRLF": _crlf, "empty": _empty,
}


def damaged_logs(seed: int = SEED, copies: int = COPIES):
    """``copies`` damaged versions of the sample log: ``(label, contacts, interactions)``."""
    rng = random.Random(seed)
    contacts = (SAMPLE / "contacts.csv").read_bytes()
    interactions = (SAMPLE / "interactions.csv").read_bytes()
    names = list(DAMAGES)
    for n in range(copies):
        damage = names[n % len(names)]  # every kind of damage, evenly
        c, i = contacts, interactions
        which = rng.choice(["contacts", "interactions", "both"])
        if which in ("contacts", "both"):
            c = DAMAGES[damage](rng, c)
        if which in ("interactions", "both"):
            i = DAMAGES[damage](rng, i)
        if rng.random() < 0.15:  # now and then a second kind of damage on top
            extra = rng.choice(names)
            c = DAMAGES[extra](rng, c) if c else c
            damage += " + " + extra
        yield f"#{n} {damage} ({which})", c, i


def _write(folder: Path, c: bytes, i: bytes) -> dict[str, str]:
    folder.mkdir(parents=True)
    (folder / "contacts.csv").write_bytes(c)
    (folder / "interactions.csv").write_bytes(i)
    return _digest(folder)


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file() and p.name != ".lock"}


def open_all(root: Path, seed: int = SEED, copies: int = COPIES):
    """Open every damaged copy under ``root``; return counts and what went wrong where."""
    from infoint_nb import ContactLog
    from infoint_nb.errors import InfointError

    counts = {"loaded": 0, "refused": 0, "crashed": 0}
    crashes, changed = [], []
    for k, (label, c, i) in enumerate(damaged_logs(seed, copies)):
        folder = root / f"log{k:03d}"
        before = _write(folder, c, i)
        try:
            log = ContactLog.open(folder)
            log.contacts, log.interactions  # the typed frames are part of loading
        except InfointError:
            counts["refused"] += 1
        except Exception as exc:  # noqa: BLE001 - counting is the point
            counts["crashed"] += 1
            crashes.append(f"{label}: {type(exc).__name__}: {str(exc)[:200]}")
        else:
            counts["loaded"] += 1
        if _digest(folder) != before:
            changed.append(label)
    return counts, crashes, changed


# --- the tests ----------------------------------------------------------------------
def test_every_damaged_copy_loads_or_is_refused(tmp_path):
    counts, crashes, changed = open_all(tmp_path)
    assert sum(counts.values()) == COPIES >= 300
    assert not crashes, "\n".join(crashes)
    assert not changed, f"opening changed files: {changed}"
    # the damage is real: most copies are refused, and some survive it (CRLF, long notes)
    assert counts["refused"] > COPIES // 3, counts
    assert counts["loaded"] > 20, counts


def test_the_damage_covers_what_the_issue_lists():
    labels = " ".join(label for label, _, _ in damaged_logs())
    for damage in DAMAGES:
        assert f" {damage} (" in labels, damage
    over = [c + i for label, c, i in damaged_logs() if "over 128 KiB" in label]
    assert over and all(len(x) > OVER_CSV_LIMIT for x in over)


def test_the_fast_reader_agrees_with_the_careful_one():
    """Where Arrow reads a copy, the careful record-by-record parser reads the same text."""
    from infoint_nb import store

    compared = 0
    for label, c, i in damaged_logs():
        for data in (c, i):
            data = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
            try:
                text = data.decode("utf-8")
            except UnicodeDecodeError:
                continue
            if not data.strip() or not store._well_formed(data):
                continue
            header, problem, end = next(store._records(text))
            if problem is not None:
                continue
            fast = store._read_arrow(data, header, len(text[:end].encode()))
            if fast is None:
                continue
            careful, problems = store._read_careful(text, header, "x.csv")
            assert not problems, (label, problems[:3])
            assert fast.shape == careful.shape, label
            for k in range(fast.shape[1]):
                assert fast.iloc[:, k].tolist() == careful.iloc[:, k].tolist(), (label, k)
            compared += 1
    assert compared > 50


def test_a_long_notes_cell_survives_a_save(tmp_path):
    from infoint_nb import ContactLog

    log = ContactLog.init(tmp_path / "log")
    thread = ('> On Monday, Priya wrote: "sure, happy to help"\n\n' * 5000)[:OVER_CSV_LIMIT + 7]
    cid = log.add_contact(name="Priya Raman", company="Brightline", notes=thread)
    log.add_interaction(cid, "outreach", "2026-06-01", channel="email")
    again = ContactLog.open(log.folder)
    assert again.contacts.loc[0, "notes"] == thread
    assert len(again.interactions) == 1


def test_malformed_rows_are_problems_naming_row_and_column(tmp_path):
    from infoint_nb import ContactLog
    from infoint_nb.errors import LogValidationError

    folder = tmp_path / "log"
    ContactLog.init(folder)
    header = (SAMPLE / "contacts.csv").read_bytes().splitlines()[0]
    rows = [b"C0001,Ann Lee,Acme" + b"," * 14 + b"2026-06-01,ok",
            b'C0002,Bo "B" Chan,Acme' + b"," * 14 + b"2026-06-01,",
            b"C0003,Cy\rDee,Acme" + b"," * 14 + b"2026-06-01,",
            b'C0004,Di Eve,"Acme" Inc' + b"," * 14 + b"2026-06-01,",
            b"C0005,Ed Fox,Acme" + b"," * 14 + b'2026-06-01,"never closed']
    (folder / "contacts.csv").write_bytes(header + b"\n" + b"\n".join(rows) + b"\n")
    try:
        ContactLog.open(folder)
    except LogValidationError as exc:
        got = [(p.row, p.column, p.message.split(";")[0]) for p in exc.problems]
    else:
        raise AssertionError("the malformed rows were not reported")
    assert got == [
        (3, "name", 'a double quote (") in the middle of a value that does not start with one'),
        (4, "name", "a carriage return (CR) on its own inside a value that is not in double "
                    "quotes (often pasted from another program)"),
        (5, "company", "text follows the closing double quote of a value"),
        (6, "notes", "a double quote opens a value here that is never closed, so the rest of "
                     "the file would be one value"),
    ]


def test_check_on_damaged_copies_exits_0_or_2_without_a_traceback(tmp_path):
    from conftest import infoint_exe

    wanted = ["field over 128 KiB", "bare CR", "stray quote", "UTF-16", "binary junk",
              "200 KB field"]
    seen = set()
    for k, (label, c, i) in enumerate(damaged_logs()):
        damage = label.split(" ", 1)[1].split(" (")[0]
        if damage not in wanted or damage in seen:
            continue
        seen.add(damage)
        folder = tmp_path / f"log{k:03d}"
        before = _write(folder, c, i)
        out = subprocess.run([infoint_exe(), "check", str(folder)], capture_output=True,
                             text=True, timeout=120)
        shown = f"{label}: exit {out.returncode}\n{out.stdout[-2000:]}\n{out.stderr[-2000:]}"
        assert out.returncode in (0, 2), shown
        assert "Traceback" not in out.stderr, shown
        assert (out.stdout if out.returncode == 0 else out.stderr).strip(), shown
        assert _digest(folder) == before, label
    assert seen == set(wanted)


if __name__ == "__main__":  # counts for the closing note (see the module docstring)
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        counts, crashes, changed = open_all(Path(tmp))
    print(f"{COPIES} damaged copies (seed {SEED}): " +
          ", ".join(f"{k} {v}" for k, v in counts.items()) + f"; files changed {len(changed)}")
    for line in crashes:
        print("  crash:", line)
    sys.exit(1 if crashes or changed else 0)
