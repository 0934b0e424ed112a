"""Charts of the campaign, drawn from the tables of :mod:`infoint_nb.metrics`.

Every function has the shape ``plot_x(data, *, ..., ax=None) -> Axes``: it
draws on the given axes (or the current ones), returns them — also when there
is nothing to draw — and never shows or saves the figure. The statistics are
computed by :mod:`~infoint_nb.metrics`; these functions only draw.

Colours come from the Okabe–Ito palette, which stays distinguishable for the
common forms of colour blindness; titles state what the chart shows
("Brightline Learning answered fastest: half within 1 day").

Text from the log (company and people's names, sources, …) is drawn as it is:
every ``plot_*`` draws with matplotlib's math parsing off (``$\\foo$ Co`` is
not mathtext) and turns it off on every text of its axes when done — titles,
axis and tick labels, legends, annotations, networkx labels.

matplotlib (and networkx for the referral tree) are imported on first use, so
``import infoint_nb`` stays light.
"""
from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from . import metrics as M
from ._docstrings import share_docs
from .schema import CONTACT_ID, NAME, REFERRED_BY, SOURCE
from .vocabulary import CHANNELS, RESPONSE_COLUMNS, RESPONSE_COUNT_COLUMNS, SOURCES

__all__ = [
    "OKABE_ITO", "OTHERS_COLOR",
    "plot_response_rates", "plot_survival", "plot_funnel", "plot_network_growth",
    "plot_referral_tree", "plot_channel_comparison", "plot_followup_calendar",
]

#: Okabe & Ito (2008), "Color Universal Design": eight colours told apart by
#: people with the common colour-vision deficiencies.
OKABE_ITO: tuple[str, ...] = (
    "#0072B2",  # blue
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#56B4E9",  # sky blue
    "#D55E00",  # vermillion
    "#F0E442",  # yellow
    "#000000",  # black
)
#: Grey for "others", "not reached" and other de-emphasised marks.
OTHERS_COLOR = "#999999"
_OTHERS = "others"


def _axes(ax):
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt
    return plt.gca()


def _literal_text(plot):
    """Make ``plot`` draw every text literally: no mathtext from the data, ever.

    A company named ``$\\foo$ Co`` would otherwise be parsed as math (and fail
    with "Unknown symbol" when the figure is drawn). The plot runs with
    ``text.parse_math`` off, so texts it creates are literal; afterwards every
    text of its axes (and of axes it added, e.g. a twin) is set literal too,
    which covers the title and axis labels the axes were created with, tick
    labels, the legend, annotations and networkx's labels.
    """
    @functools.wraps(plot)
    def draw(*args, ax=None, **kwargs):
        import matplotlib as mpl
        ax = _axes(ax)
        before = set(ax.figure.axes)
        with mpl.rc_context({"text.parse_math": False}):
            out = plot(*args, ax=ax, **kwargs)
        for axes in [ax, *(a for a in ax.figure.axes if a not in before)]:
            _no_math(axes)
        return out
    return draw


def _no_math(ax) -> None:
    from matplotlib.text import Text
    for text in ax.findobj(Text):
        text.set_parse_math(False)


def _pretty(value) -> str:
    """A label for a group: vocabulary words read with spaces (``in_person`` → ``in person``);
    any other text (a company, a name) exactly as it is."""
    text = str(value)
    return text.replace("_", " ") if text in _VOCABULARY else text


_VOCABULARY = frozenset(CHANNELS) | frozenset(SOURCES)


def _empty(ax, title: str, message: str):
    ax.set_title(title)
    ax.text(0.5, 0.5, message, ha="center", va="center", transform=ax.transAxes,
            color=OTHERS_COLOR)
    ax.set_xticks([])
    ax.set_yticks([])
    return ax


def _group_column(table: pd.DataFrame) -> str:
    for col in table.columns:
        if col not in RESPONSE_COLUMNS:
            return col
    raise ValueError("the table has no group column; pass a table from metrics.response_by")


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def _days(x: float) -> str:
    x = float(x)
    return f"{x:g} day" + ("" if x == 1 else "s")


