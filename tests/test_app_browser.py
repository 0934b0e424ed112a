"""The app (``infoint app``, Voilà) in a real headless Chromium: pages without code, forms that
write to the log, an upload with its preview, the report rendered from a button and downloaded,
and a kernel that refuses code sent from the browser."""
from __future__ import annotations

import asyncio
import json
import os
import re
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from pathlib import Path

import pytest

import lab_harness as H
from conftest import ROOT, copy_log, infoint_exe

pytestmark = pytest.mark.browser
STEP_MS = 90_000
#: A page appears once its notebook has run top to bottom: slow on a busy 2-core machine.
PAGE_MS = 240_000


class App:
    """``infoint app --log LOG`` on a free port; :attr:`url` carries the token."""

    def __init__(self, log_dir: Path, log_file: Path, workspace: Path):
        self.port = H.free_port()
        self.out = log_file.open("w")
        self.log_file = log_file
        self.workspace = workspace
        env = {**os.environ, "MPLBACKEND": "Agg"}
        self.proc = subprocess.Popen(
            [infoint_exe(), "app", "--dir", str(workspace), "--log", str(log_dir),
             "--no-browser", "--port", str(self.port)], stdout=self.out, stderr=subprocess.STDOUT, env=env)
        deadline = time.monotonic() + 90
        self.url = None
        while time.monotonic() < deadline:
            text = log_file.read_text()
            m = re.search(r"(http://127\.0\.0\.1:\d+/\?token=(\S+))", text)
            if m and self._answers(m.group(1)):
                self.url, self.token = m.group(1), m.group(2)
                return
            if self.proc.poll() is not None:
                break
            time.sleep(0.3)
        raise AssertionError("the app did not start:\n" + log_file.read_text()[-3000:])

    def _answers(self, url: str) -> bool:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            return False

    def page_url(self, notebook: str) -> str:
        return f"http://127.0.0.1:{self.port}/voila/render/{notebook}?token={self.token}"

    def stop(self):
        self.proc.terminate()
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        self.out.close()


@pytest.fixture(scope="module")
def chromium_path() -> str:
    path = H.find_chromium()
    if path is None:
        pytest.fail("CI=true but Debian's chromium is not installed: the browser tests need it "
                    "(apt-get install chromium; .ci/run does this).", pytrace=False)
    return path


@pytest.fixture(scope="module")
def app_log(tmp_path_factory):
    return copy_log(ROOT / "data" / "sample", tmp_path_factory.mktemp("app") / "log")


@pytest.fixture(scope="module")
def app(app_log, tmp_path_factory):
    server = App(app_log, tmp_path_factory.mktemp("app_server") / "voila.log",
                 tmp_path_factory.mktemp("workspace"))
    yield server
    server.stop()


@pytest.fixture(scope="module")
def browser(chromium_path):
    from playwright.sync_api import expect, sync_playwright
    expect.set_options(timeout=STEP_MS)
    with sync_playwright() as pw:
        b = H.launch_chromium(pw, executable_path=chromium_path)
        yield b
        b.close()
    expect.set_options(timeout=None)


@pytest.fixture
def page(browser, tmp_path):
    context = browser.new_context(viewport={"width": 1280, "height": 1100}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(STEP_MS)
    yield page
    try:
        page.screenshot(path=str(tmp_path / "last-state.png"), full_page=True)
    finally:
        context.close()


def _code_sources(notebook: str) -> list[str]:
    nb = json.loads((ROOT / "notebooks" / notebook).read_text("utf-8"))
    return ["".join(c["source"]).strip() for c in nb["cells"] if c["cell_type"] == "code"]


def _open(page, app, notebook: str):
    page.goto(app.page_url(notebook), timeout=PAGE_MS)
    page.locator(".infoint-log-line").first.wait_for(state="visible", timeout=PAGE_MS)


def test_without_the_token_nothing_is_served(app):
    req = urllib.request.Request(f"http://127.0.0.1:{app.port}/voila/render/00_start_here.ipynb")

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *a, **k):
            return None
    opener = urllib.request.build_opener(NoRedirect)
    with pytest.raises(urllib.error.HTTPError) as info:
        opener.open(req, timeout=10)
    assert info.value.code in (302, 403)
    assert "127.0.0.1" in app.url


