"""Read a Lao name in Lao script as it is written in Latin letters (ສົມພອນ: Somphone).

Lao spelling has been phonetic since the 1975 reform: every vowel is written and only eight
letters end a syllable, so a word is read syllable by syllable from its letters, in the French-
based spelling Lao names keep abroad (ou, x, ph, final nh: Souksavanh, Xayavong), which the
phonetic key folds (persons_names.phonetic). The Thai reader is not shared: Thai leaves vowels
unwritten and keeps Sanskrit finals, which are the hard part there and absent here. A few name
words spelt in the old way or read irregularly are in a table. A word with a letter this cannot
place gets no reading (None): no guess.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_INITIAL = dict(
    zip(
        "ກຂຄງຈສຊຍດຕຖທນບປຜຝພຟມຢຣລວຫອຮ",
        "k kh kh ng ch s x y d t th th n b p ph f ph f m y r l v h - h".split(),
        strict=True,
    )
)
_FINAL = dict(zip("ກງດນບມຍວ", "k ng t n p m y o".split(), strict=True))
_LEADING = "ເແໂໄໃ"
# Vowel signs written after, above or below their consonant.
_FOLLOWING = "ະັາິີຶືຸູົຽໍ"
_TONES = "\u0ec8\u0ec9\u0eca\u0ecb"
_CANCEL = "\u0ecc"  # the letter before it is not pronounced
_SUB_L = "\u0ebc"  # ຼ, the subscript l of ຫຼ
_SILENT_H = "ງຍນມລວຣ"
_SIMPLE = {"ະ": "a", "າ": "a", "ິ": "i", "ີ": "i", "ຶ": "ue", "ື": "ue", "ຸ": "u", "ູ": "u"}
# Name words whose Latin spelling does not follow from the letters: old spellings with a
# silent ຣ, and Pali words whose last vowel is not written.
_WORDS = {
    "ພຣະ": "phra",
    "ສຣີ": "sri",
    "ຈັນທຣາ": "chanthra",
    "ພົມມະ": "phomma",
    "ສັກ": "sak",
    "ບຸນ": "boun",
}


def is_lao(token: str) -> bool:
    """Return whether ``token`` is written in Lao script."""
    return any("\u0e80" <= ch <= "\u0eff" for ch in token)


def _clean(token: str) -> str:
    """Drop tone marks and letters under the cancellation mark; read ໍາ (NFKD of ຳ) as one."""
    kept: list[str] = []
    for ch in unicodedata.normalize("NFKD", token):
        if ch in _TONES:
            continue
        if ch == _CANCEL:
            if kept:
                kept.pop()
            continue
        kept.append(ch)
    return "".join(kept).replace("\u0ecd\u0eb2", "\u0eb3")


def _initial(s: str, i: int) -> tuple[str, int]:
    """Return the sound of the initial consonant(s) at ``i`` and the index after them."""
    c = s[i]
    nxt = s[i + 1] if i + 1 < len(s) else ""
    if c == "ຫ" and nxt and nxt in _SILENT_H:  # ຫວັນ: the h only sets the tone
        return _INITIAL[nxt], i + 2
    if nxt == _SUB_L:
        return ("" if c == "ຫ" else _INITIAL[c]) + "l", i + 2
    return _INITIAL[c].strip("-"), i + 1


def _vowel(s: str, i: int, lead: str) -> tuple[str, int, bool]:
    """Return the vowel at ``i``, the index after it and whether a final may follow."""
    at = s[i] if i < len(s) else ""
    nxt = s[i + 1] if i + 1 < len(s) else ""
    if lead == "ເ":
        if at == "ົ" and nxt == "າ":
            return "ao", i + 2, False
        if at == "ີ" and nxt == "ຍ":
            return "ia", i + 2, True
        if at == "ື" and nxt == "ອ":
            return "uea", i + 2, True
        if at == "ຍ" and not nxt:
            return "ia", i + 1, False
        if at == "ິ":
            return "oe", i + 1, True
        return ("e", i + 1, at == "ັ") if at and at in "ະັ" else ("e", i, True)
    if lead and lead in "ແໂ":
        vowel = "e" if lead == "ແ" else "o"
        return (vowel, i + 1, at == "ັ") if at and at in "ະັ" else (vowel, i, True)
    if lead:
        return "ai", i, False
    if at in ("ັ", "ົ") and nxt == "ວ":
        return "oua", i + 2, True  # ບົວ: Boua
    if at == "ັ":
        return "a", i + 1, True
    if at == "ົ":
        return "o", i + 1, True
    if at == "ຳ":
        return "am", i + 1, False
    if at == "ໍ":
        return "o", i + 1, False
    if at == "ຽ":
        return "ie", i + 1, True
    if at in _SIMPLE:
        end = i + 2 if at == "ື" and nxt == "ອ" else i + 1
        return _SIMPLE[at], end, at != "ະ"
    if at == "ອ" and (not nxt or nxt in _FINAL):
        return "o", i + 1, True  # ພອນ: Phone
    if at == "ວ" and nxt and nxt in _FINAL:
        return "oua", i + 1, True  # ດວງ: Douang
    return "a", i, False


def _final_here(s: str, i: int) -> bool:
    """Return whether the consonant at ``i`` closes the syllable before it."""
    if s[i] not in _FINAL:
        return False
    follows = s[i + 1] if i + 1 < len(s) else ""
    return not follows or follows not in _FOLLOWING + _SUB_L + "ອ"


@lru_cache(maxsize=50_000)
def readings(token: str) -> tuple[str, ...]:
    """Return the Latin spellings of one Lao word, the commonest first, or () if unreadable.

    A final i after s is written y as often as i (Somsy, Sisavath), and the phonetic key reads
    "sy" as "s": both are given.
    """
    read = romanise(token)
    if read is None:
        return ()
    return (read, read[:-1] + "y") if read.endswith("si") else (read,)


def romanise(token: str) -> str | None:
    """Return the Latin spelling of one Lao word, or None if it holds a letter this cannot read."""
    s = _clean(token)
    if s in _WORDS:
        return _WORDS[s]
    out: list[str] = []
    i = 0
    while i < len(s):
        if s[i] == "ໆ":  # the word before, said twice
            out.append(out[-1] if out else "")
            i += 1
            continue
        lead = s[i] if s[i] in _LEADING else ""
        i += bool(lead)
        if i >= len(s) or s[i] not in _INITIAL:
            return None
        initial, i = _initial(s, i)
        vowel, i, closed = _vowel(s, i, lead)
        if closed and i < len(s) and _final_here(s, i):
            out.append(initial + vowel + _FINAL[s[i]])
            i += 1
        else:
            out.append(initial + vowel)
    # ໄຊຍະວົງ is Xayavong: ai before a y is written once.
    return "".join(out).replace("aiy", "ay") or None
