"""A list's value that cannot be checked as written is in the audit log like any invalid one."""

from __future__ import annotations

import io

from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.check.lists import check_listed, read_file
from counterscam.db.models import AuditEvent
from tests.check.conftest import PHONE, CheckRegion


def _workbook() -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["kind", "value"])
    sheet.append(["bank_account", 1234567890123456789])  # Excel kept 15 of its digits
    sheet.append(["phone", PHONE])
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def test_a_number_cell_that_lost_digits_is_audited_and_counted_in_the_list(
    session: Session, region: CheckRegion
) -> None:
    # The answer said "2 checked, 1 invalid" while the log said "1 values (0 invalid)" and had
    # no row for the refused value: "who looked up this account?" missed it.
    listed = read_file("accounts.xlsx", _workbook(), kind=None)
    assert listed[0].problem is not None
    bulk = check_listed(
        session, region.policy.caller("SG-ASCOM"), listed=listed, country="MY", channel="cli"
    )
    assert (bulk.checked, bulk.hits, bulk.invalid) == (2, 1, 1)
    assert bulk.items[0].error == listed[0].problem and bulk.items[0].value is None
    matching = bulk.items[1].reports + bulk.items[1].hidden_reports
    rows = session.execute(
        select(AuditEvent.action, AuditEvent.query, AuditEvent.hits).order_by(AuditEvent.id)
    ).all()
    assert [tuple(r) for r in rows] == [
        ("bulk_check", "2 values (1 invalid) country=MY", 1),
        ("bulk_check_value", f"bank_account:{listed[0].item.value} country=MY", 0),
        ("bulk_check_value", f"phone:{PHONE} country=MY", matching),
    ]
