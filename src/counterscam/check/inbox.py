"""An agency's alert inbox: what matched abroad, and what it may see of the other record."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session, aliased

from counterscam.access import audit
from counterscam.access.caller import Caller
from counterscam.access.policy import report_visible
from counterscam.access.reads import Holding, holdings
from counterscam.db.base import utcnow
from counterscam.db.models import Agency, Alert, Identifier, Report, Sighting
from counterscam.link.rules import operator_roles
from counterscam.sorting import Order, either_way, order_by

_OWN, _OTHER, _OTHER_AGENCY = aliased(Report), aliased(Report), aliased(Agency)
# Columns shown whatever the policy says of the other report; never the other report's own
# content, whose order would hint at a record the caller may not see.
ALERT_ORDERS: dict[str, Order] = either_way(
    {
        "raised": Alert.created_at,
        "identifier": Identifier.value,
        "own_report": _OWN.external_ref,
        "other_agency": _OTHER_AGENCY.code,
    },
    Alert.id,
)
NEWEST_FIRST = "-raised"


class AlertNotFound(LookupError):
    """No alert with that id in the caller's agency's inbox."""


@dataclass(frozen=True)
class AlertReport:
    """The other agency's report, as far as the caller may see it."""

    id: int
    external_ref: str
    reported_at: datetime
    scam_type: str
    channel: str
    loss_usd: Decimal | None
    mark: str


@dataclass(frozen=True)
class AlertItem:
    """One alert: an identifier the caller's agency reported was also reported abroad.

    Exactly one of ``other_report`` (content the caller may see) and ``other_holding``
    (who holds the hidden record and how to ask for it) is set.
    """

    id: int
    created_at: datetime
    read_at: datetime | None
    kind: str
    value: str
    own_report_id: int
    own_report_ref: str
    other_agency_code: str
    other_agency_name: str
    other_country: str
    other_report: AlertReport | None
    other_holding: Holding | None

    @property
    def unread(self) -> bool:
        """Tell whether the alert has not been marked read."""
        return self.read_at is None


@dataclass(frozen=True)
class AlertPage:
    """One page of an agency's alerts, in the order asked for (newest first by default)."""

    items: list[AlertItem]
    total: int
    unread: int
    page: int
    per_page: int


def unread_count(session: Session, caller: Caller) -> int:
    """Return how many alerts of the caller's agency are unread."""
    if caller.agency_id is None:
        return 0
    count = session.scalar(
        select(func.count())
        .select_from(Alert)
        .where(Alert.agency_id == caller.agency_id, Alert.read_at.is_(None))
    )
    return int(count or 0)


