from pathlib import Path
Path("Connections.csv").write_text("First Name,Last Name,URL,Email Address,Company,Position,Connected On\n" + "Ada,Lovelace,,,\"" + "x" * 200_000 + "\",Analyst,08 Feb 2023\n", encoding="utf-8")
