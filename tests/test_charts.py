"""charts: each plot draws on the axes it is given, returns them, and draws what it says."""
from __future__ import annotations

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pandas as pd  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_hex  # noqa: E402
from matplotlib.container import ErrorbarContainer  # noqa: E402

from infoint_nb import charts as C  # noqa: E402
from infoint_nb import metrics as M  # noqa: E402
from infoint_nb import schema as S  # noqa: E402

from test_metrics import STAGE_LOG, _company_log, contact, make_log  # noqa: E402

AS_OF = "2026-04-01"


@pytest.fixture(autouse=True)
def _close_all():
    yield
    plt.close("all")


@pytest.fixture
def ax():
    return plt.figure().add_subplot()


def forty_companies() -> pd.DataFrame:
    rng = np.random.default_rng(3)
    contacted = rng.integers(1, 9, 40)
    responded = (contacted * rng.random(40)).astype(int)
    low, high = M.wilson_interval(responded, contacted)
    return pd.DataFrame({
        S.COMPANY: [f"Company {k:02d}" for k in range(40)],
        "contacted": contacted, "responded": responded,
        "response_rate": responded / contacted, "ci_low": low, "ci_high": high,
        "positive_replies": responded, "meetings_held": responded // 2,
        "median_days_to_response": np.where(responded * 2 >= contacted, 3.0, np.nan),
    })


