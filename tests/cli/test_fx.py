"""``counterscam fx status`` and ``fx revalue``, and the import's word on stand-in FX rates."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import create_agency
from counterscam.cli import fx as fx_cli
from counterscam.cli.main import app
from counterscam.db.link_models import Cluster
from counterscam.db.models import AuditEvent, Report
from counterscam.intake import dates
from tests.reference.rates import UseRates, use_rates

__all__ = ["use_rates"]  # the fixture, used by name

HEADER = "month,currency,usd_per_unit\n"
REPORTS = (
    "external_ref,reported_at,incident_at,scam_type,channel,loss_amount,loss_currency,mark\n"
    "MY-OLD-1,2026-03-01,2022-06-10,investment,whatsapp,1000,MYR,amber\n"
    "MY-OLD-2,2026-03-01,2022-06-20,investment,whatsapp,1000,MYR,amber\n"
    "MY-NOW,2026-03-02,,investment,whatsapp,1000,MYR,amber\n"
)
IDENTIFIERS = (
    "external_ref,kind,value,role\n"
    "MY-OLD-1,phone,012-345 6789,caller\n"
    "MY-OLD-2,phone,012-345 6789,caller\n"
)


@pytest.fixture
def my_agency(session: Session) -> str:
    create_agency(session, code="MY-NSRC", name="NSRC", country="MY", kind="member")
    session.commit()
    return "MY-NSRC"


def _import(runner: CliRunner, folder: Path, reports: str, identifiers: str = "") -> str:
    folder.mkdir(exist_ok=True)
    (folder / "reports.csv").write_text(reports)
    if identifiers:
        (folder / "identifiers.csv").write_text(identifiers)
    result = runner.invoke(app, ["import", str(folder), "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    return result.output


def _stored(session: Session, ref: str) -> Report:
    session.expire_all()
    return session.scalars(select(Report).where(Report.external_ref == ref)).one()


def test_revalue_gives_stand_in_losses_their_own_months_rate_once_the_file_has_it(
    runner: CliRunner, session: Session, my_agency: str, tmp_path: Path, use_rates: UseRates
) -> None:
    said = _import(runner, tmp_path / "batch", REPORTS, IDENTIFIERS)
    # The table starts in 2023-01: the import says which losses took another month's rate.
    assert "Stand-in FX rate: the loss of 2 reports (2022-06) was valued in USD" in said
    status = runner.invoke(app, ["fx", "status"])
    assert status.exit_code == 0, status.output
    assert "Stored reports valued at a stand-in rate: 2." in status.output
    now_before = _stored(session, "MY-NOW")
    kept = (now_before.loss_usd, now_before.fx_rate, now_before.fx_date, now_before.updated_at)
    old_updated = _stored(session, "MY-OLD-1").updated_at
    audit_rows = session.scalar(select(func.count()).select_from(AuditEvent))

    use_rates(HEADER + "2022-06,MYR,0.2270\n")
    status = runner.invoke(app, ["fx", "status"])
    assert "2 of them can take their own month's rate now: run `counterscam fx revalue`" in (
        status.output
    )
    done = runner.invoke(app, ["fx", "revalue"])
    assert done.exit_code == 0, done.output
    assert "Revalued 2 of 2 reports at a stand-in rate and the loss of 1 cluster;" in done.output
    assert "0 still carry a stand-in rate" in done.output

    old = _stored(session, "MY-OLD-1")
    assert (old.fx_rate, old.fx_date, old.loss_usd) == (
        Decimal("0.227"),
        date(2022, 6, 10),
        Decimal("227.00"),
    )
    assert old.updated_at == old_updated  # the agency did not change its report
    now = _stored(session, "MY-NOW")  # valued at its own month's rate already: untouched
    assert (now.loss_usd, now.fx_rate, now.fx_date, now.updated_at) == kept
    assert session.scalar(select(func.count()).select_from(AuditEvent)) == audit_rows
    cluster = session.scalars(select(Cluster)).one()
    assert cluster.total_loss_usd == Decimal("454.00")

    again = runner.invoke(app, ["fx", "revalue"])
    assert "Revalued 0 of 0 reports at a stand-in rate; 0 still carry" in again.output
    status = runner.invoke(app, ["fx", "status"])
    assert "Stored reports valued at a stand-in rate: 0." in status.output


def test_a_january_2027_report_takes_january_from_the_rates_file(
    runner: CliRunner,
    session: Session,
    my_agency: str,
    tmp_path: Path,
    use_rates: UseRates,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The test stands in January 2027, where the bundled table has no month.
    monkeypatch.setattr(dates, "_after_today", lambda when, country: False)
    report = (
        "external_ref,reported_at,scam_type,channel,loss_amount,loss_currency,mark\n"
        "MY-2027,2027-01-15,investment,whatsapp,1000,MYR,amber\n"
    )
    said = _import(runner, tmp_path / "before", report)
    assert "Stand-in FX rate: the loss of 1 report (2027-01)" in said
    assert _stored(session, "MY-2027").fx_date == date(2026, 12, 1)

    use_rates(HEADER + "2027-01,MYR,0.2401\n")
    said = _import(runner, tmp_path / "after", report)
    assert "Stand-in FX rate" not in said
    stored = _stored(session, "MY-2027")
    assert (stored.fx_rate, stored.fx_date, stored.loss_usd) == (
        Decimal("0.2401"),
        date(2027, 1, 15),
        Decimal("240.10"),
    )


def test_status_says_whether_this_month_is_covered(
    runner: CliRunner,
    session: Session,
    my_agency: str,
    use_rates: UseRates,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The test stands in a month the bundled table covers, whatever the machine's clock says.
    monkeypatch.setattr(fx_cli, "_today", lambda: date(2026, 11, 20))
    covered = runner.invoke(app, ["fx", "status"])
    assert covered.exit_code == 0, covered.output
    assert "FX table: the bundled reference/data/fx_rates.yaml; no rates file" in covered.output
    assert "Last month: 2026-12, for every currency." in covered.output
    assert "This month (2026-11): every currency has its rate." in covered.output

    monkeypatch.setattr(fx_cli, "_today", lambda: date(2027, 1, 5))
    lacking = runner.invoke(app, ["fx", "status"])
    assert lacking.exit_code == 0, lacking.output
    assert "warning: The FX table has no rates for 2027-01 (its last month is 2026-12)" in (
        lacking.output
    )

    path = use_rates(HEADER + "2027-01,MYR,0.2401\n")
    partial = runner.invoke(app, ["fx", "status"])
    assert f"with the rates file {path} (1 rate for 1 currency)" in partial.output
    assert "Last month: 2027-01; earlier for 25 currencies" in partial.output
    assert "no 2027-01 rate for 25 of its currencies" in partial.output


def test_a_bad_rates_file_stops_the_command_before_anything_is_stored(
    runner: CliRunner, session: Session, my_agency: str, tmp_path: Path, use_rates: UseRates
) -> None:
    use_rates(HEADER + "2027-01,MYR,0.2401\n2027-01,THB,zero\n")
    (tmp_path / "reports.csv").write_text(REPORTS)
    result = runner.invoke(app, ["import", str(tmp_path / "reports.csv"), "--agency", "MY-NSRC"])
    assert result.exit_code == 1
    assert "COUNTERSCAM_FX_RATES_FILE" in result.output
    assert "rates.csv, line 3, column 3 (usd_per_unit): rate 'zero' is not a number" in (
        result.output
    )
    assert session.scalar(select(func.count()).select_from(Report)) == 0
    assert runner.invoke(app, ["fx", "status"]).exit_code == 1
