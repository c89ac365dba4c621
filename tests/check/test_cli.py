"""The check commands: HIT / NO HIT first, JSON on request, exit 2 for an invalid value."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.cli.main import app
from counterscam.db.models import AuditEvent
from tests.check.conftest import PHONE, CheckRegion
from tests.check.helpers import add_report


def test_check_prints_hit_facts_and_holders(runner: CliRunner, region: CheckRegion) -> None:
    result = runner.invoke(
        app, ["check", "phone", "012-345 6789", "--country", "MY", "--agency", "AU-AFP"]
    )
    assert result.exit_code == 0, result.output
    assert "HIT" in result.output and "NO HIT" not in result.output
    assert "MY-NSRC" in result.output and "amber+strict" in result.output
    assert "2,200.00" in result.output


def test_check_no_hit(runner: CliRunner, region: CheckRegion) -> None:
    result = runner.invoke(app, ["check", "phone", "+60198765432"])
    assert result.exit_code == 0 and "NO HIT" in result.output


def test_check_json(runner: CliRunner, region: CheckRegion, session: Session) -> None:
    result = runner.invoke(app, ["check", "phone", PHONE, "--json", "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["hit"] and body["value"] == PHONE
    # Times as the API writes them.
    assert body["first_seen"].endswith("Z") and body["matches"][0]["reported_at"].endswith("Z")
    assert [h["agency_code"] for h in body["holdings"]] == ["TH-CCIB"]
    actors = session.scalars(select(AuditEvent.actor).where(AuditEvent.channel == "cli")).all()
    assert actors == ["cli-admin@MY-NSRC"]


def test_invalid_value_exits_2_with_the_reason(runner: CliRunner, region: CheckRegion) -> None:
    result = runner.invoke(app, ["check", "phone", "12"])
    assert result.exit_code == 2
    assert "not a valid phone" in result.output


def test_check_bulk_counts_agree_in_number(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    # The summary read "1 hits, 1 invalid." whatever the counts.
    source = tmp_path / "values.csv"
    source.write_text(f"kind,value\nphone,{PHONE}\nphone,+6591234567\nphone,12\nphone,13\n")
    out = tmp_path / "answers.csv"
    result = runner.invoke(app, ["check-bulk", str(source), "--country", "MY", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "4 checked: 2 hits, 2 invalid values." in result.output


def test_check_bulk_writes_one_answer_per_row(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    source = tmp_path / "values.csv"
    source.write_text(f"kind,value\nphone,{PHONE}\nphone,12\nphone,+60198765432\n")
    out = tmp_path / "answers.csv"
    result = runner.invoke(app, ["check-bulk", str(source), "--country", "MY", "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "3 checked: 1 hit, 1 invalid value." in result.output
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert [r["hit"] for r in rows] == ["yes", "no", "no"]
    assert rows[1]["error"] and rows[0]["canonical"] == PHONE
    # With a byte-order mark, as the web's download, so Excel reads it as UTF-8.
    assert out.read_bytes().startswith(b"\xef\xbb\xbfline,")


def test_check_bulk_refuses_a_file_without_header(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    source = tmp_path / "values.csv"
    source.write_text(f"{PHONE}\n")
    result = runner.invoke(app, ["check-bulk", str(source)])
    assert result.exit_code == 1
    assert "header" in result.output


def test_dates_are_the_reporting_countrys_and_the_csv_keeps_utc(
    runner: CliRunner, region: CheckRegion, session: Session, tmp_path: Path
) -> None:
    # Entered in Kuala Lumpur as 2 March: stored as 16:00 UTC on 1 March.
    add_report(
        session,
        agency="MY-NSRC",
        ref="MY-date-only",
        mark="green",
        reported_at=datetime(2026, 3, 1, 16, 0, tzinfo=UTC),
        identifiers=[("phone", "+60172223333", "caller")],
    )
    session.commit()
    shown = runner.invoke(app, ["check", "phone", "+60172223333", "--agency", "MY-NSRC"])
    assert shown.exit_code == 0, shown.output
    assert "2026-03-02" in shown.output and "2026-03-01" not in shown.output
    listed = tmp_path / "values.csv"
    listed.write_text("kind,value\nphone,+60172223333\n")
    out = tmp_path / "answers.csv"
    bulk = runner.invoke(app, ["check-bulk", str(listed), "--out", str(out), "--agency", "MY-NSRC"])
    assert bulk.exit_code == 0, bulk.output
    (row,) = csv.DictReader(out.open(encoding="utf-8-sig"))
    assert row["first_seen"] == row["last_seen"] == "2026-03-01T16:00:00+00:00"


def test_check_bulk_answers_name_their_row_and_never_run_a_formula(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    source = tmp_path / "values.csv"
    source.write_text(f'kind,value\nphone,{PHONE}\n,\n,"=HYPERLINK(""http://x"")"\n')
    out = tmp_path / "answers.csv"
    result = runner.invoke(app, ["check-bulk", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "2 checked: 1 hit, 1 invalid value." in result.output
    hit, formula = csv.DictReader(out.open(encoding="utf-8-sig"))
    assert (hit["line"], hit["kind"], hit["canonical"]) == ("2", "phone", PHONE)
    assert formula["line"] == "4" and formula["value"] == '\'=HYPERLINK("http://x")'


def test_json_of_an_invalid_value_is_still_json(runner: CliRunner, region: CheckRegion) -> None:
    # Before, --json printed nothing on stdout for an invalid value: a script had no answer.
    result = runner.invoke(app, ["check", "phone", "12", "--json"])
    assert result.exit_code == 2
    body = json.loads(result.stdout)
    assert body["hit"] is False and "12" in body["error"]


def test_kind_and_country_are_read_in_any_case(runner: CliRunner, region: CheckRegion) -> None:
    result = runner.invoke(app, ["check", "PHONE", "012-345 6789", "--country", "my"])
    assert result.exit_code == 0, result.output
    assert "HIT" in result.output and "+60123456789" in result.output


@pytest.mark.parametrize("command", [["check", "phone", "0123456789"], ["check-bulk"]])
def test_an_unknown_country_is_a_usage_error(
    runner: CliRunner, region: CheckRegion, tmp_path: Path, command: list[str]
) -> None:
    # check-bulk answered every row "invalid" instead of naming the mistake once.
    source = tmp_path / "values.csv"
    source.write_text(f"value\n{PHONE}\n")
    args = [*command, str(source)] if command == ["check-bulk"] else command
    result = runner.invoke(app, [*args, "--country", "Malaysia"])
    assert result.exit_code == 2
    assert "--country 'Malaysia' is not a known country" in result.output


def test_an_unguessable_value_is_not_called_an_invalid_auto(
    runner: CliRunner, region: CheckRegion
) -> None:
    result = runner.invoke(app, ["check", "auto", "xyz"])
    assert result.exit_code == 2
    assert "'xyz' is not a valid identifier: " in result.output
    assert "valid auto" not in result.output


def test_an_unknown_kind_is_named_as_such(runner: CliRunner, region: CheckRegion) -> None:
    result = runner.invoke(app, ["check", "iban", "x"])
    assert result.exit_code == 2 and "'iban' is not an identifier kind" in result.output


@pytest.mark.parametrize("where", ["folder", "missing/answers.csv"])
def test_check_bulk_refuses_an_answer_file_it_cannot_write_before_checking(
    runner: CliRunner, region: CheckRegion, tmp_path: Path, where: str
) -> None:
    # Both were a traceback, after every value had been checked.
    source = tmp_path / "values.csv"
    source.write_text(f"value\n{PHONE}\n")
    (tmp_path / "folder").mkdir()
    result = runner.invoke(app, ["check-bulk", str(source), "--out", str(tmp_path / where)])
    assert result.exit_code == 2
    assert "--out" in result.output and "checked" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_check_bulk_piped_shows_no_progress_bar(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    source = tmp_path / "values.csv"
    source.write_text(f"value\n{PHONE}\n")
    result = runner.invoke(app, ["check-bulk", str(source)])
    assert result.exit_code == 0, result.output
    assert "━" not in result.output and result.output.startswith("1 checked")


def test_check_bulk_out_xlsx_keeps_numbers_as_written(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    # Opened in Excel, the CSV's 0123456789 lost its zero and +60123456789 showed as
    # 6.01235E+10; a workbook's text cells keep both, and a formula stays text.
    from openpyxl import load_workbook

    source = tmp_path / "values.csv"
    source.write_text('kind,value\nphone,0123456789\nphone,1234567890123456\n,"=1+2"\n')
    out = tmp_path / "answers.xlsx"
    result = runner.invoke(app, ["check-bulk", str(source), "--country", "MY", "--out", str(out)])
    assert result.exit_code == 0, result.output
    sheet = load_workbook(out).active
    assert sheet is not None
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[0][:6] == ["line", "kind", "value", "canonical", "hit", "reports"]
    assert rows[1][:6] == [2, "phone", "0123456789", PHONE, "yes", 6]
    assert rows[2][2] == "1234567890123456" and rows[2][12]
    assert rows[3][2] == "=1+2"
    texts = [c for row in sheet.iter_rows(min_row=2) for c in row[1:4] if c.value]
    assert texts and all(c.data_type == "s" for c in texts)


def test_first_and_last_seen_are_the_dates_of_the_reports_they_come_from(
    runner: CliRunner, region: CheckRegion, session: Session
) -> None:
    # 16:45 UTC is 2 March in Singapore and still 1 March in Thailand: the facts said
    # "2026-03-01 UTC" while the SG report's own row (and the web page) said 2026-03-02.
    for agency, day in (("SG-ASCOM", 1), ("TH-CCIB", 5)):
        add_report(
            session,
            agency=agency,
            ref=f"{agency}-late",
            reported_at=datetime(2026, 3, day, 16, 45, tzinfo=UTC),
            identifiers=[("phone", "+60129876543", "caller")],
        )
    session.commit()
    shown = runner.invoke(app, ["check", "phone", "+60129876543", "--agency", "AU-AFP"])
    assert shown.exit_code == 0, shown.output
    assert "First seen           2026-03-02 (SG)" in shown.output
    assert "Last seen            2026-03-05 (TH)" in shown.output
    assert "UTC" not in shown.output


def test_check_bulk_says_which_number_cells_kept_no_leading_zero(
    runner: CliRunner, region: CheckRegion, tmp_path: Path
) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["value", "kind"])
    sheet.append([PHONE, "phone"])
    sheet.append([123456789, "bank_account"])
    source = tmp_path / "accounts.xlsx"
    book.save(source)
    out = tmp_path / "answers.csv"
    result = runner.invoke(app, ["check-bulk", str(source), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "1 value was a number cell (rows 3)" in " ".join(result.output.split())
    typed, number = csv.DictReader(out.open(encoding="utf-8-sig"))
    assert typed["note"] == ""
    assert "keeps no leading zeros: it was checked as 123456789" in number["note"]


def test_records_held_elsewhere_name_their_holder_as_the_page_does(
    runner: CliRunner, region: CheckRegion
) -> None:
    # Web and API give the holder's name; the CLI gave only its code.
    result = runner.invoke(app, ["check", "phone", PHONE, "--agency", "SG-ASCOM"])
    assert result.exit_code == 0, result.output
    assert "Cyber Crime Investigation Bureau" in " ".join(result.output.split())
