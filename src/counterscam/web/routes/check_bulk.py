"""The bulk check page: a pasted list or a CSV or XLSX file checked at once, and its CSV."""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, File, Form, HTTPException, UploadFile
from fastapi.responses import HTMLResponse, Response
from pydantic import TypeAdapter, ValidationError
from starlette.datastructures import UploadFile as StarletteUpload

from counterscam.check.bulk_csv import answer_row, write_answers
from counterscam.check.bulk_xlsx import XLSX_TYPE, answers_xlsx
from counterscam.check.lists import Listed, UnreadableList, check_listed, read_file, read_lines
from counterscam.check.own_country import own_country
from counterscam.check.results import CheckItem
from counterscam.check.service import TooManyValues
from counterscam.config import Settings
from counterscam.intake.tables import size_text
from counterscam.web import csrf
from counterscam.web.check_views import BulkView, bulk_view
from counterscam.web.formatting import KIND_LABELS, member_countries, sentence
from counterscam.web.forms import FormErrors
from counterscam.web.render import Page, SignedIn
from counterscam.web.tables import csv_download
from counterscam.web.uploads import named_files, parts_problem

router = APIRouter()

# 10,000 pasted URLs (and the list the download form carries back) are several megabytes;
# the form parser refuses a field over 1 MB unless told otherwise.
_FIELD_BYTES = 16 * 1024 * 1024
# What the download form carries back: (line, kind or "", value as written, problem or "",
# note or "", qualifier or ""); a page shown before the note (the qualifier) was carried sends
# four (five).
_CHOOSE_AGAIN = "choose the file again with the page's file box and check it"
_CARRIED = TypeAdapter(
    list[
        tuple[int, str, str, str, str, str]
        | tuple[int, str, str, str, str]
        | tuple[int, str, str, str]
    ]
)


@dataclass(frozen=True)
class BulkForm:
    """The bulk form as sent, to show it again."""

    values: str = ""
    kind: str = ""
    country: str = ""


def _settings(page: Page) -> Settings:
    settings: Settings = page.request.app.state.settings
    return settings


def _show(
    page: Page,
    form: BulkForm,
    errors: FormErrors,
    *,
    listed: Sequence[Listed] = (),
    view: BulkView | None = None,
) -> Response:
    carried = [
        [
            e.line,
            e.item.kind or "",
            e.item.value,
            e.problem or "",
            e.note or "",
            e.item.qualifier or "",
        ]
        for e in listed
    ]
    return page.render(
        "check_bulk.html",
        section="check",
        title="Check a list",
        kinds=list(KIND_LABELS.items()),
        countries=member_countries(),
        form=form,
        errors=errors,
        view=view,
        carried=json.dumps(carried, ensure_ascii=False),
        limit=_settings(page).max_bulk_check,
        # The answers cannot be had again from an address: Back offers to send the list again.
        history_url=False,
        status_code=400 if errors else 200,
    )


def file_refused(page: Page, problem: str) -> Response:
    """Show the form again with why its file could not be read (the form parser gave up)."""
    errors = FormErrors()
    errors.add("file", problem)
    return _show(page, BulkForm(country=own_country(page.caller)), errors)


def _read(
    page: Page, form: BulkForm, parts: Sequence[object] | None, errors: FormErrors
) -> list[Listed]:
    """Return the list sent, pasted or in a file; say in ``errors`` what is wrong with it."""
    settings = _settings(page)
    limit = settings.max_bulk_check
    kind = form.kind or None
    if (problem := parts_problem(parts, then=_CHOOSE_AGAIN)) is not None:
        errors.add("file", problem)
        return []
    files = named_files(parts)
    if len(files) > 1:
        # The last was checked and the others dropped without a word.
        errors.add(
            "file",
            f"A list is checked from one file and {len(files):,} were sent; choose one file, "
            "then check the others one at a time",
        )
        return []
    upload: StarletteUpload | None = files[0] if files else None
    if upload is not None and form.values.strip():
        errors.add("values", "Paste the values or choose a file, not both")
        return []
    if upload is None:
        if not form.values.strip():
            errors.add("values", "Paste the values to check, one a line, or choose a file")
            return []
        listed = read_lines(form.values, kind=kind)
        if len(listed) > limit:
            errors.add(
                "values",
                f"The list holds {len(listed):,} values; a check takes at most {limit:,}. "
                f"Split it into lists of {limit:,} or fewer",
            )
        return listed
    content = upload.file.read(settings.max_upload_bytes + 1)  # a byte more tells it is too big
    if len(content) > settings.max_upload_bytes:
        # "larger than 0.0 MB" under a limit below 50 kB: sizes read as intake's uploads do.
        errors.add(
            "file",
            f"The file is larger than {size_text(settings.max_upload_bytes)}; split it into "
            "smaller files",
        )
        return []
    try:
        listed = read_file(upload.filename or "upload", content, kind=kind, most=limit)
    except UnreadableList as exc:
        errors.add("file", str(exc))
        return []
    if not listed:
        errors.add("file", "The file has a header row but no values under it")
    elif len(listed) > limit:
        errors.add(
            "file",
            f"The file holds more than {limit:,} values; a check takes at most {limit:,}. "
            f"Split it into files of {limit:,} or fewer",
        )
    return listed


