"""E-wallet accounts as ``provider:account``; phone-based wallets keep E.164."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence

import phonenumbers

from counterscam.identifiers._accounts import (
    ACCOUNT_WORDS,
    token_splits,
    without_holder_first,
    without_lead,
)
from counterscam.identifiers._payment_qr import is_payload as qr_payload
from counterscam.identifiers._payment_qr import payment_qr
from counterscam.identifiers._phone_letters import refuse_letters
from counterscam.identifiers._phone_lookalike import looks_like_date, money_in, several_numbers
from counterscam.identifiers._phone_words import country_named, is_country_name
from counterscam.identifiers._placeholder import placeholder
from counterscam.identifiers._spreadsheet import spreadsheet_digits
from counterscam.identifiers._text import ascii_digits, clean, fold_dashes, list_numbering
from counterscam.identifiers._types import Canonical, InvalidIdentifier, shown
from counterscam.identifiers._wallet_account import labelled_wallet_id
from counterscam.identifiers.phone import NUMERIC, e164, refuse_masked, side_by_side
from counterscam.identifiers.shortcode import check_country
from counterscam.reference import (
    EwalletProvider,
    ewallet,
    ewallet_providers,
    find_banks,
    find_ewallets,
    find_platform,
    member_codes,
)

_CANONICAL = re.compile(r"([a-z0-9_]+)\s*:\s*(.+)")
_PHONEISH = re.compile(r"\+?[\d\s\-.()]{7,25}", re.ASCII)
_ID = re.compile(r"[A-Z0-9]{3,40}")
# An EVM address and its chain's ID, an EIP-681 payment link's body (0x...@56).
_EVM_AT = re.compile(r"0[xX][0-9a-fA-F]{40}@\d{1,10}")
# A Bakong account ID: a name, "@", and the code of the bank or wallet that holds the account
# (dara_sok@aclb, 012345678@wing). The code has no dot, which tells it from an e-mail address.
_NAME_AT_BANK = re.compile(r"([a-z0-9][a-z0-9._-]{0,63})@([a-z0-9]{2,12})", re.I | re.ASCII)
# "Wallet" in the region's languages, written before the wallet's name ("Dompet DANA", "Ví
# ZaloPay", "กระเป๋าเงิน TrueMoney", and the Thai loanword "วอลเล็ท"): a word saying what the
# account is, not part of its name.
_WALLET_WORDS = frozenset("dompet ví กระเป๋า กระเป๋าเงิน วอลเล็ท วอลเลท วอลเล็ต ກະເປົາເງິນ កាបូប".split())
# Words naming the kind of ID a proxy or wallet account is (PayNow "UEN", DuitNow "MyKad",
# "SSM", "BRN" or "Business Reg." for a business registration, "Passport", PromptPay
# "เลขบัตรประชาชน" or "Tax ID", "เลขประจำตัวผู้เสียภาษี" (taxpayer number), a "เบอร์" number),
# or leading to it ("PayNow to", "ke"), never part of the account.
_ID_WORDS = (
    ACCOUNT_WORDS
    | frozenset(
        "uen nric fin ic mykad nik id citizen national no number to ke เบอร์ เบอร์โทร โทร "
        "เลขบัตรประชาชน บัตรประชาชน sđt số điện thoại ssm brn roc passport tax tin "
        "เลขผู้เสียภาษี ผู้เสียภาษี business company biz reg registration".split()
    )
    # Values are NFKC-normalised before they are read, which splits Thai SARA AM (in "ประจำ"):
    # words holding it are matched in that form.
    | frozenset(unicodedata.normalize("NFKC", w) for w in "เลขประจำตัวผู้เสียภาษี เลขประจำตัว".split())
    | _WALLET_WORDS
)
# Thai, Lao, Khmer and Burmese put no space between words: "ทรูมันนี่0812345678" is the
# wallet's name and its number.
_GLUED = re.compile(r"(?<=[^\x00-\x7f])(?=[+\d])|(?<=\d)(?=[^\x00-\x7f\s])")


# A 13-digit PromptPay ID is a Thai citizen ID or a tax ID, both ending in a check digit: a
# mistyped ID would be kept as another person's and meet nothing.
_THAI_ID = re.compile(r"\d{13}", re.ASCII)


# A number's leading zeros as screenshot OCR reads them ("GCash O917 123 4567"): the phone
# kind reads them as the zeros they stand for, and so does a wallet's number.
_LEADING_OS = re.compile(r"^[Oo]{1,2}(?=\d)")

_SEVERAL_ACCOUNTS = "holds more than one account number; enter each as an identifier of its own"


def _fail(raw: str, why: str) -> InvalidIdentifier:
    return InvalidIdentifier("ewallet", raw, f"{shown(raw)} {why}")


def _known(country: str | None) -> str:
    # The reporting country's wallets first: a centre in Phnom Penh is helped by Wing and
    # Bakong, not by the Philippine wallets that open the file.
    providers = sorted(ewallet_providers(), key=lambda p: country not in p.countries)
    return ", ".join(p.label for p in providers[:8])


def _unknown(raw: str, name: str, country: str | None) -> InvalidIdentifier:
    """Say that ``name`` is no known e-wallet: a bank's when it names one, else unknown."""
    if find_banks(name, country):
        return _fail(raw, f"names {name!r}, a bank, not an e-wallet; enter it as a bank account")
    return _fail(
        raw, f"names an unknown e-wallet {name!r}; use a known one, like {_known(country)}"
    )


