"""Letters among a phone number's digits: a typing slip ("081-234-567B") or a vanity number.

A letter or two touching the digits is a slip (O for 0, I for 1, a key beside a digit): read
as words around the number, it was dropped and the rest sent to another country. A word of
three letters or more after the digits is how businesses advertise numbers (1-800-FLOWERS in
the US, 02-8888-HOPE in the Philippines): the letters stand for the keys they are on (ITU
E.161), 1-800-3569377.
"""

from __future__ import annotations

import re
import unicodedata

import phonenumbers

from counterscam.identifiers._types import InvalidIdentifier, shown

_MIN_DIGITS = 7
# A run of Latin letters (full-width ones are Latin after NFKC) right beside a digit, or apart
# from it by one dash or dot only. Other scripts' letters there are words ("0812345678ครับ").
_GLUED = re.compile(r"(?<=\d)[\-.]?([A-Za-z]+)|([A-Za-z]+)[\-.]?(?=\d)", re.ASCII)
# "x" before an extension's digits ("021-1234567 x123"), written after a label the numeric
# form does not take.
_EXTENSION_MARK = re.compile(r"[xX]\s*[.:]?\s*\d")
# Digits, then words of Latin letters, digits among them: 1-800-FLOWERS, 1-800-GO-FEDEX.
_VANITY = re.compile(r"\+?[\d\s\-.()]+[A-Za-z][A-Za-z\d\s\-.]*", re.ASCII)
# Four digits at least before the first letter, so that "100PLUS" stays a sender name.
_MIN_VANITY_HEAD = 4
_MIN_VANITY_LETTERS = 3
_LOOK_ALIKE = {
    "O": " (an O is often typed for a 0)",
    "o": " (an o is often typed for a 0)",
    "I": " (an I is often typed for a 1)",
    "l": " (an l is often typed for a 1)",
}
# A letter of another script right beside a digit, or apart from it by one dash or dot.
_LONE_LETTER = re.compile(r"(?:(?<=\d)|(?<=\d[\-.]))[^\W\d_]|[^\W\d_](?=[\-.]?\d)")
# The letters a Thai (Kedmanee) keyboard types on the digit keys: 1 ๅ, 4 ภ, 5 ถ, 8 ค, 9 ต, 0 จ.
_THAI_KEYS = {"ๅ": "1", "ภ": "4", "ถ": "5", "ค": "8", "ต": "9", "จ": "0"}
# A word written as a number: digits, the usual separators, a letter or two among them, and
# look-alikes of 0 and 1 before its first digit, as screenshot OCR reads them ("O8l2").
_NUMBER_WORD = re.compile(r"[+(]*[OoIl]{0,2}\d[\dA-Za-z\-.()/]*", re.ASCII)
# Look-alikes of 0 and 1 starting a word, right before its first digit.
_LEADING_LOOKALIKE = re.compile(r"(?<![A-Za-z])([OoIl]{1,2})[\-.]?(?=\d)", re.ASCII)


def refuse_letters(raw: str, text: str) -> None:
    """Refuse a number with one or two letters among its digits, naming the first of them."""
    # No cased letter at all (what is typed most): one C-level test, a tenth of the search's
    # cost on every phone number checked.
    if text.lower() == text.upper() or _GLUED.search(text) is None:
        if not text.isascii():  # what is typed most is ASCII: the check below is not needed
            _refuse_lone_letter(raw, text)
        return  # what is typed most: no letter beside a digit
    first_digit = next((i for i, ch in enumerate(text) if ch.isdigit()), None)
    if first_digit is None or sum(ch.isdigit() for ch in text) < _MIN_DIGITS:
        return
    runs = _leading_lookalike(text, first_digit) + [
        (match.start(1) if match[1] else match.start(2), match[1] or match[2])
        for match in _GLUED.finditer(text, first_digit)
    ]
    # Only in a word written as a number is: "S1234567D" is an ID, "2001:db8" an address,
    # "567B" a slip.
    runs = [(at, run) for at, run in runs if _in_number(text, at)]
    # Three letters or more are a word: a label, a name or a vanity number, read elsewhere.
    if not runs or any(len(letters) > 2 for _, letters in runs):
        return
    at, letters = runs[0]
    letter = letters[0]
    position = _position_in(raw, text, at)
    where = f" (character {position})" if position is not None else ""
    raise InvalidIdentifier(
        "phone",
        raw,
        f"{shown(raw)} has the letter {letter}{where} among its digits, and a phone number "
        f"has digits only; check that character{_LOOK_ALIKE.get(letter, '')} and enter the "
        "number again",
    )


