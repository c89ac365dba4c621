"""A report's month or day in its reporting country's calendar, as one SQL expression.

Intake reads a date without a time as local midnight in the reporting country
(``intake.vocab.zone``), so a Malaysian report of 2026-03-01 is stored as 2026-02-28T16:00Z.
Counting stored times by UTC month put every such report of the 1st in the month before; pages
show the local date beside the count, so the month must be the local one too.

PostgreSQL converts each time with ``AT TIME ZONE`` and the zone named for its country (a
CASE on ``report.country``), so daylight saving is exact for any year; the result does not
depend on the session's time zone either.

SQLite has no zone data. Its expression adds the country's UTC offset with a ``strftime``
modifier. The member countries' zones have one fixed offset each (Dili's last change, in
September 2000, is among the periods below), so for them this is exact. Zones that change
offset (daylight saving in AU, CA, GB, NZ, US; Moscow's changes to 2014) get the offset of
each period, read from zoneinfo once, between :data:`EXACT_FROM` and :data:`EXACT_UNTIL`: a
CASE over the period starts, newest first so a recent report stops early. That stays
set-based (no Python per row) and exact where reports are; a time outside those years takes
the offset of the nearest end (the approximation is documented in docs/web.md). One fixed
offset per zone would be wrong for exactly the reports this fixes: a Sydney date-only report
of 1 February (UTC+11) would count in January.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from functools import cache, lru_cache
from typing import Any, Literal
from zoneinfo import ZoneInfo

from sqlalchemy import String, and_, case, func, literal

from counterscam.intake import vocab

Unit = Literal["month", "day"]
EXACT_FROM = datetime(2000, 1, 1, tzinfo=UTC)
EXACT_UNTIL = datetime(2040, 1, 1, tzinfo=UTC)

_PG_FORMAT = {"month": "YYYY-MM", "day": "YYYY-MM-DD"}
_SQLITE_FORMAT = {"month": "%Y-%m", "day": "%Y-%m-%d"}


# Built once per (dialect, columns, unit): on SQLite the CASE over the daylight-saving
# periods of the partners' zones takes ~20 ms to build, on every dashboard and brief.
@lru_cache(maxsize=32)
def local_period(dialect: str, when: Any, country: Any, unit: Unit = "month") -> Any:
    """Return SQL for the local month ('2026-03') or day ('2026-03-01') of a report's time.

    Args:
        dialect: the backend's name, ``session.get_bind().dialect.name``.
        when: the stored UTC time, such as ``Report.reported_at``.
        country: the reporting country's code, such as ``Report.country``; a country without
            a known zone counts in UTC, as intake read its times.
        unit: ``"month"`` or ``"day"``.

    Returns:
        A text expression, equal for equal periods and sorting in time order; the same object
        for the same arguments (cached).
    """
    if dialect == "postgresql":
        names = [
            (country == _constant(c), _constant(name)) for c, name in vocab.zone_names().items()
        ]
        zone = case(*names, else_=_constant("UTC"))
        return func.to_char(func.timezone(zone, when), _constant(_PG_FORMAT[unit]))
    shifts = [
        (country == _constant(c), _sqlite_shift(when, n)) for c, n in vocab.zone_names().items()
    ]
    modifier = case(*shifts, else_=_constant(_modifier(timedelta(0))))
    local = func.strftime(_constant(_SQLITE_FORMAT[unit]), when, modifier)
    if unit == "day":
        return local
    # No zone is more than 14 hours from UTC, so a time stored on the 2nd to the 27th of a
    # month is in that month everywhere: its stored text says the month, and the CASE over the
    # zones runs for the other days only (the dashboard's scan of a million reports: -15 %).
    day = func.substr(when, 9, 2)
    return case(
        (and_(day >= _constant("02"), day <= _constant("27")), func.substr(when, 1, 7)),
        else_=local,
    )


def _constant(value: str) -> Any:
    # Rendered inline, not bound: PostgreSQL binds server-side, and a GROUP BY on the same
    # expression with its own parameters would not be recognised as the selected one.
    return literal(value, String(), literal_execute=True)


def _sqlite_shift(when: Any, zone: str) -> Any:
    periods = offsets(zone)
    if len(periods) == 1:
        return _constant(_modifier(periods[0][1]))
    newest_first = [(when >= start, _constant(_modifier(off))) for start, off in periods[:0:-1]]
    return case(*newest_first, else_=_constant(_modifier(periods[0][1])))


def _modifier(offset: timedelta) -> str:
    return f"{int(offset.total_seconds()) // 60:+d} minutes"


@cache
def offsets(zone: str) -> tuple[tuple[datetime, timedelta], ...]:
    """Return (start, UTC offset) of each period of ``zone`` from EXACT_FROM to EXACT_UNTIL."""
    tz = ZoneInfo(zone)

    def offset_at(moment: datetime) -> timedelta:
        return moment.astimezone(tz).utcoffset() or timedelta(0)

    periods = [(EXACT_FROM, offset_at(EXACT_FROM))]
    day = EXACT_FROM
    # Offsets change at most a few times a year, months apart: find the week, then halve it
    # down to the minute (zones change on whole minutes). Daily steps cost 0.4 s at start-up.
    while day < EXACT_UNTIL:
        after = day + timedelta(days=7)
        if offset_at(after) != periods[-1][1]:
            low, high = day, after
            while high - low > timedelta(minutes=1):
                middle = (low + (high - low) / 2).replace(second=0, microsecond=0)
                low, high = (low, middle) if offset_at(middle) != periods[-1][1] else (middle, high)
            periods.append((high, offset_at(high)))
        day = after
    return tuple(periods)
