"""Dates and times as reports write them: ISO 8601, in the reporting country's local time.

A date is local midnight of the reporting country and everything is stored in UTC. A zone
name or UTC offset written after the time, the way police exports write it ("10:00 WIB",
"10:00 UTC+7", "10.00 น."), is read with the offsets of reference/data/time_zones.yaml. The other
common spellings (day/month/year, Thai Buddhist-era years, spreadsheet day numbers, two-digit
years, month names) are refused with the ISO form to write instead (docs/formats.md, Times).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, timezone
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from counterscam import reference
from counterscam.intake import month_names, vocab
from counterscam.intake.chars import ascii_digits

EARLIEST_YEAR = 1990
_CLOCK_SKEW = timedelta(minutes=15)


_SPACES = re.compile(" {2,}")


def moment(value: Any, country: str | None) -> Any:
    """Read a date or date-time; a time without zone is the reporting country's local time."""
    if value is None:
        return None
    if isinstance(value, datetime):
        when = value
    elif isinstance(value, date):
        when = datetime.combine(value, time())
    else:
        written = str(value).strip()
        text = ascii_digits(written)  # Thai, Lao, Khmer, Myanmar digits: one reading each
        # Two spaces between date and time (a date and a time column joined) say nothing more.
        text = _SPACES.sub(" ", text)
        when = _read(text, written)
    offset = when.utcoffset()
    if offset is None:
        when = when.replace(tzinfo=vocab.zone(country))
    elif not _EARLIEST_OFFSET <= offset <= _LATEST_OFFSET:
        # An ISO offset is read by fromisoformat, which takes anything under a day: +23:00
        # was stored, a day off, though no place on Earth is there.
        raise ValueError(
            f"{_quoted(value)}: {_hh_mm(offset)} is not an offset from UTC; offsets run from "
            "-12:00 to +14:00, written like +07:00"
        )
    # The year as written: 1990-01-01 in Bangkok is still 1989 in UTC, and 0001-01-01 in
    # UTC+8 falls outside the calendar Python knows (an OverflowError: a 500).
    if when.year < EARLIEST_YEAR:
        raise ValueError(f"{_quoted(value)} is before {EARLIEST_YEAR}; check the year")
    try:
        utc = when.astimezone(UTC)
        future = _after_today(utc, country)
    except OverflowError:  # 9999-12-31 in UTC-12
        utc, future = datetime.max.replace(tzinfo=UTC), True
    if future:
        raise ValueError(f"{_quoted(value)} is in the future; check the date{_era_hint(when)}")
    return utc


def _read(text: str, written: str) -> datetime:
    if text.endswith("]"):
        return _with_zone_key(text, written)
    try:
        when = datetime.fromisoformat(text.replace(" ", "T", 1) if len(text) > 10 else text)
    except ValueError:
        # Only here, off the hot path of a plain ISO value: the year first with other
        # separators, or a zone written after the time.
        loose = year_first(text)
        if loose is not None:
            return _read(loose, written)
        return _with_written_zone(text, written)
    if when.microsecond:  # rare: only then is the fraction's place looked at
        _fraction_after_seconds(text, written)
    _between_date_and_time(text, written)
    return when


# Between the date and the time: ISO 8601's T (t in RFC 3339) or the space spreadsheets and
# databases write.
_TIME_MARKS = frozenset("Tt ")


def _date_length(text: str) -> int:
    """Return the length of the ISO date a date-time starts with: 2026-03-01 or 20260301."""
    return 10 if text[4:5] == "-" else 8


def _between_date_and_time(text: str, written: str) -> None:
    # fromisoformat takes any one character between date and time: 2026-03-01x10:00 and
    # 2026-03-01/10:00 were stored as 10:00, and 2026-03-01+07:00 as 07:00 local time, not
    # as the midnight of that offset it was meant as.
    end = _date_length(text)
    mark = text[end : end + 1]
    if not mark or mark in _TIME_MARKS:
        return
    if mark in "+-":
        raise ValueError(
            f"{written!r} gives the offset {text[end:]} but no time: add the time, like "
            f"{text[:end]}T10:00{text[end:]}, or drop the offset"
        )
    raise ValueError(
        f"{written!r}: {_shown(mark)} between the date and the time is not read; write a T or "
        f"a space there, like {text[:end]}T{text[end + 1 :]}"
    )


