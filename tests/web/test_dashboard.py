"""The dashboard: totals, breakdowns, trend and alerts over the reports the caller may see."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import UTC, datetime

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.db.engine import session_factory
from counterscam.web.dashboard import build_dashboard
from tests.factories import EXPECTED_VISIBLE, PolicyRegion


def _csv(client: TestClient, url: str) -> list[dict[str, str]]:
    response = client.get(url)
    assert response.status_code == 200
    return list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))


def test_totals_differ_by_role_as_the_policy_says(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    for agency in ("MY-NSRC", "TH-CCIB", "AU-AFP"):
        client = client_for(agency)
        n = len(EXPECTED_VISIBLE[agency])
        page = client.get("/").text
        assert f'<span class="stat__value">{n:,}</span>' in page
        assert f"USD {n * 1000:,}" in page
        rows = _csv(client, "/dashboard/by-country.csv")
        assert rows == [
            {"Code": "MY", "Country": "Malaysia", "Reports": str(n), "Loss (USD)": f"{n * 1000}.00"}
        ]


def test_charts_come_with_their_numbers(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    page = client_for("MY-NSRC").get("/").text
    assert page.count('<svg class="chart"') == 5
    assert "Investment scam" in page
    assert "/dashboard/by-scam-type.csv" in page and "/dashboard/by-month.csv" in page
    assert "cdn" not in page.lower() and "https://" not in page


def test_monthly_trend_counts_visible_reports_per_month(
    engine: Engine, region: PolicyRegion
) -> None:
    session = session_factory(engine)()
    d = build_dashboard(session, region.caller("SG-ASCOM"), now=datetime(2026, 4, 2, tzinfo=UTC))
    session.close()
    assert len(d.by_month) == 24
    assert d.by_month[-1].key == "2026-03"  # the trend ends at the newest visible report
    assert d.by_month[-1].reports == len(EXPECTED_VISIBLE["SG-ASCOM"])
    assert sum(s.reports for s in d.by_month) == d.reports


def test_unknown_table_is_404(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    assert client_for("MY-NSRC").get("/dashboard/nothing.csv").status_code == 404
