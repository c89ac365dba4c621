"""Write drafts as the import CSV set of each agency, and the ground truth beside them."""

from __future__ import annotations

import csv
import itertools
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import IO, Any

from counterscam.intake.columns import names
from counterscam.synth import registry, text
from counterscam.synth.drafts import Draft
from counterscam.synth.spelling import write_person
from counterscam.synth.world import AGENCIES, AGENCY_OF

# The import format is defined once, in intake.columns; the generator writes exactly it.
REPORT_COLUMNS = tuple(names("reports"))
IDENTIFIER_COLUMNS = tuple(names("identifiers"))
PARTY_COLUMNS = tuple(names("parties"))
PLACE_COLUMNS = tuple(names("places"))
FILES = {
    "reports": REPORT_COLUMNS,
    "identifiers": IDENTIFIER_COLUMNS,
    "parties": PARTY_COLUMNS,
    "places": PLACE_COLUMNS,
}
TRUTH = {
    "reports": ("agency", "external_ref", "syndicate", "kind", "incident", "victim"),
    "sightings": ("agency", "external_ref", "position", "identifier_id", "role"),
    "parties": ("agency", "external_ref", "position", "record_id", "person_id"),
    "persons": (
        "record_id",
        "full_name",
        "given_name",
        "family_name",
        "birth_date",
        "nationality",
        "id_number",
        "phone",
        "country",
        "person_id",
    ),
}
MARKS = (("amber", 68), ("green", 12), ("clear", 3), ("amber+strict", 12), ("red", 5))
_MARK_NAMES = [m for m, _ in MARKS]
_MARK_CUM = list(itertools.accumulate(w for _, w in MARKS))
LONG_INCIDENTS = {"romance", "investment", "crypto_investment", "job_task"}


@dataclass(frozen=True)
class Facts:
    """What two agencies reporting the same incident agree on."""

    incident: int
    incident_at: str
    loss: tuple[str, str]
    age_band: str
    gender: str
    narrative: str


def _open(path: Path, columns: tuple[str, ...]) -> tuple[IO[str], Any]:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle = path.open("w", encoding="utf-8", newline="")
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(columns)
    return handle, writer


