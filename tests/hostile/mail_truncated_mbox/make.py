"""A Gmail Takeout mbox whose download stopped in the middle of the second message's header."""
from pathlib import Path

whole = (b"From 1788@xxx Mon May 04 12:00:00 +0000 2026\n"
         b"From: Alex Doe <alex.doe@mail.example>\nTo: dana.whitfield@brightline.example\n"
         b"Date: Mon, 04 May 2026 12:00:00 +0000\nSubject: Informational interview\n"
         b"Message-ID: <m1@mail.example>\n\nDear Dana, ...\n\n"
         b"From 1789@xxx Wed May 06 12:00:00 +0000 2026\n"
         b"From: Dana Whitfield <dana.whitfield@brightline.example>\nTo: alex.doe@mail.example\n"
         b"Date: Wed, 06 May 2026 12:00:00 +0000\nSubject: Re: Informational interview\n")
Path("All mail Including Spam and Trash.mbox").write_bytes(whole[:whole.rindex(b"Subject") + 12])
