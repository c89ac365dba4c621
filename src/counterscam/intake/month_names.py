"""Dates written with the month as a word, as the region writes them, for the hint only.

Such a date is never read (docs/formats.md, Times): its reason says the ISO date to write,
so an analyst with "30 พ.ย. 2569" in a cell is told 2026-11-30, not shown an example date.
"""

from __future__ import annotations

import re
from datetime import date

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
# The year, month and day marked by their characters, as Chinese, Japanese and Korean long
# dates write them ("2026年3月15日", "2026년 3월 15일"): Malaysia's and Singapore's Chinese-
# language Excel and case systems among them.
_CJK = re.compile(r"(\d{4})\s*[年년]\s*(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日일]?(?:[\sT].*)?")
_VIETNAMESE = re.compile(
    r"(?:ngày\s*)?(\d{1,2})\s*(?:tháng|thg\.?)\s*(\d{1,2})\s*,?\s*(?:năm\s*)?(\d{4})(?:[\sT].*)?",
    re.IGNORECASE,
)


# Day names (Monday first), as Excel's long date ("Sunday, 15 February 2026") and the
# region's forms put them before the date: English, Malay, Indonesian, Filipino, Vietnamese
# (with and without its marks), Thai.
_WEEKDAYS: tuple[tuple[str, ...], ...] = (
    ("monday", "mon", "isnin", "senin", "lunes", "thứ hai", "thu hai", "t2", "วันจันทร์"),
    ("tuesday", "tue", "tues", "selasa", "martes", "thứ ba", "thu ba", "t3", "วันอังคาร"),
    ("wednesday", "wed", "rabu", "miyerkules", "thứ tư", "thu tu", "t4", "วันพุธ"),
    (
        "thursday",
        "thu",
        "thur",
        "thurs",
        "khamis",
        "kamis",
        "huwebes",
        "thứ năm",
        "thu nam",
        "t5",
        "วันพฤหัสบดี",
        "วันพฤหัส",
    ),
    ("friday", "fri", "jumaat", "jumat", "biyernes", "thứ sáu", "thu sau", "t6", "วันศุกร์"),
    ("saturday", "sat", "sabtu", "sabado", "thứ bảy", "thu bay", "t7", "วันเสาร์"),
    ("sunday", "sun", "ahad", "minggu", "linggo", "chủ nhật", "chu nhat", "cn", "วันอาทิตย์"),
)
_WEEKDAY_NUMBERS = {name: day for day, names in enumerate(_WEEKDAYS) for name in names}
_WEEKDAY = re.compile(
    r"(?P<name>"
    + "|".join(sorted((re.escape(n) for n in _WEEKDAY_NUMBERS), key=len, reverse=True))
    + r")\.?(?:\s*ที่)?\s*[,\s]\s*(?P<rest>.+)",
    re.IGNORECASE,
)


def named_date(text: str) -> tuple[int, int, int] | None:
    """Return (year, month, day) of a date written with its month as a word, or None.

    A day name before it is read only when it is that date's day: a date whose day name
    disagrees has a wrong part, which cannot be told, so no date is given for it.
    """
    weekday = _WEEKDAY.fullmatch(text.strip())
    if weekday is None:
        return _date_of(text)
    found = _date_of(weekday["rest"])
    if found is None:
        return None
    year, month, mday = found
    named = _WEEKDAY_NUMBERS[weekday["name"].casefold()]
    try:
        # A Thai Buddhist-era year (2569) names its day as the common-era year (2026) does.
        days = {date(y, month, mday).weekday() for y in (year, year - 543) if y > 0}
    except ValueError:
        return found  # "31 April": the caller says so
    return found if named in days else None


def without_weekday(text: str) -> str:
    """Return ``text`` without a day name before the date ("Chủ nhật, 15/02/2026")."""
    weekday = _WEEKDAY.fullmatch(text.strip())
    return text if weekday is None else weekday["rest"]


def _date_of(text: str) -> tuple[int, int, int] | None:
    found = _CJK.fullmatch(text)
    if found:
        return int(found[1]), int(found[2]), int(found[3])
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
