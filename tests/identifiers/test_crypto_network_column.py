"""A "Network" column copied from an exchange names the chain with its token standard."""

import pytest

from counterscam.identifiers import InvalidIdentifier, canonicalize

TRON = "TUPnRTAH2ZgGZfWJAs7nr22Toy75yxWVEF"
EVM = "0x52908400098527886E0F7030069857D2E4169EE7"


@pytest.mark.parametrize(
    ("address", "network", "expected"),
    [
        (TRON, "TRON (TRC20)", f"tron:{TRON}"),
        (EVM, "BNB Smart Chain (BEP20)", f"bsc:{EVM}"),
        (EVM, "Ethereum (ERC20)", f"eth:{EVM}"),
        (EVM, "Arbitrum One (ERC20)", f"arbitrum:{EVM}"),
    ],
)
def test_exchange_network_label_names_the_chain(address: str, network: str, expected: str) -> None:
    assert canonicalize("crypto_wallet", address, qualifier=network).value == expected


def test_network_label_of_another_chain_is_still_refused() -> None:
    with pytest.raises(InvalidIdentifier, match="not an address on BNB Smart Chain"):
        canonicalize("crypto_wallet", TRON, qualifier="BNB Smart Chain (BEP20)")
    with pytest.raises(InvalidIdentifier, match="unknown chain 'Binance'"):
        canonicalize("crypto_wallet", TRON, qualifier="Binance")
