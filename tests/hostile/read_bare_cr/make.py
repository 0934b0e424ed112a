"""Write a small log into ./log, then damage it (see case.json's "about")."""
from pathlib import Path

from _small_log import CONTACTS, INTERACTIONS

log = Path("log")
log.mkdir(exist_ok=True)
# a bare CR (no LF after it) pasted into an unquoted name and an unquoted note
(log / "contacts.csv").write_text(CONTACTS.replace("Jonah Feld", "Jonah\rFeld"), encoding="utf-8")
(log / "interactions.csv").write_bytes(
    INTERACTIONS.replace("Asked for 20", "Asked\rfor 20").encode("utf-8"))
