"""Vietnamese vowel letters that the folding drops: Hùng and Hưng are two names.

Folding to ASCII makes the names of records typed without marks comparable, but it also makes
one name of two that Vietnamese writes apart: u and ư, o, ô and ơ, a, ă and â, e and ê are
different vowels (Hùng and Hưng, Tâm and Tám are different people). Where both records were
typed with marks, the letters say so; the clustering then keeps them apart (persons_cluster).
Tones are not compared: the hook and the tilde are confused in writing as in southern speech
(Nguyển for Nguyễn), and a record with a tone mark typed carries its vowels as written.
"""

from __future__ import annotations

import re
import unicodedata

# Breve, circumflex, horn: they make another vowel (ă â ê ô ơ ư), unlike the tone marks.
_VOWEL_MARKS = frozenset("\u0302\u0306\u031b")
_WORD = re.compile(r"(?:[^\W\d_]|[\u0300-\u036f])+")
# Đ and its look-alikes (persons_names.fold): D typed for Đ is common, and no other vowel.
_D_LIKE = str.maketrans("đðɖ", "ddd")


def _latin_word(word: str) -> bool:
    return all(ch < "\u0250" or unicodedata.combining(ch) for ch in word)


def marked_vowels(full_name: str) -> str | None:
    """Return "folded:vowels ..." for each word typed with marks, or None if there is none.

    ``vowels`` is the word with only its vowel letters' marks (Hưng as hưng, Hùng as hung,
    Nguyễn as nguyên); a word typed without any mark says nothing (Hung may be either).
    """
    if full_name.isascii():  # most names as reports write them
        return None
    found: set[str] = set()
    for word in _WORD.findall(unicodedata.normalize("NFD", full_name.lower())):
        marks = [ch for ch in word if unicodedata.combining(ch)]
        if not marks or not _latin_word(word):
            continue
        word = word.translate(_D_LIKE)
        plain = "".join(ch for ch in word if not unicodedata.combining(ch))
        vowels = "".join(ch for ch in word if not unicodedata.combining(ch) or ch in _VOWEL_MARKS)
        found.add(f"{plain}:{unicodedata.normalize('NFC', vowels)}")
    return " ".join(sorted(found)) or None


def vowels_compatible(a: str, b: str) -> bool:
    """Tell whether two records' marked words may be one name: no word folded alike in both
    is written with different vowels."""
    left, right = _by_word(a), _by_word(b)
    return all(left[w] & right[w] for w in left.keys() & right.keys())


def _by_word(marked: str) -> dict[str, set[str]]:
    words: dict[str, set[str]] = {}
    for item in marked.split():
        plain, _, vowels = item.partition(":")
        words.setdefault(plain, set()).add(vowels)
    return words
