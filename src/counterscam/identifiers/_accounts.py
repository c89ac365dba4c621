"""Split free text such as "BDO SA 0012-3456-7890" into an institution name and a number."""

from __future__ import annotations

import re

_RUN = re.compile(r"(?<![A-Za-z0-9])\+?\d(?:[\d \-./]*\d)?(?![A-Za-z0-9])", re.ASCII)
# Words around an account number that are not part of the bank's name.
ACCOUNT_WORDS = frozenset(
    "sa ca savings saving current acct account accounts ac a/c no no. number num nr "
    "akaun rekening tk stk sav chk checking cheque deposit ewallet wallet e-wallet "
    "mobile phone tel".split()
)
# Legal-form words at the end (or "PT" at the start) of a bank's registered name.
_COMPANY = re.compile(
    r"^pt\.?\s+|\s+(?:public company limited|public co\.?,? ltd\.?|pcl|berhad|bhd\.?|"
    r"ltd\.?|limited|plc\.?|tbk\.?|inc\.?|corp\.?|corporation|jsc)$",
    re.I,
)


def split_number(text: str) -> tuple[str, str]:
    """Return (name text, number text) using the longest run of digits as the number."""
    runs = list(_RUN.finditer(text))
    if not runs:
        return text, ""
    best = max(runs, key=lambda m: len(re.sub(r"\D", "", m[0])))
    name = (text[: best.start()] + " " + text[best.end() :]).strip()
    return name, best[0]


def name_variants(name: str) -> list[str]:
    """Return the name as written, without account words, then without company words."""
    words = [w for w in re.split(r"[\s:;,()\[\]#=]+", name) if any(ch.isalnum() for ch in w)]
    plain = [w for w in words if w.lower().strip(".") not in ACCOUNT_WORDS]
    bare = " ".join(plain)
    while (shorter := _COMPANY.sub("", bare)) != bare:
        bare = shorter
    out: list[str] = []
    for variant in (" ".join(words), " ".join(plain), bare):
        if variant and variant not in out:
            out.append(variant)
    return out


def token_splits(text: str) -> list[tuple[str, str]]:
    """Return (name, rest) splits of ``text``: longest leading names first, then trailing."""
    tokens = [t for t in re.split(r"[\s:;,()\[\]]+", text) if t]
    out = [(" ".join(tokens[:i]), " ".join(tokens[i:])) for i in range(len(tokens) - 1, 0, -1)]
    out += [(" ".join(tokens[i:]), " ".join(tokens[:i])) for i in range(1, len(tokens))]
    return out
