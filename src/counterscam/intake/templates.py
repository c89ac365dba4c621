"""Downloadable templates, built from the same column definitions the parsers check."""

from __future__ import annotations

import csv
import io

from counterscam.intake import columns, vocab
from counterscam.intake.columns import FILES
from counterscam.intake.vocab import codes


class UnknownTemplate(LookupError):
    """No template of that name."""


def csv_template(kind: str) -> str:
    """Return a CSV template: the header row and one example row."""
    if kind not in FILES:
        raise UnknownTemplate(f"no template {kind!r}; choose one of {', '.join(FILES)}")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns.names(kind))
    writer.writerow([c.example for c in FILES[kind]])
    return out.getvalue()


def _allowed_codes() -> list[tuple[str, str]]:
    from counterscam.identifiers import KINDS

    return [
        ("scam_type", ", ".join(codes("scam_type"))),
        ("channel", ", ".join(codes("channel"))),
        ("mark", ", ".join(codes("mark"))),
        ("victim_age_band", ", ".join(codes("age_band"))),
        ("victim_gender / gender", ", ".join(codes("gender"))),
        ("identifiers.kind", ", ".join(KINDS)),
        ("identifiers.role", ", ".join(codes("sighting_role"))),
        ("parties.role", ", ".join(codes("party_role"))),
        ("parties.id_kind", ", ".join(vocab.ID_KINDS)),
        ("places.kind", ", ".join(codes("place_kind"))),
        ("loss_currency", ", ".join(vocab.currencies())),
    ]


# Columns left in Excel's General format, so a typed amount, coordinate or date becomes a
# number or a date cell as the user's regional settings read it.
_NOT_TEXT = frozenset(
    {"loss_amount", "latitude", "longitude", "reported_at", "incident_at", "birth_date"}
)


def xlsx_template() -> bytes:
    """Return the XLSX template: one sheet per file with an example row, and a README sheet."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = Workbook()
    readme = book.active
    readme.title = "README"
    readme.append(["counterscam report template"])
    readme["A1"].font = Font(bold=True)
    readme.append(
        [
            "Fill one row per report in 'reports'; rows of the other sheets point at a "
            "report by external_ref. Delete the example rows. See docs/formats.md."
        ]
    )
    readme.append([])
    readme.append(["sheet", "column", "required", "meaning", "example"])
    for kind, cols in FILES.items():
        for c in cols:
            readme.append([kind, c.name, "yes" if c.required else "no", c.help, c.example])
    readme.append([])
    readme.append(["column", "allowed codes"])
    for column, allowed in _allowed_codes():
        readme.append([column, allowed])
    for kind, cols in FILES.items():
        sheet = book.create_sheet(kind)
        sheet.append([c.name for c in cols])
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        sheet.append([c.example for c in cols])
        for cell in sheet[2]:
            cell.number_format = "@"  # text, so Excel keeps leading zeros and exact codes
        for at, c in enumerate(cols, start=1):
            if c.name not in _NOT_TEXT:
                # The rows a user adds take the column's format: without it an account number
                # typed in row 3 became a number and lost its leading zeros.
                sheet.column_dimensions[get_column_letter(at)].number_format = "@"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
