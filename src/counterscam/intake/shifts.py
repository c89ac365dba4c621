"""CSV rows shifted by an unquoted comma: tell them, name the split, and say it once.

A comma in a value that is not in quotes ("Tan, Ah Kow") splits it in two, and every value
after it lands one column right of its heading. Such a row has one value more than the header,
the last one empty when the row's last column is empty, as a row an exporter ended with an
extra comma. Only what the values say tells them apart: a space after the comma, digits in
groups of three, or the code columns. Read as the exporter's extra comma, a code column of a
shifted row holds the value of the column before it (a TLP mark reading "then blocked", a
share_with reading "green"); read with the split value joined again, it holds a code. The
columns checked are those whose values come from a short list, so the check is cheap and never
needs the reporting country.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from counterscam.identifiers import KINDS
from counterscam.intake import columns, vocab
from counterscam.intake.records import RowError


def _coded(vocabulary: str) -> Callable[[str], bool]:
    def fits(text: str) -> bool:
        code = vocab.fold_code(text.lower().removeprefix("tlp:"))
        return vocab.written_code(vocabulary, code) in vocab.code_set(vocabulary)

    return fits


def _country(text: str) -> bool:
    return vocab.country_code(text) is not None


def _currency(text: str) -> bool:
    return text.strip().upper() in vocab.currency_set()


_CODES: dict[str, Callable[[str], bool]] = {
    "scam_type": _coded("scam_type"),
    "channel": _coded("channel"),
    "mark": _coded("mark"),
    "victim_age_band": _coded("age_band"),
    "victim_gender": _coded("gender"),
    "gender": _coded("gender"),
    "victim_country": _country,
    "nationality": _country,
    "country": _country,
    "loss_currency": _currency,
    "id_kind": lambda text: vocab.fold_code(text) in vocab.ID_KINDS,
}
# Columns whose list depends on the file: "kind" and "role" are an identifier's or a place's
# kind, a sighting's or a party's role.
_BY_FILE: dict[str, dict[str, Callable[[str], bool]]] = {
    "identifiers": {
        "kind": lambda text: vocab.fold_code(text) in KINDS,
        "role": _coded("sighting_role"),
    },
    "parties": {"role": _coded("party_role")},
    "places": {"kind": _coded("place_kind")},
}


def _score(kind: str, names: list[str], values: list[str]) -> int:
    """Score how well the values fit the code columns: 2 for a code, 1 for an empty optional.

    An empty cell scores less than a code, so that "Tan,Ah Kow" shifting the nationality "MY"
    into id_number, its own column left empty, reads better joined.
    """
    required = set(columns.required(kind))
    checks = {**_CODES, **_BY_FILE.get(kind, {})}
    score = 0
    for name, value in zip(names, values, strict=False):
        fits = checks.get(name)
        if fits is None:
            continue
        text = value.strip()
        if text and fits(text):
            score += 2
        elif not text and name not in required:
            score += 1
    return score


def split_by_codes(kind: str, names: list[str], record: list[str], extra: int) -> int | None:
    """Return the column whose value an unquoted comma split, when the code columns tell it.

    ``record`` has ``extra`` values more than ``names`` (its last ones past the columns). The
    row is read as it stands and, for each column holding a value followed by another, with
    that value joined to the ``extra`` values after it; the column whose joined reading puts
    more code columns right than the reading as it stands is returned (the latest of equals,
    as a comma is more likely in the free text nearest the codes after it). None when no
    joined reading does better: the row reads as well as it stands.
    """
    width = len(names)
    if extra < 1 or len(record) < width + extra:
        return None
    best, found = _score(kind, names, record[:width]), None
    for i in range(width):
        if not (record[i].strip() and record[i + 1].strip()):
            continue
        joined = [*record[:i], ",".join(record[i : i + extra + 1]), *record[i + extra + 1 :]]
        score = _score(kind, names, joined[:width])
        if score > best or (score == best and found is not None):
            best, found = score, i
    return found


def too_wide(
    label: str,
    row: int,
    record: list[str],
    names: list[str],
    *,
    wide: int | None,
    plain: int,
    kind: str,
) -> RowError:
    """Refuse a row with more values than the file's rows have, naming where it looks split.

    ``wide``: the most values a row of the file may have; ``plain``: a row without the extra
    comma the rows before it end with (0 when none), which the reason names.
    """
    width = len(names)
    extra = extra_values(record, width, wide)
    moved = "one column" if extra == 1 else f"{extra} columns"
    column, value = "", ""
    split = split_at(record, names, extra, kind)
    if split is None:
        where = f"a comma in a value splits it in two, so the values after it are {moved}"
        example = '"Tan, Ah Kow", "1.234.567,89"'
    else:
        column, value = names[split], f"{record[split]},{record[split + 1]}"
        later = f"from {names[split + 1]} on are" if split + 1 < width else "after it are"
        where = (
            f"{value!r} in {column} looks split in two by its comma, so the values {later} {moved}"
        )
        example = '"' + value.replace('"', '""') + '"'
    reason = (
        f"this row has {len(record)} values but the header has {width} columns: {where} right "
        f"of their headings. A comma in a value needs the value in double quotes ({example})"
    )
    if plain and not "".join(record[width:]).strip():
        reason += f". If every data row was meant to end with an extra comma, row {plain} lacks it"
    # The values from the split on are another column's, so their own errors are this one's
    # consequences; where the split is not known, any value of the row may be.
    shifted = tuple(names[split:]) if split is not None else tuple(names)
    return RowError(label, row, column, value, reason, explains=shifted)


def extra_values(record: list[str], width: int, wide: int | None) -> int:
    """Return how many values a row has more than the file's rows may have."""
    extra = len(record) - (wide or width)
    # As wide as the others, with a value past the header's columns: more than the header.
    return extra if extra > 0 else len(record) - width


