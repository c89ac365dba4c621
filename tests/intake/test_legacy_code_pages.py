"""CSV and JSON files Excel saved in a Windows code page: named, with where and how to fix."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.caller import Caller
from counterscam.cli.main import app
from counterscam.intake import code_pages
from tests.intake.conftest import PARTIES_CSV, REPORTS_CSV
from tests.intake.test_files import reports_count, upload
from tests.intake.test_written_forms import _windows_1258

# (how the bytes are made, the text in the narrative, the name the reason gives)
SAVED = {
    "thai": ("cp874", "แก๊งคอลเซ็นเตอร์โทรมาหลอกให้โอนเงิน", "Windows-874 (Thai, TIS-620)"),
    # Two words and no spaces (scammed + invest): four consonants in a row without a vowel
    # between them were taken for hanzi read as Thai, and no code page was named.
    "thai, a short narrative": ("cp874", "หลอกลงทุน", "Windows-874 (Thai, TIS-620)"),
    "vietnamese": ("cp1258", "Lừa đảo qua điện thoại", "Windows-1258 (Vietnamese)"),
    "simplified chinese": ("gbk", "受害人通过微信被骗投资", "GBK/GB18030 (Simplified Chinese"),
    "gb18030": ("gb18030", "诈骗集团在柬埔寨的园区", "GBK/GB18030 (Simplified Chinese"),
    "traditional chinese": ("big5", "受害人透過LINE被騙投資", "Big5 (Traditional Chinese"),
    "japanese": ("shift_jis", "投資詐欺の被害者です。ラインで連絡", "Shift-JIS (Japanese"),
    "western": ("cp1252", "Café société déjà vu", "Latin-1/Windows-1252"),
}


def _saved(text: str, codec: str) -> bytes:
    return _windows_1258(text) if codec == "cp1258" else text.encode(codec)


@pytest.mark.parametrize("case", sorted(SAVED))
def test_a_csv_in_a_legacy_code_page_names_it_the_cell_and_excels_fix(
    session: Session, agencies: dict[str, Caller], case: str
) -> None:
    codec, narrative, label = SAVED[case]
    content = _saved(REPORTS_CSV.replace("First", narrative), codec)
    result = upload(session, agencies["MY-NSRC"], {"r.csv": content})
    assert result.status == "rejected"
    [error] = result.errors
    assert (error.row, error.column) == (2, "narrative")
    reason = error.reason
    assert "the file is not UTF-8: byte 0x" in reason and "on row 2, column narrative" in reason
    assert f"probably saved as {label}" in reason, reason
    assert narrative in reason  # the value as it was meant, so the guess can be checked
    assert "'CSV UTF-8 (Comma delimited) (*.csv)'" in reason
    assert reports_count(session) == 0


def test_shift_jis_is_not_called_latin_1(session: Session, agencies: dict[str, Caller]) -> None:
    # Its bytes read as Windows-1252 too ("“ŠŽ‘"), and that was the hint given.
    content = REPORTS_CSV.replace("First", "田中太郎").encode("shift_jis")
    reason = upload(session, agencies["MY-NSRC"], {"r.csv": content}).errors[0].reason
    assert "Shift-JIS (Japanese" in reason and "Latin-1" not in reason
    assert "File Origin '932 : Japanese (Shift-JIS)'" in reason


@pytest.mark.parametrize(
    ("name", "codec", "label"),
    [
        ("张伟", "gbk", "GBK/GB18030"),
        ("王芳", "gbk", "GBK/GB18030"),  # its bytes read as four Thai consonants
        ("陳大文", "big5", "Big5"),
        ("黃志明", "big5", "Big5"),
        ("山田花子", "shift_jis", "Shift-JIS"),
        ("สมชาย ใจดี", "cp874", "Windows-874"),
        ("Nguyễn Văn An", "cp1258", "Windows-1258"),
        ("José Müller", "cp1252", "Latin-1/Windows-1252"),
    ],
)
def test_a_name_alone_in_a_parties_file_is_told_apart(
    session: Session, agencies: dict[str, Caller], name: str, codec: str, label: str
) -> None:
    # Chinese text was called Thai: most of its bytes are letters of Windows-874 too.
    parties = _saved(PARTIES_CSV.replace("Ahmad bin Ali", name), codec)
    result = upload(session, agencies["MY-NSRC"], {"r.csv": REPORTS_CSV.encode(), "p.csv": parties})
    [error] = result.errors
    assert (error.file, error.row, error.column) == ("p.csv", 2, "full_name")
    assert f"probably saved as {label}" in error.reason, error.reason
    assert name in error.reason


def test_the_row_is_the_csv_row_past_multi_line_values_and_the_first_block(
    session: Session, agencies: dict[str, Caller]
) -> None:
    header, *rows = REPORTS_CSV.splitlines()
    multi_line = rows[0].replace("First", '"line one\nline two"')
    filler = [rows[1].replace("MY-2", f"MY-{n}") for n in range(10, 400)]  # past 8 KB
    late = rows[0].replace("MY-1", "MY-9").replace("First", "โทรมาหลอก")
    text = "\n".join([header, multi_line, *filler, late]) + "\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": text.encode("cp874")})
    [error] = result.errors
    assert (error.row, error.column) == (2 + 1 + len(filler), "narrative")  # not the line
    assert "Windows-874" in error.reason


def test_a_heading_not_in_utf8_is_named_by_its_position(
    session: Session, agencies: dict[str, Caller]
) -> None:
    content = REPORTS_CSV.replace("narrative", "บรรยาย").encode("cp874")
    [error] = upload(session, agencies["MY-NSRC"], {"r.csv": content}).errors
    assert error.row == 1 and "on row 1, column 11" in error.reason
    assert "Windows-874" in error.reason


def test_bytes_no_code_page_explains_are_not_given_a_guess(
    session: Session, agencies: dict[str, Caller]
) -> None:
    content = REPORTS_CSV.encode().replace(b"First", bytes(range(0x80, 0xA0)))
    [error] = upload(session, agencies["MY-NSRC"], {"r.csv": content}).errors
    assert "could not be told" in error.reason and "probably" not in error.reason
    assert "CSV UTF-8 (Comma delimited)" in error.reason


def test_a_json_file_in_gbk_is_not_called_thai(
    session: Session, agencies: dict[str, Caller]
) -> None:
    body = json.dumps({"reports": [{"narrative": "受害人通过微信被骗投资"}]}, ensure_ascii=False)
    result = upload(session, agencies["MY-NSRC"], {"b.json": body.encode("gbk")})
    assert "GBK/GB18030 (Simplified Chinese" in result.errors[0].reason
    assert "Thai" not in result.errors[0].reason


def test_the_import_command_shows_the_code_page_and_the_cell(
    runner: CliRunner, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    path = tmp_path / "reports.csv"
    path.write_bytes(REPORTS_CSV.replace("First", "詐騙集團在柬埔寨的園區").encode("big5"))
    result = runner.invoke(app, ["import", str(path), "--agency", "MY-NSRC"])
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert "reports.csv row 2, narrative: the file is not UTF-8" in output, output
    assert "Big5 (Traditional Chinese" in output and "詐騙集團在柬埔寨的園區" in output


def test_utf16_with_its_byte_order_mark_is_refused_as_formats_md_says(
    runner: CliRunner, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    # Excel's "Unicode Text": docs/formats.md refuses it with the way to save UTF-8 instead.
    path = tmp_path / "reports.csv"
    path.write_bytes(REPORTS_CSV.encode("utf-16"))
    result = runner.invoke(app, ["import", str(path), "--agency", "MY-NSRC"])
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert "the file is UTF-16 (Excel 'Unicode Text')" in output
    assert "'CSV UTF-8 (Comma delimited) (*.csv)'" in output


def test_a_read_value_is_shortened_for_the_message() -> None:
    page = code_pages.likely("ข้อความ".encode("cp874"))
    assert page is not None
    assert code_pages.read_as(("ก" * 100).encode("cp874"), page) == "ก" * 37 + "..."


def test_excel_unicode_text_says_its_tabs_must_go_too(
    runner: CliRunner, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    # Excel's "Unicode Text" is UTF-16 with tabs between values: re-encoded as UTF-8, as the
    # reason said, the file was refused again, now for its tabs.
    path = tmp_path / "reports.csv"  # saved as .txt, and renamed
    path.write_bytes(REPORTS_CSV.replace(",", "\t").encode("utf-16"))
    result = runner.invoke(app, ["import", str(path), "--agency", "MY-NSRC"])
    assert result.exit_code == 1
    output = " ".join(result.output.split())
    assert "its values separated by tabs, so re-encoding it as UTF-8 is not enough" in output
    assert "'CSV UTF-8 (Comma delimited) (*.csv)'" in output
