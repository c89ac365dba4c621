"""`counterscam resolve-persons`: CSV in, record id and person id out, clear errors."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterscam.cli.main import app
from counterscam.link import persons_spark
from counterscam.synth import generate
from tests.link.test_persons_resolve import COLUMNS, FAMILIES

runner = CliRunner()


def _said(output: str) -> str:
    return " ".join(output.split())  # Rich wraps long lines


def _write(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh)
        writer.writerow(header)
        writer.writerows(rows)
    return path


def test_round_trip_on_a_labelled_persons_file(tmp_path: Path) -> None:
    generate(reports=3000, seed=2, out=tmp_path / "region")
    persons = tmp_path / "region" / "ground_truth" / "persons.csv"
    with persons.open(encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    header = rows[0]  # includes person_id, the truth, which the command ignores
    body = rows[1:] + [
        [dict(zip(COLUMNS, fam, strict=True)).get(col, "") for col in header] for fam in FAMILIES
    ]
    src = _write(tmp_path / "in.csv", header, body)
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["resolve-persons", "--in", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "persons" in _said(result.output)
    with out.open(encoding="utf-8") as fh:
        written = list(csv.DictReader(fh))
    assert list(written[0]) == ["record_id", "person_id"]
    assert len(written) == len(body)
    person = {row["record_id"]: row["person_id"] for row in written}
    assert person["th1"] == person["th2"] == person["th3"]
    assert person["vn1"] != person["vn4"]


def test_missing_columns_are_named(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.csv", ["ref", "birth_date"], [["1", "1990-01-01"]])
    result = runner.invoke(app, ["resolve-persons", "--in", str(src), "--out", "x.csv"])
    assert result.exit_code == 1
    assert "record_id, full_name" in _said(result.output)


def test_bad_dates_name_row_column_and_reason(tmp_path: Path) -> None:
    src = _write(
        tmp_path / "in.csv",
        ["record_id", "full_name", "birth_date"],
        [["a", "Somchai Jaidee", "1979-11-23"], ["b", "Somchay Chaidee", "23/11/1979"]],
    )
    result = runner.invoke(app, ["resolve-persons", "--in", str(src), "--out", "x.csv"])
    assert result.exit_code == 1
    assert "row 2, column birth_date" in _said(result.output)
    assert "YYYY-MM-DD" in _said(result.output)


def test_unknown_backend_is_refused(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.csv", ["record_id", "full_name"], [["a", "Ali"]])
    result = runner.invoke(
        app, ["resolve-persons", "--in", str(src), "--out", "x.csv", "--backend", "oracle"]
    )
    assert result.exit_code == 2  # a usage error, as docs/cli.md says
    assert "duckdb or spark" in _said(result.output)


def test_a_threshold_out_of_range_is_a_usage_error(tmp_path: Path) -> None:
    src = _write(tmp_path / "in.csv", ["record_id", "full_name"], [["a", "Ali"]])
    result = runner.invoke(
        app, ["resolve-persons", "--in", str(src), "--out", "x.csv", "--threshold", "1.5"]
    )
    assert result.exit_code == 2
    assert "--threshold 1.5 is out of range" in _said(result.output)


def test_spark_without_pyspark_or_java_is_said_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PySpark is a development extra; a plain install answered --backend spark with a traceback.
    src = _write(tmp_path / "in.csv", ["record_id", "full_name"], [["a", "Ali"], ["b", "Ali"]])
    out = tmp_path / "out.csv"
    args = ["resolve-persons", "--in", str(src), "--out", str(out), "--backend", "spark"]
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "pyspark" else real_find_spec(name, *a),
    )
    result = runner.invoke(app, args)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert "needs PySpark" in _said(result.output) and "--backend duckdb" in _said(result.output)
    monkeypatch.setattr(importlib.util, "find_spec", real_find_spec)
    monkeypatch.setattr(persons_spark.shutil, "which", lambda name: None)
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "Spark needs Java" in _said(result.output)
    assert not out.exists()


def test_a_short_partner_list_is_scored_with_the_shipped_model(tmp_path: Path) -> None:
    """Twenty names are too few to train on; the command still answers, and carefully."""
    header = ["record_id", "full_name", "birth_date", "nationality", "id_number", "country"]
    rows = [
        ["p1", "Tan Wei Ming", "1980-01-02", "MY", "A1234567", "MY"],
        ["p2", "TAN Wei-Ming", "1980-01-02", "MY", "", "SG"],
        ["p3", "Tan Wei Ming", "1983-06-30", "MY", "", "MY"],  # a namesake, born elsewhen
        ["p4", "Somchai Jaidee", "1979-03-04", "TH", "", "TH"],
    ]
    src = _write(tmp_path / "in.csv", header, rows)
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["resolve-persons", "--in", str(src), "--out", str(out)])
    assert result.exit_code == 0, result.output
    with out.open(encoding="utf-8") as fh:
        person = {row["record_id"]: row["person_id"] for row in csv.DictReader(fh)}
    assert person["p1"] == person["p2"]
    assert len({person["p1"], person["p3"], person["p4"]}) == 3


def test_an_empty_file_is_named_not_a_traceback(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text("")
    result = runner.invoke(app, ["resolve-persons", "--in", str(src), "--out", "x.csv"])
    assert result.exit_code == 1
    assert "is empty; it needs a header row" in _said(result.output)


def test_an_answer_file_in_a_missing_folder_is_refused_before_resolving(tmp_path: Path) -> None:
    # Polars failed on writing, after Splink had run: a traceback and the work lost.
    src = _write(tmp_path / "in.csv", ["record_id", "full_name"], [["a", "Ali"]])
    out = tmp_path / "missing" / "x.csv"
    result = runner.invoke(app, ["resolve-persons", "--in", str(src), "--out", str(out)])
    assert result.exit_code == 2
    assert "does not exist; create it first" in _said(result.output)


def test_an_empty_name_is_refused_naming_its_row(tmp_path: Path) -> None:
    # It became a person of its own, matched on nothing, without a word.
    src = _write(
        tmp_path / "in.csv",
        ["record_id", "full_name", "birth_date"],
        [["a", "Somchai Jaidee", "1979-11-23"], ["b", "  ", "1979-11-23"]],
    )
    out = tmp_path / "out.csv"
    result = runner.invoke(app, ["resolve-persons", "--in", str(src), "--out", str(out)])
    assert result.exit_code == 1
    assert "row 2, column full_name: empty" in _said(result.output)
    assert not out.exists()
