"""Romanise a Thai name in Thai script roughly as the RTGS does (สมชาย ใจดี: Somchai Chaidi).

Only for the name keys: a Thai-script record then meets the same name written in Latin letters
(Somchai Jaidee, Somchay Chaidee, as the phonetic key folds them). Thai script writes no vowel
in some syllables and does not mark where syllables end, so the reading follows the common
rules, and the name elements the rules would misread (Pali and Sanskrit ones mostly: ธนกร is
Thanakon, ภูมิ Phum) are a table (persons_thai_words) matched where a name begins and where it
ends. A word still misread (ชินวัตร written Shinawatra) only leaves the two records apart, as
before. The record's own tokens stay in Thai script, so two records in Thai compare as written.
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from counterscam.link.persons_thai_words import PREFIXES, WORDS

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
# ฤ is ri after these (อังกฤษ Angkrit), else rue (ฤดี Ruedi, พฤกษา Phrueksa).
_RUE = "ฤ"
_RI_AFTER = "กตทปศส"
# A last ิ after these is not said when the syllable before is long and open (ชาติ Chat, ภูมิ
# Phum, โชติ Chot); after a short one it is (ปิติ Piti), and after a closed one (กิตติ Kitti).
_SILENT_I_AFTER = "ตธฒมทถฐ"
_LONG_OPEN = "าีู"
# Pali and Sanskrit double consonants: at the end of a word the second is silent (ยุทธ: Yut),
# where other pairs of consonants are a syllable of their own (พร: Phon, มานพ: Ma-nop).
_DOUBLES = frozenset("ทธ ตถ ตต ทท กข คฆ จฉ ชฌ ฏฐ ฑฒ ปผ พภ".split())
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
    if c in "สศ" and nxt == "ร" and (lead or (after and after in _FOLLOWING)):  # ศรี: Si
        return "s", i + 2
    if c == "ท" and nxt == "ร" and i == 0 and (lead or (after and after in _FOLLOWING)):
        return "s", i + 2  # ทราย: Sai, ทรัพย์: Sap
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
        if at == "ิ":  # เจริญ: Charoen, เฉลิม: Chaloem
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
    # ทอง: Thong, สวน: Suan; but before รร the ว is a consonant (กวรรณ: Ko-wan)
    if at in ("อ", "ว") and (not nxt or nxt in _INITIAL) and s[i + 1 : i + 3] != "รร":
        return ("o" if at == "อ" else "ua"), i + 1, True
    if at and at in _INITIAL and (nxt and nxt in _FOLLOWING or _last_syllable(s, i)):
        return "a", i, False  # นภา: Na-pha, ชนก: Cha-nok
    return "o", i, True  # สม: Som


def _last_syllable(s: str, i: int) -> bool:
    """Return whether the consonant at ``i`` and one more end the word (พร: Phon).

    Such a pair is read as a syllable of its own rather than as a final and a silent letter.
    """
    pair = s[i : i + 2]
    return i + 2 == len(s) and all(c in _INITIAL for c in pair) and pair not in _DOUBLES


def _final_here(s: str, i: int) -> bool:
    """Return whether the consonant at ``i`` closes the syllable before it."""
    follows = s[i + 1] if i + 1 < len(s) else ""
    if follows and follows in _FOLLOWING:
        return False  # it carries a vowel: สุดา is Su-da
    return not _last_syllable(s, i) and s[i + 1 : i + 3] != "รร"  # สุวรรณ: Su-wan


def _unwritten_a(s: str, i: int, lead: str) -> bool:
    """Return whether the consonant at ``i``, after a leading vowel, carries an unwritten a and
    the leading vowel goes with the next one (เฉลิม: Cha-loem, เจริญ: Cha-roen)."""
    _, j = _initial(s, i, lead)
    if lead != "เ" or j != i + 1 or j + 2 >= len(s) or s[j] not in _INITIAL:
        return False
    # เ-ิ has a final (โชติ is Chot: โ and ิ are no vowel together)
    return (s[j + 1] == "ิ" and s[j + 2] in _FINAL) or s[j + 1 : j + 3] in ("ีย", "ือ")


def _silent_last_i(s: str, i: int) -> bool:
    """Return whether the consonant at ``i`` closes the syllable before it, its ิ not said."""
    if s[i] not in _SILENT_I_AFTER or s[i + 1 :] != "ิ" or i < 2:
        return False
    return s[i - 1] in _LONG_OPEN or (s[i - 2] in "เโแ" and s[i - 1] in _INITIAL)


def _with_rue(s: str) -> str:
    """Return ``s`` with ฤ written as the r and vowel it is read as."""
    out: list[str] = []
    for ch in s:
        if ch == _RUE:
            out.append("ริ" if out and out[-1] in _RI_AFTER else "รึ")
        else:
            out.append(ch)
    return "".join(out)


def _letters(token: str) -> str | None:
    """Return the reading of a Thai word by the letter rules, or None if it cannot be read."""
    s = _with_rue(_unsilenced(token))
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
        if not lead and out and _silent_last_i(s, i):
            out[-1] += _FINAL[s[i]]
            break
        if lead and _unwritten_a(s, i, lead):
            out.append(_INITIAL[s[i]].strip("-") + "a")
            i += 1
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


def _may_start(rest: str, prefix: str) -> bool:
    """Return whether a name element can end before ``rest`` (รัตน+า is รัตนา, one word)."""
    if len(rest) < 2 or not (rest[0] in _INITIAL or rest[0] in _LEADING) or rest[1] == _SILENCER:
        return False
    # A letter written twice is read twice only before a vowel of its own (เพชร+รัตน์ is
    # Phetcha-rat, but วรรณ is Wan and นพพร Nop-phon)
    return not (rest[0] == prefix[-1] and rest[1] not in _FOLLOWING)


def _prefix(s: str) -> str:
    found = [p for p in PREFIXES if s.startswith(p) and _may_start(s[len(p) :], p)]
    return max(found, key=len, default="")


def _last_element(s: str) -> str | None:
    """Return the reading of what is left of a name after its leading elements."""
    if s in WORDS:
        return WORDS[s]
    for word in sorted((w for w in WORDS if s.endswith(w) and len(s) > len(w)), key=len)[::-1]:
        head = s[: -len(word)]
        if head[-1] not in _LEADING and head[-1] not in "ั็":  # จักร is no จั+กร
            read = _letters(head)
            if read:
                return read + WORDS[word]
    return _letters(s)


@lru_cache(maxsize=50_000)
def readings(token: str) -> tuple[str, ...]:
    """Return Latin readings of one Thai word, the commonest first, () if it cannot be read.

    A name element with two customary readings gives two (เกียรติศักดิ์: Kiatsak, Kiattisak).
    """
    s = _SARA_AM.sub("\\1\u0e33", token)
    parts: list[tuple[str, ...]] = []
    while prefix := _prefix(s):
        s = s[len(prefix) :]
        # ชัย+ยุทธ: the y begins the next element; Chaiya-yut is no reading
        parts.append(PREFIXES[prefix][:1] if s[0] == "ย" else PREFIXES[prefix])
    last = _last_element(s) if s else ""
    if last is None:
        return ()
    spelt = ("".join(p) for p in product(*parts, (last,)))
    return tuple(dict.fromkeys(r for r in spelt if r))[:2]


def romanise(token: str) -> str | None:
    """Return the commonest Latin reading of one Thai word, or None if it cannot be read."""
    read = readings(token)
    return read[0] if read else None
