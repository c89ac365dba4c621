"""A lean route for the busiest GET endpoint: its query and its work in one worker thread."""

from __future__ import annotations

import asyncio
import contextvars
import inspect
import os
import threading
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from typing import Any, ClassVar, TypeVar
from urllib.parse import parse_qsl

from fastapi import Request
from fastapi.dependencies.models import Dependant
from fastapi.exceptions import RequestValidationError
from fastapi.responses import Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, ValidationError
from starlette.concurrency import run_in_threadpool

from counterscam.api.errors import repeated_query, single_valued

M = TypeVar("M", bound=BaseModel)


class QueryModelRoute(APIRoute):
    """A route ``def f(request: Request, query: Annotated[Model, Query()]) -> Response``.

    FastAPI documents it like any other route: the fields of ``Model`` are its query
    parameters. On a request it skips FastAPI's per-request dependency solving, which costs
    more event-loop time than the check behind it and which every other request waits for:
    the query string is validated against ``Model`` in one pydantic call, in the worker thread
    that then runs the endpoint. Invalid parameters answer 422 with the body FastAPI gives.
    The endpoint returns its own Response, so there is no response model validation either.
    Dependencies of the router or app it is included in are not run: it is for routes that
    need none (the check resolves its caller itself).

    The worker thread is one of ``ROUTE_THREADS`` of its own (``in_route_thread``), not one
    of AnyIO's, whose hand-over costs about twice the CPU.

    A parameter given twice is refused (422), as ``strict_query`` refuses it on other routes;
    a subclass sets ``instead`` to say how to give several values.
    """

    instead: ClassVar[str] = ""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        endpoint = self.endpoint
        request_name, query_name, model = _signature(self.dependant)
        single = single_valued(self)

        def run(request: Request) -> Response:
            if repeated := repeated_query(request, single, self.instead):
                raise RequestValidationError(repeated)
            query = read_query(model, request)
            response: Response = endpoint(**{request_name: request, query_name: query})
            return response

        async def handler(request: Request) -> Response:
            return await in_route_thread(run, request)

        return handler


# As many as the database pool's connections (15 on SQLite and PostgreSQL): a check needs
# one, so more threads would only wait for a connection.
ROUTE_THREADS = 15
_executor: tuple[int, ThreadPoolExecutor] | None = None
_executor_lock = threading.Lock()


def _route_executor() -> ThreadPoolExecutor:
    global _executor
    made = _executor
    if made is not None and made[0] == os.getpid():
        return made[1]
    with _executor_lock:
        # A forked server worker inherits the object but not its threads: it makes its own.
        if _executor is None or _executor[0] != os.getpid():
            _executor = (
                os.getpid(),
                ThreadPoolExecutor(ROUTE_THREADS, thread_name_prefix="route"),
            )
        return _executor[1]


async def in_route_thread(run: Callable[[Request], Response], request: Request) -> Response:
    """Run ``run(request)`` in a worker thread, with this task's context variables.

    Starlette's ``run_in_threadpool`` (AnyIO's capacity limiter, worker queue and cancellation
    checkpoints) spent about 115 µs of CPU per call under eight concurrent requests, asyncio's
    executor hand-over about 55 µs: for the check, as much as its own query. A request
    cancelled while its thread runs leaves the thread to finish (a check is still audited);
    one cancelled before its thread started is not run, and answered by nobody.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:  # another event loop (trio): AnyIO knows how to reach its threads
        return await run_in_threadpool(run, request)
    context = contextvars.copy_context()
    return await loop.run_in_executor(_route_executor(), context.run, run, request)


def read_query(model: type[M], request: Request) -> M:
    """Validate the query string against ``model``; errors read as FastAPI's own.

    A repeated parameter takes its last value, as FastAPI does for a single-valued one (the
    route refuses one before it gets here). The query string is read as Starlette's
    ``request.query_params`` reads it, without building the multi-dict a single value per name
    does not need.
    """
    query = request.scope["query_string"].decode("latin-1")
    try:
        return model.model_validate(dict(parse_qsl(query, keep_blank_values=True)))
    except ValidationError as exc:
        raise RequestValidationError(
            [_query_error(e) for e in exc.errors(include_url=False)]
        ) from None


def _query_error(error: Any) -> dict[str, Any]:
    # FastAPI reports a missing parameter with no input, not the whole query it was missing from.
    return {
        **error,
        "loc": ("query", *error["loc"]),
        "input": None if error["type"] == "missing" else error["input"],
    }


def _signature(dependant: Dependant) -> tuple[str, str, type[BaseModel]]:
    """Return the endpoint's request and query parameter names and the query model."""
    model = (
        dependant.query_params[0].field_info.annotation
        if len(dependant.query_params) == 1
        else None
    )
    if (
        dependant.request_param_name is None
        or not isinstance(model, type)
        or not issubclass(model, BaseModel)
        or dependant.dependencies
        or dependant.path_params
        or dependant.header_params
        or dependant.cookie_params
        or dependant.body_params
        or inspect.iscoroutinefunction(dependant.call)
    ):
        raise TypeError(
            f"{dependant.call!r}: a QueryModelRoute endpoint is a plain def taking the "
            "Request and one Annotated[Model, Query()] parameter, and nothing else"
        )
    return dependant.request_param_name, dependant.query_params[0].name, model
