"""Identifiers filed as pasted are stored canonically; checks written otherwise find them."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.caller import Caller
from counterscam.check.service import check
from counterscam.cli.main import app
from counterscam.db.models import Identifier, Sighting
from tests.intake.conftest import REPORTS_CSV
from tests.intake.test_files import upload

PASTED = (
    "external_ref,kind,value,role,qualifier,country\n"
    "MY-1,url,http://3405803781/login,website,,\n"
    "MY-1,bank_account,VCB 0011001234567 NGUYEN VAN A,beneficiary_account,,VN\n"
    "MY-2,bank_account,PromptPay 0812345678,beneficiary_account,,TH\n"
    "MY-2,bank_account,BCA 1234567890 a.n. Budi Santoso,beneficiary_account,,ID\n"
)


@pytest.fixture
def filed(session: Session, agencies: dict[str, Caller]) -> Caller:
    files = {"r.csv": REPORTS_CSV.encode(), "i.csv": PASTED.encode()}
    result = upload(session, agencies["MY-NSRC"], files)
    assert (result.status, result.errors) == ("committed", []), result.errors
    return agencies["SG-ASCOM"]


def test_pasted_identifiers_are_stored_in_canonical_form(session: Session, filed: Caller) -> None:
    stored = {(k, v) for k, v in session.execute(select(Identifier.kind, Identifier.value))}
    assert stored == {
        ("url", "http://203.0.113.5/login"),
        ("ip", "203.0.113.5"),
        ("bank_account", "VN:BFTV:0011001234567"),
        ("ewallet", "promptpay:+66812345678"),
        ("bank_account", "ID:CENA:1234567890"),
    }
    # The holder's name is not in the identifier, but the value as written is kept.
    assert "VCB 0011001234567 NGUYEN VAN A" in set(session.scalars(select(Sighting.raw_value)))


@pytest.mark.parametrize(
    ("kind", "value", "country", "canonical"),
    [
        ("url", "http://0313.0.0161.5/login", None, ("url", "http://203.0.113.5/login")),
        ("url", "http://203.0.113.5/login", None, ("url", "http://203.0.113.5/login")),
        (None, "hxxp://0xCB007105/login", None, ("url", "http://203.0.113.5/login")),
        ("ip", "203.0.113.5", None, ("ip", "203.0.113.5")),
        ("bank_account", "Vietcombank 001-100-123-4567", "VN", None),
        ("bank_account", "VN:BFTV:0011001234567", None, None),
        ("ewallet", "PromptPay 081-234-5678", "TH", ("ewallet", "promptpay:+66812345678")),
        ("bank_account", "PromptPay 0812345678", "TH", ("ewallet", "promptpay:+66812345678")),
        (None, "0812345678 (PromptPay)", "TH", ("ewallet", "promptpay:+66812345678")),
        ("bank_account", "BCA 123 456 7890", "ID", ("bank_account", "ID:CENA:1234567890")),
    ],
)
def test_a_check_written_another_way_hits_with_the_canonical_value(
    session: Session,
    filed: Caller,
    kind: str | None,
    value: str,
    country: str | None,
    canonical: tuple[str, str] | None,
) -> None:
    result = check(session, filed, kind=kind, value=value, country=country, channel="cli")
    assert result.error is None and result.hit, result
    expected = canonical or ("bank_account", "VN:BFTV:0011001234567")
    assert (result.kind, result.value) == expected
    args = ["canon", kind or expected[0], value] + (["--country", country] if country else [])
    printed = CliRunner().invoke(app, args)
    assert printed.exit_code == 0, printed.output
    assert printed.stdout.splitlines()[0] == result.value


def test_the_ip_behind_a_hidden_host_is_checked_beside_the_url(
    session: Session, filed: Caller
) -> None:
    result = check(
        session, filed, kind="url", value="http://3405803781/other", country=None, channel="cli"
    )
    assert not result.hit  # another page on the host: the URL itself was never reported
    assert [(r.kind, r.value, r.hit) for r in result.related] == [("ip", "203.0.113.5", True)]
