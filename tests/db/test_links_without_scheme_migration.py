"""Migration 0013 moves links stored as http:// from a writing without a scheme to https://."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from counterscam.db.link_models import Cluster, ClusterLink, StopEntry
from counterscam.db.models import Alert, Identifier, Report, Sighting
from tests.db.revisions import BACKENDS, database_at, old_agency, upgrade_to

SHOP_HTTP, SHOP_HTTPS = "http://shop.example/pay", "https://shop.example/pay"
GONE_HTTP, GONE_HTTPS = "http://gone.example/x", "https://gone.example/x"
PLAIN = "http://plain.example/"


@pytest.fixture(params=BACKENDS)
def old(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A database at revision 0012, the one before the migration: SQLite or PostgreSQL."""
    yield from database_at(request.param, tmp_path, "0012")


def _report(session: Session, agency: int, ref: str, country: str) -> int:
    report = Report(
        agency_id=agency,
        external_ref=ref,
        country=country,
        reported_at=datetime(2026, 1, 15, tzinfo=UTC),
        scam_type="online_shopping",
        channel="website",
        mark="green",
    )
    session.add(report)
    session.flush()
    return report.id


def _identifier(session: Session, value: str, kind: str = "url") -> int:
    ident = Identifier(kind=kind, value=value, country=None, shared_platform=False)
    session.add(ident)
    session.flush()
    return ident.id


def _seed(engine: Engine) -> dict[str, int]:
    """Store what the old reading left: three reports naming links typed in several ways."""
    with Session(engine) as session:
        agencies = {
            country: old_agency(session, code=code, country=country)
            for code, country in (("MY-NSRC", "MY"), ("TH-CCIB", "TH"), ("SG-ASCOM", "SG"))
        }
        ids = {
            "my": _report(session, agencies["MY"], "MY-1", "MY"),
            "th": _report(session, agencies["TH"], "TH-1", "TH"),
            "sg": _report(session, agencies["SG"], "SG-1", "SG"),
        }
        ids |= {
            "shop_http": _identifier(session, SHOP_HTTP),
            "shop_https": _identifier(session, SHOP_HTTPS),
            "gone_http": _identifier(session, GONE_HTTP),
            "plain": _identifier(session, PLAIN),
            "domain": _identifier(session, "shop.example", "domain"),
        }
        sightings = [
            ("th", "shop_http", "website", "shop.example/pay"),  # typed without a scheme
            ("sg", "shop_http", "website", "http://shop.example/pay"),  # http, explicitly
            ("my", "shop_https", "website", "https://shop.example/pay"),
            ("my", "shop_http", "website", "shop.example/pay"),  # MY names the https one too
            ("th", "gone_http", "website", "gone.example/x"),
            ("my", "gone_http", "website", "URL: gone[.]example/x"),
            ("sg", "plain", "website", "http://plain.example"),
            ("th", "domain", "website", "shop.example"),
        ]
        for report, ident, role, raw in sightings:
            session.add(
                Sighting(report_id=ids[report], identifier_id=ids[ident], role=role, raw_value=raw)
            )
        alerts = [
            ("TH", "gone_http", "MY", "th", "my"),
            ("MY", "gone_http", "TH", "my", "th"),
            ("TH", "shop_http", "SG", "th", "sg"),  # TH's report moved: follows it
            ("SG", "shop_http", "TH", "sg", "th"),  # SG's did not: stays
            ("TH", "shop_http", "MY", "th", "my"),  # TH already has it on https: deleted
            ("TH", "shop_https", "MY", "th", "my"),
        ]
        for agency, ident, other, report, other_report in alerts:
            session.add(
                Alert(
                    agency_id=agencies[agency],
                    identifier_id=ids[ident],
                    other_agency_id=agencies[other],
                    report_id=ids[report],
                    other_report_id=ids[other_report],
                )
            )
        cluster = Cluster(key="CL-000001", report_count=3)
        session.add(cluster)
        session.flush()
        for a, b, ident in (("th", "my", "gone_http"), ("th", "sg", "shop_http")):
            session.add(
                ClusterLink(
                    cluster_id=cluster.id,
                    report_a=ids[a],
                    report_b=ids[b],
                    identifier_id=ids[ident],
                    role_a="website",
                    role_b="website",
                    days_apart=0,
                )
            )
        for value in (GONE_HTTP, SHOP_HTTP, SHOP_HTTPS):
            session.add(
                StopEntry(kind="url", value=value, reason=f"listed as {value}", added_by="a@MY")
            )
        session.execute(text("INSERT INTO data_version (id, token) VALUES (1, 'before')"))
        session.commit()
    return ids


