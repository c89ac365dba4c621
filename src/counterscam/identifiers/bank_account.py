"""Bank accounts as ``CC:BANKCODE:DIGITS`` (the BIC institution code and the bare number)."""

from __future__ import annotations

import re
from functools import cache

import phonenumbers

from counterscam.identifiers._accounts import (
    ACCOUNT_WORDS,
    account_heads,
    branch_heads,
    is_product,
    masked_number,
    name_variants,
    names_no_bank,
    split_around_number,
    split_number,
    token_splits,
)
from counterscam.identifiers._payment_qr import is_payload as qr_payload
from counterscam.identifiers._payment_qr import payment_qr
from counterscam.identifiers._phone_lookalike import date_in, money_in
from counterscam.identifiers._phone_words import country_named, is_country_name
from counterscam.identifiers._spreadsheet import spreadsheet_digits
from counterscam.identifiers._text import ascii_digits, clean, fold_dashes
from counterscam.identifiers._types import Canonical, InvalidIdentifier, shown
from counterscam.identifiers._unlisted_bank import (
    listed_elsewhere,
    unlisted_bank,
    unlisted_by_bic,
)
from counterscam.identifiers.ewallet import canonicalize_ewallet
from counterscam.identifiers.phone import place_name
from counterscam.identifiers.shortcode import check_country
from counterscam.reference import Bank, banks, find_banks, find_ewallets, member_codes

_CANONICAL = re.compile(r"([A-Za-z]{2})\s*:\s*([A-Za-z0-9]{4})\s*:\s*(.+)")
_GENERIC_LENGTH = (5, 30)
# Indonesian banks hand out virtual accounts (a company prefix and a customer number,
# "BCA VA 3901 0812 3456 7890") that scams use like any account; they are longer than the
# bank's own numbers and are kept as accounts of the bank.
_VIRTUAL_LENGTH = {"ID": (15, 18)}
# An IBAN: country, two check digits, then the domestic bank and account (11 to 30).
_IBAN = re.compile(r"([A-Z]{2})[0-9]{2}[A-Z0-9]{11,30}")
# A bank's code as the first group of digits: Thailand's and Indonesia's three digits,
# Singapore's four, Viet Nam's six of a NAPAS BIN ("970436 0011001234567", as VietQR shows it).
_GROUP = re.compile(r"(\d{1,4}|\d{6})[\s\-./]+(?=\d)", re.ASCII)
# "VA", "V.A." or "virtual" beside the bank's name; BRI's is written as one word, "BRIVA".
_VIRTUAL = re.compile(r"(?<![^\W_])(?:va|v\.a\.?|virtual|briva)(?![^\W_])", re.I)
# Two accounts in one cell: "BCA 1234567890 / 0987654321", "..., Mandiri ...", "... or ...".
_SEVERAL = re.compile(r"\s*(?:[,;|&]|\s/\s|\b(?:or|and|atau|dan|hoặc)\b|หรือ)\s*", re.I)
_MIN_EACH = 6
_HOW = "write the bank's BIC (like MBBEMYKL) or a known name (like Maybank, DBS, KBank, BDO, BCA)"


def _fail(raw: str, why: str) -> InvalidIdentifier:
    return InvalidIdentifier("bank_account", raw, f"{shown(raw)} {why}")


def _one(raw: str, name: str, found: tuple[Bank, ...]) -> Bank:
    if not found:
        raise _fail(raw, f"names an unknown bank {name!r}; {_HOW}")
    if len(found) > 1:
        places = ", ".join(sorted({b.country for b in found}))
        raise _fail(
            raw,
            f"names {name!r}, a bank in several countries ({places}); give the country "
            "or the bank's BIC",
        )
    return found[0]


def _named_bank(raw: str, name: str, country: str | None) -> Bank | None:
    """Return the bank ``name`` names, alone or with its country's name, or None."""
    for variant in name_variants(name):
        found = find_banks(variant, country)
        if found:
            return _one(raw, variant, found)
    return _with_country_words(raw, name)


_BRACKETED = re.compile(r"\(([^()]+)\)")


def _with_abbreviation(raw: str, name: str, country: str | None) -> Bank | None:
    """Return the bank of "NH Á Châu (ACB)": its name and, in brackets, its short name.

    Both must name the same bank; a bracket naming another one is no abbreviation of it.
    """
    inside = _BRACKETED.search(name)
    outside = _BRACKETED.sub(" ", name).strip()
    if inside is None or not outside:
        return None
    first = _named_bank(raw, outside, country)
    if first is None or _named_bank(raw, inside[1], country) != first:
        return None
    return first


