from pathlib import Path
Path("people.csv").write_bytes(b"Name,Company,Notes\nAda,Acme,fine\nBo,Initech,bad\x00byte\n")
