"""A thirteenth probe's files: pictures, web pages and archives sent as the data, text no
database holds in JSON field names, reports wrapped under another key, and a template
formatted down a million rows."""

from __future__ import annotations

import io
import json
from typing import Any

import pytest
from openpyxl.worksheet._reader import WorkSheetParser
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.intake.json_files import reports_of
from counterscam.intake.records import FileProblem
from counterscam.intake.tables import Limits
from counterscam.intake.xml_parts import sheet_size
from tests.intake.conftest import REPORTS_CSV, doc_report
from tests.intake.test_files import reports_count, upload
from tests.workbooks import padded, workbook

HEADER = REPORTS_CSV.splitlines()[0].split(",")
ROW = ["T-1", "2026-03-01", None, "investment", "sms", 100, "MYR", None, None, None, "x", "green"]

_PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64
_JPEG = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + b"\x00" * 64
_HEIC = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
_WEB_PAGE = (
    b'<html xmlns:o="urn:schemas-microsoft-com:office:office">\r\n<head><meta charset="utf-8">'
    b"</head><body><table><tr><td>external_ref</td><td>reported_at</td></tr></table></body>"
    b"</html>"
)
_XML_2003 = (
    b'<?xml version="1.0"?>\r\n<?mso-application progid="Excel.Sheet"?>\r\n<Workbook '
    b'xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="reports">'
    b"</Worksheet></Workbook>"
)


@pytest.mark.parametrize(
    ("content", "names", "said"),
    [
        # A screenshot of the sheet, or a phone's photo of it, sent as the data: the PNG
        # named .json was "probably saved as Shift-JIS", the JPEG named .csv "binary data".
        (_PNG, ("r.csv", "r.xlsx", "r.json"), "this is a PNG image, not a data file"),
        (_JPEG, ("r.csv", "r.xlsx"), "this is a JPEG image"),
        (_HEIC, ("r.csv",), "this is a HEIC image"),
        # Case-management systems' "Export to Excel" writes a web page under an .xls name:
        # it was "not one of the intake files" for its first line of HTML.
        (_WEB_PAGE, ("export.xls", "export.csv", "export.xlsx"), "this is a web page (HTML)"),
        (_XML_2003, ("export.xlsx", "export.xml"), "this is an Excel 2003 XML spreadsheet"),
        # RTF starts with "{" and was "a JSON file, not CSV"; a 7-Zip archive was GBK text.
        (b"{\\rtf1\\ansi external_ref}", ("r.csv",), "this is a Rich Text (RTF) document"),
        (b"7z\xbc\xaf\x27\x1c" + b"\x00" * 40, ("r.csv",), "this is a 7-Zip archive"),
        (b"\x1f\x8b\x08\x00" + b"\x00" * 40, ("r.csv",), "this is a gzip archive"),
        (b"Rar!\x1a\x07\x01\x00" + b"\x00" * 40, ("r.json",), "this is a RAR archive"),
    ],
)
def test_a_picture_page_or_archive_sent_as_data_is_named_as_what_it_is(
    session: Session, agencies: dict[str, Caller], content: bytes, names: tuple[str, ...], said: str
) -> None:
    for name in names:
        result = upload(session, agencies["MY-NSRC"], {name: content})
        assert result.status == "rejected"
        (error,) = result.errors
        assert error.file == name and error.reason.startswith(said), (name, error.reason)
        if "image" in said:
            assert "reports cannot be read from a picture" in error.reason
            assert "/api/v1/templates/reports.xlsx" in error.reason
        elif "archive" in said:
            assert "unpack it and give the CSV, XLSX or JSON files" in error.reason
        elif "web page" in said or "2003" in said:
            assert "save it as an Excel Workbook (.xlsx)" in error.reason
    assert reports_count(session) == 0