def _names_a_wallet(name: str, country: str | None) -> bool:
    return any(find_ewallets(variant, country) for variant in name_variants(name))


def _two_names(raw: str, name: str, country: str | None) -> Bank | None:
    """Return the bank of "SCB ไทยพาณิชย์": its name written twice, in two languages or
    spellings, without brackets; None unless both halves name the same listed bank."""
    words = name.split()
    for cut in range(1, len(words)):
        try:
            first = _named_bank(raw, " ".join(words[:cut]), country)
            if first is not None and _named_bank(raw, " ".join(words[cut:]), country) == first:
                return first
        except InvalidIdentifier:
            continue  # a half naming banks of several countries: no sure reading of it
    return None


def _qualified_bank(raw: str, qualifier: str, country: str | None) -> Bank:
    """Return the bank a separate bank column names.

    A centre's "Bank" column is written as the value's text is ("ธ.กรุงเทพ", "Bank BCA",
    "Maybank Berhad", "Vietcombank (VCB)", "VietinBank CN Hà Nội"), so it is read the same
    way rather than only as an exact name.
    """
    found = _bank_named(raw, qualifier, country)
    if found is None:
        _refuse_listed_elsewhere(raw, qualifier)
        found = _one(raw, qualifier, find_banks(qualifier, country))
    return found


def _refuse_listed_elsewhere(raw: str, name: str) -> None:
    """Refuse a BIC whose code is a listed bank's of another country, saying so."""
    number = split_number(raw)[1]
    hint = next((h for v in name_variants(name) if (h := listed_elsewhere(v, number))), None)
    if hint is not None:
        raise _fail(raw, hint)


def _unlisted(name: str) -> Bank | None:
    """Return the unlisted bank whose BIC ``name`` is, labels (``SWIFT``, ``BIC``) aside."""
    return next((b for v in name_variants(name) if (b := unlisted_by_bic(v))), None)


def _bank_named(raw: str, name: str, country: str | None) -> Bank | None:
    """Return the bank that the words ``name`` name, in the value or in a bank column."""
    named = _named_bank(raw, name, country) or _with_abbreviation(raw, name, country)
    if named is None:
        # A branch is where the account was opened, not part of it: "VietinBank CN Hà Nội".
        named = next(
            (b for head in branch_heads(name) if (b := _named_bank(raw, head, country))), None
        )
    if named is None and not _names_a_wallet(name, country):
        # "UOB One", "BRI a.n. Budi": the bank's account product or its holder beside it; but
        # "BCEL One" is BCEL's wallet, read as kind ewallet.
        named = next(
            (b for head in account_heads(name) if (b := _named_bank(raw, head, country))), None
        ) or _two_names(raw, name, country)
    return named or _unlisted(name)


def _resolve(raw: str, name: str, qualifier: str | None, country: str | None) -> Bank:
    named = _bank_named(raw, name, country) if name else None
    if qualifier and qualifier.strip():
        given = _qualified_bank(raw, qualifier.strip(), country)
        if named is not None and named != given:
            raise _fail(raw, f"names {named.label} but the bank given is {given.label}")
        return given
    if named is None:
        if names_no_bank(name):
            # "acc no 1234567890": words that say an account follows, not which bank.
            raise _fail(raw, f"does not say which bank; {_HOW}")
        if re.search(r"[0-9]", name):
            raise _fail(
                raw,
                f"has {name!r}, which is not a known bank; if it is part of the account "
                f"number, enter the number in digits only; {_HOW}",
            )
        _refuse_listed_elsewhere(raw, name)
        _one(raw, name, ())
    assert named is not None
    return named


_NAME_SPLIT = re.compile(r"[\s,;:()\[\]/|]+")


def _with_country_words(raw: str, name: str) -> Bank | None:
    """Return the bank of "Maybank Malaysia" or "Bangkok Bank (Thailand)": a bank of the
    member country named before or after it, or None.

    Only that country's banks count: "Maybank Indonesia" is another bank than Maybank in
    Malaysia, so a name the reference data does not hold for the country named is unknown.
    """
    tokens = [t for t in _NAME_SPLIT.split(name) if t]
    for size in (3, 2, 1):
        if len(tokens) <= size:
            continue
        for rest, words in ((tokens[:-size], tokens[-size:]), (tokens[size:], tokens[:size])):
            said = " ".join(words)
            code = country_named(said) if is_country_name(said) else None
            if code is None:
                continue
            for variant in name_variants(" ".join(rest)):
                found = tuple(b for b in find_banks(variant, code) if b.country == code)
                if found:
                    return _one(raw, variant, found)
    return None


