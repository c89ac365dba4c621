"""Baseline for ingest: canonicalise the same identifiers, then a raw bulk insert of the rows.

No validation, no upsert of earlier reports, no alerts, no ORM: explicit ids, stdlib sqlite3
``executemany``. What ``counterscam import`` does beyond this is the cost being measured.
"""

from __future__ import annotations

import csv
import sqlite3
import sys
from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

from benchmarks.common import emit
from counterscam.identifiers import Canonical, InvalidIdentifier, canonicalize

CHUNK = 2_000


def _rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def load_agency(
    db: sqlite3.Connection, folder: Path, agency_id: int, country: str, state: dict[str, int]
) -> int:
    """Insert one agency's reports with their sightings, parties and places."""
    now = datetime.now(UTC).isoformat()
    reports = _rows(folder / "reports.csv")
    children: dict[str, dict[str, list[dict[str, str]]]] = defaultdict(lambda: defaultdict(list))
    for name in ("identifiers", "parties", "places"):
        for row in _rows(folder / f"{name}.csv"):
            children[name][row["external_ref"]].append(row)
    cache: dict[tuple[str, str, str | None, str | None], Canonical | None] = {}
    ident_ids: dict[tuple[str, str], int] = state.setdefault_ids  # type: ignore[attr-defined]
    sightings = 0
    for start in range(0, len(reports), CHUNK):
        report_rows, ident_rows, sighting_rows, party_rows, place_rows = [], [], [], [], []
        for r in reports[start : start + CHUNK]:
            state["report"] += 1
            rid = state["report"]
            report_rows.append(
                (
                    rid,
                    agency_id,
                    r["external_ref"],
                    country,
                    r["reported_at"],
                    r["incident_at"] or None,
                    r["scam_type"],
                    r["channel"],
                    r["loss_amount"] or None,
                    r["loss_currency"] or None,
                    r["victim_age_band"] or None,
                    r["victim_gender"] or None,
                    r["victim_country"] or None,
                    r["narrative"],
                    r["mark"],
                    now,
                    now,
                )
            )
            for i in children["identifiers"].get(r["external_ref"], []):
                key = (i["kind"], i["value"], i["country"] or country, i["qualifier"] or None)
                if key not in cache:
                    try:
                        cache[key] = canonicalize(key[0], key[1], country=key[2], qualifier=key[3])
                    except InvalidIdentifier:
                        cache[key] = None
                canon = cache[key]
                if canon is None:
                    continue
                for c in (canon, *canon.related):
                    ikey = (c.kind, c.value)
                    if ikey not in ident_ids:
                        state["identifier"] += 1
                        ident_ids[ikey] = state["identifier"]
                        ident_rows.append(
                            (ident_ids[ikey], c.kind, c.value, c.country, c.shared_platform)
                        )
                    sighting_rows.append((rid, ident_ids[ikey], i["role"], i["value"]))
            for p in children["parties"].get(r["external_ref"], []):
                party_rows.append(
                    (
                        rid,
                        p["role"],
                        p["full_name"],
                        p["given_name"],
                        p["family_name"],
                        p["birth_date"] or None,
                        p["gender"] or None,
                        p["nationality"] or None,
                        p["id_number"],
                        p["id_kind"],
                        p["phone"],
                    )
                )
            for p in children["places"].get(r["external_ref"], []):
                place_rows.append(
                    (
                        rid,
                        p["kind"],
                        p["name"],
                        p["country"] or None,
                        p["latitude"] or None,
                        p["longitude"] or None,
                        p["address"],
                    )
                )
        db.executemany(
            "INSERT INTO report (id, agency_id, external_ref, country, reported_at, incident_at,"
            " scam_type, channel, loss_amount, loss_currency, victim_age_band, victim_gender,"
            " victim_country, narrative, mark, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            report_rows,
        )
        db.executemany(
            "INSERT INTO identifier (id, kind, value, country, shared_platform) VALUES (?,?,?,?,?)",
            ident_rows,
        )
        db.executemany(
            "INSERT OR IGNORE INTO sighting (report_id, identifier_id, role, raw_value)"
            " VALUES (?,?,?,?)",
            sighting_rows,
        )
        db.executemany(
            "INSERT INTO party (report_id, role, full_name, given_name, family_name, birth_date,"
            " gender, nationality, id_number, id_kind, phone) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            party_rows,
        )
        db.executemany(
            "INSERT INTO place (report_id, kind, name, country, latitude, longitude, address)"
            " VALUES (?,?,?,?,?,?,?)",
            place_rows,
        )
        sightings += len(sighting_rows)
    db.commit()
    return sightings


class _State(dict[str, int]):
    setdefault_ids: dict[tuple[str, str], int]


def main(path: str, region: Path) -> None:
    """Load every agency folder of ``region`` into the SQLite file at ``path``."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=NORMAL")
    agencies = {
        code: (aid, country)
        for aid, code, country in db.execute("SELECT id, code, country FROM agency")
    }
    state = _State(report=0, identifier=0)
    state.setdefault_ids = {}
    sightings = 0
    for folder in sorted(p for p in region.iterdir() if p.name in agencies):
        aid, country = agencies[folder.name]
        sightings += load_agency(db, folder, aid, country, state)
    db.close()
    emit({"reports": state["report"], "sightings": sightings})


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
