"""Address books (``importers/vcard.py``): vCard 3 and 4, lines ending at CRLF/LF only,
linear unfolding."""
from __future__ import annotations

from infoint_nb import importers as IM
from .conftest import FIX, TODAY, counts, person


# --- vCards ---------------------------------------------------------------------------------
def test_vcard_3_and_4(log):
    r = IM.import_vcard(log, FIX / "contacts_v3.vcf", today=TODAY)
    assert counts(r) == (2, 0, 0, 1) and r.skipped_reasons == {"no name (no FN or N)": 1}
    b = person(log, "Dr. Beatriz Ferreira")
    assert b["company"] == "Lumen Bio, Ltd." and b["role"] == "Head of Assay Development"
    assert b["email"] == "beatriz.ferreira@lumen.example" and b["phone"] == "(555) 555-0111"
    assert b["work_address"] == "12 Harbour Road, Unit 4, 03801 Portsmouth, NH, USA"
    assert b["location"] == "Portsmouth, NH" and b["source"] == "personal_network"
    assert b["notes"] == ("Met at the biotech meetup; said to write in June.\n"
                          "Prefers e-mail over calls.")
    assert b["linkedin_url"] == "https://www.linkedin.com/in/beatriz-ferreira-lumen"
    k = person(log, "Kwame Mensah")
    assert k["email"] == "kwame@mensah.example" and k["linkedin_url"] == ""
    assert any("not LinkedIn profiles" in w for w in r.warnings)

    r = IM.import_vcard(log, FIX / "contacts_v4.vcf", today=TODAY)
    assert counts(r) == (2, 0, 0, 1) and r.skipped_reasons == {"not a person (KIND:org)": 1}
    s = person(log, "Sigrún Þórsdóttir")
    assert (s["phone"], s["extension"]) == ("+1-555-555-0113", "204")
    assert s["linkedin_url"] == "https://is.linkedin.com/in/sigrun-thorsdottir"
    assert s["work_address"] == "Laugavegur 1, 101 Reykjavík, Iceland"
    assert person(log, "Camille Dubois")["company"] == "Atelier Dubois"   # from N only
    assert counts(IM.import_vcard(log, FIX / "contacts_v4.vcf")) == (0, 0, 2, 1)
    assert counts(IM.import_vcard(log, FIX / "contacts_v3.vcf")) == (0, 0, 2, 1)


# --- vCard lines end at CRLF/LF only; unfolding is linear --------------------------------
def test_vcard_unicode_line_separator_in_note_injects_no_field(log, tmp_path):
    card = tmp_path / "evil.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Lovelace\r\n"
                    "NOTE:hello\u2028EMAIL:evil@attacker.example\u0085TEL:555\x0cURL:x\r\n"
                    "END:VCARD\r\n", encoding="utf-8")
    r = IM.import_vcard(log, card, today=TODAY)
    assert r.added == 1
    ada = person(log, "Ada Lovelace")
    assert ada["email"] == "" and ada["phone"] == ""
    assert ada["notes"] == "hello\u2028EMAIL:evil@attacker.example\u0085TEL:555\x0cURL:x"


def test_vcard_unfolding_is_linear(log, tmp_path):
    import time
    card = tmp_path / "long.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Long Note\r\nNOTE:start"
                    + "".join("\r\n " + "x" * 74 for _ in range(100_000))
                    + "\r\nEND:VCARD\r\n",
                    encoding="utf-8")
    t0 = time.perf_counter()
    lines = IM._unfold(card.read_text("utf-8"))
    took = time.perf_counter() - t0
    assert took < 1.0, took
    assert lines[3] == (4, "NOTE:start" + "x" * 7_400_000)
    r = IM.import_vcard(log, card, today=TODAY, dry_run=True)
    assert r.added == 1
