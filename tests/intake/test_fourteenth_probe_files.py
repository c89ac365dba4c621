"""A fourteenth probe's files: wide encodings, Excel's other workbook formats, JSON written by
hand or printed by Python, a report far down an empty sheet, and a CSV file still being
written while it is imported; with the files of the probe that were already answered well,
kept answered so."""

from __future__ import annotations

import io
import json
import re
import time
import tracemalloc
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.intake import xlsx_files
from counterscam.intake.csv_files import csv_table
from counterscam.intake.records import FileProblem, parse_rejections_csv, rejections_csv
from counterscam.intake.tables import Limits, Source
from tests.intake.conftest import doc_report
from tests.intake.test_files import reports_count, upload
from tests.workbooks import changed, workbook

HEADER = "external_ref,reported_at,scam_type,channel,loss_amount,loss_currency,narrative,mark\n"
THAI = HEADER + "T-1,2026-03-01,investment,sms,100,THB,หลอกลงทุนผ่านไลน์ เสียเงินมาก,green\n"
PLAIN = HEADER + "C-1,2026-03-01,investment,sms,100,MYR,x,green\n"
COLUMNS = HEADER.strip().split(",")
ROW = ["X-1", "2026-03-01", "investment", "sms", 100, "MYR", "x", "green"]
_LARGE = Limits(max_bytes=52_428_800, max_reports=10_000)
SAVE_AS_UTF8 = "'CSV UTF-8 (Comma delimited) (*.csv)'"


def _refused(session: Session, caller: Caller, files: dict[str, bytes]) -> str:
    result = upload(session, caller, files)
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    return error.reason


@pytest.mark.parametrize(
    "content",
    [
        THAI.encode("utf-16-le"),
        THAI.encode("utf-16-be"),
        PLAIN.encode("utf-16-le"),
        b"\xff\xfe" + THAI.encode("utf-16-le"),
    ],
)
def test_utf16_without_its_mark_is_named_even_when_its_values_are_thai(
    session: Session, agencies: dict[str, Caller], content: bytes
) -> None:
    # Thai characters take no zero byte: a short file of Thai values was "binary data".
    reason = _refused(session, agencies["MY-NSRC"], {"r.csv": content})
    assert reason.startswith("the file is UTF-16 (Excel 'Unicode Text')"), reason
    assert SAVE_AS_UTF8 in reason


@pytest.mark.parametrize(
    "content",
    [
        b"\xff\xfe\x00\x00" + PLAIN.encode("utf-32-le"),
        b"\x00\x00\xfe\xff" + PLAIN.encode("utf-32-be"),
        PLAIN.encode("utf-32-le"),
    ],
)
def test_utf32_is_named_utf32_not_utf16(
    session: Session, agencies: dict[str, Caller], content: bytes
) -> None:
    reason = _refused(session, agencies["MY-NSRC"], {"r.csv": content})
    assert reason.startswith("the file is UTF-32; save it as UTF-8"), reason
    assert "UTF-16" not in reason


def _strict(xml: bytes) -> bytes:
    return xml.replace(
        b"http://schemas.openxmlformats.org/spreadsheetml/2006/main",
        b"http://purl.oclc.org/ooxml/spreadsheetml/main",
    ).replace(
        b"http://schemas.openxmlformats.org/officeDocument/2006/relationships",
        b"http://purl.oclc.org/ooxml/officeDocument/relationships",
    )


def _binary_workbook() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as book:
        book.writestr(
            "[Content_Types].xml",
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Override PartName="/xl/workbook.bin" ContentType="application/vnd.ms-excel.'
            'sheet.binary.macroEnabled.main"/></Types>',
        )
        book.writestr("xl/workbook.bin", b"\x83\x01\x00")
    return out.getvalue()


