"""A resubmission keeps a report's share list unless it gives share_with, and says so when an
emptied list shows an amber report to every member agency.

MY-NSRC narrowed an amber report to SG-ASCOM, then corrected its loss by sending it again
without share_with: the list was dropped without a word, and Thailand's analyst could read it.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.accounts import create_agency, create_user
from counterscam.access.caller import Caller
from counterscam.cli.main import app
from counterscam.config import Settings
from counterscam.db.models import Report, ReportShare
from counterscam.intake.files import read_batch
from counterscam.intake.service import BatchResult, shares_note, submit
from counterscam.intake.tables import Limits, Source
from tests.factories import PASSWORD
from tests.intake.conftest import doc_report
from tests.intake.test_api import auth, client
from tests.web.conftest import csrf_of, sign_in, upload
from tests.workbooks import workbook

__all__ = ["client"]

REF = "MY-amber-to-SG"
NARROWED = doc_report(external_ref=REF, mark="amber", share_with=["SG-ASCOM"])
WIDENED = "visible to every member agency"
HEAD = (
    "external_ref,reported_at,incident_at,scam_type,channel,loss_amount,loss_currency,"
    "victim_age_band,victim_gender,victim_country,narrative,mark"
)


def _reader(session: Session) -> dict[str, str]:
    """A Thai member agency's analyst: not among the agencies the report is narrowed to."""
    create_agency(session, code="TH-AOC", name="TH-AOC", country="TH", kind="member")
    session.commit()
    return auth(session, "TH-AOC")


def _thailand_reads(
    client: TestClient, session: Session, headers: dict[str, str], ref: str = REF
) -> bool:
    """Tell whether Thailand's analyst is shown the report (else 403, as to a stranger)."""
    report_id = session.scalar(select(Report.id).where(Report.external_ref == ref))
    answer = client.get(f"/api/v1/reports/{report_id}", headers=headers)
    assert answer.status_code in (200, 403), answer.text
    return answer.status_code == 200


def _shares(session: Session, ref: str = REF) -> int:
    session.expire_all()
    query = (
        select(func.count())
        .select_from(ReportShare)
        .join(Report, Report.id == ReportShare.report_id)
        .where(Report.external_ref == ref)
    )
    return session.scalar(query) or 0


def _post(client: TestClient, headers: dict[str, str], report: dict[str, Any]) -> dict[str, Any]:
    answer = client.post("/api/v1/reports", json=report, headers=headers)
    assert answer.status_code == 201, answer.text
    body: dict[str, Any] = answer.json()
    return body


def _without_shares(**changes: Any) -> dict[str, Any]:
    return {k: v for k, v in {**NARROWED, **changes}.items() if k != "share_with"}


@pytest.mark.parametrize("share_with", ["left out", None], ids=["no key", "null"])
def test_json_without_share_with_keeps_the_narrowing(
    client: TestClient, session: Session, agencies: dict[str, Caller], share_with: str | None
) -> None:
    my, th = auth(session, "MY-NSRC"), _reader(session)
    _post(client, my, NARROWED)
    assert not _thailand_reads(client, session, th)

    correction = _without_shares(loss_amount="13000")
    if share_with is None:
        correction["share_with"] = None  # as serialisers write an unset list
    body = _post(client, my, correction)

    assert body["updated"] == 1
    assert "shares_removed" not in body and "note" not in body
    assert _shares(session) == 1
    assert not _thailand_reads(client, session, th)
    session.expire_all()
    assert session.scalar(select(Report.loss_amount).where(Report.external_ref == REF)) == 13000