def _top_and_others(table: pd.DataFrame, group: str, top: int) -> pd.DataFrame:
    """The ``top`` groups with the most people contacted, the rest pooled as "others"."""
    if len(table) <= top:
        return table.copy()
    keep = table.sort_values(["contacted", group], ascending=[False, True],
                             kind="stable").head(top)
    rest = table.drop(keep.index)
    pooled = {group: f"{_OTHERS} ({len(rest)})"}
    for col in RESPONSE_COUNT_COLUMNS:
        pooled[col] = int(rest[col].sum())
    pooled["response_rate"] = pooled["responded"] / pooled["contacted"]
    pooled["ci_low"], pooled["ci_high"] = M.wilson_interval(pooled["responded"],
                                                            pooled["contacted"])
    pooled["median_days_to_response"] = np.nan
    return pd.concat([keep, pd.DataFrame([pooled])], ignore_index=True)


def _most_reliable(table: pd.DataFrame, group: str) -> pd.Series:
    """The row with the highest lower Wilson bound (then rate, then name)."""
    return table.sort_values(["ci_low", "response_rate", group],
                             ascending=[False, False, True], kind="stable").iloc[0]


# --- response rates ----------------------------------------------------------------
@share_docs
@_literal_text
def plot_response_rates(table: pd.DataFrame, *, top: int = 12, ax=None):
    """Response rate per group, with Wilson 95% whiskers and "responded/contacted" labels.

    Parameters
    ----------
    table : DataFrame
        From :func:`metrics.response_by` (any grouping).
    top : int
        Groups with the most people contacted to show; the rest are pooled into
        one grey "others" bar, so 40 companies stay readable.
    {params.ax}

    Returns
    -------
    Axes
    """
    ax = _axes(ax)
    if len(table) == 0:
        return _empty(ax, "Nobody contacted yet", "no responses to show")
    group = _group_column(table)
    data = _top_and_others(table, group, top)
    # the pooled row is the last one (a company may well be called "others (3)")
    is_others = pd.Series(np.arange(len(data)) == len(data) - 1, index=data.index) \
        & (len(table) > top)
    main = data[~is_others].sort_values(["response_rate", "contacted"],
                                        ascending=[True, True], kind="stable")
    data = pd.concat([data[is_others], main])          # "others" at the bottom
    y = np.arange(len(data))
    rate = data["response_rate"].to_numpy(dtype=float)
    colors = np.where(is_others.reindex(data.index).to_numpy(), OTHERS_COLOR, OKABE_ITO[0])
    ax.barh(y, rate, color=colors, height=0.6)
    err = np.vstack([rate - data["ci_low"].to_numpy(dtype=float),
                     data["ci_high"].to_numpy(dtype=float) - rate])
    ax.errorbar(rate, y, xerr=err, fmt="none", ecolor="#333333", capsize=3, lw=1)
    for yi, (_, row) in zip(y, data.iterrows()):
        ax.text(min(row["ci_high"] + 0.02, 1.02), yi,
                f"{int(row['responded'])}/{int(row['contacted'])}", va="center", fontsize=8)
    total_c, total_r = int(table["contacted"].sum()), int(table["responded"].sum())
    overall = total_r / total_c
    ax.axvline(overall, color=OKABE_ITO[5], ls="--", lw=1,
               label=f"all {group} values: {_pct(overall)}")
    ax.set_yticks(y, data[group].astype(str).tolist())
    ax.set_xlim(0, 1.12)
    ax.set_xlabel("share who responded (bars: 95% interval)")
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    best = _most_reliable(table, group)
    ax.set_title(f"{best[group]} answered most reliably: {int(best['responded'])} of "
                 f"{int(best['contacted'])}; overall {total_r} of {total_c} "
                 f"({_pct(overall)})")
    return ax


