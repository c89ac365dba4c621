"""Split free text such as "BDO SA 0012-3456-7890" into an institution name and a number."""

from __future__ import annotations

import re
from collections.abc import Iterator

from counterscam.identifiers._phone_words import country_named

_RUN = re.compile(r"(?<![A-Za-z0-9])\+?\d(?:[\d \-./]*\d)?(?![A-Za-z0-9])", re.ASCII)
# Words around an account number that are not part of the bank's name, in the region's
# languages: "No. Rek" (Indonesian), "STK"/"Số tài khoản" (Vietnamese), "เลขที่บัญชี" (Thai),
# "គណនី" (Khmer), "ບັນຊີ" (Lao), "အကောင့်" (Burmese), "VA" or "V.A." for a virtual account.
ACCOUNT_WORDS = frozenset(
    "sa ca s/a c/a savings saving current acct acc account accounts ac a/c no no. number num nr "
    "akaun rekening rek norek nomor tk stk số tài khoản sav chk checking cheque deposit "
    "ewallet wallet e-wallet mobile phone tel va v.a virtual swift bic swift/bic code "
    "บัญชี เลขที่บัญชี เลขบัญชี เลขที่ บช. គណនី ບັນຊີ ເລກບັນຊີ အကောင့် "
    # The account's currency: Cambodian, Lao and Philippine banks keep dollar, riel, kip, baht
    # and peso accounts, written "ABA USD 000 123 456" or "BDO USD 100123456789" ("BDO USD" was
    # an unknown bank).
    "usd khr lak thb php sgd myr idr vnd mmk bnd cny eur ".split()
)

# The interbank transfer a payment went by, written beside the bank it went to: the
# Philippines' InstaPay and PESONet ("BPI (InstaPay) 1234567890", "PESONet BDO 0012..."),
# Malaysia's IBG, Indonesia's and Malaysia's IBFT, Viet Nam's NAPAS and VietQR ("Napas 970422
# 0123456789"). Not the bank's name, which was "unknown".
_RAIL_WORDS = frozenset({"instapay", "pesonet", "ibg", "ibft", "napas", "vietqr", "via"})
_NOT_NAME_WORDS = ACCOUNT_WORDS | _RAIL_WORDS

# A word of an account number with digits hidden, as banks' SMS notices and transfer slips
# show it ("xxx-x-x5678-x" from KBank, "****7890", "5140 XXXX 5678"): mask characters among
# digits, or three or more of them without (a lone "x" or a holder's "XX" is a word).
_MASK_WORD = re.compile(r"[\dxX*\u2022\-./]*[xX*\u2022][\dxX*\u2022\-./]*", re.ASCII)


def masked_number(text: str) -> bool:
    """Tell whether ``text`` holds an account number with some of its digits hidden."""
    for word in text.split():
        if _MASK_WORD.fullmatch(word):
            masks = sum(ch in "xX*\u2022" for ch in word)
            if masks >= 3 or any(ch.isdigit() for ch in word):
                return True
    return False


def names_no_bank(name: str) -> bool:
    """Tell whether the words beside an account number name no bank: none, or only words
    saying an account follows ("acc no", "No. Rek", "STK:") and marks ("-", "#")."""
    return all(
        w.lower().strip(".:#()") in _NOT_NAME_WORDS or not any(ch.isalnum() for ch in w)
        for w in name.split()
    )


