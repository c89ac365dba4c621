"""The cluster pages in a real browser: the list, the brief and the network drawn on a canvas."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counterscam.db.engine import session_scope
from counterscam.db.link_models import Cluster
from counterscam.db.models import Agency, Identifier, Party, Place, Report, Sighting
from counterscam.link.rebuild import rebuild
from tests.browser.conftest import fresh_database, window
from tests.browser.seed import USERS, seed
from tests.browser.server import serving
from tests.factories import PASSWORD

SHOTS = Path("/tmp")
START = datetime(2025, 11, 1, tzinfo=UTC)
MARKS = ["green", "green", "clear", "amber", "amber", "red"]
# (kind, role, reports per identifier, concurrent identifiers, value pattern)
LANES = [
    ("phone", "caller", 9, 3, "+6011{:07d}"),
    ("bank_account", "beneficiary_account", 7, 2, "MY:MBBE:5140{:08d}"),
    ("url", "website", 14, 1, "https://invest-{:04d}.example"),
    ("handle", "messaging_contact", 11, 2, "telegram:@mgr{:05d}"),
    ("crypto_wallet", "wallet", 8, 1, "tron:T{:033d}"),
]


def add_syndicate(session: Session, *, reports: int, seed_: int = 3) -> None:
    """Add one syndicate: ``reports`` reports over four months on rotating identifiers."""
    rng = random.Random(seed_)
    agencies = [
        (a.id, a.country) for a in session.scalars(select(Agency).where(Agency.kind == "member"))
    ]
    idents: dict[str, int] = {}

    def ident(kind: str, value: str) -> int:
        if value not in idents:
            row = Identifier(kind=kind, value=value, country="MY")
            session.add(row)
            session.flush()
            idents[value] = row.id
        return idents[value]

    for i in range(reports):
        agency_id, country = rng.choice(agencies)
        day = 120 * i / reports
        report = Report(
            agency_id=agency_id,
            external_ref=f"{country}-SYN-{i:05d}",
            country=country,
            reported_at=START + timedelta(days=day + rng.random()),
            incident_at=START + timedelta(days=day),
            scam_type=rng.choice(["investment", "job_task", "crypto_investment"]),
            channel=rng.choice(["whatsapp", "telegram", "phone_call"]),
            loss_amount=Decimal(int(rng.lognormvariate(8, 1))),
            loss_currency="USD",
            loss_usd=Decimal(int(rng.lognormvariate(8, 1))),
            mark=rng.choice(MARKS),
        )
        session.add(report)
        session.flush()
        for kind, role, per, lanes, pattern in LANES:
            if rng.random() < 0.35:  # victims leave identifiers out
                continue
            value = pattern.format((i // per) * lanes + rng.randrange(lanes))
            session.add(
                Sighting(
                    report_id=report.id,
                    identifier_id=ident(kind, value),
                    role=role,
                    raw_value=value,
                )
            )
        if i % 40 == 0:
            session.add(
                Sighting(
                    report_id=report.id,
                    identifier_id=ident("phone", "+85620555000"),
                    role="recruiter_contact",
                    raw_value="+856 20 555 000",
                )
            )
            session.add(
                Party(
                    report_id=report.id,
                    role="victim_of_trafficking",
                    full_name=f"Rescued worker {i // 40 + 1}",
                    nationality=rng.choice(["ID", "VN", "PH", "MM"]),
                )
            )
            session.add(
                Place(
                    report_id=report.id,
                    kind="compound",
                    name="Golden Fortune compound",
                    country="KH",
                    latitude=10.61,
                    longitude=103.53,
                )
            )
        if i % 55 == 0:
            session.add(
                Party(  # resolved to one person, as `counterscam resolve-persons` would
                    report_id=report.id,
                    role="suspect",
                    full_name="Chen Wei",
                    nationality="CN",
                    person_id=9001,
                )
            )
    session.flush()


def build_region(engine: Engine, *, reports: int) -> str:
    """Seed the demo region plus one syndicate, cluster it, and return the syndicate's key."""
    seed(engine, reports=60)
    with session_scope(engine) as session:
        add_syndicate(session, reports=reports)
        rebuild(session)
    with session_scope(engine) as session:
        key = session.scalar(select(Cluster.key).order_by(Cluster.report_count.desc()).limit(1))
    assert key is not None
    return key


@pytest.fixture(scope="module")
def cluster_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    """A region with a syndicate of a few thousand nodes, served on a free local port."""
    with fresh_database(tmp_path_factory, "clusters") as engine:
        key = build_region(engine, reports=1500)
        with serving(engine) as base_url:
            yield {"url": base_url, "key": key}


@pytest.fixture
def tab(chromium: Any, cluster_site: dict[str, Any]) -> Iterator[Any]:
    """A fresh tab on the cluster site at 1280 px, signed in as MY-NSRC."""
    with window(chromium, cluster_site["url"], 1280, timeout=30_000) as page:
        page.goto("/sign-in")
        page.get_by_label("Username").fill(USERS["MY-NSRC"])
        page.get_by_label("Password").fill(PASSWORD)
        page.get_by_role("button", name="Sign in").click()
        expect(page.get_by_role("heading", name="Regional picture")).to_be_visible()
        yield page


def _fits(page: Any) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))


