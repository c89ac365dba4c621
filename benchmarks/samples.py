"""Pick the values a check benchmark asks for: as written in reports, and unseen ones."""

from __future__ import annotations

import csv
import random
from dataclasses import dataclass
from pathlib import Path

import phonenumbers

from counterscam.identifiers import InvalidIdentifier, canonicalize


@dataclass(frozen=True)
class Sample:
    """One value to check, as a user would type it, with its canonical form."""

    kind: str
    raw: str
    country: str
    canonical_kind: str
    canonical: str


def pick(region: Path, agencies: dict[str, str], *, n: int, seed: int = 7) -> list[Sample]:
    """Return ``n`` distinct values: half reported somewhere, half never reported."""
    rng = random.Random(seed)
    found: list[Sample] = []
    seen: set[tuple[str, str]] = set()
    for code, country in sorted(agencies.items()):
        path = region / code / "identifiers.csv"
        if not path.exists():
            continue
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        for row in rng.sample(rows, min(len(rows), n)):
            try:
                c = canonicalize(
                    row["kind"],
                    row["value"],
                    country=row["country"] or country,
                    qualifier=row["qualifier"] or None,
                )
            except InvalidIdentifier:
                continue
            if (c.kind, c.value) in seen:
                continue
            seen.add((c.kind, c.value))
            # A qualifier or another country in its own column: the user types the full form.
            if row["qualifier"] or row["country"]:
                found.append(Sample(c.kind, c.value, c.country or country, c.kind, c.value))
            else:
                found.append(Sample(row["kind"], row["value"], country, c.kind, c.value))
    hits = rng.sample(found, min(len(found), n // 2))
    misses: list[Sample] = []
    while len(misses) < n - len(hits):
        number = f"+601{rng.randint(1, 9)}{rng.randint(1_000_000, 9_999_999)}"
        parsed = phonenumbers.parse(number)
        if not phonenumbers.is_valid_number(parsed):
            continue
        raw = f"0{number[3:5]}-{number[5:8]} {number[8:]}"
        c = canonicalize("phone", raw, country="MY")
        if (c.kind, c.value) not in seen:
            seen.add((c.kind, c.value))
            misses.append(Sample("phone", raw, "MY", c.kind, c.value))
    values = hits + misses
    rng.shuffle(values)
    return values