def test_a_strict_open_xml_workbook_is_named_not_said_to_lack_its_reports_sheet(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Excel's Save As type "Strict Open XML Spreadsheet (*.xlsx)": the reader finds no sheet
    # in it, and the workbook with its reports sheet had "no sheet named 'reports'".
    book = workbook({"reports": [COLUMNS, ROW]})
    parts = zipfile.ZipFile(io.BytesIO(book)).namelist()
    strict = changed(book, {name: _strict for name in parts if name.endswith((".xml", ".rels"))})
    reason = _refused(session, agencies["MY-NSRC"], {"r.xlsx": strict})
    assert reason == (
        "the workbook is saved as 'Strict Open XML Spreadsheet', which is not read; open it in "
        "Excel and save it with File > Save As, the type 'Excel Workbook (*.xlsx)'"
    )


def test_a_binary_workbook_with_an_xlsx_name_is_named_not_called_damaged(
    session: Session, agencies: dict[str, Caller]
) -> None:
    for name in ("r.xlsx", "r.xlsb"):
        reason = _refused(session, agencies["MY-NSRC"], {name: _binary_workbook()})
        assert reason.startswith("this is an Excel Binary Workbook (.xlsb), which is not read")
        assert "'Excel Workbook (*.xlsx)'" in reason and "damaged" not in reason


def test_a_macro_workbook_renamed_xlsx_is_read_for_its_values_never_its_macros(
    session: Session, agencies: dict[str, Caller]
) -> None:
    macro = changed(
        workbook({"reports": [COLUMNS, ROW]}),
        {
            "[Content_Types].xml": lambda x: x.replace(
                b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
                b"application/vnd.ms-excel.sheet.macroEnabled.main+xml",
            ),
            "xl/vbaProject.bin": lambda _: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512,
        },
    )
    assert upload(session, agencies["MY-NSRC"], {"r.xlsx": macro}).accepted == 1


def _far_down(book: bytes) -> bytes:
    """Move the second row of the first sheet to the sheet's last row, 1,048,576."""

    def move(xml: bytes) -> bytes:
        xml = xml.replace(b'<row r="2"', b'<row r="1048576"')
        return re.sub(rb'r="([A-Z]+)2"', rb'r="\g<1>1048576"', xml)

    return changed(book, {"xl/worksheets/sheet1.xml": move})


def test_a_report_in_the_last_row_of_a_sheet_is_read_without_a_pass_over_the_gap(
    session: Session, agencies: dict[str, Caller], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A 6 KB workbook with its one report in row 1,048,576 took 40 s to read (each of the
    # million rows the sheet does not hold was handed out and checked), a minute of a web
    # worker for each such upload.
    checked: list[int] = []
    check_row = xlsx_files.SharedStrings.check_row

    def counted(self: Any, label: str, row: int, *args: Any) -> None:
        checked.append(row)
        check_row(self, label, row, *args)

    monkeypatch.setattr(xlsx_files.SharedStrings, "check_row", counted)
    started = time.monotonic()
    result = upload(
        session, agencies["MY-NSRC"], {"r.xlsx": _far_down(workbook({"reports": [COLUMNS, ROW]}))}
    )
    assert (result.status, result.accepted) == ("committed", 1)
    assert checked == [1, 1_048_576]
    assert time.monotonic() - started < 30


def test_a_row_left_empty_at_the_top_is_still_refused_as_a_missing_header(
    session: Session, agencies: dict[str, Caller]
) -> None:
    def lower(xml: bytes) -> bytes:
        xml = xml.replace(b'<row r="2"', b'<row r="3"').replace(b'<row r="1"', b'<row r="2"')
        xml = re.sub(rb'r="([A-Z]+)2"', rb'r="\g<1>3"', xml)
        return re.sub(rb'r="([A-Z]+)1"', rb'r="\g<1>2"', xml)

    book = changed(workbook({"reports": [COLUMNS, ROW]}), {"xl/worksheets/sheet1.xml": lower})
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert result.status == "rejected" and result.errors[0].row == 1


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("// exported 2026-03\n[]", "a comment (// or /* */) is not JSON: delete it"),
        ("[/* first */]", "a comment (// or /* */) is not JSON: delete it"),
        (repr([doc_report()]), "never single quotes ('), as Python's print() writes a dict"),
        ("[{'external_ref': 'MY-1'}]", "write the file with a JSON library (json.dump)"),
    ],
)
def test_json_with_comments_or_printed_by_python_says_so(
    session: Session, agencies: dict[str, Caller], text: str, said: str
) -> None:
    reason = _refused(session, agencies["MY-NSRC"], {"r.json": text.encode()})
    assert reason.startswith("not valid JSON at line 1") and said in reason, reason


def test_a_csv_file_changed_while_it_is_read_is_refused(tmp_path: Path) -> None:
    # An export still being written when the import starts: the pass over its header and
    # references and the pass over its rows saw different files.
    path = tmp_path / "reports.csv"
    rows = "".join(f"G-{i},2026-03-01,investment,sms,1,MYR,x,green\n" for i in range(5))
    path.write_text(HEADER + rows)
    table = csv_table(Source(name="reports.csv", path=path))
    with path.open("a") as f:
        f.write("G-9,2026-03-01,investment,sms,1,MYR,x,green\n")
    assert table.open_refs is not None
    for open_pass in (table.open_rows, table.open_refs):
        with pytest.raises(FileProblem) as caught:
            list(open_pass())
        (error,) = caught.value.errors
        assert error.file == "reports.csv"
        assert error.reason.startswith("the file changed while it was read")
        assert "wait until it is complete, then import it again" in error.reason


def test_a_csv_file_changed_during_a_pass_is_refused_at_its_end(tmp_path: Path) -> None:
    path = tmp_path / "reports.csv"
    path.write_text(HEADER + "G-1,2026-03-01,investment,sms,1,MYR,x,green\n")
    table = csv_table(Source(name="reports.csv", path=path))
    passing = table.open_rows()
    next(passing)
    with path.open("a") as f:
        f.write("G-2,2026-03-01,investment,sms,1,MYR,x,green\n")
    with pytest.raises(FileProblem, match="the file changed while it was read"):
        list(passing)


# Files of the probe answered well already: each keeps its answer.
_VIET = "V-1,2026-03-01,investment,sms,100,VND,Lừa đảo đầu tư,green\n"


def _csv_answers() -> list[tuple[str, bytes, str]]:
    return [
        ("windows-874", THAI.encode("cp874"), "Windows-874 (Thai, TIS-620)"),
        ("tis-620", THAI.encode("tis-620"), "Windows-874 (Thai, TIS-620)"),
        (
            "big5",
            (
                HEADER + "Z-1,2026-03-01,investment,sms,100,TWD,投資詐騙，受害人被騙走了錢,green\n"
            ).encode("big5"),
            "Big5 (Traditional Chinese",
        ),
        (
            "gb18030",
            (
                HEADER + "Z-1,2026-03-01,investment,sms,100,CNY,投资诈骗，受害人被骗走了钱,green\n"
            ).encode("gb18030"),
            "GBK/GB18030 (Simplified Chinese",
        ),
        (
            "shift-jis behind a UTF-8 mark",
            b"\xef\xbb\xbf"
            + (
                HEADER + "J-1,2026-03-01,investment,sms,100,JPY,投資詐欺の被害者です,green\n"
            ).encode("shift_jis"),
            "Shift-JIS (Japanese",
        ),
    ]


@pytest.mark.parametrize(("name", "content", "said"), _csv_answers())
def test_legacy_code_pages_are_named_with_the_row_and_column(
    session: Session, agencies: dict[str, Caller], name: str, content: bytes, said: str
) -> None:
    result = upload(session, agencies["MY-NSRC"], {"r.csv": content})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert (error.row, error.column) == (2, "narrative"), name
    assert said in error.reason and SAVE_AS_UTF8 in error.reason, name


@pytest.mark.parametrize(
    ("content", "accepted"),
    [
        (
            (
                HEADER.replace("\n", "\r\n")
                + _VIET.replace("V-1", "E-1")
                + _VIET.replace("V-1", "E-2").replace("\n", "\r")
            ).encode(),
            2,
        ),
        (PLAIN.replace("\n", "\r").encode(), 1),
        (b"\xef\xbb\xbf\xef\xbb\xbf" + PLAIN.encode(), 1),
        (
            (
                HEADER + 'Q-1,2026-03-01,investment,sms,1,MYR,"' + "line\n" * 3000 + '",green\n'
            ).encode(),
            1,
        ),
    ],
)
def test_line_endings_marks_and_long_quoted_values_are_read(
    session: Session, agencies: dict[str, Caller], content: bytes, accepted: int
) -> None:
    result = upload(session, agencies["MY-NSRC"], {"r.csv": content})
    assert (result.status, result.accepted) == ("committed", accepted), result.errors


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (HEADER.strip().encode() + b"," * 900_000 + b"\n", "has 900,008 columns"),
        (HEADER.encode() + b'A-1,2026-03-01,investment,sms,1,MYR,"' + b"x\n" * 70_000, "131,072"),
        (b"external_ref" + b"x" * 20_000_000, "131,072 characters"),
    ],
)
def test_a_million_columns_or_a_huge_line_is_refused_in_bounded_time(
    session: Session, agencies: dict[str, Caller], content: bytes, said: str
) -> None:
    started = time.monotonic()
    result = upload(session, agencies["MY-NSRC"], {"r.csv": content}, limits=_LARGE)
    assert result.status == "rejected" and reports_count(session) == 0
    assert said in result.errors[0].reason, result.errors
    assert time.monotonic() - started < 30


