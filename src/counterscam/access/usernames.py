"""Usernames: the one form a name is stored, looked up and counted in, and which names are taken.

A username was only stripped and lower-cased, so the same name in full-width letters, a name
whose accent is a combining mark (NFD) beside the same name with the accented letter (NFC), a
name with an invisible space (U+200B) in it, and ``admin`` with a Cyrillic a (U+0430) were each
a second account that reads as the first in every list and audit line; a NUL or a bell
character was stored too (on SQLite). The compatibility form (NFKC) makes the full-width and
decomposed spellings the same name, and a new name must be letters, digits and ASCII's signs,
with nothing invisible and no script mixed with a look-alike one.
"""

from __future__ import annotations

import unicodedata

# Letters, marks and digits of any script (Thai names need marks), and ASCII's visible signs
# (. - _ @, and [red] too): other signs are where look-alikes live (U+2010 for -, U+00B7).
_KINDS = frozenset("LMN")
# Default-ignorable code points drawn as nothing though their category is a letter or a mark:
# variation selectors, the grapheme joiner, the Hangul fillers, Khmer's inherent vowels.
_INVISIBLE = (
    (0x034F, 0x034F),
    (0x115F, 0x1160),
    (0x17B4, 0x17B5),
    (0x180B, 0x180F),
    (0x3164, 0x3164),
    (0xFE00, 0xFE0F),
    (0xFFA0, 0xFFA0),
    (0xE0100, 0xE01EF),
)
# Scripts whose letters are drawn alike (Latin a, Cyrillic U+0430, Greek U+03B1): mixed in one name,
# they spell another account's name with different letters.
_LOOK_ALIKE = frozenset(("LATIN", "CYRILLIC", "GREEK"))


def username_key(text: str) -> str:
    """Return the form a username is stored and looked up in: trimmed, NFKC, lower case.

    NFKC again after lower-casing: a few letters lower-case to a sequence NFKC composes.
    """
    name = unicodedata.normalize("NFKC", text.strip()).lower()
    return name if unicodedata.is_normalized("NFKC", name) else unicodedata.normalize("NFKC", name)


def legacy_key(text: str) -> str:
    """Return the form usernames were stored in before ``username_key`` (trimmed, lower case).

    An account created then under a name NFKC changes is still found under it.
    """
    return text.strip().lower()


def username_problem(name: str, most: int) -> str | None:
    """Say what makes ``name`` (already a ``username_key``) no username to create, or None."""
    if not name or len(name) > most:
        return f"username must be 1 to {most} characters, like aisyah.rahman"
    odd = [c for c in name if not _allowed(c)]
    if odd:
        shown = ", ".join(dict.fromkeys(_named(c) for c in odd))
        return (
            "username must be letters, digits and signs such as . - _ @, without spaces, like "
            f"aisyah.rahman; it holds {shown}"
        )
    scripts = {_script(c) for c in name if unicodedata.category(c)[0] == "L"} & _LOOK_ALIKE
    if len(scripts) > 1:
        return (
            f"username mixes {' and '.join(sorted(s.title() for s in scripts))} letters, which "
            "look alike and would spell a name that reads as another; write it in one script"
        )
    return None


def _allowed(char: str) -> bool:
    if "!" <= char <= "~":
        return True
    code = ord(char)
    if any(low <= code <= high for low, high in _INVISIBLE):
        return False
    return unicodedata.category(char)[0] in _KINDS


def _script(char: str) -> str:
    # The first word of a letter's Unicode name is its script (LATIN SMALL LETTER A).
    return unicodedata.name(char, "").partition(" ")[0]


def _named(char: str) -> str:
    if char == " ":
        return "spaces"
    name = unicodedata.name(char, "")
    return f"U+{ord(char):04X}" + (f" {name}" if name else "")
