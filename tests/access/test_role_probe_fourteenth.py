"""The fourteenth outside probe: credentials in the address, look-alike usernames, refusals in the
audit log, on SQLite and PostgreSQL.

What it found and holds:
- a token %-escaped in the query (``cs%5F...``, escaped twice, or written as a parameter's
  name) passed the "token in the address" refusal: the check ran, and its audit row kept the
  token as the value checked;
- a username of Cyrillic (or Greek) letters alone that each look like a Latin one read as a
  Latin account's name in every list and audit line;
- a request refused with 401 writes no audit row (it searched and read nothing, and has no
  caller to name): judged right by DESIGN.md, held here, and the server's log names the
  refused token's id, so a revoked token still in use is seen.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counterscam.access.accounts import AccountError, create_user, issue_token, revoke_token
from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.db.engine import session_factory
from counterscam.db.models import AuditEvent
from tests.factories import PASSWORD, PolicyRegion, build_policy_region
from tests.web.conftest import sign_in

PHONE = "+60123456789"  # named by every report of the policy region


@dataclass
class Probe:
    """The region, a live and a revoked token of a partner's user, and the app's client."""

    policy: PolicyRegion
    session: Session
    client: TestClient
    secret: str
    revoked: str
    revoked_id: int

    def audit(self) -> list[tuple[str, str, str]]:
        """Return every audit row as (action, channel, query)."""
        self.session.expire_all()
        rows = self.session.scalars(select(AuditEvent).order_by(AuditEvent.id))
        return [(e.action, e.channel, e.query) for e in rows]


@pytest.fixture
def probe(engine: Engine) -> Iterator[Probe]:
    """One region per test; every test here walks all its cases through it."""
    session = session_factory(engine)()
    policy = build_policy_region(session)
    secret = issue_token(session, username="user-au-afp").secret
    old = issue_token(session, username="user-au-afp")
    revoke_token(session, token_id=old.id)
    session.commit()
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        yield Probe(policy, session, client, secret, old.secret, old.id)
    session.close()


def _escaped(secret: str) -> dict[str, str]:
    """Return the query strings a script might send a token in, by how it was escaped."""
    every = "".join(f"%{ord(c):02X}" for c in secret)
    return {
        "underscore escaped": f"value={secret.replace('_', '%5F')}",
        "escape in lower case": f"value={secret.replace('_', '%5f')}",
        "escaped twice": f"value={quote(secret.replace('_', '%5F'))}",
        "escaped three times": f"value={quote(quote(secret.replace('_', '%5F')))}",
        "every character escaped": f"value=%2B60123456789&key={every}",
        "beside another value": f"value=%2B60123456789&token={secret.replace('_', '%5F')}",
        "as a parameter's name": f"{secret}&value=%2B60123456789",
        "escaped as a name": f"{secret.replace('_', '%5F')}=1&value=%2B60123456789",
    }


def test_a_token_escaped_in_the_address_is_refused_and_kept_out_of_the_audit_log(
    probe: Probe,
) -> None:
    for how, query in _escaped(probe.secret).items():
        answer = probe.client.get(f"/api/v1/check?{query}")
        assert answer.status_code == 401, how
        assert "holds an API token" in answer.json()["detail"], how
        assert "counterscam token revoke" in answer.json()["detail"], how
        assert probe.secret not in answer.text, how
    # Nothing was checked, so the token is in no audit row, as the value checked or otherwise.
    assert probe.audit() == []


def test_a_page_with_an_escaped_token_in_its_address_is_refused(probe: Probe) -> None:
    sign_in(probe.client, "user-my-nsrc")
    escaped = probe.secret.replace("_", "%5F")
    answer = probe.client.get(f"/reports?token={escaped}", follow_redirects=False)
    assert answer.status_code == 401
    assert "holds an API token" in answer.text and probe.secret not in answer.text


def test_escaped_values_that_are_no_token_are_still_checked(probe: Probe) -> None:
    bearer = {"Authorization": f"Bearer {probe.secret}"}
    answer = probe.client.get("/api/v1/check?value=%2B60123456789", headers=bearer)
    assert answer.status_code == 200 and answer.json()["hit"] is True
    # A handle that merely starts as a token does, escaped, is a value to check.
    for value in ("cs%5Fadmin", "tg%3Acs%5F" + "a" * 50, "cs%255F" + "a" * 42):
        answer = probe.client.get(f"/api/v1/check?value={value}", headers=bearer)
        assert answer.status_code != 401 and "holds an API token" not in answer.text, value
    assert [row[0] for row in probe.audit()] == ["check"] * 4


# Escapes, never the characters: the test must show what it types.
READS_LATIN = {
    "\u0430\u0441\u0435": "ace",  # Cyrillic a, es, ie
    "\u0440\u043e\u0440.123": "pop.123",  # Cyrillic er, o, er
    "\u0455\u0443\u0455\u0430\u0501\u0442\u0456\u043f": None,  # has te and pe: kept below
    "\u03b1\u03bd\u03bf": "avo",  # Greek alpha, nu, omicron
    "\u0410\u0421\u0415": "ace",  # capitals, stored in small letters
}
KEPT = (
    "\u0441\u0435\u0440\u0433\u0435\u0439",  # sergei: ge and short i look like no Latin letter
    "\u0455\u0443\u0455\u0430\u0501\u0442\u0456\u043f",  # sysadmin with te and pe in it
    "\u03bd\u03af\u03ba\u03bf\u03c2",  # nikos: iota with tonos and final sigma
    "\u0e2a\u0e21\u0e0a\u0e32\u0e22",  # Thai: no look-alike script
)


def test_a_name_of_cyrillic_or_greek_letters_that_all_read_as_latin_is_refused(
    session: Session,
) -> None:
    build_policy_region(session)
    for name, reads in READS_LATIN.items():
        if reads is None:
            continue
        with pytest.raises(AccountError, match="look like a Latin one") as refused:
            create_user(session, username=name, password=PASSWORD, agency_code="MY-NSRC")
        assert f"reads as the Latin name '{reads}'" in str(refused.value)
    for name in KEPT:
        user = create_user(session, username=name, password=PASSWORD, agency_code="MY-NSRC")
        assert user.username == name


def test_a_refused_token_writes_no_audit_row_and_the_server_log_names_it(
    probe: Probe, caplog: pytest.LogCaptureFixture
) -> None:
    revoked = {"Authorization": f"Bearer {probe.revoked}"}
    with caplog.at_level(logging.WARNING, logger="counterscam.api.deps"):
        check = probe.client.get("/api/v1/check", params={"value": PHONE}, headers=revoked)
        bulk = probe.client.post(
            "/api/v1/check/bulk", json={"items": [{"value": PHONE}]}, headers=revoked
        )
        report = probe.client.get(
            f"/api/v1/reports/{probe.policy.reports['red'].id}", headers=revoked
        )
    assert [check.status_code, bulk.status_code, report.status_code] == [401, 401, 401]
    assert "was revoked" in check.json()["detail"]
    # Nothing was searched or read, and no caller to name: the log of searches stays empty.
    assert probe.audit() == []
    said = [r.getMessage() for r in caplog.records if r.name == "counterscam.api.deps"]
    assert len(said) == 3
    assert all(f"the API token (token id {probe.revoked_id}) was" in line for line in said)
    assert all("revoked" in line and probe.revoked not in line for line in said)
    # A search the live token makes is audited even when its value is refused.
    bearer = {"Authorization": f"Bearer {probe.secret}"}
    invalid = probe.client.get("/api/v1/check", params={"value": "+6012"}, headers=bearer)
    assert invalid.status_code == 422
    assert probe.audit() == [("check", "api", "auto:+6012 country=")]
