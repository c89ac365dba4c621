"""Dates written with the month as a word, as the region writes them, for the hint only.

Such a date is never read (docs/formats.md, Times): its reason says the ISO date to write,
so an analyst with "30 พ.ย. 2569" in a cell is told 2026-11-30, not shown an example date.
"""

from __future__ import annotations

import re

_MONTHS: tuple[tuple[str, ...], ...] = (
    # English, Malay and Indonesian, Filipino, Thai (in full and abbreviated)
    ("january", "jan", "januari", "enero", "มกราคม", "ม.ค", "มค"),
    ("february", "feb", "februari", "pebrero", "febrero", "กุมภาพันธ์", "ก.พ", "กพ"),
    ("march", "mar", "maret", "mac", "marso", "มีนาคม", "มี.ค", "มีค"),
    ("april", "apr", "abril", "เมษายน", "เม.ย", "เมย"),
    ("may", "mei", "mayo", "พฤษภาคม", "พ.ค", "พค"),
    ("june", "jun", "juni", "hunyo", "มิถุนายน", "มิ.ย", "มิย"),
    ("july", "jul", "juli", "julai", "hulyo", "กรกฎาคม", "ก.ค", "กค"),
    ("august", "aug", "agustus", "agu", "agt", "ogos", "agosto", "สิงหาคม", "ส.ค", "สค"),
    ("september", "sep", "sept", "setyembre", "กันยายน", "ก.ย", "กย"),
    ("october", "oct", "oktober", "okt", "oktubre", "ตุลาคม", "ต.ค", "ตค"),
    ("november", "nov", "nobyembre", "พฤศจิกายน", "พ.ย", "พย"),
    ("december", "dec", "desember", "des", "disember", "dis", "disyembre", "ธันวาคม", "ธ.ค", "ธค"),
)
_NUMBERS = {name: month for month, names in enumerate(_MONTHS, start=1) for name in names}

# "30 พ.ย. 2569", "1 Maret 2026", "1 March, 2026", Excel's "15-Mar-2026"; "March 1, 2026" and
# "Jan 1 2026" (the comma left out, as Philippine and US forms do); the Vietnamese "ngày 1
# tháng 3 năm 2026" and its abbreviation "01 Thg 3 2026". A time may follow; it plays no part
# in the hint.
_DAY_MONTH_YEAR = re.compile(
    r"(\d{1,2})\s*[-/]?\s*([^\W\d_][^\d,/-]*?)\s*[-/,]?\s*(\d{4})(?:[\sT].*)?"
)
_MONTH_DAY_YEAR = re.compile(r"([^\W\d_][^\d,]*?)\s*(\d{1,2})(?:\s*,\s*|\s+)(\d{4})(?:[\sT].*)?")
_VIETNAMESE = re.compile(
    r"(?:ngày\s*)?(\d{1,2})\s*(?:tháng|thg\.?)\s*(\d{1,2})\s*,?\s*(?:năm\s*)?(\d{4})(?:[\sT].*)?",
    re.IGNORECASE,
)


def named_date(text: str) -> tuple[int, int, int] | None:
    """Return (year, month, day) of a date written with its month as a word, or None."""
    found = _VIETNAMESE.fullmatch(text)
    if found:
        return int(found[3]), int(found[2]), int(found[1])
    found = _DAY_MONTH_YEAR.fullmatch(text)
    if found:
        day, word, year = found.groups()
    else:
        found = _MONTH_DAY_YEAR.fullmatch(text)
        if found is None:
            return None
        word, day, year = found.groups()
    month = _NUMBERS.get(word.casefold().rstrip(".").strip())
    return None if month is None else (int(year), month, int(day))
