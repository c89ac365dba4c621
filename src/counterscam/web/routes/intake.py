"""Submitting reports from the web: the single-report form and file uploads with their results."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, UploadFile
from fastapi.responses import HTMLResponse, Response

from counterscam.access.reads import (
    NotFound,
    NotPermitted,
    ReportDetail,
    get_report,
    record_read,
)
from counterscam.api.deps import RowId
from counterscam.api.intake import audited_batch
from counterscam.api.prefix import root_path
from counterscam.config import Settings
from counterscam.intake.json_files import report_of
from counterscam.intake.service import (
    BatchNotFound,
    NotAllowed,
    get_batch,
    rejections_for,
    submit,
    submit_refusal,
)
from counterscam.web import csrf
from counterscam.web.formatting import (
    KIND_LABELS,
    all_countries,
    member_countries,
    options,
    sentence,
)
from counterscam.web.forms import FormErrors
from counterscam.web.render import Page, SignedIn, see_other
from counterscam.web.report_edit import form_of_report
from counterscam.web.report_form import CHILD_FIELDS, ReportForm, form_of
from counterscam.web.tables import csv_download
from counterscam.web.uploads import (
    TEMPLATES,
    batch_view,
    chosen_files,
    submit_upload,
    upload_page,
)

router = APIRouter()
# A narrative pasted whole from a statement can pass the form parser's 1 MB a field (Thai is 9
# bytes a letter once encoded): intake then says it is too long beside the box, text kept,
# instead of a "problem with the address" page that lost what was typed.
_FIELD_BYTES = 8 * 1024 * 1024


def _settings(page: Page) -> Settings:
    settings: Settings = page.request.app.state.settings
    return settings


def _refuse_readers(page: Page, report_id: int | None = None) -> None:
    # Partners and observers only read: say so before they fill in a form the service refuses.
    refusal = submit_refusal(page.caller)
    if refusal is None:
        return
    if report_id is not None:
        # Refused for its role before the report is looked at, a partner's request for a
        # report's form left no trace where its request for the report's page does.
        record_read(page.session, page.caller, report_id, channel="web", hits=0)
        page.session.commit()
    raise HTTPException(403, f"{sentence(refusal)}.")


def _show_form(
    page: Page,
    form: ReportForm,
    errors: FormErrors,
    *,
    status_code: int,
    editing: ReportDetail | None = None,
    expired: bool = False,
) -> Response:
    return page.render(
        "report_form.html",
        expired=expired,
        section="reports" if editing else "new",
        title=f"Correct report {editing.report.external_ref}" if editing else "New report",
        editing=editing,
        action=f"/reports/{editing.report.id}/edit" if editing else "/reports/new",
        form=form,
        errors=errors,
        rows={group: form.rows(group) for group in CHILD_FIELDS},
        child_fields=CHILD_FIELDS,
        countries=member_countries(),
        # Suspects and trafficking victims come from outside ASEAN too (CN, IN, ...).
        all_countries=all_countries(),
        choices={
            name: options(name)
            for name in (
                "scam_type",
                "channel",
                "mark",
                "role",
                "party_role",
                "place_kind",
                "id_kind",
                "age_band",
                "gender",
            )
        },
        kinds=[(k, v) for k, v in KIND_LABELS.items() if k],
        status_code=status_code,
    )


@router.get("/reports/new", response_class=HTMLResponse)
def new_report_form(page: SignedIn) -> Response:
    """Show the form for one report."""
    _refuse_readers(page)
    return _show_form(page, ReportForm({"mark": "amber"}), FormErrors(), status_code=200)


@router.post(
    "/reports/new",
    response_class=HTMLResponse,
    form_limits={"max_part_size": _FIELD_BYTES},
)
async def new_report(expired: csrf.FormExpired, page: SignedIn) -> Response:
    """Submit one report; on success show it, otherwise show every problem beside its field."""
    form = form_of(dict(await page.request.form()))
    if expired:
        _refuse_readers(page)  # a partner is told it may not submit, not shown the form again
        return _show_form(page, form, FormErrors(), status_code=403, expired=True)
    if form.get("add") in CHILD_FIELDS:
        # "Add another ..." only grows the form: nothing is saved yet.
        return _show_form(page, form, FormErrors(), status_code=200)
    return _save(page, form)


def _own_report(page: Page, report_id: int) -> ReportDetail:
    """Return a report of the caller's own agency, the one report it may correct."""
    _refuse_readers(page, report_id)
    try:
        detail = get_report(page.session, page.caller, report_id, channel="web")
    except NotFound as exc:
        raise HTTPException(404) from exc
    except NotPermitted as exc:
        raise HTTPException(403, "This report is not yours to correct.") from exc
    if detail.report.agency_id != page.caller.agency_id:
        raise HTTPException(
            403,
            f"Only {detail.agency.code}, which sent this report, can correct it: "
            "ask them to send a correction.",
        )
    return detail


