"""Currency signs read as the reporting country writes them, estimates and bounds, through the
CSV import and the API: "K 500,000" from Myanmar is kyat, "$1,200" from Singapore is SGD."""

from __future__ import annotations

import time
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counterscam.access.accounts import admin_caller, create_agency
from counterscam.access.caller import Caller
from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.db.models import Report
from counterscam.intake.amounts import amount_of, currency_written
from counterscam.intake.service import batch_notes
from tests.intake.conftest import doc_report
from tests.intake.test_api import auth
from tests.intake.test_files import upload

COUNTRIES = ("MM", "LA", "SG", "BN", "TH", "VN", "PH", "ID", "MY", "KH")


@pytest.fixture
def centres(session: Session) -> dict[str, Caller]:
    """A member agency in each of the countries, by country code."""
    for country in COUNTRIES:
        create_agency(session, code=f"{country}-ASC", name=country, country=country, kind="member")
    session.commit()
    return {country: admin_caller(session, f"{country}-ASC") for country in COUNTRIES}


@pytest.fixture
def client(engine: Engine) -> Iterator[TestClient]:
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as c:
        yield c


def _csv(amount: str, currency: str = "") -> bytes:
    quoted = '"' + amount.replace('"', '""') + '"'
    return (
        "external_ref,reported_at,scam_type,channel,loss_amount,loss_currency,mark\n"
        f"R-1,2026-03-01,investment,sms,{quoted},{currency},amber\n"
    ).encode()


def _imported(
    session: Session, caller: Caller, amount: str, currency: str = ""
) -> tuple[str, str | None] | list[tuple[str, str]]:
    result = upload(session, caller, {"r.csv": _csv(amount, currency)})
    if result.errors:
        return [(e.column, e.reason) for e in result.errors]
    stored = session.scalars(select(Report)).one()
    return str(stored.loss_amount), stored.loss_currency


def _posted(
    client: TestClient, session: Session, country: str, amount: str, currency: str | None = None
) -> tuple[int, dict[str, Any]]:
    body = doc_report(
        loss_amount=amount, loss_currency=currency, identifiers=[], parties=[], places=[]
    )
    answer = client.post("/api/v1/reports", json=body, headers=auth(session, f"{country}-ASC"))
    return answer.status_code, answer.json()


# Each sign as officers of the country write it; the first ones were refused as ambiguous.
LOCAL = [
    ("MM", "K 500,000", "500000.00", "MMK"),
    ("MM", "500,000 K", "500000.00", "MMK"),
    ("MM", "Ks 500,000", "500000.00", "MMK"),
    ("MM", "500,000 kyat", "500000.00", "MMK"),
    ("LA", "K 500.000", "500000.00", "LAK"),
    ("LA", "₭ 500,000", "500000.00", "LAK"),
    ("LA", "500,000 Kip", "500000.00", "LAK"),
    ("SG", "$1,200", "1200.00", "SGD"),
    ("SG", "S$1,200", "1200.00", "SGD"),
    ("BN", "$1,200", "1200.00", "BND"),
    ("BN", "B$1,200", "1200.00", "BND"),
    ("TH", "B 1,500", "1500.00", "THB"),
    ("TH", "1,500 B", "1500.00", "THB"),
    ("TH", "฿1,500", "1500.00", "THB"),
    ("TH", "1,500 baht", "1500.00", "THB"),
    ("VN", "500.000d", "500000.00", "VND"),
    ("VN", "500.000 đ", "500000.00", "VND"),
    ("VN", "₫500.000", "500000.00", "VND"),
    ("VN", "500.000 dong", "500000.00", "VND"),
    ("VN", "500.000 VND", "500000.00", "VND"),
    ("PH", "₱5,000", "5000.00", "PHP"),
    ("PH", "P5,000", "5000.00", "PHP"),
    ("PH", "Php 5,000", "5000.00", "PHP"),
    ("ID", "Rp 1.500.000", "1500000.00", "IDR"),
    ("MY", "RM1,200", "1200.00", "MYR"),
    ("KH", "៛40.000", "40000.00", "KHR"),
    # '$' where the local money is no dollar is the US dollar (it was refused as ambiguous).
    ("MY", "$1,200", "1200.00", "USD"),
    ("TH", "$1,200", "1200.00", "USD"),
    ("VN", "$1,200", "1200.00", "USD"),
    ("ID", "$1,200", "1200.00", "USD"),
    ("PH", "1,200 $", "1200.00", "USD"),
    ("KH", "$1,200", "1200.00", "USD"),
    ("LA", "$1,200", "1200.00", "USD"),
    ("MM", "$ 1,200", "1200.00", "USD"),
]


