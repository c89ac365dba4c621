"""The error answers each route gives, as the OpenAPI description lists them.

FastAPI lists only a route's own answer and its 422, so the served reference said nothing of
the 401 every signed-in route gives, of the 403 naming the holder of a record, or of the 404
of an id: a client generated from the description had no type for them. They are added here,
in the one shape every API error takes (docs/api.md, Errors).
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, Field


class ErrorOut(BaseModel):
    """An error: what was wrong and how to fix it."""

    detail: str | dict[str, Any] | list[Any] = Field(
        description=(
            "Words saying what was wrong and how to fix it; for a 403 on a record, an object "
            "with the holder agency, mark and how to request it."
        )
    )


Responses = dict[int | str, dict[str, Any]]


def _error(description: str) -> dict[str, Any]:
    return {"model": ErrorOut, "description": description}


SIGNED_IN: Responses = {
    401: _error(
        "No credentials, or a token that is unknown, revoked, expired or of a disabled user, or "
        "a web sign-in that has ended; the detail says which."
    )
}
BAD_TOKEN: Responses = {
    401: _error(
        "A token that is unknown, revoked, expired or of a disabled user, or an Authorization "
        "header of another scheme; the detail says which. Send none for the public answer."
    )
}
SUBMITS: Responses = {
    403: _error("The caller's agency is a partner or an observer, which cannot submit."),
    408: _error("The body stopped arriving for 60 seconds; nothing of it was saved."),
    413: _error("The body is larger than COUNTERSCAM_MAX_UPLOAD_BYTES; nothing was saved."),
}

SEARCHES: Responses = {
    503: _error(
        "Searches are paused: the audit log cannot be written and no search runs unaudited; "
        "try again after Retry-After seconds (the administrator should look at the database). "
        "Written through (COUNTERSCAM_AUDIT_FLUSH_SECONDS=0), a search's audit row may also "
        "find the database busy with another writer (a long import on SQLite): then the "
        "detail says the database is busy; try again after Retry-After seconds."
    )
}


def answer_or_invalid(model: str, description: str) -> Responses:
    """Return a 422 that is the route's own answer (``model``) or a list of invalid input.

    Described as the answer alone, a client generated from the description failed to read
    the list a bad query or body gets (an empty ``value``, an unknown parameter, no file).
    """
    either = [{"$ref": f"#/components/schemas/{name}"} for name in (model, "HTTPValidationError")]
    content = {"application/json": {"schema": {"anyOf": either}}}
    return {
        422: {
            "description": f"{description}; or, for input that cannot be read at all, the "
            "list of what was wrong (HTTPValidationError).",
            "content": content,
        }
    }


def hidden(what: str) -> Responses:
    """Return the 403 of a record the caller's agency may not see, and the 404 of none."""
    return {
        403: _error(
            f"The {what} exists but your agency may not see it: who holds it and how to ask."
        ),
        404: _error(f"There is no such {what}."),
    }


def missing(what: str) -> Responses:
    """Return the 404 of an address that names no ``what``."""
    return {404: _error(f"There is no {what}.")}
