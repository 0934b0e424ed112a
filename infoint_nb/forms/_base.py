"""The base of every widget form: controls, memory in ``plan.json``, a status line.

A form is a thin layer over pure :mod:`infoint_nb.planning` functions and the
:class:`~infoint_nb.store.ContactLog`:

- :class:`Form` — a *planning* form. ``submit()`` runs its checks and saves
  :attr:`Form.value` to its ``plan.json`` section (per contact where the form is
  about one person). A draft that fails its checks is saved too, with the problems
  shown, so nothing typed is lost.
- :class:`EntryForm` — an *entry* form (add a contact, log a call). ``submit()``
  writes rows to the log and then clears the controls for the next entry; when the
  entry cannot be written, what was typed stays on screen and is kept as a draft in
  ``plan.json`` (section ``drafts``).

Every form exposes ``.widget`` (what the notebook shows), ``.value`` (a dict of
everything typed), ``.controls`` (name → widget, stable names tests can address)
and ``.status`` (an HTML widget; ``.status_level`` is ``ok``, ``info``,
``warning`` or ``error``). Errors never surface as tracebacks: an
:class:`~infoint_nb.errors.InfointError` shows its message, anything else a short
note. ipywidgets is imported only when a form is built (:func:`require_widgets`).
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from typing import Any, ClassVar

from .. import planning as P
from .. import schema as S
from ..errors import InfointError, ParameterError
from ..markup import literal
from ..planning import Check, worst_level

__all__ = [
    "require_widgets", "FormResult", "Form", "EntryForm", "status_html", "checks_html",
    "contact_options", "last_interaction_date", "DRAFTS_SECTION", "STATUS_COLOURS",
    "download_html",
]

#: ``plan.json`` section that keeps unsaved entry-form drafts, keyed by form class name.
DRAFTS_SECTION = "drafts"

#: Colour of the status line per level.
STATUS_COLOURS: dict[str, str] = {
    "ok": "#1a7f37", "info": "#0969da", "warning": "#9a6700", "error": "#cf222e",
}
_SYMBOLS = {"ok": "✓", "info": "ℹ", "warning": "⚠", "error": "✗"}
_DESCRIPTION_WIDTH = "15em"


def require_widgets():
    """Import and return :mod:`ipywidgets`, with a clear message when it is missing.

    Raises
    ------
    ImportError
        Saying how to install ipywidgets.
    """
    try:
        import ipywidgets
    except ImportError as exc:  # pragma: no cover - ipywidgets is a dependency
        raise ImportError(
            "infoint_nb's forms need ipywidgets 8 or later, which is not installed. "
            "Install it with `pip install ipywidgets` (or `conda install -c conda-forge "
            "ipywidgets`) and restart the kernel.") from exc
    return ipywidgets


@dataclass
class FormResult:
    """What a ``submit()`` (or a button of a form) did.

    Attributes
    ----------
    ok : bool
        True when it was saved (or written) and no check failed at level ``error``.
    saved : bool
        Whether anything reached the disk.
    level : str
        ``ok``, ``info``, ``warning`` or ``error`` (the status line's colour).
    message : str
        What the status line says.
    checks : list of Check
        The checks that ran.
    data : dict
        Anything the form wants to hand back (new ids, a due date, …).
    """

    ok: bool
    saved: bool
    level: str
    message: str
    checks: list[Check] = field(default_factory=list)
    data: dict = field(default_factory=dict)


def _esc(text: str) -> str:
    # each line of a (multi-line) message as literal text; data cannot add markup
    return "<br>".join(literal(line, into="html") for line in str(text).split("\n"))


def checks_html(checks: list[Check], *, passed: bool = True) -> str:
    """Checks as an HTML list: ✓ for passed ones (when ``passed``), the level's mark else."""
    items = []
    for c in checks:
        if c.ok and not passed:
            continue
        level = "ok" if c.ok else c.level
        items.append(
            f'<li class="infoint-check infoint-check-{level}" data-check="{c.name}" '
            f'style="color:{STATUS_COLOURS[level]}">{_SYMBOLS[level]} {_esc(c.message)}</li>')
    if not items:
        return ""
    return '<ul style="margin:0.2em 0;padding-left:1.2em;list-style:none">' + "".join(items) + "</ul>"


def status_html(level: str, message: str, checks: list[Check] | None = None) -> str:
    """The status line: a coloured message, then the failed checks."""
    colour = STATUS_COLOURS.get(level, STATUS_COLOURS["info"])
    body = (f'<div class="infoint-status infoint-status-{level}" data-level="{level}" '
            f'style="color:{colour}">{_SYMBOLS.get(level, "")} {_esc(message)}</div>')
    return body + checks_html(checks or [], passed=False)


def contact_options(log, *, targets_first: bool = True) -> list[tuple[str, str]]:
    """``(label, contact_id)`` pairs for a contact dropdown, e.g. ``Dana Whitfield — Brightline``.

    With ``targets_first``, contacts with a priority come first (by priority), then
    everyone else by name.
    """
    # every form of a notebook asks for the same list: build it once per version of the
    # log (a change or reload replaces the log's raw frames)
    from ._facts import facts
    f = facts(log)
    out = f.once(("contact_options", bool(targets_first)),
                 lambda: _order_contact_options(f.once("contact_options", lambda: (
                     _make_contact_options(f.contacts))), targets_first))
    if out and not any(known is out for known in _CONTACT_LISTS):
        _CONTACT_LISTS.append(out)  # a long list _prepared_options may find as a tail
        del _CONTACT_LISTS[:-4]
    return list(out)


def _make_contact_options(c) -> tuple:
    """``(options in file order, case-folded names, priorities)``: the (label, id) pairs
    made once, shared by both orders of the list."""
    import numpy as np
    # plain lists, not a per-row walk of the Arrow columns
    ids, names = c[S.CONTACT_ID].tolist(), c[S.NAME].tolist()
    companies = c[S.COMPANY].tolist()
    pairs = []
    for name, company, cid in zip(names, companies, ids):
        label = f"{name} — {company}" if company else name
        pairs.append((f"{label} ({cid})", cid))
    folded = np.array([n.casefold() for n in names], dtype=object)
    return pairs, folded, c[S.PRIORITY].fillna(99).astype(int).to_numpy()


def _order_contact_options(made: tuple, targets_first: bool) -> tuple:
    """One stable sort by (priority, case-folded name), or by name alone."""
    import numpy as np
    pairs, folded, priority = made
    if not pairs:
        return ()
    order = np.lexsort((folded, priority) if targets_first else (folded,))
    return tuple([pairs[k] for k in order.tolist()])


_CONTACT_LISTS: list = []  # the contact lists handed out last (tuples), newest last


def log_version(log) -> tuple:
    """What identifies the version of a log's files a form has seen: its raw frames,
    which every change or reload replaces. Kept as objects (not ``id()``s, which a new
    frame may reuse), so compare with :func:`same_version`."""
    return (log, getattr(log, "_contacts_raw", None), getattr(log, "_interactions_raw", None))


def same_version(old, new) -> bool:
    """Whether two keys made from :func:`log_version` (plus plain values) are the same."""
    return old is not None and len(old) == len(new) and all(
        a is b or (not hasattr(a, "shape") and not hasattr(a, "folder") and a == b)
        for a, b in zip(old, new))


def _contact_row(log, cid: str | None) -> dict:
    """The contacts-file row of ``cid`` as text (``{}`` for nobody or an unknown id)."""
    if not cid:
        return {}
    from ._facts import facts
    return facts(log).contact_row(cid)


def last_interaction_date(log, contact_id: str | None, kinds) -> _dt.date | None:
    """The day of ``contact_id``'s latest interaction of one of ``kinds`` (None if none)."""
    if not contact_id:
        return None
    from ._facts import facts
    f = facts(log)
    kinds = list(kinds)

    def make():
        i = f.interactions_of(contact_id)
        hit = i[i[S.KIND].isin(kinds)]
        return hit[S.DATE].max().date() if len(hit) else None
    # asked on every keystroke of some forms: once per version of the log
    return f.once(("last_interaction_date", contact_id, tuple(kinds)), make)


def _meeting_of(log, contact_id: str | None) -> dict:
    """:func:`~infoint_nb.forms.prepare.latest_meeting` of ``contact_id``, worked out once
    per version of the log (each caller gets its own dict)."""
    from ._facts import facts
    from .prepare import latest_meeting
    return dict(facts(log).once(("latest_meeting", contact_id),
                                lambda: latest_meeting(log, contact_id)))


def _to_json(value: Any) -> Any:
    if isinstance(value, (_dt.datetime, _dt.date)):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_to_json(v) for v in value]
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    return value


