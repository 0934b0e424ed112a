"""Reports: papermill runs of notebooks/report.ipynb, read back and checked.

Each kernel run costs seconds on two cores, so the rendered reports are
module-scoped fixtures shared by the tests that read them: the sample campaign,
a small hand-checked log (redacted, so the same run is scanned for leaks), one
report per company of that log, and a deliberately failing template.
"""
from __future__ import annotations

import datetime as dt
import html
import io
import json
import re
import subprocess
import zlib
from pathlib import Path

import pandas as pd
import pytest

from infoint_nb import ContactLog, cli, config, metrics, reports
from infoint_nb.errors import ParameterError
from infoint_nb.markup import LINE_BREAKS, literal

from conftest import SAMPLE, copy_log, infoint_exe

#: runs a kernel (or the command in a subprocess): seconds each
slow = pytest.mark.slow

SAMPLE_AS_OF = "2026-09-18"
NOTEBOOK_FIGURES = ("survival", "channels", "funnel", "network_growth",
                    "referral_tree")

# --- a small log, checked by hand ---------------------------------------------------
# Acme: three people contacted on day 0; one answers on day 1, two never do
#       → 1 of 3, median not reached (the silent two count), ranked last.
# Beta: two people contacted on day 0, answering on days 2 and 4
#       → 2 of 2, Kaplan–Meier median 2 days (S(2) = 1/2), ranked first.
# Bea meets on day 5 and is thanked on day 6; Bo was referred by Bea.
D0 = dt.date(2026, 3, 2)            # a Monday
AS_OF = D0 + dt.timedelta(days=20)


def _day(n: int) -> str:
    return (D0 + dt.timedelta(days=n)).isoformat()


PEOPLE = [
    dict(contact_id="P1", name="Dagny Whitcombe", company="Acme Widgets", industry="retail",
         email="dagny.whitcombe@acme.example", phone="+1 312-555-0171",
         work_address="17 Larkspur Lane, Springfield", source="alumni",
         linkedin_url="https://www.linkedin.com/in/dagny-whitcombe-example",
         mutual_connection="Ottoline Farquhar", notes="Sings in the Tuesday choir",
         added_on=_day(0)),
    dict(contact_id="P2", name="Marcus Quennell", company="Acme Widgets", industry="retail",
         email="mq@acme.example", phone="0041 44 555 01 72", source="linkedin",
         notes="Prefers mornings before nine", added_on=_day(0)),
    dict(contact_id="P3", name="Ingeborg Halvorsen", company="Acme Widgets", industry="retail",
         email="ingeborg@acme.example", role="Head of Procurement", source="company_website",
         added_on=_day(0)),
    dict(contact_id="P4", name="Beatrix Okonkwo", company="Beta Analytics", industry="data",
         email="beatrix@beta.example", phone="+44 20 5550 0173", source="event",
         work_address="5 Quayside Wharf, Leeds", notes="Runs the Thursday data meetup",
         added_on=_day(0)),
    dict(contact_id="P5", name="Bohdan Szczepanski", company="Beta Analytics",
         industry="data", email="bohdan@beta.example", source="referral", referred_by="P4",
         mutual_connection="Beatrix Okonkwo", added_on=_day(0)),
]
EVENTS = [
    ("P1", 0, "email", "outreach", "Subject: a question about procurement careers"),
    ("P1", 1, "email", "reply_yes", "Happy to talk, suggested Friday"),
    ("P2", 0, "email", "outreach", ""),
    ("P3", 0, "linkedin", "outreach", ""),
    ("P4", 0, "email", "outreach", ""),
    ("P4", 2, "email", "reply_yes", "Sure, coffee next week"),
    ("P4", 5, "in_person", "meeting_held", "Told me about the analytics guild"),
    ("P4", 6, "email", "thank_you", "Thanked her for the guild tip"),
    ("P5", 0, "phone", "outreach", "Left word with the front desk"),
    ("P5", 4, "phone", "reply_later", "Call back after the quarter closes"),
]


