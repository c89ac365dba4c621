"""A value many reports name: every caller's answer equals one worked out from the rows.

The check reads the driver's rows and converts only what it shows; these tests compute the
answer independently (the row form of the policy over the reports made here) for a value
named by more reports than an answer lists, of several agencies and marks, with narrowed
amber reports, a report naming it in two roles, equal dates and missing losses.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
from sqlalchemy.orm import Session

from counterscam.access.policy import can_see_report
from counterscam.check.lookup import ID, LOSS, REF, ROLE, SCAM, VISIBLE, WHEN, match_rows
from counterscam.check.results import CheckItem, CheckResult
from counterscam.check.service import MAX_MATCHES, check, check_bulk
from counterscam.db.models import Report, ReportShare
from tests.check.conftest import CheckRegion
from tests.check.helpers import add_report, agency_id
from tests.factories import EXPECTED_VISIBLE

VALUE = "+60129998888"
CALLERS = sorted(EXPECTED_VISIBLE)
_START = datetime(2025, 1, 1, 8, 30, tzinfo=UTC)


@dataclass(frozen=True)
class Made:
    """A report made for the value, with what the check must say of it."""

    report: Report
    roles: tuple[str, ...]
    shared_with: frozenset[int]


def _make(session: Session) -> list[Made]:
    """Add 73 reports naming VALUE: 72 of Malaysia and Singapore of every mark, 1 of Thailand."""
    marks = ("green", "amber", "amber+strict", "red", "clear", "amber")
    scam_types = ("investment", "romance", "job", "parcel")
    ids = {code: agency_id(session, code) for code in ("SG-ASCOM", "TH-CCIB")}
    made: list[Made] = []
    for i in range(72):
        agency = ("MY-NSRC", "SG-ASCOM")[i % 2]
        roles = ("caller", "messaging_contact") if i % 7 == 0 else ("caller",)
        # Pairs of reports share a date (the newest-first order then falls back on the id),
        # the dates are not in id order, and some have microseconds.
        when = _START + timedelta(days=(i * 37) % 23, microseconds=0 if i % 3 else 250_000)
        report = add_report(
            session,
            agency=agency,
            ref=f"{agency}-many-{i:02d}",
            mark=marks[i % len(marks)],
            scam_type=scam_types[i % len(scam_types)],
            loss_usd=None if i % 5 == 0 else f"{100 + i}.{i:02d}",
            reported_at=when,
            identifiers=[("phone", VALUE, role) for role in roles],
        )
        shared: set[int] = set()
        if report.mark == "amber" and i % 4 == 1:  # narrowed to the other one, or to TH too
            shared = {ids["TH-CCIB"] if agency == "SG-ASCOM" else ids["SG-ASCOM"]}
            if i % 8 == 1:
                shared.add(ids["TH-CCIB"])
            for named in shared:
                session.add(ReportShare(report_id=report.id, agency_id=named))
        made.append(Made(report, roles, frozenset(shared)))
    # The oldest is the only one of Thailand and of its scam type: the facts must come from
    # every visible report, not from the twenty listed.
    oldest = add_report(
        session,
        agency="TH-CCIB",
        ref="TH-many-oldest",
        mark="green",
        scam_type="sextortion",
        loss_usd="0.01",
        reported_at=datetime(2020, 2, 29, tzinfo=UTC),
        identifiers=[("phone", VALUE, "caller")],
    )
    made.append(Made(oldest, ("caller",), frozenset()))
    session.commit()
    assert any(m.shared_with for m in made)
    return made


@dataclass(frozen=True)
class Expected:
    """The answer worked out from the reports made, without the check."""

    facts: CheckResult  # hit, reports, countries, dates, scam types, loss
    newest: list[tuple[str, datetime, tuple[str, ...]]]  # reference, date, roles
    hidden: dict[tuple[str, str], int]  # (holder, mark): reports


def _expected(region: CheckRegion, agency: str, made: list[Made]) -> Expected:
    caller = region.policy.caller(agency)
    seen = [
        m
        for m in made
        if can_see_report(
            caller,
            owner_agency_id=m.report.agency_id,
            mark=m.report.mark,
            shared_with=m.shared_with,
        )
    ]
    newest = sorted(seen, key=lambda m: (m.report.reported_at, m.report.id), reverse=True)
    losses = [m.report.loss_usd for m in seen if m.report.loss_usd is not None]
    facts = CheckResult(
        query=VALUE,
        kind="phone",
        value=VALUE,
        hit=True,
        reports=len(seen),
        countries=sorted({m.report.country for m in seen}),
        first_seen=newest[-1].report.reported_at,
        last_seen=newest[0].report.reported_at,
        scam_types=sorted({m.report.scam_type for m in seen}),
        loss_usd=sum(losses, Decimal("0")),
    )
    return Expected(
        facts=facts,
        newest=[
            (m.report.external_ref, m.report.reported_at, tuple(sorted(m.roles)))
            for m in newest[:MAX_MATCHES]
        ],
        hidden=dict(Counter((m.report.agency.code, m.report.mark) for m in made if m not in seen)),
    )


@pytest.fixture
def made(session: Session, region: CheckRegion) -> list[Made]:
    return _make(session)


@pytest.mark.parametrize("agency", CALLERS)
def test_answer_over_many_reports_equals_the_one_worked_out_from_the_rows(
    session: Session, region: CheckRegion, made: list[Made], agency: str
) -> None:
    expected = _expected(region, agency, made)
    caller = region.policy.caller(agency)
    result = check(session, caller, kind="phone", value=VALUE, country=None, channel="api")
    assert result.hit and result.error is None
    facts = expected.facts
    assert result.reports == facts.reports > MAX_MATCHES
    assert result.countries == facts.countries and "TH" in result.countries
    assert result.scam_types == facts.scam_types and "sextortion" in result.scam_types
    assert (result.first_seen, result.last_seen) == (facts.first_seen, facts.last_seen)
    assert result.first_seen == datetime(2020, 2, 29, tzinfo=UTC)
    # The same amount to the cent, and written with its cents.
    assert result.loss_usd == facts.loss_usd and str(result.loss_usd) == str(facts.loss_usd)
    got = [(m.external_ref, m.reported_at, m.roles) for m in result.matches]
    assert got == expected.newest and len(got) == MAX_MATCHES
    assert all(m.reported_at.tzinfo is not None for m in result.matches)
    assert {(h.agency_code, h.mark): h.reports for h in result.holdings} == expected.hidden
    assert [(h.agency_code, h.mark) for h in result.holdings] == sorted(expected.hidden)
    assert all(h.contact for h in result.holdings)


@pytest.mark.parametrize("agency", ["MY-NSRC", "SG-ASCOM", "TH-CCIB", "ASEANAPOL"])
def test_narrowed_amber_is_seen_by_its_owner_and_the_agencies_named_only(
    session: Session, region: CheckRegion, made: list[Made], agency: str
) -> None:
    caller = region.policy.caller(agency)
    rows = match_rows(session, caller, [("phone", VALUE)]).rows[("phone", VALUE)]
    verdict = {row[ID]: bool(row[VISIBLE]) for row in rows}
    for m in (m for m in made if m.shared_with):
        named = caller.agency_id in m.shared_with or caller.agency_id == m.report.agency_id
        assert verdict[m.report.id] == (named or agency == "ASEANAPOL"), m.report.external_ref


@pytest.mark.parametrize("agency", ["MY-NSRC", "AU-AFP"])
def test_a_report_naming_the_value_twice_counts_once(
    session: Session, region: CheckRegion, made: list[Made], agency: str
) -> None:
    caller = region.policy.caller(agency)
    found = match_rows(session, caller, [("phone", VALUE)])
    rows = found.rows[("phone", VALUE)]
    assert len(rows) == sum(len(m.roles) for m in made) > len(made)  # a row per sighting
    result = check(session, caller, kind="phone", value=VALUE, country=None, channel="api")
    assert result.reports + result.hidden_reports == len(made)


@pytest.mark.parametrize("agency", CALLERS)
def test_hidden_rows_carry_no_content(
    session: Session, region: CheckRegion, made: list[Made], agency: str
) -> None:
    found = match_rows(session, region.policy.caller(agency), [("phone", VALUE)])
    for row in found.rows[("phone", VALUE)]:
        if not row[VISIBLE]:
            assert (row[REF], row[WHEN], row[SCAM], row[LOSS], row[ROLE]) == (None,) * 5
        else:
            assert row[REF] is not None and row[WHEN] is not None


def test_dates_as_the_driver_gives_them_sort_as_the_dates(
    session: Session, region: CheckRegion, made: list[Made]
) -> None:
    found = match_rows(session, region.policy.caller("MY-NSRC"), [("phone", VALUE)])
    rows = [r for r in found.rows[("phone", VALUE)] if r[VISIBLE]]
    by_raw = sorted(rows, key=lambda r: (r[WHEN], r[ID]))
    by_time = sorted(rows, key=lambda r: (found.time(r[WHEN]), r[ID]))
    assert [r[ID] for r in by_raw] == [r[ID] for r in by_time]
    assert len({r[WHEN] for r in rows}) < len(rows)  # equal dates are part of the test


@pytest.mark.parametrize("agency", CALLERS)
def test_bulk_answers_a_many_report_value_as_the_single_check(
    session: Session, region: CheckRegion, made: list[Made], agency: str
) -> None:
    caller = region.policy.caller(agency)
    one = check(session, caller, kind="phone", value=VALUE, country=None, channel="api")
    items = [CheckItem(kind="phone", value=VALUE), CheckItem(kind="phone", value=region.phone)]
    bulk = check_bulk(session, caller, items=items, country=None, channel="api")
    assert bulk.items[0] == one
