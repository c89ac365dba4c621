"""Values many unrelated reports name: local network addresses, burn wallets, and what to say.

Such a value is kept (a victim's log excerpt legitimately holds 192.168.1.1) but flagged
``shared_platform``: it links no reports and raises no alerts (link/conditions.py).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

# Address blocks every network reuses, so one of them names no one: each with the word the
# notice uses. Not ``ipaddress``'s ``is_private``: it also covers the documentation ranges
# (192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24, 2001:db8::/32) our examples use as ordinary
# addresses, and misses CGNAT (100.64.0.0/10), which a carrier shares among its subscribers.
_LOCAL_BLOCKS: tuple[tuple[str, str], ...] = (
    ("0.0.0.0/8", "unspecified"),
    ("10.0.0.0/8", "private"),
    ("100.64.0.0/10", "carrier-grade NAT, shared by a mobile or broadband carrier's customers"),
    ("127.0.0.0/8", "loopback: the computer itself"),
    ("169.254.0.0/16", "link-local"),
    ("172.16.0.0/12", "private"),
    ("192.168.0.0/16", "private"),
    ("224.0.0.0/4", "multicast"),
    ("255.255.255.255/32", "broadcast"),
    ("::/128", "unspecified"),
    ("::1/128", "loopback: the computer itself"),
    ("fc00::/7", "unique local, private"),
    ("fe80::/10", "link-local"),
    ("ff00::/8", "multicast"),
)
_LOCAL_NETWORKS = tuple((ipaddress.ip_network(block), block, what) for block, what in _LOCAL_BLOCKS)

_EVM_BURNS = frozenset(
    {
        "0x0000000000000000000000000000000000000000",
        "0x000000000000000000000000000000000000dEaD",
    }
)
# Addresses with no known key, where tokens are sent to be destroyed (the TRON one is its zero
# address). Every chain's explorer shows thousands of unrelated senders to each.
_BURNS = frozenset(
    {"tron:T9yD14Nj9j7xAB4dbGeiX9h8unkKHxuWwb", "btc:1BitcoinEaterAddressDontSendf59kuE"}
)

_PLATFORM_NOTE = (
    "This is a big shared platform: many unrelated reports mention it, so a match says "
    "little on its own."
)
_PUBLIC_PLATFORM_NOTE = (
    "This is a big shared platform that many honest people and businesses use: scammers use "
    "it too, so reports naming it say nothing about a particular page or account on it. "
    "Check the page's own address or the account instead."
)
_BURN_NOTE = (
    "This is a well-known burn address (a wallet no one holds the key to, where tokens are "
    "sent to be destroyed) that many unrelated transactions use, so it links no reports and "
    "raises no alerts."
)


# The first numbers of the IPv4 blocks above: any other dotted address is public, told without
# parsing it (every IP checked or filed passes here).
_LOCAL_FIRST = frozenset(str(n) for n in (0, 10, 100, 127, 169, 172, 192, 255, *range(224, 240)))


def local_network(address: str) -> str | None:
    """Return the block a canonical IP is local in and what kind it is ("192.168.0.0/16,
    private", "127.0.0.0/8, loopback: the computer itself"), else None."""
    first, dot, _ = address.partition(".")
    if dot and first not in _LOCAL_FIRST:
        return None
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    return next((f"{block}, {what}" for net, block, what in _LOCAL_NETWORKS if ip in net), None)


def _local_host(url: str) -> str | None:
    """Return :func:`local_network` of a canonical URL's host, else None."""
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    return local_network(host) if host else None


def is_burn_address(value: str) -> bool:
    """Tell whether a canonical ``chain:address`` wallet is a well-known burn address."""
    address = value.partition(":")[2]
    return address in _EVM_BURNS or value in _BURNS


def names_no_one(kind: str, value: str) -> bool:
    """Tell whether a canonical value is a local network address, a link on one, or a burn
    wallet: kept, but flagged ``shared_platform`` (as intake flags it, and migration 0011)."""
    if kind == "ip":
        return local_network(value) is not None
    if kind == "url":
        return _local_host(value) is not None
    return kind == "crypto_wallet" and is_burn_address(value)


def shared_note(kind: str | None, value: str | None, *, public: bool = False) -> str:
    """Return the notice shown for a value flagged ``shared_platform``: what it is, and why a
    match on it says little (``public``: worded for the public check page)."""
    if kind == "ip" and value is not None and (what := local_network(value)) is not None:
        return (
            f"This is a private or local network address ({what}) that many unrelated "
            "networks use, so it links no reports and raises no alerts."
        )
    if kind == "url" and value is not None and (what := _local_host(value)) is not None:
        return (
            f"This link is on a private or local network address ({what}) that many unrelated "
            "networks use: the address links no reports and raises no alerts, and a match on "
            "the link says little on its own."
        )
    if kind == "crypto_wallet" and value is not None and is_burn_address(value):
        return _BURN_NOTE
    return _PUBLIC_PLATFORM_NOTE if public else _PLATFORM_NOTE
