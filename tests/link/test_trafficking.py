"""Compounds, rescued victims and recruitment tie to clusters without merging them."""

from __future__ import annotations

from sqlalchemy.orm import Session

from counterscam.link.brief import cluster_brief
from counterscam.link.listing import list_clusters
from counterscam.link.rebuild import rebuild
from tests.link.region import (
    Region,
    add_compound,
    add_party,
    add_report,
    clusters_by_ref,
    groups,
    make_region,
)

PHONE_A, PHONE_B = "+60123450001", "+60123450002"
RECRUIT_TG = "@kk_jobs_recruit"


def _region(session: Session) -> Region:
    """Syndicates A and B both run from KK Park; rescues tie to them by compound or contact."""
    region = make_region(session)
    a1 = add_report(session, region, "A1", day=0, names=[("phone", PHONE_A, "caller")])
    a2 = add_report(
        session,
        region,
        "A2",
        day=3,
        names=[("phone", PHONE_A, "caller"), ("handle", RECRUIT_TG, "messaging_contact")],
    )
    b1 = add_report(session, region, "B1", day=1, names=[("phone", PHONE_B, "caller")])
    add_report(session, region, "B2", day=4, names=[("phone", PHONE_B, "caller")])
    add_compound(session, a1, "KK Park", "MM")
    add_compound(session, b1, "KK Park", "MM")
    add_party(session, a2, "Zaw Min", "victim_of_trafficking")
    # Rescued long after A's reports (no link through the window), through A's recruiter.
    rescue = add_report(
        session, region, "RESCUE1", day=120, names=[("handle", RECRUIT_TG, "recruiter_contact")]
    )
    add_party(session, rescue, "Nguyen Thi Lan", "victim_of_trafficking")
    add_party(session, rescue, "Aung Aung", "victim_of_trafficking")
    add_compound(session, rescue, "Shwe Kokko", "MM")
    # Rescued from KK Park, no identifier at all.
    other = add_report(session, region, "RESCUE2", day=130, names=[])
    add_party(session, other, "Somsak", "victim_of_trafficking")
    add_compound(session, other, "kk park", "MM")
    rebuild(session)
    return region


def test_a_shared_compound_never_merges_syndicates(session: Session) -> None:
    region = _region(session)
    found = groups(session, region)
    assert frozenset({"A1", "A2"}) in found and frozenset({"B1", "B2"}) in found
    assert frozenset({"RESCUE1"}) in found and frozenset({"RESCUE2"}) in found


def test_rescue_reports_tied_by_recruiter_contact_or_compound_count_their_victims(
    session: Session,
) -> None:
    region = _region(session)
    key = clusters_by_ref(session, region)["A1"]
    assert key is not None
    t = cluster_brief(session, region.caller(session, "MY-NSRC"), key).trafficking
    tied = {(r.report, r.via, r.shared) for r in t.tied_reports}
    assert tied == {
        ("RESCUE1", "identifier", RECRUIT_TG),
        ("RESCUE2", "compound", "kk park"),
    }
    assert (t.victims_in_cluster, t.identified_victims) == (1, 4)
    assert [c.value for c in t.recruitment_channels] == [RECRUIT_TG]
    # Shwe Kokko comes with the rescue tied through A's recruiter, not through a compound.
    assert t.compounds == ["KK Park", "Shwe Kokko"]


def test_a_cluster_without_the_recruiter_gets_only_the_compound_tie(session: Session) -> None:
    region = _region(session)
    key = clusters_by_ref(session, region)["B1"]
    assert key is not None
    t = cluster_brief(session, region.caller(session, "MY-NSRC"), key).trafficking
    assert [(r.report, r.via) for r in t.tied_reports] == [("RESCUE2", "compound")]
    assert (t.victims_in_cluster, t.identified_victims) == (0, 1)
    assert t.compounds == ["KK Park"]


def test_the_list_shows_the_compounds_each_cluster_is_tied_to(session: Session) -> None:
    region = _region(session)
    page = list_clusters(session, region.caller(session, "MY-NSRC"), sort="reports")
    by_key = {c.key: c.compounds for c in page.items}
    keys = clusters_by_ref(session, region)
    assert by_key[keys["A1"]] == ["KK Park", "Shwe Kokko"]
    assert by_key[keys["B1"]] == ["KK Park"]


def test_tied_reports_the_caller_may_not_see_are_not_counted(session: Session) -> None:
    region = make_region(session)
    a1 = add_report(session, region, "A1", day=0, names=[("phone", PHONE_A, "caller")])
    add_report(session, region, "A2", day=3, names=[("phone", PHONE_A, "caller")])
    add_compound(session, a1, "KK Park", "MM")
    rescue = add_report(
        session, region, "SG-RESCUE", day=90, names=[], agency="SG-ASCOM", mark="red"
    )
    add_party(session, rescue, "Somsak", "victim_of_trafficking")
    add_compound(session, rescue, "KK Park", "MM")
    rebuild(session)
    key = clusters_by_ref(session, region)["A1"]
    assert key is not None
    mine = cluster_brief(session, region.caller(session, "MY-NSRC"), key).trafficking
    assert (mine.tied_reports, mine.identified_victims) == ([], 0)
