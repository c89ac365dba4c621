"""Loss amounts as the region writes them: thousands separators, currency signs, cents.

A written amount is read only when it has one reading: ``1,234.56`` and ``1.234,56`` are both
1234.56 and ``1.500.000`` is 1500000, but ``12,50`` is refused, and ``1.500`` is 1500 only in a
currency whose amounts are never written with cents (docs/formats.md lists every form).
A sign several currencies share is read by the reporting country (``intake.local_signs``), an
estimate (``~RM500``, ``approx. 500``) as the figure it gives, and a bound (``> 500``) refused.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation
from typing import Any

from counterscam import reference
from counterscam.identifiers._types import shown
from counterscam.intake import vocab
from counterscam.intake.chars import ascii_digits
from counterscam.intake.local_signs import countries_reading, local_currency
from counterscam.intake.no_value import no_value
from counterscam.intake.records import type_name
from counterscam.reference.currency_signs import amount_signs

# Ten trillion (VND 10 trillion is about USD 400 million, more than any one report's loss):
# SQLite keeps a Numeric as a binary float, exact to the cent only below about 9e13, and an
# amount up to 1e17 came back changed (99,999,999,999,999.99 read as ...98).
MAX_AMOUNT = Decimal("1e13")
_CENT = Decimal("0.01")

# VND has no minor unit in ISO 4217, and rupiah, kip, riel and kyat amounts are written
# without cents in practice: there a '.' followed by exactly three digits separates thousands.
DOT_THOUSANDS = frozenset({"VND", "IDR", "LAK", "KHR", "MMK"})
# A token with six decimals on chain, so digits beyond the (stored) cent are expected and
# rounded; in a currency of notes and coins they more likely mean a misplaced decimal mark.
_ROUNDED = frozenset({"USDT", "USDC"})

# Signs and local abbreviations written beside an amount, and the currencies each can mean
# (``reference.currency_signs`` says which ones, and why a phone's or account's reading of
# them differs). ISO codes (MYR, USD, ...) are recognised as well. Letters are matched
# ignoring case, except "K", because "50k" is fifty thousand.
SIGNS: dict[str, frozenset[str]] = amount_signs()
_FOLDED = {sign.casefold(): codes for sign, codes in SIGNS.items() if sign != "K"}


def _compatible(text: str) -> str:
    """Return ``text`` in NFKC: full-width ``ＭＹＲ ５００`` as typed with an Asian input method."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


# Words for a multiple written after the number ("5 juta", "2 triệu", "3 แสน", "RM5k"), in the
# region's languages: Myanmar counts money in သိန်း (a hundred thousand: "50 lakh kyats"), Lao
# and Khmer in ແສນ and សែន as Thai does in แสน. An amount is written in digits: these are
# refused, saying what the digits would be.
_THOUSAND, _MILLION = 1_000, 1_000_000
MULTIPLES: dict[str, tuple[int, str]] = {
    **dict.fromkeys(
        ("k", "rb", "ribu", "nghìn", "ngàn", "พัน", "ພັນ", "ពាន់", "ထောင်", "libo", "thousand"),
        (_THOUSAND, "thousand"),
    ),
    **dict.fromkeys(("หมื่น", "ໝື່ນ", "ម៉ឺន", "သောင်း"), (10 * _THOUSAND, "ten thousand")),
    **dict.fromkeys(
        ("แสน", "ແສນ", "សែន", "သိန်း", "lakh", "lakhs", "lac", "lacs"),
        (100 * _THOUSAND, "a hundred thousand"),
    ),
    **dict.fromkeys(
        ("jt", "juta", "tr", "triệu", "ล้าน", "ລ້ານ", "លាន", "သန်း", "milyon", "mil", "mn")
        + ("million", "millions"),
        (_MILLION, "a million"),
    ),
    **dict.fromkeys(("crore", "crores", "ကုဋေ"), (10 * _MILLION, "ten million")),
    **dict.fromkeys(
        ("bn", "billion", "billions", "bilyon", "miliar", "milyar", "tỷ", "tỉ", "ຕື້"),
        (1000 * _MILLION, "a thousand million"),
    ),
}
# As the cell is read: NFKC writes the Lao ໝ as two letters.
_MULTIPLES = {_compatible(word).casefold(): found for word, found in MULTIPLES.items()}