def _shown(char: str) -> str:
    """Return a character as a message can show it: an invisible one by its name too."""
    if char.isprintable() and not char.isspace():
        return repr(char)
    name = "a tab" if char == "\t" else unicodedata.name(char, "a control character").lower()
    return f"{char!r} ({name})"


# RFC 9557's zone key after a date-time, as Java's ZonedDateTime (and systems built on it)
# writes it: "2026-03-01T10:00+07:00[Asia/Bangkok]", "2026-03-01T03:00Z[UTC]"; "!" marks it
# critical.
_ZONE_KEY = re.compile(
    r"\[!?(?P<key>[A-Za-z][A-Za-z0-9_+-]{0,40}(?:/[A-Za-z0-9_+-]{1,40}){0,3})\]$"
)

_NOT_ZONES = frozenset({"localtime", "Factory", "posixrules"})
_DATE_ONLY = re.compile(r"\d{4}([-/.]?)\d{1,2}\1\d{1,2}")


def _with_zone_key(text: str, written: str) -> datetime:
    """Read a date-time followed by an IANA zone name in brackets.

    The offset, when given, must be the zone's at that moment: one of the two is wrong
    otherwise, and which cannot be told. Without an offset the time is the zone's local time.
    """
    found = _ZONE_KEY.search(text)
    # One zone key only: a second bracket would be RFC 9557's calendar or another suffix, and
    # thousands of them recursed past Python's limit (a crash, not an answer).
    if found is None or found.start() == 0 or text[: found.start()].endswith("]"):
        raise _not_a_date(written, text)
    head = text[: found.start()]
    when = _read(head, written)
    key = found["key"]
    if _DATE_ONLY.fullmatch(head):
        # RFC 9557 puts the zone after a time, and a zone on a date alone is refused as
        # `2026-03-01 WIB` is: midnight where, and whose day, the writer may not have meant.
        raise ValueError(
            f"{written!r} gives the zone {key} but no time: add the time, like "
            f"{head}T10:00[{key}], or drop the zone"
        )
    try:
        # The tz database's "localtime" is the server's own zone and "Factory" no zone at
        # all: neither says where the time was written.
        if key in _NOT_ZONES:
            raise ValueError(key)
        zone = ZoneInfo(key)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(
            f"{written!r}: {key!r} is not a time zone name (an IANA name like Asia/Bangkok); "
            "write the offset from UTC instead, like 2026-03-01T10:00:00+07:00"
        ) from None
    given = when.utcoffset()
    if given is None:
        return when.replace(tzinfo=zone)
    there = when.astimezone(zone).utcoffset()
    if there != given:
        raise ValueError(
            f"{written!r} gives the offset {_hh_mm(given)} but {key} is at "
            f"{_hh_mm(there or timedelta())} then: keep only the right one"
        )
    return when


# A date with the year first is never read another way: 2026/03/01, 2026.3.1 and 2026-3-1 are
# ISO's 2026-03-01 with other separators or without the zeros (police systems and Excel's
# East Asian formats write them so). Day-first dates stay refused: 01/03 is ambiguous.
# Whatever follows the date is then read (or refused) as after an ISO date.
_YEAR_FIRST_LOOSE = re.compile(r"(\d{4})([/.-])(\d{1,2})\2(\d{1,2})(?=$|\D)")
# Excel's date-times write the hour without its zero too ("2026/3/1 9:05", "h:mm").
_ONE_DIGIT_HOUR = re.compile(r"(\D)(\d)(?=[:.]\d{2}(?!\d))")


def year_first(text: str) -> str | None:
    """Return a year-first date rewritten as ISO's YYYY-MM-DD (and a one-digit hour with its
    zero), or None when it already is."""
    match = _YEAR_FIRST_LOOSE.match(text)
    if match is None:
        return None
    iso = f"{match[1]}-{int(match[3]):02d}-{int(match[4]):02d}"
    rest = text[match.end() :]
    if _ONE_DIGIT_HOUR.match(rest):
        rest = rest[0] + "0" + rest[1:]
    elif match[0] == iso:
        return None
    return iso + rest


