"""Check and canonicalise one raw report: everything intake does before touching the store.

Pure (no database), so a large import can run it in a worker process beside the writer
(``intake.worker``) and get the same outcome as running it inline.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from counterscam.intake.normalise import Normaliser, NormalReport
from counterscam.intake.records import RawReport, RowError, same_ref
from counterscam.intake.validate import validate


@dataclass(slots=True)
class Prepared:
    """One report after validation and canonicalisation: its rows, or why it is rejected.

    ``normal`` is set when the report itself is valid; ``errors`` may still list problems
    found while reading its rows, which reject it all the same.
    """

    file: str
    row: int
    normal: NormalReport | None
    errors: list[RowError] = field(default_factory=list)


def prepare(raw: RawReport, normaliser: Normaliser) -> Prepared:
    """Validate and canonicalise ``raw`` for the normaliser's country."""
    errors = list(raw.problems)
    if not raw.readable:
        return Prepared(raw.file, raw.row, None, errors)
    ref = raw.data.get("external_ref")
    if isinstance(ref, str) and (nfc := same_ref(ref)) != ref:
        raw.data = {**raw.data, "external_ref": nfc}  # a copy: a workbook's rows are kept
    for child in (*raw.identifiers, *raw.parties, *raw.places):
        errors.extend(child.problems)
    validated = validate(raw, country=normaliser.country)
    if isinstance(validated, list):
        errors.extend(validated)
        # A report refused by the schema still gets its identifiers checked, so one pass
        # lists every error in it; the schema's error wins where both name the same cell.
        where = {(e.file, e.row, e.column) for e in errors}
        errors.extend(
            e for e in normaliser.identifier_errors(raw) if (e.file, e.row, e.column) not in where
        )
        return Prepared(raw.file, raw.row, None, errors)
    normal = normaliser.report(validated, raw)
    if isinstance(normal, list):
        return Prepared(raw.file, raw.row, None, errors + normal)
    return Prepared(raw.file, raw.row, normal, errors)
