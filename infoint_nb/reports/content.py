"""The report itself, as the report notebook's kernel computes and shows it.

The notebook (``notebooks/report.ipynb``) calls :func:`load_report`, which opens
the log, redacts it when asked, applies the report's filters, computes every
table with :mod:`infoint_nb.metrics` (one definition, the same numbers as
``infoint stats``) and writes them to ``OUT/tables/``. The notebook then only
displays what :class:`Report` hands it: findings in words
(:meth:`Report.findings`), tables (:meth:`Report.table`) and charts
(:meth:`Report.figure`, also saved as ``OUT/figures/<name>.png`` by
:func:`save_figure`). The phrases of the findings live here too. pandas and
matplotlib are imported on first use.
"""
from __future__ import annotations

import json
from pathlib import Path

from .. import config
from ..errors import ParameterError
from ..markup import NO_MATH_CLASS, flatten, literal
from ..vocabulary import ACTION_PHRASES as _ACTION_PHRASES  # how the findings say each action
from ..vocabulary import FUNNEL_COLUMNS, GROUP_HEADERS, NO_GROUP_LABELS
from ..vocabulary import REPORT_HEADERS as _H  # the tables' headers
from ..vocabulary import RESPONSE_CSV_COLUMNS as _RESPONSE_CSV_COLUMNS
from .layout import FIGURES, FIGURES_DIR, SECTIONS, TABLES_DIR
from .parameters import _parse_day, default_as_of
from .redact import filter_frames, redact_log

#: Rows a list table in the report shows at most (the CSV in ``tables/`` has them all).
_TABLE_ROWS = 50


def save_figure(fig, name: str, out_dir=None) -> bytes:
    """Render ``fig`` (a Figure or Axes) as PNG; also save it as ``out_dir/figures/<name>.png``.

    Returns
    -------
    bytes
        The PNG, for display.
    """
    import io
    fig = getattr(fig, "figure", fig)
    buf = io.BytesIO()
    # light compression: a little larger, noticeably quicker to write
    fig.savefig(buf, format="png", metadata={"Software": None},
                pil_kwargs={"compress_level": 1})
    data = buf.getvalue()
    if out_dir:
        folder = Path(out_dir) / FIGURES_DIR
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.png").write_bytes(data)
    return data


def load_report(log_dir="data/sample", *, as_of="", start="", end="", companies=(),
                industries=(), follow_up_days: int = config.FOLLOW_UP_DAYS,
                redact: bool = False, top_n: int = 10, out_dir="") -> "Report":
    """Open a log and compute everything its report shows; write the tables.

    What the report notebook calls first, with its parameters.

    Parameters
    ----------
    log_dir : path
        The log folder; a relative path is relative to the project root.
    as_of : str or date
        The report date; empty for the default (the sample's last interaction,
        otherwise today).
    start, end : str or date
        Keep contacts whose first contact falls in this window (both included).
    companies, industries : sequence of str
        Keep only these.
    follow_up_days : int
        Days after the last unanswered attempt before a follow-up is due.
    redact : bool
        Turn people into tokens and drop contact details and notes first.
    top_n : int
        Rows in the fastest-responders table and bars in its chart.
    out_dir : path
        When set, tables go to ``out_dir/tables/`` and figures to
        ``out_dir/figures/``; empty to only display.

    Returns
    -------
    Report
    """
    from ..store import ContactLog

    log = ContactLog.open(config.resolve_project_path(log_dir))
    day = _parse_day("as_of", as_of) or default_as_of(log)
    start, end = _parse_day("start", start), _parse_day("end", end)
    companies, industries = list(companies or []), list(industries or [])
    contacts, interactions = (redact_log(log) if redact
                              else (log.contacts, log.interactions))
    contacts, interactions = filter_frames(
        contacts, interactions, as_of=day, start=start, end=end,
        companies=companies, industries=industries)
    report = Report(contacts, interactions, as_of=day, title=None if redact else log.name,
                    start=start, end=end, companies=companies, industries=industries,
                    follow_up_days=follow_up_days, redacted=bool(redact), top_n=top_n,
                    out_dir=Path(out_dir) if out_dir else None)
    if report.out_dir is not None:
        report.write_tables()
    return report


