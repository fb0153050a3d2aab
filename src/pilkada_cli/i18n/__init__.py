"""The one catalogue of user-facing text, Indonesian first and English on request, with the helpers that
write dates and numbers the way each language does ("Kamis, 1 Agustus 2024", "12,5%")."""

from __future__ import annotations

import os
import re
import sys
from datetime import date
from pathlib import Path
from typing import Any, Literal

from pilkada_cli.errors import PilkadaError, Problem
from pilkada_cli.safe_text import visible

Lang = Literal["id", "en"]

DAYS = {
    "id": ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}
MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
MONTHS_SHORT = {
    "id": ("Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"),
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
}

from pilkada_cli.i18n.catalogue import CATALOGUE  # noqa: E402 - the strings live in their own module


def t(key: str, lang: Lang, /, **params: Any) -> str:
    """The text for `key` in `lang`, with its parameters filled in."""
    entry = CATALOGUE.get(key)
    if entry is None:
        return key if not params else f"{key} {params}"
    text = entry[0] if lang == "id" else entry[1]
    if params:  # values from plans, the journal and the command line: never raw control characters; an error
        # given as a parameter (why a line was refused) in the same language
        params = {k: visible(v) if isinstance(v, str) else t(v.key, lang, **v.params) if isinstance(v, PilkadaError)
                  else v for k, v in params.items()}
    if key == "yaml.syntax" and "reason" in params:
        params = {**params, "reason": yaml_reason(str(params["reason"]), lang)}
    if "|" in text:
        text = _PLURAL.sub(lambda m: m[2] if params.get(m[1]) == 1 else m[3], text)
    return text.format(**params) if params else text


# `{count|item|items}`: the word for one, else the other, by the number `count` (English: "1 item", "2 items";
# Indonesian does not inflect, so its texts need none).
_PLURAL = re.compile(r"\{(\w+)\|([^{}|]*)\|([^{}|]*)\}")


# PyYAML's problems, as a person who edits YAML by hand can act on them.
YAML_REASONS = [  # compiled on first use, by re.match's cache
    (r"^mapping values are not allowed", "yaml.reason.colon"),
    (r"^found character '\\t'", "yaml.reason.tab"),
    (r"^found character .*that cannot start any token", "yaml.reason.bad_start"),
    (r"^expected <block end>, but found", "yaml.reason.indent"),
    (r"^could not find expected ':'", "yaml.reason.no_colon"),
    (r"^did not find expected key", "yaml.reason.indent"),
    (r"^did not find expected '-' indicator", "yaml.reason.dash"),
    (r"^found unexpected end of stream", "yaml.reason.unclosed_quote"),
    (r"^expected ',' or '[\]}]', but got", "yaml.reason.unclosed_bracket"),
    (r"^found undefined alias '(?P<name>.*)'", "yaml.reason.alias"),
    (r"^found unknown escape character '(?P<name>.*)'", "yaml.reason.escape"),
    (r"^found duplicate anchor", "yaml.reason.duplicate_anchor"),
]


def yaml_reason(reason: str, lang: Lang) -> str:
    """PyYAML's English problem in the user's language, where it is one we know; else as it is."""
    for pattern, key in YAML_REASONS:
        match = re.match(pattern, reason)
        if match:
            return t(key, lang, **match.groupdict())
    return reason


def help_lang(argv: list[str] | None = None, env: dict[str, str] | None = None) -> Lang:
    """The language of --help, decided before any plan is read: --lang, then PILKADA_LANG."""
    argv = sys.argv if argv is None else argv
    env = os.environ if env is None else env  # type: ignore[assignment]
    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return "en" if argv[index + 1].lower() == "en" else "id"
        if arg.startswith("--lang="):
            return "en" if arg.split("=", 1)[1].lower() == "en" else "id"
    return "en" if (env.get("PILKADA_LANG") or "").lower() == "en" else "id"


def fmt_date_long(day: date, lang: Lang) -> str:
    """`Kamis, 1 Agustus 2024` / `Thursday, 1 August 2024`."""
    return f"{DAYS[lang][day.weekday()]}, {day.day} {MONTHS[lang][day.month - 1]} {day.year}"