def test_json_empty_share_with_clears_the_list_and_says_so(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    my, th = auth(session, "MY-NSRC"), _reader(session)
    _post(client, my, NARROWED)

    body = _post(client, my, {**NARROWED, "share_with": []})

    assert body["shares_removed"] == [REF]
    assert f"Share list removed: amber report {REF} was resubmitted" in body["note"]
    assert WIDENED in body["note"]
    assert _shares(session) == 0
    assert _thailand_reads(client, session, th)
    # The batch read again later says it too (its upload page is drawn from the stored batch).
    again = client.get(f"/api/v1/batches/{body['batch_id']}", headers=my).json()
    assert (again["shares_removed"], again["note"]) == (body["shares_removed"], body["note"])

    # Sent again without a list, there is none to remove: nothing more is said.
    quiet = _post(client, my, {**NARROWED, "share_with": []})
    assert "shares_removed" not in quiet and "note" not in quiet


def test_a_mark_changed_away_from_amber_drops_the_list_as_before(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    my, th = auth(session, "MY-NSRC"), _reader(session)
    _post(client, my, NARROWED)

    red = _post(client, my, _without_shares(mark="red"))
    assert "shares_removed" not in red  # red shows it to fewer agencies, not more
    assert _shares(session) == 0  # only an amber report has a list
    assert not _thailand_reads(client, session, th)

    amber = _post(client, my, _without_shares())
    assert "shares_removed" not in amber  # no list was stored to remove
    assert _thailand_reads(client, session, th)  # amber with no list: every member agency


REPORTS = (
    f"{HEAD},share_with\n"
    "MY-1,2026-03-01,,investment,whatsapp,12500.50,MYR,45_54,female,MY,First,amber,SG-ASCOM\n"
    "MY-2,2026-03-02,,job_task,telegram,300,MYR,,,,Second,green,\n"
)
# A place for MY-1 sends it through the schema's validation instead of the quick path.
PLACES = "external_ref,kind,name,country,latitude,longitude,address\nMY-1,compound,KK Park,MM,,,\n"


def _import(runner: CliRunner, folder: Path) -> str:
    result = runner.invoke(app, ["import", str(folder), "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    return " ".join(result.output.split())


@pytest.mark.parametrize("path", ["quick", "schema"])
def test_csv_without_the_column_keeps_and_an_empty_cell_clears_and_says_so(
    runner: CliRunner,
    client: TestClient,
    session: Session,
    agencies: dict[str, Caller],
    tmp_path: Path,
    path: str,
) -> None:
    th = _reader(session)
    (tmp_path / "reports.csv").write_text(REPORTS)
    if path == "schema":
        (tmp_path / "places.csv").write_text(PLACES)
    _import(runner, tmp_path)
    assert not _thailand_reads(client, session, th, "MY-1")

    # The loss corrected in a file without the share_with column: the list stays.
    no_column = "\n".join(line.rsplit(",", 1)[0] for line in REPORTS.splitlines())
    (tmp_path / "reports.csv").write_text(no_column.replace("12500.50", "13000") + "\n")
    output = _import(runner, tmp_path)
    assert "0 created, 2 updated" in output
    assert "Share list" not in output
    assert _shares(session, "MY-1") == 1
    assert not _thailand_reads(client, session, th, "MY-1")

    # The column given with MY-1's cell empty: that is what the sender wrote, and it is said.
    (tmp_path / "reports.csv").write_text(REPORTS.replace(",SG-ASCOM", ","))
    output = _import(runner, tmp_path)
    assert (
        f"Share list removed: amber report MY-1 was resubmitted with an empty share_with, "
        f"so it is now {WIDENED}"
    ) in output
    assert _shares(session, "MY-1") == 0
    assert _thailand_reads(client, session, th, "MY-1")


def test_upload_page_says_which_reports_lost_their_share_list(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    th = _reader(session)
    create_user(session, username="aisyah", password=PASSWORD, agency_code="MY-NSRC")
    session.commit()
    sign_in(client, "aisyah")
    first = upload(client, "reports.csv", REPORTS.encode())
    assert first.status_code == 303, first.text

    kept = upload(client, "reports.csv", (HEAD + "\n" + _first_columns(REPORTS)).encode())
    page = client.get(kept.headers["location"]).text
    assert "Upload complete" in page and "Share list" not in page
    assert not _thailand_reads(client, session, th, "MY-1")

    cleared = upload(client, "reports.csv", REPORTS.replace(",SG-ASCOM", ",").encode())
    page = client.get(cleared.headers["location"]).text
    assert "Share list removed: amber report MY-1 was resubmitted" in page
    assert WIDENED in page
    assert _thailand_reads(client, session, th, "MY-1")


def _first_columns(text: str) -> str:
    """Return the data rows of a reports file without their last column (share_with)."""
    return "".join(line.rsplit(",", 1)[0] + "\n" for line in text.splitlines()[1:])


def test_the_edit_form_saves_the_share_list_it_shows(
    client: TestClient, session: Session, agencies: dict[str, Caller]
) -> None:
    my, th = auth(session, "MY-NSRC"), _reader(session)
    _post(client, my, NARROWED)
    create_user(session, username="aisyah", password=PASSWORD, agency_code="MY-NSRC")
    session.commit()
    sign_in(client, "aisyah")
    url = f"/reports/{session.scalar(select(Report.id))}/edit"
    form = client.get(url).text
    assert 'value="SG-ASCOM"' in form

    fields = {
        "csrf_token": csrf_of(form),
        "reported_at": "2026-03-01",
        "scam_type": "investment",
        "channel": "whatsapp",
        "mark": "amber",
        "share_with": "",  # the officer emptied the box
    }
    saved = client.post(url, data=fields, follow_redirects=False)
    assert saved.status_code == 303, saved.text
    assert _shares(session) == 0
    assert _thailand_reads(client, session, th)


def _workbook(session: Session, caller: Caller, rows: list[list[str]]) -> BatchResult:
    source = Source(name="reports.xlsx", content=workbook({"reports": rows}))
    raw = read_batch([source], Limits())
    result = submit(session, caller, reports=raw, source="xlsx", settings=Settings())
    assert result.status == "committed", result.errors
    return result


def test_xlsx_without_the_column_keeps_and_an_empty_cell_clears(
    session: Session, agencies: dict[str, Caller]
) -> None:
    caller = agencies["MY-NSRC"]
    rows = [line.split(",") for line in REPORTS.splitlines()]
    _workbook(session, caller, rows)

    kept = _workbook(session, caller, [row[:-1] for row in rows])
    assert kept.shares_removed == 0
    assert _shares(session, "MY-1") == 1

    cleared = _workbook(session, caller, [*rows[:1], [*rows[1][:-1], ""], rows[2]])
    assert (cleared.shares_removed, cleared.shares_removed_refs) == (1, ["MY-1"])
    assert _shares(session, "MY-1") == 0


def test_a_reference_with_a_direction_override_cannot_reverse_the_note() -> None:
    # "MY-\u202e7" reversed everything after it in the note, in a page and a terminal alike.
    result = BatchResult(batch_id=1, status="committed", shares_removed=2)
    result.shares_removed_refs = ["MY-\u202e7", "MY-8"]
    note = shares_note(result)
    assert note is not None
    assert "(\u2068MY-\u202e7\u2069, MY-8)" in note
