"""The cluster pages show what the access policy allows: list, brief, network, CSV and API."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select

from counterscam.db.engine import session_factory
from counterscam.db.link_models import Cluster, ClusterReport
from counterscam.db.models import AuditEvent, Report
from counterscam.link.rebuild import rebuild
from tests.factories import PolicyRegion
from tests.link.region import Region, add_compound, add_party, add_report

PHONE = "+60123450001"
RECRUITER = "+60123450009"
ACCOUNT = "MY:MBBE:7"


@pytest.fixture
def keys(engine: Engine, region: PolicyRegion) -> dict[str, str]:
    """Link a small region on top of the policy region; return the clusters' keys by name."""
    session = session_factory(engine)()
    linked = Region(agencies={code: u.agency_id for code, u in region.users.items()})
    g = add_report(session, linked, "MY-G", day=0, names=[("phone", PHONE, "caller")])
    add_report(
        session,
        linked,
        "MY-A",
        day=2,
        mark="amber",
        loss="200",
        names=[("phone", PHONE, "caller"), ("phone", RECRUITER, "recruiter_contact")],
    )
    add_report(session, linked, "MY-R", day=3, mark="red", names=[("phone", PHONE, "caller")])
    sg = add_report(
        session,
        linked,
        "SG-G",
        day=4,
        loss="800",
        agency="SG-ASCOM",
        names=[("phone", PHONE, "caller")],
    )
    add_party(session, g, "Aung Aung", "victim_of_trafficking")
    add_party(session, sg, "Tan Wei", "suspect")
    add_compound(session, sg, "KK Park", "MM")
    for ref, day in (("MY-RED-1", 50), ("MY-RED-2", 51)):
        add_report(
            session,
            linked,
            ref,
            day=day,
            mark="red",
            names=[("bank_account", ACCOUNT, "beneficiary_account")],
        )
    rebuild(session)
    session.commit()

    def key_of(ref: str) -> str:
        found = session.scalar(
            select(Cluster.key)
            .join(ClusterReport, ClusterReport.cluster_id == Cluster.id)
            .join(Report, Report.id == ClusterReport.report_id)
            .where(Report.external_ref == ref)
        )
        assert found is not None, ref
        return found

    found = {"syndicate": key_of("MY-G"), "red": key_of("MY-RED-1"), "policy": key_of("MY-green")}
    session.close()
    return found


Client = Callable[[str], TestClient]


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))


def test_list_sorts_filters_and_downloads_the_same_table(
    client_for: Client, keys: dict[str, str]
) -> None:
    my = client_for("MY-NSRC")
    # MY sees the policy region's six MY reports (USD 6,000), the syndicate and its red pair.
    by_loss = my.get("/clusters").text
    assert by_loss.index(keys["policy"]) < by_loss.index(keys["syndicate"])
    by_countries = my.get("/clusters?sort=countries").text
    assert by_countries.index(keys["syndicate"]) < by_countries.index(keys["policy"])
    assert "3 clusters" in by_loss
    # The rows come sorted over all pages: the headings must not re-sort one page in the
    # browser (they did, so "Loss" clicked on page 2 ordered only page 2's 50 clusters).
    assert "data-sortable" not in by_loss and "sort-button" not in by_loss

    only_kk = my.get("/clusters?compound=kk+park").text
    assert keys["syndicate"] in only_kk and keys["policy"] not in only_kk
    assert keys["policy"] not in my.get("/clusters?country=SG").text
    assert "No cluster holds a report" in my.get("/clusters?scam_type=romance").text

    bad = my.get("/clusters?sort=size")
    assert bad.status_code == 400 and "Choose how to sort the clusters" in bad.text

    rows = _csv(my.get("/clusters.csv?sort=countries").text)
    assert [r["Cluster"] for r in rows][0] == keys["syndicate"]
    assert {r["Cluster"] for r in rows} == set(keys.values())
    syndicate = next(r for r in rows if r["Cluster"] == keys["syndicate"])
    assert (syndicate["Reports"], syndicate["Reports held by other agencies"]) == ("4", "0")
    assert syndicate["Countries"] == "MY, SG" and syndicate["Loss (USD)"] == "1200.00"