# An estimate: read as the figure it gives ("~RM500", "approx. 500", "RM500 (approx)"), in
# English, Malay and Indonesian, Vietnamese and Thai. "ca" and "est" only with their full stop:
# "CA$" is the Canadian dollar.
_NOT_LETTER = r"(?![^\W\d_])"
_APPROX_WORDS = (
    r"approx(?:imately)?|about|around|roughly|circa|estimated|lebih kurang|kurang lebih"
    r"|kira-kira|sekitar|anggaran|khoảng|tầm|ประมาณ"
)
_APPROX_BEFORE = re.compile(
    rf"^(?:[~≈∼]|(?:approx|ca|est)\.|(?:{_APPROX_WORDS}){_NOT_LETTER}\.?)|[~≈∼]$",
    re.IGNORECASE,
)
_APPROX_AFTER = re.compile(
    r"(?:\(\s*|(?<![^\W\d_]))(?:approx(?:imately|imate)?|est(?:imated|imate)?|anggaran"
    r"|ประมาณ)\.?(?:\s*\))?$",
    re.IGNORECASE,
)
# A bound, not an amount: "> 500", "more than RM500", "500+", "RM500 or more".
_BOUND_BEFORE = re.compile(
    r"^(?:>=?|<=?|[≥≤≧≦]|(?:more than|greater than|over|above|at least|not less than|less than"
    r"|under|below|up to|upto|minimum|min|maximum|max|lebih dari(?:pada)?|kurang dari(?:pada)?"
    rf"|melebihi|hơn|trên|dưới|ít nhất|tối thiểu|มากกว่า|เกิน|ไม่ต่ำกว่า|ต่ำกว่า|น้อยกว่า){_NOT_LETTER}\.?)"
    r"|(?:>=?|<=?|[≥≤≧≦])$",
    re.IGNORECASE,
)
_BOUND_AFTER = re.compile(
    r"^\+$|(?<![^\W\d_])(?:or more|or above|and above|and more|or over|plus|or less|and below"
    r"|or under|at least|at most|max(?:imum)?|min(?:imum)?|ขึ้นไป|trở lên)\.?$",
    re.IGNORECASE,
)
# What the range refusal says too: a loss is one figure.
_ONE_AMOUNT = "a loss is one amount: write the amount lost in digits"

# The forms of a number, once its sign and currency are taken off.
_SIMPLE = re.compile(r"(?:[1-9]\d{0,2}(?:,\d{3})+|\d+)(?:\.\d{1,2})?")
_PLAIN = re.compile(r"\d+\.?\d*|\.\d+|\d*\.?\d+[eE][+-]?\d+")
_ONE_DOT_GROUP = re.compile(r"[1-9]\d{0,2}\.\d{3}")
_DOT_THREE = re.compile(r"\d+\.\d{3}")
# 1,234,567.89 and the Indian grouping 12,34,567.89 (lakh and crore): removing the commas
# gives what either writer meant.
_COMMA_GROUPED = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d{1,2}(?:,\d{2})+,\d{3})(?:\.\d*)?")
_DOT_GROUPED = re.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d*)?")
_SPACE_GROUPED = re.compile(r"\d{1,3}(?: \d{3})+(?:\.\d*)?")
_APOSTROPHE_GROUPED = re.compile(r"\d{1,3}(?:'\d{3})+(?:\.\d*)?")
# No-break and thin spaces are what word processors and Excel's French-style formats put
# between thousands.
_SPACES = re.compile("[ \u00a0\u2009\u202f]")

_FORMS = "like 12500.50, 12,500.50 or 1.500.000"


