"""Files cut short (an interrupted download or copy) or joined are named so, not misread."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.models import Place
from counterscam.intake.csv_files import csv_table
from counterscam.intake.tables import Source
from tests.intake.conftest import REPORTS_CSV
from tests.intake.test_files import reports_count, upload

PLACES = "external_ref,kind,name,country,latitude,longitude,address\n"


def test_a_file_ending_inside_a_row_says_it_was_cut_short(
    session: Session, agencies: dict[str, Caller]
) -> None:
    cut = REPORTS_CSV + "MY-3,2026-03-02,,invest"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": cut.encode()}, keep_valid=True)
    assert result.created == 2 and reports_count(session) == 2  # the whole rows before it
    first = result.errors[0]
    assert (first.row, first.column) == (4, "")
    assert "the file ends in this row, after 4 of the header's 13 columns" in first.reason
    assert "send the whole file again" in first.reason


def test_a_linked_row_cut_before_its_last_cells_is_not_stored_as_its_beginning(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Cut after the place's name: read as a place with no country, coordinates or address,
    # and stored so without a word.
    places = PLACES + "MY-1,compound,KK Park,MM,16.6469,98.5155,Myawaddy\nMY-2,compound,Shwe Ko"
    files = {"r.csv": REPORTS_CSV.encode(), "pl.csv": places.encode()}
    result = upload(session, agencies["MY-NSRC"], files)
    assert result.status == "rejected" and reports_count(session) == 0
    assert [(e.file, e.row) for e in result.errors] == [("pl.csv", 3)]
    assert session.scalars(select(Place)).first() is None


def test_a_whole_last_row_without_a_line_break_is_read(
    session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    # Many writers leave the last line break out; a row with all its cells is whole.
    text = REPORTS_CSV.rstrip("\n") + "\x1a"  # and a DOS end-of-file mark, as some write
    assert upload(session, agencies["MY-NSRC"], {"r.csv": text.encode()}).created == 2
    short = "external_ref,reported_at,scam_type,channel,mark\nMY-9,2026-03-01,romance,sms,green"
    path = tmp_path / "reports.csv"
    path.write_bytes(short.encode())  # read from disk, as the CLI does
    rows = list(csv_table(Source(name="reports.csv", path=path)).open_rows())
    assert [(row, problems) for row, _, problems in rows] == [(2, [])]


def test_a_quote_left_open_at_the_end_names_both_causes(
    session: Session, agencies: dict[str, Caller]
) -> None:
    cut = REPORTS_CSV + 'MY-3,2026-03-02,,investment,whatsapp,1,MYR,,,,"Victim was told'
    result = upload(session, agencies["MY-NSRC"], {"r.csv": cut.encode()}, keep_valid=True)
    assert reports_count(session) == 0
    assert [(e.file, e.row) for e in result.errors] == [("r.csv", 4)]
    assert "never closed before the file ends" in result.errors[0].reason
    assert "cut short" in result.errors[0].reason


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            '{"reports": [{"external_ref": "MY-1", "mark": "green"},\n]}',
            "Expecting value; a comma before ']' (after the last item) is not JSON: delete it",
        ),
        (
            '{"reports": [{"external_ref": "MY-1", "mark": "green",}]}',
            "a comma before '}' (after the last item) is not JSON: delete it",
        ),
        (
            '{"reports": [{"external_ref": "MY-1", "mark": "gr',
            "never closed: a quote is missing, or the file was cut short",
        ),
        (
            '{"reports": [{"external_ref": "MY-1"',
            "the file ends inside the JSON document: it looks cut short",
        ),
    ],
)
def test_a_json_file_cut_short_or_with_a_trailing_comma_says_which(
    session: Session, agencies: dict[str, Caller], text: str, reason: str
) -> None:
    result = upload(session, agencies["MY-NSRC"], {"batch.json": text.encode()})
    assert reports_count(session) == 0
    assert len(result.errors) == 1 and reason in result.errors[0].reason


@pytest.mark.parametrize("text", [b"", b"\n  \n"])
def test_an_empty_json_file_is_called_empty_not_cut_short(
    session: Session, agencies: dict[str, Caller], text: bytes
) -> None:
    result = upload(session, agencies["MY-NSRC"], {"batch.json": text})
    (error,) = result.errors
    assert error.file == "batch.json" and "cut short" not in error.reason
    assert error.reason.startswith("the file is empty (or holds only spaces): a JSON file holds")


JOINED_HEADER = "external_ref,reported_at,incident_at,scam_type,channel,mark\n"


def test_two_exports_joined_one_after_the_other_are_read_as_one(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # `copy /b jan.csv+feb.csv all.csv`: the second file's header row (and its byte-order
    # mark) was read as a report, "'reported_at' is not a date" and four more errors.
    jan = JOINED_HEADER + "MY-1,2026-01-05,,investment,sms,green\n"
    feb = JOINED_HEADER + "MY-2,2026-02-05,,romance,sms,green\n"
    joined = ("\ufeff" + jan + "\ufeff" + feb).encode()
    identifiers = "external_ref,kind,value,role\nMY-2,phone,012-345 6789,caller\n"
    again = identifiers + identifiers  # the linked file joined the same way
    result = upload(session, agencies["MY-NSRC"], {"r.csv": joined, "i.csv": again.encode()})
    assert result.errors == [] and result.created == 2


def test_a_second_header_in_another_order_is_refused(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Read in the first header's columns, feb's incident day became the reported day.
    jan = JOINED_HEADER + "MY-1,2026-01-05,,investment,sms,green\n"
    feb = (
        "external_ref,incident_at,reported_at,scam_type,channel,mark\n"
        "MY-2,2026-02-01,2026-02-05,romance,sms,green\n"
    )
    result = upload(session, agencies["MY-NSRC"], {"r.csv": (jan + feb).encode()}, keep_valid=True)
    assert reports_count(session) == 0
    assert [(e.file, e.row) for e in result.errors] == [("r.csv", 3)]
    assert "row 3 is a header row again" in result.errors[0].reason


def test_a_reference_that_ends_like_its_column_is_still_a_report(
    session: Session, agencies: dict[str, Caller]
) -> None:
    rows = "MY-1,2026-01-05,,investment,sms,green\nPDRM-REF,2026-01-06,,loan,sms,green\n"
    csv = JOINED_HEADER + rows
    assert upload(session, agencies["MY-NSRC"], {"r.csv": csv.encode()}).created == 2
