"""Characters: those no stored text can hold (NUL, lone UTF-16 surrogates), and local digits.

PostgreSQL refuses a NUL in any text column and neither database driver can encode a lone
surrogate (JSON allows both, as ``\\u0000`` and ``\\ud800``), so a value holding one would fail
the whole batch at write time. Readers reject such a value where they find it instead.
"""

from __future__ import annotations

import re
import unicodedata

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


def unstorable(text: str) -> str | None:
    """Return why ``text`` cannot be stored, or None when it can."""
    found = _UNSTORABLE.search(text)
    if found is None:
        return None
    if found.group() == "\x00":
        return (
            "holds a NUL character (binary data), which text cannot hold; remove it, or "
            "export the file again as UTF-8 text"
        )
    return _surrogate_reason(found.group())


def lone_surrogate(text: str) -> str | None:
    """Return why ``text`` is not text when it holds a lone surrogate, or None."""
    found = _SURROGATE.search(text)
    return None if found is None else _surrogate_reason(found.group())


def _surrogate_reason(char: str) -> str:
    return (
        f"holds a lone UTF-16 surrogate (\\u{ord(char):04x}), which is not a "
        "character; send valid UTF-8 text (a JSON \\u escape above \\ud7ff must be one of a pair)"
    )


def invisible(text: str) -> str | None:
    """Return why a code such as an external_ref holds a character no one can see, or None.

    Text pasted from a web page, a chat or a word processor brings zero-width spaces,
    direction marks and control characters along: "MY-1\u200b" looks like "MY-1" but is another
    code, so its resubmission would be stored as a second report instead of updating the first.
    """
    if text.isprintable():  # one C-level pass; the usual code stops here
        return None
    for ch in text:
        if unicodedata.category(ch) in ("Cc", "Cf"):
            name = unicodedata.name(ch, "a control character")
            return (
                f"holds an invisible character (U+{ord(ch):04X} {name}), usually pasted along "
                "with the text; delete it and type the value again, so that the same report "
                "always has the same reference"
            )
    return None


def printable(text: str) -> str:
    """Return ``text`` with those characters shown as U+FFFD, to echo it in an error."""
    return _UNSTORABLE.sub("\ufffd", text)


def ascii_digits(text: str) -> str:
    """Return ``text`` with every decimal digit written 0-9 (Thai ๑๒, Myanmar ၁၂, full-width)."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)