def test_a_csv_file_of_reports_is_still_read_beside_those(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # The markup check looks only at files starting with "<": a header row never does.
    result = upload(session, agencies["MY-NSRC"], {"r.csv": REPORTS_CSV.encode()})
    assert (result.status, result.accepted) == ("committed", 2)


def _json_with(field: bytes) -> bytes:
    # Escapes written by hand: json.dumps would not write a lone surrogate as one.
    report = json.dumps([doc_report(external_ref="T-1")]).encode()
    return report.replace(b'"narrative"', field, 1)


@pytest.mark.parametrize(
    ("field", "column", "said"),
    [
        (b'"narr\\udc00"', "narr\ufffd", "the field name holds a lone UTF-16 surrogate (\\udc00)"),
        (b'"narr\\u0000"', "narr\ufffd", "the field name holds a NUL character"),
    ],
)
def test_a_field_name_no_text_can_hold_is_named_once(
    session: Session, agencies: dict[str, Caller], field: bytes, column: str, said: str
) -> None:
    # Such a key made the schema refuse the whole report in its own words ("Input should
    # be a valid string, unable to parse raw data as a unicode string"), naming no field.
    result = upload(session, agencies["MY-NSRC"], {"r.json": _json_with(field)})
    assert result.status == "rejected"
    assert [(e.row, e.column) for e in result.errors] == [(1, column)]
    assert result.errors[0].reason.startswith(said)
    assert reports_count(session) == 0


def test_a_field_name_in_a_linked_list_is_named_by_its_path(
    session: Session, agencies: dict[str, Caller]
) -> None:
    body = _json_with(b'"narrative"').replace(
        b'"role": "caller"', b'"role": "caller", "x\\ud800": 1'
    )
    result = upload(session, agencies["MY-NSRC"], {"r.json": body})
    assert [e.column for e in result.errors] == ["identifiers[0].x\ufffd"]
    assert "Input should be" not in result.errors[0].reason


@pytest.mark.parametrize(
    ("name", "content", "column"),
    [
        ("r.json", _json_with(b'"narrative"').replace(b"Met on", b"\\ud83d Met"), "narrative"),
        (
            "r.json",
            _json_with(b'"narrative"').replace(
                b'"mark": "amber"', b'"mark": "amber", "share_with": ["SG-ASCOM", "SG\\ud800"]'
            ),
            "share_with[1]",
        ),
        (
            "r.xlsx",
            workbook({"reports": [HEADER, [*ROW[:10], "paid_xD800_twice", "green"]]}),
            "narrative",
        ),
    ],
)
def test_a_lone_surrogate_in_a_value_is_one_error_in_the_readers_words(
    session: Session, agencies: dict[str, Caller], name: str, content: bytes, column: str
) -> None:
    # The reader named it, then the schema again: "Input should be a valid string, unable
    # to parse raw data as a unicode string", a second error for one fix.
    result = upload(session, agencies["MY-NSRC"], {name: content})
    assert result.status == "rejected"
    (error,) = result.errors
    assert error.column == column and "lone UTF-16 surrogate" in error.reason


@pytest.mark.parametrize("key", ["data", "items", "records"])
def test_reports_wrapped_under_another_key_say_to_rename_it(key: str) -> None:
    # APIs and exporters wrap their records as {"data": [...]}: "got an object with the keys
    # 'data'" did not say that the reports were there, under the wrong name.
    with pytest.raises(FileProblem) as refused:
        list(reports_of({key: [doc_report()]}, file="r.json", limits=Limits()))
    (error,) = refused.value.errors
    assert error.reason.startswith(f"the reports are under the key {key!r}")
    assert f'rename {key!r} to "reports"' in error.reason


def test_an_object_of_other_lists_is_still_told_its_keys() -> None:
    with pytest.raises(FileProblem) as refused:
        list(reports_of({"agencies": [{"code": "MY-NSRC"}]}, file="r.json", limits=Limits()))
    assert "got an object with the keys 'agencies'" in refused.value.errors[0].reason


def _formatted_rows(first: int, last: int) -> bytes:
    # Excel keeps a row formatted down the sheet as its styled, empty cells.
    return b"".join(
        b'<row r="%d" spans="1:12"><c r="A%d" s="1"/><c r="K%d" s="1"/></row>' % (n, n, n)
        for n in range(first, last + 1)
    )


def test_blank_rows_formatted_past_the_reports_are_not_parsed(
    session: Session, agencies: dict[str, Caller], monkeypatch: pytest.MonkeyPatch
) -> None:
    # A template formatted down the whole sheet, sent with a few reports, was parsed row by
    # row to the end: a million formatted rows took 30 s to read for two reports.
    book = workbook({"reports": [HEADER, ROW]})
    cells = {"A": "T-2", "B": "2026-03-02", "D": "investment", "E": "sms", "K": "x", "L": "green"}
    report = b'<row r="1001">%s</row>' % b"".join(
        b'<c r="%s1001" t="inlineStr"><is><t>%s</t></is></c>' % (c.encode(), v.encode())
        for c, v in cells.items()
    )
    book = padded(book, 1, _formatted_rows(3, 1000) + report + _formatted_rows(1002, 20_000))
    parsed: list[int] = []
    parse_row = WorkSheetParser.parse_row

    def counted(self: Any, row: Any) -> Any:
        parsed.append(1)
        return parse_row(self, row)

    monkeypatch.setattr(WorkSheetParser, "parse_row", counted)
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert (result.status, result.accepted, result.errors) == ("committed", 2, [])
    assert len(parsed) <= 1001 + 1  # the rows up to the last report (and one to stop at)


def test_the_last_row_holding_a_value_is_counted_with_the_rows() -> None:
    part = (
        b'<x:worksheet xmlns:x="s"><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v>'
        b'</x:c></x:row><x:row r="2"><x:c r="A2" t="inlineStr"><x:is><x:t>a</x:t></x:is></x:c>'
        b'</x:row><x:row r="3"><x:c r="A3" s="2"/></x:row><x:row r="7" hidden="1"/>'
        b"</x:sheetData></x:worksheet>"
    )
    size = sheet_size(io.BytesIO(part), max_elements=None, max_rows=100, row_elements=100)
    assert (size.rows, size.last, size.hidden) == (4, 2, (7,))
    formula = part.replace(b'<x:c r="A3" s="2"/>', b'<x:c r="A3"><x:f>1+1</x:f></x:c>')
    size = sheet_size(io.BytesIO(formula), max_elements=None, max_rows=100, row_elements=100)
    assert size.last == 3
    # A row without its number is the one after the row before it, as openpyxl reads it.
    unnumbered = part.replace(b'<x:row r="3">', b'<x:row r="5">').replace(
        b'<x:c r="A3" s="2"/>', b"<x:c><x:v>1</x:v></x:c>"
    )
    unnumbered = unnumbered.replace(
        b'<x:row r="7" hidden="1"/>', b"<x:row><x:c><x:v>2</x:v></x:c></x:row>"
    )
    size = sheet_size(io.BytesIO(unnumbered), max_elements=None, max_rows=100, row_elements=100)
    assert size.last == 6
    # Rows out of order: no last row is told, and every row is read as before.
    shuffled = part.replace(b'<x:row r="7"', b'<x:row r="1"')
    size = sheet_size(io.BytesIO(shuffled), max_elements=None, max_rows=100, row_elements=100)
    assert size.last is None


@pytest.mark.parametrize(
    ("written", "told"),
    [
        ("2026\u5e743\u670815\u65e5", "2026-03-15"),
        ("2026\u5e743\u670815\u65e5 10:00", "2026-03-15"),
        ("2026\ub144 3\uc6d4 15\uc77c", "2026-03-15"),
        ("2569\u5e743\u670815\u65e5", "2026-03-15"),
    ],
)
def test_a_chinese_or_korean_long_date_is_told_as_the_very_date(
    session: Session, agencies: dict[str, Caller], written: str, told: str
) -> None:
    # Chinese-language Excel writes its long date so; the reason gave the example 2026-03-01,
    # which read as the date told.
    header = ",".join(HEADER)
    row = f"T-1,{written},,investment,sms,100,MYR,,,,x,green,"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": f"{header}\n{row}\n".encode()})
    (error,) = result.errors
    assert error.column == "reported_at"
    assert f"Write the month as a number, year first, like {told}" in error.reason


def test_a_report_in_a_row_without_its_number_after_blank_rows_is_read(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Writers may leave out r="..." on rows (and cells): such a row follows the row before
    # it, so the reports after formatted blank rows are all read, none dropped unseen.
    book = workbook({"reports": [HEADER, ROW]})
    values = ("T-2", "2026-03-02", "", "investment", "sms", "", "", "", "", "", "x", "green")
    report = b"<row>%s</row>" % b"".join(
        b'<c t="inlineStr"><is><t>%s</t></is></c>' % v.encode() for v in values
    )
    book = padded(book, 1, _formatted_rows(3, 50) + report + _formatted_rows(52, 60))
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert (result.status, result.accepted, result.errors) == ("committed", 2, [])