class _Written:
    """An amount cell split into its number and the currency sign or code beside it."""

    def __init__(self, value: str, country: str | None = None) -> None:
        self.shown = shown(value)
        # U+2212, the minus sign word processors and Excel's number formats write, is a minus.
        text = ascii_digits(_compatible(value).strip()).replace("\u2212", "-")
        digits = [i for i, ch in enumerate(text) if ch.isascii() and ch.isdigit()]
        if not digits and text.strip(" -\u2013\u2014") == "" and text.strip():
            # Excel's Accounting format shows zero as a dash, and a CSV keeps what it shows.
            raise ValueError(
                f"{self.shown}: a dash is how a spreadsheet's Accounting format shows zero, "
                "and how some write 'none'; write 0 for no loss, or leave the cell empty when "
                "the loss is not known"
            )
        if not digits and no_value(text):
            # "nil" or "none" may mean no loss as well as a loss not known: not guessed.
            raise ValueError(
                f"{self.shown} stands for no value; write 0 for no loss, or leave the cell "
                "empty when the loss is not known"
            )
        if not digits:
            raise ValueError(f"{self.shown} is not an amount; write it {_FORMS}")
        first, last = digits[0], digits[-1] + 1
        pre, number, post = text[:first].strip(), text[first:last], text[last:].strip()
        if _is_range(number):
            # "1-2 juta", "1,000 - 2,000": the separators were misread as a decimal mark, or
            # the multiple was refused without a word about the range.
            raise ValueError(
                f"{self.shown} is a range; {_ONE_AMOUNT} (when only a range is known, its "
                "lower end, which is sure) and give the range in the narrative"
            )
        pre, post = self._estimate(pre, post)
        self.minus = ""
        if pre[:1] in ("-", "+"):
            self.minus, pre = pre[0], pre[1:].strip()
        elif pre[-1:] in ("-", "+"):
            self.minus, pre = pre[-1], pre[:-1].strip()
        if pre == ".":
            number, pre = "." + number, ""
        if post[:2] in (",-", ".-"):  # Indonesian "Rp 1.500.000,-": no cents
            post = post[2:].strip()
        elif post[:1] == ".":
            number, post = number + ".", post[1:].strip()
        _refuse_accounting_negative(self.shown, pre, number, post)
        if post[:1] == "B" and text[last : last + 1] == "B" and post.split()[0] == "B":
            # "5B" is five billion in English, "500B" five hundred baht on a Thai menu.
            raise ValueError(
                f"{self.shown}: a B right after the number can mean billion, or baht; write "
                f"the whole amount in digits, or baht as B {number}, {number} baht or "
                f"{number} THB"
            )
        if post[:1] == "K" and text[last : last + 1] == "K" and post.split()[0] == "K":
            # "50K" is how fifty thousand is written; kyat is "K 50,000" or "50,000 Ks".
            example = _times(number, 1000)
            raise ValueError(
                f"{self.shown}: a K right after the number usually means thousand; write the "
                "whole amount in digits"
                + (f" (like {example})" if example else "")
                + f", or kyat as K {number} or {number} Ks"
            )
        _refuse_multiple(self.shown, number, post)
        if pre and post:
            raise ValueError(
                f"{self.shown} is not an amount: it has {pre!r} before the number and {post!r} "
                f"after it; write the number alone, {_FORMS}, with at most its currency"
            )
        self.sign = pre or post
        self.number = number
        # What the sign means where the report was written, beside what it can mean anywhere.
        self.local = local_currency(self.sign, country)
        self.currencies = sign_currencies(self.sign) if self.sign else frozenset()
        if self.local is not None:
            self.currencies |= {self.local}
        if self.sign and not self.currencies:
            unknown = unknown_currency(self.sign)
            if unknown:
                raise ValueError(f"{self.shown}: {unknown}")
            elsewhere = countries_reading(self.sign)
            if elsewhere:
                where = " and ".join(f"{_country_name(c)} ({code})" for c, code in elsewhere)
                raise ValueError(
                    f"{self.shown}: {self.sign!r} is read as a currency only in reports from "
                    f"{where}; write the amount with its ISO code, like {number} "
                    f"{elsewhere[0][1]}"
                )
            raise ValueError(
                f"{self.shown} is not an amount: {self.sign!r} is not a currency sign or code; "
                f"write the number alone, {_FORMS}, or with its ISO code (12500.50 MYR)"
            )

    def currency(self, column: str | None) -> str | None:
        """Return the currency of the amount; ValueError if the sign disagrees with ``column``."""
        if not self.sign:
            return column
        if column is None:
            if len(self.currencies) == 1:
                return next(iter(self.currencies))
            if self.local is not None:
                return self.local
            order = vocab.currencies()  # the region's own currencies come first
            example = min(self.currencies, key=lambda code: order.index(code))
            raise ValueError(
                f"{self.shown}: {self.sign!r} can be {_either(self.currencies)}; fill in "
                f"loss_currency, or write the amount with its ISO code, like "
                f"{self.number} {example}"
            )
        if column not in self.currencies:
            raise ValueError(
                f"{self.shown} is written in {_either(self.currencies)} ({self.sign!r}) but "
                f"loss_currency is {column}; correct one of them so they agree"
            )
        return column

    def _estimate(self, pre: str, post: str) -> tuple[str, str]:
        """Return ``pre`` and ``post`` without a word of estimate; refuse a bound."""
        if _BOUND_BEFORE.search(pre) or _BOUND_AFTER.search(post):
            raise ValueError(
                f"{self.shown} is a bound, not one figure; {_ONE_AMOUNT} (when only a lower "
                "bound is known, that bound, which is sure) and give the bound in the narrative"
            )
        # No space is matched before a mark at the end: a long run of spaces would cost a
        # pass per space. The pieces are stripped after.
        before = _APPROX_BEFORE.sub("", pre).strip()
        after = _APPROX_AFTER.sub("", post).strip()
        self.approximate = (before, after) != (pre, post)
        return before, after


