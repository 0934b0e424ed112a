"""Write a small log into ./log, then damage it (see case.json's "about")."""
from pathlib import Path

from _small_log import CONTACTS, INTERACTIONS

log = Path("log")
log.mkdir(exist_ok=True)
# a 200 KB pasted thread in one row and a row with a value missing further down: the
# careful reader (used for ragged files) must not stop at Python csv's 128 KiB limit
thread = "Forwarded thread: " + "z" * (200 * 1024)
(log / "contacts.csv").write_text(
    CONTACTS.replace("Same program as me.", thread)
    + "C0004,Ann Lee,Acme,Engineer,,,,,,,,linkedin,,,,,2026-06-09\n", encoding="utf-8")
(log / "interactions.csv").write_text(INTERACTIONS, encoding="utf-8")