class Form:
    """Base class of a planning form whose state lives in a ``plan.json`` section.

    Subclasses set :attr:`section` (and :attr:`per_contact` when the section holds
    one entry per contact), create their controls in :meth:`_build` with the
    ``_text``/``_dropdown``/… helpers, and may override :meth:`checks`,
    :meth:`refresh` (live previews), :meth:`_save` and :meth:`_layout`.

    Parameters
    ----------
    log : ContactLog
        The open log (see :func:`infoint_nb.notebook.open_log`).

    Attributes
    ----------
    widget : ipywidgets.Widget
        What the notebook displays.
    controls : dict
        Name → input widget; the names are the keys of :attr:`value`.
    status : ipywidgets.HTML
        The status line; :attr:`status_level` and :attr:`status_message` hold its state.
    """

    #: The ``plan.json`` section this form saves to (``None``: it saves nothing there).
    section: ClassVar[str | None] = None
    #: Whether the section holds one entry per ``contact_id`` (the ``contact_id`` control).
    per_contact: ClassVar[bool] = False
    #: Controls kept when switching to a contact with nothing saved yet.
    shared_fields: ClassVar[tuple[str, ...]] = ()
    #: Controls that are not part of :attr:`value` (e.g. the contact selector).
    transient: ClassVar[tuple[str, ...]] = ()
    #: Heading shown above the form.
    title: ClassVar[str] = ""
    #: Label of the main button.
    submit_label: ClassVar[str] = "Save"
    #: The day to read the log as of (set by forms that take ``as_of=``; None: today).
    as_of: _dt.date | None = None

    def __init__(self, log):
        self.log = log
        self.w = require_widgets()
        self.controls: dict[str, Any] = {}
        self.buttons: dict[str, Any] = {}
        self.status = self.w.HTML(value="")
        self.status.add_class("infoint-status-line")
        self.status_level = "ok"
        self.status_message = ""
        self.last_result: FormResult | None = None
        self._loading = False
        self._ready = False
        self.submit_button = self._button("submit", self.submit_label, self._on_submit,
                                          style="primary")
        self._build()
        self._defaults = {k: c.value for k, c in self.controls.items()}
        self.load()
        for ctl in self.controls.values():
            ctl.observe(self._on_control_change, names="value")
        self._ready = True
        self._safe_refresh()
        self.widget = self._layout()
        self.widget.add_class("infoint-form")
        self.widget.add_class(f"infoint-{type(self).__name__}")

    # -- building helpers --------------------------------------------------------------
    def _style(self):
        return {"description_width": _DESCRIPTION_WIDTH}

    def _register(self, name: str, ctl):
        """Add ``ctl`` to :attr:`controls` as ``name`` (CSS class ``infoint-<name>``)."""
        ctl.add_class(f"infoint-{name}")
        self.controls[name] = ctl
        if self._ready:  # a control added after construction (e.g. a new row)
            ctl.observe(self._on_control_change, names="value")
        return ctl

    def _text(self, name: str, description: str, placeholder: str = "", *, value: str = "",
              area: bool = False, rows: int = 2):
        """A Text (or, with ``area``, a Textarea) control named ``name``."""
        cls = self.w.Textarea if area else self.w.Text
        kw = {"rows": rows} if area else {}
        ctl = cls(value=value, description=description, placeholder=placeholder,
                  style=self._style(), layout=self.w.Layout(width="95%"), **kw)
        return self._register(name, ctl)

    def _dropdown(self, name: str, description: str, options, *, value=None):
        opts = list(options)
        if value is None and opts:
            first = opts[0]
            value = first[1] if isinstance(first, tuple) else first
        if len(opts) > _LONG_OPTIONS:  # e.g. 10k contacts: labels prepared once, not per form
            ctl = _long_dropdown(self.w)(description=description, style=self._style(),
                                         layout=self.w.Layout(width="95%"))
            ctl.options = opts
            ctl.value = value
        else:
            ctl = self.w.Dropdown(options=opts, value=value if opts else None,
                                  description=description, style=self._style(),
                                  layout=self.w.Layout(width="95%"))
        return self._register(name, ctl)

    def _int(self, name: str, description: str, *, value: int = 0, lo: int = 0, hi: int = 100):
        ctl = self.w.BoundedIntText(value=value, min=lo, max=hi, description=description,
                                    style=self._style(), layout=self.w.Layout(width="24em"))
        return self._register(name, ctl)

    def _checkbox(self, name: str, description: str, *, value: bool = False):
        ctl = self.w.Checkbox(value=value, description=description, indent=False,
                              layout=self.w.Layout(width="95%"))
        return self._register(name, ctl)

    def _date(self, name: str, description: str, *, value: _dt.date | None = None):
        ctl = self.w.DatePicker(value=value, description=description, style=self._style())
        return self._register(name, ctl)

    def _button(self, name: str, description: str, handler, *, style: str = ""):
        """A button named ``name`` whose click runs ``handler()`` with errors shown in the status."""
        b = self.w.Button(description=description, button_style=style,
                          layout=self.w.Layout(width="auto"))
        b.add_class(f"infoint-button-{name}")
        b.on_click(lambda _b: self._guarded(handler))
        self.buttons[name] = b
        return b

    def _upload(self, accept: str, handler):
        """An upload button: the chosen file is kept in a private temporary folder (for as
        long as the notebook runs) and ``handler(path)`` runs on it, errors in the status.

        The app (Voilà) has no file dialog of the server's own, so every form that reads a
        file takes it this way as well as by path.
        """
        import tempfile
        from pathlib import Path
        up = self.w.FileUpload(accept=accept, multiple=False, description="Upload")
        up.add_class("infoint-upload")

        def on_value(change):
            files = change["new"] or ()
            if not files:
                return
            f = files[0]
            folder = tempfile.TemporaryDirectory(prefix="infoint-upload-")
            self._uploads.append(folder)          # removed when the form goes away
            target = Path(folder.name) / (Path(str(f["name"])).name or "upload")
            target.write_bytes(bytes(f["content"]))
            self._guarded(lambda: handler(target))
        up.observe(on_value, names="value")
        self._uploads: list = getattr(self, "_uploads", [])
        return up

    def _preview(self, name: str, *, rows: int = 12):
        """A read-only Textarea for computed text (not part of :attr:`value`)."""
        ta = self.w.Textarea(value="", disabled=True, rows=rows,
                             layout=self.w.Layout(width="95%"))
        ta.add_class(f"infoint-preview-{name}")
        return ta

    def _html(self, name: str, value: str = ""):
        h = self.w.HTML(value=value)
        h.add_class(f"infoint-{name}")
        return h

    # -- what subclasses override ------------------------------------------------------
    def _build(self) -> None:
        """Create the controls (and previews). Called once from ``__init__``."""
        raise NotImplementedError

    def checks(self, value: dict) -> list[Check]:
        """Checks on a value (pure; default: none)."""
        return []

    def refresh(self) -> None:
        """Recompute previews and live checks from the controls (default: nothing)."""

    def _layout(self):
        """Arrange title, controls, previews, buttons and status (default: a column)."""
        parts = []
        if self.title:
            parts.append(self.w.HTML(f"<h3>{_esc(self.title)}</h3>"))
        parts += list(self.controls.values())
        parts.append(self.w.HBox(list(self.buttons.values())))
        parts.append(self.status)
        return self.w.VBox(parts)

    def _save(self, value: dict) -> dict:
        """Save ``value`` to the plan; return data for the result (default: the plan section)."""
        if self.section is None:
            return {}
        data = dict(value)
        if self.per_contact:
            cid = self.contact_id
            if not cid:
                raise InfointError("Choose a contact first; if the list is empty, add people "
                                   "in notebook 02 (Find people).")
            self._save_for_contact(cid, data)
        else:
            self.log.save_plan_section(self.section, data)
        return {}

    def _save_for_contact(self, cid: str, data: dict) -> None:
        """Save ``data`` as ``cid``'s entry of :attr:`section`, stamped ``_saved_at``
        (reopening the form picks the contact saved last)."""
        self.log.save_plan_section(self.section, {
            **data, "_saved_at": _dt.datetime.now().isoformat(timespec="seconds")},
            contact_id=cid)

    def _saved_message(self, value: dict, data: dict) -> str:
        where = f"{self.section}"
        if self.per_contact and self.contact_id:
            where += f" for {self._contact_label(self.contact_id)}"
        return f"Saved {where} in {S.PLAN_FILE}."

    # -- value -------------------------------------------------------------------------
    @property
    def value(self) -> dict:
        """Everything typed into the form, JSON-ready (dates as ISO text)."""
        v = {k: _to_json(c.value) for k, c in self.controls.items()
             if k not in self.transient}
        v.update(self._extra_value())
        return v

    @value.setter
    def value(self, data: dict) -> None:
        self._set_values(data)
        self._safe_refresh()

    def _extra_value(self) -> dict:
        """Hook: entries of :attr:`value` that are not controls (e.g. a list of rows)."""
        return {}

    def _set_values(self, data: dict) -> None:
        """Put saved values into the controls; unknown keys and stale values are skipped."""
        from traitlets import TraitError
        self._loading = True
        try:
            for k, v in (data or {}).items():
                ctl = self.controls.get(k)
                if ctl is None or k.startswith("_"):
                    continue
                try:
                    if isinstance(ctl, self.w.DatePicker):
                        v = _dt.date.fromisoformat(v) if isinstance(v, str) and v else (v or None)
                    elif isinstance(v, list):
                        v = tuple(v)
                    ctl.value = v
                except (TraitError, ValueError, TypeError):
                    pass  # e.g. a dropdown option that no longer exists
        finally:
            self._loading = False

    @property
    def today(self) -> _dt.date:
        """The form's ``as_of`` day (forms that take ``as_of=``), or the real today."""
        return self.as_of or _dt.date.today()

    @property
    def contact_id(self) -> str | None:
        """The selected contact of a per-contact form (``None`` when there is nobody)."""
        ctl = self.controls.get("contact_id")
        return ctl.value if ctl is not None and ctl.value else None

    def _contact_label(self, cid: str) -> str:
        try:
            return f"{self.log.contact_name(cid)} ({cid})"
        except InfointError:
            return cid

    # -- memory ------------------------------------------------------------------------
    def saved_state(self) -> dict | None:
        """What ``plan.json`` holds for this form (and the selected contact), or ``None``."""
        if self.section is None:
            return None
        if self.per_contact:
            cid = self.contact_id
            return self.log.plan_section(self.section, cid) if cid else None
        return self.log.plan_section(self.section)

    def load(self) -> None:
        """Fill the controls with the last saved state from ``plan.json``.

        A per-contact form first selects the contact saved most recently; for a
        contact with nothing saved, controls go back to their defaults except
        :attr:`shared_fields`.
        """
        if self.section is None:
            return
        if self.per_contact and "contact_id" in self.controls:
            self._select_last_contact()
        self._load_current()

    def _select_last_contact(self) -> None:
        part = self.log.plan_section(self.section, default={}) or {}
        ctl = self.controls["contact_id"]
        known = {v for _, v in ctl.options} if ctl.options else set()
        saved = [(str(d.get("_saved_at", "")), cid) for cid, d in part.items()
                 if cid in known and isinstance(d, dict)]
        if saved:
            self._loading = True
            try:
                ctl.value = max(saved)[1]
            finally:
                self._loading = False

    def _load_current(self) -> None:
        state = self.saved_state()
        if isinstance(state, dict):
            self._set_values(state)
        elif self.per_contact:
            reset = {k: v for k, v in self._defaults.items()
                     if k not in self.shared_fields and k not in self.transient
                     and k != "contact_id"}
            self._set_values(reset)

    # -- events ------------------------------------------------------------------------
    def _on_control_change(self, change) -> None:
        if self._loading:
            return
        if change["owner"] is self.controls.get("contact_id"):
            self._guarded(self._switch_contact)
        self._safe_refresh()

    def _switch_contact(self) -> None:
        self._load_current()
        self.on_contact_change()

    def on_contact_change(self) -> None:
        """Hook: the selected contact changed (after its saved state was loaded)."""

    def _safe_refresh(self) -> None:
        try:
            self.refresh()
        except InfointError as exc:
            self.show("warning", str(exc))
        except Exception as exc:  # a preview must never break the form
            self.show("error", _unexpected(exc))

    def _on_submit(self):
        return self.submit()

    def _guarded(self, fn):
        """Run ``fn()``; show errors in the status line instead of raising."""
        try:
            return fn()
        except InfointError as exc:
            self.show_result(FormResult(False, False, "error", str(exc)))
        except Exception as exc:
            self.show_result(FormResult(False, False, "error", _unexpected(exc)))
        return self.last_result

    # -- status ------------------------------------------------------------------------
    def show(self, level: str, message: str, checks: list[Check] | None = None) -> None:
        """Put a message (and the failed checks) in the status line."""
        self.status_level = level
        self.status_message = message
        self.status.value = status_html(level, message, checks)

    def show_result(self, result: FormResult) -> FormResult:
        self.last_result = result
        self.show(result.level, result.message, result.checks)
        return result

    # -- submit ------------------------------------------------------------------------
    def submit(self) -> FormResult:
        """Check and save what is typed; report in the status line and return the result.

        A draft whose checks fail is still saved; the failures are listed.
        """
        try:
            value = self.value
            checks = self.checks(value)
            data = self._save(value)
        except InfointError as exc:
            return self.show_result(FormResult(False, False, "error", str(exc)))
        except Exception as exc:
            return self.show_result(FormResult(False, False, "error", _unexpected(exc)))
        level = worst_level(checks)
        message = self._saved_message(value, data)
        if level in ("warning", "error"):
            message += " Saved as a draft; see below what to improve."
        return self.show_result(FormResult(level != "error", True, level, message,
                                           checks, data))


