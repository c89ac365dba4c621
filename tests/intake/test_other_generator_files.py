"""Files as a generator written from docs/formats.md alone makes them (not `counterscam synth`)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from openpyxl import Workbook
from sqlalchemy import select
from sqlalchemy.orm import Session
from typer.testing import CliRunner

from counterscam.access.caller import Caller
from counterscam.cli.main import app
from counterscam.db.models import Identifier, Party, Place, Report, Sighting
from counterscam.intake.records import FileProblem
from counterscam.intake.tables import recognise
from tests.intake.conftest import IDENTIFIERS_CSV, REPORTS_CSV, doc_report
from tests.intake.test_files import reports_count, upload
from tests.intake.test_service import send

HEADER = REPORTS_CSV.splitlines()[0]
ROW = "G-1,2026-03-01,,investment,sms,100,MYR,,,,x,green,"


def _book(blank: str) -> bytes:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "reports"
    sheet.append(HEADER.split(","))
    sheet.append(ROW.split(","))
    identifiers = book.create_sheet("identifiers")
    identifiers.append(["external_ref", "kind", "value", "role"])
    identifiers.append(["G-1", "phone", "012-345 6789", "caller"])
    book.create_sheet(blank)  # nothing in it, not even a header
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@pytest.mark.parametrize("blank", ["parties", "places"])
def test_a_blank_linked_sheet_is_no_rows(
    session: Session, agencies: dict[str, Caller], blank: str
) -> None:
    # A workbook written with all four sheets, parties or places left blank in a batch that
    # has none: the whole batch was refused ("the sheet is empty; it needs a header row").
    result = upload(session, agencies["MY-NSRC"], {"region.xlsx": _book(blank)})
    assert (result.status, result.created, result.errors) == ("committed", 1, [])
    assert reports_count(session) == 1


def test_a_blank_reports_sheet_is_still_refused(
    session: Session, agencies: dict[str, Caller]
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "reports"
    out = io.BytesIO()
    book.save(out)
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": out.getvalue()})
    assert result.status == "rejected" and reports_count(session) == 0
    assert [(e.file, e.row) for e in result.errors] == [("reports", 1)]
    assert "the sheet is empty" in result.errors[0].reason


def test_an_external_ref_in_a_json_report_s_list_says_to_leave_it_out(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Copied from the CSV columns, it was "unknown field; the fields are: kind, value, ...",
    # as if the column did not exist.
    identifier = {"external_ref": "G-2", "kind": "phone", "value": "012-345 6789", "role": "caller"}
    result = send(
        session, agencies["MY-NSRC"], [doc_report(external_ref="G-2", identifiers=[identifier])]
    )
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert error.column == "identifiers[0].external_ref"
    assert "take no external_ref" in error.reason and "leave it out" in error.reason


@pytest.mark.parametrize("written", ["TLP: AMBER", "tlp:  amber+strict"])
def test_a_tlp_label_with_a_space_is_the_mark(
    session: Session, agencies: dict[str, Caller], written: str
) -> None:
    # "TLP:AMBER" was read but "TLP: AMBER", as mails and reports write it, was refused.
    result = send(session, agencies["MY-NSRC"], [doc_report(mark=written)])
    assert (result.status, result.errors) == ("committed", [])
    assert session.scalars(select(Report.mark)).all() == [written.split(":")[1].strip().lower()]


def _excel_padded(text: str, extra: int = 2) -> str:
    """Return CSV text as Excel writes a sheet once formatted wider and longer than its data:
    empty headings past the columns, and rows of commas only below the data."""
    lines = text.strip("\n").split("\n")
    width = lines[0].count(",") + 1 + extra
    padded = [line + "," * extra for line in lines] + ["," * (width - 1)] * 3
    return "\r\n".join(padded) + "\r\n"


def test_rows_of_commas_only_past_the_header_s_width_are_blank_lines(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A foreign centre's Excel export: two empty headings after `share_with` and three
    # ",,,,..." rows below the data. Each such row was refused as a report missing its
    # external_ref, reported_at, scam_type, channel and mark.
    data = _excel_padded(REPORTS_CSV).encode()
    result = upload(session, agencies["MY-NSRC"], {"reports.csv": data})
    assert (result.status, result.created, result.errors) == ("committed", 2, [])


def test_the_cli_import_skips_rows_of_commas_only_too(
    runner: CliRunner, session: Session, agencies: dict[str, Caller], tmp_path: Path
) -> None:
    (tmp_path / "reports.csv").write_text(_excel_padded(REPORTS_CSV), newline="")
    (tmp_path / "identifiers.csv").write_text(_excel_padded(IDENTIFIERS_CSV), newline="")
    result = runner.invoke(app, ["import", str(tmp_path), "--agency", "MY-NSRC"])
    assert result.exit_code == 0, result.output
    assert "2 accepted, 0 rejected, 2 created" in result.output
    assert reports_count(session) == 2


def test_an_amount_without_its_currency_names_the_reporting_country_s_currency(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A Singapore (or Vietnamese) centre told "like MYR" wonders what Malaysia has to do
    # with it; a JSON number carries no currency sign to take it from.
    report = doc_report(loss_amount=2500, loss_currency="", identifiers=[], parties=[])
    result = send(session, agencies["SG-ASCOM"], [report])
    assert [(e.column, e.reason) for e in result.errors] == [
        ("loss_currency", "give the currency of the loss_amount, like SGD")
    ]


def test_an_agencies_list_beside_the_reports_is_named_as_no_intake_file() -> None:
    # Its name, country and kind columns are a places file's too: it was told to add
    # external_ref and drop "code" and "contact", as if it were a places file gone wrong.
    with pytest.raises(FileProblem) as caught:
        recognise(["code", "name", "country", "kind", "contact"], "agencies.csv")
    (error,) = caught.value.errors
    assert error.row == 1 and "is not one of the intake files" in error.reason
    assert "(code, contact)" in error.reason
    # A places file that only forgot external_ref is still told what is missing.
    with pytest.raises(FileProblem) as forgot:
        recognise(["kind", "name", "country"], "places.csv")
    assert [e.reason.split(";")[0] for e in forgot.value.errors] == ["required column missing"]


LABELLED_REPORTS = (
    "External Ref,Reported At,Scam Type,Channel,Mark\nL-1,2026-03-01,E-commerce,E-mail,green\n"
)
LABELLED_IDENTIFIERS = (
    "external_ref,kind,value,role\n"
    "L-1,E-Wallet,Touch 'n Go eWallet: 012-999 8888,Beneficiary Account\n"
    "L-1,E-mail,support@asean-invest.example,E-mail sender\n"
)


def test_words_spelt_with_a_hyphen_are_their_codes_in_a_csv_set(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # "E-mail" is the reference's own label of the email channel, and "e-commerce" and
    # "e-wallet" are how the region spells those words: each was "not a channel" (or scam
    # type, kind, role) and rejected the whole batch.
    files = {
        "reports.csv": LABELLED_REPORTS.encode(),
        "identifiers.csv": LABELLED_IDENTIFIERS.encode(),
    }
    result = upload(session, agencies["MY-NSRC"], files)
    assert (result.status, result.created, result.errors) == ("committed", 1, [])
    report = session.scalars(select(Report)).one()
    assert (report.scam_type, report.channel) == ("ecommerce", "email")
    kinds = session.execute(
        select(Identifier.kind, Sighting.role)
        .join(Sighting, Sighting.identifier_id == Identifier.id)
        .where(Sighting.report_id == report.id)
    )
    assert {("email", "email_sender"), ("ewallet", "beneficiary_account")} <= {
        (kind, role) for kind, role in kinds
    }


def test_words_spelt_with_a_hyphen_are_their_codes_in_json(
    session: Session, agencies: dict[str, Caller]
) -> None:
    identifier = {"kind": "e-wallet", "value": "TNG 012-999 8888", "role": "beneficiary account"}
    report = doc_report(scam_type="E-Commerce", channel="E-mail", identifiers=[identifier])
    result = send(session, agencies["MY-NSRC"], [report])
    assert (result.status, result.errors) == ("committed", [])
    stored = session.scalars(select(Report)).one()
    assert (stored.scam_type, stored.channel) == ("ecommerce", "email")


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("F", "female"),
        ("m", "male"),
        ("P", "female"),  # Malay and Indonesian forms: L (lelaki, laki-laki) and P (perempuan)
        ("LAKI-LAKI", "male"),
        ("Nu\u031b\u0303", "female"),  # Vietnamese Nữ, its marks typed as their own characters
        ("หญิง", "female"),
        ("U", "unknown"),
        ("Not recorded", "unknown"),
    ],
)
def test_genders_as_national_systems_export_them_are_read(
    session: Session, agencies: dict[str, Caller], written: str, code: str
) -> None:
    # "F" and "M" were refused as "not a gender", and by default so was the whole batch.
    party = {"role": "suspect", "full_name": "Siti Aminah", "gender": written}
    report = doc_report(victim_gender=written, parties=[party])
    result = send(session, agencies["MY-NSRC"], [report])
    assert (result.status, result.errors) == ("committed", [])
    assert session.scalars(select(Report.victim_gender)).all() == [code]
    assert session.scalars(select(Party.gender)).all() == [code]


def test_a_gender_the_reference_does_not_list_is_still_refused(
    session: Session, agencies: dict[str, Caller]
) -> None:
    result = send(session, agencies["MY-NSRC"], [doc_report(victim_gender="X")])
    assert result.status == "rejected"
    assert [e.reason for e in result.errors] == [
        "'X' is not a gender; use one of: female, male, other, unknown"
    ]


def test_countries_written_by_name_are_read_as_their_codes(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # "Thailand" in a country column was refused as "not an ISO 3166 alpha-2 country code".
    report = doc_report(
        victim_country="Thailand",
        identifiers=[
            {"kind": "phone", "value": "081 234 5678", "role": "caller", "country": "Thailand"}
        ],
        parties=[{"role": "mule", "full_name": "Nguyen Van An", "nationality": "Vietnam"}],
        places=[{"kind": "compound", "name": "KK Park", "country": "Burma"}],
    )
    result = send(session, agencies["MY-NSRC"], [report])
    assert (result.status, result.errors) == ("committed", [])
    assert session.scalars(select(Report.victim_country)).all() == ["TH"]
    assert session.scalars(select(Identifier.value)).all() == ["+66812345678"]
    assert session.scalars(select(Party.nationality)).all() == ["VN"]
    assert session.scalars(select(Place.country)).all() == ["MM"]


def test_a_hyphen_between_words_still_stands_for_an_underscore(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # Joining at the hyphen is tried only when the usual reading is no code.
    result = send(session, agencies["MY-NSRC"], [doc_report(channel="Phone-Call")])
    assert (result.status, result.errors) == ("committed", [])
    assert session.scalars(select(Report.channel)).all() == ["phone_call"]


def test_a_phone_number_cut_short_rejects_its_report(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # "012-345" (a Malaysian mobile whose end was lost in copying) was stored as the short
    # code MY:012345 and matched every other report cut the same way; no short code in the
    # region starts with the trunk prefix 0.
    identifier = {"kind": "phone", "value": "012-345", "role": "caller"}
    result = send(session, agencies["MY-NSRC"], [doc_report(identifiers=[identifier])])
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert error.column == "identifiers[0].value"
    assert "'012-345' is not a valid phone number in Malaysia" in error.reason


def test_a_country_written_as_a_name_is_one_error_on_the_country_column(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # The value was blamed too: "identifiers[0].value: the country 'THAILAND' is not known",
    # beside a number that was right. (Thailand is read as TH now: a name no file gives here.)
    identifier = {"kind": "phone", "value": "081-234-5678", "role": "caller", "country": "Siam"}
    result = send(session, agencies["MY-NSRC"], [doc_report(identifiers=[identifier])])
    assert result.status == "rejected"
    assert [e.column for e in result.errors] == ["identifiers[0].country"]


def test_one_report_per_line_is_named_as_json_lines(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # mongoexport and log tools write one object a line; the reason was Python's own
    # "Extra data", which told a centre nothing of how to fix the file.
    lines = b'{"external_ref": "J-1"}\n{"external_ref": "J-2"}\n'
    result = upload(session, agencies["MY-NSRC"], {"export.json": lines})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert (error.file, error.row) == ("export.json", 2)
    assert "JSON Lines" in error.reason and "put the reports in a list" in error.reason


def test_text_after_the_json_says_to_delete_it(
    session: Session, agencies: dict[str, Caller]
) -> None:
    result = upload(session, agencies["MY-NSRC"], {"r.json": b'{"reports": []}\nEND OF FILE\n'})
    (error,) = result.errors
    assert "more text follows the end of the JSON document" in error.reason


@pytest.mark.parametrize(
    ("written", "currency", "example"),
    [
        ("2.5 triệu", "VND", "like 2500000"),
        ("RM12.5k", "", "like 12500"),
        ("12,5 juta", "IDR", "like 12500000"),
    ],
)
def test_a_fraction_before_a_multiple_gets_its_own_amount_as_the_example(
    session: Session, agencies: dict[str, Caller], written: str, currency: str, example: str
) -> None:
    # Every fraction was told "write the whole amount in digits, like 1500000": a Vietnamese
    # centre that wrote 2.5 triệu and typed the example in would have lost a million dong.
    report = doc_report(loss_amount=written, loss_currency=currency)
    result = send(session, agencies["MY-NSRC"], [report])
    (error,) = result.errors
    assert error.column == "loss_amount"
    assert error.reason.endswith(example)


def test_a_multiple_after_an_ambiguous_number_gives_no_wrong_example(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # "1.500 juta" is 1,500 million or 1.5 million: no figure beats a wrong one.
    report = doc_report(loss_amount="1.500 juta", loss_currency="IDR")
    (error,) = send(session, agencies["MY-NSRC"], [report]).errors
    assert error.reason.endswith("write the whole amount in digits")


def test_a_line_break_typed_inside_a_json_text_says_to_escape_it(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A tool writing its JSON by hand put the narrative's line break in as it is; the reason
    # was Python's own "Invalid control character at", which named neither it nor the fix.
    body = b'[{"external_ref": "J-1",\n "narrative": "line one\nline two"}]'
    result = upload(session, agencies["MY-NSRC"], {"r.json": body})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert (error.file, error.row) == ("r.json", 2)
    assert "a line break inside a text value" in error.reason
    assert "escaped, as \\n" in error.reason


def test_values_joined_by_a_comma_and_a_space_each_quoted_are_read(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # A hand-made exporter writes '"G-1", "2026-03-01", ...': the space and the quotes were
    # read as part of each value, and every one of them was refused ('"sms"' is no channel).
    quoted = ", ".join(f'"{name}"' for name in HEADER.split(","))
    row = '"G-1", "2026-03-01", "", "investment", "sms", "12,500.50", "MYR", "", "", "", '
    row += '"Paid, then ""blocked""", "green", ""'
    result = upload(session, agencies["MY-NSRC"], {"r.csv": f"{quoted}\r\n{row}\r\n".encode()})
    assert (result.status, result.created, result.errors) == ("committed", 1, [])
    report = session.scalars(select(Report)).one()
    assert (report.channel, report.narrative, str(report.loss_amount)) == (
        "sms",
        'Paid, then "blocked"',
        "12500.50",
    )


