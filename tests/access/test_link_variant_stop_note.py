"""A link typed without its scheme is also checked as its http:// form: the stop-list note of
either form says what the stop-list page says of that form, to every role.

Judged on both forms' reports, another agency's entry on the http:// form, named only in a
report the caller may not see, was shown reason and lister beside an https:// report it may
see, while the stop-list page withholds it.
"""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from counterscam.access.accounts import issue_token
from counterscam.access.caller import PUBLIC
from counterscam.api.app import create_app
from counterscam.check.results import CheckItem
from counterscam.check.service import check, check_bulk
from counterscam.config import Settings
from counterscam.db.engine import session_factory
from counterscam.link.stoplist import add_stop, list_stops
from tests.check.helpers import add_report
from tests.factories import EXPECTED_VISIBLE, PolicyRegion, build_policy_region
from tests.web.conftest import sign_in

HTTPS = "https://scam-shop.example/pay"
HTTP = "http://scam-shop.example/pay"
TYPED = "scam-shop.example/pay"
SECRET = "SG operation COBRA: the mirror SG's red report names"
WITHHELD = ("listed by another agency", "another agency")
AGENCIES = sorted(EXPECTED_VISIBLE)


def _region(session: Session, listed: str) -> PolicyRegion:
    """SG's red report names only the ``listed`` form of the link (HTTPS or HTTP), which SG
    put on the stop-list; MY's green report, which every role sees, names the other form."""
    region = build_policy_region(session)
    seen = HTTP if listed == HTTPS else HTTPS
    add_report(
        session, agency="MY-NSRC", ref="MY-green-link", identifiers=[("url", seen, "website")]
    )
    add_report(
        session,
        agency="SG-ASCOM",
        ref="SG-red-link",
        mark="red",
        identifiers=[("url", listed, "website")],
    )
    add_stop(session, region.caller("SG-ASCOM"), kind="url", value=listed, reason=SECRET)
    session.commit()
    return region


def _page_note(session: Session, region: PolicyRegion, agency: str, listed: str) -> tuple[str, str]:
    """Return (reason, lister) of the entry as the caller's stop-list page shows it."""
    [entry] = list_stops(session, region.caller(agency), channel="api")
    assert entry.withheld == (agency != "SG-ASCOM")
    assert entry.value == ("" if entry.withheld else listed)
    return entry.reason, entry.added_by


@pytest.mark.parametrize("listed", [HTTP, HTTPS])
@pytest.mark.parametrize("agency", AGENCIES)
def test_the_note_of_a_form_hidden_from_the_caller_is_withheld_as_on_the_stop_list_page(
    session: Session, agency: str, listed: str
) -> None:
    region = _region(session, listed)
    caller = region.caller(agency)
    single = check(session, caller, kind="url", value=TYPED, country=None, channel="api")
    [bulk] = check_bulk(
        session, caller, items=[CheckItem(value=TYPED, kind="url")], country=None, channel="api"
    ).items
    page = _page_note(session, region, agency, listed)
    for result in (single, bulk):
        # Every role sees MY's green report of the other form, and learns SG holds one.
        assert result.hit and result.reports == 1 + (agency == "SG-ASCOM")
        assert result.stop_list is not None
        assert (result.stop_list.reason, result.stop_list.listed_by) == page
        if agency == "SG-ASCOM":
            assert page == (SECRET, "user-sg-ascom@SG-ASCOM")
        else:
            assert page == WITHHELD
            assert [(h.agency_code, h.mark, h.reports) for h in result.holdings] == [
                ("SG-ASCOM", "red", 1)
            ]


def test_the_public_learns_the_hit_and_nothing_of_the_note(session: Session) -> None:
    _region(session, HTTP)
    result = check(session, PUBLIC, kind="url", value=TYPED, country=None, channel="web")
    assert result.stop_list is None and result.holdings == [] and result.reports == 0


def test_the_api_and_the_check_page_of_another_member_do_not_show_the_hidden_forms_note(
    engine: Engine,
) -> None:
    session = session_factory(engine)()
    region = _region(session, HTTP)
    token = issue_token(session, username=region.users["TH-CCIB"].username).secret
    session.commit()
    session.close()
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        answer = client.get(
            "/api/v1/check",
            params={"value": TYPED, "kind": "url"},
            headers={"Authorization": f"Bearer {token}"},
        )
        sign_in(client, region.users["TH-CCIB"].username)
        shown = client.get("/check", params={"value": TYPED, "kind": "url"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["stop_list"]["reason"] == WITHHELD[0]
    assert shown.status_code == 200 and WITHHELD[0] in shown.text
    for text in (answer.text, shown.text):
        assert "COBRA" not in text and "user-sg-ascom" not in text
