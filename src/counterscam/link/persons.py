"""Resolve person records (parties of reports, a partner's list) into real persons with Splink.

The model and its reasons are in docs/persons.md. Entry points: ``resolve_persons`` on records
in memory, ``resolve_parties`` on the ``party`` table.
"""

from __future__ import annotations

import shutil
import tempfile
import weakref
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

import polars as pl
import pyarrow as pa
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.db.models import Party, Report
from counterscam.link.persons_cluster import Facts, cluster
from counterscam.link.persons_default import (
    MIN_TRAIN_RECORDS,
    default_model,
    without_term_frequencies,
)
from counterscam.link.persons_features import (
    FEATURE_COLUMNS,
    LIST_COLUMNS,
    PersonRecord,
    features,
)
from counterscam.link.persons_model import TRAIN_SAMPLE, make_linker, train

__all__ = [
    "DEFAULT_THRESHOLD",
    "BadRecord",
    "PersonRecord",
    "ResolutionResult",
    "resolve_parties",
    "resolve_persons",
    "train_model",
]

Backend = Literal["duckdb", "spark"]
# Match probability above which a pair may merge: chosen on the synthetic look-alikes for
# precision (docs/persons.md); a wrong merge puts an innocent person in a case.
DEFAULT_THRESHOLD = 0.85
RECORD_FIELDS = (
    "record_id",
    "full_name",
    "given_name",
    "family_name",
    "birth_date",
    "nationality",
    "id_number",
    "phone",
    "country",
)
Progress = Callable[[str], None]
DUCKDB_MEMORY = "8GB"
# A name held by more records than this pairs records only together with other evidence.
RARE = 100
# Blocking keys (column name stem -> columns, most records sharing one key). One person's
# records share a document or phone, sometimes hundreds of them, so those caps are higher.
BLOCK_KEYS = {
    "name": (("name_sorted",), RARE),
    "name_year": (("name_sorted", "dob_year"), 500),
    "id": (("id_clean",), 2000),
    "phone": (("phone_canon",), 2000),
    "dob_first": (("dob", "first_tok"), 500),
    "dob_last": (("dob", "last_tok"), 500),
}


class BadRecord(ValueError):
    """A record that cannot be resolved: says which row, which column and why."""

    def __init__(self, row: int, column: str, reason: str) -> None:
        super().__init__(f"row {row}, column {column}: {reason}")
        self.row, self.column, self.reason = row, column, reason


@dataclass(frozen=True)
class ResolutionResult:
    """Person key of each record, and the scored pairs that explain the merges."""

    person_of: dict[str, str]
    # record_id_l, record_id_r, match_probability, match_weight, the weight each comparison
    # added (mw_name, mw_dob...: log2 Bayes factors, negative against) and merged (whether the
    # pair ended in one person). Only pairs at or above the threshold are kept.
    pairs: pl.DataFrame
    threshold: float
    model: dict[str, Any]

    @property
    def persons(self) -> int:
        """Return how many distinct persons the records name."""
        return len(set(self.person_of.values()))


def _as_records(records: pl.DataFrame | Sequence[PersonRecord]) -> list[PersonRecord]:
    if not isinstance(records, pl.DataFrame):
        return list(records)
    missing = [c for c in ("record_id", "full_name") if c not in records.columns]
    if missing:
        raise ValueError(f"missing column(s): {', '.join(missing)}")
    cols = [c for c in RECORD_FIELDS if c in records.columns]
    frame = records.select([pl.col(c).cast(pl.Utf8).fill_null("") for c in cols])
    return [PersonRecord(**row) for row in frame.iter_rows(named=True)]


def feature_table(records: Sequence[PersonRecord]) -> pa.Table:
    """Return the comparison columns of all records (raises BadRecord on a bad birth date)."""
    rows: dict[str, list[Any]] = {c: [] for c in FEATURE_COLUMNS}
    seen: set[str] = set()
    for n, record in enumerate(records, start=1):
        if record.record_id in seen:
            raise BadRecord(
                n, "record_id", f"{record.record_id!r} appears twice; ids must be unique"
            )
        seen.add(record.record_id)
        try:
            row = features(record)
        except ValueError as exc:
            raise BadRecord(n, "birth_date", str(exc)) from exc
        for c in FEATURE_COLUMNS:
            rows[c].append(row[c])
    schema = pa.schema(
        [
            (
                c,
                pa.list_(pa.string())
                if c in LIST_COLUMNS
                else pa.int64()
                if c == "dob_year"
                else pa.string(),
            )
            for c in FEATURE_COLUMNS
        ]
    )
    return _with_rare_keys(pa.table(rows, schema=schema))


