"""Read Korean names in Hangul in the Latin letters Korean passports and reports use.

Hangul is an alphabet written in syllable blocks, so every block is read from its letters by
the Revised Romanisation (김 gim, 민 min, 준 jun); the phonetic key for Korean records folds
what the other romanisations spell otherwise (Gim/Kim, Yeong/Young, Seung/Sung). Surnames
keep their own spellings, which no rule gives (이 Lee, 박 Park): a table, up to three each.
A name is written without a space between surname and given name (김민준): the first block,
or the first two for the two-block surnames, is the surname, a token of its own as in Latin.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

_FIRST, _LAST = 0xAC00, 0xD7A3
_INITIALS = "g kk n d tt r m b pp s ss - j jj ch k t p h".split()
_VOWELS = "a ae ya yae eo e yeo ye o wa wae oe yo u wo we wi yu eu ui i".split()
# Final consonants as said at the end of a syllable (ㄱ k, ㅂ p, ㅅ t...).
_FINALS = "- k k k n n n t l k m l l l p l m p p t t ng t t k t p t".split()

SURNAMES: dict[str, tuple[str, ...]] = {
    "김": ("kim", "gim"),
    "이": ("lee", "yi", "rhee"),
    "박": ("park", "pak", "bak"),
    "최": ("choi", "choe"),
    "정": ("jung", "jeong", "chung"),
    "강": ("kang",),
    "조": ("cho", "jo"),
    "윤": ("yoon", "yun"),
    "장": ("jang", "chang"),
    "임": ("lim", "im"),
    "한": ("han",),
    "오": ("oh", "o"),
    "서": ("seo", "suh"),
    "신": ("shin", "sin"),
    "권": ("kwon",),
    "황": ("hwang",),
    "안": ("ahn", "an"),
    "송": ("song",),
    "류": ("ryu", "yoo"),
    "유": ("yoo", "yu"),
    "홍": ("hong",),
    "전": ("jeon", "jun", "chun"),
    "고": ("ko", "go"),
    "문": ("moon", "mun"),
    "양": ("yang",),
    "손": ("son", "sohn"),
    "배": ("bae",),
    "백": ("baek", "paik"),
    "허": ("heo", "hur", "huh"),
    "남": ("nam",),
    "노": ("noh", "roh"),
    "하": ("ha",),
    "곽": ("kwak",),
    "성": ("sung", "seong"),
    "차": ("cha",),
    "주": ("joo", "ju"),
    "우": ("woo",),
    "구": ("koo", "gu"),
    "민": ("min",),
    "진": ("jin",),
    "지": ("ji",),
    "엄": ("eom", "um"),
    "채": ("chae",),
    "원": ("won",),
    "천": ("cheon",),
    "방": ("bang",),
    "공": ("kong",),
    "현": ("hyun",),
    "함": ("ham",),
    "변": ("byun",),
    "염": ("yeom",),
    "여": ("yeo",),
    "추": ("choo",),
    "도": ("do",),
    "석": ("seok",),
    "선": ("sun",),
    "설": ("seol",),
    "길": ("gil",),
    "연": ("yeon",),
    "표": ("pyo",),
    "명": ("myung",),
    "기": ("ki",),
    "반": ("ban",),
    "나": ("na",),
    "왕": ("wang",),
    "금": ("keum",),
    "옥": ("ok",),
    "육": ("yook",),
    "인": ("in",),
    "맹": ("maeng",),
    "탁": ("tak",),
    "국": ("kook",),
    "남궁": ("namgung",),
    "선우": ("sunwoo",),
    "제갈": ("jegal",),
    "황보": ("hwangbo",),
    "독고": ("dokgo",),
    "사공": ("sagong",),
}


def _blocks(token: str) -> str:
    # Name folding decomposes a block into its letters (NFKD); the table and reader need blocks.
    return unicodedata.normalize("NFC", token)


def is_hangul(token: str) -> bool:
    """Return whether ``token`` is written in Hangul (blocks, or letters a fold decomposed)."""
    return any(_FIRST <= ord(ch) <= _LAST or "\u1100" <= ch <= "\u11ff" for ch in token)


def _syllable(ch: str) -> str:
    index = ord(ch) - _FIRST
    initial, rest = divmod(index, 21 * 28)
    vowel, final = divmod(rest, 28)
    return "".join(p for p in (_INITIALS[initial], _VOWELS[vowel], _FINALS[final]) if p != "-")


def romanise(token: str) -> str | None:
    """Return ``token`` read block by block, or None if it holds anything but Hangul blocks."""
    if not token or not all(_FIRST <= ord(ch) <= _LAST for ch in token):
        return None
    return "".join(_syllable(ch) for ch in token)


def split_surname(token: str) -> list[str]:
    """Return a name written joined as surname and given name (김민준: 김, 민준)."""
    token = _blocks(token)
    if romanise(token) is None:
        return [token]
    if len(token) >= 3 and token[:2] in SURNAMES:  # 남궁민: Namgung Min
        return [token[:2], token[2:]]
    if 2 <= len(token) <= 4 and token[0] in SURNAMES:
        return [token[0], token[1:]]
    return [token]


@lru_cache(maxsize=50_000)
def readings(token: str) -> tuple[str, ...]:
    """Return the Latin spellings of one Hangul token, the commonest first, or ()."""
    token = _blocks(token)
    if token in SURNAMES:
        return SURNAMES[token]
    read = romanise(token)
    return (read,) if read else ()