def _one(
    raw: str, name: str, found: tuple[EwalletProvider, ...], country: str | None
) -> EwalletProvider:
    if not found:
        raise _unknown(raw, name, country)
    if len(found) > 1:
        places = ", ".join(sorted({c for p in found for c in p.countries}))
        labels = " or ".join(p.label for p in found)
        raise _fail(
            raw,
            f"names {name!r}, a wallet in several countries ({places}); name which ({labels}) "
            "or write the number with its country code",
        )
    return found[0]


def _dialled_country(account: str) -> str | None:
    """Return the country of a number written with its country code (+66..., 0066...), or None."""
    text = account.strip()
    if text.startswith("00"):
        text = "+" + text[2:]
    if not text.startswith("+"):
        return None
    try:
        number = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return None
    if number.country_code is None:
        return None
    return phonenumbers.region_code_for_country_code(number.country_code)


def _named(
    raw: str,
    name: str,
    everywhere: tuple[EwalletProvider, ...],
    account: str,
    country: str | None,
) -> EwalletProvider:
    """Return the provider ``name`` names for this account, or raise saying why not.

    One name can be wallets of several countries (TrueMoney in Thailand and in Cambodia): a
    number written with its country code says whose it is, whatever country reported it, so
    a Thai TrueMoney number reported in Cambodia or Malaysia meets Thailand's reports of it.
    """
    if len(everywhere) < 2:
        return _one(raw, name, everywhere, country)
    dialled = _dialled_country(account)
    there = [p for p in everywhere if dialled is not None and dialled in p.countries]
    if len(there) == 1:
        return there[0]
    return _one(raw, name, find_ewallets(name, country), country)


def _split(raw: str, text: str, country: str | None) -> tuple[EwalletProvider | None, str]:
    match = _CANONICAL.fullmatch(text)
    if match and ewallet(match[1]) is not None:
        return ewallet(match[1]), match[2]
    tried: set[str] = set()
    for written in _writings(text):
        if written in tried:
            continue
        tried.add(written)
        for name, rest in token_splits(written):
            everywhere = find_ewallets(name)
            if everywhere:
                words = [w for w in rest.split() if w.lower().strip(".:()") not in _ID_WORDS]
                # The wallet's other name in brackets: "Maya (PayMaya) 0917 123 4567".
                while len(words) > 1 and set(find_ewallets(words[0])) & set(everywhere):
                    words = words[1:]
                if len(words) > 1 and (other := find_ewallets(words[0])):
                    raise _fail(
                        raw,
                        f"names two e-wallets, {everywhere[0].label} and {other[0].label}; "
                        "enter the one the money went to, each account as an identifier of "
                        "its own",
                    )
                account = " ".join(words)
                return _named(raw, name, everywhere, account, country), account
    return None, text


