"""Values many unrelated reports name: local network addresses, burn wallets, stablecoins'
contracts, banks' spoofed hotlines, and what to say.

Such a value is kept (a victim's log excerpt legitimately holds 192.168.1.1) but flagged
``shared_platform``: it links no reports and raises no alerts (link/conditions.py).
"""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from counterscam.reference.hotlines import hotline_of

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

# The contracts of the stablecoins scams are paid in: the token itself, not anyone's wallet. A
# victim's receipt or a report copied from an explorer often gives the token's contract instead
# of the address that received the money, and every such report would then share one "wallet".
# EVM contracts by address alone, on any EVM chain: a bare 0x... is read as eth.
_EVM_CONTRACTS = {
    "0xdAC17F958D2ee523a2206206994597C13D831ec7": "USDT on Ethereum (ERC-20)",
    "0xA0b86991c6218b36c1d19D4a2e9Eb0cE3606eB48": "USDC on Ethereum (ERC-20)",
    "0x55d398326f99059fF775485246999027B3197955": "USDT on BNB Smart Chain (BEP-20)",
    "0x8AC76a51cc950d9822D68b83fE1Ad97B32Cd580d": "USDC on BNB Smart Chain (BEP-20)",
    "0xc2132D05D31c914a87C6611C10748AEb04B58e8F": "USDT on Polygon",
    "0x3c499c542cEF5E3811e1192ce70d8cC03d5c3359": "USDC on Polygon",
    "0x2791Bca1f2de4661ED88A30C99A7a9449Aa84174": "USDC.e (bridged USDC) on Polygon",
}
_CONTRACTS = {
    "tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t": "USDT on TRON (TRC-20)",
    "tron:TEkxiTehnzSmSe2XqrBj4w32RUN966rdz8": "USDC on TRON (TRC-20)",
    "sol:Es9vMFrzaCERmJfrF4H2FYD4KCoNkY11McCe8BenwNYB": "USDT on Solana (its token mint)",
    "sol:EPjFWdd5AufqSSqeM2qN1xzybapC8G4wEGGkZwyTDt1v": "USDC on Solana (its token mint)",
}

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


def token_contract(value: str) -> str | None:
    """Return the token a canonical ``chain:address`` wallet is the contract of ("USDT on TRON
    (TRC-20)"), None for any other wallet."""
    address = value.partition(":")[2]
    return _EVM_CONTRACTS.get(address) or _CONTRACTS.get(value)


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
    if kind == "phone":
        return hotline_of(value) is not None
    return kind == "crypto_wallet" and (is_burn_address(value) or token_contract(value) is not None)


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
    if kind == "crypto_wallet" and value is not None and (token := token_contract(value)):
        return (
            f"This is the contract address of {token}: the token itself, which every "
            "transfer of it names, not a wallet anyone was paid to, so it links no reports and "
            "raises no alerts. Enter the address that received the money instead (the "
            "transfer's recipient, \"To\" on the explorer's page)."
        )
    if kind == "phone" and value is not None and (owner := hotline_of(value)) is not None:
        return (
            f"This is the published hotline of {owner}, which scammers show on victims' phones "
            "by spoofing the caller ID and which victims call to check, so it links no reports "
            "and raises no alerts. Say in the report that the call claimed to come from it."
        )
    return _PUBLIC_PLATFORM_NOTE if public else _PLATFORM_NOTE