@cache
def _by_country_and_code() -> dict[tuple[str, str], Bank]:
    """The first bank of each (country, institution code), as a scan of ``banks`` finds it."""
    index: dict[tuple[str, str], Bank] = {}
    for bank in banks():
        for code in (bank.code, *bank.other_codes):  # MY:MBIS:... as stored before they were
            index.setdefault((bank.country, code), bank)
    return index


def _by_code(raw: str, code: str, bank_code: str) -> Bank:
    found = _by_country_and_code().get((code, bank_code)) or unlisted_bank(code, bank_code)
    if found is not None:
        return found
    elsewhere = ", ".join(f"{b.label} ({b.country})" for b in banks() if b.code == bank_code)
    hint = f"; {bank_code} is {elsewhere}" if elsewhere else f"; {_HOW}"
    raise _fail(raw, f"has the bank code {bank_code}, which is not a bank in {code}{hint}")


def _digits(raw: str, number: str, bank: Bank, *, virtual: bool) -> str:
    digits = re.sub(r"[\s\-./]", "", number)
    if not (digits.isascii() and digits.isdigit()):
        raise _fail(raw, "has an account number with characters other than digits")
    low, high = bank.account_length or _GENERIC_LENGTH
    va = _VIRTUAL_LENGTH.get(bank.country)
    if not low <= len(digits) <= high and not (virtual and va and va[0] <= len(digits) <= va[1]):
        why = (
            f"has {len(digits)} digits; a {bank.label} account number has {_size(low, high)} digits"
        )
        if va:
            why += f", or {_size(*va)} for a virtual account (write VA before it)"
        raise _fail(raw, why)
    return digits


def _size(low: int, high: int) -> str:
    return str(low) if low == high else f"{low} to {high}"


def _refuse_not_account(raw: str, text: str) -> None:
    """Refuse an amount or a date pasted with the account ("Maybank RM 5,000"), which was read
    as part of the bank's name or the number, and refused as neither."""
    amount = money_in(text)
    if amount is not None:
        raise _fail(
            raw,
            f"has an amount of money ({amount}) in it; enter the account number alone, and the "
            "amount as the report's loss or the transaction's amount",
        )
    date = date_in(text)
    if date is not None:
        raise _fail(
            raw,
            f"has a date ({date}) in it; enter the account number alone, and the date as the "
            "report's or the transaction's",
        )


def _refuse_iban(raw: str, text: str) -> None:
    """Explain that an IBAN cannot be taken: no member country uses them."""
    if not (text[:2].isalpha() and text[2:4].isdigit()):
        return
    compact = re.sub(r"[\s\-]", "", text).upper()
    match = _IBAN.fullmatch(compact)
    if match is None:
        return
    code = match[1]
    # Another country's IBAN is told as one only when it is one: "VA3901..." (a virtual
    # account) and "TK0011..." (Vietnamese for account) are not Vatican's nor Tokelau's.
    # A member country has no IBANs at all, so its shape alone is worth the explanation.
    foreign = code not in member_codes()
    if foreign and (
        code not in phonenumbers.SUPPORTED_REGIONS or not _iban_checksum_holds(compact)
    ):
        return
    place = place_name(code)
    if not foreign:
        why = f"looks like an IBAN, but {place} does not use IBANs (no ASEAN country does)"
    else:
        why = (
            f"is an IBAN of an account in {place}; no ASEAN country uses IBANs, and bank "
            "accounts are kept for the banks of the ten member countries only"
        )
    raise _fail(raw, f"{why}; enter the bank and its account number, like Maybank 5140 1234 5678")


def _iban_checksum_holds(iban: str) -> bool:
    """Tell whether an IBAN's check digits hold (ISO 13616: the number mod 97 is 1)."""
    moved = iban[4:] + iban[:4]
    return int("".join(str(int(ch, 36)) for ch in moved)) % 97 == 1


