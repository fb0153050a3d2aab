"""Numbers as people type them: `65`, `65,5` (the Indonesian decimal comma), `65.5`, `65%`, `1.250.000,5`.
Refuses what is not a finite, sensible quantity, so that no infinity or 300-digit number ever reaches the
journal or the JSON."""

from __future__ import annotations

import math
import re

from pilkada_cli.errors import BadInput

# Larger than any count or amount in an election plan (Rp 341 miliar is 3.41e11), small enough to print.
MAX_VALUE = 1e13
_NUMBER = re.compile(r"^[+-]?(\d+|\d{1,3}(\.\d{3})+|\d*[.,]\d+|\d{1,3}(\.\d{3})+,\d+)$")


def parse_value(text: str) -> float:
    """A recorded value; raises BadInput(tick.bad_value) with the text as given."""
    cleaned = text.strip().replace(" ", "").removesuffix("%")
    if not _NUMBER.match(cleaned):
        raise BadInput("tick.bad_value", value=text[:40])
    if "," in cleaned:  # Indonesian: '.' groups thousands, ',' marks decimals
        cleaned = cleaned.replace(".", "").replace(",", ".")
    elif cleaned.count(".") > 1:  # 1.250.000
        cleaned = cleaned.replace(".", "")
    number = float(cleaned)
    return check_value(number, text)


def check_value(number: float, shown: object) -> float:
    """A finite value from 0 to MAX_VALUE, else BadInput."""
    if not math.isfinite(number) or number < 0 or number > MAX_VALUE:
        raise BadInput("tick.value_out_of_range", value=str(shown)[:40], limit=f"{MAX_VALUE:,.0f}")
    return number
