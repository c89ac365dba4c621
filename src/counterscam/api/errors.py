"""The JSON API's error answers: one shape, ``{"detail": ...}``, in words a client can act on.

FastAPI's own answers said "Method Not Allowed" and "Not Found" with no hint of the right
method or route, and its 422 items spoke pydantic ("Input should be a valid dictionary or
object to extract fields from" for a body sent without ``Content-Type: application/json``),
echoed a body of any size back whole, and let unknown query parameters pass unread, so a
typo in a filter (``?scamtype=romance``) answered every report as if filtered. The 422 items
keep FastAPI's keys (``type``, ``loc``, ``msg``, ``input``, ``ctx``) so clients written for
FastAPI still read them; only ``msg`` is reworded where pydantic's said nothing to fix.
"""

from __future__ import annotations

import types
import typing
from collections.abc import Callable, Container, Sequence
from typing import Any
from urllib.parse import parse_qsl

from fastapi import FastAPI, Request, params
from fastapi.dependencies.models import Dependant
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel
from python_multipart.exceptions import MultipartParseError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartException
from starlette.types import Scope

from counterscam.api.allowed_methods import methods_taken
from counterscam.api.json_safe import json_safe
from counterscam.api.prefix import app_path, root_path, url
from counterscam.intake.chars import lone_surrogate
from counterscam.intake.records import type_name

SCHEMA_PATH = "/api/v1/openapi.json"
DOCS_PATH = "/api/docs"
# An echo is there to show the client which value was meant, not to send its upload back.
ECHO_CHARS = 200
ECHO_ITEMS = 10
# A list of 10,000 items each with a misspelt key made a 3 MB answer of 20,000 errors; the
# first ones show the client what to fix in all of them.
ERRORS_LISTED = 100
# Names longer than this fit no file system (255 bytes on most): such a name is a path or a
# pasted text, and a batch records the names of its files in 300 characters.
FILE_NAME_CHARS = 255
SHOWN_NAME_CHARS = 40
JSON_BODY = "send a JSON object with the header 'Content-Type: application/json'"
SEND_FILES = (
    "send each file as a part of the body with its file name, like curl -F 'files=@reports.csv'"
)
UNPARSED = "There was an error parsing the body"  # FastAPI's 400, which says neither why nor where
NOT_UTF8 = (
    f"The body is not UTF-8 text, so it cannot be read as JSON; save it as UTF-8 and {JSON_BODY}."
)


def routes_listed(scope: Scope) -> str:
    """Say where the routes are listed, at the addresses the client must use (under a prefix)."""
    return (
        f"the routes and their methods are listed at {url(scope, SCHEMA_PATH)} "
        f"and {url(scope, DOCS_PATH)}"
    )


def _too_deep(scope: Scope) -> str:
    return (
        "The body's JSON is nested too deeply to read; no field takes lists or objects that "
        f"deep: {JSON_BODY}, shaped as {url(scope, SCHEMA_PATH)} describes."
    )


def _long_number(scope: Scope) -> str:
    return (
        "A number in the body has thousands of digits, which no field takes; send values as the "
        f"schema at {url(scope, SCHEMA_PATH)} describes and {JSON_BODY}."
    )


def _is_api(request: Request) -> bool:
    return app_path(request.scope).startswith("/api/")


