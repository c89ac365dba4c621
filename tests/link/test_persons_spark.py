"""The same person model on Spark (local mode) gives the same persons as on DuckDB."""

from __future__ import annotations

import os
import shutil
import subprocess

import polars as pl
import pytest

from counterscam.link.persons import resolve_persons
from counterscam.synth import generate
from tests.link.test_persons_resolve import COLUMNS, _families


def _java() -> bool:
    if shutil.which("java") is None:
        return False
    return subprocess.run(["java", "-version"], capture_output=True, check=False).returncode == 0


@pytest.mark.spark
def test_spark_gives_the_same_persons_as_duckdb(tmp_path: pytest.TempPathFactory) -> None:
    if not _java():
        if os.environ.get("CI") == "true":
            pytest.fail("Java is missing: CI must run the Spark test (install a Java 17+ JRE)")
        pytest.skip("Java is missing: Spark cannot start (install a Java 17+ JRE to run this)")
    pytest.importorskip("pyspark")
    generate(reports=1500, seed=5, out=tmp_path)  # type: ignore[arg-type]
    persons = pl.read_csv(tmp_path / "ground_truth" / "persons.csv", infer_schema=False)  # type: ignore[operator]
    records = pl.concat([persons.select(COLUMNS), _families()])
    on_duckdb = resolve_persons(records)
    # The model trained on DuckDB scores and clusters on Spark: blocking, comparison functions
    # (Jaro-Winkler, Damerau-Levenshtein, arrays) and term frequencies all run in Spark SQL.
    on_spark = resolve_persons(records, backend="spark", model=on_duckdb.model)
    assert on_spark.person_of == on_duckdb.person_of
    assert on_spark.persons < records.height  # something did merge