# A range: two amounts joined by a dash or tilde or a word for "to" (English, Malay and
# Indonesian, Vietnamese, Thai), each perhaps with its sign or multiple ("RM1000-RM2000",
# "5 tr - 10 tr"). Each side must start like an amount, so a date (2026-03-01) or a phone
# number (012-345 6789) pasted into the column is not called a range. The sides are matched
# apart, by patterns of bounded reach, so a long cell of digits and spaces costs one pass.
_RANGE_MARK = re.compile(
    r"(?<!\d[eE])[-\u2010-\u2015~\u301c]|ถึง|(?<![^\W\d_])(?:to|hingga|sampai|s/d|sd|until|đến)(?![^\W\d_])",
    re.IGNORECASE,
)
_RANGE_LEFT = re.compile(r"(?:[1-9][\d.,' \u00a0]*|0(?:[.,]\d+)?)[^\d\s]{0,8}")
_RANGE_RIGHT = re.compile(r"(?:[^\d\s]{1,8}\s*){0,3}(?:[1-9]|0(?:[.,]\d|$))")


def _is_range(number: str) -> bool:
    mark = _RANGE_MARK.search(number)
    if mark is None:
        return False
    left, right = number[: mark.start()].rstrip(), number[mark.end() :].lstrip()
    return bool(_RANGE_LEFT.fullmatch(left) and _RANGE_RIGHT.match(right))


def _refuse_accounting_negative(shown: str, pre: str, number: str, post: str) -> None:
    """Refuse "(500)" and "500.00-", the negatives of accounting exports, as negative."""
    if pre.endswith("(") and post.startswith(")"):
        raise ValueError(
            f"{shown}: an amount in brackets is negative in accounting; a loss is written as a "
            f"positive amount without brackets, like {number}"
        )
    if post == "-":  # was "'-' is not a currency sign or code"
        raise ValueError(
            f"{shown}: a '-' after the number marks a negative amount in accounting exports, "
            f"and a loss is positive; write the amount without it, like {number}"
        )


# Crypto-assets written by their ticker that no chain of crypto_chains.yaml is named by.
_TOKENS = frozenset({"XRP", "DAI", "BUSD", "FDUSD", "TUSD", "USDE", "PYUSD", "SHIB", "ADA"})
# Chain names that are also words or other units ("100 ton", the Peruvian sol): a crypto-asset
# only when written in capitals.
_CHAIN_WORDS = frozenset({"base", "op", "ton", "sol", "arb", "pol", "spl"})


def unknown_currency(code: str) -> str | None:
    """Say why a currency code the FX table lacks cannot be taken, or None for other words.

    A crypto-asset's price moves too much within a month for a monthly rate, and a code of
    another currency has none in the table: neither loss could be counted in USD.
    """
    word = code.strip()
    if word.upper() in _TOKENS or (
        word.isascii()
        and word.isalpha()
        and (word.isupper() or word.casefold() not in _CHAIN_WORDS)
        and reference.find_chain(word) is not None
    ):
        return (
            f"{word!r} is a crypto-asset, and only the stablecoins USDT and USDC have a USD "
            "rate (reference/data/fx_rates.yaml); write the loss in USD as valued on the day "
            "it was paid, or in the currency the victim paid with, and give the amount in "
            f"{word} in the narrative"
        )
    if len(word) == 3 and word.isascii() and word.isalpha() and word.isupper():
        return (
            f"{word!r} is not a known currency: it has no USD rate in "
            "reference/data/fx_rates.yaml; use one of its ISO 4217 codes "
            f"({', '.join(vocab.currencies())}), or ask the secretariat to add {word}"
        )
    return None


