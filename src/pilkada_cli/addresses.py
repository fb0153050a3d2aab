"""E-mail addresses as people copy them from their mail programs: `ops@polda.example` or, with a display
name, `Ketua KPU Belu <ketua@kpu-belu.example>` (RFC 5322 name-addr). The standard library parses them; what
it cannot read as exactly one mailbox, or what would add a header line, is refused."""

from __future__ import annotations

import re
from email.headerregistry import Address

from pilkada_cli.errors import BadInput

# The mailbox itself, once parsed: a local part without spaces or specials, and a domain of dotted labels.
_ADDR_SPEC = re.compile(r"^[^@\s<>,;:\"'()\[\]\\]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*$")


def mail_address(text: str) -> Address:
    """The one mailbox `text` names; BadInput (exit 2) for anything else: no address, several, a group, a
    control character (a newline above all, which would start a header of its own)."""
    from email import policy
    from email.errors import HeaderParseError

    shown = "".join(" " if ord(ch) < 32 or ord(ch) == 127 else ch for ch in str(text))[:80]
    if not isinstance(text, str) or any(ord(ch) < 32 or ord(ch) == 127 for ch in text) or len(text) > 320:
        raise BadInput("mail.bad_address", value=shown)
    try:
        header = policy.default.header_factory("To", text.strip())
    except (HeaderParseError, IndexError, ValueError, TypeError):  # the parser's ways of saying "not an address"
        raise BadInput("mail.bad_address", value=shown) from None
    groups = header.groups
    if header.defects or len(groups) != 1 or groups[0].display_name is not None or len(groups[0].addresses) != 1:
        raise BadInput("mail.bad_address", value=shown)  # several addresses, or a group (`team: a@b;`)
    address = groups[0].addresses[0]
    if not _ADDR_SPEC.match(address.addr_spec) or len(address.addr_spec) > 254:
        raise BadInput("mail.bad_address", value=shown)
    return address


def check_address(text: str) -> str:
    """`text` as one mailbox, written as a header holds it (`Ketua KPU <ketua@kpu.example>`)."""
    return str(mail_address(text))
