"""The legacy code page a file that is not UTF-8 was most likely saved in.

Excel's plain "CSV (Comma delimited)" writes the computer's Windows code page. Each candidate
below decodes the unreadable text, and the one whose reading looks most like its own script
is named. Generic detectors (charset-normalizer) were tried on such files and named Thai text
Shift-JIS and GBK text Korean: a few cells of a CSV are too little for their statistics, and
the region's six code pages are known, so each is judged by the rules of its script.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True)
class CodePage:
    """A Windows code page: its Python codec, its name, and Excel's File Origin for it."""

    codec: str
    label: str
    origin: str


_TONES = "\u0300\u0301\u0309\u0303\u0323"  # Vietnamese tones as Windows-1258 writes them apart


@cache
def _vietnamese_letters() -> frozenset[str]:
    vowels = "aăâeêioôơuưy"
    letters = {
        unicodedata.normalize("NFC", base + tone)
        for base in vowels + vowels.upper()
        for tone in ("", *_TONES)
    }
    return frozenset(ch for ch in letters | {"đ", "Đ"} if not ch.isascii())


def _runs(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^\x00-\x7f]+", text)]


def _counted(ch: str) -> bool:
    return not ch.isascii() and not ch.isspace()


def _vietnamese(text: str) -> float:
    """Share of non-ASCII letters that are Vietnamese vowels (or đ), in syllables that hold them.

    Latin-1 letters (é, à) are Vietnamese too, so Vietnamese is only named when a letter
    Windows-1252 does not have (ă, đ, ơ, ư, a tone on ê) is there.
    """
    text = unicodedata.normalize("NFC", text)
    letters = _vietnamese_letters()
    if not any(ch in letters and ch.encode("cp1252", "ignore") == b"" for ch in text):
        return 0.0
    good = 0
    for start, end in _runs(text):
        run = text[start:end]
        # A syllable's consonants are ASCII but for đ, which starts it: a run is at most đ
        # and three vowels, in a word of Latin letters or a word of its own (ở).
        before, after = text[start - 1 : start], text[end : end + 1]
        vowels = run[1:] if run[0] in "đĐ" and not before.isalpha() else run
        word = (before.isascii() and before.isalpha()) or (after.isascii() and after.isalpha())
        alone = not before.isalnum() and not after.isalnum()
        if len(vowels) <= 3 and all(ch in letters - {"đ", "Đ"} for ch in vowels):
            good += (word or alone) * sum(map(_counted, run))
    return good / max(1, sum(map(_counted, text)))


_THAI_CONSONANT = re.compile("[\u0e01-\u0e2e]")
_THAI_MARK = re.compile("[\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]")  # written above or below
_THAI_LEADING = re.compile("[\u0e40-\u0e44]")  # vowels written before their consonant
_THAI_VOWEL_SIGN = re.compile("[\u0e31\u0e34-\u0e3a]")
_THAI_VOWEL = re.compile("[\u0e30-\u0e39\u0e40-\u0e44\u0e47]")
# Letters, signs and the baht sign in use; not the rare ๅ, ๏, ๚, ๛ other bytes land on.
# ฃ, ฅ, ฦ and the Pali marks ฺ, ๎ are not written in Thai today.
_THAI_LETTER = re.compile("[\u0e01\u0e02\u0e04\u0e06-\u0e25\u0e27-\u0e39\u0e3f-\u0e4d]")
_THAI_NUMBER = re.compile("[\u0e50-\u0e59]{2}")
# อ, ว, ย and ร also stand for vowels (หลอก, สวน), so they end a run; so does a consonant
# with a sign above or below it, which is its syllable's vowel or tone (the ท of ทุน): Thai
# writes no spaces between words, and "หลอกลงทุน" has four consonants in a row (กลงท) once
# the inherent vowels are left out, yet only three (กลง) that carry no sign.
_THAI_BARE = re.compile(
    "(?:[\u0e01-\u0e21\u0e24-\u0e26\u0e28-\u0e2c\u0e2e](?![\u0e31\u0e33-\u0e3a\u0e47-\u0e4e])){4,}"
)


def _thai(text: str) -> float:
    """Share of Thai characters in places Thai spelling puts them.

    Bytes of another script read as Thai give consonants too, but marks with no consonant
    under them, vowels before no consonant, digits among letters and Latin letters inside
    words; and Thai text spells a vowel somewhere.
    """
    if not (_THAI_VOWEL.search(text) or _THAI_NUMBER.search(text)):
        return 0.0
    # Four consonants in a row without a vowel are rare in Thai words (สกปรก); bytes of
    # hanzi read as Thai give such runs in most cells.
    bare = {i for m in _THAI_BARE.finditer(text) for i in range(*m.span())}
    good = 0
    for i, ch in enumerate(text):
        if not _counted(ch) or i in bare:
            continue
        before = text[i - 1] if i else ""
        after = text[i + 1 : i + 2]
        if before.isascii() and before.isalpha() or after.isascii() and after.isalpha():
            ok = False
        elif not _THAI_LETTER.match(ch) and "\u0e00" <= ch <= "\u0e7f":
            ok = "\u0e50" <= ch <= "\u0e59" and not (
                _THAI_LETTER.match(before) or _THAI_LETTER.match(after)
            )
        elif _THAI_MARK.match(ch):
            # On a consonant, or a tone mark on a vowel sign (กี่), never two vowel signs.
            ok = bool(
                _THAI_CONSONANT.match(before)
                or ("\u0e48" <= ch <= "\u0e4c" and _THAI_VOWEL_SIGN.match(before))
                or (ch == "\u0e33" and "\u0e48" <= before <= "\u0e4b")
            )
        elif _THAI_LEADING.match(ch):
            ok = bool(_THAI_CONSONANT.match(after))
        else:
            ok = bool(_THAI_LETTER.match(ch)) or ch in "‘’“”–—…•€\u00a0"
        good += ok
    return good / max(1, sum(map(_counted, text)))