class RegionWriter:
    """Holds every output file open while reports stream through."""

    def __init__(self, out: Path, rng: random.Random, start: date, reg: registry.Registry) -> None:
        self.out, self.rng, self.start, self.reg = out, rng, start, reg
        self._handles: list[IO[str]] = []
        self.files: dict[tuple[str, str], Any] = {}
        for agency in sorted(AGENCY_OF.values()):
            for name, columns in FILES.items():
                h, w = _open(out / agency / f"{name}.csv", columns)
                self._handles.append(h)
                self.files[(agency, name)] = w
        for name, columns in TRUTH.items():
            h, w = _open(out / "ground_truth" / f"{name}.csv", columns)
            self._handles.append(h)
            self.files[("truth", name)] = w
        self._sequence: dict[str, int] = {}
        self.incidents = 0
        self.records = 0
        self.reports = 0
        self.rows: dict[str, int] = {name: 0 for name in FILES}
        # The ground truth lists every identifier the region made, those no report names too
        # (a syndicate's that no victim met, one the reports left out): the summary counts apart
        # the ones the reports name.
        self.sighted: set[int] = set()

    def close(self) -> None:
        """Flush and close every file."""
        for h in self._handles:
            h.close()

    def facts(self, d: Draft) -> Facts:
        """Draw the incident's facts (shared by the duplicate report of another agency)."""
        rng = self.rng
        self.incidents += 1
        back = int(rng.expovariate(1 / (20 if d.scam_type in LONG_INCIDENTS else 3)))
        incident = self.start + timedelta(days=d.day - min(back, 120))
        if d.kind == "rescue":
            return Facts(
                self.incidents,
                incident.isoformat(),
                ("", ""),
                text.age_band(rng, "job_task"),
                text.gender(rng, "job_task"),
                text.rescue_narrative(rng, d.places[0].name, d.channel, d.scam_type),
            )
        amount = (
            ("", "") if rng.random() < 0.08 else text.loss(rng, d.scam_type, d.country, d.crypto)
        )
        return Facts(
            self.incidents,
            incident.isoformat(),
            amount,
            text.age_band(rng, d.scam_type),
            text.gender(rng, d.scam_type),
            text.narrative(rng, d.scam_type, d.channel),
        )

    def _mark(self, agency: str) -> tuple[str, str]:
        rng = self.rng
        mark = rng.choices(_MARK_NAMES, cum_weights=_MARK_CUM)[0]
        if mark == "amber" and rng.random() < 0.1:
            others = [a for a in sorted(AGENCY_OF.values()) if a != agency]
            return mark, ";".join(rng.sample(others, rng.randint(1, 3)))
        return mark, ""

    def emit(
        self, d: Draft, facts: Facts, *, country: str, delay: int = 0, keep: float = 1.0
    ) -> None:
        """Write ``d`` as a report of ``country``'s agency, ``delay`` days late."""
        rng, files = self.rng, self.files
        agency = AGENCY_OF[country]
        day = self.start + timedelta(days=d.day + delay)
        seq = self._sequence[agency] = self._sequence.get(agency, 0) + 1
        ref = f"{country}-{day.year}-{seq:07d}"
        when = f"{day.isoformat()}T{rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}:00"
        mark, share = self._mark(agency)
        band = "" if facts.age_band == "unknown" else facts.age_band
        files[(agency, "reports")].writerow(
            (
                ref,
                when,
                facts.incident_at,
                d.scam_type,
                d.channel,
                facts.loss[0],
                facts.loss[1],
                band,
                facts.gender,
                d.country,
                facts.narrative,
                mark,
                share,
            )
        )
        self.reports += 1
        self.rows["reports"] += 1
        sid = d.syndicate.code if d.syndicate is not None else "none"
        files[("truth", "reports")].writerow((agency, ref, sid, d.kind, facts.incident, d.victim))
        ident_rows, truth_rows = files[(agency, "identifiers")], files[("truth", "sightings")]
        reg, position = self.reg, 0
        for ident, role in d.sightings:
            if keep < 1.0 and rng.random() > keep:
                continue
            w = registry.write(reg, ident, rng, country)
            ident_rows.writerow((ref, reg.kind[ident - 1], w.value, role, w.qualifier, w.country))
            truth_rows.writerow((agency, ref, position, ident, role))
            self.sighted.add(ident)
            position += 1
        self.rows["identifiers"] += position
        for position, (person, role) in enumerate(d.parties):
            self.records += 1
            record = f"R{self.records:08d}"
            p = write_person(rng, person, on=day, agency_country=country)
            files[(agency, "parties")].writerow(
                (
                    ref,
                    role,
                    p.full_name,
                    p.given_name,
                    p.family_name,
                    p.birth_date,
                    p.gender,
                    p.nationality,
                    p.id_number,
                    p.id_kind,
                    p.phone,
                )
            )
            files[("truth", "parties")].writerow((agency, ref, position, record, person.pid))
            files[("truth", "persons")].writerow(
                (
                    record,
                    p.full_name,
                    p.given_name,
                    p.family_name,
                    p.birth_date,
                    p.nationality,
                    p.id_number,
                    p.phone,
                    country,
                    person.pid,
                )
            )
        self.rows["parties"] += len(d.parties)
        for place in d.places:
            files[(agency, "places")].writerow(
                (
                    ref,
                    "compound",
                    place.name,
                    place.country,
                    f"{place.latitude:.4f}",
                    f"{place.longitude:.4f}",
                    place.address,
                )
            )
        self.rows["places"] += len(d.places)


def write_agencies(out: Path) -> Path:
    """Write agencies.csv: the member agencies, the secretariat, partners and an observer."""
    path = out / "agencies.csv"
    handle, writer = _open(path, ("code", "name", "country", "kind", "contact"))
    with handle:
        for a in AGENCIES:
            writer.writerow((a.code, a.name, a.country, a.kind, a.contact))
    return path