def test_importing_the_package_does_not_load_matplotlib():
    code = ("import sys, infoint_nb, infoint_nb.metrics, infoint_nb.calendar; "
            "print(sorted(m for m in ('matplotlib', 'networkx', 'icalendar', 'scipy') "
            "if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"


def test_response_rates_top_n_plus_others_with_whiskers(ax):
    table = forty_companies()
    got = C.plot_response_rates(table, top=12, ax=ax)
    assert got is ax
    assert len(ax.patches) == 13                              # 12 companies + others
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert labels[0] == "others (28)"                          # pooled, at the bottom
    assert any(isinstance(c, ErrorbarContainer) for c in ax.containers)
    others = ax.patches[0]
    assert to_hex(others.get_facecolor()) == C.OTHERS_COLOR
    assert to_hex(ax.patches[-1].get_facecolor()) == C.OKABE_ITO[0].lower()
    # the pooled bar is the pooled rate, not an average of rates
    top12 = table.sort_values(["contacted", S.COMPANY], ascending=[False, True]).head(12)
    rest = table.drop(top12.index)
    assert others.get_width() == pytest.approx(rest["responded"].sum() / rest["contacted"].sum())
    total = f"overall {table['responded'].sum()} of {table['contacted'].sum()}"
    assert total in ax.get_title()


def test_response_rates_title_names_the_most_reliable_group(ax):
    c, i = _company_log()
    C.plot_response_rates(M.response_by(c, i, as_of=AS_OF), ax=ax)
    assert ax.get_title().startswith("Steady answered most reliably: 3 of 3")
    assert len(ax.patches) == 3


def test_survival_curves_step_down_with_censor_ticks(ax):
    c, i = _company_log()
    got = C.plot_survival(M.contact_timeline(c, i, as_of=AS_OF), ax=ax)
    assert got is ax
    curves = [ln for ln in ax.lines if not ln.get_label().startswith("_")]
    assert [ln.get_label().split(" (")[0] for ln in curves] == [
        "(no company)", "Steady", "Flash"]
    assert "median not reached" in curves[2].get_label()
    steady = curves[1]
    assert steady.get_drawstyle() == "steps-post"
    assert list(steady.get_ydata()) == [1.0, 0.0]
    ticks = [ln for ln in ax.lines if ln.get_marker() == "|"]
    assert any(len(t.get_xdata()) for t in ticks)              # Flash's two silent people
    # "one fast reply, two silent" is not the fastest
    assert ax.get_title() == "(no company) answered fastest: half within 2 days"


def test_survival_uses_the_current_axes_and_handles_nobody_contacted():
    c, i = make_log([contact("A")], [])
    plt.figure()
    got = C.plot_survival(M.contact_timeline(c, i, as_of=AS_OF))
    assert got is plt.gca()
    assert got.get_title() == "Nobody contacted yet"


def test_funnel_draws_main_path_and_off_path(ax):
    c, i = make_log(*STAGE_LOG)
    f = M.funnel(c, i, as_of=AS_OF)
    assert C.plot_funnel(f, ax=ax) is ax
    assert len(ax.patches) == len(M.STAGES)
    widths = [p.get_width() for p in ax.patches[:len(M.MAIN_PATH)]]
    assert widths == f["reached"].tolist()[:len(M.MAIN_PATH)]
    assert ax.get_title() == "4 of 10 targets met (44% of those contacted)"


def test_network_growth_stacks_sources_and_shows_referral_share(ax):
    c, i = make_log([
        contact("A", added_on="2026-03-02", source="alumni"),
        contact("B", added_on="2026-03-09", source="referral", referred_by="A"),
        contact("C", added_on="2026-03-16", source="linkedin")], [])
    g = M.network_growth(c, i, as_of=AS_OF)
    assert C.plot_network_growth(g, ax=ax) is ax
    assert len(ax.collections) == 3                            # one band per source
    twins = [a for a in ax.figure.axes if a is not ax]
    assert len(twins) == 1 and len(twins[0].lines) == 1
    assert list(twins[0].lines[0].get_ydata())[-1] == pytest.approx(1 / 3)
    assert ax.get_title() == "The network grew to 3 people; 33% came by referral"


def test_network_growth_pools_small_sources_in_grey(ax):
    people = [contact(f"P{k}", added_on="2026-03-02", source=src)
              for k, src in enumerate(S.SOURCES * 2)]
    C.plot_network_growth(M.network_growth(*make_log(people, []), as_of=AS_OF), ax=ax)
    assert len(ax.collections) == 8                            # 7 sources + "4 other sources"
    assert to_hex(ax.collections[-1].get_facecolor()[0]) == C.OTHERS_COLOR


def test_referral_tree_draws_nodes_edges_and_depth(ax):
    c, _ = make_log([contact("R", "Rita"), contact("K1", "Kim", referred_by="R"),
                     contact("K2", "Kai", referred_by="K1"), contact("Solo")], [])
    chains = M.referral_chains(c, as_of=AS_OF)
    assert C.plot_referral_tree(chains, ax=ax) is ax
    nodes = ax.collections[0]
    assert len(nodes.get_offsets()) == 3                       # Solo has no tree
    assert len(ax.patches) == 2                                # two referral arrows
    texts = {t.get_text() for t in ax.texts}
    assert {"Rita", "Kim", "Kai"} <= texts
    assert ax.get_title().endswith("2 introductions deep, from Rita")
    ys = dict(zip(["R", "K1", "K2"], nodes.get_offsets()[:, 1]))
    assert ys["R"] > ys["K1"] > ys["K2"]                       # roots on top


def test_referral_tree_draws_the_largest_trees_only(ax):
    people = [contact("R"), *[contact(f"K{k}", referred_by="R") for k in range(4)]]
    people += [contact(f"S{t}") for t in range(3)]
    people += [contact(f"T{t}", referred_by=f"S{t}") for t in range(3)]
    c, _ = make_log(people, [])
    C.plot_referral_tree(M.referral_chains(c, as_of=AS_OF), max_people=7, ax=ax)
    assert len(ax.collections[0].get_offsets()) == 7            # R's 5 and one pair
    assert "(the 2 largest trees; 2 smaller ones not drawn)" in ax.get_title()
    assert ax.get_title().startswith("7 people came by referral")


def test_referral_tree_without_referrals(ax):
    c, _ = make_log([contact("A")], [])
    assert C.plot_referral_tree(M.referral_chains(c, as_of=AS_OF), ax=ax) is ax
    assert ax.get_title() == "No referrals yet"


def test_channel_comparison_two_bars_per_channel(ax):
    c, i = _company_log()
    table = M.response_by(c, i, by="channel", as_of=AS_OF)
    assert C.plot_channel_comparison(table, ax=ax) is ax
    assert len(ax.patches) == 2 * len(table)
    assert ax.get_title() == "letter worked best: 3 of 3 responded"


def test_followup_calendar_strip(ax):
    c, i = make_log([contact("A"), contact("B"), contact("C")], [
        ("A", "2026-03-01", S.OUTREACH), ("B", "2026-03-25", S.MEETING_HELD),
        {S.CONTACT_ID: "C", S.DATE: "2026-03-20", S.KIND: S.MEETING_SCHEDULED,
         S.SCHEDULED_FOR: "2026-04-03T10:00", S.PLACE: "Cafe"}])
    d = M.followups_due(c, i, as_of=AS_OF)
    m = M.upcoming_meetings(c, i, as_of=AS_OF)
    assert C.plot_followup_calendar(d, meetings=m, as_of=AS_OF, ax=ax) is ax
    points = ax.collections[-1].get_offsets()
    assert len(points) == 3                                    # follow-up, thank-you, meeting
    assert "≤1" in {t.get_text() for t in ax.texts}            # due before the strip starts
    assert ax.get_title() == ("2 due on 2026-04-01 (1 over a week late); "
                              "1 meeting in the next 14 days")


def test_followup_calendar_with_nothing_due(ax):
    empty = M.followups_due(*make_log([contact("A")], []), as_of=AS_OF)
    assert C.plot_followup_calendar(empty, as_of=AS_OF, ax=ax) is ax
    assert ax.get_title() == "Nothing due on 2026-04-01 and no meetings ahead"


@pytest.mark.parametrize("plot, data", [
    (C.plot_response_rates, lambda: M.response_by(*make_log([], []), as_of=AS_OF)),
    (C.plot_funnel, lambda: M.funnel(*make_log([], []), as_of=AS_OF)),
    (C.plot_network_growth, lambda: M.network_growth(*make_log([], []), as_of=AS_OF)),
    (C.plot_channel_comparison,
     lambda: M.response_by(*make_log([], []), by="channel", as_of=AS_OF)),
])
def test_every_chart_returns_its_axes_when_there_is_nothing_to_draw(ax, plot, data):
    assert plot(data(), ax=ax) is ax
    assert ax.get_title() != "" and len(ax.texts) == 1


# --- text from the log is drawn literally, never as mathtext ------------------------
#: Names a LinkedIn import may bring: mathtext, sub/superscripts, a line break, a very
#: long one, right-to-left text with an emoji, a leading underscore (hidden by an
#: automatic legend) and one that looks like the pooled "others" bar.
HOSTILE = ["$\\foo$ Co", "$x$", "a_b^c", "line one\nline two", "Long" * 80,
           "שלום עולם 🚀", "_hidden", "others (2)"]


def _hostile_log():
    """Two people per hostile company; the first answers in a day, meets and refers the second."""
    people, inter = [], []
    for k, name in enumerate(HOSTILE):
        people += [contact(f"H{k}a", f"{name} (a)", company=name),
                   contact(f"H{k}b", f"{name} (b)", company=name, referred_by=f"H{k}a")]
        inter += [(f"H{k}a", "2026-03-02", S.OUTREACH), (f"H{k}a", "2026-03-03", S.REPLY_YES),
                  (f"H{k}a", "2026-03-05", S.MEETING_HELD),
                  (f"H{k}b", "2026-03-10", S.OUTREACH)]
    return make_log(people, inter)


def _texts(ax) -> list:
    from matplotlib.text import Text
    return [t for a in ax.figure.axes for t in a.findobj(Text)]


def _draw_literally(ax) -> set[str]:
    """Draw the figure (mathtext would fail here) and return every text on it."""
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)      # glyphs missing, tight layout
        ax.figure.canvas.draw()
    texts = _texts(ax)
    assert [t.get_text() for t in texts if t.get_parse_math()] == []
    return {t.get_text() for t in texts}