def _refuse_multiple(shown: str, number: str, post: str) -> None:
    """Refuse "5 juta", "RM5k", "1.5M": say what the word means and what to write."""
    word = post.split()[0] if post.split() else ""
    if word == "K":  # apart from the digits: the kyat's sign ("50,000 K")
        return
    if word in ("M", "m"):
        million = _times(number, _MILLION)
        raise ValueError(
            f"{shown}: 'M' can mean a million, or in Indonesia a thousand million (miliar); "
            "write the whole amount in digits"
            + (f", like {million} if a million is meant" if million else "")
        )
    found = _MULTIPLES.get(word.casefold())
    if found is None:
        return
    times, meaning = found
    example = _times(number, times)
    raise ValueError(
        f"{shown}: {word!r} means {meaning}; write the whole amount in digits"
        + (f", like {example}" if example else "")
    )


# A fraction before a multiple: one mark and one or two digits, which no thousands separator
# leaves ("12.5k", "2,5 triệu"), so the mark is the decimal mark whichever it is.
_FRACTION = re.compile(r"(\d+)[.,](\d{1,2})", re.ASCII)


def _times(number: str, times: int) -> str | None:
    """Return the amount a number and a multiple make, as the example to write instead."""
    if number.isdigit():
        return str(int(number) * times)
    fraction = _FRACTION.fullmatch(number)
    if fraction is None:  # "1.500 juta" is 1,500 or 1.5 million: no example rather than a wrong one
        return None
    return f"{(Decimal(f'{fraction[1]}.{fraction[2]}') * times).normalize():f}"


def sign_currencies(sign: str) -> frozenset[str]:
    """Return the currencies a sign, code or currency word (``RM``, ``usd``, ``baht``) can be
    anywhere (``local_signs`` says what some mean in one country's reports)."""
    sign = _compatible(sign)
    code = sign.upper()
    if code in vocab.currency_set():
        return frozenset({code})
    found = SIGNS.get(sign) or _FOLDED.get(sign.casefold())
    if found is None and len(sign) > 1 and sign.endswith("."):
        # An abbreviation's full stop: "Ks. 50,000", "RM. 1,200", as "Rp." is written.
        return sign_currencies(sign[:-1])
    return found or frozenset()


def _either(codes: frozenset[str]) -> str:
    names = sorted(codes)
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]


def _country_name(code: str) -> str:
    try:
        return reference.country(code).name
    except KeyError:
        return code


def currency_written(value: Any, country: str | None = None) -> str | None:
    """Return the one currency the sign or code in an amount cell names, or None.

    ``country`` is the reporting agency's: ``K`` names MMK in a report from Myanmar.
    """
    if not isinstance(value, str):
        return None
    try:
        written = _Written(value, country)
        return written.currency(None)
    except ValueError:
        return None


def approximate(value: Any, country: str | None = None) -> bool:
    """Return whether an amount cell gives its figure as an estimate (``~RM500``)."""
    if not isinstance(value, str) or _SIMPLE.fullmatch(value):
        return False
    try:
        return _Written(value, country).approximate
    except ValueError:
        return False


def amount_of(
    value: Any, currency: str | None = None, *, country: str | None = None
) -> Decimal | None:
    """Read an amount of money in ``currency`` (the row's loss_currency, when known).

    ``country`` is the reporting agency's country, whose officers wrote the amount: a sign
    several currencies share is read as it is there (``intake.local_signs``). A currency
    given apart (``currency``) always wins: the sign must be one of its signs anywhere.
    """
    if value is None:
        return None
    if isinstance(value, str) and _SIMPLE.fullmatch(value):  # most cells: one reading, cents
        return _checked(Decimal(value.replace(",", "")), value, currency)
    if isinstance(value, str):
        written = _Written(value, country)
        currency = written.currency(currency)
        amount = _number(written.minus + written.number, shown=written.shown, currency=currency)
    elif isinstance(value, Decimal):
        amount = value
    elif isinstance(value, float):
        # As Excel shows a number cell (15 significant digits): 0.1 + 0.2 is 0.3 there.
        amount = Decimal(f"{value:.15g}")
    elif isinstance(value, int) and not isinstance(value, bool):
        amount = Decimal(value)
    else:
        # A JSON true or list was named as Python writes it ("'True' is not an amount"),
        # not as it was sent: a JSON true is no text the sender could find in the file.
        raise ValueError(f"{type_name(value)} is not an amount; write it {_FORMS}")
    return _checked(amount, value, currency)


