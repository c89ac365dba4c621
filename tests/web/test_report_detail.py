"""The report page as an analyst reads it: a long narrative, a person's ID document, and the
check of its website naming the related domain."""

from __future__ import annotations

import re
from collections.abc import Callable

from fastapi.testclient import TestClient

from tests.factories import PolicyRegion
from tests.web.conftest import csrf_of

STATEMENT = "The victim was added to a Telegram group promising returns on gold. " * 80
FIELDS = {
    "external_ref": "MY-WEB-LONG",
    "reported_at": "2026-03-02",
    "scam_type": "investment",
    "channel": "telegram",
    "mark": "amber",
    "narrative": STATEMENT,
    "identifiers-0-kind": "url",
    "identifiers-0-value": "https://gold-returns.example.net/join",
    "identifiers-0-role": "website",
    "parties-0-role": "victim_of_trafficking",
    "parties-0-full_name": "Aung Kyaw",
    "parties-0-nationality": "MM",
    "parties-0-id_kind": "passport",
    "parties-0-id_number": "MA1234567",
}


def _saved(client: TestClient) -> str:
    token = csrf_of(client.get("/reports/new").text)
    response = client.post("/reports/new", data={"csrf_token": token, **FIELDS})
    assert response.status_code == 200, response.text
    return response.text


def test_a_long_narrative_takes_the_pages_width(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    page = _saved(client_for("MY-NSRC"))
    # In the narrow right-hand column a pasted statement ran pages long.
    assert 'class="split split--wide-left"' not in page
    assert STATEMENT.strip() in page


def test_the_id_document_is_named_as_people_say_it(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    page = _saved(client_for("MY-NSRC"))
    assert "Passport MA1234567" in page
    assert "passport MA1234567" not in page


def test_a_related_domain_found_once_says_report_in_the_singular(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    _saved(client)
    page = client.get(
        "/check", params={"kind": "url", "value": "https://gold-returns.example.net/x"}
    )
    text = re.sub(r"\s+", " ", page.text)
    assert "reported in 1 report." in text
    assert "report(s)" not in text


def test_an_account_without_its_bank_is_flagged_beside_the_bank_box(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/reports/new").text)
    fields = {
        **FIELDS,
        "identifiers-1-kind": "bank_account",
        "identifiers-1-value": "5140 1234 5678",
        "identifiers-1-role": "beneficiary_account",
    }
    response = client.post("/reports/new", data={"csrf_token": token, **fields})
    assert response.status_code == 400
    page = response.text
    assert 'href="#identifiers-1-qualifier"' in page
    assert 'id="identifiers-1-qualifier-error"' in page
    assert "does not say which bank" in page
    # What was typed stays in its box.
    assert 'value="5140 1234 5678"' in page


def test_a_victim_age_or_gender_not_recorded_says_which(
    client_for: Callable[[str], TestClient], region: PolicyRegion
) -> None:
    client = client_for("MY-NSRC")
    token = csrf_of(client.get("/reports/new").text)
    fields = {**FIELDS, "victim_age_band": "35_44", "victim_gender": "unknown"}
    page = client.post("/reports/new", data={"csrf_token": token, **fields}).text
    # "35-44, Not recorded" named neither what was not recorded nor that it was the gender.
    assert "35-44, gender not recorded" in page
    fields = {**FIELDS, "victim_age_band": "unknown", "victim_gender": "female"}
    page = client.post("/reports/new", data={"csrf_token": token, **fields}).text
    assert "Age not recorded, Female" in page
    assert "Not recorded" not in page
