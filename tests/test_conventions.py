"""Issue 22, the smaller items: what a user of git, gh or ripgrep expects of a command line."""

import json

import pytest

NOW = "2024-08-01T20:00:00+00:00"  # 2 August, 04:00 in Asia/Makassar (the plan's zone); still 1 August in UTC


@pytest.mark.parametrize("word, day", [("hari ini", "2024-08-02"), ("kemarin", "2024-08-01"), ("today", "2024-08-02"),
                                       ("Yesterday", "2024-08-01"), ("2024-07-30", "2024-07-30")])
def test_on_takes_today_and_yesterday_in_the_plans_time_zone(run, plan_dir, word, day):
    result = run("status", "--json", "--on", word, "--plan", str(plan_dir), env={"PILKADA_NOW": NOW})
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["today"] == day


def test_since_takes_yesterday_too(run, plan_dir):
    env = {"PILKADA_NOW": NOW}
    p = str(plan_dir)
    assert run("tick", "apel", "--plan", p, env=env).exit_code == 0
    summary = run("summary", "--format", "json", "--dry-run", "--since", "kemarin", "--plan", p, env=env)
    assert summary.exit_code == 0 and json.loads(summary.stdout)["since"] == "2024-08-01", summary.stderr
    assert len(json.loads(run("log", "--json", "--since", "hari ini", "--plan", p, env=env).stdout)) == 1
    assert json.loads(run("log", "--json", "--since", "today", "--plan", p, env=env).stdout)[0]["item"] == "polda/apel"
    wrong = run("log", "--since", "besok", "--plan", p, env=env)
    assert wrong.exit_code == 2 and "kemarin" in wrong.stderr