# --- survival curves ---------------------------------------------------------------
@share_docs
@_literal_text
def plot_survival(survival: pd.DataFrame, *, by: str = "company", top: int = 5, ax=None):
    """Time to response as Kaplan–Meier curves, with ticks where people are censored.

    A curve shows the share of a group still silent after so many days; it
    drops at each response and a tick marks someone still waiting when the log
    was read. The silent count: a curve that never crosses 50% has no median.

    Parameters
    ----------
    survival : DataFrame
        From :meth:`Campaign.survival` / :func:`metrics.survival_table` (drawn as
        given: its first column names the grouping). A table from
        :func:`metrics.contact_timeline` is still accepted and turned into one
        with ``by`` and ``top``.
    {params.by}
    top : int
        Groups with the most people contacted to draw (one curve each), when a
        timeline is passed.
    {params.ax}

    Returns
    -------
    Axes
    """
    ax = _axes(ax)
    if "observed_days" in survival.columns:          # the old call shape: a timeline
        survival = M.survival_table(survival, by=by, top=top)
    by = survival.columns[0]
    if len(survival) == 0:
        return _empty(ax, "Nobody contacted yet", "no response times to show")
    first = survival.drop_duplicates(by)
    order = first[by].tolist()
    sizes = pd.Series(first["contacted"].to_numpy(), index=order)
    medians = pd.Series(first["median_days_to_response"].to_numpy(dtype=float), index=order)
    km = survival.rename(columns={by: "group"})
    handles, names = [], []
    for i, g in enumerate(order):
        curve = km[km["group"] == g]
        x = np.r_[0.0, curve["time"].to_numpy(dtype=float)]
        s = np.r_[1.0, curve["survival"].to_numpy(dtype=float)]
        color = OKABE_ITO[i % len(OKABE_ITO)]
        med = medians[g]
        tag = f"median {_days(med)}" if not np.isnan(med) else "median not reached"
        label = f"{g} (n={int(sizes[g])}, {tag})"
        handles += ax.step(x, s, where="post", color=color, lw=2, label=label)
        names.append(label)
        cens = curve[curve["censored"] > 0]
        ax.plot(cens["time"].to_numpy(dtype=float), cens["survival"].to_numpy(dtype=float),
                ls="none", marker="|", ms=10, mew=1.5, color=color)
    ax.axhline(0.5, color=OTHERS_COLOR, lw=0.8, ls=":")
    ax.set_ylim(-0.02, 1.02)
    ax.set_xlim(left=0)
    ax.set_xlabel("days since first contact")
    ax.set_ylabel("still waiting for a response")
    ax.yaxis.set_major_formatter(_percent_formatter())
    # handles and labels given: a group named "_x" is not hidden as matplotlib's
    # automatic legend would hide it
    ax.legend(handles, names, fontsize=8, frameon=False, loc="upper right")
    reached = medians.dropna()
    if len(reached):
        fastest = sorted(reached.index, key=lambda g: (reached[g], g))[0]
        ax.set_title(f"{fastest} answered fastest: half within {_days(reached[fastest])}")
    else:
        ax.set_title(f"No {by} has answered half its people yet")
    return ax


def _percent_formatter():
    from matplotlib.ticker import PercentFormatter
    return PercentFormatter(xmax=1.0, decimals=0)


# --- funnel ------------------------------------------------------------------------
@share_docs
@_literal_text
def plot_funnel(funnel: pd.DataFrame, *, ax=None):
    """How far the targets got: the main path as a funnel, off-path stages beside it.

    Parameters
    ----------
    funnel : DataFrame
        From :func:`metrics.funnel` (``stage, current, reached``).
    {params.ax}

    Returns
    -------
    Axes
    """
    ax = _axes(ax)
    by_stage = funnel.set_index("stage")
    main = by_stage.reindex(list(M.MAIN_PATH)).fillna(0)
    off = by_stage.reindex(list(M.OFF_PATH)).fillna(0)
    total = int(main["reached"].iloc[0]) if len(main) else 0
    if total == 0:
        return _empty(ax, "No targets yet", "add contacts with a priority or log an outreach")
    names = [s.replace("_", " ") for s in M.MAIN_PATH]
    y = np.arange(len(names))[::-1] + len(M.OFF_PATH) + 0.5
    reached = main["reached"].to_numpy(dtype=float)
    ax.barh(y, reached, left=(total - reached) / 2, color=OKABE_ITO[0], height=0.7,
            label="reached this far")
    for yi, r, cur in zip(y, reached, main["current"].to_numpy(dtype=int)):
        ax.text(total / 2, yi, f"{int(r)}  (now {cur})", ha="center", va="center",
                color="white" if r > total * 0.25 else "black", fontsize=9)
    y_off = np.arange(len(M.OFF_PATH))[::-1]
    cur_off = off["current"].to_numpy(dtype=float)
    ax.barh(y_off, cur_off, left=(total - cur_off) / 2, color=OKABE_ITO[5], height=0.7,
            label="off the path now")
    for yi, r in zip(y_off, cur_off):
        ax.text(total / 2, yi, f"{int(r)}", ha="center", va="center", fontsize=9)
    ax.set_yticks(np.r_[y, y_off], names + [s.replace("_", " ") for s in M.OFF_PATH])
    ax.set_xticks([])
    ax.set_xlim(-0.02 * total, total * 1.02)
    ax.legend(loc="lower right", fontsize=8, frameon=False)
    contacted = int(main.loc["contacted", "reached"])
    met = int(main.loc["met", "reached"])
    share = f" ({_pct(met / contacted)} of those contacted)" if contacted else ""
    ax.set_title(f"{met} of {total} targets met{share}")
    return ax


