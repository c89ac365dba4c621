"""Agencies, users, passwords and tokens."""

from __future__ import annotations

import pytest
from sqlalchemy.orm import Session

from counterscam.access.accounts import (
    AccountError,
    authenticate,
    caller_for_token,
    create_agency,
    create_user,
    issue_token,
    revoke_token,
)
from counterscam.db.models import ApiToken, User


def _agency(session: Session) -> None:
    create_agency(session, code="my-nsrc", name="NSRC", country="my", kind="member")


def test_password_is_hashed_with_argon2_and_verified(session: Session) -> None:
    _agency(session)
    user = create_user(
        session, username="Aisyah", password="a-long-password", agency_code="MY-NSRC"
    )
    assert user.username == "aisyah"
    assert user.password_hash.startswith("$argon2id$")
    assert "a-long-password" not in user.password_hash
    assert authenticate(session, username="AISYAH", password="a-long-password") is not None
    assert authenticate(session, username="aisyah", password="wrong-password") is None
    assert authenticate(session, username="nobody", password="a-long-password") is None


def test_inactive_user_cannot_sign_in(session: Session) -> None:
    _agency(session)
    create_user(session, username="x", password="a-long-password", agency_code="MY-NSRC")
    session.query(User).update({"active": False})
    assert authenticate(session, username="x", password="a-long-password") is None


def test_token_resolves_to_caller_until_revoked(session: Session) -> None:
    _agency(session)
    create_user(session, username="x", password="a-long-password", agency_code="MY-NSRC")
    issued = issue_token(session, username="x", name="scripts")
    stored = session.get_one(ApiToken, issued.id)
    assert issued.secret not in stored.token_hash
    caller = caller_for_token(session, issued.secret)
    assert caller is not None and caller.agency_code == "MY-NSRC" and caller.country == "MY"
    assert caller.agency_kind == "member"
    revoke_token(session, token_id=issued.id)
    assert caller_for_token(session, issued.secret) is None
    assert caller_for_token(session, "cs_not-a-token") is None
    assert caller_for_token(session, "") is None


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"kind": "spy"}, "agency kind must be one of"),
        ({"code": ""}, "1 to 32 characters"),
    ],
)
def test_bad_agency_is_refused_with_reason(
    session: Session, kwargs: dict[str, str], message: str
) -> None:
    args = {"code": "X", "name": "X", "country": "MY", "kind": "member"} | kwargs
    with pytest.raises(AccountError, match=message):
        create_agency(session, **args)


def test_names_longer_than_kept_are_refused_saying_so(session: Session) -> None:
    # Each failed the write on PostgreSQL with a traceback.
    with pytest.raises(AccountError, match="the agency's name is 201 characters; at most 200"):
        create_agency(session, code="X", name="n" * 201, country="MY", kind="member")
    with pytest.raises(AccountError, match="the contact is 301 characters; at most 300"):
        create_agency(session, code="X", name="X", country="MY", kind="member", contact="c" * 301)
    _agency(session)
    create_user(session, username="y", password="a-long-password", agency_code="MY-NSRC")
    with pytest.raises(AccountError, match="the token's name is 101 characters; at most 100"):
        issue_token(session, username="y", name="t" * 101)
    assert issue_token(session, username="y", name="t" * 100).id


def test_duplicate_and_weak_accounts_are_refused(session: Session) -> None:
    _agency(session)
    with pytest.raises(AccountError, match="already exists"):
        create_agency(session, code="MY-NSRC", name="again", country="MY", kind="member")
    with pytest.raises(AccountError, match="at least 10"):
        create_user(session, username="y", password="short", agency_code="MY-NSRC")
    with pytest.raises(AccountError, match="no agency"):
        create_user(session, username="y", password="a-long-password", agency_code="NOPE")
    with pytest.raises(AccountError, match="role must be"):
        create_user(
            session, username="y", password="a-long-password", agency_code="MY-NSRC", role="god"
        )


def test_contact_pasted_from_a_crlf_file_is_stored_without_its_line_end(session: Session) -> None:
    agency = create_agency(
        session, code="SG-ASCOM", name="ASCom", country="SG", kind="member", contact=" a@b.sg\r\n"
    )
    assert agency.contact == "a@b.sg"
