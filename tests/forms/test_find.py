"""Notebook 02's forms (``forms/find.py``): search plan, network ask, adding a contact."""
from __future__ import annotations

from infoint_nb import ContactLog
from infoint_nb import planning as P
from infoint_nb import schema as S
from infoint_nb.forms import AddContactForm, NetworkAskForm, SearchPlanForm
from .conftest import _csv, _fill, _plan


# --- search plan and network ask -----------------------------------------------------
def test_search_plan_form(sample):
    form = SearchPlanForm(sample)
    counts = P.count_contacts_by_channel(sample.contacts[S.SOURCE])
    assert f"LinkedIn: {counts['linkedin']}" in form.counts.value
    _fill(form, company_sites="", linkedin="", alumni="", associations="", everyone="")
    assert 'data-check="channels"' in form.live.value
    result = form.submit()
    assert result.saved and result.level == "warning"
    form.controls["linkedin"].value = "Search research ops in Chicago"
    form.controls["everyone"].value = "Ask my old colleagues"
    form.controls["per_week"].value = 8
    result = form.submit()
    assert result.level == "ok"
    saved = _plan(sample.folder)["search_plan"]
    assert saved["linkedin"] == "Search research ops in Chicago" and saved["per_week"] == 8


def test_network_ask_form_preview_and_checks(empty):
    form = NetworkAskForm(empty)
    _fill(form, role="data analyst", field="public health", place="Chicago")
    assert form.preview.value.startswith("Do you know anyone who works as a data analyst in "
                                         "public health in or around Chicago?")
    assert form.preview.disabled
    result = form.submit()
    assert result.level == "ok"
    assert _plan(empty.folder)["network_ask"]["text"] == form.preview.value
    form.controls["reason"].value = "I need a job."
    result = form.submit()
    assert result.level == "warning"
    assert any(c.name == "not_a_job_request" and not c.ok for c in result.checks)


# --- add contact -------------------------------------------------------------------
def test_add_contact_writes_then_clears(empty):
    form = AddContactForm(empty)
    _fill(form, name="Dana Whitfield", company="Civic Sightline", source="personal_network",
          phone="0041 61 555 01 02", priority="2", notes="Taught down the hall")
    result = form.submit()
    assert result.ok and result.data["contact_id"]
    assert form.status_message.startswith(f"Added Dana Whitfield as {result.data['contact_id']}")
    c = _csv(empty.folder, S.CONTACTS_FILE)
    row = c[c[S.NAME] == "Dana Whitfield"].iloc[0]
    assert row[S.COMPANY] == "Civic Sightline" and row[S.PHONE] == "0041 61 555 01 02"
    assert row[S.PRIORITY] == "2" and row[S.SOURCE] == "personal_network"
    assert form.controls["name"].value == "" and form.controls["notes"].value == ""
    assert form.controls["source"].value == "personal_network"  # sticky for the next person
    # the new person can now be chosen as a referrer
    assert result.data["contact_id"] in [v for _, v in form.controls["referred_by"].options]


def test_add_contact_without_name_keeps_a_draft(empty):
    form = AddContactForm(empty)
    form.controls["company"].value = "Kiteboard"
    result = form.submit()
    assert not result.saved and form.status_level == "error"
    assert "Type the person's name" in form.status.value
    assert len(_csv(empty.folder, S.CONTACTS_FILE)) == 0
    assert _plan(empty.folder)["drafts"]["AddContactForm"]["company"] == "Kiteboard"
    again = AddContactForm(ContactLog.open(empty.folder))
    assert again.controls["company"].value == "Kiteboard"
    again.controls["name"].value = "Ben"
    assert again.submit().ok
    assert _plan(empty.folder)["drafts"]["AddContactForm"] == {}


def test_add_contact_duplicate_then_different_person(empty):
    first = empty.add_contact(name="Sam Okafor", company="Tessera", email="sam@t.example")
    form = AddContactForm(empty)
    assert form.controls["different_person"].layout.display == "none"
    _fill(form, name="Sam Okafor", company="Tessera", role="Director")
    result = form.submit()
    assert not result.saved and form.status_level == "error"
    assert first in form.status_message and "different person" in form.status_message
    assert form.controls["different_person"].layout.display == ""
    assert form.controls["role"].value == "Director"  # nothing typed is lost
    assert len(_csv(empty.folder, S.CONTACTS_FILE)) == 1
    form.controls["different_person"].value = True
    assert "different_person" not in form.value  # never kept in a draft
    result = form.submit()
    assert result.ok and len(_csv(empty.folder, S.CONTACTS_FILE)) == 2
    assert form.controls["different_person"].value is False
    assert form.controls["different_person"].layout.display == "none"