@pytest.mark.parametrize(("country", "amount", "expected", "currency"), LOCAL)
def test_a_local_sign_is_read_in_a_csv_import_from_its_country(
    session: Session,
    centres: dict[str, Caller],
    country: str,
    amount: str,
    expected: str,
    currency: str,
) -> None:
    assert _imported(session, centres[country], amount) == (expected, currency)


@pytest.mark.parametrize(("country", "amount", "expected", "currency"), LOCAL)
def test_a_local_sign_is_read_through_the_api_from_its_country(
    client: TestClient,
    session: Session,
    centres: dict[str, Caller],
    country: str,
    amount: str,
    expected: str,
    currency: str,
) -> None:
    code, body = _posted(client, session, country, amount)
    assert code == 201, body
    stored = session.scalars(select(Report)).one()
    assert (str(stored.loss_amount), stored.loss_currency) == (expected, currency)


@pytest.mark.parametrize(
    ("country", "amount", "reason"),
    [
        (
            "TH",
            "K 500,000",
            "'K 500,000': 'K' can be MMK or PGK; fill in loss_currency, or write the amount "
            "with its ISO code, like 500,000 MMK",
        ),
        (
            "MY",
            "B 1,500",
            "'B 1,500': 'B' is read as a currency only in reports from Thailand (THB); write "
            "the amount with its ISO code, like 1,500 THB",
        ),
        (
            "MY",
            "500.000d",
            "'500.000d': 'd' is read as a currency only in reports from Viet Nam (VND); write "
            "the amount with its ISO code, like 500.000 VND",
        ),
        (
            # "5B" is five billion in English: glued to the number, B is not taken as baht.
            "TH",
            "1500B",
            "'1500B': a B right after the number can mean billion, or baht; write the whole "
            "amount in digits, or baht as B 1500, 1500 baht or 1500 THB",
        ),
    ],
)
def test_a_sign_ambiguous_in_the_reporting_country_is_still_refused(
    client: TestClient,
    session: Session,
    centres: dict[str, Caller],
    country: str,
    amount: str,
    reason: str,
) -> None:
    assert _imported(session, centres[country], amount) == [("loss_amount", reason)]
    code, body = _posted(client, session, country, amount)
    assert code == 422, body
    assert [(e["column"], e["reason"]) for e in body["errors"]] == [("loss_amount", reason)]


@pytest.mark.parametrize("country", ["AU", "CA", "NZ", None])
def test_a_dollar_from_outside_the_members_stays_refused(country: str | None) -> None:
    # Partners do not submit reports, but the reading is the country's, not the agency kind's:
    # where the own money is a dollar, or the country is not known, '$' is not guessed.
    with pytest.raises(ValueError) as info:
        amount_of("$1,200", country=country)
    assert str(info.value) == (
        "'$1,200': '$' can be AUD, BND, CAD, HKD, NZD, SGD or USD; fill in loss_currency, "
        "or write the amount with its ISO code, like 1,200 SGD"
    )


@pytest.mark.parametrize(
    ("country", "expected"), [("MY", "USD"), ("KH", "USD"), ("SG", "SGD"), ("BN", "BND")]
)
def test_the_currency_a_dollar_names_is_the_members(country: str, expected: str) -> None:
    assert currency_written("$1,200", country) == expected


@pytest.mark.parametrize(
    ("country", "amount", "column", "expected"),
    [
        # The currency column wins where the sign can be its currency anywhere.
        ("SG", "$1,200", "USD", ("1200.00", "USD")),
        ("MY", "$1,200", "SGD", ("1200.00", "SGD")),
        ("MM", "K 500,000", "PGK", ("500000.00", "PGK")),
        ("LA", "K 500,000", "MMK", ("500000.00", "MMK")),
        (
            "SG",
            "$1,200",
            "MYR",
            [
                (
                    "loss_amount",
                    "'$1,200' is written in AUD, BND, CAD, HKD, NZD, SGD or USD ('$') but "
                    "loss_currency is MYR; correct one of them so they agree",
                )
            ],
        ),
        (
            "MM",
            "K 500,000",
            "THB",
            [
                (
                    "loss_amount",
                    "'K 500,000' is written in MMK or PGK ('K') but loss_currency is THB; "
                    "correct one of them so they agree",
                )
            ],
        ),
        (
            "TH",
            "B 1,500",
            "USD",
            [
                (
                    "loss_amount",
                    "'B 1,500' is written in THB ('B') but loss_currency is USD; correct one "
                    "of them so they agree",
                )
            ],
        ),
    ],
)
def test_the_currency_column_wins_and_a_contradiction_names_both(
    session: Session,
    centres: dict[str, Caller],
    country: str,
    amount: str,
    column: str,
    expected: object,
) -> None:
    assert _imported(session, centres[country], amount, column) == expected