# "Bank", "Ngân hàng" (NH), "ธนาคาร" (ธ.), "ທະນາຄານ", "ធនាគារ" written before a bank's name,
# or "ဘဏ်" after it, where the reference has the name alone. Thai, Lao and Khmer put no space
# between words, so there the name may follow without one ("ធនាគារអេស៊ីលីដា"), and "account"
# may come before without one too ("บัญชีธนาคารกสิกรไทย", the account at the bank Kasikorn).
_BANK_WORD = re.compile(
    r"^(?:(?:bank|ngân\s*hàng|ngan\s*hang|nh)\s+|(?:(?:บัญชี|ບັນຊີ|គណនី)\s*)?(?:ธนาคาร|ธ\.|ທະນາຄານ|ធនាគារ)\s*)"
    r"|\s+bank$|\s*ဘဏ်$",
    re.I,
)
# Vietnamese legal forms written anywhere in a bank's name ("NH TMCP Á Châu": joint-stock
# commercial; "TNHH MTV": single-member limited liability).
_LEGAL_WORDS = frozenset({"tmcp", "tnhh", "mtv"})
# Words that lead a sentence to the account, never part of a bank's or wallet's name:
# "transfer to Maybank", "PayNow to", "ke BCA" (Indonesian and Malay "to"), Vietnamese
# "chuyển khoản vào" (transfer into) and "ví điện tử" (e-wallet), Thai "โอนเข้า" (transfer
# into); "at" the bank: "STK 0011001234567 tại Vietcombank", Indonesian and Malay "di BCA".
# Latin words need a space after them, so "ViettelPay" keeps its "Vi".
_LEAD = re.compile(
    r"^(?:(?:(?:please\s+)?(?:transfer|send|pay|remit|deposit|tf|trf|chuy[eể]n(?:\s+kho[aả]n)?|ck)"
    r"(?:\s+(?:money|funds|it))?\s+)?(?:to|into|ke|v[aà]o|qua|via|at|di|t[aạ]i)\s+"
    r"|(?:v[ií]\s+[dđ]i[eệ]n\s+t[uử]|e-?wallet|dompet\s+digital)\s+"
    r"|(?:โอนเข้า|โอนไปที่|โอนไป)\s*)+",
    re.I,
)
# Words naming a branch, with the branch's name after them: Thai "สาขาสีลม" (no space),
# Lao "ສາຂາ", Khmer "សាខា", Vietnamese "CN"/"chi nhánh" and "PGD" (transaction office),
# Malay "cawangan", Indonesian "cabang", "KCP"/"KCU" (sub-/main branch office), English
# "branch"; English and Burmese ("ဘဏ်ခွဲ") also put the branch's name before it.
_BRANCH = re.compile(
    r"(?:^|(?<=\s))(?:branch|br\.|cn|chi\s+nh[aá]nh|pgd|cawangan|cabang|kcp|kcu)(?=$|[\s:.,])"
    r"|สาขา|ສາຂາ|សាខា|ဘဏ်ခွဲ",
    re.I,
)
# A form's label for the bank's field, before the bank's name: Malay and Indonesian "Nama Bank"
# (bank name), "Bank Name", "Beneficiary Bank" ("Nama Bank: BCA" was an unknown bank "Nama Bank
# BCA"; "Nama" alone is the holder's name, after the number).
_FIELD_LABEL = re.compile(
    r"(?:(?:nama|beneficiary|beneficiary's|receiving|recipient|payee|payee's)\s+bank|bank\s+name)"
    r"(?=\s|$)",
    re.I,
)
# Legal-form words at the end (or "PT" at the start) of a bank's registered name.
# Burmese writes "Limited" (လီမိတက်) joined to the name: "ရိုးမဘဏ်လီမိတက်" is Yoma Bank Limited.
# Thai "จำกัด (มหาชน)" is "(Public) Company Limited"; NFKC splits its "ำ" in two.
_COMPANY = re.compile(
    r"^pt\.?\s+|\s+(?:public company limited|public co\.?,? ltd\.?|pcl|berhad|bhd\.?|"
    r"ltd\.?|limited|plc\.?|tbk\.?|inc\.?|corp\.?|corporation|jsc)$"
    r"|\s*လီမိတက်$|\s*จ(?:ำ|ํา)กัด(?:\s*มหาชน)?$",
    re.I,
)


# Names of account products written after the bank's ("DBS Multiplier", "UOB One", "OCBC 360",
# "POSB eSavings", "BSN Giro", "KBZ Special", Indonesian "BCA Tahapan", "BRI Britama", "BNI
# Taplus"): the product is one of the bank's accounts, not another bank.
_PRODUCTS = frozenset(
    "multiplier one 360 esavings e-savings esaver everyday giro special tahapan britama "
    "simpedes taplus premier priority payroll passbook mystash".split()
)
# A holder's name written between the bank and the number, after a word that introduces it:
# Indonesian "a.n."/"atas nama" (in the name of), "a/n", "account name", Malay "nama",
# Vietnamese "chủ TK" (account holder), Thai "ชื่อบัญชี" (account name).
_HOLDER_MARK = re.compile(
    r"\s+(?:a\.\s?n\.?|a/n|atas\s+nama|(?:acc(?:oun)?t?|a/c)\s+name|nama|ch[uủ]\s+(?:tk|t[aà]i\s+kho[aả]n)"
    r"|ชื่อบัญชี|ชื่อ)(?=[\s:.]|$).*$",
    re.I,
)


def without_holder_first(account: str) -> str:
    """Return the number of "a.n. Budi Santoso 0812 3456 7890": a holder's name written before
    it, after the word introducing it, is not part of the account."""
    if _HOLDER_MARK.match(" " + account) is None:
        return account
    words = account.split()
    first = next((i for i, w in enumerate(words) if any(ch.isdigit() for ch in w)), None)
    return " ".join(words[first:]) if first else account


