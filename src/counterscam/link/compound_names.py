"""One compound written the ways reports write it: `KK Park`, `K.K. Park`, `KK park compound,
Myawaddy`, `Shwe Kokko` and `Shwe Koko`.

Compounds tie trafficking reports to clusters and are counted in briefs (link.trafficking,
link.brief); compared as written, each spelling was another compound and a rescue from `KK park
compound, Myawaddy` was not tied to the syndicates naming `KK Park`. The key reads what does
not change the place: case, dots and dashes, spaces, a word saying it is a compound, the town
written after a comma or in brackets, and a letter written twice (Kokko, Koko).

A compound's other names (Yatai New City is the developer's name for Shwe Kokko, which
Burmese reports write in Burmese script) are no spelling: ``compound_identity`` reads them
from the reference list of compounds (reference/data/compounds.yaml), which also gives the
country of a compound a report names without one. A name the list does not know, or one it
gives for another country, keeps its own key and country: two places are never merged by a
guess, and never matched on coordinates.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from counterscam.reference.compounds import Compound

# Words that say what the place is, not which one.
_GENERIC = frozenset({"compound", "compounds", "the"})
_BRACKETS = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# Latin letters only: in Burmese or Thai script a sign written twice may be another word.
_DOUBLE = re.compile(r"([a-z])\1+")


def _words(text: str) -> list[str]:
    # Punctuation, symbols and spaces part words; letters, digits and vowel signs are kept.
    parted = "".join(" " if unicodedata.category(ch)[0] in "PSZC" else ch for ch in text)
    return parted.split()


def compound_key(name: str) -> str:
    """Return the key two spellings of one compound share ("" for a name with no letters)."""
    text = unicodedata.normalize("NFKC", name).casefold()
    words = _words(_BRACKETS.sub(" ", text).split(",")[0])  # "KK Park, Myawaddy": the town
    kept = [w for w in words if w not in _GENERIC] or words or _words(text)
    return _DOUBLE.sub(r"\1", "".join(kept))


class CompoundIdentity(NamedTuple):
    """Which compound a report names: equal identities are one place.

    ``label`` is the reference list's name for it, or None for a compound the list does not
    know (then the key and country are the name's and the report's own).
    """

    key: str
    country: str
    label: str | None


@lru_cache(maxsize=65_536)  # pages read each compound place a report names; names repeat
def compound_identity(name: str, country: str | None) -> CompoundIdentity:
    """Return the compound ``name`` (in ``country``, or none given) is, by the reference list."""
    key = compound_key(name)
    given = (country or "").strip().upper()
    listed = [c for c in _listed().get(key, ()) if not given or c.country == given]
    if len(listed) == 1:  # a name listed in two countries, with no country given, stays apart
        return _identity(listed[0])
    return CompoundIdentity(key, given, None)


def other_names(identity: CompoundIdentity) -> tuple[str, ...]:
    """Return the names the reference list gives the compound (none for one it does not know)."""
    if identity.label is None:
        return ()
    for compound in _listed().get(compound_key(identity.label), ()):
        if compound.country == identity.country:
            return compound.names
    return ()


def _identity(compound: Compound) -> CompoundIdentity:
    return CompoundIdentity(compound_key(compound.name), compound.country, compound.name)


def _written(compound: Compound) -> tuple[str, ...]:
    # "KK Park Myawaddy": the town written after the name without a comma.
    town = f" {compound.town}" if compound.town else ""
    return (*compound.names, *(f"{n}{town}" for n in compound.names if town))


@cache
def _listed() -> dict[str, tuple[Compound, ...]]:
    """Return the listed compounds by the key of each name they are written by."""
    from counterscam.reference import compounds  # reference reads this module's key

    index: dict[str, list[Compound]] = {}
    for compound in compounds():
        for name in _written(compound):
            owners = index.setdefault(compound_key(name), [])
            if compound not in owners:
                owners.append(compound)
    return {key: tuple(owners) for key, owners in index.items()}
