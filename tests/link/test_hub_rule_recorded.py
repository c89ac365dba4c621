"""Each automatic stop-list entry records the rule that made it: only busy hubs silence alerts."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.db.link_models import StopEntry
from counterscam.db.models import Identifier
from counterscam.link.rules import LinkRules
from counterscam.link.stoplist import stop_hubs
from tests.check.helpers import add_report
from tests.factories import build_policy_region

RULES = LinkRules()


def _ident(session: Session, value: str) -> int:
    found = session.scalar(select(Identifier.id).where(Identifier.value == value))
    assert found is not None
    return found


def _rules(session: Session) -> dict[str, str]:
    return {v: r for v, r in session.execute(select(StopEntry.value, StopEntry.rule))}


def test_a_hub_is_recorded_busy_or_span_and_a_span_hub_turned_busy_is_updated(
    session: Session,
) -> None:
    build_policy_region(session)
    busy, span = "+60320001111", "+60320002222"
    add_report(
        session,
        agency="MY-NSRC",
        ref="MY-hubs",
        identifiers=[("phone", busy, "caller"), ("phone", span, "caller")],
    )
    session.flush()
    over = RULES.hub_reports + 1
    added = stop_hubs(
        session, [(_ident(session, busy), over, 10), (_ident(session, span), 3, 300)], RULES
    )
    assert added == 2
    assert _rules(session) == {busy: "busy", span: "span"}
    # Later the long-lived one gets busy too: it silences alerts from then on.
    assert stop_hubs(session, [(_ident(session, span), over, 320)], RULES) == 0
    assert _rules(session) == {busy: "busy", span: "busy"}


def test_an_analysts_entry_has_no_rule_and_is_left_as_it_is(session: Session) -> None:
    build_policy_region(session)
    value = "+60320003333"
    add_report(session, agency="MY-NSRC", ref="MY-1", identifiers=[("phone", value, "caller")])
    session.add(StopEntry(kind="phone", value=value, reason="hotline", added_by="a@MY-NSRC"))
    session.flush()
    assert stop_hubs(session, [(_ident(session, value), 500, 10)], RULES) == 0
    assert _rules(session) == {value: ""}
