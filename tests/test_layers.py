"""The package's architecture, kept in order: imports go down the layers only, there is no import circle
anywhere (imports inside functions count), and no module grows past about 500 lines.

Layers, top to bottom (README, "How the code is laid out"); a module may import from its own component
and from any lower layer, never from a higher one or a sibling component of its own layer."""

import ast
from pathlib import Path

import pilkada_cli

PACKAGE = Path(pilkada_cli.__file__).parent
LAYERS = [
    {"__main__", "__init__"},  # python -m pilkada_cli; the package, which offers the library (Tracker)
    {"cli"},
    {"tracker"},  # the library (spec section 17): everything the commands do, without parsing or rendering
    {"render", "delivery"},
    {"report", "exchange"},
    {"plan", "store"},
    {"model", "i18n"},
    {"dates", "similar", "values", "safe_text", "addresses", "signing"},
    {"errors", "version"},
]
MAX_LINES = 500


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def modules() -> dict[str, Path]:
    return {module_name(p): p for p in sorted(PACKAGE.rglob("*.py"))}


def imports_of(path: Path, name: str, known: set[str]) -> set[str]:
    """Every pilkada module `path` imports, at any depth of the file (functions included)."""
    is_package = path.name == "__init__.py"
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        targets: list[str] = []
        if isinstance(node, ast.Import):
            targets = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = name.split(".") if is_package else name.split(".")[:-1]
                base = base[: len(base) - (node.level - 1)]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            # `from pkg import mod` imports the module pkg.mod; `from mod import name` imports mod.
            targets = [f"{source}.{a.name}" if f"{source}.{a.name}" in known else source for a in node.names]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target.startswith("pilkada_cli") and target != name:
                found.add(target)
    return found


def component(name: str) -> str:
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def layer(name: str) -> int:
    return next(i for i, members in enumerate(LAYERS) if component(name) in members)


def graph() -> dict[str, set[str]]:
    mods = modules()
    known = set(mods)
    return {name: imports_of(path, name, known) for name, path in mods.items()}


def test_every_module_belongs_to_a_layer():
    unplaced = [name for name in modules() if not any(component(name) in members for members in LAYERS)]
    assert not unplaced, f"add these to LAYERS (and the README's layout section): {unplaced}"


def test_imports_go_down_only():
    upward = []
    for name, targets in graph().items():
        for target in targets:
            if component(target) == component(name):
                continue
            if layer(target) <= layer(name):
                upward.append(f"{name} -> {target}")
    assert not upward, "imports against the layers:\n" + "\n".join(sorted(upward))


def test_no_import_circle():
    edges = graph()
    # A package's __init__ re-exporting its submodules is not a circle with them; ignore those edges.
    edges = {n: {t for t in ts if not n.startswith(t + ".")} for n, ts in edges.items()}
    state: dict[str, int] = {}
    stack: list[str] = []
    cycles: list[list[str]] = []

    def visit(node: str) -> None:
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, ())):
            if state.get(target) == 1:
                cycles.append(stack[stack.index(target):] + [target])
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    assert not cycles, "import circles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def test_no_module_is_too_long():
    long = {name: n for name, path in modules().items() if (n := len(path.read_text().splitlines())) > MAX_LINES}
    assert not long, f"split these modules: {long}"


def test_the_walker_sees_imports_inside_functions_and_relative_ones(tmp_path):
    """The test above would pass vacuously if the walker missed imports: check it on the real package."""
    edges = graph()
    assert "pilkada_cli.plan.validate" in edges["pilkada_cli.plan.discovery"]  # imported inside a function
    assert "pilkada_cli.cli.items" in edges["pilkada_cli.cli"]  # `from pkg import module`
    assert {"pilkada_cli.model", "pilkada_cli.store.fold"} <= edges["pilkada_cli.report.status"]


def test_commands_reach_the_journal_only_through_the_library():
    """The CLI is a thin face over `Tracker` (spec section 17): no command module imports the store."""
    reaching = sorted(f"{name} -> {target}" for name, targets in graph().items() if component(name) == "cli"
                      for target in targets if component(target) == "store")
    assert not reaching, "commands importing the store:\n" + "\n".join(reaching)
