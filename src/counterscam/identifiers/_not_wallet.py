"""What victims paste for a wallet that is none: a transaction hash, a shortened address.

Read as addresses these were "no wallet address in it", "not an address on Ethereum" or "has
64 hex digits", which sends the analyst looking for a typo; the reason says what they are.
Only a value already refused is looked at, so the addresses that are read pay nothing.
"""

from __future__ import annotations

import re

from counterscam.identifiers._codecs import eip55

# A transaction's ID: 64 hex digits, with 0x on EVM chains, without on TRON and Bitcoin
# (etherscan.io/tx/0x..., tronscan.org/#/transaction/...). A TON raw address (0:<64 hex>) is
# read before any refusal, so its hex never comes here.
_TX_HASH = re.compile(r"(?<![0-9A-Za-z:])(?:0[xX])?[0-9a-fA-F]{64}(?![0-9A-Za-z])")
# An address as wallets, explorers and exchange histories show it, its middle cut out:
# 0x5aAe…BeAed, TR7NH...gjLj6t, bc1qar...5mdq, UQCD...xqEB.
SHORTENED = re.compile(
    r"(?:0[xX][0-9a-fA-F]{2,}|[13LMDT][1-9A-HJ-NP-Za-km-z]{2,}|(?i:bc1|ltc1)[0-9a-z]{2,}"
    r"|[EU]Q[\w-]{2,})(?:…|\.{2,4})[0-9A-Za-z]{3,}"
)
_EVM_WITHOUT_0X = re.compile(r"(?<![0-9A-Za-z])[0-9a-fA-F]{40}(?![0-9A-Za-z])")


def not_a_wallet(text: str) -> str | None:
    """Return what ``text``, refused as a wallet, is instead, when it is one of these forms."""
    if _TX_HASH.search(text):
        return (
            "is a transaction hash (64 hex digits), not a wallet address; enter the address "
            "that received the money (the transaction's recipient, 'To')"
        )
    if SHORTENED.search(text):
        return (
            "is an address shortened as wallets and explorers show it, its middle cut out; "
            "copy the whole address from the source"
        )
    hex40 = _EVM_WITHOUT_0X.search(text)
    if hex40 is not None and not hex40[0].islower() and eip55(hex40[0])[2:] == hex40[0]:
        # Only its EIP-55 capitals make it surely one: 40 hex digits alone may be a TRON
        # address in hex (41...) cut short, or any hash.
        return "is an EVM address without its 0x; enter it as 0x and the 40 hex digits"
    return None
