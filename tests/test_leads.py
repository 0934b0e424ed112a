"""Job leads: the ``lead`` record kind, :func:`metrics.leads` and the report's section."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from infoint_nb import ContactLog, metrics
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


def test_leads_lists_newest_first_up_to_as_of(log):
    table = metrics.leads(log.contacts, log.interactions, as_of=TODAY)
    assert list(table.columns) == list(metrics.LEAD_COLUMNS)
    assert list(table[S.NAME]) == ["Olivia Chen", "Aisha Bello"]
    assert list(table["lead"]) == [LEAD_TEXT, "Data analyst posting"]
    assert table["date"].iloc[0] == pd.Timestamp("2026-09-17")
    assert list(table[S.COMPANY]) == ["Civic Sightline", "Lumen Health Analytics"]
    assert len(metrics.leads(log.contacts, log.interactions, as_of="2026-10-01")) == 3
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
