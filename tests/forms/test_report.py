"""Notebook 08's forms: the report rendered from a button, the log as a download."""
from __future__ import annotations

import base64
import html
import json
import io
import re
import zipfile

import pytest

from infoint_nb import ContactLog

from conftest import ROOT  # noqa: F401

pytestmark = pytest.mark.slow


def _download(widget_html: str) -> tuple[str, bytes]:
    m = re.search(r'href="data:[^;]+;base64,([^"]+)" download="([^"]+)"', widget_html)
    assert m, widget_html[:300]
    return m.group(2), base64.b64decode(m.group(1))


def test_export_form_hands_back_a_workbook_and_a_zip(sample_log_dir):
    from openpyxl import load_workbook
    from infoint_nb.forms import ExportForm
    log = ContactLog.open(sample_log_dir)
    before = sorted(p.name for p in sample_log_dir.iterdir())
    form = ExportForm(log)
    form.buttons["submit"].click()
    assert form.status_level == "ok", form.status_message
    name, data = _download(form.download.value)
    assert name.endswith(".xlsx")
    wb = load_workbook(io.BytesIO(data), read_only=True)
    assert wb["contacts"].max_row == len(log.raw_contacts) + 1
    form.controls["format"].value = "csv"
    form.buttons["submit"].click()
    name, data = _download(form.download.value)
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        names = sorted(n.split("/")[-1] for n in z.namelist())
        assert names == ["contacts.csv", "interactions.csv"]
        text = z.read(next(n for n in z.namelist() if n.endswith("interactions.csv")))
    assert text.decode("utf-8-sig").count("\n") >= len(log.raw_interactions)
    assert sorted(p.name for p in sample_log_dir.iterdir()) == before  # nothing beside the log


def test_report_form_renders_opens_and_offers_the_report(sample_log_dir, tmp_path,
                                                          monkeypatch):
    from infoint_nb import config
    from infoint_nb.forms import ReportForm
    monkeypatch.setattr(config, "REPORTS_DIR", tmp_path / "reports")
    form = ReportForm(ContactLog.open(sample_log_dir))
    form.controls["redact"].value = True
    form.submit_button.click()
    assert form.status_level == "ok", form.status_message
    assert form.result.html.is_file() and (tmp_path / "reports") in form.result.html.parents
    name, page = _download(form.download.value)
    assert name == "report.html" and page == form.result.html.read_bytes()
    assert form.preview.value.count("<img") == len(
        [p for p in form.result.figures if p.suffix == ".png"]) >= 3
    assert "contacted" in form.preview.value
    assert "Brightline Learning" in page.decode("utf-8")              # companies stay
    assert "Dana Whitfield" not in page.decode("utf-8") and "Contact " in page.decode("utf-8")


def test_the_log_line_shows_a_folder_name_literally(tmp_path, monkeypatch):
    """A folder named like markup or math is shown as typed (no MathJax, no tag)."""
    from infoint_nb import notebook
    shown = []
    monkeypatch.setattr("IPython.display.display", lambda obj: shown.append(obj.data))
    monkeypatch.setattr("IPython.get_ipython", lambda: object())
    folder = tmp_path / "$x$ <b>camp</b>"
    ContactLog.init(folder)
    notebook.open_log(str(folder))
    assert shown and "<b>" not in shown[0]
    assert "tex2jax_ignore" in shown[0]                       # MathJax leaves it alone
    assert "$x$ <b>camp</b>" in html.unescape(re.sub(r"<[^>]+>", "", shown[0]))