def test_add_contact_warns_when_citing_without_yes(empty):
    form = AddContactForm(empty)
    _fill(form, name="Nora", mutual_connection="Sam Okafor", cite_permission="asked")
    assert "Do not name Sam Okafor" in form.live.value
    result = form.submit()
    assert result.saved and result.level == "warning"
    assert _csv(empty.folder, S.CONTACTS_FILE)[S.CITE_PERMISSION].tolist() == ["asked"]
    form.controls["mutual_connection"].value = "Wen Li"
    form.controls["cite_permission"].value = "yes"
    assert "Do not name" not in form.live.value


def test_network_ask_opens_in_the_mail_program_and_saves_a_draft_file(sample):
    import email
    import html
    from email import policy

    from infoint_nb import drafts as D
    from infoint_nb.forms._drafting import OPEN_IN_MAIL, SAVE_DRAFT_FILE
    form = NetworkAskForm(sample, as_of="2026-09-18")
    assert form.controls["to"].value == ""                       # nobody yet
    assert form.buttons["save_file"].description == SAVE_DRAFT_FILE
    row = form.widget.children[-2]                                # buttons, link between them
    assert [c.description for c in row.children if hasattr(c, "on_click")] == [
        "Save my ask", SAVE_DRAFT_FILE]
    assert row.children[1] is form.mail_link and "Log" not in str(form.buttons)
    _fill(form, role="UX researcher", field="health care", place="Chicago")
    ask = form.preview.value
    href = html.unescape(form.mail_link.value.split("href='", 1)[1].split("'", 1)[0])
    assert OPEN_IN_MAIL in form.mail_link.value
    got = D.parse_mailto(href)
    assert got["to"] == "" and got["subject"] == D.subject_for("network_ask")
    assert got["body"].startswith("Hello,\n\n" + ask + "\n\n")    # nobody chosen: no name
    # to one person in the log: their address and a greeting by name
    form.controls["to"].value = "C0014"                           # Dana Whitfield
    got = D.parse_mailto(html.unescape(form.mail_link.value.split("href='", 1)[1]
                                       .split("'", 1)[0]))
    assert got["to"] == sample.raw_contacts.set_index("contact_id").loc["C0014", "email"]
    assert got["body"].startswith("Dear Dana,\n\n" + ask)
    before = _csv(sample.folder, S.INTERACTIONS_FILE)
    form.buttons["save_file"].click()
    assert form.status_level == "ok" and "Saved the draft file" in form.status_message
    assert form.last_draft_path == sample.folder / "drafts" / "C0014-network_ask-2026-09-18.eml"
    msg = email.message_from_bytes(form.last_draft_path.read_bytes(), policy=policy.default)
    assert msg["X-Unsent"] == "1" and "Dana Whitfield" in msg["To"]
    assert msg.get_content().replace("\r\n", "\n").rstrip("\n") == got["body"]
    # back to nobody: the file is named for the network, with no To at all
    form.controls["to"].value = ""
    form.buttons["save_file"].click()
    assert form.last_draft_path.name == "network-network_ask-2026-09-18.eml"
    msg = email.message_from_bytes(form.last_draft_path.read_bytes(), policy=policy.default)
    assert msg["X-Unsent"] == "1" and not msg["To"]
    # drafting logs nothing, and whom it went to is not saved with the ask
    assert _csv(sample.folder, S.INTERACTIONS_FILE).equals(before)
    assert form.submit().saved and "to" not in _plan(sample.folder)["network_ask"]


def test_network_ask_to_a_contact_with_a_broken_address_says_so(sample):
    sample.update_contact("C0014", email="dana at civic")
    form = NetworkAskForm(sample)
    form.controls["to"].value = "C0014"
    assert "is not an e-mail address" in form.mail_link.value
    form.buttons["save_file"].click()
    assert form.status_level == "error" and "is not an e-mail address" in form.status_message
    assert not (sample.folder / "drafts").exists()


def test_find_forms_spell_their_labels_for_the_profile_locale(sample):
    assert AddContactForm(sample).controls["company"].description == "Organization"
    assert NetworkAskForm(sample).controls["organisations"].description == (
        "Organizations (optional)")
    sample.save_plan_section("profile", {"locale": "en-GB"})
    assert AddContactForm(sample).controls["company"].description == "Organisation"
    assert "programme" in AddContactForm(sample).controls["notes"].placeholder
    assert NetworkAskForm(sample).controls["organisations"].description == (
        "Organisations (optional)")
