"""Forms a national system's own exporter wrote, read through the real import."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.accounts import admin_caller, create_agency
from counterscam.access.caller import Caller
from counterscam.db.models import Identifier, Party, Report, Sighting
from tests.intake.test_files import upload


def test_the_reference_files_own_labels_are_read_as_their_codes(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A system that copied the lists exports the labels the web pages show: "Job or task
    # scam", "Money mule", "Crypto wallet", "65 and over" were each refused as unknown.
    reports = (
        "external_ref,reported_at,scam_type,channel,victim_age_band,mark\n"
        "LB-1,2026-03-01,Job or task scam,SMS,65 and over,TLP:AMBER+STRICT\n"
        'LB-2,2026-03-01,"Impersonation of officials (""Macau scam"")",In person,,TLP:CLEAR\n'
        "LB-3,2026-03-01,Romance scam / pig-butchering,Dating app,Not recorded,TLP:GREEN\n"
    )
    identifiers = (
        "external_ref,kind,value,role\n"
        "LB-1,crypto_wallet,TN3W4H6rK2ce4vX9YnFQHwKENnHjoxb3m9,Crypto wallet\n"
        "LB-2,phone,012-345 6789,Victim's own account\n"
    )
    parties = "external_ref,role,full_name\nLB-1,Money mule,Ahmad bin Ali\n"
    files = {"r.csv": reports, "i.csv": identifiers, "p.csv": parties}
    result = upload(session, agencies["MY-NSRC"], {n: t.encode() for n, t in files.items()})
    assert (result.status, result.created, result.errors) == ("committed", 3, [])
    stored = session.execute(
        select(
            Report.external_ref, Report.scam_type, Report.channel, Report.victim_age_band
        ).order_by(Report.external_ref)
    ).all()
    assert [tuple(r) for r in stored] == [
        ("LB-1", "job_task", "sms", "65_plus"),
        ("LB-2", "impersonation_official", "in_person", None),
        ("LB-3", "romance", "dating_app", "unknown"),
    ]
    roles = session.scalars(select(Sighting.role).order_by(Sighting.role)).all()
    assert set(roles) == {"wallet", "victim_account"}
    assert session.scalars(select(Party.role)).one() == "mule"


def test_an_unknown_label_is_still_refused_with_the_codes(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # "Love scam" was the example until the reference learnt it (romance); an APK scam may be
    # phishing or tech_support, so no code is guessed.
    reports = (
        "external_ref,reported_at,scam_type,channel,mark\nLB-4,2026-03-01,APK scam,sms,green\n"
    )
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    assert result.status == "rejected"
    (error,) = result.errors
    assert error.column == "scam_type" and "use one of: investment" in error.reason


@pytest.mark.parametrize(
    ("country", "bank", "number", "stored"),
    [
        ("ID", "Bank Central Asia (BCA)", "1234567890", "ID:CENA:1234567890"),
        ("VN", "Vietcombank (VCB)", "0011004123456", "VN:BFTV:0011004123456"),
        ("VN", "VietinBank CN Hà Nội", "0011004123456", "VN:ICBV:0011004123456"),
        ("TH", "Kasikornbank (KBank)", "123-4-56789-0", "TH:KASI:1234567890"),
        ("TH", "SCB ไทยพาณิชย์", "1234567890", "TH:SICO:1234567890"),
    ],
)
def test_a_bank_column_is_read_as_a_bank_name_in_the_value_is(
    session: Session, country: str, bank: str, number: str, stored: str
) -> None:
    # "Vietcombank (VCB) 0011004123456" was read in the value, but the same bank written in
    # the qualifier column, as a system with a Bank column exports it, was "an unknown bank".
    create_agency(session, code="NC", name="NC", country=country, kind="member")
    session.commit()
    reports = "external_ref,reported_at,scam_type,channel,mark\nBQ-1,2026-03-01,loan,sms,green\n"
    identifiers = (
        "external_ref,kind,value,role,qualifier\n"
        f"BQ-1,bank_account,{number},beneficiary_account,{bank}\n"
    )
    files = {"r.csv": reports.encode(), "i.csv": identifiers.encode()}
    result = upload(session, admin_caller(session, "NC"), files)
    assert (result.status, result.errors) == ("committed", [])
    assert session.scalars(select(Identifier.value)).one() == stored


def test_a_bank_column_naming_two_banks_is_still_refused(
    session: Session, agencies: dict[str, Caller]
) -> None:
    reports = "external_ref,reported_at,scam_type,channel,mark\nBQ-2,2026-03-01,loan,sms,green\n"
    identifiers = (
        "external_ref,kind,value,role,qualifier\n"
        "BQ-2,bank_account,514012345678,beneficiary_account,Maybank (CIMB)\n"
    )
    files = {"r.csv": reports.encode(), "i.csv": identifiers.encode()}
    result = upload(session, agencies["MY-NSRC"], files)
    assert result.status == "rejected"
    assert [(e.file, e.column) for e in result.errors] == [("i.csv", "value")]


@pytest.mark.parametrize(
    ("written", "iso"),
    [
        ("Sunday, 15 February 2026", "2026-02-15"),  # Excel's long date, saved as CSV
        ("Senin, 16 Februari 2026", "2026-02-16"),
        ("Thứ Hai, 16 tháng 2, 2026", "2026-02-16"),
        ("วันอาทิตย์ที่ 15 กุมภาพันธ์ 2569", "2026-02-15"),
        ("Chủ nhật, 15/02/2026", "2026-02-15"),
    ],
)
def test_a_date_after_its_day_name_is_told_as_the_very_date(
    session: Session, agencies: dict[str, Caller], written: str, iso: str
) -> None:
    # The reason said "like 2026-03-01", an example that reads as the date to write.
    reports = f'external_ref,reported_at,scam_type,channel,mark\nWD-1,"{written}",loan,sms,green\n'
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    assert result.status == "rejected"
    (error,) = result.errors
    assert error.column == "reported_at"
    assert f": {iso}" in error.reason or f"like {iso}" in error.reason
    assert "2026-03-01 " not in error.reason.split(". ", 1)[1]


def test_a_day_name_that_is_not_the_dates_day_gives_no_date(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # 16 February 2026 is a Monday (Senin), not a Tuesday (Selasa): one of them is wrong.
    reports = (
        'external_ref,reported_at,scam_type,channel,mark\nWD-2,"Selasa, 16 Februari 2026",'
        "loan,sms,green\n"
    )
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    (error,) = result.errors
    assert "2026-02-16" not in error.reason


@pytest.mark.parametrize(
    ("written", "to_write"),
    [
        ("2026-03-01 9:30 PM", "2026-03-01 21:30"),
        ("2026-03-01 12:15 AM", "2026-03-01 00:15"),
        ("2026-03-01 12:05:10 pm", "2026-03-01 12:05:10"),
    ],
)
def test_a_twelve_hour_time_is_told_on_the_24_hour_clock(
    session: Session, agencies: dict[str, Caller], written: str, to_write: str
) -> None:
    # The reason said "like 22:00 for 10:00 PM" whatever the time, even for an AM one.
    reports = f"external_ref,reported_at,scam_type,channel,mark\nAP-1,{written},loan,sms,green\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    assert result.status == "rejected"
    (error,) = result.errors
    assert error.reason.endswith(f"24-hour clock: {to_write}")


@pytest.mark.parametrize(
    ("heading", "told"),
    [
        ("TLP", "if it holds the mark column, rename it to mark"),
        ("Loss Amount (MYR)", "rename it to loss_amount (without '(myr)') and give the currency"),
        ("Narrative:", "rename it to narrative (without ':')"),
    ],
)
def test_an_unknown_heading_that_names_a_column_says_which(
    session: Session, agencies: dict[str, Caller], heading: str, told: str
) -> None:
    # Refused as before (a misspelt column is never dropped), but the reason listed every
    # column without saying that "TLP" is the mark or "Loss Amount (MYR)" the loss.
    reports = (
        f"external_ref,reported_at,scam_type,channel,mark,{heading}\n"
        "UH-1,2026-03-01,loan,sms,green,x\n"
    )
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    assert result.status == "rejected"
    (error,) = result.errors
    assert (error.row, error.value) == (1, error.column)
    assert f"unknown column; {told}" in error.reason


def test_a_reference_heading_with_a_full_stop_is_named(
    session: Session, agencies: dict[str, Caller]
) -> None:
    reports = "External Ref.,Reported At,Scam Type,Channel,Mark\nUH-2,2026-03-01,loan,sms,green\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    assert result.status == "rejected"
    (error,) = result.errors
    assert error.reason.endswith("('external_ref.': rename it to external_ref)")


@pytest.mark.parametrize(("written", "band"), [("65+", "65_plus"), ("65 and above", "65_plus")])
def test_the_open_age_band_as_forms_write_it(
    session: Session, agencies: dict[str, Caller], written: str, band: str
) -> None:
    reports = (
        "external_ref,reported_at,scam_type,channel,victim_age_band,mark\n"
        f"AB-1,2026-03-01,loan,sms,{written},green\n"
    )
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    assert (result.status, result.errors) == ("committed", [])
    assert session.scalars(select(Report.victim_age_band)).one() == band


def test_a_band_across_several_bands_is_still_refused(
    session: Session, agencies: dict[str, Caller]
) -> None:
    reports = (
        "external_ref,reported_at,scam_type,channel,victim_age_band,mark\n"
        "AB-2,2026-03-01,loan,sms,55+,green\n"
    )
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    assert [e.column for e in result.errors] == ["victim_age_band"]


@pytest.mark.parametrize(
    ("written", "told"),
    [
        ("15/2/26", "write the whole year first: 2026-02-15 (if 26 is 2026)"),
        ("15.02.26 10:00", "write the whole year first: 2026-02-15 (if 26 is 2026)"),
        ("1/3/26", "like 2026-03-01 if the day comes first or 2026-01-03 if the month does"),
    ],
)
def test_a_two_digit_year_is_told_with_the_date_it_gives(
    session: Session, agencies: dict[str, Caller], written: str, told: str
) -> None:
    # "15/2/26" was told "like 2026-03-01", an example that reads as the date to write.
    reports = f"external_ref,reported_at,scam_type,channel,mark\nSY-1,{written},loan,sms,green\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    (error,) = result.errors
    assert error.column == "reported_at" and told in error.reason
