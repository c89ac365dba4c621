"""A report's month and day in its reporting country's calendar, on both backends."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import (
    Column,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    create_engine,
    insert,
    literal,
    select,
    text,
)

from counterscam.db.base import UTCDateTime
from counterscam.db.local_time import EXACT_FROM, EXACT_UNTIL, Unit, local_period, offsets
from counterscam.intake import vocab

# A member country on each side of the hour, and every partner that changes its clocks.
COUNTRIES = ["MY", "MM", "TH", "TL", "AU", "NZ", "US", "CA", "GB", "RU", "IN", "ZZ"]
YEARS = [2001, 2013, 2026, 2039]


def _month_edges() -> list[tuple[datetime, str]]:
    """Local midnight of every 1st, and a minute before it, in each country's zone."""
    found = []
    for country in COUNTRIES:
        zone = vocab.zone(country)
        for year in YEARS:
            for month in range(1, 13):
                midnight = datetime(year, month, 1, tzinfo=zone).astimezone(UTC)
                found += [(midnight, country), (midnight - timedelta(minutes=1), country)]
    return found


def _periods(engine: Engine, rows: list[tuple[datetime, str]], unit: Unit) -> list[str]:
    table = Table(
        "report_time",
        MetaData(),
        Column("n", Integer, primary_key=True),
        Column("at", UTCDateTime()),
        Column("country", String(2)),
        prefixes=["TEMPORARY"],
    )
    period = local_period(engine.dialect.name, table.c.at, table.c.country, unit)
    with engine.connect() as conn:
        table.create(conn)
        conn.execute(insert(table), [{"at": at, "country": c} for at, c in rows])
        return [str(p) for p in conn.scalars(select(period).order_by(table.c.n))]


@pytest.mark.parametrize("unit", ["month", "day"])
def test_period_is_the_local_one_in_every_zone_at_every_month_edge(
    engine: Engine, unit: Unit
) -> None:
    rows = _month_edges()
    fmt = "%Y-%m" if unit == "month" else "%Y-%m-%d"
    expected = [f"{at.astimezone(vocab.zone(c)):{fmt}}" for at, c in rows]
    assert _periods(engine, rows, unit) == expected


def test_reports_entered_as_the_first_count_in_that_month(engine: Engine) -> None:
    rows = [
        (datetime(2026, 2, 28, 16, 0, tzinfo=UTC), "MY"),  # 2026-03-01 in Kuala Lumpur
        (datetime(2026, 3, 31, 17, 30, tzinfo=UTC), "MM"),  # 2026-04-01 in Yangon
        (datetime(2026, 3, 31, 20, 0, tzinfo=UTC), "TH"),  # 2026-04-01 03:00 in Bangkok
        (datetime(2026, 1, 31, 13, 0, tzinfo=UTC), "AU"),  # 2026-02-01 in Sydney, summer time
        (datetime(2026, 3, 31, 20, 0, tzinfo=UTC), "XX"),  # no known zone: UTC, as intake read it
    ]
    assert _periods(engine, rows, "month") == [
        "2026-03",
        "2026-04",
        "2026-04",
        "2026-02",
        "2026-03",
    ]


@pytest.mark.postgres
def test_postgresql_month_does_not_depend_on_the_session_zone(pg_engine: Engine) -> None:
    # Only PostgreSQL has a session time zone: SQLite has nothing to test here.
    engine = pg_engine
    late = literal(datetime(2026, 3, 31, 16, 30, tzinfo=UTC), UTCDateTime())  # 00:30, 1 April
    month = local_period("postgresql", late, literal("MY"))
    bare = create_engine(engine.url.render_as_string(hide_password=False))
    try:
        with bare.connect() as conn:  # a session zone behind UTC, without the engine's setting
            conn.execute(text("SET TIME ZONE 'America/Los_Angeles'"))
            assert conn.scalar(select(month)) == "2026-04"
    finally:
        bare.dispose()


def test_sqlite_offsets_follow_zoneinfo_through_every_period() -> None:
    for name in sorted(set(vocab.zone_names().values())):
        periods = offsets(name)
        assert periods[0][0] == EXACT_FROM
        for (start, offset), (end, _) in zip(
            periods, [*periods[1:], (EXACT_UNTIL, None)], strict=True
        ):
            for at in (start, end - timedelta(minutes=1)):
                assert at.astimezone(ZoneInfo(name)).utcoffset() == offset, (name, at)
