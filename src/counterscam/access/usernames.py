"""Usernames: the one form a name is stored, looked up and counted in, and which names are taken.

A username was only stripped and lower-cased, so the same name in full-width letters, a name
whose accent is a combining mark (NFD) beside the same name with the accented letter (NFC), a
name with an invisible space (U+200B) in it, and ``admin`` with a Cyrillic a (U+0430) were each
a second account that reads as the first in every list and audit line; a NUL or a bell
character was stored too (on SQLite). The compatibility form (NFKC) makes the full-width and
decomposed spellings the same name, and a new name must be letters, digits and ASCII's signs,
with nothing invisible and no script mixed with a look-alike one, nor written wholly in letters
of another script that each look like a Latin one (Cyrillic U+0430 U+0441 U+0435 reads "ace").
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
# Cyrillic and Greek small letters drawn as a Latin one in common fonts (Unicode's
# confusables.txt, UTS #39), with the Latin letter each reads as. A name of these alone, with
# no other letter (``\u0430\u0441\u0435`` reads "ace"), passes the mixed-script rule and reads
# as a Latin name with different letters. Names are stored in lower case, so only small
# letters are listed. Kept here rather than a library: it is read at account creation only.
_READS_LATIN = {
    "\u0430": "a",  # CYRILLIC SMALL LETTER A
    "\u0441": "c",  # ES
    "\u0501": "d",  # KOMI DE
    "\u0435": "e",  # IE
    "\u04bb": "h",  # SHHA
    "\u0456": "i",  # BYELORUSSIAN-UKRAINIAN I
    "\u0458": "j",  # JE
    "\u04cf": "l",  # PALOCHKA
    "\u043e": "o",  # O
    "\u0440": "p",  # ER
    "\u051b": "q",  # QA
    "\u0455": "s",  # DZE
    "\u0475": "v",  # IZHITSA
    "\u051d": "w",  # WE
    "\u0445": "x",  # HA
    "\u0443": "y",  # U
    "\u04af": "y",  # STRAIGHT U
    "\u03b1": "a",  # GREEK SMALL LETTER ALPHA
    "\u03b9": "i",  # IOTA
    "\u03bd": "v",  # NU
    "\u03bf": "o",  # OMICRON
    "\u03c1": "p",  # RHO
    "\u03c5": "u",  # UPSILON
    "\u03b3": "y",  # GAMMA
    "\u03c7": "x",  # CHI
}


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
    return _reads_as_latin(name)


def _reads_as_latin(name: str) -> str | None:
    """Say that every letter of ``name`` is a Cyrillic or Greek look-alike of a Latin one."""
    letters = [c for c in name if unicodedata.category(c)[0] == "L"]
    if not letters or any(c not in _READS_LATIN for c in letters):
        return None
    script = _script(letters[0]).title()
    reads = "".join(_READS_LATIN.get(c, c) for c in name)
    return (
        f"username is written in {script} letters that each look like a Latin one, so it reads "
        f"as the Latin name '{reads}' and would pass for that account; write it in Latin letters"
    )


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
