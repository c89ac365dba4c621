"""API routes: intake of reports (one, a JSON batch, file uploads), batches and templates."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Annotated, Any, TypeVar

from fastapi import (
    APIRouter,
    Depends,
    File,
    Form,
    HTTPException,
    Query,
    Request,
    UploadFile,
    status,
)
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

from counterscam.access import audit
from counterscam.access.caller import Caller
from counterscam.access.reads import MISSING, REFUSED
from counterscam.api.deps import CurrentCaller, RowId, SessionDep, SettingsDep
from counterscam.api.error_docs import SIGNED_IN, SUBMITS, answer_or_invalid, missing
from counterscam.api.errors import (
    FILE_NAME_CHARS,
    SEND_FILES,
    invalid,
    long_file_name,
    strict_form,
    strict_query,
)
from counterscam.api.prefix import app_path, root_path, url
from counterscam.config import Settings
from counterscam.db.models import ImportBatch
from counterscam.intake.files import read_uploads
from counterscam.intake.json_files import max_values, parse, reports_of
from counterscam.intake.records import FileProblem, RawReport, RowError, TooLarge, file_problem
from counterscam.intake.service import (
    BatchNotFound,
    BatchResult,
    NotAllowed,
    batch_notes,
    empty_note,
    get_batch,
    rejections_for,
    submit,
)
from counterscam.intake.tables import Limits, too_large, upload_limits
from counterscam.intake.templates import UnknownTemplate, csv_template, xlsx_template

router = APIRouter(tags=["intake"], dependencies=[Depends(strict_query)])
T = TypeVar("T")
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
REJECTED = answer_or_invalid("BatchOut", "A report or row was rejected: the batch and its `errors`")


class RowErrorOut(BaseModel):
    """One rejected value."""

    file: str
    row: int
    column: str
    value: str
    reason: str


class BatchOut(BaseModel):
    """The outcome of a submission."""

    batch_id: int | None
    status: str
    accepted: int
    rejected: int
    created: int
    updated: int
    errors: list[RowErrorOut]
    report_ids: list[int]
    # Left out when nothing was kept, so answers to batches that gave every section are as
    # before; ``note`` says it in words.
    kept: dict[str, int] | None = None
    # The references of resubmitted amber reports whose share list the batch emptied, now
    # visible to every member agency (``note`` says so too); left out when there are none.
    shares_removed: list[str] | None = None
    note: str | None = None


def _limits(settings: Settings) -> Limits:
    return upload_limits(settings)


def _answer(result: BatchResult, *, too_large: bool = False) -> JSONResponse:
    code = status.HTTP_422_UNPROCESSABLE_CONTENT if result.status == "rejected" else 201
    if too_large:
        code = status.HTTP_413_CONTENT_TOO_LARGE
    return JSONResponse(_batch_body(result), status_code=code)


def _batch_body(result: BatchResult) -> dict[str, Any]:
    """Return a batch's outcome as JSON; ``kept``, ``shares_removed`` and ``note`` are left
    out when there is nothing to say."""
    notes = [n for n in (empty_note(result), *batch_notes(result)) if n is not None]
    body = BatchOut(
        batch_id=result.batch_id,
        status=result.status,
        accepted=result.accepted,
        rejected=result.rejected,
        created=result.created,
        updated=result.updated,
        errors=[RowErrorOut(**vars(e)) for e in result.errors],
        report_ids=result.report_ids,
        kept=result.kept or None,
        shares_removed=result.shares_removed_refs or None,
        note=". ".join(notes) if notes else None,
    )
    quiet = {name for name in ("kept", "shares_removed", "note") if getattr(body, name) is None}
    return body.model_dump(mode="json", exclude=quiet)


def _submit(
    session: SessionDep,
    caller: CurrentCaller,
    settings: Settings,
    *,
    reports: Iterable[RawReport | RowError],
    source: str,
    filename: str,
    keep_valid: bool,
    too_large: bool = False,
) -> JSONResponse:
    try:
        result = submit(
            session,
            caller,
            reports=reports,
            source=source,
            filename=filename,
            keep_valid=keep_valid,
            settings=settings,
        )
    except NotAllowed as exc:
        raise HTTPException(status.HTTP_403_FORBIDDEN, str(exc)) from exc
    return _answer(result, too_large=too_large)


async def _json_body(request: Request, settings: SettingsDep) -> Any:
    """Return the body parsed as a JSON file is, or the FileProblem saying why it cannot be."""
    # Not FastAPI's parser: that keeps the last of a key given twice without a word (a report
    # naming two external_refs would be stored under one) and answers a bare 400 to nesting
    # too deep to read; intake's parser reports both, as it does for files.
    limit = settings.max_upload_bytes
    # Read no further than the upload limit: a body of any size was held whole before.
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            return too_large("request", limit)
        chunks.append(chunk)
    body = b"".join(chunks)
    if not body.strip():
        # Was "not valid JSON ... looks cut short", which sent the client looking for a bug in
        # its network code rather than in what it sends.
        return file_problem("request", _empty_body(request))
    try:
        return parse(body, file="request", max_values=max_values(upload_limits(settings)))
    except FileProblem as exc:
        sent = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if sent in _FORMS:
            # A form read as JSON failed at its first character, which said nothing of why.
            return file_problem(
                "request",
                f"the body was sent as a form (Content-Type: {sent}), not as JSON: send the "
                "report as JSON with the header 'Content-Type: application/json', or send "
                f"files to {url(request.scope, '/api/v1/uploads')} as multipart/form-data",
            )
        return exc


def _empty_body(request: Request) -> str:
    batch = app_path(request.scope).endswith("/batch")
    shape = '{"reports": [REPORT, ...]}' if batch else "one report, a JSON object {...}"
    return (
        f"the body is empty: send {shape} (docs/formats.md) with the header "
        "'Content-Type: application/json'"
    )


# A body that is not JSON but a form: other types (text/plain) are still read as JSON.
_FORMS = frozenset(("application/x-www-form-urlencoded", "multipart/form-data"))


JsonBody = Annotated[Any, Depends(_json_body)]


def _body_doc(description: str) -> dict[str, Any]:
    content = {"application/json": {"schema": {"type": "object", "description": description}}}
    return {"requestBody": {"required": True, "content": content}}


@router.post(
    "/reports",
    status_code=201,
    response_model=BatchOut,
    responses={**SIGNED_IN, **SUBMITS, **REJECTED},
    openapi_extra=_body_doc("One REPORT (docs/formats.md)."),
)
def api_submit_report(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    settings: SettingsDep,
    report: JsonBody,
) -> JSONResponse:
    """Submit one report; resubmitting its external_ref updates it."""
    raw: Iterable[RawReport | RowError]
    if isinstance(report, FileProblem):
        raw = report.errors
    elif isinstance(report, list):
        raw = file_problem(
            "request",
            f"POST {url(request.scope, '/api/v1/reports')} takes one report, a JSON object "
            f"{{...}}; send a list of reports to {url(request.scope, '/api/v1/reports/batch')} "
            'as {"reports": [REPORT, ...]}',
        ).errors
    else:
        raw = reports_of([report], file="request", limits=_limits(settings))
    return _submit(
        session,
        caller,
        settings,
        reports=raw,
        source="api",
        filename="",
        keep_valid=False,
        too_large=isinstance(report, TooLarge),
    )


@router.post(
    "/reports/batch",
    status_code=201,
    response_model=BatchOut,
    responses={**SIGNED_IN, **SUBMITS, **REJECTED},
    openapi_extra=_body_doc('{"reports": [REPORT, ...]}, at most 10,000.'),
)
def api_submit_batch(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    settings: SettingsDep,
    batch: JsonBody,
    keep_valid: Annotated[bool, Query(description="Store valid reports, list the rest.")] = False,
) -> JSONResponse:
    """Submit a batch of reports, all or nothing unless keep_valid."""
    raw: Iterable[RawReport | RowError]
    if isinstance(batch, FileProblem):
        raw = batch.errors
    else:
        raw = reports_of(
            batch, file="request", limits=_limits(settings), root_path=root_path(request.scope)
        )
    return _submit(
        session,
        caller,
        settings,
        reports=raw,
        source="api",
        filename="",
        keep_valid=keep_valid,
        too_large=isinstance(batch, TooLarge),
    )


@router.post(
    "/uploads",
    status_code=201,
    response_model=BatchOut,
    responses={**SIGNED_IN, **SUBMITS, **REJECTED},
    dependencies=[Depends(strict_form)],
)
def api_upload(
    request: Request,
    session: SessionDep,
    caller: CurrentCaller,
    settings: SettingsDep,
    files: Annotated[list[UploadFile], File(description="CSV set, one XLSX or one JSON.")],
    keep_valid: Annotated[bool, Form()] = False,
) -> JSONResponse:
    """Upload report files (CSV set, XLSX workbook or JSON) as one batch."""
    _check_names(files)
    uploaded = read_uploads(
        ((u.filename or "upload", u.file) for u in files), settings.max_upload_bytes
    )
    return _submit(
        session,
        caller,
        settings,
        reports=uploaded.reports(_limits(settings), root_path=root_path(request.scope)),
        source=uploaded.format,
        filename=uploaded.names,
        keep_valid=keep_valid,
        too_large=uploaded.too_large is not None,
    )


def _check_names(files: list[UploadFile]) -> None:
    """Refuse a file part without a name, or with a name no file system holds (a 422)."""
    for n, upload in enumerate(files):
        name = upload.filename or ""
        if not name:
            # Read as a file called "upload" before, so its errors named no file the client had.
            msg = f"files[{n}] has an empty file name; {SEND_FILES}."
        elif len(name) > FILE_NAME_CHARS:
            msg = f"{long_file_name(name)}."
        else:
            continue
        raise invalid(("body", "files", n), msg, None, "value_error")


def audited_batch(
    session: Session, caller: Caller, batch_id: int, *, channel: str, read: Callable[[], T]
) -> T:
    """Run a read of a batch and audit it, a miss too: its row errors hold values as sent.
    Its row is queued as other reads' are (``audit.record_read``): it waits for no import.

    Another agency's batch and a batch that does not exist are answered alike (404), but the
    miss's row says which it was: ``outcome=refused`` or ``outcome=missing`` (docs/access.md).
    """
    try:
        result = read()
    except BatchNotFound:
        outcome = MISSING if session.get(ImportBatch, batch_id) is None else REFUSED
        audit.record_read(
            session,
            caller,
            channel=channel,
            action="read_batch",
            query=outcome,
            record_ref=f"batch:{batch_id}",
        )
        session.commit()
        raise
    audit.record_read(
        session,
        caller,
        channel=channel,
        action="read_batch",
        record_ref=f"batch:{batch_id}",
        hits=1,
    )
    session.commit()
    return result


@router.get(
    "/batches/{batch_id}",
    response_model=BatchOut,
    responses={**SIGNED_IN, **missing("batch of that id submitted by your agency")},
)
def api_get_batch(batch_id: RowId, session: SessionDep, caller: CurrentCaller) -> JSONResponse:
    """Return a batch your agency submitted, with its row errors."""
    try:
        result = audited_batch(
            session,
            caller,
            batch_id,
            channel="api",
            read=lambda: get_batch(session, caller, batch_id),
        )
    except BatchNotFound as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
    return JSONResponse(_batch_body(result))


@router.get(
    "/batches/{batch_id}/rejections.csv",
    response_class=Response,
    responses={**SIGNED_IN, **missing("batch of that id submitted by your agency")},
)
def api_batch_rejections(batch_id: RowId, session: SessionDep, caller: CurrentCaller) -> Response:
    """Download a batch's rejection file (file,row,column,value,reason)."""
    try:
        text = audited_batch(
            session,
            caller,
            batch_id,
            channel="api",
            read=lambda: rejections_for(session, caller, batch_id),
        )
    except BatchNotFound as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="batch-{batch_id}-rejections.csv"'},
    )


@router.get("/templates/reports.xlsx", response_class=Response)
def api_template_xlsx() -> Response:
    """Download the XLSX template, with a README sheet of allowed codes."""
    return Response(
        xlsx_template(),
        media_type=XLSX,
        headers={"Content-Disposition": 'attachment; filename="reports.xlsx"'},
    )


@router.get(
    "/templates/{name}.csv", response_class=Response, responses=missing("template of that name")
)
def api_template_csv(name: str) -> Response:
    """Download a CSV template: reports, identifiers, parties or places."""
    try:
        text = csv_template(name)
    except UnknownTemplate as exc:
        raise HTTPException(status.HTTP_404_NOT_FOUND, str(exc)) from exc
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}.csv"'},
    )
