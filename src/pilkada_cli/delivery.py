"""Getting a summary to people: atomic files and e-mail over SMTP with the standard library.

Server settings come from the plan's `notify:` section and the environment (PILKADA_SMTP_*), the environment
winning; the password only ever comes from PILKADA_SMTP_PASSWORD. Encryption is STARTTLS or implicit TLS (port
465), always with a context that verifies the server's certificate and name (the system's authorities, or the
CA file given); once asked for, it is never dropped for clear text."""

from __future__ import annotations

import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pilkada_cli.addresses import check_address, mail_address
from pilkada_cli.errors import BadInput, PilkadaError


def check_output(path: Path) -> None:
    """Refuse, before anything is printed, an --output that names a folder, a link or a socket."""
    try:
        info = os.lstat(path)
    except OSError:
        return  # absent (to be created), or unreadable: writing will say why
    _refuse_other_kinds(path, info)


def _refuse_other_kinds(path: Path, info: os.stat_result) -> None:
    """An --output may be a regular file, a FIFO or a device; never a folder, a link or a socket."""
    if not (stat.S_ISREG(info.st_mode) or stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        raise BadInput("output.not_a_file", path=str(path))


def write_atomic(path: Path, text: str) -> None:
    """Write a summary to `path`.

    A regular file (or a new one) is replaced atomically: a temporary file beside it, fsync, rename, so a
    crash never leaves half a file; it keeps the old file's mode and group, and a new one gets the mode the
    umask allows (0664 under umask 002) and the folder's group. A FIFO or a device (/dev/stdout, a pipe to
    another program) is written into, not replaced. Anything else (a folder, a link, a socket) is refused."""
    path = Path(path)
    try:
        info = os.lstat(path)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise PilkadaError("output.failed", path=str(path), reason=exc.strerror or str(exc)) from None
    if info is not None:
        _refuse_other_kinds(path, info)
    if info is not None and (stat.S_ISFIFO(info.st_mode) or stat.S_ISCHR(info.st_mode)):
        try:
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(text)
        except OSError as exc:
            raise PilkadaError("output.failed", path=str(path), reason=exc.strerror or str(exc)) from None
        return
    import tempfile  # only when a file is written, not on every summary's start

    folder = path.parent if str(path.parent) else Path(".")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise PilkadaError("output.failed", path=str(path), reason=exc.strerror or str(exc)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            # No fchmod or fchown on Windows (before Python 3.13): there the file keeps the folder's defaults.
            if info is not None and hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), stat.S_IMODE(info.st_mode))
                try:
                    os.fchown(handle.fileno(), -1, info.st_gid)
                except (OSError, AttributeError):
                    pass  # not in that group (or no groups here): the folder's group it is
            elif hasattr(os, "fchmod"):
                os.fchmod(handle.fileno(), 0o666 & ~_umask())
            os.fsync(handle.fileno())
        os.replace(temporary, path)
    except BaseException as exc:  # an interrupt or a bug as well: never a temporary file left behind
        try:
            os.unlink(temporary)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise PilkadaError("output.failed", path=str(path), reason=exc.strerror or str(exc)) from None
        raise
    try:
        dir_fd = os.open(folder, os.O_RDONLY)  # the rename itself to disk; a folder cannot be opened on Windows
    except OSError:
        return
    try:
        os.fsync(dir_fd)
    except OSError:
        pass
    finally:
        os.close(dir_fd)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@dataclass(frozen=True)
class SmtpSettings:
    """Where and how to send mail."""

    host: str
    port: int
    user: str | None
    password: str | None
    starttls: bool
    sender: str
    starttls_given: bool = False  # smtp_starttls (or PILKADA_SMTP_STARTTLS) was set, true or false
    tls: bool = False  # implicit TLS from the first byte (port 465, or smtp_tls: true)
    ca_file: str | None = None  # the certificate authority that signs the server's certificate, if not the system's


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in ("1", "true", "yes", "ya", "on")


IMPLICIT_TLS_PORT = 465  # SMTP submission over TLS (RFC 8314)


