"""Crypto wallets as ``chain:address`` with the address checksum validated."""

from __future__ import annotations

import re
from dataclasses import replace

import base58

from counterscam.identifiers._codecs import (
    B58_ALPHABET,
    b58decode,
    base58check,
    eip55,
    segwit_decode,
    tron_from_hex,
)
from counterscam.identifiers._latin_lookalikes import fold_lookalikes
from counterscam.identifiers._not_wallet import not_a_wallet
from counterscam.identifiers._test_networks import names_test_network
from counterscam.identifiers._text import clean
from counterscam.identifiers._ton import (
    TonChecksumError,
    decode_friendly,
    decode_raw,
    find_addresses,
)
from counterscam.identifiers._types import Canonical, InvalidIdentifier, shown
from counterscam.identifiers._unlisted_chains import (
    names_beacon_chain,
    names_unlisted_evm,
    unlisted_address,
    unlisted_without_address,
)
from counterscam.identifiers.shared import names_no_one
from counterscam.reference import CryptoChain, crypto_chains, find_chain, normalize_name

_EVM = re.compile(r"0[xX]([0-9a-fA-F]{40})")
_TOKEN = re.compile(r"[A-Za-z0-9]{25,100}|(?:bc|BC|ltc|LTC)1[A-Za-z0-9]{11,90}")
_MAX_PIECES = 12  # tokens tried for an address broken by spaces; bounds the joins tried
_TYPO = "a character is probably mistyped; copy the address again from the source"
# Around an address: the separators of "USDT (TRC20): T...", and the quotes, guillemets and
# full stop of a sentence, also as Chinese and Japanese write them ("T...。", "「T...」"), and
# the backticks and asterisks of Telegram's and WhatsApp's monospace and bold ("`T...`"). No
# address or chain name has any of these.
# Emoji and pictographs written against an address ("T...✅", "👉T..."), as chats mark one.
_SEPARATORS = re.compile(
    r"[\s:,;()\[\]{}<>/@.!?|#\"'`*«»“”‘’。、「」『』【】〔〕"
    r"\u2190-\u21ff\u2600-\u27bf\u2b00-\u2bff\ufe0f\u200d\U0001f000-\U0001faff]+"
)
# An explorer's token page shows one holder's balance of a token: /token/0xCONTRACT?a=0xHOLDER.
# The holder is the wallet; the contract is the token's, shared by all its holders.
_EXPLORER_HOLDER = re.compile(
    r"/token/0[xX][0-9a-fA-F]{40}\?(?:[^\s#]*&)?a=(0[xX][0-9a-fA-F]{40})(?![0-9A-Za-z])"
)
# An explorer's page of a token or contract alone (etherscan.io/token/0x..., tronscan.org/#/
# token20/T..., solscan.io/token/...): its address is the token's, which every holder shares.
_TOKEN_PAGE = re.compile(
    r"/(?:token|token20|token721|token1155|contract)/[A-Za-z0-9]{25,100}(?![?\w])"
)
# MetaMask's web link to a payment is EIP-681 on its own host: metamask.app.link/send/0x...@56.
_METAMASK_SEND = re.compile(r"(?:https?://)?metamask\.app\.link/send/", re.I)
# EIP-681 payment links name the chain by its ID: ethereum:0xABC...@56 is on BNB Smart Chain.
_EIP681 = re.compile(r"ethereum:(?:pay-)?(0[xX][0-9a-fA-F]{40})(?:@(\d+))?", re.I)
# The same address and chain ID without the scheme, as a QR reader or a wallet's "copy" shows
# the link's body: 0x...@56. Read as no chain, it was kept on Ethereum.
# A chain written as its CAIP-2 ID, as wallets (WalletConnect) write it: eip155:56:0x...
_CAIP2 = re.compile(r"eip155[:-](\d{1,10})(?!\d)", re.I)
_BARE_CHAIN_ID = re.compile(r"(?<![\w:-])(0[xX][0-9a-fA-F]{40})@(\d{1,10})(?!\w)")
# A token payment link (a USDT QR code) names the token's contract first and the payee in
# "address=": ethereum:0xdAC17F...@1/transfer?address=0xPAYEE&uint256=1e6. The payee is the
# wallet; the contract is shared by every payment of that token. The query ends at a comma or
# semicolon too: a second link after it is a second wallet, refused as such, not dropped.
_EIP681_CALL = re.compile(
    r"(ethereum:(?:pay-)?)0[xX][0-9a-fA-F]{40}((?:@\d+)?)/([A-Za-z_]\w*)(\?[^\s,;]*)?", re.I
)
# A payment link's query (?amount=, ?value=) ends at a space, or at a comma or semicolon that
# is followed by another payment link: a second link after it is a second address.
_QUERY = re.compile(r"[?&](?:(?![,;]\s*[a-z]+:)\S)*", re.I)
_PAYEE = re.compile(r"[?&]address=(0[xX][0-9a-fA-F]{40})(?![0-9A-Za-z])", re.I)
# A wallet app's send link names the payee in "address=" after the link, which names no
# address itself: tronlink://send?address=T..., link.trustwallet.com/send?coin=195&address=T...
_SEND_LINK = re.compile(r"(\S*?)\?(?:\S*?&)?address=([A-Za-z0-9]{25,100})(?![A-Za-z0-9])\S*")
# Trust Wallet's coin number in a send link, and the EVM chain IDs of those it has for 0x
# payees: 60 Ethereum (SLIP-44), 966 Polygon (SLIP-44), 20000714 BNB Smart Chain (its own).
_COIN = re.compile(r"[?&](?:coin=|asset=c)(\d+)")
_COIN_CHAIN_IDS = {"60": "1", "966": "137", "20000714": "56"}
# Test networks: coins without value, never a scam's wallet (tb1/bcrt1/tltc1 segwit,
# base58 versions 111 and 196).
_TESTNET_HRPS = ("tb1", "bcrt1", "tltc1", "rltc1")
_TESTNET_VERSIONS = (111, 196)
_BTC_P2SH, _LTC_P2SH = 5, 50
# "Binance" and "Binance Chain" before a 0x address: the Binance Smart Chain, now BNB Smart Chain.
_BINANCE = frozenset({"binance", "binancechain"})
# Tokens, not chains: a "Network" column that says only "USDT" leaves the chain to the address.
_TOKENS = frozenset({"usdt", "usdc", "tether", "busd", "dai"})
_JOINED = re.compile(r"[-_]")
# An exchange's deposit memo or tag written after the address ("Memo: 104567832", "MEMO/Tag
# 123", "destination tag 123"): it names the exchange's customer, not the wallet, so it is no
# part of chain:address (DESIGN.md) and stays in the value as written, which intake keeps. A
# long one was taken for a second address and the value refused.
_MEMO = re.compile(
    r"(?<![A-Za-z0-9])(?:dest(?:ination|\.)?\s*tag|memo\s*/\s*tag|tag\s*/\s*memo|memo|tag|comment)"
    r"(?:\s*[:#=]\s*|\s+)[A-Za-z0-9_-]{1,64}\)?",
    re.I,
)
# Two networks written as alternatives, as exchanges label an address that takes both.
# Words start only at a word's beginning and are taken whole (possessive): tried at every
# letter of an address with backtracking, the scan cost a third of reading a wallet.
_ALTERNATIVES = re.compile(
    r"(?<![\w-])([A-Za-z][\w-]*+)\s*+(?:/|\bor\b|\batau\b|\bhoặc\b|หรือ)\s*+([A-Za-z][\w-]*+)",
    re.I,
)
_HEX = re.compile(r"0[xX]([0-9a-fA-F]+)")
_EVM_LIKE = re.compile(r"0[xX][0-9A-Za-z]{36,44}")
_NOT_HEX = re.compile(r"[^0-9a-fA-F]")
# What a base58 address becomes lower-cased: never a 0 (base58 has none), so a hex string
# with one was never such an address, and "copy it with its capitals" would mislead.
_B58_LOWER = frozenset(B58_ALPHABET.lower())
_TESTNET = (
    "is a test-network address, not a wallet address on a main network (test "
    "coins have no value); enter the address on the main network"
)


