"""The check pages say what a shared value is: a big platform, a private address, a burn wallet."""

from __future__ import annotations

from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.db.engine import session_factory
from counterscam.identifiers import canonicalize
from tests.check.helpers import add_report
from tests.factories import PolicyRegion
from tests.web.conftest import csrf_of

ROUTER = "192.168.1.1"


def _check(client: TestClient, url: str, **fields: str) -> str:
    token = csrf_of(client.get(url).text)
    return client.post(url, data={"csrf_token": token, **fields}).text


def _reported(engine: Engine, kind: str, raw: str) -> None:
    """Add a clear report in Singapore and one in Thailand naming ``raw`` as intake keeps it."""
    found = canonicalize(kind, raw)
    with session_factory(engine)() as session:
        for agency in ("SG-ASCOM", "TH-CCIB"):
            add_report(
                session,
                agency=agency,
                ref=f"{agency}-{kind}",
                mark="clear",
                identifiers=[(found.kind, found.value, "other")],
                shared_platform=found.shared_platform,
            )
        session.commit()


def test_the_check_page_calls_a_router_address_private_not_a_platform(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    _reported(engine, "ip", ROUTER)
    page = _check(client_for("MY-NSRC"), "/check", kind="ip", value=ROUTER)
    assert "HIT" in page
    assert "private or local network address" in page
    assert "links no reports and raises no alerts" in page
    assert "big shared platform" not in page


def test_the_public_page_and_api_say_it_too(
    app_client: TestClient, region: PolicyRegion, engine: Engine
) -> None:
    _reported(engine, "ip", ROUTER)
    page = _check(app_client, "/public/check", kind="ip", value=f"({ROUTER})")
    assert "private or local network address" in page and "big shared platform" not in page
    body = app_client.get("/api/v1/check", params={"kind": "ip", "value": ROUTER}).json()
    assert body["shared_platform"] is True
    assert "private or local network address" in body["shared_note"]


def test_a_burn_address_is_called_one(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    burn = "0x000000000000000000000000000000000000dead"
    _reported(engine, "crypto_wallet", burn)
    page = _check(client_for("TH-CCIB"), "/check", kind="crypto_wallet", value=burn)
    assert "well-known burn address" in page and "big shared platform" not in page


def test_a_platform_keeps_its_own_notice(
    client_for: Callable[[str], TestClient], region: PolicyRegion, app_client: TestClient
) -> None:
    page = _check(client_for("MY-NSRC"), "/check", kind="domain", value="facebook.com")
    assert "This is a big shared platform" in page
    body = app_client.get("/api/v1/check", params={"kind": "domain", "value": "facebook.com"})
    assert "many honest people and businesses" in body.json()["shared_note"]


def test_a_link_on_a_router_address_says_so_and_so_does_its_address(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    page = _check(client_for("MY-NSRC"), "/check", kind="url", value="http://192.168.1.1/login")
    assert "This link is on a private or local network address (192.168.0.0/16, private)" in page
    # The address beside it, as context: it was called "a shared platform".
    assert "links no reports and raises no alerts. Not checked on its own." in page
    assert "a shared platform, not checked" not in page
