"""Real-browser tests: JupyterLab in Debian's headless chromium, driven by Playwright.

One Lab server serves the whole module (a private root, settings, workspaces and runtime
folder under pytest's tmp dir); each test opens its notebook in a fresh browser context
and shuts its kernel session down afterwards. The notebooks are *copies* with their
``parameters`` cell pointed at a temp log, so nothing here writes to ``data/``.

Without chromium these tests are skipped (see ``conftest.py``); with ``CI=true`` a missing
chromium fails them. Run them alone with ``pytest -m browser``. When one fails, look at
``last-state.png`` in its tmp dir and at ``lab_state0/jupyter-lab.log`` under pytest's
base temp dir.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

import lab_harness as H

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
#: Explicit timeouts (ms) for Playwright's auto-waiting; generous for a cold 2-core machine.
STEP_MS = 30_000
RUN_MS = 120_000


# --- fixtures --------------------------------------------------------------------------
@pytest.fixture(scope="module")
def chromium_path() -> str:
    path = H.find_chromium()
    if path is None:  # conftest skips unless CI=true: under CI a missing browser is a failure
        pytest.fail("CI=true but Debian's chromium is not installed: the browser tests need it "
                    "(apt-get install chromium; .ci/run does this).", pytrace=False)
    return path


@pytest.fixture(scope="module")
def browser(chromium_path):
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("the Python package playwright is missing: pip install -e '.[test]' "
                    "(it drives Debian's chromium; never run `playwright install`).",
                    pytrace=False)
    from playwright.sync_api import expect

    expect.set_options(timeout=STEP_MS)  # the 5 s default is short for a busy 2-core machine
    with sync_playwright() as pw:
        browser = H.launch_chromium(pw, executable_path=chromium_path)
        yield browser
        browser.close()
    expect.set_options(timeout=None)


@pytest.fixture(scope="module")
def lab(tmp_path_factory):
    root = tmp_path_factory.mktemp("lab_root")
    state = tmp_path_factory.mktemp("lab_state")
    server = H.LabServer(root, state).start()
    yield server
    server.stop()


@pytest.fixture
def page(browser, lab, tmp_path):
    """A fresh browser context on the module's Lab; its last state is saved as
    ``last-state.png`` in the test's tmp dir, then its kernel sessions are shut down."""
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(STEP_MS)
    yield page
    try:
        page.screenshot(path=str(tmp_path / "last-state.png"))
    finally:
        context.close()
        lab.delete_sessions()


def _probe_notebook(path: Path) -> Path:
    """A tiny notebook whose button writes the text field's value to ``out``."""
    import nbformat

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3",
                                 "language": "python"}
    nb.cells = [
        nbformat.v4.new_markdown_cell("# Harness probe"),
        nbformat.v4.new_code_cell('out = "nowhere.txt"', metadata={"tags": ["parameters"]}),
        nbformat.v4.new_code_cell(
            "import pathlib\n"
            "import ipywidgets as w\n"
            "text = w.Text(placeholder='words to write')\n"
            "button = w.Button(description='Write it')\n"
            "status = w.HTML('nothing written yet')\n"
            "def write(_):\n"
            "    pathlib.Path(out).write_text(text.value, encoding='utf-8')\n"
            "    status.value = f'wrote {len(text.value)} characters'\n"
            "button.on_click(write)\n"
            "w.VBox([text, button, status])"),
    ]
    nbformat.write(nb, path)
    return path


# --- tests -----------------------------------------------------------------------------
def test_lab_runs_a_notebook_and_its_widgets_answer_clicks(page, lab, tmp_path):
    """The harness itself: Run All from the menu, a widget rendered, typed into, clicked."""
    from playwright.sync_api import expect

    out = tmp_path / "written.txt"
    H.parameterize_notebook(_probe_notebook(tmp_path / "probe.ipynb"),
                            lab.root_dir / "probe.ipynb", out=str(out))
    H.open_notebook(page, lab, "probe.ipynb")
    H.run_all_cells(page, timeout=RUN_MS)

    outputs = H.output_area(page)
    outputs.get_by_placeholder("words to write").fill("écrit par Chromium")
    outputs.get_by_role("button", name="Write it").click()
    expect(outputs.get_by_text("wrote 18 characters")).to_be_visible(timeout=STEP_MS)
    assert out.read_text(encoding="utf-8") == "écrit par Chromium"


#: The person the letter goes to: in the sample, not contacted yet and with no letter saved.
LETTER_TO = "C0039"


def _read_table(log_dir: Path, name: str):
    import pandas as pd

    return pd.read_csv(log_dir / name, dtype=str, keep_default_na=False)


