"""Cross-border alerts: raised when an ingested identifier matches another country's records."""

from __future__ import annotations

from sqlalchemy.orm import Session


def raise_alerts(session: Session, report_ids: list[int]) -> int:
    """Create alerts for both agencies of every cross-border match of these reports' identifiers.

    Returns the number of new alerts. Does not commit.
    """
    raise NotImplementedError("being written by the check/alerts engineer")