def _with_rare_keys(table: pa.Table) -> pa.Table:
    """Add the blocking keys: each key kept only where few records hold it (else null).

    Splink pairs every two records that share a key, so a key held by n records costs n²/2
    comparisons: a name held by hundreds of records, a bank's hotline given as a suspect's
    phone, a placeholder birth date beside a common first name. Such a key cannot make a match
    on its own (its term frequency weighs it down, or it is no one's), so its holders are
    paired through their other keys instead. With every key capped, the pairs are at most
    records x cap / 2 per rule, however skewed the data.
    """
    frame = pl.from_arrow(table)
    assert isinstance(frame, pl.DataFrame)
    exploded = frame.select("unique_id", "name_keys").explode("name_keys")
    rare = (
        exploded.filter(pl.col("name_keys").count().over("name_keys") <= RARE)
        .group_by("unique_id")
        .agg(name_keys_rare=pl.col("name_keys").drop_nulls())
    )
    capped = [_capped(f"{name}_blk", columns, cap) for name, (columns, cap) in BLOCK_KEYS.items()]
    frame = frame.with_columns(capped).join(rare, on="unique_id", how="left", maintain_order="left")
    return frame.with_columns(pl.col("name_keys_rare").fill_null([])).to_arrow()


def _capped(name: str, columns: tuple[str, ...], cap: int) -> pl.Expr:
    """Return the key of ``columns`` where at most ``cap`` records share it, else null."""
    key = pl.concat_str([pl.col(c).cast(pl.Utf8) for c in columns], separator="|")
    return pl.when(pl.len().over(key) <= cap).then(key).alias(name)


def _facts(table: pa.Table) -> Callable[[int], Facts]:
    """Return what the record in row i says about its person (built on demand)."""
    columns = (
        "dob",
        "nationality",
        "id_clean",
        "id_kind",
        "father",
        "generation",
        "script_name",
        "name_elements",
        "phone_canon",
        "marked_vowels",
        "culture",
        "child",
    )
    dob, nat, idn, kind, father, gen, script, names, phone, marked, culture, child = (
        table.column(c).to_pylist() for c in columns
    )

    def facts(i: int) -> Facts:
        return Facts(
            dobs={dob[i]} if dob[i] else set(),
            nationalities={nat[i]} if nat[i] else set(),
            national_ids={idn[i]} if idn[i] and kind[i] == "nid" else set(),
            fathers={father[i]} if father[i] else set(),
            generations={gen[i]} if gen[i] else set(),
            script_names={script[i]} if script[i] else set(),
            names={names[i]} if names[i] else set(),
            documents={f"{k}:{v}" for k, v in (("id", idn[i]), ("phone", phone[i])) if v},
            vowels={marked[i]} if marked[i] else set(),
            cultures={culture[i]} if culture[i] else set(),
            children={child[i]} if child[i] else set(),
        )

    return facts


def _register(table: pa.Table, backend: Backend, spark: Any) -> Any:
    if backend == "duckdb":
        import duckdb
        from splink import DuckDBAPI

        # Bounded, spilling to disk beyond: at a million records the candidate pairs of common
        # names would otherwise take all the memory of the machine.
        spill = tempfile.mkdtemp(prefix="counterscam-duckdb-")
        connection = duckdb.connect(config={"memory_limit": DUCKDB_MEMORY, "temp_directory": spill})
        weakref.finalize(connection, shutil.rmtree, spill, ignore_errors=True)
        return DuckDBAPI(connection).register(table, dataset_display_name="persons")
    from counterscam.link.persons_spark import register_spark

    return register_spark(table, spark)


