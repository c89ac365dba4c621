"""Reading a list to check: pasted lines with or without their kind, CSV and XLSX files."""

from __future__ import annotations

import io
import re
import zipfile

import pytest
from openpyxl import Workbook

from counterscam.check.lists import UnreadableList, read_file, read_lines
from tests.workbooks import workbook


def test_lines_keep_their_numbers_and_may_give_their_kind() -> None:
    listed = read_lines(
        "kind,value\n\nphone, 012-345 6789\r\n  hxxps://evil-bank[.]com/a,b \nURL\tx.example\n",
        kind="domain",
    )
    assert [(e.line, e.item.kind, e.item.value) for e in listed] == [
        (3, "phone", "012-345 6789"),
        # Not a kind before the comma: the whole line is the value, of the kind for all.
        (4, "domain", "hxxps://evil-bank[.]com/a,b"),
        (5, "url", "x.example"),
    ]


def test_a_value_header_is_skipped_only_as_the_first_line() -> None:
    assert [e.item.value for e in read_lines("value\n+6591234567\nvalue", kind=None)] == [
        "+6591234567",
        "value",
    ]


def test_a_csv_file_needs_a_value_column_and_rows_are_numbered_from_the_header() -> None:
    listed = read_file(
        "a.csv", "\ufeffKind,Value\nphone,+6591234567\n,\n,x@example.com\n".encode(), kind=None
    )
    assert [(e.line, e.item.kind, e.item.value) for e in listed] == [
        (2, "phone", "+6591234567"),
        (4, None, "x@example.com"),
    ]
    with pytest.raises(UnreadableList, match="row 1 must be a header naming the column 'value'"):
        read_file("b.csv", b"+6591234567\n", kind=None)
    with pytest.raises(UnreadableList, match="not UTF-8"):
        read_file("c.csv", b"value\n\xff\xfe\n", kind=None)


def test_reading_stops_past_the_limit() -> None:
    rows = "value\n" + "".join(f"+65912345{i:02d}\n" for i in range(50))
    assert len(read_file("a.csv", rows.encode(), kind=None, most=3)) == 4


def test_an_xlsx_file_is_read_from_the_sheet_naming_a_value_column() -> None:
    book = Workbook()
    notes = book.active
    assert notes is not None
    notes.append(["notes"])
    sheet = book.create_sheet("numbers")
    sheet.append(["value"])
    sheet.append([6591234567])
    sheet.append(['=HYPERLINK("http://x")'])
    sheet.append([1234567890123456789])
    data = io.BytesIO()
    book.save(data)
    listed = read_file("n.xlsx", data.getvalue(), kind="phone")
    assert [(e.line, e.item.value) for e in listed[:2]] == [
        (2, "6591234567"),
        (3, '=HYPERLINK("http://x")'),  # a formula is text to check, never evaluated
    ]
    assert listed[2].problem and "Excel keeps only 15" in listed[2].problem
    with pytest.raises(UnreadableList, match="XLSX"):
        read_file("n.xlsx", b"PK\x03\x04broken", kind=None)


def test_a_file_named_xlsx_is_opened_as_intake_opens_workbooks() -> None:
    # The same checks as an upload: what the file really is, and how far it may unpack.
    with pytest.raises(UnreadableList, match="text file .* with an .xlsx name"):
        read_file("list.xlsx", b"value\n+6591234567\n", kind=None)
    with pytest.raises(UnreadableList, match=r"old Excel 97-2003 \(.xls\)"):
        read_file("list.xlsx", b"\xd0\xcf\x11\xe0" + bytes(600), kind=None)
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (301 * 1024 * 1024))
    with pytest.raises(UnreadableList, match="unpacks to .* MB, more than"):
        read_file("list.xlsx", bomb.getvalue(), kind=None)


def test_a_sheet_with_blank_rows_above_its_header_and_kinds_as_people_write_them() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append([None])
    sheet.append(["Value", "Kind"])
    sheet.append(["+6591234567", "Phone Number"])
    sheet.append(["x@example.com", "E-mail"])
    sheet.append(["x", "a fax"])
    data = io.BytesIO()
    book.save(data)
    listed = read_file("l.xlsx", data.getvalue(), kind=None)
    assert [(e.line, e.item.kind) for e in listed] == [(3, "phone"), (4, "email"), (5, "a fax")]
    pasted = read_lines("Phone Number,+6591234567\nBank account\t0123", kind=None)
    assert [(e.item.kind, e.item.value) for e in pasted] == [
        ("phone", "+6591234567"),
        ("bank_account", "0123"),
    ]


def test_a_number_cell_is_checked_with_a_note_that_it_kept_no_leading_zero() -> None:
    # A bank account 0123456789 typed into a cell not formatted as Text is the number
    # 123456789: it was checked as the shorter number without a word.
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["value", "kind"])
    sheet.append([123456789, "bank_account"])
    sheet.append(["0123456789", "bank_account"])
    sheet.append([60123456789.0, "phone"])
    data = io.BytesIO()
    book.save(data)
    listed = read_file("accounts.xlsx", data.getvalue(), kind=None)
    assert [e.item.value for e in listed] == ["123456789", "0123456789", "60123456789"]
    first, typed_as_text, third = (e.note or "" for e in listed)
    assert "keeps no leading zeros: it was checked as 123456789" in first
    assert "format the column as Text" in first
    assert typed_as_text == ""
    assert "it was checked as 60123456789" in third


@pytest.mark.parametrize(
    ("content", "row"),
    [
        (b'kind,value\nphone,"+60123456789\nphone,+60123456788\nphone,+60123456787\n', 2),
        (b'value\n+60123456789\n"+60123456788"x\n', 3),
    ],
)
def test_a_csv_list_with_a_quote_left_open_is_refused_naming_the_row(
    content: bytes, row: int
) -> None:
    # The open quote took the rows after it into one value, which was checked as the first
    # number: three values answered as one, with no word of the two left out.
    with pytest.raises(UnreadableList, match=f"list.csv: row {row} is not valid CSV"):
        read_file("list.csv", content, kind=None)


@pytest.mark.parametrize(
    ("content", "column"),
    [
        (b"value,value\n+60123456789,+60123456788\n", "value"),
        (b"kind,value,Kind\nphone,+60123456789,url\n", "kind"),
    ],
)
def test_a_list_naming_its_value_or_kind_column_twice_is_refused(
    content: bytes, column: str
) -> None:
    # Only the first column was read: the values of the other were never checked.
    with pytest.raises(UnreadableList, match=f"names the column '{column}' 2 times"):
        read_file("list.csv", content, kind=None)
    sheet = [row.split(",") for row in content.decode().splitlines()]
    with pytest.raises(UnreadableList, match=f"names the column '{column}' 2 times"):
        read_file("list.xlsx", workbook({"Sheet1": sheet}), kind=None)


@pytest.mark.parametrize(
    ("content", "said"),
    [
        (workbook({"Sheet1": [["value"], ["+60123456789"]]}), "this is a zip archive"),
        (b"\xd0\xcf\x11\xe0" + bytes(600), "this is an old Excel 97-2003 (.xls) workbook"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "this is a PDF document"),
    ],
)
def test_a_csv_name_on_a_file_that_is_no_text_says_what_it_is(content: bytes, said: str) -> None:
    # Each was "not UTF-8 text; save it as 'CSV UTF-8'", which does not unzip an archive.
    with pytest.raises(UnreadableList, match=re.escape(f"list.csv: {said}")):
        read_file("list.csv", content, kind=None)