def _leading_lookalike(text: str, first_digit: int) -> list[tuple[int, str]]:
    """Return an I or l typed for a 1 at the start of a number ("l800 88 1234", "I2 345 678").

    The parser skips letters before the first digit, so the number lost its 1 and was sent to
    another country (+66 80 088 1234). Os alone are left: dropped, they are the trunk or
    international prefix's zeros the writer meant ("O812 3456 7890" reads as 0812 3456 7890).
    """
    found = _LEADING_LOOKALIKE.search(text, 0, first_digit + 1)
    if found is None or not set(found[1]) & {"I", "l"}:
        return []
    return [(found.start(1), found[1])]


def _refuse_lone_letter(raw: str, text: str) -> None:
    """Refuse one letter of another script touching a number's digits ("081-234-567ข").

    A keyboard left in Thai types a Thai letter for a digit, and one letter alone is no
    word: read as a word after the number, it was dropped and the rest was sent to another
    country. A word ("0812345678ครับ") has more letters, or a vowel or tone mark after its
    letter, and stays a word; so does a Latin letter of another alphabet (Vietnamese "ạ").
    """
    for match in _LONE_LETTER.finditer(text):
        if "LATIN" in unicodedata.name(match[0], "LATIN"):
            continue  # Vietnamese "ạ" is a word ("... 4567ạ", politely); ASCII was seen above
        at = match.start()
        after = text[at + 1 : at + 2]
        if after and (after.isalpha() or unicodedata.category(after).startswith("M")):
            continue
        before = text[at - 1 : at] if at else ""
        if before and (before.isalpha() or unicodedata.category(before).startswith("M")):
            continue
        end = text.find(" ", at)
        word = text[text.rfind(" ", 0, at) + 1 : end if end >= 0 else len(text)]
        number = word.replace(match[0], "", 1)
        if _NUMBER_WORD.fullmatch(number) is None or sum(ch.isdigit() for ch in word) < 3:
            continue
        if sum(ch.isdigit() for ch in text) < _MIN_DIGITS:
            return
        letter = match[0]
        position = _position_in(raw, text, at)
        where = f" (character {position})" if position is not None else ""
        key = _THAI_KEYS.get(letter)
        hint = f" (on a Thai keyboard {letter} is the {key} key)" if key else ""
        raise InvalidIdentifier(
            "phone",
            raw,
            f"{shown(raw)} has the letter {letter}{where} among its digits, and a phone "
            f"number has digits only; check that character{hint} and enter the number again",
        )


def _in_number(text: str, at: int) -> bool:
    """Tell whether the letters at ``text[at]`` are in a word written as a number, and are
    not the "x" of an extension."""
    if _EXTENSION_MARK.match(text, at):
        return False
    end = text.find(" ", at)
    word = text[text.rfind(" ", 0, at) + 1 : end if end >= 0 else len(text)]
    return _NUMBER_WORD.fullmatch(word) is not None


def _position_in(raw: str, text: str, at: int) -> int | None:
    """Return the 1-based place in ``raw`` of the letter at ``text[at]``, counted from the
    letters after it: cleaning only drops characters before a number (a label, spaces)."""
    after = sum(ch.isalpha() for ch in text[at + 1 :])
    seen = 0
    for index in range(len(raw) - 1, -1, -1):
        char = unicodedata.normalize("NFKC", raw[index])
        if char.isalpha():
            if seen == after:
                # Another letter there: the number came out of a link with words after it
                # (";phone-context=..."), and no place is better than a wrong one.
                return index + 1 if char == text[at] else None
            seen += 1
    return None


def keypad_digits(text: str) -> str | None:
    """Return a vanity number with its letters as the keypad's digits, None when not one."""
    if not _VANITY.fullmatch(text) or sum(ch.isalpha() for ch in text) < _MIN_VANITY_LETTERS:
        return None
    head = next(i for i, ch in enumerate(text) if ch.isalpha())
    if sum(ch.isdigit() for ch in text[:head]) < _MIN_VANITY_HEAD:
        return None
    return str(phonenumbers.convert_alpha_characters_in_number(text))
