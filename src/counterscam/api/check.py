"""API routes: check one value or many against the whole region's reports."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request, status
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, field_validator

from counterscam.access.throttle import over_limit
from counterscam.api.body_limit import LimitedBodyRoute
from counterscam.api.deps import CurrentCaller, SessionDep, SettingsDep, caller_or_public
from counterscam.api.error_docs import (
    BAD_TOKEN,
    SEARCHES,
    SIGNED_IN,
    SUBMITS,
    answer_or_invalid,
)
from counterscam.api.errors import invalid, strict_query
from counterscam.api.openapi_auth import OPTIONAL
from counterscam.api.threaded import QueryModelRoute
from counterscam.check.list_text import qualifier_of
from counterscam.check.own_country import own_country
from counterscam.check.results import CheckItem, CheckResult
from counterscam.check.service import TooManyValues, check, check_bulk
from counterscam.intake.chars import lone_surrogate
from counterscam.intake.vocab import iso_country

router = APIRouter(tags=["check"])


class HoldingOut(BaseModel):
    """Matching records the caller may not see: who holds them and how to ask."""

    model_config = ConfigDict(from_attributes=True)

    agency_code: str
    agency_name: str
    country: str
    mark: str
    reports: int
    contact: str = Field(description="How to request the records.")


class MatchOut(BaseModel):
    """A matching report the caller may see."""

    model_config = ConfigDict(from_attributes=True)

    report_id: int
    external_ref: str
    agency_code: str
    country: str
    reported_at: datetime
    scam_type: str
    mark: str
    roles: list[str]


class StopNoteOut(BaseModel):
    """The value is on the hub stop-list: it links no reports and raises no alerts."""

    model_config = ConfigDict(from_attributes=True)

    reason: str = Field(description="Why, e.g. a bank's genuine hotline reported by mistake.")
    listed_by: str = Field(description="`auto` (the hub rules), the analyst, or another agency.")
    listed_at: datetime
    automatic: bool


class CheckOut(BaseModel):
    """The answer to one check: hit or no-hit first, then what the caller may learn."""

    model_config = ConfigDict(from_attributes=True)

    query: str
    kind: str | None
    value: str | None = Field(description="The canonical value that was looked up.")
    hit: bool
    error: str | None = Field(description="Why the value is not a valid identifier.")
    read_in: str | None = Field(
        None,
        description="Signed in, without `country`: the country (your agency's own, when a "
        "member country) a value written without its country code was read in, such as a "
        "local phone number or a short code; null when `country` was given or the value did "
        "not need a country. Give `country` to read it in another.",
    )
    shared_platform: bool
    shared_note: str | None = Field(
        None,
        description="For a shared_platform value, what it is and why a match on it says "
        "little (a big platform, a private network address, a burn wallet); null otherwise.",
    )
    stop_list: StopNoteOut | None = Field(
        description="Set for a hit on a value the hub stop-list holds; null otherwise."
    )
    reports: int = Field(description="Matching reports the caller may see.")
    countries: list[str]
    first_seen: datetime | None
    last_seen: datetime | None
    scam_types: list[str]
    loss_usd: Decimal = Field(
        description="Sum of the losses the reports the caller may see give, in US dollars; "
        "`0` when none gives one (see `reports_with_loss`)."
    )
    reports_with_loss: int = Field(
        description="How many of those reports give a loss (a loss of 0 counts: a failed "
        "attempt); 0 means no loss is known, not that none was lost."
    )
    matches: list[MatchOut]
    holdings: list[HoldingOut]
    related: list[CheckOut] = Field(description="Context, such as a URL's domain; not hits.")


def _text_only(value: str | None) -> str | None:
    # json.loads lets "\ud800" through; such a value failed the answer (its echo cannot be
    # encoded) as a 500, so it is refused here, where the 422 names the field.
    if value is not None and (why := lone_surrogate(value)) is not None:
        raise ValueError(why)
    return value


# The fields of a check request are refused when unknown: a misspelt "contry" read every
# value without its default country, and the answer did not say so.
_STRICT = ConfigDict(extra="forbid")
MAX_VALUE_CHARS = 2000
MAX_QUALIFIER_CHARS = 100  # as intake's qualifier column


class BulkItemIn(BaseModel):
    """One value to check."""

    model_config = _STRICT

    kind: str | None = None
    value: str = Field(max_length=MAX_VALUE_CHARS)
    qualifier: str | None = Field(
        None,
        max_length=MAX_QUALIFIER_CHARS,
        description="The bank, e-wallet provider, chain or platform when the value does not "
        "name it (`Telegram` for `@name`), as in the intake identifiers file.",
    )

    _text = field_validator("kind", "value", "qualifier")(_text_only)


class BulkIn(BaseModel):
    """A list of values to check, read with one default country (signed in: your agency's own
    when not given)."""

    model_config = _STRICT

    items: list[BulkItemIn]
    country: str | None = None

    _text = field_validator("country")(_text_only)


class BulkOut(BaseModel):
    """The answers, in the order asked."""

    checked: int
    hits: int
    invalid: int
    items: list[CheckOut]


def check_out(result: CheckResult) -> CheckOut:
    """Render a check result as JSON."""
    return CheckOut.model_validate(result)


# CheckResult has CheckOut's fields in CheckOut's order, so pydantic can write the answer
# straight from the dataclass; validating it into CheckOut first cost more than the lookup.
# tests/api/test_check_route.py keeps the two byte for byte the same.
_ANSWER = TypeAdapter(CheckResult)


def check_json(result: CheckResult) -> bytes:
    """Return the JSON of one answer, exactly as ``CheckOut`` documents it."""
    return _ANSWER.dump_json(result)


class CheckQuery(BaseModel):
    """The query of one check."""

    model_config = _STRICT

    value: str = Field(min_length=1, max_length=MAX_VALUE_CHARS)
    kind: str | None = None
    # Two letters, or a listed country's three (MYS), as the CLI's --country reads it.
    country: str | None = Field(None, min_length=2, max_length=3)


def _default_country(given: str | None) -> str | None:
    """Return the alpha-2 code of a check's default country: ``MYS`` is ``MY``; a code no
    listed country has is passed on as written (upper-cased), for the check to refuse."""
    if not given:
        return None
    return iso_country(given) or given.upper()


def api_check(request: Request, query: Annotated[CheckQuery, Query()]) -> Response:
    """Check one value; without sign-in the answer is hit or no-hit over clear reports only."""
    # The session and the caller are made here, in the worker thread the route runs in, not
    # as dependencies: FastAPI solves those on the event loop, which every request waits for.
    with request.app.state.sessions() as session:
        caller = caller_or_public(request, session)
        if caller.is_public and (wait := over_limit(request)) is not None:
            return JSONResponse(
                {"detail": f"Too many checks from your address. Wait {wait} s and try again."},
                status_code=status.HTTP_429_TOO_MANY_REQUESTS,
                headers={"Retry-After": str(wait)},
            )
        result = check(
            session,
            caller,
            kind=query.kind,
            value=query.value,
            country=_default_country(query.country),
            channel="api",
            default_country=own_country(caller),
        )
    return Response(
        check_json(result),
        status_code=422 if result.error is not None else 200,
        media_type="application/json",
    )


BULK_PATH = "/check/bulk"


class CheckRoute(QueryModelRoute):
    """The check's route: a value given twice is pointed to the bulk check."""

    instead = f"to check several values use POST {{root}}/api/v1{BULK_PATH}"


