"""CSV rows wider than the header: an unquoted comma in a value, or an exporter's extra comma."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.caller import Caller
from counterscam.cli.main import app
from counterscam.db.models import Party, Report
from counterscam.intake.csv_files import csv_table
from counterscam.intake.tables import Source
from tests.intake.conftest import PARTIES_CSV, REPORTS_CSV
from tests.intake.test_files import reports_count, upload

PARTIES_HEADER = PARTIES_CSV.splitlines()[0]
# Tan's phone, the last column, is empty: the unquoted comma's extra value is empty too.
TAN = "MY-1,mule,Tan, Ah Kow,,,,,MY,,,"
AHMAD = "MY-2,mule,Ahmad bin Ali,,,1990-05-17,male,MY,A1234567,passport,012-987 6543"


def _parties(*rows: str, end: str = "") -> bytes:
    return (PARTIES_HEADER + "\n" + "".join(row + end + "\n" for row in rows)).encode()


def _trailing(text: str) -> str:
    """Return CSV text as an exporter writes it that ends every data row with a comma."""
    header, *rows = text.strip("\n").split("\n")
    return "\n".join([header, *(row + "," for row in rows)]) + "\n"


def test_an_unquoted_comma_in_a_name_refuses_the_row_naming_the_split(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # The row was cut to the header's width and stored as full_name 'Tan', given_name
    # 'Ah Kow' and id_number 'MY' (its nationality), with no word of it.
    files = {"r.csv": REPORTS_CSV.encode(), "p.csv": _parties(TAN, AHMAD)}
    result = upload(session, agencies["MY-NSRC"], files)
    assert result.status == "rejected" and reports_count(session) == 0
    assert session.scalars(select(Party)).all() == []
    (error,) = [e for e in result.errors if e.file == "p.csv"]
    assert (error.row, error.column, error.value) == (2, "full_name", "Tan, Ah Kow")
    assert "12 values but the header has 11 columns" in error.reason
    assert "from given_name on are one column right" in error.reason
    assert error.reason.endswith(
        'A comma in a value needs the value in double quotes ("Tan, Ah Kow")'
    )


def test_an_unquoted_decimal_comma_in_an_amount_is_named_as_the_cause(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Only the shifted values were refused ("'89' is not a known currency", "'MYR' is not an
    # age band", ...), none of them saying why.
    reports = REPORTS_CSV + "MY-3,2026-03-03,,investment,sms,1.234.567,89,IDR,,,,Third,green,\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    assert result.status == "rejected"
    error = result.errors[0]
    assert (error.row, error.column, error.value) == (4, "loss_amount", "1.234.567,89")
    assert "from loss_currency on are one column right" in error.reason


def test_a_shifted_row_with_nowhere_to_tell_the_split_still_names_the_cause(
    session: Session, agencies: dict[str, Caller]
) -> None:
    files = {
        "r.csv": REPORTS_CSV.encode(),
        # No nationality: with "MY" after the split, the code columns tell it (see below).
        "p.csv": _parties("MY-1,mule,Tan,Ah Kow,,,,,,,,", AHMAD),
    }
    result = upload(session, agencies["MY-NSRC"], files)
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = [e for e in result.errors if e.file == "p.csv"]
    assert (error.row, error.column) == (2, "")
    assert "a comma in a value splits it in two, so the values after it" in error.reason


def test_rows_that_all_end_with_an_extra_comma_are_read(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # An exporter that ends every data row (not the header) with a comma; rows of commas
    # only, as Excel leaves below the data, are still blank lines.
    tan = 'MY-1,mule,"Tan, Ah Kow",,,,,MY,,,012-345 6789'
    parties = _parties(tan, AHMAD, end=",") + b",,,,,,,,,,,,,\n"
    files = {"r.csv": _trailing(REPORTS_CSV).encode(), "p.csv": parties}
    result = upload(session, agencies["MY-NSRC"], files)
    assert (result.status, result.created, result.errors) == ("committed", 2, [])
    stored = {p.full_name: p for p in session.scalars(select(Party))}
    assert (stored["Tan, Ah Kow"].nationality, stored["Tan, Ah Kow"].phone) == (
        "MY",
        "+60123456789",
    )
    assert stored["Ahmad bin Ali"].id_number == "A1234567"
    assert sorted(session.scalars(select(Report.external_ref))) == ["MY-1", "MY-2"]


def test_an_unquoted_comma_in_a_file_whose_rows_end_with_a_comma_is_refused(
    session: Session, agencies: dict[str, Caller]
) -> None:
    files = {"r.csv": _trailing(REPORTS_CSV).encode(), "p.csv": _parties(TAN, AHMAD, end=",")}
    result = upload(session, agencies["MY-NSRC"], files)
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = [e for e in result.errors if e.file == "p.csv"]
    assert (error.row, error.column, error.value) == (2, "full_name", "Tan, Ah Kow")
    assert "13 values but the header has 11 columns" in error.reason
    assert "one column right" in error.reason


def test_a_row_without_the_extra_comma_the_others_have_is_named(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A row typed in by hand below an export: the extra comma is no longer every row's, so
    # the others could as well be shifted rows; they are refused, and the reason names it.
    exported = AHMAD.replace("MY-2", "MY-1")
    parties = f"{PARTIES_HEADER}\n{exported},\n{exported},\n{AHMAD}\n"
    files = {"r.csv": REPORTS_CSV.encode(), "p.csv": parties.encode()}
    result = upload(session, agencies["MY-NSRC"], files)
    assert result.status == "rejected" and reports_count(session) == 0
    errors = [e for e in result.errors if e.file == "p.csv"]
    assert [e.row for e in errors] == [2, 3]
    assert errors[0].reason.endswith(
        "If every data row was meant to end with an extra comma, row 4 lacks it"
    )


def test_the_rows_read_without_the_first_pass_are_refused_too() -> None:
    table = csv_table(Source(name="p.csv", content=_parties(AHMAD, TAN)))
    problems = {row: [e.column for e in errors] for row, _, errors in table.open_rows()}
    assert problems == {2: [], 3: ["full_name"]}


def test_the_cli_import_refuses_a_shifted_row(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    (tmp_path / "reports.csv").write_text(REPORTS_CSV)
    (tmp_path / "parties.csv").write_bytes(_parties(TAN, AHMAD))
    result = runner.invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    assert result.exit_code == 1, result.output
    assert "parties.csv row 2, full_name: this row has 12 values" in result.output
    assert "needs the value in double quotes" in result.output
    assert reports_count(session) == 0


def test_a_shorter_row_does_not_undo_the_extra_comma_of_the_others(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A row with its last empty cells left out says nothing of the exporter's extra comma.
    parties = _parties(AHMAD, end=",") + b"MY-1,witness,Lim Mei Ling\n"
    files = {"r.csv": REPORTS_CSV.encode(), "p.csv": parties}
    result = upload(session, agencies["MY-NSRC"], files)
    assert (result.status, result.created, result.errors) == ("committed", 2, [])
    assert sorted(session.scalars(select(Party.full_name))) == ["Ahmad bin Ali", "Lim Mei Ling"]


def test_a_row_wider_than_excel_s_padded_header_is_refused(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Excel's empty headings past the columns allow as many values, and no more.
    header, *rows = REPORTS_CSV.strip("\n").split("\n")
    shifted = "MY-3,2026-03-03,,investment,sms,,,,,,Met him, then paid,green,"
    text = "\n".join(line + ",," for line in [header, *rows, shifted]) + "\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": text.encode()})
    assert result.status == "rejected"
    error = result.errors[0]  # then the shifted values' own: ' then paid' is no TLP mark
    assert (error.row, error.column, error.value) == (4, "narrative", "Met him, then paid")
    assert "16 values but the header has 13 columns" in error.reason
    assert "from mark on are one column right" in error.reason


def test_a_file_of_one_shifted_row_is_not_taken_for_an_exporter_s_extra_comma(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Its one row is wider than the header, as every row of a file whose exporter ends rows
    # with a comma: the name split by a comma and a space tells which it is.
    files = {"r.csv": REPORTS_CSV.encode(), "p.csv": _parties(TAN)}
    result = upload(session, agencies["MY-NSRC"], files)
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = [e for e in result.errors if e.file == "p.csv"]
    assert (error.row, error.column, error.value) == (2, "full_name", "Tan, Ah Kow")


def test_names_all_written_family_comma_given_are_refused(
    session: Session, agencies: dict[str, Caller]
) -> None:
    rows = [TAN, "MY-2,mule,Lim, Mei Ling,,,,female,SG,,,"]
    files = {"r.csv": REPORTS_CSV.encode(), "p.csv": _parties(*rows)}
    result = upload(session, agencies["MY-NSRC"], files)
    assert result.status == "rejected" and reports_count(session) == 0
    errors = [e for e in result.errors if "double quotes" in e.reason]
    assert [(e.row, e.value) for e in errors] == [(2, "Tan, Ah Kow"), (3, "Lim, Mei Ling")]


def _same_split_in_every_row(narrative: str) -> bytes:
    """Return a reports file whose every row has ``narrative`` unquoted, share_with empty."""
    header = REPORTS_CSV.splitlines()[0]
    rows = [
        f"MY-{n},2026-03-0{n},,investment,whatsapp,100,MYR,45_54,female,MY,{narrative},{mark},"
        for n, mark in ((1, "amber"), (2, "green"), (3, "green"))
    ]
    return "\n".join([header, *rows, ""]).encode()


def test_the_same_unquoted_comma_in_every_row_is_not_read_as_an_extra_comma(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Every row one value wider, its last empty: as an exporter's extra comma, the rows were
    # read with the mark "then blocked" and the share_with "green", refused for those alone.
    files = {"r.csv": _same_split_in_every_row("Victim paid,then blocked")}
    result = upload(session, agencies["MY-NSRC"], files)
    assert result.status == "rejected" and reports_count(session) == 0
    assert [(e.row, e.column, e.value) for e in result.errors] == [
        (row, "narrative", "Victim paid,then blocked") for row in (2, 3, 4)
    ]
    assert "the values from mark on are one column right" in result.errors[0].reason
    assert result.errors[0].reason.endswith('double quotes ("Victim paid,then blocked")')


def test_a_shifted_row_is_told_once_not_by_the_values_it_shifted(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Each row also had "' then blocked' is not a TLP mark" and "no agency with code GREEN"
    # (its mark, read as share_with), which only hid the cause.
    files = {"r.csv": _same_split_in_every_row("Victim paid, then blocked")}
    result = upload(session, agencies["MY-NSRC"], files)
    assert result.status == "rejected" and reports_count(session) == 0
    assert [(e.row, e.column) for e in result.errors] == [(row, "narrative") for row in (2, 3, 4)]


def test_names_split_alike_in_every_row_are_refused_when_the_codes_tell_it(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Read as an exporter's extra comma, Tan was stored with given_name 'Ah Kow', no
    # nationality and the passport number 'MY'.
    rows = ["MY-1,mule,Tan,Ah Kow,,,,,MY,,,", "MY-2,mule,Lim,Mei Ling,,,,female,SG,,,"]
    files = {"r.csv": REPORTS_CSV.encode(), "p.csv": _parties(*rows)}
    result = upload(session, agencies["MY-NSRC"], files)
    assert result.status == "rejected" and reports_count(session) == 0
    assert session.scalars(select(Party)).all() == []
    assert [(e.file, e.row, e.column, e.value) for e in result.errors] == [
        ("p.csv", 2, "full_name", "Tan,Ah Kow"),
        ("p.csv", 3, "full_name", "Lim,Mei Ling"),
    ]
    assert "from given_name on are one column right" in result.errors[0].reason


def test_a_shifted_row_before_its_reference_is_not_named_by_its_linked_rows(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Another tool's column order, narrative before external_ref: the shifted row read its
    # reference from the column before, and each identifier of MY-2 was refused as pointing
    # at "no report MY-2 in the reports file", which it is in; that row's error tells it.
    reports = (
        "narrative,external_ref,reported_at,scam_type,channel,mark\n"
        "First,MY-1,2026-03-01,investment,sms,green\n"
        "Paid, then blocked,MY-2,2026-03-02,investment,sms,green\n"
    )
    identifiers = (
        "external_ref,kind,value,role\n"
        "MY-1,phone,012-345 6789,caller\n"
        "MY-2,phone,012-345 6780,caller\n"
        "MY-2,url,https://invest-now.example.com/,website\n"
    )
    files = {"r.csv": reports.encode(), "i.csv": identifiers.encode()}
    result = upload(session, agencies["MY-NSRC"], files)
    assert result.status == "rejected" and reports_count(session) == 0
    assert [(e.file, e.row, e.column, e.value) for e in result.errors] == [
        ("r.csv", 3, "narrative", "Paid, then blocked")
    ]


def test_a_linked_row_shifted_before_its_reference_is_refused_for_the_shift(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # It was "no report Maybank 5140 in the reports file", the value's first half read as
    # the reference.
    identifiers = (
        "kind,value,external_ref,role\n"
        "phone,012-345 6789,MY-1,caller\n"
        "bank_account,Maybank 5140, 1234 5678,MY-2,beneficiary_account\n"
    )
    files = {"r.csv": REPORTS_CSV.encode(), "i.csv": identifiers.encode()}
    result = upload(session, agencies["MY-NSRC"], files)
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert (error.file, error.row, error.column) == ("i.csv", 3, "value")
    assert "from external_ref on are one column right" in error.reason


def test_a_reference_ending_in_digits_before_a_split_amount_is_not_named_as_split(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # 'MY-12' followed by '12' (of 12,500.50) was named as the value split in two.
    reports = (
        "external_ref,loss_amount,loss_currency,reported_at,scam_type,channel,mark\n"
        "MY-12,12,500.50,MYR,2026-03-01,investment,sms,green\n"
    )
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    assert result.status == "rejected"
    (error,) = result.errors
    assert (error.row, error.column, error.value) == (2, "loss_amount", "12,500.50")
