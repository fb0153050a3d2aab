"""Text from plans, the journal and the command line, made safe to show on a terminal.

A note, a `--by` name or a title may hold ESC, BEL, C1 controls or bidirectional overrides: shown raw they
can write to the clipboard (OSC 52), retitle the window, wipe the screen, or make `mallory` read as `admin`.
Every human-readable output shows them visibly instead (`\\x1b`, `\\u202e`); JSON keeps the exact text."""

from __future__ import annotations

import re

# C0 controls (a newline too: one field, one line), DEL, C1 controls, the bidi embeddings, overrides,
# isolates and marks that reorder what follows them, and lone surrogates (undecodable command-line bytes).
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def visible(text: str) -> str:
    """`text` with every control and bidi character written out, e.g. ESC as `\\x1b`."""
    if not isinstance(text, str):
        return text
    return _UNSAFE.sub(_escape, text)


def valid_utf8(text: str) -> str:
    """Text from the command line or the environment that may carry undecodable bytes (Python keeps them as
    lone surrogates, which no database or terminal accepts): those bytes become U+FFFD."""
    return text.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


def has_control(text: str) -> bool:
    """Whether `text` holds a C0 or C1 control character or DEL (what no note, name or id in a journal may hold)."""
    return bool(_CONTROL.search(text))
