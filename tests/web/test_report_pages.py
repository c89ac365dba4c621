"""The reports list and detail pages show exactly what the access policy allows."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient

from tests.factories import EXPECTED_VISIBLE, PolicyRegion


def _refs(region: PolicyRegion, labels: set[str]) -> set[str]:
    return {region.reports[label].external_ref for label in labels}


@pytest.mark.parametrize("agency", sorted(EXPECTED_VISIBLE))
def test_each_role_lists_and_opens_exactly_what_it_may_see(
    client_for: Callable[[str], TestClient], region: PolicyRegion, agency: str
) -> None:
    client = client_for(agency)
    page = client.get("/reports").text
    listed = {r.external_ref for r in region.reports.values() if f">{r.external_ref}<" in page}
    assert listed == _refs(region, EXPECTED_VISIBLE[agency])
    assert f"{len(EXPECTED_VISIBLE[agency]):,} reports" in page

    for label, report in region.reports.items():
        response = client.get(f"/reports/{report.id}")
        if label in EXPECTED_VISIBLE[agency]:
            assert response.status_code == 200
            assert report.narrative in response.text
            assert "+60123456789" in response.text
        else:
            assert response.status_code == 403
            assert report.narrative not in response.text
            assert "MY-NSRC" in response.text


def test_partner_gets_the_403_page_naming_the_holder(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    amber = region.reports["amber"]
    response = client_for("AU-AFP").get(f"/reports/{amber.id}")
    assert response.status_code == 403
    assert "You cannot open this report" in response.text
    assert "MY-NSRC" in response.text and "National Scam Response Centre" in response.text
    assert "TLP:AMBER" in response.text
    assert "narrative of MY-amber" not in response.text


def test_missing_report_is_a_friendly_404(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    response = client_for("MY-NSRC").get("/reports/999999")
    assert response.status_code == 404
    assert "Page not found" in response.text


def test_detail_shows_identifier_roles_raw_values_and_mark_badge(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    page = client_for("MY-NSRC").get(f"/reports/{region.reports['red'].id}").text
    assert "Caller" in page and "+60123456789" in page
    assert 'class="tlp tlp--red"' in page


@pytest.mark.parametrize("agency", ["SG-ASCOM", "AU-AFP"])
def test_csv_download_has_the_visible_reports_only(
    client_for: Callable[[str], TestClient], region: PolicyRegion, agency: str
) -> None:
    response = client_for(agency).get("/reports.csv")
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.text.lstrip("\ufeff"))))
    assert {r["Reference"] for r in rows} == _refs(region, EXPECTED_VISIBLE[agency])
    assert {r["Loss (USD)"] for r in rows} == {"1000.00"}


def test_filters_and_pagination(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    assert "No reports match these filters" in client.get("/reports?country=SG").text
    page = client.get("/reports?country=MY&scam_type=investment").text
    assert "6 reports" in page
    assert "/reports.csv?country=MY&amp;scam_type=investment" in page
