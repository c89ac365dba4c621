"""Migration 0016 lets an agency be disabled; every agency stored before it stays enabled."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from counterscam.access.accounts import authenticate, create_user
from counterscam.access.agencies import set_agency_active
from counterscam.access.disabled_agency import DisabledAgency
from counterscam.db.migrate import upgrade
from counterscam.db.models import User
from tests.db.revisions import BACKENDS, database_at, old_agency

PASSWORD = "correct-horse-battery"


@pytest.fixture(params=BACKENDS)
def old(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A database at revision 0015, the one before the migration: SQLite or PostgreSQL."""
    yield from database_at(request.param, tmp_path, "0015")


def test_an_agency_stored_before_the_upgrade_is_enabled_and_can_be_disabled(old: Engine) -> None:
    with Session(old) as session:
        old_agency(session, code="MY-NSRC", country="MY")
        session.commit()
    upgrade(old)
    with Session(old) as session:
        create_user(session, username="aisyah", password=PASSWORD, agency_code="MY-NSRC")
        assert isinstance(authenticate(session, username="aisyah", password=PASSWORD), User)
        set_agency_active(session, code="MY-NSRC", active=False)
        session.commit()
        refused = authenticate(session, username="aisyah", password=PASSWORD)
        assert refused == DisabledAgency("MY-NSRC")
    with old.connect() as conn:
        assert conn.execute(text("SELECT active FROM agency")).scalar_one() in (False, 0)