def _with_leading_group(
    raw: str, name: str, number: str, qualifier: str | None, region: str | None
) -> tuple[Bank, str] | None:
    """Read "BNI 46 0123456789" or "004 1234567890": the first digit group names the bank."""
    group = _GROUP.match(number)
    if group is None:
        return None
    named = f"{name} {group[1]}".strip()
    # The group must name the bank, in its name ("BNI 46") or as its code ("004", "Mandiri
    # 008"): else any bank's mistyped account ("KBank 123 4567890123") would lose digits.
    coded = set(find_banks(group[1], region))
    if not (is_product(group[1]) and _names_a_bank(name, region)) and not any(
        (group[1] in variant.split() and find_banks(variant, region))
        or coded.intersection(find_banks(variant, region))
        for variant in name_variants(named)
    ):
        return None
    bank = _resolve(raw, named, qualifier, region)
    return bank, _digits(raw, number[group.end() :], bank, virtual=bool(_VIRTUAL.search(name)))


def _read(
    raw: str, name: str, number: str, qualifier: str | None, region: str | None
) -> tuple[Bank, str]:
    """Return the bank that ``name`` (or ``qualifier``) names and the digits of ``number``."""
    try:
        bank = _resolve(raw, name, qualifier, region)
        return bank, _digits(raw, number, bank, virtual=bool(_VIRTUAL.search(name)))
    except InvalidIdentifier:
        found = _with_leading_group(raw, name, number, qualifier, region) or _with_trailing_bin(
            raw, name, number, qualifier, region
        )
        if found is None:
            raise
        return found


# A NAPAS BIN written after the account ("0011001234567 970436"), as some transfer apps list
# the bank after the number; the run of digits took it into the account.
_TRAILING_BIN = re.compile(r"[\s\-./]+(97\d{4})$", re.ASCII)


def _with_trailing_bin(
    raw: str, name: str, number: str, qualifier: str | None, region: str | None
) -> tuple[Bank, str] | None:
    """Read "0011001234567 970436": the last group is the NAPAS BIN of the bank, when the
    words before name no bank themselves."""
    group = _TRAILING_BIN.search(number)
    if group is None or not names_no_bank(name) or not find_banks(group[1], region):
        return None
    bank = _resolve(raw, f"{name} {group[1]}".strip(), qualifier, region)
    return bank, _digits(raw, number[: group.start()], bank, virtual=False)


def _names_a_bank(words: str, region: str | None, *, unlisted: bool = True) -> bool:
    return any(
        find_banks(variant, region) or (unlisted and unlisted_by_bic(variant))
        for variant in name_variants(words)
    )


def _is_holder(words: str, region: str | None) -> bool:
    """Tell whether ``words`` may be a holder's name: letters, no digits, no bank, no country.

    Only listed banks count here: a name in capitals (SETIAWAN) can have a BIC's shape.
    """
    holder = words.strip(" -:,;()[]|")
    if not any(ch.isalpha() for ch in holder) or any(ch.isdigit() for ch in holder):
        return False
    return not (_names_a_bank(holder, region, unlisted=False) or is_country_name(holder))


def _only_account_words(words: str) -> bool:
    return all(w.lower().strip(".:") in ACCOUNT_WORDS for w in words.split())


def _holder_shape(text: str, region: str | None) -> tuple[str, str] | None:
    """Return (words before, number) of "VCB 0011001234567 NGUYEN VAN A", as on a transfer slip.

    The words after the number are the holder's name when they have letters, no digits, and
    name neither a bank nor a country; the words before must be more than account words.
    """
    before, number, after = split_around_number(text)
    if not _is_holder(after, region) or _only_account_words(before):
        return None
    return before, number


def _number_first(text: str, region: str | None) -> tuple[str, str] | None:
    """Return (bank words, number) of "STK: 0011001234567 - Vietcombank - NGUYEN VAN A".

    Vietnamese messages give the number, then the bank, then the holder; only account words
    may come before the number, and the bank is the longest run of words after it that names
    one, the rest being a holder's name.
    """
    before, number, after = split_around_number(text)
    if not _only_account_words(before):
        return None
    words = [w for w in (w.strip("-|:,;") for w in after.split()) if w]
    for size in range(len(words) - 1, 0, -1):
        bank, holder = " ".join(words[:size]), " ".join(words[size:])
        # Digits among the bank's words are a second number, never this order's bank.
        digits = any(ch.isdigit() for ch in bank)
        if not digits and _is_holder(holder, region) and _names_a_bank(bank, region):
            return bank, number
    return None


