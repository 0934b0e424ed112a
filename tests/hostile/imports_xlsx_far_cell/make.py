from openpyxl import Workbook
from openpyxl.styles import Font
wb = Workbook()
ws = wb.active
ws.append(["Name", "Company"])
ws.append(["Ada", "Acme"])
for r in range(1, 3000):
    ws.cell(row=r, column=16384).font = Font(bold=True)
ws["XFD1"] = "stray"
wb.save("far.xlsx")
