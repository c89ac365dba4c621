"""TON (The Open Network) addresses: the user-friendly base64 form and the raw form.

A user-friendly address is 36 bytes in base64 (url-safe or standard, 48 characters): a flag
byte (0x11 bounceable, 0x51 non-bounceable, +0x80 test-only), the workchain (0x00 basechain,
0xff masterchain), the 32-byte account hash and a CRC16-XMODEM of the first 34 bytes. The raw
form is ``<workchain>:<64 hex>``. Every spelling names the account (workchain and hash) alone.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass

_BOUNCEABLE, _NON_BOUNCEABLE, _TEST_ONLY = 0x11, 0x51, 0x80
_WORKCHAINS = {0x00: 0, 0xFF: -1}
# The first three characters follow from the flag and workchain bytes: E/U (k/0 test-only),
# then Q and A-D for the basechain, f and 8, 9, +, / (-, _ url-safe) for the masterchain.
# Only such strings are taken for TON, so no other 48-character token is.
FRIENDLY = re.compile(r"[EUk0](?:Q[A-D]|f[89+/_-])[A-Za-z0-9+/_-]{45}")
# A base64 address has "/" in it, so a URL's path separator cannot end it; a letter can.
_FRIENDLY_IN_TEXT = re.compile(rf"(?<![A-Za-z0-9+_-])({FRIENDLY.pattern})(?![A-Za-z0-9+_=-])")
RAW = re.compile(r"(?<![\w-])(0|-1):([0-9a-fA-F]{64})(?![0-9A-Za-z])")


@dataclass(frozen=True)
class TonAddress:
    """One TON account as written: its workchain, hash and the flags of the spelling."""

    workchain: int
    account: bytes
    test_only: bool = False

    @property
    def canonical(self) -> str:
        """Return the non-bounceable url-safe mainnet form (UQ...), as wallets show it."""
        flag = _NON_BOUNCEABLE
        body = bytes([flag, self.workchain & 0xFF]) + self.account
        crc = binascii.crc_hqx(body, 0).to_bytes(2, "big")
        return base64.urlsafe_b64encode(body + crc).decode("ascii")


class TonChecksumError(ValueError):
    """A user-friendly TON address whose CRC16 does not match: a mistyped character."""


def decode_friendly(text: str) -> TonAddress:
    """Return the account of a user-friendly address ``text`` (FRIENDLY-shaped).

    Raises TonChecksumError when its CRC16 fails, ValueError when it is no TON address.
    """
    if not FRIENDLY.fullmatch(text) or (set("+/") & set(text) and set("-_") & set(text)):
        raise ValueError("not a TON address")  # both base64 alphabets: no encoder writes it
    data = base64.b64decode(text.replace("-", "+").replace("_", "/"), validate=True)
    body, crc = data[:34], data[34:]
    if binascii.crc_hqx(body, 0).to_bytes(2, "big") != crc:
        raise TonChecksumError(text)
    flag, workchain = body[0], body[1]
    if flag & ~_TEST_ONLY not in (_BOUNCEABLE, _NON_BOUNCEABLE) or workchain not in _WORKCHAINS:
        raise ValueError("not a TON address")
    return TonAddress(_WORKCHAINS[workchain], body[2:], test_only=bool(flag & _TEST_ONLY))


def decode_raw(text: str) -> TonAddress | None:
    """Return the account of a raw address ``0:<64 hex>`` / ``-1:<64 hex>``, else None."""
    match = RAW.fullmatch(text)
    if match is None:
        return None
    return TonAddress(int(match[1]), bytes.fromhex(match[2]))


def find_addresses(text: str) -> list[tuple[int, int]]:
    """Return the spans of the TON-shaped addresses in ``text``, user-friendly or raw."""
    spans = [m.span(1) for m in _FRIENDLY_IN_TEXT.finditer(text)]
    spans += [m.span() for m in RAW.finditer(text)]
    return sorted(spans)
