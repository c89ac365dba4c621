"""The generated files: layout, columns, determinism, validity and ground truth."""

from __future__ import annotations

import csv
import hashlib
from collections import Counter, defaultdict
from pathlib import Path

import phonenumbers

from counterscam.identifiers import canonicalize
from counterscam.synth import SynthSummary, generate

FORMATS = Path(__file__).parents[2] / "docs" / "formats.md"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as h:
        return list(csv.DictReader(h))


def _digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*.csv"))
    }


def _documented_columns(section: str) -> list[str]:
    text = FORMATS.read_text(encoding="utf-8").split(f"## {section}\n", 1)[1]
    table = text.split("\n## ", 1)[0]
    cells = [
        line.split("|")[1].strip()
        for line in table.splitlines()
        if line.startswith("| ") and not line.startswith(("| column", "| ---"))
    ]
    return [name for cell in cells for name in cell.split(", ")]


def test_same_seed_same_bytes_and_other_seed_differs(tmp_path: Path) -> None:
    a = generate(reports=400, seed=3, out=tmp_path / "a")
    b = generate(reports=400, seed=3, out=tmp_path / "b")
    c = generate(reports=400, seed=4, out=tmp_path / "c")
    assert _digest(a.out) == _digest(b.out)
    assert _digest(a.out) != _digest(c.out)
    assert a.reports == 400


def test_layout_and_columns_follow_the_intake_format(region: SynthSummary) -> None:
    agencies = _rows(region.agencies_csv)
    kinds = Counter(a["kind"] for a in agencies)
    assert kinds == {"member": 10, "secretariat": 1, "partner": 2, "observer": 1}
    for folder in region.agency_dirs:
        for name in ("reports", "identifiers", "parties", "places"):
            with (folder / f"{name}.csv").open(encoding="utf-8") as h:
                header = next(csv.reader(h))
            assert header == _documented_columns(name), (folder.name, name)
    total = sum(len(_rows(d / "reports.csv")) for d in region.agency_dirs)
    assert total == region.reports == 5000


def test_every_identifier_canonicalises_to_its_ground_truth(region: SynthSummary) -> None:
    truth = {r["identifier_id"]: r for r in _rows(region.ground_truth / "identifiers.csv")}
    sightings = defaultdict(list)
    for s in _rows(region.ground_truth / "sightings.csv"):
        sightings[(s["agency"], s["external_ref"])].append(s["identifier_id"])
    for folder in region.agency_dirs:
        seen: Counter[str] = Counter()
        for row in _rows(folder / "identifiers.csv"):
            ident = sightings[(folder.name, row["external_ref"])][seen[row["external_ref"]]]
            seen[row["external_ref"]] += 1
            got = canonicalize(
                row["kind"],
                row["value"],
                country=row["country"] or folder.name[:2],
                qualifier=row["qualifier"] or None,
            )
            assert (got.kind, got.value) == (truth[ident]["kind"], truth[ident]["canonical"]), row


def test_every_phone_is_valid(region: SynthSummary) -> None:
    for row in _rows(region.ground_truth / "identifiers.csv"):
        if row["kind"] == "phone":
            assert phonenumbers.is_valid_number(phonenumbers.parse(row["canonical"])), row
    for folder in region.agency_dirs:
        for row in _rows(folder / "parties.csv"):
            if row["phone"]:
                assert canonicalize("phone", row["phone"], country=folder.name[:2]).value


def test_ground_truth_covers_every_report_and_party(region: SynthSummary) -> None:
    truth = {
        (r["agency"], r["external_ref"]): r for r in _rows(region.ground_truth / "reports.csv")
    }
    parties = {
        (r["agency"], r["external_ref"], r["position"])
        for r in _rows(region.ground_truth / "parties.csv")
    }
    persons = _rows(region.ground_truth / "persons.csv")
    for folder in region.agency_dirs:
        for row in _rows(folder / "reports.csv"):
            assert (folder.name, row["external_ref"]) in truth
        counts: Counter[str] = Counter()
        for row in _rows(folder / "parties.csv"):
            assert (folder.name, row["external_ref"], str(counts[row["external_ref"]])) in parties
            counts[row["external_ref"]] += 1
    assert len(persons) == len(parties) == region.parties
    assert all(p["person_id"] for p in persons)
    syndicates = {r["syndicate"] for r in truth.values()}
    assert "none" in syndicates and len(syndicates) > 10


