"""The admin commands probed as a careless or hostile operator: clear refusals, no tracebacks."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import issue_token
from counterscam.cli.main import app
from counterscam.db.models import Agency, ApiToken, User
from tests.factories import PASSWORD, build_policy_region


def _agency(*args: str) -> list[str]:
    return ["agency", "add", "XX-POL", "--name", "X Police", *args]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        # Stored as "MALAYSIA", it made every local phone number the agency sent invalid.
        (["--country", "Malaysia", "--kind", "member"], "not an ISO 3166 alpha-2 code"),
        (["--country", "ZZ", "--kind", "member"], "not an ISO 3166 alpha-2 code"),
        (["--country", "MY", "--kind", "spy"], "agency kind must be one of"),
    ],
)
def test_an_agency_with_an_unknown_country_or_kind_is_refused(
    runner: CliRunner, session: Session, args: list[str], message: str
) -> None:
    result = runner.invoke(app, _agency(*args))
    assert result.exit_code == 1 and message in result.output
    assert session.scalar(select(Agency).where(Agency.code == "XX-POL")) is None


def test_an_agency_without_a_name_is_refused(runner: CliRunner) -> None:
    result = runner.invoke(app, ["agency", "add", "XX-POL", "--name", " ", "--country", "MY"])
    assert result.exit_code == 2  # --kind is missing: a usage error
    result = runner.invoke(
        app, ["agency", "add", "XX-POL", "--name", " ", "--country", "MY", "--kind", "member"]
    )
    assert result.exit_code == 1 and "full name" in result.output


def test_country_and_kind_are_read_in_any_case(runner: CliRunner, session: Session) -> None:
    result = runner.invoke(app, _agency("--country", "my", "--kind", "Member"))
    assert result.exit_code == 0, result.output
    agency = session.scalars(select(Agency).where(Agency.code == "XX-POL")).one()
    assert (agency.country, agency.kind) == ("MY", "member")
    again = runner.invoke(app, _agency("--country", "MY", "--kind", "member"))
    assert again.exit_code == 1 and "already exists" in again.output


@pytest.mark.parametrize(
    ("username", "password", "message"),
    [
        ("", PASSWORD, "username must be"),
        ("aisyah rahman", PASSWORD, "without spaces"),
        ("aisyah", "short", "at least 10 characters"),
        ("aisyah", " " * 12, "too plain"),
        ("aisyah", "a" * 12, "too plain"),
    ],
)
def test_empty_names_and_weak_passwords_are_refused(
    runner: CliRunner, session: Session, username: str, password: str, message: str
) -> None:
    build_policy_region(session)
    session.commit()
    result = runner.invoke(
        app, ["user", "add", username, "--agency", "MY-NSRC", "--password", password]
    )
    assert result.exit_code == 1 and message in result.output
    assert session.scalar(select(User).where(User.username == username.lower())) is None


def test_the_password_prompt_shows_no_empty_default(runner: CliRunner, session: Session) -> None:
    build_policy_region(session)
    session.commit()
    result = runner.invoke(
        app, ["user", "add", "aisyah", "--agency", "my-nsrc"], input=f"{PASSWORD}\n{PASSWORD}\n"
    )
    assert result.exit_code == 0, result.output
    assert "Password:" in result.output and "[]" not in result.output


def test_revoking_a_token_twice_keeps_the_first_time(runner: CliRunner, session: Session) -> None:
    region = build_policy_region(session)
    issued = issue_token(session, username=region.users["MY-NSRC"].username)
    session.commit()
    first = runner.invoke(app, ["token", "revoke", str(issued.id)])
    assert first.exit_code == 0 and "revoked" in first.output
    session.expire_all()
    revoked_at = session.get_one(ApiToken, issued.id).revoked_at
    second = runner.invoke(app, ["token", "revoke", str(issued.id)])
    assert second.exit_code == 0 and "already revoked" in second.output
    session.expire_all()
    assert session.get_one(ApiToken, issued.id).revoked_at == revoked_at


@pytest.mark.parametrize("token_id", ["999", "99999999999999999999999", "-5"])
def test_revoking_a_token_that_does_not_exist_says_so(
    runner: CliRunner, session: Session, token_id: str
) -> None:
    # A 23-digit id overflowed the database driver: a traceback instead of "no token".
    result = runner.invoke(app, ["token", "revoke", "--", token_id])
    assert result.exit_code == 1 and f"no token with id {token_id}" in result.output
