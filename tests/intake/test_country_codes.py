"""Country columns and options read ISO 3166-1 alpha-3 codes (``MYS``), as passports'
machine-readable zones and many national systems write nationality, and the common names."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam import reference
from counterscam.access.accounts import create_agency
from counterscam.access.caller import Caller
from counterscam.cli.main import app
from counterscam.db.models import Agency, Identifier, Party, Place, Report
from tests.intake.test_files import upload

_REPORT = (
    "external_ref,reported_at,scam_type,channel,loss_amount,loss_currency,victim_country,mark\n"
    "R-1,2026-03-01,investment,sms,100,MYR,{victim},amber\n"
)


def _victim_country(session: Session, caller: Caller, written: str) -> str | list[str]:
    csv = _REPORT.format(victim='"' + written.replace('"', '""') + '"')
    result = upload(session, caller, {"r.csv": csv.encode()})
    if result.errors:
        return [f"{e.column}: {e.reason}" for e in result.errors]
    return str(session.scalars(select(Report.victim_country)).one())


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("MYS", "MY"),
        ("THA", "TH"),
        ("VNM", "VN"),
        ("IDN", "ID"),
        ("PHL", "PH"),
        ("SGP", "SG"),
        ("BRN", "BN"),
        ("KHM", "KH"),
        ("LAO", "LA"),
        ("MMR", "MM"),
        ("CHN", "CN"),
        ("KOR", "KR"),
        ("AUS", "AU"),
        ("USA", "US"),
        ("IND", "IN"),
        ("TLS", "TL"),
        ("mys", "MY"),
        (" Mmr ", "MM"),
        ("Malaysia", "MY"),
        ("Viet Nam", "VN"),
        ("Vietnam", "VN"),
        ("Lao PDR", "LA"),
        ("Laos", "LA"),
        ("Myanmar", "MM"),
        ("Burma", "MM"),
        ("Brunei Darussalam", "BN"),
        ("Timor-Leste", "TL"),
        ("East Timor", "TL"),
        ("Timor Leste", "TL"),
    ],
)
def test_victim_country_as_alpha3_or_name_is_read_as_its_code(
    session: Session, agencies: dict[str, Caller], written: str, code: str
) -> None:
    assert _victim_country(session, agencies["MY-NSRC"], written) == code


def test_every_reference_country_is_read_by_its_alpha3(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # One batch, one row a country: the data file's codes, not only the ones tested by hand.
    countries = reference.countries()
    rows = "".join(
        f"R-{c.code},2026-03-01,investment,sms,100,MYR,{c.alpha3},amber\n" for c in countries
    )
    result = upload(
        session, agencies["MY-NSRC"], {"r.csv": (_REPORT.split("\n")[0] + "\n" + rows).encode()}
    )
    assert result.errors == []
    rows_stored = session.execute(select(Report.external_ref, Report.victim_country)).all()
    stored = {ref: country for ref, country in rows_stored}
    assert stored == {f"R-{c.code}": c.code for c in countries}


def test_alpha3_is_read_in_every_country_column_of_a_csv_set(
    session: Session, agencies: dict[str, Caller]
) -> None:
    files = {
        "r.csv": _REPORT.format(victim="MYS"),
        "i.csv": "external_ref,kind,value,role,country\nR-1,phone,081 234 5678,caller,THA\n",
        "p.csv": "external_ref,role,full_name,nationality\nR-1,mule,Nguyen Van An,VNM\n",
        "pl.csv": "external_ref,kind,name,country\nR-1,compound,KK Park,MMR\n",
    }
    result = upload(session, agencies["MY-NSRC"], {n: t.encode() for n, t in files.items()})
    assert (result.status, result.errors) == ("committed", [])
    assert session.scalars(select(Report.victim_country)).all() == ["MY"]
    # Read as a Thai number: the country was THA, not the Malaysian agency's own.
    assert session.scalars(select(Identifier.value)).all() == ["+66812345678"]
    assert session.scalars(select(Party.nationality)).all() == ["VN"]
    assert session.scalars(select(Place.country)).all() == ["MM"]


@pytest.mark.parametrize("written", ["HKG", "Siam", "MY S"])
def test_a_code_or_name_no_country_has_here_is_refused_saying_what_to_write(
    session: Session, agencies: dict[str, Caller], written: str
) -> None:
    # HKG is Hong Kong's alpha-3, but Hong Kong is not in the reference list: its alpha-2 (HK)
    # is read, as every phone region's is.
    assert _victim_country(session, agencies["MY-NSRC"], written) == [
        f"victim_country: '{written}' is not an ISO 3166 code or a country name counterscam "
        "knows; write the alpha-2 code (like MY, TH, HK), or the alpha-3 code or a name of a "
        "country of the reference list (like MYS, VNM, Malaysia or Vietnam)"
    ]


def test_an_agency_added_with_an_alpha3_country_gets_its_alpha2(
    runner: CliRunner, session: Session
) -> None:
    args = ["agency", "add", "XX-POL", "--name", "X Police", "--country", "tha"]
    result = runner.invoke(app, [*args, "--kind", "member"])
    assert result.exit_code == 0, result.output
    agency = session.scalars(select(Agency).where(Agency.code == "XX-POL")).one()
    assert agency.country == "TH"


def test_a_country_option_reads_alpha3(runner: CliRunner) -> None:
    # The number is read as a Thai local number only if --country THA is Thailand.
    result = runner.invoke(app, ["canon", "phone", "081 234 5678", "--country", "THA"])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "+66812345678"
    refused = runner.invoke(app, ["canon", "phone", "081 234 5678", "--country", "HKG"])
    assert refused.exit_code == 2
    assert "give its ISO 3166 alpha-2 code, like MY, SG or TH (or its alpha-3" in refused.output


def test_an_agency_country_not_known_names_both_code_forms(session: Session) -> None:
    with pytest.raises(Exception, match=r"\(or a listed country's alpha-3 code, like MYS\)"):
        create_agency(session, code="XX-POL", name="X", country="Malaysia", kind="member")
