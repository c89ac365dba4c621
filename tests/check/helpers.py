"""Records for check and alert tests: reports in several countries sharing identifiers."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.accounts import issue_token
from counterscam.db.models import Agency, Identifier, Report, Sighting


def agency_id(session: Session, code: str) -> int:
    """Return the id of the agency with ``code``."""
    found = session.scalar(select(Agency.id).where(Agency.code == code))
    assert found is not None, code
    return found


def add_report(
    session: Session,
    *,
    agency: str,
    ref: str,
    mark: str = "green",
    identifiers: Sequence[tuple[str, str, str]] = (),
    scam_type: str = "investment",
    loss_usd: str | None = "500",
    reported_at: datetime = datetime(2026, 1, 15, tzinfo=UTC),
    shared_platform: bool = False,
) -> Report:
    """Add a report of ``agency`` (its country) sighting (kind, value, role) identifiers."""
    owner = session.scalar(select(Agency).where(Agency.code == agency))
    assert owner is not None
    report = Report(
        agency_id=owner.id,
        external_ref=ref,
        country=owner.country,
        reported_at=reported_at,
        scam_type=scam_type,
        channel="phone_call",
        loss_amount=Decimal(loss_usd) if loss_usd else None,
        loss_currency="USD" if loss_usd else None,
        loss_usd=Decimal(loss_usd) if loss_usd else None,
        mark=mark,
        narrative=f"narrative of {ref}",
    )
    session.add(report)
    session.flush()
    for kind, value, role in identifiers:
        ident = session.scalar(
            select(Identifier).where(Identifier.kind == kind, Identifier.value == value)
        )
        if ident is None:
            ident = Identifier(
                kind=kind, value=value, country=owner.country, shared_platform=shared_platform
            )
            session.add(ident)
            session.flush()
        session.add(
            Sighting(report_id=report.id, identifier_id=ident.id, role=role, raw_value=value)
        )
    session.flush()
    return report


def add_losses(session: Session, losses: dict[str, Sequence[str | None]]) -> None:
    """Add, for each phone, one green SG-ASCOM report naming it per loss given (None: no
    loss given in that report); the caller commits."""
    for phone, given in losses.items():
        for i, loss in enumerate(given):
            add_report(
                session,
                agency="SG-ASCOM",
                ref=f"SG-{phone[-1]}-{i}",
                loss_usd=loss,
                identifiers=[("phone", phone, "caller")],
            )


def bearer(session: Session, agency: str) -> dict[str, str]:
    """Return the Authorization header of a new token for the agency's ``user-<code>``."""
    token = issue_token(session, username=f"user-{agency.lower()}")
    session.commit()
    return {"Authorization": f"Bearer {token.secret}"}
