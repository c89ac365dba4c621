"""A link written without a scheme meets the same link written https:// and http://."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from counterscam.access.caller import PUBLIC, Caller
from counterscam.check.lookup import _prepared
from counterscam.check.results import CheckItem
from counterscam.check.service import check, check_bulk
from counterscam.db.models import AuditEvent
from counterscam.db.prepared import Prepared
from counterscam.link.stoplist import add_stop
from tests.check.helpers import add_report
from tests.factories import build_policy_region

HTTPS = "https://scam-shop.example/pay"
HTTP = "http://scam-shop.example/pay"


@pytest.fixture
def shop(session: Session) -> Any:
    """An MY report of the https:// link, a TH one of the http:// form (an earlier version's
    reading of the link typed without a scheme), an SG one naming both."""
    region = build_policy_region(session)
    add_report(session, agency="MY-NSRC", ref="MY-https", identifiers=[("url", HTTPS, "website")])
    add_report(session, agency="TH-CCIB", ref="TH-http", identifiers=[("url", HTTP, "website")])
    add_report(
        session,
        agency="SG-ASCOM",
        ref="SG-both",
        mark="red",
        identifiers=[("url", HTTPS, "website"), ("url", HTTP, "website")],
    )
    session.commit()
    return region


def _queries(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Prepared, dict[str, Any]]]:
    """Record every prepared statement a check runs, with its parameters."""
    seen: list[tuple[Prepared, dict[str, Any]]] = []
    original = Prepared.raw

    def counted(self: Prepared, connection: Any, params: Any) -> Any:
        seen.append((self, dict(params)))
        return original(self, connection, params)

    monkeypatch.setattr(Prepared, "raw", counted)
    return seen


def _matching(
    session: Session, caller: Caller, seen: list[tuple[Prepared, dict[str, Any]]]
) -> list[dict[str, Any]]:
    """Return the parameters of the match queries among ``seen`` (not the stop-list's)."""
    dialect = session.connection().dialect
    match = {id(_prepared(caller, dialect, many)) for many in (False, True)}
    return [params for prepared, params in seen if id(prepared) in match]


def test_a_link_typed_without_a_scheme_answers_for_both_forms_in_one_query(
    session: Session, shop: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    queries = _queries(monkeypatch)
    caller = shop.caller("MY-NSRC")
    result = check(
        session, caller, kind="url", value="scam-shop.example/pay", country="TH", channel="api"
    )
    assert result.value == HTTPS
    assert result.hit and result.reports == 2
    assert result.countries == ["MY", "TH"]
    assert {m.external_ref for m in result.matches} == {"MY-https", "TH-http"}
    # The red SG report names both forms: one holding of one report, not two.
    assert [(h.agency_code, h.reports) for h in result.holdings] == [("SG-ASCOM", 1)]
    # Both forms in one query (IN), and the domain beside it as before.
    url_queries = [q for q in _matching(session, caller, queries) if q["kind"] == "url"]
    assert len(url_queries) == 1 and sorted(url_queries[0]["values"]) == [HTTP, HTTPS]


@pytest.mark.parametrize("typed", ["//scam-shop.example/pay", "URL: scam-shop.example/pay."])
def test_other_writings_without_a_scheme_meet_both_forms(
    session: Session, shop: Any, typed: str
) -> None:
    result = check(
        session, shop.caller("MY-NSRC"), kind="url", value=typed, country=None, channel="api"
    )
    assert (result.value, result.reports) == (HTTPS, 2)


def test_a_defanged_link_without_a_scheme_meets_both_forms(session: Session, shop: Any) -> None:
    result = check(
        session,
        shop.caller("MY-NSRC"),
        kind="url",
        value="scam-shop[.]example/pay",
        country=None,
        channel="web",
    )
    assert (result.value, result.reports) == (HTTPS, 2)


@pytest.mark.parametrize(("typed", "ref"), [(HTTPS, "MY-https"), (HTTP, "TH-http")])
def test_a_link_with_its_scheme_stays_exact(
    session: Session, shop: Any, typed: str, ref: str
) -> None:
    result = check(
        session, shop.caller("MY-NSRC"), kind="url", value=typed, country=None, channel="api"
    )
    assert result.value == typed
    assert [m.external_ref for m in result.matches] == [ref]


def test_the_bulk_check_answers_as_the_single_check(session: Session, shop: Any) -> None:
    caller = shop.caller("MY-NSRC")
    items = [
        CheckItem(value="scam-shop.example/pay", kind="url"),
        CheckItem(value=HTTPS, kind="url"),
    ]
    bulk = check_bulk(session, caller, items=items, country=None, channel="api")
    assert [(r.value, r.reports) for r in bulk.items] == [(HTTPS, 2), (HTTPS, 1)]
    single = check(
        session, caller, kind="url", value="scam-shop.example/pay", country=None, channel="api"
    )
    assert bulk.items[0].matches == single.matches


def test_the_public_learns_a_hit_on_the_http_form_of_a_link_typed_without_one(
    session: Session, shop: Any
) -> None:
    add_report(
        session,
        agency="TH-CCIB",
        ref="TH-clear",
        mark="clear",
        identifiers=[("url", HTTP, "website")],
    )
    session.commit()
    typed = check(
        session, PUBLIC, kind="url", value="scam-shop.example/pay", country=None, channel="web"
    )
    exact = check(session, PUBLIC, kind="url", value=HTTPS, country=None, channel="web")
    assert (typed.hit, exact.hit) == (True, False)


def test_a_stop_listed_http_form_notes_the_link_typed_without_a_scheme(
    session: Session, shop: Any
) -> None:
    caller = shop.caller("MY-NSRC")
    add_stop(session, caller, kind="url", value=HTTP, reason="a mirror the bank itself reported")
    session.commit()
    result = check(
        session,
        shop.caller("MY-NSRC"),
        kind="url",
        value="scam-shop.example/pay",
        country=None,
        channel="api",
    )
    assert result.stop_list is not None
    assert result.stop_list.reason == "a mirror the bank itself reported"


def test_other_kinds_still_run_one_query(
    session: Session, shop: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    add_report(
        session, agency="MY-NSRC", ref="MY-phone", identifiers=[("phone", "+60123456789", "caller")]
    )
    session.commit()
    queries = _queries(monkeypatch)
    caller = shop.caller("MY-NSRC")
    check(
        session,
        caller,
        kind="phone",
        value="+60123456789",
        country=None,
        channel="api",
    )
    assert _matching(session, caller, queries) == [{"kind": "phone", "value": "+60123456789"}]


def test_the_audit_row_names_the_http_form_a_check_also_asked(session: Session, shop: Any) -> None:
    # An auditor asking who looked up the http:// link finds the checks that asked it as a
    # variant, single and bulk; a link checked with its scheme names no other form.
    caller = shop.caller("MY-NSRC")
    check(session, caller, kind="url", value="scam-shop.example/pay", country="TH", channel="api")
    check(session, caller, kind="url", value=HTTPS, country="TH", channel="api")
    items = [CheckItem("scam-shop.example/pay", "url")]
    check_bulk(session, caller, items=items, country=None, channel="api")
    audited = session.execute(
        select(AuditEvent.action, AuditEvent.query).where(
            AuditEvent.action.in_(("check", "bulk_check_value"))
        )
    ).all()
    assert sorted(audited) == [
        ("bulk_check_value", f"url:{HTTPS} also={HTTP} country="),
        ("check", f"url:{HTTPS} also={HTTP} country=TH"),
        ("check", f"url:{HTTPS} country=TH"),
    ]
