"""The admin commands probed as a careless or hostile operator: clear refusals, no tracebacks."""

from __future__ import annotations

import io
import json
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import caller_for_token, issue_token
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
    assert "counterscam token list" in result.output  # where to find the right id


def _issue(runner: CliRunner, username: str, name: str) -> tuple[int, str]:
    """Issue a token through the CLI; return its id and the secret it printed once."""
    result = runner.invoke(app, ["token", "issue", username, "--name", name])
    assert result.exit_code == 0, result.output
    heading, secret = result.output.strip().splitlines()
    return int(heading.split()[1]), secret


def _listed(runner: CliRunner, *args: str) -> list[dict[str, Any]]:
    result = runner.invoke(app, ["token", "list", "--json", *args])
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.output)
    return rows


def test_the_token_list_shows_issued_tokens_and_never_their_secrets(
    runner: CliRunner, session: Session
) -> None:
    region = build_policy_region(session)
    my, sg = region.users["MY-NSRC"].username, region.users["SG-ASCOM"].username
    first_id, first = _issue(runner, my, "nightly bulk check from the case system")
    second_id, second = _issue(runner, sg, "[bold]ci[/bold]")  # text, not Rich markup

    table = runner.invoke(app, ["token", "list"])
    assert table.exit_code == 0, table.output
    # Piped, one line per token: not wrapped at 80 columns, so a grep finds the whole row.
    line = next(ln for ln in table.output.splitlines() if "nightly" in ln)
    assert all(v in line for v in (str(first_id), my, "MY-NSRC", "from the case system"))
    assert "never" in line
    assert table.output.index(sg) < table.output.index(my)  # newest first
    assert "[bold]ci[/bold]" in table.output

    rows = _listed(runner)
    assert [r["id"] for r in rows] == [second_id, first_id]
    assert rows[1] == {
        "id": first_id,
        "created": rows[1]["created"],
        "user": my,
        "agency": "MY-NSRC",
        "name": "nightly bulk check from the case system",
        "last_used": None,
        "revoked": None,
        "expires": rows[1]["expires"],
    }
    keys = {"id", "user", "agency", "name", "created", "last_used", "revoked", "expires"}
    assert set(rows[0]) == keys
    expires = datetime.fromisoformat(rows[1]["expires"])
    assert abs(datetime.now(UTC) + timedelta(days=90) - expires) < timedelta(minutes=5)
    created = datetime.fromisoformat(rows[0]["created"])
    assert created.utcoffset() == timedelta(0)
    assert abs(datetime.now(UTC) - created) < timedelta(minutes=5)

    digests = session.scalars(select(ApiToken.token_hash)).all()
    for secret in (first, second):
        for output in (table.output, json.dumps(rows)):
            assert secret not in output and secret[3:13] not in output
    for digest in digests:
        assert digest not in table.output and digest not in json.dumps(rows)


def test_the_token_list_filters_by_user_agency_and_not_revoked(
    runner: CliRunner, session: Session
) -> None:
    region = build_policy_region(session)
    my, sg = region.users["MY-NSRC"].username, region.users["SG-ASCOM"].username
    kept, _ = _issue(runner, my, "case system")
    left, _ = _issue(runner, my, "old laptop")
    other, _ = _issue(runner, sg, "ci")
    assert runner.invoke(app, ["token", "revoke", str(left)]).exit_code == 0

    assert [r["id"] for r in _listed(runner)] == [other, left, kept]
    assert [r["id"] for r in _listed(runner, "--user", my.upper())] == [left, kept]
    assert [r["id"] for r in _listed(runner, "--agency", "sg-ascom")] == [other]
    assert [r["id"] for r in _listed(runner, "--active")] == [other, kept]
    assert [r["id"] for r in _listed(runner, "--active", "--agency", "MY-NSRC")] == [kept]
    assert _listed(runner, "--user", my, "--agency", "SG-ASCOM") == []

    table = runner.invoke(app, ["token", "list", "--active", "--user", my])
    assert "case system" in table.output and "old laptop" not in table.output


def test_active_tokens_leave_out_those_of_a_disabled_user(
    runner: CliRunner, session: Session
) -> None:
    # A disabled user's tokens are refused though not revoked: "active" listed them as working.
    region = build_policy_region(session)
    my, sg = region.users["MY-NSRC"].username, region.users["SG-ASCOM"].username
    mine, _ = _issue(runner, my, "case system")
    other, _ = _issue(runner, sg, "ci")
    assert runner.invoke(app, ["user", "disable", sg]).exit_code == 0
    assert [r["id"] for r in _listed(runner, "--active")] == [mine]
    assert [r["id"] for r in _listed(runner)] == [other, mine]
    assert runner.invoke(app, ["user", "enable", sg]).exit_code == 0
    assert [r["id"] for r in _listed(runner, "--active")] == [other, mine]