# fromisoformat takes a fraction of the hour or minute ("10.30", "10:30.5") as a fraction of a
# second (10:00:00.3): a fraction is only read after the seconds.
_SECONDS_FRACTION = re.compile(r"\d{2}:?\d{2}:?\d{2}[.,]\d")


def _fraction_after_seconds(text: str, written: str) -> None:
    if not _SECONDS_FRACTION.search(text):
        raise ValueError(
            f"{written!r}: the time has a dot or comma before its seconds; write it with "
            f"colons, like 10:30 or 10:30:15.5{_dot_note()}"
        )


def _not_a_date(written: str, text: str) -> ValueError:
    return ValueError(
        f"{written!r} is not a date; write an ISO 8601 date like 2026-03-01 or a "
        f"date-time like 2026-03-01T10:00:00+08:00{_date_hint(text)}"
    )


# A zone written after an ISO date-time: "10:00 WIB", "10:00 UTC+7", "10:00 (GMT+07:00)" (how
# Windows and Excel label zones), or the Thai "10:00 น." ("o'clock": the country's own time).
_WRITTEN_ZONE = re.compile(
    r"\s*(?P<open>\(\s*)?(?:"
    r"(?P<utc>UTC|GMT|Z)(?:\s*(?P<sign>[+-])(?P<digits>\d{1,2}(?::?\d{2})?))?"
    r"|(?P<thai>น\.?)"
    r"|(?P<word>[^\W\d_]+)"
    r")(?(open)\s*\))$",
    re.IGNORECASE,
)
# The longest date-time with a zone is about 40 characters ("2026-03-01T10:00:00.000000
# (GMT+07:00)"): a longer text is not searched for one, so a long cell costs nothing.
_LONGEST_ZONED = 64
_THAI_CLOCK = "น."
# fromisoformat reads "10.30" as 10:00:00.3 (a fraction of the hour gone wrong): a dot or comma
# after the hour is never passed to it, only rewritten as HH:MM where a dot is the usage.
_FRACTIONAL_HOUR = re.compile(r"\d{4}-?\d{2}-?\d{2}[Tt ]\d{2}[.,]")
_DOT_CLOCK = re.compile(r"(\d{4}-\d{2}-\d{2})[Tt ](\d{2})\.(\d{2})")
_MERIDIEM = ("AM", "PM")
_EARLIEST_OFFSET, _LATEST_OFFSET = timedelta(hours=-12), timedelta(hours=14)


@dataclass(frozen=True)
class _Zone:
    """A zone written after a time; no offset means the reporting country's local time."""

    name: str
    offset: timedelta | None
    dot_clock: bool


@cache
def _zone_names() -> dict[str, reference.ZoneName]:
    return {z.name: z for z in reference.zone_names()}


def _with_written_zone(text: str, written: str) -> datetime:
    """Read an ISO date-time followed by a zone name or a UTC offset, or say what is wrong."""
    found = _WRITTEN_ZONE.search(text) if len(text) <= _LONGEST_ZONED else None
    head = text[: found.start()] if found else ""
    clock = _DOT_CLOCK.fullmatch(head)
    iso = f"{clock[1]}T{clock[2]}:{clock[3]}" if clock else head.replace(" ", "T", 1)
    if found is None or not head or (_FRACTIONAL_HOUR.match(head) and not clock):
        raise _not_a_date(written, text)
    try:
        when = datetime.fromisoformat(iso)
    except ValueError:
        raise _not_a_date(written, text) from None
    if when.microsecond:  # "10:30.5 WIB": as on the plain path, a fraction only after seconds
        _fraction_after_seconds(head, written)
    _between_date_and_time(head, written)
    zone = _zone(found, written)
    if clock and not zone.dot_clock:
        raise ValueError(f"{written!r}: write the time with a colon, like 10:30{_dot_note()}")
    if len(iso) <= _date_length(iso):
        raise ValueError(
            f"{written!r} gives the zone {zone.name} but no time: add the time, like "
            f"{head} 10:00 {zone.name}, or drop the zone"
        )
    return _in_zone(when, zone, written)


