"""A zone written after an ISO date-time, the way police exports in the region write it."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from counterscam import reference
from counterscam.intake.dates import moment


def _utc(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 1, 5, hour, minute, tzinfo=UTC)


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        # Indonesia's three zones: a centre in Makassar or Jayapura says its own.
        ("2026-01-05 10:00 WIB", _utc(3)),
        ("2026-01-05 10:00 WITA", _utc(2)),
        ("2026-01-05 10:00 WIT", _utc(1)),
        ("2026-01-05T10:00:00 WITA", _utc(2)),
        ("2026-01-05 10:00 wita", _utc(2)),  # case is ignored
        ("2026-01-05 10:00WIT", _utc(1)),  # no space
        ("2026-01-05 10:00 ICT", _utc(3)),
        ("2026-01-05 10:00 MMT", _utc(3, 30)),
        ("2026-01-05 10:00 SGT", _utc(2)),
        ("2026-01-05 10:00 MYT", _utc(2)),
        ("2026-01-05 10:00 PHT", _utc(2)),
        ("2026-01-05 10:00 PHST", _utc(2)),
        ("2026-01-05 10:00 BNT", _utc(2)),
        ("2026-01-05 10:00 TLT", _utc(1)),
        ("2026-01-05 10:00 (WIB)", _utc(3)),
        # UTC and GMT, alone or with an offset in every common spelling.
        ("2026-01-05 10:00 UTC", _utc(10)),
        ("2026-01-05 10:00 GMT", _utc(10)),
        ("2026-01-05 10:00 utc", _utc(10)),
        ("2026-01-05 10:00 z", _utc(10)),
        ("2026-01-05 10:00 UTC+7", _utc(3)),
        ("2026-01-05 10:00 UTC+07", _utc(3)),
        ("2026-01-05 10:00 UTC+08:00", _utc(2)),
        ("2026-01-05 10:00 UTC+0630", _utc(3, 30)),
        ("2026-01-05 10:00 GMT+7", _utc(3)),
        ("2026-01-05 10:00 GMT+0700", _utc(3)),
        ("2026-01-05 10:00 GMT-3", _utc(13)),
        ("2026-01-05 10:00 (GMT+07:00)", _utc(3)),  # how Windows and Excel label zones
        ("2026-01-05 10:00 ( UTC+09:00 )", _utc(1)),
        # A dot between hour and minute, Indonesian and Thai usage.
        ("2026-01-05 10.00 WIB", _utc(3)),
        ("2026-01-05 10.30 WITA", _utc(2, 30)),
        # The same offset twice is not a conflict.
        ("2026-01-05T10:00:00+07:00 WIB", _utc(3)),
        ("2026-01-05T10:00:00+08:00 (GMT+08:00)", _utc(2)),
    ],
)
def test_a_zone_after_the_time_gives_its_offset(written: str, expected: datetime) -> None:
    # The reporting country is Myanmar (UTC+6:30), so reading the country's zone would show.
    assert moment(written, "MM") == expected


def test_every_zone_name_of_the_reference_file_is_read() -> None:
    offsets = {z.name: z.offset for z in reference.zone_names() if z.offset is not None}
    assert {"WIB", "WITA", "WIT", "ICT", "MMT", "SGT", "MYT", "PHT", "PHST", "BNT", "TLT"} <= set(
        offsets
    )
    for name, offset in offsets.items():
        assert moment(f"2026-01-05 10:00 {name}", "MM") == _utc(10) - offset


@pytest.mark.parametrize(
    ("written", "country", "expected"),
    [
        ("2026-01-05 10:00 น.", "TH", _utc(3)),
        ("2026-01-05 10.00 น.", "TH", _utc(3)),
        ("2026-01-05 10.30 น.", "TH", _utc(3, 30)),
        ("๒๐๒๖-๐๑-๐๕ ๑๐.๓๐ น.", "TH", _utc(3, 30)),  # Thai digits
        ("2026-01-05 10:00 น.", "MM", _utc(3, 30)),  # no zone: the reporting country's time
        ("2026-01-05T10:00:00+07:00 น.", "MM", _utc(3)),
    ],
)
def test_the_thai_oclock_mark_is_the_reporting_countrys_time(
    written: str, country: str, expected: datetime
) -> None:
    assert moment(written, country) == expected


@pytest.mark.parametrize(
    ("country", "expected"), [("ID", _utc(3)), ("TH", _utc(3)), ("MM", _utc(3, 30))]
)
def test_a_time_without_a_zone_is_still_the_countrys_local_time(
    country: str, expected: datetime
) -> None:
    assert moment("2026-01-05 10:00", country) == expected
    assert moment("2026-01-05T10:00:00", country) == expected


def _refusal(written: str) -> str:
    with pytest.raises(ValueError) as caught:
        moment(written, "ID")
    return str(caught.value)


@pytest.mark.parametrize("name", ["PST", "IST", "CST", "EST", "pst"])
def test_ambiguous_zone_names_are_refused_asking_for_the_offset(name: str) -> None:
    message = _refusal(f"2026-01-05 10:00 {name}")
    assert message.startswith(f"'2026-01-05 10:00 {name}': {name.upper()} can mean ")
    assert message.endswith("; write the offset from UTC instead, like +08:00")


def test_pst_names_both_of_its_meanings() -> None:
    message = _refusal("2026-01-05 10:00 PST")
    assert "US Pacific Standard Time (UTC-08:00)" in message
    assert "Philippine Standard Time (UTC+08:00)" in message


def test_an_unknown_zone_word_is_named_with_the_ways_to_write_a_zone() -> None:
    message = _refusal("2026-01-05 10:00 XYZ")
    assert message.startswith(
        "'2026-01-05 10:00 XYZ': 'XYZ' is not a time zone intake knows; write the offset from "
        "UTC, like 2026-03-01T10:00:00+07:00 or 2026-03-01 10:00 UTC+7, or one of the zone "
        "names WIB, WITA, WIT, ICT"
    )
    assert "PST" not in message  # the refused names are not offered


def test_an_offset_and_a_zone_that_differ_are_refused() -> None:
    assert _refusal("2026-01-05T10:00:00+07:00 WITA") == (
        "'2026-01-05T10:00:00+07:00 WITA' gives both the offset +07:00 and the zone WITA "
        "(+08:00), and they differ: keep only the right one"
    )
    assert "the offset +00:00 and the zone UTC+7 (+07:00)" in _refusal("2026-01-05T10:00Z UTC+7")


@pytest.mark.parametrize(
    ("written", "zone"),
    [("2026-01-05 WIB", "WIB"), ("2026-01-05 UTC+7", "UTC+7"), ("2026-01-05 น.", "น.")],
)
def test_a_zone_on_a_date_without_a_time_is_refused(written: str, zone: str) -> None:
    assert _refusal(written) == (
        f"{written!r} gives the zone {zone} but no time: add the time, like "
        f"2026-01-05 10:00 {zone}, or drop the zone"
    )


@pytest.mark.parametrize("written", ["2026-01-05 10.30 ICT", "2026-01-05 10.30 UTC+7"])
def test_a_dot_in_the_time_is_read_only_where_it_is_the_usage(written: str) -> None:
    assert _refusal(written) == (
        f"{written!r}: write the time with a colon, like 10:30 (a dot, 10.30, is read only "
        "before WIB, WITA, WIT or น.)"
    )


def test_a_fraction_of_an_hour_is_not_read_as_seconds() -> None:
    # Python's fromisoformat reads "10.3" as 10:00:00.3.
    assert "is not a date" in _refusal("2026-01-05 10.3 WIB")
    assert "is not a date" in _refusal("2026-01-05 10,5 UTC")


@pytest.mark.parametrize("written", ["2026-01-05 10:00 UTC+15", "2026-01-05 10:00 GMT-13"])
def test_an_offset_beyond_the_worlds_zones_is_refused(written: str) -> None:
    assert "offsets run from UTC-12:00 to UTC+14:00, written like UTC+07:00" in _refusal(written)
    assert moment("2026-01-05 10:00 UTC+14", "ID") == _utc(10) - timedelta(hours=14)


@pytest.mark.parametrize(
    "written", ["2026-01-05T10:00:00+23:00", "2026-01-05T10:00:00-13:00", "2026-01-05T10:00+14:01"]
)
def test_an_iso_offset_beyond_the_worlds_zones_is_refused(written: str) -> None:
    # Python reads any offset under a day: +23:00 was stored, a day away from what was meant.
    assert "offsets run from -12:00 to +14:00, written like +07:00" in _refusal(written)
    assert moment("2026-01-05T10:00:00-12:00", "ID") == _utc(10) + timedelta(hours=12)


def test_am_and_pm_ask_for_the_24_hour_clock() -> None:
    assert _refusal("2026-01-05 10:00 PM") == (
        "'2026-01-05 10:00 PM': write the time on the 24-hour clock: 2026-01-05 22:00"
    )


@pytest.mark.parametrize(
    ("written", "hint"),
    [
        ("2026-01-05 25:00 WIB", "Check the time: hours 00 to 23"),
        ("25/01/2026 10:00 WIB", "Write the year first: 2026-01-25"),
        ("1 Maret 2026 10:00 WIB", "Write the month as a number"),
        ("2026-01-05 10:00 UTC)", "Check the time"),
    ],
)
def test_a_zone_after_something_else_keeps_the_date_hints(written: str, hint: str) -> None:
    message = _refusal(written)
    assert message.startswith(f"{written!r} is not a date; write an ISO 8601 date")
    assert hint in message


@pytest.mark.parametrize(
    "written",
    [
        "2026-01-05 10.30",
        "2026-01-05T10,5",
        "2026-01-05 10:30.5",
        "2026-01-05 10:30,25",
        "2026-01-05 10:30.5 WIB",
    ],
)
def test_a_fraction_before_the_seconds_is_refused_not_read_as_a_fraction_of_a_second(
    written: str,
) -> None:
    # fromisoformat alone reads "10.30" as 10:00:00.3: stored, that is a wrong time.
    with pytest.raises(ValueError, match="dot or comma before its seconds; write it with colons"):
        moment(written, "ID")


def test_a_fraction_of_a_second_is_still_read() -> None:
    assert moment("2026-01-05 10:30:15.5", "ID") == datetime(2026, 1, 5, 3, 30, 15, 500000, UTC)
    assert moment("2026-01-05 10:30:15,25", "ID") == datetime(2026, 1, 5, 3, 30, 15, 250000, UTC)


@pytest.mark.parametrize(
    "written",
    [
        "2026-01-05T10:00+07:00[Asia/Bangkok]",  # Java's ZonedDateTime
        "2026-01-05T10:00:00.000+07:00[Asia/Ho_Chi_Minh]",
        "2026-01-05T03:00Z[UTC]",
        "2026-01-05T10:00[Asia/Jakarta]",  # no offset: the zone's local time
        "2026-01-05T11:00+08:00[!Asia/Kuala_Lumpur]",  # RFC 9557's critical flag
    ],
)
def test_a_zone_name_in_brackets_after_the_time_is_read(written: str) -> None:
    # Police systems built on Java write RFC 9557 date-times; the moment is 03:00 UTC in each.
    assert moment(written, "PH") == _utc(3)


def test_a_bracketed_zone_that_disagrees_with_the_offset_or_is_unknown_is_refused() -> None:
    assert _refusal("2026-01-05T10:00+08:00[Asia/Bangkok]") == (
        "'2026-01-05T10:00+08:00[Asia/Bangkok]' gives the offset +08:00 but Asia/Bangkok is at "
        "+07:00 then: keep only the right one"
    )
    assert "'Asia/Atlantis' is not a time zone name (an IANA name like Asia/Bangkok)" in (
        _refusal("2026-01-05T10:00+07:00[Asia/Atlantis]")
    )
    assert "is not a date" in _refusal("[Asia/Bangkok]")
    assert "is not a date" in _refusal("2026-01-05T10:00+07:00[../../etc/passwd]")


def test_one_bracketed_zone_only_and_never_the_servers_own() -> None:
    # A hostile cell of thousands of zone keys crashed the import past Python's recursion limit.
    stacked = _refusal("2026-01-05T10:00" + "[UTC]" * 3000)
    assert "is not a date" in stacked
    assert "is not a date" in _refusal("2026-01-05T10:00[Asia/Bangkok][Asia/Bangkok]")
    # "localtime" is whatever zone the server runs in, "Factory" none: neither is a place.
    for key in ("localtime", "Factory", "posixrules"):
        assert f"{key!r} is not a time zone name" in _refusal(f"2026-01-05T10:00[{key}]")


@pytest.mark.parametrize(
    "written", ["2026-01-05[Asia/Bangkok]", "2026/1/5[Asia/Bangkok]", "20260105[!Asia/Bangkok]"]
)
def test_a_bracketed_zone_on_a_date_without_a_time_is_refused(written: str) -> None:
    # It was read as midnight in Bangkok although RFC 9557 puts the zone after a time, and a
    # zone name after a date alone (2026-01-05 WIB) is refused.
    assert _refusal(written) == (
        f"{written!r} gives the zone Asia/Bangkok but no time: add the time, like "
        f"{written[: written.index('[')]}T10:00[Asia/Bangkok], or drop the zone"
    )


@pytest.mark.parametrize("written", ["2026-01-05+07:00", "2026-01-05-07:00", "20260105+0700"])
def test_an_offset_on_a_date_without_a_time_is_refused_not_read_as_the_hour(
    written: str,
) -> None:
    # Python's ISO reader takes any character between date and time: "2026-01-05+07:00" was
    # stored as 07:00 in the reporting country, seven hours from the midnight it meant.
    assert "but no time: add the time, like " in _refusal(written)
    assert "but no time" in _refusal("2026-01-05+07:00[Asia/Bangkok]")
    assert moment("2026-01-05T10:00+07:00", "PH") == _utc(3)  # with its time, still read