def _holder_first(text: str, region: str | None) -> tuple[str, str] | None:
    """Return (bank words, number) of "Juan Dela Cruz - BDO - 001234567890".

    Philippine and Vietnamese chats and slips give the holder first, then the bank, then the
    number ("NGUYEN VAN A - VCB - 0011001234567", "Ali bin Abu, Maybank 114012345678"), which
    named an unknown bank "Juan Dela Cruz - BDO -". The bank is the longest run of words right
    before the number that names one, and the words before it must be a holder's name.
    """
    before, number, after = split_around_number(text)
    if after.strip(" -|:,;()[]."):
        return None
    words = [w for w in (w.strip("-|:,;") for w in before.split()) if w]
    for size in range(len(words) - 1, 0, -1):
        bank, holder = " ".join(words[-size:]), " ".join(words[:-size])
        if not any(ch.isdigit() for ch in bank) and _is_holder(holder, region):
            if _names_a_bank(bank, region):
                return bank, number
    return None


def _as_ewallet(raw: str, text: str, region: str | None, qualifier: str | None) -> Canonical | None:
    """Read a payment proxy given as a bank account ("PromptPay 0812345678") as its e-wallet.

    A proxy is the identifier the money was sent to, and the ewallet kind is its one
    canonical form, so a check finds it however it was filed. Other e-wallets are refused
    with the kind to use.
    """
    given = qualifier.strip() if qualifier and qualifier.strip() else None
    names = [given] if given else [name for name, _ in token_splits(text)]
    found = next((p for name in names for p in find_ewallets(name, region)), None)
    if found is None:
        return None
    if found.kind != "proxy":
        raise _fail(raw, f"names {found.label}, an e-wallet, not a bank; enter it as kind ewallet")
    try:
        return canonicalize_ewallet(raw, region, qualifier)
    except InvalidIdentifier as exc:
        why = f"{exc.reason} ({found.label} is a payment proxy, read as kind ewallet)"
        raise InvalidIdentifier("bank_account", raw, why) from exc


def canonicalize_bank_account(raw: str, country: str | None, qualifier: str | None) -> Canonical:
    """Canonicalise a bank account from text such as ``Maybank 1234-5678-9012``."""
    text = fold_dashes(ascii_digits(clean("bank_account", raw)))
    region = check_country("bank_account", raw, country)
    if qr_payload(text) and (paid := payment_qr("bank_account", raw, region)):
        return paid
    text = spreadsheet_digits("bank_account", raw, text)
    match = _CANONICAL.fullmatch(text)
    if match:
        bank = _by_code(raw, match[1].upper(), match[2].upper())
        if qualifier and qualifier.strip():
            given = find_banks(qualifier, bank.country) or tuple(
                b
                for variant in name_variants(qualifier.strip())
                for b in find_banks(variant, bank.country)
            )
            if bank not in given:
                raise _fail(raw, f"is a {bank.label} account but {qualifier!r} was given")
        number = match[3]
    else:
        _refuse_iban(raw, text)
        _refuse_not_account(raw, text)
        if sum(len(re.sub(r"\D", "", part)) >= _MIN_EACH for part in _SEVERAL.split(text)) > 1:
            raise _fail(
                raw, "holds more than one account number; enter each as an identifier of its own"
            )
        if masked_number(text):
            raise _fail(
                raw,
                "has digits hidden by X or *, as a bank's notice shows an account; a partial "
                "number cannot be matched, so enter the full account number as it was given",
            )
        name, number = split_number(text)
        if not number:
            proxy = _as_ewallet(raw, text, region, qualifier)  # PayNow UEN 201912345K
            if proxy is not None:
                return proxy
            raise _fail(raw, "has no account number; enter it like Maybank 5140 1234 5678")
        try:
            bank, digits = _read(raw, name, number, qualifier, region)
        except InvalidIdentifier:
            shape = (
                _holder_shape(text, region)
                or _number_first(text, region)
                or _holder_first(text, region)
            )
            if shape is not None and _names_a_bank(shape[0], region):
                # The holder's name is not part of the identifier; intake keeps the raw value.
                bank, digits = _read(raw, *shape, qualifier, region)
            else:
                proxy = _as_ewallet(raw, text, region, qualifier)
                if proxy is not None:
                    return proxy
                if shape is not None:  # never a guess: name only the unknown bank's words
                    raise _fail(raw, f"names an unknown bank {shape[0]!r}; {_HOW}") from None
                raise
        return Canonical("bank_account", f"{bank.country}:{bank.code}:{digits}", bank.country)
    # The canonical form does not say whether the number is a virtual account.
    digits = _digits(raw, number, bank, virtual=True)
    return Canonical("bank_account", f"{bank.country}:{bank.code}:{digits}", bank.country)