def test_revoked_and_used_tokens_show_when(runner: CliRunner, session: Session) -> None:
    region = build_policy_region(session)
    user = region.users["MY-NSRC"].username
    used, secret = _issue(runner, user, "script")
    revoked, _ = _issue(runner, user, "leaked")
    assert caller_for_token(session, secret) is not None  # a request with it
    session.commit()
    assert runner.invoke(app, ["token", "revoke", str(revoked)]).exit_code == 0
    session.expire_all()
    revoked_at = session.get_one(ApiToken, revoked).revoked_at
    used_at = session.get_one(ApiToken, used).last_used_at
    assert revoked_at is not None and used_at is not None

    rows = {r["id"]: r for r in _listed(runner)}
    assert datetime.fromisoformat(rows[revoked]["revoked"]) == revoked_at
    assert rows[revoked]["last_used"] is None
    assert datetime.fromisoformat(rows[used]["last_used"]) == used_at
    assert rows[used]["revoked"] is None

    output = runner.invoke(app, ["token", "list"]).output
    leaked = next(ln for ln in output.splitlines() if "leaked" in ln)
    assert f"{revoked_at:%Y-%m-%d %H:%M}" in leaked and "never" in leaked
    script = next(ln for ln in output.splitlines() if "script" in ln)
    assert f"{used_at:%Y-%m-%d %H:%M}" in script and "never" not in script


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--user", "nobody.here"], "no user 'nobody.here'"),
        (["--agency", "XX-POL"], "no agency with code 'XX-POL'"),
        (["--agency", "XX-POL", "--json"], "no agency with code 'XX-POL'"),
    ],
)
def test_listing_the_tokens_of_an_unknown_user_or_agency_is_an_error(
    runner: CliRunner, session: Session, args: list[str], message: str
) -> None:
    build_policy_region(session)
    result = runner.invoke(app, ["token", "list", *args])
    assert result.exit_code == 1 and message in result.output


def test_an_empty_token_list_says_so(runner: CliRunner, session: Session) -> None:
    region = build_policy_region(session)
    user = region.users["TH-CCIB"].username
    assert runner.invoke(app, ["token", "list"]).output.strip() == "No API tokens."
    result = runner.invoke(app, ["token", "list", "--active", "--user", user])
    assert result.exit_code == 0
    assert result.output.strip() == f"No active API tokens of user {user}."
    assert _listed(runner, "--user", user) == []  # JSON stays an array


def test_the_agency_list_piped_keeps_a_long_name_whole_on_its_row(
    runner: CliRunner, session: Session
) -> None:
    # Over 80 columns on its own: Rich's default piped width wrapped it and cut the row apart.
    name = "Commercial Crime Investigation Department, Royal Malaysia Police [cyber fraud desk]"
    assert len(name) > 80
    added = runner.invoke(
        app, ["agency", "add", "MY-CCID", "--name", name, "--country", "MY", "--kind", "member"]
    )
    assert added.exit_code == 0, added.output

    listed = runner.invoke(app, ["agency", "list"])
    assert listed.exit_code == 0, listed.output
    assert "…" not in listed.output
    line = next(ln for ln in listed.output.splitlines() if "MY-CCID" in ln)
    assert all(v in line for v in (name, "MY", "member"))  # "[cyber fraud desk]" is text


def test_on_a_narrow_terminal_a_table_folds_a_long_value_rather_than_cutting_it(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from rich.console import Console
    from rich.table import Table

    from counterscam.cli import context

    screen = io.StringIO()
    terminal = Console(file=screen, force_terminal=True, width=50, color_system=None)
    monkeypatch.setattr(context, "console", terminal)
    url = "https://maybank2u-secure-login.example/verify/account/update"
    table = Table("kind", "value", "reason")
    table.add_row("url", url, "phishing kit")
    context.print_table(table)

    lines = screen.getvalue().splitlines()
    assert max(map(len, lines)) <= 50 and "…" not in screen.getvalue()
    value_cells = [ln.split("│")[2].strip() for ln in lines if ln.startswith("│")]
    assert "".join(value_cells) == url


def test_a_user_added_in_full_width_letters_is_named_as_stored(
    runner: CliRunner, session: Session
) -> None:
    build_policy_region(session)
    session.commit()
    # "ｊｏｓｅ" in full-width letters is stored and signs in as "jose": the line must say so.
    typed = "\uff2a\uff4f\uff53\uff45"
    result = runner.invoke(
        app, ["user", "add", typed, "--agency", "MY-NSRC", "--password", PASSWORD]
    )
    assert result.exit_code == 0, result.output
    assert "User jose added to MY-NSRC." in result.output
    assert session.scalar(select(User.username).where(User.username == "jose")) == "jose"