def _build_small_log(folder: Path) -> Path:
    log = ContactLog.init(folder)
    log.apply(add_contacts=PEOPLE, add_interactions=[
        dict(contact_id=c, date=_day(d), channel=ch, kind=k, notes=n)
        for c, d, ch, k, n in EVENTS])
    return log.folder


def _personal_strings(folder: Path) -> list[str]:
    """Every personal value of the log (and the parts of names) to look for in outputs."""
    log = ContactLog.open(folder)
    c, i = log.raw_contacts, log.raw_interactions
    values = []
    for col in ("name", "email", "phone", "work_address", "linkedin_url",
                "mutual_connection", "notes", "role"):
        values += [v for v in c[col] if v]
    values += [v for v in i["notes"] if v]
    parts = [p for v in c["name"] for p in v.split() if len(p) >= 4]
    return sorted({v for v in values + parts if len(v) >= 4}, key=len, reverse=True)


def _texts_of(path: Path) -> list[str]:
    """What a file says, in every form a leak could take (escaped, encoded, PNG text)."""
    raw = path.read_bytes()
    if path.suffix == ".png":
        out, pos = [], 8
        while pos < len(raw):                       # every chunk; text ones decoded
            size = int.from_bytes(raw[pos:pos + 4], "big")
            kind, data = raw[pos + 4:pos + 8], raw[pos + 8:pos + 8 + size]
            if kind == b"tEXt":
                out.append(data.decode("latin-1"))
            elif kind == b"zTXt":
                key, _, rest = data.partition(b"\0")
                out.append(key.decode("latin-1") + zlib.decompress(rest[1:]).decode("latin-1"))
            elif kind == b"iTXt":
                out.append(data.decode("utf-8", "replace"))
            pos += 12 + size
        return out
    text = raw.decode("utf-8")
    out = [text, html.unescape(text)]
    if path.suffix in (".ipynb", ".json"):
        out.append(json.dumps(json.loads(text), ensure_ascii=False))
    return out


def _leaks(out_dir: Path, secrets: list[str]) -> list[str]:
    found = []
    files = [p for p in out_dir.rglob("*") if p.is_file()]
    assert files
    for p in files:
        for text in _texts_of(p):
            low = text.casefold()
            found += [f"{p.relative_to(out_dir)}: {s!r}" for s in secrets if s.casefold() in low]
    return sorted(set(found))


# --- fixtures: the rendered reports ---------------------------------------------------
@pytest.fixture(scope="module")
def sample_report(tmp_path_factory):
    base = tmp_path_factory.mktemp("sample_report")
    log_dir = copy_log(SAMPLE, base / "sample")
    result = reports.render_report(log_dir, base / "out", parameters={"as_of": SAMPLE_AS_OF})
    return log_dir, result


@pytest.fixture(scope="module")
def small_log(tmp_path_factory):
    # the folder's name is personal too: it must not reach a redacted report
    return _build_small_log(tmp_path_factory.mktemp("small") / "dagny_whitcombe_campaign")


@pytest.fixture(scope="module")
def small_redacted(small_log, tmp_path_factory):
    out = tmp_path_factory.mktemp("small_redacted") / "out"
    return reports.render_report(small_log, out, redact=True,
                                 parameters={"as_of": AS_OF.isoformat()})


# --- the sample campaign ------------------------------------------------------------
@slow
def test_sample_report_writes_every_output(sample_report):
    _, r = sample_report
    assert r.notebook == r.out_dir / "report.ipynb" and r.notebook.exists()
    assert r.html == r.out_dir / "report.html" and r.html.exists()
    assert sorted(p.stem for p in r.figures) == sorted(NOTEBOOK_FIGURES)
    for p in r.figures:
        assert p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and p.stat().st_size > 5000
    assert sorted(r.tables) == sorted(reports.TABLE_FILES)
    assert r.as_of == dt.date(2026, 9, 18)


