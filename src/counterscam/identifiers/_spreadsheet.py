"""Account numbers a spreadsheet turned into numbers: 1.14012345678E+11, 114012345678.0."""

from __future__ import annotations

import re

from counterscam.identifiers._types import InvalidIdentifier, shown

# One number among words ("Maybank 1.14012345678E+11"): not part of a longer word or of a
# dotted number (a BCEL account written 010.12.00.01234567.001 keeps its groups).
_SCIENTIFIC = re.compile(r"(?<![\w.,])(\+?)(\d)[.,](\d+)[eE]\+?(\d{1,2})(?![\w.])", re.ASCII)
_DECIMAL = re.compile(r"(?<![\w.,\-/])(\+?\d{6,30})\.0+(?![\w.])", re.ASCII)


def spreadsheet_digits(kind: str, raw: str, text: str) -> str:
    """Return ``text`` with a number a spreadsheet stored as a decimal written in digits.

    Scientific notation that shows every digit is read; one that rounded digits away cannot
    be, and is refused saying how to get the number back.
    """

    def expand(match: re.Match[str]) -> str:
        sign, head, tail, exponent = match[1], match[2], match[3], int(match[4])
        if len(tail) != exponent:
            raise InvalidIdentifier(
                kind,
                raw,
                f"{shown(raw)} has a number a spreadsheet wrote in scientific notation "
                f"({match[0]}), which loses digits; format the column as text and enter the "
                "number again",
            )
        return sign + head + tail

    return _DECIMAL.sub(lambda m: m[1], _SCIENTIFIC.sub(expand, text))