def meant_refs(record: list[str], names: list[str], extra: int, split: int | None) -> set[str]:
    """Return what the external_ref of a shifted row may have been as written.

    With more than one unquoted comma in the row, only the first split is known, so the
    reference is one of the values from its column to ``extra`` columns right of it.
    """
    at = names.index("external_ref")
    if split is not None and split > at:
        return {record[at]}
    refs = {record[at + shift] for shift in range(extra + 1) if at + shift < len(record)}
    if split == at:  # the reference itself holds the comma
        refs.add(",".join(record[at : at + extra + 1]))
    return refs


def split_at(record: list[str], names: list[str], extra: int, kind: str) -> int | None:
    """Return the index of the column whose value an unquoted comma most likely split.

    A comma in text is followed by a space ("Tan, Ah Kow"), unless the file puts one after
    every comma; one in an amount splits off three digits or two decimals ("12,500.00",
    "1.234.567,89"); else the code columns may tell where the values start to be shifted.
    """
    width = len(names)
    spaced = spaced_split(record, width, extra)
    if spaced is not None:
        return spaced
    # Thousands first: "MY-12" before a loss of "12" and "500.50" is no amount with cents.
    for group in (_THOUSANDS, _CENTS):
        for i in range(min(width, len(record) - 1)):
            if _AMOUNT_HEAD.match(record[i]) and group.match(record[i + 1]):
                return i
    return split_by_codes(kind, names, record, extra)


def spaced_split(record: list[str], width: int, extra: int) -> int | None:
    """Return the index of the first column whose value looks split by a comma and a space."""
    spaced = [
        i
        for i in range(min(width, len(record) - 1))
        if record[i + 1][:1] == " " and record[i + 1].strip() and record[i].strip()
    ]
    return spaced[0] if spaced and len(spaced) <= extra else None


_THOUSANDS = re.compile(r"\d{3}(?:\.\d*)?\Z")
_CENTS = re.compile(r"\d{2}\Z")
# The start of an amount, "12", "Rp 1.500" or "₱5": a case number "ID-2026-00012" before a
# loss of "12" and "500.50" is not the value split.
_AMOUNT_HEAD = re.compile(r"[^\d\s-]{0,4} ?\d[\d.' \u00a0\u202f\u2009]*(?<=\d)\Z")
