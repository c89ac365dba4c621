"""A region with something behind every route: reports of every mark, a cluster a partner may
see and one it may not, a cross-border alert, an upload batch and a stop-list entry."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counterscam.access.accounts import issue_token
from counterscam.check.service import check
from counterscam.db.engine import session_factory
from counterscam.db.link_models import Cluster, ClusterReport
from counterscam.db.models import Alert, AuditEvent, Party, Place
from counterscam.intake.json_files import report_of
from counterscam.intake.service import submit
from counterscam.link.rebuild import rebuild
from counterscam.link.stoplist import add_stop
from tests.factories import PolicyRegion, build_policy_region, make_report

# A number one agency looked up and no report names: no page, route or command may show it
# to anyone else (the audit log is read by no role through the application).
SECRET_SEARCH = "+60195550199"
SECRET_FORMS = ("60195550199", "195550199", "19-555 0199", "5550199")
RED_PHONE = (
    "+60122220000"  # named only by two red MY-NSRC reports: a cluster hidden from all but MY
)


@dataclass
class World:
    """The region, the ids and keys the routes are asked for, and an API token per agency."""

    policy: PolicyRegion
    session: Session
    tokens: dict[str, str] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)

    def new_rows(self, after: int) -> list[AuditEvent]:
        """Return the audit rows written after row ``after``, oldest first."""
        self.session.expire_all()
        return list(
            self.session.scalars(
                select(AuditEvent).where(AuditEvent.id > after).order_by(AuditEvent.id)
            )
        )

    def last_row(self) -> int:
        self.session.expire_all()
        rows = self.session.scalars(select(AuditEvent.id).order_by(AuditEvent.id.desc()))
        return rows.first() or 0


_SG_REPORT = {
    "external_ref": "SG-1",
    "reported_at": "2026-03-02",
    "scam_type": "investment",
    "channel": "phone_call",
    "mark": "green",
    "narrative": "narrative of SG-1",
    "identifiers": [{"kind": "phone", "value": "+60123456789", "role": "caller"}],
}


@pytest.fixture
def world(engine: Engine) -> Iterator[World]:
    session = session_factory(engine)()
    policy = build_policy_region(session)
    my = policy.users["MY-NSRC"].agency_id
    red = [
        make_report(session, agency_id=my, ref=f"MY-red-{i}", mark="red", phone=RED_PHONE)
        for i in (1, 2)
    ]
    for label, report in policy.reports.items():
        session.add_all(
            [
                Party(report_id=report.id, role="suspect", full_name=f"suspect of MY-{label}"),
                Place(report_id=report.id, kind="compound", name=f"compound of MY-{label}"),
            ]
        )
    tokens = {
        code: issue_token(session, username=user.username).secret
        for code, user in policy.users.items()
    }
    session.commit()
    sent = submit(
        session,
        policy.caller("SG-ASCOM"),
        reports=[report_of(_SG_REPORT, file="request", row=1)],
        source="api",
    )
    assert sent.status == "committed", sent.errors
    rebuild(session)
    add_stop(session, policy.caller("MY-NSRC"), kind="phone", value="+60129990000", reason="hub")
    check(
        session,
        policy.caller("TL-PNTL"),
        kind="phone",
        value=SECRET_SEARCH,
        country=None,
        channel="api",
    )
    session.commit()
    cluster_of = dict(
        session.execute(
            select(ClusterReport.report_id, Cluster.key).join(
                Cluster, Cluster.id == ClusterReport.cluster_id
            )
        ).all()
    )
    alert = session.scalars(select(Alert.id).where(Alert.agency_id == my)).one()
    ids = {
        "amber": str(policy.reports["amber"].id),
        "green": str(policy.reports["green"].id),
        "missing": "987654",
        "cluster": cluster_of[policy.reports["clear"].id],
        "hidden_cluster": cluster_of[red[0].id],
        "batch": str(sent.batch_id),
        "alert": str(alert),
    }
    yield World(policy=policy, session=session, tokens=tokens, ids=ids)
    session.close()
