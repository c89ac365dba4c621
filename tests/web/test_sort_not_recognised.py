"""A sort the address asks for that a list does not offer, or a direction given apart from the
sort (``order=desc``), is said under "There is a problem" with the sorts the list offers, over
the list in its usual order: not dropped without a word."""

from __future__ import annotations

from collections.abc import Callable
from html import unescape

from fastapi.testclient import TestClient

from tests.factories import PolicyRegion

REPORT_SORTS = "Reference, Agency, Reported or Loss (USD)."


def _problem(client: TestClient, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 400, address
    assert "There is a problem" in response.text
    return unescape(response.text)


def test_the_reports_list_names_what_it_did_not_recognise_and_its_sorts(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    page = _problem(client, "/reports?sort=loss")
    assert "“sort=loss” in the address is not recognised. Choose how to sort" in page
    assert REPORT_SORTS in page
    assert "MY-clear" in page and 'aria-sort="ascending"' not in page  # newest first

    # The direction was dropped without a word: the list came oldest first as if asked.
    page = _problem(client, "/reports?sort=reported&order=desc")
    assert "“order=desc” in the address is not recognised" in page and REPORT_SORTS in page
    assert 'aria-sort="ascending"' in page  # the sort given is kept
    page = _problem(client, "/reports?sort=size&direction=asc")
    assert "“sort=size” and “direction=asc” in the address are not recognised" in page
    # An empty direction box of some form is no request at all.
    assert client.get("/reports?sort=reported&order=").status_code == 200


def test_alerts_and_clusters_name_their_own_sorts(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    page = _problem(client, "/alerts?show=all&dir=asc")
    assert "“dir=asc” in the address is not recognised" in page
    assert "Raised, Identifier, Your report or Also reported by." in page
    page = _problem(client, "/clusters?sort=size")
    assert "“sort=size” in the address is not recognised" in page
    assert (
        "Total loss, Countries involved, Number of reports, Growth in the last 30 days"
        " or Most recent report." in page
    )


def test_what_the_address_said_is_shown_escaped_and_short(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    response = client.get("/reports", params={"sort": "<script>alert(1)</script>" + "x" * 200})
    assert response.status_code == 400
    assert "<script>alert(1)" not in response.text
    assert "“sort=&lt;script&gt;alert(1)&lt;/script&gt;xxxxxxxxxxxxxxx…”" in response.text