def _chain(code: str) -> CryptoChain:
    return next(c for c in crypto_chains() if c.code == code)


def _codes() -> str:
    return ", ".join(c.code for c in crypto_chains())


def _fail(raw: str, why: str) -> InvalidIdentifier:
    return InvalidIdentifier("crypto_wallet", raw, f"{shown(raw)} {why}")


def _evm(raw: str, address: str, chain: CryptoChain) -> Canonical:
    match = _EVM.fullmatch(address)
    if match is None:
        other = _infer(address)
        if other is not None:
            raise _fail(raw, f"is a {other.label} address, not an address on {chain.label}")
        raise _fail(raw, f"is not an address on {chain.label}: it should be 0x and 40 hex digits")
    hex40 = match[1]
    checksummed = eip55(hex40)
    if hex40 not in (hex40.lower(), hex40.upper()) and "0x" + hex40 != checksummed:
        raise _fail(raw, f"has capital letters that do not match its EIP-55 checksum; {_TYPO}")
    return Canonical("crypto_wallet", f"{chain.code}:{checksummed}", None)


def _bitcoin_like(raw: str, address: str, chain: CryptoChain) -> Canonical | None:
    if chain.bech32_hrp and address.lower().startswith(chain.bech32_hrp + "1"):
        if segwit_decode(chain.bech32_hrp, address) is None:
            raise _fail(raw, f"is not a valid {chain.label} bech32 address; {_TYPO}")
        return Canonical("crypto_wallet", f"{chain.code}:{address.lower()}", None)
    decoded = base58check(address)
    if decoded is not None and decoded[0] in chain.base58_versions:
        return Canonical("crypto_wallet", f"{chain.code}:{address}", None)
    if decoded is not None and chain.code == "ltc" and decoded[0] == _BTC_P2SH:
        # Litecoin's script addresses began with 3, as Bitcoin's do, until Litecoin gave them
        # M (version 50); old wallets and deposit addresses still show 3. Named as Litecoin, it
        # is the M... address explorers show for the same script, so both writings meet.
        again = base58.b58encode_check(bytes([_LTC_P2SH]) + decoded[1]).decode()
        return Canonical("crypto_wallet", f"{chain.code}:{again}", None)
    return None


