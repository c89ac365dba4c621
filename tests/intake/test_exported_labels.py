"""National systems export labels, not codes, and Excel writes hours without their zero."""

from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.cli.main import app
from counterscam.db.models import Party, Report, Sighting

REPORTS = (
    "External Ref,Reported At,Scam Type,Channel,Mark,Victim Age Band\n"
    "TH-1,2026-3-1 9:05,Job Task,Phone Call,TLP:AMBER,25-34\n"
    "TH-2,2026/3/1 9.30 น.,investment,line,green,65 plus\n"
)
IDENTIFIERS = (
    "external_ref,kind,value,role\n"
    "TH-1,Bank Account,KBank 123-4-56789-0,Beneficiary Account\n"
    "TH-2,phone,081-234-5678,caller\n"
)
PARTIES = (
    "external_ref,role,full_name,id_number,id_kind\n"
    "TH-1,Victim of Trafficking,Somchai,X1,National ID\n"
)


def _import(runner: CliRunner, folder: Path) -> str:
    added = runner.invoke(
        app, ["agency", "add", "TH-CCIB", "--name", "Thai", "--country", "TH", "--kind", "member"]
    )
    assert added.exit_code == 0, added.output
    result = runner.invoke(app, ["import", str(folder), "--agency", "TH-CCIB"])
    assert result.exit_code == 0, result.output
    return result.output


def test_labels_with_spaces_and_hyphens_read_as_codes(
    runner: CliRunner, session: Session, tmp_path: Path
) -> None:
    (tmp_path / "reports.csv").write_text(REPORTS, encoding="utf-8")
    (tmp_path / "identifiers.csv").write_text(IDENTIFIERS, encoding="utf-8")
    (tmp_path / "parties.csv").write_text(PARTIES, encoding="utf-8")
    _import(runner, tmp_path)
    reports = {r.external_ref: r for r in session.scalars(select(Report))}
    first = reports["TH-1"]
    assert (first.scam_type, first.channel, first.victim_age_band) == (
        "job_task",
        "phone_call",
        "25_34",
    )
    assert reports["TH-2"].victim_age_band == "65_plus"
    roles = set(session.scalars(select(Sighting.role).where(Sighting.report_id == first.id)))
    assert roles == {"beneficiary_account"}
    parties = session.execute(select(Party.role, Party.id_kind).where(Party.report_id == first.id))
    assert [tuple(p) for p in parties] == [("victim_of_trafficking", "national_id")]


def test_one_digit_hour_after_a_year_first_date(
    runner: CliRunner, session: Session, tmp_path: Path
) -> None:
    (tmp_path / "reports.csv").write_text(REPORTS, encoding="utf-8")
    _import(runner, tmp_path)
    times = {r.external_ref: r.reported_at for r in session.scalars(select(Report))}
    # Bangkok is UTC+7: 09:05 and 09:30 local.
    assert times["TH-1"].astimezone(UTC) == datetime(2026, 3, 1, 2, 5, tzinfo=UTC)
    assert times["TH-2"].astimezone(UTC) == datetime(2026, 3, 1, 2, 30, tzinfo=UTC)
