"""Numbers as people type them, read the way the output language writes them: in Indonesian `9.877` is nine
thousand eight hundred and seventy-seven and `65,5` sixty-five and a half; in English `9,877` and `65.5`. A
number is typed back exactly as the screen shows it (i18n.fmt_num writes it with the same rules).

Babel reads and writes the numbers (CLDR's symbols and grouping for each language); what can be read two ways
is refused with both readings, never guessed. Babel is imported only here, and only for a number with a mark
or of four digits or more, so a plain tick, or a value of 65, does not load it (about 45 ms).

Refuses what is not a finite, sensible quantity, so that no infinity or 300-digit number ever reaches the
journal or the JSON."""

from __future__ import annotations

import math
import re

from pilkada_cli.errors import BadInput

# Larger than any count or amount in an election plan (Rp 341 miliar is 3.41e11), small enough to print.
MAX_VALUE = 1e13
# Digits with at most one sign and the two marks either language uses: anything else is not a number.
_NUMBER_LIKE = re.compile(r"^[+-]?[\d.,]*\d[\d.,]*$")
# One mark followed by exactly three digits after one to three digits: `1,250` is one and a quarter in
# Indonesian and twelve hundred and fifty in English. fmt_num never writes three decimals, so a number shown
# on the screen is never one of these.
_TWO_WAYS = re.compile(r"^[+-]?[1-9]\d{0,2}[.,]\d{3}$")


def parse_value(text: str, lang: str) -> float:
    """A recorded value written the way `lang` ("id" or "en") writes numbers; raises BadInput with the text as
    given: tick.bad_value when it is no number, tick.value_ambiguous (with both readings) when it is two."""
    cleaned = "".join(text.split()).removesuffix("%")
    if cleaned.isascii() and cleaned.isdigit():  # 65: the same in every language, without loading Babel
        return check_value(float(cleaned), text, lang)
    if not _NUMBER_LIKE.match(cleaned):
        raise BadInput("tick.bad_value", value=text[:40])
    from babel.numbers import NumberFormatError, get_decimal_symbol, parse_decimal

    decimal_mark = get_decimal_symbol(lang)
    if _TWO_WAYS.match(cleaned) and cleaned[-4] == decimal_mark:
        whole, _, fraction = cleaned.partition(decimal_mark)
        readings = [float(f"{whole}.{fraction}"), float(whole + fraction)]
        raise BadInput("tick.value_ambiguous", value=text[:40], first=_shown(readings[0], lang),
                       second=_shown(readings[1], lang))
    try:
        number = float(parse_decimal(cleaned, locale=lang, strict=True))
    except NumberFormatError as exc:
        readings = getattr(exc, "suggestions", None) or _other_way(cleaned, lang)
        if len(readings) >= 2:
            raise BadInput("tick.value_ambiguous", value=text[:40], first=readings[0], second=readings[1]) from None
        if readings:
            raise BadInput("tick.value_written_otherwise", value=text[:40], suggestion=readings[0]) from None
        raise BadInput("tick.bad_value", value=text[:40]) from None
    return check_value(number, text, lang)


def _other_way(text: str, lang: str) -> list[str]:
    """A number not written the `lang` way that is one written the other way (`1,250,000` in Indonesian): that
    number as `lang` writes it, the one reading there is."""
    from babel.numbers import NumberFormatError, parse_decimal

    other = "en" if lang == "id" else "id"
    try:
        return [_shown(float(parse_decimal(text, locale=other, strict=True)), lang)]
    except NumberFormatError:
        return []


def _shown(number: float, lang: str) -> str:
    return format_number(number, lang, decimals=3)


def format_number(value: float, lang: str, decimals: int = 2) -> str:
    """`value` as `lang` writes it, grouped, with up to `decimals` decimals: 9.877 and 12,5 in Indonesian;
    9,877 and 12.5 in English. parse_value reads it back as the same number."""
    if float(value).is_integer() and abs(value) < 1000:  # no mark to choose: as Babel writes it, without Babel
        return str(int(value))
    from babel.numbers import format_decimal

    return format_decimal(value, format="#,##0." + "#" * decimals, locale=lang)


def check_value(number: float, shown: object, lang: str) -> float:
    """A finite value from 0 to MAX_VALUE, else BadInput."""
    if not math.isfinite(number) or number < 0 or number > MAX_VALUE:
        raise BadInput("tick.value_out_of_range", value=str(shown)[:40], limit=format_number(MAX_VALUE, lang))
    return number