def _solana(raw: str, address: str, chain: CryptoChain) -> Canonical | None:
    payload = b58decode(address)
    if payload is not None and len(payload) == 32 and 32 <= len(address) <= 44:
        return Canonical("crypto_wallet", f"{chain.code}:{address}", None)
    return None


def _validate(raw: str, address: str, chain: CryptoChain) -> Canonical:
    if chain.family == "evm":
        return _evm(raw, address, chain)
    found = _solana(raw, address, chain) if chain.family == "solana" else None
    if chain.family in ("bitcoin", "tron"):
        found = _bitcoin_like(raw, address, chain)
    if found is not None:
        return found
    other = _infer(address)
    if other is not None and other.code != chain.code:
        raise _fail(raw, f"is a {other.label} address, not an address on {chain.label}")
    if chain.family == "ton":
        raise _fail(
            raw,
            f"is not an address on {chain.label}: it should be 48 characters (UQ... or EQ...) "
            "or 0: and 64 hex digits",
        )
    if chain.family in ("bitcoin", "tron", "solana") and _case_lost(address):
        raise _fail(raw, _case_reason(f"{chain.label} addresses are"))
    payload = b58decode(address)
    if payload is not None and len(payload) == 25:
        raise _fail(raw, f"fails the {chain.label} address checksum; {_TYPO}")
    raise _fail(raw, f"is not an address on {chain.label}")


def _case_lost(address: str) -> bool:
    """Tell whether ``address`` is a base58 address a form or a spreadsheet lower-cased.

    Asked before the checksum: lower-cased, most such addresses still decode to 25 bytes, and
    "a character is probably mistyped" sent the analyst looking for one slip among 34.
    """
    return (
        address.islower()
        and 26 <= len(address) <= 44
        and set(address) <= _B58_LOWER
        and not address.startswith(("bc1", "ltc1"))  # bech32 is written in small letters
    )


