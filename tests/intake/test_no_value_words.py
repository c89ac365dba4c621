"""Exports from national systems that write "N/A", "NULL", "nil" or "-" for an empty cell."""

from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.models import Identifier, Party, Place, Report, Sighting
from tests.intake.test_files import reports_count, upload

REPORTS = (
    "Mark,External Ref,Reported At,Incident At,Scam Type,Channel,Loss Amount,Loss Currency,"
    "Victim Age Band,Victim Gender,Victim Country,Narrative\n"
    "TLP:AMBER,NV-1,2026-03-01,N/A,investment,whatsapp,RM 1200,NULL,n/a,-,nil,N/A\n"
    "Amber + Strict,NV-2,2026-03-02,null,job_task,telegram,,none,#N/A,None,\u2014,x\n"
)
IDENTIFIERS = (
    "external_ref,kind,value,role,qualifier,country\n"
    "NV-1,phone,012-345 6789,caller,N/A,-\n"
    "NV-2,bank_account,Maybank 5140 1234 5678,beneficiary_account,NULL,nil\n"
)
PARTIES = (
    "external_ref,role,full_name,given_name,family_name,birth_date,gender,nationality,"
    "id_number,id_kind,phone\n"
    "NV-1,mule,Ahmad bin Ali,N/A,N/A,N/A,-,NULL,nil,none,N/A\n"
)
PLACES = (
    "external_ref,kind,name,country,latitude,longitude,address\n"
    "NV-1,compound,KK Park,-,N/A,N/A,N/A\n"
)


def test_no_value_words_in_optional_columns_are_empty_cells(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Every one of these cells refused its report ("'N/A' is not a date", "'-' is not a
    # gender", "'NULL' is not a known currency"...), so such an export imported nothing.
    files = {"r.csv": REPORTS, "i.csv": IDENTIFIERS, "p.csv": PARTIES, "pl.csv": PLACES}
    result = upload(session, agencies["MY-NSRC"], {n: t.encode() for n, t in files.items()})
    assert (result.status, result.created, result.errors) == ("committed", 2, [])
    one, two = session.scalars(select(Report).order_by(Report.external_ref)).all()
    assert (one.incident_at, one.victim_age_band, one.victim_gender, one.victim_country) == (
        None,
        None,
        None,
        None,
    )
    assert (one.loss_amount, one.loss_currency, one.mark) == (Decimal("1200"), "MYR", "amber")
    assert one.narrative == "N/A"  # free text keeps what was written
    assert (two.incident_at, two.loss_currency, two.victim_gender, two.mark) == (
        None,
        None,
        None,
        "amber+strict",
    )
    stored = session.execute(
        select(Identifier.kind, Identifier.value, Sighting.report_id)
        .join(Sighting, Sighting.identifier_id == Identifier.id)
        .where(Identifier.kind.in_(["phone", "bank_account"]))
    ).all()
    assert {(kind, value) for kind, value, _ in stored} == {
        ("phone", "+60123456789"),
        ("bank_account", "MY:MBBE:514012345678"),
    }
    party = session.scalars(select(Party)).one()
    assert (party.given_name, party.birth_date, party.gender, party.nationality) == (
        "",
        None,
        None,
        None,
    )
    assert (party.id_number, party.id_kind, party.phone) == ("", "", "")
    place = session.scalars(select(Place)).one()
    assert (place.country, place.latitude, place.longitude, place.address) == (
        None,
        None,
        None,
        "N/A",
    )


@pytest.mark.parametrize("written", ["N/A", "nil", "none", "NULL"])
def test_a_no_value_word_as_the_loss_says_to_write_0_or_leave_it_empty(
    session: Session, agencies: dict[str, Caller], written: str
) -> None:
    # "nil" or "none" for a loss may mean no loss as well as a loss not known: not guessed,
    # but the reason said only "'nil' is not an amount; write it like 12500.50".
    reports = (
        "external_ref,reported_at,scam_type,channel,loss_amount,loss_currency,mark\n"
        f"NV-3,2026-03-01,investment,sms,{written},MYR,green\n"
    )
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert (error.row, error.column) == (2, "loss_amount")
    assert "write 0 for no loss, or leave the cell empty" in error.reason


def test_a_no_value_word_in_a_required_column_is_still_refused(
    session: Session, agencies: dict[str, Caller]
) -> None:
    reports = "external_ref,reported_at,scam_type,channel,mark\nNV-4,2026-03-01,N/A,sms,green\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    assert result.status == "rejected" and reports_count(session) == 0
    assert [(e.column, e.value) for e in result.errors] == [("scam_type", "N/A")]


def test_no_value_words_in_a_set_without_places_are_empty_cells_too(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A set without a places file takes the fast path, which read "N/A" in the qualifier
    # as the chain ("names an unknown chain 'N/A'") and kept it as a party's given name.
    reports = (
        "external_ref,reported_at,incident_at,scam_type,channel,loss_amount,loss_currency,mark\n"
        "NV-5,2026-03-01,,investment,sms,1500000,IDR,green\n"
    )
    identifiers = (
        "external_ref,kind,value,role,qualifier,country\n"
        "NV-5,crypto_wallet,TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9,wallet,N/A,\n"
    )
    parties = "external_ref,role,full_name,given_name,phone\nNV-5,mule,Budi Santoso,N/A,nil\n"
    files = {"r.csv": reports, "i.csv": identifiers, "p.csv": parties}
    agency = agencies["MY-NSRC"]
    result = upload(session, agency, {n: t.encode() for n, t in files.items()})
    assert (result.status, result.errors) == ("committed", [])
    report = session.scalars(select(Report)).one()
    assert (report.incident_at, report.loss_amount, report.loss_currency) == (
        None,
        Decimal("1500000"),
        "IDR",
    )
    assert session.scalars(select(Identifier.value)).one() == (
        "tron:TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9"
    )
    party = session.scalars(select(Party)).one()
    assert (party.given_name, party.phone) == ("", "")


def test_a_no_value_word_beside_a_wrong_value_is_not_reported_as_a_second_error(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A report refused for its scam type: the other identifiers are checked to list every
    # problem at once, and "N/A" in a qualifier was one of them.
    reports = "external_ref,reported_at,scam_type,channel,mark\nNV-6,2026-03-01,bogus,sms,green\n"
    identifiers = (
        "external_ref,kind,value,role,qualifier\n"
        "NV-6,crypto_wallet,TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9,wallet,N/A\n"
    )
    files = {"r.csv": reports.encode(), "i.csv": identifiers.encode()}
    result = upload(session, agencies["MY-NSRC"], files)
    assert [e.column for e in result.errors] == ["scam_type"]


def test_a_name_people_bear_is_kept_in_a_name_column(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # "Nil" (Bengali) and "Nan" (Thai, Chinese) are given names of trafficked workers; read as
    # words for an empty cell they were dropped. "N/A" in a name column is still no name.
    reports = (
        "external_ref,reported_at,scam_type,channel,mark\nNV-7,2026-03-01,investment,sms,green\n"
    )
    parties = (
        "external_ref,role,full_name,given_name,family_name\n"
        "NV-7,victim_of_trafficking,Nil Hossain,Nil,N/A\n"
        "NV-7,victim_of_trafficking,Nan Somsak,NaN,None\n"
    )
    files = {"r.csv": reports.encode(), "p.csv": parties.encode()}
    result = upload(session, agencies["MY-NSRC"], files)
    assert (result.status, result.errors) == ("committed", [])
    names = session.execute(select(Party.given_name, Party.family_name).order_by(Party.id)).all()
    assert [tuple(n) for n in names] == [("Nil", ""), ("NaN", "None")]
