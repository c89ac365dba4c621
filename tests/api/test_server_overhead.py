"""What the check route saves per request must not change what it answers or how it connects."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import pytest
from fastapi.exceptions import RequestValidationError
from pydantic import ValidationError
from sqlalchemy import event, text
from starlette.requests import Request

from counterscam.api.check import CheckQuery
from counterscam.api.threaded import read_query
from counterscam.db.engine import SQLITE_POOL_SIZE, make_engine


def _request(query: bytes) -> Request:
    return Request({"type": "http", "method": "GET", "query_string": query, "headers": []})


@pytest.mark.parametrize(
    "query",
    [
        b"value=012-345+6789&kind=phone&country=my",
        b"value=%2B60%20123&value=last",  # percent-encoding; a repeated name keeps its last value
        b"value=caf%C3%A9&country=",  # UTF-8 percent-encoding; a blank value is kept
        b"value=a%26b%3Dc&kind",  # escaped separators; a name without '='
        urlencode({"value": "hxxps://x[.]y/ä?q=1&r", "kind": "url"}).encode(),
    ],
)
def test_query_is_read_as_starlette_reads_it(query: bytes) -> None:
    def outcome(read: Callable[[], object]) -> object:
        try:
            return read()
        except RequestValidationError as exc:
            return exc.errors()

    def starlette() -> object:
        return read_query_of(dict(_request(query).query_params))

    assert outcome(lambda: read_query(CheckQuery, _request(query))) == outcome(starlette)


def read_query_of(params: dict[str, str]) -> CheckQuery:
    """What read_query gave when it validated Starlette's ``request.query_params``."""
    try:
        return CheckQuery.model_validate(params)
    except ValidationError as exc:
        raise RequestValidationError(
            [
                {
                    **e,
                    "loc": ("query", *e["loc"]),
                    "input": None if e["type"] == "missing" else e["input"],
                }
                for e in exc.errors(include_url=False)
            ]
        ) from None


def test_busy_sqlite_server_keeps_its_connections(tmp_path: Path) -> None:
    engine = make_engine(f"sqlite:///{tmp_path / 'pool.db'}")
    opened: list[object] = []
    event.listen(engine, "connect", lambda *_: opened.append(None))
    busy = 8  # more requests at once than the default pool kept
    barrier = threading.Barrier(busy)

    def request() -> None:
        with engine.connect() as conn:
            conn.execute(text("select 1"))
            barrier.wait(timeout=10)

    for _ in range(3):
        threads = [threading.Thread(target=request) for _ in range(busy)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    assert len(opened) == busy  # opened once, then reused; none closed and opened again
    assert engine.pool.size() == SQLITE_POOL_SIZE
    engine.dispose()


def test_in_memory_sqlite_still_gets_an_engine() -> None:
    engine = make_engine("sqlite://")
    with engine.connect() as conn:
        assert conn.execute(text("select 1")).scalar() == 1
    engine.dispose()
