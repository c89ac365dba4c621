"""`counterscam serve` behind a reverse proxy: its prefix and the proxies it trusts."""

from __future__ import annotations

from typing import Any

import pytest
import uvicorn
from typer.testing import CliRunner

from counterscam.cli.main import app
from counterscam.config import get_settings

SECRET = "s" * 40


@pytest.fixture
def served(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """Capture what ``serve`` hands uvicorn instead of serving."""
    monkeypatch.setenv("COUNTERSCAM_SECRET_KEY", SECRET)
    get_settings.cache_clear()
    runner.invoke(app, ["init"])
    given: dict[str, Any] = {}
    monkeypatch.setattr(uvicorn, "run", lambda target, **options: given.update(options))
    return given


def test_serve_passes_the_proxy_prefix_and_trusted_proxies(
    runner: CliRunner, served: dict[str, Any]
) -> None:
    result = runner.invoke(
        app,
        ["serve", "--root-path", "/counterscam/", "--forwarded-allow-ips", "10.0.0.5,10.0.0.6"],
    )
    assert result.exit_code == 0, result.output
    # The trailing slash of nginx's location is dropped: "/counterscam/" + "/reports" was "//".
    assert served["root_path"] == "/counterscam"
    assert served["forwarded_allow_ips"] == "10.0.0.5,10.0.0.6"
    assert served["proxy_headers"] is True


def test_serve_at_the_root_trusts_the_local_proxy_as_uvicorn_does(
    runner: CliRunner, served: dict[str, Any]
) -> None:
    assert runner.invoke(app, ["serve"]).exit_code == 0
    assert served["root_path"] == ""
    assert served["forwarded_allow_ips"] is None  # uvicorn: $FORWARDED_ALLOW_IPS or 127.0.0.1


@pytest.mark.parametrize("prefix", ["counterscam", "//counterscam", "/counterscam?x=1"])
def test_serve_refuses_a_prefix_that_is_no_path(
    runner: CliRunner, served: dict[str, Any], prefix: str
) -> None:
    result = runner.invoke(app, ["serve", "--root-path", prefix])
    assert result.exit_code == 2
    assert "is not a path prefix" in result.output and "/counterscam" in result.output
    assert not served


def test_serve_logs_each_request_unless_told_not_to(
    runner: CliRunner, served: dict[str, Any]
) -> None:
    # --no-access-log is one flag now (the --access-log/--no-access-log pair cut `serve --help`
    # short at 80 columns); the log is still on by default and off with it.
    assert runner.invoke(app, ["serve"]).exit_code == 0
    assert served["access_log"] is True
    assert runner.invoke(app, ["serve", "--no-access-log"]).exit_code == 0
    assert served["access_log"] is False