def test_list_csv_link_keeps_the_sort_and_filters_of_the_page(
    client_for: Client, keys: dict[str, str]
) -> None:
    my = client_for("MY-NSRC")
    for query in ("sort=countries", "sort=recent", "sort=reports&compound=kk+park", ""):
        page = my.get(f"/clusters?{query}").text
        shown = sorted((k for k in keys.values() if k in page), key=page.index)
        assert f'href="/clusters.csv{"?" if query else ""}{query.replace("&", "&amp;")}"' in page
        rows = _csv(my.get(f"/clusters.csv?{query}").text)
        assert [r["Cluster"] for r in rows] == shown, query


def test_list_counts_reports_held_by_others_as_hit_no_hit(
    client_for: Client, keys: dict[str, str]
) -> None:
    page = client_for("SG-ASCOM").get("/clusters").text
    assert keys["syndicate"] in page and keys["red"] not in page
    assert "Held by others" in page
    row = next(r for r in page.split("<tr") if keys["syndicate"] in r)
    assert re.search(r"<td[^>]*>\s*\+1\s*</td>", row), row  # MY's red report
    assert "MY-R" not in page


def test_brief_shows_countries_identifiers_links_and_victims_as_victims(
    client_for: Client, keys: dict[str, str]
) -> None:
    response = client_for("SG-ASCOM").get(f"/clusters/{keys['syndicate']}")
    assert response.status_code == 200
    page = response.text
    assert "USD 1,100" in page and "+1 held by other agencies" in page
    assert "Myanmar" in page  # the compound's country, operation side
    operators, victims = page.split('class="victims-panel"')
    operators = operators[operators.index("Suspects, money mules and recruiters") :]
    assert "Tan Wei" in operators and "Aung Aung" not in operators
    assert "Aung Aung" in victims and "Victim</strong>" in victims and "Tan Wei" not in victims
    assert "Identified victims of trafficking" in page and "KK Park" in page
    # The recruiter, with its check, which opens at the answer.
    assert "/check?kind=phone&amp;value=%2B60123450009#verdict" in page
    assert "<strong>MY-G</strong> and <strong>MY-A</strong> share" in page
    assert "MY-R" not in page  # the red report: held, not shown
    assert "MY-NSRC" in page and "TLP:RED" in page  # who holds it

    links = _csv(client_for("SG-ASCOM").get(f"/clusters/{keys['syndicate']}/links.csv").text)
    assert links and all(PHONE in row["Explanation"] for row in links)
    persons = _csv(client_for("SG-ASCOM").get(f"/clusters/{keys['syndicate']}/persons.csv").text)
    assert {(p["Name as written"], p["Victim"]) for p in persons} == {
        ("Aung Aung", "Victim"),
        ("Tan Wei", ""),
    }


def test_brief_says_its_months_are_each_reporting_countrys(
    client_for: Client, keys: dict[str, str]
) -> None:
    page = client_for("SG-ASCOM").get(f"/clusters/{keys['syndicate']}").text
    assert "reported 2026-01 (each report in its reporting country's month)" in page
    assert "Timeline: reports per month" in page and "months in UTC" not in page


def test_partner_sees_no_amber_identifier_in_brief_graph_or_table(
    client_for: Client, keys: dict[str, str]
) -> None:
    au = client_for("AU-AFP")
    key = keys["syndicate"]
    brief = au.get(f"/clusters/{key}").text
    assert PHONE in brief and RECRUITER not in brief and "MY-A" not in brief
    assert "+2 held by other agencies" in brief
    graph = au.get(f"/clusters/{key}/graph.json").json()
    labels = {n["label"] for n in graph["nodes"]}
    assert labels == {"MY-G", "SG-G", PHONE}
    assert graph["hidden_reports"] == 2
    assert all(0 <= n["x"] <= 1 and 0 <= n["y"] <= 1 for n in graph["nodes"])
    assert {n["href"] for n in graph["nodes"] if n["type"] == "report"} <= {
        f"/reports/{i}" for i in range(1, 10_000)
    }
    assert RECRUITER not in au.get(f"/clusters/{key}/network/table").text
    assert RECRUITER not in au.get(f"/clusters/{key}/network/edges.csv").text
    assert RECRUITER not in au.get(f"/api/v1/clusters/{key}").text
    # A member sees the amber report in the graph, and its recruiter in the brief.
    sg = client_for("SG-ASCOM")
    assert "MY-A" in {n["label"] for n in sg.get(f"/clusters/{key}/graph.json").json()["nodes"]}
    assert RECRUITER in sg.get(f"/clusters/{key}").text