# --- network growth ----------------------------------------------------------------
@_literal_text
def plot_network_growth(growth: pd.DataFrame, *, ax=None):
    """People in the log week by week, stacked by source, with the referral share.

    Parameters
    ----------
    growth : DataFrame
        From :func:`metrics.network_growth`.
    ax : matplotlib Axes, optional
        Where to draw; the current axes by default. The referral share is drawn
        on a twin axis sharing x; the main axes are returned.

    Returns
    -------
    Axes
    """
    ax = _axes(ax)
    if len(growth) == 0 or int(growth["cumulative"].iloc[-1]) == 0:
        return _empty(ax, "No contacts yet", "the network starts with the first contact")
    source_cols = [c for c in growth.columns if c.startswith(f"{SOURCE}_")]
    totals = growth[source_cols].sum().sort_values(ascending=False, kind="stable")
    # at most 7 sources get their own colour; the smaller ones are pooled in grey
    shown = [c for c in source_cols if c in set(totals.index[:7])] if len(source_cols) > 8 \
        else source_cols
    pooled = [c for c in source_cols if c not in shown]
    x = pd.to_datetime(growth["week"]).to_numpy()
    stacks = [growth[c].cumsum().to_numpy(dtype=float) for c in shown]
    labels = [_pretty(c[len(SOURCE) + 1:]) for c in shown]
    colors = [OKABE_ITO[i % len(OKABE_ITO)] for i in range(len(stacks))]
    if pooled:
        stacks.append(growth[pooled].sum(axis=1).cumsum().to_numpy(dtype=float))
        labels.append(f"{len(pooled)} other sources")
        colors.append(OTHERS_COLOR)
    ax.stackplot(x, *stacks, labels=labels, colors=colors, alpha=0.9, step="post")
    ax.set_ylabel("people in the log")
    ax.set_xlabel("week")
    twin = ax.twinx()
    twin.plot(x, growth["referral_share"].to_numpy(dtype=float), color="black", lw=1.5,
              ls="--", label="came by referral (share)", drawstyle="steps-post")
    twin.set_ylim(0, 1)
    twin.yaxis.set_major_formatter(_percent_formatter())
    twin.set_ylabel("came by referral")
    h1, l1 = ax.get_legend_handles_labels()
    h2, l2 = twin.get_legend_handles_labels()
    ax.legend(h1 + h2, l1 + l2, loc="upper left", fontsize=7, frameon=False, ncol=2)
    total = int(growth["cumulative"].iloc[-1])
    share = float(growth["referral_share"].iloc[-1])
    ax.set_title(f"The network grew to {total} people; {_pct(share)} came by referral")
    ax.tick_params(axis="x", labelrotation=30)
    return ax


