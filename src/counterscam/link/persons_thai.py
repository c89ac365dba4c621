"""Romanise a Thai name in Thai script roughly as the RTGS does (สมชาย ใจดี: Somchai Chaidi).

Only for the name keys: a Thai-script record then meets the same name written in Latin letters
(Somchai Jaidee, Somchay Chaidee, as the phonetic key folds them). Thai script writes no vowel
in some syllables and does not mark where syllables end, so the reading follows the common
rules and can miss an irregular spelling (จันทร์, ชินวัตร); a miss only leaves the two records
apart, as before. The record's own tokens stay in Thai script, so two records in Thai compare
as written.
"""

from __future__ import annotations

import re
from functools import lru_cache

_INITIAL = dict(
    zip(
        "กขฃคฅฆงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬอฮ",
        "k kh kh kh kh kh ng ch ch ch s ch y d t th th th n d t th th th n b p ph f ph f ph "
        "m y r l w s s s h l - h".split(),
        strict=True,
    )
)
_FINAL = dict(
    zip(
        "กขคฆงจชซญฎฏฐฑฒณดตถทธนบปพฟภมยรลวศษสฬ",
        "k k k k ng t t t n t t t t t n t t t t t n p p p p p m i n n o t t t n".split(),
        strict=True,
    )
)
_LEADING = "เแโใไ"
# Vowel signs written after, above or below their consonant.
_FOLLOWING = "ะัาำิีึืุู็"
_TONES = "่้๊๋ํ"
_SILENCER = "์"
_CLUSTER_FIRST = "กขคปพผตบดฟ"
_AFTER_SILENT_H = "งญนมยรลว"
# Names reach romanise folded (persons_names.fold, NFKD), which splits sara am (ำ) into
# nikhahit and sara aa (ํา), a tone mark sometimes between: read as ำ again, or ดำรง (Damrong)
# would read Darong, the nikhahit dropped as a tone.
_SARA_AM = re.compile("\u0e4d([\u0e48-\u0e4b]?)\u0e32")
_SIMPLE = {"ะ": "a", "า": "a", "ิ": "i", "ี": "i", "ึ": "ue", "ื": "ue", "ุ": "u", "ู": "u"}


def is_thai(token: str) -> bool:
    """Return whether ``token`` is written in Thai script."""
    return any("\u0e01" <= ch <= "\u0e5b" for ch in token)


def _unsilenced(text: str) -> str:
    """Drop tone marks and the letters a thanthakhat silences (ศักดิ์: ศัก)."""
    kept: list[str] = []
    for ch in text:
        if ch in _TONES:
            continue
        if ch == _SILENCER:
            if kept and kept[-1] in "ิุ":  # ดิ์: the vowel goes with its consonant
                kept.pop()
            if kept and kept.pop() == "ร" and kept and kept[-1] in "ทต":
                kept.pop()  # จันทร์: Chan, both letters silent
            continue
        kept.append(ch)
    return "".join(kept)


def _initial(s: str, i: int, lead: str) -> tuple[str, int]:
    """Return the sound of the initial consonant(s) at ``i`` and the index after them."""
    c, nxt = s[i], s[i + 1] if i + 1 < len(s) else ""
    after = s[i + 2] if i + 2 < len(s) else ""
    if c == "ห" and nxt in _AFTER_SILENT_H and nxt:  # หญิง: the h is silent
        return _INITIAL[nxt], i + 2
    if c == "อ" and nxt == "ย":
        return "y", i + 2
    if c in "สศ" and nxt == "ร":  # ศรี: Si
        return "s", i + 2
    if c in _CLUSTER_FIRST and nxt in ("ร", "ล") and (lead or (after and after in _FOLLOWING)):
        return _INITIAL[c] + _INITIAL[nxt], i + 2
    return _INITIAL[c].strip("-"), i + 1