def test_a_sheet_pasted_below_another_with_its_header_is_read_as_one(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # The second header row was a report of its own, refused with a reason for every column
    # ("'reported_at' is not a date", "no agency with code SHARE_WITH", ...).
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "reports"
    for ref in ("G-1", "G-2"):
        sheet.append(HEADER.split(","))
        sheet.append(ROW.replace("G-1", ref).split(","))
    out = io.BytesIO()
    book.save(out)
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": out.getvalue()})
    assert (result.status, result.created, result.errors) == ("committed", 2, [])


def test_a_header_pasted_in_another_order_in_a_sheet_is_refused(
    session: Session, agencies: dict[str, Caller]
) -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "reports"
    sheet.append(HEADER.split(","))
    sheet.append(ROW.split(","))
    sheet.append(HEADER.replace("reported_at,incident_at", "incident_at,reported_at").split(","))
    out = io.BytesIO()
    book.save(out)
    result = upload(session, agencies["MY-NSRC"], {"r.xlsx": out.getvalue()})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert (error.file, error.row) == ("reports", 3)
    assert "row 3 is a header row again, with other columns or in another order" in error.reason


def test_a_first_column_without_a_heading_is_named_as_a_row_index(
    session: Session, agencies: dict[str, Caller]
) -> None:
    # pandas' to_csv writes its index so by default; the reason said only "empty column name".
    text = f",{HEADER}\n0,{ROW}\n"
    result = upload(session, agencies["MY-NSRC"], {"r.csv": text.encode()})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert (error.row, error.column) == (1, "column 1")
    assert "pandas' to_csv" in error.reason and "delete the column" in error.reason


@pytest.mark.parametrize(
    ("written", "unit"), [(1772323200000, "milliseconds"), ("1772323200", "seconds")]
)
def test_a_unix_time_for_a_date_gets_its_iso_form_as_the_example(
    session: Session, agencies: dict[str, Caller], written: object, unit: str
) -> None:
    # pandas' to_json writes dates as milliseconds since 1970 by default; the reason was only
    # "is not a date", with nothing to tell a centre what the number is.
    body = [doc_report(reported_at=written)]
    result = upload(session, agencies["MY-NSRC"], {"r.json": json.dumps(body).encode()})
    assert result.status == "rejected" and reports_count(session) == 0
    (error,) = result.errors
    assert error.column == "reported_at"
    assert f"Unix time in {unit}" in error.reason
    assert "is 2026-03-01T00:00:00Z" in error.reason