@pytest.mark.parametrize(
    ("amount", "currency", "expected"),
    [
        ("ＭＹＲ 500", "", ("500.00", "MYR")),
        ("５００", "MYR", ("500.00", "MYR")),
        ("ＲＭ１，２００．５０", "", ("1200.50", "MYR")),
        ("500", "ＭＹＲ", ("500.00", "MYR")),
    ],
)
def test_full_width_forms_are_read(
    session: Session,
    centres: dict[str, Caller],
    amount: str,
    currency: str,
    expected: tuple[str, str],
) -> None:
    assert _imported(session, centres["MY"], amount, currency) == expected


@pytest.mark.parametrize(
    "amount",
    ["~RM500", "approx. RM500", "RM500 (approx)", "about RM 500", "RM 500 approx.", "≈500 MYR"],
)
def test_an_estimate_is_read_as_its_figure_and_noted(
    client: TestClient, session: Session, centres: dict[str, Caller], amount: str
) -> None:
    assert _imported(session, centres["MY"], amount) == ("500.00", "MYR")
    code, body = _posted(client, session, "MY", amount)
    assert code == 201, body
    assert body["note"] == (
        "Estimated losses: the loss of report MY-2026-000123 was written as an "
        "estimate ('~', 'approx.'), and stored as the figure given; where the exact amount "
        "becomes known, resubmit the report with it"
    )


def test_an_estimate_with_a_local_sign_is_noted_in_a_csv_import(
    session: Session, centres: dict[str, Caller]
) -> None:
    csv = (
        "external_ref,reported_at,scam_type,channel,loss_amount,loss_currency,mark\n"
        "TH-1,2026-03-01,investment,sms,~B 1500,,amber\n"
        "TH-2,2026-03-01,investment,sms,ประมาณ 2000 บาท,,amber\n"
        "TH-3,2026-03-01,investment,sms,B 300,,amber\n"
    )
    result = upload(session, centres["TH"], {"r.csv": csv.encode()})
    assert result.errors == []
    stored = {
        r.external_ref: (str(r.loss_amount), r.loss_currency)
        for r in session.scalars(select(Report))
    }
    assert stored == {
        "TH-1": ("1500.00", "THB"),
        "TH-2": ("2000.00", "THB"),
        "TH-3": ("300.00", "THB"),
    }
    assert batch_notes(result) == [
        "Estimated losses: the losses of 2 reports (TH-1, TH-2) were written as estimates "
        "('~', 'approx.'), and stored as the figure given; where the exact amount becomes "
        "known, resubmit the report with it"
    ]


def test_an_exact_amount_has_no_estimate_note(
    client: TestClient, session: Session, centres: dict[str, Caller]
) -> None:
    code, body = _posted(client, session, "MY", "RM500")
    assert code == 201 and "note" not in body, body


BOUND = (
    "is a bound, not one figure; a loss is one amount: write the amount lost in digits (when "
    "only a lower bound is known, that bound, which is sure) and give the bound in the narrative"
)


@pytest.mark.parametrize(
    ("amount", "currency"),
    [
        ("> 500", "MYR"),
        ("more than 500", "MYR"),
        ("more than RM500", ""),
        ("500+", "MYR"),
        ("RM500 or more", ""),
        ("< 500", "MYR"),
        ("lebih dari RM500", ""),
    ],
)
def test_a_bound_is_refused_as_not_one_figure(
    client: TestClient,
    session: Session,
    centres: dict[str, Caller],
    amount: str,
    currency: str,
) -> None:
    reason = f"{amount!r} {BOUND}"
    assert _imported(session, centres["MY"], amount, currency) == [("loss_amount", reason)]
    code, body = _posted(client, session, "MY", amount, currency or None)
    assert code == 422, body
    assert [(e["column"], e["reason"]) for e in body["errors"]] == [("loss_amount", reason)]


def test_an_estimate_keeps_the_amount_rules() -> None:
    # "~" stays a range mark between two figures, and an estimate is still one reading.
    with pytest.raises(ValueError, match="is a range"):
        amount_of("RM500~RM1000")
    assert amount_of("~1.500", "VND") == Decimal("1500")


@pytest.mark.parametrize(
    "amount", ["500 a" + " " * 50_000 + "b", "RM" + " " * 50_000 + "x500", "500" + "( " * 30_000]
)
def test_a_long_run_of_spaces_beside_the_number_is_refused_at_once(amount: str) -> None:
    # Looking for an estimate's "(approx)" from every space of the run took minutes.
    started = time.perf_counter()
    with pytest.raises(ValueError, match="is not an amount"):
        amount_of(amount, "MYR")
    assert time.perf_counter() - started < 2