def _checked(amount: Decimal, value: Any, currency: str | None) -> Decimal:
    written = shown(str(value))  # cut short: a quote left open can make 5,000 digits
    if not amount.is_finite():  # a JSON NaN or Infinity
        if isinstance(value, float):  # as the JSON was written: it was Python's 'nan'
            written = "NaN" if value != value else ("Infinity" if value > 0 else "-Infinity")
        raise ValueError(f"{written} is not an amount; write it {_FORMS}")
    if amount >= MAX_AMOUNT:
        raise ValueError(
            f"{written} is too large: a loss is less than {MAX_AMOUNT:,.0f}; check the amount, "
            "its decimal mark and its thousands separators"
        )
    if amount < 0:
        raise ValueError(f"{written} is negative; a loss is written as a positive amount")
    cents = amount.quantize(_CENT)
    if currency is not None and currency not in _ROUNDED and cents != amount:
        raise ValueError(
            f"{written} has digits beyond the cent, which are not kept; write {cents} if that "
            "is the amount, or check the decimal mark and the thousands separators"
        )
    return cents


def _number(number: str, *, shown: str, currency: str | None) -> Decimal:
    """Read the digits and separators of an amount; ValueError unless one reading is possible."""
    minus, text = (number[0], number[1:]) if number[:1] in ("+", "-") else ("", number)
    text = _SPACES.sub(" ", text).replace("\u2019", "'")
    if "," in text:
        if _COMMA_GROUPED.fullmatch(text):
            text = text.replace(",", "")
        elif _DOT_GROUPED.fullmatch(text):  # 1.234.567,89: the last mark is the decimal one
            text = text.replace(".", "").replace(",", ".")
        else:
            raise ValueError(
                f"{shown} uses ',' as the decimal mark or in the wrong place; write it like "
                "1234.56, 1,234.56 or 1.234,56 (',' before the cents only after '.' between "
                "thousands)"
            )
    elif text.count(".") > 1:
        if not _DOT_GROUPED.fullmatch(text):
            raise ValueError(
                f"{shown} has '.' more than once but not between groups of three digits; "
                "write it like 1500000 or 1.500.000 (and 1.500.000,50 with cents)"
            )
        text = text.replace(".", "")
    elif " " in text or "'" in text:
        grouped = _SPACE_GROUPED if " " in text else _APOSTROPHE_GROUPED
        if not grouped.fullmatch(text):
            mark = "a space" if " " in text else "an apostrophe"
            raise ValueError(
                f"{shown} has {mark} inside the number that does not separate groups of three "
                "digits; write it like 12500 or 12,500"
            )
        text = text.replace(" ", "").replace("'", "")
    elif _ONE_DOT_GROUP.fullmatch(text):
        whole = int(text.replace(".", ""))
        if currency not in DOT_THOUSANDS:
            raise ValueError(
                f"{shown} is ambiguous: if '.' separates thousands write {whole} or "
                f"{whole:,}; otherwise give the cents, like 12.50"
            )
        text = str(whole)
    elif currency in DOT_THOUSANDS and _DOT_THREE.fullmatch(text):
        raise ValueError(
            f"{shown}: in {currency} a '.' before three digits separates thousands, but "
            f"{text} is not in groups of three digits; write it without separators, like "
            f"{int(text.replace('.', ''))}, or with '.' between every three, like 1.500.000"
        )
    elif not _PLAIN.fullmatch(text):
        raise ValueError(f"{shown} is not an amount; write it {_FORMS}")
    try:
        return Decimal(minus + text)
    except InvalidOperation:  # pragma: no cover - the forms above are all decimals
        raise ValueError(f"{shown} is not an amount; write it {_FORMS}") from None
