"""JSON Schemas of the plan's files, shipped in the package, for editors: with a `# yaml-language-server:
$schema=...` line at the top of a file, VS Code (the YAML extension) completes its keys and underlines
mistakes before `pilkada check` runs. `pilkada schema NAME` prints one; `pilkada init` writes them into the
new plan. tests/test_schema.py keeps them in step with the validator (plan/validate.py)."""

from __future__ import annotations

from importlib.resources import files

from pilkada_cli.errors import BadInput

SCHEMAS = ("plan", "checklist", "risks")
SCHEMA_DIR = "schemas"  # in the package, and in a plan made by init


def schema_file(name: str) -> str:
    """The file name of a schema, in the package and in a plan: `plan.schema.json`."""
    return f"{name}.schema.json"


def schema_text(name: str) -> str:
    """The schema `name` (plan, checklist or risks) as JSON text."""
    name = name.strip().lower()
    if name not in SCHEMAS:
        raise BadInput("schema.unknown", value=name[:20], choices=", ".join(SCHEMAS))
    return (files("pilkada_cli") / SCHEMA_DIR / schema_file(name)).read_text(encoding="utf-8")


def modeline(name: str, depth: int) -> str:
    """The first line of a file that tells the editor its schema, from a file `depth` folders below the plan."""
    return f"# yaml-language-server: $schema={'../' * depth}{SCHEMA_DIR}/{schema_file(name)}\n"