def install(app: FastAPI) -> None:
    """Answer the API's errors here; the web pages keep the handlers installed before."""
    web_invalid = _handler(app, RequestValidationError)
    web_http = _handler(app, StarletteHTTPException)

    async def invalid(request: Request, exc: Exception) -> Response:
        if not _is_api(request) or not isinstance(exc, RequestValidationError):
            answer: Response = await web_invalid(request, exc)
            return answer
        found = request.scope.get("route")
        route = found if isinstance(found, APIRoute) else None
        errors = exc.errors()
        detail = [explained(e, route) for e in errors[:ERRORS_LISTED]]
        if len(errors) > ERRORS_LISTED:
            more = len(errors) - ERRORS_LISTED
            detail.append(
                {
                    "type": "more_errors",
                    "loc": [detail[-1]["loc"][0]] if detail[-1].get("loc") else [],
                    "msg": f"{more:,} more errors are not listed ({len(errors):,} in all); fix "
                    "the ones listed, which are often the same mistake, and send again.",
                    "input": None,
                }
            )
        return JSONResponse({"detail": detail}, status_code=422)

    async def http_error(request: Request, exc: Exception) -> Response:
        if not _is_api(request) or not isinstance(exc, StarletteHTTPException):
            page: Response = await web_http(request, exc)
            return page
        if exc.status_code == 400 and exc.detail == UNPARSED:
            msg = _unparsed(request.scope, exc)
            item = {"type": "json_invalid", "loc": ["body"], "msg": msg, "input": None}
            return JSONResponse({"detail": [item]}, status_code=422)
        if exc.status_code == 400 and isinstance(exc.__context__, MultiPartException):
            msg = _unreadable_form(exc.__context__)
            item = {"type": "multipart_invalid", "loc": ["body"], "msg": msg, "input": None}
            return JSONResponse({"detail": [item]}, status_code=422)
        return await http_exception_handler(request, _said_plainly(request, exc))

    app.add_exception_handler(RequestValidationError, invalid)
    app.add_exception_handler(StarletteHTTPException, http_error)


def _unparsed(scope: Scope, exc: StarletteHTTPException) -> str:
    """Say why FastAPI could not parse a JSON body, from the error it raised the 400 from."""
    cause = exc.__cause__
    # Every such body was answered "not UTF-8", also a UTF-8 one nested thousands deep or
    # holding a 5,000-digit number, which left the client looking for an encoding problem.
    if isinstance(cause, RecursionError):
        return _too_deep(scope)
    if isinstance(cause, ValueError) and not isinstance(cause, UnicodeError):
        return _long_number(scope)  # Python refuses integers of more than 4,300 digits
    # A body in another encoding (a UTF-16 byte-order mark) fails before JSON does.
    return NOT_UTF8


def long_file_name(name: str, *, then: str = "send it again") -> str:
    """Say a file name is too long, showing its start only (it may be thousands long)."""
    return (
        f"The file name “{name[:SHOWN_NAME_CHARS]}…” is too long ({len(name):,} characters); "
        f"rename the file to at most {FILE_NAME_CHARS} characters and {then}"
    )


def name_too_long(exc: MultiPartException, *, then: str = "send it again") -> str | None:
    """Say a file name is too long if that is why the form parser gave up, else None.

    The parser refuses a part's headers of more than 4 kB, which only a file name that long
    fills: its length is not known, only that it passed that.
    """
    cause = exc.__cause__
    if not (isinstance(cause, MultipartParseError) and "header size" in str(cause)):
        return None
    return (
        "The file name is too long (over 4,000 bytes); rename the file to at most "
        f"{FILE_NAME_CHARS} characters and {then}"
    )


def _unreadable_form(exc: MultiPartException) -> str:
    """Say why a form body could not be read; Starlette's 400 said "Invalid multipart data."."""
    if (too_long := name_too_long(exc)) is not None:
        return f"{too_long}."
    if "boundary" in exc.message:
        return (
            "The multipart/form-data body has no boundary in its Content-Type header; let the "
            "client write that header (curl -F, a form or HTTP library) instead of setting it "
            f"by hand, and {SEND_FILES}."
        )
    return f"The body cannot be read as multipart/form-data ({exc.message}); {SEND_FILES}."


def _handler(app: FastAPI, kind: type[Exception]) -> Callable[[Request, Exception], Any]:
    found: Callable[[Request, Exception], Any] = app.exception_handlers[kind]
    return found


def _said_plainly(request: Request, exc: StarletteHTTPException) -> StarletteHTTPException:
    """Reword the router's bare 404 and 405; a route's own details are kept as they are."""
    # A 70,000-character address was echoed whole, twice the size of the request.
    where = f"{request.method} {_short(request.url.path)}"
    if exc.status_code == 405 and exc.detail == "Method Not Allowed":
        allowed = methods_taken(request) or (exc.headers or {}).get("Allow", "")
        headers = {**(exc.headers or {}), "Allow": allowed}
        detail = f"{where} is not accepted: this address takes {allowed or 'other methods'}; "
        return StarletteHTTPException(405, detail + routes_listed(request.scope), headers=headers)
    if exc.status_code == 404 and exc.detail == "Not Found":
        listed = routes_listed(request.scope)
        detail = f"There is no API route {where}; check the address: {listed}."
        return StarletteHTTPException(404, detail, headers=exc.headers)
    return exc


