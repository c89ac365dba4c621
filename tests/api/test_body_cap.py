"""No request body is read past the upload limit, on any route, signed in or not.

A form with a file was spooled to disk whole by the form parser before the route, or its
sign-in check, ran: anyone could send gigabytes to /api/v1/uploads or /upload and fill the
server's disk before being told 401. These tests speak ASGI to the app, so they see how much of
a body was read, which a test client sending the whole body first cannot show.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import anyio
import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session
from starlette.types import Message

from counterscam.api import body_limit
from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.db.models import ImportBatch

LIMIT = 20_000
CHUNK = b"a" * 65_536
BOUNDARY = b"XX"
FILE_PART = (
    b'--XX\r\nContent-Disposition: form-data; name="files"; filename="r.csv"\r\n'
    b"Content-Type: text/csv\r\n\r\n"
)


@pytest.fixture
def app(engine: Engine) -> FastAPI:
    return create_app(settings=Settings(demo=True, max_upload_bytes=LIMIT), engine=engine)


class Sender:
    """A client sending a multipart body without end, counting what the app asked for."""

    def __init__(self, *, stall_after: int | None = None) -> None:
        self.chunks = 0
        self.stall_after = stall_after

    async def receive(self) -> dict[str, Any]:
        if self.stall_after is not None and self.chunks >= self.stall_after:
            await anyio.sleep_forever()
        self.chunks += 1
        body = FILE_PART if self.chunks == 1 else CHUNK
        return {"type": "http.request", "body": body, "more_body": True}


def call(app: FastAPI, path: str, receive: Any, *, length: int | None = None) -> tuple[int, bytes]:
    headers = [(b"content-type", b"multipart/form-data; boundary=" + BOUNDARY)]
    if length is not None:
        headers.append((b"content-length", str(length).encode()))
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }
    sent: list[Message] = []

    async def send(message: Message) -> None:
        sent.append(message)

    async def run() -> None:
        with anyio.fail_after(10):  # a body that is waited for without end fails the test
            await app(scope, receive, send)

    anyio.run(run)
    status = next(m["status"] for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")
    return status, body


def chunks_allowed() -> int:
    return (LIMIT + body_limit.FORM_ROOM) // len(CHUNK) + 2


@pytest.mark.parametrize("path", ["/api/v1/uploads", "/upload", "/check/bulk"])
def test_an_endless_upload_without_sign_in_is_413_after_the_limit(app: FastAPI, path: str) -> None:
    sender = Sender()
    status, body = call(app, path, sender.receive)
    assert status == 413
    assert sender.chunks <= chunks_allowed()  # it was read without end before the 401
    if path.startswith("/api/"):
        assert "larger than 20,000 bytes" in json.loads(body)["detail"]
    else:
        assert b"The file is too large" in body


def test_a_body_declared_too_large_is_refused_before_any_of_it_is_read(app: FastAPI) -> None:
    sender = Sender()
    status, body = call(app, "/api/v1/uploads", sender.receive, length=5_000_000_000)
    assert status == 413 and sender.chunks == 0
    assert "COUNTERSCAM_MAX_UPLOAD_BYTES" in json.loads(body)["detail"]


def test_a_body_that_stops_arriving_is_408_not_a_wait_for_ever(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A Content-Length larger than what is sent held the route reading the body for ever.
    monkeypatch.setattr(body_limit, "BODY_IDLE_SECONDS", 0.2)
    app = create_app(settings=Settings(demo=True, max_upload_bytes=LIMIT), engine=engine)
    sender = Sender(stall_after=2)
    status, body = call(app, "/api/v1/uploads", sender.receive, length=LIMIT)
    assert status == 408
    assert "stopped arriving" in json.loads(body)["detail"]


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as c:
        yield c


def test_the_upload_page_says_a_file_past_the_limit_is_too_large(
    client: TestClient, session: Session
) -> None:
    files = {"files": ("reports.csv", b"x" * (LIMIT + body_limit.FORM_ROOM + 1), "text/csv")}
    answer = client.post("/upload", files=files)
    assert answer.status_code == 413
    assert "The file is too large" in answer.text and "larger than 20,000 bytes" in answer.text
    assert session.scalar(select(func.count()).select_from(ImportBatch)) == 0


def test_a_body_within_the_limit_still_reaches_its_route(client: TestClient) -> None:
    # Without sign-in the route answers: the cap let the whole form through.
    files = {"files": ("reports.csv", b"x" * (LIMIT // 2), "text/csv")}
    assert client.post("/api/v1/uploads", files=files).status_code == 401
