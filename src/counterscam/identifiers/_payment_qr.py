"""A payment QR code's payload pasted for the account it pays (EMVCo merchant-presented mode).

Reports copy what a QR reader shows of the code a scammer sent: PromptPay's, VietQR's,
PayNow's and KHQR's codes name one account, which is read as that account. Schemes whose code
names a merchant at its acquirer (DuitNow, QR Ph, QRIS, LAO QR) carry no account anyone else
can match, so the payload is refused naming the scheme and the payee it shows.
"""

from __future__ import annotations

import re

from counterscam.identifiers._text import clean
from counterscam.identifiers._types import Canonical, InvalidIdentifier, shown

# Every EMVCo payload opens with its format indicator, "00" "02" "01": the cheap test that
# keeps this module off the common path.
START = "000201"
_TLV_ID = re.compile(r"\d{4}", re.ASCII)
_PROXY_TYPES = {"0": "mobile number", "2": "UEN"}
# Globally unique identifiers of the merchant-account templates (IDs 26-51), by scheme.
_PROMPTPAY = "A000000677010111"
_PROMPTPAY_BILL = "A000000677010112"
_NAPAS = "A000000727"
_PAYNOW = "SG.PAYNOW"
_ACQUIRER_SCHEMES = (
    ("A000000615", "DuitNow QR code"),
    ("com.p2pqrpay", "QR Ph code"),
    ("ph.ppmi", "QR Ph code"),
    ("ID.CO.", "QRIS code"),
    ("A005266284662577", "LAO QR code"),
)
_HOW = "enter the account or e-wallet the money went to, as the transfer slip shows it"


def is_payload(text: str) -> bool:
    """Tell whether ``text`` is written as a QR payload: its opening field, and letters (every
    payload names its country, "5802TH"), so that an account number starting 000201 is none."""
    return text.startswith(START) and len(text) > 24 and not text.isdigit()


def _fail(kind: str, raw: str, why: str) -> InvalidIdentifier:
    return InvalidIdentifier(kind, raw, f"{shown(raw)} {why}")


def _fields(text: str) -> dict[str, str] | None:
    """Return the ID-to-value fields of one TLV level, None when the lengths do not add up."""
    fields: dict[str, str] = {}
    at = 0
    while at < len(text):
        head = _TLV_ID.match(text, at)
        if head is None:
            return None
        size = int(text[at + 2 : at + 4])
        value = text[at + 4 : at + 4 + size]
        if len(value) != size:
            return None
        fields.setdefault(text[at : at + 2], value)
        at += 4 + size
    return fields


def _crc(data: str) -> str:
    """CRC-16/CCITT-FALSE of ``data``, as EMVCo's field 63 writes it (4 hex digits)."""
    crc = 0xFFFF
    for byte in data.encode("utf-8"):
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def _payee(fields: dict[str, str]) -> str:
    name = fields.get("59", "").strip()
    return f" for {name!r}" if name else ""


def _promptpay(kind: str, raw: str, sub: dict[str, str]) -> tuple[str, str]:
    if mobile := sub.get("01"):
        # PromptPay writes the mobile as 13 digits: 00, the country code, the number.
        return "ewallet", f"PromptPay +{mobile.lstrip('0')}"
    ident = sub.get("02") or sub.get("03")
    if ident:
        return "ewallet", f"PromptPay {ident}"
    raise _fail(kind, raw, f"is a PromptPay QR code's payload without a PromptPay ID; {_HOW}")


def _vietqr(kind: str, raw: str, sub: dict[str, str], payee: str) -> tuple[str, str]:
    beneficiary = _fields(sub.get("01", "")) or {}
    bin_, number = beneficiary.get("00", ""), beneficiary.get("01", "")
    if not bin_ or not number:
        raise _fail(kind, raw, f"is a VietQR code's payload{payee} without a bank and account")
    if sub.get("02") == "QRIBFTTC":
        raise _fail(
            kind,
            raw,
            f"is a VietQR code's payload{payee} paying card number {number}, not an account; "
            "a card number is not matched with accounts: enter the account number it belongs "
            "to, from the bank or the transfer slip",
        )
    return "bank_account", f"{bin_} {number}"