_NAME_SLASH = re.compile(r"(?<=[^\W\d_])/(?=[^\W\d_])")


def _writings(text: str) -> Iterator[str]:
    """Yield ``text`` as written, then read more loosely, each only if the ones before fail.

    "Ví điện tử MoMo", "transfer to GCash": the words leading to the wallet are not its name,
    nor are words saying what the account is ("Wallet GCash", "No. DANA", "Số MoMo:"), and a
    script name may be written against its number ("ทรูมันนี่0812345678"). Most values name
    their wallet as written: the looser readings are not worked out for them.
    """
    # A list's numbering ("1. GCash 0917 123 4567", the accounts paid, one a line) is no part
    # of any wallet's name.
    text = text[list_numbering(text) :]
    yield text
    if "/" in text:
        # Two names of one wallet with a slash: "Maya/Paymaya 0917 123 4567".
        yield _NAME_SLASH.sub(" ", text)
    yield without_lead(text)
    spaced = _GLUED.sub(" ", text)
    yield spaced
    yield _without_id_words(spaced)


def _without_id_words(text: str) -> str:
    """Return ``text`` without the words before the wallet's name that say what it is."""
    words = without_lead(text).split()
    first = next((i for i, w in enumerate(words) if w.lower().strip(".:#") not in _ID_WORDS), 0)
    return " ".join(words[first:])


def name_at_bank(text: str) -> bool:
    """Tell whether ``text`` is written as a name@bank account ID, not naming a platform."""
    match = _NAME_AT_BANK.fullmatch(text)
    # "scammer@telegram" names where a handle is, not a bank; "0x...@56" is a wallet address
    # with its chain's ID (an EIP-681 link's body), whose "bank" is all digits.
    return match is not None and find_platform(match[2]) is None and _EVM_AT.fullmatch(text) is None


def _by_id_format(text: str) -> EwalletProvider | None:
    """Return the one provider whose IDs are written like ``text`` (name@bank), if any."""
    if not name_at_bank(text):
        return None
    found = [p for p in ewallet_providers() if p.id_format == "name@bank"]
    return found[0] if len(found) == 1 else None


def _without_holder(account: str) -> str:
    """Return the account of "0917 123 4567 (Juan Dela Cruz)": a name after it is the holder's.

    The words after the last one with a digit are the holder's name when they have letters
    and no digits, and what comes before them is one ID or a phone number.
    """
    words = account.split()
    last = max((i for i, w in enumerate(words) if any(ch.isdigit() for ch in w)), default=-1)
    tail = " ".join(words[last + 1 :])
    if last < 0 or not any(ch.isalpha() for ch in tail):
        return account
    head = " ".join(words[: last + 1]).rstrip(" ,;:-([")
    if last == 0 or _PHONEISH.fullmatch(head):
        return head
    return account


def _without_holder_before(account: str, region: str | None) -> str:
    """Return the account of "Sok Dara 012 345 678": a name before it is the holder's.

    Joined to the number, the name made the ID SOKDARA012345678 of a Wing account, or a GCash
    number was refused for its letters. Words that say something else stay, for the reader
    after: a bank the proxy sent to ("DuitNow Maybank ..."), a reference ("Ref No. ..."), a
    country ("ShopeePay my ...").
    """
    words = account.split()
    first = next((i for i, w in enumerate(words) if any(ch.isdigit() for ch in w)), 0)
    if not first:
        return account
    lead = " ".join(words[:first])
    body = _without_holder(" ".join(words[first:]).lstrip(" ,;:-)]"))
    if (
        (_PHONEISH.fullmatch(body) is None and " " in body)
        or not any(ch.isalpha() for ch in lead)
        or max(len(w) for w in words[:first]) < 3  # "S 1234567 D" is an NRIC spaced out
        or words[0].lower().strip(".:#") in _REFERENCE_WORDS
        or any(w.upper() in member_codes() for w in words[:first])
        or country_named(lead) is not None
        or find_banks(lead, region)
    ):
        return account
    return body


