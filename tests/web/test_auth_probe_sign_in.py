"""Password guessing under other spellings of a username, and names no account can have."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.access.accounts import create_user
from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.db.engine import session_factory
from tests.factories import PASSWORD, PolicyRegion
from tests.web.conftest import csrf_of

FULL_WIDTH = "\uff55\uff53\uff45\uff52-\uff4d\uff59-\uff4e\uff53\uff52\uff43"  # user-my-nsrc


@pytest.fixture
def client(engine: Engine, region: PolicyRegion) -> Iterator[TestClient]:
    settings = Settings(demo=True, sign_in_failures="3/15 minutes")
    with TestClient(create_app(settings=settings, engine=engine)) as c:
        yield c


def _try(client: TestClient, username: str, password: str) -> int:
    token = csrf_of(client.get("/sign-in").text)
    answer = client.post(
        "/sign-in",
        data={"username": username, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    return answer.status_code


def test_a_full_width_spelling_signs_in_as_the_account(client: TestClient) -> None:
    assert _try(client, FULL_WIDTH, PASSWORD) == 303
    assert "MY-NSRC" in client.get("/").text


def test_guesses_under_other_spellings_count_against_the_same_account(
    client: TestClient,
) -> None:
    for spelling in (FULL_WIDTH, "USER-MY-NSRC", FULL_WIDTH.upper()):
        assert _try(client, spelling, "wrong-password") == 400
    # The limit of 3 is reached: the account itself is refused, even with its password.
    assert _try(client, "user-my-nsrc", PASSWORD) == 429


def test_an_accent_typed_as_a_mark_signs_in_as_the_accented_name(
    engine: Engine, client: TestClient
) -> None:
    with session_factory(engine)() as session:
        create_user(session, username="jos\u00e9", password=PASSWORD, agency_code="MY-NSRC")
        session.commit()
    assert _try(client, unicodedata.normalize("NFD", "Jos\u00e9"), PASSWORD) == 303


def test_names_longer_than_any_account_count_as_one_name(client: TestClient) -> None:
    # Each a megabyte long was kept in memory as a name of its own: here, three of them reach
    # the limit of one name, so a fourth long name is refused before any password is checked.
    for tail in "abc":
        assert _try(client, "u" * 100_000 + tail, "wrong-password") == 400
    assert _try(client, "u" * 100_000 + "d", "wrong-password") == 429
    assert _try(client, "user-my-nsrc", PASSWORD) == 303


def test_the_refusal_does_not_offer_a_new_password_as_a_way_past_the_wait(
    client: TestClient,
) -> None:
    for _ in range(3):
        assert _try(client, "user-my-nsrc", "wrong-password") == 400
    token = csrf_of(client.get("/sign-in").text)
    page = client.post(
        "/sign-in", data={"username": "user-my-nsrc", "password": PASSWORD, "csrf_token": token}
    ).text
    assert "Wait 15 minutes and try again." in page
    assert "or ask your administrator to reset the password" not in page
    assert "it too works only after the wait" in page