def _case_reason(whose: str) -> str:
    return (
        f"is all in small letters, but {whose} case-sensitive; copy the address again "
        "without changing its capitals"
    )


def _infer(address: str) -> CryptoChain | None:
    """Return the chain an address belongs to by its format alone, if it is valid."""
    if _EVM.fullmatch(address):
        return _chain("eth")
    lowered = address.lower()
    for chain in crypto_chains():
        hrp = chain.bech32_hrp
        if hrp and lowered.startswith(hrp + "1") and segwit_decode(hrp, address):
            return chain
    decoded = base58check(address)
    if decoded is not None:
        return next((c for c in crypto_chains() if decoded[0] in c.base58_versions), None)
    payload = b58decode(address)
    if payload is not None and len(payload) == 32 and 32 <= len(address) <= 44:
        return _chain("sol")
    return None


def _chain_of(word: str) -> CryptoChain | None:
    """Return the chain ``word`` names, also with a token joined to it: "USDT-BSC", "BSC_USDT".

    The reference lists the common joins ("USDT-TRC20"); any other one read as no chain left a
    0x address on Ethereum, a chain the report did not name.
    """
    found = find_chain(word)
    if found is None and ("-" in word or "_" in word):
        rest = [p for p in _JOINED.split(word) if p and p.lower() not in _TOKENS]
        found = find_chain(rest[0]) if len(rest) == 1 else None
    return found


def _phrases(words: list[str]) -> list[str]:
    """Return ``words`` and the runs of two or three of them, which name a chain split by a
    space: "BEP 20", "Smart Chain", "The Open Network". Read word by word they named none, and
    a 0x address after "BEP 20" was kept on Ethereum."""
    runs = [
        " ".join(words[i : i + n])
        for n in (2, 3)
        for i in range(len(words) - n + 1)
        if len(words) <= _MAX_PIECES
    ]
    return [*words, *runs]


def _chains_in(words: list[str]) -> dict[str, CryptoChain]:
    named = {c.code: c for w in _phrases(words) if (c := _chain_of(w)) is not None}
    evm = [c for c in named.values() if c.family == "evm"]
    if "eth" in named and len(evm) == 2 and len(named) == 2:
        # "ETH on Arbitrum", "Arbitrum ERC20": ether and ERC-20 tokens live on every EVM
        # chain; the other chain named is where this address holds them.
        del named["eth"]
    return named


def _names_binance(words: list[str]) -> bool:
    """Tell whether ``words`` name Binance, whose EVM chain is BNB Smart Chain.

    Not an alias of the chain: "Binance" before a TRON address is the exchange, whose
    deposit address it is, and the chain is the address's own.
    """
    return any(normalize_name(w) in _BINANCE for w in words)


def _qualified_chain(qualifier: str) -> CryptoChain | None:
    """Return the chain a "Network" column names, also as exchanges label it.

    Exchanges write the chain with its token standard, "TRON (TRC20)", "BNB Smart Chain
    (BEP20)", "Ethereum (ERC20)", which is no single name; its words must name one chain.
    """
    wanted = find_chain(qualifier)
    if wanted is None:
        named = _chains_in([w for w in _SEPARATORS.split(qualifier) if w])
        wanted = next(iter(named.values())) if len(named) == 1 else None
    return wanted


def _refuse_alternatives(raw: str, text: str) -> None:
    """Refuse two chains written as alternatives: "ERC20/BEP20", "BEP20 or ERC20".

    Exchanges label a deposit address so when it takes both networks, as one 0x address
    does; which one the money went on is not said, and picking one (BEP20 was taken, by the
    "ETH on Arbitrum" rule) would guess the chain a report must name.
    """
    for match in _ALTERNATIVES.finditer(text):
        first, second = _chain_of(match[1]), _chain_of(match[2])
        if first is not None and second is not None and first.code != second.code:
            raise _fail(
                raw,
                f"names {match[1]} or {match[2]} ({first.label} or {second.label}) as its "
                "network, and one address is the same on both; give the one the money went "
                "on (the transfer's record or explorer link shows it)",
            )


