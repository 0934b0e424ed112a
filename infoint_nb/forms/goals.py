"""Notebook 01 — goals and places: what you want, where, and which employers first.

Controls (``form.controls[name]``):

GoalsForm (``plan.json`` section ``goals``)
    ``business``, ``positions``, ``how_long``, ``how_far_up``, ``purpose``
    (a :data:`~infoint_nb.planning.PURPOSES` value), ``places`` (one per line),
    ``flexibility``. Live checks warn when your target contacts spread over too
    many places.
EmployersForm (section ``employers``, value ``{"rows": [...]}``)
    Row *i* has ``employer_i``, ``motivation_i``, ``advocacy_i``, ``postings_i``
    (0–3) and ``notes_i``; "Add rows" adds five more. The ranked LAMP list is shown
    read-only.
"""
from __future__ import annotations

import html

from .. import planning as P
from .. import schema as S
from ..markup import literal
from ._base import Form

__all__ = ["GoalsForm", "EmployersForm", "target_locations", "FLEXIBILITY"]

#: How far the job seeker would move: value → label.
FLEXIBILITY: dict[str, str] = {
    "fixed": "Only these places",
    "nearby": "These places and towns nearby",
    "relocate": "I would move for the right job",
}
_PURPOSE_LABELS = {
    "field information": "Information about the field",
    "application advice": "Advice on applying",
    "both": "Both",
}


def target_locations(log) -> list[str]:
    """The ``location`` of every target contact (one with a priority or an interaction)."""
    from ._facts import facts
    f = facts(log)

    def make():
        c = f.contacts
        if len(c) == 0:
            return []
        touched = f.interactions[S.CONTACT_ID].unique()
        is_target = c[S.PRIORITY].notna() | c[S.CONTACT_ID].isin(touched)
        return [loc for loc in c.loc[is_target, S.LOCATION].tolist() if loc]
    return list(f.once("target_locations", make))  # once per version of the log


class GoalsForm(Form):
    """Your interests, what you want from the interviews, and your places.

    Parameters
    ----------
    log : ContactLog
        The open log; its target contacts' locations feed the places check.
    """

    section = "goals"
    title = "Your goals and places"
    submit_label = "Save my goals"

    def _build(self) -> None:
        self._text("business", "Kind of business",
                   "e.g. edtech companies and nonprofits that use data to improve programmes")
        self._text("positions", "Positions that fit you",
                   "e.g. UX researcher, research operations, data analyst")
        self._text("how_long", "How long you'd stay",
                   "e.g. three years or more; I want to grow with one team")
        self._text("how_far_up", "How far up you aim",
                   "e.g. lead a small research team within five years")
        self._dropdown("purpose", "What you want most",
                       [(label, key) for key, label in _PURPOSE_LABELS.items()],
                       value="field information")
        self._text("places", "Places (one per line)", "e.g.\nChicago\nEvanston",
                   area=True, rows=3)
        self._dropdown("flexibility", "Could you move?",
                       [(label, key) for key, label in FLEXIBILITY.items()], value="fixed")
        self.live = self._html("live-checks")

    def checks(self, value: dict) -> list[P.Check]:
        return P.check_goals(value) + P.check_places(value.get("places", ""),
                                                     self._target_locations())

    def _target_locations(self) -> list[str]:
        # once per version of the log, not once per keystroke (a change or reload of the
        # log replaces its raw frames)
        from ._base import log_version, same_version
        key = log_version(self.log)
        if not same_version(getattr(self, "_targets_for", None), key):
            self._targets, self._targets_for = target_locations(self.log), key
        return self._targets

    def refresh(self) -> None:
        from ._base import checks_html
        self.live.value = checks_html(self.checks(self.value))

    def _layout(self):
        w = self.w
        return w.VBox([
            w.HTML(f"<h3>{self.title}</h3>"),
            w.HTML("<b>What you are after</b>"),
            *[self.controls[k] for k in ("business", "positions", "how_long", "how_far_up",
                                         "purpose")],
            w.HTML("<b>Where</b>"),
            self.controls["places"], self.controls["flexibility"],
            w.HTML("<b>Checks</b>"), self.live,
            w.HBox(list(self.buttons.values())), self.status,
        ])