@slow
def test_sample_notebook_ran_every_cell_without_error(sample_report):
    _, r = sample_report
    nb = json.loads(r.notebook.read_text("utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(c["execution_count"] for c in code)
    outputs = [o for c in code for o in c["outputs"]]
    assert not [o for o in outputs if o["output_type"] == "error"]
    markdown = "".join("".join(o["data"]["text/markdown"]) for o in outputs
                       if "text/markdown" in o.get("data", {}))
    # findings are computed, not canned: the sample's own numbers are in the words
    assert "**30 of 38** people contacted have answered (79%)" in markdown
    assert "half of the people at **Brightline Learning** answered within **1 day**" in markdown
    assert "**Northwind Mutual** (0 of 3)" in markdown
    assert nb["metadata"]["papermill"]["parameters"]["as_of"] == SAMPLE_AS_OF


@slow
def test_sample_html_has_no_code_and_embeds_figures(sample_report):
    _, r = sample_report
    page = r.html.read_text("utf-8")
    assert "load_report(" not in page and "from infoint_nb" not in page
    assert page.count('src="data:image/png;base64,') == len(NOTEBOOK_FIGURES)
    assert 'alt="Brightline Learning answered fastest: half within 1 day"' in page
    assert "Who answered fastest" in page and "Follow-ups due this week" in page
    assert "Northwind Mutual" in page           # the tables are in the page too
    # the sample's job leads (issue 13) are listed, newest first
    nb = json.loads(r.notebook.read_text("utf-8"))
    cell = next(c for c in nb["cells"] if c.get("id") == "leads-table")
    leads = "".join(cell["outputs"][0]["data"]["text/html"])
    assert leads.index("Olivia Chen") < leads.index("Nkechi Adeyemi") < leads.index(
        "Lucia Ferreira")
    assert "Junior pricing analyst" in page


@slow
def test_sample_tables_equal_the_metrics(sample_report):
    log_dir, r = sample_report
    log = ContactLog.open(log_dir)
    c, i = log.contacts, log.interactions
    t = r.out_dir / "tables"
    by = pd.read_csv(t / "response_by_company.csv", dtype={"company": str},
                     keep_default_na=False, na_values=[""])
    want = metrics.response_by(c, i, by="company", as_of=SAMPLE_AS_OF)
    assert list(by.columns) == ["company", "contacted", "responded", "response_rate",
                                "median_days_to_response"]
    assert by["company"].tolist() == want["company"].tolist()       # fastest first
    for col in ("contacted", "responded", "response_rate", "median_days_to_response"):
        assert by[col].astype(float).tolist() == pytest.approx(
            want[col].astype(float).tolist(), nan_ok=True)
    assert by["median_days_to_response"].isna().tolist() == \
        want["median_days_to_response"].isna().tolist()
    for group in ("channel", "source"):
        got = pd.read_csv(t / f"response_by_{group}.csv", keep_default_na=False, na_values=[""])
        exp = metrics.response_by(c, i, by=group, as_of=SAMPLE_AS_OF)
        assert got[group].tolist() == exp[group].tolist()
        assert got["responded"].tolist() == exp["responded"].tolist()
    funnel = pd.read_csv(t / "funnel.csv")
    exp = metrics.funnel(c, i, as_of=SAMPLE_AS_OF)
    assert funnel.to_dict("list") == {k: list(v) for k, v in exp.to_dict("list").items()}
    due = pd.read_csv(t / "followups_due.csv", dtype=str, keep_default_na=False)
    exp = metrics.followups_due(c, i, as_of=SAMPLE_AS_OF)
    assert list(due.columns) == list(metrics.FOLLOWUP_COLUMNS)
    assert due["contact_id"].tolist() == exp["contact_id"].tolist()
    assert due["due_on"].tolist() == exp["due_on"].dt.strftime("%Y-%m-%d").tolist()
    growth = pd.read_csv(t / "network_growth.csv")
    exp = metrics.network_growth(c, i, as_of=SAMPLE_AS_OF)
    assert growth["cumulative"].tolist() == exp["cumulative"].tolist()
    summary = json.loads((t / "summary.json").read_text("utf-8"))
    exp = metrics.summarize(c, i, as_of=SAMPLE_AS_OF)
    for key in ("as_of", "contacted", "responded", "response_rate", "meetings_held",
                "referrals"):
        assert summary[key] == exp[key]


@slow
def test_sample_tables_equal_infoint_stats(sample_report):
    log_dir, r = sample_report
    for group in ("company",):
        done = subprocess.run([infoint_exe(), "stats", "--log", str(log_dir), "--by", group,
                               "--as-of", SAMPLE_AS_OF, "--csv"],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        stats = pd.read_csv(io.StringIO(done.stdout), dtype=str, keep_default_na=False)
        ours = pd.read_csv(r.out_dir / "tables" / f"response_by_{group}.csv", dtype=str,
                           keep_default_na=False)
        assert ours.equals(stats[list(ours.columns)]), group


# --- the hand-checked log, redacted ---------------------------------------------------
@slow
def test_small_log_tables_match_hand_counts(small_redacted):
    t = small_redacted.out_dir / "tables"
    by = pd.read_csv(t / "response_by_company.csv", keep_default_na=False, na_values=[""])
    assert by["company"].tolist() == ["Beta Analytics", "Acme Widgets"]
    assert by["contacted"].tolist() == [2, 3]
    assert by["responded"].tolist() == [2, 1]
    assert by["response_rate"].tolist() == pytest.approx([1.0, 1 / 3])
    assert by["median_days_to_response"].iloc[0] == 2
    assert pd.isna(by["median_days_to_response"].iloc[1])            # not reached: empty
    assert (t / "response_by_company.csv").read_text().splitlines()[2].endswith(",")

    channel = pd.read_csv(t / "response_by_channel.csv")
    assert dict(zip(channel["channel"], channel["contacted"])) == {
        "email": 3, "linkedin": 1, "phone": 1}
    funnel = pd.read_csv(t / "funnel.csv").set_index("stage")
    assert funnel["reached"].to_dict() == {
        "identified": 5, "contacted": 5, "responded": 3, "met": 1, "thanked": 1,
        "keeping_in_touch": 0, "declined": 0, "gone_quiet": 0}

    due = pd.read_csv(t / "followups_due.csv", dtype=str, keep_default_na=False)
    # Dagny (C01) said yes on day 1 and Bo (C05) "later" on day 4, nobody thanked them:
    # a thank-you the next day; Bea (C04): Bo answered on day 4 and Bea has had no update
    # since → 16 days overdue; Marcus (C02) and Ingeborg (C03): no answer 10 days after
    # day 0 → due day 10.
    assert due[["contact_id", "name", "action", "due_on", "overdue_days"]].values.tolist() == [
        ["C01", "Contact 01", "thank_you", _day(2), "18"],
        ["C04", "Contact 04", "tell_referrer", _day(4), "16"],
        ["C05", "Contact 05", "thank_you", _day(5), "15"],
        ["C02", "Contact 02", "follow_up", _day(10), "10"],
        ["C03", "Contact 03", "follow_up", _day(10), "10"],
    ]
    summary = json.loads((t / "summary.json").read_text("utf-8"))
    assert {k: summary[k] for k in ("as_of", "contacted", "responded", "meetings_held",
                                    "referrals")} == {
        "as_of": AS_OF.isoformat(), "contacted": 5, "responded": 3, "meetings_held": 1,
        "referrals": 1}
    assert summary["response_rate"] == pytest.approx(0.6)


@slow
def test_redacted_report_holds_nothing_personal(small_log, small_redacted):
    secrets = _personal_strings(small_log)
    assert "Dagny Whitcombe" in secrets and "Sings in the Tuesday choir" in secrets
    secrets += [str(small_log), small_log.name, str(Path.home()) + "/"]
    assert _leaks(small_redacted.out_dir, secrets) == []
    nb = json.loads(small_redacted.notebook.read_text("utf-8"))
    meta = nb["metadata"]["papermill"]
    assert meta["parameters"]["log_dir"] == reports.REDACTED
    assert meta["parameters"]["out_dir"] == reports.REDACTED
    injected = [c for c in nb["cells"] if "injected-parameters" in c["metadata"].get("tags", [])]
    assert len(injected) == 1 and reports.REDACTED in "".join(injected[0]["source"])
    page = small_redacted.html.read_text("utf-8")
    assert "Contact 04" in page                  # people appear as stable tokens
    assert "Acme Widgets" in page                # companies stay


# --- a failing report keeps its evidence -------------------------------------------
@slow
def test_failing_report_keeps_redacted_evidence_and_exits_1(small_log, tmp_path, monkeypatch,
                                                           capsys):
    nb = json.loads(config.REPORT_TEMPLATE.read_text("utf-8"))
    at = next(k for k, c in enumerate(nb["cells"]) if c.get("id") == "load") + 1
    nb["cells"].insert(at, {
        "cell_type": "code", "execution_count": None, "id": "boom", "metadata": {},
        "outputs": [], "source": "print(report.contacts['name'].tolist())\n"
                                 "raise RuntimeError('deliberate failure in ' + log_dir)"})
    broken = tmp_path / "broken.ipynb"
    broken.write_text(json.dumps(nb), encoding="utf-8")
    monkeypatch.setattr(config, "REPORT_TEMPLATE", broken)
    out = tmp_path / "out"
    (out / "figures").mkdir(parents=True)
    (out / "report.html").write_text("an old report with Dagny Whitcombe in it")
    code = cli.main(["report", "--log", str(small_log), "--out", str(out), "--redact",
                     "--as-of", AS_OF.isoformat()])
    err = capsys.readouterr().err
    assert code == 1
    assert "failed in cell" in err and "RuntimeError" in err and str(out / "report.ipynb") in err
    evidence = json.loads((out / "report.ipynb").read_text("utf-8"))
    errors = [o for c in evidence["cells"] for o in c.get("outputs", [])
              if o["output_type"] == "error"]
    assert errors and errors[0]["evalue"] == f"deliberate failure in {reports.REDACTED}"
    assert not (out / "report.html").exists()   # no stale report beside the evidence
    assert _leaks(out, _personal_strings(small_log) + [str(small_log)]) == []
    printed = [o for c in evidence["cells"] for o in c.get("outputs", [])
               if o.get("name") == "stdout"]
    assert "Contact 01" in "".join(printed[0]["text"])


# --- one report per group ---------------------------------------------------------
@slow
def test_each_company_writes_one_report_per_company_and_an_index(small_log, tmp_path, capsys):
    out = tmp_path / "each"
    code = cli.main(["report", "--log", str(small_log), "--out", str(out), "--each",
                     "company", "--as-of", AS_OF.isoformat()])
    captured = capsys.readouterr()
    assert code == 0, captured.err
    assert captured.out.strip() == str(out / "index.html")
    assert sorted(p.name for p in out.iterdir()) == ["acme-widgets", "beta-analytics",
                                                     "index.html"]
    contacted = {}
    for slug in ("acme-widgets", "beta-analytics"):
        assert (out / slug / "report.html").exists()
        summary = json.loads((out / slug / "tables" / "summary.json").read_text("utf-8"))
        contacted[slug] = (summary["contacted"], summary["filters"]["companies"])
    assert contacted == {"acme-widgets": (3, ["Acme Widgets"]),
                         "beta-analytics": (2, ["Beta Analytics"])}
    index = (out / "index.html").read_text("utf-8")
    assert 'href="acme-widgets/report.html"' in index
    assert 'href="beta-analytics/report.html"' in index
    assert "reports by company" in captured.err     # the progress bar, on stderr
    # not redacted: the leak scanner finds the people (so it can find them at all)
    leaks = _leaks(out, _personal_strings(small_log))
    assert any("Marcus Quennell" in x for x in leaks)
    assert any("Beatrix Okonkwo" in x for x in leaks)


# --- text from the log is shown as text ------------------------------------------------
HOSTILE_LOGS = Path(__file__).parent / "hostile"
HOSTILE_AS_OF = "2026-03-20"
#: What tests/hostile/render_markup_names/log holds (companies, names, industries), each
#: of which the report's findings must show as literal text.
HOSTILE_COMPANIES = ["https://evil.example/login", "Evil Co\n# Heading\n- item", "$\\foo$ Co",
                     "[x](https://evil.example/x) *bold* _it_", "<script>alert(1)</script>",
                     "Line\u2028Sep\u2029Co"]
HOSTILE_NAMES = ["Ann\n1. B <b>x</b>", "www.evil.example\n    code", "x@evil.example `code`"]
HOSTILE_INDUSTRIES = ["https://evil.example/industry", "Ind\n# <b>x</b> $y$\u2028z"]


def _shown(text: str) -> str:
    """``text`` as a page shows it: line breaks flattened, runs of white space as one."""
    from infoint_nb.markup import flatten
    return " ".join(flatten(text).split())


@pytest.fixture(scope="module")
def hostile_report(tmp_path_factory):
    base = tmp_path_factory.mktemp("hostile_report")
    log_dir = copy_log(HOSTILE_LOGS / "render_markup_names" / "log", base / "log")
    return reports.render_report(log_dir, base / "out", parameters={"as_of": HOSTILE_AS_OF})


def test_the_hostile_log_holds_what_the_tests_expect():
    c = ContactLog.open(HOSTILE_LOGS / "render_markup_names" / "log").raw_contacts
    assert set(HOSTILE_COMPANIES) == set(c["company"])
    assert set(HOSTILE_NAMES) <= set(c["name"])
    assert set(HOSTILE_INDUSTRIES) == set(c["industry"])


@slow
def test_report_shows_hostile_names_as_literal_text(hostile_report):
    from test_markup import parse_html
    template = json.loads(config.REPORT_TEMPLATE.read_text("utf-8"))
    headings = [line.lstrip("#").strip() for cell in template["cells"]
                if cell["cell_type"] == "markdown"
                for line in "".join(cell["source"]).splitlines() if line.startswith("#")]
    page = parse_html(hostile_report.html.read_text("utf-8"))
    # no link, heading, list, code, emphasis, image or script came out of the data
    assert [h for h in page.links if not h.startswith("#")] == []
    assert page.headings == headings
    assert set(page.output_tags) <= {"div", "p", "ul", "li", "strong", "span", "img", "style",
                                     "table", "thead", "tbody", "tr", "th", "td", "em"}
    assert page.output_tags.count("img") == len(hostile_report.figures)      # the charts
    assert not [s for s in page.scripts if "alert" in s]
    assert page.math_exposed == []                  # no "$" left for MathJax to typeset
    # each chart's alternative text is its title, on one line, with the names as they are
    assert len(page.alts) == len(hostile_report.figures)
    assert all(a and not set(a) & set(LINE_BREAKS) for a in page.alts), page.alts
    assert any(_shown(c) in a for a in page.alts for c in HOSTILE_COMPANIES + HOSTILE_NAMES)
    # ... and every value is there, as the characters it is made of
    findings = page.output_text
    for value in HOSTILE_COMPANIES + HOSTILE_NAMES:
        assert _shown(value) in findings, value
    md = "".join("".join(o["data"]["text/markdown"])
                 for c in json.loads(hostile_report.notebook.read_text("utf-8"))["cells"]
                 for o in c.get("outputs", []) if "text/markdown" in o.get("data", {}))
    assert "https://" not in md and "\u2028" not in md and "<script>" not in md


@slow
def test_each_index_shows_hostile_group_names_as_literal_text(tmp_path, capsys):
    from test_markup import parse_html
    log_dir = copy_log(HOSTILE_LOGS / "render_each_index" / "log", tmp_path / "log")
    out = tmp_path / "each"
    code = cli.main(["report", "--log", str(log_dir), "--out", str(out), "--each",
                     "industry", "--as-of", HOSTILE_AS_OF, "--no-html"])
    err = capsys.readouterr().err
    assert code == 0, err
    assert "Ind # <b>x</b>" in err and "Ind\n#" not in err    # the progress bar: one line
    raw = (out / "index.html").read_text("utf-8")
    page = parse_html(raw)
    folders = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert sorted(page.links) == sorted(f"{f}/report.ipynb" for f in folders)
    assert len(folders) == 2 and "b" not in page.tags
    for value in HOSTILE_INDUSTRIES:
        assert _shown(value) in " ".join(page.text.split()), value
        assert literal(value, into="html") in raw        # on one line, through literal()


@slow
def test_redacted_report_default_folder_carries_no_name(small_log, tmp_path, monkeypatch,
                                                        capsys):
    monkeypatch.setattr(config, "REPORTS_DIR", tmp_path / "reports")
    code = cli.main(["report", "--log", str(small_log), "--redact", "--as-of",
                     AS_OF.isoformat(), "--no-html"])
    assert code == 0, capsys.readouterr().err
    made = [p.relative_to(tmp_path).as_posix() for p in (tmp_path / "reports").rglob("*")]
    assert f"reports/redacted-{AS_OF.isoformat()}/report.ipynb" in made
    # the log folder is "dagny_whitcombe_campaign": no part of it names a path
    assert not [p for p in made if "dagny" in p.casefold() or small_log.name in p]


# --- mistakes: exit 2 before any kernel starts -------------------------------------
@slow
@pytest.mark.parametrize("args, message", [
    (["-p", "top", "3"], "unknown report parameter 'top'; did you mean 'top_n'?"),
    (["--as-of", "2026-02-30"], "not a real calendar date"),
    (["-p", "top_n", "many"], "report parameter top_n: 'many' is not a whole number"),
    (["-p", "log_dir", "elsewhere"], "the log is given twice"),
    (["--company", "Acme Widget"], "did you mean 'Acme Widgets'?"),
])
def test_parameter_mistakes_exit_2_without_a_kernel(small_log, tmp_path, args, message):
    out = tmp_path / "out"
    done = subprocess.run([infoint_exe(), "report", "--log", str(small_log), "--out",
                           str(out), *args], capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert not out.exists()                      # nothing ran, nothing was written


def test_plan_report_checks_window_numbers_and_names(small_log):
    with pytest.raises(ParameterError, match="start 2026-03-10 is after end 2026-03-01"):
        reports.plan_report(small_log, parameters={"start": "2026-03-10", "end": "2026-03-01"})
    with pytest.raises(ParameterError, match="top_n: 0 must be a whole number of at least 1"):
        reports.plan_report(small_log, parameters={"top_n": "0"})
    with pytest.raises(ParameterError, match="given twice: --as-of and -p as_of"):
        reports.collect_parameters([("as_of", "2026-03-01")], as_of="2026-03-02")
    with pytest.raises(ParameterError, match="use --out DIR"):
        reports.collect_parameters([("out_dir", "x")])
    plan = reports.plan_report(small_log, parameters={
        "companies": "acme widgets, (no company)", "top_n": "3", "redact": "yes"})
    assert plan.parameters["companies"] == ["Acme Widgets", "(no company)"]
    assert plan.parameters["top_n"] == 3 and plan.redact is True
    # the log folder is named after a person: a redacted report's folder is not
    assert plan.out_dir == config.REPORTS_DIR / f"redacted-{dt.date.today()}"
    assert small_log.name not in str(plan.out_dir)


def test_sample_defaults_to_its_last_day(monkeypatch, tmp_path):
    copy = copy_log(SAMPLE, tmp_path / "sample")
    monkeypatch.setattr(config, "SAMPLE_DIR", copy)
    plan = reports.plan_report()                 # no log named: the sample campaign
    assert plan.log_dir == copy.resolve()
    assert plan.as_of == dt.date(2026, 9, 18)
    assert plan.out_dir == config.REPORTS_DIR / "sample-2026-09-18"


# --- building blocks ---------------------------------------------------------------
def test_report_on_an_empty_log_says_so_and_draws_nothing(empty_log_dir, tmp_path):
    rep = reports.load_report(empty_log_dir, as_of="2026-05-05", out_dir=tmp_path)
    assert all(rep.figure(name) is None for name in reports.FIGURES)
    assert not (tmp_path / "figures").exists()
    assert "Nobody in this report has been contacted yet" in rep.findings("fastest").data
    assert "No targets yet" in rep.findings("funnel").data
    assert "Nothing is due on 2026-05-05" in rep.findings("due").data
    assert "Nobody contacted yet" in rep.table("fastest").data
    assert "| 0 | 0 | 0 | 0 | 0 | 0 |" in rep.headline().data
    summary = json.loads((tmp_path / "tables" / "summary.json").read_text("utf-8"))
    assert summary["contacted"] == 0 and summary["response_rate"] is None
    header = (tmp_path / "tables" / "response_by_company.csv").read_text().strip()
    assert header == "company,contacted,responded,response_rate,median_days_to_response"


def test_template_is_committed_clean_with_the_documented_parameters():
    nb = json.loads(config.REPORT_TEMPLATE.read_text("utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert all(c["outputs"] == [] and c["execution_count"] is None for c in code)
    source = "\n".join("".join(c["source"]) for c in code)
    assert not re.search(r"^\s*(def|class|for|while|if|with)\b", source, re.M)
    assert reports.read_template_parameters() == {
        "log_dir": "data/sample", "as_of": "", "start": "", "end": "", "companies": [],
        "industries": [], "follow_up_days": 10, "redact": False, "top_n": 10, "out_dir": ""}


@pytest.mark.parametrize("text, default, expected", [
    ("true", False, True), ("No", True, False), ("0", True, False), ("12", 10, 12),
    ("Kiteboard, Harbor & Vine,", [], ["Kiteboard", "Harbor & Vine"]),
    ("2026-05-05", "", "2026-05-05"), ("x", None, "x"), ("2.5", 1.0, 2.5),
])
def test_convert_parameter_follows_the_default_type(text, default, expected):
    assert reports.convert_parameter("p", text, default) == expected


def test_redact_frames_numbers_people_by_contact_id_and_is_stable(small_log):
    log = ContactLog.open(small_log)
    c, i = reports.redact_log(log)
    assert c["name"].tolist() == [f"Contact 0{n}" for n in range(1, 6)]
    assert c.loc[c["contact_id"] == "C05", "referred_by"].item() == "C04"
    assert set(i["contact_id"]) <= set(c["contact_id"])
    assert (c[["email", "phone", "work_address", "linkedin_url", "mutual_connection",
               "notes", "role"]] == "").all().all()
    assert (i["notes"] == "").all()
    assert c["company"].tolist() == log.contacts["company"].tolist()
    again_c, again_i = reports.redact_frames(c, i)
    assert again_c.equals(c) and again_i.equals(i)
    # natural order: C2 before C10, whatever order the rows are in
    shuffled = pd.DataFrame({"contact_id": ["C10", "C2"], "name": ["Ann Example", "Bo Example"],
                             "referred_by": ["C2", ""]})
    red, _ = reports.redact_frames(shuffled, pd.DataFrame({"contact_id": ["C10"]}))
    assert red["name"].tolist() == ["Contact 02", "Contact 01"]
    assert red["referred_by"].tolist() == ["C01", ""]


def test_filter_frames_keeps_first_contacts_in_the_window(small_log):
    log = ContactLog.open(small_log)
    c, i = log.contacts, log.interactions
    kept, kept_i = reports.filter_frames(c, i, as_of=AS_OF, start=_day(0), end=_day(0),
                                         companies=["Beta Analytics"])
    assert kept["contact_id"].tolist() == ["P4", "P5"]
    assert set(kept_i["contact_id"]) == {"P4", "P5"}
    none, _ = reports.filter_frames(c, i, as_of=AS_OF, start=_day(1))
    assert none.empty                            # everyone was first contacted on day 0


def test_slugify_makes_safe_ascii_folder_names():
    assert reports.slugify("Harbor & Vine") == "harbor-vine"
    assert reports.slugify("Café Müller (Zürich)") == "cafe-muller-zurich"
    assert reports.slugify("../../etc") == "etc"
    assert reports.slugify("日本") == "group"
