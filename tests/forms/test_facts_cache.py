"""What the forms work out once per version of a log (``forms/_facts.py``), and what
they must not redo on a keystroke: the campaign, the contact list, a person's facts."""
from __future__ import annotations

import pytest

from infoint_nb import ContactLog
from infoint_nb import campaign as C
from infoint_nb import schema as S
from infoint_nb.forms import (CalendarForm, DueTodayForm, LeadForm, ResearchForm,
                              SearchPlanForm, ThankYouForm, UpdateScheduleForm)
from infoint_nb.forms._base import (_long_dropdown, _meeting_of, contact_options,
                                    last_interaction_date)
from infoint_nb.forms._facts import facts

TODAY = "2026-09-18"  # the sample's last day


@pytest.fixture
def log(sample_log_dir):
    return ContactLog.open(sample_log_dir)


@pytest.fixture
def campaigns(monkeypatch):
    """The number of ``Campaign`` objects made so far (``campaigns["n"]``)."""
    made = {"n": 0}
    init = C.Campaign.__init__

    def counting(self, *args, **kwargs):
        made["n"] += 1
        init(self, *args, **kwargs)
    monkeypatch.setattr(C.Campaign, "__init__", counting)
    return made


def _type_into_every_text_box(form) -> int:
    import ipywidgets as w
    typed = 0
    for ctl in form.controls.values():
        if isinstance(ctl, (w.Text, w.Textarea)) and not ctl.disabled:
            start = ctl.value
            for k in range(1, 4):
                ctl.value = start + "notes"[:k]
                typed += 1
    return typed


@pytest.mark.parametrize("form_cls", [LeadForm, UpdateScheduleForm, DueTodayForm,
                                      CalendarForm, ResearchForm, ThankYouForm])
def test_a_keystroke_does_not_rebuild_the_campaign(log, campaigns, form_cls):
    form = form_cls(log, as_of=TODAY)
    built = campaigns["n"]
    assert _type_into_every_text_box(form) > 0
    assert campaigns["n"] == built
    assert form.status_level != "error", form.status_message


def test_forms_on_one_log_and_day_share_one_campaign(log, campaigns):
    DueTodayForm(log, as_of=TODAY)
    UpdateScheduleForm(log, as_of=TODAY)
    CalendarForm(log, as_of=TODAY)
    LeadForm(log, as_of=TODAY)
    assert campaigns["n"] == 1


def test_a_change_to_the_log_is_seen_by_the_next_refresh(log, campaigns):
    form = LeadForm(log, as_of=TODAY)
    before = form.leads_view.value
    cid = form.controls["contact_id"].value
    form.controls["opening"].value = "Research coordinator, posting in October"
    assert form.submit().ok
    assert "Research coordinator, posting in October" in form.leads_view.value
    assert form.leads_view.value != before


def test_search_plan_counts_follow_the_log(log):
    form = SearchPlanForm(log)
    before = form.counts.value
    form.controls["linkedin"].value = "alumni of my school"
    assert form.counts.value == before
    log.add_contact(name="Noor Haddad", company="Kiteboard", source="linkedin")
    form.controls["linkedin"].value = "alumni of my school, teachers"
    assert form.counts.value != before


def test_person_facts_are_remembered_until_the_log_changes(log):
    cid = contact_options(log)[0][1]
    assert facts(log) is facts(log)
    first = last_interaction_date(log, cid, [S.THANK_YOU])
    meeting = _meeting_of(log, cid)
    meeting["place"] = "changed by a caller"  # each caller gets its own dict
    assert _meeting_of(log, cid)["place"] != "changed by a caller"
    old = facts(log)
    log.add_interaction(cid, S.THANK_YOU, date=TODAY, notes="Thank-you")
    assert facts(log) is not old
    assert last_interaction_date(log, cid, [S.THANK_YOU]).isoformat() == TODAY
    assert first is None or first.isoformat() <= TODAY


def test_contact_options_are_sorted_by_priority_then_name(log):
    c = log.contacts
    for targets_first in (True, False):
        ref = c.assign(_p=c[S.PRIORITY].fillna(99).astype(int), _n=c[S.NAME].str.casefold())
        ref = ref.sort_values(["_p", "_n"] if targets_first else ["_n"], kind="stable")
        want = [(f"{n} — {co} ({i})" if co else f"{n} ({i})", i)
                for i, n, co in zip(ref[S.CONTACT_ID], ref[S.NAME], ref[S.COMPANY])]
        assert contact_options(log, targets_first=targets_first) == want
        # a caller may change its list without changing the next one's
        contact_options(log, targets_first=targets_first).clear()
        assert contact_options(log, targets_first=targets_first) == want


def test_a_long_dropdown_behaves_like_ipywidgets_own():
    import ipywidgets as w
    people = [(f"Person {k:04d} ({k})", f"C{k:04d}") for k in range(400)]
    for options in (people, [("— nobody —", "")] + people, [("— nobody —", "C0007")] + people):
        long_one, plain = _long_dropdown(w)(), w.Dropdown()  # as Form._dropdown makes it
        long_one.options = plain.options = options
        assert long_one._options_labels == plain._options_labels
        assert long_one._options_values == plain._options_values
        assert (long_one.index, long_one.value, long_one.label) == (
            plain.index, plain.value, plain.label)
        for value in ("C0007", "C0399", options[0][1]):
            long_one.value = plain.value = value
            assert (long_one.index, long_one.label) == (plain.index, plain.label)
        with pytest.raises(Exception):
            long_one.value = "nobody has this id"