class EntryForm(Form):
    """A form that writes rows to the log, then clears for the next entry.

    Subclasses implement :meth:`_write` (return a dict such as ``{"contact_id": …}``)
    and may list :attr:`sticky` controls that keep their value after a clear (the
    date, the selected contact). When an entry cannot be written, the typed values
    stay and are kept as a draft in ``plan.json`` (``drafts`` → class name) so they
    survive a restart.
    """

    sticky: ClassVar[tuple[str, ...]] = ()
    submit_label: ClassVar[str] = "Add"

    @property
    def draft_key(self) -> str:
        return type(self).__name__

    def load(self) -> None:
        draft = self.log.plan_section(DRAFTS_SECTION, self.draft_key)
        if isinstance(draft, dict) and draft:
            self._set_values(draft)

    def _write(self, value: dict) -> dict:
        raise NotImplementedError

    def _written_message(self, value: dict, data: dict) -> str:
        return "Saved to the log."

    def clear(self) -> None:
        """Reset the controls (except :attr:`sticky` ones) for the next entry."""
        self._set_values({k: v for k, v in self._defaults.items() if k not in self.sticky})
        self._safe_refresh()

    def _keep_draft(self, value: dict) -> str:
        try:
            self.log.save_plan_section(DRAFTS_SECTION, value, contact_id=self.draft_key)
            return " What you typed is kept as a draft."
        except InfointError:
            return ""

    def submit(self) -> FormResult:
        """Check the entry and write it to the log; clear the form when it worked."""
        try:
            value = self.value
            checks = self.checks(value)
        except Exception as exc:  # pure checks should not raise; never dump a traceback
            return self.show_result(FormResult(False, False, "error", _unexpected(exc)))
        if worst_level(checks) == "error":
            note = self._keep_draft(value)
            return self.show_result(FormResult(
                False, False, "error", "Not saved yet: fix what is marked below." + note,
                checks))
        try:
            data = self._write(value)
        except InfointError as exc:
            self._after_write_error(exc)
            note = self._keep_draft(value)
            return self.show_result(FormResult(False, False, "error", str(exc) + note, checks))
        except Exception as exc:
            note = self._keep_draft(value)
            return self.show_result(FormResult(False, False, "error", _unexpected(exc) + note,
                                               checks))
        if self.log.plan_section(DRAFTS_SECTION, self.draft_key):
            try:
                self.log.save_plan_section(DRAFTS_SECTION, {}, contact_id=self.draft_key)
            except InfointError:
                pass
        message = self._written_message(value, data)
        self.clear()
        level = worst_level(checks)
        return self.show_result(FormResult(True, True, level, message, checks, data))

    def _after_write_error(self, exc: InfointError) -> None:
        """Hook: react to a failed write (e.g. offer "different person" on a duplicate)."""


