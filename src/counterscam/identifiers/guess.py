"""Guess the kind of a free-text identifier (the check page's "any" kind)."""

from __future__ import annotations

import re

from counterscam.identifiers._text import ascii_digits, refang
from counterscam.identifiers._types import InvalidIdentifier
from counterscam.identifiers.dispatch import canonicalize

_CANONICAL_PREFIX = re.compile(r"([A-Za-z0-9_]{1,20}):\S")
_SCHEME = re.compile(r"(?:h[xX*t]{2}ps?|https?|ftp)\s*(?:\[?:\]?|\(:\))\s*//", re.I)
_EMAIL = re.compile(r"[^\s@]+@[^\s@]+\.[^\s@]+")
_EVM = re.compile(r"0[xX][0-9a-fA-F]{40}")
_B58 = re.compile(r"[13LMDT9A][1-9A-HJ-NP-Za-km-z]{24,43}|(?:bc1|ltc1)[02-9ac-hj-np-z]{6,87}", re.I)
_SOLANA = re.compile(r"[1-9A-HJ-NP-Za-km-z]{32,44}")
_DIGITS = re.compile(r"\+?[\d\s\-.()/]{3,30}", re.ASCII)
# Any letters end a host: Thai, Chinese and other internationalised endings (.ไทย) too.
_HOST = re.compile(r"(?:[\w-]+\.)+[^\W\d_]{2,63}\.?")
_AT_WORD = re.compile(r"(?:^|\s)@\w")
_SENDER = re.compile(r"[A-Z][A-Z0-9&.-]{2,10}")
_ORDER = ("bank_account", "ewallet", "crypto_wallet", "handle", "shortcode", "sender_id")


def _works(kind: str, text: str, country: str | None, *, as_itself: bool = False) -> bool:
    """Tell whether ``text`` reads as ``kind``; ``as_itself``: and stays that kind (a phone
    value that is read as a sender name, "ref 12345 abc", does not count as a phone)."""
    try:
        found = canonicalize(kind, text, country=country)
    except InvalidIdentifier:
        return False
    return found.kind == kind or not as_itself


def guess_kind(raw: str, *, country: str | None = None) -> str | None:
    """Return the most likely kind of ``raw``, or None when nothing fits."""
    if not isinstance(raw, str) or not raw.strip() or len(raw) > 4096:
        return None
    text = ascii_digits(raw.strip())
    if _CANONICAL_PREFIX.match(text) and not _SCHEME.match(text):
        for kind in _ORDER:
            if _works(kind, text, country):
                return kind
    fanged = refang(text, at_sign=True)
    if _EMAIL.fullmatch(fanged) and "/" not in fanged:
        return "email"
    if ("/" in fanged or _AT_WORD.search(text)) and _works("handle", fanged, country):
        return "handle"  # a profile link, or "TG @name"
    if _SCHEME.match(text) or re.match(r"(?:www\.|[\w-]+\.[a-z]{2,}/)", fanged, re.I):
        return "url"
    if text.startswith("@"):
        return "handle"
    if _EVM.fullmatch(text) or (_B58.fullmatch(text) and _works("crypto_wallet", text, None)):
        return "crypto_wallet"
    if (_SOLANA.fullmatch(text) or (" " in text and (_EVM.search(text) or _B58.search(text)))) and (
        _works("crypto_wallet", text, None)
    ):
        return "crypto_wallet"  # a Solana address, or "USDT TRC20 T..." with its chain
    if _works("ip", text, None) and re.fullmatch(r"[0-9.\[\]():a-fA-F]+", fanged):
        return "ip"
    if _DIGITS.fullmatch(text):
        digits = re.sub(r"\D", "", text)
        if len(digits) <= 6 and not text.startswith("+"):
            return "shortcode"
        return "phone" if _works("phone", text, country) else None
    if len(re.sub(r"\D", "", text)) >= 5:
        for kind in ("bank_account", "ewallet", "phone"):
            if _works(kind, text, country, as_itself=kind == "phone"):
                return kind  # a phone here is one among words: "Tel: ...", "Malaysia ..."
    if _HOST.fullmatch(fanged) and _works("domain", fanged, None):
        return "domain"
    if _SENDER.fullmatch(text):
        return "sender_id"
    return None
