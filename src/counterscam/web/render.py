"""Page rendering: the templates, the signed-in caller and the context every page shares."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, HTTPException, Request, status
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.templating import Jinja2Templates
from sqlalchemy.orm import Session

from counterscam.access.caller import PUBLIC, Caller
from counterscam.access.disabled_agency import DisabledAgency
from counterscam.api.deps import SessionDep, credential, resolve_caller
from counterscam.api.prefix import app_path, root_path, url
from counterscam.check.alerts import unread_count
from counterscam.db.models import Agency
from counterscam.web import csrf
from counterscam.web.check_views import check_address, reported_loss
from counterscam.web.contacts import contact_links
from counterscam.web.formatting import FILTERS
from counterscam.web.paths import TEMPLATES_DIR
from counterscam.web.value_breaks import breakable, breakable_long


def _prefix(request: Request) -> dict[str, str]:
    # Every template writes its links as "{{ root_path }}/reports"; the macros see it because
    # the templates import them "with context".
    return {"root_path": root_path(request.scope)}


templates = Jinja2Templates(directory=TEMPLATES_DIR, context_processors=[_prefix])
templates.env.filters.update(
    FILTERS,
    contact_links=contact_links,
    reported_loss=reported_loss,
    breakable=breakable,
    breakable_long=breakable_long,
)
templates.env.globals["check_address"] = check_address
templates.env.globals["AGENCY_KIND_LABELS"] = {
    "member": "Member agency",
    "secretariat": "Secretariat",
    "partner": "Dialogue partner",
    "observer": "Observer",
    "public": "Public",
}


def render(
    request: Request, name: str, context: dict[str, Any], *, status_code: int = 200
) -> HTMLResponse:
    """Render a template with the CSRF token (the shared layout needs it)."""
    # The 500 handler runs outside the session middleware: no session, no form token.
    # A context that brings its own token (an error page's empty one) creates none.
    if "csrf_token" in context or "session" not in request.scope:
        token = ""
    else:
        token = csrf.token(request)
    context = {"csrf_token": token, "caller": PUBLIC, "unread": 0, "agency_name": "", **context}
    return templates.TemplateResponse(request, name, context, status_code=status_code)


@dataclass(frozen=True)
class Page:
    """What a page handler needs: the request, a database session and who is asking."""

    request: Request
    session: Session
    caller: Caller

    def render(self, name: str, *, status_code: int = 200, **context: Any) -> HTMLResponse:
        """Render a template inside the layout (header with agency, role and unread alerts)."""
        unread, agency_name = 0, ""
        if self.caller.agency_id is not None:
            unread = unread_count(self.session, self.caller)
            agency = self.session.get(Agency, self.caller.agency_id)
            agency_name = agency.name if agency else ""
        return render(
            self.request,
            name,
            {"caller": self.caller, "unread": unread, "agency_name": agency_name, **context},
            status_code=status_code,
        )


def see_other(request: Request, path: str) -> RedirectResponse:
    """Send the browser on to an app path (``/reports/7``), under the proxy's prefix if any."""
    return RedirectResponse(url(request.scope, path), status_code=303)


def _next_url(request: Request) -> str:
    # ``next`` holds the app path: sign-in adds the prefix once, when it sends the user on.
    target = app_path(request.scope) + (f"?{request.url.query}" if request.url.query else "")
    return url(request.scope, "/sign-in?next=" + quote(target, safe=""))


def signed_in_page(request: Request, session: SessionDep) -> Page:
    """Return the page context of a signed-in user, or redirect to the sign-in page.

    A user of a disabled agency is told so (401) rather than sent to a sign-in that refuses
    them too.
    """
    caller = credential(request, session)
    if isinstance(caller, DisabledAgency):
        raise HTTPException(status.HTTP_401_UNAUTHORIZED, detail=caller.message())
    if not isinstance(caller, Caller):
        raise HTTPException(status.HTTP_303_SEE_OTHER, headers={"Location": _next_url(request)})
    return Page(request=request, session=session, caller=caller)


def any_page(request: Request, session: SessionDep) -> Page:
    """Return the page context of whoever is asking, signed in or not."""
    caller = resolve_caller(request, session) or PUBLIC
    return Page(request=request, session=session, caller=caller)


SignedIn = Annotated[Page, Depends(signed_in_page)]
Visitor = Annotated[Page, Depends(any_page)]
