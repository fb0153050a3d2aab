"""Shared fixtures: every test runs in its own folder with its own data directory, never the real home."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pilkada_cli.cli import GLOBAL, app


@pytest.fixture(autouse=True)
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    for name in ("PILKADA_PLAN", "PILKADA_LANG", "PILKADA_NOW", "PILKADA_SMTP_HOST", "PILKADA_SMTP_PORT",
                 "PILKADA_SMTP_USER", "PILKADA_SMTP_PASSWORD", "PILKADA_SMTP_STARTTLS", "PILKADA_MAIL_FROM"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("PILKADA_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("PILKADA_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("PILKADA_TESTING", "1")  # tests may fix the clock with PILKADA_NOW
    monkeypatch.setenv("PILKADA_USER", "penguji")
    monkeypatch.setenv("COLUMNS", "160")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    GLOBAL.plan = GLOBAL.on = GLOBAL.lang = None
    return work


PLAN = """\
name: Rencana Uji
vote_date: 2024-11-27
timezone: Asia/Makassar
due_soon_days: 7
stakeholders:
  - id: polda
    name: Polda Uji
  - id: kpu
    name: KPU Uji
phases:
  - id: persiapan
    name: Persiapan
    start: H-120
    end: H-30
  - id: kampanye
    name: Kampanye
    start: 2024-09-25
    end: 2024-11-23
"""

POLDA = """\
stakeholder: polda
phase: persiapan
items:
  - id: pemetaan-kerawanan
    title: Pemetaan kerawanan
    due: H-90
    weight: 2
    critical: true
    tags: [kerawanan]
  - id: apel
    title: Apel gelar pasukan
    due: 2024-08-26
  - id: patroli
    title: Patroli
    phase: kampanye
    due: H-10
"""

KPU = """\
stakeholder: kpu
items:
  - id: nphd
    title: Pencairan NPHD
    phase: persiapan
    due: 2024-06-27
    target: 100
    unit: "%"
    weight: 2
  - id: debat
    title: Debat publik
    phase: kampanye
"""


def write_plan(root: Path, plan: str = PLAN, files: dict[str, str] | None = None) -> Path:
    """A plan folder with pilkada.yaml and checklist files (name -> text)."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "pilkada.yaml").write_text(textwrap.dedent(plan), encoding="utf-8")
    for name, text in (files if files is not None else {"polda.yaml": POLDA, "kpu/persiapan.yaml": KPU}).items():
        path = root / "checklists" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def plan_dir(isolated: Path) -> Path:
    return write_plan(isolated / "rencana")


@pytest.fixture
def run():
    runner = CliRunner()

    def invoke(*args: str, env: dict[str, str] | None = None):
        GLOBAL.plan = GLOBAL.on = GLOBAL.lang = None
        return runner.invoke(app, list(args), env=env)

    return invoke