#: Dropdowns with more options than this use :func:`_long_dropdown`.
_LONG_OPTIONS = 200
_PREPARED: list = []  # (options tuple, full options, labels, values, value → index, all
# (label, value) pairs), newest last
_LONG_DROPDOWN: list = []


def _prepared_options(options) -> tuple:
    """A long option list in ipywidgets' normal form, made once per distinct list (every
    form of a notebook shows the same 10k-contact list)."""
    from ipywidgets.widgets.widget_selection import _exhaust_iterable, _make_options
    opts = _exhaust_iterable(options)
    for entry in _PREPARED:
        if entry[0] is opts or (type(entry[0]) is type(opts) and entry[0] == opts):
            return entry
    entry = _extended(opts, _make_options) or _prepare(opts, _make_options)
    _PREPARED.append(entry)
    del _PREPARED[:-6]
    return entry


def _prepare(opts, make_options) -> tuple:
    pairs = isinstance(opts, tuple) and all(
        isinstance(i, (list, tuple)) and len(i) == 2 for i in opts)
    if pairs and all(type(i) is tuple and type(i[0]) is str for i in opts):
        full = opts  # already what make_options would make of it, item for item
    else:
        full = make_options(opts)
    labels, values = (tuple(part) for part in zip(*full)) if full else ((), ())
    try:  # value → its first position
        index: dict | None = dict(zip(reversed(values), range(len(values) - 1, -1, -1)))
    except TypeError:  # unhashable values: the widget's own linear search
        index = None
    return (opts, full, tuple(map(str, labels)), values, index, pairs)


