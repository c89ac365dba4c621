"""Values a spreadsheet rewrote when it saved a CSV file: ID numbers, a zero shown as a dash."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.models import Party
from tests.intake.test_files import reports_count, upload

REPORTS = "external_ref,reported_at,scam_type,channel,mark\nMY-1,2026-03-01,investment,sms,green\n"
PARTIES = "external_ref,role,full_name,id_number,id_kind\n"


@pytest.mark.parametrize("written", ["1.10012E+12", "1,10012E+12", "1.10012e+12"])
def test_an_id_number_excel_wrote_in_scientific_notation_is_refused(
    session: Session, agencies: dict[str, Caller], written: str
) -> None:
    # Excel shows a 13-digit Thai ID in a General cell as 1.10012E+12 and saves it so: every
    # ID starting 110012 was stored as the same value, and persons were matched by it.
    parties = PARTIES + f'MY-1,mule,Somchai Jaidee,"{written}",national_id\n'
    files = {"r.csv": REPORTS.encode(), "p.csv": parties.encode()}
    result = upload(session, agencies["MY-NSRC"], files, keep_valid=True)
    assert reports_count(session) == 0
    assert [(e.file, e.row, e.column) for e in result.errors] == [("p.csv", 2, "id_number")]
    assert "scientific notation" in result.errors[0].reason
    assert "format the column as text" in result.errors[0].reason


@pytest.mark.parametrize("written", ["1100123456789.0", "1.100123456789E+12"])
def test_an_id_number_with_every_digit_is_read_as_its_digits(
    session: Session, agencies: dict[str, Caller], written: str
) -> None:
    parties = PARTIES + f"MY-1,mule,Somchai Jaidee,{written},national_id\n"
    files = {"r.csv": REPORTS.encode(), "p.csv": parties.encode()}
    assert upload(session, agencies["MY-NSRC"], files).created == 1
    assert session.scalars(select(Party.id_number)).one() == "1100123456789"


def test_passport_numbers_and_json_ids_are_kept_as_written(
    session: Session, agencies: dict[str, Caller]
) -> None:
    parties = PARTIES + "MY-1,suspect,Ah Kow,A12E+7,passport\n"
    files = {"r.csv": REPORTS.encode(), "p.csv": parties.encode()}
    assert upload(session, agencies["MY-NSRC"], files).created == 1
    assert session.scalars(select(Party.id_number)).one() == "A12E+7"
    body = {
        "reports": [
            {
                "external_ref": "MY-2",
                "reported_at": "2026-03-01",
                "scam_type": "investment",
                "channel": "sms",
                "mark": "green",
                "parties": [{"role": "mule", "full_name": "X", "id_number": "1.10012E+12"}],
            }
        ]
    }
    result = upload(session, agencies["MY-NSRC"], {"b.json": json.dumps(body).encode()})
    assert [(e.row, e.column) for e in result.errors] == [(1, "parties[0].id_number")]


@pytest.mark.parametrize("written", ["-", '" -   "', "—"])
def test_a_loss_shown_as_a_dash_says_what_to_write(
    session: Session, agencies: dict[str, Caller], written: str
) -> None:
    # Excel's Accounting format shows 0 as " -   ", and a CSV file keeps what is shown.
    reports = (
        "external_ref,reported_at,scam_type,channel,loss_amount,loss_currency,mark\n"
        f"MY-1,2026-03-01,investment,sms,{written},MYR,green\n"
    )
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    assert reports_count(session) == 0
    assert [(e.row, e.column) for e in result.errors] == [(2, "loss_amount")]
    assert "write 0 for no loss, or leave the cell empty" in result.errors[0].reason