@pytest.mark.parametrize("line", [1, 2])
def test_a_line_of_millions_of_commas_is_refused_before_it_is_split(
    session: Session, agencies: dict[str, Caller], line: int
) -> None:
    # 20 MB of commas took 181 MB to read (a list entry for each empty value), and a CLI
    # import of a larger such file as much memory as it was given.
    commas = b"," * 20_000_000
    content = HEADER.strip().encode() + (commas + b"\n" if line == 1 else b"\nA-1" + commas)
    tracemalloc.start()
    try:
        result = upload(session, agencies["MY-NSRC"], {"r.csv": content}, limits=_LARGE)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert (error.file, error.row) == ("r.csv", line)
    assert error.reason.startswith(
        f"row {line} holds more than 1,000,000 commas, and a row holds at most 16,384 values"
    )
    assert peak < 100_000_000


def test_formulas_in_cells_come_back_quoted_in_the_rejection_file(
    session: Session, agencies: dict[str, Caller]
) -> None:
    rows = (
        'F-1,2026-03-01,investment,sms,1,MYR,x,"=HYPERLINK(""http://evil.example"",""open"")"\n'
        "F-2,2026-03-01,+cmd|' /C calc'!A0,sms,1,MYR,x,green\n"
        "F-3,2026-03-01,@SUM(1+1)*cmd|' /C calc'!A0,sms,1,MYR,x,green\n"
        "F-4,2026-03-01,investment,-2+3+cmd|' /C calc'!A0,1,MYR,x,green\n"
        "F-5,2026-03-01,investment,sms,1,MYR,x,green\n"
    )
    result = upload(
        session, agencies["MY-NSRC"], {"r.csv": (HEADER + rows).encode()}, keep_valid=True
    )
    assert (result.status, result.accepted, result.rejected) == ("partial", 1, 4)
    text = rejections_csv(result.errors)
    for line in text.splitlines()[1:]:
        for cell in next(iter(__import__("csv").reader([line]))):
            assert not cell.startswith(("=", "+", "-", "@")), line
    assert [e.value for e in parse_rejections_csv(text)] == [e.value for e in result.errors]


def test_the_same_file_sent_twice_updates_and_never_duplicates(
    session: Session, agencies: dict[str, Caller]
) -> None:
    batch = json.dumps([doc_report(external_ref="R-1"), doc_report(external_ref="R-2", mark="x")])
    first = upload(session, agencies["MY-NSRC"], {"r.json": batch.encode()}, keep_valid=True)
    again = upload(session, agencies["MY-NSRC"], {"r.json": batch.encode()}, keep_valid=True)
    assert (first.created, first.updated, first.rejected) == (1, 0, 1)
    assert (again.created, again.updated, again.rejected) == (0, 1, 1)
    assert reports_count(session) == 1
