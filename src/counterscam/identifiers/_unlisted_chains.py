"""Wallet forms of chains counterscam does not read, told apart so a refusal says what they are.

Victims paste a name-service name (``scammer.eth``), an address on the retired BNB Beacon
Chain (``bnb1...``) or an XRP Ledger address (``r...``); read as addresses of the listed
chains they were "no wallet address" or a "mistyped character", which sends the analyst
looking for a typo that is not there.
"""

from __future__ import annotations

import hashlib
import re

import base58

from counterscam.reference import normalize_name

# ENS (.eth) and TON DNS (.ton) names point to an address their owner can change at will.
_NAME = re.compile(r"(?<![\w.-])(?:[a-z0-9-]+\.)+(eth|ton)(?![\w.-])", re.I)
_NAME_SERVICES = {
    "eth": ("an ENS name", "on etherscan.io or app.ens.domains", "0x address"),
    "ton": ("a TON DNS name", "on tonviewer.com or dns.ton.org", "UQ... or EQ... address"),
}
# BNB Beacon Chain addresses: bech32 with "bnb" and a 20-byte hash (38 characters after 1).
_BNB_BEACON = re.compile(r"bnb1[02-9ac-hj-np-z]{38}", re.I)
_XRP_NAMES = frozenset({"xrp", "ripple", "xrpl", "xrpledger"})
# Bitcoin Cash's own form (CashAddr, "bitcoincash:qpm2..."): bech32 characters, no "1".
# Read as a listed chain's, it was refused as a lower-cased base58 address.
_CASHADDR = re.compile(r"[qp][02-9ac-hj-np-z]{41}")
_BCH_NAMES = frozenset({"bch", "bitcoincash"})
_XRP_ADDRESS = re.compile(r"r[1-9A-HJ-NP-Za-km-z]{24,34}")
# Monero: a main-network address is 95 base58 characters starting 4 (standard) or 8
# (subaddress), an integrated one (with a payment ID) 106 starting 4; the second character is
# a digit or A/B. Read as a listed chain's, it was "not a wallet address of a known chain".
_XMR_ADDRESS = re.compile(
    r"(?:[48][0-9AB][1-9A-HJ-NP-Za-km-z]{93}|4[0-9AB][1-9A-HJ-NP-Za-km-z]{104})"
)
_XMR_NAMES = frozenset({"xmr", "monero"})
_X_ADDRESS = re.compile(r"[XT][1-9A-HJ-NP-Za-km-z]{46}")


def _xrp_address(token: str) -> bool:
    """Tell whether ``token`` is a valid classic XRP Ledger address (Ripple's base58)."""
    if not _XRP_ADDRESS.fullmatch(token):
        return False
    data = bytes(base58.b58decode(token, alphabet=base58.XRP_ALPHABET))
    body, checksum = data[:-4], data[-4:]
    valid = hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4] == checksum
    return len(data) == 25 and data[0] == 0 and valid


def _x_address(token: str) -> str | None:
    """Return what an XRP Ledger X-address (XLS-5d: the account and its destination tag in one,
    as exchanges show a deposit address) holds, if ``token`` is one.

    Mainnet X-addresses start with X (prefix 0x05 0x44), test ones with T (0x04 0x93); then the
    20-byte account, a flag byte, an 8-byte little-endian tag and a double-SHA-256 checksum.
    """
    if not _X_ADDRESS.fullmatch(token):
        return None
    data = bytes(base58.b58decode(token, alphabet=base58.XRP_ALPHABET))
    body, checksum = data[:-4], data[-4:]
    if len(data) != 35 or body[:2] not in (b"\x05\x44", b"\x04\x93") or body[22] > 1:
        return None
    if hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4] != checksum:
        return None
    account = base58.b58encode_check(b"\x00" + body[2:22], alphabet=base58.XRP_ALPHABET).decode()
    tag = f" with destination tag {int.from_bytes(body[23:31], 'little')}" if body[22] else ""
    network = "an" if body[0] == 5 else "a test-network"
    return f"{network} XRP Ledger X-address: the account {account}{tag} in one"