def _named_chain(raw: str, words: list[str], qualifier: str | None) -> CryptoChain | None:
    _refuse_alternatives(raw, raw)
    if qualifier:
        _refuse_alternatives(raw, qualifier)
    beacon = names_beacon_chain([*_phrases(words), *([qualifier] if qualifier else [])])
    if beacon is not None:
        raise _fail(raw, beacon)
    named = _chains_in(words)
    if qualifier and qualifier.strip() and qualifier.strip().lower() not in _TOKENS:
        wanted = _qualified_chain(qualifier)
        if wanted is None:
            codes = _codes()
            raise _fail(raw, f"names an unknown chain {qualifier!r}; use one of {codes}")
        named.setdefault(wanted.code, wanted)
    if len(named) > 1:
        raise _fail(raw, f"names more than one chain ({', '.join(sorted(named))}); give one")
    return next(iter(named.values()), None)


def _checksummed(text: str) -> bool:
    if _EVM.fullmatch(text):
        # Only mixed case carries the EIP-55 checksum.
        return text[2:] not in (text[2:].lower(), text[2:].upper()) and text == eip55(text[2:])
    if not _TOKEN.fullmatch(text):
        return False
    chain = _infer(text)
    return chain is not None and chain.family != "solana"


def _rejoined(tokens: list[str], addresses: list[str]) -> tuple[list[str], list[str]]:
    """Join an address broken by spaces (a wrapped line, a copy from a PDF) when it validates.

    Only a join that passes a checksum is kept (Solana addresses have none), and only when
    exactly one join does, so words are never glued into a wrong address.
    """
    if len(tokens) > _MAX_PIECES:
        return tokens, addresses
    found = {
        ("".join(tokens[i:j]), i, j)
        for i in range(len(tokens))
        for j in range(i + 2, len(tokens) + 1)
        if _checksummed("".join(tokens[i:j]))
    }
    if len({joined for joined, _, _ in found}) != 1:
        return tokens, addresses
    joined, i, j = found.pop()
    return [*tokens[:i], joined, *tokens[j:]], [joined]


def _eip681_chain(raw: str, match: re.Match[str]) -> str:
    """Return "eip155-ID address" for an EIP-681 link; chain 1 (Ethereum) when none is given."""
    chain_id = match[2] or "1"
    if find_chain(f"eip155:{chain_id}") is None:
        codes = _codes()
        raise _fail(
            raw,
            f"is a payment link for chain ID {chain_id}, which is not a known chain; "
            f"give the chain by name ({codes})",
        )
    return f"eip155-{chain_id} {match[1]}"


def _refuse_unknown_chain_id(raw: str, text: str) -> None:
    """Refuse a CAIP-2 chain ID that names no listed chain (eip155:59144:0x..., Linea's): its
    words name no chain, and the 0x address was kept on Ethereum."""
    for found in _CAIP2.finditer(text):
        if find_chain(f"eip155:{found[1]}") is None:
            raise _fail(
                raw,
                f"names the chain ID {found[1]} (eip155:{found[1]}), which is not a known chain; "
                f"give the chain by name ({_codes()})",
            )


def _eip681_payee(raw: str, match: re.Match[str]) -> str:
    """Return the payment link of a token transfer rewritten to name its payee."""
    if match[3].lower() != "transfer":
        raise _fail(
            raw,
            f"is a link that calls the contract function {match[3]!r}, not a payment to a "
            "wallet; enter the address of the wallet that received the money",
        )
    payee = _PAYEE.search(match[4] or "")
    if payee is None:
        raise _fail(
            raw,
            "is a token payment link without the payee (its address= part); the address "
            "before it is the token's contract, not a wallet; enter the receiving address",
        )
    return f"{match[1]}{payee[1]}{match[2]}"


