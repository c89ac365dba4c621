"""The check page (signed in) and the public check page (hit or no-hit on clear data only)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated
from urllib.parse import urlencode

from fastapi import APIRouter, Form
from fastapi.responses import HTMLResponse, Response

from counterscam.access.caller import PUBLIC
from counterscam.access.throttle import over_limit
from counterscam.check.own_country import own_country
from counterscam.check.results import CheckResult
from counterscam.check.service import check
from counterscam.web import csrf
from counterscam.web.check_views import seen_in
from counterscam.web.formatting import KIND_LABELS, member_countries, sentence
from counterscam.web.forms import FormErrors
from counterscam.web.render import Page, SignedIn, Visitor

router = APIRouter()

VALUE_HINT = (
    "For example +60 12-345 6789, Maybank 5140 1234 5678, TRON wallet T..., "
    "https://example.com or name@example.com"
)


@dataclass(frozen=True)
class Outcome:
    """A submitted check: the form's errors, or the answer."""

    errors: FormErrors
    result: CheckResult | None = None


def _run(page: Page, *, kind: str, value: str, country: str) -> Outcome:
    errors = FormErrors()
    if kind not in KIND_LABELS:
        errors.add("kind", "Choose what kind of identifier this is, or 'Detect automatically'")
    if not value.strip():
        errors.add("value", "Enter the number, account, wallet, website or address to check")
    if len(value) > 600:
        errors.add("value", "Enter at most 600 characters")
    codes = {code for code, _ in member_countries()}
    if country and country not in codes:
        errors.add("country", "Choose one of the member countries, or leave it empty")
    if errors:
        return Outcome(errors)
    result = check(
        page.session,
        page.caller,
        kind=kind or None,
        value=value,
        country=country or None,
        channel="web",
    )
    if result.error:
        errors.add("value", sentence(result.error))
        return Outcome(errors)
    return Outcome(errors, result)


def _show(
    page: Page,
    template: str,
    *,
    kind: str = "",
    value: str = "",
    country: str = "",
    asked: bool = False,
    outcome: Outcome | None = None,
    status_code: int | None = None,
) -> Response:
    errors = outcome.errors if outcome else FormErrors()
    # Back to an answer comes as this address, which checks again (GET /check?value=...).
    fields = {"kind": kind, "value": value, "country": country}
    history_url = None
    if template == "check.html" and value:
        history_url = "/check?" + urlencode({k: v for k, v in fields.items() if v})
        if outcome and outcome.result:
            # The form goes to #verdict; an address without it, put in place by app.js before
            # the page scrolled, kept a phone's answer out of sight under the form.
            history_url += "#verdict"
    elif template == "public_check.html" and outcome and outcome.result:
        history_url = "/public/check#verdict"  # the value stays out of the visitor's history
    return page.render(
        template,
        section="check",
        # The tab of a visitor's page names what they came for, as its heading does.
        title="Public check" if template == "public_check.html" else "Check an identifier",
        kinds=list(KIND_LABELS.items()),
        countries=member_countries(),
        form=fields,
        history_url=history_url,
        errors=errors,
        result=outcome.result if outcome else None,
        seen_in=seen_in(outcome.result if outcome else None),
        asked=asked,
        value_hint=VALUE_HINT,
        status_code=status_code or (400 if errors else 200),
    )


@router.get("/check", response_class=HTMLResponse)
def check_form(page: SignedIn, kind: str = "", value: str = "", country: str = "") -> Response:
    """Show the check form; with a value (a link from a report), check it at once."""
    country = country or own_country(page.caller)
    if not value:
        return _show(page, "check.html", kind=kind, country=country)
    outcome = _run(page, kind=kind, value=value, country=country)
    return _show(
        page, "check.html", kind=kind, value=value, country=country, asked=True, outcome=outcome
    )


@router.post("/check", response_class=HTMLResponse, dependencies=[csrf.CsrfChecked])
def check_submit(
    page: SignedIn,
    kind: Annotated[str, Form()] = "",
    value: Annotated[str, Form()] = "",
    country: Annotated[str, Form()] = "",
) -> Response:
    """Check one value against all the region's reports."""
    outcome = _run(page, kind=kind, value=value, country=country)
    return _show(
        page, "check.html", kind=kind, value=value, country=country, asked=True, outcome=outcome
    )


@router.get("/public/check", response_class=HTMLResponse)
def public_check_form(page: Visitor) -> Response:
    """Show the public check form."""
    return _show(_public(page), "public_check.html")


@router.post("/public/check", response_class=HTMLResponse, dependencies=[csrf.CsrfChecked])
def public_check_submit(
    page: Visitor,
    kind: Annotated[str, Form()] = "",
    value: Annotated[str, Form()] = "",
    country: Annotated[str, Form()] = "",
) -> Response:
    """Tell a member of the public whether a value was publicly reported as a scam."""
    public = _public(page)
    wait = over_limit(page.request)
    if wait is not None:
        errors = FormErrors()
        errors.add("value", f"Too many checks from your address. Wait {wait} s and try again.")
        response = _show(
            public,
            "public_check.html",
            kind=kind,
            value=value,
            country=country,
            outcome=Outcome(errors),
            status_code=429,
        )
        response.headers["Retry-After"] = str(wait)
        return response
    outcome = _run(public, kind=kind, value=value, country=country)
    return _show(
        public,
        "public_check.html",
        kind=kind,
        value=value,
        country=country,
        asked=True,
        outcome=outcome,
    )


def _public(page: Page) -> Page:
    # The public page answers as the anonymous caller even for a signed-in visitor.
    return Page(request=page.request, session=page.session, caller=PUBLIC)
