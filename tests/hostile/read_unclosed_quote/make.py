"""Write a small log into ./log, then damage it (see case.json's "about")."""
from pathlib import Path

from _small_log import CONTACTS, INTERACTIONS

log = Path("log")
log.mkdir(exist_ok=True)
# a quote opened in the last row's notes and never closed (a file cut short)
(log / "contacts.csv").write_text(CONTACTS, encoding="utf-8")
(log / "interactions.csv").write_text(INTERACTIONS + 'I00004,C0002,2026-06-05,phone,note,"Left a',
                                      encoding="utf-8")
Path("Connections.csv").write_text(
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
    "Ann,Lee,https://www.linkedin.com/in/ann-lee-example,,Acme,Engineer,05 May 2026\n",
    encoding="utf-8")