def _account(
    raw: str, provider: EwalletProvider, account: str, country: str | None, *, as_id: bool = False
) -> Canonical:
    single = provider.countries[0] if len(provider.countries) == 1 else None
    if provider.id_format == "name@bank" and "@" in account:
        if _NAME_AT_BANK.fullmatch(account) is None:
            raise _fail(
                raw,
                f"has a {provider.label} account ID that is not name@bank: letters, digits, "
                "'.', '_' or '-', then '@' and the bank's code, like dara_sok@aclb",
            )
        # Kept whole: the bank's code tells two holders of one name apart, and "." or "_"
        # are part of the name. Lower-cased, so that an ID retyped as Dara_Sok@ACLB meets it.
        return Canonical("ewallet", f"{provider.code}:{account.lower()}", single)
    account = spreadsheet_digits("ewallet", raw, account)
    _refuse_not_account(raw, provider, account)
    if provider.account != "id":
        try:
            refuse_masked(raw, account)
        except InvalidIdentifier as exc:
            raise _fail(raw, f"needs a full {provider.label} account: {exc.reason}") from exc
    if provider.account != "id":
        account = _without_holder_before(account, country)
    account = _without_holder(account)
    zeros = _LEADING_OS.sub(lambda m: "0" * len(m[0]), account)
    if zeros != account and _PHONEISH.fullmatch(zeros):
        account = zeros
    if len(provider.countries) == 1:
        region: str | None = provider.countries[0]
    else:
        region = country
    phoneish = (
        _PHONEISH.fullmatch(account) is not None and not as_id and not _wallet_id(provider, account)
    )
    if not phoneish and placeholder(account):  # "TrueMoney ไม่ทราบ" had "other characters"
        raise _fail(
            raw,
            f"says the {provider.label} account is unknown; it names no account, and kept as "
            "one it would link every report that says so; leave the field empty and say so in "
            "the narrative",
        )
    if provider.account == "phone" or (provider.account == "phone_or_id" and phoneish):
        if not NUMERIC.fullmatch(account):
            _refuse_not_digits(raw, provider, account)
        try:
            phone = e164(raw, account, region)
            if phone.kind != "phone":
                raise _fail(raw, "has an account number too short to be a phone number")
        except InvalidIdentifier as exc:
            if side_by_side(account, region):
                raise _fail(raw, _SEVERAL_ACCOUNTS) from exc
            if provider.account == "phone":
                raise _fail(raw, f"needs a {provider.label} phone number: {exc.reason}") from exc
            if provider.kind == "proxy" and (
                _national_number(account, region) or _short_mobile(account, region)
            ):
                # "DuitNow 012-345 678" was kept as the ID 012345678, which no report meets.
                raise _fail(
                    raw,
                    f"is written as a phone number, not as a {provider.label} ID, and is no "
                    f"valid one: {exc.reason}",
                ) from exc
        else:
            if not _foreign(phone, single, account):
                return Canonical("ewallet", f"{provider.code}:{phone.value}", phone.country)
            if provider.account == "phone":
                raise _fail(
                    raw,
                    f"has {account!r}, which reads only as {phone.value}, a number of "
                    f"{phone.country}, but {provider.label} accounts are numbers of {single}; "
                    "check the number, or write it with its country code (+...) if the "
                    "account truly has that foreign number",
                )
    if provider.kind == "proxy" and not phoneish:
        through = _bank_account_through(raw, provider, account, region)
        if through is not None:
            return through
    ident = re.sub(r"[\s\-./]", "", account).upper()
    if not _ID.fullmatch(ident) and provider.account == "id" and phoneish:
        raise _fail(
            raw,
            f"is written as a phone number, but a {provider.label} account is an account ID "
            "(letters and digits); write the account's ID or number",
        )
    if not _ID.fullmatch(ident):
        raise _fail(raw, f"has a {provider.label} account that is not a phone number or an ID")
    if provider.code == "promptpay" and _THAI_ID.fullmatch(ident) and not _thai_id_ok(ident):
        raise _fail(
            raw,
            f"has {ident}, which is not a valid Thai citizen or tax ID: its last digit, the "
            "check digit, does not match the first 12; check the number on the card or slip",
        )
    return Canonical("ewallet", f"{provider.code}:{ident}", single)