def _vowel(s: str, i: int, lead: str) -> tuple[str, int, bool]:
    """Return the vowel at ``i`` (after the initial), the index after it, and whether a final
    consonant may follow."""
    at = s[i] if i < len(s) else ""
    nxt = s[i + 1] if i + 1 < len(s) else ""
    if lead == "เ":
        if at == "ี" and nxt == "ย":
            return "ia", i + 2, True
        if at == "ื" and nxt == "อ":
            return "uea", i + 2, True
        if at == "า":
            return ("o", i + 2, False) if nxt == "ะ" else ("ao", i + 1, False)
        if at == "อ":
            return "oe", i + 1, True
        return ("e", i + 1, at == "็") if at and at in "ะ็" else ("e", i, True)
    if lead and lead in "แโ":
        vowel = "ae" if lead == "แ" else "o"
        return (vowel, i + 1, at == "็") if at and at in "ะ็" else (vowel, i, True)
    if lead and lead in "ใไ":
        return "ai", i + 1 if at == "ย" and not nxt else i, False  # ไทย: Thai
    if at == "ั":  # always closed by the next letter: สมบัติ is Sombat
        return ("ua", i + 2, True) if nxt == "ว" else ("a", i + 1, True)
    if at == "ำ":
        return "am", i + 1, False
    if at in _SIMPLE:
        end = i + 2 if at == "ื" and nxt == "อ" else i + 1
        return _SIMPLE[at], end, at != "ะ"
    if at == "ร" and nxt == "ร":  # สุวรรณ: Suwan
        has_final = i + 2 < len(s) and s[i + 2] in _FINAL
        return ("a" if has_final else "an"), i + 2, True
    if at in ("อ", "ว") and (not nxt or nxt in _INITIAL):  # ทอง: Thong, สวน: Suan
        return ("o" if at == "อ" else "ua"), i + 1, True
    if at and at in _INITIAL and (nxt and nxt in _FOLLOWING or _last_syllable(s, i)):
        return "a", i, False  # นภา: Na-pha, ชนก: Cha-nok
    return "o", i, True  # สม: Som


def _last_syllable(s: str, i: int) -> bool:
    """Return whether the consonant at ``i`` and one more end the word (พร: Phon).

    Such a pair is read as a syllable of its own rather than as a final and a silent letter.
    """
    return i + 2 == len(s) and s[i] in _INITIAL and s[i + 1] in _INITIAL


def _final_here(s: str, i: int) -> bool:
    """Return whether the consonant at ``i`` closes the syllable before it."""
    follows = s[i + 1] if i + 1 < len(s) else ""
    if follows and follows in _FOLLOWING:
        return False  # it carries a vowel: สุดา is Su-da
    return not _last_syllable(s, i) and s[i + 1 : i + 3] != "รร"  # สุวรรณ: Su-wan


@lru_cache(maxsize=50_000)
def romanise(token: str) -> str | None:
    """Return a Latin reading of one Thai word, or None if it holds letters this cannot read."""
    s = _unsilenced(_SARA_AM.sub("\\1\u0e33", token))
    out: list[str] = []
    i = 0
    while i < len(s):
        lead = s[i] if s[i] in _LEADING else ""
        i += bool(lead)
        if i < len(s) and s[i] in _FOLLOWING and not lead:
            i += 1  # a vowel left after its consonant closed a syllable: บัติ
            continue
        if i >= len(s) or s[i] not in _INITIAL:
            return None
        initial, i = _initial(s, i, lead)
        if i >= len(s) and out and not lead:
            break  # a last consonant with no vowel is silent: บัตร, ชินวัตร
        after_a = i < len(s) and s[i] == "ั"
        vowel, i, closed = _vowel(s, i, lead)
        if closed and i < len(s) and s[i] in _FINAL and (after_a or _final_here(s, i)):
            out.append(initial + vowel + _FINAL[s[i]])
            i += 1
        else:
            out.append(initial + vowel)
    return "".join(out) or None
