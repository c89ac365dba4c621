"""Time and peak memory of person resolution with Splink on DuckDB at scale.

    .venv/bin/python -m benchmarks.persons_speed --persons DIR/ground_truth/persons.csv \
        [--records 1000000] [--baseline]

The records are the party rows of a synthetic region (``make bench`` uses its own region,
about 17 rows per 100 reports). With fewer rows than ``--records`` the file is topped up with
copies in which every person becomes a namesake of the original: the same names as written,
but a birth date moved by 200 to 9,000 days and documents and phones of their own. So every
name is several times commoner than in the region, which makes blocking and scoring harder,
not easier. ``--baseline`` dedupes the same records on the exact folded name and birth date
instead (Polars, vectorised). Prints one JSON line: records, seconds (after loading) and per
stage, peak resident memory of this process (DuckDB runs in it), pairs, persons, and pairwise
and B-cubed precision, recall and F1 against the true persons.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

import numpy as np
import polars as pl

from counterscam.link.persons import resolve_persons
from counterscam.link.persons_metrics import score

DIGITS = [str(d) for d in range(10)]


def _rotate_digits(expr: pl.Expr, k: int) -> pl.Expr:
    """Replace each digit d by (d + k) mod 10: another number of the same shape."""
    return expr.str.replace_many(DIGITS, [str((d + k) % 10) for d in range(10)])


def _namesakes(frame: pl.DataFrame, k: int) -> pl.DataFrame:
    """Return copy ``k``: for every person of the file, another person of the same name.

    Real namesakes share a name and nothing else: each copy person gets a birth date moved by
    200 to 9,000 days either way (seeded per copy), and documents and phone numbers of their
    own (digits rotated, the same for all of that person's records, so a typo stays a typo).
    """
    people = frame.select(pl.col("person_id").unique(maintain_order=True))
    rng = np.random.default_rng(k)
    shift = rng.integers(200, 9001, people.height) * rng.choice([-1, 1], people.height)
    people = people.with_columns(shift=pl.Series(shift, dtype=pl.Int64))
    phone = pl.col("phone")
    return (
        frame.join(people, on="person_id", how="left", maintain_order="left")
        .with_columns(
            record_id=pl.col("record_id") + f"-{k}",
            person_id=pl.col("person_id") + f"-{k}",
            birth_date=(
                pl.col("birth_date").str.to_date(strict=False) + pl.duration(days=pl.col("shift"))
            ).dt.to_string("%Y-%m-%d"),
            id_number=_rotate_digits(pl.col("id_number"), k),
            # only the last four digits, so the number keeps its country and operator prefix
            phone=phone.str.slice(0, phone.str.len_chars() - 4)
            + _rotate_digits(phone.str.slice(-4), k),
        )
        .drop("shift")
    )


def load(path: Path, records: int) -> pl.DataFrame:
    """Return ``records`` rows of a persons.csv, topped up with namesakes if it is shorter."""
    frame = pl.read_csv(path, infer_schema=False)
    copies = [frame]
    k = 1
    while sum(c.height for c in copies) < records:
        copies.append(_namesakes(frame, k))
        k += 1
    return pl.concat(copies).head(records)


def exact_key(frame: pl.DataFrame) -> dict[str, str]:
    """The baseline: one person per exact (folded full name, birth date), in Polars.

    The same key as ``benchmarks.persons_quality.baseline`` (lower case, diacritics and commas
    removed, spaces collapsed), vectorised: the least work that dedupes a list at all.
    """
    name = (
        pl.col("full_name")
        .fill_null("")
        .str.replace_all("[đĐ]", "d")
        .str.normalize("NFKD")
        .str.replace_all(r"\p{M}", "")
        .str.to_lowercase()
        .str.replace_all(r"[\s,]+", " ")
        .str.strip_chars()
    )
    keyed = frame.select(
        "record_id", key=pl.concat_str([name, pl.col("birth_date").fill_null("")], separator="|")
    )
    person = keyed.select("record_id", person=pl.col("record_id").min().over("key"))
    return dict(zip(person["record_id"], person["person"], strict=True))


def main() -> None:
    """Resolve the records once (or run the baseline) and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=Path, required=True)
    parser.add_argument("--records", type=int, default=1_000_000)
    parser.add_argument(
        "--baseline", action="store_true", help="exact (name, birth date) dedupe instead"
    )
    args = parser.parse_args()
    frame = load(args.persons, args.records)
    stages: list[tuple[str, float]] = []
    started = time.perf_counter()

    def stage(text: str) -> None:
        stages.append((text, time.perf_counter()))
        sys.stderr.write(f"[{time.perf_counter() - started:7.1f}s] {text}\n")

    figures_of: dict[str, object] = {}
    if args.baseline:
        person_of = exact_key(frame)
    else:
        result = resolve_persons(frame, progress=stage)
        person_of = result.person_of
        figures_of["pairs_at_or_above_threshold"] = result.pairs.height
    total = time.perf_counter() - started
    marks = [*stages, ("end", started + total)]
    per_stage = {text: round(marks[i + 1][1] - at, 1) for i, (text, at) in enumerate(marks[:-1])}
    truth = dict(zip(frame["record_id"], frame["person_id"], strict=True))
    figures = score(person_of, truth)
    print(
        json.dumps(
            {
                "method": "exact name and birth date" if args.baseline else "splink",
                "records": frame.height,
                "seconds": round(total, 3),
                "stages": per_stage,
                "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                **figures_of,
                "persons": len(set(person_of.values())),
                "true_persons": len(set(truth.values())),
                **{k: round(v, 4) for k, v in figures.__dict__.items()},
            }
        )
    )


if __name__ == "__main__":
    main()
