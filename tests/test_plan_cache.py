"""The plan cache: used while nothing changed, rebuilt when anything did, and giving back exactly the plan it
was given, whatever fields its records have."""

import os
from collections.abc import Mapping
from dataclasses import dataclass, fields, is_dataclass, replace
from datetime import date, datetime, timezone
from pathlib import Path

from conftest import POLDA, later
from pilkada_cli.errors import Problem
from pilkada_cli.model import Contact, Webhook
from pilkada_cli.plan import cache as plancache
from pilkada_cli.plan import load_plan
from pilkada_cli.plan.locations import bundled_plan_dir


def test_plan_cache_is_used_and_invalidated(plan_dir):
    first = load_plan(plan_dir)
    cache = plancache.cache_file(plan_dir, False, os.environ)
    # in the user's own cache directory, never in the plan folder a group may write (issue 11)
    assert cache.exists() and cache.parent == Path(os.environ["PILKADA_CACHE_DIR"]) / "plans"
    assert not (plan_dir / ".pilkada").exists()
    assert load_plan(plan_dir) == first
    polda = plan_dir / "checklists" / "polda.yaml"
    later(polda, POLDA.replace("title: Apel gelar pasukan", "title: Apel siaga"))
    assert next(i for i in load_plan(plan_dir).items if i.id == "apel").title == "Apel siaga"
    later(plan_dir / "checklists" / "baru.yaml", "stakeholder: polda\nitems:\n  - {id: baru, title: Baru, phase: persiapan}\n")
    assert "polda/baru" in {i.full_id for i in load_plan(plan_dir).items}
    (plan_dir / "checklists" / "baru.yaml").unlink()
    assert "polda/baru" not in {i.full_id for i in load_plan(plan_dir).items}


def test_cache_is_not_trusted_across_versions_or_when_damaged(plan_dir, monkeypatch):
    load_plan(plan_dir)
    cache = plancache.cache_file(plan_dir, False, os.environ)
    monkeypatch.setattr(plancache, "__version__", "99.0")
    assert plancache.read(cache, plancache.cache_key(plan_dir, False, {}, [plan_dir / "pilkada.yaml"])) is None
    cache.write_bytes(b"garbage")
    assert load_plan(plan_dir).name == "Rencana Uji"


def test_an_edit_that_breaks_the_plan_is_seen_despite_the_cache(run, plan_dir):
    assert run("status", "--plan", str(plan_dir)).exit_code == 0
    later(plan_dir / "checklists" / "polda.yaml", POLDA.replace("due: H-90", "due: H--90"))
    result = run("status", "--plan", str(plan_dir))
    assert result.exit_code == 2 and "polda.yaml:6" in result.stderr


def shape(value):
    """A value's types all the way down, to compare beside equality (a list read back as a tuple is equal to
    nothing, but a dict key's or a record's type is easy to miss)."""
    if is_dataclass(value):
        return type(value), [shape(getattr(value, f.name)) for f in fields(value)]
    if isinstance(value, (list, tuple)):
        return type(value), [shape(v) for v in value]
    if isinstance(value, Mapping):
        return type(value), [(shape(k), shape(v)) for k, v in value.items()]
    return type(value)


def test_the_cache_gives_back_every_field_of_every_record(isolated):
    """The bundled plan (regions, offices, risks, dependencies, dimensions), with what YAML may put in its
    free values (lists, maps, dates, moments, paths) and every record the plan holds."""
    bundled = load_plan(bundled_plan_dir(), bundled=True)
    plan = replace(
        bundled, notify={"mail_to": ["a@polda.example", "b@polda.example"], "smtp_port": 587, "extra": {"x": [1, 2.5]}},
        stakeholders=(replace(bundled.stakeholders[0], editors={"*": ("ani",), "belu": ("budi", "cici")}),
                      *bundled.stakeholders[1:]),
        items=(replace(bundled.items[0], target=3.0, region_targets=(("belu", 5.0),)), *bundled.items[1:]),
        keys={"ani": ("kunci-baru", "kunci-lama")}, require_signatures=True, critical_overdue_days=3,
        contacts={"leadership": Contact(("kapolda@polda.example",), Webhook("https://wa.example/hook", "WA_TOKEN"), 7),
                  "polres@*": Contact((), None, 9)},
        warnings=(Problem(Path("/rencana/pilkada.yaml"), 4, "plan.some_warning",
                          {"when": date(2024, 8, 1), "at": datetime(2024, 8, 1, 3, tzinfo=timezone.utc),
                           "ids": ["a", "b"], "file": Path("checklists/polda.yaml"), "n": 2}, "warning"),))
    assert any(r.offices for r in plan.regions) and any(i.depends_on for i in plan.items) and plan.risks
    cache = isolated / "plan.json"
    key = ["a key"]
    plancache.write(cache, key, plan)
    again = plancache.read(cache, key)
    assert again == plan and shape(again) == shape(plan)


def test_a_field_added_to_a_record_is_cached_without_a_change_to_the_cache(plan_dir, monkeypatch):
    from pilkada_cli import model

    @dataclass(frozen=True)
    class Item(model.Item):  # a new field, as a developer would add one to model.Item
        colour: str = "hitam"

    plan = load_plan(plan_dir)
    before = plancache.cache_key(plan_dir, False, {}, [plan_dir / "pilkada.yaml"])
    monkeypatch.setattr(model, "Item", Item)
    coloured = replace(plan, items=tuple(Item(**{f.name: getattr(i, f.name) for f in fields(i)}, colour="merah")
                                         for i in plan.items))
    key = plancache.cache_key(plan_dir, False, {}, [plan_dir / "pilkada.yaml"])
    assert key != before  # a cache written before the field was added is not read after
    cache = plan_dir.parent / "plan.json"
    plancache.write(cache, key, coloured)
    again = plancache.read(cache, key)
    assert again == coloured and {i.colour for i in again.items} == {"merah"}


def test_a_cache_others_can_write_is_never_loaded(plan_dir):
    """On a shared server, a planted pickle would run code as whoever loads it."""
    load_plan(plan_dir)
    cache = plancache.cache_file(plan_dir, False, os.environ)
    key = plancache.cache_key(plan_dir, False, {}, [plan_dir / "pilkada.yaml", *sorted(
        (plan_dir / "checklists").rglob("*.yaml"))])
    cache.chmod(0o666)
    assert plancache.read(cache, key) is None
    cache.chmod(0o600)
    assert plancache.read(cache, key) is not None
    if os.geteuid() == 0:
        os.chown(cache, 65534, 65534)
        assert plancache.read(cache, key) is None