@pytest.fixture
def wide_ax():
    return plt.figure(figsize=(9, 6)).add_subplot()


def test_response_rates_draw_hostile_company_names_as_they_are(wide_ax):
    c, i = _hostile_log()
    C.plot_response_rates(M.response_by(c, i, as_of=AS_OF), top=20, ax=wide_ax)
    drawn = _draw_literally(wide_ax)
    ticks = [t.get_text() for t in wide_ax.get_yticklabels()]
    assert sorted(ticks) == sorted(HOSTILE)
    # "others (2)" is a company here, not the pooled bar: drawn in the company colour
    assert {to_hex(p.get_facecolor()) for p in wide_ax.patches} == {C.OKABE_ITO[0].lower()}
    best = wide_ax.get_title().split(" answered most reliably")[0]
    assert best in HOSTILE and best in drawn


def test_survival_legend_and_title_hold_hostile_names_literally(wide_ax):
    c, i = _hostile_log()
    C.plot_survival(M.contact_timeline(c, i, as_of=AS_OF), top=len(HOSTILE), ax=wide_ax)
    _draw_literally(wide_ax)
    legend = [t.get_text() for t in wide_ax.get_legend().get_texts()]
    assert sorted(t.rsplit(" (n=", 1)[0] for t in legend) == sorted(HOSTILE)  # "_hidden" too
    fastest = wide_ax.get_title().split(" answered fastest")[0]
    assert fastest in HOSTILE