@router.get("/reports/{report_id}/edit", response_class=HTMLResponse)
def edit_report_form(report_id: RowId, page: SignedIn) -> Response:
    """Show the form filled in with one of the agency's own reports."""
    detail = _own_report(page, report_id)
    return _show_form(page, form_of_report(detail), FormErrors(), status_code=200, editing=detail)


@router.post(
    "/reports/{report_id}/edit",
    response_class=HTMLResponse,
    form_limits={"max_part_size": _FIELD_BYTES},
)
async def edit_report(report_id: RowId, expired: csrf.FormExpired, page: SignedIn) -> Response:
    """Save a corrected report in place of the stored one (same reference)."""
    detail = _own_report(page, report_id)
    fields = dict(await page.request.form())
    # The reference names the report being corrected: a changed one would save a second report.
    form = form_of({**fields, "external_ref": detail.report.external_ref})
    if expired:
        return _show_form(page, form, FormErrors(), status_code=403, editing=detail, expired=True)
    if form.get("add") in CHILD_FIELDS:
        return _show_form(page, form, FormErrors(), status_code=200, editing=detail)
    return _save(page, form, editing=detail)


def _save(page: Page, form: ReportForm, editing: ReportDetail | None = None) -> Response:
    raw = report_of(form.report(), file="form", row=1)
    try:
        result = submit(
            page.session,
            page.caller,
            reports=[raw],
            source="web",
            keep_valid=False,
            settings=_settings(page),
        )
    except NotAllowed as exc:
        raise HTTPException(403, str(exc)) from exc
    if result.status != "committed" or not result.report_ids:
        errors = form.errors_of(result.errors)
        return _show_form(page, form, errors, status_code=400, editing=editing)
    # Saving a known reference replaces that report: the page says which happened, so an
    # analyst who reused a reference by mistake sees it at once.
    saved = "updated" if result.updated else "new"
    # An emptied "Share only with" box widens an amber report to every member agency: the
    # report page says so, as an upload's page does (intake.service.shares_note).
    widened = "&shares=removed" if result.shares_removed else ""
    return see_other(page.request, f"/reports/{result.report_ids[0]}?saved={saved}{widened}")


@router.get("/upload", response_class=HTMLResponse)
def upload_form(page: SignedIn) -> Response:
    """Show the upload form with the template downloads."""
    _refuse_readers(page)
    return upload_page(page, FormErrors())


@router.post("/upload", response_class=HTMLResponse, dependencies=[csrf.CsrfChecked])
def upload(
    page: SignedIn,
    # A part sent without a file name is text to the form parser: typed as files only, it was
    # refused as a "problem with the address" that quoted the file's contents.
    files: Annotated[list[UploadFile | str] | None, File()] = None,
    keep_valid: Annotated[bool, Form()] = False,
) -> Response:
    """Submit the uploaded files as one batch and go to its result page."""
    chosen, problem = chosen_files(files)
    if problem is not None:
        errors = FormErrors()
        errors.add("files", problem)
        return upload_page(page, errors, status_code=400, keep_valid=keep_valid)
    try:
        result = submit_upload(
            page.session,
            page.caller,
            files=chosen,
            keep_valid=keep_valid,
            settings=_settings(page),
            root_path=root_path(page.request.scope),
        )
    except NotAllowed as exc:
        raise HTTPException(403, str(exc)) from exc
    return see_other(page.request, f"/upload/batches/{result.batch_id}")


@router.get("/upload/batches/{batch_id}", response_class=HTMLResponse)
def batch_page(batch_id: RowId, page: SignedIn) -> Response:
    """Show a batch: accepted and rejected counts, every row error, the reports stored."""
    try:
        result = audited_batch(
            page.session,
            page.caller,
            batch_id,
            channel="web",
            read=lambda: get_batch(page.session, page.caller, batch_id),
        )
    except BatchNotFound as exc:
        raise HTTPException(404) from exc
    return page.render(
        "batch.html",
        section="upload",
        title=f"Upload {batch_id}",
        view=batch_view(page.session, page.caller, result),
        templates_=TEMPLATES,
        errors=FormErrors(),
    )


@router.get("/upload/batches/{batch_id}/rejections.csv")
def batch_rejections(batch_id: RowId, page: SignedIn) -> Response:
    """Download a batch's row errors as CSV (file, row, column, value, reason)."""
    try:
        text = audited_batch(
            page.session,
            page.caller,
            batch_id,
            channel="web",
            read=lambda: rejections_for(page.session, page.caller, batch_id),
        )
    except BatchNotFound as exc:
        raise HTTPException(404) from exc
    return csv_download(text, f"batch-{batch_id}-rejections.csv")
