"""Signed entries (spec section 16): an office's own Ed25519 key signs every event it writes, so that nobody
else, whoever runs the database or carries the file, can write or alter an entry in its name. The plan's
`keys:`, which every office holds, lists the public keys; any journal can check any entry.

The private key lives in the user's configuration folder (PILKADA_CONFIG_DIR, else the platform's, e.g.
~/.config/pilkada/keys/<identity>.key), mode 0600, never in the plan and never printed. The cryptography comes
from the `cryptography` package, imported only where something is signed or verified."""

from __future__ import annotations

import base64
import json
import os
import sys
from collections.abc import Mapping
from pathlib import Path

from pilkada_cli.errors import BadInput, PilkadaError

PREFIX = "ed25519:"


def message(plan_id: str, uid: str, item: str, region: str | None, kind: str, value: float | None, note: str | None,
            detail: str | None, at: str, actor: str, on_behalf_of: str | None) -> bytes:
    """What a signature covers: the canonical JSON (sorted keys, no spaces, UTF-8) of the event's own fields."""
    fields = {"id": uid, "plan": plan_id, "item": item, "region": region, "kind": kind,
              "value": None if value is None else float(value), "note": note,
              "detail": json.loads(detail) if detail else None, "at": at, "actor": actor,
              "on_behalf_of": on_behalf_of}
    return json.dumps(fields, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def public_key_text(raw: bytes) -> str:
    return PREFIX + base64.b64encode(raw).decode("ascii")


def public_key_bytes(text: str) -> bytes | None:
    """The 32 bytes of `ed25519:<base64>`, or None when the text is not such a key."""
    if not isinstance(text, str) or not text.startswith(PREFIX):
        return None
    try:
        raw = base64.b64decode(text[len(PREFIX):], validate=True)
    except ValueError:
        return None
    return raw if len(raw) == 32 else None


def verify(public_keys: tuple[str, ...], signed: bytes, signature: str) -> bool:
    """Whether `signature` is one of these keys' (current or retired) over `signed`."""
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    try:
        raw_signature = base64.b64decode(signature, validate=True)
    except (ValueError, TypeError):
        return False
    for text in public_keys:
        raw = public_key_bytes(text)
        if raw is None:
            continue
        try:
            Ed25519PublicKey.from_public_bytes(raw).verify(raw_signature, signed)
            return True
        except (InvalidSignature, ValueError):
            continue
    return False


class Signer:
    """A private key, the identity it proves, and the plan whose entries it signs (set by plan.keys.signer_for)."""

    def __init__(self, identity: str, private: bytes) -> None:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        self.identity = identity
        self.plan_id = ""
        self._key = Ed25519PrivateKey.from_private_bytes(private)

    def sign_event(self, uid: str, item: str, region: str | None, kind: str, value: float | None, note: str | None,
                   detail: str | None, at: str, on_behalf_of: str | None) -> str:
        """The signature of an event by this identity (`at` as the journal writes a time: dates.utc_iso)."""
        return self.sign(message(self.plan_id, uid, item, region, kind, value, note, detail, at, self.identity,
                                 on_behalf_of))

    @property
    def public(self) -> str:
        from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

        return public_key_text(self._key.public_key().public_bytes(Encoding.Raw, PublicFormat.Raw))

    def sign(self, signed: bytes) -> str:
        return base64.b64encode(self._key.sign(signed)).decode("ascii")


# -- the key files


def key_dir(env: Mapping[str, str]) -> Path:
    if env.get("PILKADA_CONFIG_DIR"):
        return Path(env["PILKADA_CONFIG_DIR"]) / "keys"
    if sys.platform.startswith("linux"):  # the XDG rule platformdirs applies
        base = env.get("XDG_CONFIG_HOME", "").strip()
        return Path(base if base and Path(base).is_absolute() else Path.home() / ".config") / "pilkada" / "keys"
    from platformdirs import user_config_dir

    return Path(user_config_dir("pilkada", appauthor=False)) / "keys"


def _file(identity: str, env: Mapping[str, str]) -> Path:
    if not identity or "/" in identity or "\\" in identity or identity.startswith(".") or len(identity) > 100:
        raise BadInput("key.bad_identity", identity=identity[:60])
    return key_dir(env) / f"{identity}.key"


def create(identity: str, env: Mapping[str, str]) -> Signer:
    """A new key pair for `identity`, its private half written 0600; never over an existing key."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, NoEncryption, PrivateFormat

    path = _file(identity, env)
    raw = Ed25519PrivateKey.generate().private_bytes(Encoding.Raw, PrivateFormat.Raw, NoEncryption())
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    except FileExistsError:
        raise BadInput("key.exists", path=str(path), identity=identity) from None
    except OSError as exc:
        raise PilkadaError("key.unwritable", path=str(path), reason=exc.strerror or str(exc)) from None
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(base64.b64encode(raw).decode("ascii") + "\n")
    return Signer(identity, raw)


def load(identity: str, env: Mapping[str, str]) -> Signer | None:
    """This user's key for `identity`, or None when there is none. A key file others may read is refused."""
    path = _file(identity, env)
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise PilkadaError("key.unreadable", path=str(path), reason=exc.strerror or str(exc)) from None
    with os.fdopen(fd, encoding="ascii") as handle:
        if hasattr(os, "getuid") and os.fstat(handle.fileno()).st_mode & 0o077:
            raise PilkadaError("key.too_open", path=str(path))
        text = handle.read().strip()
    try:
        raw = base64.b64decode(text, validate=True)
    except ValueError:
        raw = b""
    if len(raw) != 32:
        raise PilkadaError("key.damaged", path=str(path))
    return Signer(identity, raw)


def held(env: Mapping[str, str]) -> list[str]:
    """The identities this user holds a key for."""
    folder = key_dir(env)
    return sorted(path.stem for path in folder.glob("*.key")) if folder.is_dir() else []
