"""Parties as evidence: the same suspect, mule or recruiter joins reports; victims never do."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.db.link_models import ClusterLink, ClusterReport, PartyDocument
from counterscam.db.models import Party
from counterscam.link.brief import cluster_brief
from counterscam.link.network import cluster_graph
from counterscam.link.party_evidence import party_links, store_party_links, store_person_ids
from counterscam.link.rebuild import rebuild
from tests.link.region import Region, add_party, add_report, clusters_by_ref, groups, make_region

PASSPORT = "A59078998"


def _reports(session: Session, region: Region, *days: int) -> list[int]:
    """Add reports R0, R1... on these days, each with its own phone (no shared identifier)."""
    return [
        add_report(
            session, region, f"R{i}", day=day, names=[("phone", f"+6012345{i:04d}", "caller")]
        )
        for i, day in enumerate(days)
    ]


def test_the_same_passport_written_differently_joins_suspect_and_mule(session: Session) -> None:
    region = make_region(session)
    r0, r1, r2 = _reports(session, region, 0, 10, 12)
    add_party(session, r0, "Tan Wei Ming", "suspect", id_number="a5907-8998", nationality="MY")
    add_party(session, r1, "TAN Wei-Ming", "mule", id_number=f" {PASSPORT} ", nationality="MY")
    add_party(session, r2, "Somchai", "suspect", id_number="B1234567", nationality="TH")
    rebuild(session)
    assert groups(session, region) == {frozenset({"R0", "R1"}), frozenset({"R2"})}
    link = session.scalars(select(ClusterLink)).one()
    assert (link.via, link.identifier_id, link.role_a, link.role_b) == (
        "document",
        None,
        "suspect",
        "mule",
    )
    assert link.days_apart == 10


def test_the_brief_explains_a_document_link_with_names_roles_and_days(session: Session) -> None:
    region = make_region(session)
    r0, r1 = _reports(session, region, 0, 3)
    add_party(session, r0, "Tan Wei Ming", "suspect", id_number=PASSPORT, id_kind="passport")
    add_party(session, r1, "Tan Wei-Ming", "suspect", id_number=PASSPORT, id_kind="passport")
    rebuild(session)
    key = clusters_by_ref(session, region)["R0"]
    assert key is not None
    brief = cluster_brief(session, region.caller(session, "MY-NSRC"), key)
    (link,) = brief.links
    assert link.via == "document"
    assert PASSPORT in link.sentence and "Tan Wei Ming" in link.sentence
    assert "suspect" in link.sentence and "3 days apart" in link.sentence


def test_victims_of_trafficking_never_join_reports(session: Session) -> None:
    region = make_region(session)
    r0, r1, r2 = _reports(session, region, 0, 5, 9)
    # A trafficked worker is named in three rescues, once beside a mule with the same number
    # (a data entry slip): none of it is evidence of a common operator.
    for rid in (r0, r1):
        add_party(session, rid, "Aung Aung", "victim_of_trafficking", id_number="MA123456")
    add_party(session, r2, "Aung Aung", "witness", id_number="MA123456")
    add_party(session, r2, "Aung Aung", "victim_of_trafficking", id_number="MA123456")
    rebuild(session)
    assert groups(session, region) == {frozenset({"R0"}), frozenset({"R1"}), frozenset({"R2"})}


def test_the_same_number_of_another_nationality_or_out_of_window_does_not_join(
    session: Session,
) -> None:
    region = make_region(session)
    r0, r1, r2 = _reports(session, region, 0, 5, 200)
    add_party(session, r0, "Nguyen Van A", "suspect", id_number="C4393279", nationality="VN")
    add_party(session, r1, "Juan Cruz", "suspect", id_number="C4393279", nationality="PH")
    add_party(session, r2, "Nguyen Van A", "suspect", id_number="C4393279", nationality="VN")
    rebuild(session)
    assert len(groups(session, region)) == 3


def test_resolved_persons_with_the_same_birth_date_join_reports_without_a_document(
    session: Session,
) -> None:
    region = make_region(session)
    r0, r1, r2, r3 = _reports(session, region, 0, 20, 30, 35)
    born = date(1988, 3, 14)
    first = add_party(session, r0, "Muhammad Hafiz bin Ismail", "recruiter", birth_date=born)
    second = add_party(session, r1, "Mohd Hafiz b. Ismail", "recruiter", birth_date=born)
    victim = add_party(session, r2, "Hafiz Ismail", "victim_of_trafficking", birth_date=born)
    # Merged by name alone (no birth date): a namesake for all linking can tell.
    namesake = add_party(session, r3, "Hafiz Ismail", "mule")
    # As resolve_parties answers: party -> person key, the smallest party id of the person.
    person_of = {p: str(first) for p in (first, second, victim, namesake)}
    assert store_person_ids(session, person_of) == 4
    session.expire_all()
    rebuild(session)
    assert groups(session, region) == {
        frozenset({"R0", "R1"}),
        frozenset({"R2"}),
        frozenset({"R3"}),
    }
    key = clusters_by_ref(session, region)["R0"]
    assert key is not None
    (link,) = cluster_brief(session, region.caller(session, "MY-NSRC"), key).links
    assert link.via == "person" and f"P-{first}" in link.value
    assert "Mohd Hafiz b. Ismail" in link.sentence and "20 days apart" in link.sentence


def test_the_network_shows_the_joining_person_as_a_node(session: Session) -> None:
    region = make_region(session)
    r0, r1 = _reports(session, region, 0, 3)
    add_party(session, r0, "Tan Wei Ming", "suspect", id_number=PASSPORT, nationality="MY")
    add_party(session, r1, "Tan Wei-Ming", "mule", id_number=PASSPORT, nationality="MY")
    rebuild(session)
    key = clusters_by_ref(session, region)["R0"]
    assert key is not None
    graph = cluster_graph(session, region.caller(session, "MY-NSRC"), key)
    persons = [n for n in graph.nodes if n["type"] == "person"]
    assert len(persons) == 1 and persons[0]["label"] in ("Tan Wei Ming", "Tan Wei-Ming")
    roles = {(e["source"], e["role"]) for e in graph.edges if e["target"] == persons[0]["id"]}
    assert roles == {(f"r{r0}", "suspect"), (f"r{r1}", "mule")}


def test_party_links_at_intake_give_what_a_rebuild_gives(session: Session) -> None:
    region = make_region(session)
    r0, r1 = _reports(session, region, 0, 4)
    add_party(session, r0, "Tan Wei Ming", "suspect", id_number=PASSPORT, nationality="MY")
    add_party(session, r1, "Tan Wei Ming", "suspect", id_number=PASSPORT, nationality="MY")
    rebuild(session)
    cluster = session.scalar(select(ClusterReport.cluster_id).where(ClusterReport.report_id == r0))
    (new,) = _reports_from(session, region, 9)
    add_party(session, new, "Tan W. M.", "mule", id_number=f"{PASSPORT[:4]} {PASSPORT[4:]}")
    assert party_links(session, [new]) == []  # no nationality: another document for all we know
    add_party(session, new, "Tan W. M.", "mule", id_number=PASSPORT, nationality="MY")
    (link,) = party_links(session, [new])
    assert (link.report_a, link.report_b, link.via, link.days_apart) == (r1, new, "document", 5)
    assert (link.node_a, link.node_b) == (("c", cluster), ("r", new))
    assert cluster is not None
    stored = store_party_links(session, [link], lambda node: cluster)
    assert stored == 1
    incremental = {(x.report_a, x.report_b, x.via) for x in session.scalars(select(ClusterLink))}
    session.add(ClusterReport(report_id=new, cluster_id=cluster))
    rebuild(session)
    rebuilt = {(x.report_a, x.report_b, x.via) for x in session.scalars(select(ClusterLink))}
    assert incremental == rebuilt


def _reports_from(session: Session, region: Region, day: int) -> list[int]:
    return [
        add_report(session, region, "NEW", day=day, names=[("phone", "+60129999999", "caller")])
    ]


def test_intake_links_a_new_report_by_document_before_any_rebuild(session: Session) -> None:
    from counterscam.link.incremental import link_reports

    region = make_region(session)
    r0, r1, r2 = _reports(session, region, 0, 4, 6)
    add_report(session, region, "R3", day=7, names=[("phone", "+60120000001", "caller")])
    add_party(session, r0, "Tan Wei Ming", "suspect", id_number=PASSPORT, nationality="MY")
    add_party(session, r2, "Aung Aung", "victim_of_trafficking", id_number="MA1", nationality="MM")
    link_reports(session, [r0, r1, r2])
    assert len(groups(session, region)) == 4
    add_party(session, r1, "Tan Wei-Ming", "mule", id_number=PASSPORT.lower(), nationality="MY")
    add_party(session, r2, "Tan W M", "recruiter", id_number=PASSPORT, nationality="MY")
    link_reports(session, [r1, r2])
    incremental = groups(session, region)
    assert frozenset({"R0", "R1", "R2"}) in incremental
    vias = {link.via for link in session.scalars(select(ClusterLink))}
    rebuild(session)
    assert groups(session, region) == incremental and vias == {"document"}


def test_a_passport_with_and_without_the_issuing_country_joins_reports_across_countries(
    session: Session,
) -> None:
    region = make_region(session)
    r0 = add_report(session, region, "R0", day=0, names=[("phone", "+60123450000", "caller")])
    r1 = add_report(
        session, region, "R1", day=6, names=[("phone", "+6591234567", "caller")], agency="SG-ASCOM"
    )
    add_party(session, r0, "Nguyen Van Hung", "suspect", id_number="VNM B1234567", nationality="VN")
    add_party(session, r1, "Nguyen V. Hung", "suspect", id_number="B1234567", nationality="VN")
    rebuild(session)
    assert groups(session, region) == {frozenset({"R0", "R1"})}
    link = session.scalars(select(ClusterLink)).one()
    assert (link.via, link.report_a, link.report_b) == ("document", r0, r1)


def test_at_intake_a_passport_with_the_country_in_front_finds_the_one_without(
    session: Session,
) -> None:
    region = make_region(session)
    r0, r1, r2 = _reports(session, region, 0, 3, 5)
    add_party(session, r0, "Nguyen Van Hung", "suspect", id_number="B1234567", nationality="VN")
    assert party_links(session, [r0]) == []
    # No nationality, but the issuing country is written in front of the number.
    add_party(session, r1, "Nguyen V. Hung", "mule", id_number="VNM-B1234567", id_kind="passport")
    (link,) = party_links(session, [r1])
    assert (link.report_a, link.report_b, link.via) == (r0, r1, "document")
    add_party(session, r2, "Hung Nguyen", "suspect", id_number="vn b123.4567", nationality="VN")
    (link,) = party_links(session, [r2])
    assert (link.report_a, link.report_b, link.via) == (r1, r2, "document")


def test_numbers_that_differ_after_the_country_code_are_different_people(
    session: Session,
) -> None:
    region = make_region(session)
    r0, r1, r2 = _reports(session, region, 0, 2, 4)
    add_party(session, r0, "Nguyen Van Hung", "suspect", id_number="VNM B1234567", nationality="VN")
    add_party(session, r1, "Nguyen Van Hung", "suspect", id_number="B1234568", nationality="VN")
    add_party(session, r2, "Nguyen Van Hung", "suspect", id_number="VNM B7654321", nationality="VN")
    assert party_links(session, [r0, r1, r2]) == []
    rebuild(session)
    assert len(groups(session, region)) == 3


def test_a_thai_id_in_thai_digits_joins_the_same_id_with_dashes(session: Session) -> None:
    region = make_region(session)
    r0, r1 = _reports(session, region, 0, 8)
    add_party(
        session, r0, "สมชาย ใจดี", "recruiter", id_number="๑-๒๓๔๕-๖๗๘๙๐-๑๒-๑", nationality="TH"
    )
    add_party(
        session, r1, "Somchai Jaidee", "mule", id_number="1 2345 67890 12 1", nationality="TH"
    )
    rebuild(session)
    assert groups(session, region) == {frozenset({"R0", "R1"})}


def test_a_rebuild_rewrites_keys_an_older_version_stored(session: Session) -> None:
    region = make_region(session)
    r0, r1, r2 = _reports(session, region, 0, 3, 5)
    first = add_party(session, r0, "Nguyen Van Hung", "suspect", id_number="VNM B1234567")
    add_party(session, r1, "Nguyen V. Hung", "suspect", id_number="B1234567", nationality="VN")
    victim = add_party(session, r2, "Aung Aung", "mule", id_number="MA123456", nationality="MM")
    # As migration 0003 and intake before this reading wrote them (spaces and dashes only).
    session.add_all(
        [
            PartyDocument(party_id=first, report_id=r0, key="VNMB1234567:", role="suspect"),
            PartyDocument(party_id=victim, report_id=r2, key="MA123456:MM", role="mule"),
        ]
    )
    session.flush()
    # The mule was a victim of trafficking after all: no longer evidence of an operator.
    session.get_one(Party, victim).role = "victim_of_trafficking"
    session.flush()
    rebuild(session)
    assert groups(session, region) == {frozenset({"R0", "R1"}), frozenset({"R2"})}
    query = select(PartyDocument.party_id, PartyDocument.key)
    stored = {party: key for party, key in session.execute(query)}
    assert stored[first] == "B1234567:VN" and victim not in stored


def test_a_passport_with_a_label_typed_in_joins_the_same_number_without(
    session: Session,
) -> None:
    region = make_region(session)
    r0, r1, r2, r3 = _reports(session, region, 0, 4, 6, 9)
    add_party(session, r0, "Nguyen Van Hung", "suspect", id_number="B1234567", nationality="VN")
    assert party_links(session, [r0]) == []
    # Before: the label was read as part of the number, a passport of its own.
    add_party(
        session, r1, "Nguyen V. Hung", "mule", id_number="Passport No.: B1234567", nationality="VN"
    )
    (link,) = party_links(session, [r1])
    assert (link.report_a, link.report_b, link.via) == (r0, r1, "document")
    add_party(session, r2, "Tan Wei Ming", "suspect", id_number="NRIC: 850505-14-5678")
    add_party(session, r3, "Tan Wei-Ming", "mule", id_number="850505145678")
    rebuild(session)
    assert groups(session, region) == {frozenset({"R0", "R1"}), frozenset({"R2", "R3"})}
