"""Write a small log into ./log, then damage it (see case.json's "about")."""
from pathlib import Path

from _small_log import CONTACTS, INTERACTIONS

log = Path("log")
log.mkdir(exist_ok=True)
# a nickname in quotes inside an unquoted name; a note with text after its closing quote
(log / "contacts.csv").write_text(CONTACTS.replace("Jonah Feld", 'Jonah "JF" Feld'), encoding="utf-8")
(log / "interactions.csv").write_text(
    INTERACTIONS.replace('"Yes, next week."', '"Yes" next week'), encoding="utf-8")
