"""Paged lists (reports, alerts) sort on the server: a column heading orders every page."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from html import unescape

from fastapi.testclient import TestClient
from sqlalchemy import Engine, select, update

from counterscam.check.alerts import raise_alerts
from counterscam.db.engine import session_factory
from counterscam.db.models import Alert, AuditEvent, Identifier
from tests.factories import PolicyRegion, make_report

OLD = datetime(2025, 1, 1, tzinfo=UTC)


def _old_reports(engine: Engine, region: PolicyRegion, count: int) -> None:
    """Add MY-NSRC reports OLD-000.. one day apart, all older than the region's own."""
    session = session_factory(engine)()
    my = region.users["MY-NSRC"].agency_id
    for i in range(count):
        report = make_report(session, agency_id=my, ref=f"OLD-{i:03d}", mark="green")
        report.reported_at = OLD + timedelta(days=i)
    session.commit()
    session.close()


def _refs(html: str, prefix: str) -> list[str]:
    """Return the references starting with ``prefix`` in the order the page lists them."""
    return re.findall(rf">({re.escape(prefix)}[^<]*)</a>", html)


def test_oldest_first_continues_across_pages(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    _old_reports(engine, region, 55)
    client = client_for("MY-NSRC")
    first = client.get("/reports?sort=reported").text
    # Page 1 of the whole list, oldest first: not the newest 50 re-ordered in the browser.
    assert _refs(first, "OLD-") == [f"OLD-{i:03d}" for i in range(50)]
    assert 'aria-sort="ascending"' in first and "data-sortable" not in first
    # Paging keeps the sort; the heading sorts the other way from page 1.
    assert 'href="/reports?sort=reported&amp;page=2"' in first
    assert 'href="/reports?sort=-reported"' in first

    second = client.get("/reports?sort=reported&page=2").text
    assert _refs(second, "OLD-") == [f"OLD-{i:03d}" for i in range(50, 55)]
    # The region's six reports share one date: after the old ones, in a stable (id) order.
    mine = _refs(second, "MY-")
    assert len(mine) == 6 and mine == _refs(client.get("/reports?sort=reported&page=2").text, "MY-")

    newest = client.get("/reports").text
    assert _refs(newest, "OLD-") == [f"OLD-{i:03d}" for i in range(54, 10, -1)]


def test_sort_keeps_the_filters_and_the_csv_follows_it(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    _old_reports(engine, region, 3)
    client = client_for("MY-NSRC")
    page = client.get("/reports?country=MY&sort=-reference").text
    assert _refs(page, "OLD-") == ["OLD-002", "OLD-001", "OLD-000"]
    assert 'href="/reports?country=MY&amp;sort=reference"' in page
    assert "/reports.csv?country=MY&amp;sort=-reference" in page
    # Applying other filters keeps the sort chosen by a heading.
    assert '<input type="hidden" name="sort" value="-reference">' in page

    response = client.get("/reports.csv?country=MY&sort=-reference")
    refs = [r["Reference"] for r in csv.DictReader(io.StringIO(response.text.lstrip("\ufeff")))]
    assert refs == sorted(refs, reverse=True) and refs[:3] == ["OLD-002", "OLD-001", "OLD-000"]


def _csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def _losses(engine: Engine, region: PolicyRegion) -> None:
    """Add MY-NSRC reports with the largest and smallest losses, and two with no loss known."""
    session = session_factory(engine)()
    my = region.users["MY-NSRC"].agency_id
    for ref, loss in (("L-big", "90000"), ("L-none-1", None), ("L-small", "5"), ("L-none-2", None)):
        report = make_report(session, agency_id=my, ref=ref, mark="green")
        if loss is None:
            report.loss_amount = report.loss_usd = report.loss_currency = None
        else:
            report.loss_amount = report.loss_usd = Decimal(loss)
    session.commit()
    session.close()


def test_reports_with_no_loss_come_last_both_ways(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # SQLite puts NULL first ascending and PostgreSQL first descending; both must agree.
    _losses(engine, region)
    client = client_for("MY-NSRC")
    largest = client.get("/reports?sort=-loss_usd").text
    refs = re.findall(r'<a href="/reports/\d+">([^<]+)</a>', largest)
    assert refs[0] == "L-big" and refs[-2:] == ["L-none-2", "L-none-1"]
    smallest = client.get("/reports?sort=loss_usd").text
    refs = re.findall(r'<a href="/reports/\d+">([^<]+)</a>', smallest)
    assert refs[0] == "L-small" and refs[-2:] == ["L-none-1", "L-none-2"]

    for sort, first, unknown in (
        ("-loss_usd", "L-big", ["L-none-2", "L-none-1"]),
        ("loss_usd", "L-small", ["L-none-1", "L-none-2"]),
    ):
        rows = _csv_rows(client.get(f"/reports.csv?sort={sort}").text)
        assert rows[0]["Reference"] == first
        assert [r["Reference"] for r in rows[-2:]] == unknown
        assert all(r["Loss (USD)"] for r in rows[:-2]), sort


def test_unknown_sort_is_refused_with_a_clear_message(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    for bad in ("narrative", "reported_at; DROP TABLE report", "--reported"):
        response = client.get("/reports", params={"sort": bad})
        assert response.status_code == 400
        assert "There is a problem" in response.text
        assert "Choose how to sort the list by a column heading" in response.text
        assert "MY-clear" in response.text  # the list is still shown, newest first
    csv_response = client.get("/reports.csv?sort=narrative")
    assert csv_response.status_code == 400
    assert "unknown sort" in csv_response.text and "use one of reference" in csv_response.text
    assert client.get("/reports.csv?sort=-loss_usd").status_code == 200


def test_a_partner_sorting_sees_only_what_it_may_see(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    au = client_for("AU-AFP")
    for sort in ("reference", "-reference", "agency", "-loss_usd", "reported"):
        page = au.get(f"/reports?sort={sort}").text
        assert sorted(_refs(page, "MY-")) == ["MY-clear", "MY-green"], sort
        assert "2 reports" in page
    assert _refs(au.get("/reports?sort=-reference").text, "MY-") == ["MY-green", "MY-clear"]


def _alerts(engine: Engine, region: PolicyRegion, count: int) -> None:
    """Raise ``count`` MY-SG alerts, one per phone, raised a minute apart in phone order."""
    session = session_factory(engine)()
    my, sg = region.users["MY-NSRC"].agency_id, region.users["SG-ASCOM"].agency_id
    ids = []
    for i in range(count):
        phone = f"+6012000{i:04d}"
        make_report(session, agency_id=my, ref=f"MY-A{i}", mark="green", phone=phone)
        sg_report = make_report(
            session, agency_id=sg, ref=f"SG-A{i}", mark="green", country="SG", phone=phone
        )
        ids.append(sg_report.id)
    raise_alerts(session, ids)
    for i in range(count):
        ident = select(Identifier.id).where(Identifier.value == f"+6012000{i:04d}")
        session.execute(
            update(Alert)
            .where(Alert.identifier_id == ident.scalar_subquery())
            .values(created_at=OLD + timedelta(minutes=i))
        )
    session.commit()
    session.close()


def _phones(html: str) -> list[str]:
    return re.findall(r"<code>(\+6012000\d{4})</code>", html)


def test_alerts_sorted_oldest_first_across_pages(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    _alerts(engine, region, 53)
    client = client_for("MY-NSRC")
    first = client.get("/alerts?show=all&sort=raised").text
    assert _phones(first) == [f"+6012000{i:04d}" for i in range(50)]
    assert 'href="/alerts?show=all&amp;sort=raised&amp;page=2"' in first
    assert 'href="/alerts?show=all&amp;sort=-raised"' in first
    second = client.get("/alerts?show=all&sort=raised&page=2").text
    assert _phones(second) == [f"+6012000{i:04d}" for i in range(50, 53)]
    newest = client.get("/alerts?show=all").text
    assert _phones(newest)[:2] == ["+60120000052", "+60120000051"]
    by_value = client.get("/alerts?show=all&sort=-identifier").text
    assert _phones(by_value)[0] == "+60120000052"

    bad = client.get("/alerts?sort=their_report")
    assert bad.status_code == 400
    assert "Choose how to sort the list by a column heading" in bad.text
    # Another agency sorting its inbox never sees MY-NSRC's alerts.
    assert _phones(client_for("TH-CCIB").get("/alerts?show=all&sort=identifier").text) == []


def test_alerts_csv_comes_in_the_order_the_page_shows(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    _alerts(engine, region, 5)
    client = client_for("MY-NSRC")
    for show, sort in (("all", "raised"), ("all", "-identifier"), ("unread", "-raised")):
        page = client.get(f"/alerts?show={show}&sort={sort}").text
        shown = _phones(page)
        assert len(shown) == 5
        link = unescape(re.findall(r'class="download-link" href="([^"]+)"', page)[0])
        assert link == f"/alerts.csv?show={show}" + ("" if sort == "-raised" else f"&sort={sort}")
        downloaded = client.get(link)
        assert downloaded.status_code == 200
        assert [r["Identifier"] for r in _csv_rows(downloaded.text)] == shown, sort
        # The download is read and audited as the page is, under the sort asked for.
        session = session_factory(engine)()
        audited = session.scalars(
            select(AuditEvent.query)
            .where(AuditEvent.action == "read_alerts")
            .order_by(AuditEvent.id.desc())
        ).first()
        session.close()
        assert audited is not None and f"sort={sort}" in audited
    assert _phones(client.get("/alerts?show=all&sort=raised").text)[0] == "+60120000000"

    bad = client.get("/alerts.csv?sort=their_report")
    assert bad.status_code == 400 and "unknown sort" in bad.text and "raised" in bad.text
    assert _csv_rows(client_for("TH-CCIB").get("/alerts.csv?sort=raised").text) == []