def _extended(opts, make_options) -> tuple | None:
    """A list made of a few first options and a list prepared already (``[("— nobody
    —", "")] + contact_options(log)``), prepared from that one's parts."""
    if not isinstance(opts, tuple):
        return None
    for known in reversed(_CONTACT_LISTS):  # a contact list not shown alone yet
        k = len(opts) - len(known)
        if 0 < k <= 3 and opts[k:] == known and not any(
                len(e[0]) == len(known) and e[0] == known for e in _PREPARED):
            _PREPARED.append(_prepare(known, make_options))
            break
    for base in reversed(_PREPARED):
        k = len(opts) - len(base[0])
        if not 0 < k <= 3 or base[4] is None or not base[5] or opts[k:] != base[0]:
            continue
        head = _prepare(opts[:k], make_options)
        if head[4] is None or not head[5]:  # (label, value) pairs throughout, or not at all
            return None
        index = {v: at + k for v, at in base[4].items()}
        index.update(head[4])  # a value among the first options is found there first
        return (opts, head[1] + base[1], head[2] + base[2], head[3] + base[3], index, True)
    return None


def _long_dropdown(w):
    """A ``Dropdown`` for thousands of options that behaves like ipywidgets' own (same
    ``options``, ``value``, ``label``, ``index`` and sync state) but validates a list
    once instead of each of its labels on every form."""
    if _LONG_DROPDOWN:
        return _LONG_DROPDOWN[0]
    from traitlets import Any as AnyTrait
    from traitlets import TraitError, observe, validate

    class LongDropdown(w.Dropdown):
        _options_labels = AnyTrait((), read_only=True).tag(sync=True)
        _value_index = None

        @validate("options")
        def _validate_options(self, proposal):
            entry = _prepared_options(proposal.value)
            self._options_full = entry[1]
            self._prepared = entry
            return entry[0]

        @observe("options")
        def _propagate_options(self, change):
            entry = getattr(self, "_prepared", None)
            if entry is None or entry[1] is not self._options_full:
                return super()._propagate_options(change)
            self.set_trait("_options_labels", entry[2])
            self._options_values = entry[3]
            self._value_index = entry[4]
            if self.index is None:
                return
            if self._initializing_traits_ is not True:
                if len(entry[1]) > 0:
                    if self.index == 0:
                        self._notify_trait("index", 0, 0)
                    else:
                        self.index = 0
                else:
                    self.index = None

        def send_state(self, key=None):
            # the prepared labels are text only: ipywidgets' search of them for binary
            # buffers (a Python walk of 10k labels, on every form) finds nothing, so the
            # message is sent as it would be, without that walk
            entry = getattr(self, "_prepared", None)
            if (key != "_options_labels" or entry is None or not hasattr(self, "_send")
                    or self._options_labels is not entry[2]):
                return super().send_state(key)
            state = self.get_state(key=key)
            if self._property_lock and key in self._property_lock:
                self._property_lock[key] = state[key]
            self._send({"method": "update", "state": state, "buffer_paths": []}, buffers=[])

        @validate("value")
        def _validate_value(self, proposal):
            value = proposal.value
            index = self._value_index
            if value is None or index is None:
                return super()._validate_value(proposal)
            try:
                k = index.get(value)
            except TypeError:
                return super()._validate_value(proposal)
            if k is None:
                raise TraitError("Invalid selection: value not found")
            return self._options_values[k]

        @observe("value")
        def _propagate_value(self, change):
            index = self._value_index
            if change.new is None or index is None:
                return super()._propagate_value(change)
            if self.index is not None and self.equals(self._options_values[self.index],
                                                      change.new):
                k = self.index
            else:
                k = index[change.new]
            if self.index != k:
                self.index = k

    _LONG_DROPDOWN.append(LongDropdown)
    return LongDropdown


