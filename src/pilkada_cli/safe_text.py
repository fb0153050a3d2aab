"""Text from plans, the journal and the command line, made safe to show on a terminal.

A note, a `--by` name or a title may hold ESC, BEL, C1 controls or bidirectional overrides: shown raw they
can write to the clipboard (OSC 52), retitle the window, wipe the screen, or make `mallory` read as `admin`.
Every human-readable output shows them visibly instead (`\\x1b`, `\\u202e`); JSON keeps the exact text.

An output that cannot encode the tool's marks (a Windows job's cp1252) gets them as ASCII, and JSON's
characters as `\\uXXXX` escapes, instead of a UnicodeEncodeError."""

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


# -- outputs that cannot write every character (a Windows job's redirected output is cp1252)

# The marks the tool prints, as ASCII, for an output whose encoding lacks them; other characters are written
# without their accents where they have one (é -> e), else as '?'. Each takes as many columns as its mark (⛔
# two): the output is encoded after Rich laid out its tables, and a wider stand-in would push a border out.
ASCII_MARKS = {"✔": "v", "✘": "x", "↺": "<", "‼": "!", "→": ">", "⛔": "||", "◆": "*", "◇": "o", "▼": "v",
               "■": "#", "█": "#", "░": ".", "─": "-", "┄": "-", "│": "|", "┊": ":", "┬": "+", "−": "-", "·": "-",
               "…": "~", "–": "-", "—": "-", "×": "x", "‘": "'", "’": "'", "“": '"', "”": '"'}
MARKS_HANDLER = "pilkada-ascii-marks"  # codec error handlers, registered by plain_marks_where_needed
JSON_HANDLER = "pilkada-json-escapes"


def _ascii_marks(error: UnicodeError) -> tuple[str, int]:
    import unicodedata

    if not isinstance(error, UnicodeEncodeError):
        raise error
    text = error.object[error.start:error.end]
    return "".join(ASCII_MARKS.get(ch) or unicodedata.normalize("NFKD", ch).encode("ascii", "ignore").decode()
                   or "?" for ch in text), error.end


def _json_escapes(error: UnicodeError) -> tuple[str, int]:
    """In JSON every character beyond ASCII is inside a string, where `\\uXXXX` writes it exactly."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    pieces = []
    for ch in error.object[error.start:error.end]:
        code = ord(ch)
        if code > 0xFFFF:  # a surrogate pair, as JSON spells characters beyond the first plane
            code -= 0x10000
            pieces.append(f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}")
        else:
            pieces.append(f"\\u{code:04x}")
    return "".join(pieces), error.end


def plain_marks_where_needed(*streams) -> None:
    """Streams whose encoding cannot write the tool's marks (✔ ‼ ░ →) write them as ASCII instead of failing
    with UnicodeEncodeError (after a tick was recorded, say). UTF-8 streams are left as they are."""
    import codecs

    for stream in streams:
        encoding = (getattr(stream, "encoding", None) or "utf-8").lower()
        if encoding.replace("-", "").replace("_", "") in ("utf8", "utf8sig", "utf16", "utf32"):
            continue
        try:
            "✔‼░→".encode(encoding)
            continue
        except (UnicodeEncodeError, LookupError):
            pass
        if getattr(stream, "errors", None) == "strict" and hasattr(stream, "reconfigure"):
            codecs.register_error(MARKS_HANDLER, _ascii_marks)
            codecs.register_error(JSON_HANDLER, _json_escapes)
            stream.reconfigure(errors=MARKS_HANDLER)


def json_output(stream) -> None:
    """About to write JSON: characters the stream cannot encode become `\\uXXXX` escapes (the same JSON),
    not ASCII look-alikes."""
    if getattr(stream, "errors", None) == MARKS_HANDLER:
        stream.reconfigure(errors=JSON_HANDLER)


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff]")


def has_control(text: str) -> bool:
    """Whether `text` holds a C0 or C1 control character, DEL, or half of a surrogate pair (JSON's `\\ud800`
    alone, no character at all): what no note, name or id in a journal may hold."""
    return bool(_CONTROL.search(text))
