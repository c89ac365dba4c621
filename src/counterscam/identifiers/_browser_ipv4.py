"""IPv4 hosts as browsers read them (WHATWG URL): one number, hexadecimal, octal, fewer parts.

Phishing kits write ``http://3232235777/`` or ``http://0xC0A80101/`` to hide the address
``192.168.1.1`` from people and filters; every browser still goes there.
"""

from __future__ import annotations

import ipaddress
from dataclasses import dataclass

_DIGITS = {
    8: frozenset("01234567"),
    10: frozenset("0123456789"),
    16: frozenset("0123456789abcdefABCDEF"),
}
_COUNTS = {1: "one", 2: "two", 3: "three"}


@dataclass(frozen=True)
class BrowserIPv4:
    """The address a browser visits for a host, and how the host wrote it."""

    address: str  # dotted decimal, like 192.168.1.1
    form: str  # for messages: "written as one number"...
    plain: bool  # the host is already the dotted decimal form


def _number(part: str) -> tuple[int, int] | None:
    """Return (value, radix) of one part as the WHATWG IPv4 number parser reads it."""
    if not part:
        return None
    radix = 10
    if part[:2] in ("0x", "0X"):
        part, radix = part[2:], 16
    elif len(part) > 1 and part[0] == "0":
        part, radix = part[1:], 8
    if not part:
        return 0, radix  # "0x" alone is zero to a browser
    # int() alone would also take "+", "_" and spaces.
    if not _DIGITS[radix].issuperset(part):
        return None
    return int(part, radix), radix


def _parts(host: str) -> list[str]:
    parts = host.split(".")
    if len(parts) > 1 and parts[-1] == "":
        parts.pop()  # a trailing dot, as in a fully qualified name
    return parts


def _form(parts: list[str], radixes: list[int]) -> str:
    if len(parts) < 4:
        if len(parts) == 1:
            return "written as one number"
        return f"written with {_COUNTS[len(parts)]} numbers instead of four"
    kinds = sorted({"hexadecimal" if r == 16 else "octal" for r in radixes if r != 10})
    return f"written with {' and '.join(kinds)} numbers" if kinds else "written with dots"


def browser_ipv4(host: str) -> BrowserIPv4 | None:
    """Return the IPv4 address a browser reads in ``host``; None when it is a host name.

    Raises:
        ValueError: the host ends in a number, so a browser takes it for an address, but it
            is not one (more than four numbers, or a number out of range); says which.
    """
    if ":" in host:
        return None  # IPv6, or a port: not this reader's
    parts = _parts(host)
    last = parts[-1]
    if not (last.isascii() and last.isdigit()) and _number(last) is None:
        return None  # does not end in a number: a host name
    read = [_number(part) for part in parts]
    if any(r is None for r in read):
        return None  # "example.123": no address, and the host-name rules say why
    numbers = [r[0] for r in read if r is not None]
    radixes = [r[1] for r in read if r is not None]
    where = (
        f"has the host {host}, which is neither a domain name (it ends in a number) "
        "nor an IPv4 address"
    )
    if len(parts) > 4:
        raise ValueError(f"{where}: it has {len(parts)} numbers and an address has four")
    for index, (part, value) in enumerate(zip(parts, numbers, strict=True)):
        # The last number fills the bytes the missing parts leave: 257 in 192.168.257.
        top = 255 if index < len(parts) - 1 else 256 ** (5 - len(parts)) - 1
        if value > top:
            shown = part if part == str(value) else f"{part} ({value})"
            most = f"{top} (255.255.255.255)" if len(parts) == 1 else str(top)
            raise ValueError(f"{where}: {shown} is more than {most}; check it was copied whole")
    total = numbers[-1] + sum(n * 256 ** (3 - i) for i, n in enumerate(numbers[:-1]))
    address = str(ipaddress.IPv4Address(total))
    return BrowserIPv4(address, _form(parts, radixes), address == ".".join(parts))