def smtp_settings(notify: Mapping[str, Any], env: Mapping[str, str]) -> SmtpSettings:
    host = env.get("PILKADA_SMTP_HOST") or notify.get("smtp_host") or "localhost"
    port_text = env.get("PILKADA_SMTP_PORT") or notify.get("smtp_port") or 25
    try:
        port = int(port_text)
    except (TypeError, ValueError):
        raise PilkadaError("mail.bad_port", value=str(port_text)) from None
    given = env.get("PILKADA_SMTP_STARTTLS", notify.get("smtp_starttls"))
    starttls = _flag(given) if given is not None else False
    tls_given = env.get("PILKADA_SMTP_TLS", notify.get("smtp_tls"))
    tls = _flag(tls_given) if tls_given is not None else port == IMPLICIT_TLS_PORT and not starttls
    if tls and starttls:
        raise PilkadaError("mail.tls_and_starttls", port=port)
    ca_file = env.get("PILKADA_SMTP_CA_FILE") or notify.get("smtp_ca_file") or None
    if ca_file and not (tls or starttls):
        # A CA file says the server is to be verified: mail in clear would be a silent downgrade.
        raise PilkadaError("mail.ca_file_without_tls", path=str(ca_file))
    import socket  # only when mail is sent

    sender = env.get("PILKADA_MAIL_FROM") or notify.get("mail_from") or f"pilkada@{socket.gethostname()}"
    return SmtpSettings(str(host), port, env.get("PILKADA_SMTP_USER") or notify.get("smtp_user"),
                        env.get("PILKADA_SMTP_PASSWORD"), starttls, str(sender), given is not None, tls,
                        str(ca_file) if ca_file else None)


def cleartext_login(settings: SmtpSettings) -> bool:
    """A password would cross the network in clear: a login without TLS or STARTTLS."""
    return bool(settings.user and settings.password) and not (settings.starttls or settings.tls)


