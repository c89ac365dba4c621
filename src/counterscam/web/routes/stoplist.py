"""The hub stop-list on the web: every account sees it, members and the secretariat edit it.

An analyst's entry is its agency's: the page offers no Remove button on an entry the caller
may not change, and a form posted anyway comes back as the page, 403, saying who to ask.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, HTTPException
from fastapi.responses import HTMLResponse, Response

from counterscam.access.policy import contributes
from counterscam.link.stop_notes import rule_note
from counterscam.link.stoplist import (
    StopEntryMissing,
    StopListForbidden,
    add_stop,
    lister,
    may_change,
    remove_stop,
)
from counterscam.web import csrf
from counterscam.web.formatting import KIND_LABELS
from counterscam.web.forms import FormErrors
from counterscam.web.render import SignedIn, see_other
from counterscam.web.stop_list_view import read_stop_list
from counterscam.web.tables import csv_response

router = APIRouter()
KINDS = [(k, v) for k, v in KIND_LABELS.items() if k]


def _page(
    page: SignedIn,
    errors: FormErrors,
    form: dict[str, str],
    status: int = 200,
    *,
    expired: bool = False,
) -> Response:
    view = read_stop_list(page.session, page.caller)
    return page.render(
        "stop_list.html",
        expired=expired,
        section="stop-list",
        title="Hub stop-list",
        view=view,
        rule_note=rule_note,
        may_edit=contributes(page.caller),
        may_change=lambda entry: may_change(page.caller, entry),
        lister=lister,
        kinds=KINDS,
        errors=errors,
        form=form,
        status_code=status,
        # Back or reload after a refused remove must not ask for /stop-list/remove by GET.
        history_url="/stop-list",
    )


def _refused(page: SignedIn, exc: StopListForbidden, form: dict[str, str]) -> Response:
    # The list and the form again, the refusal beside the value it is about (the add form) or
    # at the top linking to the entries (a remove), so the user sees who to ask and stays put.
    errors = FormErrors()
    errors.add("value" if form and contributes(page.caller) else "entries", str(exc))
    return _page(page, errors, form, status=403)


@router.get("/stop-list", response_class=HTMLResponse)
def stop_list_page(page: SignedIn) -> Response:
    """Show the identifiers that never link reports, with who listed them and why."""
    return _page(page, FormErrors(), {})


@router.get("/stop-list.csv")
def stop_list_csv(page: SignedIn) -> Response:
    """Download the stop-list as the page shows it to the caller (withheld values stay empty)."""
    return csv_response(read_stop_list(page.session, page.caller).table)


@router.post("/stop-list")
def stop_list_add(
    expired: csrf.FormExpired,  # first, as the check it replaces: a visitor gets the 403 page
    page: SignedIn,
    kind: Annotated[str, Form()] = "",
    value: Annotated[str, Form()] = "",
    reason: Annotated[str, Form()] = "",
) -> Response:
    """Put an identifier on the stop-list; it stops linking at once and at every rebuild."""
    if expired and not contributes(page.caller):
        raise csrf.CsrfFailed  # no form of theirs to show again
    if expired:
        form = {"kind": kind, "value": value, "reason": reason}
        return _page(page, FormErrors(), form, status=403, expired=True)
    errors = FormErrors()
    # Every empty field is named at once, in the form's order, so one resubmission is enough.
    if kind not in dict(KINDS):
        errors.add("kind", "Choose the kind of identifier, e.g. Phone number")
    if not value.strip():
        errors.add("value", "Enter the identifier, as written anywhere, e.g. 03-2345 6789")
    if not reason.strip():
        errors.add(
            "reason",
            "Say why it must never link: give a reason, e.g. genuine Maybank hotline, "
            "reported by mistake",
        )
    if not errors:
        try:
            add_stop(page.session, page.caller, kind=kind, value=value, reason=reason)
        except StopListForbidden as exc:
            return _refused(page, exc, {"kind": kind, "value": value, "reason": reason})
        except ValueError as exc:
            errors.add("reason" if "reason" in str(exc) else "value", str(exc))
    if errors:
        form = {"kind": kind, "value": value, "reason": reason}
        return _page(page, errors, form, status=422)
    page.session.commit()
    return see_other(page.request, "/stop-list")


@router.post("/stop-list/remove", dependencies=[csrf.CsrfChecked])
def stop_list_remove(
    page: SignedIn,
    kind: Annotated[str, Form()] = "",
    value: Annotated[str, Form()] = "",
) -> Response:
    """Take an entry off the list (an automatic hub becomes an allow entry)."""
    try:
        remove_stop(page.session, page.caller, kind=kind, value=value)
    except StopListForbidden as exc:
        return _refused(page, exc, {})
    except (ValueError, StopEntryMissing) as exc:
        raise HTTPException(404, str(exc)) from exc
    page.session.commit()
    return see_other(page.request, "/stop-list")
