"""What an analyst reads on a new agency's first day and in the tables of identifiers: an empty
dashboard says there are no reports yet, and values people wrote end a line only after a
separator (``<wbr>``), as canonical values do."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient
from sqlalchemy import Engine

from counterscam.access.accounts import create_agency, create_user
from counterscam.api.app import create_app
from counterscam.config import Settings
from counterscam.db.engine import session_factory
from counterscam.web.contacts import contact_links
from tests.factories import PASSWORD, PolicyRegion, make_report
from tests.web.conftest import csrf_of, sign_in

WALLET = "0x5e1CadCB153eC3224Ee6f3C7962D248C1c504A87"


def test_a_new_agency_s_dashboard_says_it_has_no_reports_yet(engine: Engine) -> None:
    # An agency new to an empty region read "USD 0" and "Exactly USD 0.00, the tables' total"
    # over no tables, a flat trend at 0 and chart headings over nothing.
    session = session_factory(engine)()
    create_agency(session, code="LA-NEW", name="Lao desk", country="LA", kind="member")
    create_user(session, username="new.desk", password=PASSWORD, agency_code="LA-NEW")
    session.commit()
    session.close()
    with TestClient(create_app(settings=Settings(demo=True), engine=engine)) as client:
        sign_in(client, "new.desk")
        page = client.get("/").text
    loss = re.search(r'<li class="stat" id="loss-total">(.*?)</li>', page, re.S)
    assert loss is not None
    assert "None yet" in loss.group(1) and "No reports you may see yet" in loss.group(1)
    assert "0.00" not in page and "USD 0<" not in page
    assert '<h3 class="chart-title">' not in page and 'data-chart="line"' not in page
    assert "the trend starts with the first one" in page
    assert "trend to" not in page  # the month of the clock, with no report in it


def test_a_checked_list_s_values_as_written_end_a_line_after_a_separator(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # "https://very-long-scam-domain-example.com/login/se" / "cure/account/verify?" broke after
    # whichever letter filled the column.
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/check/bulk").text)
    values = (
        f"{WALLET}\nhttps://scam-example.com/login/verify?session=abc\nnot a value\n+60 12-345 6789"
    )
    page = client.post("/check/bulk", data={"values": values, "csrf_token": token}).text
    assert (
        "https://<wbr>scam-<wbr>example.<wbr>com/<wbr>login/<wbr>verify?<wbr>session=<wbr>abc"
        in (page)
    )
    assert "not a value" in page  # text with no separator is left as it is
    assert "+60 12-345 6789</a>" in page  # a short value reads as typed, never cut at "-"


def test_a_report_s_identifiers_end_a_line_after_a_separator(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    session = session_factory(engine)()
    report = make_report(
        session,
        agency_id=region.users["MY-NSRC"].agency_id,
        ref="MY-WBR-1",
        mark="green",
        phone="+60129998877",
    )
    session.commit()
    report_id = report.id
    session.close()
    page = client_for("MY-NSRC").get(f"/reports/{report_id}").text
    # The canonical value sits in an identifier cell, wide enough for a wallet from 1280 px.
    assert '<td class="cell-code cell-identifier"><code>+60129998877</code></td>' in page


def test_an_agency_s_e_mail_address_ends_a_line_after_a_separator() -> None:
    # "siber@polri.examp" / "le.id" in a checked list's holders; a phone number stays whole.
    html = contact_links("siber@polri.example.id or +60 3-2266 2222")
    assert (
        '<a href="mailto:siber@polri.example.id">siber@<wbr>polri.<wbr>example.<wbr>id</a>' in html
    )
    assert '<a href="tel:+60322662222">+60 3-2266 2222</a>' in html
