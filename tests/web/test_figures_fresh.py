"""The dashboard and the cluster list keep their figures between views, never past a change.

Each test views the figures (so they are kept), changes the data the way a centre does (a new
report, a report re-marked or narrowed by resubmission, a relink) and views again.
"""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy.orm import Session

from counterscam.access.accounts import admin_caller, create_agency
from counterscam.access.caller import Caller
from counterscam.config import Settings
from counterscam.intake.json_files import reports_of
from counterscam.intake.service import submit
from counterscam.intake.tables import Limits
from counterscam.link.listing import list_clusters
from counterscam.link.rebuild import rebuild
from counterscam.link.stoplist import add_stop
from counterscam.web import dashboard
from counterscam.web.dashboard import build_dashboard
from tests.factories import make_report

PHONE = "012-345 6789"


@pytest.fixture
def callers(session: Session) -> dict[str, Caller]:
    for code, country, kind in (
        ("MY-NSRC", "MY", "member"),
        ("SG-ASCOM", "SG", "member"),
        ("TH-AOC", "TH", "member"),
        ("AU-AFP", "AU", "partner"),
    ):
        create_agency(session, code=code, name=code, country=country, kind=kind)
    session.commit()
    return {code: admin_caller(session, code) for code in ("MY-NSRC", "SG-ASCOM", "AU-AFP")}


def _report(ref: str, *, mark: str = "green", loss: str = "100", **more: Any) -> dict[str, Any]:
    return {
        "external_ref": ref,
        "reported_at": "2026-03-02T10:00:00+08:00",
        "scam_type": "investment",
        "channel": "whatsapp",
        "loss_amount": loss,
        "loss_currency": "USD",
        "narrative": "Met on WhatsApp",
        "mark": mark,
        "identifiers": [{"kind": "phone", "value": PHONE, "role": "caller"}],
        **more,
    }


def _send(session: Session, caller: Caller, *reports: dict[str, Any]) -> None:
    raw = reports_of({"reports": list(reports)}, file="request", limits=Limits(max_reports=100))
    result = submit(session, caller, reports=raw, source="api", settings=Settings())
    assert result.status == "committed", result.errors


def _seen(session: Session, caller: Caller) -> tuple[int, str, list[tuple[str, int, int]]]:
    """Return the dashboard's reports and loss and the list's (cluster, seen, held by others)."""
    board = build_dashboard(session, caller)
    page = list_clusters(session, caller)
    session.commit()
    clusters = [(c.key, c.reports, c.hidden_reports) for c in page.items]
    return board.reports, str(board.loss_usd), clusters


def _two_linked(session: Session, callers: dict[str, Caller], **first: Any) -> str:
    _send(session, callers["MY-NSRC"], _report("MY-1", **first), _report("MY-2", loss="200"))
    return list_clusters(session, callers["MY-NSRC"]).items[0].key


def test_a_new_report_shows_at_once(session: Session, callers: dict[str, Caller]) -> None:
    key = _two_linked(session, callers)
    sg = callers["SG-ASCOM"]
    assert _seen(session, sg) == (2, "300.00", [(key, 2, 0)])
    _send(session, callers["MY-NSRC"], _report("MY-3", loss="400"))
    assert _seen(session, sg) == (3, "700.00", [(key, 3, 0)])


def test_a_report_re_marked_red_disappears_at_once(
    session: Session, callers: dict[str, Caller]
) -> None:
    key = _two_linked(session, callers)
    sg = callers["SG-ASCOM"]
    assert _seen(session, sg) == (2, "300.00", [(key, 2, 0)])
    _send(session, callers["MY-NSRC"], _report("MY-2", loss="200", mark="red"))
    assert _seen(session, sg) == (1, "100.00", [(key, 1, 1)])
    # The owner still sees both: its figures are its own, not SG's kept ones.
    assert _seen(session, callers["MY-NSRC"]) == (2, "300.00", [(key, 2, 0)])


def test_a_report_narrowed_to_another_agency_disappears_at_once(
    session: Session, callers: dict[str, Caller]
) -> None:
    key = _two_linked(session, callers, mark="amber")
    sg = callers["SG-ASCOM"]
    assert _seen(session, sg) == (2, "300.00", [(key, 2, 0)])
    _send(session, callers["MY-NSRC"], _report("MY-1", mark="amber", share_with=["TH-AOC"]))
    assert _seen(session, sg) == (1, "200.00", [(key, 1, 1)])


def test_a_relink_shows_at_once(session: Session, callers: dict[str, Caller]) -> None:
    key = _two_linked(session, callers)
    sg = callers["SG-ASCOM"]
    assert _seen(session, sg) == (2, "300.00", [(key, 2, 0)])
    # The phone turns out to be a hub: once stopped and relinked, the cluster is gone.
    add_stop(session, callers["MY-NSRC"], kind="phone", value=PHONE, reason="a bank's hotline")
    session.commit()
    rebuild(session)
    session.commit()
    assert _seen(session, sg) == (2, "300.00", [])


def test_a_report_added_through_the_orm_shows_at_once(
    session: Session, callers: dict[str, Caller]
) -> None:
    # Code (and tests) writing reports as ORM objects need not tell the figures anything.
    key = _two_linked(session, callers)
    sg = callers["SG-ASCOM"]
    assert _seen(session, sg)[0] == 2
    make_report(session, agency_id=callers["MY-NSRC"].agency_id or 0, ref="MY-9", mark="green")
    session.commit()
    assert _seen(session, sg) == (3, "1300.00", [(key, 2, 0)])


def test_figures_are_reused_until_the_data_changes(
    session: Session, callers: dict[str, Caller], monkeypatch: pytest.MonkeyPatch
) -> None:
    _two_linked(session, callers)
    computed: list[Caller] = []
    compute = dashboard._compute

    def counting(s: Session, caller: Caller) -> Any:
        computed.append(caller)
        return compute(s, caller)

    monkeypatch.setattr(dashboard, "_compute", counting)
    sg, au = callers["SG-ASCOM"], callers["AU-AFP"]
    for _ in range(3):
        _seen(session, sg)
        _seen(session, au)
    assert computed == [sg, au]  # once per visibility class
    _send(session, callers["MY-NSRC"], _report("MY-3"))
    _seen(session, sg)
    assert computed == [sg, au, sg]
