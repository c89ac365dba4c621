"""Short codes (3-6 digits, e.g. 997) and alphanumeric SMS sender names, with their country."""

from __future__ import annotations

import re

import phonenumbers

from counterscam.identifiers._placeholder import placeholder
from counterscam.identifiers._text import ascii_digits, clean
from counterscam.identifiers._types import Canonical, InvalidIdentifier, shown
from counterscam.identifiers._unwrap import whole_wrapped

_PREFIX = re.compile(r"([A-Za-z]{2})\s*:\s*(.+)")
# A star number ("*1175"), which businesses in Thailand rent from the mobile networks, keeps
# its star: 1175 is another number.
_SHORT = re.compile(r"\*?\d{3,6}", re.ASCII)
_SENDER = re.compile(r"[A-Z0-9][A-Z0-9 .&_'!+-]{0,19}")
# "SMS 8888", "Short code: 2910", Malay "kod pendek", Indonesian "kode singkat", Vietnamese
# "đầu số" (the number SMS come from), and a link to call or text it (tel:997, sms:8888):
# before digits, nothing else can be meant.
_SHORT_LABEL = re.compile(
    r"^(?:sms|tel|callto|short\s*code|sms\s+short\s*code|kod\s+pendek|kode\s+singkat|đầu\s+số|dau\s+so)"
    r"\s*[:#\-]?\s*(?=\d)",
    re.I,
)
# "Sender: MAYBANK", "SMS from BDO", Vietnamese "Brandname:" (the registered SMS sender name),
# Malay and Indonesian "Pengirim:", "Người gửi:", Thai "ชื่อผู้ส่ง:". A sender name may have
# spaces, so a word without a colon ("SENDER MAYBANK") could be the name: only "SMS from".
_SENDER_LABEL = re.compile(
    r"^(?:(?:(?:sms\s+)?(?:sender(?:\s*(?:id|name))?|from)|brand\s*name|pengirim"
    r"|người\s+gửi|nguoi\s+gui|ชื่อผู้ส่ง|ผู้ส่ง)\s*[:：]\s*|sms\s+from\s+)",
    re.I,
)


def check_country(kind: str, raw: str, country: str | None) -> str | None:
    """Return ``country`` upper-cased, or raise when it is not an ISO alpha-2 region."""
    if country is None:
        return None
    code = country.strip().upper()
    if code not in phonenumbers.SUPPORTED_REGIONS:
        raise InvalidIdentifier(
            kind, raw, f"the country {country!r} is not known; use an ISO code like MY or TH"
        )
    return code


def split_prefix(kind: str, raw: str, text: str, country: str | None) -> tuple[str, str | None]:
    """Split a canonical ``CC:`` prefix off ``text``; the prefix wins over ``country``."""
    match = _PREFIX.fullmatch(text)
    if match and match[1].upper() in phonenumbers.SUPPORTED_REGIONS:
        return match[2].strip(), match[1].upper()
    return text, check_country(kind, raw, country)


def shortcode_value(raw: str, digits: str, country: str | None) -> Canonical:
    """Return the shortcode record for ``digits`` or raise when unusable."""
    if not _SHORT.fullmatch(digits):
        raise InvalidIdentifier(
            "shortcode",
            raw,
            f"{shown(raw)} is not a short code: a short code has 3 to 6 digits, like 997; "
            "enter a longer number as a phone",
        )
    if country is None:
        raise InvalidIdentifier(
            "shortcode",
            raw,
            f"{shown(raw)} is a short code, which only means something in one country; "
            "give the country where it was used, like MY:997",
        )
    return Canonical("shortcode", f"{country}:{digits}", country)


def canonicalize_shortcode(raw: str, country: str | None) -> Canonical:
    """Canonicalise a short code as ``CC:digits``."""
    text = ascii_digits(clean("shortcode", raw))
    body, code = split_prefix("shortcode", raw, _SHORT_LABEL.sub("", text), country)
    return shortcode_value(raw, re.sub(r"[\s\-.]", "", body), code)


def sender_value(raw: str, name: str, country: str | None) -> Canonical:
    """Return the sender_id record for ``name`` or raise when unusable."""
    text = re.sub(r"\s+", " ", name).strip().upper()
    if re.fullmatch(r"[0-9]+", text.replace(" ", "")):
        return shortcode_value(raw, text.replace(" ", ""), country)
    if placeholder(text):
        raise InvalidIdentifier(
            "sender_id",
            raw,
            f"{shown(raw)} says the number is unknown or was hidden; it is no number or sender "
            "name, and kept as one it would link every report with a hidden caller; leave the "
            "field empty and say so in the narrative",
        )
    if not _SENDER.fullmatch(text) or not any(ch.isalpha() for ch in text):
        raise InvalidIdentifier(
            "sender_id",
            raw,
            f"{shown(raw)} is neither a phone number nor an SMS sender name; a sender name has "
            "up to 20 letters and digits, like MAYBANK or GCash",
        )
    if country is None:
        raise InvalidIdentifier(
            "sender_id",
            raw,
            f"{shown(raw)} is an SMS sender name, which only means something in one country; "
            "give the country where the SMS was received, like MY:MAYBANK",
        )
    return Canonical("sender_id", f"{country}:{text}", country)


def without_sender_label(text: str) -> str:
    """Return ``text`` without a sender label and the quotes after it (SMS from "BDO",
    From: 'GCash')."""
    labelled = _SENDER_LABEL.sub("", text)
    if labelled == text:
        return text
    labelled = whole_wrapped(labelled)
    if len(labelled) > 2 and labelled[0] == labelled[-1] == "'":
        labelled = labelled[1:-1].strip()
    return labelled


def canonicalize_sender(raw: str, country: str | None) -> Canonical:
    """Canonicalise an alphanumeric SMS sender name as ``CC:NAME``."""
    labelled = without_sender_label(clean("sender_id", raw))
    body, code = split_prefix("sender_id", raw, _SHORT_LABEL.sub("", labelled), country)
    return sender_value(raw, body, code)
