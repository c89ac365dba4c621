"""Cluster scored pairs into persons without chaining people who cannot be one.

Plain connected components at a threshold chain look-alikes: a record that names only
"Nguyen Van Anh" matches both the father born 1960 and the son born 1985, and the two end up as
one person. Here pairs are merged strongest first, and a merge is refused when the two groups
hold contradicting facts (two different birth dates, nationalities, national ID numbers,
fathers' names, or two spellings in Thai, Lao, Khmer or Burmese script that Latin letters cannot
tell apart).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field


@dataclass
class Facts:
    """What a group of records says about its person; sets, since variants accumulate."""

    dobs: set[str] = field(default_factory=set)
    nationalities: set[str] = field(default_factory=set)
    national_ids: set[str] = field(default_factory=set)
    fathers: set[str] = field(default_factory=set)
    generations: set[str] = field(default_factory=set)
    # "name in script|its Latin key|..." (persons_scripts.script_name)
    script_names: set[str] = field(default_factory=set)


def _dob_compatible(a: str, b: str) -> bool:
    if a == b:
        return True
    ya, ma, da = a.split("-")
    yb, mb, db = b.split("-")
    if ya == yb and ma == db and da == mb:  # day and month swapped
        return True
    return sum(x != y for x, y in zip(a, b, strict=True)) <= 1  # one mistyped digit


def _fathers_compatible(a: str, b: str) -> bool:
    ta, tb = set(a.split()), set(b.split())
    # "Abu Bakar" and "Abubakar", "Abdul Rahman" and "Abdulrahman": one name, spaced or not
    return ta <= tb or tb <= ta or a.replace(" ", "") == b.replace(" ", "")


def _script_compatible(a: str, b: str) -> bool:
    # Two spellings in script read alike in Latin letters are two names (สมชาย, สมชัย: twins);
    # spellings that read apart are left to the model, as a typo may be one of them.
    script_a, *latin_a = a.split("|")
    script_b, *latin_b = b.split("|")
    return script_a == script_b or not set(latin_a) & set(latin_b)


def compatible(a: Facts, b: Facts) -> bool:
    """Return whether two groups may be one person."""
    if len(a.nationalities | b.nationalities) > 1:
        return False
    if len(a.national_ids | b.national_ids) > 1:
        return False
    if len(a.generations | b.generations) > 1:
        return False
    if not all(_dob_compatible(x, y) for x in a.dobs for y in b.dobs):
        return False
    if not all(_script_compatible(x, y) for x in a.script_names for y in b.script_names):
        return False
    return all(_fathers_compatible(x, y) for x in a.fathers for y in b.fathers)


def _merge(a: Facts, b: Facts) -> Facts:
    return Facts(
        a.dobs | b.dobs,
        a.nationalities | b.nationalities,
        a.national_ids | b.national_ids,
        a.fathers | b.fathers,
        a.generations | b.generations,
        a.script_names | b.script_names,
    )


def cluster(
    ids: Sequence[str],
    facts: Callable[[int], Facts],
    edges: Iterable[tuple[float, str, str]],
) -> dict[str, str]:
    """Return record id -> person key (the smallest record id of the person's records).

    ``facts(i)`` gives what record ``ids[i]`` says; it is asked only for records on an edge,
    since at a million records most are alone. ``edges`` must come strongest first.
    """
    index = {rid: i for i, rid in enumerate(ids)}
    parent = list(range(len(ids)))
    group: dict[int, Facts] = {}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def facts_of(root: int) -> Facts:
        if root not in group:
            group[root] = facts(root)  # a root not yet merged is a record alone
        return group[root]

    for _, left, right in edges:
        a, b = find(index[left]), find(index[right])
        if a == b or not compatible(facts_of(a), facts_of(b)):
            continue
        keep, gone = min(a, b), max(a, b)
        parent[gone] = keep
        group[keep] = _merge(group[keep], group.pop(gone))
    smallest: dict[int, str] = {}
    for i, rid in enumerate(ids):
        root = find(i)
        if root not in smallest or rid < smallest[root]:
            smallest[root] = rid
    return {rid: smallest[find(i)] for i, rid in enumerate(ids)}