def _zone(found: re.Match[str], written: str) -> _Zone:
    if found["thai"]:
        return _Zone(_THAI_CLOCK, None, dot_clock=True)
    if found["utc"]:
        name = found[0].strip(" ()")
        return _Zone(name, _utc_offset(found, name, written), dot_clock=False)
    word = found["word"]
    known = _zone_names().get(word.upper())
    if known is None:
        raise ValueError(_unknown_zone(word, written, found.string[: found.start()]))
    if known.offset is None:
        raise ValueError(
            f"{written!r}: {known.name} can mean {known.label}; write the offset from UTC "
            f"instead, like +08:00"
        )
    return _Zone(known.name, known.offset, known.dot_clock)


def _utc_offset(found: re.Match[str], name: str, written: str) -> timedelta:
    digits = (found["digits"] or "0").replace(":", "")
    hours, minutes = (digits, "0") if len(digits) <= 2 else (digits[:-2], digits[-2:])
    offset = timedelta(hours=int(hours), minutes=int(minutes))
    offset = -offset if found["sign"] == "-" else offset
    if int(minutes) > 59 or not _EARLIEST_OFFSET <= offset <= _LATEST_OFFSET:
        raise ValueError(
            f"{written!r}: {name} is not an offset from UTC; offsets run from UTC-12:00 to "
            f"UTC+14:00, written like UTC+07:00"
        )
    return offset


_CLOCK_AT_END = re.compile(r"(\d{1,2})(:\d{2}(?::\d{2})?)\s*$")


def _unknown_zone(word: str, written: str, head: str = "") -> str:
    if word.upper() in _MERIDIEM:
        clock = _CLOCK_AT_END.search(head)
        if clock and 1 <= int(clock[1]) <= 12:
            # The very time to write: "9:30 PM" is 21:30, "12:15 AM" is 00:15.
            hour = int(clock[1]) % 12 + (12 if word.upper() == "PM" else 0)
            when = f"{head[: clock.start()]}{hour:02d}{clock[2]}".strip()
            return f"{written!r}: write the time on the 24-hour clock: {when}"
        return f"{written!r}: write the time on the 24-hour clock, like 22:00 for 10:00 PM"
    names = ", ".join(z.name for z in _zone_names().values() if z.offset is not None)
    return (
        f"{written!r}: {word!r} is not a time zone intake knows; write the offset from UTC, "
        f"like 2026-03-01T10:00:00+07:00 or 2026-03-01 10:00 UTC+7, or one of the zone "
        f"names {names}"
    )


def _dot_note() -> str:
    dotted = [z.name for z in _zone_names().values() if z.dot_clock] + [_THAI_CLOCK]
    return f" (a dot, 10.30, is read only before {', '.join(dotted[:-1])} or {dotted[-1]})"


def _in_zone(when: datetime, zone: _Zone, written: str) -> datetime:
    if zone.offset is None:  # น.: the time as written, the country's own unless an offset is given
        return when
    given = when.utcoffset()
    if given is None:
        return when.replace(tzinfo=timezone(zone.offset))
    if given != zone.offset:
        raise ValueError(
            f"{written!r} gives both the offset {_hh_mm(given)} and the zone {zone.name} "
            f"({_hh_mm(zone.offset)}), and they differ: keep only the right one"
        )
    return when


def _hh_mm(offset: timedelta) -> str:
    minutes = int(offset.total_seconds()) // 60
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _after_today(when: datetime, country: str | None) -> bool:
    # A day after today where the report was taken (a date is that day's local midnight, so
    # "tomorrow" is refused even a few hours ahead), with a little slack for a fast clock.
    now = datetime.now(UTC)
    return when > now + _CLOCK_SKEW and local_day(when, country) > local_day(now, country)


def local_day(when: datetime, country: str | None) -> date:
    """Return the calendar day of a UTC moment in the reporting country."""
    return when.astimezone(vocab.zone(country)).date()


def incident_after_report(incident: datetime, reported: datetime, country: str | None) -> str:
    """Return why the incident cannot be after the report, or "" when it is not.

    Days are compared, not times: a report often gives only the day it was taken (midnight)
    and the incident the hour it happened, earlier that day.
    """
    if incident <= reported:
        # The local day never goes back as time goes on: no need to convert (most reports).
        return ""
    happened, taken = local_day(incident, country), local_day(reported, country)
    if happened <= taken:
        return ""
    return (
        f"incident_at: the incident ({happened.isoformat()}) is after the day it was reported "
        f"({taken.isoformat()}); check both dates"
    )


