"""Job leads: the ``lead`` record kind, :func:`metrics.leads` and the report's section."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from infoint_nb import ContactLog, config, metrics
from infoint_nb import schema as S

TODAY = "2026-09-18"
LEAD_TEXT = "Evaluation fellow <2027>, applications open in January — https://careers.example/f"


@pytest.fixture
def log(sample_log_dir) -> ContactLog:
    log = ContactLog.open(sample_log_dir)
    log.add_interaction("C0046", S.LEAD, date="2026-09-17", notes=LEAD_TEXT)
    log.add_interaction("C0016", S.LEAD, date="2026-07-09", notes="Data analyst posting")
    log.add_interaction("C0016", S.LEAD, date="2026-10-01", notes="After the report day")
    return log


def test_lead_is_a_record_kind_with_a_constant():
    assert S.LEAD == "lead" and S.LEAD in S.RECORD_KINDS and S.LEAD in S.KINDS
    assert S.KIND_GROUPS["record"] == S.RECORD_KINDS


def test_a_near_miss_of_lead_gets_a_suggestion():
    assert S.suggest("Lead", S.KINDS) == "lead"


def test_the_sample_has_leads_on_meeting_days_appended_after_its_events(sample_log_dir):
    log = ContactLog.open(sample_log_dir)
    table = metrics.leads(log.contacts, log.interactions, as_of=TODAY)
    assert list(table[S.NAME]) == ["Olivia Chen", "Nkechi Adeyemi", "Lucia Ferreira"]
    assert list(table[S.INTERACTION_ID]) == ["I00197", "I00195", "I00196"]
    assert table["lead"].str.contains("fellowship").iloc[0]
    # appended: the earlier ids did not move, and the sample still ends on its "today"
    raw = log.raw_interactions
    assert list(raw[S.INTERACTION_ID].iloc[-3:]) == ["I00195", "I00196", "I00197"]
    assert raw.loc[raw[S.INTERACTION_ID] == "I00194", S.DATE].item() == "2026-09-18T14:05"
    assert log.interactions[S.DATE].max() == pd.Timestamp("2026-09-18 14:05")
    assert metrics.default_as_of(ContactLog.open(config.SAMPLE_DIR)).isoformat() == TODAY
    held = log.interactions[log.interactions[S.KIND] == S.MEETING_HELD]
    met = set(zip(held[S.CONTACT_ID], held[S.DATE].dt.normalize()))
    assert all((c, d) in met for c, d in zip(table[S.CONTACT_ID], table["date"]))


def test_leads_lists_newest_first_up_to_as_of(log):
    table = metrics.leads(log.contacts, log.interactions, as_of=TODAY)
    assert list(table.columns) == list(metrics.LEAD_COLUMNS)
    mine = table[table[S.INTERACTION_ID] > "I00197"]       # the fixture's, after the sample's
    assert list(mine[S.NAME]) == ["Olivia Chen", "Aisha Bello"]
    assert list(mine["lead"]) == [LEAD_TEXT, "Data analyst posting"]
    assert list(mine[S.COMPANY]) == ["Civic Sightline", "Lumen Health Analytics"]
    assert list(table[S.NAME]) == ["Olivia Chen", "Olivia Chen", "Nkechi Adeyemi",
                                   "Lucia Ferreira", "Aisha Bello"]
    assert table["date"].is_monotonic_decreasing
    assert table["date"].iloc[0] == pd.Timestamp("2026-09-17")
    assert len(metrics.leads(log.contacts, log.interactions, as_of="2026-10-01")) == 6
    empty = metrics.leads(log.contacts, log.interactions.iloc[0:0], as_of=TODAY)
    assert empty.empty and list(empty.columns) == list(metrics.LEAD_COLUMNS)


def test_leads_change_no_response_numbers(log, sample_log_dir):
    plain = ContactLog.open(sample_log_dir)
    for iid in metrics.leads(log.contacts, log.interactions, as_of="2026-12-31")[
            S.INTERACTION_ID]:
        plain.delete_interaction(iid)
    assert metrics.summarize(log.contacts, log.interactions, as_of=TODAY) == \
        metrics.summarize(plain.contacts, plain.interactions, as_of=TODAY)


@pytest.mark.slow
@pytest.mark.parametrize("redact", [False, True])
def test_report_lists_the_leads(log, tmp_path, redact):
    from infoint_nb.reports import render_report
    result = render_report(log.folder, tmp_path / "out", parameters={"as_of": TODAY},
                           redact=redact)
    nb = json.loads(result.notebook.read_text("utf-8"))
    cell = next(c for c in nb["cells"] if c.get("id") == "leads-table")
    html = "".join(cell["outputs"][0]["data"]["text/html"])
    page = (tmp_path / "out" / "report.html").read_text("utf-8")
    if redact:
        assert "Olivia Chen" not in html and "Evaluation fellow" not in html
        assert "Olivia Chen" not in page and "Evaluation fellow" not in page
        assert "Civic Sightline" in html  # companies stay
    else:
        assert "Olivia Chen" in html and "Civic Sightline" in html
        assert "Evaluation fellow &lt;2027&gt;" in html  # escaped, not markup
        assert "After the report day" not in html
        assert "Job leads people mentioned" in page
