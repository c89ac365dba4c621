"""Files as real exports and hostile senders make them: each gets a correct import or an
error naming where it is and how to fix it, and nothing of a refused batch is stored."""

from __future__ import annotations

import io
import re
import zipfile
from typing import Any

import pytest
from openpyxl import Workbook, load_workbook
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.db.models import Report, ReportShare
from counterscam.intake.json_files import reports_of
from counterscam.intake.records import FileProblem
from counterscam.intake.tables import Limits
from counterscam.intake.templates import xlsx_template
from tests.intake.conftest import REPORTS_CSV, doc_report
from tests.intake.test_files import reports_count, upload
from tests.intake.test_service import count, send

HEADER = REPORTS_CSV.splitlines()[0]
ROW = "H-1,2026-03-01,,investment,sms,100,MYR,,,,x,green,"


def _book(rows: list[list[Any]], identifiers: list[list[Any]] | None = None) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "reports"
    for row in rows:
        sheet.append(row)
    if identifiers is not None:
        ids = book.create_sheet("identifiers")
        ids.append(["external_ref", "kind", "value", "role", "qualifier", "country"])
        for row in identifiers:
            ids.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_an_unknown_share_with_code_names_the_codes_that_exist(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # The reason offered "e.g. SG-ASCOM" whatever agencies there were, even when the code
    # refused was SG-ASCOM's own misspelling or no such agency existed.
    result = send(
        session,
        agencies["MY-NSRC"],
        [
            doc_report(external_ref="A", share_with=["SG-ASCM"]),
            doc_report(external_ref="B", share_with=["TH-CCIB"]),
        ],
        keep_valid=True,
    )
    reasons = {e.value: e.reason for e in result.errors}
    assert "did you mean SG-ASCOM?" in reasons["SG-ASCM"]
    assert "shared with are: ASEANAPOL, MY-NSRC, SG-ASCOM." in reasons["TH-CCIB"]
    assert "AU-AFP" not in reasons["TH-CCIB"]  # a partner never sees amber
    assert reports_count(session) == 0


def test_sharing_amber_with_a_partner_is_refused_not_hidden_from_everyone(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Amber narrowed to a partner was stored: no member could see it, nor could the partner.
    result = send(session, agencies["MY-NSRC"], [doc_report(share_with=["au-afp"])])
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert (error.column, error.value) == ("share_with", "AU-AFP")
    assert "AU-AFP is a partner" in error.reason and "mark it green" in error.reason
    ok = send(session, agencies["MY-NSRC"], [doc_report(share_with=["SG-ASCOM", "ASEANAPOL"])])
    assert ok.status == "committed" and count(session, ReportShare) == 2


def test_an_unknown_share_with_code_is_named_beside_the_reports_other_errors(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A report refused for its scam type never had its share_with codes looked up: the
    # unknown agency was named only in a second round, once the scam type was fixed.
    result = send(
        session,
        agencies["MY-NSRC"],
        [doc_report(scam_type="no-such-type", share_with=["SG-ASCM", "SG-ASCOM"])],
    )
    assert result.status == "rejected" and reports_count(session) == 0
    columns = {e.column: e for e in result.errors}
    assert set(columns) == {"scam_type", "share_with"}
    assert columns["share_with"].value == "SG-ASCM"
    assert "did you mean SG-ASCOM?" in columns["share_with"].reason
    # A share_with the schema itself refuses is not looked up as well: one error for it.
    green = send(session, agencies["MY-NSRC"], [doc_report(mark="green", share_with=["XX-NONE"])])
    assert [e.column for e in green.errors] == ["share_with"]
    assert "only an amber report" in green.errors[0].reason


def test_a_rejected_reports_share_with_codes_cross_the_worker_boundary() -> None:
    # A large import prepares reports in worker processes: what they send back for a refused
    # report must carry its codes too, or the writer cannot name an unknown one.
    from counterscam.intake.prepare import Prepared
    from counterscam.intake.records import RowError
    from counterscam.intake.worker import _pack, _unpack

    refused = Prepared("r.csv", 2, None, [RowError("r.csv", 2, "mark", "x", "y")], ("SG-ASCM",))
    back = _unpack(_pack(refused))
    assert isinstance(back, Prepared) and back.shares == ("SG-ASCM",) and back.normal is None


@pytest.mark.parametrize("ref", ["H-1\u200b", "\u200eH-1", "H\u00ad-1", "H-1\x1a", "H\n1"])
def test_an_invisible_character_in_a_reference_is_refused(
    session: Session, agencies: dict[str, Caller], ref: str
) -> None:
    # "H-1<zero-width space>" was stored beside "H-1": resubmitting the report duplicated it.
    text = f"{HEADER}\n" + ROW.replace("H-1", f'"{ref}"') + "\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": text.encode()})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert (error.row, error.column) == (2, "external_ref")
    assert "invisible character (U+" in error.reason and "delete it" in error.reason


def test_invisible_and_full_width_headings_name_their_columns(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # "\u200bmark" was an unknown column shown as "mark", beside "mark: required column missing".
    header = HEADER.replace("mark", "\u200bmark").replace("channel", "ｃｈａｎｎｅｌ")
    result = upload(session, agencies["MY-NSRC"], {"r.csv": f"{header}\n{ROW}\n".encode()})
    assert (result.status, result.created) == ("committed", 1), result.errors


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"\n{HEADER}\n{ROW}\n", "row 1 is empty"),
        (f",,,\n{HEADER}\n{ROW}\n", "row 1 is empty"),
        (f"sep=,\n{HEADER}\n{ROW}\n", "row 1 ('sep=,') tells Excel the separator"),
    ],
)
def test_a_line_above_the_header_says_to_delete_it(
    session: Session, agencies: dict[str, Caller], text: str, expected: str
) -> None:
    result = upload(session, agencies["MY-NSRC"], {"r.csv": text.encode()})
    assert result.status == "rejected" and reports_count(session) == 0
    assert [(e.row, expected in e.reason) for e in result.errors] == [(1, True)]


