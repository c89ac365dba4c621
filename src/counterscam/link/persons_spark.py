"""Run the person model on Spark: a local session, and the feature table as a Spark frame."""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from typing import Any

import pyarrow as pa


def java_available() -> bool:
    """Return whether a Java runtime (needed by Spark) is on the PATH."""
    return shutil.which("java") is not None


def spark_problem() -> str | None:
    """Return why a local Spark session cannot start here, or None when it can."""
    # PySpark is a development extra (pyproject.toml), not installed with counterscam itself.
    if importlib.util.find_spec("pyspark") is None:
        return (
            "the spark backend needs PySpark, which is not installed: pip install pyspark "
            "(and a Java 17+ runtime), or use --backend duckdb"
        )
    if not java_available():
        return "Spark needs Java: install a Java 17+ runtime or use --backend duckdb"
    return None


def local_session(*, cores: int = 2) -> Any:
    """Return a local Spark session with Splink's string-similarity functions on its classpath."""
    from pyspark.sql import SparkSession
    from splink.backends.spark import similarity_jar_location

    problem = spark_problem()
    if problem is not None:
        raise RuntimeError(problem)
    session = (
        SparkSession.builder.master(f"local[{cores}]")
        .appName("counterscam-persons")
        .config("spark.jars", similarity_jar_location())
        .config("spark.sql.shuffle.partitions", str(cores * 2))
        .config("spark.ui.enabled", "false")
        .config("spark.driver.memory", "2g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    # Splink breaks long query lineages by checkpointing, which needs a folder.
    session.sparkContext.setCheckpointDir(tempfile.mkdtemp(prefix="counterscam-spark-"))
    return session


def register_spark(table: pa.Table, spark: Any) -> Any:
    """Register the feature table with a Splink Spark API (a local session if none)."""
    from pyspark.sql import types as T
    from splink import SparkAPI

    session = spark or local_session()
    fields = []
    for f in table.schema:
        kind: Any = (
            T.ArrayType(T.StringType())
            if pa.types.is_list(f.type) or pa.types.is_large_list(f.type)
            else T.LongType()
            if pa.types.is_integer(f.type)
            else T.StringType()
        )
        fields.append(T.StructField(f.name, kind, True))
    frame = session.createDataFrame(table.to_pylist(), schema=T.StructType(fields))
    api = SparkAPI(spark_session=session, num_partitions_on_repartition=4)  # type: ignore[no-untyped-call]
    return api.register(frame, dataset_display_name="persons")
