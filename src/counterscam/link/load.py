"""Read the linking evidence from the store as columnar arrays (SQL to NumPy)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import chain

import numpy as np
from numpy.typing import NDArray
from sqlalchemy import Float, cast, func, select
from sqlalchemy.orm import Session

from counterscam.db.dialect import epoch_seconds
from counterscam.db.models import Identifier, Report, Sighting
from counterscam.link.conditions import (
    DAY,
    allowed,
    link_time,
    links_through,
    role_code,
    stopped,
)
from counterscam.link.figures import IntArray
from counterscam.link.graph import Evidence
from counterscam.link.party_evidence import OPERATOR_PARTY_ROLES, party_rows
from counterscam.link.rules import operator_roles


@dataclass(frozen=True)
class Loaded:
    """The evidence, the database ids behind its dense indices, and report figures.

    Attributes:
        report_ids: report index -> report.id (ascending).
        identifier_ids: identifier index -> identifier.id (ascending).
        party_keys: the persons and documents that link like identifiers (``person:12:1990-04-01``,
            ``document:A59078998:MY``); in the evidence, key k is identifier index
            ``len(identifier_ids) + k``.
        sighting_role: the role code (index into ``roles``) of each evidence sighting: a
            sighting role for identifiers, a party role for persons and documents.
        sighting_party: the party of each evidence sighting, -1 for identifiers.
        link_time, reported_time: seconds since 1970 of each report's incident (else
            reported) time and of its reported time.
        country: each report's country (reporting agency's); loss_usd: its loss, 0 if none.
    """

    evidence: Evidence
    report_ids: IntArray
    identifier_ids: IntArray
    party_keys: NDArray[np.str_]
    sighting_role: IntArray
    sighting_party: IntArray
    roles: tuple[str, ...]
    link_time: IntArray
    reported_time: IntArray
    country: NDArray[np.str_]
    loss_usd: NDArray[np.float64]


def load(session: Session) -> Loaded:
    """Read reports, linking sightings (analyst stops applied) and operator-side parties.

    Parties come with their person key and their document key (``party_document``, which the
    rebuild refreshes first).
    """
    report_rows = session.execute(
        select(
            Report.id,
            link_time(session),
            epoch_seconds(session, Report.reported_at),
            Report.country,
            cast(func.coalesce(Report.loss_usd, 0), Float),
        ).order_by(Report.id)
    ).all()
    columns = list(zip(*report_rows, strict=True)) if report_rows else [()] * 5
    report_ids = np.asarray(columns[0], dtype=np.int64)
    times = np.asarray(columns[1], dtype=np.int64)
    sighting_roles = tuple(sorted(operator_roles()))
    roles = sighting_roles + OPERATOR_PARTY_ROLES
    query = (
        select(Sighting.report_id, Sighting.identifier_id, role_code(roles), allowed())
        .join(Identifier, Identifier.id == Sighting.identifier_id)
        .where(
            Sighting.role.in_(sighting_roles),
            links_through(),
            ~stopped(auto=False),
        )
    )
    rows = session.execute(query).all()
    # fromiter over the flattened rows: np.asarray on Row objects is a hundred times slower.
    flat = np.fromiter(chain.from_iterable(rows), dtype=np.int64, count=4 * len(rows))
    pairs = flat.reshape(-1, 4)
    identifier_ids, ident = np.unique(pairs[:, 1], return_inverse=True)
    parties = party_rows(session)
    keys, key_of = np.unique(np.asarray([p.key for p in parties], dtype=str), return_inverse=True)
    allow = np.zeros(len(identifier_ids) + len(keys), dtype=bool)
    allow[ident[pairs[:, 3] == 1]] = True
    code = {role: i for i, role in enumerate(roles)}
    evidence = Evidence(
        report_day=times // DAY,
        rep=np.searchsorted(
            report_ids,
            np.concatenate((pairs[:, 0], np.asarray([p.report_id for p in parties], np.int64))),
        ).astype(np.int64),
        ident=np.concatenate((ident, key_of.reshape(-1) + len(identifier_ids))).astype(np.int64),
        allowed=allow,
    )
    return Loaded(
        evidence=evidence,
        report_ids=report_ids,
        identifier_ids=identifier_ids.astype(np.int64),
        party_keys=keys,
        sighting_role=np.concatenate(
            (pairs[:, 2], np.asarray([code[p.role] for p in parties], dtype=np.int64))
        ),
        sighting_party=np.concatenate(
            (
                np.full(len(pairs), -1, dtype=np.int64),
                np.asarray([p.party_id for p in parties], dtype=np.int64),
            )
        ),
        roles=roles,
        link_time=times,
        reported_time=np.asarray(columns[2], dtype=np.int64),
        country=np.asarray(columns[3], dtype="<U2"),
        loss_usd=np.asarray(columns[4], dtype=np.float64),
    )
