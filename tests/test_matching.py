"""Which contact a message belongs to, and which kind it gets."""
from __future__ import annotations

import datetime as dt

import pandas as pd

from infoint_nb import matching as M
from infoint_nb import schema as S


def _contacts(rows):
    return pd.DataFrame(rows, columns=[S.CONTACT_ID, S.NAME, S.EMAIL, S.LINKEDIN_URL])


def test_email_then_url_then_name_and_shared_keys_match_nobody():
    m = M.ContactMatcher(_contacts([
        ["C1", "Ann Lee", "Ann.Lee@X.example; ann@home.example", ""],
        ["C2", "Bo Park", "bo+jobs@y.example", "https://www.linkedin.com/in/bo-park/"],
        ["C3", "Same Name", "", ""], ["C4", "Same Name", "", ""],
    ]))
    assert m.match(email="ann.lee@x.EXAMPLE") == "C1"
    assert m.match(email="ANN@home.example") == "C1"
    assert m.match(email="bo@y.example") is None  # the +tag is part of the address
    assert m.match(email="bo+jobs@y.example", name="Ann Lee") == "C2"  # e-mail first
    assert m.match(url="linkedin.com/in/bo-park", name="Ann Lee") == "C2"  # then URL
    assert m.match(email="new@z.example", name="  ann   lee ") == "C1"  # then name
    assert m.match(name="Same Name") is None


def _ev(cid, day, direction, **kw):
    return M.Event(cid, dt.datetime(2026, 5, day, 12), direction, "email", f"d{day}",
                   f"mail:{cid}{day}{direction}", **kw)


def test_kinds_follow_the_order_of_events_and_the_log():
    log = pd.DataFrame({S.INTERACTION_ID: ["I1"], S.CONTACT_ID: ["C1"], S.DATE: ["2026-05-01"],
                        S.KIND: ["outreach"], S.CHANNEL: ["phone"], S.NOTES: [""]})
    rows = M.assign_kinds([
        _ev("C1", 4, M.OUT), _ev("C1", 6, M.AUTO_REPLY), _ev("C1", 8, M.IN),
        _ev("C1", 9, M.OUT), _ev("C1", 9, M.OUT, cc=True),
        _ev("C2", 4, M.OUT), _ev("C2", 5, M.BOUNCE), _ev("C2", 6, M.MEETING),
        _ev("C2", 7, M.OUT),
    ], log)
    kinds = [(r[S.CONTACT_ID], r[S.DATE][:10], r[S.KIND]) for r in rows]
    assert kinds == [
        ("C1", "2026-05-04", "follow_up"),  # the phone call came first
        ("C2", "2026-05-04", "outreach"),
        ("C2", "2026-05-05", "snafu"),
        ("C1", "2026-05-06", "note"),       # auto-reply
        ("C2", "2026-05-06", "meeting_scheduled"),
        ("C2", "2026-05-07", "note"),       # after a response
        ("C1", "2026-05-08", "reply"),
        ("C1", "2026-05-09", "note"), ("C1", "2026-05-09", "note"),
    ]


def test_drop_known_by_ref_and_by_hand_typed_day_and_kind():
    log = pd.DataFrame({S.CONTACT_ID: ["C1", "C1", "C2"],
                        S.DATE: ["2026-05-04", "2026-05-06T09:00", "2026-05-04T12:00"],
                        S.KIND: ["outreach", "reply_yes", "outreach"],
                        S.REF: ["", "", "mail:a#C2"]})
    rows = [{S.CONTACT_ID: "C1", S.DATE: "2026-05-04T12:00", S.KIND: "outreach", S.REF: "mail:x#C1"},
            {S.CONTACT_ID: "C1", S.DATE: "2026-05-06T15:00", S.KIND: "reply", S.REF: "mail:y#C1"},
            {S.CONTACT_ID: "C1", S.DATE: "2026-05-07T15:00", S.KIND: "reply", S.REF: "mail:z#C1"},
            {S.CONTACT_ID: "C1", S.DATE: "2026-05-07T16:00", S.KIND: "reply", S.REF: "mail:z#C1"},
            {S.CONTACT_ID: "C2", S.DATE: "2026-05-04T12:00", S.KIND: "outreach", S.REF: "mail:a#C2"}]
    kept, why = M.drop_known(log, rows)
    assert [r[S.REF] for r in kept] == ["mail:z#C1"]
    assert why == {"already imported": 2, "already typed by hand": 2}


def test_me_values_are_sorted_into_addresses_profiles_and_names():
    me = M.MeIdentity.from_values(["Alex@Mail.example", "https://www.linkedin.com/in/alex/",
                                   "Alex  Doe"])
    assert me.is_me(email="alex@mail.example") and me.is_me(url="linkedin.com/in/alex")
    assert me.is_me(name="alex doe") and not me.is_me(email="bob@mail.example")
    assert M.MeIdentity.from_plan(me.to_plan()) == me