def _ton(raw: str, text: str, spans: list[tuple[int, int]], qualifier: str | None) -> Canonical:
    """Read a value with a TON address in it (its base64 has "/", "-" and "_" in it, so it is
    taken out of the text before the text is split into words)."""
    bounds = [0, *(i for span in spans for i in span), len(text)]
    rest = " ".join(text[bounds[i] : bounds[i + 1]] for i in range(0, len(bounds), 2))
    tokens = [t for t in _SEPARATORS.split(rest) if t]
    if len(spans) > 1 or any(_TOKEN.fullmatch(t) for t in tokens):
        raise _fail(raw, "has more than one address; enter one address")
    address = text[spans[0][0] : spans[0][1]]
    ton = _chain("ton")
    chain = _named_chain(raw, tokens, qualifier)
    if chain is not None and chain.code != ton.code:
        raise _fail(raw, f"is a {ton.label} address, not an address on {chain.label}")
    try:
        account = decode_raw(address) or decode_friendly(address)
    except TonChecksumError:
        raise _fail(raw, f"fails its address checksum; {_TYPO}") from None
    except ValueError:
        raise _fail(raw, f"is not a valid {ton.label} address; {_TYPO}") from None
    if account.test_only:
        raise _fail(raw, _TESTNET)
    return Canonical("crypto_wallet", f"{ton.code}:{account.canonical}", None)


def _send_link_payee(raw: str, match: re.Match[str]) -> str:
    """Return a wallet app's send link as its payee's address; a link that names an address
    before its query (a payment URI with a memo) is left to the readers after.

    A 0x payee is on every EVM chain: Trust Wallet's coin number (``coin=20000714``,
    ``asset=c20000714_t0x...``) names which, and is kept as the chain's ID.
    """
    if any(_TOKEN.fullmatch(t) for t in _SEPARATORS.split(match[1])):
        return match[0]
    coin = _COIN.search(match[0]) if _EVM.fullmatch(match[2]) else None
    if coin is None:
        return match[2]
    chain_id = _COIN_CHAIN_IDS.get(coin[1])
    if chain_id is None:
        raise _fail(
            raw,
            f"is a send link for coin number {coin[1]}, whose chain is not known here; "
            f"write the chain before the address instead, one of {_codes()}",
        )
    return f"eip155-{chain_id} {match[2]}"


def _testnet(address: str) -> bool:
    decoded = base58check(address)
    return address.lower().startswith(_TESTNET_HRPS) or (
        decoded is not None and decoded[0] in _TESTNET_VERSIONS
    )


def canonicalize_crypto(raw: str, qualifier: str | None) -> Canonical:
    """Canonicalise a wallet address; the chain comes from the qualifier, text or format.

    A burn address (0x...dEaD) or a stablecoin's contract (USDT's) is kept but shared:
    thousands of unrelated transfers name it, so it links no reports and raises no alerts.
    """
    try:
        found = _read(raw, qualifier)
    except InvalidIdentifier as exc:
        # A chain named that is not read ("Sui 0x" and 64 hex digits) is the reason, not the
        # transaction hash the digits alone would be.
        unread = "not a known chain" in exc.reason
        readable = isinstance(raw, str) and len(raw) <= 4096 and not unread
        instead = not_a_wallet(raw) if readable else None
        if instead is None:
            raise
        raise _fail(raw, instead) from None
    shared = names_no_one("crypto_wallet", found.value)
    return replace(found, shared_platform=True) if shared else found