def inbox(
    session: Session,
    caller: Caller,
    *,
    unread_only: bool = False,
    page: int = 1,
    per_page: int = 50,
    channel: str = "api",
    sort: str = NEWEST_FIRST,
) -> AlertPage:
    """Return one page of the caller's agency's alerts, sorted; the read is audited.

    Args:
        sort: a name of ALERT_ORDERS (``-`` first for descending); newest first by default.
            Raises BadSort for any other.

    Commits the audit row.
    """
    orders = order_by(sort, ALERT_ORDERS)
    page = max(1, page)
    per_page = max(1, min(per_page, 500))
    if caller.agency_id is None:
        return AlertPage(items=[], total=0, unread=0, page=page, per_page=per_page)
    mine = [Alert.agency_id == caller.agency_id]
    if unread_only:
        mine.append(Alert.read_at.is_(None))
    total = int(session.scalar(select(func.count()).select_from(Alert).where(*mine)) or 0)
    own, other, other_agency = _OWN, _OTHER, _OTHER_AGENCY  # the aliases ALERT_ORDERS names
    rows = session.execute(
        select(
            Alert.id,
            Alert.created_at,
            Alert.read_at,
            Identifier.kind,
            Identifier.value,
            own.id,
            own.external_ref,
            other_agency.code,
            other_agency.name,
            other_agency.country,
            other.id,
            other.mark,
            Alert.identifier_id,
            Alert.other_agency_id,
        )
        .join(Identifier, Identifier.id == Alert.identifier_id)
        .join(own, own.id == Alert.report_id)
        .join(other, other.id == Alert.other_report_id)
        .join(other_agency, other_agency.id == Alert.other_agency_id)
        .where(*mine)
        .order_by(*orders)
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    pointed = {r[0]: r[10] for r in rows}
    shown_as = _shown_reports(session, caller, [(r[0], r[12], r[13], r[10]) for r in rows])
    # The other agency's report content is read only under the policy, in the SQL; the
    # alert row itself carries just its id and mark (what hit/no-hit may tell).
    visible = {
        found.id: AlertReport(
            id=found.id,
            external_ref=found.external_ref,
            reported_at=found.reported_at,
            scam_type=found.scam_type,
            channel=found.channel,
            loss_usd=found.loss_usd,
            mark=found.mark,
        )
        for found in session.execute(
            select(
                Report.id,
                Report.external_ref,
                Report.reported_at,
                Report.scam_type,
                Report.channel,
                Report.loss_usd,
                Report.mark,
            ).where(Report.id.in_(set(shown_as.values())), report_visible(caller))
        )
    }
    hidden = [pointed[a] for a in pointed if a not in shown_as]
    held = {
        (h.agency_code, h.mark): dataclasses.replace(h, reports=1)
        for h in (holdings(session, caller, Report.id.in_(hidden)) if hidden else [])
    }
    items = []
    for r in rows:
        shown_id = shown_as.get(r[0])
        other_report = None if shown_id is None else visible.get(shown_id)
        items.append(
            AlertItem(
                id=r[0],
                created_at=r[1],
                read_at=r[2],
                kind=r[3],
                value=r[4],
                own_report_id=r[5],
                own_report_ref=r[6],
                other_agency_code=r[7],
                other_agency_name=r[8],
                other_country=r[9],
                other_report=other_report,
                other_holding=None if other_report else held.get((r[7], r[11])),
            )
        )
    unread = unread_count(session, caller)
    audit.record_read(
        session,
        caller,
        channel=channel,
        action="read_alerts",
        query=f"unread_only={unread_only} sort={sort} page={page} per_page={per_page}",
        hits=total,
    )
    session.commit()
    return AlertPage(items=items, total=total, unread=unread, page=page, per_page=per_page)


def _shown_reports(
    session: Session, caller: Caller, alerts: list[tuple[int, int, int, int]]
) -> dict[int, int]:
    """Return, per alert, the other agency's report to show: one the caller may see, if any.

    ``alerts`` holds (alert id, identifier id, other agency id, report the alert points at).
    The alert points at the other agency's first report naming the identifier; when that one
    is hidden (red) but the agency named it in a report the caller may see too, that report
    is shown: telling the caller to ask for a match its own check shows would waste a request.
    """
    if not alerts:
        return {}
    pointed = {p for _, _, _, p in alerts}
    seen = set(
        session.scalars(select(Report.id).where(Report.id.in_(pointed), report_visible(caller)))
    )
    shown = {alert: p for alert, _, _, p in alerts if p in seen}
    rest = [a for a in alerts if a[0] not in shown]
    if not rest:
        return shown
    first = session.execute(
        select(Sighting.identifier_id, Report.agency_id, func.min(Report.id))
        .join(Report, Report.id == Sighting.report_id)
        .where(
            Sighting.identifier_id.in_({i for _, i, _, _ in rest}),
            Report.agency_id.in_({o for _, _, o, _ in rest}),
            Sighting.role.in_(sorted(operator_roles())),
            report_visible(caller),
        )
        .group_by(Sighting.identifier_id, Report.agency_id)
    )
    by_pair = {(ident, agency): report for ident, agency, report in first}
    for alert, ident, agency, _ in rest:
        if (ident, agency) in by_pair:
            shown[alert] = by_pair[(ident, agency)]
    return shown


def mark_read(session: Session, caller: Caller, *, alert_id: int) -> datetime:
    """Mark an alert of the caller's agency read and return when; commits.

    Raises AlertNotFound for an unknown alert or one addressed to another agency.
    """
    if caller.agency_id is None:
        raise AlertNotFound(f"no alert {alert_id} in your agency's inbox")
    current = session.execute(
        select(Alert.read_at).where(Alert.id == alert_id, Alert.agency_id == caller.agency_id)
    ).first()
    if current is None:
        raise AlertNotFound(f"no alert {alert_id} in your agency's inbox")
    if current[0] is not None:
        read_at: datetime = current[0]
        return read_at
    now = utcnow()
    session.execute(update(Alert).where(Alert.id == alert_id).values(read_at=now))
    session.commit()
    return now
