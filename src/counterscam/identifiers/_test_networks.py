"""Test networks named beside an address: an explorer's test-network page, or the network's name.

An EVM or TRON address is written the same on a test network as on the main one, so
``sepolia.etherscan.io/address/0x...`` or ``Nile T...`` was read as the main-network wallet: a
report of a scammer's fake "deposit" shown on a test network (test coins have no value) then
linked to whoever holds that address on the main network.
"""

from __future__ import annotations

import re

# Ethereum's (Sepolia, Holesky, Hoodi and the retired Goerli, Ropsten, Rinkeby, Kovan),
# TRON's (Nile, Shasta), Polygon's (Amoy, Mumbai), Avalanche's (Fuji), Bitcoin's (signet,
# regtest) and Solana's (devnet) test networks, and the word testnet itself; as a host's label
# (testnet.bscscan.com), a path's segment (mempool.space/testnet4/...) or a word. Solscan and
# Solana's explorer name the network in the query (?cluster=devnet).
_TEST_NETWORK = re.compile(
    r"(?<![A-Za-z0-9])(sepolia|holesky|hoodi|goerli|görli|ropsten|rinkeby|kovan|nile|shasta"
    r"|amoy|mumbai|fuji|signet|regtest|devnet|testnet\d?)(?![A-Za-z0-9])"
    r"|[?&]cluster=(devnet|testnet)",
    re.I,
)


def names_test_network(text: str) -> str | None:
    """Return why ``text`` is refused when it names a test network, else None."""
    if text.isalnum():
        return None  # an address alone: told without a search
    found = _TEST_NETWORK.search(text)
    if found is None:
        return None
    name = (found[1] or found[2]).capitalize()
    where = "a test network" if name.startswith("Testnet") else f"{name}, a test network"
    return (
        f"is on {where}, not a main network: test coins have no value (scammers "
        "show fake deposits there), and the same address on the main network may be anyone's; "
        "enter the address on the main network that received the money"
    )