def is_product(word: str) -> bool:
    """Tell whether ``word`` names one of a bank's account products ("360", "One", "Giro")."""
    return word.lower().strip(".:") in _PRODUCTS


def account_heads(name: str) -> list[str]:
    """Return what may be the bank's name in ``name`` without the account's product or the
    holder's name written before the number ("UOB One", "BRI a.n. Budi Santoso")."""
    heads = []
    marked = _HOLDER_MARK.search(name)
    if marked is not None and marked.start() > 0:
        name = name[: marked.start()]
        heads.append(name)
    words = name.split()
    plain = words[:1] + [w for w in words[1:] if not is_product(w)]
    if len(plain) < len(words):
        heads.append(" ".join(plain))
    return heads


def without_lead(text: str) -> str:
    """Return ``text`` without the words that lead to an account ("transfer to", "ví điện tử")."""
    return _LEAD.sub("", text, count=1)


def branch_heads(name: str) -> list[str]:
    """Return the words a bank's name may be when ``name`` names a branch, longest first.

    "VietinBank CN Hà Nội" is VietinBank's Hanoi branch: the branch is where the account was
    opened, not part of it. The words before the branch word are the bank; when the branch's
    name comes before the word ("BDO Makati branch"), the bank is a shorter run of them, but
    never one that leaves a country's name out ("Bank Rakyat Indonesia branch" is not
    Malaysia's Bank Rakyat).
    """
    found = _BRANCH.search(name)
    if found is None:
        return []
    head = name[: found.start()].strip(" -,;:([")
    words = head.split()
    if not words:
        return []
    heads = [head]
    if not name[found.end() :].strip(" .:)]"):
        for size in range(len(words) - 1, 0, -1):
            if country_named(" ".join(words[size:])) is not None:
                break
            heads.append(" ".join(words[:size]))
    return heads


def split_around_number(text: str) -> tuple[str, str, str]:
    """Return (text before, number, text after) around the longest run of digits.

    Of runs of equal length the last is the number: a code comes before it ("970416: 784852",
    ACB's NAPAS code and a 6-digit account), which the first run read as the bank's name.
    """
    runs = list(_RUN.finditer(text))
    if not runs:
        return text, "", ""
    best = max(reversed(runs), key=lambda m: len(re.sub(r"\D", "", m[0])))
    return text[: best.start()].strip(), best[0], text[best.end() :].strip()


def split_number(text: str) -> tuple[str, str]:
    """Return (name text, number text) using the longest run of digits as the number."""
    before, number, after = split_around_number(text)
    return f"{before} {after}".strip(), number


def name_variants(name: str) -> Iterator[str]:
    """Yield the name as written, without account words, without company words, then shorter.

    Lazily: the name as written is the bank's name in most values, and the rest is not needed.
    """
    words = [w for w in re.split(r"[\s:;,()\[\]#=]+", name) if any(ch.isalnum() for ch in w)]
    seen: set[str] = set()
    for variant in _variants(words):
        if variant and variant not in seen:
            seen.add(variant)
            yield variant


def _variants(words: list[str]) -> Iterator[str]:
    yield " ".join(words)
    plain = [w for w in words if w.lower().strip(".") not in _NOT_NAME_WORDS]
    labelled = _FIELD_LABEL.match(" ".join(plain))
    if labelled is not None:
        plain = plain[len(labelled[0].split()) :]
    bare = " ".join(plain)
    yield bare
    bare = without_lead(bare) or bare
    yield bare
    if any(w.lower() in _LEGAL_WORDS for w in plain):
        bare = " ".join(w for w in plain if w.lower() not in _LEGAL_WORDS)
        yield bare
    while (shorter := _COMPANY.sub("", bare)) != bare:
        bare = shorter
    yield bare
    yield _BANK_WORD.sub("", bare)
    # A local bank code beside the name ("BCA (014)") is dropped last, and so is a list's
    # numbering before it ("1. Maybank 1140 1234 5678").
    yield " ".join(w for w in bare.split() if not w.rstrip(".)").isdigit())


def token_splits(text: str) -> list[tuple[str, str]]:
    """Return (name, rest) splits of ``text``: longest leading names first, then trailing."""
    tokens = [t for t in re.split(r"[\s:;,()\[\]]+", text) if t]
    out = [(" ".join(tokens[:i]), " ".join(tokens[i:])) for i in range(len(tokens) - 1, 0, -1)]
    out += [(" ".join(tokens[i:]), " ".join(tokens[:i])) for i in range(1, len(tokens))]
    return out
