"""Did-you-mean suggestions for ids, regions and keys people type: case does not matter, nor the order of
the words in a slug (`kupang-kota` finds `kota-kupang`), and a part of an id finds the whole."""

from __future__ import annotations

from collections.abc import Iterable


def _words(text: str) -> str:
    return "-".join(sorted(text.lower().replace("/", "-").replace("@", "-").split("-")))


def suggest(value: str, choices: Iterable[str], n: int = 3) -> list[str]:
    """The closest choices to `value`, best first."""
    import difflib  # only on a miss: not on every command's start

    choices = list(dict.fromkeys(choices))
    needle = value.strip().lower()
    if not needle:
        return []
    found: list[str] = [c for c in choices if c.lower() == needle]
    by_words = {_words(c): c for c in choices}
    if _words(needle) in by_words:
        found.append(by_words[_words(needle)])
    lowered = {c.lower(): c for c in choices}
    found += [lowered[m] for m in difflib.get_close_matches(needle, list(lowered), n=n, cutoff=0.6)]
    found += [by_words[m] for m in difflib.get_close_matches(_words(needle), list(by_words), n=n, cutoff=0.6)]
    tail = needle.rsplit("/", 1)[-1]
    if len(tail) >= 3:
        found += [c for c in choices if tail in c.lower()]
    return list(dict.fromkeys(found))[:n]
