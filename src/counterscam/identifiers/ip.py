"""IP addresses: IPv4 dotted quad, IPv6 compressed lower-case."""

from __future__ import annotations

import ipaddress
import re
from urllib.parse import urlsplit

from counterscam.identifiers._text import clean, refang
from counterscam.identifiers._types import Canonical, InvalidIdentifier, shown

_V4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}", re.ASCII)
_V4_PORT = re.compile(r"(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}", re.ASCII)
_V6_BRACKETS = re.compile(r"\[([0-9A-Fa-f:.]+)\](?::\d{1,5})?", re.ASCII)
# Every character an IPv4 or IPv6 address (without a zone) can have.
_IP_CHARS = frozenset("0123456789abcdefABCDEF.:")
_HELP = "an IPv4 address is four numbers from 0 to 255 with dots, like 203.0.113.5"


def parse_ip(text: str) -> str | None:
    """Return the canonical IP for ``text``, None if it is not an IP; raise on ambiguity."""
    text = text.strip()
    bracketed = _V6_BRACKETS.fullmatch(text)
    if bracketed:
        text = bracketed[1]
    with_port = _V4_PORT.fullmatch(text)
    if with_port:
        text = with_port[1]
    if "%" in text or not _IP_CHARS.issuperset(text):
        return None  # a host name: ipaddress would refuse it, at the cost of two exceptions
    if _V4.fullmatch(text):
        octets = text.split(".")
        zero_led = [o for o in octets if len(o) > 1 and o.startswith("0")]
        if zero_led:
            # 010 means 8 to some software (octal) and 10 to others: refuse to guess.
            raise ValueError(
                f"has a number with a leading zero ({zero_led[0]}), which some systems read "
                f"as octal; write it without the zero, like {int(zero_led[0], 10)}"
            )
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        # ::ffff:203.0.113.5 is how dual-stack logs write the IPv4 host 203.0.113.5.
        return str(address.ipv4_mapped)
    return str(address)


def canonicalize_ip(raw: str) -> Canonical:
    """Canonicalise an IP address (refanged, port and brackets removed)."""
    text = refang(clean("ip", raw))
    if "://" in text:
        try:
            text = urlsplit(text).netloc.rpartition("@")[2] or text  # a pasted link: its host
        except ValueError:
            pass
    try:
        value = parse_ip(text)
    except ValueError as exc:
        raise InvalidIdentifier("ip", raw, f"{shown(raw)} {exc}") from exc
    if value is None and "%" in text:
        raise InvalidIdentifier(
            "ip",
            raw,
            f"{shown(raw)} is not an IP address as others see it: its zone ID (after %) only "
            "means something on one machine; enter the address without it",
        )
    if value is None:
        raise InvalidIdentifier("ip", raw, f"{shown(raw)} is not an IP address; {_HELP}")
    return Canonical("ip", value, None)
