"""IP addresses: IPv4 dotted quad, IPv6 compressed lower-case."""

from __future__ import annotations

import ipaddress
import re
from dataclasses import replace
from urllib.parse import urlsplit

from counterscam.identifiers._browser_ipv4 import browser_ipv4
from counterscam.identifiers._text import ascii_digits, clean, refang
from counterscam.identifiers._types import Canonical, InvalidIdentifier, shown
from counterscam.identifiers._unwrap import whole_wrapped
from counterscam.identifiers.shared import local_network

# "IP: 203.0.113.5", "IP address - 2001:db8::1", as log excerpts and reports label them.
# The same in the region's languages: Thai "ไอพี" and "ที่อยู่ไอพี", Vietnamese "địa chỉ IP"
# (also without its marks), Malay and Indonesian "alamat IP".
# "Public IP" too, as Indonesian "IP publik" and Malay "alamat IP awam" write it, and the Thai
# transliteration "ไอพีแอดเดรส" ("IP address"), and "ที่อยู่ IP" with the letters.
# A log's or a form's word for whose address it is ("Source IP:", "Client IP", "IP used:", Thai
# "IP ที่ใช้:") is a label too: before a colon, words after "IP" name no address.
_LABEL = re.compile(
    r"^(?:(?:(?:public|source|src|client|remote|login|user|attacker|server|destination|dst)"
    r"\s+)?ip\s*addr(?:ess)?|(?:(?:public|source|src|client|remote|login|user|attacker|server"
    r"|destination|dst)\s+)?ip(?:v[46])?(?:\s+(?:publik|awam)|\s+[^\W\d_][^\d:]{0,30}(?=\s*:))?"
    r"|(?:ที่อยู่\s*)?ไอพี(?:\s*แอดเดรส)?|ที่อยู่\s*ip|(?:địa|dia)\s+(?:chỉ|chi)\s+ip"
    r"|alamat\s+ip(?:\s+(?:publik|awam))?)(?:\s*[:=\-]\s*|\s+)",
    re.I,
)
# A port given in words after the address: "203.0.113.5, port 8080", "203.0.113.5 cổng 443".
_PORT_WORDS = re.compile(r"[,;]?\s*(?:port|cổng|พอร์ต)\s*[:=]?\s*\d{1,5}$", re.I)
# A link without its scheme, the address and port of a server and a page on it:
# "203.0.113.5:8080/login", "[2001:db8::1]:8080/x". Read as a link, as a browser would.
_HOST_PAGE = re.compile(
    r"(?:\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}|\[[0-9A-Fa-f:.]+\](?::\d{1,5})?)/", re.ASCII
)
# An IPv6 address with a port after a dot, as BSD's and macOS's netstat write a socket
# ("2001:db8::1.8080"), or after a colon when the number has five digits, which no group of
# an IPv6 address has ("2001:db8::1:51234"): the port is clear, and dropped as in [...]:port.
_V6_DOT_PORT = re.compile(r"([0-9A-Fa-f:]*:[0-9A-Fa-f:]*)\.(\d{1,5})", re.ASCII)
_V6_LONG_PORT = re.compile(r"([0-9A-Fa-f:]*::[0-9A-Fa-f:]*):(\d{5})", re.ASCII)
# Or after eight whole groups, which are a whole address: "2001:db8:0:0:0:0:0:1:443".
_HIGHEST_PORT = 65535
_V6_NINTH = re.compile(r"((?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}):(\d{1,5})", re.ASCII)
# A compressed IPv6 address whose last group is a decimal number ("2001:db8::1:8080") may be
# that address or 2001:db8::1 with a port written without brackets: both are answered for.
_V6_MAYBE_PORT = re.compile(r"([0-9a-f:]*::[0-9a-f:]*):(\d{2,4})", re.ASCII)
# A full stop or comma ending the sentence the address was copied from: "... from 1.2.3.4."
_SENTENCE_END = re.compile(r"(\d{1,3}(?:\.\d{1,3}){3})[.,;]", re.ASCII)
_SEVERAL = re.compile(r"\s*[,;|]\s*|\s+(?:and|or)\s+|\s+")
# Words in brackets after the address, as a report notes where it is: "203.0.113.5
# (Singapore)", "2001:db8::1 (VPN exit)". No address has a round bracket.
NOTE_AFTER = re.compile(r"([^()\s]+)\s*\([^()\d]*[^\W\d_][^()]*\)[.,;]?")
_V4 = re.compile(r"\d{1,3}(?:\.\d{1,3}){3}", re.ASCII)
# Four numbers written with commas or spaces for dots, as dictated, read off a screen or typed
# on a keypad whose decimal mark is a comma: "203,0,113,5", "203 0 113 5", "203.0.113,5".
_V4_LOOSE = re.compile(
    r"(\d{1,3})(?:\s*[.,]\s*|\s+)(\d{1,3})(?:\s*[.,]\s*|\s+)(\d{1,3})"
    r"(?:\s*[.,]\s*|\s+)(\d{1,3})",
    re.ASCII,
)
# A range written as its ends or with a wildcard: 203.0.113.1-203.0.113.9, 203.0.113.0-255,
# 203.0.113.*, and an address with its netmask (203.0.113.5 255.255.255.0).
_RANGE = re.compile(
    r"(\d{1,3}(?:\.\d{1,3}){3})\s*(?:-|–|~|to|đến|ถึง|hingga|sampai)\s*(\d{1,3}(?:\.\d{1,3}){0,3})",
    re.ASCII | re.I,
)
_WILDCARD = re.compile(r"(\d{1,3}(?:\.\d{1,3}){0,2})((?:\.[*xX])+)", re.ASCII)
_NETMASK = re.compile(
    r"(\d{1,3}(?:\.\d{1,3}){3})\s*(?:/|\s)\s*(255\.\d{1,3}\.\d{1,3}\.\d{1,3})", re.ASCII
)
_V4_PORT = re.compile(r"(\d{1,3}(?:\.\d{1,3}){3}):\d{1,5}", re.ASCII)
_V6_BRACKETS = re.compile(r"\[([0-9A-Fa-f:.]+)\](?::\d{1,5})?", re.ASCII)
# Every character an IPv4 or IPv6 address (without a zone) can have.
_IP_CHARS = frozenset("0123456789abcdefABCDEF.:")
# How a range or a network of addresses is refused: "Detect automatically" tells it by this.
_NOT_ONE = "not one address; enter the address seen in the report"
_HELP = "an IPv4 address is four numbers from 0 to 255 with dots, like 203.0.113.5"
_HELP_V6 = (
    "an IPv6 address is up to eight groups of hexadecimal digits with colons, like 2001:db8::1"
)
# NAT64's well-known prefix (RFC 6052): the IPv4 address is its last 32 bits.
_NAT64 = ipaddress.IPv6Network("64:ff9b::/96")


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
        text = _dotted(text)
    elif "." in text:
        # An IPv4-mapped address pads its IPv4 part as logs pad any: ::ffff:203.0.113.005.
        head, _, tail = text.rpartition(":")
        if _V4.fullmatch(tail):
            text = f"{head}:{_dotted(tail)}"
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        # ::ffff:203.0.113.5 is how dual-stack logs write the IPv4 host 203.0.113.5.
        return str(address.ipv4_mapped)
    if isinstance(address, ipaddress.IPv6Address) and address in _NAT64:
        # 64:ff9b::203.0.113.5 is how an IPv6-only phone (a carrier's NAT64, RFC 6052) reaches
        # the IPv4 host 203.0.113.5: that prefix holds only public IPv4 hosts.
        return str(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
    return str(address)


def link_host_ip(host: str) -> str | None:
    """Return the IP address a browser visits for a link's host, None for a host name.

    Browsers read ``http://3232235777/``, ``http://0xC0A80101/`` and ``http://192.168.257/``
    as addresses; typed alone, those forms are refused (``parse_ip``). Raises ValueError on an
    ambiguous dotted address.
    """
    read = browser_ipv4(host)
    return read.address if read is not None else parse_ip(host)


def _dotted(text: str) -> str:
    """Return a dotted IPv4 address without padding zeros; raise when one is ambiguous."""
    octets = text.split(".")
    ambiguous = [o for o in octets if len(o) > 1 and o.startswith("0") and not _same(o)]
    if ambiguous:
        # 010 means 8 to some software (octal) and 10 to others: refuse to guess.
        raise ValueError(_leading_zero(text, ambiguous[0]))
    # 001 or 00 is the same number to every reader, as log exports pad it: one address.
    return ".".join(str(int(o, 10)) for o in octets)


def _same(number: str) -> bool:
    """Tell whether a number reads the same in octal and in decimal (00, 001, 007; not 010)."""
    return int(number, 10) < 8


def _leading_zero(text: str, number: str) -> str:
    """Say both readings of a dotted address with a leading zero: 010 is 8 or 10."""
    why = f"has a number with a leading zero ({number}), which some systems read as octal"
    try:
        octal = browser_ipv4(text)
    except ValueError:
        octal = None  # a number above 255 too: no reading is an address
    if octal is None:
        return f"{why}; write it without the zero, like {int(number, 10)}"
    decimal = ".".join(str(int(o, 10)) for o in text.split("."))
    return f"{why}: {text} is {octal.address} to them and {decimal} to others; write the one meant"


def canonicalize_ip(raw: str) -> Canonical:
    """Canonicalise an IP address (refanged, port and brackets removed)."""
    text = _LABEL.sub("", refang(ascii_digits(clean("ip", raw))))
    if " " in text or "," in text or ";" in text:  # a port in words follows one of them
        text = _PORT_WORDS.sub("", text)
        loose = _V4_LOOSE.fullmatch(text)
        if loose is not None and all(int(n) <= 255 for n in loose.groups()):
            text = ".".join(loose.groups())
    text = whole_wrapped(text)  # "IP: (203.0.113.5)"
    if ")" in text[-2:]:
        noted = NOTE_AFTER.fullmatch(text)
        if noted:
            text = noted[1]
    ended = _SENTENCE_END.fullmatch(text)
    if ended:
        text = ended[1]
    host: str | None = None
    if "/" in text and "://" not in text and _HOST_PAGE.match(text):
        text = f"http://{text}"
    if "." in text and ":" in text and (port := _V6_DOT_PORT.fullmatch(text)) is not None:
        text = _port_dropped(port)
    elif text.count(":") > 2:
        port = _V6_LONG_PORT.fullmatch(text) or _V6_NINTH.fullmatch(text)
        text = text if port is None else _port_dropped(port)
    if "://" in text:
        try:
            parts = urlsplit(text)  # a pasted link: its host
            text, host = parts.netloc.rpartition("@")[2] or text, parts.hostname
        except ValueError:
            pass
    if host is None and "/" in text:
        text = _single_address(raw, text)
    try:
        # In a link, the host is the address the browser visits, however it is written.
        value = link_host_ip(host) if host else parse_ip(text)
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
        _refuse_range(raw, text)
    if value is None and sum(parse_ip(part) is not None for part in _SEVERAL.split(text)) > 1:
        raise InvalidIdentifier(
            "ip",
            raw,
            f"{shown(raw)} holds more than one IP address; enter each as its own identifier",
        )
    if value is None:
        raise InvalidIdentifier("ip", raw, f"{shown(raw)} is not an IP address{_hint(text)}")
    record = ip_record(value)
    if host is None and "::" in text and "[" not in raw:
        maybe = _V6_MAYBE_PORT.fullmatch(text.lower())
        without = parse_ip(maybe[1]) if maybe is not None and int(maybe[2]) > 0 else None
        if without is not None:
            return replace(record, variants=(without,))
    return record


def _port_dropped(port: re.Match[str]) -> str:
    """Return the address of an IPv6 socket written with its port, when the port is one."""
    address = port[1]
    try:
        v6 = isinstance(ipaddress.ip_address(address), ipaddress.IPv6Address)
        if v6 and int(port[2]) <= _HIGHEST_PORT:
            return address
    except ValueError:
        pass
    return port[0]


def names_addresses(raw: str) -> bool:
    """Tell whether ``raw`` is read as an IP address, or refused as a range or a network of
    them (whose reason names its first and last address)."""
    try:
        canonicalize_ip(raw)
    except InvalidIdentifier as exc:
        return exc.reason.endswith(_NOT_ONE)
    return True


def ip_record(value: str) -> Canonical:
    """Return the record of a canonical IP address; a private or local one is shared.

    Every home router is 192.168.1.1: such an address names unrelated networks, so it is kept
    (log excerpts hold it) but links no reports and raises no alerts.
    """
    return Canonical("ip", value, None, shared_platform=local_network(value) is not None)


def _single_address(raw: str, text: str) -> str:
    """Return the address of a one-address network written in CIDR form (``203.0.113.5/32``);
    refuse a larger network, which is a range of addresses, not one."""
    address, _, prefix = text.partition("/")
    address = address.strip()
    try:
        # Read as the address alone is (192.168.001.001/32 is 192.168.1.1).
        plain = parse_ip(address) or address
    except ValueError:
        return address  # ambiguous (010): the address alone raises the reason saying so
    try:
        network = ipaddress.ip_network(f"{plain}/{prefix.strip()}", strict=False)
    except ValueError:
        return text  # not a network either: the reason below says what an address is
    if network.num_addresses == 1:
        return plain
    raise InvalidIdentifier(
        "ip",
        raw,
        f"{shown(raw)} is a network of addresses ({network.network_address} to "
        f"{network.broadcast_address}), {_NOT_ONE}",
    )


def _refuse_range(raw: str, text: str) -> None:
    """Refuse a range of addresses written as its ends, with a wildcard or with a netmask,
    saying which addresses it spans: "not an IP address" sent the analyst looking for a typo,
    and "holds more than one" for 203.0.113.1 - 203.0.113.9 missed the ones between."""
    span: tuple[str, str] | None = None
    if (found := _RANGE.fullmatch(text)) is not None:
        first, last = found[1], found[2]
        if last.count(".") < 3:  # 203.0.113.0-255: the last numbers of the first address
            kept = first.split(".")[: 3 - last.count(".")]
            last = ".".join([*kept, last])
        span = (first, last)
    elif (found := _WILDCARD.fullmatch(text)) is not None and text.count(".") == 3:
        stars = found[2].count(".")
        span = (found[1] + ".0" * stars, found[1] + ".255" * stars)
    elif (found := _NETMASK.fullmatch(text)) is not None:
        try:
            network = ipaddress.ip_network(f"{found[1]}/{found[2]}", strict=False)
        except ValueError:
            return
        span = (str(network.network_address), str(network.broadcast_address))
    if span is None:
        return
    try:
        ends = [ipaddress.IPv4Address(end) for end in span]
    except ValueError:
        return  # a number above 255: not a range of addresses, and the reason below says so
    if ends[0] == ends[1]:
        return
    raise InvalidIdentifier(
        "ip",
        raw,
        f"{shown(raw)} is a range of addresses ({ends[0]} to {ends[1]}), {_NOT_ONE}",
    )


def _hint(text: str) -> str:
    """Say what a browser would read in ``text``: 3232235777 is 192.168.1.1 to it."""
    try:
        read = browser_ipv4(text)
    except ValueError:
        read = None
    if read is None:
        return f"; {_HELP_V6 if ':' in text else _HELP}"
    # Not taken as that address: a number alone is as likely a phone or account number.
    return (
        f" as written; it looks like {read.address} {read.form}; write {read.address} if "
        "that is what was meant"
    )