# Words before a transaction's reference number, which a receipt shows beside the wallet's name.
_REFERENCE_WORDS = frozenset("ref reference txn trx transaction trace".split())


def _refuse_not_digits(raw: str, provider: EwalletProvider, account: str) -> None:
    """Refuse a phone wallet's account that is not a number, saying what it is instead.

    "has other characters among them" did not say that a letter was typed for a digit
    ("GCash 0917 l23 4567"), that an amount was pasted with it ("GCash 0917 123 4567
    ₱5,000", whose comma the splitting of words dropped), or that the digits were a receipt's
    reference number ("GCash Ref No. 1234567890123").
    """
    try:
        refuse_letters(raw, account)
    except InvalidIdentifier as exc:
        raise _fail(raw, f"needs a {provider.label} phone number: {exc.reason}") from exc
    _refuse_not_account(raw, provider, raw)
    first = account.split()[0].lower().strip(".:#") if account.split() else ""
    if first in _REFERENCE_WORDS:
        raise _fail(
            raw,
            f"has a transaction's reference number, not a {provider.label} account; enter "
            "the reference with the transaction, and the account the money went to as the "
            "e-wallet",
        )
    # e164 reads the digits alone: "0917 ABC 123 4567" must not become a number.
    raise _fail(
        raw,
        f"needs a {provider.label} phone number in digits; {account!r} has other characters "
        "among them",
    )


def _bank_account_through(
    raw: str, provider: EwalletProvider, account: str, region: str | None
) -> Canonical | None:
    """Return the bank account a proxy's transfer went to: "InstaPay to BPI 1234567890",
    "DuitNow Maybank 114012345678" (DuitNow and InstaPay also send to account numbers).

    Kept as the proxy's ID, the bank's name and the number were glued into one
    (instapay:BPI1234567890) that the bank account reported as such never met.
    """
    name = _name_before_number(account)
    if name is None or not find_banks(name, region):
        return None
    # Imported here: bank_account reads payment proxies given as accounts through this module.
    from counterscam.identifiers.bank_account import canonicalize_bank_account

    try:
        return canonicalize_bank_account(account, region, None)
    except InvalidIdentifier as exc:
        raise _fail(
            raw, f"names a bank account sent to through {provider.label}: {exc.reason}"
        ) from exc


def _national_number(account: str, region: str | None) -> bool:
    """Tell whether ``account`` is digits starting with its country's trunk 0, no longer than
    a mobile number there: a phone number, not a proxy's ID (an ID card, a company's
    registration, a PromptPay e-Wallet ID are longer, or start with no 0)."""
    digits = re.sub(r"[\s\-.()]", "", account)
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region or "")
    if metadata is None or not digits.isdigit() or digits.startswith("00"):
        return False
    trunk = metadata.national_prefix
    lengths = metadata.mobile.possible_length if metadata.mobile is not None else ()
    if not trunk or not lengths or not digits.startswith(trunk):
        return False
    return len(digits) - len(trunk) <= max(lengths)


def _short_mobile(account: str, region: str | None) -> bool:
    """Tell whether ``account`` is a mobile number one digit short, in a country whose numbers
    have no trunk 0: "PayNow 8123 456" was kept as the ID 8123456, but Singapore's mobiles are
    8 digits starting 8 or 9, and no PayNow ID is 7 digits."""
    digits = re.sub(r"[\s\-.()]", "", account)
    metadata = phonenumbers.PhoneMetadata.metadata_for_region(region or "")
    if metadata is None or metadata.national_prefix or not digits.isdigit():
        return False
    mobile = metadata.mobile
    if mobile is None or len(digits) + 1 != min(mobile.possible_length, default=0):
        return False
    return any(
        phonenumbers.number_type(phonenumbers.parse(digits + end, region)) in _MOBILE_TYPES
        for end in "05"
    )


_MOBILE_TYPES = (
    phonenumbers.PhoneNumberType.MOBILE,
    phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
)


