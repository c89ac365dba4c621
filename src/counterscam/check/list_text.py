"""The text of a list file as spreadsheets save it: its encoding, separator and kind words."""

from __future__ import annotations

import csv
import io
import re
from typing import Any

from counterscam.identifiers import KINDS
from counterscam.intake.no_value import no_value
from counterscam.intake.tables import column_name

# A kind column is typed by hand or copied from a page: "Phone Number", "E-mail", "Bank
# account" would each answer every row "unknown kind". Keys are the word with only its letters
# and digits, lower-cased.
_KIND_WORDS = {
    **{re.sub(r"[^a-z0-9]", "", k): k for k in KINDS},
    **dict.fromkeys(
        ("phonenumber", "phoneno", "telephone", "tel", "mobile", "mobilenumber", "handphone"),
        "phone",
    ),
    **dict.fromkeys(("msisdn", "telefon", "telepon", "nombortelefon", "nomortelepon"), "phone"),
    **dict.fromkeys(
        ("bankaccountnumber", "bankaccountno", "accountnumber", "accountno", "account"),
        "bank_account",
    ),
    **dict.fromkeys(("akaunbank", "rekening", "norekening", "nomorrekening"), "bank_account"),
    **dict.fromkeys(("ewalletaccount", "emoney", "ewalletnumber"), "ewallet"),
    **dict.fromkeys(("crypto", "cryptoaddress", "cryptowalletaddress"), "crypto_wallet"),
    **dict.fromkeys(("link", "website", "websiteaddress", "websiteaddressurl", "weburl"), "url"),
    **dict.fromkeys(("domainname",), "domain"),
    **dict.fromkeys(("emailaddress", "mail"), "email"),
    **dict.fromkeys(("username", "socialmediaormessaginghandle", "socialmediahandle"), "handle"),
    **dict.fromkeys(("ipaddress",), "ip"),
    **dict.fromkeys(("smsshortcode",), "shortcode"),
    **dict.fromkeys(("smssenderid",), "sender_id"),
}


def kind_of(cell: Any) -> str | None:
    """Return the kind a kind cell names, as written when no kind is known; None when empty."""
    text = str(cell or "").strip()
    if not text:
        return None
    return _KIND_WORDS.get(re.sub(r"[^a-z0-9]", "", text.lower()), text.lower())


def qualifier_of(cell: str) -> str | None:
    """Return a qualifier cell as intake reads it: trimmed, None when empty or a word written
    for an empty cell ("N/A", "-")."""
    text = cell.strip()
    return None if not text or no_value(text) else text


def header_names(row: list[Any]) -> list[str]:
    """Return the column names of a header row ("Value ", "\ufeffKIND", full-width letters)."""
    return [column_name(c) for c in row]


class NotText(ValueError):
    """The bytes of a CSV file are not text in an encoding it can be read in."""


def decode(content: bytes) -> str:
    """Return the text of a CSV file: UTF-8 (with or without BOM), or UTF-16 with its BOM.

    Excel's "Unicode Text" and some exports save UTF-16; identifiers are ASCII or UTF-8, so
    both read without a guess. Raises NotText for anything else.
    """
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return content.decode("utf-16")
        except UnicodeDecodeError:
            raise NotText from None
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise NotText from None


def rows_of(text: str) -> list[list[str]]:
    """Return the rows of CSV text separated by commas, semicolons or tabs.

    The separator is the one that makes the first filled line a header naming ``value``:
    Excel writes semicolons where the decimal mark is a comma, and tabs as "Unicode Text".
    A list holds identifiers, never decimal numbers, so either reads safely.
    Raises csv.Error, naming the row, when the text is not CSV.
    """
    first = next((line for line in text.splitlines() if line.strip()), "")
    separator = ","
    for mark in (",", ";", "\t"):
        if "value" in header_names(next(csv.reader([first], delimiter=mark), [])):
            separator = mark
            break
    # Strict: a quote left open took in every row after it as one value, which was checked
    # (a phone number followed by the rest of the file read as that number) without a word.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator, strict=True)
    rows: list[list[str]] = []
    try:
        rows.extend(reader)
    except csv.Error as exc:
        raise csv.Error(
            f'row {len(rows) + 1} is not valid CSV ({exc}); check its quotes: a quote (") '
            "opened and never closed takes in the rows after it. Close it, or export the file "
            "again as CSV"
        ) from None
    return rows