def tls_context(settings: SmtpSettings):
    """A context that verifies the server's certificate and its name: the system's authorities, or only the
    CA file given (a government server with its own authority)."""
    import ssl

    try:
        return ssl.create_default_context(cafile=settings.ca_file)
    except (OSError, ssl.SSLError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        raise PilkadaError("mail.bad_ca_file", path=str(settings.ca_file), reason=" ".join(reason.split())[:200]) \
            from None


def one_line(text: str) -> str:
    """Text for one header or one generated line: control characters (CR, LF, ESC ...) become spaces."""
    return "".join(" " if ord(ch) < 32 or 127 <= ord(ch) < 160 else ch for ch in text)


def send_mail(settings: SmtpSettings, recipients: list[str], subject: str, text: str, html: str) -> None:
    """Send a multipart message (plain text plus HTML); raises PilkadaError(mail.failed) with one reason."""
    import smtplib
    import ssl
    from email.message import EmailMessage
    from email.utils import formatdate, make_msgid

    message = EmailMessage()
    message["Subject"] = one_line(subject)
    sender = mail_address(settings.sender)
    message["From"] = str(sender)
    message["To"] = ", ".join(check_address(recipient) for recipient in recipients)
    message["Date"] = formatdate(localtime=True)
    message["Message-ID"] = make_msgid(domain=sender.domain)  # the sender's own domain, as RFC 5322 asks
    message.set_content(text)
    message.add_alternative(html, subtype="html")
    if cleartext_login(settings) and not settings.starttls_given:
        # Sending the password in clear is a choice to write down (smtp_starttls: false), never a default.
        raise PilkadaError("mail.needs_starttls", host=settings.host)
    context = tls_context(settings) if settings.tls or settings.starttls else None
    try:
        if settings.tls:
            connection: smtplib.SMTP = smtplib.SMTP_SSL(settings.host, settings.port, timeout=30, context=context)
        else:
            connection = smtplib.SMTP(settings.host, settings.port, timeout=30)
        with connection as smtp:
            if settings.starttls:
                try:
                    smtp.starttls(context=context)
                except smtplib.SMTPNotSupportedError:  # never on in clear once encryption was asked for
                    raise PilkadaError("mail.no_starttls", host=settings.host, port=settings.port) from None
            if settings.user and settings.password:
                smtp.login(settings.user, settings.password)
            smtp.send_message(message)
    except ssl.SSLCertVerificationError as exc:  # before OSError, of which it is one
        reason = exc.verify_message or str(exc)
        raise PilkadaError("mail.certificate", host=settings.host, port=settings.port,
                           reason=" ".join(str(reason).split())[:200]) from None
    except UnicodeError:
        raise PilkadaError("mail.failed", host=settings.host, port=settings.port,
                           reason="PILKADA_SMTP_PASSWORD / smtp_user: ASCII only") from None
    except (OSError, smtplib.SMTPException) as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        raise PilkadaError("mail.failed", host=settings.host, port=settings.port, reason=reason[:200]) from None


def contact_problems(plan: Any) -> list:
    """Each mail address of the plan's `contacts:` that check_address refuses, as a plan problem on its line of
    pilkada.yaml (`pilkada check` lists them; `summary --each` sends nothing while there is one)."""
    from pilkada_cli.errors import Problem
    from pilkada_cli.model import PLAN_FILE

    problems = []
    for key, contact in plan.contacts.items():
        for address in contact.mail:
            try:
                check_address(address)
            except BadInput as exc:
                problems.append(Problem(plan.root / PLAN_FILE, contact.line or None, "contacts.bad_address",
                                        {"office": key.replace("@", "."), "reason": exc}))
    return problems


WEBHOOK_TIMEOUT = 10.0  # seconds an attempt waits for the gateway's answer
WEBHOOK_RETRY_AFTER = 2.0  # seconds before the one retry
WEBHOOK_TRIES = 2


def send_webhook(webhook: Any, payload: dict, env: Mapping[str, str]) -> None:
    """POST `payload` as JSON to an office's webhook (a WhatsApp or Telegram gateway), with the token from the
    environment variable the plan names as `Authorization: Bearer`. https:// only (http:// to loopback), no
    redirects followed; a time-out, a refused connection or a 5xx/408/429 answer is tried once more. Raises
    PilkadaError(webhook.failed) with the last reason."""
    import json
    import time

    from pilkada_cli.version import __version__
    from pilkada_cli.plan.contacts import webhook_url_problem

    problem = webhook_url_problem(webhook.url)
    if problem:
        raise BadInput(problem, url=webhook.url[:100])
    headers = {"Content-Type": "application/json; charset=utf-8", "User-Agent": f"pilkada/{__version__}"}
    if webhook.token_env:
        token = env.get(webhook.token_env, "").strip()
        if not token:
            raise PilkadaError("webhook.no_token", variable=webhook.token_env, url=webhook.url)
        if any(ord(ch) < 32 or ord(ch) == 127 for ch in token):
            raise PilkadaError("webhook.bad_token", variable=webhook.token_env)
        headers["Authorization"] = f"Bearer {token}"
    body = json.dumps(payload, ensure_ascii=False, allow_nan=False).encode("utf-8")
    reason: Any = ""
    for attempt in range(WEBHOOK_TRIES):
        if attempt:
            time.sleep(WEBHOOK_RETRY_AFTER)
        reason, again = _post(webhook.url, body, headers)
        if reason is None:
            return
        if not again:
            break
    raise PilkadaError("webhook.failed", url=webhook.url, tries=attempt + 1, reason=reason)


def _post(url: str, body: bytes, headers: dict[str, str]) -> tuple[Any, bool]:
    """One attempt: (None, _) when the gateway took it (a 2xx answer), else (why not, whether to try again)."""
    import ssl
    import urllib.error
    import urllib.request

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None  # a redirect could lead anywhere, http:// too: an answer that is not 2xx is a failure

    # http:// goes only to this machine (webhook_url_problem): never through a proxy the environment names,
    # which would carry the digest and its token in clear to another machine; https:// may go through one
    handlers: list[Any] = [NoRedirect] if url.startswith("https://") else [NoRedirect, urllib.request.ProxyHandler({})]
    opener = urllib.request.build_opener(*handlers)
    request = urllib.request.Request(url, data=body, headers=headers, method="POST")
    try:
        with opener.open(request, timeout=WEBHOOK_TIMEOUT) as answer:
            answer.read(65_536)
            return None, False
    except urllib.error.HTTPError as exc:
        return PilkadaError("webhook.status", status=exc.code), exc.code >= 500 or exc.code in (408, 429)
    except ssl.SSLCertVerificationError as exc:
        return PilkadaError("webhook.certificate", reason=" ".join(str(exc.verify_message or exc).split())[:200]), False
    except urllib.error.URLError as exc:
        if isinstance(exc.reason, ssl.SSLCertVerificationError):
            cause = exc.reason
            return PilkadaError("webhook.certificate",
                                reason=" ".join(str(cause.verify_message or cause).split())[:200]), False
        if isinstance(exc.reason, TimeoutError):
            return PilkadaError("webhook.timeout", seconds=f"{WEBHOOK_TIMEOUT:g}"), True
        return " ".join(str(exc.reason).split())[:200] or type(exc.reason).__name__, True
    except TimeoutError:
        return PilkadaError("webhook.timeout", seconds=f"{WEBHOOK_TIMEOUT:g}"), True
    except (OSError, ValueError) as exc:
        return " ".join(str(exc).split())[:200] or type(exc).__name__, True
