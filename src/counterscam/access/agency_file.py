"""Reading an agencies.csv (a region's, as `synth` writes it) into the store's agencies.

Kept beside the accounts, not in synth: `counterscam agency import` reads it, and the CLI must
start without loading the generator (NumPy).
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.accounts import AccountError, create_agency
from counterscam.db.models import Agency

COLUMNS = ("code", "name", "country", "kind", "contact")


@dataclass(frozen=True)
class AgenciesAdded:
    """What an agencies file did: every code it lists, in its order, and those it added."""

    listed: list[str]
    added: list[str]


def add_agencies(session: Session, path: Path) -> AgenciesAdded:
    """Create the agencies of the CSV file ``path`` that the store lacks.

    An agency already stored is kept as it is (codes are never renamed). A row that cannot
    be an agency raises AccountError naming the file and row; the caller's transaction then
    stores none of the file, so a corrected file is simply given again.
    """
    known = set(session.scalars(select(Agency.code)))
    listed: list[str] = []
    added: list[str] = []
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = [name.strip().lower() for name in reader.fieldnames or []]
        missing = [c for c in COLUMNS if c != "contact" and c not in header]
        if missing:
            raise AccountError(
                f"{path}: the header row lacks {', '.join(missing)}; an agencies file has the "
                f"columns {','.join(COLUMNS)} (contact may be left out)"
            )
        # A misspelt column ("contacts") was dropped without a word: its agencies had no contact.
        unknown = [name for name in header if name and name not in COLUMNS]
        if unknown:
            raise AccountError(
                f"{path}: the header row names {', '.join(repr(n) for n in unknown)}, which is "
                f"no column of an agencies file: rename it to one of {','.join(COLUMNS)} or "
                "delete it"
            )
        reader.fieldnames = header
        for number, row in enumerate(reader, start=2):  # the header is row 1
            code = (row.get("code") or "").strip().upper()
            listed.append(code)
            if code in known:
                continue
            try:
                create_agency(
                    session,
                    code=code,
                    name=row.get("name") or "",
                    country=row.get("country") or "",
                    kind=row.get("kind") or "",
                    contact=row.get("contact") or "",
                )
            except AccountError as exc:
                raise AccountError(f"{path}, row {number}: {exc}") from exc
            known.add(code)
            added.append(code)
    return AgenciesAdded(listed=listed, added=added)


def add_region_agencies(session: Session, region: Path) -> list[str]:
    """Create the agencies of ``region``/agencies.csv the store lacks; return every code listed."""
    return add_agencies(session, region / "agencies.csv").listed