def fmt_date_short(day: date, lang: Lang) -> str:
    """`29 Agu 2024` / `29 Aug 2024`."""
    return f"{day.day} {MONTHS_SHORT[lang][day.month - 1]} {day.year}"


def fmt_num(value: float, lang: Lang, decimals: int = 2) -> str:
    """A number the way the language writes it: 9.877 and 12,5 in Indonesian; 9,877 and 12.5 in English (Babel,
    in values.format_number, so that what is shown is what `tick --value` reads back)."""
    from pilkada_cli.values import format_number

    return format_number(value, lang, decimals)


def fmt_completion(completion: float, value: float | None, target: float | None, unit: str | None,
                   lang: Lang) -> str:
    """`65/100%` for a quantitative item, `100%` or `0%` for the rest."""
    if target:
        return f"{fmt_num(value or 0, lang)}/{fmt_num(target, lang)}{unit or ''}"
    return fmt_pct(completion * 100, lang, decimals=0)


def fmt_days(days: int, lang: Lang) -> str:
    """`8 hari` / `8 days`, `1 day`."""
    return t("days.count", lang, days=days)


def fmt_days_left(days_left: int, lang: Lang) -> str:
    """How a deadline stands: `terlambat 8 hari` (not `-8`), `hari terakhir`, `sisa 3 hari`."""
    if days_left < 0:
        return t("days.late", lang, days=fmt_days(-days_left, lang))
    if days_left == 0:
        return t("days.last_day", lang)
    return t("days.left", lang, days=fmt_days(days_left, lang))


def fmt_pct(value: float, lang: Lang, decimals: int = 1) -> str:
    """`12,5%` / `12.5%`: always the given number of decimals, so columns line up. A percentage has no
    thousands to group, so this is the decimal mark alone, as Babel writes it (tests/test_i18n.py compares
    the two), without loading Babel on every status and tick."""
    text = f"{value:.{decimals}f}"
    if lang == "id":
        text = text.replace(".", ",")
    return text + "%"


def office_label(plan, stakeholder, lang: Lang, regions=None) -> str:
    """A stakeholder's name as people read it: `Polres (22 wilayah)` when it has an office in every region of
    the view (`regions`, default the plan's), and the office's own name (`Polres Belu`) when the view is one
    region."""
    regions = plan.regions if regions is None else regions
    if stakeholder.per_region and len(regions) == 1:
        return visible(stakeholder.display_name(regions[0]))  # the view is that region: no need to repeat it
    if stakeholder.per_region and regions:
        return t("stakeholder.per_region", lang, name=stakeholder.display_name(), count=len(regions))
    return visible(stakeholder.display_name())


def dimension_name(dimension, lang: Lang) -> str:
    """A risk dimension's name: the catalogue's in the output language where it knows the id, else the plan's."""
    key = f"dimension.{dimension.id}"
    return t(key, lang) if key in CATALOGUE else visible(dimension.name or dimension.id)


def dimension_short(dimension, lang: Lang) -> str:
    """A heat map column's heading: the catalogue's short word, else the plan's name (or its first word) in at
    most 8 characters."""
    key = f"dimension.short.{dimension.id}"
    if key in CATALOGUE:
        return t(key, lang)
    name = visible(dimension.name or dimension.id)
    first = name.split()[0] if name.split() else name
    return name if len(name) <= 8 else first if len(first) <= 8 else name[:7] + "."


def problem_text(problem: Problem, lang: Lang) -> str:
    """`checklists/polda.yaml:12: galat: ...` with the path relative to where the user is."""
    where = ""
    if problem.file is not None:
        where = _display_path(problem.file)
        if problem.line:
            where += f":{problem.line}"
        where += ": "
    return f"{where}{t('severity.' + problem.severity, lang)}: {t(problem.key, lang, **problem.params)}"


def _display_path(path: Path | str) -> str:
    if isinstance(path, str) and "://" in path:
        return path  # a database, named by its URL without a password
    try:
        return str(Path(path).resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)
