"""The import form of notebook 04, driven through its real widgets."""
from __future__ import annotations

import json

import pytest

import activity_fixtures as F
from infoint_nb import schema as S
from infoint_nb.forms import ActivityImportForm
from infoint_nb.store import ContactLog


@pytest.fixture
def log(tmp_path):
    return ContactLog.open(F.make_log(tmp_path / "log"))


def _counts(form) -> int:
    import re
    return int(re.search(r'data-rows="(\d+)"', form.table.value).group(1))


def test_preview_then_reclassify_before_saving_then_save(log, tmp_path):
    mbox = F.make_mbox(tmp_path / "All mail.mbox")
    form = ActivityImportForm(log)
    form.controls["path"].value = str(mbox)
    form.controls["me"].value = F.ME
    form.buttons["preview"].click()
    assert form.status_level == "info", form.status_message
    assert _counts(form) == 12 and "Ravi Menon" in form.table.value
    assert "Kim Park" in form.candidates.value
    assert not (log.folder / ".backups").exists()  # a preview writes nothing
    replies = {k: dd for k, dd in form.reclassify.items()}
    assert len(replies) == 3 and all(isinstance(k, int) for k in replies)
    dana = next(k for k in replies if form.report.rows[k][S.CONTACT_ID] == "C0001")
    replies[dana].value = S.MEETING_SCHEDULED   # "meeting"
    assert form.report.rows[dana][S.KIND] == S.MEETING_SCHEDULED
    form.submit_button.click()
    assert form.status_level == "ok" and "Saved to your log: 12 interactions" in \
        form.status_message
    i = ContactLog.open(log.folder).raw_interactions
    assert (i[S.KIND] == S.REPLY).sum() == 2
    row = i[(i[S.CONTACT_ID] == "C0001") & (i[S.KIND] == S.MEETING_SCHEDULED)]
    assert row[S.DATE].str[:10].tolist() == ["2026-05-06"]
    plan = json.loads((log.folder / S.PLAN_FILE).read_text("utf-8"))
    assert plan["me"]["emails"] == [F.ME]
    assert plan["activity_import"]["path"] == str(mbox)


def test_reclassify_after_saving_changes_the_log(log, tmp_path):
    mbox = F.make_mbox(tmp_path / "m.mbox")
    form = ActivityImportForm(log, path=str(mbox))  # "me" not known yet
    assert form.status_level == "error" and "--me ADDRESS" in form.status_message
    form.controls["me"].value = F.ME
    form.submit()
    assert form.status_level == "ok", form.status_message
    saved = [k for k in form.reclassify if isinstance(k, str)]
    assert len(saved) == 3  # the three replies, by interaction_id
    ravi = next(k for k in saved if form.report.rows[[r.get(S.INTERACTION_ID) for r in
                                                      form.report.rows].index(k)]
                [S.CONTACT_ID] == "C0002")
    form.reclassify[ravi].value = S.REPLY_YES
    assert form.status_message == f"Saved: {ravi} is now reply yes."
    i = ContactLog.open(log.folder).raw_interactions.set_index(S.INTERACTION_ID)
    assert i.loc[ravi, S.KIND] == S.REPLY_YES
    # a new form (tomorrow) offers the replies still unsorted, and knows the address
    again = ActivityImportForm(ContactLog.open(log.folder))
    assert again.controls["me"].value == F.ME
    assert sorted(again.reclassify) == sorted(k for k in saved if k != ravi)
    assert again.controls["path"].value == str(mbox)
    again.buttons["preview"].click()
    assert "Nothing new to log" in again.status_message and _counts(again) == 0


def test_upload_linkedin_and_calendar_files(log, tmp_path):
    form = ActivityImportForm(log)
    form.controls["me"].value = F.ME_URL
    form.upload.value = ({"name": "messages.csv", "type": "text/csv", "size": 10,
                          "content": memoryview(F.MESSAGES_NEW.encode()),
                          "last_modified": __import__("datetime").datetime(2026, 5, 20)},)
    assert form.controls["path"].value.endswith("messages.csv")
    assert _counts(form) == 3 and "Maya Chen" in form.table.value
    form.submit()
    assert "Saved to your log: 3 interactions" in form.status_message
    form.controls["path"].value = str(F.make_ics(tmp_path / "cal.ics"))
    form.buttons["preview"].click()
    assert _counts(form) == 2 and "meeting_scheduled" in form.table.value
    form.controls["path"].value = str(tmp_path / "missing.ics")
    form.buttons["preview"].click()
    assert form.status_level == "error" and "no such file or folder" in form.status_message


def test_connections_csv_is_sent_to_notebook_02(log, tmp_path):
    conns = F.write(tmp_path / "Connections.csv",
                    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n")
    form = ActivityImportForm(log, path=str(conns))
    assert form.status_level == "error" and "notebook 02" in form.status_message


def test_track_notebook_previews_a_mailbox_given_as_a_parameter(log, tmp_path):
    """Notebook 04 run by papermill: the import form shows the preview and saves nothing."""
    from conftest import execute_notebook
    from test_notebooks import _widgets

    log.save_plan_section("me", {"emails": [F.ME]})
    mbox = F.make_mbox(tmp_path / "All mail.mbox")
    before = (log.folder / S.INTERACTIONS_FILE).read_bytes()
    nb = execute_notebook("04_track", tmp_path, log_dir=str(log.folder), as_of="2026-05-20",
                          activity_file=str(mbox))
    errors = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs
              if o.output_type == "error"]
    assert not errors
    shown = [w for w in _widgets(nb) if "Bring in what already happened" in w]
    assert len(shown) == 1
    assert "Would add 12 interactions" in shown[0] and "Kim Park" in shown[0]
    assert "yes" in shown[0] and "referral" in shown[0]  # the reply dropdowns
    assert (log.folder / S.INTERACTIONS_FILE).read_bytes() == before
