"""Host names shared by the url, domain and email canonicalisers."""

from __future__ import annotations

import re

from counterscam.identifiers._types import Canonical, InvalidIdentifier, shown
from counterscam.reference import is_shared_platform_domain, registered_domain

_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")
_TLD = re.compile(r"[a-z]{2,63}|xn--[a-z0-9-]{1,59}")


def ascii_host(kind: str, host: str, raw: str) -> str:
    """Return ``host`` lower-cased, in punycode, without a trailing dot; raise if not a name."""
    name = host.strip().rstrip(".").lower()
    if not name:
        raise InvalidIdentifier(kind, raw, f"{shown(raw)} has no host name")
    if not name.isascii():
        try:
            # Python's codec is IDNA 2003 (nameprep); browsers map the same way for the
            # look-alike hosts seen in phishing.
            name = name.encode("idna").decode("ascii").lower()
        except UnicodeError as exc:
            raise InvalidIdentifier(
                kind, raw, f"{shown(raw)} has a character that cannot be in a domain name"
            ) from exc
    if "," in name:
        # "scam,com": a comma typed for a dot, or two values run together; which one is not
        # for us to guess, but the writer can tell.
        raise InvalidIdentifier(
            kind,
            raw,
            f"{shown(raw)} has a comma in its host name, where a domain name has dots; if "
            f"{name.strip(',').replace(',', '.')} is meant, enter it so; if it is two addresses, "
            "enter each as its own identifier",
        )
    labels = name.split(".")
    if len(labels) < 2:
        raise InvalidIdentifier(
            kind,
            raw,
            f"{shown(raw)} is not a domain name: it needs a dot and an ending such as .com",
        )
    if len(name) > 253 or any(len(label) > 63 for label in labels):
        # Said apart: "use letters, digits and hyphens" sent the writer looking for a bad
        # character in a name that had none, only a part too long (a copy run together).
        longest = max(labels, key=len)
        raise InvalidIdentifier(
            kind,
            raw,
            f"{shown(raw)} is not a domain name: "
            + (
                f"it is {len(name)} characters long, more than the 253 a name may have"
                if len(name) > 253
                else f"its part {shown(longest, 20)} is {len(longest)} characters long, more "
                "than the 63 a part between dots may have"
            )
            + "; check it was copied whole and alone",
        )
    if not all(_LABEL.fullmatch(label) for label in labels):
        raise InvalidIdentifier(
            kind,
            raw,
            f"{shown(raw)} is not a domain name: use letters, digits and hyphens between dots, "
            "like example.com",
        )
    if not _TLD.fullmatch(labels[-1]):
        raise InvalidIdentifier(
            kind, raw, f"{shown(raw)} does not end in a domain ending such as .com or .my"
        )
    for label in labels:
        if label.startswith("xn--"):
            try:
                label.encode("ascii").decode("idna")
            except UnicodeError as exc:
                raise InvalidIdentifier(
                    kind, raw, f"{shown(raw)} has a broken internationalised name ({label})"
                ) from exc
    return name


def domain_record(host: str) -> Canonical:
    """Return the ``domain`` identifier of an already-canonical host."""
    registered = registered_domain(host)
    related: tuple[Canonical, ...] = ()
    if registered and registered != host:
        related = (
            Canonical("domain", registered, None, (), is_shared_platform_domain(registered)),
        )
    return Canonical("domain", host, None, related, is_shared_platform_domain(host))


def registered_record(host: str) -> Canonical:
    """Return the ``domain`` identifier of the registered domain of ``host``."""
    registered = registered_domain(host) or host
    return Canonical("domain", registered, None, (), is_shared_platform_domain(registered))
