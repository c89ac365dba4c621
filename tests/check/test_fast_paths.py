"""The check's fast paths give exactly what the general paths give."""

from __future__ import annotations

from dataclasses import fields
from datetime import UTC, datetime

import pytest
from sqlalchemy.orm import Session

from counterscam.check.lookup import MatchRow, _match_statement, _prepared, match_rows
from counterscam.check.results import CheckItem, MatchedReport
from counterscam.check.service import check, check_bulk
from tests.check.conftest import PHONE, CheckRegion
from tests.check.helpers import add_report
from tests.factories import EXPECTED_VISIBLE

OTHER = "+6591234567"


@pytest.mark.parametrize("agency", sorted(EXPECTED_VISIBLE))
def test_single_value_rows_equal_the_rows_of_a_many_value_query(
    session: Session, region: CheckRegion, agency: str
) -> None:
    # One value asked: kind and value are not read per row but appended from the question.
    caller = region.policy.caller(agency)
    single = match_rows(session, caller, [("phone", PHONE)])
    many = match_rows(session, caller, [("phone", PHONE), ("phone", OTHER)])
    assert single[("phone", PHONE)]
    assert sorted(single[("phone", PHONE)]) == sorted(many[("phone", PHONE)])


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


def test_match_row_fields_end_with_the_identifier() -> None:
    # The single-value statement leaves kind and value out and match_rows appends them.
    assert MatchRow._fields[-2:] == ("kind", "value")


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
    assert {k: sorted(v) for k, v in chunked.items()} == {k: sorted(v) for k, v in whole.items()}
    assert set(whole) == {("phone", PHONE), ("phone", OTHER)}
