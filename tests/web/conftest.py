"""Web page fixtures: the app in-process on the test database, and a signed-in browser client."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.db.engine import session_factory
from tests.factories import PASSWORD, PolicyRegion, build_policy_region

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def csrf_of(html: str) -> str:
    """Return the CSRF token of the first form of a page."""
    found = CSRF.search(html)
    assert found, "page has no CSRF token"
    return found.group(1)


def sign_in(client: TestClient, username: str, password: str = PASSWORD) -> None:
    """Sign in through the form, as a person would."""
    token = csrf_of(client.get("/sign-in").text)
    response = client.post(
        "/sign-in",
        data={"username": username, "password": password, "csrf_token": token, "next": "/"},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def upload(
    client: TestClient, name: str, body: bytes, content_type: str = "text/csv"
) -> httpx.Response:
    """Send one file through the upload page's form, leaving its redirect unfollowed."""
    token = csrf_of(client.get("/upload").text)
    response: httpx.Response = client.post(
        "/upload",
        data={"csrf_token": token},
        files={"files": (name, body, content_type)},
        follow_redirects=False,
    )
    return response


@pytest.fixture
def app_client(engine: Engine) -> Iterator[TestClient]:
    app = create_app(settings=Settings(demo=True), engine=engine)
    with TestClient(app) as client:
        yield client


@pytest.fixture
def region(engine: Engine) -> Iterator[PolicyRegion]:
    session = session_factory(engine)()
    yield build_policy_region(session)  # open: region.caller() loads the user's agency
    session.close()


@pytest.fixture
def client_for(engine: Engine, region: PolicyRegion) -> Iterator[Callable[[str], TestClient]]:
    """Return a function giving a client signed in as the user of an agency."""
    clients: list[TestClient] = []

    def make(agency_code: str) -> TestClient:
        client = TestClient(create_app(settings=Settings(demo=True), engine=engine))
        clients.append(client)
        sign_in(client, region.users[agency_code].username)
        return client

    yield make
    for c in clients:
        c.close()


def multipart(disposition: str, content: bytes, *, token: str = "") -> tuple[bytes, str]:
    """Return a multipart body of one part as a crafted request writes it, and its Content-Type.

    Test clients always give a file part its name; browsers and scripts need not.
    """
    return multipart_parts([(disposition, content)], token=token)


def multipart_parts(parts: list[tuple[str, bytes]], *, token: str = "") -> tuple[bytes, str]:
    """Return a multipart body of several parts (disposition, content) and its Content-Type."""
    boundary = "cs-boundary"
    body = b""
    if token:
        body += (
            f'--{boundary}\r\nContent-Disposition: form-data; name="csrf_token"\r\n\r\n{token}\r\n'
        ).encode()
    for disposition, content in parts:
        part = f"--{boundary}\r\nContent-Disposition: form-data; {disposition}\r\n"
        part += "Content-Type: text/csv\r\n\r\n"
        body += part.encode() + content + b"\r\n"
    body += f"--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"
