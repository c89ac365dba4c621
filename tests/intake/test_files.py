"""CSV sets, XLSX workbooks and hostile files: exact row/column/reason, never a crash."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.config import Settings
from counterscam.db.models import ImportBatch, Party, Place, Report, Sighting
from counterscam.intake.files import read_batch
from counterscam.intake.service import BatchResult, submit
from counterscam.intake.tables import Limits, Source
from counterscam.intake.templates import csv_template, xlsx_template
from tests.intake.conftest import IDENTIFIERS_CSV, PARTIES_CSV, PLACES_CSV, REPORTS_CSV
from tests.workbooks import workbook

LIMITS = Limits(max_bytes=1_000_000, max_reports=10_000)


def upload(session: Session, caller: Caller, files: dict[str, bytes], **kw: Any) -> BatchResult:
    sources = [Source(name=n, content=c) for n, c in files.items()]
    limits = kw.pop("limits", LIMITS)
    return submit(
        session,
        caller,
        reports=read_batch(sources, limits),
        source="csv",
        filename=",".join(files),
        settings=Settings(),
        **kw,
    )


def csv_set(**overrides: str) -> dict[str, bytes]:
    files = {
        "r.csv": REPORTS_CSV,
        "i.csv": IDENTIFIERS_CSV,
        "p.csv": PARTIES_CSV,
        "pl.csv": PLACES_CSV,
        **overrides,
    }
    return {n: t.encode() for n, t in files.items() if t}


def reports_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(Report)) or 0)


def test_csv_set_is_one_batch(session: Session, agencies: dict[str, Caller]) -> None:
    result = upload(session, agencies["MY-NSRC"], csv_set())
    assert (result.status, result.accepted, result.created, result.errors) == (
        "committed",
        2,
        2,
        [],
    )
    by_ref = {r.external_ref: r for r in session.scalars(select(Report))}
    assert str(by_ref["MY-1"].loss_amount) == "12500.50"
    raw = set(session.scalars(select(Sighting.raw_value)))
    assert raw == {"012-345 6789", "https://invest-now.example.com/login", "081 234 5678"}
    assert session.scalars(select(Party.phone)).one() == "+60129876543"
    assert session.scalars(select(Place.latitude)).one() == pytest.approx(16.6469)


def test_bom_and_crlf_are_fine(session: Session, agencies: dict[str, Caller]) -> None:
    files = {"r.csv": b"\xef\xbb\xbf" + REPORTS_CSV.replace("\n", "\r\n").encode()}
    assert upload(session, agencies["MY-NSRC"], files).accepted == 2


def test_csv_errors_name_file_row_column(session: Session, agencies: dict[str, Caller]) -> None:
    reports = REPORTS_CSV + "MY-3,yesterday,,investment,sms,12.5.5,MYR,,,,,amber,\n"
    identifiers = (
        IDENTIFIERS_CSV + "MY-3,crypto_wallet,0xdeadbeef,wallet,eth,\n"
        "MY-9,phone,0123456789,caller,,\n"
    )
    result = upload(
        session, agencies["MY-NSRC"], csv_set(**{"r.csv": reports, "i.csv": identifiers})
    )
    assert result.status == "rejected" and reports_count(session) == 0
    got = {(e.file, e.row, e.column): e.reason for e in result.errors}
    assert set(got) == {
        ("r.csv", 4, "reported_at"),
        ("r.csv", 4, "loss_amount"),
        ("i.csv", 5, "value"),
        ("i.csv", 6, "external_ref"),
    }
    assert "not a date" in got[("r.csv", 4, "reported_at")]
    assert "no report MY-9" in got[("i.csv", 6, "external_ref")]


def test_keep_valid_with_csv(session: Session, agencies: dict[str, Caller]) -> None:
    reports = REPORTS_CSV + "MY-3,2026-03-01,,bogus,sms,,,,,,,amber,\n"
    result = upload(session, agencies["MY-NSRC"], csv_set(**{"r.csv": reports}), keep_valid=True)
    assert (result.status, result.accepted, result.rejected) == ("partial", 2, 1)
    assert [(e.file, e.row, e.column) for e in result.errors] == [("r.csv", 4, "scam_type")]


@pytest.mark.parametrize(
    ("header", "column", "reason"),
    [
        ("external_ref,reported_at,scam_type,channel,mark,colour", "colour", "unknown column"),
        ("external_ref,reported_at,scam_type,mark", "channel", "required column missing"),
        ("foo,bar", "", "not one of the intake files"),
    ],
)
def test_header_problems(
    session: Session, agencies: dict[str, Caller], header: str, column: str, reason: str
) -> None:
    result = upload(session, agencies["MY-NSRC"], {"x.csv": f"{header}\n1,2,3,4,5\n".encode()})
    assert result.status == "rejected"
    assert any(e.column == column and reason in e.reason and e.row == 1 for e in result.errors)
    assert "external_ref, reported_at" in result.errors[0].reason


def test_formula_looking_cells_are_text(session: Session, agencies: dict[str, Caller]) -> None:
    reports = REPORTS_CSV.replace("First", '"=HYPERLINK(""http://x"")"')
    upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    narratives = set(session.scalars(select(Report.narrative)))
    assert '=HYPERLINK("http://x")' in narratives


def _sheet(text: str) -> list[list[Any]]:
    return [line.split(",") for line in text.strip().split("\n")]


# An encrypted .xlsx is an OLE container (like an old .xls) whose directory names the
# EncryptedPackage stream in UTF-16; only that much of one is needed to tell it.
_ENCRYPTED = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    + b"\x00" * 1016
    + "EncryptionInfo".encode("utf-16-le")
    + b"\x00" * 50
    + "EncryptedPackage".encode("utf-16-le")
    + b"\x00" * 2000
)


HOSTILE = {
    "latin-1": (
        "r.csv",
        REPORTS_CSV.replace("First", "Café").encode("latin-1"),
        "not UTF-8: byte 0xE9 on row 2",
    ),
    "binary": ("r.csv", bytes(range(256)) * 20, "binary data"),
    "utf-16": ("r.csv", REPORTS_CSV.encode("utf-16"), "UTF-16"),
    "bad quotes": ("r.csv", (REPORTS_CSV + 'MY-3,"2026-03-01"x,\n').encode(), "row 4"),
    "truncated xlsx": ("b.xlsx", xlsx_template()[:3000], "damaged, truncated"),
    "garbage xlsx": ("b.xlsx", b"PK\x03\x04garbage" * 10, "damaged, truncated"),
    "bad json": ("b.json", b'{"reports": [', "not valid JSON at line 1"),
    "empty": ("r.csv", b"", "empty"),
    # Python's parser gives up on these with a RecursionError and a ValueError.
    "json nested too deep": ("b.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "json huge integer": ("b.json", b'[{"loss_amount": ' + b"9" * 5000 + b"}]", "thousands of"),
    "encrypted xlsx": ("b.xlsx", _ENCRYPTED, "protected with a password"),
    "two reports sheets": (
        "b.xlsx",
        workbook({"reports": _sheet(REPORTS_CSV), " Reports": _sheet(REPORTS_CSV)}),
        "two sheets are named 'reports'",
    ),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_files_get_errors_and_write_nothing(
    session: Session, agencies: dict[str, Caller], case: str
) -> None:
    name, content, reason = HOSTILE[case]
    result = upload(session, agencies["MY-NSRC"], {name: content})
    assert result.status == "rejected", result
    assert any(reason in e.reason for e in result.errors), result.errors
    assert reports_count(session) == 0
    assert session.scalars(select(ImportBatch.status)).all() == ["rejected"]


def test_too_many_reports(session: Session, agencies: dict[str, Caller]) -> None:
    header, _ = REPORTS_CSV.split("\n", 1)
    rows = "".join(f"R{i},2026-03-01,,investment,sms,,,,,,,green,\n" for i in range(10_001))
    result = upload(session, agencies["MY-NSRC"], {"r.csv": f"{header}\n{rows}".encode()})
    assert result.status == "rejected" and "at most 10,000" in result.errors[0].reason
    assert reports_count(session) == 0


def test_oversized_upload(session: Session, agencies: dict[str, Caller]) -> None:
    result = upload(
        session,
        agencies["MY-NSRC"],
        {"r.csv": REPORTS_CSV.encode() * 100},
        limits=Limits(max_bytes=1000),
    )
    assert result.status == "rejected" and "the limit is" in result.errors[0].reason


def test_zip_bomb_is_refused(session: Session, agencies: dict[str, Caller]) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/worksheets/sheet1.xml", b"\0" * 5_000_000)
    result = upload(
        session,
        agencies["MY-NSRC"],
        {"b.xlsx": out.getvalue()},
        limits=Limits(max_unzipped_bytes=1_000_000),
    )
    assert result.status == "rejected" and "unpacks to" in result.errors[0].reason


def test_xlsx_workbook(session: Session, agencies: dict[str, Caller]) -> None:
    from datetime import datetime

    reports = [
        _sheet(REPORTS_CSV)[0],
        [
            "MY-1",
            datetime(2026, 3, 1, 10, 0),
            None,
            "investment",
            "whatsapp",
            12500.5,
            "MYR",
            "45_54",
            "female",
            "MY",
            "=1+1",
            "amber",
            None,
        ],
    ]
    idents = _sheet(IDENTIFIERS_CSV)[:3] + [["MY-1", "phone", "12", "caller", None, None]]

    def as_text(sheets: dict[str, Any]) -> None:
        # A Text cell typed "=1+1" is text; a formula cell is refused (test_excel_cells.py).
        sheets["reports"]["K2"].data_type = "s"

    sheets = {"README": [["ignored"]], "reports": reports, "identifiers": idents}
    content = workbook(sheets, as_text)
    result = upload(session, agencies["MY-NSRC"], {"book.xlsx": content})
    assert [(e.file, e.row, e.column) for e in result.errors] == [("identifiers", 4, "value")]
    fixed = workbook({"reports": reports, "identifiers": idents[:3]}, as_text)
    result = upload(session, agencies["MY-NSRC"], {"book.xlsx": fixed})
    assert result.status == "committed" and result.created == 1
    report = session.scalars(select(Report)).one()
    assert report.narrative == "=1+1" and str(report.loss_amount) == "12500.50"
    assert report.reported_at.isoformat() == "2026-03-01T02:00:00+00:00"


def test_xlsx_without_reports_sheet(session: Session, agencies: dict[str, Caller]) -> None:
    result = upload(session, agencies["MY-NSRC"], {"b.xlsx": workbook({"Sheet1": [["a"]]})})
    assert "no sheet named 'reports'" in result.errors[0].reason


def test_templates_are_accepted_as_they_are(session: Session, agencies: dict[str, Caller]) -> None:
    result = upload(session, agencies["MY-NSRC"], {"reports.xlsx": xlsx_template()})
    assert result.status == "committed", result.errors
    files = {f"{k}.csv": csv_template(k).encode() for k in ("reports", "parties", "places")}
    result = upload(session, agencies["MY-NSRC"], files)
    assert (result.status, result.updated) == ("committed", 1), result.errors


def test_nul_past_the_head_of_a_csv_rejects_its_row(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Only the first 4 KB are checked for binary data; a NUL further on reached the store,
    # where PostgreSQL refuses it and fails the whole batch.
    header, _ = REPORTS_CSV.split("\n", 1)
    rows = "".join(f"N{i},2026-03-01,,investment,sms,,,,,,x,green,\n" for i in range(200))
    reports = f"{header}\n{rows}N-X,2026-03-01,,investment,sms,,,,,,a\x00b,green,\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()}, keep_valid=True)
    assert (result.status, result.accepted, result.rejected) == ("partial", 200, 1)
    assert [(e.row, e.column) for e in result.errors] == [(202, "narrative")]
    assert "NUL character" in result.errors[0].reason
    assert "N-X" not in set(session.scalars(select(Report.external_ref)))


def test_nul_in_the_head_of_a_csv_rejects_its_row_not_the_file(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A NUL in the first 4 KB made the whole file "not a text CSV file", without a row or
    # a column, while one in row 200 was named; database exports pad fields with NULs.
    header, _ = REPORTS_CSV.split("\n", 1)
    reports = (
        f"{header}\nN-1\x00\x00,2026-03-01,,investment,sms,,,,,,x,green,\n"
        "N-2,2026-03-01,,investment,sms,,,,,,a\x00b,green,\n"
        "N-3,2026-03-01,,investment,sms,,,,,,fine,green,\n"
    )
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()}, keep_valid=True)
    assert (result.status, result.accepted, result.rejected) == ("partial", 1, 2)
    assert {(e.row, e.column) for e in result.errors} >= {(2, "external_ref"), (3, "narrative")}
    assert all("NUL" in e.reason or "invisible" in e.reason for e in result.errors)
    assert set(session.scalars(select(Report.external_ref))) == {"N-3"}


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (REPORTS_CSV.replace("mark", "ma\x00rk", 1).encode(), "heading of column 12 ('mark'"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(range(256)) * 8, "Excel 97-2003 (.xls)"),
        (bytes(range(256)) * 20, "binary data"),
        (b'\xef\xbb\xbf {"reports": []}', "this is a JSON file, not CSV"),
        (b'[{"external_ref": "J-1"}]', "give it a .json name"),
    ],
    ids=["nul-in-heading", "xls-named-csv", "binary", "json-object", "json-list"],
)
def test_csv_that_is_not_text_is_named_for_what_it_is(
    session: Session, agencies: dict[str, Caller], content: bytes, reason: str
) -> None:
    result = upload(session, agencies["MY-NSRC"], {"r.csv": content})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert reason in error.reason and "\x00" not in error.reason


def test_json_text_no_column_can_hold_is_an_error(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # JSON escapes let through a NUL and a lone surrogate; neither database can store them.
    body = (
        b'[{"external_ref": "J-1\\ud800", "reported_at": "2026-03-01", "scam_type": '
        b'"investment", "channel": "sms", "mark": "green", "narrative": "a\\u0000b", '
        b'"identifiers": [{"kind": "url", "value": "http://a\\u0000b.example/", '
        b'"role": "website"}]}]'
    )
    result = upload(session, agencies["MY-NSRC"], {"b.json": body})
    assert result.status == "rejected" and reports_count(session) == 0
    got = {e.column: e.reason for e in result.errors}
    assert set(got) >= {"external_ref", "narrative", "identifiers[0].value"}
    assert "lone UTF-16 surrogate" in got["external_ref"] and "NUL" in got["narrative"]
    stored = session.scalars(select(ImportBatch.rejections_csv)).one()
    assert "\x00" not in stored and "narrative" in stored


def test_json_key_given_twice_is_an_error(session: Session, agencies: dict[str, Caller]) -> None:
    # json.loads keeps the last value silently: this report was stored as J-2.
    body = (
        b'{"reports": [{"external_ref": "J-1", "external_ref": "J-2", "reported_at": '
        b'"2026-03-01", "scam_type": "investment", "channel": "sms", "mark": "green"}]}'
    )
    result = upload(session, agencies["MY-NSRC"], {"b.json": body})
    assert result.status == "rejected" and reports_count(session) == 0
    assert [(e.row, e.column) for e in result.errors] == [(1, "external_ref")]
    assert "given twice" in result.errors[0].reason


def test_headings_as_people_write_them(session: Session, agencies: dict[str, Caller]) -> None:
    header, rows = REPORTS_CSV.split("\n", 1)
    spoken = ",".join(name.replace("_", " ").title() for name in header.split(","))
    result = upload(session, agencies["MY-NSRC"], {"r.csv": f"{spoken}\n{rows}".encode()})
    assert (result.status, result.created) == ("committed", 2), result.errors
    book = workbook({"reports": [[n.replace("_", "-").upper() for n in header.split(",")]]})
    assert upload(session, agencies["MY-NSRC"], {"b.xlsx": book}).errors == []


def test_xlsx_cells_excel_changed(session: Session, agencies: dict[str, Caller]) -> None:
    from datetime import datetime

    header = _sheet(REPORTS_CSV)[0]
    row = ["MY-1", datetime(2026, 3, 1), None, "investment", "sms", *[None] * 6, "green", None]
    dated = [*row[:10], datetime(2026, 1, 1), *row[11:]]  # a narrative Excel made a date
    idents = [_sheet(IDENTIFIERS_CSV)[0], ["MY-1", "bank_account", 5.14012345678123e17, "wallet"]]
    book = workbook({"reports": [header, dated], "identifiers": idents})
    result = upload(session, agencies["MY-NSRC"], {"b.xlsx": book})
    got = {(e.file, e.column): e.reason for e in result.errors}
    assert "must be text, not a date" in got[("reports", "narrative")]
    assert "Excel keeps only 15" in got[("identifiers", "value")]
    assert reports_count(session) == 0


def test_too_long_text_says_the_limit(session: Session, agencies: dict[str, Caller]) -> None:
    reports = REPORTS_CSV.replace("First", "x" * 20_001)
    result = upload(session, agencies["MY-NSRC"], {"r.csv": reports.encode()})
    assert [(e.row, e.column) for e in result.errors] == [(2, "narrative")]
    assert "at most 20,000 characters" in result.errors[0].reason
