"""Migration 0014 stores which losses of a batch were estimates; older batches count none."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.migrate import upgrade
from counterscam.intake.service import batch_notes, get_batch
from tests.db.revisions import BACKENDS, database_at, old_agency


@pytest.fixture(params=BACKENDS)
def old(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A database at revision 0013, the one before the migration: SQLite or PostgreSQL."""
    yield from database_at(request.param, tmp_path, "0013")


def test_a_batch_stored_before_the_upgrade_still_opens_with_no_estimate_note(
    old: Engine,
) -> None:
    with Session(old) as session:
        agency_id = old_agency(session, code="MY-NSRC", country="MY")
        session.commit()
    with old.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO import_batch (agency_id, source, filename, created_at, status, "
                "accepted, rejected, created, updated, rejections_csv) VALUES (:a, 'web', "
                "'r.csv', CURRENT_TIMESTAMP, 'committed', 2, 0, 2, 0, '')"
            ),
            {"a": agency_id},
        )
    upgrade(old)
    with Session(old) as session:
        batch_id = session.execute(text("SELECT id FROM import_batch")).scalar_one()
        caller = Caller(
            agency_id=agency_id, agency_code="MY-NSRC", agency_kind="member", country="MY"
        )
        found = get_batch(session, caller, batch_id)
    assert (found.accepted, found.estimated, found.estimated_refs) == (2, 0, [])
    assert batch_notes(found) == []