def _pct(x) -> str:
    return f"{100 * float(x):.0f}%"


def _days(x) -> str:
    x = float(x)
    if x == 0:
        return "the same day"
    return f"{x:g} day" + ("" if x == 1 else "s")


def _plural(n: int, word: str, many: str | None = None) -> str:
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _join(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


class Report:
    """Everything a report shows, computed once from a (filtered, redacted) log.

    Built by :func:`load_report`. The notebook only displays what its methods
    return: :meth:`headline`, :meth:`findings`, :meth:`table` and :meth:`figure`.
    Tables are attributes (``by_company``, ``by_channel``, ``by_source``,
    ``funnel``, ``growth``, ``chains``, ``due``, ``due_week``, ``meetings``,
    ``timeline``, ``summary``), all from :mod:`infoint_nb.metrics`.
    """

    def __init__(self, contacts, interactions, *, as_of, title=None, start=None, end=None,
                 companies=(), industries=(), follow_up_days=config.FOLLOW_UP_DAYS,
                 redacted=False, top_n=10, out_dir=None):
        import pandas as pd

        from ..campaign import Cadence, Campaign
        self.contacts, self.interactions = contacts, interactions
        self.as_of = as_of
        self.title = title
        self.start, self.end = start, end
        self.companies, self.industries = list(companies), list(industries)
        self.follow_up_days = int(follow_up_days)
        self.redacted = redacted
        self.top_n = int(top_n)
        self.out_dir = out_dir
        # one campaign: the log is prepared once for every table below
        self.campaign = c = Campaign(contacts, interactions, as_of=as_of,
                                     cadence=Cadence(follow_up_days=self.follow_up_days))
        self.timeline = c.timeline()
        self.summary = c.summary()
        self.by_company = c.response_by("company")
        self.by_channel = c.response_by("channel")
        self.by_source = c.response_by("source")
        self.funnel = c.funnel()
        self.growth = c.growth()
        self.chains = c.chains()
        self.due = c.due()
        self.meetings = c.meetings()
        # the coming week: what is known on as_of, read six days later; overdue from as_of
        week = c.due(ahead=6)
        week["overdue_days"] = (pd.Timestamp(as_of) - pd.to_datetime(week["due_on"])).dt.days
        self.due_week = week.reset_index(drop=True)

    # -- files ----------------------------------------------------------------------
    def write_tables(self, out_dir=None) -> dict:
        """Write ``tables/*.csv`` and ``tables/summary.json`` (DESIGN.md §4); return the paths."""
        import numpy as np
        import pandas as pd

        from ..store import csv_text
        folder = Path(out_dir or self.out_dir) / TABLES_DIR
        folder.mkdir(parents=True, exist_ok=True)
        paths = {}

        def put(name, frame):
            path = folder / name
            # text without gaps and whole numbers (the long due list): column-wise
            if all((isinstance(frame[c].dtype, pd.StringDtype) and not frame[c].hasnans)
                   or (isinstance(frame[c].dtype, np.dtype) and frame[c].dtype.kind in "iu")
                   for c in frame.columns):
                path.write_text(csv_text(frame), encoding="utf-8", newline="")
            else:
                frame.to_csv(path, index=False, lineterminator="\n")
            paths[name] = path

        for name, table, group in (("response_by_company.csv", self.by_company, "company"),
                                   ("response_by_channel.csv", self.by_channel, "channel"),
                                   ("response_by_source.csv", self.by_source, "source")):
            put(name, _response_csv(table, group))
        put("funnel.csv", self.funnel[list(FUNNEL_COLUMNS)])
        growth = self.growth.copy()
        growth["week"] = _iso_days(growth["week"])
        put("network_growth.csv", growth)
        due = self.due.copy()
        due["due_on"] = _iso_days(due["due_on"])
        put("followups_due.csv", due)
        summary = dict(self.summary)
        summary["filters"] = {
            "start": self.start.isoformat() if self.start else None,
            "end": self.end.isoformat() if self.end else None,
            "companies": self.companies, "industries": self.industries,
            "follow_up_days": self.follow_up_days, "redacted": self.redacted,
        }
        path = folder / "summary.json"
        path.write_text(json.dumps(summary, indent=2, ensure_ascii=False) + "\n",
                        encoding="utf-8")
        paths["summary.json"] = path
        return paths

    # -- words ----------------------------------------------------------------------
    def headline(self):
        """The headline numbers and what the report covers, as Markdown."""
        from IPython.display import Markdown
        s = self.summary
        rate = "" if s["response_rate"] is None else f" ({_pct(s['response_rate'])})"
        lines = []
        if self.title:
            lines.append(f"**Campaign:** {literal(self.title)} · **as of {s['as_of']}**")
        else:
            lines.append(f"**As of {s['as_of']}**")
        lines += [
            "",
            "| People in the log | Targets | Contacted | Responded | Meetings held | Referrals |",
            "|---:|---:|---:|---:|---:|---:|",
            f"| {s['contacts']} | {s['targets']} | {s['contacted']} | {s['responded']}{rate} "
            f"| {s['meetings_held']} | {s['referrals']} |",
            "",
        ]
        scope = []
        if self.companies:
            scope.append("only " + _join([f"**{literal(c)}**" for c in self.companies]))
        if self.industries:
            scope.append("only the " + _join([f"**{literal(c)}**" for c in self.industries])
                         + " " + ("industry" if len(self.industries) == 1 else "industries"))
        if self.start or self.end:
            lo = self.start.isoformat() if self.start else "the beginning"
            hi = self.end.isoformat() if self.end else s["as_of"]
            scope.append(f"people first contacted from {lo} to {hi}")
        if scope:
            lines.append("This report covers " + "; ".join(scope) + ".")
        if self.redacted:
            lines.append("Names, contact details and notes are left out: people appear as "
                         "tokens such as *Contact 07*, numbered in the order of their "
                         "contact_id, so the same token means the same person in every "
                         "redacted report.")
        return Markdown("\n".join(lines))

    def findings(self, section: str):
        """What one section shows, in sentences computed from the data (Markdown).

        Parameters
        ----------
        section : {"fastest", "channels", "funnel", "network", "due"}
        """
        from IPython.display import Markdown
        if section not in SECTIONS:
            raise ParameterError(f"section {section!r} is not one of {', '.join(SECTIONS)}")
        text = getattr(self, f"_findings_{section}")()
        return Markdown("\n".join(f"- {line}" for line in text) if len(text) > 1
                        else "".join(text))

    def _overall_median(self) -> float:
        from .. import metrics as M
        sub = self.timeline[self.timeline["contacted"]]
        if len(sub) == 0:
            return float("nan")
        return M.km_median(sub["observed_days"].to_numpy(dtype=float),
                           sub["responded"].to_numpy())

    def _findings_fastest(self) -> list[str]:
        import math
        t = self.by_company
        contacted = int(t["contacted"].sum())
        if contacted == 0:
            return ["Nobody in this report has been contacted yet, so there is no response "
                    "time to measure; the clock starts with the first outreach."]
        responded = int(t["responded"].sum())
        med = self._overall_median()
        out = [f"**{responded} of {contacted}** people contacted have answered "
               f"({_pct(responded / contacted)}); "
               + (f"half of everyone contacted had answered within **{_days(med)}**."
                  if not math.isnan(med) else
                  "fewer than half have answered, so the typical wait is still open.")]
        reached = t[t["median_days_to_response"].notna()]
        # a lone person (or the people without a company) is no company's speed
        solid = reached[(reached["contacted"] >= 2)
                        & (reached["company"] != NO_GROUP_LABELS["company"])]
        reached = solid if len(solid) else reached
        if len(reached):
            best = reached.iloc[0]
            out.append(f"Fastest: half of the people at **{literal(best['company'])}** answered "
                       f"within **{_days(best['median_days_to_response'])}** "
                       f"({int(best['responded'])} of {int(best['contacted'])} answered).")
            nxt = reached.iloc[1:3]
            if len(nxt):
                out.append("Next: " + _join([
                    f"**{literal(r['company'])}** "
                    f"(half within {_days(r['median_days_to_response'])})"
                    for _, r in nxt.iterrows()]) + ".")
        slow = t[t["median_days_to_response"].isna() & (t["contacted"] >= 2)].head(3)
        if len(slow):
            out.append(_join([f"**{literal(r['company'])}** ({int(r['responded'])} of "
                              f"{int(r['contacted'])})" for _, r in slow.iterrows()])
                       + (" has" if len(slow) == 1 else " have")
                       + " not had half of their people answer, so they rank last however "
                       "quick a single reply was: the silent ones count.")
        small = int((t["contacted"] < 3).sum())
        if small:
            out.append(f"{small} of {_plural(len(t), 'company', 'companies')} had fewer than "
                       "three people contacted; read their rates with the 95% intervals.")
        return out

    def _findings_channels(self) -> list[str]:
        out = []
        for label, t, col in (("channel", self.by_channel, "channel"),
                              ("source", self.by_source, "source")):
            if len(t) == 0:
                continue
            ranked = t.sort_values(["ci_low", "response_rate", col],
                                   ascending=[False, False, True], kind="stable")
            best = ranked.iloc[0]
            text = (f"Best {label}: **{literal(str(best[col]).replace('_', ' '))}** — "
                    f"{int(best['responded'])} of {int(best['contacted'])} answered "
                    f"({_pct(best['response_rate'])}, 95% interval {_pct(best['ci_low'])}–"
                    f"{_pct(best['ci_high'])})")
            if best["median_days_to_response"] == best["median_days_to_response"]:
                text += f", half within {_days(best['median_days_to_response'])}"
            out.append(text + ".")
            most = t.sort_values(["contacted", col], ascending=[False, True],
                                 kind="stable").iloc[0]
            if most[col] != best[col]:
                out.append(f"Most used {label}: **{literal(str(most[col]).replace('_', ' '))}** "
                           f"({int(most['contacted'])} people, {_pct(most['response_rate'])} "
                           "answered).")
        if not out:
            return ["Nobody has been contacted yet, so no channel or source can be compared."]
        out.append("Ranked by the lower end of the 95% interval, so one lucky reply "
                   "does not win.")
        return out

    def _findings_funnel(self) -> list[str]:
        f = self.funnel.set_index("stage")
        r = f["reached"]
        targets = int(r.get("identified", 0))
        if targets == 0:
            return ["No targets yet: give people a priority or log an outreach to start."]
        out = [f"Of **{targets}** targets, {int(r['contacted'])} were contacted, "
               f"{int(r['responded'])} responded, **{int(r['met'])} met you**, "
               f"{int(r['thanked'])} got a thank-you and {int(r['keeping_in_touch'])} "
               "are keeping in touch."]
        declined, quiet = int(f.loc["declined", "current"]), int(f.loc["gone_quiet", "current"])
        if declined or quiet:
            out.append(f"{_plural(declined, 'person', 'people')} declined and "
                       f"{quiet} went quiet after every follow-up.")
        if int(r["met"]):
            out.append(f"About one meeting for every {int(r['contacted']) / int(r['met']):.1f} "
                       "people contacted.")
        return out

    def _findings_network(self) -> list[str]:
        g, s = self.growth, self.summary
        if len(g) == 0 or int(g["cumulative"].iloc[-1]) == 0:
            return ["The log is empty so far."]
        total = int(g["cumulative"].iloc[-1])
        out = [f"The log grew to **{total}** people over {_plural(len(g), 'week')}; "
               f"{s['referrals']} of them ({_pct(s['referrals'] / total)}) came through a "
               "referral."]
        if s.get("referrals_per_meeting") is not None:
            out.append(f"Each meeting brought {s['referrals_per_meeting']:.1f} referrals on "
                       "average — ask every person who else you should talk to.")
        ch = self.chains
        trees = ch[(ch["chain_size"] > 1) & ch["depth"].notna()]
        if len(trees):
            deepest = trees.sort_values(["depth", "contact_id"], ascending=[False, True]).iloc[0]
            root = ch.loc[ch["contact_id"] == deepest["root"], "name"]
            who = literal(root.iloc[0] if len(root) else deepest["root"])
            out.append(f"The longest chain is {_plural(int(deepest['depth']), 'introduction')} "
                       f"deep, starting from {who}.")
            top = ch.sort_values(["referrals", "contact_id"], ascending=[False, True]).iloc[0]
            if int(top["referrals"]) > 1:
                out.append(f"{literal(top['name'])} introduced you to the most people "
                           f"({int(top['referrals'])}).")
        return out

    def _findings_due(self) -> list[str]:
        import pandas as pd
        due, week, meet = self.due, self.due_week, self.meetings
        day = pd.Timestamp(self.as_of)
        out = []
        if len(due):
            counts = due["action"].value_counts()
            words = {a: _ACTION_PHRASES.get(a, (a, a + "s", a + " for {name}"))
                     for a in counts.index}
            kinds = _join([f"{n} {words[a][0] if n == 1 else words[a][1]}"
                           for a, n in counts.items()])
            text = f"**{_plural(len(due), 'thing')} due** by {self.as_of.isoformat()}: {kinds}."
            oldest = due.sort_values("overdue_days", ascending=False, kind="stable").iloc[0]
            if int(oldest["overdue_days"]) > 0:
                what = words[oldest["action"]][2].format(name=literal(oldest["name"]))
                text += (f" The oldest is {what}, "
                         f"{_plural(int(oldest['overdue_days']), 'day')} overdue.")
            out.append(text)
        later = int((week["overdue_days"] < 0).sum()) if len(week) else 0
        if later:
            out.append(f"{_plural(later, 'more thing')} come{'s' if later == 1 else ''} due by "
                       f"{(day + pd.Timedelta(days=6)).date().isoformat()}.")
        if len(meet):
            first = meet.iloc[0]
            out.append(f"{_plural(len(meet), 'meeting')} ahead; the next is on "
                       f"{pd.Timestamp(first['scheduled_for']):%Y-%m-%d %H:%M} with "
                       f"{literal(first['name'])}"
                       + (f" ({literal(first['company'])})" if first["company"] else "") + ".")
        if not out:
            out.append(f"Nothing is due on {self.as_of.isoformat()} or in the week after: a "
                       "good moment to find new people to contact.")
        return out

    # -- tables ---------------------------------------------------------------------
    def table(self, name: str):
        """A table for display (HTML).

        Parameters
        ----------
        name : {"fastest", "channels", "sources", "due", "meetings"}
        """
        import pandas as pd
        from IPython.display import HTML
        builders = {"fastest": self._table_fastest, "channels": self._table_channels,
                    "sources": self._table_sources, "due": self._table_due,
                    "meetings": self._table_meetings}
        if name not in builders:
            raise ParameterError(f"table {name!r} is not one of {', '.join(builders)}")
        frame, note = builders[name]()
        if len(frame) == 0:
            return HTML(f"<p><em>{note or 'Nothing to show.'}</em></p>")
        css = f"infoint-{name}"        # styles are page-wide: one class per table
        # text reads from the left, numbers line up on the right
        numeric = [k for k, col in enumerate(frame.columns, start=1)
                   if pd.api.types.is_numeric_dtype(frame[col])]
        # text cells through the one escaping function; MathJax leaves the table alone
        shown = frame.copy()
        for k, col in enumerate(frame.columns, start=1):
            if k not in numeric:
                shown[col] = ["" if pd.isna(v) else literal(v, into="html")
                              for v in frame[col]]
        body = shown.to_html(index=False, border=0, escape=False, na_rep="",
                             classes=f"infoint-table {css} {NO_MATH_CLASS}")
        right = ",".join(f".{css} td:nth-child({k}),.{css} th:nth-child({k})" for k in numeric)
        # !important: JupyterLab's own table style is more specific than a class
        style = (f"<style>.{css} td,.{css} th{{text-align:left !important;"
                 "vertical-align:top !important}"
                 + (right + "{text-align:right !important}" if right else "") + "</style>")
        return HTML(style + body + (f"<p><em>{note}</em></p>" if note else ""))

    @staticmethod
    def _response_display(t, col: str):
        import pandas as pd
        med = t["median_days_to_response"]
        return pd.DataFrame({
            GROUP_HEADERS[col]: (t[col].astype(str).str.replace("_", " ") if col != "company"
                                 else t[col]),
            _H["contacted"]: t["contacted"], _H["responded"]: t["responded"],
            _H["response_rate"]: [
                f"{_pct(r)} ({_pct(lo)}–{_pct(hi)})"
                for r, lo, hi in zip(t["response_rate"], t["ci_low"], t["ci_high"])],
            _H["median_days_to_response"]: [_days(m) if m == m else "not reached"
                                            for m in med],
        })

    def _table_fastest(self):
        t = self.by_company
        shown = t.head(self.top_n)
        note = ""
        if len(t) > len(shown):
            note = (f"The {len(shown)} fastest of {len(t)} companies; all of them are in "
                    "tables/response_by_company.csv.")
        return self._response_display(shown, "company"), note or (
            "" if len(t) else "Nobody contacted yet.")

    def _table_channels(self):
        return self._response_display(self.by_channel, "channel"), \
            "" if len(self.by_channel) else "Nobody contacted yet."

    def _table_sources(self):
        return self._response_display(self.by_source, "source"), \
            "" if len(self.by_source) else "Nobody contacted yet."

    def _table_due(self):
        import pandas as pd
        w = self.due_week.head(_TABLE_ROWS)  # a large log: the soonest, all in the CSV
        when = []
        for d, late in zip(pd.to_datetime(w["due_on"]), w["overdue_days"]):
            late = int(late)
            tag = ("today" if late == 0 else f"{_plural(late, 'day')} overdue" if late > 0
                   else f"in {_plural(-late, 'day')}")
            when.append(f"{d:%Y-%m-%d} ({tag})")
        frame = pd.DataFrame({
            _H["due_on"]: when,
            _H["action"]: [_ACTION_PHRASES.get(a, (a,))[0] for a in w["action"]],
            **{_H[col]: w[col] for col in ("name", "company", "channel", "reason")}})
        if len(self.due_week) > len(w):
            return frame, (f"The first {len(w)} of {len(self.due_week)} things due; all of "
                           "them are in tables/followups_due.csv.")
        return frame, "" if len(w) else "Nothing due this week."

    def _table_meetings(self):
        import pandas as pd
        m = self.meetings.head(_TABLE_ROWS)
        frame = pd.DataFrame({
            _H["scheduled_for"]: [f"{pd.Timestamp(t):%Y-%m-%d %H:%M}" if pd.notna(t) else ""
                                  for t in m["scheduled_for"]],
            **{_H[col]: m[col] for col in ("name", "company", "channel")}})
        if not self.redacted:
            frame[_H["place"]] = m["place"].to_numpy()
        if len(self.meetings) > len(m):
            return frame, f"The first {len(m)} of {len(self.meetings)} meetings ahead."
        return frame, "" if len(m) else "No meetings scheduled ahead."

    # -- figures --------------------------------------------------------------------
    def has_data(self, name: str) -> bool:
        """Whether chart ``name`` has anything to draw (the findings say so otherwise)."""
        ch = self.chains
        return {
            "survival": bool(self.timeline["contacted"].any()),
            "response_rates": len(self.by_company) > 0,
            "channels": len(self.by_channel) > 0,
            "sources": len(self.by_source) > 0,
            "funnel": int(self.funnel["reached"].iloc[0]) > 0 if len(self.funnel) else False,
            "network_growth": len(self.growth) > 0 and int(self.growth["cumulative"].iloc[-1]) > 0,
            "referral_tree": bool(((ch["chain_size"] > 1) & ch["depth"].notna()).any()),
            "followup_calendar": len(self.due_week) > 0 or len(self.meetings) > 0,
        }[name]

    def figure(self, name: str):
        """Draw one chart, save it as ``figures/<name>.png`` (with ``out_dir``), return it.

        A chart with nothing to draw (nobody contacted yet, no referrals, …) is
        neither drawn nor saved: ``None`` is returned and the cell shows nothing;
        the section's findings say why.

        Parameters
        ----------
        name : {"survival", "response_rates", "channels", "sources", "funnel",
                "network_growth", "referral_tree", "followup_calendar"}

        Returns
        -------
        IPython.display.Image or None
        """
        if name not in FIGURES:
            raise ParameterError(f"figure {name!r} is not one of {', '.join(FIGURES)}")
        if not self.has_data(name):
            return None
        from IPython.display import Image
        from matplotlib.figure import Figure

        from .. import charts
        size = {"referral_tree": (9, 5), "followup_calendar": (9, 3.6),
                "response_rates": (8, max(3.0, 0.38 * min(len(self.by_company),
                                                          self.top_n + 1) + 1.4))}
        # Constrained layout fits any label but costs a third of the drawing time.
        # These charts label their axes from fixed vocabularies (stages, channels,
        # dates, percentages), so fixed margins fit them; the others get the layout.
        fixed = {"survival": dict(left=0.09, right=0.98, bottom=0.12, top=0.92),
                 "referral_tree": dict(left=0.01, right=0.99, bottom=0.01, top=0.92),
                 "funnel": dict(left=0.17, right=0.98, bottom=0.04, top=0.92),
                 "channels": dict(left=0.08, right=0.98, bottom=0.27, top=0.92),
                 "network_growth": dict(left=0.08, right=0.91, bottom=0.2, top=0.92)}
        fig = Figure(figsize=size.get(name, (8, 4.2)), dpi=100,
                     layout=None if name in fixed else "constrained")
        if name in fixed:
            fig.subplots_adjust(**fixed[name])
        ax = fig.add_subplot()
        if name == "survival":
            charts.plot_survival(self.campaign.survival("company", top=min(self.top_n, 6)), ax=ax)
        elif name == "response_rates":
            charts.plot_response_rates(self.by_company, top=self.top_n, ax=ax)
        elif name == "channels":
            charts.plot_channel_comparison(self.by_channel, ax=ax)
        elif name == "sources":
            charts.plot_channel_comparison(self.by_source, ax=ax)
        elif name == "funnel":
            charts.plot_funnel(self.funnel, ax=ax)
        elif name == "network_growth":
            charts.plot_network_growth(self.growth, ax=ax)
        elif name == "referral_tree":
            charts.plot_referral_tree(self.chains, ax=ax)
        else:
            charts.plot_followup_calendar(self.due_week[self.due_week["overdue_days"] >= -6],
                                          meetings=self.meetings, as_of=self.as_of,
                                          days_before=14, days_after=14, ax=ax)
        # the chart's title states its finding: the image's alternative text
        alt = flatten(ax.get_title()) or name.replace("_", " ")
        return Image(data=save_figure(fig, name, self.out_dir), format="png", alt=alt)


def _iso_days(dates):
    """Dates (no gaps) as ``YYYY-MM-DD`` text, formatted by Arrow in one pass."""
    import pandas as pd
    import pyarrow as pa
    import pyarrow.compute as pc

    if dates.hasnans:
        return dates.dt.strftime("%Y-%m-%d")
    days = pc.strftime(pa.array(dates.to_numpy(dtype="datetime64[s]")), format="%Y-%m-%d")
    return pd.Series(days, index=dates.index, dtype=pd.StringDtype("pyarrow", na_value=float("nan")))


def _response_csv(table, group: str):
    """The DESIGN.md columns of a response table (as ``infoint stats --csv`` writes them)."""
    return table[[group, *_RESPONSE_CSV_COLUMNS]]
