"""Every value people typed that a page shows keeps a direction override inside itself."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.factories import PolicyRegion
from tests.web.conftest import csrf_of
from tests.web.test_report_edit import BASE, _save_new

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: the text after it is drawn right to left


def _outside_bdi(html: str) -> list[str]:
    """Return the text around each override of the page's main part not inside a <bdi>."""
    main = html[html.index("<main") :]
    return [
        main[max(0, at - 80) : at + 20]
        for at in (m.start() for m in re.finditer(RLO, main))
        if main.rfind("<bdi>", 0, at) < main.rfind("</bdi>", 0, at)
        or main.rfind("<bdi>", 0, at) < 0
    ]


def test_overrides_in_names_places_and_reasons_stay_in_their_values(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # A name, an ID number, a place and its address, a stop-list reason, each holding U+202E:
    # drawn after "Passport", before "(listed by ...)", they turned what followed around.
    client = client_for("MY-NSRC")
    typed = {
        "parties-0-full_name": f"Ali {RLO}Khan",
        "parties-0-id_number": f"E123{RLO}45",
        "places-0-name": f"KK {RLO}Park",
        "places-0-address": f"Street {RLO}7",
    }
    url = _save_new(client, {**BASE, **typed})
    report = client.get(url).text
    assert report.count(RLO) >= len(typed)
    assert _outside_bdi(report) == []

    token = csrf_of(client.get("/stop-list").text)
    reason = f"genuine hotline {RLO}reported by mistake"
    fields = {"kind": "phone", "value": "012-345 6789", "reason": reason, "csrf_token": token}
    client.post("/stop-list", data=fields)
    for page in (
        client.get("/stop-list").text,
        client.get("/check?kind=phone&value=0123456789").text,
    ):
        assert reason in page
        assert _outside_bdi(page) == []
