"""Words written where an identifier is not known: "Unknown", "Private Number", "NIL"...

Read as a sender name or a handle, each would become one identifier that every report
with an unknown or hidden caller shares, and link them all; so they are refused instead.
"""

from __future__ import annotations

import re

# Upper-case, words separated by one space, punctuation dropped ("N/A" is "N A").
_WORDS = frozenset(
    {
        # English, as phones and forms show it
        "UNKNOWN",
        "UNKNOWN NUMBER",
        "UNKNOWN CALLER",
        "UNKNOWN SENDER",
        "NOT KNOWN",
        "UNK",
        "PRIVATE",
        "PRIVATE NUMBER",
        "PRIVATE CALLER",
        "NO CALLER ID",
        "NO CALLERID",
        "CALLER ID BLOCKED",
        "HIDDEN",
        "HIDDEN NUMBER",
        "NUMBER HIDDEN",
        "WITHHELD",
        "NUMBER WITHHELD",
        "RESTRICTED",
        "RESTRICTED NUMBER",
        "BLOCKED",
        "BLOCKED NUMBER",
        "ANONYMOUS",
        "NO NUMBER",
        "NONE",
        "NIL",
        "NULL",
        "NA",
        "N A",
        "NOT AVAILABLE",
        "UNAVAILABLE",
        "NOT APPLICABLE",
        "NOT PROVIDED",
        "NOT GIVEN",
        "TBA",
        "TBC",
        "DELETED",
        "DELETED ACCOUNT",
        # Malay and Indonesian
        "TIDAK DIKETAHUI",
        "TIDAK DIKENALI",
        "TIDAK DIKENAL",
        "TIADA",
        "TIDAK ADA",
        "NOMBOR PERIBADI",
        "NOMBOR TERSEMBUNYI",
        "NOMOR PRIBADI",
        "NOMOR TERSEMBUNYI",
        "ANONIM",
        # Filipino
        "WALA",
        "HINDI ALAM",
        "DI ALAM",
        # Vietnamese written without its accents (with them it is no sender name or handle)
        "KHONG RO",
        "KHONG CO",
        "KHONG BIET",
        "AN SO",
        "SO AN",
    }
)
_PUNCTUATION = re.compile(r"[\W_]+")
# The same in the region's scripts, and Vietnamese with its accents: "ไม่มี" (none) was "neither
# a phone number nor an SMS sender name", which did not say what was wrong. Thai: none, not
# known, not given, number not shown; Vietnamese: none, not clear, not known, hidden number;
# Khmer: none, not known; Lao: none, not known; Burmese: none, not known.
_SCRIPT_WORDS = (
    "ไม่มี ไม่ทราบ ไม่ระบุ ไม่แสดงหมายเลข ไม่ทราบเบอร์ "
    "không|có không|rõ không|biết ẩn|số số|ẩn "
    "គ្មាន មិនស្គាល់ ບໍ່ມີ ບໍ່ຮູ້ မရှိ မသိ"
)


def _key(text: str) -> str:
    return _PUNCTUATION.sub(" ", text).strip().upper()


# Keyed as values are read: marks such as Thai tone marks are no word characters, so they
# are keyed as spaces on both sides.
_SCRIPT_KEYS = frozenset(_key(words.replace("|", " ")) for words in _SCRIPT_WORDS.split())


def placeholder(text: str) -> bool:
    """Return True when ``text`` says only that the identifier is not known or was hidden."""
    words = _key(text)
    if not words.isascii():
        return words in _SCRIPT_KEYS
    # A number hidden whole ("XXXXXXXXXX") is no sender name either.
    return words in _WORDS or re.fullmatch(r"X{5,}", words.replace(" ", "")) is not None