def _unexpected(exc: Exception) -> str:
    return (f"Something unexpected went wrong ({type(exc).__name__}: {exc}). Nothing more was "
            "saved. Please report it with what you typed.")


def download_html(data: bytes, filename: str, *, mime: str = "application/octet-stream",
                  label: str | None = None) -> str:
    """An HTML link that hands ``data`` to the browser as a download named ``filename``.

    The bytes travel inside the link (a ``data:`` URL), so a download works the same in
    JupyterLab and in the app (Voilà), which serves no files from the log's folder.
    """
    import base64
    import html
    from urllib.parse import quote
    name = filename.replace("/", "_").replace("\\", "_")
    href = f"data:{mime};base64,{base64.b64encode(data).decode('ascii')}"
    text = _esc(label or f"Download {name}")
    return (f'<a class="infoint-download" href="{href}" download="{html.escape(quote(name))}" '
            f'style="font-weight:600">⬇ {text}</a> <span style="color:#57606a">'
            f'({len(data) / 1024:.0f} KB)</span>')


# --- helpers shared by the per-contact forms of notebooks 04–07 --------------------------
def _as_of_date(as_of) -> _dt.date:
    """``as_of`` as a date; today when ``None`` or empty."""
    if as_of in (None, ""):
        return _dt.date.today()
    return S.parse_day(as_of, name="as_of", prefix="as_of: ", blank=False)