def _refuse_not_account(raw: str, provider: EwalletProvider, account: str) -> None:
    """Refuse an amount or a date given as the account.

    An ID-taking wallet kept them as one ID of all their digits ("PromptPay 081-234-5678,
    089-123-4567" was promptpay:08123456780891234567, "PromptPay 12/05/2024" 12052024), and a
    phone wallet said only that the account had "other characters".
    """
    amount = money_in(account)
    if amount is not None:
        raise _fail(
            raw,
            f"has an amount of money ({amount}), not a {provider.label} account; enter the "
            "account alone, and the amount as the report's loss or the transaction's amount",
        )
    if looks_like_date(account):
        raise _fail(
            raw,
            f"has a date, not a {provider.label} account; enter the account as it was given, "
            "and the date as the report's or the transaction's",
        )


def _foreign(phone: Canonical, single: str | None, account: str) -> bool:
    """Tell whether a one-country wallet's number was read as another country's only because
    its digits begin like that country's code ("Wing 12345678901" as +1 234...): a number
    written with its code (+66..., 0066...) is taken as written."""
    return single is not None and phone.country != single and _dialled_country(account) is None


# A PromptPay e-Wallet ID has 15 digits, the first three the wallet's bank code ("004..."):
# read as a phone, its "00" would be an international prefix and file it under a foreign
# number (+49...).
_PROMPTPAY_WALLET_ID = re.compile(r"\d{15}", re.ASCII)


def _wallet_id(provider: EwalletProvider, account: str) -> bool:
    """Tell whether ``account`` is a PromptPay e-Wallet ID, which is never a phone number."""
    digits = re.sub(r"[\s\-.]", "", account)
    return provider.code == "promptpay" and _PROMPTPAY_WALLET_ID.fullmatch(digits) is not None


def thai_id_check_digit(first: Sequence[int]) -> int:
    """Return the check digit of a Thai citizen or tax ID from its first 12 digits (weights
    13 to 2, modulo 11)."""
    return (11 - sum(d * (13 - i) for i, d in enumerate(first)) % 11) % 10


def _thai_id_ok(ident: str) -> bool:
    digits = [int(d) for d in ident]
    return thai_id_check_digit(digits[:12]) == digits[12]


def _holder_first(text: str, country: str | None) -> tuple[str, str] | None:
    """Return (wallet's name, account) of "Juan Dela Cruz - GCash - 0917 123 4567".

    Chats give the holder, then the wallet, then the number; the wallet's name was looked
    for only at either end, and the value "named none known". The wallet is the longest run
    of words right before the number that names one, and the words before it must be a
    holder's name: letters, no digits, naming no wallet and no bank.
    """
    words = without_lead(text).split()
    first = next((i for i, w in enumerate(words) if any(ch.isdigit() for ch in w)), None)
    if first is None or first < 2:
        return None
    head = [w for w in (w.strip("-|:,;") for w in words[:first]) if w]
    for size in range(len(head) - 1, 0, -1):
        name, holder = " ".join(head[-size:]), " ".join(head[:-size])
        if not find_ewallets(name) or any(ch.isdigit() for ch in holder):
            continue
        if find_ewallets(holder) or find_banks(holder, country):
            return None
        return name, " ".join(words[first:])
    return None


def _name_before_number(text: str) -> str | None:
    """Return the words written before the account ("VNPay" of "VNPay 0901234567"), if any.

    Words that only lead to the wallet or name the ID's type ("transfer to", "ID") are not a
    name; without a number after them the words are not known to name anything.
    """
    words = without_lead(text).split()
    first = next((i for i, w in enumerate(words) if any(ch.isdigit() for ch in w)), None)
    if not first:
        return None
    name = [w for w in words[:first] if w.lower().strip(".:") not in _ID_WORDS]
    joined = " ".join(name).strip(" :-")
    return joined if any(ch.isalpha() for ch in joined) else None


