"""Check and canonicalise one raw report: everything intake does before touching the store.

Pure (no database), so a large import can run it in a worker process beside the writer
(``intake.worker``) and get the same outcome as running it inline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from counterscam.intake.normalise import Normaliser, NormalReport
from counterscam.intake.records import RawReport, RowError, explained, explains, same_ref
from counterscam.intake.schema import AGENCY_CODE_CHARS, codes_list
from counterscam.intake.validate import validate


@dataclass(slots=True)
class Prepared:
    """One report after validation and canonicalisation: its rows, or why it is rejected.

    ``normal`` is set when the report itself is valid; ``errors`` may still list problems
    found while reading its rows, which reject it all the same. ``shares`` holds a rejected
    report's ``share_with`` codes as written, for the writer to check against the agencies
    in the same pass (an unknown code was named only once every other error was fixed).
    """

    file: str
    row: int
    normal: NormalReport | None
    errors: list[RowError] = field(default_factory=list)
    shares: tuple[str, ...] = ()


def prepare(raw: RawReport, normaliser: Normaliser) -> Prepared:
    """Validate and canonicalise ``raw`` for the normaliser's country."""
    errors = list(raw.problems)
    if not raw.readable:
        return Prepared(raw.file, raw.row, None, explained(errors))
    ref = raw.data.get("external_ref")
    if isinstance(ref, str) and (nfc := same_ref(ref)) != ref:
        raw.data = {**raw.data, "external_ref": nfc}  # a copy: a workbook's rows are kept
    for child in (*raw.identifiers, *raw.parties, *raw.places):
        errors.extend(child.problems)
    validated = validate(raw, country=normaliser.country)
    if isinstance(validated, list):
        errors.extend(_unread(errors, validated))
        # A report refused by the schema still gets its identifiers checked, so one pass
        # lists every error in it; the schema's error wins where both name the same cell.
        where = {(e.file, e.row, e.column) for e in errors}
        errors.extend(
            e for e in normaliser.identifier_errors(raw) if (e.file, e.row, e.column) not in where
        )
        return _rejected(raw, errors)
    normal = normaliser.report(validated, raw)
    if isinstance(normal, list):
        errors += _unread(errors, normal)
        return _rejected(raw, errors)
    return Prepared(raw.file, raw.row, normal, explained(errors))


def _unread(found: list[RowError], later: list[RowError]) -> list[RowError]:
    """Return the errors of ``later`` in cells that no error found while reading names.

    The reader's error says what is wrong with the cell as sent (a lone surrogate, a NUL);
    the checks after it then failed on the same value in their own words ("Input should be a
    valid string, unable to parse raw data as a unicode string"), a second error for one fix.
    """
    if not found:  # the usual report: nothing was refused while reading it
        return later
    cells = {(e.file, e.row, e.column) for e in found}
    return [e for e in later if (e.file, e.row, e.column) not in cells]


def _rejected(raw: RawReport, errors: list[RowError]) -> Prepared:
    return Prepared(raw.file, raw.row, None, explained(errors), written_shares(raw, errors))


def written_shares(raw: RawReport, errors: list[RowError]) -> tuple[str, ...]:
    """Return a rejected report's ``share_with`` codes as written, when they are codes and
    none of its errors is about that field already (that error says what to fix first)."""
    if any(e.column.startswith("share_with") for e in errors):
        return ()
    if explains(errors, raw.file, raw.row, "share_with"):
        return ()  # shifted: the cell holds another column's value ("green")
    codes = codes_list(raw.data.get("share_with"))
    if not isinstance(codes, list) or not all(
        isinstance(c, str) and len(c) <= AGENCY_CODE_CHARS for c in codes
    ):
        return ()
    return tuple(codes)
