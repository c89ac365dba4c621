"""One compound in the spellings reports write it ties and counts as one (link.compound_names)."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from counterscam.link.brief import cluster_brief
from counterscam.link.compound_names import compound_key
from counterscam.link.listing import list_clusters
from counterscam.link.rebuild import rebuild
from tests.link.region import (
    Region,
    add_compound,
    add_party,
    add_report,
    clusters_by_ref,
    make_region,
)

PHONE = "+60123450001"


@pytest.mark.parametrize(
    "spelling",
    ["K.K. Park", "KK park compound, Myawaddy", "kk-park", "KK  Park", "KK Park (Myawaddy)"],
)
def test_spellings_of_one_compound_share_a_key(spelling: str) -> None:
    assert compound_key(spelling) == compound_key("KK Park")


def test_other_compounds_keep_their_own_keys() -> None:
    assert compound_key("Shwe Koko") == compound_key("Shwe Kokko")
    keys = {
        compound_key(n)
        for n in ("KK Park", "Shwe Kokko", "Yatai New City", "Dongmei Park", "KK Park 2")
    }
    assert len(keys) == 5
    # In Burmese script a sign written twice is kept: ကေကေ is no typo of ကေ.
    assert compound_key("ကေကေပတ်") != compound_key("ကေပတ်")


def _region(session: Session, rescues: list[tuple[str, str, str]]) -> Region:
    """A syndicate naming KK Park (Myanmar), and one rescue report per (ref, compound, country)."""
    region = make_region(session)
    a1 = add_report(session, region, "A1", day=0, names=[("phone", PHONE, "caller")])
    a2 = add_report(session, region, "A2", day=3, names=[("phone", PHONE, "caller")])
    add_compound(session, a1, "KK Park", "MM")
    add_compound(session, a2, "K.K. Park", "MM")
    for k, (ref, name, country) in enumerate(rescues):
        rescue = add_report(session, region, ref, day=100 + 10 * k, names=[])
        add_party(session, rescue, f"Victim {k}", "victim_of_trafficking")
        add_compound(session, rescue, name, country)
    rebuild(session)
    return region


def test_a_rescue_naming_the_compound_in_another_spelling_is_tied(session: Session) -> None:
    region = _region(
        session,
        [
            ("R-SPELT", "KK park compound, Myawaddy", "MM"),
            ("R-DOTS", "kk-park", "MM"),
            ("R-OTHER", "Shwe Kokko", "MM"),
            ("R-ELSEWHERE", "KK Park", "TH"),
        ],
    )
    key = clusters_by_ref(session, region)["A1"]
    assert key is not None
    brief = cluster_brief(session, region.caller(session, "MY-NSRC"), key)
    # Before: only a name equal but for case was tied, so neither rescue was.
    tied = {(r.report, r.via, r.shared) for r in brief.trafficking.tied_reports}
    assert tied == {
        ("R-SPELT", "compound", "KK park compound, Myawaddy"),
        ("R-DOTS", "compound", "kk-park"),
    }
    assert brief.trafficking.identified_victims == 2
    # The cluster's own two spellings are one compound named by both reports.
    assert [(c.name, c.country, c.reports) for c in brief.compounds] == [("KK Park", "MM", 2)]
    assert brief.trafficking.compounds == ["KK Park"]


def test_the_cluster_list_names_each_compound_once(session: Session) -> None:
    region = _region(session, [])
    page = list_clusters(session, region.caller(session, "MY-NSRC"), sort="reports")
    key = clusters_by_ref(session, region)["A1"]
    assert key is not None
    # Under the reference list's name for it (reference/data/compounds.yaml).
    assert {c.key: c.compounds for c in page.items}[key] == ["KK Park"]