class EmployersForm(Form):
    """Target employers ranked the LAMP way: motivation, then postings, then advocacy.

    Scores are 0–3: *motivation* (3 = a dream employer), *advocacy* (3 = someone inside
    vouches for you, 1 = alumni work there) and *postings* (3 = openings that fit now).
    """

    section = "employers"
    title = "Target employers (LAMP list)"
    submit_label = "Save my list"
    #: Rows shown when nothing is saved yet.
    START_ROWS = 5

    def _build(self) -> None:
        self.n_rows = 0
        self.rows_box = self.w.VBox([])
        self.ranking = self._html("ranking")
        self._button("add_rows", "Add rows", lambda: self.add_rows(5))
        self.add_rows(self.START_ROWS)

    def add_rows(self, n: int = 1) -> None:
        """Add ``n`` empty rows (controls ``employer_i`` … ``notes_i``)."""
        w = self.w
        scores = [(str(v), v) for v in range(4)]
        boxes = list(self.rows_box.children)
        for _ in range(n):
            i = self.n_rows
            emp = self._register(f"employer_{i}", w.Text(
                placeholder="e.g. Brightline Learning" if i == 0 else "employer",
                layout=w.Layout(width="16em")))
            parts = [emp]
            for field in P.LAMP_SCORES:
                parts.append(self._register(f"{field}_{i}", w.Dropdown(
                    options=scores, value=0, layout=w.Layout(width="5em"))))
            parts.append(self._register(f"notes_{i}", w.Text(
                placeholder="e.g. two alumni there; research ops posting in May"
                if i == 0 else "", layout=w.Layout(width="22em"))))
            boxes.append(w.HBox(parts))
            self.n_rows += 1
        self.rows_box.children = boxes

    @property
    def value(self) -> dict:
        rows = []
        for i in range(self.n_rows):
            name = self.controls[f"employer_{i}"].value.strip()
            if not name:
                continue
            row = {"employer": name}
            for field in P.LAMP_SCORES:
                row[field] = int(self.controls[f"{field}_{i}"].value)
            row["notes"] = self.controls[f"notes_{i}"].value
            rows.append(row)
        return {"rows": rows}

    @value.setter
    def value(self, data: dict) -> None:
        self._set_values(data)
        self._safe_refresh()

    def _set_values(self, data: dict) -> None:
        rows = list((data or {}).get("rows", []))
        if len(rows) + 1 > self.n_rows:
            self.add_rows(len(rows) + 2 - self.n_rows)
        flat = {}
        for i in range(self.n_rows):
            row = rows[i] if i < len(rows) else {}
            flat[f"employer_{i}"] = str(row.get("employer", ""))
            for field in P.LAMP_SCORES:
                try:
                    flat[f"{field}_{i}"] = min(3, max(0, int(row.get(field, 0) or 0)))
                except (TypeError, ValueError):
                    flat[f"{field}_{i}"] = 0
            flat[f"notes_{i}"] = str(row.get("notes", ""))
        super()._set_values(flat)

    def checks(self, value: dict) -> list[P.Check]:
        return P.check_employers(value.get("rows", []))

    def ranked(self) -> list[dict]:
        """The current rows, ranked (see :func:`infoint_nb.planning.rank_employers`)."""
        return P.rank_employers(self.value["rows"])

    def refresh(self) -> None:
        rows = self.ranked()
        if not rows:
            self.ranking.value = "<i>Type a few employers above to see them ranked.</i>"
            return
        head = "".join(f"<th style='padding:0 0.6em'>{h}</th>" for h in
                       ("Rank", "Employer", "Motivation", "Postings", "Advocacy", "Notes"))
        body = "".join(
            "<tr>" + "".join(f"<td style='padding:0 0.6em'>{literal(v, into='html')}</td>" for v in
                             (r["rank"], r["employer"], r["motivation"], r["postings"],
                              r["advocacy"], r.get("notes", ""))) + "</tr>"
            for r in rows)
        self.ranking.value = f"<table><tr>{head}</tr>{body}</table>"

    def _saved_message(self, value: dict, data: dict) -> str:
        n = len(value["rows"])
        return f"Saved {n} employer{'s' if n != 1 else ''} in {S.PLAN_FILE}."

    def _layout(self):
        w = self.w
        header = w.HBox([w.HTML("<b>Employer</b>", layout=w.Layout(width="16em"))] + [
            w.HTML(f"<b title='{html.escape(P.LAMP_SCORES[f][2])}'>{f.capitalize()}</b>",
                   layout=w.Layout(width="5em")) for f in P.LAMP_SCORES] + [
            w.HTML("<b>Notes</b>", layout=w.Layout(width="22em"))])
        legend = w.HTML(
            "<small>Scores 0–3. " + "; ".join(
                f"{f}: {P.LAMP_SCORES[f][2]}" for f in P.LAMP_SCORES) + ".</small>")
        return w.VBox([w.HTML(f"<h3>{self.title}</h3>"), legend, header, self.rows_box,
                       w.HTML("<b>Ranked</b>"), self.ranking,
                       w.HBox(list(self.buttons.values())), self.status])
