"""Every --json listing of the CLI writes times as the API writes them: UTC as ``Z``."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from pydantic import TypeAdapter
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import caller_for_token, issue_token
from counterscam.cli.main import app
from tests.factories import build_policy_region

_API_TIME = TypeAdapter(datetime)  # what the API's answers (pydantic) write for a time


def _listed(runner: CliRunner, *args: str) -> list[dict[str, Any]]:
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.output)
    return rows


def _as_api_writes(text: str) -> str:
    written: str = json.loads(_API_TIME.dump_json(datetime.fromisoformat(text)))
    return written


def test_user_and_token_lists_write_utc_times_with_z(runner: CliRunner, session: Session) -> None:
    region = build_policy_region(session)
    used = issue_token(session, username=region.users["MY-NSRC"].username, name="used")
    session.commit()
    assert caller_for_token(session, used.secret) is not None  # sets its last use
    session.commit()
    assert runner.invoke(app, ["token", "revoke", str(used.id)]).exit_code == 0

    users = _listed(runner, "user", "list")
    (token,) = _listed(runner, "token", "list")
    times = [u["created"] for u in users] + [token[k] for k in ("created", "last_used", "revoked")]
    assert all(isinstance(t, str) for t in times), times
    # They were "2026-...T...+00:00" while `check --json` and the API wrote "...Z": a script
    # reading both needed two parsers.
    assert all(t.endswith("Z") and "+00:00" not in t for t in times), times
    assert times == [_as_api_writes(t) for t in times]
