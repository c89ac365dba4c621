"""Amounts on the pages are written as their currency is: no cents on dong, yen, won, rupiah."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from decimal import Decimal

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.db.engine import session_factory
from counterscam.web.formatting import money
from tests.factories import PolicyRegion, make_report


@pytest.mark.parametrize(
    ("amount", "currency", "shown"),
    [
        ("5000000", "VND", "VND 5,000,000"),
        ("5000000.00", "VND", "VND 5,000,000"),
        ("120000", "JPY", "JPY 120,000"),
        ("3500000", "KRW", "KRW 3,500,000"),
        # ISO 4217 gives these two decimals, but no one writes rupiah, riel, kip or kyat cents.
        ("15000000", "IDR", "IDR 15,000,000"),
        ("400000", "KHR", "KHR 400,000"),
        ("2500000", "LAK", "LAK 2,500,000"),
        ("900000", "MMK", "MMK 900,000"),
        ("12500", "USD", "USD 12,500.00"),
        ("1234.5", "MYR", "MYR 1,234.50"),
        ("250", "USDT", "USDT 250.00"),
        # A fraction the currency does not show is kept, never rounded away.
        ("1500000.50", "VND", "VND 1,500,000.50"),
        # A code the reference data does not know keeps two decimals.
        ("99", "XYZ", "XYZ 99.00"),
    ],
)
def test_an_amount_has_its_currencys_decimals(amount: str, currency: str, shown: str) -> None:
    assert money(Decimal(amount), currency) == shown


def test_the_report_pages_show_dong_whole_and_the_csv_keeps_the_stored_amount(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    with session_factory(engine)() as session:
        my = region.users["MY-NSRC"].agency_id
        report = make_report(session, agency_id=my, ref="MY-DONG", mark="amber", loss_usd="196.85")
        report.loss_amount, report.loss_currency = Decimal("5000000"), "VND"
        session.commit()
        report_id = report.id
    client = client_for("MY-NSRC")
    page = client.get(f"/reports/{report_id}").text
    assert "VND 5,000,000" in page and "VND 5,000,000.00" not in page
    assert "= USD 196.85" in page  # the USD figure stays to the cent
    listing = client.get("/reports").text
    assert "VND 5,000,000<" in listing and "VND 5,000,000.00" not in listing
    rows = csv.DictReader(io.StringIO(client.get("/reports.csv").text.lstrip("\ufeff")))
    dong = next(r for r in rows if r["Reference"] == "MY-DONG")
    assert (dong["Loss amount"], dong["Loss currency"]) == ("5000000.00", "VND")
