"""A hub found by the rules in reports a caller may not see: a check and the stop-list say
that it is listed, never the hub's figures (how many reports, over how many days)."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from counterscam.access.accounts import issue_token
from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.db.base import utcnow
from counterscam.db.engine import session_factory
from counterscam.db.link_models import StopEntry
from counterscam.db.models import Agency
from counterscam.link.stoplist import PARTLY_HIDDEN_HUB
from tests.factories import EXPECTED_VISIBLE, PolicyRegion, build_policy_region, make_report
from tests.web.conftest import sign_in

AGENCIES = sorted(EXPECTED_VISIBLE)
RED_ONLY = "+60177771234"  # named by MY-NSRC's red report alone
FIGURES = (
    "hub: up to 40 reports within 60 days of each other, in use for 1647 days "
    "(rules: more than 150 reports or 250 days)"
)


@pytest.fixture
def region(engine: Engine) -> Iterator[tuple[PolicyRegion, Session]]:
    session = session_factory(engine)()
    policy = build_policy_region(session)
    owner = session.scalars(select(Agency).where(Agency.code == "MY-NSRC")).one()
    make_report(session, agency_id=owner.id, ref="MY-red-hub", mark="red", phone=RED_ONLY)
    session.add(
        StopEntry(
            kind="phone",
            value=RED_ONLY,
            action="stop",
            reason=FIGURES,
            added_by="auto",
            added_at=utcnow(),
        )
    )
    session.commit()
    yield policy, session
    session.close()


@pytest.mark.parametrize("agency", AGENCIES)
def test_a_hubs_figures_show_only_to_callers_who_see_a_report_naming_it(
    engine: Engine, region: tuple[PolicyRegion, Session], agency: str
) -> None:
    policy, session = region
    token = issue_token(session, username=policy.users[agency].username).secret
    session.commit()
    owner = agency == "MY-NSRC"
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        answer = client.get(
            "/api/v1/check",
            params={"kind": "phone", "value": RED_ONLY},
            headers={"Authorization": f"Bearer {token}"},
        ).json()
        assert answer["hit"] is True
        note = answer["stop_list"]
        assert note["automatic"] is True
        # Before, every caller read "in use for 1647 days": how long MY's red reports ran.
        assert (note["reason"] == FIGURES) is owner
        assert owner or "in use for" not in note["reason"]
        sign_in(client, policy.users[agency].username)
        listing = client.get("/stop-list.csv").text
        assert ("1647 days" in listing) is owner


PARTLY = "+60177775678"  # named by MY-NSRC's green report and its red one


@pytest.mark.parametrize("agency", AGENCIES)
def test_a_hubs_figures_show_only_to_callers_who_see_every_report_naming_it(
    engine: Engine, region: tuple[PolicyRegion, Session], agency: str
) -> None:
    policy, session = region
    owner = session.scalars(select(Agency).where(Agency.code == "MY-NSRC")).one()
    make_report(session, agency_id=owner.id, ref="MY-green-hub", mark="green", phone=PARTLY)
    make_report(session, agency_id=owner.id, ref="MY-red-hub-2", mark="red", phone=PARTLY)
    session.add(
        StopEntry(
            kind="phone",
            value=PARTLY,
            action="stop",
            reason=FIGURES,
            added_by="auto",
            added_at=utcnow(),
            rule="span",
        )
    )
    token = issue_token(session, username=policy.users[agency].username).secret
    session.commit()
    sees_all = agency == "MY-NSRC"
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        answer = client.get(
            "/api/v1/check",
            params={"kind": "phone", "value": PARTLY},
            headers={"Authorization": f"Bearer {token}"},
        ).json()
        assert answer["reports"] == (2 if sees_all else 1)  # every account sees the green one
        # Before, a partner seeing the one green report of 2026-03-01 read "in use for 1647
        # days": how long the red reports it may not see ran.
        assert (answer["stop_list"]["reason"] == FIGURES) is sees_all
        assert sees_all or "1647" not in answer["stop_list"]["reason"]
        sign_in(client, policy.users[agency].username)
        rows = list(csv.DictReader(io.StringIO(client.get("/stop-list.csv").text.lstrip("\ufeff"))))
        row = next(r for r in rows if r["Identifier"] == PARTLY)  # the value itself is shown
        assert (row["Why"], row["Rule"]) == (
            (FIGURES, "span") if sees_all else (PARTLY_HIDDEN_HUB, "")
        )
        page = client.get("/stop-list").text
        assert ("Long-lived: still alerts" in page) is sees_all
        assert ("1647 days" in page) is sees_all