def test_all_noise_is_present(region: SynthSummary) -> None:
    idents = _rows(region.ground_truth / "identifiers.csv")
    categories = Counter(r["category"] for r in idents)
    for category in (
        "syndicate",
        "lone",
        "spoofed",
        "hotline",
        "aggregator",
        "exchange",
        "victim_account",
        "mistyped",
    ):
        assert categories[category] > 0, category
    by_id = {r["identifier_id"]: r for r in idents}
    reports = {
        (r["agency"], r["external_ref"]): r for r in _rows(region.ground_truth / "reports.csv")
    }
    sightings = _rows(region.ground_truth / "sightings.csv")
    roles = Counter(s["role"] for s in sightings)
    assert roles["earlier_scam"] and roles["victim_account"] and roles["impersonated_entity"]
    syndicates_of: dict[str, set[str]] = defaultdict(set)
    for s in sightings:
        syndicates_of[s["identifier_id"]].add(
            reports[(s["agency"], s["external_ref"])]["syndicate"]
        )
    shared = Counter(by_id[i]["category"] for i, owners in syndicates_of.items() if len(owners) > 1)
    # Noise that glues unrelated syndicates, as it does in real data.
    for category in ("spoofed", "aggregator", "exchange", "victim_account"):
        assert shared[category] > 0, category
    incidents = Counter((r["incident"]) for r in reports.values())
    twice = [i for i, n in incidents.items() if n == 2]
    assert twice
    agencies = {r["agency"] for r in reports.values() if r["incident"] == twice[0]}
    assert len(agencies) == 2
    kinds = Counter(r["kind"] for r in reports.values())
    assert kinds["rescue"] and kinds["recovery"]


def test_persons_include_look_alikes_and_variants(region: SynthSummary) -> None:
    people = _rows(region.ground_truth / "people.csv")
    relations = Counter(p["relation"] for p in people)
    for relation in ("twin", "sibling", "namesake"):
        assert relations[relation] > 0, relation
    names: dict[str, set[str]] = defaultdict(set)
    for p in _rows(region.ground_truth / "persons.csv"):
        names[p["person_id"]].add(p["full_name"])
    assert sum(1 for spellings in names.values() if len(spellings) > 1) > 20
    places = [r for d in region.agency_dirs for r in _rows(d / "places.csv")]
    assert places and all(r["latitude"] and r["longitude"] for r in places)


def test_rescued_workers_name_numbers_their_syndicate_used_on_victims(
    region: SynthSummary,
) -> None:
    """Rescue reports share operating identifiers with their own syndicate's scam reports."""
    reports = {
        (r["agency"], r["external_ref"]): r for r in _rows(region.ground_truth / "reports.csv")
    }
    used: dict[str, set[str]] = defaultdict(set)  # identifier -> syndicates of scam reports
    named: list[tuple[str, str]] = []  # (identifier, syndicate) named by a rescue
    for s in _rows(region.ground_truth / "sightings.csv"):
        report = reports[(s["agency"], s["external_ref"])]
        if report["kind"] == "scam" and report["syndicate"]:
            used[s["identifier_id"]].add(report["syndicate"])
        elif report["kind"] == "rescue" and s["role"] != "recruiter_contact":
            named.append((s["identifier_id"], report["syndicate"]))
    assert named
    shared = [(i, syndicate) for i, syndicate in named if used[i]]
    assert shared  # some of what rescued workers name was also reported by victims
    assert all(used[i] == {syndicate} for i, syndicate in shared)
