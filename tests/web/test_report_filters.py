"""The reports list's filters read in the address as the API reads them: any case, and a value
that is no country or scam type said under "There is a problem" rather than answered with an
empty list, which reads as "no such reports" (``scam_type=Investment`` listed none)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from html import unescape

from fastapi.testclient import TestClient

from tests.factories import EXPECTED_VISIBLE, PolicyRegion


def _refs(response_text: str) -> list[str]:
    return [r["Reference"] for r in csv.DictReader(io.StringIO(response_text.lstrip("\ufeff")))]


def test_a_filter_in_another_case_lists_what_the_code_lists(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    visible = len(EXPECTED_VISIBLE["MY-NSRC"])
    for address in ("/reports?scam_type=Investment", "/reports?scam_type=INVESTMENT&country=my"):
        response = client.get(address)
        assert response.status_code == 200, address
        assert f"{visible:,} reports" in response.text, address
        assert "No reports match these filters" not in response.text
    assert 'value="investment" selected' in client.get("/reports?scam_type=Investment").text
    wanted = _refs(client.get("/reports.csv?scam_type=investment").text)
    assert len(wanted) == visible
    assert _refs(client.get("/reports.csv?scam_type=Investment&country=my").text) == wanted


def test_a_filter_naming_no_country_or_scam_type_is_said(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    response = client.get("/reports?country=Malaysia&scam_type=romance scam")
    assert response.status_code == 400
    page = unescape(response.text)
    assert "There is a problem" in page
    assert "“country=Malaysia” in the address is not a reporting country" in page
    assert "“scam_type=romance scam” in the address is not a scam type" in page
    # The list under it is the unfiltered one, as its filter boxes say ("All countries").
    assert f"{len(EXPECTED_VISIBLE['MY-NSRC']):,} reports" in page
    # Cut to two letters, "MYX" was read as MY.
    assert client.get("/reports?country=MYX").status_code == 400
    # A country no member reports from is not in the box either, which would read "All".
    assert client.get("/reports?country=AU").status_code == 400

    download = client.get("/reports.csv?scam_type=Romance-Scam")
    assert download.status_code == 400
    assert "is not a scam type" in unescape(download.text)
    assert client.get("/reports.csv?country=XX").status_code == 400
    refused = client.get("/reports.csv", params={"scam_type": "<script>x</script>"})
    assert refused.status_code == 400 and "<script>x" not in refused.text


def test_the_cluster_list_reads_its_filters_the_same_way(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    assert client.get("/clusters?scam_type=Investment&country=my").status_code == 200
    assert 'value="investment" selected' in client.get("/clusters?scam_type=Investment").text
    response = client.get("/clusters?country=MYX&scam_type=romance scam")
    assert response.status_code == 400
    page = unescape(response.text)
    assert "“country=MYX” in the address is not a reporting country" in page
    assert "“scam_type=romance scam” in the address is not a scam type" in page
    download = client.get("/clusters.csv?country=Malaysia")
    assert download.status_code == 400 and "is not a reporting country" in unescape(download.text)
    assert client.get("/clusters.csv?scam_type=INVESTMENT").status_code == 200


def test_a_filter_given_twice_is_said_and_left_out(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    # The page read the last one ("country=MY&country=TH" listed Thailand's) and said nothing;
    # the API refuses a repeated filter.
    client = client_for("MY-NSRC")
    response = client.get("/reports?country=MY&country=TH&scam_type=investment")
    assert response.status_code == 400
    page = unescape(response.text)
    assert "“country=MY” and “country=TH” in the address: the list takes one" in page
    assert f"{len(EXPECTED_VISIBLE['MY-NSRC']):,} reports" in page  # the country left out
    # The same value twice is one filter, as a form with a box repeated sends it.
    assert client.get("/reports?country=MY&country=my").status_code == 200
    assert client.get("/reports.csv?scam_type=investment&scam_type=romance").status_code == 400
    clusters = client.get("/clusters?country=MY&country=TH")
    assert clusters.status_code == 400 and "the list takes one" in unescape(clusters.text)
