"""Statements run on the driver's cursor answer exactly as SQLAlchemy's own execution does."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import bindparam, func, or_, select
from sqlalchemy.orm import Session

from counterscam.db.dialect import epoch_seconds_in
from counterscam.db.models import Agency
from counterscam.db.prepared import Prepared

CODES = [f"A{i:03d}" for i in range(40)]


@pytest.fixture
def agencies(session: Session) -> Session:
    for i, code in enumerate(CODES):
        session.add(
            Agency(
                code=code,
                name=f"Agency {i}",
                country=["TH", "MY", "VN", "PH"][i % 4],
                kind="member",
                created_at=datetime(2026, 1, 1 + i % 28, i % 24, tzinfo=UTC),
            )
        )
    session.commit()
    return session


def _core(session: Session, statement: Any, params: Mapping[str, object]) -> list[tuple[Any, ...]]:
    return [tuple(r) for r in session.connection().execute(statement, params)]


@pytest.mark.parametrize("length", [0, 1, 2, 7, 40])
def test_a_list_of_any_length_selects_what_core_selects(agencies: Session, length: int) -> None:
    dialect = agencies.connection().dialect
    statement = (
        select(Agency.code, Agency.country, epoch_seconds_in(dialect.name, Agency.created_at))
        .where(
            Agency.code.in_(bindparam("codes", expanding=True)),
            Agency.country.in_(["TH", "VN", "PH"]),  # a fixed list
            Agency.name != bindparam("name"),
        )
        .order_by(Agency.code)
    )
    prepared = Prepared(statement, dialect, ("codes", "name"))
    # Lengths met before are served from the remembered expansion: run each twice.
    for codes in (CODES[:length], CODES[-length:] if length else [], CODES[:length]):
        params = {"codes": codes, "name": "Agency 4"}
        assert prepared.raw(agencies.connection(), params) == _core(agencies, statement, params)


def test_a_list_named_twice_and_a_scalar_between(agencies: Session) -> None:
    statement = (
        select(Agency.code)
        .where(
            or_(
                Agency.code.in_(bindparam("codes", expanding=True)),
                Agency.country == bindparam("country"),
                Agency.name.in_(bindparam("codes", expanding=True)),
            ),
            func.length(Agency.code) > 1,
        )
        .order_by(Agency.code)
    )
    prepared = Prepared(statement, agencies.connection().dialect, ("codes", "country"))
    for codes, country in ((["A001", "A002"], "MY"), (["A003", "Agency 9"], "VN"), ([], "TH")):
        params = {"codes": codes, "country": country}
        found = prepared.raw(agencies.connection(), params)
        assert found == _core(agencies, statement, params)
        assert found  # the scalar alone selects some: a wrong slot would select none
