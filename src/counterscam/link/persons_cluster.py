"""Cluster scored pairs into persons without chaining people who cannot be one.

Plain connected components at a threshold chain look-alikes: a record that names only
"Nguyen Van Anh" matches both the father born 1960 and the son born 1985, and the two end up as
one person. Here pairs are merged strongest first, and a merge is refused when the two groups
hold contradicting facts (two different birth dates, nationalities, national ID numbers,
fathers' names, a son and a daughter named apart (bin, binti), two spellings in Thai, Lao,
Khmer or Burmese script that Latin letters cannot tell apart, two names in other Chinese
characters (常伟, 张伟; 王小明, 王晓明), two Vietnamese names typed with different vowels (Hùng,
Hưng), or two names one element apart, such as twins Nguyen Van An and Nguyen Thi An, or
Filipino Maria and Mario Reyes).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from counterscam.link.persons_marks import vowels_compatible
from counterscam.link.persons_names import GENDERED_CULTURES, gendered_apart, may_be_one_element


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
    # the name's tokens as split and aliased, space-separated ("nguyen van an")
    names: set[str] = field(default_factory=set)
    # document numbers (passport or national ID) and phones: what one person's records share
    documents: set[str] = field(default_factory=set)
    # words typed with Vietnamese marks, "folded:vowels ..." (persons_marks.marked_vowels)
    vowels: set[str] = field(default_factory=set)
    # whose naming customs apply: each record's nationality, else its country
    cultures: set[str] = field(default_factory=set)
    # "son", "daughter": what the marker before a father's name says (bin, binti; a/l, a/p)
    children: set[str] = field(default_factory=set)


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


def _names_compatible(
    a: str, b: str, *, scored: bool = False, gendered: bool = False, siblings: bool = False
) -> bool:
    ta, tb = a.split(), b.split()
    if len(ta) != len(tb) or len(ta) < 2:
        return True
    only_a, only_b = list(ta), []
    for t in tb:
        if t in only_a:
            only_a.remove(t)
        else:
            only_b.append(t)
    if len(only_a) != 1:
        return True
    if gendered and gendered_apart(only_a[0], only_b[0]):
        return False  # Mario and Maria Reyes, twins: a Maria Reyes record may join either
    if siblings:
        return False  # Amir bin Ali and Amira binti Ali: a brother and a sister
    return may_be_one_element(only_a[0], only_b[0], loose=scored)


def compatible(a: Facts, b: Facts, scored: tuple[str, str] | None = None) -> bool:
    """Return whether two groups may be one person.

    ``scored`` is the pair of names the model scored to propose this merge: the model has
    weighed their difference, so a bigger typo or a spelling the rules do not fold passes
    there (Santosa, Soentoro), while a different name element (Jason, Kevin) still does not.
    """
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
    if not all(_fathers_compatible(x, y) for x in a.fathers for y in b.fathers):
        return False
    # Twins and cousins differ in one name element (Nguyen Van An, Nguyen Thi An; Juan Santos
    # and Juan Reyes dela Cruz). The model keeps such a pair apart, but a record naming less
    # ("Nguyen An", "Juan dela Cruz") matches both and would chain them into one person. A
    # shared document or phone outweighs a name changed.
    if a.documents & b.documents:
        return True
    # Hùng and Hưng, both typed with marks: two names that fold alike (the twins of a
    # record typed without marks, which may join either).
    if not all(vowels_compatible(x, y) for x in a.vowels for y in b.vowels):
        return False
    gendered = bool((a.cultures | b.cultures) & GENDERED_CULTURES)
    # A son and a daughter of one father whose names differ are two people; the same name with
    # bin in one record and binti in another is a slip of the typist's.
    siblings = len(a.children | b.children) > 1
    return all(
        _names_compatible(x, y, scored=(x, y) == scored, gendered=gendered, siblings=siblings)
        for x in a.names
        for y in b.names
    )


def _merge(a: Facts, b: Facts) -> Facts:
    return Facts(
        a.dobs | b.dobs,
        a.nationalities | b.nationalities,
        a.national_ids | b.national_ids,
        a.fathers | b.fathers,
        a.generations | b.generations,
        a.script_names | b.script_names,
        a.names | b.names,
        a.documents | b.documents,
        a.vowels | b.vowels,
        a.cultures | b.cultures,
        a.children | b.children,
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

    def name_of(i: int) -> str:
        return next(iter(facts(i).names), "")

    for _, left, right in edges:
        i, j = index[left], index[right]
        a, b = find(i), find(j)
        if a == b:
            continue
        if not compatible(facts_of(a), facts_of(b), (name_of(i), name_of(j))):
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
