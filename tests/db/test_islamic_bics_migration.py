"""Migration 0015 moves accounts stored under a Malaysian Islamic bank's BIC to its group bank."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from counterscam.access.accounts import admin_caller
from counterscam.check.service import check
from counterscam.db.link_models import Cluster, ClusterLink, StopEntry
from counterscam.db.models import Alert, Identifier, Report, Sighting
from tests.db.revisions import BACKENDS, database_at, old_agency, upgrade_to

ISLAMIC, GROUP = "MY:MBIS:564012345678", "MY:MBBE:564012345678"
CIMB_ISLAMIC, CIMB = "MY:CTBB:8001234567", "MY:CIBB:8001234567"
OTHER = "MY:MBBE:111122223333"


@pytest.fixture(params=BACKENDS)
def old(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A database at revision 0014, the one before the migration."""
    yield from database_at(request.param, tmp_path, "0014")


def _report(session: Session, agency: int, ref: str) -> int:
    report = Report(
        agency_id=agency,
        external_ref=ref,
        country="MY",
        reported_at=datetime(2026, 1, 15, tzinfo=UTC),
        scam_type="investment",
        channel="phone_call",
        mark="green",
    )
    session.add(report)
    session.flush()
    return report.id


def _seed(engine: Engine) -> dict[str, int]:
    """What the old reading left: one account stored under two codes, another under one."""
    with Session(engine) as session:
        my = old_agency(session, code="MY-NSRC", country="MY")
        th = old_agency(session, code="TH-CCIB", country="TH")
        ids = {"my_agency": my, "th_agency": th}
        ids |= {"my": _report(session, my, "MY-1"), "th": _report(session, th, "TH-1")}
        for name, value in (
            ("islamic", ISLAMIC),
            ("group", GROUP),
            ("cimb_islamic", CIMB_ISLAMIC),
            ("other", OTHER),
        ):
            row = Identifier(kind="bank_account", value=value, country="MY")
            session.add(row)
            session.flush()
            ids[name] = row.id
        for report, ident, raw in (
            ("my", "islamic", "MBISMYKL 5640 1234 5678"),
            ("th", "group", "Maybank Islamic 564012345678"),
            ("th", "islamic", "MBISMYKL 564012345678"),  # TH names both forms: one survives
            ("my", "cimb_islamic", "CTBBMYKL 8001234567"),
            ("th", "other", "Maybank 111122223333"),
        ):
            session.add(
                Sighting(
                    report_id=ids[report],
                    identifier_id=ids[ident],
                    role="beneficiary_account",
                    raw_value=raw,
                )
            )
        for agency, other, report, other_report in (
            ("my", "th", "my", "th"),
            ("th", "my", "th", "my"),
        ):
            session.add(
                Alert(
                    agency_id=ids[f"{agency}_agency"],
                    identifier_id=ids["islamic"],
                    other_agency_id=ids[f"{other}_agency"],
                    report_id=ids[report],
                    other_report_id=ids[other_report],
                )
            )
        cluster = Cluster(key="CL-000001", report_count=2)
        session.add(cluster)
        session.flush()
        session.add(
            ClusterLink(
                cluster_id=cluster.id,
                report_a=ids["my"],
                report_b=ids["th"],
                identifier_id=ids["islamic"],
                role_a="beneficiary_account",
                role_b="beneficiary_account",
                days_apart=0,
            )
        )
        session.add(
            StopEntry(kind="bank_account", value=CIMB_ISLAMIC, reason="bank's own", added_by="a@MY")
        )
        session.execute(text("INSERT INTO data_version (id, token) VALUES (1, 'before')"))
        session.commit()
    return ids


def test_accounts_under_an_islamic_bic_move_to_the_group_bank_with_what_hangs_on_them(
    old: Engine, capfd: pytest.CaptureFixture[str]
) -> None:
    ids = _seed(old)
    upgrade_to(old, "0015")
    with Session(old) as session:
        values = dict(session.execute(select(Identifier.id, Identifier.value)).all())
        named = {
            (r, values[i], raw)
            for r, i, raw in session.execute(
                select(Sighting.report_id, Sighting.identifier_id, Sighting.raw_value)
            )
        }
        alerts = {
            (a, values[i]) for a, i in session.execute(select(Alert.agency_id, Alert.identifier_id))
        }
        links = set(session.execute(select(ClusterLink.identifier_id)).scalars())
        stops = dict(session.execute(select(StopEntry.value, StopEntry.reason)).all())
        token = session.scalar(text("SELECT token FROM data_version"))
    my, th = ids["my"], ids["th"]
    assert set(values.values()) == {GROUP, CIMB, OTHER}
    assert named == {
        (my, GROUP, "MBISMYKL 5640 1234 5678"),
        (th, GROUP, "Maybank Islamic 564012345678"),  # TH's double sighting merged into it
        (my, CIMB, "CTBBMYKL 8001234567"),
        (th, OTHER, "Maybank 111122223333"),
    }
    assert alerts == {(ids["my_agency"], GROUP), (ids["th_agency"], GROUP)}
    assert links == {ids["group"]}
    assert stops == {CIMB_ISLAMIC: "bank's own", CIMB: "bank's own"}
    assert token != "before"
    assert "counterscam link --rebuild" in capfd.readouterr().err


def test_after_the_upgrade_a_check_by_the_bic_finds_both_reports(old: Engine) -> None:
    _seed(old)
    upgrade_to(old, "head")
    with Session(old) as session:
        caller = admin_caller(session, "MY-NSRC")
        answer = check(
            session,
            caller,
            kind="bank_account",
            value="MBISMYKL 564012345678",
            country="MY",
            channel="cli",
        )
    assert answer.hit and answer.value == GROUP
    assert answer.reports + sum(h.reports for h in answer.holdings) == 2


def test_an_empty_database_upgrades_quietly(old: Engine, capfd: pytest.CaptureFixture[str]) -> None:
    upgrade_to(old, "0015")
    with old.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM identifier")).scalar() == 0
    assert "rebuild" not in capfd.readouterr().err