def _given_as_of(as_of) -> _dt.date | None:
    """``as_of`` as a date, or ``None`` when not given (a form then follows the real today)."""
    return None if as_of in (None, "") else _as_of_date(as_of)


def profile_locale(log) -> str:
    """The locale of the user's profile (how the toolkit's words are spelt), else the default."""
    from ..drafts import load_profile
    try:
        return load_profile(log).locale
    except InfointError:
        return P.DEFAULT_LOCALE


def next_meeting_contact(log, *, as_of=None) -> str | None:
    """The ``contact_id`` of the next meeting scheduled on or after ``as_of`` (or None)."""
    from ._facts import facts
    f = facts(log)
    if len(f.interactions) == 0:
        return None
    up = f.upcoming(_as_of_date(as_of).isoformat())
    return str(up[S.CONTACT_ID].iloc[0]) if len(up) else None


def link_contacts(*forms) -> None:
    """Keep the person chosen in several per-contact forms the same.

    Choosing someone in any of them chooses them in all; the first form's
    choice is taken at once.
    """
    from traitlets import link
    forms = [f for f in forms if "contact_id" in getattr(f, "controls", {})]
    if len(forms) < 2:
        return
    first = forms[0].controls["contact_id"]
    for other in forms[1:]:
        link((first, "value"), (other.controls["contact_id"], "value"))


