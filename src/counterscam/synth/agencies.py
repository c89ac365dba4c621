"""Reading a region's agencies.csv back: the agencies a demo or a benchmark store needs."""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.accounts import create_agency
from counterscam.db.models import Agency


def add_region_agencies(session: Session, region: Path) -> list[str]:
    """Create the agencies of ``region``/agencies.csv the store lacks; return every code listed."""
    known = set(session.scalars(select(Agency.code)))
    codes: list[str] = []
    with (region / "agencies.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            codes.append(row["code"])
            if row["code"] not in known:
                create_agency(
                    session,
                    code=row["code"],
                    name=row["name"],
                    country=row["country"],
                    kind=row["kind"],
                    contact=row.get("contact", ""),
                )
    return codes
