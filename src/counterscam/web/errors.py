"""Friendly error pages for the web pages; the JSON API keeps its JSON errors."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DBAPIError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.formparsers import MultiPartException

from counterscam.access.audit import PAUSED, RETRY_AFTER_SECONDS, AuditUnavailable
from counterscam.api.allowed_methods import methods_taken
from counterscam.api.deps import resolve_caller
from counterscam.api.errors import ECHO_CHARS
from counterscam.api.json_safe import json_safe
from counterscam.api.prefix import app_path
from counterscam.db.writer import BUSY, BUSY_RETRY_SECONDS, StoreBusy, is_busy
from counterscam.intake.service import submit_refusal
from counterscam.web.csrf import CsrfFailed
from counterscam.web.forms import FormErrors
from counterscam.web.render import Page, render
from counterscam.web.routes.check_bulk import file_refused
from counterscam.web.uploads import unreadable_form, upload_page

log = logging.getLogger(__name__)

MESSAGES = {
    400: (
        "There is a problem with the address",
        "Check the address, or go back and use the page's own links and forms.",
    ),
    403: ("You cannot open this page", "Your agency's access does not include this page."),
    404: ("Page not found", "If you typed the web address, check it is correct."),
    405: (
        "This address does not take that request",
        "Go back and use the page's own links and forms.",
    ),
    408: ("The upload stopped", "Nothing was saved. Check the connection and send it again."),
    413: (
        "The file is too large",
        "Split it into smaller files and send them one at a time, or ask an administrator to "
        "import it with the command line.",
    ),
    503: (
        "Searches are paused",
        "Try again in a few minutes. If this goes on, tell your system administrator that the "
        "audit log cannot be written: they should look at the database.",
    ),
    500: (
        "Sorry, there is a problem with the service",
        "Try again later. If it keeps happening, tell your system administrator the time "
        "it happened.",
    ),
}


def _is_api(request: Request) -> bool:
    return app_path(request.scope).startswith(("/api/", "/static/"))


def error_page(request: Request, status_code: int, detail: str = "") -> Response:
    """Render the friendly page for an HTTP error status."""
    title, hint = MESSAGES.get(status_code, ("There is a problem", ""))
    return _error(request, status_code, title=title, hint=hint, detail=detail)


def _error(request: Request, status_code: int, *, title: str, hint: str, detail: str) -> Response:
    """Render error.html, in the signed-in layout for a signed-in user below 500."""
    context = {"title": title, "hint": hint, "detail": detail, "error_code": status_code}
    page = _signed_in(request) if status_code < 500 else None
    if page is not None:
        with page.session:
            return page.render("error.html", status_code=status_code, **context)
    # A visitor's error page holds no form, so it needs no form token: creating one set a
    # session cookie on every stray request (a DELETE, a mistyped address).
    return render(request, "error.html", {**context, "csrf_token": ""}, status_code=status_code)


def _signed_in(request: Request) -> Page | None:
    # A signed-in user who meets a 403 or 404 keeps the header (agency, menu, sign-out with
    # its form token) instead of a page that looks signed out. Any failure here is no reason
    # to hide the error itself: fall back to the plain page.
    if "session" not in request.scope:
        return None
    session = request.app.state.sessions()
    try:
        caller = resolve_caller(request, session)
    except Exception:
        log.debug("no signed-in caller for the error page of %s", request.url.path)
        caller = None
    if caller is None:
        session.close()
        return None
    return Page(request=request, session=session, caller=caller)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, StarletteHTTPException)
    if _is_api(request) or exc.status_code < 400:
        return await http_exception_handler(request, exc)
    if exc.status_code == 405:
        return _wrong_method(request, exc)
    if exc.status_code == 400 and isinstance(exc.__context__, MultiPartException):
        return _unreadable_form(request, exc.__context__)
    detail = exc.detail if isinstance(exc.detail, str) and exc.status_code != 404 else ""
    return error_page(request, exc.status_code, detail)


def _wrong_method(request: Request, exc: StarletteHTTPException) -> Response:
    """Answer a method the address does not take with the ones it does, also in ``Allow``."""
    allowed = methods_taken(request) or (exc.headers or {}).get("Allow", "")
    detail = f"{request.method} is not accepted here"
    detail += f": this address takes {allowed}." if allowed else "."
    page = error_page(request, 405, detail)
    if allowed:
        page.headers["Allow"] = allowed
    return page


def _unreadable_form(request: Request, exc: MultiPartException) -> Response:
    """Say why a form could not be read: on its upload page itself, with its file box.

    A file name of thousands of characters stops the form parser before the route runs: it
    was "a problem with the address", and on the list check "the form could not be read" on
    a page without the form.
    """
    message = unreadable_form(exc)
    path = app_path(request.scope)
    page = _signed_in(request) if path in ("/upload", "/check/bulk") else None
    if page is not None and path == "/upload" and submit_refusal(page.caller) is not None:
        page.session.close()  # a partner, who may not upload, is not shown the form
        page = None
    if page is None:
        return _error(
            request, 400, title="The form could not be read", hint=MESSAGES[405][1], detail=message
        )
    with page.session:
        if path == "/check/bulk":
            return file_refused(page, message)
        errors = FormErrors()
        errors.add("files", message)
        return upload_page(page, errors, status_code=400)


def _problem(error: dict[str, object]) -> str:
    """Say which parameter of the address is wrong and what it takes, without pydantic's words."""
    loc = error.get("loc")
    name = str(loc[-1]) if isinstance(loc, (list, tuple)) and loc else "a value"
    given = error.get("input")
    kind = str(error.get("type", ""))
    ctx = error.get("ctx")
    bounds = ctx if isinstance(ctx, dict) else {}
    if kind == "greater_than_equal":
        wanted = f"a whole number of {bounds.get('ge')} or more"
    elif kind == "less_than_equal":
        wanted = f"a whole number of {bounds.get('le')} or less"
    elif kind.startswith("int_"):
        wanted = "a whole number"
    elif kind == "missing":
        return f"The address lacks “{name}”."
    else:
        wanted = "a valid value"
    # A 60,000-digit page number was shown whole: a page of 60 kB to say it is too long.
    shown = ""
    if isinstance(given, str):
        shown = f" (it is “{given[:ECHO_CHARS]}{'…' if len(given) > ECHO_CHARS else ''}”)"
    return f"“{name}” in the address must be {wanted}{shown}."