def _paynow(kind: str, raw: str, sub: dict[str, str], payee: str) -> tuple[str, str]:
    proxy = sub.get("02", "")
    if sub.get("01") not in _PROXY_TYPES or not proxy:
        raise _fail(kind, raw, f"is a PayNow QR code's payload{payee} without a mobile or UEN")
    return "ewallet", f"PayNow {proxy}"


def _account_text(kind: str, raw: str, fields: dict[str, str]) -> tuple[str, str]:
    """Return the kind and the written account a payload's merchant templates name."""
    payee = _payee(fields)
    for tag in (f"{n:02d}" for n in range(26, 52)):
        sub = _fields(fields.get(tag, "")) or {}
        guid = sub.get("00", "")
        if guid == _PROMPTPAY:
            return _promptpay(kind, raw, sub)
        if guid == _NAPAS:
            return _vietqr(kind, raw, sub, payee)
        if guid.upper() == _PAYNOW:
            return _paynow(kind, raw, sub, payee)
        if "@" in guid and tag in ("29", "30"):  # KHQR: the Bakong account ID, name@bank
            return "ewallet", f"Bakong {guid}"
        if guid == _PROMPTPAY_BILL:
            raise _fail(
                kind,
                raw,
                f"is a Thai QR bill payment's payload{payee}, to biller ID {sub.get('01', '?')} "
                f"(a business's tax ID), not a PromptPay account; {_HOW}",
            )
        scheme = next((name for start, name in _ACQUIRER_SCHEMES if guid.startswith(start)), None)
        if scheme is not None:
            raise _fail(
                kind,
                raw,
                f"is a {scheme}'s payload{payee}; it names the payee by its bank's or provider's "
                f"own reference, not an account number other reports can match; {_HOW} (keep "
                "the payload in the report's narrative)",
            )
    raise _fail(
        kind,
        raw,
        f"is a payment QR code's payload{payee} of a scheme not read here; {_HOW} (keep the "
        "payload in the report's narrative)",
    )


def payment_qr(kind: str, raw: str, country: str | None) -> Canonical | None:
    """Return the account a pasted QR payload pays, None when ``raw`` is no such payload.

    The account is read as written in words (``PromptPay +66...``, ``970436 001...``), so it is
    checked as that account is: a VietQR code given as an e-wallet is the bank account it pays.
    """
    # The payload as pasted when it is one: NFKC would change a name in Thai inside it (SARA
    # AM), and then its lengths and checksum.
    text = raw.strip()
    if not is_payload(text):
        text = clean(kind, raw)
        if not is_payload(text):
            return None
    fields = _fields(text)
    if fields is None or "63" not in fields:
        raise _fail(
            kind,
            raw,
            "looks like a payment QR code's payload but is cut short or changed (its fields "
            "do not add up); paste the whole text the QR reader shows",
        )
    body = text[: len(text) - 4]
    if not text.endswith(fields["63"]) or _crc(body) != fields["63"].upper():
        raise _fail(
            kind,
            raw,
            "is a payment QR code's payload whose checksum (the last 4 characters) does not "
            "match: it was changed or cut in copying; paste the whole text the QR reader shows",
        )
    account_kind, written = _account_text(kind, raw, fields)
    # Imported here: both canonicalisers import this module.
    from counterscam.identifiers.bank_account import canonicalize_bank_account
    from counterscam.identifiers.ewallet import canonicalize_ewallet

    try:
        if account_kind == "bank_account":
            return canonicalize_bank_account(written, country, None)
        return canonicalize_ewallet(written, country, None)
    except InvalidIdentifier as exc:
        why = exc.reason.removeprefix(shown(written)).strip()
        raise _fail(
            kind, raw, f"is a payment QR code's payload paying {written!r}, which {why}"
        ) from exc
