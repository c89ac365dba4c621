"""The check's fast paths give exactly what the general paths give."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy.orm import Session

from counterscam.access.reads import Holding
from counterscam.check.lookup import KIND, _match_statement, _prepared, match_rows
from counterscam.check.results import CheckItem, CheckResult, MatchedReport
from counterscam.check.service import check, check_bulk
from tests.check.conftest import PHONE, CheckRegion
from tests.check.helpers import add_report
from tests.factories import EXPECTED_VISIBLE

OTHER = "+6591234567"


@pytest.mark.parametrize("agency", sorted(EXPECTED_VISIBLE))
def test_single_value_rows_equal_the_rows_of_a_many_value_query(
    session: Session, region: CheckRegion, agency: str
) -> None:
    # One value asked: kind and value are not selected per row (the question says them).
    caller = region.policy.caller(agency)
    key = ("phone", PHONE)
    single = match_rows(session, caller, [key]).rows[key]
    many = match_rows(session, caller, [key, ("phone", OTHER)]).rows[key]
    assert single
    # A many-value row ends with the identifier it is about, which groups it.
    assert all(row[KIND:] == key for row in many)
    assert sorted(single) == sorted(row[:KIND] for row in many)


@pytest.mark.parametrize("many", [False, True])
@pytest.mark.parametrize("agency", sorted(EXPECTED_VISIBLE))
def test_prepared_rows_convert_values_as_core_execute_does(
    session: Session, region: CheckRegion, agency: str, many: bool
) -> None:
    caller = region.policy.caller(agency)
    connection = session.connection()
    params: dict[str, object] = {"kind": "phone"}
    if many:
        params["values"] = [PHONE, OTHER]
    else:
        params["value"] = PHONE
    prepared = _prepared(caller, connection.dialect, many)
    ours = prepared.rows(connection, params)
    core = [tuple(r) for r in connection.execute(_match_statement(caller, many), params)]
    assert ours and sorted(ours) == sorted(core)
    # NULLs (the content of hidden reports) skip conversion and stay None.
    assert [[type(v) for v in r] for r in sorted(ours)] == [
        [type(v) for v in r] for r in sorted(core)
    ]
    # The driver's rows, converted column by column where a check uses them, give the same.
    raw = prepared.raw(connection, params)
    width = len(raw[0])
    converted = [tuple(prepared.converter(i)(r[i]) for i in range(width)) for r in raw]
    assert sorted(converted) == sorted(ours)


@pytest.mark.parametrize("agency", sorted(EXPECTED_VISIBLE))
def test_single_check_answers_as_the_bulk_check_does(
    session: Session, region: CheckRegion, agency: str
) -> None:
    caller = region.policy.caller(agency)
    one = check(session, caller, kind="phone", value=PHONE, country=None, channel="api")
    items = [CheckItem(kind="phone", value=PHONE), CheckItem(kind="phone", value=OTHER)]
    bulk = check_bulk(session, caller, items=items, country=None, channel="api")
    assert one == bulk.items[0]


def test_only_hidden_matches_answer_hit_with_holdings_and_no_facts(
    session: Session, region: CheckRegion
) -> None:
    add_report(
        session,
        agency="TH-CCIB",
        ref="TH-red-only",
        mark="red",
        reported_at=datetime(2026, 2, 1, tzinfo=UTC),
        identifiers=[("phone", "+66812345678", "caller")],
    )
    session.commit()
    caller = region.policy.caller("MY-NSRC")
    result = check(session, caller, kind="phone", value="+66812345678", country=None, channel="api")
    assert result.hit
    assert (result.reports, result.countries, result.scam_types) == (0, [], [])
    assert (result.first_seen, result.last_seen, result.matches) == (None, None, [])
    assert result.loss_usd == 0
    assert [(h.agency_code, h.mark, h.reports) for h in result.holdings] == [("TH-CCIB", "red", 1)]


def test_matched_report_of_equals_the_constructor() -> None:
    values = dict(
        report_id=7,
        external_ref="MY-1",
        agency_code="MY-NSRC",
        country="MY",
        reported_at=datetime(2026, 1, 2, tzinfo=UTC),
        scam_type="job",
        mark="amber",
        roles=("caller", "messaging_contact"),
    )
    assert [f.name for f in fields(MatchedReport)] == list(values)
    made = MatchedReport(**values)  # type: ignore[arg-type]
    fast = MatchedReport.of(*values.values())  # type: ignore[arg-type]
    assert fast == made and hash(fast) == hash(made) and repr(fast) == repr(made)
    assert vars(fast) == vars(made)
    with pytest.raises(AttributeError):
        fast.mark = "red"  # type: ignore[misc]


def test_check_result_of_equals_the_constructor() -> None:
    when = datetime(2026, 1, 2, tzinfo=UTC)
    match = MatchedReport(7, "MY-1", "MY-NSRC", "MY", when, "job", "amber", ("caller",))
    given: dict[str, Any] = dict(
        hit=True,
        shared_platform=True,
        reports=3,
        countries=["MY", "SG"],
        first_seen=when,
        last_seen=when,
        scam_types=["job"],
        loss_usd=Decimal("12.50"),
        matches=[match],
        holdings=[Holding("TH-CCIB", "Bureau", "TH", "red", 2, "via the secretariat")],
    )
    for facts in ({}, {"shared_platform": True}, given):
        made = CheckResult(query="q", kind="phone", value="+60", **facts)
        fast = CheckResult.of("q", "phone", "+60", **facts)
        assert fast == made and repr(fast) == repr(made) and vars(fast) == vars(made)
        assert list(vars(fast)) == [f.name for f in fields(CheckResult)]
    one, other = CheckResult.of("a", "phone", "+60"), CheckResult.of("b", "phone", "+61")
    one.related.append(other)  # the lists are the answer's own, as with default_factory
    assert other.related == [] and other.countries == [] and one.countries is not other.countries
    with pytest.raises(AttributeError):
        fast.hit = False  # type: ignore[misc]


def test_a_last_chunk_of_one_value_is_grouped_under_its_identifier(
    session: Session, region: CheckRegion, monkeypatch: pytest.MonkeyPatch
) -> None:
    from counterscam.check import lookup

    caller = region.policy.caller("MY-NSRC")
    # Chunks of two: (never reported, OTHER), then PHONE alone on the single-value path.
    keys = [("phone", "+60198765432"), ("phone", OTHER), ("phone", PHONE)]
    whole = match_rows(session, caller, keys)
    monkeypatch.setattr(lookup, "_CHUNK", 2)
    chunked = match_rows(session, caller, keys)
    # Compared without the kind and value that only a many-value query's rows end with.
    assert {k: sorted(r[:KIND] for r in v) for k, v in chunked.rows.items()} == {
        k: sorted(r[:KIND] for r in v) for k, v in whole.rows.items()
    }
    assert set(whole.rows) == {("phone", PHONE), ("phone", OTHER)}