async def _invalid_request(request: Request, exc: Exception) -> Response:
    # FastAPI answers a malformed parameter with pydantic's JSON, which a person reading a
    # page should never see: /reports?page=abc showed {"detail":[{"type":"int_parsing",...
    assert isinstance(exc, RequestValidationError)
    if _is_api(request):
        # The errors echo the input: a JSON body of 1e999999 or "\ud800" made FastAPI's own
        # 422 fail to encode, and the caller got a 500 instead of what to fix.
        detail = json_safe(jsonable_encoder(exc.errors()))
        return JSONResponse({"detail": detail}, status_code=422)
    errors = [e for e in exc.errors() if isinstance(e, dict)]
    if any(isinstance(e.get("loc"), (list, tuple)) and e["loc"][0] == "path" for e in errors):
        return error_page(request, 404)  # /reports/abc names no report, as /reports/0 does not
    return error_page(request, 400, " ".join(_problem(e) for e in errors[:3]))


async def _csrf_error(request: Request, exc: Exception) -> Response:
    # A signed-in user whose form had expired (signed in again in another tab) met a page that
    # looked signed out: no menu, no agency, and "or sign in" beside the dashboard link.
    return _error(
        request,
        403,
        title="This form has expired",
        # "Reload the page" emptied the form the browser had kept on Back.
        hint="Nothing was saved. Go back to the form without reloading it: the browser keeps "
        "what you typed. If you were signed out, sign in again in a new tab first, then submit "
        "the form again.",
        detail="",
    )


async def _server_error(request: Request, exc: Exception) -> Response:
    log.exception("unhandled error on %s", request.url.path, exc_info=exc)
    if _is_api(request):
        title, hint = MESSAGES[500]
        return JSONResponse({"detail": f"{title}. {hint}"}, status_code=500)
    return error_page(request, 500)


async def _audit_unavailable(request: Request, exc: Exception) -> Response:
    # Was a 500 saying only "a problem with the service": neither the user nor the
    # administrator learnt that searches stop on purpose until the audit log can be written.
    log.error("a search on %s was refused: %s", request.url.path, exc)
    retry = {"Retry-After": str(RETRY_AFTER_SECONDS)}
    if _is_api(request):
        return JSONResponse({"detail": PAUSED}, status_code=503, headers=retry)
    detail = "The audit log cannot be written, and no search may run without leaving its record."
    page = error_page(request, 503, detail)
    page.headers.update(retry)
    return page


async def _store_busy(request: Request, exc: Exception) -> Response:
    # A write that waited its time for another (an import on SQLite holds the store's one
    # write lock for the whole batch) was a 500 with "database is locked" in the log.
    if not is_busy(exc):
        return await _server_error(request, exc)
    log.warning("the database was busy on %s: %s", request.url.path, exc)
    retry = {"Retry-After": str(BUSY_RETRY_SECONDS)}
    if _is_api(request):
        return JSONResponse({"detail": f"{BUSY}."}, status_code=503, headers=retry)
    context = {
        "title": "The database is busy",
        "hint": "Nothing was saved. Go back and try again in a minute: another change, most "
        "likely an import, is being written.",
        "detail": "",
        "error_code": 503,
        "csrf_token": "",
    }
    page = render(request, "error.html", context, status_code=503)
    page.headers.update(retry)
    return page


def install_error_pages(app: FastAPI) -> None:
    """Register the friendly 400/403/404/500/503 pages and the expired-form page on ``app``."""
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(AuditUnavailable, _audit_unavailable)
    app.add_exception_handler(StoreBusy, _store_busy)
    app.add_exception_handler(DBAPIError, _store_busy)
    app.add_exception_handler(CsrfFailed, _csrf_error)
    app.add_exception_handler(RequestValidationError, _invalid_request)
    app.add_exception_handler(Exception, _server_error)
