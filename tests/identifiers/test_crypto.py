"""Crypto wallet addresses: public test vectors, and one-character corruptions."""

import hashlib

import base58
import bech32
import pytest

from counterscam.identifiers import InvalidIdentifier, canonicalize


def b58check(version: int, payload: bytes) -> str:
    body = bytes([version]) + payload
    return str(
        base58.b58encode(body + hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4]).decode()
    )


LTC = b58check(0x30, bytes(range(20)))
DOGE = b58check(0x1E, bytes(range(20, 40)))
LTC_BECH32 = str(bech32.encode("ltc", 0, list(range(20))))

VALID = [
    ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", None, "btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa"),
    (
        "bitcoin:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa?amount=0.5",
        None,
        "btc:1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
    ),
    ("3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy", None, "btc:3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy"),
    # BIP-173 (bech32, witness v0)
    (
        "BC1QW508D6QEJXTDG4Y5R3ZARVARY0C5XW7KV8F3T4",
        None,
        "btc:bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
    ),
    (
        "bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
        "BTC",
        "btc:bc1qrp33g0q5c5txsp9arysrx4k6zdkfs4nce4xj0gdcccefvpysxf3qccfmv3",
    ),
    # BIP-350 (bech32m, witness v1+)
    (
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        None,
        "btc:bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
    ),
    ("BC1SW50QGDZ25J", None, "btc:bc1sw50qgdz25j"),
    ("bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs", None, "btc:bc1zw508d6qejxtdg4y5r3zarvaryvaxxpcs"),
    # EIP-55 test vectors
    (
        "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
        None,
        "eth:0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed",
    ),
    (
        "0xfb6916095ca1df60bb79ce92ce3ea74c37c5d359",
        None,
        "eth:0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
    ),
    (
        "0XDBF03B407C01E7CD3CBEA99509D93F8DDDC8C6FB",
        None,
        "eth:0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB",
    ),
    (
        "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
        "BEP20",
        "bsc:0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb",
    ),
    (
        "USDT ERC20 0xdAC17F958D2ee523a2206206994597C13D831ec7",
        None,
        "eth:0xdAC17F958D2ee523a2206206994597C13D831ec7",
    ),
    (
        "polygon:0xdac17f958d2ee523a2206206994597c13d831ec7",
        None,
        "polygon:0xdAC17F958D2ee523a2206206994597C13D831ec7",
    ),
    # TRON: the USDT TRC-20 contract
    ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", None, "tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
    (
        "USDT-TRC20: TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        None,
        "tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
    ),
    ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "TRC-20", "tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"),
    # Litecoin, Dogecoin (built from known payloads), Solana programs
    (LTC, None, f"ltc:{LTC}"),
    (LTC_BECH32.upper(), None, f"ltc:{LTC_BECH32}"),
    (DOGE, "dogecoin", f"doge:{DOGE}"),
    (
        "So11111111111111111111111111111111111111112",
        None,
        "sol:So11111111111111111111111111111111111111112",
    ),
    (
        "TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA",
        "solana",
        "sol:TokenkegQfeZyiNwAJbNbGKPFXCWuBvf9Ss623VQ5DA",
    ),
]


@pytest.mark.parametrize(("raw", "qualifier", "expected"), VALID)
def test_valid_addresses(raw: str, qualifier: str | None, expected: str) -> None:
    result = canonicalize("crypto_wallet", raw, qualifier=qualifier)
    assert result.value == expected
    assert canonicalize(result.kind, result.value) == result


def _corrupt(address: str, index: int) -> str:
    alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
    if address.lower().startswith(("bc1", "ltc1")):
        alphabet = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
    old = address[index]
    new = next(ch for ch in alphabet if ch != old.lower() and ch != old)
    return address[:index] + new + address[index + 1 :]


@pytest.mark.parametrize(
    "address",
    [
        "1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa",
        "3J98t1WpEZ73CNmQviecrnyiWrnqRhWNLy",
        "bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4",
        "bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqzk5jj0",
        "TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t",
        LTC,
        DOGE,
    ],
)
@pytest.mark.parametrize("index", [5, 12, 20, -3])
def test_one_changed_character_is_rejected(address: str, index: int) -> None:
    with pytest.raises(InvalidIdentifier):
        canonicalize("crypto_wallet", _corrupt(address, index))


@pytest.mark.parametrize(
    ("raw", "qualifier", "fragment"),
    [
        ("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAeD", None, "EIP-55"),
        ("0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "bsc", "EIP-55"),
        # BIP-350 invalid vectors: wrong checksum variant for the witness version
        ("bc1p0xlxvlhemja6c4dqv22uapctqupfhlxm9h8z3k2e72q4k9hcz7vqh2y7hd", None, ""),
        ("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kemeawh", None, ""),
        ("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx", None, "not a wallet address"),
        ("TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", "ERC20", "TRON address, not an address on Ethereum"),
        ("0xdAC17F958D2ee523a2206206994597C13D831ec7", "TRC20", "EVM (0x) address"),
        ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", "no-such-chain", "unknown chain"),
        ("TRC20 ERC20 TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t", None, "more than one chain"),
        ("send USDT", None, "no wallet address"),
        ("0x1234", None, "no wallet address"),
    ],
)
def test_invalid_addresses(raw: str, qualifier: str | None, fragment: str) -> None:
    with pytest.raises(InvalidIdentifier) as info:
        canonicalize("crypto_wallet", raw, qualifier=qualifier)
    assert fragment in info.value.reason


@pytest.mark.parametrize(
    "raw",
    [
        "41a614f803b6fd780986a42c78ec9c7f77e6ded13c",
        "TRC20 41A614F803B6FD780986A42C78EC9C7F77E6DED13C",
    ],
)
def test_a_tron_address_in_hex_is_its_base58_form(raw: str) -> None:
    # TRON's API and some explorers write the hex form; it was refused as a lower-cased
    # base58 address ("copy it again with its capitals"), which it never was.
    assert canonicalize("crypto_wallet", raw).value == "tron:TR7NHqjeKQxGTCi8q8ZY4pL8otSzgjLj6t"


def test_a_lower_cased_base58_address_is_told_so_and_hex_is_not() -> None:
    with pytest.raises(InvalidIdentifier, match="is all in small letters"):
        canonicalize("crypto_wallet", "tr7nhqjekqxgtci8q8zy4pl8otszgjlj6t")
    # Hex with a 0 was never base58: no advice about capitals.
    with pytest.raises(InvalidIdentifier, match="not a wallet address of a known chain"):
        canonicalize("crypto_wallet", "41a614f803b6fd780986a42c78ec9c7f77e6ded1")
