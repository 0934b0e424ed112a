"""One vocabulary: every consumer uses the definitions of ``infoint_nb.vocabulary``.

The old names (``metrics.ACTIONS``, ``calendar.ACTION_TITLES``, …) are the same
objects, the command line offers exactly the vocabulary's choices, the tables have
the vocabulary's columns, and no other module of the package types the same
words again (a scan of the source with ``ast``).
"""
from __future__ import annotations

import ast
import dataclasses
import string
from pathlib import Path

import pytest

import infoint_nb
from infoint_nb import ContactLog, calendar, charts, cli, config, drafts, metrics, schema
from infoint_nb import vocabulary as V
from infoint_nb.campaign import Campaign
from infoint_nb.reports import content, each, layout

PACKAGE = Path(infoint_nb.__file__).resolve().parent


# --- the old names are the vocabulary's objects --------------------------------------
@pytest.mark.parametrize("old, new", [
    (metrics.ACTIONS, V.ACTION_NAMES),
    (metrics.GROUPINGS, V.GROUPINGS),
    (metrics.NO_GROUP_LABELS, V.NO_GROUP_LABELS),
    (metrics.MAIN_PATH, V.MAIN_PATH),
    (metrics.OFF_PATH, V.OFF_PATH),
    (metrics.STAGES, V.STAGES),
    (metrics.DALTON_CLASSES, V.DALTON_CLASSES),
    (metrics.MODES, V.MODES),
    (metrics.FOLLOWUP_COLUMNS, V.FOLLOWUP_COLUMNS),
    (metrics.RESPONSE_COLUMNS, V.RESPONSE_COLUMNS),
    (metrics.SURVIVAL_COLUMNS, V.SURVIVAL_COLUMNS),
    (metrics.LEAD_COLUMNS, V.LEAD_COLUMNS),
    (calendar.ACTION_TITLES, V.ACTION_TITLES),
    (drafts.DRAFT_KINDS, V.DRAFT_KINDS),
    (layout.EACH, V.EACH),
    (content._ACTION_PHRASES, V.ACTION_PHRASES),
    (content._RESPONSE_CSV_COLUMNS, V.RESPONSE_CSV_COLUMNS),
    (V.CHANNELS, schema.CHANNELS),
    (V.SOURCES, schema.SOURCES),
], ids=lambda x: "")
def test_old_names_are_the_vocabularys_objects(old, new):
    assert old is new


def test_forms_and_reports_use_the_vocabulary():
    from infoint_nb import reports
    from infoint_nb.forms import follow_up, track
    assert track.ACTION_KINDS is V.ACTION_KINDS
    assert track._NO_COMPANY == V.NO_GROUP_LABELS["company"]
    assert reports.EACH is V.EACH
    assert each.EACH_LABELS is V.EACH_LABELS
    assert follow_up._SEND_CHANNELS == V.channel_options(V.SEND_CHANNELS)
    assert follow_up._MEETING_CHANNELS == V.channel_options(V.MEETING_CHANNELS)
    assert charts._VOCABULARY == frozenset(V.CHANNELS) | frozenset(V.SOURCES)
    from infoint_nb.forms import activity, importing
    from infoint_nb.importers import reading
    assert importing.KIND_CHOICES == (
        ("recognise it", "auto"), ("LinkedIn Connections.csv", "linkedin"),
        ("spreadsheet (CSV or Excel)", "sheet"), ("address book (vCard .vcf)", "vcard"))
    assert activity.SOURCE_CHOICES == (
        ("recognise it", "auto"), ("mailbox (mbox, .eml, a folder of .eml)", "mail"),
        ("LinkedIn messages.csv / Invitations.csv", "linkedin"), ("calendar (.ics)", "calendar"))
    assert (reading._LINKEDIN, reading._SHEET, reading._VCARD) == V.CONTACT_IMPORT_KINDS
    assert V.IMPORT_KINDS == ("linkedin", "sheet", "vcard", "mail", "calendar")
    for action in V.ACTION_NAMES:
        assert getattr(metrics, f"{action.upper()}_ACTION") == action


def test_the_action_constants_name_the_actions():
    assert (V.RESEND_ACTION, V.THANK_YOU_ACTION, V.FOLLOW_UP_ACTION, V.OUTREACH_NEXT_ACTION,
            V.TELL_REFERRER_ACTION, V.UPDATE_ACTION) == V.ACTION_NAMES