def test_channel_comparison_keeps_underscores_of_names_but_not_of_channels(wide_ax, ax):
    c, i = _hostile_log()
    C.plot_channel_comparison(M.response_by(c, i, by="company", as_of=AS_OF), ax=wide_ax)
    _draw_literally(wide_ax)
    assert sorted(t.get_text() for t in wide_ax.get_xticklabels()) == sorted(HOSTILE)
    assert wide_ax.get_title().split(" worked best")[0] in HOSTILE
    c2, i2 = make_log([contact("A")], [("A", "2026-03-02", S.OUTREACH, "in_person")])
    C.plot_channel_comparison(M.response_by(c2, i2, by="channel", as_of=AS_OF), ax=ax)
    assert [t.get_text() for t in ax.get_xticklabels()] == ["in person"]


def test_referral_tree_labels_people_with_their_names_as_they_are(wide_ax):
    c, _ = _hostile_log()
    C.plot_referral_tree(M.referral_chains(c, as_of=AS_OF), ax=wide_ax)
    drawn = _draw_literally(wide_ax)
    assert {f"{n} ({k})" for n in HOSTILE for k in "ab"} <= drawn   # networkx labels
    assert wide_ax.get_title().rsplit(" deep, from ", 1)[1] in {f"{n} (a)" for n in HOSTILE}


def test_network_growth_draws_a_source_column_literally(ax):
    c, i = _hostile_log()
    growth = M.network_growth(c, i, as_of=AS_OF)
    src = [col for col in growth.columns if col.startswith("source_")]
    growth = growth.rename(columns={src[0]: "source_$\\foo$_x"})
    C.plot_network_growth(growth, ax=ax)
    drawn = _draw_literally(ax)
    assert "$\\foo$_x" in {t.get_text() for t in ax.get_legend().get_texts()}
    assert "came by referral" in drawn                 # the twin axis is literal too


@pytest.mark.parametrize("plot", ["funnel", "followup_calendar"])
def test_charts_without_names_draw_a_hostile_log_literally(ax, plot):
    c, i = _hostile_log()
    if plot == "funnel":
        C.plot_funnel(M.funnel(c, i, as_of=AS_OF), ax=ax)
    else:
        C.plot_followup_calendar(M.followups_due(c, i, as_of=AS_OF),
                                 meetings=M.upcoming_meetings(c, i, as_of=AS_OF),
                                 as_of=AS_OF, ax=ax)
    assert _draw_literally(ax)


def test_plots_keep_their_signatures_and_keywords(ax):
    import inspect
    assert list(inspect.signature(C.plot_funnel).parameters) == ["funnel", "ax"]
    c, i = make_log(*STAGE_LOG)
    assert C.plot_funnel(funnel=M.funnel(c, i, as_of=AS_OF), ax=ax) is ax


def test_plots_leave_other_axes_of_the_figure_alone():
    fig, (mine, theirs) = plt.subplots(1, 2)
    theirs.set_title("$\\alpha$")                        # the caller's own mathtext
    c, i = _hostile_log()
    C.plot_response_rates(M.response_by(c, i, as_of=AS_OF), ax=mine)
    assert theirs.title.get_parse_math() is True
    assert mine.title.get_parse_math() is False
