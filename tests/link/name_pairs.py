"""Run hand-made name lists through persons linking: groups of one person's spellings, and
pairs of different people whose names look alike (tests/link/*_names.py hold the lists)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence

from counterscam.link.persons import PersonRecord, resolve_persons

# (nationality, birth date, the person's spellings)
Group = tuple[str, str, Sequence[str]]
# (nationality, (name, birth date), (name, birth date))
Pair = tuple[str, tuple[str, str], tuple[str, str]]


# (name, birth date, nationality, document number, country listed in)
Rec = tuple[str, str, str, str, str]


def person_of(*records: Rec) -> list[str]:
    """Return the person key of each record, in order."""
    found = resolve_persons(
        [
            PersonRecord(
                f"r{k}", n, birth_date=b or None, nationality=nat, id_number=doc, country=c
            )
            for k, (n, b, nat, doc, c) in enumerate(records)
        ]
    ).person_of
    return [found[f"r{k}"] for k in range(len(records))]


def linked(a: Rec, b: Rec) -> bool:
    """Tell whether two records are found to be one person."""
    first, second = person_of(a, b)
    return first == second


def group_records(groups: Sequence[Group]) -> tuple[list[PersonRecord], list[list[str]]]:
    """Return one record per spelling, and the record ids of each person."""
    records: list[PersonRecord] = []
    ids_of: list[list[str]] = []
    for g, (nationality, born, names) in enumerate(groups):
        ids = [f"g{g}_{j}" for j in range(len(names))]
        ids_of.append(ids)
        records += [
            PersonRecord(i, n, birth_date=born, nationality=nationality)
            for i, n in zip(ids, names, strict=True)
        ]
    return records, ids_of


def unlinked_pairs(groups: Sequence[Group]) -> tuple[list[tuple[str, str]], int, int]:
    """Resolve every spelling of every person at once; return the same-person pairs left
    apart, the number of people found and the number there are."""
    records, ids_of = group_records(groups)
    person = resolve_persons(records).person_of
    unlinked = [
        (a, b)
        for ids in ids_of
        for a, b in itertools.combinations(ids, 2)
        if person[a] != person[b]
    ]
    return unlinked, len(set(person.values())), len(ids_of)


def merged(pair: Pair) -> bool:
    """Tell whether linking the two records of a look-alike pair, alone, makes one person."""
    nationality, one, other = pair
    person = resolve_persons(
        [
            PersonRecord("a", one[0], birth_date=one[1], nationality=nationality),
            PersonRecord("b", other[0], birth_date=other[1], nationality=nationality),
        ]
    ).person_of
    return person["a"] == person["b"]


def persons_found(
    nationality: str, *names: str, born: str = "", country: str = "", id_number: str = ""
) -> int:
    """Resolve one record a name, all else alike, and return how many people they make."""
    records = [
        PersonRecord(
            f"r{k}",
            name,
            birth_date=born,
            id_number=id_number,
            nationality=nationality,
            country=country,
        )
        for k, name in enumerate(names)
    ]
    return resolve_persons(records).persons


def probe_score(
    records: Sequence[PersonRecord], truth: dict[str, str]
) -> tuple[list[tuple[str, str]], float]:
    """Resolve a probe's records at once; return the pairs merged across different people
    (``truth`` maps a record id to its person), and the share of same-person pairs merged."""
    person = resolve_persons(records).person_of
    same_person = [(a, b) for a, b in itertools.combinations(truth, 2) if truth[a] == truth[b]]
    joined = [(a, b) for a, b in itertools.combinations(truth, 2) if person[a] == person[b]]
    wrong = [(a, b) for a, b in joined if truth[a] != truth[b]]
    return wrong, len(joined) / len(same_person)


def probe_record(
    record_id: str, name: str, born: str, nationality: str, o: dict[str, str]
) -> PersonRecord:
    """A probe's record; its options ``o`` may give another nationality (``n``) or country
    (``c``)."""
    return PersonRecord(
        record_id,
        name,
        birth_date=born,
        nationality=o.get("n", nationality),
        country=o.get("c", nationality),
    )