def test_values_are_as_before():
    # the words users see must not change with the move
    assert V.ACTION_NAMES == ("resend", "thank_you", "follow_up", "outreach_next",
                              "tell_referrer", "update")
    assert V.ACTION_KINDS == {"follow_up": schema.FOLLOW_UP, "resend": schema.OUTREACH,
                              "thank_you": schema.THANK_YOU, "update": schema.UPDATE,
                              "tell_referrer": schema.UPDATE, "outreach_next": schema.OUTREACH}
    assert V.ACTION_TITLES == {
        "follow_up": "Follow up with", "resend": "Resend to", "thank_you": "Thank",
        "update": "Send an update to", "tell_referrer": "Tell how it went:",
        "outreach_next": "Reach out to", "meeting": "Informational interview with"}
    assert V.ACTION_PHRASES["tell_referrer"] == (
        "note to a referrer", "notes to referrers", "telling {name} how their referral went")
    assert V.ACTION_PHRASES["outreach_next"] == (
        "new outreach", "new outreaches", "reaching out to {name}")
    assert V.NO_GROUP_LABELS == {
        "company": "(no company)", "industry": "(no industry)", "channel": "(no channel)",
        "source": "(no source)", "month": "(no month)"}
    assert V.EACH_LABELS == {"company": "company", "industry": "industry",
                             "month": "month of first contact"}
    assert V.channel_options(V.SEND_CHANNELS) == [
        ("e-mail", "email"), ("letter or card", "letter"), ("LinkedIn", "linkedin"),
        ("in person", "in_person"), ("other", "other")]
    assert V.channel_options(V.OUTREACH_CHANNELS, letter="letter") == [
        ("e-mail", "email"), ("letter", "letter")]
    assert V.channel_options(V.ARRANGE_CHANNELS) == [
        ("in person", "in_person"), ("phone", "phone"), ("video", "video")]
    assert isinstance(metrics.ACTIONS, tuple) and isinstance(calendar.ACTION_TITLES, dict)


# --- each action has its words ---------------------------------------------------------
@pytest.mark.parametrize("action", V.FOLLOW_UP_ACTIONS, ids=lambda a: a.name)
def test_each_action_has_a_kind_a_title_and_phrases(action):
    assert action.kind in schema.KINDS
    assert action.title.strip() and action.title == V.ACTION_TITLES[action.name]
    assert action.phrase and action.plural and action.plural != action.phrase
    fields = {f for _, f, _, _ in string.Formatter().parse(action.sentence) if f}
    assert fields == {"name"}
    assert V.ACTION_PHRASES[action.name] == (action.phrase, action.plural, action.sentence)
    assert V.ACTION_KINDS[action.name] == action.kind
    with pytest.raises(dataclasses.FrozenInstanceError):
        action.title = "changed"  # type: ignore[misc]


def test_actions_are_named_once():
    assert len(set(V.ACTION_NAMES)) == len(V.ACTION_NAMES)
    assert V.MEETING_EVENT not in V.ACTION_NAMES
    assert set(V.ACTION_TITLES) == {*V.ACTION_NAMES, V.MEETING_EVENT}


def test_labels_cover_their_values():
    assert set(V.CHANNEL_LABELS) == set(V.CHANNELS)
    assert set(V.NO_GROUP_LABELS) == set(V.GROUPINGS)
    assert set(V.EACH) <= set(V.GROUPINGS) and set(V.EACH_LABELS) == set(V.EACH)
    for subset in (V.SEND_CHANNELS, V.MEETING_CHANNELS, V.OUTREACH_CHANNELS,
                   V.ARRANGE_CHANNELS):
        assert set(subset) <= set(V.CHANNELS)
    assert V.DEFAULT_MODE in V.MODES
    assert set(V.STAGES) == set(V.MAIN_PATH) | set(V.OFF_PATH)


# --- the command line offers the vocabulary --------------------------------------------
def _choices(parser) -> dict[tuple[str, str], list]:
    """``(command, option dest) → choices`` of every sub-command of the parser."""
    out = {}
    sub = next(a for a in parser._actions if a.choices and hasattr(a, "_name_parser_map"))
    for name, p in sub.choices.items():
        for action in p._actions:
            if action.choices is not None:
                out[(name, action.dest)] = list(action.choices)
    return out


def test_cli_choices_are_the_vocabulary():
    choices = _choices(cli.build_parser())
    assert choices == {
        ("stats", "by"): list(V.GROUPINGS),
        ("due", "mode"): list(V.MODES),
        ("report", "each"): list(V.EACH),
        ("import", "kind"): list(V.IMPORT_KINDS),
        ("export", "format"): list(V.EXPORT_FORMATS),
        ("add", "what"): list(V.RECORD_TYPES),
        ("delete", "what"): list(V.RECORD_TYPES),
        ("draft", "kind"): list(V.DRAFT_KINDS),
    }
    due = next(a for a in cli.build_parser()._subparsers._group_actions[0].choices["due"]
               ._actions if a.dest == "mode")
    assert due.default == V.DEFAULT_MODE