def test_network_page_has_canvas_legend_and_table_link(
    client_for: Client, keys: dict[str, str]
) -> None:
    page = client_for("MY-NSRC").get(f"/clusters/{keys['syndicate']}/network").text
    assert "<canvas" in page and "/static/network.js" in page
    assert f'data-src="/clusters/{keys["syndicate"]}/graph.json"' in page
    assert "Phone number (1)" in page and "Report (4)" in page
    assert f'href="/clusters/{keys["syndicate"]}/network/table"' in page
    table = client_for("MY-NSRC").get(f"/clusters/{keys['syndicate']}/network/table").text
    assert f"<code>{PHONE}</code>" in table and ">MY-A</a>" in table


def test_hidden_cluster_names_its_holders_and_missing_one_is_404(
    engine: Engine, client_for: Client, keys: dict[str, str]
) -> None:
    sg = client_for("SG-ASCOM")
    hidden = sg.get(f"/clusters/{keys['red']}")
    assert hidden.status_code == 403
    assert "You cannot open this cluster" in hidden.text
    assert "National Scam Response Centre" in hidden.text and "TLP:RED" in hidden.text
    assert ACCOUNT not in hidden.text
    assert sg.get(f"/clusters/{keys['red']}/graph.json").status_code == 403
    assert sg.get(f"/clusters/{keys['red']}/network").status_code == 403
    assert sg.get("/clusters/CL-999999").status_code == 404
    assert "Page not found" in sg.get("/clusters/CL-999999/network").text
    with session_factory(engine)() as session:  # the refused read is in the audit log
        refs = session.scalars(
            select(AuditEvent.record_ref).where(AuditEvent.action == "read_cluster")
        ).all()
    assert f"cluster:{keys['red']}" in refs


def test_api_lists_briefs_and_graphs_clusters(client_for: Client, keys: dict[str, str]) -> None:
    sg = client_for("SG-ASCOM")
    listed = sg.get("/api/v1/clusters?sort=countries").json()
    assert listed["items"][0]["key"] == keys["syndicate"]
    assert listed["items"][0]["hidden_reports"] == 1
    brief = sg.get(f"/api/v1/clusters/{keys['syndicate']}").json()
    assert [p["name"] for p in brief["persons"] if p["is_victim"]] == ["Aung Aung"]
    assert brief["trafficking"]["compounds"] == ["KK Park"]
    graph = sg.get(f"/api/v1/clusters/{keys['syndicate']}/graph").json()
    assert {n["label"] for n in graph["nodes"] if n["type"] == "report"} == {
        "MY-G",
        "MY-A",
        "SG-G",
    }
    refused = sg.get(f"/api/v1/clusters/{keys['red']}")
    assert refused.status_code == 403
    assert refused.json()["detail"]["holdings"][0]["agency_code"] == "MY-NSRC"
    assert sg.get("/api/v1/clusters/CL-999999").status_code == 404
    assert sg.get("/api/v1/clusters?sort=size").status_code == 422


def test_the_links_page_links_land_on_the_links_section(
    client_for: Client, keys: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The links are the last of a long brief: a page link opened the brief at its top.
    monkeypatch.setattr("counterscam.web.routes.clusters.LINKS_PER_PAGE", 1)
    key = keys["syndicate"]
    client = client_for("MY-NSRC")
    page = client.get(f"/clusters/{key}").text
    assert f'href="/clusters/{key}?page=2#links" rel="next"' in page
    past = client.get(f"/clusters/{key}?page=99").text
    assert "There is no page 99" in past and "No link joins two reports" not in past


def test_list_says_its_counts_are_reports(client_for: Client, keys: dict[str, str]) -> None:
    # "Last 30 days" and "Yours" headed bare counts: 92 days? 92 what of mine?
    my = client_for("MY-NSRC")
    page = my.get("/clusters").text
    heads = re.findall(r"<th[^>]*>(.*?)</th>", page)
    assert "Reports in the last 30 days" in heads and "Your reports" in heads, heads
    assert "Yours" not in heads and "Last 30 days" not in heads
    header = _csv(my.get("/clusters.csv").text)[0]
    assert {"Reports in the last 30 days", "Your reports"} <= set(header)
