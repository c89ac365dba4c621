"""What the thirteenth probe of files left: headings written in the region's languages, and a
workbook whose chart sheet has lost its parts."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from typing import Any

import pytest
from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from sqlalchemy.orm import Session

from counterscam.access.caller import Caller
from counterscam.check.lists import UnreadableList, read_file
from counterscam.intake import columns
from counterscam.intake.records import FileProblem
from counterscam.intake.tables import recognise
from counterscam.reference import ReferenceDataError
from counterscam.reference.headings import local_headings, parse_headings
from tests.intake.conftest import REPORTS_CSV
from tests.intake.test_files import reports_count, upload
from tests.workbooks import workbook

# A Malaysian centre's own export: the template's columns, headed in Malay.
_MALAY = [
    "No. Rujukan",
    "Tarikh Laporan",
    "Jenis Penipuan",
    "Saluran",
    "Jumlah Kerugian",
    "Mata Wang",
    "Nombor Telefon",
    "Catatan Lain",
]
_ROW = ["MY-1", "2026-03-01", "investment", "sms", "100", "MYR", "012-345 6789", "x"]
_ENGLISH = "the template's headings are English column names"


def _csv(*rows: list[str]) -> bytes:
    return "".join(",".join(row) + "\n" for row in rows).encode()


def _refused(session: Session, caller: Caller, files: dict[str, bytes]) -> list[Any]:
    result = upload(session, caller, files)
    assert result.status == "rejected"
    assert reports_count(session) == 0  # never read by a guess
    return list(result.errors)


@pytest.mark.parametrize(
    "content",
    [_csv(_MALAY, _ROW), workbook({"reports": [_MALAY, _ROW]})],
    ids=["csv", "xlsx"],
)
def test_a_header_in_malay_names_each_column_to_write_instead(
    session: Session, agencies: dict[str, Caller], content: bytes
) -> None:
    # It was "the header row is not one of the intake files ... delete any title or empty rows
    # above it": the analyst looked for a title row that was not there.
    name = "r.xlsx" if content.startswith(b"PK") else "r.csv"
    (error,) = _refused(session, agencies["MY-NSRC"], {name: content})
    reason = error.reason
    assert error.row == 1 and "title" not in reason
    assert reason.startswith("the headings of row 1 are not the template's, which are English")
    assert "the templates are on the Upload page" in reason
    for told in (
        'write external_ref for "No. Rujukan"',
        'write reported_at for "Tarikh Laporan"',
        'write scam_type for "Jenis Penipuan"',
        'write channel for "Saluran"',
        'write loss_amount for "Jumlah Kerugian"',
        'write loss_currency for "Mata Wang"',
    ):
        assert told in reason
    # A phone number is an identifier: not a column of the reports file at all.
    assert 'give the values of "Nombor Telefon" in the identifiers file' in reason
    assert "the kind phone" in reason
    assert 'not known: "Catatan Lain"' in reason
    assert "The reports template's columns are: external_ref, reported_at" in reason


@pytest.mark.parametrize(
    ("heading", "column"),
    [
        ("Tarikh Laporan", "reported_at"),  # Malay
        ("Tanggal Laporan", "reported_at"),  # Indonesian
        ("\u0e27\u0e31\u0e19\u0e17\u0e35\u0e48\u0e41\u0e08\u0e49\u0e07", "reported_at"),  # Thai
        ("Ng\u00e0y b\u00e1o c\u00e1o", "reported_at"),  # Vietnamese
        ("Ngay bao cao", "reported_at"),  # Vietnamese typed without its marks
        ("Petsa ng Ulat", "reported_at"),  # Filipino
        # Khmer and Lao
        ("\u1790\u17d2\u1784\u17c3\u179a\u17b6\u1799\u1780\u17b6\u179a\u178e\u17cd", "reported_at"),
        ("\u0ea7\u0eb1\u0e99\u0e97\u0eb5\u0ea5\u0eb2\u0e8d\u0e87\u0eb2\u0e99", "reported_at"),
        ("\u62a5\u6848\u65e5\u671f", "reported_at"),  # Chinese
        ("JUMLAH KERUGIAN (RM)", "loss_amount"),  # any case, a unit after it
        ("Jumlah  Kerugian", "loss_amount"),
    ],
)
def test_a_local_heading_beside_the_templates_is_named_with_its_column(
    session: Session, agencies: dict[str, Caller], heading: str, column: str
) -> None:
    header = REPORTS_CSV.splitlines()[0].split(",")
    header[header.index(column)] = heading
    row = REPORTS_CSV.splitlines()[1]
    content = f"{','.join(header)}\n{row}\n".encode()
    errors = _refused(session, agencies["MY-NSRC"], {"r.csv": content})
    unknown = next(e for e in errors if e.reason.startswith("unknown column"))
    shown = " ".join(heading.split())
    assert f'{_ENGLISH}: write {column} for "{shown}"' in unknown.reason
    if column in columns.required("reports"):  # still missing, and said so: never read as it
        assert any(e.column == column and "column missing" in e.reason for e in errors)


def test_headings_of_the_linked_files_name_their_own_columns() -> None:
    with pytest.raises(FileProblem) as parties:
        recognise(["No. Rujukan", "Nama", "Jantina", "Nombor Telefon"], "p.csv")
    reason = parties.value.errors[0].reason
    assert 'write full_name for "Nama"' in reason and 'write gender for "Jantina"' in reason
    assert 'write phone for "Nombor Telefon"' in reason
    with pytest.raises(FileProblem) as identifiers:
        recognise(["No. Rujukan", "Nombor Akaun", "Nama Bank", "Peranan"], "i.csv")
    reason = identifiers.value.errors[0].reason
    assert 'write value for "Nombor Akaun" (with bank_account in the kind column)' in reason
    assert 'write qualifier for "Nama Bank"' in reason and 'write role for "Peranan"' in reason
    with pytest.raises(FileProblem) as places:
        recognise(["No. Rujukan", "Nama", "Alamat", "Negara"], "pl.csv")
    assert 'write name for "Nama"' in places.value.errors[0].reason


def test_a_header_in_a_script_without_known_headings_is_still_told_they_are_english() -> None:
    khmer = ["\u1796\u17d0\u178f\u17cc\u1798\u17b6\u1793", "\u1780\u17c6\u178e\u178f\u17cb"]
    with pytest.raises(FileProblem) as refused:
        recognise(khmer, "r.csv")
    reason = refused.value.errors[0].reason
    assert "which are English column names" in reason and "title" not in reason
    assert f'Not known: "{khmer[0]}"; "{khmer[1]}"' in reason


def test_a_title_row_is_still_told_to_be_deleted() -> None:
    with pytest.raises(FileProblem) as refused:
        recognise(["Laporan Penipuan 2026"], "r.csv")
    assert "delete any title or empty rows above it" in refused.value.errors[0].reason


_MAIN = ("external_ref", "reported_at", "incident_at", "scam_type", "channel", "loss_amount")
_SCRIPTS = {
    "Thai": "[\u0e00-\u0e7f]",
    "Lao": "[\u0e80-\u0eff]",
    "Khmer": "[\u1780-\u17ff]",
    "Burmese": "[\u1000-\u109f]",
    "Chinese": "[\u4e00-\u9fff]",
    "Vietnamese": "[\u0111\u01a1\u01b0\u1ea0-\u1ef9]",
}


@pytest.mark.parametrize("column", _MAIN)
def test_the_main_columns_have_headings_in_every_script_of_the_region(column: str) -> None:
    written = [h.written for h in local_headings().values() if column in h.columns]
    for language, letters in _SCRIPTS.items():
        assert any(re.search(letters, w) for w in written), (column, language)
    assert any(w.isascii() for w in written), column  # Malay, Indonesian, Filipino


@pytest.mark.parametrize(
    ("entry", "said"),
    [
        ({"columns": ["reported"], "written": ["Tarikh"]}, "'reported' is not a column"),
        ({"columns": ["value"], "identifier": "fax", "written": ["Faks"]}, "'fax' is not a kind"),
        ({"columns": ["narrative"], "written": ["Tarikh Laporan"]}, "listed before"),
        ({"columns": ["narrative"], "written": ["Loss Amount"]}, "a template column's own name"),
    ],
)
def test_a_broken_headings_file_is_refused_naming_the_entry(
    entry: dict[str, Any], said: str
) -> None:
    doc = {
        "version": 1,
        "headings": [{"columns": ["reported_at"], "written": ["Tarikh Laporan"]}, entry],
    }
    with pytest.raises(ReferenceDataError, match=re.escape(said)) as refused:
        parse_headings(doc)
    assert "column_headings.yaml: headings[1]" in str(refused.value)


def _with_chart_sheet(drop: Callable[[str], bool]) -> bytes:
    """Return a workbook of reports and a chart sheet, without the parts ``drop`` picks."""
    book = Workbook()
    sheet: Any = book.active
    sheet.title = "reports"
    header = REPORTS_CSV.splitlines()[0].split(",")
    sheet.append(header)
    sheet.append(
        ["MY-1", "2026-03-01", None, "investment", "sms", 100, "MYR", *[None] * 4, "green"]
    )
    chart = BarChart()
    chart.add_data(Reference(sheet, min_col=6, min_row=1, max_row=2))
    book.create_chartsheet("Losses chart").add_chart(chart)
    saved = io.BytesIO()
    book.save(saved)
    out = io.BytesIO()
    with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            if not drop(name):
                target.writestr(name, source.read(name))
    return out.getvalue()


@pytest.mark.parametrize(
    "lost",
    [
        "xl/chartsheets/_rels/sheet1.xml.rels",  # "damaged (AttributeError)"
        "xl/drawings/drawing1.xml",  # "damaged (KeyError)"
        "xl/charts/chart1.xml",
    ],
)
def test_a_chart_sheet_that_lost_its_parts_is_named_with_the_fix(
    session: Session, agencies: dict[str, Caller], lost: str
) -> None:
    book = _with_chart_sheet(lambda name: name == lost)
    (error,) = _refused(session, agencies["MY-NSRC"], {"r.xlsx": book})
    reason = error.reason
    assert reason.startswith(
        f"the chart sheet 'Losses chart' has lost a part of its chart ({lost})"
    )
    assert "save it again as .xlsx" in reason and "delete the chart sheet" in reason
    assert "Error" not in reason
    # The list check opens workbooks the same way, and says the same.
    with pytest.raises(UnreadableList, match="the chart sheet 'Losses chart' has lost a part"):
        read_file("list.xlsx", book, kind=None)


def test_a_workbook_with_a_whole_chart_sheet_is_read(
    session: Session, agencies: dict[str, Caller]
) -> None:
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": _with_chart_sheet(lambda _: False)})
    assert (result.status, result.accepted) == ("committed", 1)


def test_a_workbook_without_its_workbook_part_names_the_part(
    session: Session, agencies: dict[str, Caller]
) -> None:
    book = _with_chart_sheet(lambda name: name == "xl/workbook.xml")
    (error,) = _refused(session, agencies["MY-NSRC"], {"r.xlsx": book})
    assert "damaged, truncated or not an .xlsx file (its part xl/workbook.xml is missing)" in (
        error.reason
    )