# --- the tables have the vocabulary's columns ------------------------------------------
@pytest.fixture(scope="module")
def campaign():
    log = ContactLog.open(config.SAMPLE_DIR)
    return Campaign(log.contacts, log.interactions, as_of=log.default_as_of())


def test_tables_have_the_vocabularys_columns(campaign):
    cols = lambda frame: tuple(frame.columns)  # noqa: E731
    assert cols(campaign.timeline()) == V.TIMELINE_COLUMNS
    for by in V.GROUPINGS:
        assert cols(campaign.response_by(by)) == (by, *V.RESPONSE_COLUMNS)
    assert cols(campaign.survival("company")) == ("company", *V.SURVIVAL_COLUMNS)
    assert cols(campaign.funnel()) == V.FUNNEL_COLUMNS
    assert tuple(campaign.funnel()["stage"]) == V.STAGES
    growth = cols(campaign.growth())
    assert growth[:len(V.GROWTH_COLUMNS)] == V.GROWTH_COLUMNS
    assert all(c.startswith("source_") for c in growth[len(V.GROWTH_COLUMNS):])
    assert cols(campaign.chains()) == V.CHAIN_COLUMNS
    assert tuple(campaign.summary()) == V.SUMMARY_KEYS
    due = campaign.due(ahead=30)
    assert cols(due) == V.FOLLOWUP_COLUMNS and set(due["action"]) <= set(V.ACTION_NAMES)
    assert cols(campaign.meetings()) == V.MEETING_COLUMNS
    assert cols(campaign.leads()) == V.LEAD_COLUMNS
    assert cols(metrics.kaplan_meier([1, 2], [True, False])) == V.KM_COLUMNS
    assert set(V.RESPONSE_CSV_COLUMNS) <= set(V.RESPONSE_COLUMNS)
    assert set(V.RESPONSE_COUNT_COLUMNS) <= set(V.RESPONSE_COLUMNS)
    table = campaign.response_by("company")
    assert all(str(table[c].dtype) == "int64" for c in V.RESPONSE_COUNT_COLUMNS)
    tables = {*V.RESPONSE_COLUMNS, *V.FOLLOWUP_COLUMNS, *V.MEETING_COLUMNS}
    assert set(V.REPORT_HEADERS) <= tables and set(V.GROUP_HEADERS) <= set(V.GROUPINGS)


# --- nobody types the words again ------------------------------------------------------
#: (vocabulary name, file) where the same words rightly stand for something else: the
#: schema defines the channels and sources the vocabulary re-exports; a change's summary
#: lists the ids it added per file of the log (``contacts``, ``interactions``).
_ALLOWED = {("CHANNELS", "schema.py"), ("SOURCES", "schema.py"), ("LOG_VIEWS", "store.py")}


def _vocabulary_sets(*, keys: bool = False) -> dict[frozenset, str]:
    """Each set of words the vocabulary defines → its name: tuples of text and dicts'
    keys, or (``keys=True``) dicts' keys only."""
    out: dict[frozenset, str] = {}
    for name in V.__all__:
        value = getattr(V, name)
        if isinstance(value, dict):
            words = frozenset(value)
        elif not keys and isinstance(value, tuple) and all(isinstance(v, str) for v in value):
            words = frozenset(value)
        else:
            continue
        if len(words) >= 2:
            out.setdefault(words, name)
    return out


def _vocabulary_phrases() -> dict[str, str]:
    """Single pieces of text only the vocabulary should hold → the name holding them."""
    out = {label: "NO_GROUP_LABELS" for label in V.NO_GROUP_LABELS.values()}
    out.update({title: "ACTION_TITLES" for title in V.ACTION_TITLES.values()})
    for action in V.FOLLOW_UP_ACTIONS:
        out[action.sentence] = "FOLLOW_UP_ACTIONS"
    out.update({label: "EXPORT_FORMAT_LABELS" for label in V.EXPORT_FORMAT_LABELS.values()})
    out.update({header: "REPORT_HEADERS" for header in V.REPORT_HEADERS.values()})
    out.update({header: "GROUP_HEADERS" for header in V.GROUP_HEADERS.values()})
    # one word ("Thank", "phone") is too common to tell a retyped title from a button
    return {text: name for text, name in out.items() if " " in text}


def _texts(nodes) -> list | None:
    """The strings of a literal made only of string constants, else None."""
    out = []
    for node in nodes:
        if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
            return None
        out.append(node.value)
    return out