_SERIAL = re.compile(r"\d{5}(?:\.\d+)?")
_YEAR_MONTH = re.compile(r"(\d{4})[-/.](\d{1,2})")
_SHORT_YEAR = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{2})(?:\s.*)?")
_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")
_DAY_FIRST = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?:\s.*)?")
_YEAR_FIRST = re.compile(r"(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?:[\sT].*)?")
_EXCEL_EPOCH = date(1899, 12, 30)
BUDDHIST_ERA = 543
# Thai Buddhist-era years of the dates intake takes (birth dates from 1900) are 2443 and
# later; a year past 2700 is a typing mistake, not an era.
_ERA_YEARS = range(2443, 2700)


def _date_hint(text: str) -> str:
    """Say how a date written another common way would be written here."""
    if _SERIAL.fullmatch(text) and 20_000 <= float(text) <= 80_000:
        day = _EXCEL_EPOCH + timedelta(days=int(float(text)))
        return (
            f". It looks like a spreadsheet date number ({int(float(text))} is "
            f"{day.isoformat()}): format the column as a date (yyyy-mm-dd) before saving"
        )
    if (epoch := _unix_time(text)) is not None:
        return epoch
    match = _DAY_FIRST.fullmatch(month_names.without_weekday(text))
    if match:
        first, second, year = (int(g) for g in match.groups())
        era = _era_note(year)
        year -= BUDDHIST_ERA if era else 0
        if first > 12 and second > 12:
            return ""
        if first > 12 >= second:  # only day/month reads as a date
            return f". Write the year first: {year}-{second:02d}-{first:02d}{era}"
        if second > 12 >= first:  # only month/day
            return f". Write the year first: {year}-{first:02d}-{second:02d}{era}"
        return (
            f". {match.group(1)}/{match.group(2)} could be day/month or month/day: write the "
            f"year first, like {year}-{second:02d}-{first:02d} if the day comes first or "
            f"{year}-{first:02d}-{second:02d} if the month does{era}"
        )
    match = _YEAR_FIRST.fullmatch(text)
    if match:
        year, month, mday = (int(g) for g in match.groups())
        written = f"{year:04d}-{month:02d}-{mday:02d}"  # 0000, not 0: the zeros were there
        if text[:10] != written:
            return f". Write it with '-' and two-digit month and day: {written}"
        # Written the right way, so it is the day or the time that does not exist.
        try:
            date(year, month, mday)
        except ValueError:
            if year == 0:
                return ". There is no year 0000: check the year"
            return f". There is no day {written}: check the day and the month"
        return (
            ". Check the time: hours 00 to 23, minutes and seconds 00 to 59, and a zone "
            "written like +08:00 or Z"
        )
    short = _SHORT_YEAR.fullmatch(month_names.without_weekday(text))
    if short:
        return _short_year_hint(*(int(g) for g in short.groups()))
    year_month = _YEAR_MONTH.fullmatch(text)
    if year_month and 1 <= int(year_month[2]) <= 12:
        year = int(year_month[1])
        era = _era_note(year)
        first_day = f"{year - (BUDDHIST_ERA if era else 0)}-{int(year_month[2]):02d}-01"
        return (
            f". It gives the month but not the day: write the day too, like {first_day} when "
            f"only the month is known (and say so in the narrative){era}"
        )
    if not any(ch.isdigit() for ch in text):  # "today", "unknown": no month to write
        return ""
    if any(ch.isalpha() for ch in text):  # "1 March 2026", "1 มีนาคม 2569", "1 Mei 2026"
        years = [int(y) for y in _YEAR.findall(text)]
        era = _era_note(years[0]) if years else ""
        return f". Write the month as a number, year first, like {_named_iso(text)}{era}"
    return ""


