"""Where a plan's files are: the bundled plan's folder, the user's data folder, and a plan's YAML files."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from pilkada_cli.model import CHECKLIST_DIR, PLAN_FILE, RISK_DIR


def bundled_plan_dir() -> Path:
    """The default plan shipped inside the package (the repository's checklists/ folder)."""
    from importlib.resources import files

    packaged = Path(str(files("pilkada_cli"))) / "bundled"
    if (packaged / PLAN_FILE).is_file():
        return packaged
    # An editable install or a source checkout: the repository's own folder.
    return Path(__file__).resolve().parents[3] / "checklists"


def data_dir(env: Mapping[str, str]) -> Path:
    """Where the bundled plan's journal lives: PILKADA_DATA_DIR, else the user's data directory."""
    if env.get("PILKADA_DATA_DIR"):
        return Path(env["PILKADA_DATA_DIR"])
    from platformdirs import user_data_dir

    return Path(user_data_dir("pilkada", appauthor=False))


def checklist_files(root: Path) -> list[Path]:
    """Every checklist file of a plan: *.yaml and *.yml anywhere below checklists/, in a stable order."""
    folder = root / CHECKLIST_DIR
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())


def plan_files(root: Path) -> list[Path]:
    """pilkada.yaml, every checklist file and every risks file, as the loader reads them."""
    risks = root / RISK_DIR
    risk_files = sorted(p for p in risks.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file()) \
        if risks.is_dir() else []
    return [root / PLAN_FILE, *checklist_files(root), *risk_files]