def _latin_letter(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("LATIN ")


def _western(text: str) -> float:
    """Share of accented letters beside plain ones (Café), or of lone typographic marks."""
    good = 0
    for start, end in _runs(text):
        run = text[start:end]
        beside = text[start - 1 : start].isalpha() or text[end : end + 1].isalpha()
        if len(run) <= 2 and beside and all(_latin_letter(ch) for ch in run):
            good += len(run)
        elif len(run) == 1 and run in "‘’“”–—…•€£°«»©®·§¿¡\u00a0":
            good += 1
    return good / max(1, sum(map(_counted, text)))


def _common_in(codec: str, first: int, last: int) -> Callable[[str], bool]:
    """Tell a character of the frequent rows of a CJK code page (its level-1 characters)."""

    def common(ch: str) -> bool:
        try:
            encoded = ch.encode(codec)
        except UnicodeEncodeError:
            return False
        return len(encoded) == 2 and first <= encoded[0] <= last

    return common


def _cjk_share(text: str, common: Callable[[str], bool]) -> float:
    good = 0
    for ch in text:
        if _counted(ch):
            # Ideographic punctuation and full-width forms are shared by all three.
            good += "\u3000" <= ch <= "\u303f" or "\uff01" <= ch <= "\uff5e" or common(ch)
    return good / max(1, sum(map(_counted, text)))


# GB2312's level 1 (rows B0-D7) holds the 3,755 hanzi of everyday text; Big5's (A4-C6)
# 5,401; JIS X 0208's (88-98) 2,965 kanji, beside kana. Text decoded in the wrong one of the
# three falls mostly outside these rows, into rare characters, symbols or half-width kana.
_GB_COMMON = _common_in("gb2312", 0xB0, 0xD7)
_BIG5_COMMON = _common_in("cp950", 0xA4, 0xC6)
_JIS_KANJI = _common_in("cp932", 0x88, 0x98)


def _simplified(text: str) -> float:
    return _cjk_share(text, _GB_COMMON)


def _traditional(text: str) -> float:
    return _cjk_share(text, _BIG5_COMMON)


def _japanese(text: str) -> float:
    return _cjk_share(text, lambda ch: "\u3041" <= ch <= "\u30ff" or _JIS_KANJI(ch))


# In order of preference when two read a sample equally well.
CANDIDATES: tuple[tuple[CodePage, Callable[[str], float]], ...] = (
    (CodePage("cp1258", "Windows-1258 (Vietnamese)", "1258 : Vietnamese (Windows)"), _vietnamese),
    (CodePage("cp874", "Windows-874 (Thai, TIS-620)", "874 : Thai (Windows)"), _thai),
    (
        CodePage(
            "gb18030",
            "GBK/GB18030 (Simplified Chinese, code page 936)",
            "936 : Chinese Simplified (GB2312)",
        ),
        _simplified,
    ),
    (
        CodePage(
            "cp950", "Big5 (Traditional Chinese, code page 950)", "950 : Chinese Traditional (Big5)"
        ),
        _traditional,
    ),
    (
        CodePage("cp932", "Shift-JIS (Japanese, code page 932)", "932 : Japanese (Shift-JIS)"),
        _japanese,
    ),
    (
        CodePage("cp1252", "Latin-1/Windows-1252", "1252 : Western European (Windows)"),
        _western,
    ),
)
_SURE = 0.75  # below this share of plausible characters no code page is named


def likely(sample: bytes) -> CodePage | None:
    """Return the code page the (non-UTF-8) sample most likely is in, or None if unclear."""
    best: CodePage | None = None
    best_score = _SURE
    for page, judge in CANDIDATES:
        try:
            text = sample.decode(page.codec)
        except UnicodeDecodeError:
            continue  # bytes this code page never writes
        score = judge(text)
        if score > best_score or (best is None and score >= best_score):
            best, best_score = page, score
    return best


def read_as(raw: bytes, page: CodePage, width: int = 40) -> str:
    """Return the text of ``raw`` in ``page``, shortened, as the message shows it."""
    # Windows-1258 keeps tones apart from their letters: show them joined.
    text = unicodedata.normalize("NFC", raw.decode(page.codec, errors="replace"))
    return text if len(text) <= width else text[: width - 3] + "..."