def invalid(loc: Sequence[str | int], msg: str, given: object, kind: str) -> RequestValidationError:
    """Return a 422 of one item in FastAPI's shape, for a check a route makes itself.

    A bare ``{"detail": "..."}`` (an unknown sort, too many values) was the one 422 of these
    routes a client could not read as it reads every other: no ``loc``, a string for a list.
    """
    return RequestValidationError([{"type": kind, "loc": tuple(loc), "msg": msg, "input": given}])


async def strict_query(request: Request) -> None:
    """Refuse query parameters the route does not read, or sent twice, naming them (a dependency).

    A misspelt filter or page size was silently ignored: the answer looked filtered and
    was not. A filter given twice (``country=MY&country=TH``) was read as its last value only.
    """
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = query_names(route)
    unknown = [
        {"type": "extra_forbidden", "loc": ("query", name), "msg": "", "input": value}
        for name, value in request.query_params.multi_items()
        if name not in known
    ]
    if errors := unknown + repeated_query(request, single_valued(route)):
        raise RequestValidationError(errors)


async def strict_form(request: Request) -> None:
    """Refuse fields of a form the route does not read, or sent twice (a dependency).

    An ``agency`` field sent beside the files was ignored, so a client believed it had filed
    the batch for that agency while it was stored as the token's; a ``keep_valid`` given twice
    was read as its last value.
    """
    route = request.scope.get("route")
    if not isinstance(route, APIRoute):
        return
    known = {p.alias for p in route.dependant.body_params}
    single = {
        p.alias for p in route.dependant.body_params if not _takes_many(p.field_info.annotation)
    }
    form = await request.form()  # already read for the route: this is the same form
    errors: list[dict[str, Any]] = []
    for name in dict.fromkeys(form.keys()):
        sent = [v if isinstance(v, str) else f"(a file: {v.filename})" for v in form.getlist(name)]
        if name not in known:
            errors.append(
                {"type": "extra_forbidden", "loc": ("body", name), "msg": "", "input": sent[0]}
            )
        elif name in single and len(sent) > 1:
            errors.append(_repeated("body", name, sent))
    if errors:
        raise RequestValidationError(errors)


def repeated_query(
    request: Request, single: Container[str], instead: str = ""
) -> list[dict[str, Any]]:
    """Return a 422 item for each parameter of ``single`` the query gives more than once.

    FastAPI (and Starlette's ``query_params``) read such a parameter as its last value, so
    ``?kind=phone&value=a&value=b`` checked b alone and answered as if that was all.
    ``instead`` says what to do to give several values, where the API has a way; ``{root}``
    in it stands for the prefix the app is served under, so an address it names is one the
    client can use.
    """
    query = request.scope["query_string"].decode("latin-1")
    # The busy check's usual query (distinct names, none escaped) is read no further.
    names = [pair.partition("=")[0] for pair in query.split("&")]
    if len(set(names)) == len(names) and not any("%" in n or "+" in n for n in names):
        return []
    sent: dict[str, list[str]] = {}
    for name, value in parse_qsl(query, keep_blank_values=True):
        sent.setdefault(name, []).append(value)
    return [
        _repeated("query", name, values, instead.replace("{root}", root_path(request.scope)))
        for name, values in sent.items()
        if len(values) > 1 and name in single
    ]


def _repeated(where: str, name: str, values: list[str], instead: str = "") -> dict[str, Any]:
    """Return the 422 item of a parameter or form field given more than once."""
    return {
        "type": "repeated",
        "loc": (where, name),
        "msg": f"Give {name} once: it takes one value and was given {len(values)} times"
        + (f"; {instead}." if instead else "."),
        "input": values,
    }


