"""Crypto wallet addresses with valid checksums: TRON, Ethereum (EIP-55) and Bitcoin."""

from __future__ import annotations

import hashlib
import random

import base58
from Crypto.Hash import keccak


def _base58check(version: int, payload: bytes) -> str:
    body = bytes([version]) + payload
    checksum = hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4]
    return str(base58.b58encode(body + checksum).decode("ascii"))


def tron(rng: random.Random) -> str:
    """Return a TRON address (version byte 0x41, base58check) from a random payload."""
    return _base58check(0x41, rng.randbytes(20))


def bitcoin(rng: random.Random) -> str:
    """Return a Bitcoin pay-to-pubkey-hash address (version 0, base58check)."""
    return _base58check(0x00, rng.randbytes(20))


def eip55(hex_address: str) -> str:
    """Return the EIP-55 checksummed spelling of a 40-hex-digit address."""
    lower = hex_address.lower()
    digest = keccak.new(digest_bits=256, data=lower.encode("ascii")).hexdigest()
    return "0x" + "".join(
        ch.upper() if ch.isalpha() and int(digest[i], 16) >= 8 else ch for i, ch in enumerate(lower)
    )


def ethereum(rng: random.Random) -> str:
    """Return an EIP-55 checksummed Ethereum address from a random payload."""
    return eip55(rng.randbytes(20).hex())
