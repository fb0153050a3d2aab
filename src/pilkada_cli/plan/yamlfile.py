"""Safe YAML reading that remembers line numbers, so every message about a plan can name file and line.

Only safe loading. Dates stay text (we parse them ourselves, so `2025-02-30` is an error with a line, not
a crash), keys that appear twice are reported, and oversized files, non-UTF-8 bytes, empty files and
alias bombs are refused with a message instead of a hang."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from pilkada_cli.errors import Problem

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_EXPANDED_NODES = 200_000  # far above any real plan, far below a memory problem

_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # the C parser when PyYAML was built with libyaml


class LocDict(dict):
    """A mapping that knows the line of itself and of each of its keys (1-based)."""

    line: int = 0
    lines: dict
    duplicates: list


class LocList(list):
    """A sequence that knows the line of itself and of each element (1-based)."""

    line: int = 0
    lines: list


class _Loader(_Base):  # type: ignore[misc,valid-type]
    pass


# Drop the timestamp resolver: `vote_date: 2024-11-27` stays a string that dates.parse_date reads.
_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> LocDict:
    # Keys merged in with `<<: *base` come first after flattening; an explicit key after them overrides
    # one of them, as YAML means, and is no duplicate. Only two explicit keys alike are.
    explicit = sum(1 for key_node, _ in node.value if key_node.tag != "tag:yaml.org,2002:merge")
    loader.flatten_mapping(node)
    merged = len(node.value) - explicit
    result = LocDict()
    result.line = node.start_mark.line + 1
    result.lines = {}
    result.duplicates = []
    seen: set = set()
    for index, (key_node, value_node) in enumerate(node.value):
        key = loader.construct_object(key_node, deep=True)
        if isinstance(key, (list, dict)):
            raise yaml.constructor.ConstructorError(
                None, None, "found unhashable key", key_node.start_mark
            )
        if index >= merged:
            if key in seen:
                result.duplicates.append((key, key_node.start_mark.line + 1))
            seen.add(key)
        result[key] = loader.construct_object(value_node, deep=True)
        result.lines[key] = key_node.start_mark.line + 1
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> LocList:
    result = LocList(loader.construct_object(child, deep=True) for child in node.value)
    result.line = node.start_mark.line + 1
    result.lines = [child.start_mark.line + 1 for child in node.value]
    return result


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


class YamlProblem(Exception):
    """A file that cannot be read as YAML at all."""

    def __init__(self, problem: Problem) -> None:
        super().__init__(problem.key)
        self.problem = problem


def load(path: Path) -> Any:
    """The document in a YAML file, with line numbers; raises YamlProblem."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            with open(path, "rb") as handle:  # the line where the limit is passed
                line = handle.read(MAX_FILE_BYTES).count(b"\n") + 1
            raise YamlProblem(Problem(path, line, "yaml.too_big", {"size_mb": size // (1024 * 1024), "limit_mb": MAX_FILE_BYTES // (1024 * 1024)}))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise YamlProblem(Problem(path, None, "file.missing")) from None
    except IsADirectoryError:
        raise YamlProblem(Problem(path, None, "file.is_dir")) from None
    except OSError as exc:
        raise YamlProblem(Problem(path, None, "file.unreadable", {"reason": exc.strerror or str(exc)})) from None
    try:
        text = raw.decode("utf-8-sig")  # a byte-order mark from Windows editors is fine
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise YamlProblem(Problem(path, line, "yaml.not_utf8")) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise YamlProblem(Problem(path, line, "yaml.not_utf8"))
    if not text.strip() or all(not ln.strip() or ln.lstrip().startswith("#") for ln in text.splitlines()):
        raise YamlProblem(Problem(path, None, "yaml.empty"))
    if "*" in text:
        _refuse_alias_bombs(path, text)
    try:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - _Loader derives from SafeLoader
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        reason = exc.problem or exc.context or "?"
        raise YamlProblem(Problem(path, line, "yaml.syntax", {"reason": reason})) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(Problem(path, None, "yaml.syntax", {"reason": str(exc).splitlines()[0]})) from None
    except RecursionError:
        raise YamlProblem(Problem(path, _deepest_line(text), "yaml.too_deep")) from None
    except ValueError:  # Python refuses to convert an integer of more than 4,300 digits
        long = re.search(r"\d{1000,}", text)
        line = text[: long.start()].count("\n") + 1 if long else None
        raise YamlProblem(Problem(path, line, "yaml.number_too_long")) from None


def _deepest_line(text: str) -> int | None:
    """The line where the nesting is deepest, for the "too deep" message (parsing alone does not recurse)."""
    depth, deepest, line = 0, 0, None
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > deepest:
                    deepest, line = depth, event.start_mark.line + 1
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except (yaml.YAMLError, RecursionError):
        pass
    return line


def _refuse_alias_bombs(path: Path, text: str) -> None:
    """Measure what the aliases would expand to before building anything: a 'billion laughs' document is
    refused, not expanded. Sizes are counted per anchor from the event stream, so this is linear."""
    sizes: dict[str, int] = {}
    stack: list[list] = [[None, 0]]  # [anchor, expanded node count] per open collection
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                stack.append([event.anchor, 1])
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                anchor, size = stack.pop()
                if anchor:
                    sizes[anchor] = size
                stack[-1][1] += size
            elif isinstance(event, yaml.ScalarEvent):
                if event.anchor:
                    sizes[event.anchor] = 1
                stack[-1][1] += 1
            elif isinstance(event, yaml.AliasEvent):
                stack[-1][1] += sizes.get(event.anchor, 1)
            else:
                continue
            if stack[-1][1] > MAX_EXPANDED_NODES:
                line = event.start_mark.line + 1 if event.start_mark else None
                raise YamlProblem(Problem(path, line, "yaml.too_many_aliases", {"limit": MAX_EXPANDED_NODES}))
    except yaml.YAMLError:
        return  # the real load reports the syntax error with its line