def redeclared(source: str, filename: str = "<source>") -> list[str]:
    """Where ``source`` types a set of the vocabulary's words (or one of its phrases) again.

    A tuple, list or set of text equal (as a set) to a vocabulary tuple or a vocabulary
    dict's keys; a list of ``(label, value)`` pairs whose values are such a set; a dict
    keyed like a vocabulary dict (the actions, the groupings, the channels, …); a string
    equal to a no-group label, a calendar title, an action's sentence or a format label.
    (A dict keyed by a vocabulary tuple, such as the subject of each draft kind or the
    file ending per channel, says something of its own and is allowed.)
    """
    sets, phrases = _vocabulary_sets(), _vocabulary_phrases()
    keyed = _vocabulary_sets(keys=True)
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        words = None
        if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
            words = _texts(node.elts)
            if words is None and node.elts and all(
                    isinstance(e, ast.Tuple) and len(e.elts) == 2 for e in node.elts):
                pairs = [_texts(e.elts) for e in node.elts]
                words = None if None in pairs else [p[1] for p in pairs]
        elif isinstance(node, ast.Dict) and None not in node.keys:
            words = _texts(node.keys)
            if words and frozenset(words) not in keyed:
                continue
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if node.value in phrases:
                found.append(f"{filename}:{node.lineno}: {node.value!r} "
                             f"(vocabulary.{phrases[node.value]})")
            continue
        if words and len(words) >= 2 and frozenset(words) in sets:
            if (sets[frozenset(words)], filename) in _ALLOWED:
                continue
            found.append(f"{filename}:{node.lineno}: {sorted(set(words))} "
                         f"(vocabulary.{sets[frozenset(words)]})")
    return found


def test_the_scan_finds_a_retyped_vocabulary():
    assert redeclared("MODES = ('default', '3b7')")
    assert redeclared("x = {'company': 1, 'industry': 2, 'month': 3}")
    assert redeclared("p.add_argument('--by', choices=['company', 'industry', 'channel', "
                      "'source', 'month'])")
    assert redeclared("OPTS = [('e-mail', 'email'), ('letter', 'letter')]")
    assert redeclared("label = '(no company)'")
    assert redeclared("t = 'Informational interview with'")
    assert redeclared("frame = {'Response rate (95% interval)': rate}")
    assert redeclared("CHANNELS = ('email', 'letter', 'phone', 'linkedin', 'in_person', "
                      "'video', 'other')", "charts.py")
    assert not redeclared("CHANNELS = ('email', 'letter', 'phone', 'linkedin', 'in_person', "
                          "'video', 'other')", "schema.py")
    assert not redeclared("x = ('company', 'name')\ny = 'no company here'\nz = {'company': 1}")
    assert not redeclared("SUBJECTS = {'email': 'a', 'letter': 'b'}")


def test_no_module_retypes_the_vocabulary():
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "vocabulary.py" and path.parent == PACKAGE:
            continue
        found += redeclared(path.read_text("utf-8"), str(path.relative_to(PACKAGE)))
    assert found == []


# --- documented in the house style -----------------------------------------------------
def test_public_names_are_listed_and_documented():
    source = (PACKAGE / "vocabulary.py").read_text("utf-8")
    lines = source.splitlines()
    defined = {}
    for node in ast.parse(source).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            defined[node.name] = node
        elif isinstance(node, ast.Assign):
            defined.update({t.id: node for t in node.targets if isinstance(t, ast.Name)})
        elif isinstance(node, ast.AnnAssign):
            defined[node.target.id] = node
    public = {n for n in defined if not n.startswith("_") and n != "__all__"}
    assert set(V.__all__) == public | {"CHANNELS", "SOURCES"}  # the two from schema
    for name in public:
        node = defined[name]
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            doc = ast.get_docstring(node) or ""
            assert "\nExamples\n--------\n" in doc, name
        else:  # a constant: a ``#:`` comment right above it says what it is
            assert lines[node.lineno - 2].startswith("#: "), name
    assert "Parameters\n----------" in (ast.get_docstring(defined["channel_options"]) or "")
    assert "Attributes\n----------" in (ast.get_docstring(defined["FollowUpAction"]) or "")


def test_docstring_examples_run():
    import doctest
    result = doctest.testmod(V)
    assert result.attempted > 0 and result.failed == 0


def test_report_tables_show_the_vocabularys_headers(campaign):
    shown = content.Report._response_display(campaign.response_by("channel"), "channel")
    assert tuple(shown.columns) == (
        "First contact by", "Contacted", "Responded", "Response rate (95% interval)",
        "Half answered within")
    assert tuple(shown.columns) == (V.GROUP_HEADERS["channel"], *(
        V.REPORT_HEADERS[c] for c in V.RESPONSE_CSV_COLUMNS))
