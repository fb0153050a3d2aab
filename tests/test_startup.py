"""Issue 14: an ordinary command builds only its own command line; help, errors and completion still see
every command."""

import os
import subprocess
import sys

PILKADA = [sys.executable, "-m", "pilkada_cli"]


def run(*args: str, env=None):
    """A process with a bare environment, but the home and folders of the test (conftest.isolated)."""
    own = {name: os.environ[name] for name in ("HOME", "PILKADA_CACHE_DIR", "PILKADA_CONFIG_DIR", "PILKADA_DATA_DIR")}
    return subprocess.run([*PILKADA, *args], capture_output=True, text=True, timeout=60,
                          env={"PILKADA_LANG": "id", "PATH": "/usr/bin:/bin", **own, **(env or {})})


def test_the_named_command_runs_with_global_options_before_it(tmp_path):
    result = run("--on", "2024-08-01", "--lang", "en", "status", "--json", env={"PILKADA_DATA_DIR": str(tmp_path)})
    assert result.returncode == 0 and '"countdown": "H-118"' in result.stdout.replace('":"', '": "')


def test_help_and_mistakes_still_see_every_command(tmp_path):
    listing = run("--help").stdout
    for name in ("status", "tick", "gonogo", "risk", "report", "export", "journal", "db"):
        assert name in listing, name
    typo = run("gonog")
    assert typo.returncode == 2 and "gonogo" in typo.stderr
    assert "--from" in run("tick", "--help").stdout


def test_only_the_command_given_keeps_the_registry_otherwise():
    from pilkada_cli.cli import app
    from pilkada_cli.cli.app import only_the_command_given

    before = (list(app.registered_commands), list(app.registered_groups))
    try:
        only_the_command_given(["--plan", "x", "nothing-like-it"])
        assert (app.registered_commands, app.registered_groups) == before
        only_the_command_given(["--plan", "x", "tick", "apel"])
        assert [c.callback.__name__ for c in app.registered_commands] == ["tick"] and not app.registered_groups
    finally:
        app.registered_commands, app.registered_groups = before
