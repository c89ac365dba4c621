"""Sign-in and sign-out pages."""

from __future__ import annotations

import math
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, Response

from counterscam.access.accounts import authenticate, end_web_session, start_web_session
from counterscam.access.disabled_agency import DisabledAgency
from counterscam.access.throttle import client_address, sign_in_limit
from counterscam.api.deps import SettingsDep
from counterscam.web import csrf
from counterscam.web.forms import FormErrors
from counterscam.web.render import Visitor, render, see_other

router = APIRouter()


def safe_next(target: str | None) -> str:
    """Return a local path to go to after sign-in; anything else goes to the dashboard."""
    if target and target.startswith("/") and not target.startswith(("//", "/\\")):
        return target
    return "/"


@router.get("/sign-in", response_class=HTMLResponse)
def sign_in_form(page: Visitor, next: str = "/") -> Response:
    """Show the sign-in form (or go on when already signed in)."""
    if not page.caller.is_public:
        return see_other(page.request, safe_next(next))
    return render(page.request, "sign_in.html", {"next": safe_next(next), "errors": FormErrors()})


@router.post("/sign-in", response_class=HTMLResponse, dependencies=[csrf.CsrfChecked])
def sign_in(
    page: Visitor,
    settings: SettingsDep,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Check the credentials; on success start a fresh signed session."""
    errors = FormErrors()
    if not username.strip():
        errors.add("username", "Enter your username")
    if not password:
        errors.add("password", "Enter your password")
    request: Request = page.request
    limit, name, client = sign_in_limit(request), username, client_address(request)
    user, status_code = None, 400
    if not errors and (wait := limit.wait(name, client)) is not None:
        # Checked before the password, or guessing would go on behind the refusal.
        minutes = math.ceil(wait / 60)
        # A new password does not lift the limit (it is counted in the server's memory): "or
        # ask your administrator to reset the password" sent officers to a reset that changed
        # nothing while they waited.
        errors.add(
            "username",
            f"Too many failed sign-ins for this username or from your network. Wait {minutes} "
            f"minute{'s' if minutes != 1 else ''} and try again. If you have forgotten the "
            "password, ask your administrator for a new one: it too works only after the wait",
        )
        status_code = 429
    elif not errors:
        found = authenticate(page.session, username=username, password=password)
        page.session.commit()  # keeps a password re-hash, if argon2 asked for one
        if isinstance(found, DisabledAgency):
            status_code = 403
            errors.add("username", found.message())
        elif found is None:
            limit.failed(name, client)
            errors.add("username", "Enter a correct username and password")
        else:
            user = found
    if user is None:
        return render(
            page.request,
            "sign_in.html",
            {"next": safe_next(next), "errors": errors, "username": username},
            status_code=status_code,
        )
    limit.succeeded(name)
    request.session.clear()  # a new session at sign-in defeats session fixation
    request.session["user_id"] = user.id
    request.session["sid"] = start_web_session(
        page.session, user, lifetime_seconds=settings.session_max_age_seconds
    )
    page.session.commit()
    csrf.rotate(request)
    return see_other(page.request, safe_next(next))


@router.post("/sign-out", dependencies=[csrf.CsrfChecked])
def sign_out(page: Visitor) -> Response:
    """End the session, on the server too: a copy of the cookie no longer signs anyone in."""
    request: Request = page.request
    session_id = request.session.get("sid")
    if isinstance(session_id, int):
        end_web_session(page.session, session_id)
        page.session.commit()
    request.session.clear()
    return see_other(request, "/sign-in")