def _read(raw: str, qualifier: str | None) -> Canonical:
    # An address has Latin letters only: a Cyrillic "е" in it is a keyboard's or OCR's slip,
    # and the checksum read below still says whether the address is the one meant.
    text = _MEMO.sub(" ", fold_lookalikes(clean("crypto_wallet", raw)))
    on_test_network = names_test_network(text)
    if on_test_network is not None:
        raise _fail(raw, on_test_network)
    text = _EXPLORER_HOLDER.sub(lambda m: f"/address/{m[1]}", text)
    if "/token" in text or "/contract/" in text:
        if _TOKEN_PAGE.search(text):
            raise _fail(
                raw,
                "is a block explorer's page of a token or contract, not of a wallet: a token's "
                "address (USDT's, say) is shared by everyone who holds or sends it; enter the "
                "address that received the money (the transfer's 'To'), or, if the token or "
                "contract is the scam's own (a fake token, a 'mining' contract the victim "
                "approved), its address alone",
            )
    if "app.link" in text:
        text = _METAMASK_SEND.sub("ethereum:", text)
    # Payment URIs (BIP-21 bitcoin:addr?amount=, EIP-681 ethereum:0x..@56?value=).
    text = _EIP681_CALL.sub(lambda m: _eip681_payee(raw, m), text)
    text = _SEND_LINK.sub(lambda m: _send_link_payee(raw, m), text)
    text = _EIP681.sub(lambda m: _eip681_chain(raw, m), _QUERY.sub("", text))
    if "@" in text:
        text = _BARE_CHAIN_ID.sub(lambda m: _eip681_chain(raw, m), text)
    if "eip155" in text.lower():
        _refuse_unknown_chain_id(raw, text)
    ton_spans = find_addresses(text)
    if ton_spans:
        return _ton(raw, text, ton_spans, qualifier)
    tokens = [t for t in _SEPARATORS.split(text) if t]
    # One address written twice ("T... / T...", pasted again to be sure) is one address.
    addresses = list(dict.fromkeys(t for t in tokens if _TOKEN.fullmatch(t)))
    if len(addresses) != 1 or _infer(addresses[0]) is None:
        tokens, addresses = _rejoined(tokens, addresses)
    unlisted = None if addresses else unlisted_without_address(text, tokens, _codes())
    if unlisted is not None:
        raise _fail(raw, unlisted)
    if len(addresses) != 1:
        why = "has more than one address" if addresses else "has no wallet address in it"
        raise _fail(raw, f"{why}; enter one address, like tron:TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9")
    address = addresses[0]
    words = [t for t in tokens if t != address]
    # TRON's API writes an address in hex (41...): the same account as its T... form.
    address = tron_from_hex(address) or address
    inferred = _infer(address)
    # Bitcoin Cash's legacy addresses are Bitcoin's (1..., 3...): the words say which, and
    # "BCH 1..." was kept as a btc wallet it is not.
    named_too = inferred is None or (words and inferred.code == "btc")
    unlisted = unlisted_address(address, words, _codes()) if named_too else None
    if unlisted is not None and not _EVM.fullmatch(address):
        raise _fail(raw, unlisted)
    if _EVM.fullmatch(address):
        phrases = [*_phrases(words), *([qualifier] if qualifier else [])]
        unlisted_evm = names_unlisted_evm(phrases, _codes())
        if unlisted_evm is not None:
            raise _fail(raw, unlisted_evm)
    chain = _named_chain(raw, words, qualifier)
    if chain is None and _EVM.fullmatch(address) and _names_binance(words):
        chain = _chain("bsc")  # "binance:0x...": Binance's chain, BNB Smart Chain
    if chain is not None:
        if chain.family != "evm" and _EVM.fullmatch(address):
            raise _fail(raw, f"is an EVM (0x) address, not an address on {chain.label}")
        return _validate(raw, address, chain)
    if inferred is not None:
        return _validate(raw, address, inferred)
    if _EVM.fullmatch(address):
        return _evm(raw, address, _chain("eth"))
    if _testnet(address):
        raise _fail(raw, _TESTNET)
    if _case_lost(address):
        # "tr7nhq...": a form or a spreadsheet lower-cased a base58 address.
        raise _fail(raw, _case_reason("TRON, Bitcoin and other base58 addresses are"))
    payload = b58decode(address)
    if payload is not None and len(payload) == 25 or address.lower().startswith(("bc1", "ltc1")):
        raise _fail(raw, f"fails its address checksum; {_TYPO}")
    hex_digits = _HEX.fullmatch(address)
    if hex_digits is not None:
        raise _fail(
            raw,
            f"has {len(hex_digits[1])} hex digits after 0x, but an EVM address has 40; "
            "copy the address again from the source",
        )
    not_hex = sorted(set(_NOT_HEX.findall(address[2:]))) if _EVM_LIKE.fullmatch(address) else []
    if not_hex:
        # "0x4F457OE6...": OCR or a retyping put a letter O for a zero, or the like.
        raise _fail(
            raw,
            f"has {', '.join(repr(c) for c in not_hex)} among the hex digits of an EVM address "
            "(0x and 40 of 0-9 and a-f; a letter O is often a zero misread); copy the address "
            "again from the source",
        )
    codes = _codes()
    raise _fail(raw, f"is not a wallet address of a known chain ({codes})")