@router.get("/check/bulk", response_class=HTMLResponse)
def bulk_form(page: SignedIn) -> Response:
    """Show the form for checking a list of values, the caller's country chosen to read them."""
    return _show(page, BulkForm(country=own_country(page.caller)), FormErrors())


@router.post(
    "/check/bulk",
    response_class=HTMLResponse,
    dependencies=[csrf.CsrfChecked],
    form_limits={"max_part_size": _FIELD_BYTES},
)
def bulk_submit(
    page: SignedIn,
    values: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "",
    country: Annotated[str, Form()] = "",
    # A part sent without a file name is text to the form parser: typed as a file only, it was
    # "a problem with the address" that quoted the file.
    file: Annotated[list[UploadFile | str] | None, File()] = None,
) -> Response:
    """Check every value of a pasted list or of a file: hits first, then invalid values."""
    form = BulkForm(values=values, kind=kind, country=country)
    errors = FormErrors()
    if kind not in KIND_LABELS:
        errors.add("kind", "Choose what kind of identifiers these are, or 'Detect automatically'")
    if country and country not in {code for code, _ in member_countries()}:
        errors.add("country", "Choose one of the member countries, or leave it empty")
    listed = [] if errors else _read(page, form, file, errors)
    if errors:
        return _show(page, form, errors)
    bulk = check_listed(
        page.session,
        page.caller,
        listed=listed,
        country=country or None,
        channel="web",
        limit=_settings(page).max_bulk_check,
    )
    return _show(page, form, errors, listed=listed, view=bulk_view(listed, bulk))


def _listed(
    line: int, kind: str, value: str, problem: str, note: str = "", qualifier: str = ""
) -> Listed:
    item = CheckItem(value=value, kind=kind or None, qualifier=qualifier or None)
    return Listed(line, item, problem or None, note or None)


def _answers(page: Page, items: str, country: str) -> list[list[str]]:
    """Check the list the results page carries again; its answers as rows of the CSV file."""
    try:
        carried = _CARRIED.validate_json(items)
    except ValidationError as exc:
        raise HTTPException(400, "The list to download could not be read; check it again.") from exc
    listed = [_listed(*kept) for kept in carried]
    if country and country not in {code for code, _ in member_countries()}:
        raise HTTPException(400, "Choose one of the member countries, or leave it empty.")
    try:
        bulk = check_listed(
            page.session,
            page.caller,
            listed=listed,
            country=country or None,
            channel="web",
            limit=_settings(page).max_bulk_check,
        )
    except TooManyValues as exc:
        raise HTTPException(400, sentence(str(exc))) from exc
    return [answer_row(e, r) for e, r in zip(listed, bulk.items, strict=True)]


@router.post(
    "/check/bulk.csv", dependencies=[csrf.CsrfChecked], form_limits={"max_part_size": _FIELD_BYTES}
)
def bulk_csv(
    page: SignedIn,
    items: Annotated[str, Form()] = "[]",
    country: Annotated[str, Form()] = "",
) -> Response:
    """Check the list the results page carries again and download the answers as CSV."""
    out = io.StringIO()
    write_answers(out, _answers(page, items, country))
    return csv_download(out.getvalue(), "bulk-check.csv")


@router.post(
    "/check/bulk.xlsx", dependencies=[csrf.CsrfChecked], form_limits={"max_part_size": _FIELD_BYTES}
)
def bulk_xlsx(
    page: SignedIn,
    items: Annotated[str, Form()] = "[]",
    country: Annotated[str, Form()] = "",
) -> Response:
    """The answers as an Excel workbook: numbers and accounts stay as written when opened."""
    return Response(
        content=answers_xlsx(_answers(page, items, country)),
        media_type=XLSX_TYPE,
        headers={"Content-Disposition": 'attachment; filename="bulk-check.xlsx"'},
    )
