"""Time and peak memory of person resolution with Splink on DuckDB at scale.

    .venv/bin/python -m benchmarks.persons_speed --persons DIR/ground_truth/persons.csv \
        [--records 1000000]

The records are the party rows of a synthetic region (``counterscam synth --reports 5400000``
writes about 910,000); with fewer rows than ``--records`` the file is replicated, each copy's
record and person ids suffixed, birth years moved and documents and phones dropped, so copies
are namesakes of the originals (a harder case than real data, where names are more varied).
Prints one JSON line: records, seconds per stage, total seconds, peak resident memory of this
process (DuckDB runs in it), pairs, persons, and pairwise precision and recall.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path

import polars as pl

from counterscam.link.persons import resolve_persons
from counterscam.link.persons_metrics import score


def load(path: Path, records: int) -> pl.DataFrame:
    """Return ``records`` rows of a persons.csv, replicating the file if it is shorter."""
    frame = pl.read_csv(path, infer_schema=False)
    copies = [frame]
    k = 1
    while sum(c.height for c in copies) < records:
        copies.append(
            frame.with_columns(
                record_id=pl.col("record_id") + f"-{k}",
                person_id=pl.col("person_id") + f"-{k}",
                # other people of the same names: born 4k years earlier (29 February stays valid)
                birth_date=pl.col("birth_date").str.replace(
                    r"^\d{4}",
                    (pl.col("birth_date").str.slice(0, 4).cast(pl.Int32) - 4 * k).cast(pl.Utf8),
                ),
                id_number=pl.lit(""),
                phone=pl.lit(""),
            )
        )
        k += 1
    return pl.concat(copies).head(records)


def main() -> None:
    """Resolve the records once and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--persons", type=Path, required=True)
    parser.add_argument("--records", type=int, default=1_000_000)
    args = parser.parse_args()
    frame = load(args.persons, args.records)
    stages: list[tuple[str, float]] = []
    started = time.perf_counter()

    def stage(text: str) -> None:
        stages.append((text, time.perf_counter()))
        sys.stderr.write(f"[{time.perf_counter() - started:7.1f}s] {text}\n")

    result = resolve_persons(frame, progress=stage)
    total = time.perf_counter() - started
    marks = [*stages, ("end", started + total)]
    per_stage = {text: round(marks[i + 1][1] - at, 1) for i, (text, at) in enumerate(marks[:-1])}
    truth = dict(zip(frame["record_id"], frame["person_id"], strict=True))
    figures = score(result.person_of, truth)
    print(
        json.dumps(
            {
                "records": frame.height,
                "seconds": round(total, 1),
                "stages": per_stage,
                "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
                "pairs_at_or_above_threshold": result.pairs.height,
                "persons": result.persons,
                "true_persons": len(set(truth.values())),
                "pair_precision": round(figures.pair_precision, 4),
                "pair_recall": round(figures.pair_recall, 4),
            }
        )
    )


if __name__ == "__main__":
    main()
