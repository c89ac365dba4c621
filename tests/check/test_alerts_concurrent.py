"""Two countries importing the same identifiers at the same moment: one alert pair each."""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from counterscam.access.accounts import admin_caller
from counterscam.check.alerts import inbox
from counterscam.config import Settings
from counterscam.db.engine import session_factory
from counterscam.db.models import Alert
from counterscam.intake.json_files import reports_of
from counterscam.intake.service import BatchResult, submit
from counterscam.intake.tables import Limits
from tests.factories import build_policy_region

PHONES = [f"+668123{i:05d}" for i in range(20)]


def _batch(agency: str, phones: list[str]) -> dict[str, Any]:
    return {
        "reports": [
            {
                "external_ref": f"{agency}-{n}",
                "reported_at": "2026-03-01",
                "scam_type": "investment",
                "channel": "phone_call",
                "mark": "green",
                "identifiers": [{"kind": "phone", "value": p, "role": "caller"} for p in phones],
            }
            for n in range(3)
        ]
    }


def _import_at_once(engine: Engine, agencies: list[str]) -> list[BatchResult | None]:
    start = threading.Barrier(len(agencies))
    results: list[BatchResult | None] = [None] * len(agencies)

    def run(i: int) -> None:
        with session_factory(engine)() as session:
            caller = admin_caller(session, agencies[i])
            phones = PHONES if i % 2 else PHONES[::-1]  # the other order: no deadlock either
            raw = reports_of(_batch(agencies[i], phones), file="request", limits=Limits())
            start.wait()
            results[i] = submit(session, caller, reports=raw, source="api", settings=Settings())

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(agencies))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def test_two_countries_at_once_get_exactly_one_alert_pair_per_identifier(
    engine: Engine, session: Session
) -> None:
    region = build_policy_region(session)
    session.commit()
    for attempt in range(2):  # the second time, every report is a resubmission
        results = _import_at_once(engine, ["MY-NSRC", "SG-ASCOM"])
        assert [r.status if r else None for r in results] == ["committed"] * 2, attempt
        session.expire_all()
        assert session.scalar(select(func.count()).select_from(Alert)) == 2 * len(PHONES)
    for agency in ("MY-NSRC", "SG-ASCOM"):
        page = inbox(session, region.caller(agency), per_page=100)
        assert sorted(a.value for a in page.items) == sorted(PHONES)
        assert page.unread == len(PHONES)
