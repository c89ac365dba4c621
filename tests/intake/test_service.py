"""Submitting reports: the doc example, all-or-nothing, keep_valid, resubmission, who may submit."""

from __future__ import annotations

from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.config import Settings
from counterscam.db.models import (
    Identifier,
    ImportBatch,
    Party,
    Place,
    Report,
    ReportShare,
    Sighting,
)
from counterscam.intake.json_files import reports_of
from counterscam.intake.service import BatchResult, NotAllowed, get_batch, submit
from counterscam.intake.tables import Limits
from tests.intake.conftest import doc_report


def send(session: Session, caller: Caller, reports: list[Any], **kw: Any) -> BatchResult:
    raw = reports_of({"reports": reports}, file="request", limits=Limits(max_reports=10_000))
    return submit(session, caller, reports=raw, source="api", settings=Settings(), **kw)


def count(session: Session, model: Any) -> int:
    return int(session.scalar(select(func.count()).select_from(model)) or 0)


def test_doc_example_is_stored_canonical_with_raw_values(
    session: Session, agencies: dict[str, Caller]
) -> None:
    result = send(session, agencies["MY-NSRC"], [doc_report()])
    assert (result.status, result.accepted, result.created, result.errors) == (
        "committed",
        1,
        1,
        [],
    )
    report = session.scalars(select(Report)).one()
    assert report.reported_at == datetime(2026, 3, 1, 2, 0, tzinfo=UTC)
    assert report.country == "MY" and report.mark == "amber"
    assert report.loss_amount == Decimal("12500.00") and report.loss_currency == "MYR"
    assert report.fx_rate is not None
    assert report.loss_usd == (Decimal("12500") * report.fx_rate).quantize(Decimal("0.01"))
    assert report.fx_date is not None and report.fx_date.isoformat() == "2026-03-01"
    sightings = session.execute(
        select(Identifier.kind, Identifier.value, Sighting.role, Sighting.raw_value).join(Sighting)
    ).all()
    assert set(sightings) == {
        ("phone", "+60123456789", "caller", "012-345 6789"),
        ("bank_account", "MY:MBBE:514012345678", "beneficiary_account", "Maybank 5140 1234 5678"),
    }
    assert session.scalars(select(Party.full_name)).all() == ["Ahmad bin Ali"]
    assert session.scalars(select(Place.name)).all() == ["KK Park"]
    batch = session.get(ImportBatch, result.batch_id)
    assert batch is not None and batch.status == "committed" and batch.created == 1


def test_naive_time_is_the_reporting_countrys_local_time(
    session: Session, agencies: dict[str, Caller]
) -> None:
    send(session, agencies["MY-NSRC"], [doc_report(reported_at="2026-03-01T10:00:00")])
    assert session.scalars(select(Report.reported_at)).one() == datetime(
        2026, 3, 1, 2, 0, tzinfo=UTC
    )


def test_url_also_yields_its_domain(session: Session, agencies: dict[str, Caller]) -> None:
    idents = [
        {"kind": "url", "value": "hxxps://pay-here[.]example[.]com/x", "role": "website"},
        {"kind": "url", "value": "https://www.facebook.com/some.page/posts/1", "role": "website"},
        # A bare profile link is the platform's handle, however its host is written.
        {"kind": "url", "value": "https://m.facebook.com/some.page", "role": "website"},
    ]
    send(session, agencies["MY-NSRC"], [doc_report(identifiers=idents)])
    rows = set(
        session.execute(select(Identifier.kind, Identifier.value, Identifier.shared_platform)).all()
    )
    assert ("domain", "example.com", False) in rows
    assert ("domain", "facebook.com", True) in rows
    assert {r[1] for r in rows if r[0] == "url"} == {
        "https://pay-here.example.com/x",
        "https://www.facebook.com/some.page/posts/1",
    }
    assert ("handle", "facebook:some.page", False) in rows


def test_one_bad_report_rejects_the_batch_and_writes_nothing(
    session: Session, agencies: dict[str, Caller]
) -> None:
    bad = doc_report(
        external_ref="MY-2",
        scam_type="lottery",
        loss_amount="-5",
        identifiers=[{"kind": "phone", "value": "12345678901234", "role": "caller"}],
    )
    result = send(session, agencies["MY-NSRC"], [doc_report(), bad])
    assert (result.status, result.accepted, result.rejected) == ("rejected", 0, 2)
    where = {(e.file, e.row, e.column) for e in result.errors}
    assert where == {
        ("request", 2, "scam_type"),
        ("request", 2, "loss_amount"),
        ("request", 2, "identifiers[0].value"),
    }
    assert count(session, Report) == 0 and count(session, Identifier) == 0
    batch = session.scalars(select(ImportBatch)).one()
    assert batch.status == "rejected" and "loss_amount" in batch.rejections_csv