def canonicalize_ewallet(raw: str, country: str | None, qualifier: str | None) -> Canonical:
    """Canonicalise an e-wallet account from text such as ``GCash 0917 123 4567``."""
    text = fold_dashes(ascii_digits(clean("ewallet", raw)))
    region = check_country("ewallet", raw, country)
    if qr_payload(text) and (paid := payment_qr("ewallet", raw, region)) is not None:
        return paid
    if several_numbers(text):
        # An ID-taking wallet kept them as one ID of all their digits: "PromptPay 081-234-5678,
        # 089-123-4567" was promptpay:08123456780891234567.
        raise _fail(raw, _SEVERAL_ACCOUNTS)
    provider, account = _split(raw, text, region)
    if provider is None and not (qualifier and qualifier.strip()):
        provider = _by_id_format(text)
        if provider is None and (holder_first := _holder_first(text, region)) is not None:
            wallet, account = holder_first
            provider = _named(raw, wallet, find_ewallets(wallet), account, region)
    if qualifier and qualifier.strip():
        named = qualifier.strip()
        given = _named(raw, named, find_ewallets(named), account if provider else text, region)
        if provider is not None and provider != given:
            raise _fail(raw, f"names {provider.label} but the e-wallet given is {given.label}")
        provider = given
    if provider is None:
        bank = next((n for n, _ in token_splits(text) if find_banks(n, region)), None)
        if bank is not None:
            raise _unknown(raw, bank, region)
        if (name := _name_before_number(text)) is not None:
            if find_banks(name, region):
                raise _unknown(raw, name, region)
            raise _fail(
                raw,
                f"does not say which e-wallet: {name!r} names none known; use a known one, "
                f"like {_known(region)}",
            )
        if _EVM_AT.fullmatch(text):
            raise _fail(
                raw,
                "is a crypto wallet address with its chain's ID after '@' (56 is BNB Smart "
                "Chain, 1 Ethereum), as a payment link writes it, not an e-wallet account; "
                "enter it as a crypto wallet",
            )
        raise _fail(raw, "does not say which e-wallet; write it like gcash:0917 123 4567")
    # "GCash #09171234567": "#" says a number follows, as in "No. #", and is not part of it.
    account = without_holder_first(account.strip().removeprefix("#").strip())
    if not account:
        raise _fail(raw, f"has no {provider.label} account number")
    named_country, account = _country_first(account.strip())
    if named_country is not None:
        region = _wallet_country(raw, provider, named_country, account)
    return _account(
        raw,
        provider,
        account,
        region,
        as_id=labelled_wallet_id(
            provider, text, account, canonical=_CANONICAL.fullmatch(text) is not None
        ),
    )


# A country before the number: its ISO code in capitals ("ShopeePay MY 012-345 6789", "(SG)",
# "PH:") or its name ("GrabPay Philippines 0917..."). In lower case "my" or "id" is a word.
_CODE_FIRST = re.compile(r"\(?([A-Z]{2})\)?\s*[:\-]?\s+(?=[+\d(])")


def _country_first(account: str) -> tuple[str | None, str]:
    """Return the member country written before the account, and the account without it."""
    code = _CODE_FIRST.match(account)
    if code is not None and code[1] in member_codes():
        return code[1], account[code.end() :]
    words = account.split()
    digit = next((i for i, w in enumerate(words) if any(ch.isdigit() for ch in w)), 0)
    said = " ".join(words[:digit]).strip(" ():-")
    if said and is_country_name(said):
        return country_named(said), " ".join(words[digit:])
    return None, account


def _wallet_country(raw: str, provider: EwalletProvider, named: str, account: str) -> str:
    """Return the country named with a wallet as its number's country, or say why it is not.

    GrabPay and ShopeePay run in several members, each on its own country's numbers: the
    country written with the wallet's name says which, as the country code of the number
    would. A country the wallet does not run in, or one the number's code contradicts, is
    a copying error that would file the account under another number.
    """
    if named not in provider.countries:
        raise _fail(
            raw,
            f"names {named}, but {provider.label} runs only in "
            f"{', '.join(provider.countries)}; check the wallet or the country",
        )
    dialled = _dialled_country(account)
    if dialled is not None and dialled != named:
        raise _fail(
            raw,
            f"names {named}, but its number has the country code of {dialled}; check which "
            "is right",
        )
    return named
