"""The scam compounds known by several names (compounds.yaml), and an agency's own file of them.

Reports name one compound many ways: the name rescued workers heard, the developer's name
(Yatai New City for Shwe Kokko), the name in Burmese, Thai or Chinese. The file lists, for each
compound, the names of that one place, so that link.compound_names reads them as one. A name
listed for two compounds of one country would merge two places: the file is refused.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from counterscam.link.compound_names import compound_key
from counterscam.reference._files import Fields, ReferenceDataError, entries, read_file
from counterscam.reference._parse import parse_countries


@dataclass(frozen=True)
class Compound:
    """One compound: the name shown for it, its country and town, and its other names."""

    name: str
    country: str
    town: str | None
    aliases: tuple[str, ...]

    @property
    def names(self) -> tuple[str, ...]:
        """Return every name the compound is written by, its own first."""
        return (self.name, *self.aliases)


def parse_compounds(
    doc: dict[str, Any], codes: set[str], source: str = "compounds.yaml"
) -> tuple[Compound, ...]:
    """Validate a compounds file (``compounds:`` a list of name, country, town, aliases)."""
    out = tuple(_compound(f, codes) for f in entries(doc, "compounds", source))
    _check_apart(out, source)
    return out


def _compound(f: Fields, codes: set[str]) -> Compound:
    country = f.text("country").upper()
    if country not in codes:
        raise f.fail(f"unknown country {country!r}; use a code of countries.yaml, like MM")
    compound = Compound(
        f.text("name"), country, f.optional_text("town"), f.texts("aliases", required=False)
    )
    for name in compound.names:
        if not compound_key(name):
            raise f.fail(f"name {name!r} has no letters or digits")
    return compound


def merged(base: tuple[Compound, ...], extra: list[Compound], source: str) -> tuple[Compound, ...]:
    """Return ``base`` with ``extra``'s compounds: a compound already listed (one of its names,
    in its country) gains the new names; a new one is added. Refused when one name would be two
    compounds' in one country."""
    compounds = list(base)
    for new in extra:
        keys = {compound_key(n) for n in new.names}
        same = next((i for i, c in enumerate(compounds) if _owns(c, keys, new.country)), None)
        if same is None:
            compounds.append(new)
            continue
        old = compounds[same]
        aliases = [*old.aliases, *(a for a in new.names if a not in old.names)]
        compounds[same] = Compound(old.name, old.country, old.town or new.town, tuple(aliases))
    _check_apart(compounds, source)
    return tuple(compounds)


def _check_apart(compounds: tuple[Compound, ...] | list[Compound], source: str) -> None:
    seen: dict[tuple[str, str], Compound] = {}
    for compound in compounds:
        for name in compound.names:
            key = (compound_key(name), compound.country)
            other = seen.setdefault(key, compound)
            if other is not compound:
                raise ReferenceDataError(
                    f"{source}: {name!r} ({compound.country}) is a name of both "
                    f"{other.name!r} and {compound.name!r}; two places must not share a name: "
                    "remove it from one, or list the two as one compound if they are one place"
                )


def _owns(compound: Compound, keys: set[str], country: str) -> bool:
    return compound.country == country and any(compound_key(n) in keys for n in compound.names)


def with_compounds_file(
    base: tuple[Compound, ...], path: Path, codes: set[str]
) -> tuple[Compound, ...]:
    """Return ``base`` with the compounds of an agency's file (COUNTERSCAM_COMPOUNDS_FILE),
    shaped as compounds.yaml; a file with any fault is refused whole, naming it."""
    if path.suffix.lower() not in (".yaml", ".yml"):
        raise ReferenceDataError(
            f"{path}: a compounds file is a .yaml file shaped like reference/data/compounds.yaml"
        )
    doc = read_file(path.name, path.parent)
    own = [_compound(f, codes) for f in entries(doc, "compounds", str(path))]
    return merged(base, own, str(path))


def check_compounds_file(path: Path) -> None:
    """Read an agency's compounds file against the bundled one; raise what is wrong with it."""
    codes = {c.code for c in parse_countries(read_file("countries.yaml"))}
    with_compounds_file(parse_compounds(read_file("compounds.yaml"), codes), path, codes)
