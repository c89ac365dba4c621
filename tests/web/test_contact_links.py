"""An agency's contact route, where a reader learns how to ask for what it may not see, is one
click away: an e-mail address, a phone number or an https address in it is a link, and nothing
else in it ever becomes one."""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import quote

from fastapi.testclient import TestClient
from sqlalchemy import Engine, update

from counterscam.check.alerts import raise_alerts
from counterscam.db.engine import session_factory
from counterscam.db.models import Agency
from counterscam.web.contacts import contact_links
from tests.factories import PolicyRegion, make_report

CONTACT = (
    "Liaison desk liaison@nsrc.gov.my or +60 3-2266 2222 (24 h), "
    "https://nsrc.gov.my/request?ref=1&lang=en. Not javascript:alert(1) nor <b>this</b>."
)
LINKS = [
    '<a href="mailto:liaison@nsrc.gov.my">liaison@nsrc.gov.my</a>',
    '<a href="tel:+60322662222">+60 3-2266 2222</a>',
    '<a href="https://nsrc.gov.my/request?ref=1&amp;lang=en">'
    "https://nsrc.gov.my/request?ref=1&amp;lang=en</a>.",
]


def _my_contact(engine: Engine, contact: str) -> None:
    session = session_factory(engine)()
    session.execute(update(Agency).where(Agency.code == "MY-NSRC").values(contact=contact))
    session.commit()
    session.close()


def _assert_linked(html: str) -> None:
    # An address's link text may end a line after its separators (<wbr>, web/value_breaks.py).
    html = html.replace("<wbr>", "")
    for link in LINKS:
        assert link in html
    assert "Not javascript:alert(1) nor &lt;b&gt;this&lt;/b&gt;." in html
    assert not re.search(r"href=\"(?!/|#|mailto:|tel:|https://)", html)


def test_contact_routes_on_check_report_and_alert_pages_are_links(
    engine: Engine, client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    _my_contact(engine, CONTACT)
    session = session_factory(engine)()
    # A number only MY-NSRC's red report names: TH-CCIB's alert can only say whom to ask.
    my, th = region.users["MY-NSRC"].agency_id, region.users["TH-CCIB"].agency_id
    make_report(session, agency_id=my, ref="MY-red-2", mark="red", phone="+60129998877")
    own = make_report(
        session, agency_id=th, ref="TH-1", mark="green", country="TH", phone="+60129998877"
    )
    raise_alerts(session, [own.id])
    session.commit()
    session.close()
    client = client_for("TH-CCIB")  # sees MY-NSRC's clear, green and amber reports only

    check = client.get(f"/check?kind=phone&value={quote(region.phone)}")
    assert check.status_code == 200 and "HIT" in check.text
    _assert_linked(check.text)

    hidden = client.get(f"/reports/{region.reports['red'].id}")
    assert hidden.status_code == 403
    _assert_linked(hidden.text)

    alerts = client.get("/alerts?show=all")
    assert "Request it:" in alerts.text
    _assert_linked(alerts.text)


def test_only_mail_phone_and_https_become_links() -> None:
    for contact in (
        "javascript:alert(document.cookie)",
        "http://nsrc.gov.my/insecure",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "Call the 997 hotline, office hours 09.00-17.00, case 2026-03-02",
    ):
        assert "<a " not in contact_links(contact), contact
    assert contact_links('https://x.org/"onmouseover="alert(1)').replace("<wbr>", "") == (
        '<a href="https://x.org/">https://x.org/</a>&#34;onmouseover=&#34;alert(1)'
    )
    assert contact_links("(03) 2266 2222") == '<a href="tel:0322662222">(03) 2266 2222</a>'
    # The route given when an agency left its contact empty stays as it was, no link in it;
    # the agency's code it quotes is kept on one line.
    fallback = "the secretariat, quoting agency MY-NSRC"
    assert contact_links(fallback) == (
        'the secretariat, quoting agency <span class="agency-code">MY-NSRC</span>'
    )