def test_sightings_typed_without_a_scheme_move_to_https_with_what_hangs_on_them(
    old: Engine, capfd: pytest.CaptureFixture[str]
) -> None:
    ids = _seed(old)
    upgrade_to(old, "0013")
    with Session(old) as session:
        values = dict(session.execute(select(Identifier.id, Identifier.value)).all())
        by_value = {v: i for i, v in values.items()}
        named = {
            (r, values[i], raw)
            for r, i, raw in session.execute(
                select(Sighting.report_id, Sighting.identifier_id, Sighting.raw_value)
            )
        }
        alerts = {
            (a, values[i], o)
            for a, i, o in session.execute(
                select(Alert.report_id, Alert.identifier_id, Alert.other_report_id)
            )
        }
        links = {
            (a, b, values[i or 0])
            for a, b, i in session.execute(
                select(ClusterLink.report_a, ClusterLink.report_b, ClusterLink.identifier_id)
            )
        }
        stops = dict(session.execute(select(StopEntry.value, StopEntry.reason)).all())
        token = session.scalar(text("SELECT token FROM data_version"))
    my, th, sg = ids["my"], ids["th"], ids["sg"]
    # gone.example's http identifier named by no one any more: deleted; its https form new.
    assert GONE_HTTP not in by_value and GONE_HTTPS in by_value
    assert by_value[SHOP_HTTP] == ids["shop_http"] and by_value[SHOP_HTTPS] == ids["shop_https"]
    assert named == {
        (th, SHOP_HTTPS, "shop.example/pay"),
        (sg, SHOP_HTTP, "http://shop.example/pay"),
        (my, SHOP_HTTPS, "https://shop.example/pay"),  # MY's double sighting merged into it
        (th, GONE_HTTPS, "gone.example/x"),
        (my, GONE_HTTPS, "URL: gone[.]example/x"),
        (sg, PLAIN, "http://plain.example"),
        (th, "shop.example", "shop.example"),
    }
    assert alerts == {
        (th, GONE_HTTPS, my),
        (my, GONE_HTTPS, th),
        (th, SHOP_HTTPS, sg),
        (sg, SHOP_HTTP, th),
        (th, SHOP_HTTPS, my),
    }
    # TH and SG no longer share a link: that link waits for the rebuild, which is announced.
    assert links == {(th, my, GONE_HTTPS), (th, sg, SHOP_HTTP)}
    assert stops == {
        GONE_HTTP: f"listed as {GONE_HTTP}",
        GONE_HTTPS: f"listed as {GONE_HTTP}",
        SHOP_HTTP: f"listed as {SHOP_HTTP}",
        SHOP_HTTPS: f"listed as {SHOP_HTTPS}",
    }
    assert token != "before"
    assert "counterscam link --rebuild" in capfd.readouterr().err


def test_an_empty_database_upgrades_quietly(old: Engine, capfd: pytest.CaptureFixture[str]) -> None:
    upgrade_to(old, "0013")
    with old.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM identifier")).scalar() == 0
    assert "rebuild" not in capfd.readouterr().err


def test_links_written_with_their_scheme_stay(old: Engine) -> None:
    with Session(old) as session:
        agency_id = old_agency(session, code="MY-NSRC", country="MY")
        report = _report(session, agency_id, "MY-1", "MY")
        for value in (SHOP_HTTP, "http://shop.example:8080/pay"):
            ident = _identifier(session, value)
            session.add(
                Sighting(report_id=report, identifier_id=ident, role="website", raw_value=value)
            )
        session.commit()
    upgrade_to(old, "0013")
    with old.connect() as conn:
        stored = set(conn.execute(text("SELECT value FROM identifier")).scalars())
    assert stored == {SHOP_HTTP, "http://shop.example:8080/pay"}