def test_an_empty_first_row_of_a_sheet_says_to_delete_it(
    session: Session, agencies: dict[str, Caller]
) -> None:
    book = _book([[], HEADER.split(","), ROW.split(",")])
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert [(e.file, e.row) for e in result.errors] == [("reports", 1)]
    assert "row 1 is empty" in result.errors[0].reason


def test_a_dos_end_of_file_mark_is_no_report(session: Session, agencies: dict[str, Caller]) -> None:
    # Older exporters end files with Ctrl-Z: it was read as a report with four empty fields,
    # and rejected the batch.
    text = f"{HEADER}\r\n{ROW}\r\n\x1a"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": text.encode()})
    assert (result.status, result.created, result.errors) == ("committed", 1, [])


def test_a_cell_past_the_csv_field_limit_is_not_blamed_on_a_quote_alone(
    session: Session, agencies: dict[str, Caller]
) -> None:
    text = f"{HEADER}\n" + ROW.replace(",x,", "," + "x" * 200_000 + ",") + "\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": text.encode()})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert error.row == 2 and "narrative, the longest, takes at most 20,000" in error.reason


def test_an_account_number_cell_says_its_leading_zeros_are_lost(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # 051401234567 typed into a General cell is the number 51401234567: the error said only
    # that the account had 11 digits.
    book = _book(
        [HEADER.split(","), ROW.split(",")],
        [["H-1", "bank_account", 51401234567, "beneficiary_account", "Maybank", None]],
    )
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert (error.file, error.row, error.column) == ("identifiers", 2, "value")
    assert "keeps no leading zeros" in error.reason and "format the column as Text" in error.reason


def test_an_account_number_as_text_gets_no_leading_zero_hint(
    session: Session, agencies: dict[str, Caller]
) -> None:
    book = _book(
        [HEADER.split(","), ROW.split(",")],
        [["H-1", "bank_account", "51401234567", "beneficiary_account", "Maybank", None]],
    )
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert result.status == "rejected" and "leading zeros" not in result.errors[0].reason


def test_the_template_formats_whole_text_columns_as_text() -> None:
    # Only the example row was Text: an account number typed in row 3 lost its leading zeros.
    book = load_workbook(io.BytesIO(xlsx_template()))
    reports, identifiers = book["reports"], book["identifiers"]
    formats = {
        str(reports.cell(1, at).value): reports.column_dimensions[letter].number_format
        for at, letter in enumerate("ABCDEFGHIJKLM", start=1)
    }
    assert formats["external_ref"] == "@" and formats["narrative"] == "@"
    assert formats["loss_amount"] == "General" and formats["reported_at"] == "General"
    assert identifiers.column_dimensions["C"].number_format == "@"  # value


@pytest.mark.parametrize(
    ("document", "expected"),
    [
        ({"Reports": [doc_report()]}, 'the key is "reports", in lower case'),
        (doc_report(), "this is one report, not a batch: send it to POST /api/v1/reports"),
        ({"reports": "x"}, '"reports" must be a list of reports, not text'),
        ({"items": []}, "got an object with the keys 'items'"),
    ],
)
def test_a_document_that_is_no_batch_says_what_it_is(document: Any, expected: str) -> None:
    with pytest.raises(FileProblem) as caught:
        list(reports_of(document, file="request", limits=Limits(max_reports=10)))
    assert expected in caught.value.errors[0].reason


def test_a_resubmitted_reference_with_surrounding_spaces_updates_it(
    session: Session, agencies: dict[str, Caller]
) -> None:
    first = upload(session, agencies["MY-NSRC"], {"r.csv": f"{HEADER}\n{ROW}\n".encode()})
    again = ROW.replace("H-1", "\u00a0H-1 ")
    second = upload(session, agencies["MY-NSRC"], {"r.csv": f"{HEADER}\n{again}\n".encode()})
    assert (first.created, second.created, second.updated) == (1, 0, 1)
    assert count(session, Report) == 1


def test_a_json_file_in_a_legacy_code_page_names_the_line_and_the_code_page(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # It said only "the file is not UTF-8", with no line and no hint of what it was.
    body = '{"reports": [\n{"external_ref": "J-1", "narrative": "โกงเงินผ่านไลน์"}]}'
    result = upload(session, agencies["MY-NSRC"], {"b.json": body.encode("cp874")})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert error.row == 2 and "on line 2 cannot be read" in error.reason
    assert "Windows-874 (Thai, TIS-620)" in error.reason


def test_a_reference_built_by_a_formula_is_refused_in_every_sheet(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # The formula's text was stored as the reference: it changes when rows move, so a
    # resubmission of the same report made a second one.
    book = _book(
        [HEADER.split(","), ['="H-"&"1"', *ROW.split(",")[1:]], ["H-2", *ROW.split(",")[1:]]],
        [["=reports!A3", "phone", "0123456789", "caller", None, None]],
    )
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book}, keep_valid=True)
    # The identifier row points at no report, so it is listed on its own and H-2 is kept.
    assert (result.created, result.rejected) == (1, 1)
    reasons = {(e.file, e.row, e.column): e.reason for e in result.errors}
    assert "Paste Special > Values" in reasons[("reports", 2, "external_ref")]
    assert "It is a spreadsheet formula" in reasons[("identifiers", 2, "external_ref")]


def test_a_link_longer_than_kept_once_canonical_is_refused_naming_it(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # 580 Thai letters of path are within the 600 characters taken as written, but their %XX
    # codes are 5,220: PostgreSQL refused the batch with a 500, and a valid report beside it
    # was lost with it.
    link = "http://scam.example/" + "ข่าว" * 145
    bad = doc_report(
        external_ref="LONG", identifiers=[{"kind": "url", "value": link, "role": "website"}]
    )
    good = doc_report(external_ref="OK")
    result = send(session, agencies["MY-NSRC"], [bad, good], keep_valid=True)
    assert (result.status, result.created, result.rejected) == ("partial", 1, 1)
    (error,) = result.errors
    assert (error.row, error.column) == (1, "identifiers[0].value")
    assert "made canonical it is" in error.reason and "more than the 600" in error.reason
    assert count(session, Report) == 1


def test_a_formula_in_a_typed_column_is_named_as_a_formula(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A loss of =F2*1000 was refused as "'=F' is not a currency sign or code", and a date of
    # =DATE(2026,3,1) as no date, neither saying that formulas are never run.
    row = ROW.split(",")
    row[1], row[5] = "=DATE(2026,3,1)", "=F2*1000"
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": _book([HEADER.split(","), row])})
    assert result.status == "rejected" and reports_count(session) == 0
    reasons = {e.column: e.reason for e in result.errors}
    for column in ("reported_at", "loss_amount"):
        assert "It is a spreadsheet formula, and formulas are never run" in reasons[column]
        assert "Paste Special > Values" in reasons[column]


@pytest.mark.parametrize("name", ["reports.csv", "reports.xlsx", "reports.zip"])
def test_zipped_csv_files_are_named_a_zip_archive(
    session: Session, agencies: dict[str, Caller], name: str
) -> None:
    # CSV files zipped to send them were called a damaged workbook, or an XLSX to rename.
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("reports.csv", f"{HEADER}\n{ROW}\n")
    result = upload(session, agencies["MY-NSRC"], {name: out.getvalue()})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert "this is a zip archive" in error.reason and "unzip it" in error.reason


def _with_part(book: bytes, name: str, change: Any) -> bytes:
    """Return ``book`` with its part ``name`` rewritten by ``change`` (or added, when new)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(book)) as src, zipfile.ZipFile(out, "w") as dst:
        names = src.namelist()
        for part in names:
            data = src.read(part)
            dst.writestr(part, change(data) if part == name else data, zipfile.ZIP_DEFLATED)
        if name not in names:
            dst.writestr(name, change(b""), zipfile.ZIP_DEFLATED)
    return out.getvalue()


def test_a_zip_of_thousands_of_parts_is_named_as_such_not_as_too_large(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # It was "the workbook unpacks to 0 MB, more than the 315 MB allowed".
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        for n in range(10_001):
            archive.writestr(f"x/{n}.xml", b"")
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": out.getvalue()})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert "holds 10,002 parts" in error.reason and "save it again as .xlsx" in error.reason
    assert "MB" not in error.reason


_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa">'
    + b"".join(
        b'<!ENTITY %s "%s">' % (bytes([c]), b"&%s;" % bytes([c - 1]) * 10)
        for c in range(ord("b"), ord("j"))
    )
    + b"]>"
)
_XXE = b'<?xml version="1.0"?><!DOCTYPE s [<!ENTITY i SYSTEM "file:///etc/hostname">]>'


@pytest.mark.parametrize(
    ("part", "change"),
    [
        # A billion laughs (10^9 "a"s from a few hundred bytes) in the sheet, the sheet list
        # and the shared strings; and an external entity that would read a server file.
        (
            "xl/worksheets/sheet1.xml",
            lambda x: _LAUGHS + x.split(b"?>", 1)[-1].replace(b"H-1", b"&i;"),
        ),
        (
            "xl/workbook.xml",
            lambda x: _LAUGHS + x.split(b"?>", 1)[-1].replace(b'"reports"', b'"&i;"'),
        ),
        (
            "xl/worksheets/sheet1.xml",
            lambda x: _XXE + x.split(b"?>", 1)[-1].replace(b"H-1", b"&i;"),
        ),
        ("xl/workbook.xml", lambda x: _XXE + x.split(b"?>", 1)[-1].replace(b'"reports"', b'"&i;"')),
    ],
)
def test_xml_entities_in_a_workbook_are_refused_unexpanded(
    session: Session, agencies: dict[str, Caller], part: str, change: Any
) -> None:
    book = _with_part(_book([HEADER.split(","), ROW.split(",")]), part, change)
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert "cannot be read as an XLSX workbook" in error.reason
    assert "save it again as .xlsx" in error.reason


def test_laughs_in_shared_strings_are_refused_unexpanded(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # openpyxl writes inline strings; Excel writes them to a shared-strings part, read apart.
    strings = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<si><t>&i;</t></si></sst>"
    )
    book = _book([HEADER.split(","), ROW.split(",")])
    book = _with_part(book, "xl/sharedStrings.xml", lambda _: _LAUGHS + strings)
    book = _with_part(
        book,
        "[Content_Types].xml",
        lambda x: x.replace(
            b"</Types>",
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        ),
    )
    book = _with_part(
        book,
        "xl/worksheets/sheet1.xml",
        lambda x: re.sub(rb'<c r="A2"[^>]*>.*?</c>', b'<c r="A2" t="s"><v>0</v></c>', x),
    )
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert result.status == "rejected" and reports_count(session) == 0
    assert "cannot be read as an XLSX workbook" in result.errors[0].reason


_ENTITY = b'<!DOCTYPE s [<!ENTITY r "MY-9">]>'


@pytest.mark.parametrize(
    "change",
    [
        # openpyxl writes no XML declaration, so the declaration goes first in the part.
        lambda x: _ENTITY + x.replace(b"H-1", b"&r;"),
        lambda x: b'<?xml version="1.0"?>\n<!-- a tool -->' + _ENTITY + x.replace(b"H-1", b"&r;"),
        lambda x: b"\xef\xbb\xbf" + _ENTITY + x,
        lambda x: b"\xff\xfe" + (_ENTITY.decode() + x.decode()).encode("utf-16-le"),
        lambda x: b"<!--" + b" " * 70_000 + b"-->" + _ENTITY + x,
    ],
    ids=["bare", "after-declaration", "utf-8-bom", "utf-16", "padded-prolog"],
)
def test_a_small_xml_entity_in_a_workbook_is_refused_not_expanded(
    session: Session, agencies: dict[str, Caller], change: Any
) -> None:
    # Only entities past expat's amplification limit were refused: <!ENTITY r "MY-9"> and
    # &r; in the reference cell stored a report MY-9, a reference no cell shows.
    book = _with_part(
        _book([HEADER.split(","), ROW.split(",")]), "xl/worksheets/sheet1.xml", change
    )
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert "xl/worksheets/sheet1.xml declares XML entities" in error.reason
    assert "save it again as .xlsx" in error.reason


def test_a_workbook_with_comments_before_its_root_is_read(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # What other writers put before the root element (declaration, comments) is no DTD.
    book = _with_part(
        _book([HEADER.split(","), ROW.split(",")]),
        "xl/worksheets/sheet1.xml",
        lambda x: b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<!-- w -->' + x,
    )
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert (result.status, result.created) == ("committed", 1), result.errors


def test_a_part_packed_like_a_zip_bomb_is_refused_before_it_is_parsed(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # 100 MB of empty shared strings packed into 146 KB kept a server reading for two
    # minutes, though the workbook was within the 300 MiB it may unpack to.
    strings = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + b"<si/>" * 2_200_000
        + b"</sst>"
    )
    book = _with_part(
        _book([HEADER.split(","), ROW.split(",")]), "xl/sharedStrings.xml", lambda _: strings
    )
    book = _with_part(
        book,
        "[Content_Types].xml",
        lambda x: x.replace(
            b"</Types>",
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
        ),
    )
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert "xl/sharedStrings.xml unpacks to 11.0 MB" in error.reason
    assert "zip bomb" in error.reason and "save it again as .xlsx" in error.reason


def test_json_numbers_that_are_no_text_are_refused_where_text_is_due(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # As text, a phone value 1e20 was stored as the SMS sender name MY:1E+20, and an
    # external_ref NaN as the report "nan"; 1e400 was refused as "'inf'", which no one sent.
    body = (
        b'[{"external_ref": NaN, "reported_at": "2026-03-01", "scam_type": "investment", '
        b'"channel": "sms", "mark": "green", "loss_amount": 1e400, "loss_currency": "MYR", '
        b'"identifiers": [{"kind": "phone", "value": 1e20, "role": "caller"}, '
        b'{"kind": "phone", "value": 60123456789.0, "role": "caller"}]}]'
    )
    result = upload(session, agencies["MY-NSRC"], {"b.json": body})
    assert result.status == "rejected" and reports_count(session) == 0
    got = {e.column: (e.value, e.reason) for e in result.errors}
    assert set(got) == {"external_ref", "identifiers[0].value", "loss_amount"}
    assert "send the value as a JSON string" in got["external_ref"][1]
    assert got["identifiers[0].value"][0] == "1e+20"
    assert "send the value as a JSON string" in got["identifiers[0].value"][1]
    assert got["loss_amount"][1].startswith("'1E+400' is too large")


def test_json_numbers_that_keep_their_digits_are_read_as_text(
    session: Session, agencies: dict[str, Caller]
) -> None:
    body = (
        b'[{"external_ref": 77, "reported_at": "2026-03-01", "scam_type": "investment", '
        b'"channel": "sms", "mark": "green", "loss_amount": 1e3, "loss_currency": "MYR", '
        b'"identifiers": [{"kind": "phone", "value": 60123456789.0, "role": "caller"}]}]'
    )
    result = upload(session, agencies["MY-NSRC"], {"b.json": body})
    assert (result.status, result.created) == ("committed", 1), result.errors
    report = session.scalars(select(Report)).one()
    assert (report.external_ref, report.loss_amount) == ("77", 1000)


@pytest.mark.parametrize(("number", "text"), [("2026.10", "2026.10"), ("1e5", "1e5")])
def test_a_json_number_is_read_as_the_text_it_was_written_in(
    session: Session, agencies: dict[str, Caller], number: str, text: str
) -> None:
    # 2026.10 was stored as the reference "2026.1" (1e5 as "100000.0"): the same report sent
    # again with its reference as text was stored a second time.
    report = '[{"external_ref": %s, "reported_at": "2026-03-01", "scam_type": "investment", '
    report += '"channel": "sms", "mark": "green", "narrative": %s}]'
    first = upload(session, agencies["MY-NSRC"], {"a.json": (report % (number, number)).encode()})
    assert (first.status, first.created) == ("committed", 1), first.errors
    assert session.scalars(select(Report.narrative)).one() == text
    again = upload(session, agencies["MY-NSRC"], {"b.json": (report % (f'"{text}"', 1)).encode()})
    assert (again.created, again.updated) == (0, 1), again.errors
    assert session.scalars(select(Report.external_ref)).all() == [text]


def test_a_title_above_the_header_is_named_as_such(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # It was "unknown column laporan_penipuan_2026" and five "required column missing".
    book = _book([["Laporan Penipuan 2026"], [], HEADER.split(","), ROW.split(",")])
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert (error.file, error.row) == ("reports", 1)
    assert "delete any title or empty rows above it" in error.reason


def test_a_reference_of_ten_thousand_characters_is_not_echoed_whole(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A linked row pointing at it, and the same reference twice, each echoed it twice in
    # full: rejection-file lines of 20,000 characters, and as much in the API answer.
    long = "Q" * 10_000
    header = REPORTS_CSV.splitlines()[0]
    row = f"{long},2026-03-01,,investment,sms,,,,,,,green,"
    reports = f"{header}\n{row}\n{row}\n"
    identifiers = f"external_ref,kind,value,role\n{'R' * 10_000},phone,012-345 6789,caller\n"
    files = {"r.csv": reports.encode(), "i.csv": identifiers.encode()}
    result = upload(session, agencies["MY-NSRC"], files)
    assert result.status == "rejected" and reports_count(session) == 0
    said = " | ".join(e.reason for e in result.errors)
    assert "is also on row 2 of this batch" in said and "no report RRR" in said
    assert all(len(e.value) <= 200 and len(e.reason) <= 500 for e in result.errors)