def test_pages_show_forms_and_no_code_and_the_form_writes_to_the_log(page, app, app_log):
    _open(page, app, "02_find_people.ipynb")
    content = page.content()
    for src in _code_sources("02_find_people.ipynb"):
        first = src.splitlines()[-1]
        assert first not in content, f"code is visible: {first!r}"
    assert page.locator(".jp-CodeMirrorEditor, .cm-editor").count() == 0
    nav = page.locator('.jp-RenderedMarkdown a[href$=".ipynb"]')
    assert nav.count() == 9
    form = page.locator(".infoint-AddContactForm")
    form.locator(".infoint-name input").fill("Wren Okafor")
    form.locator(".infoint-company input").fill("Harbor Light Labs")
    form.locator(".infoint-button-submit").click()
    from playwright.sync_api import expect
    expect(form.locator(".infoint-status-ok")).to_be_visible()
    text = (app_log / "contacts.csv").read_text("utf-8")
    assert "Wren Okafor" in text and "Harbor Light Labs" in text
    # an import takes the file through the upload button and shows the dry run first
    importer = page.locator(".infoint-ImportForm")
    with page.expect_file_chooser() as chooser:
        importer.locator(".infoint-upload").click()
    chooser.value.set_files(str(ROOT / "tests" / "fixtures" / "import" /
                                "linkedin_connections.csv"))
    expect(importer.locator(".lm-Widget.infoint-import-counts")).to_contain_text("Zoë Ångström")
    assert "Zoë Ångström" not in (app_log / "contacts.csv").read_text("utf-8")
    importer.locator(".infoint-button-submit").click()
    expect(importer.locator(".infoint-status-ok")).to_be_visible()
    assert "Zoë Ångström" in (app_log / "contacts.csv").read_text("utf-8")
    # the navigation bar leads to the next step, still without code
    page.locator('.jp-RenderedMarkdown a[href$="03_reach_out.ipynb"]').click()
    page.locator(".infoint-LetterForm").wait_for(state="visible", timeout=PAGE_MS)
    assert "/voila/render/03_reach_out.ipynb" in page.url


def test_the_report_renders_from_a_button_and_downloads(page, app, tmp_path):
    _open(page, app, "08_report.ipynb")
    form = page.locator(".infoint-ReportForm")
    form.locator(".infoint-button-submit").click()
    link = form.locator("a.infoint-download")
    link.wait_for(state="visible", timeout=180_000)
    with page.expect_download() as info:
        link.click()
    saved = tmp_path / "report.html"
    info.value.save_as(saved)
    assert "Brightline Learning" in saved.read_text("utf-8")
    assert form.locator("img.infoint-report-figure").count() >= 3
    if os.environ.get("INFOINT_UPDATE_DOCS"):
        page.screenshot(path=str(ROOT / "docs" / "app-08_report.png"))
    export = page.locator(".infoint-ExportForm")
    export.locator(".infoint-button-submit").click()
    with page.expect_download() as info:
        export.locator("a.infoint-download").click()
    assert info.value.suggested_filename.endswith(".xlsx")


def test_the_kernel_refuses_code_sent_from_the_browser(page, app, tmp_path):
    """A page's kernel answers widget and info messages but never runs an execute_request."""
    from tornado.websocket import websocket_connect
    _open(page, app, "00_start_here.ipynb")
    kernel = re.search(r'"kernelId":\s*"([0-9a-f-]+)"', page.content()).group(1)
    marker = tmp_path / "ran.txt"

    def msg(kind, content):
        return json.dumps({"header": {"msg_id": uuid.uuid4().hex, "msg_type": kind,
                                      "username": "t", "session": uuid.uuid4().hex,
                                      "date": "", "version": "5.3"},
                           "parent_header": {}, "metadata": {}, "content": content,
                           "channel": "shell", "buffers": []})

    async def probe():
        ws = await websocket_connect(f"ws://127.0.0.1:{app.port}/api/kernels/{kernel}/"
                                     f"channels?token={app.token}")
        await ws.write_message(msg("execute_request", {
            "code": f"open({str(marker)!r}, 'w').write('x')", "silent": False,
            "store_history": False, "user_expressions": {}, "allow_stdin": False}))
        await ws.write_message(msg("kernel_info_request", {}))
        seen = []
        while "kernel_info_reply" not in seen:
            m = await asyncio.wait_for(ws.read_message(), 30)
            if isinstance(m, str):
                seen.append(json.loads(m)["header"]["msg_type"])
        try:                                   # give a (wrongly) accepted request time to run
            while True:
                m = await asyncio.wait_for(ws.read_message(), 3)
                if isinstance(m, str):
                    seen.append(json.loads(m)["header"]["msg_type"])
        except asyncio.TimeoutError:
            pass
        ws.close()
        return seen
    from concurrent.futures import ThreadPoolExecutor
    with ThreadPoolExecutor(1) as pool:          # Playwright's loop owns this thread
        seen = pool.submit(asyncio.run, probe()).result(timeout=120)
    assert "kernel_info_reply" in seen
    assert "execute_reply" not in seen and "execute_input" not in seen
    assert not marker.exists()


def test_only_the_pages_are_served_not_files_or_the_log(app, app_log):
    """With the token: no contents API, no notebook source, no file outside the notebooks."""
    def status(path: str) -> int:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{app.port}/{path}"
                                        f"?token={app.token}", timeout=20) as r:
                return r.status
        except urllib.error.HTTPError as exc:
            return exc.code
    assert status("voila/render/00_start_here.ipynb") == 200
    assert status("api/contents") == 404
    assert status("voila/files/08_report.ipynb") in (403, 404)        # no source
    assert status("api/kernels") == 404
    rel = os.path.relpath(app_log / "contacts.csv", app.workspace / "notebooks")
    assert status("voila/files/" + urllib.parse.quote(rel, safe="")) in (403, 404)
    assert status("voila/files/" + rel) in (403, 404)