def test_keep_valid_stores_the_good_reports(session: Session, agencies: dict[str, Caller]) -> None:
    bad = doc_report(external_ref="MY-2", mark="orange")
    result = send(session, agencies["MY-NSRC"], [doc_report(), bad], keep_valid=True)
    assert (result.status, result.accepted, result.rejected) == ("partial", 1, 1)
    assert [(e.row, e.column) for e in result.errors] == [(2, "mark")]
    assert "use one of: clear, green, amber, amber+strict, red" in result.errors[0].reason
    assert session.scalars(select(Report.external_ref)).all() == ["MY-2026-000123"]
    assert get_batch(session, agencies["MY-NSRC"], result.batch_id or 0).errors == result.errors


def test_resubmission_updates_in_place(session: Session, agencies: dict[str, Caller]) -> None:
    caller = agencies["MY-NSRC"]
    first = send(session, caller, [doc_report()])
    changed = doc_report(
        narrative="Updated",
        identifiers=[{"kind": "email", "value": " Boss@Scam.Example ", "role": "email_sender"}],
    )
    second = send(session, caller, [changed])
    assert (second.created, second.updated) == (0, 1)
    assert second.report_ids == first.report_ids
    assert session.scalars(select(Report.narrative)).all() == ["Updated"]
    stored = session.execute(select(Identifier.value).join(Sighting)).scalars().all()
    assert "boss@scam.example" in stored and "+60123456789" not in stored
    # The same reference from another agency is another report.
    other = send(session, agencies["SG-ASCOM"], [doc_report(identifiers=[])])
    assert other.created == 1 and count(session, Report) == 2


def test_duplicate_external_ref_in_one_batch(session: Session, agencies: dict[str, Caller]) -> None:
    result = send(session, agencies["MY-NSRC"], [doc_report(), doc_report()], keep_valid=True)
    assert (result.accepted, result.rejected) == (1, 1)
    assert result.errors[0].row == 2 and "also on row 1" in result.errors[0].reason


def test_share_with_is_checked(session: Session, agencies: dict[str, Caller]) -> None:
    result = send(
        session,
        agencies["MY-NSRC"],
        [
            doc_report(share_with=["SG-ASCOM"]),
            doc_report(external_ref="B", share_with=["XX-NONE"]),
            doc_report(external_ref="C", mark="red", share_with=["SG-ASCOM"]),
        ],
        keep_valid=True,
    )
    assert [(e.row, e.column) for e in result.errors] == [(2, "share_with"), (3, "share_with")]
    assert count(session, ReportShare) == 1


@pytest.mark.parametrize("agency", ["AU-AFP"])
def test_partner_cannot_submit(session: Session, agencies: dict[str, Caller], agency: str) -> None:
    with pytest.raises(NotAllowed, match="only member agencies and the secretariat"):
        send(session, agencies[agency], [doc_report()])
    assert count(session, Report) == 0


def test_secretariat_may_submit(session: Session, agencies: dict[str, Caller]) -> None:
    assert send(session, agencies["ASEANAPOL"], [doc_report()]).status == "committed"


def test_batch_of_another_agency_is_not_found(
    session: Session, agencies: dict[str, Caller]
) -> None:
    from counterscam.intake.service import BatchNotFound

    result = send(session, agencies["MY-NSRC"], [doc_report()])
    with pytest.raises(BatchNotFound):
        get_batch(session, agencies["SG-ASCOM"], result.batch_id or 0)


def test_field_checks(session: Session, agencies: dict[str, Caller]) -> None:
    bad = doc_report(
        reported_at="2999-01-01",
        loss_currency="XYZ",
        victim_country="ZZ",
        parties=[
            {"role": "mule", "full_name": "A", "birth_date": "2999-01-01", "phone": "not a phone"}
        ],
        places=[{"kind": "compound", "name": "KK Park", "latitude": 16.6}],
        extra_field="x",
    )
    result = send(session, agencies["MY-NSRC"], [bad])
    reasons = {e.column: e.reason for e in result.errors}
    assert "in the future" in reasons["reported_at"]
    assert "not a known currency" in reasons["loss_currency"]
    assert "not an ISO 3166" in reasons["victim_country"]
    assert "in the future" in reasons["parties[0].birth_date"]
    assert "both latitude and longitude" in reasons["places[0].latitude"]
    assert "unknown field" in reasons["extra_field"]
