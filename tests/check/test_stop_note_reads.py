"""A hit's stop-list note comes with its matches: one read of the store, the same notes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy.orm import Session

from counterscam.check.results import CheckItem
from counterscam.check.service import check, check_bulk
from counterscam.db.link_models import StopEntry
from counterscam.db.prepared import Prepared
from counterscam.link.stoplist import add_stop
from tests.check.conftest import PHONE, CheckRegion
from tests.check.helpers import add_report

REASON = "a bank's genuine hotline, reported by mistake"
# Hits on the list, and more of them than a list's few: each keeps its own note in a bulk check.
LISTED = [f"+6012345670{n}" for n in range(6)]
ALLOWED = "+60123456799"  # an analyst allowed it again: an "allow" entry is no note
UNLISTED = "+60123456798"


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """Count the statements a check runs against the store (its audit rows aside)."""
    seen: list[str] = []
    raw, execute = Prepared.raw, Session.execute

    def counted_raw(self: Prepared, *args: Any, **kwargs: Any) -> Any:
        seen.append("prepared")
        return raw(self, *args, **kwargs)

    def counted_execute(self: Session, *args: Any, **kwargs: Any) -> Any:
        seen.append("session")
        return execute(self, *args, **kwargs)

    monkeypatch.setattr(Prepared, "raw", counted_raw)
    monkeypatch.setattr(Session, "execute", counted_execute)
    yield seen


@pytest.fixture
def listed(session: Session, region: CheckRegion) -> CheckRegion:
    my = region.policy.caller("MY-NSRC")
    add_stop(session, my, kind="phone", value=PHONE, reason=REASON)
    for n, value in enumerate([*LISTED, ALLOWED, UNLISTED]):
        add_report(
            session,
            agency="MY-NSRC" if n % 2 else "TH-CCIB",
            ref=f"listed-{n}",
            mark="red" if n == 3 else "green",
            identifiers=[("phone", value, "caller")],
        )
    for value in LISTED:
        add_stop(session, my, kind="phone", value=value, reason=f"{REASON} ({value})")
    session.add(
        StopEntry(
            kind="phone",
            value=ALLOWED,
            action="allow",
            reason="an exchange's wallet",
            added_by="auto",
            added_at=datetime(2026, 1, 2, tzinfo=UTC),
            rule="busy",
        )
    )
    session.commit()
    return region


def test_a_hit_on_a_listed_value_reads_the_store_once(
    session: Session, listed: CheckRegion, reads: list[str]
) -> None:
    # The entry was a second query of its own on every hit: a fifth of a hit's time on SQLite.
    caller = listed.policy.caller("MY-NSRC")
    reads.clear()  # resolving the caller may read its agency
    result = check(session, caller, kind="phone", value=PHONE, country="MY", channel="api")
    assert result.hit and result.stop_list is not None and result.stop_list.reason == REASON
    assert result.stop_list.listed_at.tzinfo is not None
    assert reads == ["prepared"]


@pytest.mark.parametrize("agency", ["MY-NSRC", "SG-ASCOM", "AU-AFP"])
def test_a_bulk_check_notes_each_listed_hit_as_its_single_check_does(
    session: Session, listed: CheckRegion, agency: str, reads: list[str]
) -> None:
    caller = listed.policy.caller(agency)
    reads.clear()  # resolving the caller read its agency
    values = [PHONE, *LISTED, ALLOWED, UNLISTED, "+60198765432"]
    bulk = check_bulk(
        session,
        caller,
        items=[CheckItem(v, "phone") for v in values],
        country="MY",
        channel="api",
    )
    assert reads == ["prepared"]  # the matches of every value, with their entries
    single = [
        check(session, caller, kind="phone", value=v, country="MY", channel="api") for v in values
    ]
    assert bulk.items == single
    notes = [r.stop_list is not None for r in bulk.items]
    assert notes == [True] * (1 + len(LISTED)) + [False, False, False]
    # MY's red report is MY's own: its reason for others reads as another agency's listing.
    red = bulk.items[1 + 3].stop_list
    assert red is not None
    assert red.reason == (
        f"{REASON} ({LISTED[3]})" if agency == "MY-NSRC" else "listed by another agency"
    )
