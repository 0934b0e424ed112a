"""Drive a real JupyterLab in a headless Chromium for the ``browser`` tests.

A :class:`LabServer` starts ``jupyter lab`` from the project's venv on 127.0.0.1 with a free
port, a token and private runtime/settings/workspace folders, so no state leaks between
runs or into the user's own Jupyter. :func:`launch_chromium` starts Debian's ``chromium``
through Playwright (never a browser Playwright downloaded). The page helpers use the real
UI (menus, clicks, typing) and Playwright's auto-waiting locators with explicit timeouts;
nothing waits by sleeping.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

__all__ = [
    "CHROMIUM_ARGS",
    "LabServer",
    "find_chromium",
    "frame_bottom",
    "free_port",
    "hide_left_sidebar",
    "launch_chromium",
    "open_notebook",
    "output_area",
    "parameterize_notebook",
    "run_all_cells",
    "wait_kernel_idle",
]

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"

#: Flags that keep a headless Chromium quiet and self-contained in a container.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",  # Docker's 64 MB /dev/shm crashes tabs on a page as big as Lab
]

#: Lab settings written into the private settings folder: every cell stays in the DOM
#: (no virtual scrolling that detaches widgets below the fold), the notebook's kernel
#: starts without a "Select Kernel" dialog (which appears when a slow machine is still
#: resolving kernelspecs), and no news or update toasts cover the notebook.
LAB_SETTINGS = {
    "@jupyterlab/notebook-extension/tracker.jupyterlab-settings": {
        "windowingMode": "none",
        "autoStartDefaultKernel": True,
    },
    "@jupyterlab/apputils-extension/notification.jupyterlab-settings": {
        "fetchNews": "false",
        "checkForUpdates": False,
    },
}


def find_chromium() -> str | None:
    """Return the path of Debian's ``chromium`` (or ``chromium-browser``), or None."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def jupyter_exe() -> str:
    """The ``jupyter`` of the project's venv, else the one next to this Python, else PATH."""
    for candidate in (VENV_BIN / "jupyter", Path(sys.executable).parent / "jupyter"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("jupyter")
    if found is None:
        raise RuntimeError("jupyter is not installed: run `make setup` (pip install -e '.[test]')")
    return found


class LabServer:
    """A private JupyterLab server for one test module.

    Parameters
    ----------
    root_dir : Path
        The folder Lab serves (notebooks are opened relative to it).
    state_dir : Path
        A scratch folder for the runtime, settings, workspaces and IPython folders and the
        server's log file.
    startup_timeout : float
        Seconds to wait for ``/api/status`` to answer before giving up.
    """

    def __init__(self, root_dir: Path, state_dir: Path, *, startup_timeout: float = 90.0):
        self.root_dir = Path(root_dir)
        self.state_dir = Path(state_dir)
        self.startup_timeout = startup_timeout
        self.port = free_port()
        self.token = os.urandom(16).hex()
        self.base_url = f"http://127.0.0.1:{self.port}"
        self.log_path = self.state_dir / "jupyter-lab.log"
        self.proc: subprocess.Popen | None = None

    # --- lifecycle ---------------------------------------------------------------------
    def start(self) -> LabServer:
        """Start the server and wait until its REST API answers; return self."""
        settings_dir = self.state_dir / "user-settings"
        for name, values in LAB_SETTINGS.items():
            path = settings_dir / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(values), encoding="utf-8")
        env = dict(os.environ)
        # Private Jupyter folders: a user-level config or a ``python3`` kernelspec in
        # ~/.local/share/jupyter must not change the server or shadow the venv's kernel
        # (Lab's extensions and the venv's kernel are found under the venv's prefix).
        env.update(
            JUPYTER_CONFIG_DIR=str(self.state_dir / "config"),
            JUPYTER_DATA_DIR=str(self.state_dir / "data"),
            JUPYTER_RUNTIME_DIR=str(self.state_dir / "runtime"),
            IPYTHONDIR=str(self.state_dir / "ipython"),
            JUPYTER_PLATFORM_DIRS="1",
            PYTHONUNBUFFERED="1",
            MPLBACKEND="module://matplotlib_inline.backend_inline",
        )
        cmd = [
            jupyter_exe(), "lab",
            "--no-browser",
            "--ip=127.0.0.1",
            f"--port={self.port}",
            "--port-retries=0",
            f"--IdentityProvider.token={self.token}",
            f"--ServerApp.root_dir={self.root_dir}",
            f"--LabApp.workspaces_dir={self.state_dir / 'workspaces'}",
            f"--LabApp.user_settings_dir={settings_dir}",
            # No calls out to PyPI or the news feed from a test run.
            "--LabApp.extension_manager=readonly",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            "--LabApp.news_url=",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")  # CI containers run as root
        self._log = open(self.log_path, "wb")  # noqa: SIM115 - closed in stop()
        self.proc = subprocess.Popen(cmd, cwd=self.root_dir, env=env, stdout=self._log,
                                     stderr=subprocess.STDOUT)
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.startup_timeout
        last_error = "no answer yet"
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                self.stop()
                raise RuntimeError(
                    f"jupyter lab exited with code {self.proc.returncode} before it was ready; "
                    f"its log:\n{self.log_tail()}")
            try:
                self.api("GET", "/api/status", timeout=2)
                return
            except (urllib.error.URLError, OSError) as exc:
                last_error = str(exc)
            # A blocking wait on the process (not a sleep): returns early if it dies.
            try:
                self.proc.wait(timeout=0.25)
            except subprocess.TimeoutExpired:
                pass
        self.stop()
        raise RuntimeError(
            f"jupyter lab did not answer {self.base_url}/api/status within "
            f"{self.startup_timeout:.0f} s (last error: {last_error}); its log:\n{self.log_tail()}")

    def stop(self) -> None:
        """Shut the server down (politely, then by force) and close its log."""
        if self.proc is not None and self.proc.poll() is None:
            try:
                self.api("POST", "/api/shutdown", timeout=5)
            except (urllib.error.URLError, OSError):
                pass
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.terminate()
                try:
                    self.proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    self.proc.kill()
                    self.proc.wait(timeout=5)
        if getattr(self, "_log", None) is not None:
            self._log.close()
            self._log = None

    def log_tail(self, chars: int = 4000) -> str:
        """The end of the server's log (for failure messages)."""
        try:
            return self.log_path.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return "(no log)"

    # --- REST API ----------------------------------------------------------------------
    def api(self, method: str, path: str, *, timeout: float = 10):
        """Call the server's REST API with the token; return the decoded JSON (or None)."""
        req = urllib.request.Request(self.base_url + path, method=method,
                                     headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read()
        return json.loads(body) if body else None

    def delete_sessions(self) -> None:
        """Shut down every kernel session, so each test starts from a clean server."""
        for session in self.api("GET", "/api/sessions"):
            self.api("DELETE", f"/api/sessions/{session['id']}")

    def url(self, path: str = "", *, workspace: str | None = None) -> str:
        """The browser URL of a Lab path (e.g. ``tree/x.ipynb``), token included.

        With ``workspace``, Lab opens in that named workspace (a new name starts from a
        clean layout: no tabs left open by an earlier test, the default sidebars).
        """
        where = f"workspaces/{workspace}/" if workspace else ""
        return f"{self.base_url}/lab/{where}{path}?token={self.token}"


def launch_chromium(playwright, *, executable_path: str | None = None):
    """Launch Debian's headless chromium through Playwright and return the browser."""
    path = executable_path or find_chromium()
    if path is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    return playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)


def parameterize_notebook(src: Path, dst: Path, **params) -> Path:
    """Copy a notebook with ``params`` set in its ``parameters`` cell; nothing is executed.

    One assignment per parameter (with ``repr`` values) is appended to the cell tagged
    ``parameters``, so the values win over the defaults the way papermill's injected cell
    does, while the notebook keeps the same cells. Outputs are dropped.

    Raises
    ------
    ValueError
        When the notebook has no cell tagged ``parameters``.
    """
    import nbformat

    nb = nbformat.read(src, as_version=4)
    cells = [c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    if not cells:
        raise ValueError(f"{src}: no cell is tagged 'parameters'; tag the cell that sets "
                         f"{', '.join(params)} so tests can point the notebook elsewhere")
    # Like papermill's injected cell: the defaults stay, the new values follow them.
    injected = "\n".join(f"{name} = {value!r}" for name, value in params.items())
    cells[0].source = f"{cells[0].source.rstrip()}\n# injected by the browser test\n{injected}\n"
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    dst.parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(nb, dst)
    return dst


# --- page helpers ----------------------------------------------------------------------
def open_notebook(page, lab: LabServer, relpath: str, *, timeout: float = 60_000):
    """Open ``relpath`` (relative to the server's root) in Lab and wait for its kernel.

    Each call uses a new, empty Lab workspace, so nothing an earlier test opened or
    rearranged is restored. Returns the locator of the notebook panel.
    """
    workspace = f"test-{os.urandom(4).hex()}"
    page.goto(lab.url(f"tree/{relpath}", workspace=workspace), timeout=timeout)
    panel = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)").first
    panel.locator(".jp-Cell").first.wait_for(state="visible", timeout=timeout)
    wait_kernel_idle(page, timeout=timeout)
    return panel


#: In-page check: the visible notebook has a kernel (not "No Kernel", which the toolbar
#: shows while the session starts, with an execution indicator that already says "idle")
#: and that kernel is idle.
_KERNEL_IDLE_JS = """
() => {
  const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
  if (!panel) return false;
  const name = panel.querySelector('.jp-KernelName, .jp-Toolbar-kernelName')?.textContent ?? '';
  const idle = panel.querySelector('.jp-Notebook-ExecutionIndicator[data-status="idle"]');
  return Boolean(idle) && name.trim() !== '' && name.trim() !== 'No Kernel';
}
"""


def wait_kernel_idle(page, *, timeout: float = 60_000) -> None:
    """Wait until the current notebook is connected to a kernel and that kernel is idle."""
    page.wait_for_function(_KERNEL_IDLE_JS, timeout=timeout)


#: In-page check run by :func:`run_all_cells`: "done" when every non-empty code cell of the
#: visible notebook shows an execution count, "stopped" when nothing is queued or running
#: but some cell never ran (an error aborted the rest), else false (keep waiting).
_RUN_STATE_JS = """
() => {
  const nb = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook');
  if (!nb) return false;
  const cells = [...nb.querySelectorAll('.jp-CodeCell')].filter(
    c => (c.querySelector('.cm-content')?.textContent ?? '').trim() !== '');
  if (!cells.length) return false;
  const prompts = cells.map(c => c.querySelector('.jp-InputArea-prompt')?.textContent ?? '');
  if (prompts.every(p => /\\[\\d+\\]/.test(p))) return 'done';
  if (prompts.some(p => p.includes('*'))) return false;
  const idle = document.querySelector(
    '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator[data-status="idle"]');
  return idle && prompts.some(p => /\\[\\d+\\]/.test(p)) ? 'stopped' : false;
}
"""


def run_all_cells(page, *, timeout: float = 120_000) -> None:
    """Run › Run All Cells from the menu bar; wait until every code cell has run.

    Raises
    ------
    AssertionError
        When the run stopped before the last cell (a cell raised), with the error text
        shown in the notebook.
    """
    notebook = page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook").first
    notebook.locator(".jp-Cell").first.click()  # focus the notebook so the menu targets it
    page.get_by_role("menuitem", name="Run", exact=True).click()
    page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
    state = page.wait_for_function(_RUN_STATE_JS, timeout=timeout).json_value()
    if state != "done":
        errors = notebook.locator(
            ".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']")
        text = "\n---\n".join(errors.all_inner_texts()) or "(no error output shown)"
        raise AssertionError(f"Run All Cells stopped before the last cell; the notebook shows:\n"
                             f"{text[-4000:]}")


def output_area(page):
    """The outputs of the current notebook (widget selectors are scoped here, since Lab
    has its own buttons such as "Save")."""
    return page.locator(".jp-NotebookPanel:not(.lm-mod-hidden) .jp-OutputArea-output")


def hide_left_sidebar(page, *, timeout: float = 10_000) -> None:
    """Collapse Lab's left sidebar (file browser), as a user clicking its open tab would,
    so screenshots give the notebook the full width. Does nothing when it is closed."""
    page.locator(".jp-SideBar.jp-mod-left").wait_for(state="visible", timeout=timeout)
    stack = page.locator("#jp-left-stack")
    if stack.is_visible():
        page.locator(".jp-SideBar.jp-mod-left .lm-TabBar-tab.lm-mod-current").click()
        stack.wait_for(state="hidden", timeout=timeout)


def frame_bottom(locator) -> None:
    """Scroll the notebook so ``locator``'s bottom edge sits at the bottom of the view
    (a screenshot then shows it with what is above it)."""
    locator.evaluate("el => el.scrollIntoView({block: 'end', inline: 'nearest'})")