def test_reach_out_letter_is_logged_as_sent_from_the_browser(page, lab, sample_log_dir, tmp_path):
    """03_reach_out in Lab: Run All, write to a new person, click "Save draft file" (an .eml
    draft lands in the log's drafts/ folder, nothing is logged), then "Log as sent"; the
    outreach row lands in the interactions.csv of the log the notebook was pointed at."""
    import datetime as dt
    import json
    import os
    import re

    from playwright.sync_api import expect

    from infoint_nb import planning as P
    from infoint_nb import schema as S
    from infoint_nb.forms.reach_out import LOG_AS_SENT, OPEN_IN_MAIL, SAVE_DRAFT_FILE

    before = _read_table(sample_log_dir, S.INTERACTIONS_FILE)
    contacts = _read_table(sample_log_dir, S.CONTACTS_FILE).set_index(S.CONTACT_ID)
    plan = json.loads((sample_log_dir / S.PLAN_FILE).read_text(encoding="utf-8"))
    assert LETTER_TO not in set(before[S.CONTACT_ID]) and LETTER_TO not in plan["letters"], (
        "the sample changed: pick for LETTER_TO a contact with no interactions and no letter")
    person = contacts.loc[LETTER_TO, S.NAME]
    H.parameterize_notebook(ROOT / "notebooks" / "03_reach_out.ipynb",
                            lab.root_dir / "03_reach_out.ipynb", log_dir=str(sample_log_dir))
    H.open_notebook(page, lab, "03_reach_out.ipynb")
    H.hide_left_sidebar(page)
    H.run_all_cells(page, timeout=RUN_MS)

    form = H.output_area(page).locator(".infoint-LetterForm")
    expect(form).to_have_count(1)

    def control(name):  # the input of form.controls[name] (see infoint_nb.forms.reach_out)
        return form.locator(f".infoint-{name}").locator("input, textarea, select")

    # Choose the person; the kernel loads their (empty) letter and suggests a greeting.
    # Wait for that before typing, or the switch could overwrite what we type.
    write_to = control("contact_id")
    option = write_to.locator(f"option[value$='({LETTER_TO})']")
    write_to.select_option(value=option.get_attribute("value"))
    expect(form.locator(".infoint-contact-card")).to_contain_text(person)
    # one greeting rule: the first name, unless a title is known
    expect(control("recipient_name")).to_have_value(P.greeting_name(person))

    typed = {
        "recipient_name": "Mr Larsen",
        "why_organisation": "Harbor & Vine's recipe app is the one my colleagues swear by, "
                            "and its onboarding reads like a good lesson.",
        "why_person": "You test the app with real cooks every week, the research I want "
                      "to learn to run.",
        "time_window": "I am free most afternoons between 5 and 16 October.",
    }
    for control_name, text in typed.items():
        control(control_name).fill(text)
    # The letter preview is computed in the kernel: once it shows the last part typed,
    # the kernel has every value.
    preview = form.locator(".infoint-preview-letter textarea")
    expect(preview).to_have_value(re.compile(re.escape(typed["time_window"])))
    expect(preview).to_have_value(re.compile(r"^Dear Mr Larsen,"))

    today = dt.date.today().isoformat()
    # the mail link carries the letter; the draft file is written, nothing is logged yet
    link = form.locator(".infoint-mail-link a.infoint-mailto")
    expect(link).to_have_text(OPEN_IN_MAIL)
    expect(link).to_have_attribute("href", re.compile(r"^mailto:.*Dear%20Mr%20Larsen%2C"))
    form.get_by_role("button", name=SAVE_DRAFT_FILE, exact=True).click()
    status = form.locator(".infoint-status-line .infoint-status")
    draft = sample_log_dir / "drafts" / f"{LETTER_TO}-outreach-{today}.eml"
    expect(status).to_contain_text("Saved the draft file", timeout=STEP_MS)
    expect(status).to_contain_text(draft.name)
    assert draft.is_file(), sorted(p.name for p in sample_log_dir.rglob("*"))
    import email
    from email import policy
    msg = email.message_from_bytes(draft.read_bytes(), policy=policy.default)
    assert msg["X-Unsent"] == "1"
    assert msg["To"] is None  # no e-mail address in the log: the mail program asks for one
    assert msg["Subject"].startswith("Request for a short informational interview")
    body = msg.get_content().replace("\r\n", "\n")
    assert body.startswith("Dear Mr Larsen,") and typed["time_window"] in body
    assert _read_table(sample_log_dir, S.INTERACTIONS_FILE).equals(before)

    form.get_by_role("button", name=LOG_AS_SENT, exact=True).click()
    expect(status).to_contain_text(f"Logged the e-mail to {person}", timeout=STEP_MS)
    expect(status).to_have_attribute("data-level", re.compile("^(ok|warning)$"))

    H.frame_bottom(form.locator(".infoint-status-line"))
    shot = tmp_path / "browser-03_reach_out.png"
    page.screenshot(path=str(shot))
    assert shot.stat().st_size > 10_000  # a real picture, not a blank page
    print(f"screenshot: {shot}")
    if os.environ.get("INFOINT_UPDATE_DOCS"):  # refresh the README's picture on request
        DOCS.mkdir(exist_ok=True)
        shutil.copyfile(shot, DOCS / "browser-03_reach_out.png")

    after = _read_table(sample_log_dir, S.INTERACTIONS_FILE)
    new = after[~after[S.INTERACTION_ID].isin(before[S.INTERACTION_ID])]
    assert len(after) == len(before) + 1 and len(new) == 1, new
    row = new.iloc[0]
    assert (row[S.CONTACT_ID], row[S.KIND], row[S.CHANNEL]) == (LETTER_TO, S.OUTREACH, "email")
    assert row[S.DATE] == today
    assert re.search(r"\(\d+ words\)", row[S.NOTES]), row[S.NOTES]
    # The rows that were there are untouched.
    kept = after.set_index(S.INTERACTION_ID).loc[before[S.INTERACTION_ID]]
    assert kept.equals(before.set_index(S.INTERACTION_ID))

    due = P.follow_up_due_date(today)
    expect(status).to_contain_text(row[S.INTERACTION_ID])
    expect(status).to_contain_text(f"Follow up on {P.human_date(due)}")
    plan = json.loads((sample_log_dir / S.PLAN_FILE).read_text(encoding="utf-8"))
    saved = plan["letters"][LETTER_TO]
    assert saved["logged_interaction_id"] == row[S.INTERACTION_ID]
    assert saved["follow_up_due"] == due.isoformat()
    assert saved["recipient_name"] == "Mr Larsen"
    assert saved["why_organisation"] == typed["why_organisation"]
