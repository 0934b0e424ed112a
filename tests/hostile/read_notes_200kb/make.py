"""Write a small log into ./log, then damage it (see case.json's "about")."""
from pathlib import Path

from _small_log import CONTACTS, INTERACTIONS

log = Path("log")
log.mkdir(exist_ok=True)
# a pasted e-mail thread: 200 KB of text with commas, quotes and blank lines, and one
# plain cell over Python csv's 128 KiB field limit
thread = ('> On Monday, Priya wrote: "sure, happy to help"\n\n' * 4200)[:200_000]
(log / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
rows = INTERACTIONS + 'I00004,C0001,2026-06-05,email,note,"' + thread.replace('"', '""') + '"\n'
rows += "I00005,C0002,2026-06-06,email,note," + "x" * (128 * 1024 + 10) + "\n"
(log / "interactions.csv").write_text(rows, encoding="utf-8")
