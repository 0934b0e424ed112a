"""messages.csv re-saved by a spreadsheet program in Windows-1252."""
from pathlib import Path

text = ("CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,DATE,SUBJECT,CONTENT,FOLDER\n"
        "2-abc,Caf\u00e9?,Dana Whitfield,https://www.linkedin.com/in/dana-whitfield-example,Alex Doe,"
        "2026-05-06 12:00:00 UTC,,Happy to meet \u2013 caf\u00e9 at 10?,INBOX\n")
Path("messages.csv").write_bytes(text.encode("cp1252"))
