from pathlib import Path
Path("people.csv").write_bytes("Name,Company\nZoë Ångström,Brightline\n".encode("utf-8") + "Renée Café,Crème\n".encode("cp1252"))