# The busiest route of the API: QueryModelRoute reads its query in the worker thread too.
router.add_api_route(
    "/check",
    api_check,
    methods=["GET"],
    response_model=CheckOut,
    responses={
        **BAD_TOKEN,
        **answer_or_invalid("CheckOut", "Not a valid identifier: the answer, with `error` set"),
        429: {"description": "Too many checks without sign-in from this address; see Retry-After."},
        **SEARCHES,
    },
    route_class_override=CheckRoute,
    openapi_extra={"security": OPTIONAL},
)


def api_check_bulk(
    body: BulkIn, session: SessionDep, caller: CurrentCaller, settings: SettingsDep
) -> BulkOut:
    """Check up to ``max_bulk_check`` values; invalid values are answered with their reason."""
    try:
        result = check_bulk(
            session,
            caller,
            items=[CheckItem(i.value, i.kind, qualifier_of(i.qualifier or "")) for i in body.items],
            country=_default_country(body.country),
            channel="api",
            limit=settings.max_bulk_check,
            default_country=own_country(caller),
        )
    except TooManyValues as exc:
        sent = [i.model_dump(exclude_none=True) for i in body.items]  # echoed cut short
        raise invalid(("body", "items"), str(exc), sent, "too_long") from exc
    return BulkOut(
        checked=result.checked,
        hits=result.hits,
        invalid=result.invalid,
        items=[check_out(r) for r in result.items],
    )


router.add_api_route(
    BULK_PATH,
    api_check_bulk,
    methods=["POST"],
    response_model=BulkOut,
    responses={**SIGNED_IN, 413: SUBMITS[413], **SEARCHES},
    route_class_override=LimitedBodyRoute,
    dependencies=[Depends(strict_query)],
)