def resolve_persons(
    records: pl.DataFrame | Sequence[PersonRecord],
    *,
    backend: Backend = "duckdb",
    threshold: float = DEFAULT_THRESHOLD,
    model: dict[str, Any] | None = None,
    spark: Any = None,
    progress: Progress | None = None,
) -> ResolutionResult:
    """Resolve records into persons: train (unless ``model`` is given), score pairs, cluster.

    ``backend`` "spark" runs the same model on a Spark session (``spark``, or a local one).
    """
    say = progress or (lambda _stage: None)
    say("normalising names, dates, documents and phones")
    recs = _as_records(records)
    table = feature_table(recs)
    ids = table.column("unique_id").to_pylist()
    if len(ids) < 2:
        return ResolutionResult({i: i for i in ids}, _empty_pairs(), threshold, model or {})
    say(f"registering {len(ids):,} records with {backend}")
    registered = _register(table, backend, spark)
    if len(ids) < MIN_TRAIN_RECORDS:
        if model is None:
            say("too few records to train on: scoring with the shipped model")
        model = without_term_frequencies(model or default_model())
    elif model is None:
        say("training the model (u by sampling, m by expectation maximisation)")
        model = _trained(table, registered, backend, spark)
    linker = make_linker(registered, model)
    say("scoring candidate pairs")
    predicted = linker.inference.predict(threshold_match_probability=threshold)
    pairs = _pairs_frame(predicted, backend).rename(
        {"unique_id_l": "record_id_l", "unique_id_r": "record_id_r"}
    )
    keep = ["record_id_l", "record_id_r", "match_probability", "match_weight"]
    pairs = pairs.select(keep + sorted(c for c in pairs.columns if c.startswith("mw_")))
    say(f"clustering {pairs.height:,} pairs into persons")
    # Strongest first; ties in a fixed order so the persons do not depend on the backend.
    strong = pairs.filter(pl.col("match_probability") >= threshold).sort(
        ["match_probability", "record_id_l", "record_id_r"], descending=[True, False, False]
    )
    edges = zip(
        strong["match_probability"].to_list(),
        strong["record_id_l"].to_list(),
        strong["record_id_r"].to_list(),
        strict=True,
    )
    person_of = cluster(ids, _facts(table), edges)
    lookup = pl.DataFrame({"rid": list(person_of), "pid": list(person_of.values())})
    pairs = (
        pairs.join(lookup.rename({"rid": "record_id_l", "pid": "_pl"}), on="record_id_l")
        .join(lookup.rename({"rid": "record_id_r", "pid": "_pr"}), on="record_id_r")
        .with_columns(merged=pl.col("_pl") == pl.col("_pr"))
        .drop("_pl", "_pr")
    )
    trained = linker.misc.save_model_to_json()
    return ResolutionResult(person_of, pairs, threshold, trained)


def train_model(records: pl.DataFrame | Sequence[PersonRecord]) -> dict[str, Any]:
    """Train the model on these records (DuckDB) and return it as Splink saves it."""
    table = feature_table(_as_records(records))
    return _trained(table, _register(table, "duckdb", None), "duckdb", None)


def _pairs_frame(predicted: Any, backend: Backend) -> pl.DataFrame:
    """Return the scored pairs as a polars frame (through Arrow on DuckDB: no pandas copy)."""
    if backend == "duckdb":
        frame = predicted.as_duckdbpyrelation().pl()
    else:
        frame = pl.from_pandas(predicted.as_pandas_dataframe())
    assert isinstance(frame, pl.DataFrame)
    return frame


def _trained(table: pa.Table, registered: Any, backend: Backend, spark: Any) -> dict[str, Any]:
    """Train on the records, or on an evenly spaced sample of TRAIN_SAMPLE of them."""
    if table.num_rows <= TRAIN_SAMPLE:
        return train(registered, records=table.num_rows)
    step = table.num_rows / TRAIN_SAMPLE
    sample = table.take([int(i * step) for i in range(TRAIN_SAMPLE)])
    return train(_register(sample, backend, spark), records=TRAIN_SAMPLE)


def _empty_pairs() -> pl.DataFrame:
    return pl.DataFrame(
        schema={
            "record_id_l": pl.Utf8,
            "record_id_r": pl.Utf8,
            "match_probability": pl.Float64,
            "match_weight": pl.Float64,
            "merged": pl.Boolean,
        }
    )


def party_records(session: Session) -> list[PersonRecord]:
    """Return every party as a person record; the country is the reporting agency's."""
    rows = session.execute(
        select(
            Party.id,
            Party.full_name,
            Party.given_name,
            Party.family_name,
            Party.birth_date,
            Party.nationality,
            Party.id_number,
            Party.phone,
            Report.country,
        )
        .join(Report, Report.id == Party.report_id)
        .order_by(Party.id)
    )
    return [
        PersonRecord(
            record_id=str(r.id),
            full_name=r.full_name or "",
            given_name=r.given_name or "",
            family_name=r.family_name or "",
            birth_date=r.birth_date,
            nationality=r.nationality or "",
            id_number=r.id_number or "",
            phone=r.phone or "",
            country=r.country or "",
        )
        for r in rows
    ]


def resolve_parties(session: Session, *, threshold: float = DEFAULT_THRESHOLD) -> dict[int, str]:
    """Return party id -> person key for every party (the key is a party id of that person)."""
    result = resolve_persons(party_records(session), threshold=threshold)
    return {int(rid): key for rid, key in result.person_of.items()}