# --- referral tree -----------------------------------------------------------------
@share_docs
@_literal_text
def plot_referral_tree(chains: pd.DataFrame, *, label: str = NAME, max_people: int = 60,
                       ax=None):
    """Who referred whom, as layered trees (roots on top), drawn with networkx.

    Parameters
    ----------
    chains : DataFrame
        From :func:`metrics.referral_chains`.
    label : str
        The column to label people with (``"contact_id"`` for a report without names).
    max_people : int
        Draw the largest trees up to about this many people; the title says how
        many trees were left out.
    {params.ax}

    Returns
    -------
    Axes
    """
    import networkx as nx

    ax = _axes(ax)
    trees = chains[(chains["chain_size"] > 1) & chains["depth"].notna()]
    if len(trees) == 0:
        return _empty(ax, "No referrals yet", "ask every person: who else should I talk to?")
    all_trees = trees
    sizes = trees.drop_duplicates("root").sort_values(["chain_size", "root"],
                                                      ascending=[False, True])
    keep_roots = sizes["root"][(sizes["chain_size"].cumsum() <= max_people)
                               | (np.arange(len(sizes)) == 0)]
    trees = trees[trees["root"].isin(set(keep_roots))]
    left_out = len(sizes) - len(keep_roots)
    graph = nx.DiGraph()
    ids = trees[CONTACT_ID].astype(str)
    parents = trees[REFERRED_BY].astype(str)
    depth = dict(zip(ids, trees["depth"].astype(int)))
    # depth-first order; ranking each layer in that order keeps edges from crossing
    kids = pd.Series(ids.to_numpy(), index=parents.to_numpy()).groupby(level=0).agg(list)
    order: list[str] = []
    stack = sorted(trees.loc[trees["depth"] == 0, CONTACT_ID].astype(str), reverse=True)
    while stack:
        node = stack.pop()
        order.append(node)
        stack.extend(sorted(kids.get(node, []), reverse=True))
    layer = pd.Series([depth[n] for n in order], index=order)
    rank = layer.groupby(layer).cumcount()
    width = layer.map(layer.value_counts())
    pos = {n: (float(rank[n] - (width[n] - 1) / 2), -float(layer[n])) for n in order}
    graph.add_nodes_from(order)
    graph.add_edges_from((p, c) for p, c in zip(parents, ids) if p in depth)
    names = dict(zip(ids, trees[label].astype(str) if label in trees else ids))
    node_color = [OKABE_ITO[0] if depth[n] == 0 else OKABE_ITO[2] for n in graph.nodes]
    nx.draw_networkx_edges(graph, pos, ax=ax, edge_color=OTHERS_COLOR, arrows=True,
                           arrowsize=10, node_size=300)
    nx.draw_networkx_nodes(graph, pos, ax=ax, node_color=node_color, node_size=300)
    nx.draw_networkx_labels(graph, pos, labels=names, ax=ax, font_size=7,
                            verticalalignment="bottom")
    ax.set_axis_off()
    deepest = all_trees.sort_values(["depth", CONTACT_ID], ascending=[False, True]).iloc[0]
    root = all_trees.loc[all_trees[CONTACT_ID].astype(str) == deepest["root"]]
    root_name = root[label].iloc[0] if label in all_trees and len(root) else deepest["root"]
    n_ref = int((all_trees["depth"] > 0).sum())
    title = (f"{n_ref} people came by referral; the longest chain is "
             f"{int(deepest['depth'])} introduction{'s' if deepest['depth'] != 1 else ''}"
             f" deep, from {root_name}")
    if left_out:
        title += f"\n(the {len(keep_roots)} largest trees; {left_out} smaller ones not drawn)"
    ax.set_title(title)
    return ax


# --- channels and sources ----------------------------------------------------------
@share_docs
@_literal_text
def plot_channel_comparison(table: pd.DataFrame, *, ax=None):
    """Channels (or sources) side by side: response rate and positive-reply rate.

    Parameters
    ----------
    table : DataFrame
        From :func:`metrics.response_by` with ``by="channel"`` or ``by="source"``.
    {params.ax}

    Returns
    -------
    Axes
    """
    ax = _axes(ax)
    if len(table) == 0:
        return _empty(ax, "Nobody contacted yet", "nothing to compare")
    group = _group_column(table)
    data = table.sort_values(["response_rate", "contacted", group],
                             ascending=[False, False, True], kind="stable")
    x = np.arange(len(data))
    width = 0.38
    rate = data["response_rate"].to_numpy(dtype=float)
    positive = (data["positive_replies"] / data["contacted"]).to_numpy(dtype=float)
    ax.bar(x - width / 2, rate, width, color=OKABE_ITO[0], label="responded")
    ax.errorbar(x - width / 2, rate,
                yerr=np.vstack([rate - data["ci_low"].to_numpy(dtype=float),
                                data["ci_high"].to_numpy(dtype=float) - rate]),
                fmt="none", ecolor="#333333", capsize=3, lw=1)
    ax.bar(x + width / 2, positive, width, color=OKABE_ITO[2],
           label="said yes / met")
    for xi, (_, row) in zip(x, data.iterrows()):
        med = row["median_days_to_response"]
        tag = "" if pd.isna(med) else f"\n{med:g}d"
        ax.text(xi, -0.04, f"n={int(row['contacted'])}{tag}", ha="center", va="top",
                fontsize=7)
    ax.set_xticks(x, [_pretty(v) for v in data[group]], rotation=30, ha="right")
    ax.tick_params(axis="x", pad=22)
    ax.set_ylim(-0.12, 1.05)
    ax.yaxis.set_major_formatter(_percent_formatter())
    ax.legend(fontsize=8, frameon=False)
    best = _most_reliable(data, group)
    ax.set_title(f"{_pretty(best[group])} worked best: "
                 f"{int(best['responded'])} of {int(best['contacted'])} responded")
    return ax