def _esc_quoted(text) -> str:
    return literal(text, into="html", quote=True)


class ContactForm(Form):
    """A form about one person: a ``contact_id`` dropdown and per-contact memory.

    Parameters
    ----------
    log : ContactLog
        The open log.
    contact_id : str, optional
        Open on this person (default: :meth:`default_contact`, else the person saved
        last, else the first in the list).
    as_of : date or str, optional
        The day to read the log as of (default today); used for "next meeting" and
        for dating what the form logs.
    """

    per_contact = True
    transient = ("contact_id",)

    def __init__(self, log, *, contact_id: str | None = None, as_of=None):
        self.as_of = _given_as_of(as_of)
        self._wanted = contact_id or None
        super().__init__(log)
        if self._wanted and self.contact_id != self._wanted:
            self.show("warning", f"No contact has contact_id {self._wanted!r}; showing "
                      f"{self._contact_label(self.contact_id) if self.contact_id else 'nobody'}"
                      " instead.")

    def _contact_picker(self, description: str = "Person") -> None:
        options = contact_options(self.log)
        if options:
            self._dropdown("contact_id", description, options)
        else:
            self._dropdown("contact_id", description, [("— nobody in the log yet —", "")],
                           value="")

    def default_contact(self) -> str | None:
        """The person to open on when none is asked for (default: the next meeting)."""
        return next_meeting_contact(self.log, as_of=self.today)

    def load(self) -> None:
        ctl = self.controls["contact_id"]
        known = {v for _, v in ctl.options if v}
        pick = self._wanted if self._wanted in known else None
        if pick is None:
            try:
                pick = self.default_contact()
            except InfointError:
                pick = None
            pick = pick if pick in known else None
        if pick is not None:
            self._loading = True
            try:
                ctl.value = pick
            finally:
                self._loading = False
        elif self.section is not None:
            self._select_last_contact()
        if self.section is not None:
            self._load_current()

    def _require_contact(self) -> str:
        cid = self.contact_id
        if not cid:
            raise InfointError("Choose a person first; if the list is empty, add people in "
                               "notebook 02 (Find people).")
        return cid
