"""Validating who hears each office's daily digest (spec section 18): `contacts:` (mail addresses and a webhook per
office, per region for a per-region stakeholder, and the leadership) and `escalate:`. Problems carry the file
and line like every other plan problem. The syntax of a mail address is checked where mail is sent
(delivery.check_address, through delivery.contact_problems), so there is one address parser."""

from __future__ import annotations

import ipaddress
import re
from typing import Any
from urllib.parse import urlsplit

from pilkada_cli.model import (CONTACT_KEYS, ESCALATE_KEYS, LEADERSHIP, PLAN_FILE, WEBHOOK_KEYS, Contact, Region,
                               Stakeholder, Webhook)
from pilkada_cli.plan import yamlfile

ENV_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
SECRET_KEYS = ("token", "secret", "password", "api_key")


def webhook_url_problem(url: str) -> str | None:
    """The catalogue key of what is wrong with a webhook's address, or None: https:// only, http:// only to this
    machine (a gateway on loopback), and never a password inside the address."""
    try:
        parts = urlsplit(url)
        host = parts.hostname
        parts.port  # noqa: B018 - a port that is not a number raises here
    except ValueError:
        return "contacts.webhook_bad"
    if parts.scheme not in ("https", "http") or not host or any(ch.isspace() for ch in url):
        return "contacts.webhook_bad"
    if parts.password is not None or parts.username is not None:
        return "contacts.webhook_credentials"
    if parts.scheme == "http" and not is_loopback(host):
        return "contacts.webhook_not_https"
    return None


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or localhost: traffic that never leaves this machine."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def load_contacts(checker: Any, doc: yamlfile.LocDict, stakeholders: dict[str, Stakeholder],
                  regions: dict[str, Region]) -> tuple[dict[str, Contact], int | None]:
    """`contacts:` as office key -> Contact ("leadership", a stakeholder id, "<stakeholder>@<region or *>"), and
    `escalate: critical_overdue_days` (None when not given). `checker` is the plan validator (plan.validate)."""
    checker.file = checker.root / PLAN_FILE
    contacts: dict[str, Contact] = {}
    section = doc.get("contacts")
    if section is not None and checker.mapping(section, "contacts", checker.line_of(doc, "contacts")):
        for key, value in section.items():
            key = str(key)
            line = checker.line_of(section, key)
            if key == LEADERSHIP:
                _put(contacts, key, _contact(checker, value, key, line))
            elif key not in stakeholders:
                checker.unknown_ref(section, "contacts", key, {**stakeholders, LEADERSHIP: None}, line)
            elif stakeholders[key].per_region:
                _per_region(checker, contacts, key, value, line, regions)
            else:
                if isinstance(value, dict) and value and set(map(str, value)) <= set(regions) | {"*"}:
                    checker.error(line, "contacts.regions_not_per_region", office=key)
                    continue
                _put(contacts, key, _contact(checker, value, key, line))
    return contacts, _escalate(checker, doc)


def _put(contacts: dict[str, Contact], key: str, contact: Contact | None) -> None:
    if contact is not None:
        contacts[key] = contact


def _per_region(checker: Any, contacts: dict[str, Contact], stakeholder: str, value: Any, line: int | None,
                regions: dict[str, Region]) -> None:
    """A per-region stakeholder's contacts: a mapping from region id (or "*", every other region) to a contact."""
    if not checker.mapping(value, f"contacts.{stakeholder}", line):
        return
    if set(map(str, value)) & set(CONTACT_KEYS):  # `polres: {mail: ...}`: for which region?
        checker.error(line, "contacts.needs_regions", office=stakeholder)
        return
    for region, entry in value.items():
        region = str(region)
        where = checker.line_of(value, region) or line
        if region != "*" and region not in regions:
            checker.unknown_ref(value, "region", region, regions, where)
            continue
        _put(contacts, f"{stakeholder}@{region}", _contact(checker, entry, f"{stakeholder}.{region}", where))


def _contact(checker: Any, value: Any, office: str, line: int | None) -> Contact | None:
    what = f"contacts.{office}"
    if not checker.mapping(value, what, line):
        return None
    checker.keys(value, CONTACT_KEYS, (), what)
    mail = checker.list_of(value, "mail", what)
    if mail is not None and any(not isinstance(address, str) for address in mail):
        checker.error(checker.line_of(value, "mail"), "value.want_text", key="mail", what=what)
        mail = None
    webhook = _webhook(checker, value, what) if value.get("webhook") is not None else None
    if not mail and value.get("webhook") is None:
        checker.error(getattr(value, "line", None) or line, "contacts.empty", office=office)
        return None
    return Contact(tuple(address.strip() for address in mail or ()), webhook,
                   checker.line_of(value, "mail" if mail else "webhook") or line or 0)


def _webhook(checker: Any, value: yamlfile.LocDict, what: str) -> Webhook | None:
    """`webhook: URL`, or `webhook: {url: URL, token_env: VARIABLE}`: the token itself never in the plan."""
    entry, line = value.get("webhook"), checker.line_of(value, "webhook")
    token_env = None
    if isinstance(entry, dict):
        for key in entry:
            if str(key).lower() in SECRET_KEYS:
                checker.error(checker.line_of(entry, key) or line, "contacts.token_in_plan", key=str(key))
        secrets = tuple(key for key in entry if str(key).lower() in SECRET_KEYS)
        checker.keys(entry, WEBHOOK_KEYS + secrets, ("url",), f"{what}.webhook")
        token_env = entry.get("token_env")
        if token_env is not None and (not isinstance(token_env, str) or not ENV_NAME.match(token_env)):
            checker.error(checker.line_of(entry, "token_env") or line, "contacts.bad_token_env",
                          value=str(token_env)[:60])
            return None
        entry = entry.get("url")
    if not isinstance(entry, str):
        if entry is not None:
            checker.error(line, "value.want_text", key="url", what=f"{what}.webhook")
        return None
    url = entry.strip()
    problem = webhook_url_problem(url)
    if problem:
        checker.error(line, problem, url=url[:100])
        return None
    return Webhook(url, token_env)


def _escalate(checker: Any, doc: yamlfile.LocDict) -> int | None:
    section = doc.get("escalate")
    if section is None or not checker.mapping(section, "escalate", checker.line_of(doc, "escalate")):
        return None
    checker.keys(section, ESCALATE_KEYS, (), "escalate")
    days = section.get("critical_overdue_days")
    if days is None:
        return None
    if isinstance(days, bool) or not isinstance(days, int) or days < 1:
        checker.error(checker.line_of(section, "critical_overdue_days"), "escalate.bad_days", value=str(days)[:20])
        return None
    return days