def test_list_and_brief_of_the_syndicate(tab: Any, cluster_site: dict[str, Any]) -> None:
    key = cluster_site["key"]
    tab.get_by_role("link", name="Clusters", exact=True).click()
    expect(tab.get_by_role("heading", name="Clusters", exact=True)).to_be_visible()
    tab.get_by_label("Sort by").select_option("reports")
    tab.get_by_role("button", name="Apply").click()
    first = tab.locator("table tbody tr").first
    expect(first).to_contain_text(key)
    expect(first.locator("td").nth(2)).to_have_text(re.compile(r"^\+\d+$"))  # held by others
    assert _fits(tab)
    # Its ten columns fit a laptop's width too: headers wrap rather than hide "Latest report".
    box = tab.locator(".table-scroll").first
    assert box.evaluate("b => b.scrollWidth <= b.clientWidth"), "the cluster table scrolls"
    tab.screenshot(path=str(SHOTS / "clusters-list.png"), full_page=True)

    first.get_by_role("link", name=key).click()
    expect(tab.get_by_role("heading", name=key)).to_be_visible()
    expect(tab.get_by_role("heading", name="Trafficking indicators")).to_be_visible()
    victims = tab.locator(".victims-panel")
    expect(victims).to_contain_text("Rescued worker")
    expect(victims.locator(".tag--victim").first).to_be_visible()
    expect(tab.get_by_role("cell", name="Chen Wei")).to_have_count(1)
    assert _fits(tab)
    tab.screenshot(path=str(SHOTS / "cluster-brief.png"), full_page=True)


def test_network_draws_zooms_and_has_a_table(tab: Any, cluster_site: dict[str, Any]) -> None:
    key = cluster_site["key"]
    tab.goto(f"/clusters/{key}")
    tab.get_by_role("link", name="Network view").click()
    network = tab.locator("[data-network]")
    # The first view lays out ~2,400 nodes with DRL: seconds on a busy test machine.
    expect(network).to_have_class(re.compile(r"\bis-ready\b"), timeout=90_000)
    nodes = int(network.get_attribute("data-nodes"))
    assert nodes > 1000, nodes
    assert int(network.get_attribute("data-drawn")) == nodes  # fitted: every node on screen
    # Something is painted: some canvas pixels are not the background.
    painted = tab.evaluate(
        """() => { const c = document.querySelector('canvas');
        const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        let n = 0; for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) n++; } return n; }"""
    )
    assert painted > 5000
    tab.screenshot(path=str(SHOTS / "cluster-network.png"), full_page=True)

    zoom_in = tab.get_by_role("button", name="Zoom in")
    zoom_in.focus()
    tab.keyboard.press("Enter")
    tab.keyboard.press("Enter")
    expect(network).to_have_attribute("data-scale", "2.250")
    assert int(network.get_attribute("data-drawn")) < nodes
    tab.get_by_role("button", name="Zoom out").click()
    expect(network).to_have_attribute("data-scale", "1.500")
    tab.get_by_role("button", name="Fit to view").click()
    expect(network).to_have_attribute("data-scale", "1.000")
    # Labels asked for are drawn apart: overlapping ones are left out until zoomed in.
    tab.get_by_label("Show labels").check()
    tab.wait_for_function("window.counterscamNetwork.labels().length > 0")
    boxes = tab.evaluate("window.counterscamNetwork.labels()")
    assert len(boxes) > 10, boxes
    assert not any(
        a["x0"] < b["x1"] and b["x0"] < a["x1"] and a["y0"] < b["y1"] and b["y0"] < a["y1"]
        for i, a in enumerate(boxes)
        for b in boxes[i + 1 :]
    )
    tab.get_by_label("Show labels").uncheck()

    # Pointing at a report shows its tooltip; clicking it opens the report.
    label = _a_report_label(tab)
    spot = tab.evaluate(f"window.counterscamNetwork.screenOf({label!r})")
    box = tab.locator("canvas").bounding_box()
    tab.mouse.move(box["x"] + spot["x"], box["y"] + spot["y"])
    expect(tab.locator("[data-tooltip]")).to_contain_text(label)
    tab.screenshot(path=str(SHOTS / "cluster-network-hover.png"))
    tab.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
    expect(tab.get_by_role("heading", name=label)).to_be_visible()

    tab.go_back()
    tab.get_by_role("link", name="View as a table").first.click()
    expect(tab.get_by_role("heading", name=f"Network of cluster {key} as a table")).to_be_visible()
    expect(tab.locator("table tbody tr").first).to_contain_text("+85620555000")
    assert _fits(tab)


def _a_report_label(tab: Any) -> str:
    """Return the label of a report node far from its neighbours (easy to point at)."""
    return str(
        tab.evaluate(
            """async () => {
            const src = document.querySelector('[data-network]').dataset.src;
            const g = await (await fetch(src)).json();
            const reports = g.nodes.filter(n => n.type === 'report');
            let best = reports[0], bestD = -1;
            for (const r of reports.slice(0, 400)) {
              let d = Infinity;
              for (const o of g.nodes) {
                if (o !== r) d = Math.min(d, Math.hypot(o.x - r.x, o.y - r.y));
              }
              if (d > bestD) { bestD = d; best = r; }
            }
            return best.label; }"""
        )
    )


def test_cluster_pages_break_no_rule_of_the_content_security_policy(
    tab: Any, cluster_site: dict[str, Any]
) -> None:
    # The legend's colours were inline styles, which the policy refuses: grey dots.
    key = cluster_site["key"]
    refused: list[str] = []
    tab.on("console", lambda m: refused.append(m.text) if "Content Security" in m.text else None)
    for address in (f"/clusters/{key}", f"/clusters/{key}/network/table", "/clusters"):
        tab.goto(address)
        tab.wait_for_load_state("load")
    tab.goto(f"/clusters/{key}/network")
    expect(tab.locator("[data-network]")).to_have_class(re.compile(r"\bis-ready\b"), timeout=90_000)
    assert refused == []
    phone = tab.locator(".network__legend li", has_text="Phone").locator(".swatch rect")
    assert phone.evaluate("r => getComputedStyle(r).fill") == "rgb(212, 53, 28)"  # #d4351c
