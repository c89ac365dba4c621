"""The check page: HIT or NO HIT first, then what the caller may see, and who holds the rest."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.db.engine import session_factory
from tests.check.helpers import add_report
from tests.factories import PolicyRegion, make_report
from tests.web.conftest import csrf_of


def _check(client: TestClient, url: str, **fields: str) -> str:
    token = csrf_of(client.get(url).text)
    response = client.post(url, data={"csrf_token": token, **fields})
    return response.text


def test_member_sees_hit_facts_and_hidden_holders(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    page = _check(client_for("TH-CCIB"), "/check", value="012-345 6789", country="MY")
    assert page.index("HIT") < page.index("Reports you may see")
    assert "+60123456789" in page
    assert "Malaysia" in page and "Investment scam" in page
    assert "USD 3,000.00" in page  # clear, green and amber: 3 reports of USD 1,000
    assert f'href="/reports/{region.reports["amber"].id}"' in page
    assert f'href="/reports/{region.reports["red"].id}"' not in page
    assert "Records you may not see" in page and "TLP:RED" in page


def test_partner_learns_only_who_holds_amber_records(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    page = _check(client_for("AU-AFP"), "/check", kind="phone", value="+60123456789")
    assert "HIT" in page
    assert "USD 2,000.00" in page
    assert f'href="/reports/{region.reports["amber"].id}"' not in page
    assert "MY-NSRC" in page and "TLP:AMBER" in page
    assert "narrative" not in page


def test_unknown_number_is_no_hit(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    page = _check(client_for("MY-NSRC"), "/check", kind="phone", value="+6598765432")
    assert "NO HIT" in page


def test_invalid_value_shows_the_reason_beside_the_field(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/check").text)
    response = client.post(
        "/check", data={"csrf_token": token, "kind": "phone", "value": "+60 12", "country": "MY"}
    )
    assert response.status_code == 400
    assert "There is a problem" in response.text
    assert 'href="#value"' in response.text and 'id="value-error"' in response.text
    assert "too short for a phone number in Malaysia" in response.text
    assert "HIT" not in response.text


def test_empty_value_is_asked_for(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    page = _check(client_for("MY-NSRC"), "/check", value="")
    assert "Enter the number, account, wallet, website or address to check" in page


def test_link_from_a_report_checks_at_once(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    page = client_for("SG-ASCOM").get("/check?kind=phone&value=%2B60123456789").text
    assert "HIT" in page and "Reports you may see" in page


def test_public_check_needs_no_account_and_says_only_hit_or_no_hit(
    app_client: TestClient, region: PolicyRegion
) -> None:
    page = _check(app_client, "/public/check", kind="phone", value="+60123456789")
    assert "HIT" in page and "NO HIT" not in page
    assert "MY-NSRC" not in page and "Reports you may see" not in page
    page = _check(app_client, "/public/check", kind="phone", value="+6598765432")
    assert "NO HIT" in page


def test_check_page_needs_sign_in(app_client: TestClient, region: PolicyRegion) -> None:
    assert app_client.get("/check", follow_redirects=False).status_code == 303


def test_public_check_is_limited_per_address_and_says_how_long_to_wait(
    engine: Engine, region: PolicyRegion
) -> None:
    app = create_app(settings=Settings(demo=True, public_check_rate="3/minute"), engine=engine)
    with TestClient(app) as client:
        for _ in range(3):
            assert "NO HIT" in _check(client, "/public/check", kind="phone", value="+6598765432")
        token = csrf_of(client.get("/public/check").text)
        response = client.post(
            "/public/check",
            data={"kind": "phone", "value": "+6598765432", "csrf_token": token},
        )
        assert response.status_code == 429
        assert 1 <= int(response.headers["Retry-After"]) <= 60
        assert "Too many checks from your address" in response.text
        assert "NO HIT" not in response.text
    with TestClient(app, client=("203.0.113.9", 50000)) as other:  # another address is not held
        assert "NO HIT" in _check(other, "/public/check", kind="phone", value="+6598765432")


def test_an_unreadable_public_rate_is_refused_with_how_to_write_it() -> None:
    with pytest.raises(ValueError, match="write it like 30/minute"):
        Settings(demo=True, public_check_rate="lots")


def test_a_hit_only_in_hidden_records_gives_no_loss_figure(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    # The page said "Total reported loss USD 0.00" beside "Reports you may see 0": as though
    # the hidden reports had lost nothing.
    with session_factory(engine)() as session:
        my = region.reports["red"].agency_id
        make_report(session, agency_id=my, ref="MY-red-2", mark="red", phone="+60198887777")
        session.commit()
    page = _check(client_for("TH-CCIB"), "/check", kind="phone", value="+60198887777")
    assert "HIT" in page and "TLP:RED" in page
    assert "USD 0.00" not in page
    assert '– <span class="muted">(no report you may see)</span>' in page


def test_public_check_of_a_shared_platform_says_so_in_the_page_and_the_api(
    app_client: TestClient, region: PolicyRegion, engine: Engine
) -> None:
    # The signed-in answer said "shared platform"; the public one said shared_platform: false
    # and the page just "HIT ... Do not send money" for facebook.com, named by a clear report.
    with session_factory(engine)() as session:
        add_report(
            session,
            agency="SG-ASCOM",
            ref="SG-fb",
            mark="clear",
            identifiers=[("domain", "facebook.com", "website")],
            shared_platform=True,
        )
        session.commit()
    page = _check(app_client, "/public/check", kind="domain", value="facebook.com")
    assert "HIT" in page and "This is a big shared platform" in page
    body = app_client.get("/api/v1/check", params={"kind": "domain", "value": "facebook.com"})
    assert body.json()["hit"] is True and body.json()["shared_platform"] is True
    page = _check(app_client, "/public/check", kind="phone", value="+60123456789")
    assert "shared platform" not in page


def test_a_stop_listed_value_says_so_and_why(
    client_for: Callable[[str], TestClient], region: PolicyRegion, engine: Engine
) -> None:
    from counterscam.link.stoplist import add_stop

    session = session_factory(engine)()
    add_stop(
        session,
        region.caller("MY-NSRC"),
        kind="phone",
        value=region.phone,
        reason="a bank's genuine hotline",
    )
    session.commit()
    session.close()
    page = _check(client_for("TH-CCIB"), "/check", kind="phone", value=region.phone)
    assert 'id="stop-list-note"' in page
    assert "a bank&#39;s genuine hotline" in page and "user-my-nsrc@MY-NSRC" in page
    unlisted = _check(client_for("TH-CCIB"), "/check", kind="phone", value="+6591234567")
    assert 'id="stop-list-note"' not in unlisted


def test_the_form_reads_local_numbers_in_the_callers_country_unless_changed(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    th = client_for("TH-CCIB").get("/check").text
    assert '<option value="TH" selected' in th
    bulk = client_for("TH-CCIB").get("/check/bulk").text
    assert '<option value="TH" selected' in bulk
    # A link with a local number reads it there too: 012-345 6789 is Malaysian to MY's analysts.
    linked = client_for("MY-NSRC").get("/check", params={"kind": "phone", "value": "012-345 6789"})
    assert linked.status_code == 200 and "+60123456789" in linked.text
    # A partner outside the region reads them only in the country it chooses.
    au = client_for("AU-AFP").get("/check").text
    assert "selected" not in au.split('name="country"')[1].split("</select>")[0]
