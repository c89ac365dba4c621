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


def placeholder(text: str) -> bool:
    """Return True when ``text`` says only that the identifier is not known or was hidden."""
    words = _PUNCTUATION.sub(" ", text).strip().upper()
    # A number hidden whole ("XXXXXXXXXX") is no sender name either.
    return words in _WORDS or re.fullmatch(r"X{5,}", words.replace(" ", "")) is not None
