"""Password guessing is stopped: failed sign-ins are limited per username and per address."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.access.throttle import ADDRESS_SHARE
from counterscam.api.app import create_app
from counterscam.config import Settings
from tests.factories import PASSWORD, PolicyRegion
from tests.web.conftest import csrf_of


@pytest.fixture
def client(engine: Engine, region: PolicyRegion) -> Iterator[TestClient]:
    settings = Settings(demo=True, sign_in_failures="3/15 minutes")
    with TestClient(create_app(settings=settings, engine=engine)) as c:
        yield c


def _try(client: TestClient, username: str, password: str) -> tuple[int, str]:
    token = csrf_of(client.get("/sign-in").text)
    answer = client.post(
        "/sign-in",
        data={"username": username, "password": password, "csrf_token": token},
        follow_redirects=False,
    )
    return answer.status_code, answer.text


def test_after_the_limit_even_the_right_password_is_refused_for_a_while(
    client: TestClient,
) -> None:
    for guess in ("password-1", "password-2", "password-3"):
        assert _try(client, "user-my-nsrc", guess)[0] == 400
    status, page = _try(client, "User-MY-NSRC ", PASSWORD)
    assert status == 429
    assert "Too many failed sign-ins for this username" in page
    assert "Wait 15 minutes and try again" in page
    assert client.get("/", follow_redirects=False).status_code == 303  # still signed out


def test_guessing_across_usernames_from_one_address_is_stopped_too(client: TestClient) -> None:
    # Unknown usernames count like known ones: the refusal tells no one which exist. An
    # address may fail ADDRESS_SHARE times a username's limit (3 here).
    for i in range(3 * ADDRESS_SHARE):
        assert _try(client, f"nobody-{i}", "wrong-password")[0] == 400
    status, page = _try(client, "user-my-nsrc", PASSWORD)
    assert status == 429 and "from your network" in page


def test_officers_behind_one_address_are_not_locked_out_by_each_others_typos(
    client: TestClient,
) -> None:
    # One centre signs in from one address: six mistakes among three officers, twice the
    # username limit, must not keep the next officer out.
    for name in ("user-sg-ascom", "user-th-ccib", "nobody-1"):
        for guess in ("password-1", "password-2"):
            assert _try(client, name, guess)[0] == 400
    assert _try(client, "user-my-nsrc", PASSWORD)[0] == 303


def test_a_correct_sign_in_under_the_limit_goes_in(client: TestClient) -> None:
    for guess in ("password-1", "password-2"):
        assert _try(client, "user-my-nsrc", guess)[0] == 400
    assert _try(client, "user-my-nsrc", PASSWORD)[0] == 303


def test_a_limit_that_is_not_a_rate_is_refused_naming_the_setting() -> None:
    with pytest.raises(ValueError, match="COUNTERSCAM_SIGN_IN_FAILURES 'often' is not a rate"):
        Settings(demo=True, sign_in_failures="often")


def test_an_unreadable_limit_is_shown_how_to_write_a_window_of_minutes() -> None:
    # It was told "write it like 30/minute", the public check's example, not a window.
    with pytest.raises(ValueError, match="write it like 10/15 minutes") as refused:
        Settings(demo=True, sign_in_failures="10 per quarter hour")
    assert "30/minute" not in str(refused.value)
