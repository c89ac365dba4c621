"""Uploads from the web page: files into the intake service, and what a batch produced."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeGuard

from fastapi.responses import Response
from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile as StarletteUpload
from starlette.formparsers import MultiPartException

from counterscam.access.caller import Caller
from counterscam.access.policy import report_visible
from counterscam.api.errors import FILE_NAME_CHARS, long_file_name, name_too_long
from counterscam.config import Settings
from counterscam.db.models import Report
from counterscam.intake.files import read_uploads
from counterscam.intake.service import (
    BatchResult,
    batch_notes,
    empty_note,
    shares_note,
    submit,
)
from counterscam.intake.tables import upload_limits
from counterscam.web.forms import FormErrors
from counterscam.web.render import Page
from counterscam.web.tables import Column, Table

TEMPLATES = ("reports", "identifiers", "parties", "places")
CHOOSE = "Choose a CSV, XLSX or JSON file to upload"
AGAIN = "upload it again"
CHOOSE_AGAIN = "choose the files again with the page's file box and upload them"
SHOWN_REPORTS = 200
# Row errors listed on the page; the rejection file has them all. 10,000 errors (reasons
# quoting 5,000-character values, then) made a 20 MB page.
SHOWN_ERRORS = 1_000

ERROR_COLUMNS = (
    Column("file", "File"),
    Column("row", "Row", "count"),
    Column("column", "Column", "code"),
    Column("value", "Value"),
    Column("reason", "Reason"),
)


@dataclass(frozen=True)
class BatchView:
    """A submitted batch as its page shows it: counts, every row error, the stored reports."""

    result: BatchResult
    errors: Table
    reports: Table

    @property
    def notes(self) -> list[tuple[str, bool]]:
        """Return what the CLI and API say beside a batch's counts, each with whether it warns.

        The page picked the notes it knew one by one, so a note added to ``batch_notes`` (the
        stand-in FX rate) was said by the CLI and API but not here. A removed share list warns:
        the report is now shown to more agencies than its sender chose.
        """
        widened = shares_note(self.result)
        notes = [(note, note == widened) for note in batch_notes(self.result)]
        empty = empty_note(self.result)
        return notes if empty is None else [(empty, True), *notes]

    @property
    def errors_left_out(self) -> int:
        """Return how many row errors the page does not list (the rejection file has them)."""
        return max(0, len(self.result.errors) - SHOWN_ERRORS)


def upload_page(
    page: Page, errors: FormErrors, *, status_code: int = 200, keep_valid: bool = False
) -> Response:
    """Render the upload form, with the problems of a refused upload beside its file box.

    ``keep_valid`` ticks "Keep the valid rows" as it was sent: the form came back unticked,
    and the file chosen again was refused whole for one bad row.
    """
    return page.render(
        "upload.html",
        section="upload",
        title="Upload reports",
        errors=errors,
        templates_=TEMPLATES,
        keep_valid=keep_valid,
        status_code=status_code,
    )


def _named(part: object) -> TypeGuard[StarletteUpload]:
    # The form parser makes Starlette's UploadFile, of which FastAPI's is a subclass.
    return isinstance(part, StarletteUpload) and bool(part.filename)


def named_files(parts: Sequence[object] | None) -> list[StarletteUpload]:
    """Return the parts of a form's file box that are files: those sent with a file name."""
    return [part for part in parts or [] if _named(part)]


def parts_problem(parts: Sequence[object] | None, *, then: str = CHOOSE_AGAIN) -> str | None:
    """Say what is wrong with the parts of a file box, or None if nothing is.

    A part without a file name reaches the route as text (or as a file without a name): alone
    it is a file box left empty; beside files it is one a client failed to name. It was
    skipped without a word and the batch saved without it. Its text is never shown back.
    """
    sent = list(parts or [])
    nameless = [n for n, part in enumerate(sent, 1) if not _named(part)]
    if nameless and len(nameless) < len(sent):
        which = ", ".join(f"{n:,}" for n in nameless[:3])
        if len(nameless) > 3:
            which += f" and {len(nameless) - 3:,} more"
        one = len(nameless) == 1
        return (
            f"{'File' if one else 'Files'} {which} of the {len(sent):,} sent "
            f"{'has' if one else 'have'} no file name, so nothing was read; {then}"
        )
    for part in sent:
        name = getattr(part, "filename", None) or ""
        if len(name) > FILE_NAME_CHARS:
            return long_file_name(name, then=AGAIN)
    return None


def chosen_files(files: Sequence[object] | None) -> tuple[list[StarletteUpload], str | None]:
    """Return the files of a form and what is wrong with them, if anything."""
    chosen = named_files(files)
    if not chosen:
        return chosen, CHOOSE
    return chosen, parts_problem(files)


def unreadable_form(exc: MultiPartException) -> str:
    """Say why an upload's form could not be read, in the words the upload page uses."""
    if (too_long := name_too_long(exc, then=AGAIN)) is not None:
        return too_long
    return (
        f"The upload could not be read ({exc.message}); choose the files again with the "
        "page's file box and upload them"
    )


def submit_upload(
    session: Session,
    caller: Caller,
    *,
    files: list[StarletteUpload],
    keep_valid: bool,
    settings: Settings,
    root_path: str = "",
) -> BatchResult:
    """Read the uploaded files (never past the upload limit) and submit them as one batch.

    ``root_path`` is the prefix the site is served under, for the API addresses a row error
    names (api/prefix.py).
    """
    uploaded = read_uploads(
        ((u.filename or "upload", u.file) for u in files), settings.max_upload_bytes
    )
    limits = upload_limits(settings)
    return submit(
        session,
        caller,
        reports=uploaded.reports(limits, root_path=root_path),
        source=uploaded.format,
        filename=uploaded.names,
        keep_valid=keep_valid,
        settings=settings,
    )


def batch_view(session: Session, caller: Caller, result: BatchResult) -> BatchView:
    """Return the tables of a batch's page: its row errors and the reports it stored."""
    errors = Table(
        caption=f"{len(result.errors):,} problems found",
        columns=ERROR_COLUMNS,
        rows=[vars(e) for e in result.errors[:SHOWN_ERRORS]],
        csv_name=f"batch-{result.batch_id}-rejections.csv",
    )
    ids = result.report_ids[:SHOWN_REPORTS]
    found = session.execute(
        select(Report.id, Report.external_ref, Report.scam_type, Report.mark)
        .where(Report.id.in_(ids), report_visible(caller))
        .order_by(Report.id)
    )
    reports = Table(
        caption="Reports stored",
        columns=(
            Column("external_ref", "Reference", link="href"),
            Column("scam_type", "Scam type", vocabulary="scam_type"),
            Column("mark", "Mark", "mark"),
        ),
        rows=[
            {"href": f"/reports/{i}", "external_ref": ref, "scam_type": t, "mark": m}
            for i, ref, t, m in found
        ],
        csv_name=f"batch-{result.batch_id}-reports.csv",
    )
    return BatchView(result=result, errors=errors, reports=reports)
