"""Address encodings: base58check, bech32/bech32m segwit (BIP-173/350), EIP-55."""

from __future__ import annotations

import hashlib

import base58
from bech32 import CHARSET, bech32_hrp_expand, bech32_polymod
from Crypto.Hash import keccak

BECH32_CONST = 1
BECH32M_CONST = 0x2BC830A3  # BIP-350; the bech32 package predates bech32m.
B58_ALPHABET = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
_B58_CHARS = frozenset(B58_ALPHABET)


def b58decode(text: str) -> bytes | None:
    """Return the base58 payload of ``text``, None when it has non-base58 characters."""
    if not text or not _B58_CHARS.issuperset(text):
        return None
    return bytes(base58.b58decode(text))


def base58check(text: str) -> tuple[int, bytes] | None:
    """Return (version byte, payload) of a valid base58check string with a 20-byte hash."""
    raw = b58decode(text)
    if raw is None or len(raw) != 25:
        return None
    body, checksum = raw[:-4], raw[-4:]
    if hashlib.sha256(hashlib.sha256(body).digest()).digest()[:4] != checksum:
        return None
    return body[0], body[1:]


def tron_from_hex(text: str) -> str | None:
    """Return the base58 form (T...) of a TRON address written in hex (41 and 20 bytes), as
    TRON's own API and some explorers show it; None when ``text`` is no such address."""
    if len(text) != 42 or not text.startswith("41"):
        return None
    try:
        body = bytes.fromhex(text)
    except ValueError:
        return None
    return str(base58.b58encode_check(body).decode("ascii"))


def _convertbits(data: list[int], frombits: int, tobits: int) -> list[int] | None:
    acc, bits, out, maxv = 0, 0, [], (1 << tobits) - 1
    for value in data:
        acc = (acc << frombits) | value
        bits += frombits
        while bits >= tobits:
            bits -= tobits
            out.append((acc >> bits) & maxv)
    if bits >= frombits or ((acc << (tobits - bits)) & maxv):
        return None
    return out


def segwit_decode(hrp: str, address: str) -> tuple[int, bytes] | None:
    """Return (witness version, program) of a valid segwit address for ``hrp``."""
    if address.lower() != address and address.upper() != address:
        return None
    text = address.lower()
    pos = text.rfind("1")
    if text[:pos] != hrp or pos + 7 > len(text) or len(text) > 90:
        return None
    if any(ch not in CHARSET for ch in text[pos + 1 :]):
        return None
    data = [CHARSET.find(ch) for ch in text[pos + 1 :]]
    const = bech32_polymod(bech32_hrp_expand(hrp) + data)
    if not data or const not in (BECH32_CONST, BECH32M_CONST):
        return None
    version, program = data[0], _convertbits(data[1:-6], 5, 8)
    if program is None or version > 16 or not 2 <= len(program) <= 40:
        return None
    if version == 0 and (len(program) not in (20, 32) or const != BECH32_CONST):
        return None
    if version != 0 and const != BECH32M_CONST:
        return None
    return version, bytes(program)


def eip55(hex40: str) -> str:
    """Return the EIP-55 checksummed form of a 40-hex-digit address (without 0x)."""
    lower = hex40.lower()
    digest = keccak.new(digest_bits=256, data=lower.encode("ascii")).hexdigest()
    return "0x" + "".join(
        ch.upper() if ch.isalpha() and int(digest[i], 16) >= 8 else ch for i, ch in enumerate(lower)
    )