def unlisted_address(address: str, words: list[str], codes: str) -> str | None:
    """Return why ``address`` (no address of a listed chain) is refused, if its chain is known.

    ``words`` are the other words of the value ("XRP", "Ripple"); ``codes`` the listed chains.
    """
    if _BNB_BEACON.fullmatch(address):
        return (
            "is a BNB Beacon Chain (bnb1...) address; that chain was shut down in 2024 and "
            "takes no payments; if the money went on BNB Smart Chain (BEP20), enter its 0x address"
        )
    x_address = _x_address(address)
    if x_address is not None:
        return f"is {x_address}, and XRP is not a known chain (counterscam reads {codes})"
    if _xrp_address(address) or any(normalize_name(w) in _XRP_NAMES for w in words):
        return (
            "is an XRP Ledger (XRP, Ripple) address, and XRP is not a known chain "
            f"(counterscam reads {codes})"
        )
    if _XMR_ADDRESS.fullmatch(address) or any(normalize_name(w) in _XMR_NAMES for w in words):
        return _MONERO.format(codes=codes)
    if _CASHADDR.fullmatch(address) or any(normalize_name(w) in _BCH_NAMES for w in words):
        return (
            "is a Bitcoin Cash (BCH) address, and Bitcoin Cash is not a known chain "
            f"(counterscam reads {codes})"
        )
    return None


def names_beacon_chain(words: list[str]) -> str | None:
    """Return why ``words`` naming BEP2, the retired BNB Beacon Chain's token standard, are
    refused: "BEP-2 0x..." is a slip for BEP20 or an old label, and which is not ours to say.
    Read as no chain it left a 0x address on Ethereum."""
    if not any(normalize_name(w) == "bep2" for w in words):
        return None
    return (
        "names BEP2, the token standard of the BNB Beacon Chain, shut down in 2024 (its "
        "addresses were bnb1...); if the money went on BNB Smart Chain, write BEP20 before the "
        "0x address"
    )


_MONERO = (
    "is a Monero (XMR) address, and Monero is not a known chain (its payments are hidden, so "
    "they cannot be traced here); keep the address in the report's narrative (counterscam "
    "reads {codes})"
)


def unlisted_without_address(text: str, words: list[str], codes: str) -> str | None:
    """Return why ``text``, which has no address in it, is refused when it names one."""
    if any(len(w) == 106 and _XMR_ADDRESS.fullmatch(w) for w in words):
        # An integrated address is longer than any listed chain's, so it is no address to them.
        return _MONERO.format(codes=codes)
    name = _NAME.search(text)
    if name is not None:
        what, where, address = _NAME_SERVICES[name[1].lower()]
        return (
            f"is {what}, not a wallet address: its owner can point it to another address at "
            f"any time; look the name up ({where}) and enter the {address} it points to"
        )
    if any(normalize_name(w) in _XRP_NAMES for w in words):
        return f"names XRP (the XRP Ledger), which is not a known chain (counterscam reads {codes})"
    return None


def names_unlisted_chain(words: list[str]) -> bool:
    """Tell whether ``words`` name a chain counterscam does not read (XRP, Bitcoin Cash,
    Monero)."""
    return any(normalize_name(w) in _XRP_NAMES | _BCH_NAMES | _XMR_NAMES for w in words)


def unlisted_shape(text: str) -> bool:
    """Tell whether ``text`` alone is such a form: an ENS name, a bnb1, an XRP address
    (classic or X-address) or a Monero address.

    A .ton name is left out: it may also be a TON Site, a website on TON, so it stays a domain.
    """
    name = _NAME.fullmatch(text)
    named = name is not None and name[1].lower() == "eth"
    beacon = _BNB_BEACON.fullmatch(text) is not None
    monero = _XMR_ADDRESS.fullmatch(text) is not None
    return named or beacon or monero or _xrp_address(text) or _x_address(text) is not None
