"""Matching and merging (``importers/merging.py``): repeated rows merge, empty cells
never erase, people matched across sources, one backed-up change per import."""
from __future__ import annotations

from infoint_nb import importers as IM
from .conftest import FIX, TODAY, counts, person


def test_repeated_rows_merge_and_empty_cells_never_erase(log, tmp_path):
    cid = log.add_contact(name="Dana Whitfield", company="Brightline",
                          email="Dana@Brightline.example", phone="555-0199")
    sheet = tmp_path / "tracker.csv"
    sheet.write_text("Name,Company,Email,Phone,Title,Date Emailed,Date Called\n"
                     "Dana W.,Other,dana@brightline.example,,Analyst,2026-03-01,\n"
                     "Dana W.,Other,dana@brightline.example,,Analyst,,2026-03-09\n"
                     "Eli Park,Kiteboard,,,Engineer,2026-03-02; 2026-03-16,\n", encoding="utf-8")
    r = IM.import_sheet(log, sheet, today=TODAY)
    assert counts(r) == (1, 1, 0, 0) and r.interactions_added == 4
    assert any("same person as row 2" in w for w in r.warnings)
    dana = person(log, "Dana W.")                       # matched by e-mail, any case
    assert dana["contact_id"] == cid and dana["phone"] == "555-0199"   # empty cell kept it
    assert dana["email"] == "Dana@Brightline.example" and dana["role"] == "Analyst"
    eli = person(log, "Eli Park")
    assert sorted(log.raw_interactions.query(f"contact_id == '{eli['contact_id']}'")["date"]) \
        == ["2026-03-02", "2026-03-16"]
    assert counts(IM.import_sheet(log, sheet)) == (0, 0, 2, 0)


def test_two_linkedin_profiles_are_two_people(log, tmp_path):
    log.add_contact(name="Sam Lee", company="Acme",
                    linkedin_url="https://www.linkedin.com/in/sam-lee-1")
    sheet = tmp_path / "s.csv"
    sheet.write_text("Name,Company,LinkedIn\nSam Lee,Acme,linkedin.com/in/sam-lee-2\n"
                     "Sam Lee,Acme,\nsam  LEE,acme,\n", encoding="utf-8")
    r = IM.import_sheet(log, sheet)
    # row 2: another profile → a new person; rows 3–4: name + company (case-folded) match
    # the first Sam, and row 4's spelling is what the file says now
    assert counts(r) == (1, 1, 0, 0) and len(log.raw_contacts) == 2
    assert r.changes == ["C0001 Sam Lee: name 'Sam Lee' → 'sam  LEE', company 'Acme' → 'acme'"]


def test_vcard_updates_a_person_known_from_linkedin(log):
    IM.import_linkedin(log, FIX / "linkedin_connections.csv")
    vcf = log.folder.parent / "jose.vcf"
    vcf.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:José Müller-Ibáñez\n"
                   "EMAIL:JOSE.MULLER@brightline.example\nTEL;TYPE=CELL:555-0120\nEND:VCARD\n",
                   encoding="utf-8")
    r = IM.import_vcard(log, vcf)
    assert counts(r) == (0, 1, 0, 0) and "phone '' → '555-0120'" in r.changes[0]
    assert person(log, "José Müller-Ibáñez")["source"] == "linkedin"   # how they came in


def test_each_import_is_one_backed_up_change(log):
    n = len(log.backups())
    IM.import_sheet(log, FIX / "contacts_cp1252.csv")
    assert len(log.backups()) == n + 1
