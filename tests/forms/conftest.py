"""What the form tests share: the sample and empty logs opened, reading the files back,
filling a form's controls."""
from __future__ import annotations

import json

import pandas as pd
import pytest

from infoint_nb import ContactLog
from infoint_nb import schema as S


def _plan(folder):
    return json.loads((folder / S.PLAN_FILE).read_text(encoding="utf-8"))


def _csv(folder, name):
    return pd.read_csv(folder / name, dtype=str, keep_default_na=False)


@pytest.fixture
def sample(sample_log_dir):
    return ContactLog.open(sample_log_dir)


@pytest.fixture
def empty(empty_log_dir):
    return ContactLog.open(empty_log_dir)


def _fill(form, **values):
    for k, v in values.items():
        form.controls[k].value = v


TODAY = "2026-09-18"  # the sample's last day


@pytest.fixture
def log(sample_log_dir):
    return ContactLog.open(sample_log_dir)


def plan_on_disk(log) -> dict:
    return json.loads((log.folder / S.PLAN_FILE).read_text(encoding="utf-8"))


def rows_on_disk(log, name=S.INTERACTIONS_FILE) -> pd.DataFrame:
    return pd.read_csv(log.folder / name, dtype=str, keep_default_na=False,
                       encoding="utf-8-sig")
