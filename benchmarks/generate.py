"""Write a large, valid, synthetic contact log (vectorised; a few seconds for 1M rows).

    python benchmarks/generate.py DIR [--contacts 200000] [--interactions 1000000] [--seed 0]

The log follows DESIGN.md §3: contacts spread over a few thousand fictional
companies (``example`` addresses, 555 phone numbers), some referred by earlier
contacts, about half with a priority; interactions are campaigns of an
outreach, follow-ups, replies, meetings, thank-yous and updates, dated from
the contact's ``added_on`` on, with a mix of dates and local date-times.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from infoint_nb import schema as S  # noqa: E402

START = np.datetime64("2024-01-01", "D")
SPAN_DAYS = 700
INDUSTRIES = np.array(["edtech", "fintech", "health", "retail", "nonprofit", "media",
                       "logistics", "energy", "government", ""], dtype=object)
#: A campaign step, its probability of happening given the previous ones, and its
#: delay in days after the previous step (low, high).
_STEPS = [
    (S.OUTREACH, 1.00, (0, 30)),
    (S.FOLLOW_UP, 0.55, (7, 14)),
    (S.REPLY_YES, 0.50, (0, 12)),
    (S.MEETING_SCHEDULED, 0.85, (0, 4)),
    (S.MEETING_HELD, 0.90, (2, 10)),
    (S.THANK_YOU, 0.85, (0, 2)),
    (S.UPDATE, 0.60, (60, 120)),
    (S.UPDATE, 0.50, (60, 120)),
]


def _strings(prefix: str, numbers: np.ndarray, width: int) -> np.ndarray:
    return np.char.add(prefix, np.char.zfill(numbers.astype(str), width)).astype(object)


def make_contacts(n: int, rng: np.random.Generator) -> pd.DataFrame:
    """``n`` contacts as raw text, in the order they were added."""
    idx = np.arange(1, n + 1)
    n_companies = max(1, n // 40)
    company_no = rng.zipf(1.6, n) % n_companies
    company = _strings("Company ", company_no, 5)
    company[rng.random(n) < 0.03] = ""
    added = np.sort(START + rng.integers(0, SPAN_DAYS, n).astype("timedelta64[D]"))
    referred = rng.random(n) < 0.1
    referred[0] = False
    parent = (rng.random(n) * (idx - 1)).astype(np.int64) + 1   # someone added earlier
    priority = rng.integers(1, 6, n).astype(str).astype(object)
    priority[rng.random(n) < 0.5] = ""
    ids = _strings("C", idx, 7)
    return pd.DataFrame({
        S.CONTACT_ID: ids,
        S.NAME: _strings("Person ", idx, 7),
        S.COMPANY: company,
        S.ROLE: "Analyst",
        S.INDUSTRY: INDUSTRIES[company_no % len(INDUSTRIES)],
        S.LOCATION: "Chicago, IL",
        S.EMAIL: np.char.add(np.char.lower(ids.astype(str)), "@mail.example").astype(object),
        S.PHONE: np.char.add("+1 312-555-", np.char.zfill((idx % 10000).astype(str), 4)
                             ).astype(object),
        S.EXTENSION: "",
        S.WORK_ADDRESS: "",
        S.LINKEDIN_URL: "",
        S.SOURCE: np.where(referred, "referral",
                           np.array(S.SOURCES, dtype=object)[rng.integers(0, len(S.SOURCES), n)]),
        S.REFERRED_BY: np.where(referred, _strings("C", parent, 7), ""),
        S.MUTUAL_CONNECTION: "",
        S.CITE_PERMISSION: "",
        S.PRIORITY: priority,
        S.ADDED_ON: np.datetime_as_string(added, unit="D").astype(object),
        S.NOTES: "",
    })


def make_interactions(contacts: pd.DataFrame, n: int, rng: np.random.Generator
                      ) -> pd.DataFrame:
    """About ``n`` interactions: step-by-step campaigns for a random share of contacts."""
    m = len(contacts)
    # 90% of the contacts get a campaign; the rest of the budget becomes notes,
    # snafus and voicemails scattered over the campaigns
    reached = min(m, max(1, int(0.9 * m)), n)
    who = np.sort(rng.choice(m, size=reached, replace=False))
    added = contacts[S.ADDED_ON].to_numpy(dtype="datetime64[D]")[who]
    frames = []
    alive = np.ones(reached, dtype=bool)
    when = added.copy()
    for kind, p, (lo, hi) in _STEPS:
        alive &= rng.random(reached) < p
        kinds = np.full(reached, kind, dtype=object)
        if kind == S.REPLY_YES:          # some answers are a no, a later or a referral
            r = rng.random(reached)
            kinds[r < 0.25] = S.REPLY_NO
            kinds[(r >= 0.25) & (r < 0.35)] = S.REPLY_LATER
            kinds[(r >= 0.35) & (r < 0.45)] = S.REPLY_REFERRAL
            alive_next = alive & (r >= 0.25)
        when = when + rng.integers(lo, hi + 1, reached).astype("timedelta64[D]")
        frames.append((who[alive], when[alive], kinds[alive]))
        if kind == S.REPLY_YES:
            alive = alive_next
    left = n - sum(f[0].size for f in frames)
    if left > 0:
        pick = rng.integers(0, reached, left)
        extra_kind = np.array([S.NOTE, S.NOTE, S.NOTE, S.VOICEMAIL, S.SNAFU], dtype=object)
        frames.append((who[pick], added[pick] + rng.integers(0, 200, left
                                                             ).astype("timedelta64[D]"),
                       extra_kind[rng.integers(0, extra_kind.size, left)]))
    code = np.concatenate([f[0] for f in frames])
    day = np.concatenate([f[1] for f in frames])
    kind = np.concatenate([f[2] for f in frames])
    order = np.lexsort((code, day))
    code, day, kind = code[order], day[order], kind[order]
    k = code.size
    timed = rng.random(k) < 0.4
    minutes = rng.integers(8 * 60, 19 * 60, k)
    stamp = day.astype("datetime64[m]") + minutes.astype("timedelta64[m]")
    text = np.where(timed, np.datetime_as_string(stamp, unit="m"),
                    np.datetime_as_string(day, unit="D")).astype(object)
    channels = np.array(S.CHANNELS, dtype=object)[rng.integers(0, len(S.CHANNELS), k)]
    sched = np.where(kind == S.MEETING_SCHEDULED,
                     np.datetime_as_string(stamp + np.timedelta64(3, "D"), unit="m"), "")
    return pd.DataFrame({
        S.INTERACTION_ID: _strings("I", np.arange(1, k + 1), 8),
        S.CONTACT_ID: contacts[S.CONTACT_ID].to_numpy(dtype=object)[code],
        S.DATE: text,
        S.CHANNEL: channels,
        S.KIND: kind,
        S.NOTES: "",
        S.SCHEDULED_FOR: sched.astype(object),
        S.PLACE: np.where(kind == S.MEETING_SCHEDULED, "Video call", "").astype(object),
    })


def generate(folder, *, contacts: int = 200_000, interactions: int = 1_000_000,
             seed: int = 0) -> tuple[int, int]:
    """Write ``contacts.csv`` and ``interactions.csv`` into ``folder``; return row counts."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(seed)
    c = make_contacts(contacts, rng)
    i = make_interactions(c, interactions, rng)
    c.to_csv(folder / S.CONTACTS_FILE, index=False, lineterminator="\n")
    i.to_csv(folder / S.INTERACTIONS_FILE, index=False, lineterminator="\n")
    return len(c), len(i)


def main(argv=None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("dir")
    p.add_argument("--contacts", type=int, default=200_000)
    p.add_argument("--interactions", type=int, default=1_000_000)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args(argv)
    t = time.perf_counter()
    nc, ni = generate(a.dir, contacts=a.contacts, interactions=a.interactions, seed=a.seed)
    print(f"wrote {nc:,} contacts and {ni:,} interactions to {a.dir} "
          f"in {time.perf_counter() - t:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
