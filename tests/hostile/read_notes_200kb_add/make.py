"""Write a small log into ./log, then damage it (see case.json's "about")."""
from pathlib import Path

from _small_log import CONTACTS, INTERACTIONS

log = Path("log")
log.mkdir(exist_ok=True)
# notes over Python csv's 128 KiB field limit, in contacts.csv: adding to the log still works
big = "Thread pasted from mail: " + "y" * (200 * 1024)
(log / "contacts.csv").write_text(CONTACTS.replace("A helper.", big), encoding="utf-8")
(log / "interactions.csv").write_text(INTERACTIONS, encoding="utf-8")