# --- follow-up calendar ------------------------------------------------------------
@share_docs
@_literal_text
def plot_followup_calendar(due: pd.DataFrame, *, meetings: pd.DataFrame | None = None,
                           as_of=None, days_before: int = 14, days_after: int = 14,
                           ax=None):
    """A strip of days around ``as_of``: what is due (and overdue) and the meetings ahead.

    Parameters
    ----------
    {params.due}
    {params.meetings}
    {params.as_of}
    days_before, days_after : int
        Days shown before and after ``as_of``; anything due earlier is stacked
        on the first day, marked "≤".
    {params.ax}

    Returns
    -------
    Axes
    """
    ax = _axes(ax)
    as_of = M.resolve_as_of(as_of)
    start = as_of - pd.Timedelta(days=days_before)
    end = as_of + pd.Timedelta(days=days_after)
    rows = list(M.ACTIONS) + ["meeting"]
    y_of = {a: i for i, a in enumerate(rows[::-1])}
    frames = []
    if len(due):
        frames.append(pd.DataFrame({"row": due["action"].astype(str),
                                    "day": pd.to_datetime(due["due_on"]).dt.normalize()}))
    meeting_days = (pd.to_datetime(meetings["scheduled_for"]).dt.normalize()
                    if meetings is not None and len(meetings) else None)
    if meeting_days is not None:
        frames.append(pd.DataFrame({"row": "meeting", "day": meeting_days}))
    ax.axvspan(as_of - pd.Timedelta(hours=12), as_of + pd.Timedelta(hours=12),
               color=OKABE_ITO[6], alpha=0.35, lw=0)
    ax.set_yticks(list(y_of.values()), [r.replace("_", " ") for r in y_of])
    ax.set_xlim(start - pd.Timedelta(days=1), end + pd.Timedelta(days=1))
    ax.set_ylim(-0.7, len(rows) - 0.3)
    import matplotlib.dates as mdates
    ax.xaxis.set_major_locator(mdates.WeekdayLocator(byweekday=mdates.MO))
    ax.xaxis.set_major_formatter(mdates.DateFormatter("%b %d"))
    if not frames:
        ax.set_title(f"Nothing due on {as_of:%Y-%m-%d} and no meetings ahead")
        return ax
    events = pd.concat(frames, ignore_index=True)
    events = events[events["day"] <= end]
    early = events["day"] < start
    events.loc[early, "day"] = start
    counts = events.assign(early=early).groupby(["row", "day"]).agg(
        n=("early", "size"), early=("early", "any")).reset_index()
    counts = counts[counts["row"].isin(y_of)]
    color_of = {a: OKABE_ITO[i % len(OKABE_ITO)] for i, a in enumerate(rows)}
    # the area grows with the count, up to a cap so a backlog does not cover the strip
    size = 50 + 250 * np.sqrt(np.minimum(counts["n"].to_numpy(), 9) / 9)
    ax.scatter(counts["day"], counts["row"].map(y_of), s=size,
               c=counts["row"].map(color_of).tolist(), zorder=3, edgecolors="white")
    for _, r in counts.iterrows():
        ax.annotate(("≤" if r["early"] else "") + str(int(r["n"])), (r["day"], y_of[r["row"]]),
                    xytext=(0, 9), textcoords="offset points", ha="center", fontsize=7)
    n_due = len(due)
    overdue = int((due["overdue_days"] > 7).sum()) if n_due else 0
    n_meet = 0 if meeting_days is None else int((meeting_days <= end).sum())
    title = f"{n_due} due on {as_of:%Y-%m-%d}"
    if overdue:
        title += f" ({overdue} over a week late)"
    title += f"; {n_meet} meeting{'s' if n_meet != 1 else ''} in the next {days_after} days"
    ax.set_title(title)
    return ax
