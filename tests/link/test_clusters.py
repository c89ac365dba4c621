"""Clusters: what links, what never links, incremental linking and stable keys."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterscam.db.link_models import ClusterLink, StopEntry
from counterscam.link.incremental import link_reports
from counterscam.link.rebuild import rebuild
from counterscam.link.rules import DEFAULT_RULES
from tests.link.region import Region, add_report, clusters_by_ref, groups, make_region

PHONE_A, PHONE_B = "+60123450001", "+60123450002"
ACCOUNT_A, ACCOUNT_B = "MY:MBBE:1111", "MY:MBBE:2222"


def _two_syndicates(session: Session) -> Region:
    region = make_region(session)
    add_report(session, region, "A1", day=0, names=[("phone", PHONE_A, "caller")])
    add_report(
        session,
        region,
        "A2",
        day=5,
        names=[("phone", PHONE_A, "caller"), ("bank_account", ACCOUNT_A, "beneficiary_account")],
    )
    add_report(
        session, region, "A3", day=9, names=[("bank_account", ACCOUNT_A, "beneficiary_account")]
    )
    add_report(session, region, "B1", day=3, names=[("phone", PHONE_B, "caller")])
    add_report(session, region, "B2", day=7, names=[("phone", PHONE_B, "caller")])
    return region


def test_reports_sharing_an_operator_identifier_form_one_cluster(session: Session) -> None:
    region = _two_syndicates(session)
    rebuild(session)
    assert groups(session, region) == {frozenset({"A1", "A2", "A3"}), frozenset({"B1", "B2"})}


def test_victim_accounts_earlier_scams_and_impersonated_hotlines_never_link(
    session: Session,
) -> None:
    region = _two_syndicates(session)
    # The same victim scammed by both; a recovery scam naming A's number; B posing as a bank.
    add_report(
        session,
        region,
        "A4",
        day=6,
        names=[("bank_account", "MY:MBBE:9", "victim_account"), ("phone", PHONE_A, "caller")],
    )
    add_report(
        session,
        region,
        "B3",
        day=8,
        names=[
            ("bank_account", "MY:MBBE:9", "victim_account"),
            ("phone", PHONE_A, "earlier_scam"),
            ("phone", "+60320000000", "impersonated_entity"),
            ("phone", PHONE_B, "caller"),
        ],
    )
    add_report(
        session,
        region,
        "A5",
        day=8,
        names=[("phone", "+60320000000", "impersonated_entity"), ("phone", PHONE_A, "caller")],
    )
    rebuild(session)
    assert groups(session, region) == {
        frozenset({"A1", "A2", "A3", "A4", "A5"}),
        frozenset({"B1", "B2", "B3"}),
    }


def test_shared_platform_identifiers_never_link(session: Session) -> None:
    region = make_region(session)
    for i in range(3):
        add_report(
            session,
            region,
            f"R{i}",
            day=i,
            names=[("domain", "facebook.com", "website")],
            shared=("facebook.com",),
        )
    rebuild(session)
    assert all(key is None for key in clusters_by_ref(session, region).values())


def test_time_window_number_reused_months_later_is_a_new_lead(session: Session) -> None:
    region = make_region(session)
    add_report(session, region, "EARLY", day=0, names=[("phone", PHONE_A, "caller")])
    add_report(session, region, "SOON", day=20, names=[("phone", PHONE_A, "caller")])
    add_report(session, region, "LATE", day=120, names=[("phone", PHONE_A, "caller")])
    rebuild(session)
    assert groups(session, region) == {frozenset({"EARLY", "SOON"}), frozenset({"LATE"})}


def test_spoofed_number_used_for_a_year_is_a_hub_and_glues_nothing(session: Session) -> None:
    region = _two_syndicates(session)
    spoofed = "+60399990000"
    for i, day in enumerate(range(0, 400, 40)):
        add_report(session, region, f"S{i}", day=day, names=[("phone", spoofed, "caller")])
    add_report(
        session,
        region,
        "A6",
        day=6,
        names=[("phone", spoofed, "caller"), ("phone", PHONE_A, "caller")],
    )
    add_report(
        session,
        region,
        "B4",
        day=7,
        names=[("phone", spoofed, "caller"), ("phone", PHONE_B, "caller")],
    )
    result = rebuild(session)
    found = groups(session, region)
    assert frozenset({"A1", "A2", "A3", "A6"}) in found
    assert frozenset({"B1", "B2", "B4"}) in found
    assert result.hubs == 1
    entry = session.scalars(select(StopEntry)).one()
    assert (entry.value, entry.added_by, entry.action) == (spoofed, "auto", "stop")
    assert "hub" in entry.reason


def test_a_batch_decides_hubs_on_all_it_knows_and_puts_them_on_the_stop_list(
    session: Session,
) -> None:
    region = _two_syndicates(session)
    link_reports(session, list(region.reports.values()))
    spoofed = "+60399990000"
    # One batch (an agency's file): the spoofed number's first reports come early in it.
    batch = [
        add_report(session, region, "A6", day=6, names=[("phone", spoofed, "caller")]),
        add_report(session, region, "B4", day=7, names=[("phone", spoofed, "caller")]),
    ]
    batch += [
        add_report(session, region, f"S{i}", day=day, names=[("phone", spoofed, "caller")])
        for i, day in enumerate(range(40, 400, 40))
    ]
    link_reports(session, batch)
    found = groups(session, region)
    assert frozenset({"A1", "A2", "A3"}) in found and frozenset({"B1", "B2"}) in found
    assert {frozenset({ref}) for ref in ("A6", "B4", "S0", "S8")} <= found  # each alone
    entry = session.scalars(select(StopEntry)).one()
    assert (entry.value, entry.added_by, entry.action) == (spoofed, "auto", "stop")
    assert "in use for 354 days" in entry.reason
    # Reports that come later do not link through it either.
    late = add_report(session, region, "A7", day=8, names=[("phone", spoofed, "caller")])
    link_reports(session, [late])
    assert frozenset({"A7"}) in groups(session, region)


def test_every_link_is_explained_by_an_identifier_roles_and_days(session: Session) -> None:
    _two_syndicates(session)
    rebuild(session)
    links = session.scalars(select(ClusterLink)).all()
    assert len(links) == 3  # A1-A2 phone, A2-A3 account, B1-B2 phone
    assert {(link.role_a, link.role_b) for link in links} == {
        ("caller", "caller"),
        ("beneficiary_account", "beneficiary_account"),
    }
    assert sorted(link.days_apart for link in links) == [4, 4, 5]


def test_incremental_linking_equals_rebuild(session: Session) -> None:
    region = make_region(session)
    plan = [
        ("B1", 3, [("phone", PHONE_B, "caller")]),
        (
            "A2",
            5,
            [("phone", PHONE_A, "caller"), ("bank_account", ACCOUNT_A, "beneficiary_account")],
        ),
        ("A1", 0, [("phone", PHONE_A, "caller")]),
        ("X1", 6, [("bank_account", ACCOUNT_B, "beneficiary_account")]),
        ("A3", 9, [("bank_account", ACCOUNT_A, "beneficiary_account")]),
        (
            "B2",
            7,
            [("phone", PHONE_B, "caller"), ("bank_account", ACCOUNT_B, "beneficiary_account")],
        ),
        ("M1", 8, [("phone", PHONE_A, "caller"), ("phone", PHONE_B, "caller")]),  # merges A and B
    ]
    for ref, day, names in plan:
        link_reports(session, [add_report(session, region, ref, day=day, names=names)])
    incremental = groups(session, region)
    before = session.scalar(select(func.count()).select_from(ClusterLink))
    rebuild(session)
    assert incremental == groups(session, region)
    assert incremental == {frozenset({"A1", "A2", "A3", "B1", "B2", "X1", "M1"})}
    assert before == session.scalar(select(func.count()).select_from(ClusterLink))


def test_keys_stay_stable_across_rebuilds(session: Session) -> None:
    region = _two_syndicates(session)
    rebuild(session)
    before = clusters_by_ref(session, region)
    add_report(
        session, region, "A9", day=10, names=[("bank_account", ACCOUNT_A, "beneficiary_account")]
    )
    result = rebuild(session)
    after = clusters_by_ref(session, region)
    assert result.kept_keys == 2 and result.new_keys == 0
    assert {after[r] for r in ("A1", "A9")} == {before["A1"]}
    assert after["B1"] == before["B1"]
    assert before["A1"] is not None and before["A1"].startswith("CL-")


def _bridged_syndicates(session: Session, loners: int) -> Region:
    """Two syndicates of 40 reports, three staggered rotating lanes each, one false bridge."""
    region = make_region(session)
    for prefix, base in (("A", 1), ("B", 2)):
        for i in range(40):
            names = [
                ("phone", f"+6012{base}00{i // 6:04d}", "caller"),
                ("bank_account", f"MY:MBBE:{base}{(i + 2) // 6:06d}", "beneficiary_account"),
                ("handle", f"telegram:s{base}_{(i + 4) // 6}", "messaging_contact"),
            ]
            add_report(session, region, f"{prefix}{i}", day=i, names=names)
    # A number a spoofing service lent to both: one report names each syndicate's caller.
    bridge = [("phone", "+60121000003", "caller"), ("phone", "+60122000003", "caller")]
    add_report(session, region, "BRIDGE", day=21, names=bridge)
    for i in range(loners):
        add_report(
            session, region, f"L{i}", day=i % 60, names=[("phone", f"+6013{i:07d}", "caller")]
        )
    return region


def test_leiden_splits_a_giant_component_at_its_false_bridge(session: Session) -> None:
    region = _bridged_syndicates(session, loners=20)
    # 81 of 101 reports: giant. Periods of one syndicate share at least two lanes.
    rules = replace(DEFAULT_RULES, split_above=20, split_share=0.5, rejoin_identifiers=2)
    rebuild(session, rules=rules)
    found = [{r for r in g if r != "BRIDGE"} for g in groups(session, region) if len(g) > 1]
    assert all(len({r[0] for r in g}) == 1 for g in found)  # no cluster mixes A and B
    assert sum(len(g) for g in found) == 80  # every report of both is still in a cluster


def test_a_component_that_is_not_giant_is_kept_whole(session: Session) -> None:
    region = _bridged_syndicates(session, loners=100)  # 81 of 181 reports: not giant
    rules = replace(DEFAULT_RULES, split_above=20, split_share=0.5, rejoin_identifiers=2)
    rebuild(session, rules=rules)
    assert max(len(g) for g in groups(session, region)) == 81