def _short_year_hint(first: int, second: int, short: int) -> str:
    """Say how to write "15/2/26": the whole year first, with the date when it is one."""
    this_year = datetime.now(UTC).year
    year = 2000 + short if 2000 + short <= this_year else 1900 + short
    told = f"if {short:02d} is {year}"
    whole = ". The year has two digits: write the whole year first"
    if first > 12 and 1 <= second <= 12 and _real(year, second, first):
        return f"{whole}: {year}-{second:02d}-{first:02d} ({told})"
    if second > 12 and 1 <= first <= 12 and _real(year, first, second):
        return f"{whole}: {year}-{first:02d}-{second:02d} ({told})"
    if 1 <= first <= 12 and 1 <= second <= 12:
        return (
            f"{whole}, like {year}-{second:02d}-{first:02d} if the day comes first or "
            f"{year}-{first:02d}-{second:02d} if the month does ({first:02d}/{second:02d} "
            f"could be day/month or month/day; {told})"
        )
    return ". The year has two digits: write the whole year first, like 2026-03-01"


def _real(year: int, month: int, day: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _unix_time(text: str) -> str | None:
    """Name a Unix time, as JavaScript and pandas' to_json write dates, with its ISO form."""
    if not text.isdigit() or len(text) not in (10, 13):
        return None
    unit = "seconds" if len(text) == 10 else "milliseconds"
    seconds = int(text) // (1 if len(text) == 10 else 1000)
    when = datetime.fromtimestamp(seconds, tz=UTC)
    if not 1990 <= when.year <= 2100:
        return None
    shown = when.strftime("%Y-%m-%dT%H:%M:%SZ")
    return (
        f". It looks like a Unix time in {unit} ({text} is {shown}), as JavaScript and pandas' "
        f"to_json write dates: write it as ISO 8601, {shown} (to_json(date_format='iso'))"
    )


def _named_iso(text: str) -> str:
    """Return the ISO form of a date written with its month as a word, or an example date."""
    found = month_names.named_date(text)
    if found is None:
        return "2026-03-01"
    year, month, mday = found
    year -= BUDDHIST_ERA if year in _ERA_YEARS else 0
    try:
        return date(year, month, mday).isoformat()
    except ValueError:  # "31 April": a wrong date is better not shown as an ISO one
        return "2026-03-01"


def buddhist_era_year(year: int) -> int | None:
    """Return the common-era year of a Thai Buddhist-era year (2518: 1975), or None."""
    return year - BUDDHIST_ERA if year in _ERA_YEARS else None


def _era_note(year: int) -> str:
    if year not in _ERA_YEARS:
        return ""
    return f" ({year} is a Thai Buddhist-era year: subtract {BUDDHIST_ERA}, {year - BUDDHIST_ERA})"


def _era_hint(when: date) -> str:
    if when.year in _ERA_YEARS:
        return (
            f": {when.year} looks like a Thai Buddhist-era year; subtract {BUDDHIST_ERA} "
            f"({when.year} is {when.year - BUDDHIST_ERA})"
        )
    return ""


def _quoted(value: Any) -> str:
    """Return a value as quoted text for a message."""
    return repr(value.isoformat() if isinstance(value, date) else str(value))


_MIDNIGHT = re.compile(r"[Tt ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00:?00)?")


def birth_date_of(value: Any) -> Any:
    """Read a birth date; refuse one in the future or before 1900."""
    if value is None or isinstance(value, date):
        day = value.date() if isinstance(value, datetime) else value
    else:
        written = str(value).strip()
        text = ascii_digits(written)
        iso = year_first(text) or text
        end = _date_length(iso)
        try:
            day = date.fromisoformat(iso[:end])
        except ValueError:
            raise ValueError(f"{written!r} is not a date; write it like 1990-05-17") from None
        if iso[end:] and not _MIDNIGHT.fullmatch(iso[end:]):
            # Only the date was read: 1990-05-17 junk and 1990-05-17[Asia/Bangkok] were
            # stored as 1990-05-17 with the rest dropped unseen. A database export's
            # midnight (1990-05-17 00:00:00) is the date's own time and says nothing more.
            raise ValueError(
                f"{written!r} has {iso[end:]!r} after the date; a birth date is the date "
                f"alone: write it like {day.isoformat()}"
            )
    if day is not None and day > date.today():
        raise ValueError(
            f"{day.isoformat()} is in the future; check the birth date{_era_hint(day)}"
        )
    if day is not None and day.year < 1900:
        raise ValueError(f"{day.isoformat()} is before 1900; check the year")
    return day
