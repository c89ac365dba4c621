"""The demo command refuses a report count it cannot build, before touching the database."""

from pathlib import Path

from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from typer.testing import CliRunner

from counterscam.cli.main import app


def test_demo_with_no_reports_is_refused_without_a_traceback(
    runner: CliRunner, engine: Engine, tmp_path: Path
) -> None:
    tables = set(inspect(engine).get_table_names())
    result = runner.invoke(app, ["demo", "--reports", "0", "--dir", str(tmp_path / "demo")])
    assert result.exit_code == 2
    assert "--reports" in result.output and "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert not (tmp_path / "demo").exists()
    assert set(inspect(engine).get_table_names()) == tables
