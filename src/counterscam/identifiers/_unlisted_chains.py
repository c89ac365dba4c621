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

# ENS (.eth), TON DNS (.ton), Unstoppable Domains (.crypto, .nft, .x...), Solana Name Service
# (.sol) and SPACE ID (.bnb, .arb) names point to an address their owner can change at will.
# None of these endings is a top-level domain of the Internet's DNS, so no website is lost.
_NAME = re.compile(
    r"(?<![\w.-])(?:[a-z0-9-]+\.)+(eth|ton|crypto|nft|x|wallet|bitcoin|blockchain|dao|888|zil"
    r"|polygon|klever|unstoppable|sol|bnb|arb)(?![\w.-])",
    re.I,
)
_UNSTOPPABLE = (
    "an Unstoppable Domains name",
    "on ud.me or unstoppabledomains.com",
    "the address it points to on the chain the money went on",
)
_SPACE_ID = ("a SPACE ID name", "on space.id or bscscan.com", "the 0x address it points to")
_NAME_SERVICES = {
    "eth": ("an ENS name", "on etherscan.io or app.ens.domains", "the 0x address it points to"),
    "ton": (
        "a TON DNS name",
        "on tonviewer.com or dns.ton.org",
        "the UQ... or EQ... address it points to",
    ),
    "sol": (
        "a Solana Name Service (SNS) name",
        "on sns.id or solscan.io",
        "the Solana address it points to",
    ),
    "bnb": _SPACE_ID,
    "arb": _SPACE_ID,
}
# Binance Pay moves money between two Binance accounts, on no chain: its Pay ID (or the
# account's UID) is Binance's number for the account, not an address anyone can trace.
_BINANCE_PAY = re.compile(r"\bbinance\s*(?:pay|uid|id|user\s*id)\b", re.I)
_BINANCE_PAY_WHY = (
    "has no wallet address in it: it is a Binance Pay ID or UID, Binance's number for one of "
    "its accounts, and a Binance Pay transfer stays inside Binance, on no chain; keep the ID in "
    "the report's narrative (Binance can name the account's holder on a police request); if "
    "the money went to an address, enter that address"
)
# XRP deposits at an exchange go to the exchange's one address, told apart by a destination
# tag: read as xrp:address alone, every victim of one exchange's customers would link.
_XRP_TODO = (
    "; keep the address and its destination tag in the report's narrative (an exchange's "
    "address is shared by all its customers, and only the tag tells them apart)"
)
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
        return f"is {x_address}, and XRP is not a known chain (counterscam reads {codes})" + (
            _XRP_TODO
        )
    if _xrp_address(address) or any(normalize_name(w) in _XRP_NAMES for w in words):
        return (
            "is an XRP Ledger (XRP, Ripple) address, and XRP is not a known chain "
            f"(counterscam reads {codes}){_XRP_TODO}"
        )
    hex64 = next(
        (_HEX64_CHAINS[n] for w in words if (n := normalize_name(w)) in _HEX64_CHAINS), None
    )
    if hex64 is not None:
        return (
            f"is {'an' if hex64[0] in 'AEIOU' else 'a'} {hex64} address (0x and 64 hex digits), "
            f"and {hex64} is not a known chain "
            f"(counterscam reads {codes}); keep the address in the report's narrative"
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


# EVM chains that are not listed: one 0x address exists on all of them, so a value naming one
# would have been kept on Ethereum (or on Polygon, for "Polygon zkEVM"), a chain it did not name.
_UNLISTED_EVM = {
    "linea": "Linea",
    "zksync": "zkSync Era",
    "zksyncera": "zkSync Era",
    "scroll": "Scroll",
    "mantle": "Mantle",
    "fantom": "Fantom",
    "ftm": "Fantom",
    "sonic": "Sonic",
    "cronos": "Cronos",
    "celo": "Celo",
    "gnosis": "Gnosis",
    "gnosischain": "Gnosis",
    "xdai": "Gnosis",
    "blast": "Blast",
    "opbnb": "opBNB",
    "kaia": "Kaia",
    "klaytn": "Kaia",
    "moonbeam": "Moonbeam",
    "heco": "HECO",
    "oktc": "OKTC",
    "xlayer": "X Layer",
    "metis": "Metis",
    "ronin": "Ronin",
    "polygonzkevm": "Polygon zkEVM",
    "zkevm": "Polygon zkEVM",
    "arbitrumnova": "Arbitrum Nova",
    "zora": "Zora",
    "kava": "Kava",
    "berachain": "Berachain",
    "unichain": "Unichain",
    "taiko": "Taiko",
    "hyperevm": "HyperEVM",
}
# Sui and Aptos write an address as 0x and 64 hex digits, which alone is a transaction hash.
_HEX64_CHAINS = {"sui": "Sui", "aptos": "Aptos", "apt": "Aptos"}


def names_unlisted_evm(phrases: list[str], codes: str) -> str | None:
    """Return why a 0x address is refused when ``phrases`` name an EVM chain that is not
    listed ("Linea 0x...", "Polygon zkEVM 0x..."); None when they name none."""
    named = next(
        (_UNLISTED_EVM[n] for p in phrases if (n := normalize_name(p)) in _UNLISTED_EVM), None
    )
    if named is None:
        return None
    return (
        f"names {named}, an EVM chain that is not a known chain (counterscam reads {codes}); "
        "the same 0x address exists on every EVM chain, so it is not kept on another one; keep "
        "the address and its chain in the report's narrative, or ask the secretariat to add "
        "the chain to crypto_chains.yaml"
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
        what, where, address = _NAME_SERVICES.get(name[1].lower(), _UNSTOPPABLE)
        return (
            f"is {what}, not a wallet address: its owner can point it to another address at "
            f"any time; look the name up ({where}) and enter {address}"
        )
    if any(normalize_name(w) in _XRP_NAMES for w in words):
        return (
            f"names XRP (the XRP Ledger), which is not a known chain (counterscam reads {codes})"
            + _XRP_TODO
        )
    if binance_pay(text):
        return _BINANCE_PAY_WHY
    return None


def wallet_name(host: str) -> str | None:
    """Return what name service ``host`` is a name of ("an ENS name"), if it is one: these
    endings are no top-level domain, and no browser reaches them as a website."""
    name = _NAME.fullmatch(host)
    if name is None or name[1].lower() == "ton":
        return None  # a TON Site is a website on TON, and stays a domain
    return _NAME_SERVICES.get(name[1].lower(), _UNSTOPPABLE)[0]


def binance_pay(text: str) -> bool:
    """Tell whether ``text`` names a Binance Pay ID or a Binance UID (a number, no address)."""
    return "inance" in text.lower() and _BINANCE_PAY.search(text) is not None


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
    named = name is not None and name[1].lower() != "ton"
    beacon = _BNB_BEACON.fullmatch(text) is not None
    monero = _XMR_ADDRESS.fullmatch(text) is not None
    return named or beacon or monero or _xrp_address(text) or _x_address(text) is not None
