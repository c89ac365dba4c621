"""Name keys of names written in Thai, Lao, Khmer or Burmese script, read in Latin letters.

A record in script keeps its own tokens (two records in one script compare as written); its
reading in Latin letters adds the name keys a Latin record of that name would have, so สมชาย
meets Somchai, ສົມພອນ Somphone, សុខា Sokha and အောင်ကျော် Aung Kyaw. Each script has its reader
(persons_thai, persons_lao, persons_khmer, persons_burmese); a reader may give a few customary
spellings of one word (ထွန်း: Htun, Tun), and a name gets keys for at most ``READINGS`` of them.

A script also spells apart names that Latin letters cannot (สมชาย and สมชัย are both Somchai):
``script_name`` gives the clustering what it needs to keep two such people apart.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain, islice, product

from counterscam.link import (
    persons_burmese,
    persons_khmer,
    persons_korean,
    persons_lao,
    persons_thai,
)
from counterscam.link.persons_names import compact, phonetic, thai_spelling

# Readings of one name in script that get keys: with two keys each and the two of the tokens
# as written, they stay within persons_features.MAX_KEYS.
READINGS = 3


# (country whose romanisation the reading follows, is the token in this script, its readings)
_SCRIPTS: tuple[tuple[str, Callable[[str], bool], Callable[[str], tuple[str, ...]]], ...] = (
    ("TH", persons_thai.is_thai, persons_thai.readings),
    ("LA", persons_lao.is_lao, persons_lao.readings),
    ("KH", persons_khmer.is_khmer, persons_khmer.readings),
    ("MM", persons_burmese.is_burmese, persons_burmese.readings),
    ("KR", persons_korean.is_hangul, persons_korean.readings),
)


def script_of(token: str) -> str:
    """Return the country code of the script ``token`` is written in, or "" if none of these."""
    if token.isascii():
        return ""
    return next((country for country, test, _ in _SCRIPTS if test(token)), "")


def _token_readings(token: str) -> tuple[str, ...]:
    for _, test, read in _SCRIPTS:
        if not token.isascii() and test(token):
            return read(token)
    return (token,)


def latin_readings(tokens: list[str]) -> list[list[str]]:
    """Return up to ``READINGS`` Latin readings of a name, [] if a word in script has none."""
    choices = [_token_readings(t) for t in tokens]
    if not all(choices):
        return []
    # A word written twice is spelt the same both times (Khine Khine, Khaing Khaing): the k-th
    # spelling of every word first, then mixtures.
    widest = max(map(len, choices))
    parallel = (tuple(c[min(k, len(c) - 1)] for c in choices) for k in range(widest))
    readings = dict.fromkeys(chain(parallel, islice(product(*choices), READINGS)))
    return [list(r) for r in islice(readings, READINGS)]


def spelling_keys(tokens: list[str], culture: str) -> list[str]:
    """Return the sorted and the compact name key of Latin tokens."""
    ph = [phonetic(t, culture) for t in tokens]
    return ["s:" + " ".join(sorted(ph)), "c:" + compact(tokens, culture)]


def script_keys(tokens: list[str], culture: str) -> list[str]:
    """Return the keys of a name read from its script, and of a Thai name with the Thai
    spellings folded (Pornthip, Phonthip); [] for a Latin name of another country."""
    script = next((c for c in map(script_of, tokens) if c), "")
    if script:
        readings = latin_readings(tokens)
    elif culture == "TH":
        readings = [tokens]
    else:
        return []
    keys: list[str] = []
    for reading in readings:
        keys.extend(spelling_keys(reading, script or culture))
        if (script or culture) == "TH":
            keys.extend(spelling_keys([thai_spelling(t) for t in reading], "TH"))
    return list(dict.fromkeys(keys))


# Readings of a name's spellings that get a spelling-class key (Burmese Ma is မ or မာ).
CLASS_KEYS = 4
# (country, is the token in its script, one spelling per element a Latin token may spell,
# key prefix): the readers whose tables list several customary spellings of one element.
_CLASSED: tuple[tuple[str, Callable[[str], bool], Callable[[str], tuple[str, ...]], str], ...] = (
    ("MM", persons_burmese.is_burmese, persons_burmese.spelling_classes, "b:"),
    ("KH", persons_khmer.is_khmer, persons_khmer.spelling_classes, "k:"),
)


def class_keys(tokens: list[str], culture: str) -> list[str]:
    """Return keys of a Burmese or Khmer name with each element's spellings made one (Khaing
    Khaing Win and Khine Khine Win, Than Htike and Than Htaik; Ouk Piseth and Ouk Pisith);
    [] for others.

    The spellings of a table meet a name in script through its readings, but two Latin
    records in two of them met on no key (Burmese and Khmer tokens get no one-typo tolerance).
    """
    for country, in_script, classes, prefix in _CLASSED:
        if any(in_script(t) for t in tokens if not t.isascii()):
            readings = latin_readings(tokens)[:1]
        elif culture == country and all(t.isascii() for t in tokens):
            readings = [tokens]
        else:
            continue
        keys: list[str] = []
        for reading in readings:
            options = [classes(t) for t in reading]
            for combo in islice(product(*options), CLASS_KEYS):
                keys.append(prefix + " ".join(sorted(phonetic(t, country) for t in combo)))
        return list(dict.fromkeys(keys))
    return []


def script_name(tokens: list[str]) -> str | None:
    """Return "name as written in script|its Latin key|...", or None for a name in Latin.

    Two records whose names are written differently in script but share a Latin key are two
    people to the clustering (persons_cluster): a Latin record may join either, not both.
    """
    if not any(script_of(t) for t in tokens):
        return None
    keys = script_keys(tokens, "")
    return "|".join([" ".join(sorted(tokens)), *keys]) if keys else None


# A name in Chinese characters is read as pinyin tokens (persons_hanzi), so no characters are
# left for ``script_name``. Two such names written with other characters are two names, even
# where their readings meet: 常伟 is Chang Wei, and so is 张伟 in Wade-Giles; 王小明 and 王晓明
# are both Wang Xiaoming (twins, or a brother 林伟杰 and a sister 林伟洁, born the same day, were
# one person). The clustering's rule for scripts keeps them apart: the characters, simplified,
# stand for the name as written (a simplified and a traditional form, 陈 and 陳, are one), and
# this mark for the Latin key they share. A Latin record (Wang Xiaoming) may join either.
HANZI_READ = "#hanzi"


def hanzi_reading_name(hanzi: str, tokens: list[str]) -> str | None:
    """Return "characters|reading|#hanzi" for a name written in Chinese characters (``hanzi``,
    simplified) and read in pinyin (``tokens``); None for any other name."""
    if hanzi and tokens and all(t.isascii() for t in tokens):
        return f"{hanzi}|{' '.join(tokens)}|{HANZI_READ}"
    return None