def query_names(route: APIRoute) -> frozenset[str]:
    """Return the query parameters ``route`` reads; a query model's fields count as its own."""
    return frozenset(_query_names(route.dependant))


def single_valued(route: APIRoute) -> frozenset[str]:
    """Return the query parameters ``route`` reads one value of (all but list parameters)."""
    return frozenset(_query_names(route.dependant, single=True))


def _query_names(dependant: Dependant, *, single: bool = False) -> set[str]:
    names: set[str] = set()
    for param in dependant.query_params:
        model = param.field_info.annotation
        if isinstance(model, type) and issubclass(model, BaseModel):
            names.update(
                f.alias or n
                for n, f in model.model_fields.items()
                if not (single and _takes_many(f.annotation))
            )
        elif not (single and _takes_many(model)):
            names.add(param.alias)
    for inner in dependant.dependencies:
        names |= _query_names(inner, single=single)
    return names


def _takes_many(annotation: object) -> bool:
    """Tell whether a parameter of this type reads every value given (``list[str]``)."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):  # list[str] | None
        return any(_takes_many(a) for a in typing.get_args(annotation))
    return origin in (list, set, frozenset, tuple)


def explained(error: Any, route: APIRoute | None) -> dict[str, Any]:
    """Return one FastAPI error item with a ``msg`` that says what to fix, JSON-safe and short."""
    item = {k: v for k, v in dict(error).items() if k != "url"}
    item["loc"] = list(item.get("loc", ()))
    if "Expected UploadFile" in str(item.get("msg", "")):
        # The input of a file part sent without its file name is the file's contents: the
        # answer quoted the start of the upload back to the client.
        item["input"] = None
    item["msg"] = _reason(item, route)
    if "input" in item:
        item["input"] = _short(json_safe(jsonable_encoder(item["input"])))
    if "ctx" in item:
        item["ctx"] = json_safe(jsonable_encoder(item["ctx"]))
    return item


def _name(loc: Sequence[object]) -> str:
    """Return the place an error names, as a client writes it: ``items[3].value``."""
    text = ""
    for part in loc[1:]:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text or str(loc[0]) if loc else "the request"


def _reason(item: dict[str, Any], route: APIRoute | None) -> str:
    kind, loc, given = str(item.get("type", "")), item["loc"], item.get("input")
    found = item.get("ctx")
    ctx: dict[str, Any] = found if isinstance(found, dict) else {}
    msg = str(item.get("msg", ""))
    field = _name(loc)
    whole_body = loc == ["body"]
    if kind == "json_invalid":
        at = loc[1] if len(loc) > 1 else 0
        why = ctx.get("error", "it cannot be read")
        return f"The body is not valid JSON ({why}, at character {at}); {JSON_BODY}."
    if kind == "missing" and whole_body:
        return f"The body is empty; {JSON_BODY}."
    if kind == "missing" and route is not None and _is_form(route):
        return f"Field required: send a multipart/form-data body with the field '{loc[-1]}'."
    if kind in ("model_attributes_type", "model_type", "dict_type") and whole_body:
        # FastAPI hands over the bytes of a body it did not parse; a str is a JSON string
        # ("text"), read as JSON and told it was not, which sent the client to its headers.
        if isinstance(given, bytes):
            return f"The body was not read as JSON; {JSON_BODY}."
        return f"The body must be a JSON object {{...}}, not {type_name(given)}; {JSON_BODY}."
    if kind in ("model_attributes_type", "model_type", "dict_type"):
        return f"{field} must be a JSON object {{...}}, not {type_name(given)}."
    if kind == "list_type":
        return f"{field} must be a JSON list [...], not {type_name(given)}."
    if kind == "string_type":
        return f"{field} must be text in double quotes, not {type_name(given)}."
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{field} must be a whole number, like 1 or 20; {_quoted(given)} is not one."
    if kind in ("bool_parsing", "bool_type"):
        return f"{field} must be true or false; {_quoted(given)} is neither."
    if kind == "greater_than_equal":
        return f"{field} must be {ctx.get('ge')} or more; {_quoted(given)} is less."
    if kind == "less_than_equal":
        return f"{field} must be at most {ctx.get('le')}; {_quoted(given)} is more."
    if kind == "extra_forbidden":
        known = ", ".join(_known(loc, route))
        if loc[0] == "query":
            listed = f"the query parameters here are: {known}" if known else "none are read here"
            if route is not None and loc[-1] in _form_fields(route):
                # /reports/batch takes ?keep_valid=true, so a client tries it on /uploads too.
                listed += f"; send '{loc[-1]}' as a field of the multipart/form-data body"
            return f"Unknown query parameter '{loc[-1]}': it would not be read; {listed}."
        listed = f"; the fields here are: {known}" if known else ""
        return f"Unknown field '{loc[-1]}': it would not be read, so it is refused{listed}."
    if kind == "string_unicode" and isinstance(given, str) and (why := lone_surrogate(given)):
        return f"{field} {why}."  # pydantic's length check meets it before the field's own
    if kind in ("string_too_long", "string_too_short") and loc[-1] == "country":
        # "String should have at most 2 characters" left a client sending MYS or Malaysia to
        # guess which form of a country is read.
        code = "a two-letter ISO 3166 code, like MY, TH or PH (or its three-letter code, like MYS)"
        if given == "":
            return f"{field} is empty: leave it out, or give {code}."
        return f"{field} must be {code}; {_quoted(given)} is not one."
    if kind == "value_error" and "Expected UploadFile" in msg:
        # pydantic said "Expected UploadFile, received: <class 'str'>" for a part sent as text
        # or with an empty file name (a form submitted with no file chosen).
        part = next((p for p in reversed(loc) if isinstance(p, str)), "files")
        return (
            f"{field} must be a file: send each file as a part of the multipart/form-data body "
            f"with its file name, like curl -F '{part}=@reports.csv'; this part is text or has "
            "no file name."
        )
    if kind == "value_error":
        return msg.removeprefix("Value error, ")
    return msg


def _quoted(value: object) -> str:
    if isinstance(value, str):
        return f"“{value[:ECHO_CHARS]}”"
    return type_name(value)


def _is_form(route: APIRoute) -> bool:
    return any(isinstance(p.field_info, params.Form) for p in route.dependant.body_params)


def _form_fields(route: APIRoute) -> set[str]:
    return {p.alias for p in route.dependant.body_params if isinstance(p.field_info, params.Form)}


def _known(loc: Sequence[object], route: APIRoute | None) -> list[str]:
    """Return the names a route reads where an unknown one was sent, or [] when unknown."""
    if route is None or not loc:
        return []
    if loc[0] == "query":
        return sorted(query_names(route))
    body: object = route.body_field.field_info.annotation if route.body_field else None
    for part in loc[1:-1]:
        body = _inner(body, part)
    if isinstance(body, type) and issubclass(body, BaseModel):
        return [f.alias or n for n, f in body.model_fields.items()]
    return []


def _inner(annotation: object, part: object) -> object:
    """Return the type found at ``part`` (a field name, or a list index) of ``annotation``."""
    if isinstance(part, str) and isinstance(annotation, type) and issubclass(annotation, BaseModel):
        field = annotation.model_fields.get(part)
        return field.annotation if field is not None else None
    if isinstance(part, int) and typing.get_origin(annotation) is list:
        return typing.get_args(annotation)[0]
    return None


def _short(value: object) -> object:
    """Return the echo of an input cut to a size that shows which value was meant."""
    if isinstance(value, str) and len(value) > ECHO_CHARS:
        return f"{value[:ECHO_CHARS]}… ({len(value):,} characters)"
    if isinstance(value, list):
        shown = [_short(v) for v in value[:ECHO_ITEMS]]
        return shown + ([f"… ({len(value):,} items)"] if len(value) > ECHO_ITEMS else [])
    if isinstance(value, dict):
        keys = list(value)[:ECHO_ITEMS]
        short = {k: _short(value[k]) for k in keys}
        if len(value) > ECHO_ITEMS:
            short["…"] = f"{len(value):,} keys"
        return short
    return value
