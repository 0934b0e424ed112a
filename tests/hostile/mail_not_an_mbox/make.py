"""A PDF renamed to .mbox."""
from pathlib import Path

Path("inbox.mbox").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
